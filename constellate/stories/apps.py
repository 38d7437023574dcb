from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "constellate.stories"
    label = "stories"
    verbose_name = _("Stories")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from constellate.stories import signals  # noqa: F401

        post_migrate.connect(_search_index_ensured, sender=self)


def _search_index_ensured(sender, using="default", **kwargs):
    """A SQLite table rebuild (some schema changes) drops the search index's triggers: put
    them back after every migrate."""
    from constellate.stories.search import ensure_sqlite_index

    ensure_sqlite_index(using)
