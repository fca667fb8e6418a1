"""(十一) 凡有培训意愿的建档立卡贫困家庭“两后生”到技工院校参加1个学期的职业技能培训且培训合格的，按照每人6000元
标准从就业补助资金中给予培训补助……同时从切块下达的财政专项扶贫资金中给予每人3000元的扶贫助学补助。
Person mode (one student) and institution mode (a technical school's cohort of passed students)."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

GRANT = "two_after_training_grant"
AID = "two_after_study_aid"
PERSON = ELIGIBLE[GRANT]
SCHOOL = {"institution": {"kind": "technical_school", "two_after_passed": 35}}
PASSED = "institution.two_after_passed"

PERSON_CASES = [
    pytest.param({}, "eligible", 6_000, 3_000, id="两后生在技工院校培训1学期且合格：6000元培训补助和3000元助学补助"),
    pytest.param({"person.tech_school_semesters": 0}, "not_eligible", None, None, id="0个学期：未参加1个学期培训"),
    pytest.param({"person.tech_school_semesters": 2}, "eligible", 6_000, 3_000, id="2个学期：1个学期以上"),
    pytest.param({"person.training_passed": False}, "not_eligible", None, None, id="培训不合格"),
    pytest.param({"person.two_after_student": False}, "not_eligible", None, None, id="非两后生"),
    pytest.param({"person.registered_poor": False}, "not_eligible", None, None, id="非建档立卡贫困家庭"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", None, None, id="是否建档立卡未知：待补充"),
    pytest.param({"person.two_after_student": MISSING}, "needs_info", None, None, id="是否两后生未知：待补充"),
    pytest.param({"person.tech_school_semesters": MISSING}, "needs_info", None, None, id="培训学期数未知：待补充"),
    pytest.param({"person.training_passed": MISSING}, "needs_info", None, None, id="是否培训合格未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status", "grant", "aid"), PERSON_CASES)
def test_person_mode(overrides, status, grant, aid):
    profile = build(PERSON, overrides)
    check_case(result_for(profile, GRANT), overrides, status, grant)
    check_case(result_for(profile, AID), overrides, status, aid)


SCHOOL_CASES = [
    pytest.param({}, "eligible", 210_000, 105_000, id="技工院校35名两后生合格：21万元培训补助和10.5万元助学补助"),
    pytest.param({PASSED: 0}, "not_eligible", None, None, id="0人合格：无补助"),
    pytest.param({PASSED: 1}, "eligible", 6_000, 3_000, id="1人合格：6000元和3000元"),
    pytest.param({"institution.kind": "training_institution"}, "not_eligible", None, None, id="一般培训机构：须到技工院校"),
    pytest.param({"institution.kind": "enterprise"}, "not_eligible", None, None, id="企业：须到技工院校"),
    pytest.param({"institution.kind": MISSING}, "needs_info", None, None, id="机构类型未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status", "grant", "aid"), SCHOOL_CASES)
def test_institution_mode(overrides, status, grant, aid):
    profile = build(SCHOOL, overrides)
    check_case(result_for(profile, GRANT), overrides, status, grant)
    check_case(result_for(profile, AID), overrides, status, aid)


@pytest.mark.parametrize(("benefit", "payee", "fund", "phrase"), [
    pytest.param(GRANT, "institution", "就业补助资金", "按照每人6000元标准从就业补助资金中给予培训补助", id="培训补助：就业补助资金"),
    pytest.param(AID, "students", "财政专项扶贫资金", "给予每人3000元的扶贫助学补助", id="助学补助：财政专项扶贫资金"),
])
def test_metadata(benefit, payee, fund, phrase):
    check_metadata(result_for(PERSON, benefit), 11, payee, fund, "cash", phrase)


# Readings disclosed: the school's count, when given, is what is assessed (two_after_school_count); "1个学期" is at
# least one semester, paid once per student (two_after_one_semester_minimum).
BOTH = build(PERSON, {PASSED: 35, "institution.kind": "technical_school"})

COUNT_CASES = [
    pytest.param({}, "eligible", 210_000, 105_000, id="学校填了35人：按学校人数计算，而非该生一人"),
    pytest.param({PASSED: 0}, "not_eligible", None, None, id="学校填0人：该生本人条件齐全也不按本人计算"),
    pytest.param({PASSED: 1}, "eligible", 6_000, 3_000, id="学校填1人"),
    pytest.param({"person.training_passed": False}, "eligible", 210_000, 105_000, id="学校人数已知：不看本人是否合格"),
    pytest.param({"institution.kind": "training_institution"}, "not_eligible", None, None, id="一般培训机构"),
]


@pytest.mark.parametrize(("overrides", "status", "grant", "aid"), COUNT_CASES)
def test_a_known_school_count_is_assessed_instead_of_the_students_facts(overrides, status, grant, aid):
    profile = build(BOTH, overrides)
    for benefit, amount in ((GRANT, grant), (AID, aid)):
        r = result_for(profile, benefit)
        check_case(r, overrides, status, amount)
        assert "two_after_school_count" in r["interpretations"]


@pytest.mark.parametrize("benefit", [GRANT, AID])
def test_a_students_own_result_does_not_name_the_school_count(benefit):
    assert "two_after_school_count" not in result_for(PERSON, benefit)["interpretations"]


@pytest.mark.parametrize("semesters", [1, 2, 3, 6])
def test_one_semester_or_more_is_paid_once(semesters):
    profile = build(PERSON, {"person.tech_school_semesters": semesters})
    for benefit, amount in ((GRANT, 6_000), (AID, 3_000)):
        r = result_for(profile, benefit)
        assert (r["status"], r["amount"]) == ("eligible", amount)
        assert "two_after_one_semester_minimum" in r["interpretations"]


@pytest.mark.parametrize("profile", [PERSON, SCHOOL, build(PERSON, {"person.tech_school_semesters": 0})],
                         ids=["student", "school", "no_semester"])
@pytest.mark.parametrize("benefit", [GRANT, AID])
def test_the_semester_readings_are_disclosed(profile, benefit):
    r = result_for(profile, benefit)
    assert {"two_after_one_semester_minimum", "two_after_semester_months", "two_after_payee"} <= set(
        r["interpretations"])
