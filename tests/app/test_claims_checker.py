"""The claims checker's teeth: small fake pages, rendered in AppTest from a script, that put back one of the old
defects each, and must be flagged, beside the same page without it, which must not be. These hold whatever the
site's pages become: they test ``tests/claims.py``, not the pages."""

from __future__ import annotations

import base64
import textwrap

import pytest
from streamlit.testing.v1 import AppTest

from engine import catalog, evaluate
from engine.questions import nest
from i18n import LOCALES
from tests import claims
from tests.app.pages_under_test import t
from ui import format as fmt
from ui.results import GROUPS, PAYEE_TEXT

# The jobless woman of issue 26: 固原市西吉县, born 1973, no job, would take a post near home; assessed at the end
# of 2018, so that a year in a new job away still ends within the policy (from 2019-12-31 it would not).
JOBLESS = {"year": "2018", "step": "results", "registered_poor": "1", "birth_year": "1973", "city": "guyuan",
           "county": "640422", "job.place": "none", "wants_work": "1"}
# Twelve months in another province with a contract and social insurance: the transport subsidy is due (800).
AWAY = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1974", "job.place": "other_province",
        "job.months": "12", "job.contract": "1_year_or_more", "job.social_insurance": "1"}
GROUP = {key: title for key, title, _icon in GROUPS}


def fake(script: str) -> AppTest:
    """A page of a few elements, as a script."""
    at = AppTest.from_string("import streamlit as st\n" + textwrap.dedent(script), default_timeout=30)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def faces(benefit: str, params: dict[str, str], lang: str) -> list[str]:
    """The face sentences of the engine's result for a resident's answers: a right card shows them."""
    facts, on = claims.resident_facts(params)
    result = next(r for r in evaluate(nest(facts), on, lang)["results"] if r["benefit"] == benefit)
    return [m["text"] for m in result["face"]]


def card(benefit: str, group: str, lang: str, *lines: str, where: str | None = None,
         face: dict[str, str] | None = None) -> str:
    """A results group heading and a card under it, as the residents' page keys them; with ``face`` (a resident's
    answers), the card's face sentences as the engine gives them, so that only the defect put in differs."""
    lines = (*(faces(benefit, face, lang) if face is not None else ()), *lines)
    body = "".join(f"    st.markdown({line!r})\n" for line in lines)
    if where is not None:
        body += f"    with st.container(key='where_{benefit}'):\n        st.markdown({where!r})\n"
    return (f"st.subheader({t(lang, GROUP[group])!r}, anchor='group-{group}')\n"
            f"with st.container(key='card_{benefit}'):\n{body}")


def found(at: AppTest, spec: claims.PageSpec, lang: str, params: dict[str, str], where: str = "") -> set[str]:
    """The kinds of finding the checker makes on ``at`` (at ``where`` only, when given)."""
    report = claims.check(at, spec, lang, params)
    return {f.kind for f in report.findings if where in f.where}


@pytest.mark.parametrize("lang", LOCALES)
def test_a_card_under_a_group_the_engine_does_not_give_is_flagged(lang):
    """Her transport subsidy is "not for you"; a card under "You can apply" with 800 is two untrue claims."""
    wrong = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}"))
    assert {"status", "amount"} <= found(wrong, claims.RESIDENT, lang, JOBLESS, "card_transport_subsidy")
    right = fake(card("transport_subsidy", "not_for_you", lang, "- …"))
    assert not found(right, claims.RESIDENT, lang, JOBLESS, "card_transport_subsidy")


def row(scenario: str, *lines: str) -> str:
    body = "".join(f"    st.markdown({line!r})\n" for line in lines)
    return f"with st.container(key='choice_{scenario}'):\n{body}"


