"""Calculator inputs in the URL query string, so a link or a QR code reopens the same result.

Only counts, choices and dates go there, never a name, an ID number or a file. A widget is seeded
from the URL on the session's first run; a value that is not valid (a hand-edited link) is dropped
and the caller says so beside the field. After the widget, :func:`keep` writes the value back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from engine import policy
from i18n import N_
from ui import format as fmt
from ui.frame import Page

BAD_LINK = N_("The link's value for this field was not valid, so it was not used.")


def seed_int(param: str, widget_key: str, *, minimum: int, maximum: int) -> bool:
    """Put ``?param=`` into the widget's state on first sight; ``False`` if the link's value was not valid."""
    text = st.query_params.get(param)
    if text is None or widget_key in st.session_state:
        return True
    try:
        value = int(text)
    except ValueError:
        return False
    if not minimum <= value <= maximum:
        return False
    st.session_state[widget_key] = value
    return True


def seed_choice(param: str, widget_key: str, choices: Sequence[object]) -> bool:
    """Like :func:`seed_int` for one of ``choices`` (compared as text; ``1``/``0`` for yes and no)."""
    text = st.query_params.get(param)
    if text is None or widget_key in st.session_state:
        return True
    found = [choice for choice in choices if _text(choice) == text]
    if not found:
        return False
    st.session_state[widget_key] = found[0]
    return True


def seed_date(param: str, widget_key: str, *, first: date, last: date) -> bool:
    """Like :func:`seed_int` for a date ``YYYY-MM-DD`` between ``first`` and ``last``."""
    text = st.query_params.get(param)
    if text is None or widget_key in st.session_state:
        return True
    try:
        value = date.fromisoformat(text)
    except ValueError:
        return False
    if not first <= value <= last:
        return False
    st.session_state[widget_key] = value
    return True


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def keep(param: str, value: object) -> None:
    """Write the widget's value to the URL (``None`` removes it)."""
    if value is None:
        st.query_params.pop(param, None)
    elif st.query_params.get(param) != _text(value):
        st.query_params[param] = _text(value)


def bad_link(page: Page) -> None:
    """Said beside a field whose value in the link was dropped."""
    st.error(fmt.md_escape(page._(BAD_LINK)), icon=":material/link_off:")


def situation_date(page: Page, widget_key: str, param: str = "on") -> date:
    """The date the situation is assessed on, within the policy period, kept in the URL."""
    good = seed_date(param, widget_key, first=policy.IN_FORCE_FROM, last=policy.IN_FORCE_UNTIL)
    on = st.date_input(page._("Date of the situation"), value=policy.IN_FORCE_UNTIL, min_value=policy.IN_FORCE_FROM,
                       max_value=policy.IN_FORCE_UNTIL, key=widget_key, format="YYYY-MM-DD")
    if not good:
        bad_link(page)
    keep(param, on)
    return on
