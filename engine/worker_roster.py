"""An employer's roster of workers: which count toward the workshop grant (二) and the SME subsidy (五).

:func:`read_workers` reads a CSV or XLSX file with :func:`engine.roster.read_roster` and the
:data:`WORKER_SCHEMA` (Chinese headers and cell words accepted), then evaluates the per-worker rules
of :mod:`engine.rules.workers` over every row at once. :func:`explain` gives each row's status,
reason and smallest next step as text in a language; :func:`summarise` gives the counts to the
benefit rules through :func:`engine.evaluate`, so the band, the grant and the subsidy are the same
as on the calculators. Names and ID numbers are read only to show them back (ID numbers masked);
nothing is written anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
from babel.lists import format_list

import i18n
from engine.evaluate import ELIGIBLE, evaluate, params_on
from engine.messages import BABEL_LOCALES, Message, render
from engine.policy import in_force
from engine.roster import CellError, Column, Roster, Schema, normalise_word, read_roster
from engine.rules.workers import (
    ALL_MET,
    ALL_MET_SME,
    CONTRACT,
    CONTRACT_LENGTH,
    COUNTS,
    DOES_NOT_COUNT,
    DUPLICATE,
    FILL_IN,
    MONTHS,
    NOT_KNOWN,
    SME,
    SOURCE_COLUMN,
    STATUS_TEXT,
    STEPS_TO_COUNT,
    WORKER_RULES,
    WORKSHOP,
    WorkerRule,
)
from i18n import N_

NAME, ID_NUMBER, START_DATE = "worker.name", "worker.id_number", "worker.start_date"
MONTHS_A_YEAR = 12  # unit conversion for contract lengths written as years ("3年")

CONTRACT_WORDS = {
    **dict.fromkeys(("无", "没有", "否", "未签", "未签订", "无合同", "未签合同", "no", "no contract"), "none"),
    **dict.fromkeys(("是", "有", "已签", "已签订", "签订", "yes", "signed"), "signed"),
    **dict.fromkeys(("不满一年", "不满1年", "半年", "一年以下", "1年以下", "不足一年", "不足1年", "少于一年", "少于1年", "under 1 year",
                     "less than 1 year", "less than a year"), "under_1_year"),
    **dict.fromkeys(("一年以上", "1年以上", "一年及以上", "1年及以上", "一年或以上", "满一年", "满1年",
                     "无固定期限", "1 year or more", "a year or more", "one year or more", "open ended"),
                    "1_year_or_more"),
}
REGISTERED_WORDS = {
    **dict.fromkeys(("建档立卡", "建档立卡户", "建档立卡贫困户", "贫困户"), True),
    **dict.fromkeys(("非建档立卡", "非贫困户", "一般户"), False),
}

def _contract_words(text: pd.Series) -> pd.Series:
    """Contract lengths written as a duration ("3年", "6个月", "两年") turned into the words for them."""
    number = text.str.extract(r"^(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十])\s*(?P<unit>年|个月|月|years?|months?)(?:期)?$")
    chinese = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
    amount = pd.to_numeric(number["n"].replace(chinese), errors="coerce")
    in_months = amount.where(~number["unit"].str.startswith(("年", "year"), na=False), amount * MONTHS_A_YEAR)
    word = pd.Series(pd.NA, index=text.index, dtype="object")
    word[in_months >= MONTHS_A_YEAR] = normalise_word("1_year_or_more")
    word[in_months < MONTHS_A_YEAR] = normalise_word("under_1_year")
    return text.where(word.isna(), word)


WORKER_SCHEMA = Schema((
    Column(NAME, "text", N_("Name (shown back as text, never kept)"),
           headers=("姓名", "名字", "职工姓名", "员工姓名", "name")),
    Column(ID_NUMBER, "id_number", N_("ID number, 18 characters (optional; checked, shown masked)"),
           headers=("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "id", "id number"), unique=True),
    Column("worker.registered_poor", "bool", N_("Registered poor worker (建档立卡): 是 or 否"),
           headers=("是否建档立卡", "是否建档立卡贫困劳动力", "建档立卡", "是否贫困劳动力", "是否建档立卡贫困户",
                    "registered poor"),
           values=REGISTERED_WORDS, required=True),
    Column(MONTHS, "int", N_("Months with you without a break (a whole number)"),
           headers=("在岗月数", "连续在岗月数", "连续就业月数", "就业月数", "工作月数", "months with you"),
           minimum=0, maximum=1200),
    Column(START_DATE, "date", N_("Start date, such as 2019-03-01 (optional: used when months is empty)"),
           headers=("入职日期", "入职时间", "用工日期", "start date")),
    Column(CONTRACT, "enum", N_("Labour contract: 无, 不满一年, 一年以上 (or 是 when its length is not known)"),
           headers=("劳动合同", "劳动合同期限", "合同期限", "是否签订劳动合同", "签订劳动合同", "contract"),
           choices=("none", "under_1_year", "1_year_or_more", "signed"), values=CONTRACT_WORDS, required=True,
           convert=_contract_words),
    Column("worker.social_insurance", "bool", N_("Social insurance paid for the worker: 是 or 否"),
           headers=("是否缴纳社保", "缴纳社保", "是否缴纳社会保险", "社会保险", "社保", "social insurance"),
           required=True),
))

# Columns of the result table, by id; the UI translates the labels.
RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("row", N_("Row")),
    ("name", N_("Name")),
    ("id", N_("ID number (masked)")),
    ("workshop_status", N_("Workshop grant (二)")),
    ("workshop_reason", N_("Why (二)")),
    ("workshop_next", N_("Next step (二)")),
    ("sme_status", N_("SME subsidy (五)")),
    ("sme_reason", N_("Why (五)")),
    ("sme_next", N_("Next step (五)")),
    ("problems", N_("Problems in this row")),
)
DATE_AFTER_CHECK = N_("“{value}” is after the date of the check ({date}).")
MISSING_COLUMN_NOTE = N_("No column for {columns}: every row needs it.")


@dataclass(frozen=True)
class WorkerCheck:
    """A checked roster: per row, each rule's status, the conditions unmet and unknown (bit masks)."""

    roster: Roster
    on: date
    facts: pd.DataFrame  # the roster's facts with derived ones (months from the start date, contract length)
    results: pd.DataFrame  # "<rule>.status", "<rule>.unmet", "<rule>.unknown", "<rule>.<param>"
    errors: tuple[CellError, ...]
    missing: tuple[str, ...]  # fields with no column in the file

    def __len__(self) -> int:
        return len(self.results)

    def count(self, rule: str, status: str) -> int:
        return int((self.results[f"{rule}.status"] == status).sum())

    @property
    def rows_with_problems(self) -> int:
        return len({error.row for error in self.errors})


