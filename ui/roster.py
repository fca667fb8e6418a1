"""Roster files on a page: templates, the upload, the engine's reader, problems, results and downloads.

Shared by every page that checks a roster (employers, training institutions, brokers). The file
is read by the engine in memory; this module never writes it to disk or logs it. A checked roster
is kept in the visitor's session state only (so a rerun does not read the file again) and is gone
when the session ends. Every download has its text cells neutralised against formula injection.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from engine.messages import plural_count
from engine.roster import sandbox
from engine.roster.cells import Roster, normalise_header
from engine.roster.check import ID_HEADERS
from engine.roster.downloads import to_csv_bytes, to_xlsx_bytes
from engine.roster.files import MAX_BYTES, MAX_ROWS, RosterError
from i18n import LOCALES, N_
from ui import format as fmt
from ui.frame import Page

T = TypeVar("T")
# The pages with an upload start the readers' fork server in the background (engine/roster/sandbox.py): the first
# roster of the process then does not wait a second for pandas and calamine to load.
threading.Thread(target=sandbox.warm, name="roster-readers", daemon=True).start()
LIMIT_MB = MAX_BYTES // (1024 * 1024)
# What the uploader accepts. Its size limit is the engine's and the server's (server.maxUploadSize, which the
# server enforces on every upload whatever the widget says): a larger widget limit would promise sizes the
# server then refuses. A larger file gets Streamlit's own message, beside the limits written in the
# visitor's language (limits_text).
UPLOAD_TYPES = ("csv", "txt", "tsv", "xlsx", "xlsm", "xls")
UPLOAD_LIMIT_MB = LIMIT_MB
SHOWN_ROWS = 1_000
LISTED_ROWS = 50  # rows written out as a list (who, whether they count and why), readable on a phone
LISTED_PROBLEMS = 20  # up to this many problems are a list that reads well on a phone; more are a table
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LANGUAGE_OF_HEADERS = {"zh_CN": N_("Chinese headers"), "en": N_("English headers")}


def limits_text(page: Page) -> str:
    """The limits and the privacy promise, in words."""
    return page._(
        "CSV (UTF-8, or GBK as Excel in China saves it) or XLSX; at most {size} MB and {rows} rows; "
        "the first sheet of a workbook is read. The file is checked in memory: it is not saved, logged or kept "
        "after you leave the page."
    ).format(size=fmt.number(LIMIT_MB, page.lang), rows=fmt.number(MAX_ROWS, page.lang))


def error_text(error: RosterError, page: Page) -> str:
    """A whole-file problem in the visitor's language, numbers written the language's way."""
    params = {key: fmt.number(value, page.lang) if isinstance(value, int | float) else value
              for key, value in error.params.items()}
    if error.plural:
        return page.ngettext(error.message, error.plural, plural_count(error.params[error.count])).format(**params)
    return page._(error.message).format(**params)


_TEMPLATES: dict[tuple[str, str], tuple[bytes, bytes]] = {}
_ID_HEADERS = {normalise_header(header) for header in ID_HEADERS}


def template_files(sheets: Mapping[str, pd.DataFrame]) -> tuple[bytes, bytes]:
    """A template as CSV (its first sheet) and as XLSX (every sheet, ID number columns formatted as text)."""
    roster = next(iter(sheets.values()))
    ids = [header for header in roster.columns if normalise_header(header) in _ID_HEADERS]
    return to_csv_bytes(roster), to_xlsx_bytes(sheets, text_columns=ids)


def template_downloads(page: Page, key: str, templates: Mapping[str, Callable[[], Mapping[str, pd.DataFrame]]],
                       stem: str) -> None:
    """Download buttons for the template: Chinese and English headers, each as CSV and as XLSX.

    ``templates`` gives, per language, the sheets of the template (the first is the roster itself).
    """
    _ = page._
    with st.container(horizontal=True, key=f"{key}_templates"):
        for lang in LOCALES:
            if (key, lang) not in _TEMPLATES:  # the templates never change within a process: make the files once
                _TEMPLATES[key, lang] = template_files(templates[lang]())
            csv_bytes, xlsx_bytes = _TEMPLATES[key, lang]
            headers = _(LANGUAGE_OF_HEADERS[lang])
            st.download_button(
                _("Template, {headers} (CSV)").format(headers=headers), csv_bytes,
                file_name=f"{stem}-{lang}.csv", mime="text/csv", key=f"{key}_template_csv_{lang}",
                icon=":material/download:", on_click="ignore")
            st.download_button(
                _("Template, {headers} (XLSX)").format(headers=headers), xlsx_bytes,
                file_name=f"{stem}-{lang}.xlsx", mime=XLSX_MIME, key=f"{key}_template_xlsx_{lang}",
                icon=":material/download:", on_click="ignore")


# TRANSLATORS: in kiosk mode, where the list check of the employers', institutions' and brokers' pages would be.
NO_FILES_AT_A_KIOSK = N_("A list is checked from a file on your own computer, so it is not offered on this shared "
                         "screen. Open the site on your computer to use it.")


def offered_here(page: Page) -> bool:
    """Whether a list can be checked here: not on a kiosk, which takes no files and gives none (it says so).

    Every list section asks this first, so nothing below it (uploader, templates, result downloads) is drawn
    on a kiosk.
    """
    if not page.kiosk:
        return True
    st.info(fmt.md_escape(page._(NO_FILES_AT_A_KIOSK)), icon=":material/computer:")
    return False


# Streamlit's uploader names its button in English ("Upload"); this script names it in the visitor's language,
# and again whenever Streamlit draws it anew (a MutationObserver; the label of the latest run wins).
UPLOAD_BUTTON_SCRIPT = """<script>
(() => {
  window.zizhutongUploadLabel = %s;
  const relabel = () => document.querySelectorAll('[data-testid="stFileUploaderDropzone"] button p').forEach(p => {
    if (p.textContent !== window.zizhutongUploadLabel) { p.textContent = window.zizhutongUploadLabel; }
  });
  relabel();
  if (!window.zizhutongUploadObserver) {
    window.zizhutongUploadObserver = new MutationObserver(relabel);
    window.zizhutongUploadObserver.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>"""


def upload(page: Page, key: str, label: str) -> Any:
    """The file uploader, its button named in the visitor's language; the file stays in memory."""
    # TRANSLATORS: the button of a file uploader that opens the file dialog.
    st.html(UPLOAD_BUTTON_SCRIPT % json.dumps(page._("Choose a file")), unsafe_allow_javascript=True)
    return st.file_uploader(label, type=list(UPLOAD_TYPES), key=key, max_upload_size=UPLOAD_LIMIT_MB,
                            help=limits_text(page))


def checked(page: Page, key: str, file: Any, signature: tuple, check: Callable[[bytes, str], T]) -> T | None:
    """The file checked by ``check`` (the engine's reader), once per file and ``signature``.

    The result lives in session state under ``key``; a whole-file problem is shown as an error
    and ``None`` returned.
    """
    if file is None:
        st.session_state.pop(key, None)
        return None
    stamp = (file.file_id, file.size, *signature)
    memo = st.session_state.get(key)
    if memo is not None and memo[0] == stamp:
        if isinstance(memo[1], RosterError):
            st.error(fmt.md_escape(error_text(memo[1], page)), icon=":material/error:")
            return None
        return memo[1]
    with st.spinner(page._("Checking the file…")):
        try:
            result: Any = check(file.getvalue(), file.name)
        except RosterError as error:
            result = error
    st.session_state[key] = (stamp, result)
    if isinstance(result, RosterError):
        st.error(fmt.md_escape(error_text(result, page)), icon=":material/error:")
        return None
    return result


def about_the_file(page: Page, roster: Roster, missing: Sequence[str]) -> None:
    """What the reader made of the file's columns and rows: ``missing`` columns (named as the visitor's
    template calls them), columns not used, and the template's notes and example rows it skipped."""
    _ = page._
    if missing:
        st.warning(fmt.md_escape(_("Missing columns: {columns}. Every row is “not known yet” on what they give.")
                                 .format(columns="、".join(missing))), icon=":material/warning:")
    if roster.extra:
        st.caption(fmt.md_escape(_("Columns not used: {columns}").format(columns="、".join(roster.extra))))
    if roster.skipped:
        rows = fmt.words([fmt.number(row, page.lang) for row in roster.skipped], page.lang)
        st.caption(fmt.md_escape(page.ngettext(
            "Row {rows} is the template's notes or example row: not checked.",
            "Rows {rows} are the template's notes and example rows: not checked.",
            len(roster.skipped)).format(rows=rows)))


def problems(page: Page, table: pd.DataFrame, key: str) -> None:
    """The bad cells: row, column and problem, while the other rows were still checked."""
    _ = page._
    if table.empty:
        return
    count = len(table)
    rows = table["row"].nunique()
    st.warning(fmt.md_escape(page.ngettext(
        "{count} cell could not be used (in {rows} row). It counts as not known; every other cell and row was "
        "checked.",
        "{count} cells could not be used (number of rows affected: {rows}). Those cells count as not known; every "
        "other cell and row was checked.", count).format(count=fmt.number(count, page.lang), rows=fmt.number(rows, page.lang))),
        icon=":material/warning:")
    if count <= LISTED_PROBLEMS:
        line = _("Row {row}, {column}: {problem}")
        st.markdown("\n".join(
            "- " + fmt.md_escape(line.format(row=r.row, column=r.column, problem=r.problem))
            for r in table.itertuples(index=False)))
        return
    shown = table.head(SHOWN_ROWS).rename(columns={"row": _("Row"), "column": _("Column"), "problem": _("Problem")})
    st.dataframe(shown, hide_index=True, key=f"{key}_problems", width="stretch", height=320,
                 column_config={_("Problem"): st.column_config.TextColumn(_("Problem"), width="large")})
    if count > SHOWN_ROWS:
        st.caption(fmt.md_escape(page.ngettext(
            "The first {shown} of {count} problem; the result file lists every row's problems.",
            "The first {shown} of {count} problems; the result file lists every row's problems.", count).format(
                shown=fmt.number(SHOWN_ROWS, page.lang), count=fmt.number(count, page.lang))))


def result_table(page: Page, frame: pd.DataFrame, key: str, labels: Sequence[tuple[str, str]],
                 choices: Mapping[str, Callable[[pd.DataFrame], pd.Series]], *, order: Sequence[str] = ()) -> None:
    """The results, filtered by the visitor's choice, at most :data:`SHOWN_ROWS` rows on screen.

    ``labels`` are (column id, msgid) pairs; ``choices`` are filter names (msgids) → row masks;
    ``order`` the column ids in the order to show them (default: as in ``labels``).
    """
    _ = page._
    names = list(choices)
    choice = st.segmented_control(_("Show"), names, format_func=_, default=names[0], key=f"{key}_filter",
                                  required=True)
    mask = choices[choice or names[0]](frame)
    chosen = frame[mask]
    shown = chosen.head(SHOWN_ROWS).rename(columns={k: _(label) for k, label in labels})
    if chosen.empty:
        st.caption(fmt.md_escape(_("No row to show with this choice.")))
        return
    names = dict(labels)
    readable_rows(page, chosen, names, key)
    with st.expander(_("Every column, as a table")):
        st.dataframe(shown, hide_index=True, key=f"{key}_table", width="stretch",
                     column_order=[_(names[k]) for k in order] or None,
                     column_config={_(label): st.column_config.TextColumn(_(label), width="large")
                                    for k, label in labels if k.endswith(("reason", "next", "problems"))})
        if len(chosen) > SHOWN_ROWS:
            st.caption(fmt.md_escape(page.ngettext(
                "The first {shown} of {count} row; the download has every row.",
                "The first {shown} of {count} rows; the download has every row.", len(chosen)).format(
                    shown=fmt.number(SHOWN_ROWS, page.lang), count=fmt.number(len(chosen), page.lang))))


def readable_rows(page: Page, chosen: pd.DataFrame, names: Mapping[str, str], key: str) -> None:
    """The first rows as a list a phone shows whole: who (row and name), and for each rule whether they count,
    why, and the next step, together; no sideways scrolling, so no status is ever shown without its name."""
    _ = page._
    rules = [column.removesuffix("_status") for column in chosen.columns if column.endswith("_status")]
    lines = []
    for record in chosen.head(LISTED_ROWS).to_dict("records"):
        who = _("Row {row}").format(row=record["row"])
        if record.get("name"):
            who = f"{who} · {record['name']}"
        parts = [f"**{fmt.md_escape(who)}**"]
        for rule in rules:
            said = [record.get(f"{rule}_reason") or "", record.get(f"{rule}_next") or ""]
            label, status = _(names[f"{rule}_status"]), record[f"{rule}_status"]
            parts.append(f"{fmt.md_escape(fmt.with_colon(label, page.lang))}{fmt.after_colon(page.lang)}"
                         f"**{fmt.md_escape(status)}** — " + fmt.md_escape(fmt.sentences(said, page.lang)))
        if record.get("problems"):
            parts.append(fmt.md_escape(f"{fmt.with_colon(_(names['problems']), page.lang)}{fmt.after_colon(page.lang)}"
                                       f"{record['problems']}"))
        lines.append("- " + "  \n  ".join(parts))
    with st.container(key=f"{key}_rows"):
        st.markdown("\n".join(lines))
    if len(chosen) > LISTED_ROWS:
        st.caption(fmt.md_escape(page.ngettext(
            "The first {shown} of {count} row; the table below and the download have every row.",
            "The first {shown} of {count} rows; the table below and the download have every row.", len(chosen)).format(
                shown=fmt.number(LISTED_ROWS, page.lang), count=fmt.number(len(chosen), page.lang))))


def downloads(page: Page, key: str, sheets: Callable[[], Mapping[str, pd.DataFrame]], stem: str) -> None:
    """Download the results as CSV (first sheet) and XLSX (every sheet), made when the button is pressed."""
    _ = page._

    def as_csv() -> bytes:
        return to_csv_bytes(next(iter(sheets().values())))

    def as_xlsx() -> bytes:
        return to_xlsx_bytes(sheets())

    with st.container(horizontal=True, key=f"{key}_downloads"):
        st.download_button(_("Download the results (CSV)"), as_csv, file_name=f"{stem}.csv", mime="text/csv",
                           key=f"{key}_csv", icon=":material/download:", on_click="ignore", type="primary")
        st.download_button(_("Download the results (XLSX)"), as_xlsx, file_name=f"{stem}.xlsx", mime=XLSX_MIME,
                           key=f"{key}_xlsx", icon=":material/download:", on_click="ignore")
    st.caption(fmt.md_escape(_("Cells that begin with =, +, - or @ are written with an apostrophe in front, so "
                               "Excel shows them as text and never runs them.")))
