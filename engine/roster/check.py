"""Check every person on a roster against row rules, and say in words why each counts or not.

One checker for every list the site reads: an employer's workers (:mod:`engine.roster.workers`), a
school's "two-after" students (:mod:`engine.roster.students`) and a broker's placed workers
(:mod:`engine.roster.placements`). A :class:`RosterKind` names the schema of the file, the row
rules (:mod:`engine.rules.rows`) and how derived facts are made (months from a start date). The
rules run over the whole roster at once; :func:`explain` turns each distinct combination of
status, unmet and unknown conditions into text once, so 100,000 rows cost little more than 100.
The policy counts identified people: a row whose ID number is filled in but wrong (check digit, date
of birth, length, an old 15-digit number, a number Excel mangled) or repeats an earlier row's does
not count toward any rule until it is corrected (an empty ID number is allowed).
Names and ID numbers are read only to show them back (ID numbers masked); nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from babel.lists import format_list

import i18n
from engine import policy
from engine.evaluate import params_on
from engine.messages import BABEL_LOCALES, Message, Text, message_of, render, sentences
from engine.policy import in_force
from engine.roster.cells import (
    TEMPLATE_EXAMPLE_NAME,
    TEMPLATE_NOTES_ROW,
    CellError,
    Column,
    Roster,
    Schema,
    read_roster,
)
from engine.rules.rows import (
    COUNTS,
    DOES_NOT_COUNT,
    FILL_IN,
    NOT_KNOWN,
    STATUS_TEXT,
    STEPS_TO_COUNT,
    TOO_LATE_TO_COUNT,
    RowRule,
)
from engine.steps import add_months
from i18n import N_

MONTHS_A_YEAR = 12  # unit conversion, for months counted from a start date
NAME_COLUMN, ID_COLUMN = ("name", N_("Name")), ("id", N_("ID number (masked)"))
PROBLEMS_COLUMN = ("problems", N_("Problems in this row"))
# Cell words of every roster's "registered poor" column, beside yes and no.
REGISTERED_WORDS = {
    **dict.fromkeys(("建档立卡", "建档立卡户", "建档立卡贫困户", "贫困户"), True),
    **dict.fromkeys(("非建档立卡", "非贫困户", "一般户"), False),
}
ID_HEADERS = ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "id", "id number")


# A made-up ID number for the templates' example row (sequence 000, never given to anyone; check digit right).
EXAMPLE_ID_NUMBER = "640422198001010004"


def name_column(field: str, *headers: str) -> Column:
    """A person's name: optional, read only to show it back; it marks the template's rows the reader skips."""
    return Column(field, "text", N_("Name (shown back as text, never kept)"), headers=(*headers, "name"),
                  en_header="Name", marks_template_rows=True)


def id_column(field: str) -> Column:
    """An ID number: optional, checked (GB 11643), shown masked; the same number twice counts once, and a
    row with a wrong number does not count until it is corrected."""
    return Column(field, "id_number", N_("ID number, 18 characters (optional; checked, shown masked)"),
                  headers=ID_HEADERS, unique=True, en_header="ID number",
                  example=(EXAMPLE_ID_NUMBER, EXAMPLE_ID_NUMBER))


DATE_AFTER_CHECK = N_("“{value}” is after the date of the check ({date}).")
# A row whose ID number is filled in but wrong: the reason (alone when the row would count otherwise; else
# before the row's own reasons) and the first next step. The cell's problem itself is in the problems column.
WRONG_ID_COUNTS_ONCE_CORRECTED = N_("The ID number is wrong (see the problems of this row): the row counts "
                                    "once it is corrected.")
WRONG_ID = N_("The ID number is wrong (see the problems of this row) and must be corrected.")
CORRECT_ID = N_("Correct the ID number.")


@dataclass(frozen=True)
class RosterKind:
    """What a kind of roster holds and which rules its rows are checked against.

    ``months``/``start_date``: a count of months, filled in from the start date where empty.
    ``derive`` adds facts made from the file's columns; ``source_column`` names, for each derived
    fact, the column a person fills in to settle it. ``rule_columns`` are (rule id, msgids of the
    status, reason and next-step columns).
    """

    schema: Schema
    rules: tuple[RowRule, ...]
    rule_columns: Mapping[str, tuple[str, str, str]]
    duplicate: str  # msgid: {first_row}
    template_fields: tuple[str, ...]
    name: str | None = None
    id_number: str | None = None
    months: str | None = None
    start_date: str | None = None
    derive: Callable[[pd.DataFrame], None] | None = None
    source_column: Mapping[str, str] = field(default_factory=dict)

    @property
    def result_columns(self) -> tuple[tuple[str, str], ...]:
        """(column id, msgid) of :func:`explain`'s table, in order."""
        columns = [("row", N_("Row"))]
        columns += [NAME_COLUMN] * (self.name is not None) + [ID_COLUMN] * (self.id_number is not None)
        for rule in self.rules:
            status, reason, step = self.rule_columns[rule.id]
            columns += [(f"{rule.id}_status", status), (f"{rule.id}_reason", reason), (f"{rule.id}_next", step)]
        return (*columns, PROBLEMS_COLUMN)


