"""Employers and workshops: the workshop grant, the SME social-insurance subsidy, training support, the
incubation-park award, and a roster check.

A thin page: answers go to the engine (engine.evaluate, engine.employer, engine.roster.workers); ui/
draws the results. Session-state keys start with ``emp_``. Nothing uploaded is written to disk.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from engine import employer as emp
from engine import policy
from engine.roster.files import MAX_ROWS
from engine.roster.workers import (
    RESULT_COLUMNS,
    WORKERS,
    read_workers,
    summarise,
    template,
    template_notes,
)
from i18n import LOCALES, N_, gettext
from ui import employer as view
from ui import errors, needs, results, takeaway
from ui import format as fmt
from ui import roster as files
from ui import roster_check as lists
from ui import url_state as url
from ui.counts import WORKSHOP_COUNTS, hired_and_counting, pending
from ui.frame import Page, frame

SECTIONS = (
    ("workshop", N_("Workshop grant")),
    ("sme", N_("Social-insurance subsidy")),
    ("training", N_("Training support and employers outside Ningxia")),
    ("incubator", N_("Incubation parks")),
    ("roster", N_("Check a roster of workers")),
)
MAX_HIRES = 10_000_000
RELIEF_FROM_YEAR_BEFORE = date(2019, 2, 1)  # the 2020 relief began in February 2020: a year back from then
# On screen the statuses and next steps come first; the downloads keep the engine's order.
SHOWN_ORDER = ("row", "name", "workshop_status", "workshop_next", "sme_status", "sme_next", "workshop_reason",
               "sme_reason", "problems", "id")


def contents(page: Page) -> None:
    _ = page._
    links = " · ".join(f"[{fmt.md_escape(_(title))}](#{anchor})" for anchor, title in SECTIONS)
    st.markdown(links)


def choice(page: Page, widget: Any, label: str, param: str, options: list[Any], **kwargs: Any) -> Any:
    """A choice kept in the URL as ``?param=`` (widget key ``emp_<param>``), unanswered until chosen."""
    return url.choice(page, widget, label, param, f"emp_{param}", options=options, **kwargs)


def asked(page: Page) -> dict[str, str]:
    """This page's questions, as a card names the one still to answer."""
    return needs.asked_above(page, view.QUESTIONS)


def card(page: Page, result: dict[str, Any]) -> None:
    results.card(result, page, county=None, questions=asked(page))


def number(page: Page, label: str, param: str, *, maximum: float, whole: bool = True, **kwargs: Any) -> Any:
    """A number kept in the URL as ``?param=`` (widget key ``emp_<param>``)."""
    return url.number(page, label, param, f"emp_{param}", maximum=maximum, whole=whole, **kwargs)


def organisation(page: Page) -> tuple[date, dict[str, Any]]:
    """The date and the organisation's own facts, shared by every section below."""
    _ = page._
    st.header(_("Your organisation"), anchor="organisation")
    left, right = st.columns(2)
    with left:
        on = url.situation_date(page, "emp_date")
        st.caption(fmt.md_escape(_("The policy was in force from {start} to {end}.").format(
            start=fmt.date_text(policy.IN_FORCE_FROM, page.lang), end=fmt.date_text(policy.IN_FORCE_UNTIL, page.lang))))
    with right:
        kind = choice(page, st.selectbox, _(view.QUESTIONS["employer.kind"]), "kind", list(view.KINDS),
                      format_func=lambda k: _(view.KINDS[k]))
        inside = choice(page, st.radio, _(view.QUESTIONS["employer.in_region"]), "in_region", [True, False],
                        horizontal=True, format_func=lambda v: _("In Ningxia") if v else _("Outside Ningxia"))
    return on, {"employer.kind": kind, "employer.in_region": inside}


