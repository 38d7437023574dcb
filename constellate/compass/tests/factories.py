from constellate.compass import services
from constellate.compass.models import Constellation, Element


def framework(organisation) -> dict[str, Element]:
    """The organisation's standard framework, as {element key: element}."""
    services.framework_ensure(organisation=organisation)
    return {e.key: e for e in Element.objects.filter(organisation=organisation)}


def constellations(organisation) -> dict[str, Constellation]:
    services.framework_ensure(organisation=organisation)
    return {c.key: c for c in Constellation.objects.filter(organisation=organisation)}
