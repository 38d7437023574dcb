"""Plain-SQL single-row reads give the same instance the ORM gives."""

import pytest
from django.db import connection

from constellate.core.rows import fetch_one

# Tests may use the domain apps' factories; core's own code never imports a domain app.
from constellate.initiatives.models import Initiative
from constellate.initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_a_row_read_in_plain_sql_equals_the_orm_read():
    initiative = InitiativeFactory(
        target_groups=["Werkzoekenden", "Werkgevers"], languages=["nl", "en"], place="Houten"
    )
    plain = fetch_one(Initiative, where="t.id = %s", params=[initiative.pk])
    orm = Initiative.objects.get(pk=initiative.pk)
    assert _fields(plain) == _fields(orm)  # JSON lists and aware datetimes converted alike
    assert plain._state.adding is False and plain._state.db == "default"
    assert plain.organisation == initiative.organisation  # relations load as usual


def test_extra_expressions_become_attributes_and_a_missing_row_is_none():
    initiative = InitiativeFactory(title="Samen")
    found = fetch_one(
        Initiative,
        where="t.id = %s",
        params=["x", initiative.pk],
        extra=[("marker", "%s")],
    )
    assert found.marker == "x" and found.title == "Samen"
    assert fetch_one(Initiative, where="t.id = %s", params=[initiative.pk + 1000]) is None


def test_a_joined_row_comes_along_or_is_none(client, django_user_model):
    from constellate.accounts.models import Session

    user = django_user_model.objects.create_user(email="a@example.org", password="x" * 20)
    client.force_login(user)
    key = client.session.session_key
    join = ("person", django_user_model, "j.id = t.user_id")
    session = fetch_one(Session, where="t.session_key = %s", params=[key], join=join)
    assert session.expire_date == Session.objects.get(pk=key).expire_date
    assert session.person == user and session.person.email == "a@example.org"
    Session.objects.filter(pk=key).update(user=None)
    assert fetch_one(Session, where="t.session_key = %s", params=[key], join=join).person is None


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements: PostgreSQL only"
)


def _prepared(table: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall() if f'FROM "{table}" t' in row[0]]


@postgresql_only
def test_on_postgresql_the_read_is_prepared_once_and_reused():
    first, second = InitiativeFactory(title="Eerste"), InitiativeFactory(title="Tweede")
    assert fetch_one(Initiative, where="t.id = %s", params=[first.pk]).title == "Eerste"
    assert fetch_one(Initiative, where="t.id = %s", params=[second.pk]).title == "Tweede"
    statements = _prepared("initiatives_initiative")
    assert len(statements) == 1 and "t.id = $1" in statements[0]


@postgresql_only
def test_without_prepared_statements_the_read_is_not_prepared(monkeypatch):
    monkeypatch.delitem(connection.settings_dict["OPTIONS"], "prepare_threshold")
    initiative = InitiativeFactory(title="Los")
    assert fetch_one(Initiative, where="t.id = %s", params=[initiative.pk]).title == "Los"
    assert _prepared("initiatives_initiative") == []


def test_the_read_is_logged_like_any_query(django_assert_num_queries):
    initiative = InitiativeFactory()
    with django_assert_num_queries(1) as captured:
        fetch_one(Initiative, where="t.id = %s", params=[initiative.pk])
    assert '"initiatives_initiative" t WHERE t.id = ' in captured.captured_queries[0]["sql"]