def workshop(page: Page, on: date) -> dict[str, Any]:
    _ = page._
    st.header(_("Workshop grant"), anchor="workshop")
    st.markdown(fmt.md_escape(_(
        "A one-off grant to poverty-alleviation workshops and bases (扶贫载体: workshops, community factories, "
        "industry bases and farm-produce processing bases) in a poor village, a migrant village or a poverty-"
        "alleviation industrial park that employ at least 11 registered poor workers, each for 12 months or more "
        "with a labour contract and social insurance. The grant goes by the number of such workers.")))
    first, second = st.columns(2)
    with first:
        carrier = choice(page, st.selectbox, _(view.QUESTIONS["employer.carrier"]), "carrier", list(view.CARRIERS),
                         format_func=lambda k: _(view.CARRIERS[k]))
    with second:
        place = choice(page, st.selectbox, _(view.QUESTIONS["employer.located_in"]), "place", list(view.PLACES),
                       format_func=lambda k: _(view.PLACES[k]))
    counts = hired_and_counting(page, WORKSHOP_COUNTS, total_param="ws_hired", counting_param="ws_hires",
                                key_prefix="emp_", maximum=MAX_HIRES)
    st.caption(fmt.md_escape(_(
        "A qualifying hire: a registered poor worker employed by the workshop for 12 months or more without a "
        "break, with a labour contract and social insurance paid. The roster check below counts them for you.")))
    facts = {"employer.carrier": carrier, "employer.located_in": place}
    if not counts.valid or (carrier is None and place is None and not counts.given):
        return facts  # nothing answered here yet: no result to show
    result = emp.results({**facts, "employer.qualifying_hires": counts.counting}, on, page.lang,
                         ["workshop_grant"])["workshop_grant"]
    pending(page, WORKSHOP_COUNTS, counts, facts, benefit="workshop_grant", on=on)
    card(page, result)
    if counts.counting is not None:
        view.grant_view(page, facts, result, counts.counting, on)
    return facts


def monthly_amount(page: Page, on: date) -> float | None:
    """The employer's monthly contribution per worker: typed, or worked out from the base and the rates."""
    _ = page._
    modes = {"typed": _("I know the monthly employer contribution per worker"),
             "worked_out": _("Work it out from the contribution base and the employer rates")}
    # How the figure is entered, not a fact: the one choice on this page with a default (test_no_defaults.py).
    mode = choice(page, st.radio, _(view.QUESTIONS["employer.employer_insurance_monthly"]), "sme_mode", list(modes),
                  format_func=modes.__getitem__, index=0)
    st.caption(fmt.md_escape(_(
        "Your monthly social-insurance payment voucher (社会保险费缴费凭证) shows the base and the employer part; "
        "the city's social insurance agency (社会保险经办机构) publishes the base and the rates each year. No rate "
        "is filled in for you: we found no reliable source for Ningxia's 2018–2020 employer rates.")))
    if mode == "typed":
        return number(page, _("Employer contribution per worker per month (yuan): pension + medical + unemployment"),
                      "sme_monthly", maximum=1_000_000.0, whole=False, step=10.0,
                      placeholder=_("for example, from your payment voucher"))
    base = number(page, _("Monthly contribution base per worker (yuan)"), "sme_base", maximum=1_000_000.0,
                  whole=False, step=100.0)
    errors_by = {}
    rates: dict[str, float | None] = {}
    columns = st.columns(len(emp.insurances(on)))
    for column, name in zip(columns, emp.insurances(on), strict=True):
        with column:
            rates[name] = number(page, _("{insurance}, %").format(insurance=_(emp.INSURANCE_LABELS[name])),
                                 f"sme_rate_{name}", maximum=float(emp.MAX_RATE), whole=False, step=0.5,
                                 format="%.2f")
            errors_by[name] = st.empty()
    contribution = emp.monthly_contribution(base, rates, on)
    started = base is not None or any(v is not None for v in rates.values())
    if started:
        for error in contribution.errors:
            place = errors_by.get(error.name)
            text = fmt.md_escape(_(error.message).format(**error.params))
            if place is None:
                st.error(text, icon=":material/error:")
            else:
                place.error(text, icon=":material/error:")
    for note in contribution.notes:
        st.warning(fmt.md_escape(_(note.id).format(
            **{**note.params, "start": fmt.date_text(date.fromisoformat(note.params["start"]), page.lang),
               "cap": fmt.number(note.params["cap"], page.lang)})), icon=":material/info:")
    if contribution.monthly is not None:
        st.markdown(fmt.md_escape(_("Employer contribution per worker: {amount} a month.").format(
            amount=fmt.money(contribution.monthly, page.lang))))
    return contribution.monthly


