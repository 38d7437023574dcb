"""Template helpers for the links between the COSMOS models and the rest of Constellate."""

from django import template

from constellate.cosmos.selectors_links import canvas_question

register = template.Library()


@register.simple_tag
def canvas_question_of(aspect_id: str):
    """The canvas question a model relates to (initiatives.canvas.Question), or None."""
    return canvas_question(aspect_id)
