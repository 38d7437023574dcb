from constellate.compass import services
from constellate.compass.models import Constellation, Element


def framework(organisation) -> dict[str, Element]:
    """The organisation's standard framework, as {element key: element}."""
    services.framework_ensure(organisation=organisation)
    return {e.key: e for e in Element.objects.filter(organisation=organisation)}


def constellations(organisation) -> dict[str, Constellation]:
    services.framework_ensure(organisation=organisation)
    return {c.key: c for c in Constellation.objects.filter(organisation=organisation)}


def open_round(initiative, actor, *, days: int = 14, title: str = "Ronde voorjaar", elements=None):
    """An open round of `initiative` covering every active element (or `elements`)."""
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    return services.round_create(
        initiative=initiative,
        actor=actor,
        title=title,
        opens_on=today,
        closes_on=today + datetime.timedelta(days=days),
        elements=elements,
    )


def answers(elements, progress=3, importance=4, **extra) -> dict:
    """The same answer for each element (progress/importance may be a dict by element key)."""
    result = {}
    for element in elements:
        p = progress.get(element.key, 3) if isinstance(progress, dict) else progress
        i = importance.get(element.key, 4) if isinstance(importance, dict) else importance
        result[element.pk] = {"progress": p, "importance": i, **extra}
    return result


def respond_as_participants(round_, group: str, n: int, elements, **answer):
    """`n` participants without an account answer `round_` in `group`."""
    from constellate.accounts.services import participant_create

    people = []
    for _ in range(n):
        participant, _secret = participant_create()
        services.response_submit(
            round=round_, participant=participant, group=group, answers=answers(elements, **answer)
        )
        people.append(participant)
    return people
