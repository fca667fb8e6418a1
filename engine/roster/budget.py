"""What a county office budgets for: a registry's counts and amounts by benefit, fund and county.

Printed by ``python -m engine batch --summary`` after the rows are written. Every figure is a sum of the
engine's per-row results (:func:`engine.roster.batch.totals`): the persons who can apply, those the engine
cannot tell yet (a fact is missing) and the amounts of those who can apply. A benefit whose amount the site does
not have (a figure the policy leaves to a later notice) is counted, and its amount said to be unknown, never
guessed. The amounts are what the rules give (for a public-welfare post, a year's living subsidy); the county
decides each application.
"""

from __future__ import annotations

import pandas as pd
from babel.numbers import format_decimal

import i18n
from engine import catalog, policy
from engine.evaluate import ELIGIBLE, NEEDS_INFO
from engine.messages import BABEL_LOCALES
from engine.profile import place_name
from i18n import N_, Nn_

HEADERS = (N_("Benefit"), N_("Fund"), N_("Can apply"), N_("Not known yet"), N_("Amount (yuan)"))
COUNTY_HEADERS = (N_("County"), N_("Benefit"), N_("Can apply"), N_("Amount (yuan)"))
NO_FIGURE = N_("{count} can apply, amount not known to the site")
CHECKED = Nn_("Roster checked on {date}: {rows} row.", "Roster checked on {date}: {rows} rows.")
NO_COUNTY = N_("County not given")
FREE = N_("Free (a service, not money)")
FOOTNOTE = N_("Amounts are what the rules give each person who can apply (for a public-welfare post, a year's living "
              "subsidy); the county decides each application. “Not known yet”: a fact the rules need is missing "
              "from the row.")


def summary_text(totals: pd.DataFrame, rows: int, on_text: str, lang: str) -> str:
    """The summary as plain text in ``lang``: a table by benefit, then one by county when the roster has one."""
    def _(message: str) -> str:
        return i18n.gettext(lang, message)

    lines = [i18n.ngettext(lang, *CHECKED, int(rows)).format(date=on_text, rows=_number(rows, lang)), ""]
    by_benefit = totals.groupby(["benefit", "status"], sort=False)[["rows", "amount", "priced"]].sum()
    table = [[_(h) for h in HEADERS]]
    for benefit_id in dict.fromkeys(totals["benefit"]):
        benefit = catalog.BY_ID[benefit_id]
        eligible = _row(by_benefit, benefit_id, ELIGIBLE)
        table.append([f"{_(benefit.label)} ({policy.citation(benefit.article, lang)})", _fund(benefit.fund, lang),
                      _number(eligible["rows"], lang), _number(_row(by_benefit, benefit_id, NEEDS_INFO)["rows"], lang),
                      _amount(eligible, lang) if benefit.kind == "cash" else _(FREE)])
    lines += _columns(table)
    counties = totals[(totals["status"] == ELIGIBLE) & (totals["rows"] > 0)]
    if (counties["county"] != "").any():
        lines += ["", _(N_("By county (who can apply)")), ""]
        grouped = counties.groupby(["county", "benefit"], sort=True)[["rows", "amount", "priced"]].sum()
        table = [[_(h) for h in COUNTY_HEADERS]]
        for (county, benefit_id), figures in grouped.iterrows():
            benefit = catalog.BY_ID[benefit_id]
            table.append([place_name(county, lang) if county else _(NO_COUNTY), _(benefit.label),
                          _number(figures["rows"], lang),
                          _amount(figures, lang) if benefit.kind == "cash" else _(FREE)])
        lines += _columns(table)
    lines += ["", _(FOOTNOTE)]
    return "\n".join(lines) + "\n"


def _row(grouped: pd.DataFrame, benefit: str, status: str) -> pd.Series:
    if (benefit, status) in grouped.index:
        return grouped.loc[(benefit, status)]
    return pd.Series({"rows": 0, "amount": 0, "priced": 0})


def _amount(figures: pd.Series, lang: str) -> str:
    """The sum of the amounts; said in words for those whose amount the site does not have."""
    rows, priced = int(figures["rows"]), int(figures["priced"])
    text = _number(figures["amount"], lang) if priced or not rows else ""
    if rows > priced:
        missing = i18n.gettext(lang, NO_FIGURE).format(count=_number(rows - priced, lang))
        text = f"{text} ({missing})" if text else missing
    return text


def _fund(fund: str | None, lang: str) -> str:
    if fund is None:
        return ""
    return i18n.gettext(lang, catalog.FUND_LABELS[fund]) + ("" if lang == "zh_CN" else f" ({fund})")


def _number(value: float, lang: str) -> str:
    return format_decimal(round(float(value), 2), locale=BABEL_LOCALES[i18n.normalize_locale(lang)])


def _columns(table: list[list[str]]) -> list[str]:
    """Rows of cells as lines, each column as wide as its widest cell (a CJK character counts two)."""
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    return ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
            for row in table]


def _width(text: str) -> int:
    return sum(2 if "\u2e80" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef" else 1 for c in text)
