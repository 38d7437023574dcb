"""The Stories list's newest-first index, and the full-text index of stories (see
constellate/stories/search.py): a GIN index on a stored generated tsvector column on
PostgreSQL, an FTS5 table kept up to date by triggers on SQLite, nothing elsewhere."""

from django.db import migrations, models

from constellate.stories import search


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in search.PG_CREATE:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        schema_editor.execute(search.SQLITE_CREATE_TABLE)
        for sql in search.SQLITE_TRIGGERS:
            schema_editor.execute(sql)
        schema_editor.execute(search.SQLITE_REBUILD)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in search.PG_DROP:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        for sql in search.SQLITE_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("stories", "0003_mobilisation")]

    operations = [
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                fields=["status", "-created_at", "-id", "activity"], name="story_newest_idx"
            ),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
