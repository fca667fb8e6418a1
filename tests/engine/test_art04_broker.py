"""(四) 对劳务中介组织、劳务经纪人等组织建档立卡贫困劳动力到企业初次就业1年以上并签订劳动合同、缴纳社会保险的，
给予劳务中介组织或经纪人200元/人就业创业服务补贴；对自愿参加城镇职工社会保险的劳务经纪人中的“4050”人员，
纳入城镇灵活就业人员社会保险补贴范围（就业补助资金）。The flexible-employment insurance standard is not
published in our facts: no amount, one missing figure."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

FEE_CASES = [
    pytest.param({"broker.qualifying_placements": 0}, "not_eligible", None, id="组织0人就业：无补贴"),
    pytest.param({"broker.qualifying_placements": 1}, "eligible", 200, id="组织1人：200元"),
    pytest.param({"broker.qualifying_placements": 5}, "eligible", 1_000, id="组织5人：1000元"),
    pytest.param({"broker.qualifying_placements": 35}, "eligible", 7_000, id="组织35人：7000元"),
    pytest.param({"broker.qualifying_placements": MISSING}, "needs_info", None, id="组织就业人数未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), FEE_CASES)
def test_broker_fee(overrides, status, amount):
    check_case(result_for(build(ELIGIBLE["broker_fee"], overrides), "broker_fee"), overrides, status, amount)


INSURANCE_CASES = [
    pytest.param({}, "eligible", id="4050人员的经纪人、自愿参加职工社保：纳入灵活就业社保补贴"),
    pytest.param({"broker.is_4050": False}, "not_eligible", id="非4050人员"),
    pytest.param({"broker.kind": "agency"}, "not_eligible", id="劳务中介组织：不是“劳务经纪人中的4050人员”"),
    pytest.param({"broker.kind": MISSING}, "needs_info", id="是否经纪人本人未知：待补充"),
    pytest.param({"broker.joined_employee_insurance": False}, "not_eligible", id="未参加城镇职工社会保险"),
    pytest.param({"broker.is_4050": MISSING}, "needs_info", id="是否4050人员未知：待补充"),
    pytest.param({"broker.joined_employee_insurance": MISSING}, "needs_info", id="是否参加职工社保未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status"), INSURANCE_CASES)
def test_broker_4050_insurance(overrides, status):
    r = result_for(build(ELIGIBLE["broker_4050_insurance"], overrides), "broker_4050_insurance")
    check_case(r, overrides, status, None)
    if status == "eligible":
        assert len(r["missing_figures"]) == 1, "the flexible-employment insurance standard is not published"


def test_the_4050_insurance_is_paid_to_the_broker_in_person():
    """"劳务经纪人中的“4050”人员": the broker as a person (issue 26), not "the labour agency or broker"."""
    check_metadata(result_for(ELIGIBLE["broker_4050_insurance"], "broker_4050_insurance"), 4, "broker_person",
                   "就业补助资金", "cash", "纳入城镇灵活就业人员社会保险补贴范围")


@pytest.mark.parametrize(("benefit", "phrase"), [
    pytest.param("broker_fee", "200元/人就业创业服务补贴", id="服务补贴：中介组织或经纪人"),
])
def test_metadata(benefit, phrase):
    check_metadata(result_for(ELIGIBLE[benefit], benefit), 4, "broker", "就业补助资金", "cash", phrase)


def test_each_result_discloses_its_readings():
    """The placements are counted as the clause says (a first job with an enterprise, 12 months or more), and the
    4050 insurance reads who is a “4050” person, that the applicant is a broker, and what the subsidy is."""
    assert {"broker_placement_counts", "yishang_inclusive"} <= set(
        result_for(ELIGIBLE["broker_fee"], "broker_fee")["interpretations"])
    assert {"broker_4050_ages", "broker_4050_is_a_broker", "broker_4050_flexible_subsidy"} <= set(
        result_for(ELIGIBLE["broker_4050_insurance"], "broker_4050_insurance")["interpretations"])


def test_person_job_via_broker_is_not_a_fact():
    """A placed worker's result does not depend on a broker (the service subsidy is the broker's, counted by the
    broker): the profile has no such fact, and names it as unknown."""
    from engine.profile import FIELDS, ProfileError  # noqa: PLC0415
    assert "person.job.via_broker" not in FIELDS
    with pytest.raises(ProfileError, match=r"person\.job\.via_broker: unknown field"):
        result_for({"person": {"job": {"via_broker": True}}}, "broker_fee")
