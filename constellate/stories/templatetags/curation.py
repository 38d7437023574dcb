from django import template

register = template.Library()


@register.simple_tag
def evidence_shown(insight) -> int:
    """How many of an insight's links the viewer sees (prefetched by
    selectors_curation.insights_for)."""
    return len(insight.visible_stories) + len(insight.visible_quotes) + len(insight.visible_clips)


@register.filter
def subtract(value, other):
    return int(value) - int(other)


@register.simple_tag
def may_curate(user, initiative) -> bool:
    return bool(user.is_authenticated and user.has_perm("stories.curate", initiative))
