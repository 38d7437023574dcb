"""Choosing stories for a package, a priority or an action among many thousands, without
JavaScript: the chosen stories are always listed (ticked); below them a search field and one
page of the other stories the curator may hear (the Stories list's search, newest first).

Searching and paging are buttons of the form itself, so every field typed so far and every
box ticked comes back with the next page: the chosen stories are all the ticked boxes of the
last request. Saving takes all of them; ids that are not stories of the initiative the
curator may hear (tampered with, withdrawn in between) are refused with a message and
nothing is saved.

POST keys, with the form's prefix: `stories` (each ticked box), `stories_q` (the search
words), `stories_pick` ("search", or the number of the page asked for)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Page
from django.utils.translation import gettext as _

from constellate.accounts.models import User
from constellate.core.pagination import CappedPaginator
from constellate.initiatives.models import Initiative
from constellate.stories.choices import StoryStatus
from constellate.stories.forms_curation import story_label
from constellate.stories.models import Story
from constellate.stories.selectors import story_search
from constellate.stories.selectors_curation import heard_stories

PAGE_SIZE = 20
QUERY_MAX = 200
MAX_PK = 2**63


class StoryPicker:
    def __init__(
        self,
        *,
        initiative: Initiative,
        user: User,
        label: str,
        data=None,
        prefix: str = "",
        initial=(),
    ):
        self.initiative, self.user, self.label = initiative, user, label
        self.name = f"{prefix}-stories" if prefix else "stories"
        self.query_name = f"{self.name}_q"
        self.pick_name = f"{self.name}_pick"
        self.errors: list[str] = []
        if data is not None:
            raw = data.getlist(self.name)
            self.query = (data.get(self.query_name) or "").replace("\x00", "")[:QUERY_MAX]
            pick = data.get(self.pick_name)
        else:
            raw = [str(pk) for pk in initial]
            self.query, pick = "", None
        # A search or another page: show the form again, save nothing.
        self.navigating = pick is not None
        self.page_number = int(pick) if pick and pick.isdigit() and len(pick) < 8 else 1
        ids: list[int] = []
        broken = False
        for value in raw:
            value = value.strip()
            if value.isdigit() and 0 < int(value) < MAX_PK:
                ids.append(int(value))
            else:
                broken = True
        ids = list(dict.fromkeys(ids))
        found = {
            s.pk: s
            for s in heard_stories(initiative=initiative, user=user)
            .filter(pk__in=ids)
            .select_related("activity")
        }
        self.chosen: list[Story] = sorted(
            found.values(), key=lambda s: (s.created_at, s.pk), reverse=True
        )
        if broken or len(found) != len(ids):
            self.errors.append(
                _(
                    "Some chosen stories are not stories of this initiative that you may see "
                    "(any more). They are left out; check the chosen stories and save again."
                )
            )

    # What the template shows ----------------------------------------------------------------

    @property
    def chosen_ids(self) -> set[int]:
        return {s.pk for s in self.chosen}

    @property
    def choices(self) -> list[tuple[Story, str]]:
        return [(s, story_label(s)) for s in self.chosen]

    def page(self) -> Page:
        """One page of the stories the curator may hear and has not chosen yet."""
        if not hasattr(self, "_page"):
            stories = story_search(initiative=self.initiative, user=self.user, query=self.query)
            if self.chosen:
                stories = stories.exclude(pk__in=self.chosen_ids)
            paginator = CappedPaginator(
                stories, PAGE_SIZE, keep=lambda story: story.status == StoryStatus.ACTIVE
            )
            self._page = paginator.get_page(self.page_number)
        return self._page

    def offered(self) -> list[tuple[Story, str]]:
        return [(s, story_label(s)) for s in self.page().object_list]

    # Saving -----------------------------------------------------------------------------------

    def kept_from(self, stories) -> list[Story]:
        """Of the stories linked so far, those the curator may not hear (a team-only story,
        for the organisation's admin outside the team): never offered, so they stay."""
        stories = list(stories)
        heard = set(
            heard_stories(initiative=self.initiative, user=self.user)
            .filter(pk__in=[s.pk for s in stories])
            .values_list("pk", flat=True)
        )
        return [s for s in stories if s.pk not in heard]

    @property
    def valid(self) -> bool:
        return not self.errors

    def add_error(self, message: str) -> None:
        if message not in self.errors:
            self.errors.append(message)

    def take_errors(self, exc: ValidationError) -> None:
        """A service's refusal about the stories, shown next to the list as well."""
        if hasattr(exc, "error_dict"):
            for error in exc.error_dict.get("stories", []):
                for message in error.messages:
                    self.add_error(message)


def quiet(form) -> None:
    """A form shown again after a search or a page of the picker: with what was typed, but
    without complaints about fields not filled in yet."""
    form.full_clean()
    form._errors.clear()