@dataclass(frozen=True)
class RosterCheck:
    """A checked roster: per row, each rule's status, the conditions unmet and unknown (bit masks).

    A row whose ID number is wrong or repeated does not count (its status); its unmet and unknown
    conditions stay its own, so :func:`explain` can say what else it lacks.
    """

    kind: RosterKind
    roster: Roster
    on: date
    facts: pd.DataFrame  # the roster's facts with the derived ones
    results: pd.DataFrame  # "<rule>.status", "<rule>.unmet", "<rule>.unknown", "<rule>.<param>"
    errors: tuple[CellError, ...]
    missing: tuple[str, ...]  # fields with no column in the file

    def __len__(self) -> int:
        return len(self.results)

    def count(self, rule: str, status: str) -> int:
        return int((self.results[f"{rule}.status"] == status).sum())

    def counts(self, rule: str) -> dict[str, int]:
        return {status: self.count(rule, status) for status in (COUNTS, DOES_NOT_COUNT, NOT_KNOWN)}

    @property
    def rows_with_problems(self) -> int:
        return len({error.row for error in self.errors})

    @property
    def wrong_id(self) -> np.ndarray:
        """Per row: whether its ID number is filled in but wrong (not counted until it is corrected)."""
        return wrong_ids(self.roster, self.kind)


def wrong_ids(roster: Roster, kind: RosterKind) -> np.ndarray:
    """Per row: whether the ID number cell is filled in but wrong (a bad cell that is not a repeat).

    A repeated number is a valid one (only valid numbers are compared), marked by ``duplicate_of``.
    """
    if kind.id_number is None or kind.id_number not in roster.bad:
        return np.zeros(len(roster), dtype=bool)
    return (roster.bad[kind.id_number] & roster.duplicate_of.isna()).to_numpy(dtype=bool)


def read(data: bytes, filename: str, kind: RosterKind, on: date) -> RosterCheck:
    """Read a roster file and check every row on ``on``; raises RosterError for the whole file."""
    return check(read_roster(data, filename, kind.schema), kind, on)


def check(roster: Roster, kind: RosterKind, on: date) -> RosterCheck:
    """Every row's status for each of the kind's rules, evaluated over the whole roster at once."""
    facts = roster.facts.copy()
    errors = list(roster.errors)
    missing = list(roster.missing)
    if kind.months is not None:
        errors += _fill_months(facts, roster, kind, on)
        errors.sort(key=lambda e: e.row)
        missing = [name for name in missing if name != kind.months]
        if kind.months not in roster.headers and kind.start_date not in roster.headers:
            missing.append(kind.months)
    if kind.derive is not None:
        kind.derive(facts)
    order = [column.name for column in kind.schema.columns]
    missing.sort(key=order.index)
    params = params_on(on)
    out: dict[str, Any] = {}
    not_counted = roster.duplicate_of.notna().to_numpy(dtype=bool) | wrong_ids(roster, kind)
    for rule in kind.rules:
        status, unmet, unknown, shown = _evaluate(rule, facts, params)
        status[not_counted] = DOES_NOT_COUNT
        if not in_force(on):
            status[:] = NOT_KNOWN
        out[f"{rule.id}.status"] = status
        out[f"{rule.id}.unmet"] = unmet
        out[f"{rule.id}.unknown"] = unknown
        for key, series in shown.items():
            out[f"{rule.id}.{key}"] = series
    results = pd.DataFrame(out, index=facts.index)
    return RosterCheck(kind, roster, on, facts, results, tuple(errors), tuple(missing))


