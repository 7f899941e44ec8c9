"""ks_data/assessment/items.py: the denkraam item bank (YAML + JSON Schema) and answer validation."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from ks_data import paths
from ks_data.assessment import items as assessment
from ks_data.assessment.items import AnswerError, ItemBankError, load_item_bank

DOSSIER = paths.PROJECT_DIR.parent / "shared" / "seeds" / "pharos-inspiratiedossier-denkraam.txt"


@pytest.fixture(scope="module")
def bank() -> assessment.ItemBank:
    return load_item_bank()


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load((paths.DATA_DIR / assessment.ITEM_BANK_FILE).read_text(encoding="utf-8"))


def test_item_bank_yaml_matches_its_json_schema(raw):
    schema = json.loads((paths.SCHEMA_DIR / assessment.ITEM_BANK_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(raw, schema)


def test_the_five_denkraam_elements_in_dossier_order(bank):
    elements = bank.elements_of("denkraam")
    assert [e.number for e in elements] == [1, 2, 3, 4, 5]
    assert [e.title for e in elements] == [
        "Overkoepelende programmadoelen en gezamenlijke uitkomsten",
        "Monitoring en leren",
        "Community-aanpak",
        "Palet van professionele zorg",
        "Regie op de ketenzorg",
    ]
    for element in elements:
        assert 3 <= len(element.items) <= 6
        assert element.source_section == f"§ 3.3, element {element.number}"
        assert all(item.source_section.startswith("§ 3.3") for item in element.items)


def test_content_themes_are_the_second_part(bank):
    themes = {e.short_title for e in bank.elements_of("themes")}
    assert themes == {"Vroegsignalering", "Gezonde zwangerschap", "Ontwikkeling baby's en peuters",
                      "Gehechtheid", "Veerkrachtig ouderschap"}


def test_scale_has_labelled_points_and_dont_know(bank):
    assert bank.scale.values == (0, 1, 2, 3, 4)
    assert bank.scale.label(0) == "nog niet gestart"
    assert bank.scale.label(4) == "structureel geborgd"
    assert bank.scale.label(None) == "weet niet"


@pytest.mark.skipif(not DOSSIER.exists(), reason="source document not present")
def test_every_cited_section_exists_in_the_dossier(bank):
    text = DOSSIER.read_text(encoding="utf-8")
    for section in {i.source_section for i in bank.items} | {e.source_section for e in bank.elements}:
        number = re.search(r"§ (\d\.\d)", section)
        if number:
            assert re.search(rf"^\s*{re.escape(number.group(1))}\s", text, flags=re.M), section
        else:
            topic = section.split(", ", 1)[1]
            assert topic in text, section


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r["elements"][0].pop("purpose"), "purpose"),
        (lambda r: r["elements"][0].update(items=r["elements"][0]["items"][:2]), "too short"),
        (lambda r: r["elements"][1]["items"][0].update(id="goals_vision"), "duplicate item"),
        (lambda r: r["elements"][0].update(part="nope"), "unknown part"),
        (lambda r: r["scale"]["points"].reverse(), "ascending"),
        (lambda r: r["elements"][1].update(number=1), "numbers repeat"),
    ],
    ids=["missing-purpose", "two-items", "duplicate-id", "unknown-part", "scale-order", "number-twice"],
)
def test_a_broken_item_bank_is_refused_with_the_reason(raw, mutate, message):
    broken = copy.deepcopy(raw)
    mutate(broken)
    with pytest.raises(ItemBankError, match=message):
        assessment.parse_item_bank(broken)


def test_unreadable_item_bank_file_raises_item_bank_error(tmp_path: Path):
    bad = tmp_path / "items.yaml"
    bad.write_text("elements: [unclosed", encoding="utf-8")
    with pytest.raises(ItemBankError):
        load_item_bank(bad)
    with pytest.raises(ItemBankError):
        load_item_bank(tmp_path / "missing.yaml")


@pytest.mark.parametrize("value", [5, -1, True, "3", 2.5])
def test_validate_answer_refuses_values_outside_the_scale(bank, value):
    with pytest.raises(AnswerError):
        assessment.validate_answer(bank, item_id="goals_vision", value=value)


def test_validate_answer_refuses_unknown_item(bank):
    with pytest.raises(AnswerError) as info:
        assessment.validate_answer(bank, item_id="no_such_item", value=2)
    assert info.value.item_id == "no_such_item"
