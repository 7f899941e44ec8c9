"""ks_data/reports/qr.py: the join QR code is a real, scannable code of exactly the join address."""

from __future__ import annotations

import io

import cairosvg
import pytest
import zxingcpp
from PIL import Image

from ks_data.reports.qr import qr_svg


def _decode(svg: str, *, px: int) -> list[str]:
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=px, output_height=px)
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


@pytest.mark.parametrize("url", [
    "http://192.168.1.20:8501/workshop?code=ABC-123",
    "https://kansrijkestart.example.org/app/workshop?code=XYZ-789",
])
def test_qr_decodes_to_the_join_address(url: str) -> None:
    """A scanner reads back exactly the address, also rendered small (a phone far from the screen)."""
    svg = qr_svg(url, title="Deelnemen")
    assert _decode(svg, px=400) == [url]
    assert _decode(svg, px=140) == [url]


def test_qr_is_inline_offline_svg_of_the_requested_size() -> None:
    svg = qr_svg("http://10.0.0.5:8501/workshop?code=ABC-123", size_px=360, title="Scan om mee te doen")
    assert svg.startswith("<svg ") and 'width="360"' in svg and 'height="360"' in svg
    assert "<title>Scan om mee te doen</title>" in svg
    assert "http" not in svg.split("<title>")[0]  # no external reference: nothing to fetch
    assert "<image" not in svg and "xlink:href" not in svg