def read_workers(data: bytes, filename: str, on: date) -> WorkerCheck:
    """Read a roster file and check every worker on ``on``; raises RosterError for the whole file."""
    return check_workers(read_roster(data, filename, WORKER_SCHEMA), on)


def check_workers(roster: Roster, on: date) -> WorkerCheck:
    """Every worker's status for articles (二) and (五), evaluated over the whole roster at once."""
    facts = roster.facts.copy()
    errors = list(roster.errors)
    if MONTHS not in facts:
        facts[MONTHS] = pd.Series(pd.NA, index=facts.index, dtype="Int64")
    if START_DATE in facts:
        facts[MONTHS], late = _months_from_start(facts[MONTHS], facts[START_DATE], on)
        header = roster.headers[START_DATE]
        for position in np.flatnonzero(late.to_numpy()):
            value = facts[START_DATE].iat[position].date().isoformat()
            params = {"value": value, "date": on.isoformat()}
            errors.append(CellError(int(roster.rows.iat[position]), header,
                                    DATE_AFTER_CHECK.format(**params), DATE_AFTER_CHECK, params))
        errors.sort(key=lambda e: e.row)
    if CONTRACT in facts:
        facts[CONTRACT_LENGTH] = facts[CONTRACT].mask(facts[CONTRACT] == "signed")
    missing = [name for name in roster.missing if name != MONTHS]
    if MONTHS not in roster.headers and START_DATE not in roster.headers:
        missing.append(MONTHS)
    order = [column.name for column in WORKER_SCHEMA.columns]
    missing.sort(key=order.index)
    params = params_on(on)
    out: dict[str, Any] = {}
    duplicate = roster.duplicate_of.notna().to_numpy()
    for rule in WORKER_RULES:
        status, unmet, unknown, shown = _evaluate(rule, facts, params)
        status[duplicate] = DOES_NOT_COUNT
        out[f"{rule.id}.status"] = status
        out[f"{rule.id}.unmet"] = unmet
        out[f"{rule.id}.unknown"] = unknown
        for key, series in shown.items():
            out[f"{rule.id}.{key}"] = series
    results = pd.DataFrame(out, index=facts.index)
    if not in_force(on):
        for rule in WORKER_RULES:
            results[f"{rule.id}.status"] = NOT_KNOWN
    return WorkerCheck(roster, on, facts, results, tuple(errors), tuple(missing))


def _months_from_start(months: pd.Series, start: pd.Series, on: date) -> tuple[pd.Series, pd.Series]:
    """Whole months from the start date to ``on``, where the months cell is empty; and starts after ``on``."""
    day = pd.Timestamp(on)
    late = start.notna() & (start > day)
    whole = ((day.year - start.dt.year) * MONTHS_A_YEAR + (day.month - start.dt.month)
             - (start.dt.day > day.day).astype(int))
    derived = whole.where(start.notna() & ~late).astype("Int64")
    return months.fillna(derived), late


