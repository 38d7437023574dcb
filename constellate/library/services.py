"""Writes of the library: the standard content and an organisation's own methods."""

import hashlib
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from constellate.core.services import audit_record
from constellate.initiatives.choices import Phase
from constellate.library.choices import (
    COUNTRY_LABELS,
    ELEMENT_KEYS,
    METHOD_TEXT_LABELS,
    Effort,
    MethodCategory,
)
from constellate.library.models import Case, Method
from constellate.library.texts import (
    METHOD_LIST_FIELDS,
    METHOD_TEXT_FIELDS,
    facet_index,
    search_text,
)

METHOD_FIELDS = (
    "category",
    "phases",
    "elements",
    "effort",
    "group_min",
    "group_max",
    "staff_learning",
    "texts",
)
# Limits of an organisation's own method (the standard content is checked by its tests).
TEXT_LIMITS = {"name": 120, "purpose": 1000, "when": 1000, "duration": 120}
LIST_LIMITS = {"steps": 20, "tips": 12, "needs": 12}
LINE_LIMIT = 400
GROUP_LIMIT = 10000
CASE_CONTENT_FIELDS = ("number", "country", "place", "service_area", "texts")


# Derived fields ----------------------------------------------------------------------------


def method_index_fields(method: Any) -> None:
    """Fill the derived filter and search fields of a method from its content."""
    method.facets = facet_index(phases=method.phases or [], elements=method.elements or [])
    method.search_text = search_text(method.texts)


def case_index_fields(case: Any, method_texts: list[dict[str, Any]]) -> None:
    """Fill a case's search text: its texts, place, country names in every language and the
    names of the methods it used."""
    countries = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            countries.append(str(COUNTRY_LABELS.get(case.country, case.country)))
    names = [t.get("name", "") for texts in method_texts for t in texts.values()]
    case.search_text = search_text(case.place, countries, case.texts, names)


def _hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def _method_content(method: Any) -> dict[str, Any]:
    return {name: getattr(method, name) for name in METHOD_FIELDS}


def _case_content(case: Any) -> dict[str, Any]:
    return {name: getattr(case, name) for name in CASE_CONTENT_FIELDS}


# The standard library ----------------------------------------------------------------------


def library_standard_sync(*, method_model: Any = Method, case_model: Any = Case) -> dict[str, int]:
    """Load the standard methods and cases of `library.content` into the database.

    Idempotent: running it again creates nothing twice. A standard item is updated only while
    it still holds what the last sync wrote; an item an admin has corrected keeps the
    correction. An organisation's own methods are never touched. The data migration passes
    its historical models; everything else uses the defaults."""
    from constellate.library import content

    counts = {"created": 0, "updated": 0, "kept": 0}
    with transaction.atomic():
        existing = {m.key: m for m in method_model.objects.filter(key__in=content.METHOD_KEYS)}
        for data in content.METHODS:
            method = existing.get(data["key"])
            if method is not None and method.organisation_id is not None:
                counts["kept"] += 1  # an organisation's own method: never overwrite
                continue
            new = method_model(key=data["key"], organisation=None)
            for name in METHOD_FIELDS:
                setattr(new, name, data.get(name, getattr(new, name)))
            new_hash = _hash(_method_content(new))
            if method is None:
                method_index_fields(new)
                new.synced_hash = new_hash
                new.save()
                existing[new.key] = new
                counts["created"] += 1
            elif method.synced_hash == new_hash:
                continue
            elif _hash(_method_content(method)) == method.synced_hash:
                for name in METHOD_FIELDS:
                    setattr(method, name, getattr(new, name))
                method_index_fields(method)
                method.synced_hash = new_hash
                method.save()
                counts["updated"] += 1
            else:
                counts["kept"] += 1  # corrected by an admin since the last sync

        standard = {k: m for k, m in existing.items() if m.organisation_id is None}
        cases = {c.key: c for c in case_model.objects.filter(key__in=content.CASE_KEYS)}
        for data in content.CASES:
            method_keys = [k for k in data["methods"] if k in standard]
            case = cases.get(data["key"])
            new = case_model(key=data["key"])
            for name in CASE_CONTENT_FIELDS:
                setattr(new, name, data[name])
            new_hash = _hash(_case_content(new))
            changed = False
            if case is None:
                case, changed = new, True
                counts["created"] += 1
            elif case.synced_hash != new_hash:
                if _hash(_case_content(case)) == case.synced_hash:
                    for name in CASE_CONTENT_FIELDS:
                        setattr(case, name, getattr(new, name))
                    changed = True
                    counts["updated"] += 1
                else:
                    counts["kept"] += 1  # corrected by an admin since the last sync
            # Links to the methods the case used are added when missing (a deleted method
            # that came back); links an admin added stay.
            linked = (
                set()
                if changed and case.pk is None
                else set(case.methods.values_list("key", flat=True))
            )
            missing = [standard[k] for k in method_keys if k not in linked]
            if not (changed or missing):
                continue
            if not changed:
                counts["updated"] += 1
            case.synced_hash = new_hash if changed else case.synced_hash
            case.save()
            case.methods.add(*missing)
            case_index_fields(case, [m.texts for m in case.methods.all()])
            case.save(update_fields=["search_text"])
    return counts


def library_standard_ensure() -> None:
    """Load the standard library if it is missing (a database emptied by a test flush)."""
    if not Method.objects.filter(organisation__isnull=True).exists():
        library_standard_sync()


# An organisation's own methods -------------------------------------------------------------


def _clean_text(value: Any, limit: int, field: str, errors: dict[str, list[str]]) -> str:
    text = str(value or "").strip()
    label = METHOD_TEXT_LABELS[field]
    if "\x00" in text:
        errors.setdefault("texts", []).append(_("Texts cannot contain NUL characters."))
    elif len(text) > limit:
        errors.setdefault("texts", []).append(
            _("%(field)s: keep it under %(limit)d characters.") % {"field": label, "limit": limit}
        )
    return text


