"""The ideas' full-text index: kept up to date on every write (also erasure), the path for
many matches, lost SQLite triggers put back, and the index used on PostgreSQL."""

import pytest
from django.db import connection

from constellate.core import fulltext
from constellate.deliberation import search_ideas as search
from constellate.deliberation import selectors_ideas as selectors
from constellate.deliberation.models import Idea
from constellate.deliberation.tests.factories import idea_round_activity, ideas

pytestmark = pytest.mark.django_db


def _found(idea_round, query, **filters):
    return {i.pk for i in selectors.idea_list(idea_round=idea_round, query=query, **filters)}


def test_the_index_follows_changes_and_deletes():
    _activity, idea_round = idea_round_activity()
    (idea,) = ideas(idea_round, ["Leeshoek"])
    assert _found(idea_round, "leeshoek") == {idea.pk}
    Idea.objects.filter(pk=idea.pk).update(title="Voorleesuur", description="Op zaterdag")
    assert _found(idea_round, "leeshoek") == set()
    assert _found(idea_round, "zaterdag") == {idea.pk}
    idea.delete()
    assert _found(idea_round, "zaterdag") == set()


def test_case_does_not_matter_and_on_sqlite_accents_neither():
    _activity, idea_round = idea_round_activity()
    (idea,) = ideas(idea_round, ["Café in het Ideeënhuis"])
    assert _found(idea_round, "IDEEËNHUIS") == {idea.pk}
    assert _found(idea_round, "CAFÉ") == {idea.pk}
    if connection.vendor == "sqlite":  # PostgreSQL's 'simple' configuration keeps accents
        assert _found(idea_round, "cafe") == {idea.pk}


def test_many_matches_take_the_other_path_with_the_same_answer(monkeypatch):
    _activity, idea_round = idea_round_activity()
    made = ideas(idea_round, ["Bankjes een", "Bankjes twee", "Bankjes drie", "Iets anders"])
    monkeypatch.setattr(fulltext, "FEW_MATCHES", 1)
    assert _found(idea_round, "bankjes") == {i.pk for i in made[:3]}
    assert _found(idea_round, "bankjes", sort="supported") == {i.pk for i in made[:3]}


def test_another_rounds_ideas_are_never_found():
    _activity, idea_round = idea_round_activity()
    _other, other_round = idea_round_activity()
    ideas(other_round, ["Leeshoek elders"])
    assert _found(idea_round, "leeshoek") == set()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS triggers")
def test_lost_triggers_are_put_back_and_the_index_rebuilt():
    _activity, idea_round = idea_round_activity()
    with connection.cursor() as cursor:
        for name in search.SQLITE_TRIGGER_NAMES:
            cursor.execute(f"DROP TRIGGER {name}")
    (idea,) = ideas(idea_round, ["Na het verbouwen"])
    assert _found(idea_round, "verbouwen") == set()
    assert search.ensure_sqlite_index() is True
    assert _found(idea_round, "verbouwen") == {idea.pk}
    assert search.ensure_sqlite_index() is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's GIN index")
def test_postgresql_can_answer_a_search_from_the_gin_index():
    _activity, idea_round = idea_round_activity()
    ideas(idea_round, ["Leeshoek"])
    sql, params = search.search_ideas(Idea.objects.all(), "leeshoek").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert search.PG_INDEX_NAME in plan, plan
