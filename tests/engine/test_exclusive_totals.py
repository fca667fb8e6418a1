"""Totals that can be true (issue 17): no total adds two benefits that exclude each other.

- a public-welfare post (六) is a local safety-net job near home (托底安排); the transport subsidy (一) pays for a
  year of work away from home: the issue's 45-year-old with 14 months in another province who wants a post is
  shown both, and the total counts one;
- the training subsidy (八) and the skill-upgrade subsidy (十) both pay for a certificate: counted once.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import ELIGIBLE, build

from engine import evaluate
from engine.interpretations import INTERPRETATIONS
from engine.rules import VARIANTS
from engine.totals import EXCLUSIVE_SETS, PAID_TO_RESIDENT, total

ON = date(2019, 12, 31)
AWAY_AND_POST = build(ELIGIBLE["transport_subsidy"], {
    "person.age": 45, "person.able_to_work": True, "person.wants_work": True, "person.city": "guyuan"})
CERTIFICATE_TWICE = build(ELIGIBLE["skill_upgrade_subsidy"], {"person.training_certificate": True})


def _amounts(out):
    return {r["benefit"]: r["amount"] for r in out["results"] if r["status"] == "eligible"}


@pytest.mark.parametrize(("income", "counted", "left_out", "expected"), [
    pytest.param(None, "transport_subsidy", None, 800, id="post amount unknown: only the transport subsidy is summed"),
    pytest.param(11708, "public_welfare_post", "transport_subsidy", 11708, id="post 11708 > 800: the post, not both"),
    pytest.param(600, "transport_subsidy", "public_welfare_post", 800, id="post 600 < 800: the transport subsidy"),
    pytest.param(800, "public_welfare_post", "transport_subsidy", 800, id="equal: one of them, 800 not 1600"),
])
def test_a_post_and_work_away_are_not_added(income, counted, left_out, expected):
    profile = build(AWAY_AND_POST, {"person.city_rural_income_last_year": income} if income else None)
    out = evaluate(profile, ON, lang="en")
    amounts = _amounts(out)
    assert {"transport_subsidy", "public_welfare_post"} <= set(amounts)  # both still shown as open to apply for
    assert out["total"] == expected
    assert [e["benefit"] for e in out["left_out"]] == ([left_out] if left_out else [])
    if left_out:
        entry = out["left_out"][0]
        assert (entry["instead"], entry["set"]) == (counted, "post_or_work_away")
        assert "county decides" in entry["reason"]["text"]


@pytest.mark.parametrize(("level", "expected"), [
    pytest.param("junior", 1000, id="初级1000元: counted once"),
    pytest.param("senior", 2000, id="高级2000元: counted once"),
])
def test_one_certificate_is_not_added_twice(level, expected):
    out = evaluate(build(CERTIFICATE_TWICE, {"person.certificate_this_year": level}), ON, lang="zh_CN")
    amounts = _amounts(out)
    assert amounts["skill_upgrade_subsidy"] == expected
    assert "training_subsidy" in amounts  # its amount is the region's standard, which the site lacks
    assert out["total"] == expected
    assert out["left_out"] == []  # nothing priced is left out: the unpriced subsidy is not in the sum anyway


def test_two_priced_benefits_of_one_set_keep_the_larger():
    results = [
        {"benefit": "training_subsidy", "status": "eligible", "amount": 1200, "payee": "person"},
        {"benefit": "skill_upgrade_subsidy", "status": "eligible", "amount": 1500, "payee": "person"},
        {"benefit": "two_after_study_aid", "status": "eligible", "amount": 3000, "payee": "person"},
        {"benefit": "two_after_training_grant", "status": "eligible", "amount": 6000, "payee": "institution"},
    ]
    summed = total(results, "zh_CN", payees=PAID_TO_RESIDENT)
    assert summed.amount == 4500  # 1500 + 3000: not the 1200 of the same certificate, not the school's 6000
    assert summed.counted == ("skill_upgrade_subsidy", "two_after_study_aid")
    assert [(e["benefit"], e["instead"]) for e in summed.left_out] == [("training_subsidy", "skill_upgrade_subsidy")]
    assert "县" in summed.left_out[0]["reason"]["text"]


@pytest.mark.parametrize("status", ["not_eligible", "needs_info"])
def test_a_benefit_not_due_leaves_nothing_out(status):
    results = [
        {"benefit": "transport_subsidy", "status": "eligible", "amount": 800, "payee": "person"},
        {"benefit": "public_welfare_post", "status": status, "amount": None, "payee": "person"},
    ]
    summed = total(results, None)
    assert (summed.amount, summed.left_out) == (800, ())


@pytest.mark.parametrize("exclusive", EXCLUSIVE_SETS, ids=lambda s: s.id)
def test_each_exclusive_set_is_a_reading_every_rule_of_it_discloses(exclusive):
    assert exclusive.id in INTERPRETATIONS
    for benefit in exclusive.benefits:
        for rule in VARIANTS[benefit]:
            assert exclusive.id in rule.interpretations, (benefit, rule)
