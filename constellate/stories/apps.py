from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "constellate.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from constellate.stories import signals  # noqa: F401
