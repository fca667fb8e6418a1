"""Properties of next steps over random profiles and dates (hypothesis).

For every step of every result: the profile with the step's change, assessed its months later, gives exactly
what the step says; no step ends after 2020-12-31; a benefit that is not due says what comes next (a step, why it
is ruled out, or what to ask). The checks are ``helpers.check_steps``; the profiles here stay near the articles'
thresholds (months around 12, ages around 40, hires around each band) so that steps are actually made.
"""

from __future__ import annotations

from datetime import date

from helpers import check_steps
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bench.promise_audit import apply
from engine import evaluate
from engine.profile import FIELDS

NEAR = {
    "person.age": st.integers(14, 70),
    "person.birth_year": st.integers(1945, 2006),  # the age worked out from it (engine.age) wins over person.age
    "person.birth_month": st.integers(1, 12),
    "broker.birth_year": st.integers(1955, 1985),  # women turn 40 and men 50 around the policy period
    "broker.birth_month": st.integers(1, 12),
    "person.job.months": st.integers(0, 14),
    "person.business.months": st.integers(0, 14),
    "person.urban_months": st.integers(0, 8),
    "person.unemployed_months": st.integers(0, 8),
    "person.unemployment_insurance_years": st.sampled_from([0, 0.5, 0.9, 1, 1.5, 2, 2.9, 3, 4]),
    "person.tech_school_semesters": st.integers(0, 2),
    "person.city_rural_income_last_year": st.sampled_from([10_738, 11_708, 12_000]),
    "employer.qualifying_hires": st.sampled_from([0, 1, 9, 10, 11, 20, 21, 30, 31, 99, 100, 101, 150]),
    "employer.insured_hires": st.integers(0, 3),
    "employer.out_of_region_hires": st.integers(0, 3),
    "employer.certified_trained_hires": st.integers(0, 3),
    "employer.employer_insurance_monthly": st.sampled_from([300, 512.5, 980]),
    "broker.qualifying_placements": st.integers(0, 12),
    "institution.two_after_passed": st.integers(0, 40),
}
# Dates across the policy period, its edges, the day a parameter changes, and some outside it.
DATES = (st.dates(min_value=date(2018, 7, 1), max_value=date(2020, 12, 31))
         | st.sampled_from([date(2018, 7, 1), date(2018, 12, 31), date(2019, 1, 1), date(2019, 4, 30),
                            date(2019, 5, 1), date(2020, 1, 31), date(2020, 2, 29), date(2020, 11, 30),
                            date(2020, 12, 1), date(2020, 12, 31), date(2021, 1, 1), date(2018, 6, 30)]))


def value(name: str) -> st.SearchStrategy:
    if name in NEAR:
        return NEAR[name]
    spec = FIELDS[name]
    return st.booleans() if spec.kind == "bool" else st.sampled_from(spec.values)


@st.composite
def profiles(draw: st.DrawFn) -> dict:
    """The facts of one role (a resident, an employer, a broker, a school), most of them known."""
    section = draw(st.sampled_from(["person", "person", "person", "employer", "broker", "institution"]))
    names = sorted(name for name in FIELDS if name.startswith(section + "."))
    chosen = draw(st.lists(st.sampled_from(names), unique=True, min_size=min(3, len(names)), max_size=len(names)))
    profile: dict = {}
    for name in chosen:
        node = profile
        *parents, leaf = name.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = draw(value(name))
    return profile


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(), DATES)
def test_every_step_keeps_its_promise(profile: dict, on: date):
    out = evaluate(profile, on, None)
    check_steps(profile, out, on)
    for result in out["results"]:
        if result["next"]:
            event(f"step: {result['benefit']}")
        if result["too_late"]:
            event(f"too late: {result['benefit']}")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(), DATES)
def test_a_step_taken_leaves_nothing_open_for_that_benefit(profile: dict, on: date):
    """After the change, the benefit meets every condition: no fact is left unknown, none unmet."""
    out = evaluate(profile, on, None)
    for result in out["results"]:
        for step in result["next"]:
            changed = apply(profile, step["change"])
            later = date.fromisoformat(step["from"])
            again = next(r for r in evaluate(changed, later, None)["results"] if r["benefit"] == result["benefit"])
            assert again["unmet"] == []
            assert again["missing"] == []


def _action_facts() -> set[str]:
    """The facts that only something done can change (a contract, a certificate, a hire), by the rules' remedies."""
    from engine.remedies import Count, Do  # noqa: PLC0415
    from engine.rules import ALL_RULES  # noqa: PLC0415

    facts: set[str] = set()
    for rule in ALL_RULES:
        for condition in rule.conditions:
            if isinstance(condition.remedy, Do):
                facts |= set(condition.remedy.change)
            elif isinstance(condition.remedy, Count):
                facts.add(condition.remedy.fact)
    return facts


ACTION_FACTS = _action_facts()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles(), DATES)
def test_a_step_that_asks_for_something_done_names_a_last_day_that_can_be_met(profile: dict, on: date):
    """Something done comes after the day assessed (reading action_after_day_assessed): a step whose change needs it
    has a last day after the day assessed and not after 2020-12-31, and its words name it."""
    out = evaluate(profile, on, "en")
    for result in out["results"]:
        for step in result["next"]:
            if ACTION_FACTS & set(step["change"]):
                assert step["by"] is not None, step
                assert on < date.fromisoformat(step["by"]) <= date(2020, 12, 31), step
                assert "by " in step["text"], step


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_on_the_policys_last_day_no_step_is_offered(profile: dict):
    """Assessed on 31 December 2020 (the residents' check of 2020), nothing can be waited for or done in time."""
    out = evaluate(profile, date(2020, 12, 31), None)
    assert [r["benefit"] for r in out["results"] if r["next"] and r["status"] != "eligible"] == []
    assert [r["benefit"] for r in out["results"] if r["next"]] == []
