"""The questionnaire asks only what can change a result (skip logic derived from the rules)."""

from __future__ import annotations

from datetime import date

import pytest

from engine.profile import FIELDS
from engine.questions import BY_FACT, QUESTIONS, STEPS, relevant_facts

ON = date(2019, 6, 1)
POOR_45 = {"person.registered_poor": True, "person.age": 45}


def test_every_question_asks_a_profile_fact_in_a_known_step():
    steps = {key for key, _ in STEPS}
    for question in QUESTIONS:
        assert question.fact in FIELDS
        assert question.step in steps
        assert set(question.requires) <= set(BY_FACT)


@pytest.mark.parametrize(
    ("answers", "asked", "not_asked"),
    [
        pytest.param({}, ["person.registered_poor", "person.job.place", "person.business.kind"],
                     ["person.job.months", "person.county"], id="start: follow-up questions wait for their lead"),
        pytest.param({"person.registered_poor": False}, ["person.ecological_migrant"],
                     ["person.job.place", "person.business.kind", "person.wants_work"],
                     id="not registered poor: only what could still apply"),
        pytest.param({**POOR_45, "person.business.kind": "none"}, ["person.business.kind"],
                     ["person.business.months", "person.business.employs_others"],
                     id="no business: no business questions"),
        pytest.param({**POOR_45, "person.business.kind": "individual"},
                     ["person.business.months", "person.business.employs_others"], [],
                     id="a business: its questions"),
        pytest.param(POOR_45, [], ["person.disabled", "person.two_after_student"],
                     id="aged 45: no disability relaxation, no school questions"),
        pytest.param({"person.registered_poor": True, "person.age": 39}, ["person.disabled"], [],
                     id="aged 39: a disability relaxes the age"),
        pytest.param({"person.registered_poor": True, "person.age": 19}, ["person.two_after_student"], [],
                     id="aged 19: the school-leaver questions"),
        pytest.param({**POOR_45, "person.job.place": "same_county"}, ["person.job.place"],
                     ["person.job.months", "person.urban_months", "person.unemployed_months"],
                     id="working in home county: no transport or unemployment questions"),
        pytest.param({**POOR_45, "person.job.place": "other_province"},
                     ["person.job.months", "person.job.contract", "person.job.social_insurance"], [],
                     id="working in another province: the transport questions"),
        pytest.param({**POOR_45, "person.job.place": "other_province", "person.job.months": 10},
                     ["person.job.contract", "person.job.social_insurance"], [],
                     id="10 months in another province: contract and insurance still asked (the step names them)"),
        pytest.param({**POOR_45, "person.job.place": "other_county_in_region", "person.job.months": 3},
                     ["person.job.contract", "person.job.social_insurance"], [],
                     id="3 months in another county: the questions stay whatever the months"),
        pytest.param({**POOR_45, "person.job.place": "none", "person.urban_months": 0}, ["person.urban_months"],
                     ["person.unemployed_months"],
                     id="living in a village (0 months in town): no unemployment-registration questions"),
        pytest.param({**POOR_45, "person.job.place": "none", "person.urban_months": 3}, ["person.unemployed_months"],
                     [], id="3 months in town without a job: how long without work"),
        pytest.param({**POOR_45, "person.job.place": "other_province", "person.urban_months": 12}, [],
                     ["person.unemployed_months"], id="a job and 12 months in town: not asked how long without work"),
        pytest.param({"person.city": "guyuan"}, ["person.county"], [], id="a city: its counties"),
    ],
)
def test_skip_logic(answers, asked, not_asked):
    shown = relevant_facts(answers, ON)
    for fact in asked:
        assert fact in shown
    for fact in not_asked:
        assert fact not in shown


def test_public_welfare_post_holder_is_asked_for_insurance_and_the_income_figure():
    answers = {**POOR_45, "person.wants_work": True, "person.able_to_work": True}
    shown = relevant_facts(answers, ON)
    assert "person.pension_subsidy" in shown
    assert "person.city_rural_income_last_year" in shown