def _fill_months(facts: pd.DataFrame, roster: Roster, kind: RosterKind, on: date) -> list[CellError]:
    """Whole months from the start date to ``on`` where the months cell is empty; a start after ``on`` is an error."""
    if kind.months not in facts:
        facts[kind.months] = pd.Series(pd.NA, index=facts.index, dtype="Int64")
    if kind.start_date not in facts:
        return []
    start, day = facts[kind.start_date], pd.Timestamp(on)
    late = start.notna() & (start > day)
    whole = ((day.year - start.dt.year) * MONTHS_A_YEAR + (day.month - start.dt.month)
             - (start.dt.day > day.day).astype(int))
    facts[kind.months] = facts[kind.months].fillna(whole.where(start.notna() & ~late).astype("Int64"))
    errors = []
    header = roster.headers[kind.start_date]
    for position in np.flatnonzero(late.to_numpy()):
        params = {"value": start.iat[position].date().isoformat(), "date": on.isoformat()}
        errors.append(CellError(int(roster.rows.iat[position]), header, DATE_AFTER_CHECK.format(**params),
                                DATE_AFTER_CHECK, params))
    return errors


def _evaluate(rule: RowRule, facts: pd.DataFrame, params: Mapping[str, Any]):
    size = len(facts)
    unmet = np.zeros(size, dtype=np.int64)
    unknown = np.zeros(size, dtype=np.int64)
    shown: dict[str, pd.Series] = {}
    for bit, condition in enumerate(rule.conditions):
        value = condition.test.many(facts, params).astype("boolean")
        unmet |= (~value).fillna(False).to_numpy(dtype=bool).astype(np.int64) << bit
        unknown |= value.isna().to_numpy(dtype=bool).astype(np.int64) << bit
        for key, expr in condition.params.items():
            shown[key] = pd.to_numeric(expr.many(facts, params), errors="coerce").astype("Float64")
    return _status(unmet, unknown), unmet, unknown, shown


def _status(unmet: np.ndarray, unknown: np.ndarray) -> np.ndarray:
    """A row's status from its unmet and unknown conditions (bit masks)."""
    return np.where(unmet > 0, DOES_NOT_COUNT, np.where(unknown > 0, NOT_KNOWN, COUNTS)).astype(object)


# ---------------------------------------------------------------------------------------------
# Words: each row's status, reason and next step in a language
# ---------------------------------------------------------------------------------------------

def column_name(check: RosterCheck, field: str, lang: str) -> str:
    """The column as the file calls it; the template's header when the file has none."""
    field = check.kind.source_column.get(field, field)
    if field in check.roster.headers:
        return check.roster.headers[field]
    column = check.kind.schema.by_name()[field]
    return column.header(i18n.normalize_locale(lang) == "zh_CN")


def _words(parts: list[str], lang: str) -> str:
    return format_list(parts, locale=BABEL_LOCALES[i18n.normalize_locale(lang)]) if parts else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe(rule: RowRule, check: RosterCheck, key: tuple, lang: str) -> tuple[str, str, str]:
    """Status text, reason and next step of one combination of (status, unmet, unknown, params…)."""
    status, unmet, unknown, *values = key
    params = {name: (None if pd.isna(v) else int(v)) for name, v in zip(_param_names(rule), values, strict=True)}

    def say(message: Text, **extra: Any) -> str:
        return render(message_of(message, {**params, **extra}), lang)

    status_text = i18n.gettext(lang, STATUS_TEXT[status])
    if status == COUNTS:
        return status_text, say(rule.all_met), ""
    failed = [c for bit, c in enumerate(rule.conditions) if unmet >> bit & 1]
    unsure = [c for bit, c in enumerate(rule.conditions) if unknown >> bit & 1]
    columns = [column_name(check, c.fact, lang) for c in unsure]
    fill_in = say(FILL_IN, columns=_words(list(dict.fromkeys(columns)), lang)) if unsure else ""
    if failed:
        reason = sentences((say(c.unmet) for c in failed), lang)
        fixes = [say(c.fix) for c in failed if c.fix]
        if len(fixes) < len(failed):  # something the list's owner cannot change
            return status_text, reason, ""
        if not _in_time(failed, params, check.on):
            late = say(TOO_LATE_TO_COUNT, end=policy.IN_FORCE_UNTIL.isoformat())
            return status_text, sentences([reason, late], lang), ""
        steps = _capital(say(STEPS_TO_COUNT, steps=_words(fixes, lang)))
        return status_text, reason, sentences([steps, fill_in], lang)
    reason = sentences((say(c.unknown, column=column) for c, column in zip(unsure, columns, strict=True)), lang)
    return status_text, reason, fill_in


