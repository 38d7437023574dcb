import segno


def qr_svg(url: str, scale: int = 4) -> str:
    """A QR code for a link, as an SVG document with a text title (no script, no external refs)."""
    code = segno.make(url, error="m")
    return code.svg_inline(
        scale=scale, title=url, border=2, dark="#000", light="#fff", omitsize=False
    )
