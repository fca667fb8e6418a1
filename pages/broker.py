"""Labour brokers: the fee per placement (article 四), the 4050 brokers' social insurance, recognition.

A thin page: amounts come from the engine (engine.evaluate through engine.employer.results); ui/ draws them.
Session-state keys start with ``brk_``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from engine import employer as emp
from engine.age import AGE_4050, BROKER_BIRTH_MONTH, IS_4050
from engine.guidance import BY_ARTICLE
from engine.roster.placements import PLACEMENTS, summarise
from i18n import N_
from ui import cohort_charts as charts
from ui import errors, results, takeaway
from ui import format as fmt
from ui import roster_check as lists
from ui import url_state as url
from ui.counts import PLACEMENT_COUNTS, hired_and_counting, pending
from ui.frame import LANG_KEY, Page, frame

SECTIONS = (
    ("fee", N_("Service subsidy per placement")),
    ("placements", N_("Check a list of placed workers")),
    ("4050", N_("Social insurance for “4050” brokers")),
    ("recognition", N_("Recognition of brokers and labour organisations")),
)
MAX_PLACEMENTS = 10_000_000
# Columns of the placements' table in the order shown (the download keeps the engine's order).
SHOWN_ORDER = ("row", "name", "placement_status", "placement_reason", "placement_next", "problems", "id")


def fee_of(placements: int, on: date, lang: str | None) -> dict:
    """The broker fee's result for ``placements``; ``lang=None`` for the amount alone (no texts: 15× faster)."""
    return emp.results({"broker.qualifying_placements": placements}, on, lang, ["broker_fee"])["broker_fee"]


@st.fragment
@errors.guard
def fee(page: Page, on: date) -> None:
    """The placements, the fee and its chart, and the take-away of that result.

    A fragment: answering the placements reruns this section alone. The take-away is in it so that its link
    and QR code always hold the placements on screen.
    """
    _ = page._
    st.header(_("Service subsidy per placement"), anchor="fee")
    st.markdown(fmt.md_escape(_(
        "The employment and business-start service subsidy (就业创业服务补贴) is for the labour agency or broker, "
        "for each registered poor worker "
        "(建档立卡贫困劳动力) it places into a first job with an enterprise for a year or more, with a labour "
        "contract and social insurance paid. Paid from the employment subsidy fund.")))
    counts = hired_and_counting(page, PLACEMENT_COUNTS, total_param="placed", counting_param="placements",
                                key_prefix="brk_", maximum=MAX_PLACEMENTS)
    st.caption(fmt.md_escape(_(
        "A qualifying placement: a registered poor worker in a first job with an enterprise, employed for 12 months "
        "or more, with a labour contract and social insurance paid.")))
    st.page_link("pages/resident.py", label=_("The workers you place can check their own subsidies here"),
                 icon=":material/person_search:", query_params={LANG_KEY: page.lang})
    if not counts.valid or counts.counting is None:
        takeaway.offer(page)
        return
    placements = counts.counting
    result = fee_of(placements, on, page.lang)
    pending(page, PLACEMENT_COUNTS, counts, {}, benefit="broker_fee", on=on)
    results.card(result, page, county=None)
    st.subheader(_("The service subsidy for each number of qualifying placements"), anchor="fee-chart")
    count, total = _("Qualifying placements"), _("Service subsidy")
    rows = [{"count": n, total: float(fee_of(n, on, None).get("amount") or 0)}
            for n in charts.counts_to_show(max(placements, 10), placements)]
    charts.chart_and_table(page, "brk_fee", rows, count=count, series=(total,), you=placements)
    takeaway.offer(page)  # the placements are in the link; a list never is


def placement_list(page: Page, on: date) -> None:
    """Each placed worker of a list: counts for the fee or why not yet; the fee from the same rule."""
    _ = page._
    st.header(_("Check a list of placed workers"), anchor="placements")
    st.markdown(fmt.md_escape(_(
        "Upload your list of placed workers: each row says whether the placement earns the service subsidy, or "
        "why not yet, with the smallest next step (“2 more months in the job”).")))
    check = lists.upload_and_check(
        page, key="brk_list", kind=PLACEMENTS, on=on, label=_("List of placed workers (CSV or XLSX)"),
        sheet=N_("Placements"), stem="placements",
        note=N_("Other columns are ignored. Months or the start date is needed; name and ID number are optional "
                "(an ID number is checked and shown masked)."))
    if check is None:
        return
    summary = summarise(check, page.lang)
    lists.counts_line(page, summary)
    found, upper = summary["results"]["broker_fee"], summary["if_all_known"]
    if found["status"] == "eligible":
        st.markdown("**" + fmt.md_escape(page.ngettext(
            "{count} placement counts: a service subsidy of {amount}.", "{count} placements count: a service subsidy of {amount}.",
            summary["counts"]).format(
            count=fmt.number(summary["counts"], page.lang), amount=fmt.money(found["amount"], page.lang))) + "**")
    else:
        st.markdown(fmt.md_escape(fmt.sentences((m["text"] for m in found["unmet"] + found["missing"]), page.lang)))
    if upper is not None and upper["broker_fee"]["status"] == "eligible":
        st.caption(fmt.md_escape(page.ngettext(
            "If the {count} placement still unknown counted: {amount}.",
            "If all {count} placements still unknown counted: {amount}.", summary["needs_info"]).format(
            count=fmt.number(summary["needs_info"], page.lang),
            amount=fmt.money(upper["broker_fee"]["amount"], page.lang))))
    lists.rows_and_downloads(page, check, key="brk_list", stem="placements-results", order=SHOWN_ORDER)


