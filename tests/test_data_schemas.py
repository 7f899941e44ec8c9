"""Every YAML data file in data/ validates against its JSON Schema in data/schemas/ (<name>.schema.json).

A data file without a schema fails too, so a new metadata file cannot slip in unchecked (as OWID's
tests/test_metadata_schemas.py does for its *.meta.yml files).
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from ks_data import paths

DATA_FILES = sorted(paths.DATA_DIR.glob("*.yaml")) + sorted(paths.DATA_DIR.glob("*.yml"))


def schema_path(data_file: Path) -> Path:
    """data/<name>.yaml -> data/schemas/<name>.schema.json."""
    return paths.SCHEMA_DIR / f"{data_file.stem}.schema.json"


def problems(data_file: Path) -> list[str]:
    """Every place where ``data_file`` breaks its schema, as 'path: message' (empty when it validates)."""
    schema = json.loads(schema_path(data_file).read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    document = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message}"
            for error in validator_class(schema).iter_errors(document)]


def test_the_bundled_data_files_are_found() -> None:
    assert {f.name for f in DATA_FILES} >= {"indicators.yaml", "denkraam_items.yaml", "perinatal_indicators.yaml"}


@pytest.mark.parametrize("data_file", DATA_FILES, ids=[f.name for f in DATA_FILES])
def test_data_file_has_a_schema_and_validates(data_file: Path) -> None:
    assert schema_path(data_file).is_file(), f"{data_file.name} has no schema {schema_path(data_file).name}"
    found = problems(data_file)
    assert not found, f"{data_file.name} does not match {schema_path(data_file).name}:\n" + "\n".join(found)


@pytest.mark.parametrize("data_file", DATA_FILES, ids=[f.name for f in DATA_FILES])
def test_schema_rejects_a_file_missing_its_top_level_fields(data_file: Path) -> None:
    """The schemas constrain: the same file with its first required field removed does not validate."""
    schema = json.loads(schema_path(data_file).read_text(encoding="utf-8"))
    document = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    required = schema.get("required", [])
    assert required, f"{schema_path(data_file).name} requires no top-level field"
    document.pop(required[0])
    errors = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(document))
    assert any(required[0] in error.message for error in errors)
