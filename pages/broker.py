"""Labour brokers: the fee per placement (article 四), the 4050 brokers' social insurance, recognition.

A thin page: amounts come from the engine (engine.evaluate through engine.employer.results); ui/ draws them.
Session-state keys start with ``brk_``.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from engine import employer as emp
from engine import policy
from engine.guidance import BY_ARTICLE
from i18n import N_
from ui import cohort_charts as charts
from ui import format as fmt
from ui import results
from ui.frame import Page, frame

SECTIONS = (
    ("fee", N_("Fee per placement")),
    ("4050", N_("Social insurance for “4050” brokers")),
    ("recognition", N_("Recognition of brokers and labour organisations")),
)
MAX_PLACEMENTS = 10_000_000
CHART_POINTS = 20


def fee_of(placements: int, on: date, lang: str) -> dict:
    return emp.results({"broker.qualifying_placements": placements}, on, lang, ["broker_fee"])["broker_fee"]


def fee(page: Page, on: date) -> None:
    _ = page._
    st.header(_("Fee per placement"), anchor="fee")
    st.markdown(fmt.md_escape(_(
        "An employment and start-up service subsidy to the labour agency or broker for each registered poor worker "
        "(建档立卡贫困劳动力) it places into a first job with an enterprise for a year or more, with a labour "
        "contract and social insurance paid. Paid from the employment subsidy fund.")))
    placements = int(st.number_input(_("Qualifying placements"), min_value=0, max_value=MAX_PLACEMENTS, value=0,
                                     step=1, key="brk_placements"))
    st.caption(fmt.md_escape(_(
        "A qualifying placement: a registered poor worker in a first job with an enterprise, employed for 12 months "
        "or more, with a labour contract and social insurance paid.")))
    result = fee_of(placements, on, page.lang)
    results.card(result, page, county=None)
    st.subheader(_("Fee against placements"), anchor="fee-chart")
    span = max(placements, 10)
    step = max(1, -(-span // CHART_POINTS))
    points = sorted({*range(0, span + 1, step), span, placements})
    count, total = _("Qualifying placements"), _("Fee")
    rows = [{"count": n, total: float(fee_of(n, on, page.lang).get("amount") or 0)} for n in points]
    chart_side, table_side = st.columns([3, 2])
    with chart_side:
        st.altair_chart(charts.payee_lines(rows, count=count, amount=_("Yuan"), payee=_("Paid to"), series=(total,),
                                           you=placements), width="stretch")
    with table_side:
        st.dataframe({count: [fmt.number(r["count"], page.lang) for r in rows],
                      total: [fmt.money(r[total], page.lang) for r in rows]}, hide_index=True, height=320)


def insurance(page: Page, on: date) -> None:
    _ = page._
    st.header(_("Social insurance for “4050” brokers"), anchor="4050")
    st.markdown(fmt.md_escape(_(
        "A broker who is a “4050” person (a woman aged 40 or more, a man aged 50 or more) and joins urban employee "
        "social insurance voluntarily is covered by the flexible-employment social-insurance subsidy: part of the "
        "social insurance paid as a flexibly employed person is refunded. The standard is not published in this "
        "policy: the county human resources and social security bureau (人力资源和社会保障局) publishes it; ask "
        "there or call 12333.")))
    left, right = st.columns(2)
    with left:
        is_4050 = st.radio(_("Are you a woman aged 40+ or a man aged 50+?"), [True, False], index=None,
                           horizontal=True, format_func=lambda v: _("Yes") if v else _("No"), key="brk_4050")
    with right:
        joined = st.radio(_("Have you joined urban employee social insurance voluntarily?"), [True, False],
                          index=None, horizontal=True, format_func=lambda v: _("Yes") if v else _("No"),
                          key="brk_joined")
    if is_4050 is None or joined is None:
        return
    found = emp.results({"broker.is_4050": is_4050, "broker.joined_employee_insurance": joined}, on, page.lang,
                        ["broker_4050_insurance"])
    results.card(found["broker_4050_insurance"], page, county=None)


def recognition(page: Page) -> None:
    _ = page._
    for entry in BY_ARTICLE[4]:
        st.header(_(entry.title), anchor="recognition")
        st.caption(fmt.md_escape(results.citation(4, page)))
        st.markdown(fmt.md_escape(_(entry.meaning)))
        st.markdown("\n".join(f"- {fmt.md_escape(_(line))}" for line in entry.to_do))
        st.caption(fmt.md_escape(_(entry.contact)))


def main() -> None:
    page = frame(N_("Labour brokers"), icon=":material/handshake:")
    _ = page._
    st.title(_("Labour brokers"), anchor="top")
    st.markdown(fmt.md_escape(_(
        "What a labour agency or broker (劳务中介组织、劳务经纪人) earns for placing registered poor workers into "
        "work, and the social insurance support for “4050” brokers.")))
    st.markdown(" · ".join(f"[{fmt.md_escape(_(title))}](#{anchor})" for anchor, title in SECTIONS))
    on = st.date_input(_("Date of the situation"), value=policy.IN_FORCE_UNTIL, min_value=policy.IN_FORCE_FROM,
                       max_value=policy.IN_FORCE_UNTIL, key="brk_date", format="YYYY-MM-DD")
    fee(page, on)
    insurance(page, on)
    recognition(page)


main()
