from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "constellate.demo"
    label = "demo"
    verbose_name = "Demo data"
