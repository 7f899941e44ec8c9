"""QR codes as inline SVG, made offline with segno (no image service, no internet)."""

from __future__ import annotations

import segno


def qr_svg(text: str, *, size_px: int = 320, title: str = "") -> str:
    """An inline ``<svg>`` QR code of ``text`` that scales to ``size_px`` wide (black on white, quiet zone kept).

    Error correction level M survives a projector's glare and a phone held at an angle; the quiet zone of four
    modules that scanners need is part of the image.
    """
    code = segno.make(text, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, dark="#000000", light="#ffffff", title=title or None,
                          svgclass="ks-qr", lineclass=None, omitsize=True)
    return svg.replace("<svg ", f'<svg width="{size_px}" height="{size_px}" role="img" ', 1)


def qr_data_uri(text: str) -> str:
    """The same QR code (level M, quiet zone kept) as a ``data:image/svg+xml`` address for an ``<img>``, for
    places that keep images but strip inline SVG (Streamlit's ``st.html``). Nothing is fetched from elsewhere."""
    return segno.make(text, error="m", micro=False).svg_data_uri(scale=10, border=4, dark="#000000", light="#ffffff")
