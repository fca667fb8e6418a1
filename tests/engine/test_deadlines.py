"""Steps that ask for something to be done: their last day, and when none is left.

The policy is in force until 31 December 2020 (本意见……有效期至2020年12月31日). The answers describe the situation on
the day assessed, so what is still to be done (a course finished and its certificate obtained, a contract signed,
social insurance paid, a hire, a placement, training organised, insurance joined) is done after it: reading
``action_after_day_assessed``. No length is assumed for a course, a certificate or a contract. So:

- assessed on 31 December 2020, nothing can be done in time: the benefit is ruled out and says why;
- assessed on 30 December 2020, there is one day: the step names its last day, 31 December 2020;
- what must then last (a new hire's 12 months of work: 二 and 四; a semester, taken to fit in 6 months: 十一) starts
  the day after: its last day is 12 (or 6) months before the policy's end;
- the skill-upgrade certificate is one of the year applied for (当年取得, reading
  ``skill_certificate_calendar_year``): the step names that year and ends on 31 December of it.

Each case table is one kind of action, at the boundaries 2020-12-31, 2020-12-30, 2020-12-01 and 2019-12-31.
"""

from __future__ import annotations

from datetime import date

import pytest
from helpers import build, result_for

from engine.remedies import Count, Do
from engine.rules import ALL_RULES

END = date(2020, 12, 31)
LAST, DAY_BEFORE, DECEMBER, YEAR_BEFORE = date(2020, 12, 31), date(2020, 12, 30), date(2020, 12, 1), date(2019, 12, 31)
POOR = {"person.registered_poor": True}

ACTION_LATE_AT_END = ("Still needed: {steps}. That must be done after the day assessed and by {end}, when the policy "
                      "ends: no day is left for it.")
ACTION_LATE_EARLIER = ("Still needed: {steps}. To last long enough before the policy ends on {end}, that must start "
                       "after the day assessed and by {date}: no day is left for it.")
TOO_LATE = "Still needed: {steps}. That cannot be done before {date}, and the policy ends on {end}."
BY_END_EN = "by 31 December 2020, when the policy ends"
BY_END_ZH = "最迟在政策截止日2020年12月31日完成"

# An action with no duration in months, one profile per kind: (benefit, profile, the change it asks for).
ACTIONS = [
    pytest.param("training_subsidy", {**POOR, "person.training_certificate": False},
                 {"person.training_certificate": True}, id="八 培训结业并取得证书"),
    pytest.param("transport_subsidy", {**POOR, "person.job.place": "other_province", "person.job.months": 14,
                                       "person.job.contract": "none", "person.job.social_insurance": True},
                 {"person.job.contract": "1_year_or_more"}, id="一 签订劳动合同"),
    pytest.param("transport_subsidy", {**POOR, "person.job.place": "other_province", "person.job.months": 14,
                                       "person.job.contract": "under_1_year", "person.job.social_insurance": False},
                 {"person.job.social_insurance": True}, id="一 缴纳社会保险"),
    pytest.param("startup_subsidy", {**POOR, "person.business.kind": "individual", "person.business.months": 14,
                                     "person.business.employs_others": False},
                 {"person.business.employs_others": True}, id="七 带动就业：雇1人"),
    pytest.param("broker_4050_insurance", {"broker.kind": "person", "broker.is_4050": True, "broker.joined_employee_insurance": False},
                 {"broker.joined_employee_insurance": True}, id="四 4050经纪人自愿参保"),
    pytest.param("out_of_region_training_subsidy", {"employer.in_region": False, "employer.out_of_region_hires": 2,
                                                    "employer.trains_hires": False},
                 {"employer.trains_hires": True}, id="九 区外单位组织培训"),
    pytest.param("sme_insurance_subsidy", {"employer.kind": "sme", "employer.insured_hires": 0,
                                           "employer.employer_insurance_monthly": 500},
                 {"employer.insured_hires": 1}, id="五 吸纳1人签1年合同并缴社保"),
    pytest.param("employer_training_subsidy", {"employer.in_region": True, "employer.certified_trained_hires": 0},
                 {"employer.certified_trained_hires": 1}, id="十 用人单位培训后取证"),
]


@pytest.mark.parametrize(("benefit", "facts", "change"), ACTIONS)
def test_an_action_on_the_policys_last_day_is_too_late(benefit, facts, change):
    r = result_for(build({}, facts), benefit, on=LAST, lang="en")
    assert (r["next"], r["ruled_out"]) == ([], True)
    assert [m["id"] for m in r["too_late"]] == [ACTION_LATE_AT_END]
    assert "after the day assessed and by 31 December 2020, when the policy ends" in r["too_late"][0]["text"]


