"""Hostile uploads through the employers' page (AppTest, both languages): each whole-file problem is an error
message in the visitor's language, never a traceback; formulas and ``<script>`` in names come back as text in
the table and are never markup. The engine's side of the corpus is tests/engine/test_hostile_uploads.py."""

from __future__ import annotations

import io
import random
import zipfile

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from engine.roster import sandbox
from engine.roster.files import SHEET_TOO_LARGE, TOO_LONG_CELL, UNPACKS_TOO_BIG
from i18n import LOCALES
from tests.app.pages_under_test import open_page, t

HEADER = "姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
SCRIPT = "<script>alert('x')</script>"
FORMULA = "=cmd|' /C calc'!A0"



def open_employer(lang: str) -> AppTest:
    return open_page(lang, "pages/employer.py")


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="emp_roster_file").set_value((name, data, "application/octet-stream"))
    at.run()
    assert not at.exception, "a traceback was shown"
    return at


def errors(at: AppTest) -> str:
    return "\n".join(e.value for e in at.error).replace("\\", "")


def workbook_with(name: str, change) -> bytes:
    """A two-header workbook whose zip member ``name`` is ``change(content)`` (``b""`` when it had none)."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "在岗月数"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename != name:
                archive.writestr(member.filename, source.read(member.filename))
        archive.writestr(name, change(source.read(name) if name in source.namelist() else b""))
    return out.getvalue()


def zip_bomb() -> bytes:
    return workbook_with("xl/sharedStrings.xml", lambda _: b"<sst>" + b" " * 100_000_000 + b"</sst>")


def far_cell_quoted() -> bytes:
    return workbook_with("xl/worksheets/sheet1.xml", lambda sheet: sheet.replace(
        b"</sheetData>", b"<row r='1048576'><c r='XFD1048576'><v>5</v></c></row></sheetData>"))


random.seed(3)
CASES = {
    "garbage": ("roster.csv", bytes(random.getrandbits(8) for _ in range(50_000)),
                "The file is neither a CSV text file nor an XLSX workbook."),
    "a 5 MB cell": ("roster.csv", (HEADER + "\n马" + "x" * 5_000_000 + ",,是,14,一年以上,是\n").encode(), TOO_LONG_CELL),
    "a zip bomb named .xlsx": ("名册.xlsx", zip_bomb(), UNPACKS_TOO_BIG),
    "1,000,000 rows": ("roster.csv", ("在岗月数\n" + "12\n" * 1_000_000).encode(),
                       "The file has more than {limit} rows."),
    # Issue 27: a cell at XFD1048576 behind single quotes made calamine ask for 512 GB and abort the server.
    "a far cell in single quotes": ("名册.xlsx", far_cell_quoted(), SHEET_TOO_LARGE),
}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(("name", "data", "message"), CASES.values(), ids=CASES.keys())
def test_a_hostile_file_gets_a_message_in_the_language(lang, name, data, message):
    at = upload(open_employer(lang), name, data)
    said = errors(at)
    prefix = t(lang, message).split("{", 1)[0]
    assert prefix, message
    assert prefix in said, said
    assert not at.dataframe  # no result table from a refused file


@pytest.mark.parametrize("lang", LOCALES)
def test_formulas_and_scripts_in_names_are_shown_as_text(lang):
    rows = [f'"{SCRIPT}",,是,14,一年以上,是', f"\"{FORMULA}\",,是,14,一年以上,是", "@SUM(1),,是,14,一年以上,是"]
    at = upload(open_employer(lang), "roster.csv", (HEADER + "\n" + "\n".join(rows) + "\n").encode())
    (results,) = (frame.value for frame in at.dataframe)
    assert results.iloc[:, 1].tolist() == [SCRIPT, FORMULA, "@SUM(1)"]
    for element in (*at.markdown, *at.caption, *at.error, *at.warning, *at.info):
        assert "<script>" not in element.value  # markdown gets the name escaped, never as HTML


@pytest.mark.parametrize("lang", LOCALES)
def test_a_reader_that_fails_in_its_child_is_a_message_and_the_page_goes_on(lang, monkeypatch):
    """Whatever stops the reader (here, a reader slower than its time allows), the page says the file could not be
    read, in the visitor's language, and the next file is read as usual (issue 27)."""
    at = open_employer(lang)
    monkeypatch.setattr(sandbox, "WEB", sandbox.Bounds(memory=sandbox.WEB.memory, cpu_seconds=10, wall_seconds=1e-6))
    from engine.roster import files  # noqa: PLC0415 - the default bound was read when files was imported

    monkeypatch.setattr(files.load_table, "__defaults__", (*files.load_table.__defaults__[:-1], sandbox.WEB))
    upload(at, "roster.csv", (HEADER + f"\n马{lang}一,,是,14,一年以上,是\n").encode())  # not cached: new
    assert t(lang, sandbox.FAILED).split("。")[0].split(":")[0] in errors(at)
    assert not at.dataframe
    monkeypatch.undo()
    at = upload(open_employer(lang), "roster.csv", (HEADER + f"\n马{lang}二,,是,14,一年以上,是\n").encode())
    assert not errors(at)
    assert at.dataframe
