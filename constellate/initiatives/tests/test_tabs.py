"""The initiative's tabs mark exactly the page you are on: "Overview" only on the overview,
not on every page whose address is called "detail" in another app (a story, a decision, a
COSMOS model)."""

import re

import pytest
from django.urls import reverse

from constellate.initiatives.tests.support import client_for, shared_world_fixture

world = shared_world_fixture()


def _current(html: str) -> list[str]:
    nav = html[html.index('aria-label="Parts of this initiative"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'aria-current="page">([^<]+)</a>', nav)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args", "tab"),
    [
        ("initiatives:detail", lambda w: [w.private.pk], "Overview"),
        ("initiatives:canvas", lambda w: [w.private.pk], "Canvas"),
        ("initiatives:members", lambda w: [w.private.pk], "Team"),
        ("cosmos:detail", lambda w: [w.private.pk, "user_journey_model"], "COSMOS models"),
        ("decisions:list", lambda w: [w.private.pk], "Decisions"),
        ("stories:list", lambda w: [w.private.pk], "Stories"),
    ],
)
def test_exactly_the_page_you_are_on_is_marked(world, settings, name, args, tab):
    client = client_for(world, "lead")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse(name, args=args(world)))
    assert response.status_code == 200
    assert _current(response.content.decode()) == [tab]
