"""CSV import (check, preview, confirm) and CSV, JSON, GEXF and GraphML export of an
initiative's stakeholders.

An import is all or nothing: the file is read and every row checked first; the user sees each
row's problems, and only a file without problems can be confirmed. Cells that a spreadsheet
would run as a formula (starting with = + - @) are neutralised on the way in and on the way
out."""

import csv
import io
import json
from datetime import date
from typing import Any
from xml.etree import ElementTree as ET  # noqa: N817 (writing only, no untrusted XML parsed)

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from constellate.core.spreadsheet import FORMULA_STARTS, formula_safe
from constellate.initiatives.services import initiative_touch
from constellate.stakeholders import services
from constellate.stakeholders.choices import Entity, Kind, Level, ReachWay, ServiceRole, Status
from constellate.stakeholders.models import ImportBatch, Relation, Stakeholder
from constellate.stakeholders.selectors import network_for_initiative, stakeholder_fields

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 2000
COLUMNS = (
    "name",
    "description",
    "entity",
    "kind",
    "roles",
    "strengths",
    "languages",
    "target_group",
    "reach_way",
    "reach_place",
    "consent_purpose",
    "consent_on",
    "phone",
    "email",
    "notes",
    "status",
    "level",
    "introduced_by",
)
REQUIRED_COLUMNS = ("name", "kind")
LIST_SEPARATOR = ";"


class ImportRejected(ValidationError):
    """The file as a whole cannot be read: nothing of it is shown or imported."""


def _choice_lookup(choices) -> dict[str, str]:
    """Stored values and their labels (in English and Dutch), lower case, to the value."""
    lookup: dict[str, str] = {}
    for value, label in choices.choices:
        lookup[value.lower()] = value
        for lang in ("en", "nl"):
            with translation.override(lang):
                lookup[str(label).lower()] = value
    return lookup


def neutralise(value: str, *, column: str = "") -> tuple[str, bool]:
    """A cell's text with any leading formula characters removed, and whether any were. A
    phone number may start with + followed by digits."""
    if column == "phone" and value.startswith("+") and value[1:].replace(" ", "").isdigit():
        return value, False
    stripped = value.lstrip("".join(FORMULA_STARTS))
    return stripped, stripped != value


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRejected(_wrong_encoding())
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected(_wrong_encoding()) from None


def _wrong_encoding() -> str:
    return _(
        "We could not read this file: it is not saved as UTF-8. In your spreadsheet program, "
        "choose “Save as” and then “CSV UTF-8”, and upload the file again."
    )


