import factory

from constellate.initiatives.tests.factories import InitiativeFactory
from constellate.stakeholders.choices import ContactKind, Entity, Kind, RelationKind, Status
from constellate.stakeholders.models import Contact, ReferralLink, Relation, Stakeholder


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    initiative = factory.SubFactory(InitiativeFactory)
    entity = Entity.PERSON
    name = factory.Sequence(lambda n: f"Bewoner {n}")
    kind = Kind.RESIDENT
    status = Status.CONTACTED


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    source = factory.SubFactory(StakeholderFactory)
    target = factory.SubFactory(
        StakeholderFactory, initiative=factory.SelfAttribute("..source.initiative")
    )
    initiative = factory.SelfAttribute("source.initiative")
    kind = RelationKind.WORKS_WITH


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    stakeholder = factory.SubFactory(StakeholderFactory)
    kind = ContactKind.CALL
    happened_on = factory.LazyFunction(lambda: __import__("datetime").date.today())


class ReferralLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReferralLink

    initiative = factory.SubFactory(InitiativeFactory)
