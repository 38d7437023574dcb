from django.contrib.auth import views as auth_views
from django.urls import path

from constellate.accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/profile/export/", views.profile_export, name="profile_export"),
    path("accounts/profile/erase/", views.profile_erase, name="profile_erase"),
    path("accounts/profile/api-keys/", views.api_keys, name="api_keys"),
    path("org/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path("org/<slug:slug>/members/<int:pk>/", views.membership_change, name="membership_change"),
    path(
        "org/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("me/", views.participant_home, name="participant_home"),
    path("me/<str:secret>/", views.participant_return, name="participant_return"),
]
