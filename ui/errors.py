"""The error boundary every page runs in: a friendly message with a reference code, and a log line without
personal data.

Every page ends with ``errors.run(main)`` instead of ``main()``. An unexpected exception in ``main`` is
shown to the visitor as a short apology in their language with a reference code (``3FA9C01E``), and
logged once, with that code, the exception's type and where it happened (``file:line function``), nothing
else: not the exception's message (it may quote a cell of a roster or an answer), not the session state,
the query parameters or the uploaded file. Streamlit's own control flow (``st.rerun``, ``st.stop``,
``st.switch_page``) derives from ``BaseException`` and passes through untouched.

A fragment's body or a widget's callback runs outside ``main``'s ``try``: Streamlit catches its
exceptions itself and would log them with their message. Wrap them with :func:`guard` (under
``@st.fragment``; or ``on_change=errors.guard(callback)``).
"""

from __future__ import annotations

import functools
import logging
import secrets
import sysconfig
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import streamlit as st
from streamlit.errors import FragmentHandledException

from i18n import DEFAULT_LOCALE, N_
from ui import format as fmt
from ui import frame as ui_frame

LOGGER = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
LIBRARIES = tuple(Path(p).resolve() for p in {sysconfig.get_path("purelib"), sysconfig.get_path("stdlib")})
MAX_FRAMES = 25
ERROR_KEY = "page_error"
# TRANSLATORS: shown when the page failed; {code} is a reference such as 3FA9C01E for the site's maintainers.
FRIENDLY_MESSAGE = N_(
    "Sorry, something went wrong on our side and this page could not be shown in full. Your answers are "
    "still here: try again, or reload the page. If it keeps happening, tell us the reference code {code}."
)

P = ParamSpec("P")
R = TypeVar("R")


def run(main: Callable[[], None]) -> None:
    """Run a page's ``main``; an unexpected exception becomes a friendly message and a log line."""
    try:
        main()
    except FragmentHandledException as error:  # a fragment without guard(): Streamlit has shown its own notice
        original = error.args[0] if error.args and isinstance(error.args[0], BaseException) else error
        report(original)
    except Exception as error:
        report(error)


def guard(function: Callable[P, R]) -> Callable[P, R | None]:
    """``function`` with the same boundary: for a fragment's body (under ``@st.fragment``) or a callback."""
    @functools.wraps(function)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return function(*args, **kwargs)
        except Exception as error:
            report(error)
            return None
    return guarded


def report(error: BaseException) -> str:
    """Log ``error`` without personal data, show the friendly message; return the reference code."""
    code = secrets.token_hex(4).upper()
    LOGGER.error("page error %s: %s at %s", code, describe(error), where(error))
    try:
        show(code)
    except Exception:
        LOGGER.error("page error %s: the message could not be shown either", code)
    return code


def show(code: str) -> None:
    """The friendly message with its reference code, in the visitor's language."""
    translations = ui_frame.load_translations(language())
    text = translations.gettext(FRIENDLY_MESSAGE).format(code=code)
    with st.container(key=f"{ERROR_KEY}_{code}"):
        st.error(fmt.md_escape(text), icon=":material/error:")


def language() -> str:
    """The page's language as the frame resolves it; zh_CN when even that fails."""
    try:
        return ui_frame.resolve_language()
    except Exception:
        return DEFAULT_LOCALE


def describe(error: BaseException) -> str:
    """The exception's type and those of its causes (``ValueError from KeyError``): never a message."""
    names = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(names) < 5:
        seen.add(id(current))
        kind = type(current)
        names.append(kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}")
        current = current.__cause__ or current.__context__
    return " from ".join(names)


def where(error: BaseException) -> str:
    """The traceback as ``file:line function`` frames, outermost first (the last :data:`MAX_FRAMES`)."""
    frames = traceback.extract_tb(error.__traceback__)[-MAX_FRAMES:]
    return " > ".join(f"{_short(frame.filename)}:{frame.lineno} {frame.name}" for frame in frames) or "-"


def _short(filename: str) -> str:
    path = Path(filename)
    for base in (ROOT, *LIBRARIES):
        try:
            return path.resolve().relative_to(base).as_posix()
        except ValueError:
            continue
    return path.name


__all__ = ["FRIENDLY_MESSAGE", "guard", "report", "run"]
