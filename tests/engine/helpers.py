"""Shared helpers for the table-driven tests of 宁政办规发〔2018〕9号.

The expectations in the test files come from the policy text and the engine contract, never from
the engine's code. Every evaluation made through `result_for` also checks the output contract
(all benefits present in article order, amount only when eligible, total = sum of eligible amounts).
"""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from engine import evaluate

POLICY = "宁政办规发〔2018〕9号"
ON = date(2019, 6, 1)  # inside 2018-07-01 .. 2020-12-31

# Sentinel for a case table: "this fact is unknown" (the key is removed from the profile).
MISSING = object()

# (benefit id, article) in article order: the contract.
BENEFITS = [
    ("transport_subsidy", 1),
    ("workshop_grant", 2),
    ("incubator_award", 3),
    ("broker_fee", 4),
    ("broker_4050_insurance", 4),
    ("sme_insurance_subsidy", 5),
    ("public_welfare_post", 6),
    ("startup_subsidy", 7),
    ("training_subsidy", 8),
    ("out_of_region_training_subsidy", 9),
    ("out_of_region_insurance_subsidy", 9),
    ("employer_training_subsidy", 10),
    ("skill_upgrade_subsidy", 10),
    ("two_after_training_grant", 11),
    ("two_after_study_aid", 11),
    ("special_ability_assessment", 12),
    ("unemployment_registration", 13),
]
BENEFIT_IDS = [b for b, _ in BENEFITS]

# Benefits one person is not paid together (a post near home and a year's work away; one certificate paid once).
EXCLUSIVE = ({"public_welfare_post", "transport_subsidy"}, {"training_subsidy", "skill_upgrade_subsidy"})
STATUSES = {"eligible", "not_eligible", "needs_info", "out_of_period"}
PAYEES = {"person", "employer", "institution", "broker", "broker_person", "students"}
KINDS = {"cash", "in_kind", "service"}
RESULT_KEYS = {
    "benefit", "article", "status", "amount", "payee", "payer", "fund", "kind", "met", "unmet",
    "next", "missing", "missing_figures", "documents", "apply_at", "interpretations", "clause", "ruled_out",
    "too_late", "face",
}
FIGURE_KEYS = {"figure", "fact", "label", "published_in"}

_POOR = {"registered_poor": True}

# One profile per benefit that meets every condition of the clause (with the amount it earns).
ELIGIBLE: dict[str, dict] = {
    # (一) 跨省（区）就业、稳定1年以上、签订劳动合同、缴纳社会保险
    "transport_subsidy": {"person": {**_POOR, "job": {
        "place": "other_province", "months": 14, "contract": "1_year_or_more", "social_insurance": True}}},
    # (二) 贫困村的就业扶贫车间吸纳25人
    "workshop_grant": {"employer": {"carrier": "workshop", "located_in": "poor_village", "qualifying_hires": 25}},
    # (三) 自治区级创业孵化示范基地
    "incubator_award": {"incubator": {"level": "region"}},
    # (四) 经纪人组织5人初次就业
    "broker_fee": {"broker": {"qualifying_placements": 5}},
    "broker_4050_insurance": {"broker": {"kind": "person", "is_4050": True, "joined_employee_insurance": True}},
    # (五) 小微企业吸纳3人，企业缴费每人每月500元
    "sme_insurance_subsidy": {"employer": {"kind": "sme", "insured_hires": 3, "employer_insurance_monthly": 500}},
    # (六) 45岁、有就业愿望和能力；固原市上年度农村常住居民人均可支配收入 11708 元（用户填入）
    "public_welfare_post": {"person": {
        **_POOR, "age": 45, "disabled": False, "able_to_work": True, "wants_work": True, "city": "guyuan",
        "city_rural_income_last_year": 11708}},
    # (七) 个体经营带动就业，连续经营14个月
    "startup_subsidy": {"person": {**_POOR, "business": {"kind": "individual", "months": 14, "employs_others": True}}},
    # (八) 取得相应资格证书
    "training_subsidy": {"person": {**_POOR, "training_certificate": True}},
    # (九) 区外用人单位吸纳2人并组织培训
    "out_of_region_training_subsidy": {"employer": {"in_region": False, "out_of_region_hires": 2, "trains_hires": True}},
    "out_of_region_insurance_subsidy": {"employer": {"in_region": False, "out_of_region_hires": 2}},
    # (十) 区内用人单位吸纳2人并开展培训；参保4年、当年取得中级证书
    "employer_training_subsidy": {"employer": {"in_region": True, "certified_trained_hires": 2}},
    "skill_upgrade_subsidy": {"person": {
        **_POOR, "unemployment_insurance_years": 4, "certificate_this_year": "intermediate"}},
    # (十一) “两后生”到技工院校培训1个学期且合格
    "two_after_training_grant": {"person": {
        **_POOR, "two_after_student": True, "tech_school_semesters": 1, "training_passed": True}},
    "two_after_study_aid": {"person": {
        **_POOR, "two_after_student": True, "tech_school_semesters": 1, "training_passed": True}},
    # (十二) 建档立卡贫困劳动力
    "special_ability_assessment": {"person": {**_POOR}},
    # (十三) 城镇常住8个月、无业7个月
    "unemployment_registration": {"person": {**_POOR, "urban_months": 8, "unemployed_months": 7}},
}


