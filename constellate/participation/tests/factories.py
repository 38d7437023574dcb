import factory
from django.utils import timezone

from constellate.accounts.models import Participant, new_token, token_hash
from constellate.initiatives.tests.factories import ActivityFactory
from constellate.participation.models import OfflineCount, Participation


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    pseudonym = factory.Sequence(lambda n: f"Deelnemer {n}")
    secret_hash = factory.LazyFunction(lambda: token_hash(new_token()))


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    activity = factory.SubFactory(ActivityFactory)
    participant = factory.SubFactory(ParticipantFactory)
    joined_on = factory.LazyFunction(timezone.localdate)
    target_group = ""


class OfflineCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfflineCount

    activity = factory.SubFactory(ActivityFactory)
    held_on = factory.LazyFunction(timezone.localdate)
    people = 10
    groups = factory.LazyFunction(dict)
