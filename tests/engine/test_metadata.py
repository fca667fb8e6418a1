"""The law's metadata stays honest: parameters dated and referenced, rules cite their article,
readings recorded in one place, and every article (一)…(十七) represented."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from engine import catalog, guidance, policy
from engine.interpretations import INTERPRETATIONS
from engine.params import definitions
from engine.rules import ALL_RULES, BENEFIT_IDS, MODULES, art06_public_welfare_post
from engine.rules.placements import PLACEMENT_RULES
from engine.rules.students import STUDENT_RULES
from engine.rules.workers import WORKER_RULES

CONTRACT_IDS = [
    "transport_subsidy", "workshop_grant", "incubator_award", "broker_fee", "broker_4050_insurance",
    "sme_insurance_subsidy", "public_welfare_post", "startup_subsidy", "training_subsidy",
    "out_of_region_training_subsidy", "out_of_region_insurance_subsidy", "employer_training_subsidy",
    "skill_upgrade_subsidy", "two_after_training_grant", "two_after_study_aid",
    "special_ability_assessment", "unemployment_registration",
]
TESTS = Path(__file__).resolve().parent
ROW_RULES = (*WORKER_RULES, *STUDENT_RULES, *PLACEMENT_RULES)
def test_benefit_ids_are_the_contract():
    assert list(BENEFIT_IDS) == CONTRACT_IDS
    assert set(catalog.BY_ID) == set(CONTRACT_IDS)


@pytest.mark.parametrize("path", sorted(definitions()))
def test_every_parameter_value_is_dated_and_referenced(path):
    values = definitions()[path]["values"]
    starts = [key if isinstance(key, date) else date.fromisoformat(str(key)) for key in values]
    assert starts == sorted(starts)
    assert starts[0] <= policy.IN_FORCE_FROM
    for entry in values.values():
        assert "宁政办规发〔2018〕9号" in entry["reference"]
        if entry["value"] is None or entry["value"] == {}:
            assert entry.get("note"), f"{path}: a missing figure must say so in a note"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.benefit)
def test_every_rule_quotes_its_clause_from_the_text(rule):
    article_text = policy.article(rule.article).text
    for piece in rule.clause.split("……"):
        assert piece.strip("。") in article_text, f"{rule.benefit}: clause not in article {rule.article}"
    assert set(rule.interpretations) <= set(INTERPRETATIONS)


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_every_rule_module_cites_its_article_and_has_a_test_file(module):
    number = int(re.search(r"art(\d\d)_", module.__name__).group(1))
    assert f"Article ({policy.CHINESE_NUMERALS[number - 1]})" in module.__doc__
    assert list(TESTS.glob(f"test_art{number:02d}_*.py")), f"no table-driven test file for article {number}"


def test_rule_code_holds_no_amount_literals():
    """Amounts, ages and durations live in parameter files: no 3+ digit number in rule code."""
    for module in MODULES:
        code = Path(module.__file__).read_text(encoding="utf-8")
        body = code.split('"""', 2)[2]  # after the docstring
        body = re.sub(r'CLAUSE = \(.*?\n\)', "", body, flags=re.S)
        body = re.sub(r'"[^"\n]*"', '""', body)  # strings (quoted clause, messages)
        assert not re.findall(r"(?<![\w.])\d{3,}(?![\w])", body), module.__name__


def test_every_article_is_represented():
    ruled = {rule.article for rule in ALL_RULES}
    guided = set(guidance.BY_ARTICLE)
    assert ruled | guided == set(range(1, 18))
    assert {8, 14, 15, 16, 17} <= guided


# Readings: every one a rule relies on is recorded, and each result that depends on one discloses it.

def unknown_readings(rules, row_rules=()) -> list[str]:
    """Reading ids named by a rule, a condition or a row rule that ``engine/interpretations.py`` lacks."""
    named = [(rule.benefit, key) for rule in rules for key in rule.interpretations]
    named += [(rule.benefit, key) for rule in rules for condition in rule.conditions for key in condition.readings]
    named += [(rule.id, key) for rule in row_rules for key in rule.interpretations]
    return [f"{owner}: {key}" for owner, key in named if key not in INTERPRETATIONS]


def undisclosed(rules) -> list[str]:
    """Readings a condition depends on that its rule's results do not disclose."""
    return [f"{rule.benefit} (article {rule.article}): {key}"
            for rule in rules for condition in rule.conditions for key in condition.readings
            if key not in rule.interpretations]


def unused(rules) -> list[str]:
    """Readings that no result discloses."""
    disclosed = {key for rule in rules for key in rule.interpretations}
    return [key for key in INTERPRETATIONS if key not in disclosed]


def test_every_reading_named_is_recorded():
    assert unknown_readings(ALL_RULES, ROW_RULES) == []


def test_every_reading_a_condition_uses_is_disclosed_by_its_rule():
    assert undisclosed(ALL_RULES) == []


def test_every_recorded_reading_is_disclosed_by_a_rule():
    assert unused(ALL_RULES) == []


def test_each_split_count_is_read_by_its_article_and_discloses_its_reading():
    """One count per meaning (issue 16): each article reads its own count of hires and says how it counts them."""
    by_count = {"employer.qualifying_hires": ({2}, "workshop_worker_counts"),
                "employer.insured_hires": ({5}, "sme_qualifying_hires"),
                "employer.out_of_region_hires": ({9}, "out_of_region_worker_facts"),
                "employer.certified_trained_hires": ({10}, "employer_training_certified_hires")}
    for fact, (articles, reading) in by_count.items():
        readers = [rule for rule in ALL_RULES if fact in rule.facts()]
        assert {rule.article for rule in readers} == articles, fact
        assert all(reading in rule.interpretations for rule in readers), fact


