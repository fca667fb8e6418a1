"""A resident's answers live in the URL query string, so a link or a bookmark reopens the same result.

No personal data is asked (no name, ID number or phone), so none is in the URL. Keys are the fact
names without the ``person.`` prefix (``job.place=other_province``); yes/no is ``1``/``0``.
Values are checked with the engine's own rules; a bad value in a hand-edited link is dropped and
reported, never used.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from engine.profile import COUNTIES_BY_CITY, ProfileError, parse_text
from engine.questions import BY_FACT, YEARS

PREFIX = "person."
YEAR_KEY = "year"
STEP_KEY = "step"
LATER = "later"  # a year after the policy period
YEAR_CHOICES: tuple[str, ...] = (*(str(y) for y in YEARS), LATER)


def url_key(fact: str) -> str:
    return fact.removeprefix(PREFIX)


def encode(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_answers(params: Mapping[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The answers a query string holds, and the keys whose values were not valid."""
    answers: dict[str, Any] = {}
    rejected: list[str] = []
    for fact in BY_FACT:
        text = params.get(url_key(fact))
        if text is None:
            continue
        try:
            value = parse_text(fact, text)
        except ProfileError:
            rejected.append(url_key(fact))
            continue
        if value is not None:
            answers[fact] = value
    county, city = answers.get("person.county"), answers.get("person.city")
    if county is not None and city is not None and county not in COUNTIES_BY_CITY.get(city, ()):
        del answers["person.county"]  # a county of another city: its office would be named for this city's people
        rejected.append(url_key("person.county"))
    return answers, rejected


def assessment_date(year: str | None) -> date | None:
    """The day a situation in ``year`` is assessed: the year's last day (inside the policy period
    for 2018-2020); a later year is assessed on 2021-01-01, after the policy ended."""
    if year in {str(y) for y in YEARS}:
        return date(int(year), 12, 31)
    if year == LATER:
        return date(2021, 1, 1)
    return None


def current_answers() -> tuple[dict[str, Any], list[str]]:
    return read_answers(st.query_params.to_dict())


def set_answer(fact: str, value: Any) -> None:
    key = url_key(fact)
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = encode(value)


def set_param(key: str, value: str | None) -> None:
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value


def clear_all(keep: tuple[str, ...] = ("lang",)) -> None:
    """Forget every answer: the URL keeps only the language (and what ``keep`` names)."""
    kept = {k: v for k, v in st.query_params.to_dict().items() if k in keep}
    st.query_params.clear()
    st.query_params.update(kept)
