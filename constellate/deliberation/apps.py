from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliberationConfig(AppConfig):
    name = "constellate.deliberation"
    label = "deliberation"
    verbose_name = _("Deliberation")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        post_migrate.connect(_search_index_ensured, sender=self)


def _search_index_ensured(sender, using="default", **kwargs):
    """A SQLite table rebuild (some schema changes) drops the idea search's triggers: put
    them back after every migrate."""
    from constellate.deliberation.search_ideas import ensure_sqlite_index

    ensure_sqlite_index(using)
