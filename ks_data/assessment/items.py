"""Denkraam self-assessment: the item bank (data/denkraam_items.yaml), answers and saved assessments."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jsonschema
import yaml

from ks_data import paths

ITEM_BANK_FILE = "denkraam_items.yaml"
ITEM_BANK_SCHEMA = "denkraam_items.schema.json"
# Free-text notes per element: what goes well, what can improve, the next step.
NOTE_KINDS: tuple[str, ...] = ("going_well", "to_improve", "next_step")

# An answer is a scale value (int) or None for "weet niet"; unanswered items are absent from the mapping.
# A self-assessment saved from a workshop holds the group's mean per statement instead (a float in the scale's range).
Answer = int | float | None
Answers = Mapping[str, Answer]
Notes = Mapping[str, Mapping[str, str]]


class ItemBankError(ValueError):
    """The item bank file is missing, unreadable or does not match its schema."""


class AnswerError(ValueError):
    """An answer refers to an unknown item or lies outside the answer scale."""

    def __init__(self, *, item_id: str, value: object) -> None:
        super().__init__(f"invalid answer {value!r} for item {item_id!r}")
        self.item_id = item_id
        self.value = value


@dataclass(frozen=True)
class ScalePoint:
    value: int
    label: str


@dataclass(frozen=True)
class Scale:
    points: tuple[ScalePoint, ...]
    dont_know_code: str
    dont_know_label: str

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(p.value for p in self.points)

    @property
    def minimum(self) -> int:
        return min(self.values)

    @property
    def maximum(self) -> int:
        return max(self.values)

    def label(self, value: Answer) -> str:
        """The label of a scale value, or the "weet niet" label for None."""
        if value is None:
            return self.dont_know_label
        return next(p.label for p in self.points if p.value == value)


@dataclass(frozen=True)
class Item:
    id: str
    element_id: str
    text: str
    source_section: str
    retired_in: int | None = None  # the item-bank version that took the statement out (None: in use)


@dataclass(frozen=True)
class Element:
    id: str
    part: str
    number: int
    title: str
    short_title: str
    purpose: str
    source_section: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    source_section: str


def _by_id(things: tuple, wanted: str):
    """The first of ``things`` whose ``id`` is ``wanted`` (KeyError if none)."""
    found = next((thing for thing in things if thing.id == wanted), None)
    if found is None:
        raise KeyError(wanted)
    return found


@dataclass(frozen=True)
class ItemBank:
    version: int
    source_title: str
    scale: Scale
    parts: tuple[Part, ...]
    elements: tuple[Element, ...]
    retired: tuple[Item, ...] = ()  # statements taken out; saved answers to them stay readable

    @property
    def items(self) -> tuple[Item, ...]:
        """The statements in use, in element order (what the form asks and the scores count)."""
        return tuple(item for element in self.elements for item in element.items)

    @property
    def all_items(self) -> tuple[Item, ...]:
        """The statements in use followed by the retired ones (for history and exports of saved answers)."""
        return self.items + self.retired

    def item(self, item_id: str) -> Item:
        """The item in use with this id (KeyError if unknown or retired)."""
        return _by_id(self.items, item_id)

    def lookup(self, item_id: str) -> Item:
        """The item with this id, in use or retired (KeyError if the bank never had it): how history reads
        an answer saved under an older version of the bank."""
        return _by_id(self.all_items, item_id)

    def is_retired(self, item_id: str) -> bool:
        """Whether ``item_id`` is a statement taken out of the bank (False for one in use or unknown)."""
        return any(item.id == item_id for item in self.retired)

    def element(self, element_id: str) -> Element:
        """The element with this id (KeyError if unknown)."""
        return _by_id(self.elements, element_id)

    def elements_of(self, part: str | None) -> tuple[Element, ...]:
        """Elements of one part (all elements for ``None``), in file order."""
        return tuple(e for e in self.elements if part is None or e.part == part)


@dataclass(frozen=True)
class AssessmentRecord:
    """One saved self-assessment of a coalition at a date: answers and notes per element."""

    coalition: str
    gemeente: str
    assessment_date: date
    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    id: int | None = None
    updated_at: str | None = None
    workshop_code: str = ""  # set when saved from a workshop: the answers are the group's means
    n_participants: int | None = None


def gemeente_key(name: str) -> str:
    """Case-, space- and prefix-insensitive gemeente name: 'Gemeente  Utrecht' and 'utrecht' match.

    >>> gemeente_key("  Gemeente  's-Hertogenbosch "), gemeente_key("UTRECHT")
    ("'s-hertogenbosch", 'utrecht')
    """
    key = " ".join((name or "").split()).casefold()
    return key.removeprefix("gemeente ").strip()


def _check_consistency(raw: dict) -> None:
    part_ids = [p["id"] for p in raw["parts"]]
    element_ids = [e["id"] for e in raw["elements"]]
    item_ids = [i["id"] for e in raw["elements"] for i in e["items"]]
    item_ids += [i["id"] for i in raw.get("retired_items", ())]  # a retired id is never reused
    values = [p["value"] for p in raw["scale"]["points"]]
    for name, ids in (("part", part_ids), ("element", element_ids), ("item", item_ids)):
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ItemBankError(f"duplicate {name} id(s): {', '.join(duplicates)}")
    if values != sorted(set(values)):
        raise ItemBankError("scale values must be unique and ascending")
    for element in raw["elements"]:
        if element["part"] not in part_ids:
            raise ItemBankError(f"element {element['id']!r} refers to unknown part {element['part']!r}")
    for item in raw.get("retired_items", ()):
        if item["element"] not in element_ids:
            raise ItemBankError(f"retired item {item['id']!r} refers to unknown element {item['element']!r}")
        if item["retired_in"] > raw["version"]:
            raise ItemBankError(f"retired item {item['id']!r} retired in version {item['retired_in']}, "
                                f"after the bank's version {raw['version']}")
    for part in part_ids:
        numbers = [e["number"] for e in raw["elements"] if e["part"] == part]
        if len(numbers) != len(set(numbers)):
            raise ItemBankError(f"element numbers repeat within part {part!r}")


def parse_item_bank(raw: object, *, schema_path: Path | None = None) -> ItemBank:
    """Validate a parsed item-bank document against its JSON Schema and build the frozen bank."""
    schema_file = schema_path or paths.SCHEMA_DIR / ITEM_BANK_SCHEMA
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    try:
        jsonschema.validate(raw, schema)
    except jsonschema.ValidationError as exc:
        location = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        raise ItemBankError(f"{location}: {exc.message}") from exc
    assert isinstance(raw, dict)
    _check_consistency(raw)
    scale = Scale(
        points=tuple(ScalePoint(value=p["value"], label=p["label"]) for p in raw["scale"]["points"]),
        dont_know_code=raw["scale"]["dont_know"]["code"],
        dont_know_label=raw["scale"]["dont_know"]["label"],
    )
    elements = tuple(
        Element(
            id=e["id"], part=e["part"], number=e["number"], title=e["title"], short_title=e["short_title"],
            purpose=e["purpose"], source_section=e["source_section"],
            items=tuple(
                Item(id=i["id"], element_id=e["id"], text=i["text"], source_section=i["source_section"])
                for i in e["items"]
            ),
        )
        for e in raw["elements"]
    )
    parts_ = tuple(Part(id=p["id"], title=p["title"], source_section=p["source_section"]) for p in raw["parts"])
    retired = tuple(Item(id=i["id"], element_id=i["element"], text=i["text"], source_section=i["source_section"],
                         retired_in=i["retired_in"]) for i in raw.get("retired_items", ()))
    return ItemBank(version=raw["version"], source_title=raw["source"]["title"], scale=scale,
                    parts=parts_, elements=elements, retired=retired)


def load_item_bank(path: Path | None = None) -> ItemBank:
    """Read and validate ``data/denkraam_items.yaml`` (or ``path``).

    Raises:
        ItemBankError: file missing, not YAML, or not matching the schema.
    """
    file = path or paths.DATA_DIR / ITEM_BANK_FILE
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ItemBankError(f"{file.name}: {exc}") from exc
    return parse_item_bank(raw)


def validate_answer(bank: ItemBank, *, item_id: str, value: object, allow_mean: bool = False) -> Answer:
    """Return ``value`` as a valid answer for ``item_id`` or raise AnswerError.

    ``allow_mean`` also accepts a group mean: any number from the lowest to the highest scale value. A
    retired statement (``ItemBank.retired``) accepts answers too, so an assessment saved under an older
    version of the bank can be read, imported and kept without losing them (it is not scored).

    >>> bank = load_item_bank()
    >>> validate_answer(bank, item_id="goals_vision", value=3), validate_answer(bank, item_id="goals_vision", value=None)
    (3, None)
    >>> validate_answer(bank, item_id="goals_vision", value=2.33, allow_mean=True)
    2.33
    """
    try:
        bank.lookup(item_id)
    except KeyError:
        raise AnswerError(item_id=item_id, value=value) from None
    if value is None:
        return None
    if allow_mean and isinstance(value, float) and bank.scale.minimum <= value <= bank.scale.maximum:
        return int(value) if value.is_integer() and int(value) in bank.scale.values else value
    if isinstance(value, bool) or not isinstance(value, int) or value not in bank.scale.values:
        raise AnswerError(item_id=item_id, value=value)
    return value


def is_group_mean(value: Answer) -> bool:
    """Whether a stored answer is a group mean between scale points (not one scale value or "weet niet").

    >>> is_group_mean(2.5), is_group_mean(3), is_group_mean(None)
    (True, False, False)
    """
    return isinstance(value, float) and not value.is_integer()
