"""A page that fails on purpose, run by ``tests/app/test_errors.py`` to test ``ui/errors.py`` (not part of the site).

``?mode=`` chooses what happens after the page has drawn a line and put a visitor's name in its session state:
``raise`` (an exception whose message quotes a name and an ID number), ``stop``, ``rerun``, ``fragment`` (a
guarded fragment fails, the rest of the page is drawn) or ``callback`` (a guarded button callback fails).
"""

from __future__ import annotations

import streamlit as st

from ui import errors

PLANTED_NAME = "张三丰"
PLANTED_ID = "11010519491231002X"


def fail() -> None:
    try:
        {}[PLANTED_NAME]  # a KeyError that quotes the name: the cause
    except KeyError as cause:
        raise ValueError(f"bad ID number {PLANTED_ID} for {PLANTED_NAME}") from cause


@st.fragment
@errors.guard
def fragment_part() -> None:
    st.markdown("Inside the fragment")
    fail()


def main() -> None:
    mode = st.query_params.get("mode", "raise")
    st.session_state["res_name"] = PLANTED_NAME
    st.session_state["res_id"] = PLANTED_ID
    st.markdown("Before the failure")
    if mode == "raise":
        fail()
    elif mode == "stop":
        st.stop()
    elif mode == "rerun":
        if not st.session_state.get("reran"):
            st.session_state["reran"] = True
            st.rerun()
        st.markdown("After the rerun")
    elif mode == "fragment":
        fragment_part()
    elif mode == "callback":
        st.button("Fail", key="fail", on_click=errors.guard(fail))
    st.markdown("After the failure")


errors.run(main)
