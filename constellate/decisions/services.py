"""Writes of the decision log: decisions, their milestones and the evidence they rest on.

Every function is keyword-only, atomic and validating: bad input raises ValidationError with
a translated message per field and writes nothing. Permission checks are the caller's (views
use rules `decisions.record`). Each change leaves "last changed by/at" on the decision and
an entry in the audit log.

Evidence is checked against its source (the registry's EvidenceSource): an item is linked
only when the source offers it to this person in this initiative now (another initiative,
another organisation, a withdrawn story or a made-up id is refused).

Contributors hear when what became of their contribution changes (a new link, a changed
outcome or reason, a new status of the decision): the source's `notify` tells them (for
stories, the stories app's throttled news and e-mail)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.core.registry import EvidenceSource, evidence_source
from constellate.core.services import audit_record
from constellate.decisions.choices import DecisionStatus, Outcome, Participation
from constellate.decisions.models import Decision, EvidenceLink, Milestone
from constellate.initiatives.models import Initiative

TITLE_MAX = 200
TEXT_MAX = 5000
WHO_MAX = 300
NOTE_MAX = 2000
REASON_MAX = 1000
LINKS_MAX = 200
# A decision is dated when it was taken: not before this year, not far in the future.
EARLIEST = datetime.date(1900, 1, 1)
FUTURE_DAYS = 366


def _clean(value: str | None) -> str:
    return (value or "").replace("\x00", "").strip()


def _too_long(n: int) -> str:
    return _("This is too long: at most %(n)d characters.") % {"n": n}


def _touch(initiative_id: int) -> None:
    from constellate.initiatives.services import initiative_touch

    initiative_touch(initiative_id)


def _audit(actor: User, action: str, decision: Decision, **detail) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=decision,
        organisation_id=decision.initiative.organisation_id,
        detail=detail,
    )


def _changed_by(decision: Decision, actor: User) -> None:
    decision.updated_by = actor
    decision.save(update_fields=["updated_by", "updated_at"])


def _notify(links: Iterable[EvidenceLink]) -> None:
    """Tell the contributors of these links' items that their outcome changed."""
    by_source: dict[str, set[int]] = defaultdict(set)
    for link in links:
        by_source[link.source].add(link.object_id)
    for key, pks in sorted(by_source.items()):
        source = evidence_source(key)
        if source is not None and source.notify is not None:
            source.notify(sorted(pks))


