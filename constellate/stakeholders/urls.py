from django.urls import path

from constellate.stakeholders import views

app_name = "stakeholders"

urlpatterns = [
    path("initiatives/<int:pk>/stakeholders/", views.register, name="register"),
    path("initiatives/<int:pk>/stakeholders/new/", views.stakeholder_add, name="add"),
    path("initiatives/<int:pk>/stakeholders/map/", views.network_map, name="map"),
    path("initiatives/<int:pk>/stakeholders/contacts/", views.contact_log, name="contacts"),
    path("initiatives/<int:pk>/stakeholders/referrals/", views.referral_list, name="referrals"),
    path("initiatives/<int:pk>/stakeholders/import/", views.import_upload, name="import"),
    path(
        "initiatives/<int:pk>/stakeholders/import/confirm/",
        views.import_confirm,
        name="import_confirm",
    ),
    path(
        "initiatives/<int:pk>/stakeholders/export.<str:fmt>",
        views.export,
        name="export",
    ),
    path("stakeholders/<int:pk>/", views.stakeholder_detail, name="detail"),
    path("stakeholders/<int:pk>/edit/", views.stakeholder_edit, name="edit"),
    path("stakeholders/<int:pk>/contacts/new/", views.contact_add, name="contact_add"),
    path("stakeholders/<int:pk>/relations/new/", views.relation_add, name="relation_add"),
    path("stakeholders/<int:pk>/forget/", views.stakeholder_forget, name="forget"),
    path("stakeholders/<int:pk>/export/", views.stakeholder_export, name="record_export"),
    path("stakeholders/relations/<int:pk>/delete/", views.relation_delete, name="relation_delete"),
    path("stakeholders/contacts/<int:pk>/done/", views.follow_up_done, name="follow_up_done"),
    path("stakeholders/referrals/<int:pk>/toggle/", views.referral_toggle, name="referral_toggle"),
    path("suggest/<str:token>/", views.refer, name="refer"),
]
