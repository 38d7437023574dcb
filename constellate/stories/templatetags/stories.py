from django import template
from django.urls import reverse

register = template.Library()


def _items(story, url_of):
    return [{"medium": m.medium, "url": url_of(m)} for m in story.media.all()]


@register.simple_tag
def link_media(story, secret):
    """The story's files as the teller reaches them, through their private link."""
    return _items(story, lambda m: reverse("stories:link_media", args=[secret, m.pk]))


@register.simple_tag
def staff_media(story):
    """The story's files through the permission-checked staff view."""
    return _items(story, lambda m: reverse("stories:media", args=[story.pk, m.pk]))
