"""Reads of the library. The standard library is public; an organisation's own methods are
visible to its members only. Every list costs a fixed number of queries."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, Lower
from django.urls import reverse
from django.utils import translation

from constellate.accounts.selectors import org_roles_for_user
from constellate.core.texts import resolve
from constellate.initiatives.choices import Phase
from constellate.library.choices import ELEMENT_KEYS, Effort, MethodCategory
from constellate.library.models import Case, Method
from constellate.library.texts import facet, search_words

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _language() -> str:
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


def _by_name(prefix: str = "texts", field: str = "name") -> Lower:
    """Order by the name in the current language, with the same fallback as `core.texts.resolve`."""
    codes = [_language(), *[c for c in ("en", "nl", *LANGUAGE_CODES) if c != _language()]]
    seen = list(dict.fromkeys(codes))
    return Lower(Coalesce(*[KT(f"{prefix}__{code}__{field}") for code in seen]))


def _visible(user: Any) -> Q:
    """The standard methods and those of the organisations the person belongs to."""
    return Q(organisation__isnull=True) | Q(organisation_id__in=list(org_roles_for_user(user)))


def _for_organisation(organisation: Any) -> Q:
    if organisation is None:
        return Q(organisation__isnull=True)
    return Q(organisation__isnull=True) | Q(organisation=organisation)


def _search(qs: QuerySet, query: str) -> QuerySet:
    for word in search_words(query):
        qs = qs.filter(search_text__contains=word)
    return qs


def method_list(
    *,
    user: Any,
    query: str = "",
    category: str = "",
    phase: str = "",
    element: str = "",
    effort: str = "",
    group_size: int | None = None,
    staff_learning: bool = False,
    organisation_id: int | None = None,
) -> QuerySet[Method]:
    """The methods a person may see, filtered, by name in the current language."""
    qs = Method.objects.filter(_visible(user))
    qs = _search(qs, query)
    if category in MethodCategory.values:
        qs = qs.filter(category=category)
    if phase in Phase.values:
        qs = qs.filter(facets__contains=facet("phase", phase))
    if element in ELEMENT_KEYS:
        qs = qs.filter(facets__contains=facet("element", element))
    if effort in Effort.values:
        qs = qs.filter(effort=effort)
    if group_size:
        qs = qs.filter(Q(group_min__isnull=True) | Q(group_min__lte=group_size)).filter(
            Q(group_max__isnull=True) | Q(group_max__gte=group_size)
        )
    if staff_learning:
        qs = qs.filter(staff_learning=True)
    if organisation_id:
        qs = qs.filter(organisation_id=organisation_id)
    return qs.select_related("organisation").order_by(_by_name(), "key")


def method_for_user(*, user: Any, key: str) -> Method | None:
    """A method by its key, if the person may see it."""
    if not key or len(key) > 80:
        return None
    return Method.objects.filter(_visible(user), key=key).select_related("organisation").first()


def method_cases(*, method: Method) -> list[Case]:
    return list(method.cases.order_by("number", "key"))


def method_choices(*, organisation: Any) -> list[tuple[str, str]]:
    """[(key, name)] of the methods an organisation can choose: the standard library and its
    own methods, by name in the current language. One query."""
    rows = (
        Method.objects.filter(_for_organisation(organisation))
        .order_by(_by_name(), "key")
        .values_list("key", "texts")
    )
    return [(key, resolve(texts).get("name") or key) for key, texts in rows]


def method_label(key: str) -> str | None:
    """The name of a method in the current language, or None if there is no such method."""
    if not key or len(key) > 80:
        return None
    texts = Method.objects.filter(key=key).values_list("texts", flat=True).first()
    return None if texts is None else (resolve(texts).get("name") or key)


def method_url(key: str) -> str | None:
    """The address of a method's page, without a query: None for a text that cannot be a
    method key. Whether the person may open it is checked on the page itself."""
    if not key or len(key) > 80 or not all(c.isalnum() or c in "-_" for c in key):
        return None
    return reverse("library:method_detail", args=[key])


def methods_for_elements(
    *, organisation: Any, element_keys: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """For each element key, the methods that serve it (standard and the organisation's own),
    by name: {element: [{"key", "name", "purpose", "url", "category", "effort"}]}. One query."""
    wanted = [k for k in dict.fromkeys(element_keys) if k in ELEMENT_KEYS]
    result: dict[str, list[dict[str, Any]]] = {k: [] for k in wanted}
    if not wanted:
        return result
    match = Q()
    for key in wanted:
        match |= Q(facets__contains=facet("element", key))
    rows = (
        Method.objects.filter(_for_organisation(organisation))
        .filter(match)
        .order_by(_by_name(), "key")
        .values_list("key", "texts", "elements", "category", "effort")
    )
    for key, texts, elements, category, effort in rows:
        text = resolve(texts)
        item = {
            "key": key,
            "name": text.get("name") or key,
            "purpose": text.get("purpose", ""),
            "url": reverse("library:method_detail", args=[key]),
            "category": category,
            "effort": effort,
        }
        for element in elements:
            if element in result:
                result[element].append(item)
    return result


def library_summary(*, user: Any) -> dict[str, Any]:
    """Counts for the overview page: methods per category, cases, learning material."""
    visible = Method.objects.filter(_visible(user))
    per_category = dict.fromkeys(MethodCategory.values, 0)
    learning = 0
    for category, staff_learning in visible.values_list("category", "staff_learning"):
        per_category[category] = per_category.get(category, 0) + 1
        learning += int(staff_learning)
    return {
        "categories": [
            {"key": key, "label": label, "count": per_category.get(key, 0)}
            for key, label in MethodCategory.choices
        ],
        "method_count": sum(per_category.values()),
        "learning_count": learning,
        "case_count": Case.objects.count(),
    }


def case_list(*, query: str = "", country: str = "") -> QuerySet[Case]:
    qs = _search(Case.objects.all(), query)
    if country:
        qs = qs.filter(country=country)
    return qs.order_by("number", "key")


def case_by_key(*, key: str) -> Case | None:
    if not key or len(key) > 80:
        return None
    return Case.objects.filter(key=key).first()


def case_methods(*, case: Case, user: Any) -> list[Method]:
    """The methods a case used, as far as the person may see them."""
    return list(case.methods.filter(_visible(user)).order_by(_by_name(), "key"))