def parse_percent(value) -> int | None:
    """A whole number from 0 to 100, or None."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if 0 <= number <= 100 else None


@transaction.atomic
def decision_save(
    *,
    initiative: Initiative,
    actor: User,
    title: str,
    text: str,
    decided_on: datetime.date | None,
    decided_by: str,
    participation: str,
    participation_note: str = "",
    status: str = DecisionStatus.PLANNED,
    status_note: str = "",
    percent_done: int | None = 0,
    decision: Decision | None = None,
) -> Decision:
    """Record a decision, or change one. A decision marked done is 100% done; a stopped one
    says why. The contributors of its evidence hear of a new status."""
    title, text, decided_by = _clean(title), _clean(text), _clean(decided_by)
    participation_note, status_note = _clean(participation_note), _clean(status_note)
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give the decision a title.")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [_too_long(TITLE_MAX)]
    if not text:
        errors["text"] = [_("Say what was decided.")]
    elif len(text) > TEXT_MAX:
        errors["text"] = [_too_long(TEXT_MAX)]
    if not decided_by:
        errors["decided_by"] = [_("Say who decided.")]
    elif len(decided_by) > WHO_MAX:
        errors["decided_by"] = [_too_long(WHO_MAX)]
    latest = timezone.localdate() + datetime.timedelta(days=FUTURE_DAYS)
    if not isinstance(decided_on, datetime.date):
        errors["decided_on"] = [_("Give the date of the decision.")]
    elif not EARLIEST <= decided_on <= latest:
        errors["decided_on"] = [
            _("Give a date between %(first)s and %(last)s.")
            % {"first": EARLIEST.isoformat(), "last": latest.isoformat()}
        ]
    if participation not in Participation.values:
        errors["participation"] = [_("Choose how citizens shared in the decision.")]
    if status not in DecisionStatus.values:
        errors["status"] = [_("Choose a status.")]
    elif status == DecisionStatus.STOPPED and not status_note:
        errors["status_note"] = [_("Say why the decision was stopped.")]
    for key, note in (("participation_note", participation_note), ("status_note", status_note)):
        if len(note) > NOTE_MAX:
            errors[key] = [_too_long(NOTE_MAX)]
    percent = parse_percent(percent_done)
    if percent is None:
        errors["percent_done"] = [_("Give a whole number from 0 to 100.")]
    if decision is not None and decision.initiative_id != initiative.pk:
        errors["title"] = [_("This decision belongs to another initiative.")]
    if errors:
        raise ValidationError(errors)
    if status == DecisionStatus.DONE:
        percent = 100
    fields = {
        "title": title,
        "text": text,
        "decided_on": decided_on,
        "decided_by": decided_by,
        "participation": participation,
        "participation_note": participation_note,
        "status": status,
        "status_note": status_note,
        "percent_done": percent,
        "updated_by": actor,
    }
    status_before = None
    if decision is None:
        decision = Decision.objects.create(initiative=initiative, created_by=actor, **fields)
        _audit(actor, "decision.recorded", decision)
    else:
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        status_before = decision.status
        for name, value in fields.items():
            setattr(decision, name, value)
        decision.save()
        _audit(actor, "decision.changed", decision, status=status)
    decision.initiative = initiative
    if status_before is not None and status_before != status:
        _notify(decision.evidence.all())
    _touch(initiative.pk)
    return decision


@transaction.atomic
def decision_delete(*, decision: Decision, actor: User) -> None:
    initiative_id = decision.initiative_id
    _audit(actor, "decision.deleted", decision, title=decision.title)
    decision.delete()
    _touch(initiative_id)


# Milestones ------------------------------------------------------------------------------------


@transaction.atomic
def milestone_add(
    *, decision: Decision, actor: User, title: str, due_on: datetime.date | None = None
) -> Milestone:
    title = _clean(title)
    errors: dict[str, list[str]] = {}
    if not title:
        errors["title"] = [_("Give the milestone a title.")]
    elif len(title) > TITLE_MAX:
        errors["title"] = [_too_long(TITLE_MAX)]
    if due_on is not None and not isinstance(due_on, datetime.date):
        errors["due_on"] = [_("Give a date, or leave it empty.")]
    if errors:
        raise ValidationError(errors)
    milestone = Milestone.objects.create(decision=decision, title=title, due_on=due_on)
    _changed_by(decision, actor)
    _audit(actor, "decision.milestone_added", decision, milestone=milestone.pk)
    _touch(decision.initiative_id)
    return milestone


@transaction.atomic
def milestone_set_done(*, milestone: Milestone, actor: User, done: bool) -> Milestone:
    if milestone.done != done:
        milestone.done = done
        milestone.done_on = timezone.localdate() if done else None
        milestone.save(update_fields=["done", "done_on"])
        _changed_by(milestone.decision, actor)
        _audit(
            actor, "decision.milestone_done", milestone.decision, milestone=milestone.pk, done=done
        )
        _touch(milestone.decision.initiative_id)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, actor: User) -> None:
    decision = milestone.decision
    _audit(actor, "decision.milestone_deleted", decision, milestone=milestone.pk)
    milestone.delete()
    _changed_by(decision, actor)
    _touch(decision.initiative_id)


# Evidence --------------------------------------------------------------------------------------


def parse_evidence_values(values: Iterable[str]) -> list[tuple[str, int]] | None:
    """("story", 12) pairs from form values "story:12"; None when one is not of that form."""
    pairs: list[tuple[str, int]] = []
    for value in values:
        key, _sep, pk = str(value).partition(":")
        if not pk.isdigit() or not 0 < int(pk) < 2**63 or evidence_source(key) is None:
            return None
        pairs.append((key, int(pk)))
    return pairs


def _outcome_errors(outcome: str, reason: str, errors: dict) -> None:
    if outcome not in Outcome.values:
        errors["outcome"] = [_("Choose what became of it.")]
    elif outcome != Outcome.TAKEN_UP and not reason:
        errors["reason"] = [_("Say why it was not (fully) taken up.")]
    if len(reason) > REASON_MAX:
        errors["reason"] = [_too_long(REASON_MAX)]


@transaction.atomic
def evidence_link(
    *,
    decision: Decision,
    actor: User,
    items: Sequence[tuple[str, int]],
    outcome: str = Outcome.TAKEN_UP,
    reason: str = "",
) -> list[EvidenceLink]:
    """Link items (source key, pk) as evidence the decision rests on, all with the same
    outcome. Each must be offered by its source to `actor` in the decision's initiative now;
    one that is not refuses the whole request. Items already linked are left as they are."""
    reason = _clean(reason)
    errors: dict[str, list[str]] = {}
    _outcome_errors(outcome, reason, errors)
    wanted: dict[str, set[int]] = defaultdict(set)
    for key, pk in items:
        wanted[key].add(pk)
    if not wanted:
        errors["items"] = [_("Choose at least one piece of evidence.")]
    elif sum(len(pks) for pks in wanted.values()) > LINKS_MAX:
        errors["items"] = [_("Choose at most %(n)d at a time.") % {"n": LINKS_MAX}]
    initiative = decision.initiative
    found: dict[str, tuple[EvidenceSource, list[int]]] = {}
    for key, asked in sorted(wanted.items()):
        source = evidence_source(key)
        ok = (
            set(source.items(initiative, actor).filter(pk__in=asked).values_list("pk", flat=True))
            if source is not None
            else set()
        )
        if source is None or ok != asked:
            errors["items"] = [_("This evidence cannot be linked. Choose from the list.")]
            break
        found[key] = (source, sorted(ok))
    if errors:
        raise ValidationError(errors)
    created: list[EvidenceLink] = []
    for key, (source, pks) in found.items():
        content_type = ContentType.objects.get_for_model(source.get_model())
        have = set(
            EvidenceLink.objects.filter(
                decision=decision, content_type=content_type, object_id__in=pks
            ).values_list("object_id", flat=True)
        )
        created += EvidenceLink.objects.bulk_create(
            [
                EvidenceLink(
                    decision=decision,
                    source=key,
                    content_type=content_type,
                    object_id=pk,
                    outcome=outcome,
                    reason=reason,
                )
                for pk in pks
                if pk not in have
            ],
            # A second request linking the same item at the same moment leaves one link.
            ignore_conflicts=True,
        )
    if created:
        _changed_by(decision, actor)
        _audit(actor, "decision.evidence_linked", decision, n=len(created))
        _notify(created)
        _touch(initiative.pk)
    return created


@transaction.atomic
def evidence_update(
    *, link: EvidenceLink, actor: User, outcome: str, reason: str = ""
) -> EvidenceLink:
    """Change what became of one piece of evidence; its contributor hears of it."""
    reason = _clean(reason)
    errors: dict[str, list[str]] = {}
    _outcome_errors(outcome, reason, errors)
    if errors:
        raise ValidationError(errors)
    if (link.outcome, link.reason) == (outcome, reason):
        return link
    link.outcome, link.reason = outcome, reason
    link.save(update_fields=["outcome", "reason", "updated_at"])
    _changed_by(link.decision, actor)
    _audit(actor, "decision.evidence_changed", link.decision, link=link.pk, outcome=outcome)
    _notify([link])
    _touch(link.decision.initiative_id)
    return link


@transaction.atomic
def evidence_unlink(*, link: EvidenceLink, actor: User) -> None:
    decision = link.decision
    _audit(actor, "decision.evidence_removed", decision, link=link.pk)
    link.delete()
    _changed_by(decision, actor)
    _touch(decision.initiative_id)