@pytest.mark.parametrize("on", [DAY_BEFORE, DECEMBER, YEAR_BEFORE], ids=str)
@pytest.mark.parametrize(("benefit", "facts", "change"), ACTIONS)
def test_an_action_in_time_names_its_last_day(benefit, facts, change, on):
    r = result_for(build({}, facts), benefit, on=on, lang="en")
    (step,) = r["next"]
    assert step["change"] == change
    assert (step["months"], step["from"], step["by"]) == (0, date.fromordinal(on.toordinal() + 1).isoformat(),
                                                          "2020-12-31")
    assert BY_END_EN in step["text"]
    zh = result_for(build({}, facts), benefit, on=on, lang="zh_CN")["next"][0]["text"]
    assert BY_END_ZH in zh


# An action that must then last: a new hire counts after 12 months (二), a placement after 12 months of work (四), a
# student after a semester taken to fit in 6 months (十一, a school's count): it starts after the day assessed.
LASTING = [
    pytest.param("workshop_grant", {"employer.carrier": "workshop", "employer.located_in": "poor_village",
                                    "employer.qualifying_hires": 10}, 12, id="二 再吸纳1人满12个月"),
    pytest.param("broker_fee", {"broker.qualifying_placements": 0}, 12, id="四 组织1人就业满1年"),
    pytest.param("two_after_training_grant", {"institution.kind": "technical_school", "institution.two_after_passed": 0},
                 6, id="十一 学校再有1人培训1学期合格"),
]


def _months_before_end(months: int) -> date:
    return {12: date(2019, 12, 31), 6: date(2020, 6, 30)}[months]


@pytest.mark.parametrize(("benefit", "facts", "months"), LASTING)
def test_what_must_then_last_starts_the_day_after(benefit, facts, months):
    last = _months_before_end(months)  # the last day it can start and still count by 31 December 2020
    before = date.fromordinal(last.toordinal() - 1)
    (step,) = result_for(build({}, facts), benefit, on=before, lang="en")["next"]
    assert (step["months"], step["by"]) == (months, last.isoformat())
    assert step["from"] <= END.isoformat()
    assert (f"starting by {last.day} {last:%B} {last.year}, to last long enough before the policy ends on "
            "31 December 2020") in step["text"]
    r = result_for(build({}, facts), benefit, on=last, lang="en")
    assert (r["next"], r["ruled_out"]) == ([], True)
    assert [m["id"] for m in r["too_late"]] == [ACTION_LATE_EARLIER]
    later = result_for(build({}, facts), benefit, on=DECEMBER, lang="en")
    assert [m["id"] for m in later["too_late"]] == [TOO_LATE]


def test_a_new_hire_on_the_day_before_counts_on_the_policys_last_day():
    """Assessed 30 December 2019: hired on 31 December 2019, the worker has 12 months on 31 December 2020."""
    facts = {"employer.carrier": "workshop", "employer.located_in": "poor_village", "employer.qualifying_hires": 10}
    (step,) = result_for(build({}, facts), "workshop_grant", on=date(2019, 12, 30), lang="en")["next"]
    assert (step["from"], step["gives"]) == ("2020-12-31", {"status": "eligible", "amount": 20_000})


# The skill-upgrade certificate (十): obtained in the year applied for, by 31 December of it.
SKILL = {**POOR, "person.unemployment_insurance_years": 2, "person.certificate_this_year": "none"}
SKILL_CASES = [
    pytest.param(DAY_BEFORE, "2020-12-31", "2020", False, id="2020-12-30：2020年取得初级证书，最迟12月31日"),
    pytest.param(DECEMBER, "2020-12-02", "2020", False, id="2020-12-01：2020年取得初级证书"),
    pytest.param(YEAR_BEFORE, "2020-01-01", "2020", True,
                 id="2019-12-31：2019年已无时间，2020年取得的证书自2020年1月1日起可申请"),
]


@pytest.mark.parametrize(("on", "start", "year", "dated"), SKILL_CASES)
def test_the_certificate_of_the_year_names_the_year(on, start, year, dated):
    r = result_for(build({}, SKILL), "skill_upgrade_subsidy", on=on, lang="en")
    (step,) = r["next"]
    assert (step["change"], step["from"], step["by"]) == (
        {"person.certificate_this_year": "junior"}, start, "2020-12-31")
    assert f"a junior (初级) certificate obtained in {year}, by 31 December 2020, when the policy ends" in step["text"]
    assert ("from 1 January 2020" in step["text"]) is dated
    assert r["unmet"][0]["text"].endswith(f"obtained in {on.year}.")


