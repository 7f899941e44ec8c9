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
        assert 3 <= len(element.items) <= 8
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


@pytest.mark.parametrize(("value", "expected"), [(2.33, 2.33), (0.0, 0), (4.0, 4), (None, None), (3, 3)])
def test_a_group_mean_is_an_answer_only_where_means_are_allowed(bank, value, expected):
    """A workshop's result holds the group's mean per statement; a coalition's own answer never does."""
    assert assessment.validate_answer(bank, item_id="goals_vision", value=value, allow_mean=True) == expected
    if isinstance(value, float) and not value.is_integer():
        assert assessment.is_group_mean(value)
        with pytest.raises(AnswerError):
            assessment.validate_answer(bank, item_id="goals_vision", value=value)


@pytest.mark.parametrize("value", [4.01, -0.5, float("nan"), float("inf"), True])
def test_a_group_mean_outside_the_scale_is_refused(bank, value):
    with pytest.raises(AnswerError):
        assessment.validate_answer(bank, item_id="goals_vision", value=value, allow_mean=True)


# --- issue 16: own words, stable ids, new key ideas, retired statements ----------------------------------
# Every item id of item-bank version 1: saved assessments refer to them, so they must all stay.
VERSION_1_IDS = {
    "goals_vision", "goals_domains", "goals_levels", "goals_data", "goals_vulnerability", "goals_urgency",
    "monitoring_outcomes", "monitoring_process", "monitoring_experience", "monitoring_learning",
    "community_keypersons", "community_information", "community_places", "community_involvement",
    "community_informal", "care_overview", "care_coherence", "care_early", "care_domains", "care_skills",
    "care_literacy", "chain_experience", "chain_director", "chain_knowledge", "chain_collaboration",
    "chain_facilitation", "detection_broad", "detection_conversation", "detection_monitoring", "detection_domains",
    "pregnancy_reach", "pregnancy_preconception", "pregnancy_early", "development_childcare",
    "development_programmes", "development_fathers", "attachment_knowledge", "attachment_interaction",
    "attachment_pregnancy", "attachment_generalists", "parenting_conversation", "parenting_expectations",
    "parenting_network",
}
# New key ideas of the dossier (issue 16): id -> (element, dossier section, a word the statement must carry).
NEW_IDEAS = {
    "goals_frontrunners": ("goals", "§ 3.3, element 1", "voorop"),
    "care_puzzle": ("professional_care", "§ 3.3, element 4", "puzzelstukjes"),
    "care_sensitive_topics": ("professional_care", "§ 3.3, element 4", "gevoelige onderwerpen"),
    "chain_director_needs": ("care_coordination", "§ 3.3, element 5", "nodig hebben"),
    "detection_no_harm": ("early_detection", "hoofdstuk 4, Sensitieve vroegsignalering", "stress"),
    "detection_instruments": ("early_detection", "hoofdstuk 4, Sensitieve vroegsignalering", "cultuursensitief"),
    "detection_trust": ("early_detection", "hoofdstuk 4, Sensitieve vroegsignalering", "vertrouwensband"),
    "pregnancy_one_plan": ("healthy_pregnancy", "§ 4.1", "één gezin, één plan"),
}


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _longest_shared_run(statement: list[str], source: str) -> int:
    for n in range(len(statement), 0, -1):
        if any(" ".join(statement[i:i + n]) in source for i in range(len(statement) - n + 1)):
            return n
    return 0


@pytest.mark.skipif(not DOSSIER.exists(), reason="source document not present")
def test_statements_are_in_our_own_words(bank):
    """No statement copies the dossier: at most 6 consecutive words in common with it (a term such as 'bij
    het afsluiten van de zorg'), and fewer than half of its word triples; the copies found in version 1 (e.g.
    goals_vision, 12 words in a row) would fail."""
    source_words = _words(re.sub(r"-\n", "", DOSSIER.read_text(encoding="utf-8")))
    source = " ".join(source_words)
    triples = {" ".join(source_words[i:i + 3]) for i in range(len(source_words) - 2)}
    for item in bank.items:
        words = _words(item.text)
        own = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)]
        assert _longest_shared_run(words, source) <= 6, item.id
        assert sum(t in triples for t in own) / len(own) < 0.5, item.id
    copied = _words("De coalitie heeft een gezamenlijke visie met heldere doelen over wat het programma moet bereiken.")
    assert _longest_shared_run(copied, source) > 6  # the check catches a near-verbatim copy


