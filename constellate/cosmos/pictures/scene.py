"""A picture as a small scene of shapes and text, drawn three ways from the same description:
SVG (for the page and the SVG download), PNG (Pillow) and PDF (fpdf2, vector).

Coordinates are in scene units (the SVG viewBox); text is wrapped and cut when the scene is
built (:func:`wrap`), so the three outputs show the same lines. Each element may belong to a
walkthrough *step*: drawn with ``upto=n``, elements of later steps are left out and the marks
of step ``n`` (``Mark``) are drawn as a highlight.

Fonts: the SVG names common sans-serif fonts (the reader's own). The PNG and PDF use DejaVu
Sans when it is installed (``COSMOS_PICTURE_FONT``, default the Debian path); otherwise the PNG
uses Pillow's built-in font with accents folded (ë → e, € → EUR) and the PDF its core
Helvetica in Windows-1252 (which has every Dutch letter and €)."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

INK = "#1a1a1a"
MUTED = "#4d4d4d"  # 8.5:1 on white
LINE = "#6b6b6b"  # 5.3:1 on white, for lines and outlines
PAPER = "#ffffff"
SOFT = "#eef3f7"  # light fills behind dark text
HIGHLIGHT = "#b35900"  # 4.6:1 on white: the frame around the step being explained
CHAR = 0.58  # average advance of a character in em, to wrap text the same way everywhere
DEFAULT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
# Characters that change the direction of the text around them: dropped, so a label cannot
# turn the rest of a line around (the letters of right-to-left scripts stay as they are).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: object) -> str:
    text = "" if text is None else str(text)
    text = _BIDI_CONTROLS.sub("", _CONTROL.sub("", text))
    return " ".join(text.split())


def wrap(text: object, width: float, size: float, max_lines: int = 3) -> list[str]:
    """Lines of at most ``width`` units at font ``size``; words longer than a line are cut;
    more than ``max_lines`` lines end with an ellipsis."""
    per_line = max(4, int(width / (size * CHAR)))
    words = clean(text).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not word:
            continue
        while len(word) > per_line:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:per_line])
            word = word[per_line:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= per_line:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last[: per_line - 1] if len(last) >= per_line else last) + "…"
    return lines


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str = "none"
    stroke: str = LINE
    width: float = 1.5
    radius: float = 0
    dashed: bool = False
    step: int = 0


@dataclass
class Circle:
    cx: float
    cy: float
    r: float
    fill: str = "none"
    stroke: str = LINE
    width: float = 1.5
    step: int = 0


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = LINE
    width: float = 1.5
    arrow: bool = False
    step: int = 0


@dataclass
class Poly:
    points: list[tuple[float, float]]
    fill: str = "none"
    stroke: str = LINE
    width: float = 1.5
    closed: bool = True
    step: int = 0


@dataclass
class Text:
    x: float
    y: float  # baseline of the first line
    lines: list[str]
    size: float = 13
    anchor: str = "start"  # start, middle, end
    bold: bool = False
    fill: str = INK
    step: int = 0

    @property
    def leading(self) -> float:
        return self.size * 1.25


@dataclass
class Mark:
    """The frame drawn around a step's part of the picture while that step is explained."""

    x: float
    y: float
    w: float
    h: float
    step: int


@dataclass
class Scene:
    width: float
    height: float
    title: str
    description: str
    items: list = field(default_factory=list)
    steps: int = 0

    def add(self, *items) -> None:
        self.items.extend(items)

    def text(self, x, y, text, *, width, size=13, max_lines=3, **kw) -> float:
        """Wrapped text; returns the height it takes."""
        # Bold letters are wider: wrapped as if a size larger.
        lines = wrap(text, width, size * (1.1 if kw.get("bold") else 1), max_lines)
        if not lines:
            return 0
        item = Text(x, y, lines, size=size, **kw)
        self.items.append(item)
        return len(lines) * item.leading

    def visible(self, upto: int | None):
        for item in self.items:
            if isinstance(item, Mark):
                if upto is not None and item.step == upto:
                    yield item
            elif upto is None or item.step <= upto:
                yield item

    def texts(self) -> list[str]:
        return [line for item in self.items if isinstance(item, Text) for line in item.lines]


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# -- SVG ----------------------------------------------------------------------------------------


