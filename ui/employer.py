"""What the employers' page draws: labels, the grant's chart and table, total support, the roster summary.

Every amount and band comes from the engine (``engine.employer``, ``engine.roster.workers``,
``engine.evaluate``); this module only arranges, labels and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from engine import employer as emp
from engine.interpretations import INTERPRETATIONS
from engine.roster import check as roster_check
from engine.roster.workers import WorkerCheck, column_name, errors_table, explain
from i18n import N_, Nn_
from ui import employer_charts as charts
from ui import format as fmt
from ui import needs, results
from ui.charts import chart_wanted, spec
from ui.frame import Page

CARRIERS = {
    "workshop": N_("Poverty-alleviation workshop (就业扶贫车间)"),
    "community_factory": N_("Community factory (社区工厂)"),
    "industry_base": N_("Industry poverty-alleviation base (产业扶贫基地)"),
    "agri_processing_base": N_("Farm-produce processing base (农产品加工基地)"),
    "none": N_("None of these"),
}
PLACES = {
    "poor_village": N_("A poor village (贫困村)"),
    "migrant_village": N_("A migrant village (移民村)"),
    "industrial_park": N_("A poverty-alleviation industrial park (扶贫产业园)"),
    "other": N_("Somewhere else"),
}
KINDS = {
    "sme": N_("Small, medium or micro enterprise (中小微企业)"),
    "new_agri_entity": N_("New agricultural business (新型农业经营主体)"),
    "private_non_enterprise": N_("Private non-enterprise unit (民办非企业单位)"),
    "social_group": N_("Social group (社会团体)"),
    "large_enterprise": N_("Large enterprise"),
    "other": N_("Other organisation"),
}
# The questions of the employers' page, by the engine's fact each answers (msgids; the page's widgets use these
# labels): a card that still needs a fact names the question to answer above it (ui/needs.py).
QUESTIONS = {
    "employer.kind": N_("Kind of organisation"),
    "employer.in_region": N_("Where is it?"),
    "employer.carrier": N_("Kind of workshop or base"),
    "employer.located_in": N_("Where the workshop or base is"),
    "employer.qualifying_hires": N_("Qualifying hires"),
    "employer.insured_hires": N_("Registered poor workers hired with a contract of a year or more and social "
                                 "insurance"),
    "employer.employer_insurance_monthly": N_("Monthly employer contribution"),
    "employer.certified_trained_hires": N_(
        "Poor workers you hired and trained (induction, job-change or on-the-job skills) who then obtained a training "
        "certificate (培训合格证书) or a vocational qualification certificate (职业资格证书)"),
    "employer.out_of_region_hires": N_(
        "Registered poor workers from Ningxia you hired with a contract of a year or more and social insurance, "
        "working outside Ningxia"),
    "employer.trains_hires": N_("Do you train them (induction, job-change or on-the-job skills)?"),
    "incubator.level": N_("Standard the park meets"),
}
METRIC_WIDTH = 160  # px: four in a row on a desktop, two on a 390 px phone
LEVELS = {
    "none": N_("No demonstration-base standard yet"),
    "city": N_("City-level standard (地市级)"),
    "region": N_("Autonomous-region standard (自治区级)"),
    "national": N_("National standard (国家级)"),
}


def band_label(band: Mapping[str, Any], page: Page) -> str:
    low = fmt.number(band["min"], page.lang)
    if band["max"] is None:
        return page._("{low} or more").format(low=low)
    return page._("{low} to {high}").format(low=low, high=fmt.number(band["max"], page.lang))


def band_table(page: Page, on: date, hires: int | None) -> pd.DataFrame:
    """The grant's bands (with the row below the first band); the employer's band is marked."""
    _ = page._
    bands = emp.bands(on)
    mine = emp.band_of(hires, on)
    rows = [({"min": 0, "max": bands[0]["min"] - 1}, 0), *((band, band["amount"]) for band in bands)]
    overlap = emp.overlap(on)
    labels, amounts = [], []
    you = _("you")
    for band, amount in rows:
        label = band_label(band, page)
        if overlap and band.get("max") == overlap["hires"]:
            label = _("{band} (includes {hires})").format(band=label, hires=fmt.number(overlap["hires"], page.lang))
        here = hires is not None and band["min"] == (mine["min"] if mine else 0)
        labels.append(label + "  ◀ " + you if here else label)
        amounts.append(fmt.money(amount, page.lang))
    return pd.DataFrame({_("Qualifying hires"): labels, _("Grant"): amounts})


def count_decides(curve: list[dict[str, Any]]) -> bool:
    """Whether the grant, for this kind of workshop and place, turns on the number of hires alone: every amount is
    known and some number of hires brings one. Otherwise the bands say nothing about this employer."""
    return all(point["amount"] is not None for point in curve) and any(point["amount"] for point in curve)


def grant_view(page: Page, employer: Mapping[str, Any], result: Mapping[str, Any], hires: int, on: date) -> None:
    """The step chart of the grant against hires, with the table of bands beside it.

    Drawn only when the kind of workshop and its place are known and can bring a grant: a cooperative that is not
    a workshop is not shown the bands with its own hires marked in one."""
    _ = page._
    curve = emp.grant_curve(employer, on, hires)
    if not count_decides(curve):
        return
    amount = result["amount"] if result["status"] == "eligible" else 0
    you = charts.Marker(hires, amount or 0, _("You: {hires} → {amount}").format(
        hires=fmt.number(hires, page.lang), amount=fmt.money(amount or 0, page.lang)))
    following = None
    step = emp.next_band(result)
    if step is not None:
        following = charts.Marker(step["hires"], step["amount"], _("{hires} → {amount}, from {date}").format(
            hires=fmt.number(step["hires"], page.lang), amount=fmt.money(step["amount"], page.lang),
            date=fmt.date_text(date.fromisoformat(step["from"]), page.lang)))
    overlap = emp.overlap(on)
    overlap_marker = None
    if overlap is not None and max(p["amount"] or 0 for p in curve) > 0:
        overlap_marker = charts.Marker(overlap["hires"], 0, _("{hires}: read as {amount}").format(
            hires=fmt.number(overlap["hires"], page.lang), amount=fmt.money(overlap["amount"], page.lang)))
    if chart_wanted(page, "emp_grant"):
        st.vega_lite_chart(spec(charts.grant_steps, curve, hires=_("Qualifying hires"), amount=_("Grant (yuan)"),
                                you=you, following=following, overlap=overlap_marker), width="stretch",
                           key="emp_grant_chart")
    st.table(band_table(page, on, hires), border="horizontal")
    if overlap is not None:
        reading = INTERPRETATIONS[overlap["interpretation"]]
        heading = _("Reading used")
        said = fmt.sentences([_(reading.reading), _(reading.basis)], page.lang)
        st.caption(f"{fmt.bold_label(heading, page.lang)}{fmt.md_escape(said)}")


IF_BOTH = N_("If your hires counted for both: total support")
IF_BOTH_INTRO = N_(
    "A what-if: the workshop grant and one year of the SME subsidy together, for a number of hires who each count "
    "for both (12 months or more in the job, a labour contract of a year or more, social insurance paid). The kind "
    "of workshop, its place, your kind of organisation and the monthly contribution are the ones entered above.")
IF_ALL_YOURS = Nn_("if your {hires} hire counted for both", "if all {hires} of yours counted for both")


def support_view(page: Page, employer: Mapping[str, Any], hires: int | None, on: date) -> None:
    """What-if: total support (grant + one year of subsidy) against a number of hires that count for both.

    Drawn only when both can be paid to this employer (the kind of workshop, its place and the kind of
    organisation are known and none rules either out). Its rows are the engine's for each number, worded as
    what-ifs: the hires typed above count for one article or the other, not necessarily for both."""
    _ = page._
    rows = emp.support_curve(employer, on, hires)
    if employer.get("employer.kind") is None or not count_decides(
            [{"amount": r["grant"]} for r in rows]):
        return
    if all(r["subsidy"] == 0 for r in rows):  # the kind of organisation is not one article (五) names
        return
    st.subheader(_(IF_BOTH), anchor="total")
    st.markdown(fmt.md_escape(_(IF_BOTH_INTRO)))
    known = all(r["subsidy"] is not None for r in rows)
    grant, subsidy, total = _("Workshop grant (Article 2 (二))"), _("SME subsidy, one year (Article 5 (五))"), _("Total")
    yours = None
    if hires is not None:
        point = next(r for r in rows if r["hires"] == hires)
        amount = point["total"] if known else point["grant"]
        words = page.ngettext(*IF_ALL_YOURS, hires).format(hires=fmt.number(hires, page.lang))
        yours = charts.Marker(hires, amount, f"{words}: {fmt.money(amount, page.lang)}" if page.lang != "zh_CN"
                              else f"{words}：{fmt.money(amount, page.lang)}")
    if chart_wanted(page, "emp_support"):
        st.vega_lite_chart(spec(charts.support_areas, rows, hires=_("Hires who count for both"),
                                amount=_("Support (yuan)"), grant=grant, subsidy=subsidy if known else None,
                                you=yours), width="stretch", key="emp_support_chart")
    edges = sorted({0, *(b["min"] for b in emp.bands(on)), *([hires] if hires is not None else [])})
    chosen = [r for r in rows if r["hires"] in edges]
    mark = ("  ◀ " + page.ngettext(*IF_ALL_YOURS, hires).format(hires=fmt.number(hires, page.lang))
            if hires is not None else "")
    table = {_("Hires who count for both"): [fmt.number(r["hires"], page.lang) + (mark if r["hires"] == hires else "")
                                             for r in chosen],
             grant: [fmt.money(r["grant"], page.lang) for r in chosen]}
    if known:
        table[subsidy] = [fmt.money(r["subsidy"], page.lang) for r in chosen]
        table[total] = [fmt.money(r["total"], page.lang) for r in chosen]
    st.table(pd.DataFrame(table), border="horizontal")
    if not known:
        st.caption(fmt.md_escape(_("These figures show the grant only: enter the monthly employer contribution "
                                   "above to add the subsidy.")))


# ---------------------------------------------------------------------------------------------
# The roster's summary and files
# ---------------------------------------------------------------------------------------------

def roster_summary(page: Page, summary: Mapping[str, Any], check: WorkerCheck) -> None:
    """Counts, the band and grant, the SME subsidy, and what the workers not known yet could add."""
    _ = page._
    n = lambda value: fmt.number(value, page.lang)  # noqa: E731 - a short local formatter
    workshop, sme = summary["workshop"], summary["sme"]
    with st.container(horizontal=True, key="emp_roster_counts"):
        st.metric(_("Workers"), n(summary["rows"]), border=True, width=METRIC_WIDTH)
        st.metric(_("Count: grant (Article 2 (二))"), n(workshop["counts"]), border=True, width=METRIC_WIDTH)
        st.metric(_("Count: subsidy (Article 5 (五))"), n(sme["counts"]), border=True, width=METRIC_WIDTH)
        st.metric(_("Rows with problems"), n(summary["rows_with_problems"]), border=True, width=METRIC_WIDTH)
    lines = [_workshop_line(page, workshop, check.on), _sme_line(page, sme)]
    st.markdown("\n".join(f"- {fmt.md_escape(line)}" for line in lines if line))
    if summary["total"]:
        total = _("Total for the workers in this file: {amount}").format(amount=fmt.money(summary["total"], page.lang))
        st.markdown(f"**{fmt.md_escape(total)}**")
    for rule in (workshop, sme):
        if rule["needs_info"] and rule["if_all_known"] is not None:
            upper = rule["if_all_known"]
            if upper["status"] == "eligible" and upper["amount"] is not None and upper["amount"] != (
                    rule["result"]["amount"] or 0):
                st.caption(fmt.md_escape(page.ngettext(
                    "If the {count} worker still unknown for {benefit} counted: {amount}.",
                    "If all {count} workers still unknown for {benefit} counted: {amount}.", rule["needs_info"])
                    .format(count=n(rule["needs_info"]), amount=fmt.money(upper["amount"], page.lang),
                            benefit=results.citation(upper["article"], page))))


def _workshop_line(page: Page, workshop: Mapping[str, Any], on: date) -> str:
    _ = page._
    result = workshop["result"]
    counts = workshop["counts"]
    count = fmt.number(counts, page.lang)
    band = emp.band_of(counts, on)
    if result["status"] == "eligible" and band is not None:
        line = page.ngettext("Workshop grant (Article 2 (二)): {count} qualifying hire, band {band} → {amount}.",
                             "Workshop grant (Article 2 (二)): {count} qualifying hires, band {band} → {amount}.",
                             counts).format(count=count, band=band_label(band, page),
                                            amount=fmt.money(result["amount"], page.lang))
    elif result["status"] == "needs_info":
        line = page.ngettext("Workshop grant (Article 2 (二)): {count} qualifying hire. {why}",
                             "Workshop grant (Article 2 (二)): {count} qualifying hires. {why}",
                             counts).format(count=count, why=needs.why_not_yet(page, result, QUESTIONS))
    else:
        line = page.ngettext("Workshop grant (Article 2 (二)): {count} qualifying hire, no grant. {why}",
                             "Workshop grant (Article 2 (二)): {count} qualifying hires, no grant. {why}",
                             counts).format(count=count, why=needs.why_not_yet(page, result, QUESTIONS))
    steps = [m["text"] for m in result["next"]]
    return fmt.sentences([line, *steps], page.lang)


def _sme_line(page: Page, sme: Mapping[str, Any]) -> str:
    _ = page._
    result = sme["result"]
    counts = sme["counts"]
    count = fmt.number(counts, page.lang)
    if result["status"] == "eligible" and result["amount"] is not None:
        return page.ngettext("SME subsidy (Article 5 (五)): {count} qualifying hire → {amount} for one year.",
                             "SME subsidy (Article 5 (五)): {count} qualifying hires → {amount} for one year.",
                             counts).format(count=count, amount=fmt.money(result["amount"], page.lang))
    if result["status"] == "eligible":
        return page.ngettext(
            "SME subsidy (Article 5 (五)): {count} qualifying hire; enter the monthly employer contribution above to see "
            "the amount.",
            "SME subsidy (Article 5 (五)): {count} qualifying hires; enter the monthly employer contribution above to see "
            "the amount.", counts).format(count=count)
    why = needs.why_not_yet(page, result, QUESTIONS)
    if result["status"] == "needs_info":
        return page.ngettext("SME subsidy (Article 5 (五)): {count} qualifying hire. {why}",
                             "SME subsidy (Article 5 (五)): {count} qualifying hires. {why}",
                             counts).format(count=count, why=why)
    return page.ngettext("SME subsidy (Article 5 (五)): {count} qualifying hire, no subsidy. {why}",
                         "SME subsidy (Article 5 (五)): {count} qualifying hires, no subsidy. {why}",
                         counts).format(count=count, why=why)


def column_names(check: WorkerCheck, page: Page) -> list[str]:
    """The missing columns, by the header the template gives them in the page's language."""
    return [column_name(check, name, page.lang) for name in check.missing]


def errors_of(check: WorkerCheck, page: Page) -> pd.DataFrame:
    return errors_table(check, page.lang)


def result_sheets(page: Page, table: pd.DataFrame, check: WorkerCheck) -> dict[str, pd.DataFrame]:
    """The results and the problems with headers in the visitor's language, for the downloads."""
    return roster_check.result_sheets(check, page.lang, table)


def explained(check: WorkerCheck, page: Page, stamp: tuple) -> pd.DataFrame:
    """Each row's texts in the page's language, made once per file, date and language in this session."""
    key = "emp_roster_text"
    memo = st.session_state.get(key)
    if memo is not None and memo[0] == (*stamp, page.lang):
        return memo[1]
    table = explain(check, page.lang)
    st.session_state[key] = ((*stamp, page.lang), table)
    return table
