"""A roster's cells checked a column at a time against a :class:`Schema`: one set of checks for every roster.

Headers may be aliases (Chinese headers such as 在岗月数, the English template's, the field's own name), cells
may be written in words (是/否, 一年以上 …) and ID numbers are checked against their GB 11643 check digit
(:mod:`engine.roster.id_numbers`). Each distinct cell text is checked once, so 100,000 rows cost little more
than a hundred. Each bad cell is reported with its row number as a spreadsheet shows it (the header is row 1)
and its column as written in the file, while the other cells and rows are still read. Problems are English
msgids with named parameters (``CellError.message``/``params``), translated by the UI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from engine.roster.files import WEB, Limits, RosterError, load_table
from engine.roster.id_numbers import check_id_numbers
from i18n import N_


@dataclass(frozen=True)
class CellError:
    row: int  # row number as a spreadsheet shows it (the header is row 1)
    column: str  # the column's header as written in the file
    problem: str  # in English
    message: str = ""  # msgid of the problem, with named params (empty: ``problem`` is the text)
    params: Mapping[str, Any] = field(default_factory=dict)



KINDS = ("bool", "int", "number", "enum", "date", "text", "id_number")
# Yes and no as people write them in a spreadsheet (after normalising: NFKC, lower case).
YES_NO: Mapping[str, bool] = {
    **dict.fromkeys(("true", "yes", "y", "1", "是", "有", "对", "已缴", "已缴纳", "已参保", "√", "✓"), True),
    **dict.fromkeys(("false", "no", "n", "0", "否", "无", "没有", "未缴", "未缴纳", "未参保", "×", "✗"), False),
}
# How the template's two rows before the data begin in the column that marks them (the name), in either
# language: the row saying what to write in each column, and the example. The reader skips such rows.
# TRANSLATORS: must begin with 填写说明 in Chinese (the reader recognises the row by it).
TEMPLATE_NOTES_ROW = N_("How to fill in: this row and the example row below are not checked; you may delete them")
# TRANSLATORS: must begin with 示例 in Chinese (the reader recognises the row by it); a made-up name.
TEMPLATE_EXAMPLE_NAME = N_("Example: Zhang San")
TEMPLATE_ROW_MARKS = ("填写说明", "示例", "how to fill in", "example")


@dataclass(frozen=True)
class Column:
    """One column a roster may have: its field name, what it holds, and the headers accepted for it.

    ``values`` maps words (normalised: NFKC, lower case, single spaces) to the value they mean, for
    ``bool`` (added to :data:`YES_NO`) and ``enum`` columns; an enum's own values are always accepted.
    ``en_header`` is the English template's header (accepted too); ``example`` the template's example
    cell, in the Chinese and the English template. A column that ``marks_template_rows`` (the name)
    starts the template's two marked rows (:data:`TEMPLATE_ROW_MARKS`), which the reader skips.
    """

    name: str
    kind: str
    label: str  # msgid: what the column holds
    headers: tuple[str, ...] = ()  # other headers accepted; the first is the Chinese template header
    values: Mapping[str, Any] = field(default_factory=dict)
    choices: tuple[str, ...] = ()  # an enum's values
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    unique: bool = False  # an ID number that must not appear twice
    convert: Callable[[pd.Series], pd.Series] | None = None  # normalised words → other words, before lookup
    en_header: str = ""
    example: tuple[str, str] = ("", "")  # (Chinese template, English template)
    marks_template_rows: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")

    @property
    def zh_header(self) -> str:
        return self.headers[0] if self.headers else self.name

    def header(self, chinese: bool) -> str:
        """The template's header: Chinese, or English words (the field name for a column without them)."""
        return self.zh_header if chinese else (self.en_header or self.name)

    def words(self) -> dict[str, Any]:
        """Every word accepted in a cell, normalised, and the value it means."""
        found: dict[str, Any] = {}
        if self.kind == "bool":
            found.update(YES_NO)
        for choice in self.choices:
            found[normalise_word(choice)] = choice
        for word, value in self.values.items():
            found[normalise_word(word)] = value
        return found