def _describe_row(rule: RowRule, check: RosterCheck, key: tuple, lang: str) -> tuple[str, str, str]:
    """As :func:`_describe`; ``key`` ends with the status the row would have if its ID number were right
    ("" when it is not wrong). A wrong ID number comes first in the reason and the next step."""
    *key, own = key
    if not own:
        return _describe(rule, check, tuple(key), lang)
    status_text = i18n.gettext(lang, STATUS_TEXT[key[0]])
    correct = i18n.gettext(lang, CORRECT_ID)
    if own == COUNTS:
        return status_text, i18n.gettext(lang, WRONG_ID_COUNTS_ONCE_CORRECTED), correct
    _text, reason, step = _describe(rule, check, (own, *key[1:]), lang)
    return status_text, f"{i18n.gettext(lang, WRONG_ID)} {reason}".strip(), f"{correct} {step}".strip()


def _in_time(failed: list, params: dict[str, Any], on: date) -> bool:
    """Whether the fixes of the failed conditions can all be done by the policy's end: each wait its units, and an
    action (a contract signed, insurance paid, a training passed) on a day after the day assessed (reading
    action_after_day_assessed), so that on the policy's last day no action is in time."""
    values = params_on(on)
    months = 0
    for condition in failed:
        more = params.get(condition.wait) if condition.wait else None
        if more:
            unit = values[condition.wait_unit] if isinstance(condition.wait_unit, str) else condition.wait_unit
            months = max(months, more * unit)
    acts = any(condition.wait is None for condition in failed)
    return add_months(on, months) <= policy.IN_FORCE_UNTIL and not (acts and on >= policy.IN_FORCE_UNTIL)


def _param_names(rule: RowRule) -> list[str]:
    return [key for condition in rule.conditions for key in condition.params]


def explain(check: RosterCheck, lang: str) -> pd.DataFrame:
    """One row per person: row number, name, masked ID, each rule's status, reason and next step, problems.

    Columns are the ids of the kind's ``result_columns``. Texts are made once per distinct combination.
    """
    kind, facts = check.kind, check.roster.facts
    out: dict[str, Any] = {"row": check.roster.rows.to_numpy()}
    if kind.name is not None:
        out["name"] = facts[kind.name].fillna("").to_numpy(dtype=object) if kind.name in facts else ""
    if kind.id_number is not None:
        out["id"] = _masked(facts[kind.id_number]) if kind.id_number in facts else ""
    wrong = check.wrong_id
    for rule in kind.rules:
        columns = [f"{rule.id}.status", f"{rule.id}.unmet", f"{rule.id}.unknown",
                   *(f"{rule.id}.{name}" for name in _param_names(rule))]
        keys = check.results[columns].astype(object).where(check.results[columns].notna(), None)
        keys["own"] = pd.Series(_own_status(check, rule, wrong), index=keys.index, dtype=object)
        combos = keys.drop_duplicates()
        texts = {tuple(combo): _describe_row(rule, check, tuple(combo), lang)
                 for combo in combos.itertuples(index=False)}
        described = [texts[tuple(k)] for k in keys.itertuples(index=False)]
        out[f"{rule.id}_status"], out[f"{rule.id}_reason"], out[f"{rule.id}_next"] = (
            [d[i] for d in described] for i in range(3))
        _mark_duplicates(check, out, rule, lang)
    out["problems"] = _problems(check, lang)
    return pd.DataFrame(out, columns=[key for key, _label in kind.result_columns])


def _own_status(check: RosterCheck, rule: RowRule, wrong: np.ndarray) -> np.ndarray:
    """For each row with a wrong ID number, the status it would have if the number were right; else ""."""
    own = np.full(len(wrong), "", dtype=object)
    if wrong.any():
        unmet = check.results[f"{rule.id}.unmet"].to_numpy()[wrong]
        unknown = check.results[f"{rule.id}.unknown"].to_numpy()[wrong]
        own[wrong] = _status(unmet, unknown) if in_force(check.on) else NOT_KNOWN
    return own


def _masked(numbers: pd.Series) -> Any:
    """Checked ID numbers (always 18 characters) with the middle hidden, as :func:`engine.roster.mask_id` does."""
    text = numbers.astype("string")
    hidden = text.str[:4] + "*" * 10 + text.str[-4:]
    return hidden.fillna("").to_numpy(dtype=object)