def test_the_reading_checks_can_fail():
    """Drop a reading from a rule's disclosed list: the condition that uses it is caught, and so is the unused
    reading; a condition naming an unknown id is caught too."""
    post = art06_public_welfare_post.RULE
    key = "public_welfare_disabled_age"
    assert any(key in condition.readings for condition in post.conditions)
    dropped = replace(post, interpretations=tuple(k for k in post.interpretations if k != key))
    others = tuple(rule for rule in ALL_RULES if rule is not post)
    assert undisclosed((dropped,)) == [f"public_welfare_post (article 6): {key}"]
    assert key in unused((*others, dropped))
    made_up = replace(post.conditions[0], readings=("no_such_reading",))
    assert unknown_readings((replace(post, conditions=(made_up,)),)) == ["public_welfare_post: no_such_reading"]


@pytest.mark.parametrize("key", sorted(INTERPRETATIONS))
def test_every_reading_quotes_the_words_it_reads(key):
    reading = INTERPRETATIONS[key]
    assert reading.id == key
    words = policy.full_text() if reading.article == 0 else policy.article(reading.article).text
    assert reading.text_zh in words, f"{key}: text_zh is not the policy's words"
    assert reading.reading
    assert reading.basis


# Readings on the card face (issue 26): each reading has a short sentence for the face of a card, and each rule says
# when each reading it discloses decides a result, or why it never does on its own.

def undeclared(rules) -> list[str]:
    """Readings a rule discloses with no ``Decides`` (neither when it decides nor why it never does on its own), and
    declarations that do not fit: a reading the rule does not disclose, a condition not the rule's or that does not
    name the reading, a ``Decides`` with neither a test nor a reason."""
    problems = []
    for rule in rules:
        declared = {d.reading for d in rule.decides}
        problems += [f"{rule.benefit}: {key} undeclared" for key in rule.interpretations if key not in declared]
        for d in rule.decides:
            if d.reading not in rule.interpretations:
                problems.append(f"{rule.benefit}: {d.reading} declared, not disclosed")
            if (d.when is None) == (not d.never):
                problems.append(f"{rule.benefit}: {d.reading} needs a test or a reason, not both")
            if d.condition is not None and (all(d.condition is not c for c in rule.conditions)
                                            or d.reading not in d.condition.readings):
                problems.append(f"{rule.benefit}: {d.reading} on a condition that is not the rule's or not its own")
    return problems


def test_every_reading_a_rule_discloses_says_when_it_decides():
    assert undeclared(ALL_RULES) == []


def test_the_decides_check_can_fail():
    post = art06_public_welfare_post.RULE
    dropped = replace(post, decides=tuple(d for d in post.decides if d.reading != "public_welfare_disabled_age"))
    assert undeclared((dropped,)) == ["public_welfare_post: public_welfare_disabled_age undeclared"]
    wrong = next(d for d in post.decides if d.reading == "public_welfare_min_working_age")
    moved = replace(post, decides=(*dropped.decides, replace(wrong, reading="public_welfare_disabled_age")))
    assert undeclared((moved,)) == [
        "public_welfare_post: public_welfare_disabled_age on a condition that is not the rule's or not its own"]


def _zh(msgid: str) -> str:
    from i18n import translations  # noqa: PLC0415

    return translations("zh_CN").gettext(msgid)


@pytest.mark.parametrize("key", sorted(INTERPRETATIONS))
def test_every_reading_has_a_short_face_sentence(key):
    """One short sentence in each language: in Chinese at most 40 characters, translated, one 。 at its end."""
    face = INTERPRETATIONS[key].face
    assert face, f"{key}: no face sentence"
    zh = _zh(face)
    assert zh != face, f"{key}: the face sentence is not translated"
    assert len(zh) <= 40, f"{key}: {len(zh)} characters: {zh}"
    assert zh.endswith("。"), zh
    assert zh.count("。") == 1, zh
    assert face.endswith("."), face
    assert ". " not in face, face


# Laws a reading or a parameter may cite, with the dates they were in force: the policy ran 2018-07-01 to 2020-12-31,
# so a citation is of a law in force then (the Civil Code of 2021 replaced the General Provisions' article 205).
LAWS_IN_FORCE = {
    "民法典": (date(2021, 1, 1), None), "Civil Code": (date(2021, 1, 1), None),
    "民法总则": (date(2017, 10, 1), date(2020, 12, 31)),
    "General Provisions of the Civil Law": (date(2017, 10, 1), date(2020, 12, 31)),
    "劳动法": (date(1995, 1, 1), None), "Labour Law": (date(1995, 1, 1), None),
}


def _cited_texts() -> list[tuple[str, str]]:
    """Every text that may cite a law: readings (and their Chinese), parameter descriptions and references."""
    from i18n import translations  # noqa: PLC0415

    zh = translations("zh_CN")
    texts = [(f"reading {key}", text) for key, item in INTERPRETATIONS.items()
             for msgid in (item.reading, item.basis) for text in (msgid, zh.gettext(msgid))]
    for path, spec in definitions().items():
        texts.append((f"parameter {path}", str(spec.get("description", ""))))
        texts += [(f"parameter {path}", str(entry.get("reference", ""))) for entry in spec["values"].values()]
    return texts


def anachronisms(texts) -> list[str]:
    return [f"{where}: {law}" for where, text in texts for law, (start, end) in LAWS_IN_FORCE.items()
            if law in text and (start > policy.IN_FORCE_FROM or (end is not None and end < policy.IN_FORCE_UNTIL))]


def test_every_law_cited_was_in_force_during_the_policy():
    assert anachronisms(_cited_texts()) == []
    assert anachronisms([("was", "民法典 第一千二百五十九条")]) == ["was: 民法典"]
