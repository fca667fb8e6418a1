"""The calculators' "N do not count yet" (ui/counts.py) is a hypothesis worded as one: they count once their 12
months are reached, if that is by the policy's end. It is said only when the engine, with all of them counting on
the policy's last day, gives the workshop grant or the brokers' fee, and a day is left after the day assessed
(issue 26). A cooperative that is not a workshop, a workshop outside the named places, or the policy's last day
never reads that its hires will count.

Property tests over hypothesis-generated employers, counts and dates, without Streamlit: ``pending_text`` is the
sentence the page draws.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from engine import employer as emp
from i18n import LOCALES
from ui.counts import PLACEMENT_COUNTS, WORKSHOP_COUNTS, Counts, pending_text
from ui.employer import CARRIERS, PLACES
from ui.frame import Page, load_translations

DATES = st.dates(min_value=date(2018, 7, 1), max_value=date(2020, 12, 31)) | st.sampled_from(
    [date(2019, 12, 31), date(2020, 1, 1), date(2020, 12, 30), date(2020, 12, 31)])
NAMED_PLACES = ("poor_village", "migrant_village", "industrial_park")


def page(lang: str) -> Page:
    return Page(lang, load_translations(lang))


def check_the_hypothesis(facts: dict[str, Any], fact: str, total: int, benefit: str, on: date) -> None:
    """The hypothesis behind the sentence: a day is left, and with all of them counting on the last day the engine
    gives the benefit."""
    assert on < date(2020, 12, 31)
    again = emp.results({**facts, fact: total}, date(2020, 12, 31), None, [benefit])[benefit]
    assert again["status"] == "eligible"


@settings(max_examples=150, deadline=None)
@given(carrier=st.sampled_from([None, *CARRIERS]), place=st.sampled_from([None, *PLACES]),
       counting=st.sampled_from([0, 5, 10, 11, 17, 20, 21, 30, 31, 99, 100, 101, 120]), more=st.integers(0, 30),
       on=DATES, lang=st.sampled_from(LOCALES))
def test_hires_are_said_not_to_count_yet_only_behind_a_step_that_holds(carrier, place, counting, more, on, lang):  # noqa: PLR0917
    facts = {"employer.carrier": carrier, "employer.located_in": place, "employer.qualifying_hires": counting}
    text = pending_text(page(lang), WORKSHOP_COUNTS, Counts(counting + more, counting), facts, benefit="workshop_grant", on=on)
    if carrier in (None, "none") or place not in NAMED_PLACES or more == 0 or on == date(2020, 12, 31):
        assert text == ""  # hires that can never count for it, none waiting, or no day left: nothing said
    event("said, and checked" if text else "nothing said")
    if text:
        check_the_hypothesis(facts, WORKSHOP_COUNTS.fact, counting + more, "workshop_grant", on)


@settings(max_examples=80, deadline=None)
@given(counting=st.integers(0, 40), more=st.integers(0, 10), on=DATES, lang=st.sampled_from(LOCALES))
def test_placements_are_said_not_to_count_yet_only_behind_a_step_that_holds(counting, more, on, lang):
    facts = {"broker.qualifying_placements": counting}
    text = pending_text(page(lang), PLACEMENT_COUNTS, Counts(counting + more, counting), facts, benefit="broker_fee", on=on)
    if more == 0 or on == date(2020, 12, 31):  # none waiting, or no day left for a worker to reach 12 months
        assert text == ""
    else:
        assert text  # a placed worker part-way through the 12 months may still reach them
    event("said, and checked" if text else "nothing said")
    if text:
        check_the_hypothesis(facts, PLACEMENT_COUNTS.fact, counting + more, "broker_fee", on)
