"""(八) 培训对象自主选择培训机构的，培训结束并取得相应资格证书后，将职业技能培训补贴直补个人。The regional training
subsidy standard is not published in our facts: eligible with no amount and a missing figure.

"相应资格证书": the course's certificate of either kind counts, a training-completion certificate (培训合格证书) or a
vocational qualification certificate (职业资格证书), the two kinds article (十) names; the trainee (培训对象) is a
registered poor worker by the heading "二、技能培训助推建档立卡贫困劳动力就业". Both readings are disclosed."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

from engine.questions import BY_FACT

BENEFIT = "training_subsidy"
BASE = ELIGIBLE[BENEFIT]

CASES = [
    pytest.param({}, "eligible", id="培训结束并取得资格证书：补贴直补个人（标准待查）"),
    pytest.param({"person.training_certificate": False}, "not_eligible", id="未取得资格证书"),
    pytest.param({"person.registered_poor": False}, "not_eligible", id="非建档立卡贫困劳动力"),
    pytest.param({"person.training_certificate": MISSING}, "needs_info", id="是否取得证书未知：待补充"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", id="是否建档立卡未知：待补充"),
    # One course, one subsidy (reading one_course_one_subsidy): a 两后生's technical-school semester is paid under (十一).
    pytest.param({"person.two_after_student": True, "person.tech_school_semesters": 1}, "not_eligible",
                 id="两后生在技工院校读满1个学期：该培训按第十一条补助，不重复"),
    pytest.param({"person.two_after_student": True, "person.tech_school_semesters": 2}, "not_eligible",
                 id="两后生读满2个学期：同上"),
    pytest.param({"person.two_after_student": True, "person.tech_school_semesters": 0}, "eligible",
                 id="两后生未在技工院校学习：证书来自其他培训"),
    pytest.param({"person.two_after_student": True}, "needs_info", id="两后生、学期数未知：先问学期"),
    pytest.param({"person.two_after_student": False, "person.tech_school_semesters": 1}, "eligible",
                 id="非两后生：第十一条不适用"),
    pytest.param({"person.tech_school_semesters": 1}, "eligible", id="是否两后生未知：按其他培训计算（已披露）"),
]


@pytest.mark.parametrize(("overrides", "status"), CASES)
def test_training_subsidy(overrides, status):
    r = result_for(build(BASE, overrides), BENEFIT)
    check_case(r, overrides, status, None)
    if status == "eligible":
        assert r["missing_figures"], "the regional training-subsidy standard is not published: a missing figure"


READINGS = ["training_certificate_either_kind", "training_registered_poor_from_heading", "one_course_one_subsidy"]


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize("overrides", [
    {}, {"person.training_certificate": False}, {"person.training_certificate": MISSING},
    {"person.registered_poor": False}, {"person.registered_poor": MISSING},
], ids=["eligible", "no_certificate", "certificate_unknown", "not_registered", "registered_unknown"])
def test_the_readings_are_disclosed(reading, overrides):
    assert reading in result_for(build(BASE, overrides), BENEFIT)["interpretations"]


def test_either_certificate_is_named_where_it_is_asked_and_refused():
    question = BY_FACT["person.training_certificate"]
    assert "培训合格证书" in question.help
    assert "职业资格证书" in question.help
    r = result_for(build(BASE, {"person.training_certificate": False}), BENEFIT, lang="en")
    (unmet,) = r["unmet"]
    assert "培训合格证书" in unmet["text"]
    assert "职业资格证书" in unmet["text"]


def test_metadata():
    check_metadata(result_for(BASE, BENEFIT), 8, "person", None, "cash", "将职业技能培训补贴直补个人")
