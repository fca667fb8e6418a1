"""Calculator inputs in the URL query string, so a link or a QR code reopens the same result.

Only counts, choices and dates go there, never a name, an ID number or a file. A widget is seeded
from the URL on the session's first run; a value that is not valid (a hand-edited link) is dropped
and the caller says so beside the field. After the widget, :func:`keep` writes the value back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

from engine import policy
from i18n import N_
from ui import format as fmt
from ui import kiosk
from ui.frame import Page

BAD_LINK = N_("The link's value for this field was not valid, so it was not used.")


def _seed(param: str, widget_key: str, parse: Callable[[str], Any]) -> bool:
    """Put ``parse(?param=)`` into the widget's state on the session's first sight of it.

    ``False`` if the link's value was not valid (``parse`` raised ValueError): it is not used.
    """
    text = st.query_params.get(param)
    if text is None or widget_key in st.session_state:
        return True
    try:
        st.session_state[widget_key] = parse(text)
    except ValueError:
        return False
    return True


def _within(value: Any, first: Any, last: Any) -> Any:
    if not first <= value <= last:
        raise ValueError(value)
    return value


def seed_int(param: str, widget_key: str, *, minimum: int, maximum: int) -> bool:
    """A whole number from ``minimum`` to ``maximum``."""
    return _seed(param, widget_key, lambda text: _within(int(text), minimum, maximum))


def seed_float(param: str, widget_key: str, *, minimum: float, maximum: float) -> bool:
    """A number (an amount or a rate) from ``minimum`` to ``maximum``; ``nan`` and ``inf`` are not."""
    return _seed(param, widget_key, lambda text: _within(float(text), minimum, maximum))


def seed_choice(param: str, widget_key: str, choices: Sequence[object]) -> bool:
    """One of ``choices``, compared as text (``1``/``0`` for yes and no)."""
    def parse(text: str) -> object:
        found = [choice for choice in choices if _text(choice) == text]
        if not found:
            raise ValueError(text)
        return found[0]
    return _seed(param, widget_key, parse)


def seed_date(param: str, widget_key: str, *, first: date, last: date) -> bool:
    """A date ``YYYY-MM-DD`` from ``first`` to ``last``."""
    return _seed(param, widget_key, lambda text: _within(date.fromisoformat(text), first, last))


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


KEPT_PARAMS_KEY = "url_state_kept_params"  # session state: the query parameters this session's pages write


def kept_params() -> frozenset[str]:
    """The query parameters the pages of this session have written with :func:`keep`: the answers a link may
    carry (ui/takeaway.py leaves out everything else a link happened to hold)."""
    return frozenset(st.session_state.get(KEPT_PARAMS_KEY, ()))


def keep(param: str, value: object) -> None:
    """Write the widget's value to the URL (``None`` removes it)."""
    st.session_state.setdefault(KEPT_PARAMS_KEY, set()).add(param)
    if value is None:
        st.query_params.pop(param, None)
    elif st.query_params.get(param) != _text(value):
        st.query_params[param] = _text(value)


def bad_link(page: Page) -> None:
    """Said beside a field whose value in the link was dropped."""
    st.error(fmt.md_escape(page._(BAD_LINK)), icon=":material/link_off:")


def choice(page: Page, widget: Callable[..., Any], label: str, param: str, widget_key: str, *,
           options: Sequence[Any], **kwargs: Any) -> Any:
    """A choice (``st.selectbox`` or ``st.radio``) kept in the URL as ``?param=``, so a link reopens it.

    It starts unanswered (``None``) unless the caller passes an ``index``: only how a figure is entered may
    have a default (tests/app/test_no_defaults.py), never a fact about the visitor."""
    good = seed_choice(param, widget_key, options)
    _restore_a_lost_answer(param, widget_key, options)
    kwargs.setdefault("index", None)
    if widget is st.selectbox:
        kwargs.setdefault("placeholder", page._("Choose an answer"))
    value = widget(label, options, key=widget_key, on_change=_touched, args=(widget_key,), **kwargs)
    if not good:
        bad_link(page)
    keep(param, value)
    return value