HYPOTHESES = {
    "zh_CN": "如果您到外省（区）务工满12个月，签订劳动合同并缴纳社会保险，可以申请{amount}。",
    "en": "If you work in another province for 12 months with a contract and social insurance, you could apply for "
          "{amount}.",
}


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_worded_as_her_own_case_is_flagged(lang):
    """"到外省（区）务工 · 800元 · 可以申请" to a woman without a job: a hypothesis worded as her own case."""
    label = t(lang, "Work in another province")
    as_hers = fake(row("other_province", f"**{label}** · {fmt.money(800, lang)} · {t(lang, 'You could apply')}"))
    assert "hypothesis" in found(as_hers, claims.RESIDENT, lang, JOBLESS, "choice_other_province")
    as_if = fake(row("other_province", HYPOTHESES[lang].format(amount=fmt.money(800, lang))))
    assert not found(as_if, claims.RESIDENT, lang, JOBLESS, "choice_other_province")
    wrong_amount = fake(row("other_province", HYPOTHESES[lang].format(amount=fmt.money(1_000, lang))))
    assert found(wrong_amount, claims.RESIDENT, lang, JOBLESS, "choice_other_province") == {"amount"}


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_already_made_for_the_visitor_is_flagged(lang):
    """单位类型 = 中小微企业 before the visitor chose anything: a fact the visitor never gave."""
    chosen = fake("st.selectbox('Kind of organisation', ['sme', 'other'], key='emp_kind')")
    assert "given" in found(chosen, claims.EMPLOYER, lang, {}, "emp_kind")
    assert not found(chosen, claims.EMPLOYER, lang, {"kind": "sme"}, "emp_kind")
    empty = fake("st.selectbox('Kind of organisation', ['sme', 'other'], index=None, key='emp_kind')")
    assert not found(empty, claims.EMPLOYER, lang, {}, "emp_kind")
    counted = fake("st.number_input('Qualifying hires', min_value=0, value=0, key='emp_sme_hires')")
    assert "given" in found(counted, claims.EMPLOYER, lang, {}, "emp_sme_hires")


@pytest.mark.parametrize("lang", LOCALES)
def test_an_engine_sentence_true_only_of_a_default_is_flagged(lang):
    """A cooperative that typed only its hires (?ws_hires=15) told "you run a workshop in a poor village"."""
    assumed = {"employer": {"carrier": "workshop", "located_in": "poor_village", "qualifying_hires": 15}}
    result = next(r for r in evaluate(assumed, claims.END, lang)["results"] if r["benefit"] == "workshop_grant")
    met = [m["text"] for m in result["met"]]
    script = ("st.selectbox('carrier', ['workshop', 'none'], key='emp_carrier')\n"
              "st.selectbox('place', ['poor_village', 'other'], key='emp_place')\n"
              "with st.container(key='card_workshop_grant'):\n"
              + "".join(f"    st.markdown({'- ' + line!r})\n" for line in met))
    kinds = found(fake(script), claims.EMPLOYER, lang, {"ws_hires": "15"}, "card_workshop_grant")
    assert "given" in kinds


@pytest.mark.parametrize("lang", LOCALES)
def test_a_payee_of_another_is_flagged(lang):
    """The transport subsidy is paid to the person: "paid to the employer" on its card is untrue."""
    wrong = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}", t(lang, PAYEE_TEXT["employer"]),
                      face=AWAY))
    assert found(wrong, claims.RESIDENT, lang, AWAY, "card_transport_subsidy") == {"payee"}
    right = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}", t(lang, PAYEE_TEXT["person"]),
                      face=AWAY))
    assert not found(right, claims.RESIDENT, lang, AWAY, "card_transport_subsidy")


