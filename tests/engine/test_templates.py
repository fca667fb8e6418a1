"""The roster templates a workshop owner, a school and a broker download: headers in Chinese or in English
words, a row saying what to write (the allowed values) and an example row. Filled in and uploaded as they
come, the two marked rows are skipped, and the example row itself is a row that counts."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from engine.roster.cells import TEMPLATE_ROW_MARKS, normalise_header
from engine.roster.check import RosterKind, read, template, template_notes
from engine.roster.downloads import to_csv_bytes, to_xlsx_bytes
from engine.roster.placements import PLACEMENTS
from engine.roster.students import STUDENTS
from engine.roster.workers import WORKERS
from i18n import gettext

ON = date(2019, 12, 31)
KINDS = {"workers": WORKERS, "students": STUDENTS, "placements": PLACEMENTS}
LANGS = ("zh_CN", "en")
CASES = [(name, lang) for name in KINDS for lang in LANGS]


def as_file(frame: pd.DataFrame, kind: RosterKind, lang: str, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv_bytes(frame)
    return to_xlsx_bytes({"roster": frame, "notes": template_notes(kind, lang)})


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(("name", "lang"), CASES)
def test_a_template_uploaded_as_it_comes_has_no_rows_and_no_problems(name, lang, fmt):
    kind = KINDS[name]
    result = read(as_file(template(kind, lang), kind, lang, fmt), f"t.{fmt}", kind, ON)
    assert len(result) == 0
    assert result.errors == ()
    assert result.roster.skipped == (2, 3)
    assert result.missing == ()
    assert result.roster.extra == ()


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_example_row_under_a_real_name_is_checked_and_counts(name, lang):
    kind = KINDS[name]
    frame = template(kind, lang)
    name_header = frame.columns[0]
    frame.loc[2] = frame.loc[1]
    frame.loc[2, name_header] = "马某"
    result = read(to_csv_bytes(frame), "t.csv", kind, ON)
    assert result.roster.skipped == (2, 3)
    assert result.errors == ()
    assert list(result.roster.rows) == [4]  # row numbers stay the file's
    for rule in kind.rules:
        assert result.results[f"{rule.id}.status"].tolist() == ["counts"], rule.id


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_the_notes_row_gives_every_column_its_allowed_values(name, lang):
    kind = KINDS[name]
    notes, example = template(kind, lang).iloc[0], template(kind, lang).iloc[1]
    by_name = kind.schema.by_name()
    for field, note in zip(kind.template_fields, notes, strict=True):
        column = by_name[field]
        if column.marks_template_rows:
            continue
        assert note == gettext(lang, column.label)
        if column.required:
            assert example[column.header(lang == "zh_CN")] != "", field


@pytest.mark.parametrize("lang", LANGS)
def test_the_marked_rows_begin_with_a_mark_in_each_language(lang):
    frame = template(WORKERS, lang)
    for cell in frame.iloc[:, 0]:
        assert cell.lower().replace("：", ":").startswith(TEMPLATE_ROW_MARKS), cell


def test_english_templates_have_headers_in_words():
    for kind in KINDS.values():
        for header in template(kind, "en").columns:
            assert not set(header) & {".", "_"}, header
            assert header[0].isupper(), header


@pytest.mark.parametrize("name", KINDS)
def test_no_header_is_taken_by_two_columns(name):
    seen: dict[str, str] = {}
    for column in KINDS[name].schema.columns:
        for header in {column.name, column.name.rsplit(".", 1)[-1], column.en_header, *column.headers} - {""}:
            key = normalise_header(header)
            assert seen.setdefault(key, column.name) == column.name, (header, column.name, seen[key])


def test_a_real_row_is_never_taken_for_a_marked_one():
    kind = WORKERS
    frame = template(kind, "zh_CN").iloc[0:0].copy()
    frame.loc[0] = ["马示例", "", "是", "14", "", "一年以上", "是"]  # a mark inside a name is no mark
    result = read(to_csv_bytes(frame), "t.csv", kind, ON)
    assert result.roster.skipped == ()
    assert len(result) == 1
