"""A roster check on a page: columns, templates, upload, problems, each row's result and downloads.

For the lists checked with :mod:`engine.roster.check` (a school's students, a broker's placements):
:func:`upload_and_check` draws everything up to the checked file, the page draws its own summary
(its amounts come from the engine), then :func:`rows_and_downloads` draws the problems, the table
of rows with a filter and the result files. The file is read in memory and kept only in the
visitor's session (ui.roster).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from engine.roster.check import (
    RosterCheck,
    RosterKind,
    column_name,
    errors_table,
    explain,
    read,
    result_sheets,
    template,
    template_notes,
)
from engine.rules.rows import COUNTS, STATUS_TEXT
from i18n import LOCALES, N_, gettext
from ui import errors
from ui import format as fmt
from ui import roster as files
from ui.frame import Page


def columns_help(page: Page, kind: RosterKind, note: str) -> None:
    """The file's columns: Chinese and English headers and what to write; ``note`` says what is optional."""
    _ = page._
    with st.expander(_("Columns of the file")):
        by_name = kind.schema.by_name()
        fields = kind.template_fields
        table = {_("Chinese header"): [by_name[f].header(chinese=True) for f in fields]}
        if page.lang != "zh_CN":  # a Chinese reader needs no English headers
            table[_("English header")] = [by_name[f].header(chinese=False) for f in fields]
        table[_("What to write")] = [_(by_name[f].label) for f in fields]
        st.table(table, border="horizontal")
        st.caption(fmt.md_escape(_(note)))


def _templates(kind: RosterKind, sheet: str) -> dict[str, Callable[[], dict[str, pd.DataFrame]]]:
    def sheets(lang: str) -> Callable[[], dict[str, pd.DataFrame]]:
        return lambda: {gettext(lang, sheet): template(kind, lang),
                        gettext(lang, N_("How to fill in")): template_notes(kind, lang)}
    return {lang: sheets(lang) for lang in LOCALES}


def upload_and_check(page: Page, *, key: str, kind: RosterKind, on: date, label: str, sheet: str, stem: str,
                     note: str) -> RosterCheck | None:
    """Columns, templates, the upload and the engine's check of the file on ``on``; ``None`` without a file."""
    _ = page._
    if not files.offered_here(page):
        return None
    columns_help(page, kind, note)
    files.template_downloads(page, f"{key}_template", _templates(kind, sheet), f"{stem}-template")
    st.caption(fmt.md_escape(files.limits_text(page)))
    upload = files.upload(page, f"{key}_file", label)
    check = files.checked(page, f"{key}_check", upload, (on,),
                          lambda data, name: read(data, name, kind, on))
    if check is None:
        st.session_state.pop(f"{key}_text", None)  # nothing of a removed file stays in the session
        return None
    files.about_the_file(page, check.roster, [column_name(check, name, page.lang) for name in check.missing])
    st.session_state[f"{key}_stamp"] = (upload.file_id, upload.size, on)
    return check


def counts_line(page: Page, summary: dict[str, Any]) -> None:
    """Rows, and how many count, do not count, are not known yet and have problems."""
    _ = page._
    n = lambda value: fmt.number(value, page.lang)  # noqa: E731 - a short local formatter
    with st.container(horizontal=True):
        st.metric(_("Rows"), n(summary["rows"]), border=True, width="content")
        st.metric(_(STATUS_TEXT["counts"]), n(summary["counts"]), border=True, width="content")
        st.metric(_(STATUS_TEXT["does_not_count"]), n(summary["does_not_count"]), border=True, width="content")
        st.metric(_(STATUS_TEXT["needs_info"]), n(summary["needs_info"]), border=True, width="content")
        st.metric(_("Rows with problems"), n(summary["rows_with_problems"]), border=True, width="content")


def rows_and_downloads(page: Page, check: RosterCheck, *, key: str, stem: str, order: Sequence[str]) -> None:
    """The bad cells, each row's result (filtered) and the result files, in the page's language."""
    _ = page._
    files.problems(page, errors_table(check, page.lang), key)
    table = _explained(check, page, key)
    _rows(page, table, check.kind, key, tuple(order))

    files.downloads(page, key, lambda: result_sheets(check, page.lang, table), stem)


def _explained(check: RosterCheck, page: Page, key: str) -> pd.DataFrame:
    """Each row's texts in the page's language, made once per file, date and language in this session."""
    stamp = (*st.session_state.get(f"{key}_stamp", ()), page.lang)
    memo = st.session_state.get(f"{key}_text")
    if memo is not None and memo[0] == stamp:
        return memo[1]
    table = explain(check, page.lang)
    st.session_state[f"{key}_text"] = (stamp, table)
    return table


@st.fragment
@errors.guard
def _rows(page: Page, table: pd.DataFrame, kind: RosterKind, key: str, order: tuple[str, ...]) -> None:
    _ = page._
    st.subheader(_("Each row"), anchor=f"{key}-rows")
    counts = _(STATUS_TEXT[COUNTS])
    statuses = [f"{rule.id}_status" for rule in kind.rules]
    choices = {
        N_("All rows"): lambda t: t["row"].notna(),
        N_("Not counted yet"): lambda t: (t[statuses] != counts).any(axis=1),
        N_("Rows with problems"): lambda t: t["problems"] != "",
    }
    files.result_table(page, table, key, kind.result_columns, choices, order=order)