def read_upload(upload: Any) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of an uploaded CSV file, or ImportRejected. The size is checked
    before a byte is read, so an oversized file is never loaded into memory."""
    size = getattr(upload, "size", None)
    if size is None or size > MAX_IMPORT_BYTES:
        raise ImportRejected(
            _("This file is too big. A file can be at most %(mb)d MB.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    if size == 0:
        raise ImportRejected(_("This file is empty."))
    raw = upload.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportRejected(
            _("This file is too big. A file can be at most %(mb)d MB.")
            % {"mb": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    text = _decode(raw)
    if "\x00" in text:
        raise ImportRejected(_("This does not look like a CSV file. Upload a CSV file."))
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise ImportRejected(
                _("These columns are missing: %(columns)s. The first row must name the columns.")
                % {"columns": ", ".join(missing)}
            )
        unknown = [h for h in header if h and h not in COLUMNS]
        if unknown:
            raise ImportRejected(
                _("These columns are unknown: %(columns)s. Use only: %(allowed)s.")
                % {"columns": ", ".join(unknown[:10]), "allowed": ", ".join(COLUMNS)}
            )
        if len(set(header)) != len(header):
            raise ImportRejected(_("A column name appears twice in the first row."))
        rows = []
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_IMPORT_ROWS:
                raise ImportRejected(
                    _("This file has too many rows. Import at most %(count)d rows at a time.")
                    % {"count": MAX_IMPORT_ROWS}
                )
            rows.append({h: (values[i] if i < len(values) else "") for i, h in enumerate(header)})
    except csv.Error:
        raise ImportRejected(_("This does not look like a CSV file. Upload a CSV file.")) from None
    if not rows:
        raise ImportRejected(_("This file has no rows below the column names."))
    return header, rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def check_rows(*, initiative: Any, rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Each row with its fields as the service will get them, its errors and its warnings.
    Two queries, whatever the number of rows."""
    lookups = {
        "entity": _choice_lookup(Entity),
        "kind": _choice_lookup(Kind),
        "reach_way": _choice_lookup(ReachWay),
        "status": _choice_lookup(Status),
        "level": _choice_lookup(Level),
    }
    role_lookup = _choice_lookup(ServiceRole)
    existing = {
        _key(name)
        for name in Stakeholder.objects.filter(initiative=initiative)
        .exclude(name="")
        .values_list("name", flat=True)
    }
    in_file: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        name = _key(row.get("name", ""))
        if name and name not in in_file:
            in_file[name] = number
    checked = []
    for number, row in enumerate(rows, start=2):
        errors: list[str] = []
        warnings: list[str] = []
        values: dict[str, str] = {}
        for column in COLUMNS:
            raw = (row.get(column) or "").strip()
            value, changed = neutralise(raw, column=column)
            if changed:
                warnings.append(
                    _(
                        "Column “%(column)s” started with a formula sign (= + - @); we removed it "
                        "so that a spreadsheet cannot run it."
                    )
                    % {"column": column}
                )
            values[column] = value.strip()
        data: dict[str, Any] = {
            key: values[key]
            for key in (
                "name",
                "description",
                "reach_place",
                "consent_purpose",
                "phone",
                "email",
                "notes",
                "target_group",
            )
        }
        for key, lookup in lookups.items():
            value = values[key].lower()
            default = {"entity": Entity.PERSON, "status": Status.CONTACTED}.get(key, "")
            if not value:
                data[key] = default
            elif value in lookup:
                data[key] = lookup[value]
            else:
                errors.append(
                    _("“%(value)s” is not a known value for %(column)s.")
                    % {"value": values[key][:50], "column": key}
                )
        roles = []
        for part in _split(values["roles"]):
            if part.lower() in role_lookup:
                roles.append(role_lookup[part.lower()])
            else:
                errors.append(_("“%(value)s” is not a known role.") % {"value": part[:50]})
        data["roles"] = roles
        data["strengths"] = _split(values["strengths"])
        data["languages"] = _split(values["languages"])
        if values["consent_on"]:
            try:
                data["consent_on"] = date.fromisoformat(values["consent_on"])
            except ValueError:
                errors.append(_("Write the consent date as year-month-day, e.g. 2026-03-31."))
        name = _key(values["name"])
        if name and in_file.get(name) not in (None, number):
            errors.append(
                _("The same name is already in row %(row)d of this file.") % {"row": in_file[name]}
            )
        if name and name in existing:
            errors.append(_("This name is already in the register."))
        introducer = _key(values["introduced_by"])
        if introducer and introducer not in in_file and introducer not in existing:
            errors.append(
                _("Introduced by “%(name)s”: nobody of that name in the file or the register.")
                % {"name": values["introduced_by"][:80]}
            )
        if introducer and introducer == name:
            errors.append(_("Someone cannot introduce themselves."))
        try:
            services.clean_fields(
                {k: v for k, v in data.items() if k in services.FIELDS},
                initiative=initiative,
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                for message in messages:
                    errors.append(
                        _("%(column)s: %(message)s") % {"column": field, "message": message}
                    )
        checked.append(
            {
                "number": number,
                "data": {
                    **data,
                    "consent_on": values["consent_on"] if "consent_on" in data else "",
                },
                "introduced_by": values["introduced_by"],
                "label": values["name"] or values["description"],
                "errors": errors,
                "warnings": warnings,
            }
        )
    return checked


@transaction.atomic
def import_prepare(*, initiative: Any, actor: Any, upload: Any) -> tuple[ImportBatch | None, list]:
    """Read and check a file. Returns the batch waiting for confirmation (None when a row has
    errors) and the checked rows for the preview. Raises ImportRejected for an unreadable
    file."""
    services._require(actor, "stakeholders.manage", initiative)
    _header, rows = read_upload(upload)
    checked = check_rows(initiative=initiative, rows=rows)
    # Old batches of this person for this initiative are replaced: only the latest preview
    # can be confirmed.
    ImportBatch.objects.filter(initiative=initiative, created_by=actor).delete()
    if any(row["errors"] for row in checked):
        return None, checked
    batch = ImportBatch.objects.create(
        initiative=initiative,
        created_by=actor,
        filename=str(getattr(upload, "name", ""))[:200],
        rows=[{"data": r["data"], "introduced_by": r["introduced_by"]} for r in checked],
    )
    return batch, checked


@transaction.atomic
def import_confirm(*, batch: ImportBatch, actor: Any) -> int:
    """Create every stakeholder of a checked batch, or none: the rows are checked again
    (the register may have changed since the preview)."""
    initiative = batch.initiative
    services._require(actor, "stakeholders.manage", initiative)
    if batch.created_by_id != actor.pk:
        raise ValidationError(_("This import was prepared by someone else."))
    rows = [{**r["data"], "introduced_by": r["introduced_by"]} for r in batch.rows]
    recheck = check_rows(
        initiative=initiative,
        rows=[
            {
                **{k: _as_cell(v) for k, v in r.items()},
            }
            for r in rows
        ],
    )
    if any(row["errors"] for row in recheck):
        raise ValidationError(
            _("The register changed since the preview; upload the file again to check it.")
        )
    created: dict[str, Stakeholder] = {}
    pending = []
    for row in recheck:
        data = {k: v for k, v in row["data"].items() if k in services.FIELDS}
        data["consent_on"] = date.fromisoformat(data["consent_on"]) if data["consent_on"] else None
        stakeholder = services._create(initiative=initiative, actor=actor, data=data)
        created[_key(stakeholder.name)] = stakeholder
        if row["introduced_by"]:
            pending.append((stakeholder, _key(row["introduced_by"])))
    if pending:
        existing = {
            _key(s.name): s
            for s in Stakeholder.objects.filter(initiative=initiative).exclude(name="")
        }
        for stakeholder, introducer in pending:
            stakeholder.introduced_by = created.get(introducer) or existing.get(introducer)
            stakeholder.save(update_fields=["introduced_by"])
    batch.delete()
    initiative_touch(initiative.pk)
    return len(created) if created else len(recheck)


def _as_cell(value: Any) -> str:
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)