def build(base: dict, overrides: dict | None = None) -> dict:
    """A copy of `base` with dotted overrides applied; a value of MISSING removes that fact."""
    profile = copy.deepcopy(base)
    for dotted, value in (overrides or {}).items():
        *parents, leaf = dotted.split(".")
        node = profile
        for part in parents:
            node = node.setdefault(part, {})
        if value is MISSING:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return profile


def missing_facts(overrides: dict | None) -> list[str]:
    return [fact for fact, value in (overrides or {}).items() if value is MISSING]


def _check_message(message: object) -> None:
    assert isinstance(message, dict), message
    assert isinstance(message.get("id"), str), message
    assert isinstance(message.get("params"), dict), message
    assert isinstance(message.get("text"), str), message
    assert message["text"], message


def check_output(out: dict, on: date) -> None:
    """The contract every evaluation keeps, whatever the profile."""
    assert set(out) >= {"policy", "date", "in_force", "results", "total", "left_out"}
    assert out["policy"] == POLICY
    assert out["date"] == on.isoformat()
    assert [(r["benefit"], r["article"]) for r in out["results"]] == BENEFITS
    total = 0
    for r in out["results"]:
        name = r["benefit"]
        assert set(r) >= RESULT_KEYS, f"{name}: missing keys {RESULT_KEYS - set(r)}"
        assert r["status"] in STATUSES, name
        assert r["payee"] in PAYEES, name
        assert r["kind"] in KINDS, name
        # (十二) and (十三) name no fund: a free assessment or a service may have none, a cash benefit may not.
        assert (isinstance(r["fund"], str) and r["fund"]) or (r["fund"] is None and r["kind"] != "cash"), name
        assert isinstance(r["clause"], str), name
        assert r["clause"], name
        assert all(isinstance(i, str) for i in r["interpretations"]), name
        for key in ("met", "unmet", "next", "documents", "face"):
            for message in r[key]:
                _check_message(message)
        on_face = [item["reading"] for item in r["face"]]
        assert len(set(on_face)) == len(on_face), f"{name}: a reading twice on the face {on_face}"
        assert set(on_face) <= set(r["interpretations"]), f"{name}: a reading on the face not disclosed {on_face}"
        _check_message(r["payer"])
        _check_message(r["apply_at"])
        for figure in r["missing_figures"]:
            assert set(figure) >= FIGURE_KEYS, f"{name}: {figure}"
        assert all(isinstance(f, str) and "." in f for f in r["missing"]), f"{name}: {r['missing']}"
        if r["status"] != "eligible":
            assert r["amount"] is None, f"{name}: amount {r['amount']} while {r['status']}"
        if r["kind"] != "cash":
            assert r["amount"] is None, f"{name}: a {r['kind']} benefit has no amount"
        if r["amount"] is not None:
            assert r["amount"] > 0, name
            total += r["amount"]
        if r["status"] == "eligible":
            assert r["unmet"] == [], f"{name}: eligible but unmet {r['unmet']}"
            assert r["missing"] == [], f"{name}: eligible but missing {r['missing']}"
        if r["status"] == "needs_info":
            assert r["missing"], f"{name}: needs_info without a missing fact"
            assert r["unmet"] == [], f"{name}: needs_info but a condition is false {r['unmet']}"
        if r["status"] == "not_eligible":
            assert r["unmet"], f"{name}: not_eligible without an unmet condition"
        if name == "public_welfare_post":
            assert "monthly" in r, name
            expected = None if r["amount"] is None else round(r["amount"] / 12, 2)
            assert r["monthly"] == expected, f"monthly {r['monthly']} for amount {r['amount']}"
    amounts = {r["benefit"]: r["amount"] for r in out["results"] if r["amount"] is not None}
    left_out = [entry["benefit"] for entry in out["left_out"]]
    assert out["total"] == pytest.approx(total - sum(amounts[b] for b in left_out))
    for exclusive in EXCLUSIVE:  # never two of one set in the total
        assert len((exclusive & set(amounts)) - set(left_out)) <= 1, (exclusive, amounts, left_out)
    assert out["in_force"] is (date(2018, 7, 1) <= on <= date(2020, 12, 31))


