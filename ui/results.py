"""Result cards: what a person can apply for, what is not yet met, what does not apply, what we need.

Every amount and reason comes from the engine's result; this module only arranges and labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

import streamlit as st

import i18n
from engine import catalog, policy
from engine.interpretations import INTERPRETATIONS
from engine.profile import place_name
from engine.questions import ASKED_AS, BY_FACT
from i18n import N_
from ui import answers as url
from ui import format as fmt
from ui.figures import figure_text
from ui.frame import Page
from ui.questionnaire import label_of

GROUPS: tuple[tuple[str, str, str], ...] = (
    ("apply", N_("You can apply"), ":material/check_circle:"),
    ("school", N_("Paid to your school for you"), ":material/school:"),
    ("not_yet", N_("Not yet"), ":material/schedule:"),
    ("need", N_("We need to know"), ":material/help:"),
    ("not_for_you", N_("Not for you"), ":material/block:"),
    ("out_of_period", N_("Outside the policy period"), ":material/event_busy:"),
)
STATUS_TEXT = {
    "eligible": N_("Eligible"),
    "not_eligible": N_("Not eligible"),
    "needs_info": N_("Need more answers"),
    "out_of_period": N_("Outside the policy period"),
}
PAYEE_TEXT = {
    "person": N_("Paid to you"),
    "employer": N_("Paid to the employer"),
    "institution": N_("Paid to the institution"),
    "broker": N_("Paid to the labour agency or broker"),  # Article (四): 劳务中介组织或经纪人
    "broker_person": N_("Paid to you (the broker)"),  # the “4050” broker's own social insurance
    "students": N_("Paid to each student"),
}


def group_of(result: dict[str, Any]) -> str:
    """Where a result goes: due; not yet (the engine offers a checked step); not known (facts decide it, or
    decide its step); not for you (nothing within the policy period makes it due); outside the period."""
    status = result["status"]
    if status == "eligible":
        return "apply"
    if status == "needs_info":
        return "need"
    if status == "out_of_period":
        return "out_of_period"
    if result["next"]:
        return "not_yet"
    return "need" if result["missing"] and not result.get("ruled_out") else "not_for_you"


def grouped(results: Iterable[dict[str, Any]], *, person: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Results by group; for a person (``person``), money due to their school is a group of its own, apart from
    what the person can apply for."""
    groups: dict[str, list[dict[str, Any]]] = {key: [] for key, _, _ in GROUPS}
    for result in results:
        group = group_of(result)
        if person and group == "apply" and result["payee"] == "institution":
            group = "school"
        groups[group].append(result)
    return groups


def citation(article: int, page: Page) -> str:
    return policy.citation(article, page.lang)


def amount_text(result: dict[str, Any], page: Page) -> str:
    """The amount in words a person reads first."""
    _ = page._
    benefit = catalog.BY_ID[result["benefit"]]
    if result["status"] != "eligible":
        return ""
    if benefit.kind == "in_kind":
        return _("Free")
    if benefit.kind == "service":
        return _("A service, no money")
    if result["amount"] is None:
        return _("Amount depends on a published figure")
    text = fmt.money(result["amount"], page.lang)
    if result.get("amount_is_minimum"):
        text = _("at least {amount}").format(amount=text)
    return text


def _texts(messages: Iterable[dict[str, Any]]) -> list[str]:
    return [m["text"] for m in messages]


def official_name(msgid: str, page: Page, params: dict[str, Any] | None = None) -> str:
    """A benefit's or a document's name in the page's language; in English with the Chinese term beside it, the
    words a counter clerk uses ("Business licence (营业执照)"). ``params`` fill its placeholders ("The certificate
    obtained in {year}")."""
    name = page._(msgid).format(**(params or {}))
    chinese = i18n.translations("zh_CN").gettext(msgid).format(**(params or {}))
    return name if page.lang == "zh_CN" or chinese == name else f"{name} ({chinese})"


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {fmt.md_escape(line)}" for line in lines)


def card(result: dict[str, Any], page: Page, *, county: str | None,
         ask: Callable[[str], None] | None = None, questions: Mapping[str, str] | None = None) -> None:
    """One benefit: label, amount, reasons, what to bring and where to go, and its clause.

    ``questions`` names, by fact, the question on the page that answers what the result still needs
    (a calculator's own questions, ui/needs.py)."""
    _ = page._
    benefit = catalog.BY_ID[result["benefit"]]
    group = group_of(result)
    with st.container(border=True, key=f"card_{result['benefit']}"):
        head = f"**{fmt.md_escape(official_name(benefit.label, page))}** · {fmt.md_escape(citation(result['article'], page))}"
        st.markdown(head)
        amount = amount_text(result, page)
        if amount:
            st.markdown(f"### {fmt.md_escape(amount)}")
        if result.get("monthly") is not None:
            st.markdown(fmt.md_escape(_("{monthly} a month").format(monthly=fmt.money(result["monthly"], page.lang))))
        readings_on_face(result)
        if group == "apply":
            _eligible_details(result, page, benefit, county, ask)
        elif group == "not_yet":
            st.markdown(_bullets(_texts(result["unmet"])))
            st.success(fmt.md_escape(fmt.sentences(_texts(result["next"]), page.lang)), icon=":material/trending_up:")
        elif group == "not_for_you":
            st.markdown(_bullets(_texts(result["unmet"]) + _texts(result.get("too_late", []))))
        elif group == "need":
            if result["unmet"]:
                st.markdown(_bullets(_texts(result["unmet"])))
            _missing(result, page, ask, questions)
        else:
            st.markdown(fmt.md_escape(_texts(result["unmet"])[0]))
        _clause(result, page)


