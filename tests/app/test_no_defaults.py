"""Every page opens with nothing answered for the person (issue 26): no choice or number that feeds the engine has a
value before the visitor gives it. A default is an answer the visitor never gave; the engine then speaks for a
workshop in a poor village that nobody said it was.

The only values a page may hold at first are listed below, by widget key: the language, the date assessed, how a
figure is entered, and whether a table is also drawn as a chart. Any other widget with a value fails, so a new
default has to be added here, in the open.
"""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block, Button, DownloadButton, Widget

from engine.questions import BY_FACT, STEPS, relevant_facts
from i18n import LOCALES
from tests.app.pages_under_test import open_page
from ui.answers import assessment_date

ALLOWED = {
    "lang_switch": "the language",
    "emp_date": "the date assessed",
    "inst_date": "the date assessed",
    "brk_date": "the date assessed",
    "emp_sme_mode": "how the monthly contribution is entered (typed, or worked out from a base and rates)",
    "res_compare_chart_shown": "whether the comparison's table is also drawn as a chart (off)",
}
PAGES = ("streamlit_app.py", "pages/employer.py", "pages/institution.py", "pages/broker.py", "pages/policy.py",
         "pages/resident.py")
YEAR = "2019"  # the residents' questions start after the year, the date assessed


def widgets(node) -> list[Widget]:
    """Every widget on the page, in any container; buttons are actions, not answers."""
    if isinstance(node, Widget):
        return [] if isinstance(node, (Button, DownloadButton)) else [node]
    found = []
    if isinstance(node, Block):
        for child in node.children.values():
            found += widgets(child)
    return found


def answered(at: AppTest) -> dict[str, object]:
    """The widgets that hold a value before the visitor gave one, other than the allowed ones."""
    return {w.key: w.value for w in widgets(at._tree)
            if w.key not in ALLOWED and w.value not in (None, [], "")}


def resident_steps() -> list[str]:
    on = assessment_date(YEAR)
    shown = relevant_facts({}, on)
    return [step for step, _title in STEPS if any(BY_FACT[fact].step == step for fact in shown)]


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("path", PAGES)
def test_a_page_opens_with_nothing_answered(lang, path):
    at = open_page(lang, path)
    assert answered(at) == {}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("step", [*resident_steps(), "results"])
def test_each_step_of_the_residents_questions_opens_with_nothing_answered(lang, step):
    at = open_page(lang, "pages/resident.py", {"year": YEAR, "step": step})
    assert at.header[0].value != "", "the step is drawn"
    assert answered(at) == {}


def test_the_residents_steps_are_all_reached():
    """The steps above are the ones an empty answer set shows (so a step added to the questions is covered)."""
    assert resident_steps()[0] == "you"
    assert len(resident_steps()) >= 2


@pytest.mark.parametrize("lang", LOCALES)
def test_the_allowed_values_are_the_language_the_date_and_the_way_a_figure_is_entered(lang):
    at = open_page(lang, "pages/employer.py")
    held = {w.key: w.value for w in widgets(at._tree) if w.key in ALLOWED}
    assert held["lang_switch"] == lang
    assert held["emp_date"] == date(2020, 12, 31)
    assert held["emp_sme_mode"] == "typed"
