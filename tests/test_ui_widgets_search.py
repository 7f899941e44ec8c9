"""AppTest of the sidebar gemeente search (ks_data.ui.widgets.gemeente_picker) on the real boundary cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from ks_data import paths
from ks_data.texts import search as ts
from ks_data.ui import cached
from tests.gemeente_search_box import box_data, current_text, hit_buttons, hit_labels, type_search
from tests.support import open_page


@pytest.fixture
def real_env(perinatal_env: Path) -> Path:
    return perinatal_env


def test_search_box_is_dutch_and_empty_at_start(real_env: Path) -> None:
    at = open_page()
    data = box_data(at)
    assert (data["label"], data["placeholder"], data["value"]) == (ts.SEARCH_LABEL, ts.SEARCH_PLACEHOLDER, "")
    assert current_text(at) == ts.NONE_CHOSEN
    assert hit_labels(at) == []


def test_typing_shows_ranked_hits_and_a_click_chooses(real_env: Path) -> None:
    """'den haag' -> 's-Gravenhage; a click sets the gemeente (URL too), shows it and empties the search."""
    at = open_page()
    type_search(at, "den haag")
    assert hit_labels(at) == ["'s-Gravenhage (Den Haag)"]
    hit_buttons(at)[0].click().run()
    assert at.query_params["gemeente"] in ("GM0518", ["GM0518"])
    assert current_text(at) == ts.CURRENT.format(name="'s-Gravenhage")
    assert hit_labels(at) == [] and box_data(at)["value"] == ""


def test_accents_and_enter_choose_the_first_hit(real_env: Path) -> None:
    at = open_page()
    type_search(at, "sudwest", enter=True)
    assert at.query_params["gemeente"] in ("GM1900", ["GM1900"])
    assert current_text(at) == ts.CURRENT.format(name="Súdwest-Fryslân")
    assert box_data(at)["value"] == "sudwest"  # the text stays, the chosen hit is ticked
    assert hit_labels(at) == [ts.HIT_CURRENT.format(label="Súdwest-Fryslân")]


def test_no_results_in_dutch_and_the_choice_stays(real_env: Path) -> None:
    at = open_page(gemeente="GM0193")
    type_search(at, "qwzx", enter=True)  # Enter with nothing found chooses nothing
    captions = [c.value for c in at.sidebar.caption]
    assert ts.NO_RESULTS.format(query="qwzx") in captions and captions[0].startswith("Geen resultaten")
    assert current_text(at) == ts.CURRENT.format(name="Zwolle")
    assert at.query_params["gemeente"] in ("GM0193", ["GM0193"])


def test_many_hits_are_cut_to_eight_with_a_count(real_env: Path) -> None:
    at = open_page()
    type_search(at, "ber")
    labels = hit_labels(at)
    assert len(labels) == 8 and labels[:2] == ["Berg en Dal", "Bergeijk"]
    assert any(c.value.startswith("8 van ") and "typ verder" in c.value for c in at.sidebar.caption)


def test_merged_gemeente_found_by_its_new_name_and_marked_when_chosen(real_env: Path) -> None:
    at = open_page(gemeente="GM0398")
    assert current_text(at) == ts.CURRENT.format(name="Heerhugowaard (nu Dijk en Waard)")
    type_search(at, "dijk en waard")
    assert hit_labels(at) == [ts.HIT_CURRENT.format(label="Heerhugowaard (nu Dijk en Waard)"),
                              "Langedijk (nu Dijk en Waard)"]


def test_gemeente_kept_on_another_page(real_env: Path) -> None:
    at = open_page(gemeente="GM0935")
    at.switch_page("app_pages/map.py").run()
    assert current_text(at) == ts.CURRENT.format(name="Maastricht")


def test_broken_alias_file_still_finds_official_names(real_env: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken data/gemeente_aliases.yaml: a Dutch note naming it, official names still found."""
    monkeypatch.setattr(paths, "DATA_DIR", tmp_path)
    (tmp_path / "gemeente_aliases.yaml").write_text("common_names: []\n", encoding="utf-8")
    cached.gemeente_search_index.clear()  # the index of earlier tests holds the good file
    at = open_page()
    type_search(at, "zwolle")
    assert hit_labels(at) == ["Zwolle"]
    notes = [c.value for c in at.sidebar.caption if c.value.startswith(ts.ALIASES_BROKEN.split("(")[0])]
    assert notes and "mergers" in notes[0]
    cached.gemeente_search_index.clear()
