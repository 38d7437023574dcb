from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "constellate.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from constellate.core import registry

        registry.autodiscover()
