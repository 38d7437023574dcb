"""``{% cosmos_picture aspect_id data %}``: the picture of a model's answers with its text twin
(see templates/cosmos/pictures/_picture.html). Options: ``upto`` (a walkthrough step: later
parts left out, this part framed), ``base`` (the model's page address, for the download and
walkthrough links; none when empty), ``twin`` (the text twin: True, "folded" for a closed
``<details>``, False to leave it out), ``key`` (to tell two pictures of one page apart) and
``level`` (the twin's heading level, 2 to 4) and ``notes`` (the team's notes on the model:
numbered badges on the parts they are about, listed under the picture)."""

from django import template
from django.utils.safestring import mark_safe

from constellate.cosmos.pictures import picture_of
from constellate.cosmos.pictures.notes import place_notes
from constellate.cosmos.pictures.scene import to_svg

register = template.Library()


@register.inclusion_tag("cosmos/pictures/_picture.html")
def cosmos_picture(aspect_id, data, upto=None, base="", twin=True, key="", level=2, notes=None):
    picture = picture_of(aspect_id, data)
    if picture is None:
        return {"picture": None}
    svg_id = f"cosmos-{aspect_id}{'-' + str(key) if key else ''}"
    scene, placed = picture.scene, []
    if notes and upto is None:
        scene, placed = place_notes(picture, list(notes))
    return {
        "picture": picture,
        "placed_notes": placed,
        "svg": mark_safe(to_svg(scene, upto=upto, svg_id=svg_id)),  # noqa: S308 - every text is escaped
        "svg_id": svg_id,
        "blocks": picture.blocks if upto is None else picture.blocks[upto - 1 : upto],
        "base": base,
        "twin": twin,
        "upto": upto,
        "level": level if level in (2, 3, 4) else 2,
    }
