"""(九) 区外用人单位与我区建档立卡贫困劳动力签订1年以上劳动合同、缴纳社会保险并在区外就业，用人单位组织开展岗前培训
和岗位技能提升培训的，……按照自治区职业技能培训补贴标准从就业专项资金中分别给予培训补贴和鉴定补贴；吸纳我区建档立卡
贫困户家庭中劳动力就业的，再按我区灵活就业人员社保补贴办法和标准从就业补助资金中给予社保补贴。Neither standard is
published in our facts: eligible with no amount and a missing figure."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

TRAINING = "out_of_region_training_subsidy"
INSURANCE = "out_of_region_insurance_subsidy"
BASE = ELIGIBLE[TRAINING]  # out-of-region employer, 2 hires, trains them

HIRES = "employer.out_of_region_hires"
# The count is of Ningxia's registered poor workers with a contract of 1 year or more, social insurance paid and
# working outside Ningxia (签订1年以上劳动合同、缴纳社会保险并在区外就业); no other article's count stands in for it.
CASES = [
    pytest.param({}, "eligible", "eligible", id="区外单位吸纳2人并组织培训：培训鉴定补贴和社保补贴"),
    pytest.param({"employer.trains_hires": False}, "not_eligible", "eligible", id="未组织培训：仅社保补贴"),
    pytest.param({"employer.in_region": True}, "not_eligible", "not_eligible", id="区内单位：不适用第九条"),
    pytest.param({HIRES: 0}, "not_eligible", "not_eligible", id="符合条件的吸纳0人：无补贴"),
    pytest.param({HIRES: 1}, "eligible", "eligible", id="吸纳1人：可"),
    pytest.param({"employer.in_region": MISSING}, "needs_info", "needs_info", id="是否区外单位未知：待补充"),
    pytest.param({HIRES: MISSING}, "needs_info", "needs_info", id="吸纳人数未知：待补充"),
    pytest.param({HIRES: MISSING, "employer.qualifying_hires": 12, "employer.insured_hires": 12}, "needs_info",
                 "needs_info", id="只有第二、五条的人数：区外就业等未知，待补充"),
    pytest.param({"employer.trains_hires": MISSING}, "needs_info", "eligible", id="是否组织培训未知：培训补贴待补充"),
]


@pytest.mark.parametrize(("overrides", "training", "insurance"), CASES)
def test_out_of_region_subsidies(overrides, training, insurance):
    profile = build(BASE, overrides)
    for benefit, status in ((TRAINING, training), (INSURANCE, insurance)):
        r = result_for(profile, benefit)
        check_case(r, overrides if status == "needs_info" else None, status, None)
        if status == "eligible":
            assert r["missing_figures"], f"{benefit}: the standard is not published, a missing figure is due"


@pytest.mark.parametrize(("benefit", "fund", "phrase"), [
    pytest.param(TRAINING, {"就业补助资金", "就业专项资金"}, "分别给予培训补贴和鉴定补贴", id="培训鉴定补贴"),
    pytest.param(INSURANCE, "就业补助资金", "从就业补助资金中给予社保补贴", id="社保补贴"),
])
def test_metadata(benefit, fund, phrase):
    check_metadata(result_for(BASE, benefit), 9, "employer", fund, "cash", phrase)


@pytest.mark.parametrize("benefit", [TRAINING, INSURANCE])
def test_the_reading_of_who_counts_is_disclosed(benefit):
    """“并在区外就业” is read as a condition on each counted worker: every result says so."""
    for overrides in ({}, {HIRES: 0}, {HIRES: MISSING}):
        assert "out_of_region_worker_facts" in result_for(build(BASE, overrides), benefit)["interpretations"]


@pytest.mark.parametrize("overrides", [{}, {"employer.trains_hires": False}, {HIRES: 0}])
def test_the_insurance_subsidy_discloses_its_reading_of_zai(overrides):
    """“再按…给予社保补贴” is read as a subsidy in addition, without the training, for the same hires: the insurance
    results say so, and the training results, which do not depend on it, do not."""
    profile = build(BASE, overrides)
    insurance = result_for(profile, INSURANCE)["interpretations"]
    assert {"out_of_region_insurance_in_addition", "out_of_region_insurance_same_hires"} <= set(insurance)
    assert "out_of_region_insurance_in_addition" not in result_for(profile, TRAINING)["interpretations"]


def test_the_missing_training_standard_is_worded_for_the_employer():
    """The employer reads of the courses it trains its hires in, not of "your occupation" and "your course" (the
    trainee's words of Article 8 (八))."""
    facts = {"employer": {"in_region": False, "out_of_region_hires": 2, "trains_hires": True}}
    (figure,) = result_for(facts, "out_of_region_training_subsidy", lang="en")["missing_figures"]
    assert figure["label"].endswith("for the occupations and levels you train your hires in")
    assert "your course" not in figure["published_in"]