# Export ---------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    return formula_safe(_as_cell(value))


def export_csv(*, initiative: Any, contact_details: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    rows = (
        Stakeholder.objects.filter(initiative=initiative)
        .select_related("introduced_by")
        .order_by("name", "pk")
    )
    for s in rows.iterator(chunk_size=2000):
        values = {
            **{c: getattr(s, c, "") for c in COLUMNS if c not in ("introduced_by", "consent_on")},
            "consent_on": s.consent_on.isoformat() if s.consent_on else "",
            "introduced_by": (s.introduced_by.name if s.introduced_by else ""),
        }
        if not contact_details:
            values["phone"] = values["email"] = ""
        writer.writerow([_cell(values[c]) for c in COLUMNS])
    return "\ufeff" + out.getvalue()


def export_json(*, initiative: Any, contact_details: bool) -> str:
    items = []
    rows = Stakeholder.objects.filter(initiative=initiative).select_related("initiative")
    rows = rows.prefetch_related("level_changes", "contacts").order_by("pk")
    for s in rows:
        record = stakeholder_fields(s)
        if not contact_details:
            record["phone"] = record["email"] = ""
        items.append(record)
    relations = [
        {"source": s, "target": t, "kind": k}
        for s, t, k in Relation.objects.filter(initiative=initiative)
        .order_by("pk")
        .values_list("source_id", "target_id", "kind")
    ]
    return json.dumps(
        {
            "initiative": initiative.title,
            "exported_at": timezone.now().isoformat(),
            "stakeholders": items,
            "relations": relations,
        },
        ensure_ascii=False,
        indent=2,
    )


def export_gexf(*, initiative: Any, show_names: bool) -> bytes:
    nodes, edges = network_for_initiative(initiative=initiative, show_names=show_names)
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": timezone.localdate().isoformat()})
    ET.SubElement(meta, "creator").text = "Constellate"
    ET.SubElement(meta, "description").text = initiative.title
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed"})
    attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    node_attrs = ("entity", "kind", "level", "status")
    for i, name in enumerate(node_attrs):
        ET.SubElement(attrs, "attribute", {"id": str(i), "title": name, "type": "string"})
    edge_attrs = ET.SubElement(graph, "attributes", {"class": "edge"})
    ET.SubElement(edge_attrs, "attribute", {"id": "0", "title": "kind", "type": "string"})
    xml_nodes = ET.SubElement(graph, "nodes")
    for node in nodes:
        element = ET.SubElement(xml_nodes, "node", {"id": str(node["id"]), "label": node["label"]})
        values = ET.SubElement(element, "attvalues")
        for i, name in enumerate(node_attrs):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": node[name] or ""})
    xml_edges = ET.SubElement(graph, "edges")
    for n, edge in enumerate(edges):
        element = ET.SubElement(
            xml_edges,
            "edge",
            {
                "id": str(n),
                "source": str(edge["source"]),
                "target": str(edge["target"]),
                "label": edge["kind"],
            },
        )
        values = ET.SubElement(element, "attvalues")
        ET.SubElement(values, "attvalue", {"for": "0", "value": edge["kind"]})
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_graphml(*, initiative: Any, show_names: bool) -> bytes:
    nodes, edges = network_for_initiative(initiative=initiative, show_names=show_names)
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    keys = ("label", "entity", "kind", "level", "status")
    for key in keys:
        ET.SubElement(
            root, "key", {"id": key, "for": "node", "attr.name": key, "attr.type": "string"}
        )
    ET.SubElement(
        root, "key", {"id": "relation", "for": "edge", "attr.name": "kind", "attr.type": "string"}
    )
    graph = ET.SubElement(
        root, "graph", {"id": f"initiative-{initiative.pk}", "edgedefault": "directed"}
    )
    for node in nodes:
        element = ET.SubElement(graph, "node", {"id": f"n{node['id']}"})
        for key in keys:
            ET.SubElement(element, "data", {"key": key}).text = node[key] or ""
    for n, edge in enumerate(edges):
        element = ET.SubElement(
            graph,
            "edge",
            {"id": f"e{n}", "source": f"n{edge['source']}", "target": f"n{edge['target']}"},
        )
        ET.SubElement(element, "data", {"key": "relation"}).text = edge["kind"]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