def _evaluate(rule: WorkerRule, facts: pd.DataFrame, params: Mapping[str, Any]):
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
    status = np.where(unmet > 0, DOES_NOT_COUNT, np.where(unknown > 0, NOT_KNOWN, COUNTS)).astype(object)
    return status, unmet, unknown, shown


# ---------------------------------------------------------------------------------------------
# Words: each row's status, reason and next step in a language
# ---------------------------------------------------------------------------------------------

def column_name(check: WorkerCheck, field: str, lang: str) -> str:
    """The column as the file calls it; the template's header when the file has none."""
    field = SOURCE_COLUMN.get(field, field)
    if field in check.roster.headers:
        return check.roster.headers[field]
    column = WORKER_SCHEMA.by_name()[field]
    return column.zh_header if i18n.normalize_locale(lang) == "zh_CN" else column.name


def _words(parts: list[str], lang: str) -> str:
    return format_list(parts, locale=BABEL_LOCALES[i18n.normalize_locale(lang)]) if parts else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe(rule: WorkerRule, check: WorkerCheck, key: tuple, lang: str) -> tuple[str, str, str]:
    """Status text, reason and next step of one combination of (status, unmet, unknown, params…)."""
    status, unmet, unknown, *values = key
    params = {name: (None if pd.isna(v) else int(v)) for name, v in zip(_param_names(rule), values, strict=True)}

    def say(message_id: str, **extra: Any) -> str:
        return render(Message(message_id, {**params, **extra}), lang)

    status_text = i18n.gettext(lang, STATUS_TEXT[status])
    if status == COUNTS:
        reason = say(ALL_MET if rule is WORKSHOP else ALL_MET_SME)
        return status_text, reason, ""
    failed = [c for bit, c in enumerate(rule.conditions) if unmet >> bit & 1]
    unsure = [c for bit, c in enumerate(rule.conditions) if unknown >> bit & 1]
    columns = [column_name(check, c.fact, lang) for c in unsure]
    fill_in = say(FILL_IN, columns=_words(list(dict.fromkeys(columns)), lang)) if unsure else ""
    if failed:
        reason = " ".join(say(c.unmet) for c in failed)
        fixes = [say(c.fix) for c in failed if c.fix]
        if len(fixes) < len(failed):  # something the employer cannot change
            return status_text, reason, ""
        steps = _capital(say(STEPS_TO_COUNT, steps=_words(fixes, lang)))
        return status_text, reason, f"{steps} {fill_in}".strip()
    reason = " ".join(say(c.unknown, column=column) for c, column in zip(unsure, columns, strict=True))
    return status_text, reason, fill_in


def _param_names(rule: WorkerRule) -> list[str]:
    return [key for condition in rule.conditions for key in condition.params]


def explain(check: WorkerCheck, lang: str) -> pd.DataFrame:
    """One row per worker: row number, name, masked ID, each rule's status, reason and next step, problems.

    Columns are the ids of :data:`RESULT_COLUMNS`. Texts are made once per distinct combination.
    """
    facts = check.roster.facts
    out: dict[str, Any] = {"row": check.roster.rows.to_numpy()}
    out["name"] = facts[NAME].fillna("").to_numpy(dtype=object) if NAME in facts else ""
    out["id"] = _masked(facts[ID_NUMBER]) if ID_NUMBER in facts else ""
    for rule in WORKER_RULES:
        columns = [f"{rule.id}.status", f"{rule.id}.unmet", f"{rule.id}.unknown",
                   *(f"{rule.id}.{name}" for name in _param_names(rule))]
        keys = check.results[columns].astype(object).where(check.results[columns].notna(), None)
        combos = keys.drop_duplicates()
        texts = {tuple(combo): _describe(rule, check, tuple(combo), lang) for combo in combos.itertuples(index=False)}
        described = [texts[tuple(k)] for k in keys.itertuples(index=False)]
        out[f"{rule.id}_status"], out[f"{rule.id}_reason"], out[f"{rule.id}_next"] = (
            [d[i] for d in described] for i in range(3))
        _mark_duplicates(check, out, rule, lang)
    out["problems"] = _problems(check, lang)
    return pd.DataFrame(out, columns=[key for key, _label in RESULT_COLUMNS])


def _masked(numbers: pd.Series) -> Any:
    """Checked ID numbers (always 18 characters) with the middle hidden, as :func:`engine.roster.mask_id` does."""
    text = numbers.astype("string")
    hidden = text.str[:4] + "*" * 10 + text.str[-4:]
    return hidden.fillna("").to_numpy(dtype=object)