def _mark_duplicates(check: RosterCheck, out: dict[str, Any], rule: RowRule, lang: str) -> None:
    duplicate_of = check.roster.duplicate_of
    for position in np.flatnonzero(duplicate_of.notna().to_numpy()):
        out[f"{rule.id}_status"][position] = i18n.gettext(lang, STATUS_TEXT[DOES_NOT_COUNT])
        out[f"{rule.id}_reason"][position] = render(
            Message(check.kind.duplicate, {"first_row": int(duplicate_of.iat[position])}), lang)
        out[f"{rule.id}_next"][position] = ""


def problem_text(error: CellError, lang: str) -> str:
    """A bad cell's problem in ``lang``."""
    if not error.message:
        return error.problem
    return i18n.gettext(lang, error.message).format(**error.params)


def _problems(check: RosterCheck, lang: str) -> list[str]:
    by_row: dict[int, list[str]] = {}
    for error in check.errors:
        by_row.setdefault(error.row, []).append(f"{error.column}: {problem_text(error, lang)}")
    return [" · ".join(by_row.get(int(row), ())) for row in check.roster.rows]


def errors_table(check: RosterCheck, lang: str) -> pd.DataFrame:
    """Every bad cell: row, column (as in the file) and the problem in ``lang``."""
    return pd.DataFrame(
        {"row": [e.row for e in check.errors], "column": [e.column for e in check.errors],
         "problem": [problem_text(e, lang) for e in check.errors]},
        columns=["row", "column", "problem"],
    )


def result_sheets(check: RosterCheck, lang: str, table: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Each row's result and the bad cells, headed in ``lang``: what a page downloads and what the command line
    writes (``table``: :func:`explain`'s table when the caller already has it)."""
    def _(message: str) -> str:
        return i18n.gettext(lang, message)

    table = explain(check, lang) if table is None else table
    problems = errors_table(check, lang).rename(
        columns={"row": _(N_("Row")), "column": _(N_("Column")), "problem": _(N_("Problem"))})
    return {_(N_("Results")): table.rename(columns={k: _(label) for k, label in check.kind.result_columns}),
            _(N_("Problems")): problems}


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

def template(kind: RosterKind, lang: str) -> pd.DataFrame:
    """The roster in ``lang``: its headers, a row saying what to write in each column (its allowed values)
    and an example row. Both rows begin with a mark in the name column (填写说明, 示例), so the reader
    skips them if they are left in (:data:`engine.roster.cells.TEMPLATE_ROW_MARKS`)."""
    columns = [kind.schema.by_name()[f] for f in kind.template_fields]
    chinese = i18n.normalize_locale(lang) == "zh_CN"
    if not any(c.marks_template_rows for c in columns):
        raise ValueError("a template needs the column that marks its notes and example rows")
    notes = [i18n.gettext(lang, TEMPLATE_NOTES_ROW if c.marks_template_rows else c.label) for c in columns]
    example = [i18n.gettext(lang, TEMPLATE_EXAMPLE_NAME) if c.marks_template_rows else c.example[0 if chinese else 1]
               for c in columns]
    return pd.DataFrame([notes, example], columns=[c.header(chinese) for c in columns])


def template_notes(kind: RosterKind, lang: str) -> pd.DataFrame:
    """What each template column holds, for the template's second sheet."""
    by_name = kind.schema.by_name()
    chinese = i18n.normalize_locale(lang) == "zh_CN"
    return pd.DataFrame({
        i18n.gettext(lang, N_("Column")): [by_name[f].header(chinese) for f in kind.template_fields],
        i18n.gettext(lang, N_("What to write")): [i18n.gettext(lang, by_name[f].label) for f in kind.template_fields],
    })


# ---------------------------------------------------------------------------------------------
# The summary: the count given to the benefit rules
# ---------------------------------------------------------------------------------------------

def summary(check: RosterCheck, rule: RowRule, results_for: Callable[[int], Mapping[str, dict]]) -> dict[str, Any]:
    """Counts per status of ``rule``, the benefit results for the count, and for the count if every
    row not known yet turned out to count (``if_all_known``, ``None`` when no row is unknown).

    ``results_for(count)`` evaluates the benefit rules (through :func:`engine.evaluate`) for a count.
    """
    counts = check.counts(rule.id)
    return {
        **counts, "rows": len(check), "rows_with_problems": check.rows_with_problems,
        "missing_columns": list(check.missing), "results": results_for(counts[COUNTS]),
        "if_all_known": results_for(counts[COUNTS] + counts[NOT_KNOWN]) if counts[NOT_KNOWN] else None,
    }
