"""Pages of the stories app: telling a story through an activity's link (no account), the
teller's private link (see, change or withdraw consent), a community reporter's entry on
someone's behalf, the activity's story settings, and the staff's list and story pages.

Story files are sent only by the views here, after the same checks as the story's page."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from constellate.accounts.selectors import participant_for_request
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate_capped
from constellate.core.services import audit_record
from constellate.core.uploads import UploadRefused
from constellate.initiatives.choices import ActivityKind
from constellate.initiatives.models import Activity
from constellate.initiatives.selectors import activity_by_join_token, initiative_by_pk
from constellate.stories import selectors, services
from constellate.stories.choices import Audience, StoryStatus
from constellate.stories.consent import CONSENT_WORDING_VERSION
from constellate.stories.forms import (
    AssistedForm,
    ConsentForm,
    PlaceForm,
    ScalesForm,
    SettingsForm,
    StorySearchForm,
    TellForm,
    WithdrawForm,
)
from constellate.stories.models import StoryActivitySettings
from constellate.stories.rules import is_team

_SESSION_LINK = "story_link_%d"


def _save_story(form, call):
    """Run a service that takes an upload; show its refusals on the form (a refused file next
    to the file field). None when refused."""
    try:
        return call()
    except UploadRefused as exc:
        form.add_error("media", exc)
    except ValidationError as exc:
        apply_validation_error(form, exc)
    return None


def _language() -> str:
    return translation.get_language() or "nl"


# Telling a story through the activity's link --------------------------------------------


def _gathering_activity(token: str) -> Activity:
    activity = activity_by_join_token(token=token)
    if activity is None or activity.kind != ActivityKind.STORY_GATHERING:
        raise Http404
    return activity


@never_cache
def tell(request, token):
    activity = _gathering_activity(token)
    participant = participant_for_request(request)
    if participant is None:
        # Joining first gives the person their (pseudonymous) participation and its cookie.
        return redirect("initiatives:join", token=token)
    refusal = services.stories_refusal(activity)
    if refusal:
        # Said before anyone writes a story, not after: nothing typed is lost.
        return render(
            request, "stories/tell_closed.html", {"activity": activity, "refusal": refusal}
        )
    question = services.story_question(activity=activity)
    has_places = selectors.place_list(initiative=activity.initiative_id).exists()
    form = TellForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        has_places=has_places,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = _save_story(
            form,
            lambda: services.story_tell(
                activity=activity,
                participant=participant,
                story_type=data["story_type"],
                text=data["text"],
                title=data["title"],
                language=_language(),
                upload=data.get("media"),
                place_shared=data.get("place_shared", False),
                image_alt=data["image_alt"],
            ),
        )
        if result is not None:
            story, secret = result
            if data.get("place_shared") and data.get("media") and story.place_id is None:
                messages.info(
                    request,
                    _(
                        "We found none of our places near where the photo was taken. You can "
                        "choose a place yourself below, or none."
                    ),
                )
            request.session[_SESSION_LINK % story.pk] = secret
            return redirect("stories:tell_consent", pk=story.pk)
    return render(
        request,
        "stories/tell.html",
        {
            "activity": activity,
            "question": question,
            "form": form,
            "step": 1,
            "has_places": has_places,
        },
    )


def _draft(request, pk):
    story = selectors.draft_of(pk=pk, participant=participant_for_request(request))
    if story is None:
        raise Http404
    return story


def _consent_form(request, story, current) -> tuple[ConsentForm, bool]:
    """The teller's consent form, filled with their current choices; on a valid POST the
    choices are saved as a new consent version. Returns the form and whether it was saved."""
    form = ConsentForm(
        request.POST if request.method == "POST" else None,
        initial=ConsentForm.initial_from(current, story),
        places=selectors.place_list(initiative=story.activity.initiative_id),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_give(
                story=story,
                teller_name=form.cleaned_data["teller_name"],
                teller_email=form.cleaned_data["teller_email"],
                **form.consent(),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return form, True
    return form, False


@never_cache
def tell_consent(request, pk):
    story = _draft(request, pk)
    form, saved = _consent_form(request, story, services.consent_current(story))
    if saved:
        if selectors.scales_for(activity=story.activity):
            return redirect("stories:tell_scales", pk=story.pk)
        return redirect("stories:tell_thanks", pk=story.pk)
    return render(
        request,
        "stories/tell_consent.html",
        {"story": story, "activity": story.activity, "form": form, "step": 2},
    )


@never_cache
def tell_scales(request, pk):
    story = _draft(request, pk)
    if story.status != StoryStatus.ACTIVE:
        return redirect("stories:tell_consent", pk=story.pk)
    scales = selectors.scales_for(activity=story.activity)
    form = ScalesForm(request.POST if request.method == "POST" else None, scales=scales)
    if request.method == "POST" and form.is_valid():
        try:
            services.scale_answers_save(story=story, answers=form.answers())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("stories:tell_thanks", pk=story.pk)
    return render(
        request,
        "stories/tell_scales.html",
        {"story": story, "activity": story.activity, "form": form, "step": 3},
    )


@never_cache
def tell_thanks(request, pk):
    story = _draft(request, pk)
    if story.status != StoryStatus.ACTIVE:
        return redirect("stories:tell_consent", pk=story.pk)
    # The private link is shown once, right after telling, so the teller can keep it.
    secret = request.session.pop(_SESSION_LINK % story.pk, None)
    return render(
        request,
        "stories/tell_thanks.html",
        {
            "story": story,
            "activity": story.activity,
            "link_url": request.build_absolute_uri(reverse("stories:link", args=[secret]))
            if secret
            else "",
        },
    )


# The teller's private link ---------------------------------------------------------------


def _by_link(secret):
    story = selectors.story_by_link(secret=secret)
    if story is None:
        raise Http404
    return story


@never_cache
def link(request, secret):
    story = _by_link(secret)
    if story.status == StoryStatus.WITHDRAWN:
        return render(request, "stories/link_withdrawn.html", {"story": story})
    consents = list(story.consents.all())
    current = consents[0] if consents else None
    form, saved = _consent_form(request, story, current)
    if saved:
        messages.success(request, _("Your choices are saved."))
        return redirect("stories:link", secret=secret)
    from constellate.stories import selectors_mobilise, services_mobilise

    news = selectors_mobilise.story_news_unseen(story=story)
    if news and request.method == "GET":
        services_mobilise.story_news_seen(story=story)
    return render(
        request,
        "stories/link.html",
        {
            "path": selectors_mobilise.story_path(story=story),
            "news": news,
            "story": story,
            "secret": secret,
            "current": current,
            "history": consents,
            "answers": selectors.answers_shown(story),
            "form": form,
            "wording": CONSENT_WORDING_VERSION,
        },
    )


@never_cache
def link_withdraw(request, secret):
    story = _by_link(secret)
    if story.status == StoryStatus.WITHDRAWN:
        return redirect("stories:link", secret=secret)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.story_withdraw(story=story)
        messages.success(request, _("Your story is withdrawn and deleted."))
        return redirect("stories:link", secret=secret)
    return render(
        request, "stories/link_withdraw.html", {"story": story, "secret": secret, "form": form}
    )


_RANGE = re.compile(r"^bytes=(\d{1,15})?-(\d{1,15})?$")
RANGE_MAX = 4 * 1024 * 1024


def _media_response(request, media):
    """The file, whole or the byte range asked for (Safari plays audio and video only from a
    server that answers range requests)."""
    size = media.size
    match = _RANGE.match(request.headers.get("Range", "").strip())
    start, end = 0, size - 1
    if match and (match[1] is not None or match[2] is not None):
        if match[1]:
            start = int(match[1])
            end = min(int(match[2]), size - 1) if match[2] else size - 1
        else:  # the last N bytes
            start = max(size - int(match[2]), 0)
        if start > end or start >= size:
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
            return response
        # A part is read into memory: at most RANGE_MAX bytes, the player asks for the rest.
        end = min(end, start + RANGE_MAX - 1)
    handle = media.file.open("rb")
    if (start, end) == (0, size - 1):
        response = FileResponse(handle, content_type=media.mime)
        response["Content-Length"] = str(size)
    else:
        handle.seek(start)
        data = handle.read(end - start + 1)
        handle.close()
        response = HttpResponse(data, content_type=media.mime, status=206)
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
def link_media(request, secret, media_pk):
    story = _by_link(secret)
    if story.status == StoryStatus.WITHDRAWN:
        raise Http404
    media = next((m for m in story.media.all() if m.pk == media_pk), None)
    if media is None:
        raise Http404
    return _media_response(request, media)


# Staff pages -----------------------------------------------------------------------------


def _initiative(request, pk):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("stories.view_stories", initiative):
        raise Http404
    return initiative


def _activity(request, pk, perm):
    activity = get_object_or_404(
        Activity.objects.select_related("initiative__organisation"),
        pk=pk,
        kind=ActivityKind.STORY_GATHERING,
    )
    if not request.user.has_perm("stories.view_activity", activity):
        raise Http404
    if not request.user.has_perm(perm, activity):
        raise PermissionDenied
    return activity


def _story(request, pk):
    story = selectors.story_for_staff(pk=pk)
    # Beyond its consent (or not there at all, or withdrawn): the story does not exist.
    if story is None or not request.user.has_perm("stories.view_story", story):
        raise Http404
    return story


def search_form(request, initiative, activities) -> StorySearchForm:
    """The stories' search and filters (the list and the export share them); only the
    consent scopes the viewer may hear are offered."""
    team = is_team(request.user, initiative)
    return StorySearchForm(
        request.GET,
        activities=activities,
        audiences=[(v, label) for v, label in Audience.choices if team or v != Audience.TEAM],
    )


@login_required
def story_list(request, pk):
    initiative = _initiative(request, pk)
    activities = list(selectors.gathering_activities(initiative=initiative))
    can_gather = any(request.user.has_perm("stories.record_story", a) for a in activities[:1])
    can_set_up = request.user.has_perm("initiatives.change_initiative", initiative)
    form = search_form(request, initiative, activities)
    filters = form.filters()
    stories = selectors.story_search(initiative=initiative, user=request.user, **filters)
    return render(
        request,
        "stories/story_list.html",
        {
            "initiative": initiative,
            "page": paginate_capped(
                request, stories, keep=lambda story: story.status == StoryStatus.ACTIVE
            ),
            "form": form,
            "searching": any(filters.values()),
            "activities": activities,
            "can_gather": can_gather,
            "can_set_up": can_set_up,
            "can_export": request.user.has_perm("stories.curate", initiative),
        },
    )


@login_required
def story_detail(request, pk):
    story = _story(request, pk)
    initiative = story.activity.initiative
    audit_record(
        actor=request.user,
        action="story.viewed",
        obj=story,
        organisation_id=initiative.organisation_id,
    )
    consents = list(story.consents.all())
    return render(
        request,
        "stories/story_detail.html",
        {
            "story": story,
            "initiative": initiative,
            "current": consents[0] if consents else None,
            "answers": selectors.answers_shown(story),
            "path": _story_path(story),
        },
    )


def _story_path(story):
    from constellate.stories.selectors_mobilise import story_path

    return story_path(story=story)


@login_required
def story_media(request, pk, media_pk):
    story = _story(request, pk)
    media = next((m for m in story.media.all() if m.pk == media_pk), None)
    if media is None:
        raise Http404
    return _media_response(request, media)


@login_required
def assisted(request, pk):
    activity = _activity(request, pk, "stories.record_story")
    scales = selectors.scales_for(activity=activity)
    form = AssistedForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        scales=scales,
        places=selectors.place_list(initiative=activity.initiative_id),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        result = _save_story(
            form,
            lambda: services.story_record(
                activity=activity,
                reporter=request.user,
                story_type=data["story_type"],
                channel=data["channel"],
                teller_agreed=data["teller_agreed"],
                consent=form.consent(),
                text=data["text"],
                title=data["title"],
                language=_language(),
                teller_name=data["teller_name"],
                teller_email=data["teller_email"],
                upload=data.get("media"),
                place_shared=form.place_from_photo(),
                image_alt=data["image_alt"],
                answers=form.answers(),
            ),
        )
        if result is not None:
            story, secret = result
            return render(
                request,
                "stories/assisted_done.html",
                {
                    "story": story,
                    "activity": activity,
                    "initiative": activity.initiative,
                    "link_url": request.build_absolute_uri(reverse("stories:link", args=[secret])),
                },
            )
    return render(
        request,
        "stories/assisted.html",
        {
            "activity": activity,
            "initiative": activity.initiative,
            "form": form,
            "question": services.story_question(activity=activity),
        },
    )


@login_required
def settings_edit(request, pk):
    activity = _activity(request, pk, "stories.change_settings")
    stored = StoryActivitySettings.objects.filter(activity=activity).first()
    initial = {
        "question": stored.question if stored else "",
        "scales": [s.key for s in selectors.scales_for(activity=activity)],
    }
    form = SettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_settings_set(
                activity=activity,
                actor=request.user,
                question=form.cleaned_data["question"],
                scales=form.cleaned_data["scales"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("stories:list", pk=activity.initiative_id)
    return render(
        request,
        "stories/settings_form.html",
        {"activity": activity, "initiative": activity.initiative, "form": form},
    )


# The initiative's places ----------------------------------------------------------------


def _places_initiative(request, pk):
    initiative = _initiative(request, pk)
    if not request.user.has_perm("stories.curate", initiative):
        raise PermissionDenied
    return initiative


@login_required
def places(request, pk):
    """The initiative's named places (list and a form to add one)."""
    initiative = _places_initiative(request, pk)
    form = PlaceForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            place = services.place_save(initiative=initiative, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(name)s is added.") % {"name": place.name})
            return redirect("stories:places", pk=initiative.pk)
    return render(
        request,
        "stories/places.html",
        {
            "initiative": initiative,
            "places": selectors.place_list(initiative=initiative),
            "form": form,
            "max_places": services.PLACES_MAX,
        },
    )


def _place(request, pk):
    place = selectors.place_by_pk(pk=pk)
    if place is None:
        raise Http404
    initiative = _places_initiative(request, place.initiative_id)
    return place, initiative


@login_required
def place_edit(request, pk):
    place, initiative = _place(request, pk)
    form = PlaceForm(
        request.POST if request.method == "POST" else None,
        initial={"name": place.name, "latitude": place.latitude, "longitude": place.longitude},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.place_save(initiative=initiative, place=place, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("stories:places", pk=initiative.pk)
    return render(
        request,
        "stories/place_form.html",
        {"initiative": initiative, "place": place, "form": form},
    )


@login_required
def place_delete(request, pk):
    place, initiative = _place(request, pk)
    if request.method != "POST":
        return redirect("stories:place_edit", pk=place.pk)
    name = place.name
    services.place_delete(place=place)
    messages.success(request, _("%(name)s is removed.") % {"name": name})
    return redirect("stories:places", pk=initiative.pk)
