"""A map layer drawn as inline SVG with an HTML legend, for the printable reports (no folium, no script).

The markup uses the classes ``legend`` and ``swatch``; the report that embeds it styles them.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd


def _rings(geometry) -> list:
    """Every exterior and interior ring of a (multi)polygon."""
    polygons = getattr(geometry, "geoms", [geometry])
    return [ring for polygon in polygons for ring in (polygon.exterior, *polygon.interiors)]


def map_svg(frame: pd.DataFrame, *, title: str, width: int = 600) -> str:
    """The areas of a map layer as an inline SVG (WGS84 lon/lat, cos-latitude scaled): fill colour per
    area, a dashed outline where there are no data (as on the screen map) and the area code as label.

    Args:
        frame: a GeoDataFrame with the columns geometry, fill, no_data and area_code
            (``maps.layers.pc4_layer(...).frame``).
    """
    shapes = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    min_x, min_y, max_x, max_y = shapes.total_bounds
    kx = math.cos(math.radians((min_y + max_y) / 2))
    scale = width / max((max_x - min_x) * kx, 1e-9)
    height = (max_y - min_y) * scale

    def xy(x: float, y: float) -> tuple[float, float]:
        return (x - min_x) * kx * scale, (max_y - y) * scale

    paths, labels = [], []
    for _, row in shapes.iterrows():
        d = "".join("M" + "L".join("%.1f,%.1f" % xy(*c[:2]) for c in ring.coords) + "Z"
                    for ring in _rings(row.geometry))
        dash = ' stroke-dasharray="3 2"' if bool(row["no_data"]) else ""
        code = escape(str(row["area_code"]))
        paths.append(f'<path d="{d}" fill="{escape(str(row["fill"]))}" stroke="#555" stroke-width="0.6"{dash}>'
                     f"<title>{code}</title></path>")
        x, y = xy(*row.geometry.representative_point().coords[0])
        labels.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="7" text-anchor="middle">{code}</text>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 {width + 4} {height + 4:.0f}" role="img" '
            f'aria-label="{escape(title)}">{"".join(paths)}{"".join(labels)}</svg>')


def legend_html(items: list[tuple], *, title: str) -> str:
    """Legend of a map: a swatch plus a text label per class (never colour alone); dashed for no data.

    ``items``: (colour, label[, dashed]) as ``maps.values.legend_items`` gives them.

    >>> legend_html([("#08306b", "10% tot 20%"), ("#d4d4d4", "geen gegevens", True)], title="Big2")
    "<div class='legend'><b>Big2</b><ul><li><span class='swatch' style='background:#08306b;border-style:solid'></span>10% tot 20%</li><li><span class='swatch' style='background:#d4d4d4;border-style:dashed'></span>geen gegevens</li></ul></div>"
    """
    rows = "".join(
        f"<li><span class='swatch' style='background:{escape(str(item[0]))};border-style:"
        f"{'dashed' if len(item) > 2 and item[2] else 'solid'}'></span>{escape(str(item[1]))}</li>"
        for item in items)
    return f"<div class='legend'><b>{escape(title)}</b><ul>{rows}</ul></div>"