def test_the_certificate_of_2020_cannot_be_obtained_after_its_last_day():
    r = result_for(build({}, SKILL), "skill_upgrade_subsidy", on=LAST, lang="zh_CN")
    assert (r["next"], r["ruled_out"]) == ([], True)
    assert [m["id"] for m in r["too_late"]] == [ACTION_LATE_AT_END]
    assert "在2020年取得初级证书" in r["too_late"][0]["text"]


def test_a_higher_certificate_names_the_year_and_its_last_day():
    facts = {**POOR, "person.unemployment_insurance_years": 2, "person.certificate_this_year": "junior"}
    (step,) = result_for(build({}, facts), "skill_upgrade_subsidy", on=DECEMBER, lang="en")["next"]
    assert step["text"] == ("To apply for 1,500 yuan instead (500 yuan more): an intermediate (中级) certificate obtained in "
                            "2020 instead of a junior one, by 31 December 2020, when the policy ends.")
    assert result_for(build({}, facts), "skill_upgrade_subsidy", on=LAST)["next"] == []


def test_unemployment_insurance_not_running_starts_after_the_day_assessed():
    """Without a job, unemployment insurance is not being paid: an insured job comes first, after the day assessed,
    and its half year ends a day later than a half year already running."""
    running = {**POOR, "person.unemployment_insurance_years": 0.5, "person.certificate_this_year": "junior",
               "person.job.place": "other_province", "person.job.social_insurance": True}
    stopped = {**running, "person.job.place": "none"}
    on = date(2020, 6, 30)
    (step,) = result_for(build({}, running), "skill_upgrade_subsidy", on=on)["next"]
    assert (step["from"], step["by"]) == ("2020-12-30", None)
    late = result_for(build({}, stopped), "skill_upgrade_subsidy", on=on)
    assert (late["next"], late["ruled_out"]) == ([], True)


def test_a_semester_not_yet_begun_starts_after_the_day_assessed():
    """A “two-after” student with no semester yet: the semester (at most 6 months) starts after the day assessed, by
    30 June 2020 to end by the policy's last day; passing it is the step's other part."""
    facts = {**POOR, "person.two_after_student": True, "person.tech_school_semesters": 0}
    (step,) = result_for(build({}, facts), "two_after_study_aid", on=date(2020, 6, 29), lang="en")["next"]
    assert (step["months"], step["from"], step["by"]) == (6, "2020-12-30", "2020-06-30")
    assert step["change"] == {"person.tech_school_semesters": 1, "person.training_passed": True}
    # Two actions with their own last days: the semester starts by 30 June, the pass comes by the policy's end.
    assert ("1 more semester of vocational training at a technical school (技工院校) (starting by 30 June 2020, to last "
            "long enough before the policy ends on 31 December 2020)") in step["text"]
    assert "passing the training (by 31 December 2020, when the policy ends)" in step["text"]
    late = result_for(build({}, facts), "two_after_study_aid", on=date(2020, 6, 30))
    assert (late["next"], late["ruled_out"]) == ([], True)


ACTION_REMEDIES = (Do, Count)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: f"{r.benefit}:{r.applies_when or 'one'}")
def test_every_action_discloses_the_reading_of_its_day(rule):
    """A condition met by doing something declares reading action_after_day_assessed, and its rule discloses it."""
    for condition in rule.conditions:
        if isinstance(condition.remedy, ACTION_REMEDIES):
            assert "action_after_day_assessed" in condition.readings, condition.met
    if any(isinstance(c.remedy, ACTION_REMEDIES) for c in rule.conditions) or rule.upgrades:
        assert "action_after_day_assessed" in rule.interpretations


