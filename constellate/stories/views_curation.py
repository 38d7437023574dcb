"""Pages of curation: the workspace of an initiative (stories to code, themes), a story's
reading view (themes, quotes, clips), "Find personal data" (redactions to confirm), insights,
and theme suggestions computed in a background task.

Curators (rules `stories.curate`) work on the stories they may hear; a story beyond its
consent does not exist (404), a story one may hear but not curate is refused (403). Insights
are read by everyone who sees the initiative, with only the evidence they may hear. Every
page works without JavaScript; htmx refreshes the progress of theme suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.core.services import audit_record
from constellate.initiatives.selectors import initiative_by_pk
from constellate.stories import selectors_curation as cur
from constellate.stories import services_curation as services
from constellate.stories.choices import SuggestionRunState
from constellate.stories.forms_curation import (
    ClipForm,
    InsightForm,
    QuoteForm,
    RedactionForm,
    StoryThemesForm,
    SuggestionAcceptForm,
    ThemeForm,
)
from constellate.stories.models import Clip, Quote, Theme
from constellate.stories.picker import quiet
from constellate.stories.templatetags.stories import staff_media

# Access --------------------------------------------------------------------------------------


def _initiative(request, pk, *, curate: bool = True):
    initiative = initiative_by_pk(pk=pk, viewer=request.user)
    if initiative is None or not request.user.has_perm("stories.view_stories", initiative):
        raise Http404
    if curate and not request.user.has_perm("stories.curate", initiative):
        raise PermissionDenied
    return initiative


def _story(request, pk):
    story = cur.curation_story(pk=pk)
    if story is None or not request.user.has_perm("stories.view_story", story):
        raise Http404
    if not request.user.has_perm("stories.curate", story.activity.initiative):
        raise PermissionDenied
    return story


def _insight(request, pk, *, curate: bool = True):
    insight = cur.insight_by_pk(pk=pk)
    if insight is None:
        raise Http404
    initiative = insight.initiative
    if not request.user.has_perm("stories.view_stories", initiative):
        raise Http404
    if curate and not request.user.has_perm("stories.curate", initiative):
        raise PermissionDenied
    return insight


def _run(request, initiative, run_pk):
    run = cur.suggestion_run(initiative=initiative, pk=run_pk)
    if run is None:
        raise Http404
    return run


# The workspace -------------------------------------------------------------------------------


@login_required
def workspace(request, pk):
    initiative = _initiative(request, pk)
    themes = list(cur.initiative_themes(initiative=initiative))
    theme = None
    raw_theme = request.GET.get("theme", "")
    if raw_theme.isdigit():
        theme = next((t for t in themes if t.pk == int(raw_theme)), None)
    coded = request.GET.get("coded", "")
    coded = coded if coded in ("yes", "no") else ""
    stories = cur.curation_stories(
        initiative=initiative, user=request.user, theme=theme, coded=coded
    )
    return render(
        request,
        "stories/curation/workspace.html",
        {
            "initiative": initiative,
            "themes": themes,
            "theme": theme,
            "coded": coded,
            "page": paginate(request, stories),
            "run": cur.suggestion_run_latest(initiative=initiative),
        },
    )


@login_required
def theme_new(request, pk):
    initiative = _initiative(request, pk)
    form = ThemeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_create(initiative=initiative, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The theme is added."))
            return redirect(
                _story_url(request) or reverse("stories:curation", args=[initiative.pk])
            )
    return render(
        request,
        "stories/curation/theme_form.html",
        {"initiative": initiative, "form": form, "next_story": request.GET.get("story", "")},
    )


def _story_url(request) -> str:
    raw = request.POST.get("next_story", "")
    return reverse("stories:curation_story", args=[int(raw)]) if raw.isdigit() else ""


# A story's reading view ----------------------------------------------------------------------


def _reading_context(request, story, **forms):
    initiative = story.activity.initiative
    themes = list(cur.initiative_themes(initiative=initiative))
    sentences = cur.story_sentences(story.text)
    playable = cur.playable_media(story)
    coded = [c.theme_id for c in story.codings.all()]
    quotable = cur.story_quotable(story)
    media_items = staff_media(story)
    media_by_pk = {m.pk: m for m in story.media.all()}
    clips = [
        {
            "clip": clip,
            "start": services.format_clip_time(clip.start),
            "end": services.format_clip_time(clip.end),
            "medium": media_by_pk.get(clip.media_id),
        }
        for clip in story.clips.all()
    ]
    return {
        "story": story,
        "initiative": initiative,
        "themes": themes,
        "sentences": sentences,
        "media": media_items,
        "playable": playable,
        "quotable": quotable,
        "quotes": list(story.quotes.all()),
        "clips": clips,
        "redaction": cur.story_redaction(story),
        "current": next(iter(story.consents.all()), None),
        "themes_form": forms.get("themes_form")
        or StoryThemesForm(initial={"themes": coded}, themes=themes),
        "quote_form": forms.get("quote_form") or QuoteForm(sentences=sentences),
        "clip_form": forms.get("clip_form") or ClipForm(media=playable),
    }


@login_required
def story_read(request, pk):
    story = _story(request, pk)
    audit_record(
        actor=request.user,
        action="story.viewed",
        obj=story,
        organisation_id=story.activity.initiative.organisation_id,
        detail={"page": "curation"},
    )
    return render(request, "stories/curation/story.html", _reading_context(request, story))


@login_required
@require_POST
def story_themes(request, pk):
    story = _story(request, pk)
    themes = list(Theme.objects.filter(initiative_id=story.activity.initiative_id))
    form = StoryThemesForm(request.POST, themes=themes)
    if form.is_valid():
        chosen = set(form.cleaned_data["themes"])
        services.story_themes_set(
            story=story, themes=[t for t in themes if t.pk in chosen], actor=request.user
        )
        messages.success(request, _("The themes of this story are saved."))
        return redirect("stories:curation_story", pk=story.pk)
    return render(
        request,
        "stories/curation/story.html",
        _reading_context(request, story, themes_form=form),
        status=400,
    )


@login_required
@require_POST
def quote_new(request, pk):
    story = _story(request, pk)
    sentences = cur.story_sentences(story.text)
    form = QuoteForm(request.POST, sentences=sentences)
    if form.is_valid():
        data = form.cleaned_data
        passage = (data.get("passage") or "").strip()
        place = None
        if passage:
            place = services.locate_passage(story.text, passage)
            if place is None:
                form.add_error(
                    "passage",
                    _("This passage is not in the story. Copy it exactly, or choose sentences."),
                )
        else:
            first = form.sentences.get(data["first"])
            last = form.sentences.get(data["last"])
            if first is None or last is None:
                form.add_error("first", _("Choose sentences of the story."))
            else:
                place = (first.start, last.end)
        if place is not None:
            try:
                quote = services.quote_create(
                    story=story, actor=request.user, start=place[0], end=place[1]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The quote is marked."))
                return redirect(
                    reverse("stories:curation_story", args=[story.pk]) + f"#quote-{quote.pk}"
                )
    return render(
        request,
        "stories/curation/story.html",
        _reading_context(request, story, quote_form=form),
        status=400,
    )


@login_required
@require_POST
def quote_delete(request, pk):
    quote = Quote.objects.filter(pk=pk).first() if 0 < pk < 2**63 else None
    if quote is None:
        raise Http404
    story = _story(request, quote.story_id)
    services.quote_delete(quote=quote)
    messages.success(request, _("The quote is removed."))
    return redirect("stories:curation_story", pk=story.pk)


@login_required
@require_POST
def clip_new(request, pk):
    story = _story(request, pk)
    playable = cur.playable_media(story)
    form = ClipForm(request.POST, media=playable)
    if form.is_valid():
        data = form.cleaned_data
        media = next((m for m in playable if m.pk == data["media"]), None)
        try:
            if media is None:
                raise ValidationError({"media": _("Choose a recording or video of this story.")})
            clip = services.clip_create(
                media=media,
                actor=request.user,
                start=data["start"],
                end=data["end"],
                label=data["label"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The clip is marked."))
            return redirect(reverse("stories:curation_story", args=[story.pk]) + f"#clip-{clip.pk}")
    return render(
        request,
        "stories/curation/story.html",
        _reading_context(request, story, clip_form=form),
        status=400,
    )


@login_required
@require_POST
def clip_delete(request, pk):
    clip = Clip.objects.filter(pk=pk).first() if 0 < pk < 2**63 else None
    if clip is None:
        raise Http404
    story = _story(request, clip.story_id)
    services.clip_delete(clip=clip)
    messages.success(request, _("The clip is removed."))
    return redirect("stories:curation_story", pk=story.pk)


# Find personal data ------------------------------------------------------------------------


@login_required
def redact(request, pk):
    story = _story(request, pk)
    base = services.redaction_base(story)
    proposals = cur.redaction_proposals(story, base)
    form = RedactionForm(
        request.POST if request.method == "POST" else None,
        proposals=proposals,
        initial={"accept": [p.key for p in proposals if p.accepted]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.story_redactions_apply(story=story, actor=request.user, spans=form.spans())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The redactions are saved."))
            return redirect("stories:curation_story", pk=story.pk)
    redaction = cur.story_redaction(story)
    return render(
        request,
        "stories/curation/redact.html",
        {
            "story": story,
            "initiative": story.activity.initiative,
            "form": form,
            "proposals": proposals,
            "redaction": redaction,
            "will_keep": services.original_may_be_kept(next(iter(story.consents.all()), None)),
            "kind_labels": KIND_LABELS,
        },
    )


@login_required
@require_POST
def redact_undo(request, pk):
    story = _story(request, pk)
    try:
        services.story_redactions_undo(story=story, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The original text is back."))
    return redirect("stories:curation_story", pk=story.pk)


def _kind_labels():
    from django.utils.translation import gettext_lazy

    return {
        "name": gettext_lazy("Name"),
        "email": gettext_lazy("E-mail address"),
        "phone": gettext_lazy("Phone number"),
        "bsn": gettext_lazy("Citizen service number (BSN)"),
        "iban": gettext_lazy("Bank account (IBAN)"),
        "address": gettext_lazy("Address"),
        "postcode": gettext_lazy("Postcode"),
    }


KIND_LABELS = _kind_labels()


# Insights ------------------------------------------------------------------------------------


@login_required
def insights(request, pk):
    initiative = _initiative(request, pk, curate=False)
    can_curate = request.user.has_perm("stories.curate", initiative)
    return render(
        request,
        "stories/curation/insights.html",
        {
            "initiative": initiative,
            "page": paginate(request, cur.insights_for(initiative=initiative, user=request.user)),
            "can_curate": can_curate,
            "hide_curation": not can_curate,
        },
    )


def _int_list(values) -> set[int]:
    return {int(v) for v in values if v.isdigit() and len(v) < 18}


def _insight_form_page(request, initiative, insight=None):
    asked = _int_list(request.GET.getlist("story"))
    if insight is not None:
        asked |= {s.pk for s in insight.stories.all()}
    choices = cur.insight_evidence_choices(
        initiative=initiative, user=request.user, story_ids=asked
    )
    if insight is not None:
        initial = {
            "title": insight.title,
            "text": insight.text,
            "stories": [s.pk for s in insight.stories.all()],
            "quotes": [q.pk for q in insight.quotes.all()],
            "clips": [c.pk for c in insight.clips.all()],
        }
    else:
        initial = {
            "stories": sorted(asked),
            "quotes": sorted(_int_list(request.GET.getlist("quote"))),
            "clips": sorted(_int_list(request.GET.getlist("clip"))),
        }
    form = InsightForm(
        request.POST if request.method == "POST" else None, choices=choices, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        # Evidence the editor may not hear (a team-only story, for an admin outside the
        # team) is not offered on the form, and stays linked.
        kept = {"stories": [], "quotes": [], "clips": []}
        if insight is not None:
            for name in kept:
                offered = form.objects[name]
                kept[name] = [o for o in getattr(insight, name).all() if o.pk not in offered]
        try:
            saved = services.insight_save(
                initiative=initiative,
                actor=request.user,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                stories=_chosen(form, "stories") + kept["stories"],
                quotes=_chosen(form, "quotes") + kept["quotes"],
                clips=_chosen(form, "clips") + kept["clips"],
                insight=insight,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The insight is saved."))
            return redirect(
                reverse("stories:curation_insights", args=[initiative.pk]) + f"#insight-{saved.pk}"
            )
    return render(
        request,
        "stories/curation/insight_form.html",
        {"initiative": initiative, "form": form, "insight": insight},
    )


def _chosen(form, name: str) -> list:
    return form.chosen(name) if name in form.fields else []


@login_required
def insight_new(request, pk):
    initiative = _initiative(request, pk)
    return _insight_form_page(request, initiative)


@login_required
def insight_edit(request, pk):
    insight = _insight(request, pk)
    initiative = _initiative(request, insight.initiative_id)
    return _insight_form_page(request, initiative, insight)


@login_required
@require_POST
def insight_delete(request, pk):
    insight = _insight(request, pk)
    initiative_id = insight.initiative_id
    services.insight_delete(insight=insight)
    messages.success(request, _("The insight is deleted."))
    return redirect("stories:curation_insights", pk=initiative_id)


# Theme suggestions ---------------------------------------------------------------------------


@login_required
def suggestions(request, pk):
    initiative = _initiative(request, pk)
    if request.method == "POST":
        services.theme_suggestions_start(initiative=initiative, actor=request.user)
        return redirect("stories:curation_suggestions", pk=initiative.pk)
    run = cur.suggestion_run_latest(initiative=initiative)
    pending = run is not None and run.state in (
        SuggestionRunState.QUEUED,
        SuggestionRunState.RUNNING,
    )
    return render(
        request,
        "stories/curation/suggestions.html",
        {
            "initiative": initiative,
            "run": run,
            "pending": pending,
            "suggestions": cur.suggestions_of(run=run, user=request.user) if run else [],
        },
    )


def _ids(values) -> set[int]:
    return {int(v) for v in values if v.isdigit() and len(v) < 19}


@login_required
def suggestion_accept(request, pk, run_pk, index):
    """Accept a suggested theme: all its members are coded, except those the curator ticks
    to leave out. The members come in pages (a theme may have thousands); the pages are
    buttons of the form, so the name typed and the stories left out are kept."""
    initiative = _initiative(request, pk)
    run = _run(request, initiative, run_pk)
    found = cur.suggestions_of(run=run, user=request.user)
    if not 0 <= index < len(found):
        raise Http404
    suggestion = found[index]
    if suggestion.decision:
        messages.info(request, _("This suggestion was already accepted or ignored."))
        return redirect("stories:curation_suggestions", pk=initiative.pk)
    post = request.method == "POST"
    form = SuggestionAcceptForm(
        request.POST if post else None,
        members=suggestion.story_ids,
        initial={"name": suggestion.label[:120]},
    )
    paging = post and "members_page" in request.POST
    if paging:
        quiet(form)
    elif post and form.is_valid():
        data = form.cleaned_data
        left_out = set(data["leave_out"])
        try:
            theme = services.theme_suggestion_accept(
                run=run,
                index=index,
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                description=data["description"],
                story_ids=[pk for pk in suggestion.story_ids if pk not in left_out],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _('The theme "%(name)s" is added and its stories are coded.')
                % {"name": theme.name},
            )
            return redirect("stories:curation_suggestions", pk=initiative.pk)
    members = set(suggestion.story_ids)
    left_out = _ids(request.POST.getlist("leave_out")) & members if post else set()
    number = request.POST.get("members_page") if post else request.GET.get("page")
    page, left = cur.suggestion_members(suggestion=suggestion, leave_out=left_out, number=number)
    return render(
        request,
        "stories/curation/suggestion_accept.html",
        {
            "initiative": initiative,
            "run": run,
            "suggestion": suggestion,
            "form": form,
            "page": page,
            "left_out": left,
            "coded": len(members) - len(left),
        },
    )


@login_required
@require_POST
def suggestion_ignore(request, pk, run_pk, index):
    initiative = _initiative(request, pk)
    run = _run(request, initiative, run_pk)
    try:
        services.theme_suggestion_ignore(run=run, index=index, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The suggestion is ignored."))
    return redirect("stories:curation_suggestions", pk=initiative.pk)