def sme(page: Page, on: date, organisation_facts: dict[str, Any], carrier: dict[str, Any]) -> dict[str, Any]:
    _ = page._
    st.header(_("Social-insurance subsidy"), anchor="sme")
    st.markdown(fmt.md_escape(_(
        "For small, medium and micro enterprises, new agricultural businesses, private non-enterprise units and "
        "social groups, in Ningxia or outside it: one year of the employer part of pension, medical and unemployment "
        "insurance for each of Ningxia's registered poor workers hired with a labour contract of a year or more and "
        "social insurance paid.")))
    hires = number(page, _(view.QUESTIONS["employer.insured_hires"]), "sme_hires", maximum=MAX_HIRES, step=1)
    monthly = monthly_amount(page, on)
    if on > RELIEF_FROM_YEAR_BEFORE:  # a year of contributions from the day assessed reaches February 2020
        st.caption(fmt.md_escape(_(
            "In 2020 small, medium and micro enterprises were exempted from the employer part of pension, unemployment "
            "and work-injury insurance from February to December (national relief): for months of 2020 in the year "
            "subsidised, the employer part paid, and so the subsidy, may be smaller.")))
    facts = {**organisation_facts, "employer.employer_insurance_monthly": monthly}
    hires = None if hires is None else int(hires)
    if hires is None and monthly is None and organisation_facts["employer.kind"] is None:
        return facts  # nothing answered for this subsidy yet
    result = emp.results({**facts, "employer.insured_hires": hires}, on, page.lang, ["sme_insurance_subsidy"])
    card(page, result["sme_insurance_subsidy"])
    view.support_view(page, {**carrier, **facts}, hires, on)
    return facts


def training(page: Page, on: date, organisation_facts: dict[str, Any]) -> None:
    _ = page._
    st.header(_("Training support and employers outside Ningxia"), anchor="training")
    inside = organisation_facts["employer.in_region"]
    if inside is not False:
        st.markdown(fmt.md_escape(_(
            "An employer in Ningxia that gives the poor workers it hires induction, job-change or on-the-job "
            "skills training can apply for the region's training and assessment subsidy once they obtain a training or "
            "vocational certificate (Article 10 (十)).")))
    if inside is not True:
        st.markdown(fmt.md_escape(_(
            "An employer outside Ningxia that hires Ningxia's registered poor workers with a contract of a year or "
            "more and social insurance, working outside Ningxia (并在区外就业), can apply to the worker's home county in Ningxia for a training subsidy and an "
            "assessment subsidy for the training it organises, and a social-insurance subsidy at Ningxia's "
            "flexible-employment standard (Article 9 (九)).")))
    if inside is None:  # the two articles ask different things: which one is for you decides the question
        st.info(fmt.md_escape(needs.still_to_answer(page, {"missing": ["employer.in_region"]}, view.QUESTIONS)),
                icon=":material/edit:")
        return
    if inside:  # article 十 counts the hires trained who then obtained a certificate, nothing else
        hires = number(page, _(view.QUESTIONS["employer.certified_trained_hires"]), "tr_hires", maximum=MAX_HIRES,
                       step=1)
        facts = {"employer.certified_trained_hires": hires}
    else:
        left, right = st.columns(2)
        with left:
            hires = number(page, _(view.QUESTIONS["employer.out_of_region_hires"]), "tr_hires", maximum=MAX_HIRES,
                           step=1)
        with right:
            trains = choice(page, st.radio, _(view.QUESTIONS["employer.trains_hires"]), "trains", [True, False],
                            horizontal=True, format_func=lambda v: _("Yes") if v else _("No"))
        facts = {"employer.out_of_region_hires": hires, "employer.trains_hires": trains}
    st.info(fmt.md_escape(_(
        "How much: the region's vocational training subsidy standard (自治区职业技能培训补贴标准) by occupation and "
        "level. This site does not have that table, so it shows no amount: the county employment service centre "
        "(or, for employers outside Ningxia, the worker's home county) tells you the amount for each course.")),
        icon=":material/info:")
    if all(value is None for value in facts.values()):
        return  # nothing answered for this support yet
    benefits = (["employer_training_subsidy"] if inside
                else ["out_of_region_training_subsidy", "out_of_region_insurance_subsidy"])
    found = emp.results({**organisation_facts, **facts}, on, page.lang, benefits)
    for benefit in benefits:
        card(page, found[benefit])


