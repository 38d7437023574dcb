"""The Stories list's newest-first index, and the full-text index of stories (see constellate/stories/search.py): a GIN index on
PostgreSQL, an FTS5 table kept up to date by triggers on SQLite, nothing elsewhere."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

from constellate.stories import search


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        story = apps.get_model("stories", "Story")
        schema_editor.add_index(story, GinIndex(search.SEARCH_VECTOR, name=search.PG_INDEX_NAME))
    elif vendor == "sqlite":
        schema_editor.execute(search.SQLITE_CREATE_TABLE)
        for sql in search.SQLITE_TRIGGERS:
            schema_editor.execute(sql)
        schema_editor.execute(search.SQLITE_REBUILD)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {search.PG_INDEX_NAME}")
    elif vendor == "sqlite":
        for sql in search.SQLITE_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("stories", "0001_initial")]

    operations = [
        migrations.AddIndex(
            model_name="story",
            index=models.Index(
                fields=["status", "-created_at", "-id", "activity"], name="story_newest_idx"
            ),
        ),
        migrations.RunPython(create, drop, elidable=False),
    ]
