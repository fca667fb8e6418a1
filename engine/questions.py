"""The residents' questionnaire: which question to ask next, derived from the rules themselves.

A question is worth asking only while its answer can still change a result: its fact is
``missing`` from a resident benefit whose other conditions have not already ruled it out, or it
sets the amount of a benefit the person already gets. So someone who runs no business is not
asked about one, and someone aged 40 or more is not asked whether a disability relaxes the age.
Pure Python: the page draws these questions; this module decides which.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from engine.age import AGE, BIRTH_MONTH, BIRTH_YEAR, PERSON, settled
from engine.evaluate import ELIGIBLE, NEEDS_INFO, NOT_ELIGIBLE, evaluate
from engine.profile import CITIES, COUNTIES_BY_CITY, FIELDS
from i18n import N_

RESIDENT_BENEFITS = (
    "transport_subsidy", "public_welfare_post", "startup_subsidy", "training_subsidy", "skill_upgrade_subsidy",
    "two_after_training_grant", "two_after_study_aid", "special_ability_assessment", "unemployment_registration",
)
YEARS = (2018, 2019, 2020)
# Usability, not law: school-leaver (两后生) questions are asked of people under this age only.
SCHOOL_QUESTION_AGE_LIMIT = 30

STEPS: tuple[tuple[str, str], ...] = (
    ("you", N_("About you")),
    ("work", N_("Your work")),
    ("post", N_("Public-welfare post")),
    ("business", N_("Your business")),
    ("skills", N_("Training and certificates")),
    ("school", N_("Technical school")),
    ("town", N_("Living in town")),
)

YES_NO = ((True, N_("Yes")), (False, N_("No")))


@dataclass(frozen=True)
class Question:
    fact: str
    step: str
    label: str
    help: str = ""
    options: tuple[tuple[Any, str], ...] = ()
    requires: tuple[str, ...] = ()  # facts that must be answered before this is shown
    unit: str = ""

    @property
    def kind(self) -> str:
        return FIELDS[self.fact].kind


def _yes_no(fact: str, step: str, label: str, help_text: str = "", requires: tuple[str, ...] = ()) -> Question:
    return Question(fact, step, label, help_text, YES_NO, requires)


QUESTIONS: tuple[Question, ...] = (
    _yes_no("person.registered_poor", "you", N_("Is your household registered as poor (建档立卡)?"),
            N_("建档立卡 means your household is in the national poverty registration system; your village "
               "committee or township can tell you. Households that have left poverty stay registered.")),
    # The age is worked out in full years (周岁) from the year of birth (engine.age): a stated age may be 虚岁.
    Question("person.birth_year", "you", N_("In which year were you born? (the year on your ID card)"),
             N_("Type the year of birth on your ID card (身份证). We work out your age in full years (周岁) on the "
                "day we assess; the traditional way of counting (虚岁) gives one or two years more.")),
    # Asked only when the year of birth leaves two ages on the day assessed and the birthday decides a result.
    Question(BIRTH_MONTH, "you", N_("In which month were you born? (1 to 12)"),
             N_("The month of birth on your ID card (身份证) tells whether your birthday had passed on the day we "
                "assess."), requires=(BIRTH_YEAR,)),
    Question("person.city", "you", N_("Which city is your household registered in?"),
             N_("This decides the county office you apply to and the income figure a public-welfare post "
                "uses."),
             tuple((city, city) for city in CITIES)),
    Question("person.county", "you", N_("Which county or district?"), N_("Your county's employment service "
             "centre handles your application."), requires=("person.city",)),
    Question("person.job.place", "work", N_("Where do you work now?"),
             N_("Count only your current job with one employer."),
             (("none", N_("I have no job now")), ("same_county", N_("In my home county")),
              ("other_county_in_region", N_("In another county of Ningxia")),
              ("other_province", N_("In another province")))),
    Question("person.job.months", "work", N_("How many months have you worked for this employer without a break?"),
             unit=N_("months"), requires=("person.job.place",)),
    Question("person.job.contract", "work", N_("Did you sign a labour contract?"),
             N_("An open-ended contract counts as one year or more."),
             (("none", N_("No contract")), ("under_1_year", N_("Yes, for less than a year")),
              ("1_year_or_more", N_("Yes, for a year or more"))), requires=("person.job.place",)),
    _yes_no("person.job.social_insurance", "work", N_("Does your employer pay your social insurance?"),
            N_("Social insurance (社会保险) is pension, medical, unemployment, work-injury and maternity "
               "insurance; your pay slip or the 12333 hotline shows whether it is paid."),
            requires=("person.job.place",)),
    # The article's words are 有就业愿望: wanting work near home, in the sense of a safety-net post (托底安排).
    _yes_no("person.wants_work", "post",
            N_("Would you take a public-welfare post near home, such as village road upkeep, forest or grassland care, "
               "village cleaning or elderly care?"),
            N_("These posts are a safety net (托底安排) for registered poor people aged 40 or more who want work and "
               "are able to work; disabled people able to do some work come first, and for them the age may be "
               "relaxed. There are only so many; the county decides who gets one.")),
    _yes_no("person.able_to_work", "post", N_("Are you able to do some work?")),
    _yes_no("person.disabled", "post", N_("Do you have a disability certificate?"),
            N_("For a disabled person able to work, the age limit of public-welfare posts may be relaxed (the county "
               "decides how far), but never below 16, the legal working age.")),
    Question("person.pension_subsidy", "post",
             N_("Does the government already pay your pension and medical insurance contributions?"),
             N_("A public-welfare post pays tier-2 (二档) contributions, less what you already get."),
             (("none", N_("No")), ("partial", N_("Yes, part of them")), ("full", N_("Yes, all of them")))),
    # The page names the city and the year in the label (ui.questionnaire.label_of).
    Question("person.city_rural_income_last_year", "post",
             N_("If you know it: last year's rural per-capita disposable income of your city"),
             N_("Published in the city's statistical communiqué (统计公报). We do not have this figure, so we "
                "cannot compute the monthly living subsidy without it."), unit=N_("yuan")),
    Question("person.business.kind", "business", N_("Do you run your own business?"),
             options=(("none", N_("No")), ("micro_enterprise", N_("Yes, a small or micro enterprise")),
                      ("individual", N_("Yes, self-employed (个体经营)")))),
    Question("person.business.months", "business", N_("How many months has it run normally without a break?"),
             unit=N_("months"), requires=("person.business.kind",)),
    _yes_no("person.business.employs_others", "business", N_("Does it employ anyone besides you?"),
            requires=("person.business.kind",)),
    # Either kind of certificate counts (reading training_certificate_either_kind).
    _yes_no("person.training_certificate", "skills",
            N_("Did you finish a vocational training course and get a certificate for it?"),
            N_("Either certificate counts: the certificate of completion the training school gives when you pass "
               "(培训合格证书), or a vocational qualification or skill-level certificate (职业资格证书、职业技能等级证书) "
               "you got through the course.")),
    # The page names the year checked in the label (ui.questionnaire.label_of): “当年” is that calendar year.
    Question("person.certificate_this_year", "skills",
             N_("Did you obtain a vocational qualification or skill-level certificate in the year you are checking?"),
             N_("A national vocational qualification certificate (职业资格证书) or skill-level certificate "
                "(职业技能等级证书) at junior (初级), intermediate (中级) or senior (高级) level."),
             (("none", N_("No")), ("junior", N_("Junior (初级)")), ("intermediate", N_("Intermediate (中级)")),
              ("senior", N_("Senior (高级)")))),
    Question("person.unemployment_insurance_years", "skills",
             N_("For how many years have you paid unemployment insurance?"),
             N_("Unemployment insurance (失业保险) is paid with employee social insurance; 12333 can tell you."),
             unit=N_("years")),
    _yes_no("person.two_after_student", "school",
            N_("Did you leave school after junior or senior high school without going on (两后生)?"),
            N_("“Two-after” students (两后生) are school leavers after junior or senior high school who did not "
               "go on to further study.")),
    Question("person.tech_school_semesters", "school",
             N_("How many semesters of vocational training have you done at a technical school (技工院校)?"),
             unit=N_("semesters"), requires=("person.two_after_student",)),
    _yes_no("person.training_passed", "school", N_("Did you pass the training?"),
            requires=("person.two_after_student",)),
    Question("person.urban_months", "town",
             N_("How many months have you lived in the town or city where you live now?"),
             N_("Write 0 if you live in a village: registering as unemployed in town is for people who live in "
                "town."), unit=N_("months")),
    Question("person.unemployed_months", "town", N_("How many months have you been without work?"),
             unit=N_("months"), requires=("person.urban_months",)),
    _yes_no("person.ecological_migrant", "you",
            N_("Did you move under the 12th Five-Year Plan ecological migration (“十二五”生态移民)?"),
            N_("Households resettled in 2011–2015, including labour migrants (劳务移民)."),
            requires=("person.registered_poor",)),
)
BY_FACT: dict[str, Question] = {q.fact: q for q in QUESTIONS}
# Facts the questionnaire asks in another form: the age in full years as the year of birth.
ASKED_AS = {AGE: BIRTH_YEAR}


def question_for(fact: str) -> Question | None:
    """The question that gives ``fact`` (the year of birth for the age), if the questionnaire has one."""
    return BY_FACT.get(ASKED_AS.get(fact, fact))


def county_options(city: str | None) -> tuple[str, ...]:
    return COUNTIES_BY_CITY.get(city or "", ())


def nest(answers: Mapping[str, Any]) -> dict[str, Any]:
    """A nested profile from answers by dotted fact name."""
    profile: dict[str, Any] = {}
    for name, value in answers.items():
        if value is None:
            continue
        node = profile
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = value
    return profile


def _wanted(facts: Mapping[str, Any], on: date) -> set[str]:
    """Facts still unknown that a resident benefit needs, that decide its next step, or that set an amount
    already due. A benefit not due but not ruled out still asks its unknown facts: a step names every one
    (the contract and social insurance of a job with 10 months so far)."""
    results = {r["benefit"]: r for r in evaluate(nest(facts), on, lang=None)["results"]}
    wanted: set[str] = set()
    for benefit in RESIDENT_BENEFITS:
        result = results[benefit]
        if result["status"] == NEEDS_INFO or (result["status"] == NOT_ELIGIBLE and not result["ruled_out"]):
            wanted |= set(result["missing"])
    post = results["public_welfare_post"]
    if post["status"] == ELIGIBLE:
        wanted |= {"person.pension_subsidy", "person.city_rural_income_last_year"}
    if AGE in wanted:  # the age is asked as the year of birth
        wanted = (wanted - {AGE}) | {BIRTH_YEAR}
    return wanted


def past_school_age(answers: Mapping[str, Any], on: date) -> bool:
    """Whether the answers settle that the person is aged :data:`SCHOOL_QUESTION_AGE_LIMIT` or more on ``on``, on
    every birthday they allow (born in 1990: 30 or 31 on 1 January 2021, past it either way)."""
    return settled(PERSON.ages(answers, on), SCHOOL_QUESTION_AGE_LIMIT) is True


def relevant_facts(answers: Mapping[str, Any], on: date) -> list[str]:
    """The questions to show, in order: each can still change a resident's result.

    An answered question stays shown while it matters (so it can be changed); an unanswered one
    is shown when its answer is needed and the questions it follows are answered.
    """
    facts = dict(answers)
    wanted = _wanted(facts, on) | {"person.registered_poor", BIRTH_YEAR, "person.city", "person.county"}
    for name in answers:
        if name not in wanted:
            without = {k: v for k, v in facts.items() if k != name}
            if name in _wanted(without, on):
                wanted.add(name)
    if past_school_age(answers, on):
        wanted -= {"person.two_after_student", "person.tech_school_semesters", "person.training_passed"}
    return [q.fact for q in QUESTIONS if q.fact in wanted and all(facts.get(r) is not None for r in q.requires)]