def _clean_texts(texts: Any) -> dict[str, dict[str, Any]]:
    """Only known languages and fields; text trimmed; lists without empty lines; limits
    checked. At least one language must give the name and the purpose."""
    errors: dict[str, list[str]] = {}
    if not isinstance(texts, dict):
        raise ValidationError({"texts": _("The texts are not in the expected form.")})
    languages = [code for code, _name in settings.LANGUAGES]
    cleaned: dict[str, dict[str, Any]] = {}
    for code in languages:
        given = texts.get(code) or {}
        if not isinstance(given, dict):
            raise ValidationError({"texts": _("The texts are not in the expected form.")})
        lang: dict[str, Any] = {}
        for field in METHOD_TEXT_FIELDS:
            value = given.get(field)
            if field in METHOD_LIST_FIELDS:
                lines = value if isinstance(value, list | tuple) else []
                lines = [_clean_text(line, LINE_LIMIT, field, errors) for line in lines]
                lines = [line for line in lines if line]
                if len(lines) > LIST_LIMITS[field]:
                    errors.setdefault("texts", []).append(
                        _("%(field)s: at most %(limit)d lines.")
                        % {"field": METHOD_TEXT_LABELS[field], "limit": LIST_LIMITS[field]}
                    )
                lang[field] = lines
            else:
                lang[field] = _clean_text(value, TEXT_LIMITS[field], field, errors)
        has_content = any(lang[f] for f in METHOD_TEXT_FIELDS)
        if has_content and not (lang["name"] and lang["purpose"]):
            errors.setdefault(f"{code}_name", []).append(
                _("Give the name and the purpose in this language too, or leave it empty.")
            )
        if has_content:
            cleaned[code] = lang
    if not cleaned and not errors:
        errors["texts"] = [_("Give at least the name and the purpose of the method.")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _validate_method(method: Method) -> None:
    errors: dict[str, list[str]] = {}
    if method.category not in MethodCategory.values:
        errors["category"] = [_("Choose a category from the list.")]
    if method.effort not in Effort.values:
        errors["effort"] = [_("Choose an effort from the list.")]
    phases = [p for p in method.phases or [] if isinstance(p, str)]
    if len(phases) != len(method.phases or []) or any(p not in Phase.values for p in phases):
        errors["phases"] = [_("Choose phases from the list.")]
    elements = [e for e in method.elements or [] if isinstance(e, str)]
    if len(elements) != len(method.elements or []) or any(e not in ELEMENT_KEYS for e in elements):
        errors["elements"] = [_("Choose elements from the list.")]
    for name in ("group_min", "group_max"):
        value = getattr(method, name)
        if value is not None and not (isinstance(value, int) and 1 <= value <= GROUP_LIMIT):
            errors[name] = [
                _("Give a number from 1 to %(limit)d, or leave it empty.") % {"limit": GROUP_LIMIT}
            ]
    if (
        "group_min" not in errors
        and "group_max" not in errors
        and method.group_min
        and method.group_max
        and method.group_min > method.group_max
    ):
        errors["group_max"] = [_("The largest group cannot be smaller than the smallest.")]
    try:
        method.texts = _clean_texts(method.texts)
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    # Keep phases and elements in their fixed order, without repeats.
    method.phases = [p for p in Phase.values if p in phases]
    method.elements = [e for e in ELEMENT_KEYS if e in elements]


def _own_key(organisation: Any, texts: dict[str, dict[str, Any]]) -> str:
    name = next((t["name"] for t in texts.values() if t.get("name")), "")
    base = f"{organisation.slug}-{slugify(name) or 'method'}"[:70].strip("-")
    if "-" not in base:
        base = f"{base}-method"
    key, n = base, 2
    while Method.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def method_create(*, organisation: Any, actor: Any, **fields: Any) -> Method:
    """Add a method of the organisation's own; only its members will see it."""
    if organisation is None:
        raise ValidationError(_("Choose the organisation the method belongs to."))
    method = Method(organisation=organisation)
    for name in METHOD_FIELDS:
        if name in fields:
            setattr(method, name, fields[name])
    _validate_method(method)
    method.key = _own_key(organisation, method.texts)
    method_index_fields(method)
    method.save()
    audit_record(
        actor=actor, action="library.method_created", obj=method, organisation_id=organisation.pk
    )
    return method


@transaction.atomic
def method_update(*, method: Method, actor: Any, **fields: Any) -> Method:
    if method.organisation_id is None:
        raise ValidationError(_("The standard library cannot be changed here."))
    for name in METHOD_FIELDS:
        if name in fields:
            setattr(method, name, fields[name])
    _validate_method(method)
    method_index_fields(method)
    method.save()
    audit_record(
        actor=actor,
        action="library.method_updated",
        obj=method,
        organisation_id=method.organisation_id,
    )
    return method


@transaction.atomic
def method_delete(*, method: Method, actor: Any) -> None:
    if method.organisation_id is None:
        raise ValidationError(_("The standard library cannot be changed here."))
    audit_record(
        actor=actor,
        action="library.method_deleted",
        obj=method,
        organisation_id=method.organisation_id,
        detail={"key": method.key},
    )
    method.delete()


def method_reindex(*, method: Method) -> None:
    """Refresh the derived fields after a correction in the admin site."""
    method_index_fields(method)
    Method.objects.filter(pk=method.pk).update(facets=method.facets, search_text=method.search_text)


def case_reindex(*, case: Case) -> None:
    case_index_fields(case, [m.texts for m in case.methods.all()])
    Case.objects.filter(pk=case.pk).update(search_text=case.search_text)
