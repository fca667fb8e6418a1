"""Next steps, article by article: the change each names (every unmet and every unknown condition), how long it
takes, what it gives, and when there is none because the policy ends first or nothing can change.

Expectations come from the articles: 1年以上 is 12 months, 年满40周岁 is age 40, a workshop's hire counts after
12 months, a placement after 12 months of work, the skill-upgrade subsidy needs 1 year of insurance from
2019-01-01 (3 before), a semester is taken to fit in 6 months. Every evaluation also checks, through
``helpers.run``, that each step it offers keeps its promise.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import build, result_for

from engine.steps import MAYBE_TOO_LATE, PART_BY, TOO_LATE

D = date(2019, 6, 1)
POOR = {"person.registered_poor": True}
JOB = {**POOR, "person.job.place": "other_province"}
CONTRACT, INSURANCE, MONTHS = "person.job.contract", "person.job.social_insurance", "person.job.months"
POST = {**POOR, "person.wants_work": True, "person.able_to_work": True, "person.disabled": False,
        "person.city_rural_income_last_year": 12_000}
WORKSHOP = {"employer.carrier": "workshop", "employer.located_in": "poor_village"}
STUDENT = {**POOR, "person.two_after_student": True}
TOWN = {**POOR, "person.job.place": "none"}


def step(change: dict, months: int, amount: float | None) -> dict:
    return {"change": change, "months": months, "amount": amount}


RULED_OUT, ASK = "ruled_out", "ask"

CASES = [
    # (一) 交通补贴
    pytest.param("transport_subsidy", {**JOB, MONTHS: 10}, D,
                 step({MONTHS: 12, CONTRACT: "1_year_or_more", INSURANCE: True}, 2, 800),
                 id="一 跨省10个月、合同与社保未知：再干2个月并签合同、缴社保→800元"),
    pytest.param("transport_subsidy", {**JOB, MONTHS: 10}, date(2020, 12, 1), (RULED_OUT, TOO_LATE),
                 id="一 2020-12-01跨省10个月：满12个月已在政策结束后"),
    pytest.param("transport_subsidy", {**JOB, MONTHS: 11, CONTRACT: "under_1_year", INSURANCE: True},
                 date(2020, 11, 30), step({MONTHS: 12}, 1, 800), id="一 2020-11-30差1个月：2020-12-30满，仍在期内"),
    pytest.param("transport_subsidy", {**JOB, MONTHS: 11, CONTRACT: "under_1_year", INSURANCE: True},
                 date(2020, 12, 1), (RULED_OUT, TOO_LATE), id="一 2020-12-01差1个月：2021-01-01满，已过期"),
    pytest.param("transport_subsidy", {**POOR, "person.job.place": "other_county_in_region", MONTHS: 3,
                                       CONTRACT: "1_year_or_more", INSURANCE: True}, D,
                 step({MONTHS: 12}, 9, 200), id="一 区内跨县3个月：再干9个月→200元"),
    pytest.param("transport_subsidy", {**JOB, MONTHS: 14, CONTRACT: "none", INSURANCE: True}, D,
                 step({CONTRACT: "1_year_or_more"}, 0, 800), id="一 满14个月未签合同：签订劳动合同→800元"),
    pytest.param("transport_subsidy", {"person.job.place": "other_province", MONTHS: 11, CONTRACT: "none",
                                       INSURANCE: True}, D,
                 step({"person.registered_poor": True, MONTHS: 12, CONTRACT: "1_year_or_more"}, 1, 800),
                 id="一 身份未知：步骤写明须是建档立卡户"),
    pytest.param("transport_subsidy", {**JOB, "person.registered_poor": False, MONTHS: 11}, D, RULED_OUT,
                 id="一 非建档立卡户：没有下一步"),
    pytest.param("transport_subsidy", {**POOR, "person.job.place": "same_county", MONTHS: 3}, D, RULED_OUT,
                 id="一 本县务工：没有下一步"),
    pytest.param("transport_subsidy", {**JOB, CONTRACT: "none"}, D, (ASK, {MONTHS}),
                 id="一 月数未知、未签合同：先问月数"),
    # (二) 扶贫车间
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 10}, D,
                 step({"employer.qualifying_hires": 11}, 12, 20_000), id="二 10人：再有1人满12个月→2万元"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 0}, D,
                 step({"employer.qualifying_hires": 11}, 12, 20_000), id="二 0人：再有11人→2万元"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 10}, date(2020, 1, 1),
                 (RULED_OUT, TOO_LATE), id="二 2020-01-01才差1人：新人满12个月已过期"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 11}, D,
                 step({"employer.qualifying_hires": 21}, 12, 30_000), id="二 11人：再10人升至3万元"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 100}, D,
                 step({"employer.qualifying_hires": 101}, 12, 100_000), id="二 100人：第101人升至10万元"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 101}, D, None,
                 id="二 101人：已是最高档"),
    pytest.param("workshop_grant", {**WORKSHOP, "employer.carrier": "none", "employer.qualifying_hires": 5}, D,
                 RULED_OUT, id="二 不是扶贫载体：没有下一步"),
    # (四) 劳务经纪人
    pytest.param("broker_fee", {"broker.qualifying_placements": 0}, D,
                 step({"broker.qualifying_placements": 1}, 12, 200), id="四 0人：组织1人就业满1年→200元"),
    pytest.param("broker_fee", {"broker.qualifying_placements": 5}, D,
                 step({"broker.qualifying_placements": 6}, 12, 1_200), id="四 5人：再1人→1200元"),
    pytest.param("broker_fee", {"broker.qualifying_placements": 0}, date(2020, 6, 1), (RULED_OUT, TOO_LATE),
                 id="四 2020-06-01才开始：满1年已过期"),
    pytest.param("broker_4050_insurance", {"broker.kind": "person", "broker.is_4050": True,
                                           "broker.joined_employee_insurance": False}, D,
                 step({"broker.joined_employee_insurance": True}, 0, None), id="四 4050未参保：自愿参保后可申请"),
    pytest.param("broker_4050_insurance", {"broker.kind": "person", "broker.is_4050": False,
                                           "broker.joined_employee_insurance": True}, D,
                 RULED_OUT, id="四 非4050人员：没有下一步"),
    # (五) 中小微企业社保补贴
    pytest.param("sme_insurance_subsidy", {"employer.kind": "sme", "employer.insured_hires": 0,
                                           "employer.employer_insurance_monthly": 500}, D,
                 step({"employer.insured_hires": 1}, 0, 6_000), id="五 0人：吸纳1人签1年合同缴社保→6000元"),
    pytest.param("sme_insurance_subsidy", {"employer.kind": "large_enterprise", "employer.insured_hires": 0}, D,
                 RULED_OUT, id="五 大型企业：没有下一步"),
    # (六) 公益性岗位
    pytest.param("public_welfare_post", {**POST, "person.age": 39}, D, step({"person.age": 40}, 12, 12_000),
                 id="六 39岁：至迟12个月后满40周岁"),
    pytest.param("public_welfare_post", {**POST, "person.age": 39}, date(2020, 6, 1), (RULED_OUT, MAYBE_TOO_LATE),
                 id="六 2020-06-01时39岁：能否在期内满40岁取决于生日"),
    pytest.param("public_welfare_post", {**POST, "person.age": 38}, date(2018, 12, 31),
                 step({"person.age": 40}, 24, 12_000), id="六 2018-12-31时38岁：2020-12-31前必满40岁"),
    pytest.param("public_welfare_post", {**POST, "person.age": 17}, D, (RULED_OUT, TOO_LATE),
                 id="六 17岁：政策期内到不了40岁"),
    pytest.param("public_welfare_post", {**POST, "person.age": 39, "person.wants_work": None}, D,
                 step({"person.age": 40, "person.wants_work": True}, 12, 12_000), id="六 就业愿望未知：步骤写明"),
    pytest.param("public_welfare_post", {**POST, "person.age": 45, "person.able_to_work": False}, D, RULED_OUT,
                 id="六 无劳动能力：没有下一步"),
    pytest.param("public_welfare_post", {**POST, "person.age": 15, "person.disabled": None}, D,
                 (ASK, {"person.disabled"}), id="六 15岁、是否残疾未知：先问是否残疾（残疾人满16岁即可）"),
    pytest.param("public_welfare_post", {**POST, "person.age": 15, "person.disabled": True}, D,
                 step({"person.age": 16}, 12, 12_000), id="六 15岁残疾人：满16周岁"),
    # (七) 创业补贴
    pytest.param("startup_subsidy", {**POOR, "person.business.kind": "individual", "person.business.months": 4,
                                     "person.business.employs_others": True}, D,
                 step({"person.business.months": 12}, 8, 10_000), id="七 经营4个月：再8个月→1万元"),
    pytest.param("startup_subsidy", {**POOR, "person.business.kind": "individual", "person.business.months": 14,
                                     "person.business.employs_others": False}, D,
                 step({"person.business.employs_others": True}, 0, 10_000), id="七 未带动就业：雇1人→1万元"),
    pytest.param("startup_subsidy", {**POOR, "person.business.kind": "none"}, D, RULED_OUT, id="七 没有经营：无下一步"),
    # (八) 职业技能培训补贴
    pytest.param("training_subsidy", {**POOR, "person.training_certificate": False}, D,
                 step({"person.training_certificate": True}, 0, None), id="八 未取得证书：培训取证后可申请"),
    pytest.param("training_subsidy", {**STUDENT, "person.tech_school_semesters": 1, "person.training_passed": True,
                                      "person.training_certificate": True}, D, RULED_OUT,
                 id="八 两后生技工院校学期：一门课只补一次"),
    # (十) 技能提升补贴
    pytest.param("skill_upgrade_subsidy", {**POOR, "person.unemployment_insurance_years": 0.5,
                                           "person.certificate_this_year": "none"}, date(2018, 8, 1),
                 step({"person.unemployment_insurance_years": 1, "person.certificate_this_year": "junior"}, 6, 1_000),
                 id="十 2018年参保半年无证：2019年起须1年，再缴半年并取得初级证→1000元"),
    pytest.param("skill_upgrade_subsidy", {**POOR, "person.unemployment_insurance_years": 2,
                                           "person.certificate_this_year": "junior"}, date(2018, 8, 1),
                 step({"person.certificate_this_year": "junior"}, 5, 1_000),
                 id="十 2018年参保2年、2018年取证：2019年起规则放宽，但须有2019年取得的证书（当年取得）"),
    pytest.param("skill_upgrade_subsidy", {**POOR, "person.unemployment_insurance_years": 0.5,
                                           "person.certificate_this_year": "none"}, D,
                 step({"person.unemployment_insurance_years": 1, "person.certificate_this_year": "junior"}, 6, 1_000),
                 id="十 初级证书的步骤也写明参保年限"),
    pytest.param("skill_upgrade_subsidy", {**POOR, "person.unemployment_insurance_years": 4,
                                           "person.certificate_this_year": "junior"}, D,
                 step({"person.certificate_this_year": "intermediate"}, 0, 1_500), id="十 初级：中级证书多500元"),
    pytest.param("skill_upgrade_subsidy", {**POOR, "person.unemployment_insurance_years": 4,
                                           "person.certificate_this_year": "senior"}, D, None, id="十 高级：已最高"),
    # (十一) 两后生
    pytest.param("two_after_study_aid", {**STUDENT, "person.tech_school_semesters": 0}, D,
                 step({"person.tech_school_semesters": 1, "person.training_passed": True}, 6, 3_000),
                 id="十一 未入学：再读1个学期并合格→3000元"),
    pytest.param("two_after_study_aid", {**STUDENT, "person.tech_school_semesters": 0}, date(2020, 8, 1),
                 (RULED_OUT, TOO_LATE), id="十一 2020-08才入学：一个学期读完已过期"),
    pytest.param("two_after_study_aid", {**STUDENT, "person.tech_school_semesters": 1,
                                         "person.training_passed": False}, D, RULED_OUT, id="十一 培训不合格：无下一步"),
    pytest.param("two_after_training_grant", {"institution.kind": "technical_school",
                                              "institution.two_after_passed": 0}, D,
                 step({"institution.two_after_passed": 1}, 6, 6_000), id="十一 学校0人合格：1人合格→6000元"),
    # (十三) 失业登记
    pytest.param("unemployment_registration", {**TOWN, "person.urban_months": 3, "person.unemployed_months": 3}, D,
                 step({"person.urban_months": 6, "person.unemployed_months": 6}, 3, None),
                 id="十三 城镇住3个月、无业3个月：再3个月"),
    pytest.param("unemployment_registration", {**TOWN, "person.urban_months": 0, "person.unemployed_months": 8}, D,
                 RULED_OUT, id="十三 住在村里：不提示城镇失业登记"),
    pytest.param("unemployment_registration", {**POOR, "person.job.place": "other_province",
                                               "person.urban_months": 12, "person.unemployed_months": 0}, D,
                 RULED_OUT, id="十三 正在工作：不提示失业登记"),
    pytest.param("unemployment_registration", {**POOR, "person.urban_months": 12, "person.unemployed_months": 0}, D,
                 (ASK, {"person.job.place"}), id="十三 无业0个月且不知是否在岗：先问工作"),
]


@pytest.mark.parametrize(("benefit", "facts", "on", "expected"), CASES)
def test_next_step(benefit: str, facts: dict, on: date, expected):
    result = result_for(build({}, {k: v for k, v in facts.items() if v is not None}), benefit, on=on, lang="en")
    if expected is None:
        assert result["next"] == []
        assert not result["ruled_out"]
        return
    if expected == RULED_OUT or (isinstance(expected, tuple) and expected[0] == RULED_OUT):
        assert result["next"] == []
        assert result["ruled_out"]
        late = [m["id"] for m in result["too_late"]]
        assert late == ([expected[1]] if isinstance(expected, tuple) else [])
        return
    if isinstance(expected, tuple) and expected[0] == ASK:
        assert result["next"] == []
        assert not result["ruled_out"]
        assert expected[1] <= set(result["missing"])
        return
    (found,) = result["next"]
    assert found["change"] == expected["change"]
    assert found["months"] == expected["months"]
    assert found["gives"] == {"status": "eligible", "amount": expected["amount"]}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_step_names_every_part_of_the_change(lang):
    """"2 more months in this job, with a labour contract and social insurance paid → 800元", in words."""
    result = result_for(build({}, {**JOB, MONTHS: 10}), "transport_subsidy", lang=lang)
    (found,) = result["next"]
    # A wait beside actions: each action names its own last day ("{step} ({deadline})").
    parts = [p["params"]["step"][0] if p["id"] == PART_BY else p for p in found["params"]["steps"]]
    assert [p["id"] for p in parts] == ["{more} more month in this job", "a signed labour contract",
                                        "social insurance paid by your employer"]
    assert [p["id"] for p in found["params"]["steps"]][1:] == [PART_BY, PART_BY]
    assert parts[0]["params"]["more"] == 2
    text = found["text"]
    assert ("800元" if lang == "zh_CN" else "800 yuan") in text
    assert ("2019年8月1日" if lang == "zh_CN" else "1 August 2019") in text


def test_plural_forms_follow_the_number():
    one = result_for(build({}, {**JOB, MONTHS: 11, CONTRACT: "under_1_year", INSURANCE: True}),
                     "transport_subsidy", lang="en")
    two = result_for(build({}, {**JOB, MONTHS: 10, CONTRACT: "under_1_year", INSURANCE: True}),
                     "transport_subsidy", lang="en")
    assert one["next"][0]["text"].startswith("Still needed: 1 more month in this job.")
    assert two["next"][0]["text"].startswith("Still needed: 2 more months in this job.")


def test_two_waits_for_one_age_are_the_longer_one():
    """Not disabled and 15: the age of 40 is the wait (16 is reached on the way), and it comes too late."""
    result = result_for(build({}, {**POST, "person.age": 15}), "public_welfare_post", lang="en")
    (late,) = result["too_late"]
    assert [part["id"] for part in late["params"]["steps"]] == ["turning {required}"]
    assert late["text"].startswith("Still needed: turning 40. That cannot be done before")
