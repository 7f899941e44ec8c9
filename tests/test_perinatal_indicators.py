"""Tests for ks_data/perinatal/indicators.py: the indicator metadata file, its schema, lookups by id."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
import yaml

from ks_data import paths
from ks_data.core.validation import DataFileError
from ks_data.perinatal import indicators as perinatal


def test_indicator_yaml_validates_against_its_schema() -> None:
    schema = json.loads((paths.SCHEMA_DIR / "perinatal_indicators.schema.json").read_text(encoding="utf-8"))
    document = yaml.safe_load((paths.DATA_DIR / "perinatal_indicators.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)


def test_indicator_definitions_state_their_variant() -> None:
    big2 = perinatal.indicator("big2")
    assert "24 weken" in big2.definition and "Hoftiezer" in big2.definition and "37 weken" in big2.definition
    assert "7 dagen" in perinatal.indicator("perinatal_mortality").variant
    assert "28 dagen" in perinatal.indicator("perinatal_mortality_28d").variant
    # the national figures are the RIVM series of indicator 12 (data/indicator_values.csv), not a copy here
    assert big2.national_reference == {"indicator": "big2", "series": "big2"}
    assert perinatal.indicator("preterm").national_reference == {"indicator": "big2", "series": "preterm"}
    assert perinatal.indicator("sga").national_reference == {"indicator": "big2", "series": "sga"}
    assert perinatal.indicator("perinatal_mortality").national_reference is None
    # Big2 counts from 24 weeks (RIVM, Perined); perinatal mortality as Perined counts it, from 22 weeks
    assert {i.id: i.from_weeks for i in perinatal.indicators()} == {
        "big2": 24, "preterm": 24, "sga": 24, "perinatal_mortality": 22, "perinatal_mortality_28d": 22}
    assert perinatal.definition_weeks() == (24, 22)
    assert {i.polarity for i in perinatal.indicators()} == {"lower_is_better"}


def test_unknown_indicator_raises() -> None:
    with pytest.raises(perinatal.UnknownIndicator):
        perinatal.indicator("apgar")


def test_a_broken_indicator_file_names_the_field(tmp_path: Path) -> None:
    """Given an entry with an unknown unit and one without a title, then loading fails with one problem per field."""
    document = yaml.safe_load((paths.DATA_DIR / perinatal.INDICATORS_FILE).read_text(encoding="utf-8"))
    document["indicators"][0]["unit"] = "promille"
    del document["indicators"][1]["title"]
    broken = tmp_path / perinatal.INDICATORS_FILE
    broken.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        perinatal.load_indicators(broken)
    problems = info.value.problems
    assert {p.column for p in problems} == {"indicators/0/unit", "indicators/1"}
    assert all(p.file == perinatal.INDICATORS_FILE for p in problems)
    assert any("'promille'" in p.message for p in problems) and any("'title'" in p.message for p in problems)
    with pytest.raises(DataFileError):
        perinatal.load_indicators(tmp_path / "missing.yaml")


def test_available_indicators_are_those_with_counts() -> None:
    """Only indicators whose numerator column holds a value count as available, in the file's order."""
    frame = pd.DataFrame({"births": [100, 200], "big2": [15, None], "preterm": [None, None], "sga": [9, 11]})
    assert [i.id for i in perinatal.available_indicators(frame)] == ["big2", "sga"]
