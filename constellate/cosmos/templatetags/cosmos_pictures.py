"""``{% cosmos_picture aspect_id data %}``: the picture of a model's answers with its text twin
(see templates/cosmos/pictures/_picture.html). Options: ``upto`` (a walkthrough step: later
parts left out, this part framed), ``base`` (the model's page address, for the download and
walkthrough links; none when empty), ``twin`` (False to leave the table out), ``key`` (to tell
two pictures of one page apart)."""

from django import template
from django.utils.safestring import mark_safe

from constellate.cosmos.pictures import picture_of
from constellate.cosmos.pictures.scene import to_svg

register = template.Library()


@register.inclusion_tag("cosmos/pictures/_picture.html")
def cosmos_picture(aspect_id, data, upto=None, base="", twin=True, key=""):
    picture = picture_of(aspect_id, data)
    if picture is None:
        return {"picture": None}
    svg_id = f"cosmos-{aspect_id}{'-' + str(key) if key else ''}"
    return {
        "picture": picture,
        "svg": mark_safe(to_svg(picture.scene, upto=upto, svg_id=svg_id)),  # noqa: S308 - every text is escaped
        "svg_id": svg_id,
        "blocks": picture.blocks if upto is None else picture.blocks[upto - 1 : upto],
        "base": base,
        "twin": twin,
        "upto": upto,
    }