@dataclass(frozen=True)
class Schema:
    """The columns a kind of roster may have. ``short_names``: a column's field is also accepted by the last
    part of its name (``months`` for ``worker.months``); off where two fields end alike (the persons' roster)."""

    columns: tuple[Column, ...]
    short_names: bool = True

    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    def header_names(self) -> dict[str, str]:
        """Every accepted header, normalised → field name (the field name and its last part too)."""
        found: dict[str, str] = {}
        for column in self.columns:
            short = column.name.rsplit(".", 1)[-1] if self.short_names else ""
            for header in (column.name, short, column.en_header, *column.headers):
                if header:
                    found[normalise_header(header)] = column.name
        return found


@dataclass(frozen=True)
class Roster:
    """A roster read with a schema: typed facts, the bad cells, and what the headers gave.

    ``facts`` has one column per field found (nullable dtypes; a bad or empty cell is ``NA``) and
    ``rows`` each row's number in the file; both share a 0-based index. ``bad`` marks the bad cells.
    """

    facts: pd.DataFrame
    rows: pd.Series
    errors: tuple[CellError, ...]
    bad: pd.DataFrame
    headers: Mapping[str, str]  # field name → its header as written in the file
    missing: tuple[str, ...]  # required fields with no column
    extra: tuple[str, ...]  # headers that were not used
    duplicate_of: pd.Series  # row number of an earlier row with the same ID number, else NA
    skipped: tuple[int, ...] = ()  # file row numbers of the template's marked rows (what to write, example)

    def __len__(self) -> int:
        return len(self.facts)


