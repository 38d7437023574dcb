from django.urls import path

from constellate.stories import views

app_name = "stories"

urlpatterns = [
    path("join/<str:token>/story/", views.tell, name="tell"),
    path("stories/tell/<int:pk>/consent/", views.tell_consent, name="tell_consent"),
    path("stories/tell/<int:pk>/scales/", views.tell_scales, name="tell_scales"),
    path("stories/tell/<int:pk>/thanks/", views.tell_thanks, name="tell_thanks"),
    path("my-story/<str:secret>/", views.link, name="link"),
    path("my-story/<str:secret>/withdraw/", views.link_withdraw, name="link_withdraw"),
    path("my-story/<str:secret>/files/<int:media_pk>/", views.link_media, name="link_media"),
    path("initiatives/<int:pk>/stories/", views.story_list, name="list"),
    path("stories/<int:pk>/", views.story_detail, name="detail"),
    path("stories/<int:pk>/files/<int:media_pk>/", views.story_media, name="media"),
    path("activities/<int:pk>/stories/new/", views.assisted, name="assisted"),
    path("activities/<int:pk>/stories/settings/", views.settings_edit, name="settings"),
]