def _mark_duplicates(check: WorkerCheck, out: dict[str, Any], rule: WorkerRule, lang: str) -> None:
    duplicate_of = check.roster.duplicate_of
    for position in np.flatnonzero(duplicate_of.notna().to_numpy()):
        out[f"{rule.id}_status"][position] = i18n.gettext(lang, STATUS_TEXT[DOES_NOT_COUNT])
        out[f"{rule.id}_reason"][position] = render(Message(DUPLICATE, {"first_row": int(duplicate_of.iat[position])}),
                                                    lang)
        out[f"{rule.id}_next"][position] = ""


def problem_text(error: CellError, lang: str) -> str:
    """A bad cell's problem in ``lang``."""
    if not error.message:
        return error.problem
    return i18n.gettext(lang, error.message).format(**error.params)


def _problems(check: WorkerCheck, lang: str) -> list[str]:
    by_row: dict[int, list[str]] = {}
    for error in check.errors:
        by_row.setdefault(error.row, []).append(f"{error.column}: {problem_text(error, lang)}")
    return [" · ".join(by_row.get(int(row), ())) for row in check.roster.rows]


def errors_table(check: WorkerCheck, lang: str) -> pd.DataFrame:
    """Every bad cell: row, column (as in the file) and the problem in ``lang``."""
    return pd.DataFrame(
        {"row": [e.row for e in check.errors], "column": [e.column for e in check.errors],
         "problem": [problem_text(e, lang) for e in check.errors]},
        columns=["row", "column", "problem"],
    )


# ---------------------------------------------------------------------------------------------
# The summary: counts given to the benefit rules
# ---------------------------------------------------------------------------------------------

def summarise(check: WorkerCheck, employer: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
    """Counts per status, and the workshop grant and SME subsidy those counts give.

    ``employer`` holds the employer's own facts (``carrier``, ``located_in``, ``kind``,
    ``employer_insurance_monthly``), unknown ones left out. ``if_all_known`` is the result if every
    worker whose facts are not known yet turned out to count.
    """
    summary: dict[str, Any] = {"rows": len(check), "rows_with_problems": check.rows_with_problems,
                               "missing_columns": list(check.missing)}
    total = 0.0
    for rule in WORKER_RULES:
        counts = {status: check.count(rule.id, status) for status in (COUNTS, DOES_NOT_COUNT, NOT_KNOWN)}
        result = _benefit(rule, counts[COUNTS], employer, check.on, lang)
        upper = (_benefit(rule, counts[COUNTS] + counts[NOT_KNOWN], employer, check.on, lang)
                 if counts[NOT_KNOWN] else None)
        summary[rule.id] = {**counts, "result": result, "if_all_known": upper}
        if result["status"] == ELIGIBLE and result["amount"] is not None:
            total += result["amount"]
    summary["total"] = int(total) if float(total).is_integer() else round(total, 2)
    return summary


def _benefit(rule: WorkerRule, count: int, employer: Mapping[str, Any], on: date, lang: str | None) -> dict[str, Any]:
    known = {key: value for key, value in employer.items() if value is not None}
    out = evaluate({"employer": {**known, "qualifying_hires": count}}, on, lang=lang)
    return next(r for r in out["results"] if r["benefit"] == rule.benefit)


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

TEMPLATE_FIELDS = (NAME, ID_NUMBER, "worker.registered_poor", MONTHS, START_DATE, CONTRACT,
                   "worker.social_insurance")


def template(lang: str) -> pd.DataFrame:
    """An empty roster with the headers of ``lang`` (Chinese headers, or the engine's field names)."""
    by_name = WORKER_SCHEMA.by_name()
    chinese = i18n.normalize_locale(lang) == "zh_CN"
    return pd.DataFrame(columns=[by_name[f].zh_header if chinese else f for f in TEMPLATE_FIELDS])


def template_notes(lang: str) -> pd.DataFrame:
    """What each template column holds, for the template's second sheet."""
    by_name = WORKER_SCHEMA.by_name()
    chinese = i18n.normalize_locale(lang) == "zh_CN"
    return pd.DataFrame({
        i18n.gettext(lang, N_("Column")): [by_name[f].zh_header if chinese else f for f in TEMPLATE_FIELDS],
        i18n.gettext(lang, N_("What to write")): [i18n.gettext(lang, by_name[f].label) for f in TEMPLATE_FIELDS],
    })


__all__ = [
    "RESULT_COLUMNS", "SME", "WORKER_SCHEMA", "WORKSHOP", "WorkerCheck", "check_workers", "errors_table",
    "explain", "read_workers", "summarise", "template", "template_notes",
]