def insurance(page: Page, on: date) -> None:
    _ = page._
    st.header(_("Social insurance for “4050” brokers"), anchor="4050")
    st.markdown(fmt.md_escape(_(
        "A broker who is a “4050” person (a woman aged 40 or more, a man aged 50 or more) and joins urban employee "
        "social insurance voluntarily is within the flexible-employment social-insurance subsidy scheme: the "
        "broker can apply for a subsidy towards the social insurance paid as a flexibly employed person. The standard is not published in this "
        "policy: the county human resources and social security bureau (人力资源和社会保障局) publishes it; ask "
        "there or call 12333.")))
    # Only a labour broker, a person, can be a “4050” person (reading broker_4050_is_a_broker): asked first, unanswered.
    kinds = {"person": _("A labour broker (劳务经纪人), myself"), "agency": _("A labour agency (劳务中介组织)")}
    kind = st.radio(_("Who is applying?"), list(kinds), index=None, horizontal=True, format_func=kinds.__getitem__,
                    key="brk_kind")
    if kind is None:
        return
    if kind == "agency":
        facts = {"broker.kind": kind}
        results.card(emp.results(facts, on, page.lang, ["broker_4050_insurance"])["broker_4050_insurance"], page,
                     county=None)
        return
    # “4050” is an age in full years (周岁) on the day checked: worked out from the sex and the year of birth on the
    # ID card (engine.age), never asked as "are you 40 or more?", which invites 虚岁.
    sexes = {"woman": _("Woman"), "man": _("Man")}
    left, right = st.columns(2)
    with left:
        sex = st.radio(_("Are you a woman or a man?"), list(sexes), index=None, horizontal=True,
                       format_func=sexes.__getitem__, key="brk_sex")
        born = st.number_input(_("In which year were you born? (the year on your ID card)"), min_value=1900,
                               max_value=2010, value=None, step=1, key="brk_birth_year",
                               placeholder=_("Type a number"))
    with right:
        joined = st.radio(_("Have you joined urban employee social insurance voluntarily?"), [True, False],
                          index=None, horizontal=True, format_func=lambda v: _("Yes") if v else _("No"),
                          key="brk_joined")
    if sex is None or born is None or joined is None:
        return
    facts = {"broker.kind": kind, "broker.sex": sex, "broker.birth_year": int(born),
             "broker.joined_employee_insurance": joined}
    result = emp.results(facts, on, page.lang, ["broker_4050_insurance"])["broker_4050_insurance"]
    if BROKER_BIRTH_MONTH in result["missing"]:  # the year leaves two ages that differ on it: the month decides
        month = st.number_input(_("In which month were you born? (1 to 12)"), min_value=1, max_value=12, value=None,
                                step=1, key="brk_birth_month", placeholder=_("Type a number"))
        if month is not None:
            facts[BROKER_BIRTH_MONTH] = int(month)
            result = emp.results(facts, on, page.lang, ["broker_4050_insurance"])["broker_4050_insurance"]
        if month is None:
            return
        if IS_4050 in result["missing"]:  # born in the month checked: the day decides, which only the person knows
            st.info(fmt.md_escape(_(
                "Your birthday is close to {date}: whether you are a “4050” person on that day depends on the day "
                "you were born. The county checks it against your ID card.").format(
                    date=fmt.date_text(on, page.lang))), icon=":material/cake:")
            # Asked only here, where the birth date leaves two ages: the engine takes the answer only if it fits
            # them (reading age_stated_when_the_day_decides), and the card then says so.
            turned = st.radio(_("On {date}, had you already turned {age} (your birthday that year)?").format(
                date=fmt.date_text(on, page.lang), age=fmt.number(AGE_4050[sex], page.lang)), [True, False],
                index=None, horizontal=True, format_func=lambda v: _("Yes") if v else _("No"), key="brk_turned")
            if turned is None:
                return
            facts[IS_4050] = turned
            result = emp.results(facts, on, page.lang, ["broker_4050_insurance"])["broker_4050_insurance"]
    results.card(result, page, county=None)


def recognition(page: Page) -> None:
    _ = page._
    for entry in BY_ARTICLE[4]:
        st.header(_(entry.title), anchor="recognition")
        st.caption(fmt.md_escape(results.citation(4, page)))
        st.markdown(fmt.md_escape(_(entry.meaning)))
        st.markdown("\n".join(f"- {fmt.md_escape(_(line))}" for line in entry.to_do))
        st.caption(fmt.md_escape(_(entry.contact)))


def main() -> None:
    page = frame(N_("Labour brokers"))
    _ = page._
    st.title(_("Labour brokers"), anchor="top")
    st.markdown(fmt.md_escape(_(
        "What a labour agency or broker (劳务中介组织、劳务经纪人) can apply for when it places registered poor "
        "workers into work, and the social insurance support for “4050” brokers.")))
    st.markdown(" · ".join(f"[{fmt.md_escape(_(title))}](#{anchor})" for anchor, title in SECTIONS))
    on = url.situation_date(page, "brk_date")
    fee(page, on)
    placement_list(page, on)
    insurance(page, on)
    recognition(page)


errors.run(main)
