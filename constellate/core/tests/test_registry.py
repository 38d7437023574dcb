"""The registry: each app declares what it adds in `contributions.py`; core finds it."""

import sys
import textwrap
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils.translation import gettext_lazy as _

from constellate.core import registry as registry_mod
from constellate.core.registry import (
    ContributionType,
    PublicSection,
    autodiscover,
    public_sections,
    register_contribution_type,
    registry,
)

# Tests may use the domain apps' factories; core's own code never imports a domain app.
from constellate.initiatives.tests.factories import InitiativeFactory


def test_accounts_declares_its_personal_data():
    assert {"profile", "memberships", "participations"} <= set(registry.personal_data)
    for item in registry.personal_data.values():
        assert callable(item.export)
        assert callable(item.erase)


def test_autodiscover_is_safe_to_run_twice():
    before = dict(registry.personal_data)
    autodiscover()
    assert registry.personal_data.keys() == before.keys()


def _fake_app(tmp_path, monkeypatch, name: str, contributions: str | None):
    package = tmp_path / name
    package.mkdir()
    (package / "__init__.py").write_text("")
    if contributions is not None:
        (package / "contributions.py").write_text(textwrap.dedent(contributions))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry_mod.apps, "get_app_configs", lambda: [SimpleNamespace(name=name)])


def test_autodiscover_imports_contributions_of_every_app(tmp_path, monkeypatch):
    monkeypatch.setattr(registry_mod, "registry", registry_mod.Registry())
    _fake_app(
        tmp_path,
        monkeypatch,
        "fake_stories_app",
        """
        from constellate.core import registry
        registry.registry.public_sections["fake"] = "declared"
        """,
    )
    autodiscover()
    assert registry_mod.registry.public_sections == {"fake": "declared"}
    sys.modules.pop("fake_stories_app.contributions", None)


def test_autodiscover_skips_apps_without_contributions(tmp_path, monkeypatch):
    _fake_app(tmp_path, monkeypatch, "fake_plain_app", None)
    autodiscover()  # no error


def test_autodiscover_does_not_hide_a_broken_contributions_module(tmp_path, monkeypatch):
    _fake_app(tmp_path, monkeypatch, "fake_broken_app", "import a_module_that_is_missing\n")
    with pytest.raises(ModuleNotFoundError):
        autodiscover()


def test_a_registered_contribution_type_is_found_with_its_model(monkeypatch):
    monkeypatch.setattr(registry, "contribution_types", {})
    register_contribution_type(
        ContributionType(key="note", label=_("Note"), model="accounts.Participant")
    )
    item = registry.contribution_types["note"]
    assert item.get_model()._meta.label == "accounts.Participant"


@pytest.fixture
def section_template(tmp_path, settings):
    (tmp_path / "test_section.html").write_text(
        '<section id="test-section"><h2>{{ heading }}</h2><p>{{ initiative.title }}</p>'
        "<p>{{ count }} stories</p></section>"
    )
    (tmp_path / "test_second.html").write_text('<section id="second-section"></section>')
    templates = [dict(t) for t in settings.TEMPLATES]
    templates[0]["DIRS"] = [*templates[0]["DIRS"], tmp_path]
    settings.TEMPLATES = templates


@pytest.mark.django_db
def test_public_sections_appear_on_the_public_page_in_order(section_template, monkeypatch):
    monkeypatch.setattr(registry, "public_sections", {})
    seen = []

    def context(initiative):
        seen.append(initiative)
        return {"heading": "<b>Verhalen</b>", "count": 7}

    registry.public_sections["stories"] = PublicSection(
        key="stories", template="test_section.html", context=context, order=20
    )
    registry.public_sections["first"] = PublicSection(
        key="first", template="test_second.html", context=lambda i: {}, order=10
    )
    assert [s.key for s in public_sections()] == ["first", "stories"]
    initiative = InitiativeFactory(title="Samen Houten")
    response = Client().get(initiative.get_public_url())
    body = response.content.decode()
    assert seen == [initiative]
    assert '<section id="test-section">' in body
    assert "&lt;b&gt;Verhalen&lt;/b&gt;" in body  # section context is escaped too
    assert "7 stories" in body
    assert body.index('id="second-section"') < body.index('id="test-section"')


@pytest.mark.django_db
def test_without_sections_the_public_page_still_renders(monkeypatch):
    monkeypatch.setattr(registry, "public_sections", {})
    initiative = InitiativeFactory()
    assert Client().get(initiative.get_public_url()).status_code == 200


@pytest.mark.django_db
def test_apps_add_tabs_and_panels_to_the_initiative_page_and_the_dashboard(
    section_template, monkeypatch
):
    from constellate.accounts.tests.factories import member
    from constellate.core.registry import DashboardPanel, InitiativePanel, InitiativeTab
    from constellate.initiatives.services import initiative_touch

    monkeypatch.setattr(registry, "initiative_tabs", {})
    monkeypatch.setattr(registry, "initiative_panels", {})
    monkeypatch.setattr(registry, "dashboard_panels", {})
    counts = {"n": 3}
    registry.initiative_tabs["team-again"] = InitiativeTab(
        key="team-again",
        label="Compass <tab>",
        url_name="initiatives:members",
        current_prefix="initiatives:members",
    )
    registry.initiative_panels["stories"] = InitiativePanel(
        key="stories",
        template="test_section.html",
        context=lambda i: {"heading": "Open rounds", "count": counts["n"]},
    )
    registry.initiative_panels["nothing"] = InitiativePanel(
        key="nothing", template="missing.html", context=lambda i: None
    )
    registry.dashboard_panels["actions"] = DashboardPanel(
        key="actions",
        template="test_second.html",
        context=lambda user, today: {"initiative": None} if user.is_authenticated else None,
    )
    initiative = InitiativeFactory()
    client = Client()
    client.force_login(member(initiative.organisation))

    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Compass &lt;tab&gt;" in page
    assert "3 stories" in page
    # The overview is cached; touching the initiative shows the panel's new content.
    counts["n"] = 4
    assert "3 stories" in client.get(initiative.get_absolute_url()).content.decode()
    initiative_touch(initiative.pk)
    assert "4 stories" in client.get(initiative.get_absolute_url()).content.decode()
    members_page = client.get(f"/initiatives/{initiative.pk}/members/").content.decode()
    assert members_page.count('aria-current="page"') >= 2  # the added tab and Team

    dashboard = client.get("/dashboard/").content.decode()
    assert 'id="second-section"' in dashboard
