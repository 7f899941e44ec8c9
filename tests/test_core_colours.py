"""Colour-blind safety of the app's palettes, checked numerically (see docs/ACCESSIBILITY.md).

Each colour is passed through the Machado et al. (2009) simulation of protanopia, deuteranopia and tritanopia
(severity 100, via colorspacious) and colours that must be told apart are compared by their distance in CAM02-UCS
(Luo et al. 2006; a distance of about 1 is a just-noticeable difference).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
import pandas as pd
import pytest

from ks_data.maps import values as map_values
from ks_data.maps import folium_map as maps
from ks_data.core.colours import COMPARISON_COLOURS, OKABE_ITO
from ks_data.core.colours import STATUS_COLOURS
from ks_data.core.colours import JUDGEMENT_COLOURS

colorspacious = pytest.importorskip("colorspacious")

# Machado's model names; severity 100 is the full dichromacy (protanopia, deuteranopia, tritanopia).
DEFICIENCIES = ("protanomaly", "deuteranomaly", "tritanomaly")
VISIONS = (None, *DEFICIENCIES)  # None: normal colour vision
# Minimum CAM02-UCS distance for colours that must be told apart in small marks (dots, bars, legend swatches,
# small gemeenten). Ten just-noticeable differences: classic red/green (checked below) falls to about 5 under
# deuteranopia and fails, the Okabe-Ito set, designed for colour-blind readers, keeps at least 11 and passes.
MIN_DISTANCE = 10.0
RED_GREEN = ("#D62728", "#2CA02C")  # matplotlib/Tableau red and green: the pair colour-blind readers confuse

# Colours shown together and told apart by colour (each also has a text label, see docs/ACCESSIBILITY.md).
TOGETHER: dict[str, Mapping[str, str]] = {
    "vergelijking beter/slechter": {k: COMPARISON_COLOURS[k] for k in ("better", "similar", "worse", "not_compared")},
    "vergelijking hoger/lager": {k: COMPARISON_COLOURS[k] for k in ("higher", "similar", "lower", "not_compared")},
    "Okabe-Ito": {str(i): colour for i, colour in enumerate(OKABE_ITO)},
    "trendtegels": {k: JUDGEMENT_COLOURS[k] for k in ("better", "worse", "same")},
    "stand van de coalities": STATUS_COLOURS,
    "gemeente en Nederland (trendlijn)": {"gemeente": OKABE_ITO[0], "nederland": "#000000"},
}


def _srgb(hex_colour: str) -> np.ndarray:
    value = hex_colour.lstrip("#")
    return np.array([int(value[i:i + 2], 16) for i in (0, 2, 4)]) / 255


def seen(hex_colour: str, deficiency: str | None) -> np.ndarray:
    """The sRGB (0-1) colour a reader with ``deficiency`` (None: normal vision) perceives."""
    rgb = _srgb(hex_colour)
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)


def distance(a: str, b: str, deficiency: str | None) -> float:
    """CAM02-UCS distance between ``a`` and ``b`` as seen with ``deficiency``."""
    return float(colorspacious.deltaE(seen(a, deficiency), seen(b, deficiency), input_space="sRGB1"))


def lightness(hex_colour: str, deficiency: str | None) -> float:
    """CAM02-UCS lightness J' as seen with ``deficiency``."""
    return float(colorspacious.cspace_convert(seen(hex_colour, deficiency), "sRGB1", "CAM02-UCS")[0])


def closest_pair(colours: Mapping[str, str], deficiency: str | None) -> tuple[float, str, str]:
    """The two entries of ``colours`` that look most alike: (distance, name, name)."""
    return min((distance(colours[a], colours[b], deficiency), a, b) for a, b in itertools.combinations(colours, 2))


def test_distance_is_a_real_perceptual_measure() -> None:
    assert distance("#000000", "#000000", None) == 0
    assert distance("#000000", "#FFFFFF", None) > 90
    # Simulation: greys stay greys; a deuteranope loses the red/green difference, a tritanope keeps it.
    assert np.allclose(seen("#777777", "deuteranomaly"), _srgb("#777777"), atol=0.01)
    assert distance(*RED_GREEN, "deuteranomaly") < distance(*RED_GREEN, "tritanomaly") / 5


def test_threshold_rejects_red_green_under_deuteranopia() -> None:
    """The check is strict enough to catch the classic colour-blind failure, and only under the deficiency."""
    assert distance(*RED_GREEN, None) > 5 * MIN_DISTANCE
    assert distance(*RED_GREEN, "deuteranomaly") < MIN_DISTANCE


@pytest.mark.parametrize("deficiency", VISIONS, ids=lambda d: d or "normaal")
@pytest.mark.parametrize("name", TOGETHER)
def test_colours_shown_together_stay_distinguishable(name: str, deficiency: str | None) -> None:
    gap, a, b = closest_pair(TOGETHER[name], deficiency)
    assert gap >= MIN_DISTANCE, f"{name}: {a} and {b} differ only {gap:.1f} (CAM02-UCS) for {deficiency or 'normaal'}"


@pytest.mark.parametrize("deficiency", VISIONS, ids=lambda d: d or "normaal")
def test_map_classes_get_darker_with_the_value_for_everyone(deficiency: str | None) -> None:
    """The sequential map scale is read by lightness, which every deficiency keeps: strictly darker per class,
    each class distinguishable from its neighbour."""
    scale = map_values.SEQUENTIAL
    light = [lightness(colour, deficiency) for colour in scale]
    assert all(lo > hi for lo, hi in zip(light, light[1:])), light
    steps = [distance(a, b, deficiency) for a, b in zip(scale, scale[1:])]
    assert min(steps) >= MIN_DISTANCE, steps


def test_no_data_areas_have_a_second_cue_besides_colour() -> None:
    """No-data gemeenten are outlined dashed on the map and in the legend (shown with a text label)."""
    style = maps.style_for({"fill": map_values.NO_DATA_COLOUR, "no_data": True, "selected": False})
    assert style["dashArray"] and style["fillColor"] == map_values.NO_DATA_COLOUR
    assert maps.style_for({"fill": map_values.SEQUENTIAL[0], "no_data": False})["dashArray"] is None
    frame = pd.DataFrame({"no_data": [True, False], "comparison": [None, "better"]})
    items = map_values.legend_items(frame, mode=map_values.MODE_COMPARISON, unit="%", decimals=1)
    assert items[-1][0] == map_values.NO_DATA_COLOUR and items[-1][2] is True and items[-1][1]


def test_no_data_fill_stands_apart_from_every_map_colour() -> None:
    map_colours = (*map_values.SEQUENTIAL, *COMPARISON_COLOURS.values())
    gap = min(distance(map_values.NO_DATA_COLOUR, colour, d) for colour in map_colours for d in VISIONS)
    assert gap >= MIN_DISTANCE