def to_svg(scene: Scene, *, upto: int | None = None, svg_id: str = "cosmos-picture") -> str:
    """The scene as an SVG document (also valid inline in HTML); every text is escaped."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cosmos-picture" '
        f'viewBox="0 0 {_n(scene.width)} {_n(scene.height)}" role="img" '
        f'aria-labelledby="{svg_id}-title {svg_id}-desc" '
        f'font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
        f'<title id="{svg_id}-title">{escape(clean(scene.title))}</title>',
        f'<desc id="{svg_id}-desc">{escape(clean(scene.description))}</desc>',
        f'<rect x="0" y="0" width="{_n(scene.width)}" height="{_n(scene.height)}" fill="{PAPER}"/>',
        f'<defs><marker id="{svg_id}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" '
        f'fill="{LINE}"/></marker></defs>',
    ]
    for item in scene.visible(upto):
        step = f' data-step="{item.step}"' if item.step else ""
        if isinstance(item, Rect):
            dash = ' stroke-dasharray="6 4"' if item.dashed else ""
            out.append(
                f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.w)}" '
                f'height="{_n(item.h)}" rx="{_n(item.radius)}" fill="{item.fill}" '
                f'stroke="{item.stroke}" stroke-width="{_n(item.width)}"{dash}{step}/>'
            )
        elif isinstance(item, Circle):
            out.append(
                f'<circle cx="{_n(item.cx)}" cy="{_n(item.cy)}" r="{_n(item.r)}" '
                f'fill="{item.fill}" stroke="{item.stroke}" stroke-width="{_n(item.width)}"{step}/>'
            )
        elif isinstance(item, Line):
            arrow = f' marker-end="url(#{svg_id}-arrow)"' if item.arrow else ""
            out.append(
                f'<line x1="{_n(item.x1)}" y1="{_n(item.y1)}" x2="{_n(item.x2)}" '
                f'y2="{_n(item.y2)}" stroke="{item.stroke}" stroke-width="{_n(item.width)}"'
                f"{arrow}{step}/>"
            )
        elif isinstance(item, Poly):
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in item.points)
            tag = "polygon" if item.closed else "polyline"
            out.append(
                f'<{tag} points="{points}" fill="{item.fill if item.closed else "none"}" '
                f'stroke="{item.stroke}" stroke-width="{_n(item.width)}" '
                f'stroke-linejoin="round" stroke-linecap="round"{step}/>'
            )
        elif isinstance(item, Text):
            weight = ' font-weight="bold"' if item.bold else ""
            spans = "".join(
                f'<tspan x="{_n(item.x)}" dy="{0 if i == 0 else _n(item.leading)}">'
                f"{escape(line)}</tspan>"
                for i, line in enumerate(item.lines)
            )
            out.append(
                f'<text x="{_n(item.x)}" y="{_n(item.y)}" font-size="{_n(item.size)}" '
                f'text-anchor="{item.anchor}" fill="{item.fill}"{weight}{step}>{spans}</text>'
            )
        elif isinstance(item, Mark):
            out.append(
                f'<rect class="cosmos-picture-mark" x="{_n(item.x)}" y="{_n(item.y)}" '
                f'width="{_n(item.w)}" height="{_n(item.h)}" rx="8" fill="none" '
                f'stroke="{HIGHLIGHT}" stroke-width="4" stroke-dasharray="10 5"/>'
            )
    out.append("</svg>")
    return "".join(out)


# -- Fonts --------------------------------------------------------------------------------------


def font_path(bold: bool = False) -> Path | None:
    from django.conf import settings

    configured = getattr(settings, "COSMOS_PICTURE_FONT", DEFAULT_FONT)
    if not configured:
        return None
    path = Path(configured)
    if bold:
        path = path.with_name(path.stem + "-Bold" + path.suffix)
    return path if path.suffix and path.is_file() else None


def _fold(text: str) -> str:
    text = text.replace("€", "EUR").replace("–", "-").replace("—", "-")
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    try:
        return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        return (0, 0, 0)


# -- PNG ----------------------------------------------------------------------------------------


def to_png(scene: Scene, *, scale: float = 2.0, upto: int | None = None) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    width, height = round(scene.width * scale), round(scene.height * scale)
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    fonts: dict[tuple[float, bool], object] = {}
    unicode_font = font_path() is not None

    def font(size: float, bold: bool):
        key = (size, bold)
        if key not in fonts:
            path = font_path(bold) or font_path()
            px = size * scale
            fonts[key] = (
                ImageFont.truetype(str(path), px) if path else ImageFont.load_default(size=px)
            )
        return fonts[key]

    def s(v: float) -> float:
        return v * scale

    for item in scene.visible(upto):
        if isinstance(item, Rect):
            box = [s(item.x), s(item.y), s(item.x + item.w), s(item.y + item.h)]
            dashed = item.dashed and item.stroke != "none"
            draw.rounded_rectangle(
                box,
                radius=s(item.radius),
                fill=None if item.fill == "none" else _rgb(item.fill),
                outline=None if item.stroke == "none" or dashed else _rgb(item.stroke),
                width=max(1, round(s(item.width))),
            )
            if dashed:
                _dashes(draw, box, _rgb(item.stroke), max(1, round(s(item.width))), s(6), s(4))
        elif isinstance(item, Mark):
            box = [s(item.x), s(item.y), s(item.x + item.w), s(item.y + item.h)]
            _dashes(draw, box, _rgb(HIGHLIGHT), round(s(4)), s(10), s(5))
        elif isinstance(item, Circle):
            draw.ellipse(
                [
                    s(item.cx - item.r),
                    s(item.cy - item.r),
                    s(item.cx + item.r),
                    s(item.cy + item.r),
                ],
                fill=None if item.fill == "none" else _rgb(item.fill),
                outline=_rgb(item.stroke),
                width=max(1, round(s(item.width))),
            )
        elif isinstance(item, Line):
            draw.line(
                [s(item.x1), s(item.y1), s(item.x2), s(item.y2)],
                fill=_rgb(item.stroke),
                width=max(1, round(s(item.width))),
            )
            if item.arrow:
                draw.polygon(_arrow_head(item, scale), fill=_rgb(item.stroke))
        elif isinstance(item, Poly):
            points = [(s(x), s(y)) for x, y in item.points]
            if item.closed:
                draw.polygon(
                    points,
                    fill=None if item.fill == "none" else _rgb(item.fill),
                    outline=_rgb(item.stroke),
                    width=max(1, round(s(item.width))),
                )
            else:
                draw.line(
                    points,
                    fill=_rgb(item.stroke),
                    width=max(1, round(s(item.width))),
                    joint="curve",
                )
        elif isinstance(item, Text):
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[item.anchor]
            for i, line in enumerate(item.lines):
                draw.text(
                    (s(item.x), s(item.y + i * item.leading)),
                    line if unicode_font else _fold(line),
                    fill=_rgb(item.fill),
                    font=font(item.size, item.bold),
                    anchor=anchor,
                )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def _dashes(draw, box, colour, width: int, dash: float, gap: float) -> None:
    """A dashed outline for Pillow, which has none (square corners)."""
    x0, y0, x1, y1 = box
    for (ax, ay), (bx, by) in (
        ((x0, y0), (x1, y0)),
        ((x1, y0), (x1, y1)),
        ((x1, y1), (x0, y1)),
        ((x0, y1), (x0, y0)),
    ):
        length = max(abs(bx - ax), abs(by - ay))
        dx, dy = (bx - ax) / length if length else 0, (by - ay) / length if length else 0
        pos = 0.0
        while pos < length:
            end = min(pos + dash, length)
            draw.line(
                [(ax + dx * pos, ay + dy * pos), (ax + dx * end, ay + dy * end)],
                fill=colour,
                width=width,
            )
            pos = end + gap


def _arrow_head(item: Line, scale: float) -> list[tuple[float, float]]:
    import math

    angle = math.atan2(item.y2 - item.y1, item.x2 - item.x1)
    size = 9
    tip = (item.x2, item.y2)
    left = (
        item.x2 - size * math.cos(angle - 0.45),
        item.y2 - size * math.sin(angle - 0.45),
    )
    right = (
        item.x2 - size * math.cos(angle + 0.45),
        item.y2 - size * math.sin(angle + 0.45),
    )
    return [(x * scale, y * scale) for x, y in (tip, left, right)]


# -- PDF ----------------------------------------------------------------------------------------


def to_pdf(scene: Scene, *, upto: int | None = None, compress: bool = True) -> bytes:
    """The scene as a one-page vector PDF the size of the picture (1 unit = 0.75 pt)."""
    import logging

    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.WARNING)

    k = 0.75
    pdf = FPDF(unit="pt", format=(scene.width * k, scene.height * k))
    pdf.set_compression(compress)
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_title(clean(scene.title))
    pdf.set_subject(scene.description)
    pdf.set_creator("Constellate")
    pdf.add_page()
    regular, bold = font_path(), font_path(True)
    if regular:
        pdf.add_font("body", "", str(regular))
        pdf.add_font("body", "B", str(bold or regular))
        family = "body"
    else:
        pdf.core_fonts_encoding = "windows-1252"
        family = "helvetica"

    def safe(text: str) -> str:
        if regular:
            return text
        return text.replace("…", "...").encode("cp1252", "replace").decode("cp1252")

    def stroke(colour: str, width: float) -> None:
        pdf.set_draw_color(*_rgb(colour))
        pdf.set_line_width(width * k)

    def style(fill: str, outline: str) -> str:
        if fill != "none":
            pdf.set_fill_color(*_rgb(fill))
        return ("F" if fill != "none" else "") + ("D" if outline != "none" else "") or "D"

    for item in scene.visible(upto):
        if isinstance(item, Rect):
            stroke(item.stroke, item.width)
            pdf.set_dash_pattern(dash=4 if item.dashed else 0, gap=3 if item.dashed else 0)
            pdf.rect(
                item.x * k,
                item.y * k,
                item.w * k,
                item.h * k,
                style=style(item.fill, item.stroke),
                round_corners=bool(item.radius),
                corner_radius=item.radius * k,
            )
            pdf.set_dash_pattern()
        elif isinstance(item, Mark):
            stroke(HIGHLIGHT, 4)
            pdf.rect(item.x * k, item.y * k, item.w * k, item.h * k, style="D")
        elif isinstance(item, Circle):
            stroke(item.stroke, item.width)
            pdf.circle(
                x=item.cx * k, y=item.cy * k, radius=item.r * k, style=style(item.fill, item.stroke)
            )
        elif isinstance(item, Line):
            stroke(item.stroke, item.width)
            pdf.line(item.x1 * k, item.y1 * k, item.x2 * k, item.y2 * k)
            if item.arrow:
                pdf.set_fill_color(*_rgb(item.stroke))
                pdf.polygon([(x * k / 1, y * k) for x, y in _arrow_head(item, 1)], style="F")
        elif isinstance(item, Poly):
            stroke(item.stroke, item.width)
            points = [(x * k, y * k) for x, y in item.points]
            if item.closed:
                pdf.polygon(points, style=style(item.fill, item.stroke))
            else:
                pdf.polyline(points)
        elif isinstance(item, Text):
            pdf.set_font(family, "B" if item.bold else "", item.size * k)
            pdf.set_text_color(*_rgb(item.fill))
            for i, line in enumerate(item.lines):
                line = safe(line)
                x = item.x * k
                if item.anchor != "start":
                    w = pdf.get_string_width(line)
                    x -= w / 2 if item.anchor == "middle" else w
                pdf.text(x, (item.y + i * item.leading) * k, line)
    return bytes(pdf.output())