END = date(2020, 12, 31)
STEP_KEYS = {"id", "params", "change", "months", "gives", "from", "by"}
DAY = timedelta(days=1)


def months_later(on: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it is shorter): written here, not imported."""
    year, month = on.year + (on.month - 1 + months) // 12, (on.month - 1 + months) % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31,
            30, 31][month - 1]
    return date(year, month, min(on.day, last))


def deadlines_named(step: dict) -> list[dict]:
    """The last days a step's sentence names: its own ``deadline``, or each part's (``{step} ({deadline})``)."""
    if "deadline" in step["params"]:
        return list(step["params"]["deadline"])
    return [d for part in step["params"].get("steps", []) for d in part["params"].get("deadline", [])]


def check_steps(profile: dict, out: dict, on: date) -> None:
    """Every next step is a promise: the profile with its change, assessed on its ``from`` date (its months
    after the day assessed, or after the day after when it asks for something to be done), gives what it says.
    What it asks to be done has a last day, ``by``, after the day assessed and not after the policy's end, and
    its sentence names it.

    And every result that is not due says what happens next: a step, a reason it is ruled out, or facts to ask.
    """
    for r in out["results"]:
        name = r["benefit"]
        assert isinstance(r["ruled_out"], bool), name
        for step in r["next"]:
            assert set(step) >= STEP_KEYS, f"{name}: step keys {set(step)}"
            assert isinstance(step["months"], int), name
            assert step["months"] >= 0, name
            later = date.fromisoformat(step["from"])
            waited, acted = months_later(on, step["months"]), months_later(on + DAY, step["months"])
            # Whole months after the day assessed (or the day after, after an action); or the policy's last day, for a
            # wait known to the day that whole months overshoot (born in December 1980: surely 40 on 2020-12-31).
            assert later == waited or (step["by"] is not None and later == acted) or (
                step["by"] is None and later == END < waited), f"{name}: {step}"
            assert later <= END, f"{name}: a step that ends after the policy: {step}"
            # The last day is named: once for the whole step, or beside each action when the parts do not share one.
            named = [d["params"].get("date", step["by"]) for d in deadlines_named(step)]
            if step["by"] is not None:
                by = date.fromisoformat(step["by"])
                assert on < by <= END, f"{name}: nothing can be done by {by} after {on}: {step}"
                assert step["by"] in named, name
                assert all(step["by"] <= day for day in named), name  # ``by`` is the first of them
            assert bool(named) == (step["by"] is not None and "steps" in step["params"]), name
            assert step["change"] or step["months"], f"{name}: a step that changes nothing: {step}"
            again = evaluate(build(profile, step["change"]), later, None)
            found = next(x for x in again["results"] if x["benefit"] == name)
            assert found["status"] == step["gives"]["status"] == "eligible", f"{name}: {step}"
            assert found["amount"] == step["gives"]["amount"], f"{name}: {step}"
        if r["status"] == "not_eligible":
            assert r["next"] or r["ruled_out"] or r["missing"], f"{name}: not due, and nothing said why or what next"
        if r["next"] and r["status"] != "eligible":
            assert not r["ruled_out"], name
        if r["too_late"]:
            assert r["ruled_out"], name


def run(profile: dict, on: date = ON, lang: str = "zh_CN") -> dict:
    out = evaluate(profile, on, lang)
    check_output(out, on)
    check_steps(profile, out, on)
    return out


def result_for(profile: dict, benefit: str, on: date = ON, lang: str = "zh_CN") -> dict:
    """The result for one benefit id (after checking the whole output against the contract)."""
    out = run(profile, on, lang)
    return next(r for r in out["results"] if r["benefit"] == benefit)


def check_case(r: dict, overrides: dict | None, status: str, amount: float | None) -> None:
    """Status and amount as the law says; an unknown fact behind needs_info is named in `missing`."""
    assert r["status"] == status, f"unmet={r['unmet']} missing={r['missing']}"
    if amount is None:
        assert r["amount"] is None
    else:
        assert r["amount"] == pytest.approx(amount)
    if status == "needs_info":
        for fact in missing_facts(overrides):
            assert fact in r["missing"], f"{fact} not in missing {r['missing']}"


def check_metadata(r: dict, article: int, payee: str | set, fund: str | set | None, kind: str, phrase: str) -> None:  # noqa: PLR0917
    """Article, payee, fund, kind and the quoted clause of one result."""
    assert r["article"] == article
    assert r["payee"] in ({payee} if isinstance(payee, str) else payee)
    if fund is not None:
        assert r["fund"] in ({fund} if isinstance(fund, str) else fund)
    assert r["kind"] == kind
    assert phrase in r["clause"], f"clause does not quote {phrase!r}"