TOUCHED = "url_state_touched_{}"  # session state: the visitor changed this choice in the run now starting


def _touched(widget_key: str) -> None:
    st.session_state[TOUCHED.format(widget_key)] = True


def _restore_a_lost_answer(param: str, widget_key: str, options: Sequence[object]) -> None:
    """A choice the visitor made is in the address; if its widget comes back empty although the visitor did not
    empty it, the answer was lost on the way (seen once in thirty sessions at once on a busy machine: the
    organisation's kind, workshop and place came back unanswered after a number was typed) and is put back.
    A choice the visitor empties stays empty: its widget's change marks it first (:func:`_touched`)."""
    touched = st.session_state.pop(TOUCHED.format(widget_key), False)
    if touched or widget_key not in st.session_state or st.session_state[widget_key] is not None:
        return
    text = st.query_params.get(param)
    found = [choice for choice in options if _text(choice) == text]
    if found:
        st.session_state[widget_key] = found[0]


def number(page: Page, label: str, param: str, widget_key: str, *, maximum: float, whole: bool = True,
           **kwargs: Any) -> Any:
    """A number from 0 to ``maximum`` kept in the URL as ``?param=``: a count (``whole``) or an amount or rate.

    It starts empty (``None``) until typed, or given by a link."""
    good = (seed_int(param, widget_key, minimum=0, maximum=int(maximum)) if whole
            else seed_float(param, widget_key, minimum=0.0, maximum=maximum))
    if page.kiosk:
        value = _keypad(page, label, widget_key, maximum=maximum, whole=whole, help_text=kwargs.get("help"))
    else:
        kwargs.setdefault("value", None)
        kwargs.setdefault("placeholder", page._("Type a number"))
        value = st.number_input(label, min_value=0 if whole else 0.0,
                                max_value=int(maximum) if whole else float(maximum), key=widget_key, **kwargs)
    if not good:
        bad_link(page)
    keep(param, value)
    return value


def _keypad(page: Page, label: str, widget_key: str, *, maximum: float, whole: bool, help_text: str | None) -> Any:
    """At a kiosk (no keyboard), the number is tapped on a keypad (ui/kiosk.py), as the residents' check does: an
    empty number input cannot be stepped with + and −, and the number starts empty. The answer is kept under
    ``widget_key`` (seeded from the link like the input it stands for)."""
    current = st.session_state.get(widget_key)

    def store(value: Any) -> None:
        st.session_state[widget_key] = value

    kiosk.number_pad(
        fmt.md_escape(label), current, key=f"{widget_key}_pad", maximum=maximum, whole=whole, on_change=store,
        help_text=help_text,
        # TRANSLATORS: kiosk keypad: shown while a number has not been tapped yet.
        shown=fmt.number(current, page.lang) if current is not None else page._("not answered yet"),
        # TRANSLATORS: kiosk keypad: the key that deletes the last digit.
        delete_label=page._("Delete"),
        # TRANSLATORS: kiosk keypad: the key that empties the number.
        clear_label=page._("Clear"),
    )
    return current


def situation_date(page: Page, widget_key: str, param: str = "on") -> date:
    """The date the situation is assessed on, within the policy period, kept in the URL."""
    good = seed_date(param, widget_key, first=policy.IN_FORCE_FROM, last=policy.IN_FORCE_UNTIL)
    on = st.date_input(page._("Date of the situation"), value=policy.IN_FORCE_UNTIL, min_value=policy.IN_FORCE_FROM,
                       max_value=policy.IN_FORCE_UNTIL, key=widget_key, format="YYYY-MM-DD")
    if not good:
        bad_link(page)
    keep(param, on)
    st.caption(fmt.md_escape(page._("The amounts on this page are what the policy offered for a situation on {date}; "
                                    "change the date above for another day of the policy.").format(
        date=fmt.date_text(on, page.lang))))
    return on