@pytest.mark.parametrize(("on", "change", "start"), [
    pytest.param(date(2019, 6, 1), {"person.unemployment_insurance_years": 1}, "2019-12-01",
                 id="2019-06-01：半年后仍在2019年，2019年的证书仍算"),
    pytest.param(date(2019, 8, 1), {"person.unemployment_insurance_years": 1, "person.certificate_this_year": "junior"},
                 "2020-02-01", id="2019-08-01：半年后已是2020年，须有2020年的证书"),
])
def test_a_certificate_of_one_year_is_not_one_of_the_next(on, change, start):
    """当年取得: a step that ends in a later year than the one assessed cannot lean on the certificate of the year
    assessed; it asks for one of the year it ends in."""
    facts = {**POOR, "person.unemployment_insurance_years": 0.5, "person.certificate_this_year": "junior",
             "person.job.place": "other_province", "person.job.social_insurance": True}
    (step,) = result_for(build({}, facts), "skill_upgrade_subsidy", on=on, lang="en")["next"]
    assert (step["change"], step["from"]) == (change, start)
    if "person.certificate_this_year" in change:
        assert "a junior (初级) certificate obtained in 2020 (by 31 December 2020" in step["text"]  # beside a wait


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "a junior (初级) certificate obtained in 2019, by 31 December 2019, the end of that year."),
    ("zh_CN", "还差：在2019年取得初级证书（最迟在该年年底2019年12月31日完成）。"),
])
def test_a_certificate_of_2019_is_due_by_the_end_of_2019(lang, words):
    (step,) = result_for(build({}, SKILL), "skill_upgrade_subsidy", on=date(2019, 6, 1), lang=lang)["next"]
    assert (step["from"], step["by"]) == ("2019-06-02", "2019-12-31")
    assert words in step["text"]


# --- issue 26's walkthrough: what a step's sentence says of its days ---------------------------------------------

def test_a_course_is_not_promised_for_the_day_after():
    """Finishing a course has no length the site can assume: the step names its last day, and no "from 1 January
    2020", which would promise a course finished overnight (assessed 2019-12-31)."""
    (step,) = result_for(build({}, {**POOR, "person.training_certificate": False}), "training_subsidy",
                         on=YEAR_BEFORE, lang="en")["next"]
    assert step["by"] == "2020-12-31"
    assert "by 31 December 2020, when the policy ends" in step["text"]
    assert "1 January 2020" not in step["text"]


def test_each_action_names_its_own_last_day_beside_a_wait():
    """Two things with two last days: a year of insurance must start by 31 December 2019, the certificate of 2020
    comes by 31 December 2020. One deadline for both ("…a certificate obtained in 2020, by 31 December 2019") could
    not be met (the walkthrough's 盐池县 shopkeeper, assessed at the end of 2018)."""
    facts = {**POOR, "person.unemployment_insurance_years": 0, "person.certificate_this_year": "none",
             "person.job.place": "same_county", "person.business.kind": "individual"}
    (step,) = result_for(build({}, facts), "skill_upgrade_subsidy", on=date(2018, 12, 31), lang="en")["next"]
    assert ("1 more year of unemployment insurance (starting by 31 December 2019, to last long enough before the "
            "policy ends on 31 December 2020)") in step["text"]
    assert "a junior (初级) certificate obtained in 2020 (by 31 December 2020, when the policy ends)" in step["text"]
    assert ", by 31 December 2019" not in step["text"]


def test_an_assumed_fact_has_no_last_day():
    """"Your household being registered as poor" is a fact to find out, not a task: the last day is the course's."""
    (step,) = result_for(build({}, {"person.training_certificate": False}), "training_subsidy", on=YEAR_BEFORE,
                         lang="en")["next"]
    assert step["text"].startswith("Still needed: your household being registered as poor (建档立卡) and finishing")
    assert step["text"].count("by 31 December 2020") == 1
    assert "(by 31 December 2020, when the policy ends)" in step["text"]


def test_a_higher_certificate_of_the_next_year_is_not_offered_instead():
    """A junior certificate of 2019 is 1,000 yuan for 2019; an intermediate one of 2020 would be 2020's own
    application, not 1,500 "instead" (assessed on 31 December 2019, no day of 2019 is left)."""
    facts = {**POOR, "person.unemployment_insurance_years": 1.5, "person.certificate_this_year": "junior"}
    r = result_for(build({}, facts), "skill_upgrade_subsidy", on=YEAR_BEFORE, lang="en")
    assert (r["status"], r["amount"], r["next"]) == ("eligible", 1_000, [])


def test_one_more_placement_adds_to_the_fee_it_does_not_replace_it():
    """The brokers' subsidy is 200 yuan for each placement: a 13th adds 200 to the 2,400 of 12, not instead of it."""
    r = result_for(build({}, {"broker.qualifying_placements": 12}), "broker_fee", on=date(2019, 5, 20), lang="en")
    (step,) = r["next"]
    assert step["text"].startswith("To apply for 2,600 yuan (200 yuan more)")
    assert "instead" not in step["text"]
