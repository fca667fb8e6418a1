"""The law's metadata stays honest: parameters dated and referenced, rules cite their article,
readings recorded in one place, and every article (一)…(十七) represented."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from engine import catalog, guidance, policy
from engine.interpretations import INTERPRETATIONS
from engine.params import definitions
from engine.rules import ALL_RULES, BENEFIT_IDS, MODULES

CONTRACT_IDS = [
    "transport_subsidy", "workshop_grant", "incubator_award", "broker_fee", "broker_4050_insurance",
    "sme_insurance_subsidy", "public_welfare_post", "startup_subsidy", "training_subsidy",
    "out_of_region_training_subsidy", "out_of_region_insurance_subsidy", "employer_training_subsidy",
    "skill_upgrade_subsidy", "two_after_training_grant", "two_after_study_aid",
    "special_ability_assessment", "unemployment_registration",
]
TESTS = Path(__file__).resolve().parent


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
