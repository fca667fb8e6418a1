"""(十) 区内用人单位吸纳贫困劳动力就业，开展上岗培训、转岗培训和岗位技能提升培训……给予培训鉴定补贴。
依法参加失业保险3年以上、当年取得国家职业资格证书或职业技能等级证书的建档立卡贫困劳动力……初、中、高级分别给予
1000元、1500元、2000元补贴，补贴资金按规定从失业保险金中列支。"3年以上" includes 3 years."""

from __future__ import annotations

import pytest
from helpers import ELIGIBLE, MISSING, build, check_case, check_metadata, result_for

SKILL = "skill_upgrade_subsidy"
EMPLOYER = "employer_training_subsidy"
YEARS = "person.unemployment_insurance_years"
CERT = "person.certificate_this_year"

SKILL_CASES = [
    pytest.param({CERT: "junior"}, "eligible", 1_000, id="初级证书：1000元"),
    pytest.param({CERT: "intermediate"}, "eligible", 1_500, id="中级证书：1500元"),
    pytest.param({CERT: "senior"}, "eligible", 2_000, id="高级证书：2000元"),
    pytest.param({CERT: "none"}, "not_eligible", None, id="当年未取得证书"),
    pytest.param({YEARS: 2.9}, "not_eligible", None, id="参保2.9年：不满3年"),
    pytest.param({YEARS: 2}, "not_eligible", None, id="参保2年：不满3年"),
    pytest.param({YEARS: 3}, "eligible", 1_500, id="参保3年：3年以上含本数"),
    pytest.param({YEARS: 3.0}, "eligible", 1_500, id="参保3.0年：3年以上含本数"),
    pytest.param({YEARS: 3.1}, "eligible", 1_500, id="参保3.1年：满3年"),
    pytest.param({"person.registered_poor": False}, "not_eligible", None, id="非建档立卡贫困劳动力"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", None, id="是否建档立卡未知：待补充"),
    pytest.param({YEARS: MISSING}, "needs_info", None, id="失业保险参保年限未知：待补充"),
    pytest.param({CERT: MISSING}, "needs_info", None, id="当年证书等级未知：待补充"),
    pytest.param({YEARS: 1, CERT: MISSING}, "not_eligible", None, id="参保1年且证书未知：已确定不满足"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), SKILL_CASES)
def test_skill_upgrade_subsidy(overrides, status, amount):
    check_case(result_for(build(ELIGIBLE[SKILL], overrides), SKILL), overrides, status, amount)


EMPLOYER_CASES = [
    pytest.param({}, "eligible", id="区内单位吸纳2人并开展培训：培训鉴定补贴（标准待查）"),
    pytest.param({"employer.in_region": False}, "not_eligible", id="区外单位：适用第九条而非第十条"),
    pytest.param({"employer.trains_hires": False}, "not_eligible", id="未开展培训"),
    pytest.param({"employer.qualifying_hires": 0}, "not_eligible", id="吸纳0人"),
    pytest.param({"employer.qualifying_hires": 1}, "eligible", id="吸纳1人：可"),
    pytest.param({"employer.in_region": MISSING}, "needs_info", id="是否区内单位未知：待补充"),
    pytest.param({"employer.trains_hires": MISSING}, "needs_info", id="是否开展培训未知：待补充"),
    pytest.param({"employer.qualifying_hires": MISSING}, "needs_info", id="吸纳人数未知：待补充"),
]


@pytest.mark.parametrize(("overrides", "status"), EMPLOYER_CASES)
def test_employer_training_subsidy(overrides, status):
    check_case(result_for(build(ELIGIBLE[EMPLOYER], overrides), EMPLOYER), overrides, status, None)


@pytest.mark.parametrize(("benefit", "payee", "fund", "phrase"), [
    pytest.param(SKILL, "person", "失业保险基金", "分别给予1000元、1500元、2000元补贴", id="技能提升补贴：失业保险基金"),
    pytest.param(EMPLOYER, "employer", None, "按照自治区职业培训政策给予培训鉴定补贴", id="用人单位培训鉴定补贴"),
])
def test_metadata(benefit, payee, fund, phrase):
    check_metadata(result_for(ELIGIBLE[benefit], benefit), 10, payee, fund, "cash", phrase)
