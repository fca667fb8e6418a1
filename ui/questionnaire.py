"""Drawing the residents' questions: one widget per question, answers kept in the URL.

Which questions to show comes from :mod:`engine.questions`; this module only draws them.
Every widget writes its answer to the URL in its callback, so the next run (and a reloaded
link) sees the same answers.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import streamlit as st

from engine.messages import plural_count
from engine.profile import FIELDS, place_name
from engine.questions import BY_FACT, Question, county_options
from i18n import N_, Nn_
from ui import answers as url
from ui import format as fmt
from ui import kiosk
from ui.figures import figure_name
from ui.frame import Page

WIDGET_PREFIX = "res_q_"


def widget_key(fact: str) -> str:
    return WIDGET_PREFIX + fact


def _store(fact: str) -> None:
    """Widget callback: the new answer goes to the URL; a changed city forgets the county."""
    value = st.session_state.get(widget_key(fact))
    url.set_answer(fact, value)
    if fact == "person.city":
        url.set_answer("person.county", None)
        st.session_state.pop(widget_key("person.county"), None)


def forget_widgets() -> None:
    for fact in BY_FACT:
        st.session_state.pop(widget_key(fact), None)


FIGURE_QUESTION = N_("If you know it: {figure}")
# The certificate of the skill-upgrade subsidy is one of the year checked (当年, reading skill_certificate_calendar_year).
CERTIFICATE_QUESTION = N_("Did you obtain a vocational qualification or skill-level certificate in {year}?")


def label_of(question: Question, answers: dict[str, Any], page: Page) -> str:
    """The question in the page's language; the figure question names its city and year ("上年度": 2018 for a
    situation in 2019), the certificate question the year checked (2019: the certificate of 2019)."""
    on = url.assessment_date(st.query_params.get(url.YEAR_KEY))
    if on is not None and question.fact == "person.city_rural_income_last_year":
        figure = {"year": on.year - 1, "place": answers.get("person.city")}
        return page._(FIGURE_QUESTION).format(figure=figure_name(figure, page))
    if on is not None and question.fact == "person.certificate_this_year":
        return page._(CERTIFICATE_QUESTION).format(year=on.year)
    return page._(question.label)


def options_of(question: Question, answers: dict[str, Any], page: Page) -> tuple[list[Any], dict[Any, str]]:
    """The choices of a question and their labels in the page's language."""
    if question.fact == "person.county":
        codes = list(county_options(answers.get("person.city")))
        return codes, {code: place_name(code, page.lang) for code in codes}
    if question.fact == "person.city":
        return [c for c, _ in question.options], {c: place_name(c, page.lang) for c, _ in question.options}
    return [v for v, _ in question.options], {v: page._(label) for v, label in question.options}


def draw(question: Question, answers: dict[str, Any], page: Page, *, rejected: bool = False) -> None:
    """One question, its help text and its current answer; a value from the link that was not
    valid is said beside the field."""
    _ = page._
    _widget(question, answers, page)
    if rejected:
        st.error(fmt.md_escape(_("The value in the link for this question was not valid and was left out; "
                                 "please answer again.")), icon=":material/error:")


def _widget(question: Question, answers: dict[str, Any], page: Page) -> None:
    _ = page._
    fact = question.fact
    current = answers.get(fact)
    help_text = _(question.help) if question.help else None
    key = widget_key(fact)
    if question.options or fact == "person.county":
        values, labels = options_of(question, answers, page)
        index = values.index(current) if current in values else None
        st.radio(label_of(question, answers, page), values, index=index, format_func=labels.__getitem__, key=key,
                 help=help_text, on_change=_store, args=(fact,), horizontal=page.kiosk or len(values) <= 2)
        return
    spec = FIELDS[fact]
    whole = spec.kind == "int"
    label = label_of(question, answers, page)
    if question.unit:
        label = fmt.bracketed(label, _(question.unit), page.lang)
    if page.kiosk:  # no keyboard at a kiosk: the number is tapped on a keypad
        kiosk.number_pad(
            fmt.md_escape(label), current, key=f"res_pad_{fact.replace('.', '_')}", maximum=spec.maximum, whole=whole,
            minimum=spec.minimum or 0,
            on_change=partial(url.set_answer, fact), help_text=help_text,
            # TRANSLATORS: kiosk keypad: shown while a number has not been tapped yet.
            shown=answer_text(fact, current, page) if current is not None else _("not answered yet"),
            # TRANSLATORS: kiosk keypad: the key that deletes the last digit.
            delete_label=_("Delete"),
            # TRANSLATORS: kiosk keypad: the key that empties the number.
            clear_label=_("Clear"),
        )
        return
    st.number_input(
        label, min_value=int(spec.minimum or 0) if whole else 0.0, max_value=int(spec.maximum) if whole else float(spec.maximum),
        value=current, step=1 if whole else (0.5 if fact.endswith("_years") else 100.0),
        format=None if whole else "%.1f" if fact.endswith("_years") else "%.0f",
        key=key, help=help_text, on_change=_store, args=(fact,), placeholder=_("Type a number"),
    )

# An answer with its unit, in the unit's singular or plural ("1 month", "3 months"), by the unit's msgid.
AMOUNT_OF_UNIT = {
    "months": Nn_("{count} month", "{count} months"),
    "years": Nn_("{count} year", "{count} years"),
    "semesters": Nn_("{count} semester", "{count} semesters"),
}


def answer_text(fact: str, value: Any, page: Page) -> str:
    """An answer as the person gave it, in words."""
    question = BY_FACT[fact]
    if question.options or fact == "person.county":
        _, labels = options_of(question, {"person.city": None}, page)
        if fact == "person.county":
            return place_name(value, page.lang)
        return labels.get(value, str(value))
    if fact == "person.city_rural_income_last_year":
        return fmt.money(value, page.lang)
    if fact == "person.birth_year":  # a year, not an amount: no thousands separator
        return page._("born in {year}").format(year=int(value))
    text = fmt.number(value, page.lang)
    if question.unit in AMOUNT_OF_UNIT:  # "1 month", "3 months"
        return page.ngettext(*AMOUNT_OF_UNIT[question.unit], plural_count(value)).format(count=text)
    return f"{text} {page._(question.unit)}" if question.unit else text