@pytest.mark.parametrize("lang", LOCALES)
def test_an_office_of_another_benefit_or_a_county_not_given_is_flagged(lang):
    own = t(lang, catalog.BY_ID["transport_subsidy"].apply_at)
    other = t(lang, catalog.APPLY_EMPLOYER_COUNTY)
    wrong = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}", where=other, face=AWAY))
    assert found(wrong, claims.RESIDENT, lang, AWAY, "card_transport_subsidy") == {"office"}
    county = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}", where=f"西吉县：{own}",
                       face=AWAY))
    assert found(county, claims.RESIDENT, lang, AWAY, "card_transport_subsidy") == {"given"}
    assert not found(county, claims.RESIDENT, lang, {**AWAY, "city": "guyuan", "county": "640422"},
                     "card_transport_subsidy")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_date_no_result_gives_is_flagged(lang):
    """The timeline's "reached on" of every past month: a date the engine never gave."""
    from datetime import date  # noqa: PLC0415

    wrong = fake(card("transport_subsidy", "apply", lang, fmt.date_text(date(2020, 6, 30), lang), face=AWAY))
    assert found(wrong, claims.RESIDENT, lang, AWAY, "card_transport_subsidy") == {"date"}
    assessed = fake(card("transport_subsidy", "apply", lang, fmt.date_text(date(2019, 12, 31), lang), face=AWAY))
    assert not found(assessed, claims.RESIDENT, lang, AWAY, "card_transport_subsidy")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_step_that_can_never_unlock_is_flagged(lang):
    """Not registered poor: the transport subsidy can never come, so it is not "not yet"."""
    params = {**AWAY, "registered_poor": "0"}
    wrong = fake(card("transport_subsidy", "not_yet", lang, "…"))
    assert found(wrong, claims.RESIDENT, lang, params, "card_transport_subsidy") == {"status"}
    right = fake(card("transport_subsidy", "not_for_you", lang, "…"))
    assert not found(right, claims.RESIDENT, lang, params, "card_transport_subsidy")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_your_row_the_engine_does_not_give_is_flagged(lang):
    """The grant table's "◀ you" row with 20,000 for a visitor who never said it runs a workshop."""
    script = (f"st.header('grant', anchor='workshop')\n"
              f"st.table({{'hires': ['11 to 20  ◀ you'], 'grant': [{fmt.money(20_000, lang)!r}]}})\n")
    at = fake(script)
    assert found(at, claims.EMPLOYER, lang, {"ws_hires": "15"}, "table") == {"amount"}
    workshop = {"ws_hires": "15", "carrier": "workshop", "place": "poor_village"}
    assert not found(at, claims.EMPLOYER, lang, workshop, "table")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_reading_that_decides_the_result_must_be_on_the_card_face(lang, monkeypatch):
    """A result's ``face`` sentence shown only inside "the policy says" is flagged; on the face it is not."""
    face = "FACE-SENTENCE"

    def with_face(profile, on, lang=None):
        out = evaluate(profile, on, lang)
        for result in out["results"]:
            if result["benefit"] == "transport_subsidy":
                result["face"] = {"id": face, "params": {}, "text": face}
        return out

    monkeypatch.setattr(claims, "evaluate", with_face)
    hidden = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}")
                  + f"    with st.expander('the policy says'):\n        st.markdown({face!r})\n")
    assert found(hidden, claims.RESIDENT, lang, AWAY, "card_transport_subsidy") == {"face"}
    shown = fake(card("transport_subsidy", "apply", lang, f"### {fmt.money(800, lang)}", face))
    assert not found(shown, claims.RESIDENT, lang, AWAY, "card_transport_subsidy")


POST = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1970", "city": "guyuan",
        "county": "640422", "job.place": "none", "wants_work": "1", "able_to_work": "1",
        "city_rural_income_last_year": "11708"}


