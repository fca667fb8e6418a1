"""An employer's roster of workers: which count toward the workshop grant (Article 2) and the SME subsidy (Article 5).

:func:`read_workers` reads a CSV or XLSX file with the site's one reader (:mod:`engine.roster.files`) and
the :data:`WORKER_SCHEMA` (Chinese headers and cell words accepted), then checks every row against
the per-worker rules of :mod:`engine.rules.workers` with :mod:`engine.roster.check`, which also
gives each row's status, reason and smallest next step as text (:func:`explain`).
:func:`summarise` gives the counts to the benefit rules through :func:`engine.evaluate`, so the
band, the grant and the subsidy are the same as on the calculators. Nothing is written anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd

from engine.evaluate import ELIGIBLE, evaluate
from engine.roster import check as roster_check
from engine.roster.cells import Column, Roster, Schema, normalise_word
from engine.roster.check import (
    REGISTERED_WORDS,
    RosterCheck,
    RosterKind,
    column_name,
    errors_table,
    explain,
    id_column,
    name_column,
)
from engine.rules.workers import (
    CONTRACT,
    CONTRACT_LENGTH,
    COUNTS,
    DUPLICATE,
    MONTHS,
    NOT_KNOWN,
    SME,
    SOURCE_COLUMN,
    WORKER_RULES,
    WORKSHOP,
    RowRule,
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
    name_column(NAME, "姓名", "名字", "职工姓名", "员工姓名"),
    id_column(ID_NUMBER),
    Column("worker.registered_poor", "bool", N_("Registered poor worker (建档立卡): yes or no"),
           headers=("是否建档立卡", "是否建档立卡贫困劳动力", "建档立卡", "是否贫困劳动力", "是否建档立卡贫困户",
                    "registered poor"),
           values=REGISTERED_WORDS, required=True, en_header="Registered poor", example=("是", "yes")),
    Column(MONTHS, "int", N_("Months with you without a break (a whole number)"),
           headers=("在岗月数", "连续在岗月数", "连续就业月数", "就业月数", "工作月数", "months with you"),
           minimum=0, maximum=1200, en_header="Months with you", example=("14", "14")),
    Column(START_DATE, "date", N_("Start date, such as 2019-03-01 (optional: used when months is empty)"),
           headers=("入职日期", "入职时间", "用工日期", "start date"), en_header="Start date"),
    Column(CONTRACT, "enum", N_("Labour contract: none, under 1 year, or 1 year or more (signed when its length is not known)"),
           headers=("劳动合同", "劳动合同期限", "合同期限", "是否签订劳动合同", "签订劳动合同", "contract"),
           choices=("none", "under_1_year", "1_year_or_more", "signed"), values=CONTRACT_WORDS, required=True,
           convert=_contract_words, en_header="Labour contract", example=("一年以上", "1 year or more")),
    Column("worker.social_insurance", "bool", N_("Social insurance paid for the worker: yes or no"),
           headers=("是否缴纳社保", "缴纳社保", "是否缴纳社会保险", "社会保险", "社保", "social insurance"),
           required=True, en_header="Social insurance", example=("是", "yes")),
))



def _contract_length(facts: pd.DataFrame) -> None:
    """The contract's length for Article 5 (五): not known when the file says only that one was signed."""
    if CONTRACT in facts:
        facts[CONTRACT_LENGTH] = facts[CONTRACT].mask(facts[CONTRACT] == "signed")


TEMPLATE_FIELDS = (NAME, ID_NUMBER, "worker.registered_poor", MONTHS, START_DATE, CONTRACT,
                   "worker.social_insurance")
WORKERS = RosterKind(
    schema=WORKER_SCHEMA,
    rules=WORKER_RULES,
    rule_columns={
        WORKSHOP.id: (N_("Workshop grant (Article 2 (二))"), N_("Why (Article 2 (二))"), N_("Next step (Article 2 (二))")),
        SME.id: (N_("SME subsidy (Article 5 (五))"), N_("Why (Article 5 (五))"), N_("Next step (Article 5 (五))")),
    },
    duplicate=DUPLICATE,
    template_fields=TEMPLATE_FIELDS,
    name=NAME,
    id_number=ID_NUMBER,
    months=MONTHS,
    start_date=START_DATE,
    derive=_contract_length,
    source_column=SOURCE_COLUMN,
)
# Columns of the result table, by id; the UI translates the labels.
RESULT_COLUMNS = WORKERS.result_columns
WorkerCheck = RosterCheck


def read_workers(data: bytes, filename: str, on: date) -> RosterCheck:
    """Read a roster file and check every worker on ``on``; raises RosterError for the whole file."""
    return roster_check.read(data, filename, WORKERS, on)


def check_workers(roster: Roster, on: date) -> RosterCheck:
    """Every worker's status for articles (二) and (五), evaluated over the whole roster at once."""
    return roster_check.check(roster, WORKERS, on)


# ---------------------------------------------------------------------------------------------
# The summary: counts given to the benefit rules
# ---------------------------------------------------------------------------------------------

def summarise(check: RosterCheck, employer: Mapping[str, Any], lang: str | None) -> dict[str, Any]:
    """Counts per status, and the workshop grant and SME subsidy those counts give.

    ``employer`` holds the employer's own facts (``carrier``, ``located_in``, ``kind``,
    ``employer_insurance_monthly``), unknown ones left out. ``if_all_known`` is the result if every
    worker whose facts are not known yet turned out to count.
    """
    summary: dict[str, Any] = {"rows": len(check), "rows_with_problems": check.rows_with_problems,
                               "missing_columns": list(check.missing)}
    total = 0.0
    for rule in WORKER_RULES:
        counts = check.counts(rule.id)
        result = _benefit(rule, counts[COUNTS], employer, check.on, lang)
        upper = (_benefit(rule, counts[COUNTS] + counts[NOT_KNOWN], employer, check.on, lang)
                 if counts[NOT_KNOWN] else None)
        summary[rule.id] = {**counts, "result": result, "if_all_known": upper}
        if result["status"] == ELIGIBLE and result["amount"] is not None:
            total += result["amount"]
    summary["total"] = int(total) if float(total).is_integer() else round(total, 2)
    return summary


def _benefit(rule: RowRule, count: int, employer: Mapping[str, Any], on: date, lang: str | None) -> dict[str, Any]:
    known = {key: value for key, value in employer.items() if value is not None}
    count_name = rule.count_fact.removeprefix("employer.")  # each rule gives its own count (二: hires; 五: insured)
    out = evaluate({"employer": {**known, count_name: count}}, on, lang=lang)
    return next(r for r in out["results"] if r["benefit"] == rule.benefit)


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

def template(lang: str) -> pd.DataFrame:
    """An empty roster with the headers of ``lang`` (Chinese headers, or the engine's field names)."""
    return roster_check.template(WORKERS, lang)


def template_notes(lang: str) -> pd.DataFrame:
    """What each template column holds, for the template's second sheet."""
    return roster_check.template_notes(WORKERS, lang)


__all__ = [
    "RESULT_COLUMNS", "SME", "WORKERS", "WORKER_SCHEMA", "WORKSHOP", "WorkerCheck", "check_workers", "column_name",
    "errors_table", "explain", "read_workers", "summarise", "template", "template_notes",
]
