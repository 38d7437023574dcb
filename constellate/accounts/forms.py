from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from constellate.accounts.models import User
from constellate.accounts.roles import OrgRole
from constellate.accounts.services import (
    login_failure_record,
    login_locked_until,
    login_success_record,
)

PASSWORD_HELP = _(
    "At least 15 characters. A sentence you can remember works well, for example four or five "
    "words. Capitals, digits and symbols are not required."
)


class LoginForm(AuthenticationForm):
    """Sign-in with a lock after repeated failures for the same address."""

    username = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The e-mail address or password is not right. Check both and try again."
        ),
        "inactive": _("This account is switched off. Ask your organisation admin."),
    }

    def clean(self):
        email = (self.cleaned_data.get("username") or "").lower()
        locked = login_locked_until(email=email) if email else None
        if locked:
            raise ValidationError(
                _(
                    "Too many attempts to sign in with this address. For your safety it is "
                    "locked until %(time)s. You can also reset your password."
                )
                % {"time": formats.time_format(timezone.localtime(locked), "H:i")},
                code="locked",
            )
        try:
            cleaned = super().clean()
        except ValidationError:
            if email:
                failures = login_failure_record(email=email)
                _slow_down(failures)
            raise
        # Only a real sign-in clears the count: a form with an empty or malformed password
        # gets here too, and must not let a guesser start afresh.
        if self.get_user() is not None:
            login_success_record(email=email)
        return cleaned


def _slow_down(failures: int) -> None:
    """Each failure waits a little longer, which makes guessing slow without a lock."""
    import time

    time.sleep(min(settings.LOGIN_FAILURE_DELAY_SECONDS * failures, 3.0))


class NewPasswordMixin(forms.Form):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=4096,
        help_text=PASSWORD_HELP,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self):
        p1, p2 = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if p1 and p2 and p1 != p2:
            raise ValidationError(_("The two passwords are not the same."))
        return p2

    def validate_new_password(self, user: User) -> None:
        password = self.cleaned_data.get("password1")
        if password:
            try:
                password_validation.validate_password(password, user)
            except ValidationError as exc:
                self.add_error("password1", exc)


class InvitationAcceptForm(NewPasswordMixin):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        help_text=_("How colleagues and participants see you."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["display_name", "password1", "password2"]

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned = super().clean()
        self.validate_new_password(
            User(email=self.email, display_name=cleaned.get("display_name", ""))
        )
        return cleaned


class ParticipantClaimForm(NewPasswordMixin):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    display_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    field_order = ["email", "display_name", "password1", "password2"]

    def clean(self):
        cleaned = super().clean()
        self.validate_new_password(
            User(email=cleaned.get("email", ""), display_name=cleaned.get("display_name", ""))
        )
        return cleaned


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=OrgRole.choices, initial=OrgRole.FACILITATOR)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=OrgRole.choices)


class ProfileForm(forms.ModelForm):
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = ["display_name", "language"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "name"})}


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, erase my account and my personal data. This cannot be undone."),
        required=True,
        error_messages={"required": _("Tick the box to confirm.")},
    )


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the key"),
        max_length=80,
        help_text=_("For example the tool or script that will use it."),
    )