def face_texts(result: dict[str, Any]) -> list[str]:
    """The sentences of the readings that decide this result (the engine's ``face``), in the result's language."""
    return _texts(result.get("face", []))


def readings_on_face(result: dict[str, Any]) -> None:
    """Each reading that decides this result, in one short sentence on the card itself; the reading and its basis
    in full stay under "The policy says"."""
    lines = face_texts(result)
    if lines:
        with st.container(key=f"face_{result['benefit']}"):
            for line in lines:
                st.markdown(f":material/menu_book: {fmt.md_escape(line)}")


def _eligible_details(result: dict[str, Any], page: Page, benefit: catalog.Benefit, county: str | None,
                      ask: Callable[[str], None] | None) -> None:
    _ = page._
    if result["met"]:
        st.markdown(_bullets(_texts(result["met"])))
    if result.get("insurance"):
        st.markdown(_bullets(_texts(result["insurance"])))
    for note in _texts(result.get("notes", [])):
        st.info(fmt.md_escape(note), icon=":material/info:")
    for figure in result["missing_figures"]:
        st.warning(fmt.md_escape(figure_text(figure, page)), icon=":material/query_stats:")
        if ask and figure["fact"] in BY_FACT:
            st.button(_("Type the published figure"), key=f"figure_{result['benefit']}", icon=":material/edit:",
                      on_click=ask, args=(figure["fact"],))
    for line in _texts(result["next"]):
        st.markdown(f":material/trending_up: {fmt.md_escape(line)}")
    fund = catalog.FUND_LABELS.get(result["fund"] or "")
    payer = result["payer"]["text"]
    payer = payer[:1].lower() + payer[1:]  # within a sentence: "by the county …" (Chinese has no case)
    if benefit.kind == "cash":
        money_from = _("{payee} by {payer}").format(payee=_(PAYEE_TEXT[result["payee"]]), payer=payer)
    else:
        money_from = _("Provided by {payer}").format(payer=payer)
    if fund and page.lang == "zh_CN":
        money_from += " · " + _("from the {fund}").format(fund=result["fund"])
    elif fund:
        money_from += " · " + _("from the {fund} ({fund_zh})").format(fund=_(fund), fund_zh=result["fund"])
    st.caption(fmt.md_escape(money_from))
    where_to_go(result, page, county)


def office_text(result: dict[str, Any], page: Page, county: str | None) -> str:
    """Where to apply for ``result``: the office, after the person's county when it is known."""
    where = result["apply_at"]["text"]
    if county:
        where = page._("{county}: {office}").format(county=place_name(county, page.lang), office=where)
    return where


def where_to_go(result: dict[str, Any], page: Page, county: str | None) -> None:
    """What to bring and where to apply, on the card itself: nothing to open on a phone."""
    _ = page._
    bring, office = _("What to bring"), _("Where to apply")
    where = office_text(result, page, county)
    with st.container(key=f"where_{result['benefit']}"):
        documents = [official_name(m["id"], page, m.get("params")) for m in result["documents"]]
        st.markdown(f"**{fmt.md_escape(fmt.with_colon(bring, page.lang))}**\n" + _bullets(documents))
        st.markdown(f"{fmt.bold_label(office, page.lang)}{fmt.md_escape(where)}")
        st.caption(fmt.md_escape(_("Documents are the ones county offices usually ask for; the office may "
                                   "ask for others.")))


def _missing(result: dict[str, Any], page: Page, ask: Callable[[str], None] | None,
             questions: Mapping[str, str] | None = None) -> None:
    _ = page._
    st.markdown(fmt.md_escape(_("To tell you whether you can apply for this, we need to know:")))
    if questions:  # a calculator's questions, on the page above the card
        named = [label for fact, label in questions.items() if fact in result["missing"]]
        st.markdown(_bullets(named + [fact for fact in result["missing"] if fact not in questions]))
        return
    asked = list(dict.fromkeys(ASKED_AS.get(f, f) for f in result["missing"]))  # the age as the year of birth
    known = set(asked)
    # A follow-up question waits for the question it follows (no months before "do you run a business?").
    leads = [f for f in asked if not (BY_FACT.get(f) and set(BY_FACT[f].requires) & known)]
    for fact in leads:
        question = BY_FACT.get(fact)
        label = label_of(question, url.current_answers()[0], page) if question else fact
        if ask and question:
            st.button(label, key=f"ask_{result['benefit']}_{fact}", icon=":material/edit:",
                      on_click=ask, args=(fact,), type="tertiary")
        else:
            st.markdown(f"- {fmt.md_escape(label)}")


def _clause(result: dict[str, Any], page: Page) -> None:
    _ = page._
    with st.expander(_("The policy says")):
        st.html(f'<blockquote lang="zh-CN">{fmt.html_escape(result["clause"])}</blockquote>')
        read_as = _("Read as")
        for key in result["interpretations"]:
            reading = INTERPRETATIONS[key]
            st.markdown(f"{fmt.bold_label(read_as, page.lang)}{fmt.md_escape(_(reading.reading))}")
            st.caption(fmt.md_escape(_(reading.basis)))
        link = f"policy?{urlencode(page.query)}#art-{result['article']}"
        whole = _("Read the whole article")
        st.markdown(f"[{fmt.md_escape(whole)}]({link})")
