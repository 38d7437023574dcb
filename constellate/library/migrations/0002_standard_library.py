"""Load the standard method and case library, so a fresh install has it without demo data."""

from django.db import migrations


def load(apps, schema_editor):
    from constellate.library.services import library_standard_sync

    library_standard_sync(
        method_model=apps.get_model("library", "Method"),
        case_model=apps.get_model("library", "Case"),
    )


def unload(apps, schema_editor):
    apps.get_model("library", "Case").objects.all().delete()
    apps.get_model("library", "Method").objects.filter(organisation__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
