"""(五) 凡区内外中小微企业、新型农业经营主体、民办非企业单位和社会团体吸纳我区建档立卡贫困劳动力就业，依法签订
1年以上劳动合同并交纳社会保险费的，按照企业吸纳建档立卡贫困劳动力人数给予企业1年的社会保险补贴（企业缴费部分）
（就业补助资金）。Amount = 12 months × the employer's monthly contribution per worker × qualifying hires; when the
contribution is unknown the subsidy is due but its figure is missing, never invented."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

BENEFIT = "sme_insurance_subsidy"
BASE = ELIGIBLE[BENEFIT]  # sme, 3 hires, 500 yuan a month each
MONTHLY = "employer.employer_insurance_monthly"

CASES = [
    pytest.param({}, "eligible", 18_000, id="小微企业吸纳3人、企业缴费每月500元：12×500×3=18000元"),
    pytest.param({"employer.insured_hires": 1, MONTHLY: 812.5}, "eligible", 9_750, id="吸纳1人、每月812.5元：9750元"),
    pytest.param({"employer.kind": "new_agri_entity"}, "eligible", 18_000, id="新型农业经营主体：可"),
    pytest.param({"employer.kind": "private_non_enterprise"}, "eligible", 18_000, id="民办非企业单位：可"),
    pytest.param({"employer.kind": "social_group"}, "eligible", 18_000, id="社会团体：可"),
    pytest.param({"employer.kind": "large_enterprise"}, "not_eligible", None, id="大型企业：不属中小微企业"),
    pytest.param({"employer.kind": "other"}, "not_eligible", None, id="其他单位：不在列举范围"),
    pytest.param({"employer.in_region": False}, "eligible", 18_000, id="区外中小微企业：区内外均可"),
    pytest.param({"employer.in_region": True}, "eligible", 18_000, id="区内中小微企业：可"),
    pytest.param({"employer.insured_hires": 0}, "not_eligible", None, id="吸纳0人：无补贴"),
    pytest.param({"employer.insured_hires": 1, MONTHLY: 500}, "eligible", 6_000, id="吸纳1人：12×500=6000元"),
    pytest.param({"employer.kind": MISSING}, "needs_info", None, id="单位类型未知：待补充"),
    pytest.param({"employer.insured_hires": MISSING}, "needs_info", None, id="吸纳人数未知：待补充"),
    # 依法签订1年以上劳动合同并交纳社会保险费: article 二's count (12 months, a contract of any length) is not this one.
    pytest.param({"employer.insured_hires": MISSING, "employer.qualifying_hires": 25}, "needs_info", None,
                 id="只有第二条的人数：1年以上合同未知，待补充"),
    pytest.param({MONTHLY: MISSING}, "eligible", None, id="企业缴费额未知：符合条件但金额待填"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), CASES)
def test_sme_insurance_subsidy(overrides, status, amount):
    check_case(result_for(build(BASE, overrides), BENEFIT), overrides, status, amount)


def test_unknown_contribution_is_a_missing_figure():
    r = result_for(build(BASE, {MONTHLY: MISSING}), BENEFIT)
    assert [f["fact"] for f in r["missing_figures"]] == [MONTHLY]


def test_known_contribution_is_not_a_missing_figure():
    r = result_for(BASE, BENEFIT)
    assert MONTHLY not in [f["fact"] for f in r["missing_figures"]]


def test_metadata():
    r = result_for(BASE, BENEFIT)
    check_metadata(r, 5, "employer", "就业补助资金", "cash", "给予企业1年的社会保险补贴（企业缴费部分）")


@pytest.mark.parametrize(("in_region", "office"), [
    pytest.param(False, "The policy does not say where an employer outside Ningxia applies", id="区外企业：不指向其所在县"),
    pytest.param(True, "where the workshop or enterprise is", id="区内企业：所在县（区）"),
    pytest.param(MISSING, "where the workshop or enterprise is", id="未说在哪里：所在县（区）"),
])
def test_an_employer_outside_ningxia_is_not_sent_to_a_county_where_it_is(in_region, office):
    """区内外 names employers outside Ningxia too; a company in Xi'an is not sent to a county bureau of Shaanxi."""
    found = result_for(build(BASE, {"employer.in_region": in_region}), BENEFIT, lang="en")
    assert office in found["apply_at"]["text"]


def test_an_other_organisation_is_not_told_it_is_a_large_enterprise():
    found = result_for(build(BASE, {"employer.kind": "other"}), BENEFIT, lang="en")
    assert found["unmet"][0]["text"].startswith("The article names small, medium and micro enterprises")
    assert "large enterprises are not." not in found["unmet"][0]["text"]
