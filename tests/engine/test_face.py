"""Readings on the card face (issue 26): a result that a reading decides carries that reading's short sentence in
``face``; a result the reading does not decide does not. One table, a few cases per reading, at its boundaries.

"Decides" is what the policy makes of the person's facts: read the other way, this person's result would differ (a
condition met or failed because of the reading, with no other condition deciding the status; an amount or a payee
that is the reading's). The expectations come from the text, not from the code."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import build, result_for
from hypothesis import HealthCheck, given, settings
from test_step_properties import DATES, profiles

from engine import evaluate
from engine.interpretations import INTERPRETATIONS
from engine.rules import ALL_RULES, VARIANTS

DEC_31 = date(2019, 12, 31)  # the day the residents' page assesses a year: a birth year gives the age in 周岁
JUNE = date(2019, 6, 1)

POOR = {"person.registered_poor": True}
JOB = {**POOR, "person.job.place": "other_province", "person.job.months": 14, "person.job.contract": "1_year_or_more",
       "person.job.social_insurance": True}
POST = {**POOR, "person.wants_work": True, "person.able_to_work": True, "person.birth_year": 1974,
        "person.city": "guyuan"}
BUSINESS = {**POOR, "person.business.kind": "individual", "person.business.months": 14,
            "person.business.employs_others": True}
TRAINING = {**POOR, "person.training_certificate": True}
UPGRADE = {**POOR, "person.unemployment_insurance_years": 4, "person.certificate_this_year": "junior"}
STUDENT = {**POOR, "person.two_after_student": True, "person.tech_school_semesters": 1,
           "person.training_passed": True}
COHORT = {"institution.kind": "technical_school", "institution.two_after_passed": 10}
TOWN = {**POOR, "person.urban_months": 8, "person.unemployed_months": 7}
WORKSHOP = {"employer.carrier": "workshop", "employer.located_in": "poor_village", "employer.qualifying_hires": 25}
SME = {"employer.kind": "sme", "employer.insured_hires": 3, "employer.employer_insurance_monthly": 500}
AWAY = {"employer.in_region": False, "employer.out_of_region_hires": 2, "employer.trains_hires": True}
BROKER = {"broker.kind": "person", "broker.is_4050": True, "broker.joined_employee_insurance": True}


def case(reading, benefit, facts, on, decides, name):  # noqa: PLR0917 - a row of the table
    return pytest.param(reading, benefit, facts, on, decides, id=f"{reading}: {name}")


CASES = [
    # “以上” includes the number: it decides a ">= N" test that holds with equality, and nothing else.
    case("yishang_inclusive", "transport_subsidy", {**JOB, "person.job.months": 12}, JUNE, True, "一 正好12个月"),
    case("yishang_inclusive", "transport_subsidy", {**JOB, "person.job.months": 13}, JUNE, False, "一 13个月"),
    case("yishang_inclusive", "transport_subsidy", {**JOB, "person.job.months": 11}, JUNE, False, "一 11个月：不满足"),
    case("yishang_inclusive", "public_welfare_post", {**POST, "person.birth_year": 1979}, DEC_31, True,
         "六 正好40周岁"),
    case("yishang_inclusive", "public_welfare_post", {**POST, "person.birth_year": 1978}, DEC_31, False, "六 41周岁"),
    case("yishang_inclusive", "public_welfare_post", {**POST, "person.birth_year": 1979, "person.disabled": True},
         DEC_31, False, "六 40周岁且残疾：残疾也让她符合"),
    case("yishang_inclusive", "startup_subsidy", {**BUSINESS, "person.business.months": 12}, JUNE, True,
         "七 正好经营12个月"),
    case("yishang_inclusive", "startup_subsidy", BUSINESS, JUNE, False, "七 经营14个月"),
    case("yishang_inclusive", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 1}, JUNE,
         True, "十 2019年参保正好1年"),
    case("yishang_inclusive", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 3},
         date(2018, 12, 1), True, "十 2018年参保正好3年"),
    case("yishang_inclusive", "unemployment_registration", {**TOWN, "person.urban_months": 6}, JUNE, True,
         "十三 城镇常住正好6个月"),
    case("yishang_inclusive", "unemployment_registration", {**TOWN, "person.unemployed_months": 6}, JUNE, True,
         "十三 无业正好6个月"),
    case("yishang_inclusive", "unemployment_registration", TOWN, JUNE, False, "十三 8个月和7个月"),
    case("yishang_inclusive", "transport_subsidy", {**JOB, "person.job.months": 12, "person.job.place": "same_county"},
         JUNE, False, "一 正好12个月但在本县：不是它决定的"),
    case("yishang_inclusive", "workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 11}, JUNE, False,
         "二 11人：“11人至20人”的“至”含两端"),
    # 一: a contract of any length.
    case("transport_contract_any_length", "transport_subsidy", {**JOB, "person.job.contract": "under_1_year"}, JUNE,
         True, "不满1年的合同"),
    case("transport_contract_any_length", "transport_subsidy", JOB, JUNE, False, "1年以上的合同"),
    case("transport_contract_any_length", "transport_subsidy",
         {**JOB, "person.job.contract": "under_1_year", "person.job.place": "same_county"}, JUNE, False,
         "不满1年的合同但在本县就业"),
    # 二: the overlap at 100, and where the workshop is.
    case("workshop_band_overlap_100", "workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 100}, JUNE, True,
         "正好100人"),
    case("workshop_band_overlap_100", "workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 99}, JUNE, False,
         "99人"),
    case("workshop_band_overlap_100", "workshop_grant", {**WORKSHOP, "employer.qualifying_hires": 101}, JUNE, False,
         "101人"),
    case("workshop_band_overlap_100", "workshop_grant",
         {**WORKSHOP, "employer.qualifying_hires": 100, "employer.carrier": "none"}, JUNE, False, "100人但不是载体"),
    case("workshop_carrier_location", "workshop_grant", {**WORKSHOP, "employer.located_in": "other"}, JUNE, True,
         "不在贫困村、移民村或产业园"),
    case("workshop_carrier_location", "workshop_grant", WORKSHOP, JUNE, False, "在贫困村"),
    # 三: the city's minimum.
    case("incubator_minimum_award", "incubator_award", {"incubator.level": "city"}, JUNE, True, "市级"),
    case("incubator_minimum_award", "incubator_award", {"incubator.level": "region"}, JUNE, False, "自治区级"),
    # 四: a broker, a person, and a “4050” one.
    case("broker_4050_is_a_broker", "broker_4050_insurance", {**BROKER, "broker.kind": "agency"}, JUNE, True,
         "劳务中介组织"),
    case("broker_4050_is_a_broker", "broker_4050_insurance", BROKER, JUNE, False, "经纪人本人"),
    case("broker_4050_ages", "broker_4050_insurance", BROKER, JUNE, True, "4050人员"),
    case("broker_4050_ages", "broker_4050_insurance", {**BROKER, "broker.is_4050": False}, JUNE, True,
         "不是4050人员"),
    case("broker_4050_ages", "broker_4050_insurance", {**BROKER, "broker.kind": "agency", "broker.is_4050": False},
         JUNE, False, "中介组织：年龄不决定"),
    case("broker_4050_flexible_subsidy", "broker_4050_insurance", BROKER, JUNE, True, "可以申请"),
    case("broker_4050_flexible_subsidy", "broker_4050_insurance", {**BROKER, "broker.joined_employee_insurance": False},
         JUNE, False, "未参保"),
    # 五: the subsidy is the employer part of three insurances.
    case("sme_qualifying_hires", "sme_insurance_subsidy", SME, JUNE, True, "吸纳3人"),
    case("sme_qualifying_hires", "sme_insurance_subsidy", {**SME, "employer.insured_hires": 0}, JUNE, False, "0人"),
    # 六: the posts.
    case("public_welfare_disabled_age", "public_welfare_post", {**POST, "person.birth_year": 1984,
                                                                "person.disabled": True}, DEC_31, True, "残疾35周岁"),
    case("public_welfare_disabled_age", "public_welfare_post", {**POST, "person.disabled": True}, DEC_31, False,
         "残疾45周岁"),
    case("public_welfare_disabled_age", "public_welfare_post", {**POST, "person.birth_year": 1984,
                                                                "person.disabled": False}, DEC_31, False,
         "不残疾35周岁：不符合"),
    case("public_welfare_min_working_age", "public_welfare_post", {**POST, "person.birth_year": 2004,
                                                                   "person.disabled": True}, DEC_31, True,
         "残疾15周岁"),
    case("public_welfare_min_working_age", "public_welfare_post", {**POST, "person.birth_year": 2003,
                                                                   "person.disabled": True}, DEC_31, False,
         "残疾16周岁"),
    case("public_welfare_min_working_age", "public_welfare_post", {**POST, "person.birth_year": 2004,
                                                                   "person.disabled": False}, DEC_31, False,
         "不残疾15周岁：年龄本来就不够"),
    case("public_welfare_no_upper_age", "public_welfare_post", {**POST, "person.birth_year": 1959}, DEC_31, True,
         "60周岁"),
    case("public_welfare_no_upper_age", "public_welfare_post", {**POST, "person.birth_year": 1960}, DEC_31, False,
         "59周岁"),
    case("public_welfare_with_a_job", "public_welfare_post", {**POST, "person.job.place": "same_county"}, DEC_31,
         True, "在本县有工作"),
    case("public_welfare_with_a_job", "public_welfare_post", {**POST, "person.job.place": "none"}, DEC_31, False,
         "没有工作"),
    case("public_welfare_with_a_job", "public_welfare_post", POST, DEC_31, False, "没说是否有工作"),
    case("public_welfare_with_a_job", "public_welfare_post",
         {**POST, "person.job.place": "same_county", "person.birth_year": 1990, "person.disabled": False}, DEC_31,
         False, "有工作但29周岁、不残疾：年龄不符合"),
    case("public_welfare_monthly", "public_welfare_post", {**POST, "person.city_rural_income_last_year": 11_708},
         DEC_31, True, "有金额"),
    case("public_welfare_monthly", "public_welfare_post", POST, DEC_31, False, "本站没有该市的数字"),
    # 七: creating jobs.
    case("startup_employs_others", "startup_subsidy", BUSINESS, JUNE, True, "雇用他人"),
    case("startup_employs_others", "startup_subsidy", {**BUSINESS, "person.business.employs_others": False}, JUNE,
         True, "不雇人：按这种理解不算带动就业"),
    case("startup_employs_others", "startup_subsidy",
         {**BUSINESS, "person.business.employs_others": False, "person.business.kind": "none"}, JUNE, False,
         "不经营"),
    # 八: the training subsidy.
    case("training_certificate_either_kind", "training_subsidy", TRAINING, JUNE, True, "取得证书"),
    case("training_certificate_either_kind", "training_subsidy", {**TRAINING, "person.training_certificate": False},
         JUNE, False, "没有证书"),
    case("training_registered_poor_from_heading", "training_subsidy", {**TRAINING, "person.registered_poor": False},
         JUNE, True, "不是建档立卡"),
    case("training_registered_poor_from_heading", "training_subsidy", TRAINING, JUNE, False, "建档立卡"),
    case("one_course_one_subsidy", "training_subsidy", {**TRAINING, **STUDENT}, JUNE, True, "两后生读过1个学期"),
    case("one_course_one_subsidy", "training_subsidy", {**TRAINING, "person.two_after_student": False}, JUNE, False,
         "不是两后生"),
    # 九: the insurance subsidy “再”, without the training.
    case("out_of_region_insurance_in_addition", "out_of_region_insurance_subsidy",
         {**AWAY, "employer.trains_hires": False}, JUNE, True, "不组织培训"),
    case("out_of_region_insurance_in_addition", "out_of_region_insurance_subsidy",
         {k: v for k, v in AWAY.items() if k != "employer.trains_hires"}, JUNE, True, "没说是否组织培训"),
    case("out_of_region_insurance_in_addition", "out_of_region_insurance_subsidy", AWAY, JUNE, False, "组织培训"),
    # 十: 12 months of unemployment insurance from 2019.
    case("skill_upgrade_12_months", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 1.5},
         JUNE, True, "2019年参保1年半"),
    case("skill_upgrade_12_months", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 3},
         JUNE, False, "参保3年"),
    case("skill_upgrade_12_months", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 1.5},
         date(2018, 12, 1), True, "2018年参保1年半：不满足，但2019年起的1年使她可以申请（下一步）"),
    # 十一: two-after students.
    case("two_after_one_semester_minimum", "two_after_training_grant", {**STUDENT, "person.tech_school_semesters": 2},
         JUNE, True, "读了2个学期"),
    case("two_after_one_semester_minimum", "two_after_training_grant", STUDENT, JUNE, False, "读了1个学期"),
    case("two_after_payee", "two_after_training_grant", STUDENT, JUNE, True, "培训补助付给学校"),
    case("two_after_payee", "two_after_study_aid", STUDENT, JUNE, False, "助学补助给学生本人"),
    case("two_after_semester_months", "two_after_training_grant", {**STUDENT, "person.tech_school_semesters": 0},
         JUNE, True, "只差1个学期"),
    case("two_after_semester_months", "two_after_training_grant", STUDENT, JUNE, False, "已读1个学期"),
    case("two_after_school_count", "two_after_training_grant", {**COHORT, **STUDENT}, JUNE, True,
         "学校人数和学生回答都有"),
    case("two_after_school_count", "two_after_training_grant", COHORT, JUNE, False, "只有学校人数"),
    # 十三: 6 months in town too.
    case("unemployment_six_months", "unemployment_registration", {**TOWN, "person.urban_months": 3}, JUNE, True,
         "城镇常住3个月"),
    case("unemployment_six_months", "unemployment_registration", TOWN, JUNE, False, "城镇常住8个月"),
    # Totals: the benefit left out of the total says why; the one counted does not need to.
    case("post_or_work_away", "transport_subsidy",
         {**JOB, **POST, "person.city_rural_income_last_year": 11_708}, DEC_31, True, "交通补贴未计入合计"),
    case("post_or_work_away", "public_welfare_post",
         {**JOB, **POST, "person.city_rural_income_last_year": 11_708}, DEC_31, False, "岗位计入合计"),
    case("post_or_work_away", "transport_subsidy", JOB, DEC_31, False, "只有交通补贴"),
    # 六 and 四: the birthday in the month assessed, where only the age (or the answer) given settles it.
    case("age_stated_when_the_day_decides", "public_welfare_post",
         {**POST, "person.birth_year": 1979, "person.birth_month": 6, "person.age": 40}, JUNE, True,
         "六 1979年6月生，6月1日核算，自报40周岁"),
    case("age_stated_when_the_day_decides", "public_welfare_post",
         {**POST, "person.birth_year": 1979, "person.birth_month": 5, "person.age": 40}, JUNE, False,
         "六 5月生：月份已定，用不着自报的年龄"),
    case("age_stated_when_the_day_decides", "public_welfare_post",
         {**POST, "person.birth_year": 1979, "person.birth_month": 6}, JUNE, False, "六 6月生，没有自报年龄：待核对"),
    case("age_stated_when_the_day_decides", "public_welfare_post",
         {**POST, "person.birth_year": 1969, "person.birth_month": 6, "person.age": 50}, JUNE, False,
         "六 49或50周岁：无论哪天生都满40"),
    case("age_stated_when_the_day_decides", "broker_4050_insurance",
         {"broker.kind": "person", "broker.sex": "woman", "broker.birth_year": 1979, "broker.birth_month": 6,
          "broker.is_4050": True, "broker.joined_employee_insurance": True}, JUNE, True, "四 6月生的女经纪人，自报是4050"),
    case("age_stated_when_the_day_decides", "broker_4050_insurance",
         {"broker.kind": "person", "broker.sex": "woman", "broker.birth_year": 1979, "broker.birth_month": 5,
          "broker.is_4050": True, "broker.joined_employee_insurance": True}, JUNE, False, "四 5月生：月份已定"),
    # 一: months worked before insurance was paid count toward the year; 十: the relaxed year decides what is left.
    case("transport_insurance_paid_now", "transport_subsidy", {**JOB, "person.job.months": 7,
         "person.job.social_insurance": False}, JUNE, True, "一 干了7个月没缴社保：这些月份也算"),
    case("transport_insurance_paid_now", "transport_subsidy", JOB, JUNE, False, "一 已缴社保"),
    case("transport_insurance_paid_now", "transport_subsidy", {**JOB, "person.job.months": 0,
         "person.job.social_insurance": False}, JUNE, False, "一 刚入职：没有已干的月份"),
    case("skill_upgrade_12_months", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 0},
         JUNE, True, "十 参保0年：还差的按1年算"),
    case("skill_upgrade_12_months", "skill_upgrade_subsidy", {**UPGRADE, "person.unemployment_insurance_years": 4},
         JUNE, False, "十 参保4年：3年也够"),
    # 九: the insurance subsidy's payee, which the clause does not name.
    case("out_of_region_insurance_payee", "out_of_region_insurance_subsidy", AWAY, JUNE, True, "九 社保补贴：发给谁"),
    case("out_of_region_insurance_payee", "out_of_region_insurance_subsidy", {**AWAY, "employer.in_region": True},
         JUNE, False, "九 区内单位：不适用"),
    # Both of an exclusive set due while an amount is not known (the training standard): the total cannot compare
    # them, and both cards say that one certificate is paid once.
    case("one_certificate_one_subsidy", "training_subsidy", {**TRAINING, **UPGRADE}, JUNE, True, "八 金额未知，与十同为一证"),
    case("one_certificate_one_subsidy", "skill_upgrade_subsidy", {**TRAINING, **UPGRADE}, JUNE, True,
         "十 与八同为一证，八的金额未知"),
    case("one_certificate_one_subsidy", "skill_upgrade_subsidy", UPGRADE, JUNE, False, "十 只有一项"),
]


@pytest.mark.parametrize(("reading", "benefit", "facts", "on", "decides"), CASES)
def test_a_reading_is_on_the_face_when_it_decides_the_result(reading, benefit, facts, on, decides):
    result = result_for(build({}, facts), benefit, on)
    on_face = {item["reading"]: item["text"] for item in result["face"]}
    assert (reading in on_face) is decides, (result["status"], on_face)
    if decides:
        assert on_face[reading]
        assert reading in result["interpretations"]


def test_every_reading_that_can_decide_has_a_case():
    """Each reading a rule says may decide a result is in the table, both deciding and not."""
    can_decide = {d.reading for rule in ALL_RULES for d in rule.decides if d.when is not None}
    can_decide |= {"post_or_work_away"}  # by the total
    cased = {(p.values[0], p.values[4]) for p in CASES}
    assert {key for key in can_decide if (key, True) not in cased or (key, False) not in cased} == set()


@pytest.mark.parametrize(("lang", "words"), [("zh_CN", "您有残疾"), ("en", "You are disabled")])
def test_the_face_is_in_the_language_asked(lang, words):
    facts = {**POST, "person.birth_year": 1984, "person.disabled": True}
    result = result_for(build({}, facts), "public_welfare_post", DEC_31, lang)
    assert [item["reading"] for item in result["face"]] == ["public_welfare_disabled_age"]
    assert result["face"][0]["text"].startswith(words)


def test_outside_the_policy_period_nothing_is_on_the_face():
    out = evaluate(build({}, {**JOB, "person.job.months": 12}), date(2021, 1, 1), "en")
    assert all(r["face"] == [] for r in out["results"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(), DATES)
def test_only_readings_that_may_decide_are_ever_on_a_face(profile, on):
    """A reading declared never to decide on its own is never on a face, and every face sentence is a reading's."""
    never = {(benefit, d.reading) for benefit, rules in VARIANTS.items() for d in rules[0].decides
             if all(e.when is None for rule in rules for e in rule.decides if e.reading == d.reading)}
    totals = {"post_or_work_away", "one_certificate_one_subsidy"}
    for result in evaluate(profile, on, "en")["results"]:
        for item in result["face"]:
            assert item["reading"] in INTERPRETATIONS
            assert (result["benefit"], item["reading"]) not in never or item["reading"] in totals, item
            assert item["id"] == INTERPRETATIONS[item["reading"]].face
