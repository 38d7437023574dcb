from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CosmosConfig(AppConfig):
    name = "constellate.cosmos"
    label = "cosmos"
    verbose_name = _("COSMOS models")