def printout(lang: str, *, ended: bool, note: bool, colon: str) -> AppTest:
    """A page whose print button holds a summary of the post the person can apply for."""
    result = next(r for r in evaluate(nest(claims.resident_facts(POST)[0]), claims.resident_facts(POST)[1], lang)
                  ["results"] if r["benefit"] == "public_welfare_post")
    office = fmt.html_escape(f"西吉县：{result['apply_at']['text']}")
    lines = "".join(f"<li>{fmt.html_escape(m['text'])}</li>" for m in result["face"] + result["met"])
    if note:
        lines += "".join(f"<li>{fmt.html_escape(m['text'])}</li>" for m in result["notes"])
    end = f"<p>{fmt.date_text(claims.END, lang)}</p>" if ended else ""
    document = (f"<html><body><h1>summary</h1>{end}<h2>{t(lang, GROUP['apply'])}</h2><div class='card'><strong>"
                f"{t(lang, catalog.BY_ID['public_welfare_post'].label)}</strong> · 第（六）条<div class='amount'>"
                f"{fmt.money(11_708, lang)}</div><ul>{lines}</ul><div class='muted'>{t(lang, 'Where to apply')}"
                f"{colon} {office}</div></div></body></html>")
    data = base64.b64encode(document.encode("utf-8")).decode("ascii")
    return fake(f"st.html({f'<div id=takeaway-print-doc data-doc={chr(34)}{data}{chr(34)} hidden></div>'!r})")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_printout_without_the_policys_end_or_the_posts_note_is_flagged(lang):
    colon = "：" if lang == "zh_CN" else ":"
    bare = claims.check(printout(lang, ended=False, note=False, colon=colon), claims.RESIDENT, lang, POST)
    assert {f.where for f in bare.of("printout")} == {"summary", "summary card "
                                                      f"{t(lang, catalog.BY_ID['public_welfare_post'].label)!r}"}
    whole = claims.check(printout(lang, ended=True, note=True, colon=colon), claims.RESIDENT, lang, POST)
    assert not whole.findings, [str(f) for f in whole.findings]


def test_ascii_punctuation_in_a_chinese_printout_is_flagged():
    ascii_colon = claims.check(printout("zh_CN", ended=True, note=True, colon=":"), claims.RESIDENT, "zh_CN", POST)
    assert {f.kind for f in ascii_colon.findings} == {"punctuation"}


@pytest.mark.parametrize("lang", LOCALES)
def test_a_takeaway_link_with_a_value_not_given_is_flagged(lang):
    at = fake("st.html('<p class=\"takeaway-link\"><code>?lang=en&amp;kind=sme&amp;ws_hires=15</code></p>')")
    assert found(at, claims.EMPLOYER, lang, {"ws_hires": "15"}, "take-away") == {"given"}
    assert not found(at, claims.EMPLOYER, lang, {"ws_hires": "15", "kind": "sme"}, "take-away")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_headline_naming_a_benefit_not_due_is_flagged(lang):
    label = t(lang, catalog.BY_ID["transport_subsidy"].label)
    headline = {"zh_CN": f"您可以申请1项扶持：{label}。", "en": f"You can apply for 1 benefit: {label}."}[lang]
    at = fake(f"st.markdown({headline!r})\n" + card("transport_subsidy", "not_for_you", lang, "…"))
    assert found(at, claims.RESIDENT, lang, JOBLESS, "page") == {"status"}
    assert not found(at, claims.RESIDENT, lang, AWAY, "page")


@pytest.mark.parametrize(("lang", "text", "amounts", "dates"), [
    ("zh_CN", "自2020年8月20日起可以申请6万元（多3万元），另有27,360.5元", [60_000, 30_000, 27_360.5], ["2020-08-20"]),
    ("en", "from 20 August 2020 you can apply for 60,000 yuan (30,000 yuan more)", [60_000, 30_000], ["2020-08-20"]),
])
def test_amounts_and_dates_are_read_as_the_language_writes_them(lang, text, amounts, dates):
    assert [value for _w, value in claims.money_in(text, lang)] == amounts
    assert [day.isoformat() for _w, day in claims.dates_in(text, lang)] == dates


@pytest.mark.parametrize(("lang", "text", "hypothesis"), [
    ("zh_CN", "到外省（区）务工 · 800元 · 可以申请", False),
    ("zh_CN", "如果您到外省（区）务工满12个月，可以申请800元", True),
    ("zh_CN", "在本县（区）务工 · 0元 · 不符合条件", False),
    ("zh_CN", "在本县（区）务工：没有交通补贴", True),  # no status word nor amount: nothing asserted
    ("en", "Work in another province · 800 yuan · You could apply", False),
    ("en", "If you work in another province for 12 months, you could apply for 800 yuan", True),
    ("en", "Work in my home county · 0 yuan · Not eligible", False),
])
def test_a_hypothesis_is_worded_as_one(lang, text, hypothesis):
    assert claims.worded_as_hypothesis(text, lang) is hypothesis
