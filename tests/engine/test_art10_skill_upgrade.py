"""(十) 区内用人单位吸纳贫困劳动力就业，开展上岗培训、转岗培训和岗位技能提升培训……给予培训鉴定补贴。
依法参加失业保险3年以上、当年取得国家职业资格证书或职业技能等级证书的建档立卡贫困劳动力……初、中、高级分别给予
1000元、1500元、2000元补贴，补贴资金按规定从失业保险金中列支。"3年以上" includes 3 years.

From 2019-01-01 the years are 1 (12 months of contributions; reading skill_upgrade_12_months, source 中卫市人力资源和
社会保障局 2020-12-25): the default date of these tables (2019-06-01) uses 1 year, the dated cases below both."""

from __future__ import annotations

from datetime import date

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
    pytest.param({YEARS: 0.9}, "not_eligible", None, id="2019年参保0.9年：不满12个月"),
    pytest.param({YEARS: 0}, "not_eligible", None, id="2019年参保0年"),
    pytest.param({YEARS: 1}, "eligible", 1_500, id="2019年参保1年：12个月以上含本数"),
    pytest.param({YEARS: 1.0}, "eligible", 1_500, id="2019年参保1.0年：含本数"),
    pytest.param({YEARS: 2.9}, "eligible", 1_500, id="2019年参保2.9年：已满12个月"),
    pytest.param({"person.registered_poor": False}, "not_eligible", None, id="非建档立卡贫困劳动力"),
    pytest.param({"person.registered_poor": MISSING}, "needs_info", None, id="是否建档立卡未知：待补充"),
    pytest.param({YEARS: MISSING}, "needs_info", None, id="失业保险参保年限未知：待补充"),
    pytest.param({CERT: MISSING}, "needs_info", None, id="当年证书等级未知：待补充"),
    pytest.param({YEARS: 0.5, CERT: MISSING}, "not_eligible", None, id="参保半年且证书未知：已确定不满足"),
]


@pytest.mark.parametrize(("overrides", "status", "amount"), SKILL_CASES)
def test_skill_upgrade_subsidy(overrides, status, amount):
    check_case(result_for(build(ELIGIBLE[SKILL], overrides), SKILL), overrides, status, amount)


DATED_CASES = [
    pytest.param(date(2018, 12, 31), 2.9, "not_eligible", id="2018-12-31参保2.9年：不满3年"),
    pytest.param(date(2018, 12, 31), 3, "eligible", id="2018-12-31参保3年：3年以上含本数"),
    pytest.param(date(2018, 7, 1), 1, "not_eligible", id="2018-07-01参保1年：当时须3年"),
    pytest.param(date(2019, 1, 1), 1, "eligible", id="2019-01-01参保1年：放宽至12个月当日"),
    pytest.param(date(2019, 1, 1), 0.9, "not_eligible", id="2019-01-01参保0.9年：不满12个月"),
    pytest.param(date(2020, 12, 31), 1, "eligible", id="2020-12-31参保1年：政策末日仍适用"),
]


@pytest.mark.parametrize(("on", "years", "status"), DATED_CASES)
def test_insurance_years_by_date(on, years, status):
    r = result_for(build(ELIGIBLE[SKILL], {YEARS: years}), SKILL, on=on)
    assert r["status"] == status
    assert "skill_upgrade_12_months" in r["interpretations"]


CERTIFIED = "employer.certified_trained_hires"
# 区内用人单位吸纳贫困劳动力就业，开展……培训，培训后取得培训合格证书或职业资格证书……给予培训鉴定补贴: the count is of the
# hires trained by the employer who then obtained a certificate; no other count stands in for it.
EMPLOYER_CASES = [
    pytest.param({}, "eligible", id="区内单位：2人培训后取证：培训鉴定补贴（标准待查）"),
    pytest.param({"employer.in_region": False}, "not_eligible", id="区外单位：适用第九条而非第十条"),
    pytest.param({CERTIFIED: 0}, "not_eligible", id="培训后取证0人：未取得证书不补贴"),
    pytest.param({CERTIFIED: 1}, "eligible", id="培训后取证1人：可"),
    pytest.param({"employer.in_region": MISSING}, "needs_info", id="是否区内单位未知：待补充"),
    pytest.param({CERTIFIED: MISSING}, "needs_info", id="培训后取证人数未知：待补充"),
    pytest.param({CERTIFIED: MISSING, "employer.qualifying_hires": 30, "employer.trains_hires": True}, "needs_info",
                 id="只知吸纳人数和开展培训：是否取证未知，待补充"),
    pytest.param({CERTIFIED: MISSING, "employer.insured_hires": 5}, "needs_info", id="第五条的人数不能代替：待补充"),
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


def test_the_employer_training_result_says_who_is_counted():
    for overrides in ({}, {CERTIFIED: 0}, {CERTIFIED: MISSING}):
        r = result_for(build(ELIGIBLE[EMPLOYER], overrides), EMPLOYER)
        assert "employer_training_certified_hires" in r["interpretations"]
    unmet = result_for(build(ELIGIBLE[EMPLOYER], {CERTIFIED: 0}), EMPLOYER, lang="en")["unmet"]
    assert any("培训合格证书" in m["text"] and "职业资格证书" in m["text"] for m in unmet)
