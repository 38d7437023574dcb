import datetime

import factory
from django.utils import timezone

from constellate.accounts.roles import InitiativeRole
from constellate.accounts.tests.factories import OrganisationFactory, UserFactory
from constellate.initiatives.choices import ActivityKind, Setting, Visibility
from constellate.initiatives.models import Activity, Initiative, InitiativeMembership


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Initiatief {n}")
    slug = factory.Sequence(lambda n: f"initiatief-{n}")
    summary = "Samen met bewoners de dienstverlening verbeteren."
    place = "Houten"
    target_groups = ["Werkzoekenden"]
    languages = ["nl"]
    visibility = Visibility.PUBLIC


class InitiativeMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InitiativeMembership

    initiative = factory.SubFactory(InitiativeFactory)
    user = factory.SubFactory(UserFactory)
    role = InitiativeRole.FACILITATOR


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    initiative = factory.SubFactory(InitiativeFactory)
    title = factory.Sequence(lambda n: f"Activiteit {n}")
    kind = ActivityKind.WORKSHOP
    purpose = "Ideeën verzamelen."
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    phases = ["co_design"]
    setting = Setting.PLACE
    location = "Wijkcentrum"
