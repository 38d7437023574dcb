"""The guided questionnaire of a COSMOS model or container, one step at a time.

Without JavaScript every step is a form with Save and "Save and next" (and the list buttons:
add, move up, move down, remove), answered with a redirect. With JavaScript
(static/js/cosmos-questionnaire.js) the step's form is also sent on its own after a pause in
typing (``autosave=1``), answered with JSON. Every save goes through
services.aspect_data_save, so each change is a version. Only the initiative's lead,
facilitators and the organisation's admin reach these pages (403 for the rest of the team,
404 for everyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from constellate.cosmos import services, services_questionnaire
from constellate.cosmos.forms_questionnaire import StepForm, input_id, steps_of
from constellate.cosmos.schema import ASPECTS_BY_ID, model_title
from constellate.cosmos.views import _aspect, _initiative

# The pictures helper puts the live picture beside a step by providing this template.
PICTURE_TEMPLATE = "cosmos/pictures/_step_picture.html"


def _picture_template() -> str:
    try:
        get_template(PICTURE_TEMPLATE)
    except TemplateDoesNotExist:
        return ""
    return PICTURE_TEMPLATE


def _saved_text(when) -> str:
    return _("Saved at %(time)s") % {"time": time_format(timezone.localtime(when), "H:i")}


@login_required
def questionnaire_start(request, pk, aspect):
    initiative = _initiative(request, pk, "cosmos.change_models")
    row = _aspect(initiative, aspect)
    return redirect("cosmos:step", pk=initiative.pk, aspect=row.aspect, step=1)


@never_cache
@login_required
def questionnaire_step(request, pk, aspect, step):
    initiative = _initiative(request, pk, "cosmos.change_models")
    row = _aspect(initiative, aspect)
    definition = ASPECTS_BY_ID[row.aspect]
    steps = steps_of(definition)
    if not 1 <= step <= len(steps):
        raise Http404
    current = steps[step - 1]
    autosave = request.method == "POST" and request.POST.get("autosave") == "1"
    status = 200
    if request.method == "POST":
        if row.pk is None:
            row = services.cosmos_ensure(initiative=initiative)[row.aspect]
        base = request.POST.get("base", "")
        try:
            result = services_questionnaire.questionnaire_step_save(
                aspect=row,
                step=current,
                post=request.POST,
                base=int(base) if base.isdigit() and len(base) < 10 else None,
                autosave=autosave,
                actor=request.user,
                files=None if autosave else request.FILES,
            )
            form, row, saved, version = result.form, result.aspect, result.saved, result.version
        except ValidationError as exc:
            form = StepForm(row.aspect, current, row.data, request.POST, autosave=autosave)
            form.is_valid()
            form.errors.setdefault("", []).extend(exc.messages)
            version = services_questionnaire.latest_version(row)
        if form.errors:
            if autosave:
                return JsonResponse(
                    {
                        "ok": False,
                        "text": _("Not saved: check the answers marked in red."),
                        "errors": {input_id(n): m for n, m in form.errors.items() if n},
                        "general": form.errors.get("", []),
                        "version": version,
                    },
                    # 200 with "ok": false: the refusal is an answer the script shows, not
                    # a failed request (a browser logs every 4xx as a console error).
                    status=200,
                )
            status = 400
        else:
            when = row.updated_at or timezone.now()
            if autosave:
                return JsonResponse(
                    {"ok": True, "saved": saved, "text": _saved_text(when), "version": version}
                )
            # Also when nothing changed: every answer on the page is saved, as of then.
            messages.success(request, _saved_text(when) + ".")
            action = request.POST.get("action", "save")
            if action == "next":
                if step < len(steps):
                    return redirect(
                        "cosmos:step", pk=initiative.pk, aspect=row.aspect, step=step + 1
                    )
                return redirect("cosmos:detail", pk=initiative.pk, aspect=row.aspect)
            url = reverse("cosmos:step", args=[initiative.pk, row.aspect, step])
            if form.focus:
                # No #fragment: a page with a target element ignores autofocus.
                url += f"?focus={input_id(form.focus)}"
            return redirect(url)
    else:
        form = StepForm(row.aspect, current, row.data)
        version = services_questionnaire.latest_version(row)
    focus = request.GET.get("focus", "") if request.method == "GET" else ""
    return render(
        request,
        "cosmos/questionnaire/step.html",
        {
            "initiative": initiative,
            "aspect": row,
            "definition": definition,
            "title": model_title(row.data),
            "steps": steps,
            "step": current,
            "previous": steps[step - 2] if step > 1 else None,
            "next": steps[step] if step < len(steps) else None,
            "widgets": form.widgets(),
            "multipart": form.takes_files,
            "error_list": form.error_list() if form.errors else [],
            "focus": focus,
            "base": version,
            "last_saved": row.updated_at if version else None,
            "picture_template": _picture_template(),
        },
        status=status,
    )
