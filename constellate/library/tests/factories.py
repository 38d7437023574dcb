import factory

from constellate.accounts.tests.factories import OrganisationFactory
from constellate.library.choices import Effort, MethodCategory
from constellate.library.models import Case, Method
from constellate.library.services import case_index_fields, method_index_fields


def method_texts(name: str, purpose: str = "Samen iets beter maken.", **extra) -> dict:
    """Texts in Dutch and English, the English name marked so tests can tell them apart."""
    nl = {
        "name": name,
        "purpose": purpose,
        "when": "Als je begint.",
        "steps": ["Eerste stap", "Tweede stap"],
        "tips": ["Een tip"],
        "needs": ["Papier"],
        "duration": "Een uur",
    }
    en = {**nl, "name": f"{name} (EN)", "purpose": f"{purpose} (EN)", "steps": ["First step"]}
    nl.update(extra)
    return {"nl": nl, "en": en}


class MethodFactory(factory.django.DjangoModelFactory):
    """An organisation's own method (give organisation=None for a standard one)."""

    class Meta:
        model = Method
        skip_postgeneration_save = True

    organisation = factory.SubFactory(OrganisationFactory)
    key = factory.Sequence(lambda n: f"eigen-methode-{n}")
    category = MethodCategory.DESIGN
    phases = factory.LazyFunction(lambda: ["co_design"])
    elements = factory.LazyFunction(lambda: ["empathy"])
    effort = Effort.LOW
    group_min = 2
    group_max = 12
    texts = factory.Sequence(lambda n: method_texts(f"Eigen methode {n}"))

    @factory.post_generation
    def _index(obj, create, extracted, **kwargs):
        method_index_fields(obj)
        if create:
            obj.save()


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    key = factory.Sequence(lambda n: f"case-{n}")
    number = factory.Sequence(lambda n: 100 + n)
    country = "NL"
    place = "Utrecht"
    service_area = "housing"
    texts = factory.Sequence(
        lambda n: {
            "nl": {"title": f"Casus {n}", "summary": "Samen wonen."},
            "en": {"title": f"Case {n}", "summary": "Living together."},
        }
    )

    @factory.post_generation
    def methods(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.methods.set(extracted)
        case_index_fields(obj, [m.texts for m in (extracted or [])])
        if create:
            obj.save()
