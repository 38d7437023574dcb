"""No N+1 in the library, nor in the canvas pages that now read it: the same number of SQL
queries with 10 items as with 100."""

from itertools import count

import pytest
from django.test import Client
from django.urls import reverse

from constellate.accounts.roles import InitiativeRole, OrgRole
from constellate.accounts.tests.factories import OrganisationFactory, member
from constellate.initiatives.models import CanvasVersion
from constellate.initiatives.tests.factories import InitiativeFactory, InitiativeMembershipFactory
from constellate.initiatives.tests.support import page_queries
from constellate.library.models import Case, Method
from constellate.library.services import case_index_fields, method_index_fields
from constellate.library.tests.factories import method_texts

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("standard_library")]

_serial = count()


class Scene:
    def __init__(self):
        self.org = OrganisationFactory(slug="teller")
        self.admin = member(self.org, OrgRole.ADMIN)
        self.initiative = InitiativeFactory(organisation=self.org)
        InitiativeMembershipFactory(
            initiative=self.initiative, user=self.admin, role=InitiativeRole.LEAD
        )
        self.method = Method.objects.get(key="community_reporting")
        self.case = Case.objects.get(key="houten-work-income")
        self.counts: dict[str, int] = {}

    def grow(self, what: str, target: int) -> None:
        n = target - self.counts.get(what, 0)
        self.counts[what] = target
        getattr(self, f"_grow_{what}")(n)

    def _own_methods(self, n: int) -> list[Method]:
        methods = []
        for _ in range(n):
            i = next(_serial)
            method = Method(
                organisation=self.org,
                key=f"teller-methode-{i}",
                category="events",
                phases=["co_design"],
                elements=["empathy", "get_talking"],
                effort="low",
                group_min=2,
                group_max=20,
                texts=method_texts(f"Methode {i}"),
            )
            method_index_fields(method)
            methods.append(method)
        return Method.objects.bulk_create(methods)

    def _grow_methods(self, n: int) -> None:
        self._own_methods(n)

    def _grow_cases(self, n: int) -> None:
        cases = []
        for _ in range(n):
            i = next(_serial)
            case = Case(
                key=f"casus-{i}",
                number=100 + i,
                country="NL",
                place="Teldorp",
                service_area="housing",
                texts={"nl": {"title": f"Casus {i}", "summary": "Samen."}},
            )
            case_index_fields(case, [])
            cases.append(case)
        cases = Case.objects.bulk_create(cases)
        Case.methods.through.objects.bulk_create(
            Case.methods.through(case=c, method=self.method) for c in cases
        )

    def _grow_case_methods(self, n: int) -> None:
        self.case.methods.add(*self._own_methods(n))

    def _grow_canvas_tools(self, n: int) -> None:
        """More own methods, all chosen on the canvas (a new version)."""
        self._own_methods(n)
        keys = list(Method.objects.filter(organisation=self.org).values_list("key", flat=True))
        number = self.initiative.canvas_versions.count() + 1
        CanvasVersion.objects.create(
            initiative=self.initiative,
            number=number,
            data={"tools": keys[:60] + ["survey", "open_space"], "tools_note": "Notitie"},
            changed_sections=["tools"],
            author=self.admin,
        )


PAGES = {
    "overview": ("methods", lambda s: reverse("library:overview")),
    "method_list": ("methods", lambda s: reverse("library:method_list")),
    "method_list_filtered": (
        "methods",
        lambda s: reverse("library:method_list") + "?element=empathy&q=methode",
    ),
    "method_detail": ("cases", lambda s: s.method.get_absolute_url()),
    "method_print": ("cases", lambda s: reverse("library:method_print", args=[s.method.key])),
    "case_list": ("cases", lambda s: reverse("library:case_list")),
    "case_detail": ("case_methods", lambda s: s.case.get_absolute_url()),
    "api_methods": ("methods", lambda s: "/api/v1/library/methods"),
    "api_cases": ("cases", lambda s: "/api/v1/library/cases"),
    "canvas": ("canvas_tools", lambda s: reverse("initiatives:canvas", args=[s.initiative.pk])),
    "canvas_edit": (
        "canvas_tools",
        lambda s: reverse("initiatives:canvas_edit", args=[s.initiative.pk]),
    ),
    "canvas_print": (
        "canvas_tools",
        lambda s: reverse("initiatives:canvas_print", args=[s.initiative.pk]),
    ),
    "canvas_compare": (
        "canvas_tools",
        lambda s: reverse("initiatives:canvas_compare", args=[s.initiative.pk]),
    ),
}


@pytest.mark.parametrize("page", list(PAGES))
def test_query_count_is_the_same_for_10_and_100_items(page):
    what, url = PAGES[page]
    scene = Scene()
    client = Client()
    client.force_login(scene.admin)
    scene.grow(what, 10)
    client.get(url(scene))  # warm caches (content types, translations)
    small, _sql = page_queries(client, url(scene))
    scene.grow(what, 100)
    large, sql = page_queries(client, url(scene))
    assert large == small, "\n".join(sql)


def test_the_public_lists_cost_the_same_for_anonymous_visitors():
    scene = Scene()
    client = Client()
    for url in (reverse("library:method_list"), reverse("library:case_list")):
        scene.grow("cases", 10)
        client.get(url)
        small, _ = page_queries(client, url)
        scene.grow("cases", 100)
        large, _ = page_queries(client, url)
        assert large == small
        scene.counts.clear()
