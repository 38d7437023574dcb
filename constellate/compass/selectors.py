"""Reads of the compass app: permission-aware, scoped by organisation and initiative, a fixed
number of queries."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from constellate.compass import texts as texts_mod
from constellate.compass.models import Constellation, Element


@dataclass
class FrameworkElement:
    """An element with its texts resolved for one language."""

    obj: Element
    name: str
    description: str
    questions: list[str]

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def key(self) -> str:
        return self.obj.key

    @property
    def number(self) -> int:
        return self.obj.number

    @property
    def is_active(self) -> bool:
        return self.obj.is_active

    @property
    def is_standard(self) -> bool:
        return self.obj.is_standard


@dataclass
class FrameworkConstellation:
    obj: Constellation
    name: str
    description: str
    scenes: list[dict[str, Any]]
    elements: list[FrameworkElement] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.obj.pk

    @property
    def key(self) -> str:
        return self.obj.key


def _element(element: Element, lang: str | None) -> FrameworkElement:
    t = texts_mod.resolve(element.texts, lang)
    return FrameworkElement(
        obj=element,
        name=t.get("name") or element.key,
        description=t.get("description") or "",
        questions=[q for q in t.get("questions") or [] if q],
    )


def framework_for(
    *, organisation: Any, include_inactive: bool = False, lang: str | None = None
) -> list[FrameworkConstellation]:
    """The organisation's constellations, in order, each with its elements in order, texts in
    `lang` (default: the current language, falling back to English, Dutch, any). Two queries."""
    elements = Element.objects.filter(organisation=organisation).order_by(
        "position", "number", "pk"
    )
    if not include_inactive:
        elements = elements.filter(is_active=True)
    constellations = (
        Constellation.objects.filter(organisation=organisation)
        .order_by("position", "pk")
        .prefetch_related(Prefetch("elements", queryset=elements, to_attr="element_list"))
    )
    result = []
    for c in constellations:
        t = texts_mod.resolve(c.texts, lang)
        result.append(
            FrameworkConstellation(
                obj=c,
                name=t.get("name") or c.key,
                description=t.get("description") or "",
                scenes=[s for s in t.get("scenes") or [] if isinstance(s, dict)],
                elements=[_element(e, lang) for e in c.element_list],  # type: ignore[attr-defined]
            )
        )
    return result


def framework_elements(*, organisation: Any, lang: str | None = None) -> list[FrameworkElement]:
    """All active elements of an organisation in framework order (constellation, position)."""
    return [e for c in framework_for(organisation=organisation, lang=lang) for e in c.elements]


def element_list(*, organisation: Any) -> QuerySet[Element]:
    return Element.objects.filter(organisation=organisation).select_related("constellation")


def framework_languages(*, organisation: Any) -> list[str]:
    """The languages an organisation's framework has texts for (or was given), sorted with
    the interface's languages first."""
    codes: set[str] = set()
    for texts in Constellation.objects.filter(organisation=organisation).values_list(
        "texts", flat=True
    ):
        if isinstance(texts, dict):
            codes.update(texts)
    return sorted(codes, key=lambda c: (c not in texts_mod.FALLBACK, c))
