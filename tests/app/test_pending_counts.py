"""The calculators' "N do not count yet" (ui/counts.py) is a promise: it is said only when the engine offers the
workshop grant or the brokers' fee a step that more counting hires (placements) would take, and that step, applied
and assessed on its date, gives what it says (issue 26). A cooperative that is not a workshop, a workshop outside
the named places, or a day too near the policy's end never reads that its hires will count.

Property tests over hypothesis-generated employers, counts and dates, without Streamlit: ``pending_text`` is the
sentence the page draws.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from engine import employer as emp
from engine.steps import add_months
from i18n import LOCALES
from ui.counts import PLACEMENT_COUNTS, WORKSHOP_COUNTS, Counts, pending_text, step_for_more
from ui.employer import CARRIERS, PLACES
from ui.frame import Page, load_translations

DATES = st.dates(min_value=date(2018, 7, 1), max_value=date(2020, 12, 31)) | st.sampled_from(
    [date(2019, 12, 31), date(2020, 1, 1), date(2020, 12, 30), date(2020, 12, 31)])
NAMED_PLACES = ("poor_village", "migrant_village", "industrial_park")


def page(lang: str) -> Page:
    return Page(lang, load_translations(lang))


def check_the_promise(facts: dict[str, Any], fact: str, benefit: str, result: dict, on: date) -> None:
    """The step behind the sentence: with its change, assessed on its date, the result is what it says."""
    step = step_for_more(result, fact)
    assert step is not None
    assert step["change"][fact] > facts[fact]
    when = add_months(on, step["months"])
    assert when <= date(2020, 12, 31)
    again = emp.results({**facts, **step["change"]}, when, None, [benefit])[benefit]
    assert again["status"] == step["gives"]["status"] == "eligible"
    assert again["amount"] == step["gives"]["amount"]


@settings(max_examples=150, deadline=None)
@given(carrier=st.sampled_from([None, *CARRIERS]), place=st.sampled_from([None, *PLACES]),
       counting=st.sampled_from([0, 5, 10, 11, 17, 20, 21, 30, 31, 99, 100, 101, 120]), more=st.integers(0, 30),
       on=DATES, lang=st.sampled_from(LOCALES))
def test_hires_are_said_not_to_count_yet_only_behind_a_step_that_holds(carrier, place, counting, more, on, lang):  # noqa: PLR0917
    facts = {"employer.carrier": carrier, "employer.located_in": place, "employer.qualifying_hires": counting}
    result = emp.results(facts, on, None, ["workshop_grant"])["workshop_grant"]
    text = pending_text(page(lang), WORKSHOP_COUNTS, Counts(counting + more, counting), result)
    if carrier in (None, "none") or place not in NAMED_PLACES or more == 0:
        assert text == ""  # hires that can never count for it, or none waiting: nothing said
    event("said, and checked" if text else "nothing said")
    if text:
        check_the_promise(facts, WORKSHOP_COUNTS.fact, "workshop_grant", result, on)


@settings(max_examples=80, deadline=None)
@given(counting=st.integers(0, 40), more=st.integers(0, 10), on=DATES, lang=st.sampled_from(LOCALES))
def test_placements_are_said_not_to_count_yet_only_behind_a_step_that_holds(counting, more, on, lang):
    facts = {"broker.qualifying_placements": counting}
    result = emp.results(facts, on, None, ["broker_fee"])["broker_fee"]
    text = pending_text(page(lang), PLACEMENT_COUNTS, Counts(counting + more, counting), result)
    if more == 0 or on > date(2019, 12, 31):  # a new placement counts 12 months on: after the end from 2020
        assert text == ""
    event("said, and checked" if text else "nothing said")
    if text:
        check_the_promise(facts, PLACEMENT_COUNTS.fact, "broker_fee", result, on)
