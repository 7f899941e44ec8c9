"""ks_data.geo.search: folding, ranking, common and former names, and data/gemeente_aliases.yaml against the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from ks_data.core.validation import DataFileError
from ks_data.geo import lookups
from ks_data.geo import search as gs

NAMES = {"GM0518": "'s-Gravenhage", "GM0796": "'s-Hertogenbosch", "GM1900": "Súdwest-Fryslân",
         "GM0363": "Amsterdam", "GM0457": "Weesp", "GM0398": "Heerhugowaard", "GM0416": "Langedijk",
         "GM1979": "Eemsdelta", "GM0757": "Boxtel", "GM0865": "Vught", "GM0373": "Bergen (NH.)",
         "GM0893": "Bergen (L.)", "GM0748": "Bergen op Zoom", "GM1945": "Berg en Dal", "GM0158": "Haaksbergen",
         "GM0344": "Utrecht", "GM1581": "Utrechtse Heuvelrug", "GM0356": "Nieuwegein"}
SUCCESSORS = {"GM0457": "Amsterdam", "GM0398": "Dijk en Waard", "GM0416": "Dijk en Waard"}
ALIASES = gs.AliasBook(
    common_names=(gs.CommonName("Den Haag", "'s-Gravenhage", "roepnaam"),
                  gs.CommonName("Den Bosch", "'s-Hertogenbosch", "roepnaam"),
                  gs.CommonName("Atlantis", "Nergenshuizen", "bestaat niet")),
    mergers=(gs.Merger(2021, "2021-01-01", ("Appingedam", "Delfzijl"), ("Eemsdelta",), "CBS, herindeling per ..."),
             gs.Merger(2021, "2021-01-01", ("Haaren",), ("Boxtel", "Vught"), "CBS, herindeling per ..."),
             gs.Merger(2022, "2022-03-24", ("Weesp",), ("Amsterdam",), "CBS, herindeling per ...")),
)


@pytest.fixture(scope="module")
def index() -> tuple[gs.Entry, ...]:
    return gs.build_index(NAMES, successors=SUCCESSORS, aliases=ALIASES)


def names(index, query: str) -> list[str]:
    return [hit.name for hit in gs.search(index, query).hits]


@pytest.mark.parametrize(("query", "expected"), [
    ("sudwest", ["Súdwest-Fryslân"]),
    ("SÚDWEST FRYSLAN", ["Súdwest-Fryslân"]),
    ("sudwestfryslan", ["Súdwest-Fryslân"]),  # without the hyphen
    ("den haag", ["'s-Gravenhage"]),
    ("Den Haag", ["'s-Gravenhage"]),
    ("den bosch", ["'s-Hertogenbosch"]),
    ("hertogenbosch", ["'s-Hertogenbosch"]),
    ("'s-Gravenhage", ["'s-Gravenhage"]),
    ("gravenhage", ["'s-Gravenhage"]),
    ("dijk en waard", ["Heerhugowaard", "Langedijk"]),  # the 2023 name finds its 2021 parts
    ("appingedam", ["Eemsdelta"]),  # merged before the data division: its current gemeente
    ("haaren", ["Boxtel", "Vught"]),  # divided: every gemeente it went into
    ("weesp", ["Weesp"]),  # still a gemeente of the 2021 data: itself
    ("0518", ["'s-Gravenhage"]),
    ("GM0796", ["'s-Hertogenbosch"]),
    ("bergen nh", ["Bergen (NH.)"]),
])
def test_finds_gemeenten_as_people_type_them(index, query: str, expected: list[str]) -> None:
    assert names(index, query) == expected


def test_ranks_name_start_then_word_start_then_substring(index) -> None:
    """'bergen': names starting with it (alphabetical), then 'Berg en Dal' (only without spaces), then inside."""
    assert names(index, "bergen") == ["Bergen (L.)", "Bergen (NH.)", "Bergen op Zoom", "Berg en Dal", "Haaksbergen"]
    assert names(index, "heuvel") == ["Utrechtse Heuvelrug"]  # a word start
    assert names(index, "utrecht") == ["Utrecht", "Utrechtse Heuvelrug"]
    assert names(index, "gein") == ["Nieuwegein"]  # inside a word


def test_own_name_before_other_names_on_equal_rank(index) -> None:
    """'amsterdam' lists Amsterdam before Weesp, which matches through its 2023 successor."""
    hits = gs.search(index, "amsterdam").hits
    assert [(h.name, h.kind) for h in hits] == [("Amsterdam", gs.OFFICIAL), ("Weesp", gs.SUCCESSOR)]


def test_nothing_for_empty_punctuation_or_unknown_text(index) -> None:
    for query in ("", "   ", "-", "'", "qqq"):
        assert gs.search(index, query) == gs.SearchResult((), 0), query
    assert names(index, "gm") == []  # no code search without a digit


def test_limit_and_total(index) -> None:
    result = gs.search(index, "e", limit=3)
    with_e = sum("e" in gs.fold(name) for name in NAMES.values()) + 1  # + Vught, through its former part Haaren
    assert len(result.hits) == 3 and result.total == with_e
    assert gs.search(index, "e", limit=3).hits == gs.search(index, "e").hits[:3]


def test_alias_of_an_unknown_gemeente_is_skipped(index) -> None:
    assert names(index, "atlantis") == []


def test_labels_say_why_a_gemeente_was_found(index) -> None:
    labels = {q: [gs.hit_label(h) for h in gs.search(index, q).hits] for q in ("den haag", "appingedam", "haaren",
                                                                              "dijk en waard", "utrecht")}
    assert labels == {
        "den haag": ["'s-Gravenhage (Den Haag)"],
        "appingedam": ["Eemsdelta (voorheen Appingedam, tot 2021)"],
        "haaren": ["Boxtel (deel van voormalig Haaren, tot 2021)", "Vught (deel van voormalig Haaren, tot 2021)"],
        "dijk en waard": ["Heerhugowaard (nu Dijk en Waard)", "Langedijk (nu Dijk en Waard)"],
        "utrecht": ["Utrecht", "Utrechtse Heuvelrug"],
    }


def test_fold() -> None:
    assert gs.fold("Nuenen, Gerwen en Nederwetten") == "nuenen gerwen en nederwetten"
    assert gs.fold("Noardeast-Fryslân") == gs.fold("noardeast fryslan")
    assert gs.fold("Ĳsselstein") == gs.fold("IJsselstein") == "ijsselstein"


# --- data/gemeente_aliases.yaml against the real boundary cache ---------------------------------------------
@pytest.fixture(scope="module")
def real(geo_cache: Path):
    mapping = lookups.cache.read_gemeente_mapping(cache_dir=geo_cache)
    return {
        2021: lookups.gemeente_names(years=(2021,), cache_dir=geo_cache),
        2023: lookups.gemeente_names(years=(2023,), cache_dir=geo_cache),
        "mapping": mapping,
        "aliases": gs.load_aliases(),
    }


def test_every_alias_names_a_real_gemeente(real) -> None:
    official = {gs.fold(n) for n in real[2021].values()}
    for common in real["aliases"].common_names:
        assert gs.fold(common.gemeente) in official, common
        assert gs.fold(common.name) not in official, f"{common.name} is already an official name"
        assert common.source.strip()


def test_mergers_match_the_boundary_data(real) -> None:
    """Each 2022/2023 merger is in the 2021->2023 table (former 2021 names -> the 2023 name), and every
    gemeente that merged by 2023 is listed; 2021 mergers name gemeenten of 2021 and no longer exist in it."""
    mapping = real["mapping"]
    merged_by_2023 = dict(zip(mapping.loc[mapping.gemeentecode_2021 != mapping.gemeentecode_2023, "gemeentecode_2021"],
                              mapping.loc[mapping.gemeentecode_2021 != mapping.gemeentecode_2023, "gemeentenaam_2023"]))
    listed = {}
    for merger in real["aliases"].mergers:
        assert merger.source.startswith("CBS, herindeling per ") and merger.date.startswith(str(merger.year))
        if merger.year <= 2021:
            assert all(name not in real[2021].values() for name in merger.former), merger
            assert all(name in real[2021].values() for name in merger.into), merger
            continue
        assert len(merger.into) == 1 and merger.into[0] in real[2023].values(), merger
        for former in merger.former:
            code = next(code for code, name in real[2021].items() if name == former)
            listed[code] = merger.into[0]
    assert listed == merged_by_2023


def test_the_real_index_finds_the_issue_examples(real) -> None:
    index = gs.build_index(real[2021], successors=lookups.successor_names(real["mapping"]), aliases=real["aliases"])
    assert names(index, "sudwest") == ["Súdwest-Fryslân"]
    assert names(index, "den haag")[0] == "'s-Gravenhage"
    assert names(index, "den bosch")[0] == names(index, "hertogenbosch")[0] == "'s-Hertogenbosch"
    assert names(index, "voorne aan zee") == ["Brielle", "Hellevoetsluis", "Westvoorne"]
    assert names(index, "loppersum") == ["Eemsdelta"]
    assert names(index, "haaren") == ["Boxtel", "Oisterwijk", "Tilburg", "Vught"]


def test_broken_alias_file_is_a_data_file_error(tmp_path: Path) -> None:
    broken = tmp_path / "gemeente_aliases.yaml"
    broken.write_text("common_names:\n  - name: Den Haag\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        gs.load_aliases(broken)
    assert caught.value.problems and "mergers" in str(caught.value)