def test_every_version_1_id_stays_and_new_ideas_get_new_ids(bank):
    ids = {i.id for i in bank.items}
    assert VERSION_1_IDS <= ids
    assert ids - VERSION_1_IDS == set(NEW_IDEAS)
    assert bank.version == 2
    for item_id, (element, section, phrase) in NEW_IDEAS.items():
        item = bank.item(item_id)
        assert (item.element_id, item.source_section) == (element, section)
        assert phrase in item.text


def test_loose_statements_follow_the_dossier(bank):
    """The four loose ones now say what the dossier asks: figures besides the outcomes that feed back into the
    plans; interventions on all life domains; the coordinator working with GP, midwife and gynaecologist; case
    consultation with a joint plan and warm handover."""
    assert "plannen bij" in bank.item("monitoring_process").text and "tiende" in bank.item("monitoring_process").text
    assert "alle levensdomeinen" in bank.item("care_domains").text
    assert "regie" in bank.item("chain_collaboration").text and "gynaecoloog" in bank.item("chain_collaboration").text
    detection = bank.item("detection_domains").text
    assert "casusniveau" in detection and "gezamenlijk plan" in detection and "warme overdracht" in detection


def _retire(raw: dict, item_id: str) -> dict:
    """``raw`` with ``item_id`` moved from its element to retired_items (as a later version would do)."""
    broken = copy.deepcopy(raw)
    for element in broken["elements"]:
        for item in list(element["items"]):
            if item["id"] == item_id:
                element["items"].remove(item)
                broken.setdefault("retired_items", []).append(
                    {"id": item_id, "element": element["id"], "text": item["text"],
                     "source_section": item["source_section"], "retired_in": broken["version"]})
    return broken


def test_a_retired_statement_stays_readable_and_its_answers_are_kept(raw):
    """Given a bank that took 'goals_urgency' out, saved answers to it still validate and its wording can be
    looked up for history, but the form and the scores no longer use it."""
    bank = assessment.parse_item_bank(_retire(raw, "goals_urgency"))
    assert "goals_urgency" not in {i.id for i in bank.items}
    retired = bank.lookup("goals_urgency")
    assert retired.retired_in == bank.version and retired.element_id == "goals"
    assert retired.text.startswith("Inwoners en professionals")
    assert bank.is_retired("goals_urgency") and not bank.is_retired("goals_vision")
    assert assessment.validate_answer(bank, item_id="goals_urgency", value=3) == 3
    assert bank.all_items[-1].id == "goals_urgency"
    with pytest.raises(KeyError):
        bank.item("goals_urgency")


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda r: r["retired_items"].append({**r["retired_items"][0], "id": "goals_vision"}), "duplicate item"),
    (lambda r: r["retired_items"][0].update(element="nope"), "unknown element"),
    (lambda r: r["retired_items"][0].update(retired_in=99), "after the bank's version"),
], ids=["reused-id", "unknown-element", "future-version"])
def test_a_broken_retired_statement_is_refused(raw, mutate, message):
    broken = _retire(raw, "goals_urgency")
    mutate(broken)
    with pytest.raises(ItemBankError, match=message):
        assessment.parse_item_bank(broken)


def test_an_answer_to_a_retired_statement_survives_export_and_import(raw):
    """Given an assessment saved before 'goals_urgency' was taken out, its CSV and JSON exports still carry that
    answer and importing them gives the same answers back."""
    from datetime import date

    from ks_data.assessment import transfer

    bank = assessment.parse_item_bank(_retire(raw, "goals_urgency"))
    record = assessment.AssessmentRecord(coalition="Coalitie Zwolle", gemeente="Zwolle", assessment_date=date(2025, 3, 1),
                                         answers={"goals_vision": 4, "goals_urgency": 2})
    for exported, name in ((transfer.export_csv(bank, record), "x.csv"), (transfer.export_json(bank, record), "x.json")):
        assert "goals_urgency" in exported
        back = transfer.parse_assessment_file(bank, exported.encode(), filename=name)
        assert back.answers == {"goals_vision": 4, "goals_urgency": 2}
