import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from constellate.accounts import selectors, services
from constellate.accounts.cookies import participant_cookie_set
from constellate.accounts.forms import (
    ApiTokenForm,
    EraseForm,
    InvitationAcceptForm,
    InvitationForm,
    LoginForm,
    ParticipantClaimForm,
    ProfileForm,
    RoleForm,
)
from constellate.accounts.models import ApiToken, Invitation, Membership, Organisation
from constellate.core.forms import apply_validation_error
from constellate.core.pagination import paginate
from constellate.core.services import audit_record


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # A language picked on this device before signing in wins; otherwise the person's
        # own preferred language applies from here on.
        if settings.LANGUAGE_COOKIE_NAME in self.request.COOKIES:
            return response
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.get_user().language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    extra_email_context = {"platform_name": settings.SITE_NAME}
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def _org_for_admin(request, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not request.user.has_perm("accounts.view_organisation", organisation):
        raise PermissionDenied
    return organisation


@login_required
def organisation_members(request, slug):
    organisation = _org_for_admin(request, slug)
    can_manage = request.user.has_perm("accounts.manage_organisation", organisation)
    form = (
        InvitationForm(request.POST if request.method == "POST" else None) if can_manage else None
    )
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.invitation_create(
                    organisation=organisation,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    invited_by=request.user,
                    accept_url=request.build_absolute_uri(
                        reverse("accounts:invitation_accept", args=["TOKEN"])
                    ),
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request,
                    _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]},
                )
                return redirect("accounts:organisation_members", slug=organisation.slug)
    members = selectors.member_list(organisation=organisation)
    if can_manage:
        audit_record(
            actor=request.user,
            action="personal_data.viewed",
            obj=organisation,
            organisation_id=organisation.pk,
            detail={"what": "member list"},
        )
    return render(
        request,
        "accounts/organisation_members.html",
        {
            "organisation": organisation,
            "members": paginate(request, members),
            "invitations": selectors.invitation_list_open(organisation=organisation)
            if can_manage
            else [],
            "form": form,
            "can_manage": can_manage,
            "role_form": RoleForm(),
        },
    )


@login_required
@require_POST
def membership_change(request, slug, pk):
    organisation = _org_for_admin(request, slug)
    if not request.user.has_perm("accounts.manage_organisation", organisation):
        raise PermissionDenied
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    try:
        if request.POST.get("action") == "remove":
            services.membership_remove(membership=membership, actor=request.user)
            messages.success(
                request, _("%(name)s is no longer a member.") % {"name": membership.user}
            )
        else:
            form = RoleForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose one of the roles in the list."))
            services.membership_set_role(
                membership=membership, role=form.cleaned_data["role"], actor=request.user
            )
            messages.success(request, _("Role changed for %(name)s.") % {"name": membership.user})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("accounts:organisation_members", slug=organisation.slug)


@login_required
@require_POST
def invitation_revoke(request, slug, pk):
    organisation = _org_for_admin(request, slug)
    if not request.user.has_perm("accounts.manage_organisation", organisation):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    services.invitation_revoke(invitation=invitation, actor=request.user)
    messages.success(request, _("Invitation withdrawn."))
    return redirect("accounts:organisation_members", slug=organisation.slug)


def invitation_accept(request, token):
    invitation = selectors.invitation_by_token(token=token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        if request.method == "POST":
            if request.user.email != invitation.email:
                messages.error(request, _("This invitation is for another e-mail address."))
            else:
                services.invitation_accept(invitation=invitation, user=request.user)
                messages.success(
                    request, _("You joined %(org)s.") % {"org": invitation.organisation}
                )
                return redirect("initiatives:dashboard")
        return render(request, "accounts/invitation_accept.html", {"invitation": invitation})
    form = InvitationAcceptForm(
        request.POST if request.method == "POST" else None, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                password=form.cleaned_data["password1"],
                display_name=form.cleaned_data["display_name"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            login(request, user, backend="constellate.accounts.backends.EmailBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect("initiatives:dashboard")
    return render(
        request, "accounts/invitation_accept.html", {"invitation": invitation, "form": form}
    )


@login_required
def profile(request):
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your settings are saved."))
        response = redirect("accounts:profile")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "organisations": selectors.organisation_list_for_user(user=request.user)},
    )


@login_required
def profile_export(request):
    data = services.user_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-constellate-data.json"'
    return response


@login_required
def profile_erase(request):
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_erase(user=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            logout(request)
            messages.success(request, _("Your account and personal data have been erased."))
            return redirect("core:home")
    return render(request, "accounts/profile_erase.html", {"form": form})


def participant_home(request):
    """The pseudonymous participant's own page: what they joined, and how to keep it."""
    participant = selectors.participant_for_request(request)
    if participant:
        services.participant_touch(participant=participant)
    form = None
    if participant and not participant.user_id and not request.user.is_authenticated:
        form = ParticipantClaimForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                user = services.participant_claim(
                    participant=participant,
                    email=form.cleaned_data["email"],
                    password=form.cleaned_data["password1"],
                    display_name=form.cleaned_data["display_name"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                login(request, user, backend="constellate.accounts.backends.EmailBackend")
                messages.success(
                    request, _("Your account is ready. Everything you gave is kept in it.")
                )
                return redirect("accounts:participant_home")
    elif participant and request.user.is_authenticated and request.method == "POST":
        try:
            services.participant_link_to_user(participant=participant, user=request.user)
            messages.success(request, _("Your participation is now linked to your account."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("accounts:participant_home")
    return render(
        request, "accounts/participant_home.html", {"participant": participant, "form": form}
    )


def participant_return(request, secret):
    """A participant's private link: brings their pseudonymous identity to this browser."""
    participant = selectors.participant_by_secret(secret=secret)
    if participant is None:
        return render(request, "accounts/participant_link_invalid.html", status=404)
    response = redirect("accounts:participant_home")
    participant_cookie_set(response, request, secret)
    return response


@login_required
def api_keys(request):
    """Personal API keys: make one (shown once), see when each was used, revoke."""
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        revoke = request.POST.get("revoke", "")
        if revoke:
            pk = int(revoke) if revoke.isdecimal() else 0
            token = get_object_or_404(ApiToken, pk=pk, user=request.user)
            services.api_token_revoke(token=token, actor=request.user)
            messages.success(request, _("The key no longer works."))
            return redirect("accounts:api_keys")
        if form.is_valid():
            try:
                _token, secret = services.api_token_create(
                    user=request.user, name=form.cleaned_data["name"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                request.session["api_key_shown"] = secret
                return redirect("accounts:api_keys")
    return render(
        request,
        "accounts/api_keys.html",
        {
            "form": form,
            "tokens": request.user.api_tokens.all(),
            "new_secret": request.session.pop("api_key_shown", None),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def set_language(request):
    """The language switch. Every page offers it as a plain link (GET), so pages carry no
    form token for it and stay cheap to serve; a form (POST) works too. The choice is kept
    in a cookie and, for a signed-in person, in their profile."""
    data = request.POST if request.method == "POST" else request.GET
    language = data.get("language", "")
    next_url = data.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in dict(settings.LANGUAGES):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        if request.user.is_authenticated:
            services.user_language_set(user=request.user, language=language)
    return response