def normalise_word(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", unicodedata.normalize("NFKC", str(text)).strip().lower())


def normalise_header(text: str) -> str:
    return re.sub(r"[\s_\-*:：()（）]+", "", unicodedata.normalize("NFKC", str(text)).strip().lower())


def read_roster(data: bytes, filename: str, schema: Schema, limits: Limits = WEB) -> Roster:
    """Read and check a roster file against ``schema``; raises :class:`RosterError` for the whole file."""
    return check_table(load_table(data, filename, limits), schema)


def check_table(table: pd.DataFrame, schema: Schema) -> Roster:
    """Check a table of text cells (index: file row numbers) against ``schema``."""
    names = schema.header_names()
    headers: dict[str, str] = {}
    extra: list[str] = []
    for header in table.columns:
        name = names.get(normalise_header(header))
        if name is None:
            if header:
                extra.append(header)
            continue
        if name in headers:
            raise RosterError(N_("Two columns give the same thing: “{first}” and “{second}”. Keep one of them."),
                              first=headers[name], second=header)
        headers[name] = header
    if not headers:
        expected = "、".join(c.zh_header for c in schema.columns if c.required)
        raise RosterError(N_("No column of the file is known. The first row must hold headers such as "
                             "{expected} (download the template)."), expected=expected)
    by_name = schema.by_name()
    marking = next((header for name, header in headers.items() if by_name[name].marks_template_rows), None)
    table, skipped = _without_template_rows(table, marking)
    rows = pd.Series(table.index.to_numpy(dtype="int64"), dtype="int64")
    index = pd.RangeIndex(len(table))
    facts: dict[str, pd.Series] = {}
    bad: dict[str, pd.Series] = {}
    errors: list[CellError] = []
    duplicate_of = pd.Series(pd.NA, index=index, dtype="Int64")
    for name, header in headers.items():
        column = by_name[name]
        raw = table[header].astype(str).reset_index(drop=True)
        value, problem, params = _check_column(raw, column)
        if column.unique:
            duplicate_of = _duplicates(value, rows)
            repeated = duplicate_of.notna()
            problem = problem.mask(repeated, N_("The same ID number is in row {first_row}."))
            params = params.copy()
            params[repeated] = [{"first_row": int(r)} for r in duplicate_of[repeated]]  # few rows: only repeats
        facts[name] = value
        failed = problem.notna()
        bad[name] = failed
        errors.extend(_cell_errors(rows, header, raw, problem, params))
    errors.sort(key=lambda e: (e.row, list(headers.values()).index(e.column)))
    missing = tuple(c.name for c in schema.columns if c.required and c.name not in headers)
    return Roster(
        facts=pd.DataFrame(facts, index=index), rows=rows, errors=tuple(errors),
        bad=pd.DataFrame(bad, index=index), headers=headers, missing=missing, extra=tuple(extra),
        duplicate_of=duplicate_of, skipped=skipped,
    )


def _without_template_rows(table: pd.DataFrame, marking: str | None) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """The table without the template's marked rows (:data:`TEMPLATE_ROW_MARKS` at the start of the column
    headed ``marking``), and their row numbers."""
    if marking is None or table.empty:
        return table, ()
    start = table[marking].astype(str).str.lstrip().str.slice(0, 16).str.normalize("NFKC").str.lower()
    marked = start.str.startswith(TEMPLATE_ROW_MARKS).to_numpy()
    if not marked.any():
        return table, ()
    return table[~marked], tuple(int(row) for row in table.index[marked])


def _check_column(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Check each distinct cell text once (a roster repeats 是/否 and month counts), then spread back."""
    if column.kind in ("text", "id_number"):
        return _CHECKS[column.kind](raw, column)
    codes, uniques = pd.factorize(raw, use_na_sentinel=False)
    value, problem, params = _CHECKS[column.kind](pd.Series(uniques, dtype=object).astype(str), column)
    value = pd.Series(value.array.take(codes), index=raw.index)  # take: in C, Arrow strings included
    if problem.isna().all():  # the usual column: no bad cell, nothing to spread
        nothing = np.full(len(raw), None, dtype=object)
        return value, pd.Series(nothing, index=raw.index, copy=False), pd.Series(nothing, index=raw.index, copy=False)
    return (value, pd.Series(problem.to_numpy()[codes], index=raw.index),
            pd.Series(params.to_numpy()[codes], index=raw.index))


def _cell_errors(rows: pd.Series, header: str, raw: pd.Series, problem: pd.Series,
                 params: pd.Series) -> list[CellError]:
    found = []
    positions = np.flatnonzero(problem.notna().to_numpy())
    if not len(positions):
        return found
    messages, extras, numbers = (problem.to_numpy(), params.to_numpy(), rows.to_numpy())
    texts = dict(zip(positions.tolist(), raw.iloc[positions].tolist(), strict=True))  # only the bad cells' texts
    for position in positions:
        message = messages[position]
        extra = extras[position]
        values = {"value": texts[position].strip(), **(extra if isinstance(extra, dict) else {})}
        found.append(CellError(int(numbers[position]), header, message.format(**values), message, values))
    return found


def _empty_problems(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    return (pd.Series(None, index=raw.index, dtype=object), pd.Series(None, index=raw.index, dtype=object))


def _normalised(raw: pd.Series) -> pd.Series:
    return (raw.str.normalize("NFKC").str.strip().str.lower()
            .str.replace(r"[\s_\-]+", " ", regex=True))


Check = Callable[[pd.Series, Column], tuple[pd.Series, pd.Series, pd.Series]]


def _check_words(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    words = column.words()
    key = _normalised(raw)
    if column.convert is not None:
        key = column.convert(key)
    value = key.map(words)
    unknown = value.isna() & key.ne("")
    problem, params = _empty_problems(raw)
    if column.kind == "bool":
        problem[unknown] = N_("“{value}” is not yes or no: write 是 or 否 (yes or no).")
        return value.astype("boolean"), problem, params
    problem[unknown] = N_("“{value}” is not a known value: write one of {choices}.")
    choices = " / ".join(_display_words(column))
    params[unknown] = pd.Series([{"choices": choices}] * int(unknown.sum()), index=raw.index[unknown], dtype=object)
    return value.astype("string"), problem, params


def _display_words(column: Column) -> list[str]:
    """One Chinese word per choice (the first alias that maps to it), then the choice's own name."""
    shown = []
    for choice in column.choices:
        chinese = next((w for w, v in column.values.items() if v == choice and not w.isascii()), None)
        shown.append(f"{chinese} ({choice})" if chinese else choice)
    return shown


def _check_int(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Whole numbers (a count of months, of people); a unit after the number (个月, 人, months) is allowed."""
    number, problem, params = _check_number(raw, column, whole=True)
    return number.round().astype("Int64"), problem, params


def _check_number(raw: pd.Series, column: Column, whole: bool = False) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Numbers (years of contributions, yuan), within the column's bounds; thousands separators allowed."""
    text = (raw.str.normalize("NFKC").str.strip().str.replace(",", "", regex=False)
            .str.replace(r"\s*(个月|月|个|人|months?|mo)$", "", regex=True))
    number = pd.to_numeric(text, errors="coerce")
    number = number.where(np.isfinite(number.astype("float64")))  # "inf" and "nan" are not numbers a person writes
    empty = text.eq("")
    problem, params = _empty_problems(raw)
    problem[number.isna() & ~empty] = N_("“{value}” is not a number.")
    known = number.notna()
    if whole:
        problem[known & (number % 1 != 0)] = N_("“{value}” is not a whole number.")
    if column.minimum is not None:
        problem[known & (number < column.minimum)] = (
            N_("“{value}” is negative; it must be 0 or more.") if column.minimum == 0
            else N_("“{value}” is below {minimum}."))
    if column.maximum is not None:
        problem[known & (number > column.maximum)] = N_("“{value}” is more than {maximum}.")
    limits = {"minimum": _plain(column.minimum), "maximum": _plain(column.maximum)}
    failed = problem.notna()
    params[failed] = pd.Series([limits] * int(failed.sum()), index=raw.index[failed], dtype=object)
    return number.where(~failed).astype("Float64"), problem, params


def _plain(number: float | None) -> Any:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


DATE_PATTERN = (r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
                r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
COMPACT_DATE = r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"


def _check_date(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    text = raw.str.normalize("NFKC").str.strip()
    parts = text.str.extract(DATE_PATTERN)
    compact = text.str.extract(COMPACT_DATE)
    parts = parts.fillna(compact)
    day = pd.to_datetime(
        {"year": pd.to_numeric(parts["y"]), "month": pd.to_numeric(parts["m"]), "day": pd.to_numeric(parts["d"])},
        errors="coerce",
    )
    problem, params = _empty_problems(raw)
    problem[day.isna() & text.ne("")] = N_("“{value}” is not a date: write it as 2019-03-01.")
    return day.astype("datetime64[ns]"), problem, params


def _check_text(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    problem, params = _empty_problems(raw)
    value = raw.str.strip()
    return value.mask(value.eq("")).astype("string"), problem, params


_CHECKS: dict[str, Check] = {
    "bool": _check_words, "enum": _check_words, "int": _check_int, "number": _check_number,
    "date": _check_date, "text": _check_text, "id_number": check_id_numbers,
}


def _duplicates(value: pd.Series, rows: pd.Series) -> pd.Series:
    """For each row whose value appeared in an earlier row, that earlier row's number."""
    out = pd.Series(pd.NA, index=value.index, dtype="Int64")
    known = np.flatnonzero(value.notna().to_numpy())
    if not len(known):
        return out
    codes, uniques = pd.factorize(value.to_numpy()[known])
    first = np.empty(len(uniques), dtype=np.int64)
    first[codes[::-1]] = known[::-1]  # written last to first: each value keeps its first position
    first_position = first[codes]
    repeated = first_position != known
    out.iloc[known[repeated]] = rows.to_numpy()[first_position[repeated]]
    return out


