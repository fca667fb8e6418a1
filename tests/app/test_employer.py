"""The employers' page through Streamlit's AppTest, in both languages: the calculators, their bad input, and a
GBK roster exported from Excel. Interface texts are looked up in the catalogs, so the tests hold whether or not a
message is translated yet; amounts are written the language's way (2万元 in zh_CN, 20,000 yuan in en)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from engine.interpretations import INTERPRETATIONS
from engine.messages import Message, render
from engine.roster.id_numbers import id_check_character
from engine.steps import UPGRADE_BY_WORDS, deadline
from i18n import LOCALES
from tests.app.pages_under_test import block_text, open_page, t, tn
from tests.money import AMOUNT, yuan
from ui import format as fmt
from ui.counts import WORKSHOP_COUNTS

# What the calculators once assumed for everyone, now said by the visitor: a small enterprise in Ningxia that runs a
# poverty-alleviation workshop in a poor village (the page starts with nothing answered: test_no_defaults.py).
WORKSHOP = {"kind": "sme", "in_region": "1", "carrier": "workshop", "place": "poor_village"}


def open_employer(lang: str, params: dict[str, str] | None = None) -> AppTest:
    return open_page(lang, "pages/employer.py", WORKSHOP if params is None else params)


def rerun(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


AMOUNT_HEADING = re.compile(rf"^### {AMOUNT.pattern}", re.MULTILINE)  # a grant shown as a heading


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.success]
    parts += [w.value for w in at.warning] + [e.value for e in at.error] + [i.value for i in at.info]
    parts += [h.value for h in (*at.title, *at.header, *at.subheader)] + [str(m.value) for m in at.metric]
    return "\n".join(parts).replace("\\", "")


def tables(at: AppTest) -> str:
    return "\n".join(table.value.to_string() for table in at.table)


@pytest.mark.parametrize("lang", LOCALES)
def test_page_opens_with_every_section(lang):
    at = open_page(lang, "pages/employer.py")
    assert at.title[0].value == t(lang, "Employers and workshops")
    headers = [h.value for h in at.header]
    for title in ("Workshop grant", "Social-insurance subsidy", "Training support and employers outside Ningxia",
                  "Incubation parks", "Check a roster of workers"):
        assert t(lang, title) in headers
    assert at.session_state["lang"] == lang
    for key in ("emp_date", "emp_kind", "emp_carrier", "emp_place", "emp_ws_hires", "emp_sme_hires"):
        assert key in at.session_state


STEP = UPGRADE_BY_WORDS[True][True]  # the workshop grant: a band instead of another, from a date
HIRE = ("{more} more qualifying hire", "{more} more qualifying hires")


@pytest.mark.parametrize("lang", LOCALES)
def test_17_hires_on_the_last_day_give_no_next_band(lang):
    """On 2020-12-31 (the page's first date) a new hire could not count before the policy ends: no step."""
    at = open_employer(lang)
    at.number_input(key="emp_ws_hires").set_value(17)
    rerun(at)
    text = texts(at)
    assert f"### {yuan(20_000, lang)}" in text
    four_more = render(Message(HIRE[0], {"more": 4}, HIRE[1], "more"), lang)
    assert four_more not in text


@pytest.mark.parametrize("lang", LOCALES)
def test_more_hired_than_qualifying_says_who_does_not_count_yet(lang):
    """On 1 June 2019 the 3 others can still count (12 months from hiring, before the policy ends), and 4 more
    reach the next band: the engine offers that step, so the page says they do not count yet."""
    at = open_employer(lang, {**WORKSHOP, "on": "2019-06-01"})
    at.number_input(key="emp_ws_hired").set_value(20)
    at.number_input(key="emp_ws_hires").set_value(17)
    rerun(at)
    assert f"### {yuan(20_000, lang)}" in texts(at)
    pending = tn(lang, WORKSHOP_COUNTS.pending, 3).format(count=3, end=fmt.date_text(date(2020, 12, 31), lang))
    assert pending in [info.value.replace("\\", "") for info in at.info]
    at.number_input(key="emp_ws_hires").set_value(25)
    rerun(at)
    assert at.error, "25 qualifying of 20 employed is refused"
    assert block_text(at, "card_workshop_grant") == "", "no grant for numbers that cannot both be true"


@pytest.mark.parametrize("lang", LOCALES)
def test_17_hires_give_20000_and_the_next_band(lang):
    at = open_employer(lang)
    at.date_input(key="emp_date").set_value(date(2019, 6, 1))
    at.number_input(key="emp_ws_hires").set_value(17)
    rerun(at)
    text = texts(at)
    assert f"### {yuan(20_000, lang)}" in text
    # 4 more hires reach the next band; hired after the day assessed, a new hire counts after 12 months: from
    # 2020-06-02; hired by 2019-12-31 at the latest, to count before the policy ends.
    assert render(Message(STEP, {"steps": [{"id": HIRE[0], "params": {"more": 4}, "plural": HIRE[1],
                                            "count": "more"}], "date": "2020-06-02", "amount": 30_000,
                               "increase": 10_000, "deadline": [deadline(date(2019, 12, 31)).as_dict()]}),
                  lang) in text
    assert f"◀ {t(lang, 'you')}" in tables(at)
    assert not at.get("vega_lite_chart")  # on request only
    at.toggle(key="emp_grant_chart_shown").set_value(True)
    rerun(at)
    assert len(at.get("vega_lite_chart")) == 1


@pytest.mark.parametrize(("hires", "grant"), [(10, None), (11, "20,000"), (100, "60,000"), (101, "100,000")])
def test_band_edges_and_the_overlap_at_100(hires, grant):
    at = open_employer("en")
    at.number_input(key="emp_ws_hires").set_value(hires)
    rerun(at)
    text = texts(at)
    if grant is None:
        assert not AMOUNT_HEADING.search(block_text(at, "card_workshop_grant"))
    else:
        assert f"### {grant} yuan" in text
    assert "Reading used" in text
    reading = INTERPRETATIONS["workshop_band_overlap_100"]
    assert "This site uses 60,000 yuan for 100 and 100,000 yuan from 101." in t("en", reading.reading)
    assert t("en", reading.reading) in text
    assert "The county employment service centre decides" in text


def test_a_carrier_elsewhere_gets_no_grant():
    at = open_employer("en")
    at.selectbox(key="emp_place").set_value("other")
    at.number_input(key="emp_ws_hires").set_value(40)
    rerun(at)
    assert "The workshop must be in a poor village" in texts(at)
    assert f"◀ {t('en', 'you')}" not in tables(at), "no band is marked as this employer's: none can be paid to it"


@pytest.mark.parametrize("lang", LOCALES)
def test_sme_subsidy_from_the_monthly_amount(lang):
    at = open_employer(lang)
    at.number_input(key="emp_sme_hires").set_value(3)
    at.number_input(key="emp_sme_monthly").set_value(500.0)
    rerun(at)
    assert f"{yuan(18_000, lang)}" in texts(at)  # 3 × 12 × 500


def test_sme_subsidy_asks_for_the_monthly_amount_and_says_where_it_is_published():
    at = open_employer("en")
    at.number_input(key="emp_sme_hires").set_value(3)
    rerun(at)
    text = texts(at)
    assert "Amount depends on a published figure" in text
    assert "社会保险费缴费凭证" in text
    assert "No rate is filled in for you" in text


def test_sme_subsidy_from_base_and_rates_with_messages_beside_the_fields():
    at = open_employer("en")
    at.number_input(key="emp_sme_hires").set_value(2)
    at.radio(key="emp_sme_mode").set_value("worked_out")
    rerun(at)
    assert at.number_input(key="emp_sme_rate_pension").value is None  # no default rate
    at.number_input(key="emp_sme_base").set_value(4000.0)
    at.number_input(key="emp_sme_rate_pension").set_value(20.0)
    rerun(at)
    errors = [e.value for e in at.error]
    assert sum("Enter the employer rate" in e for e in errors) == 2  # medical and unemployment
    assert any("16" in w.value and "国办发〔2019〕13号" in w.value for w in at.warning)
    at.number_input(key="emp_sme_rate_medical").set_value(8.0)
    at.number_input(key="emp_sme_rate_unemployment").set_value(0.5)
    rerun(at)
    assert not at.error
    text = texts(at)
    assert "1,140 yuan a month" in text  # 4,000 × 28.5 %
    assert "27,360 yuan" in text  # 2 × 12 × 1,140


def test_total_support_chart_and_table():
    at = open_employer("en")
    at.number_input(key="emp_ws_hires").set_value(25)
    at.number_input(key="emp_sme_hires").set_value(25)
    at.number_input(key="emp_sme_monthly").set_value(600.0)
    rerun(at)
    assert "210,000 yuan" in tables(at)  # the figures without the charts
    at.toggle(key="emp_grant_chart_shown").set_value(True)
    at.toggle(key="emp_support_chart_shown").set_value(True)
    rerun(at)
    assert len(at.get("vega_lite_chart")) == 2
    assert "210,000 yuan" in tables(at)  # 30,000 + 25 × 12 × 600


@pytest.mark.parametrize("lang", LOCALES)
def test_training_outside_ningxia_says_who_pays_and_that_the_standard_is_not_published(lang):
    at = open_employer(lang)
    at.radio(key="emp_in_region").set_value(False)
    at.number_input(key="emp_tr_hires").set_value(2)
    rerun(at)
    assert "emp_trains" in [r.key for r in at.radio]  # article 九 asks whether the employer trains them
    text = texts(at)
    assert t(lang, "Amount depends on a published figure") in text
    assert "自治区职业技能培训补贴标准" in text
    payer = t(lang, "The worker's home county in Ningxia")
    assert payer[:1].lower() + payer[1:] in "\n".join(c.value for c in at.caption)  # "… by the worker's home …"


@pytest.mark.parametrize("lang", LOCALES)
def test_training_in_ningxia_counts_the_hires_who_obtained_a_certificate(lang):
    """Article (十): 培训后取得培训合格证书或职业资格证书 — trained hires without a certificate give nothing."""
    at = open_employer(lang)
    at.radio(key="emp_in_region").set_value(True)
    at.number_input(key="emp_tr_hires").set_value(0)
    rerun(at)
    assert "emp_trains" not in [r.key for r in at.radio]  # the count says it all: trained, then certified
    assert "培训合格证书" in texts(at)  # the count asked and the condition unmet both name the certificate
    assert t(lang, "Amount depends on a published figure") not in texts(at)
    at.number_input(key="emp_tr_hires").set_value(2)
    rerun(at)
    assert t(lang, "Amount depends on a published figure") in texts(at)


def test_incubation_park_city_standard_is_at_least_500000():
    at = open_employer("en")
    at.selectbox(key="emp_incubator").set_value("city")
    rerun(at)
    assert "at least 500,000 yuan" in texts(at)
    at.selectbox(key="emp_incubator").set_value("national")
    rerun(at)
    assert "### 1,000,000 yuan" in texts(at)


def gbk_roster(count: int) -> bytes:
    first17 = "64040219900101001"
    good = first17 + id_check_character(first17)
    lines = ["姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"]
    lines += [f"工人{i},,是,14,一年以上,是" for i in range(count)]
    lines += [f"<b>马某</b>,{good},是,9,一年以上,是", "=HYPERLINK(\"x\"),640402199001010012,是,-2,无,否"]
    return ("\n".join(lines) + "\n").encode("gbk")


@pytest.mark.parametrize("lang", LOCALES)
def test_a_gbk_roster_gives_the_count_band_totals_and_bad_rows(lang):
    at = open_employer(lang)
    at.number_input(key="emp_sme_monthly").set_value(500.0)
    rerun(at)
    at.file_uploader(key="emp_roster_file").set_value(("名册.csv", gbk_roster(20), "text/csv"))
    rerun(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t(lang, "Workers")] == "22"
    assert metrics[t(lang, "Count: grant (Article 2 (二))")] == "20"
    assert metrics[t(lang, "Count: subsidy (Article 5 (五))")] == "21"
    assert metrics[t(lang, "Rows with problems")] == "1"
    text = texts(at)
    assert f"{yuan(20_000, lang)}" in text  # 20 qualifying hires: band 11–20
    assert f"{yuan(126_000, lang)}" in text  # 21 × 12 × 500
    assert f"{yuan(146_000, lang)}" in text
    (results,) = (frame.value for frame in at.dataframe)
    listed = t(lang, "Row {row}, {column}: {problem}")
    assert listed.format(row=23, column="身份证号", problem="").strip() in text
    assert listed.format(row=23, column="在岗月数", problem="").strip() in text
    assert "<b>马某</b>" in results.iloc[:, 1].tolist()  # a name is text, never markup


def test_a_roster_that_cannot_be_read_says_why_in_the_language():
    at = open_employer("en")
    at.file_uploader(key="emp_roster_file").set_value(("roster.csv", b"", "text/csv"))
    rerun(at)
    assert any(t("en", "The file is empty.") in e.value.replace("\\", "") for e in at.error)
    at.file_uploader(key="emp_roster_file").set_value(("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
                                                       "application/vnd.ms-excel"))
    rerun(at)
    assert any("xls" in e.value.replace("\\", "") for e in at.error)


def test_limits_are_stated_on_the_page():
    at = open_employer("en")
    assert "10 MB" in texts(at)
    assert "100,000 rows" in texts(at)


def test_many_problems_are_a_table_and_every_row_is_still_checked():
    lines = ["是否建档立卡,在岗月数,劳动合同,是否缴纳社保"] + ["是,-1,一年以上,是"] * 30 + ["是,12,一年以上,是"] * 11
    at = open_employer("en")
    at.file_uploader(key="emp_roster_file").set_value(("r.csv", ("\n".join(lines) + "\n").encode("gbk"), "text/csv"))
    rerun(at)
    problems, results = (frame.value for frame in at.dataframe)
    assert len(problems) == 30
    assert len(results) == 41
    assert {m.label: m.value for m in at.metric}[t("en", "Count: grant (Article 2 (二))")] == "11"
    at.file_uploader(key="emp_roster_file").set_value(None)
    rerun(at)
    assert "emp_roster_text" not in at.session_state
    assert "emp_roster_check" not in at.session_state


@pytest.mark.parametrize(("monthly", "kept"), [
    pytest.param("500", 500.0, id="一个金额"),
    pytest.param("1000000", 1_000_000.0, id="上限"),
    pytest.param("1000000.5", None, id="超过上限"),
    pytest.param("-1", None, id="负数"),
    pytest.param("nan", None, id="nan"),
    pytest.param("inf", None, id="inf"),
    pytest.param("五百", None, id="不是数字"),
])
def test_a_link_s_amount_is_used_only_when_valid(monthly, kept):
    at = open_page("en", "pages/employer.py", {"sme_mode": "typed", "sme_monthly": monthly, "ws_hires": "12"})
    assert at.number_input(key="emp_sme_monthly").value == kept
    assert at.number_input(key="emp_ws_hires").value == 12
    bad = t("en", "The link's value for this field was not valid, so it was not used.")
    assert [e.value.replace("\\", "") for e in at.error].count(bad) == (kept is None)


# ---------------------------------------------------------------------------------------------
# Issue 26: nothing assumed; what cannot happen is not said; what-ifs worded as such
# ---------------------------------------------------------------------------------------------

def asked_above(lang: str, question: str) -> str:
    return t(lang, "“{question}” above").format(question=t(lang, question))


@pytest.mark.parametrize("lang", LOCALES)
def test_a_cooperative_that_typed_only_its_hires_is_asked_what_it_is_not_told_it_runs_a_workshop(lang):
    """Issue 26: a farmers' cooperative typed its hires and read "20,000 yuan · you run a poverty-alleviation
    workshop", which it never said. The grant needs the kind of workshop and its place: the card asks for them."""
    at = open_page(lang, "pages/employer.py")
    at.number_input(key="emp_ws_hired").set_value(32)
    at.number_input(key="emp_ws_hires").set_value(20)
    rerun(at)
    workshop = block_text(at, "card_workshop_grant")
    assert not AMOUNT_HEADING.search(workshop)
    assert t(lang, "You run a poverty-alleviation workshop, community factory or base (扶贫载体).") not in workshop
    for question in ("Kind of workshop or base", "Where the workshop or base is"):
        assert asked_above(lang, question) in workshop
    pending = tn(lang, WORKSHOP_COUNTS.pending, 12).format(count=12, end=fmt.date_text(date(2020, 12, 31), lang))
    assert pending not in [i.value.replace("\\", "") for i in at.info]


COOPERATIVE = {"kind": "new_agri_entity", "in_region": "1", "carrier": "none", "place": "poor_village"}


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize(("params", "why"), [
    pytest.param({**COOPERATIVE, "on": "2019-06-01"}, "not a workshop", id="不是扶贫载体"),
    pytest.param({**WORKSHOP, "place": "other", "on": "2019-06-01"}, "not in a poor village", id="不在贫困村"),
    pytest.param({**WORKSHOP, "on": "2020-12-31"}, "a new hire cannot count before the end", id="政策最后一天"),
])
def test_hires_are_said_not_to_count_yet_only_when_the_engine_offers_a_step_for_them(lang, params, why):
    """"12 workers do not count yet … until" only where the engine offers the workshop a step that more
    qualifying hires would take; for a cooperative that is not a workshop they never count."""
    at = open_employer(lang, {**params, "ws_hired": "32", "ws_hires": "20"})
    pending = tn(lang, WORKSHOP_COUNTS.pending, 12).format(count=12, end=fmt.date_text(date(2020, 12, 31), lang))
    assert pending not in [i.value.replace("\\", "") for i in at.info], why


@pytest.mark.parametrize("lang", LOCALES)
def test_the_total_support_is_worded_as_a_what_if(lang):
    """The table of both articles' support is the engine on "if N hires counted for both", not this employer's
    hires (its 8 insured hires may have 8 months in the job): it is headed and marked as a what-if."""
    at = open_employer(lang, {**WORKSHOP, "on": "2019-06-01", "ws_hires": "12", "sme_hires": "8",
                              "sme_monthly": "500"})
    headers = [h.value for h in at.subheader]
    assert t(lang, "If your hires counted for both: total support") in headers
    support = at.table[1].value.to_string()
    assert tn(lang, ("if your {hires} hire counted for both", "if all {hires} of yours counted for both"),
              8).format(hires=8) in support
    assert f"◀ {t(lang, 'you')}" not in support


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("params", [
    pytest.param({**COOPERATIVE, "sme_hires": "8", "sme_monthly": "500"}, id="不是扶贫载体"),
    pytest.param({**WORKSHOP, "kind": "large_enterprise", "sme_hires": "8", "sme_monthly": "500"}, id="大型企业"),
    pytest.param({key: value for key, value in WORKSHOP.items() if key != "kind"} | {"sme_hires": "8"}, id="单位类型未答"),
])
def test_no_total_of_both_where_one_of_them_cannot_be_known_or_paid(lang, params):
    """The total of the grant and the subsidy is shown only when both can be paid to this employer and are known."""
    at = open_employer(lang, params)
    assert t(lang, "If your hires counted for both: total support") not in [h.value for h in at.subheader]
    both = t(lang, "Workshop grant (Article 2 (二))")
    assert not [table for table in at.table if both in table.value.columns]


@pytest.mark.parametrize("lang", LOCALES)
def test_a_roster_with_nothing_answered_says_which_questions_decide_the_grant(lang):
    """The roster's summary needs the kind of workshop and its place: it names the questions, never a grant."""
    at = open_page(lang, "pages/employer.py")
    at.file_uploader(key="emp_roster_file").set_value(("名册.csv", gbk_roster(20), "text/csv"))
    rerun(at)
    text = texts(at)
    assert f"{yuan(20_000, lang)}" not in text
    quoted = fmt.words([f"“{t(lang, q)}”" for q in ("Kind of workshop or base", "Where the workshop or base is")],
                       lang)
    assert t(lang, "Still to answer on this page: {questions}").format(questions=quoted) in text


@pytest.mark.parametrize("lang", LOCALES)
def test_a_link_with_the_answers_reopens_the_same_result(lang):
    """Nothing is assumed, so a link (or QR code) must carry every answer: the choices and counts it holds are
    chosen again, the grant is the same, and the take-away's link holds them all."""
    at = open_employer(lang, {**WORKSHOP, "place": "migrant_village", "ws_hires": "40", "on": "2019-06-01"})
    assert at.selectbox(key="emp_kind").value == "sme"
    assert at.radio(key="emp_in_region").value is True
    assert at.selectbox(key="emp_carrier").value == "workshop"
    assert at.selectbox(key="emp_place").value == "migrant_village"
    assert f"### {yuan(60_000, lang)}" in block_text(at, "card_workshop_grant")
    (link,) = {found.replace("&amp;", "&") for h in at.get("html")
               for found in re.findall(r'class="takeaway-qr"[^>]*data-url="([^"]*)"', h.proto.body)}
    for pair in ("kind=sme", "in_region=1", "carrier=workshop", "place=migrant_village", "ws_hires=40",
                 "on=2019-06-01"):
        assert pair in link.split("?", 1)[1].split("&"), link


@pytest.mark.parametrize("lang", LOCALES)
def test_a_choice_that_comes_back_empty_is_put_back_from_the_address_unless_the_visitor_emptied_it(lang):
    """Once in thirty sessions at once (CI, a busy machine) the kind, workshop and place came back unanswered after
    a number was typed, and the page dropped them from the address. The address still holding the answer, it is put
    back; a choice the visitor empties on purpose stays empty."""
    at = open_employer(lang, {**WORKSHOP, "ws_hires": "40"})
    at.session_state["emp_kind"] = None  # the answer lost, not by the visitor
    at.session_state["emp_carrier"] = None
    rerun(at)
    assert at.selectbox(key="emp_kind").value == "sme"
    assert at.selectbox(key="emp_carrier").value == "workshop"
    assert at.query_params["kind"] == "sme"
    at.selectbox(key="emp_place").set_value(None)  # the visitor empties it
    rerun(at)
    assert at.selectbox(key="emp_place").value is None
    assert "place" not in at.query_params