def incubator(page: Page, on: date) -> None:
    _ = page._
    st.header(_("Incubation parks"), anchor="incubator")
    st.markdown(fmt.md_escape(_(
        "A one-off award to an entrepreneurship incubation park that meets the standard of a demonstration base: "
        "from the city for the city-level standard, from the autonomous region for the regional or national "
        "standard.")))
    level = choice(page, st.selectbox, _(view.QUESTIONS["incubator.level"]), "incubator", list(view.LEVELS),
                   format_func=lambda k: _(view.LEVELS[k]), placeholder=_("Choose the standard"))
    if level is None:
        return
    found = emp.results({"incubator.level": level}, on, page.lang, ["incubator_award"])
    card(page, found["incubator_award"])


def roster_templates(lang: str):
    """The template's sheets in ``lang``: the empty roster, and what to write in each column."""
    def sheets() -> dict[str, Any]:
        return {gettext(lang, N_("Workers")): template(lang), gettext(lang, N_("How to fill in")): template_notes(lang)}
    return sheets


def roster(page: Page, on: date, employer_facts: dict[str, Any]) -> None:
    _ = page._
    st.header(_("Check a roster of workers"), anchor="roster")
    if not files.offered_here(page):
        return
    st.markdown(fmt.md_escape(_(
        "Upload your list of workers: each row gets its status for the workshop grant (Article 2 (二)) and the SME "
        "subsidy (Article 5 (五)), with the reason and the smallest next step. The summary uses the kind of "
        "workshop, place, kind of organisation and monthly contribution entered above.")))
    lists.columns_help(page, WORKERS, N_(
        "Other columns are ignored. Months or the start date is needed; name and ID number are optional (an ID "
        "number is checked and shown masked)."))
    files.template_downloads(page, "emp_template", {lang: roster_templates(lang) for lang in LOCALES},
                             "roster-template")
    st.caption(fmt.md_escape(files.limits_text(page)))
    upload = files.upload(page, "emp_roster_file", _("Roster file (CSV or XLSX)"))
    check = files.checked(page, "emp_roster_check", upload, (on,), lambda data, name: read_workers(data, name, on))
    if check is None:
        st.session_state.pop("emp_roster_text", None)  # nothing of a removed file stays in the session
        return
    files.about_the_file(page, check.roster, view.column_names(check, page))
    summary = summarise(check, {k.split(".", 1)[1]: v for k, v in employer_facts.items()}, page.lang)
    view.roster_summary(page, summary, check)
    files.problems(page, view.errors_of(check, page), "emp_roster")
    stamp = (upload.file_id, upload.size, on)
    table = view.explained(check, page, stamp)
    roster_results(page, table)
    files.downloads(page, "emp_roster", lambda: view.result_sheets(page, table, check), "roster-results")


@st.fragment
@errors.guard
def roster_results(page: Page, table) -> None:
    _ = page._
    st.subheader(_("Each worker"), anchor="workers")
    counts = _("Counts")
    choices = {
        N_("All rows"): lambda t: t["row"].notna(),
        N_("Rows not counted for both"): lambda t: (t["workshop_status"] != counts) | (t["sme_status"] != counts),
        N_("Rows with problems"): lambda t: t["problems"] != "",
    }
    files.result_table(page, table, "emp_roster", RESULT_COLUMNS, choices, order=SHOWN_ORDER)


def main() -> None:
    page = frame(N_("Employers and workshops"))
    _ = page._
    st.title(_("Employers and workshops"), anchor="top")
    st.markdown(fmt.md_escape(_(
        "What an employer or a workshop that hires registered poor workers (建档立卡贫困劳动力) can apply for under this "
        "policy, and which of your workers already count. An incubation park's award goes by the standard it meets. "
        "Rosters of up to {rows} workers are checked in seconds.").format(rows=fmt.number(MAX_ROWS, page.lang))))
    contents(page)
    on, organisation_facts = organisation(page)
    carrier = workshop(page, on)
    sme_facts = sme(page, on, organisation_facts, carrier)
    training(page, on, organisation_facts)
    incubator(page, on)
    takeaway.offer(page)  # the answers above are in the link; a roster never is
    roster(page, on, {**carrier, **sme_facts})


errors.run(main)
