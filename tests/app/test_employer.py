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
from tests.app.pages_under_test import open_page, t, tn
from tests.money import AMOUNT, yuan
from ui import format as fmt
from ui.counts import WORKSHOP_COUNTS


def open_employer(lang: str) -> AppTest:
    return open_page(lang, "pages/employer.py")


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
    at = open_employer(lang)
    assert at.title[0].value == t(lang, "Employers and workshops")
    headers = [h.value for h in at.header]
    for title in ("Workshop grant", "Social-insurance subsidy", "Training support and employers outside Ningxia",
                  "Incubation parks", "Check a roster of workers"):
        assert t(lang, title) in headers
    assert at.session_state["lang"] == lang
    for key in ("emp_date", "emp_kind", "emp_carrier", "emp_place", "emp_ws_hires", "emp_sme_hires"):
        assert key in at.session_state


STEP = UPGRADE_BY_WORDS[True]
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
    at = open_employer(lang)
    at.number_input(key="emp_ws_hired").set_value(20)
    at.number_input(key="emp_ws_hires").set_value(17)
    rerun(at)
    assert f"### {yuan(20_000, lang)}" in texts(at)
    pending = tn(lang, WORKSHOP_COUNTS.pending, 3).format(count=3, end=fmt.date_text(date(2020, 12, 31), lang))
    assert pending in [info.value.replace("\\", "") for info in at.info]
    at.number_input(key="emp_ws_hires").set_value(25)
    rerun(at)
    assert at.error, "25 qualifying of 20 employed is refused"
    assert not AMOUNT_HEADING.search(texts(at).split(t(lang, "Social-insurance subsidy"))[0])


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
        assert not AMOUNT_HEADING.search(text.split(t("en", "Social-insurance subsidy"))[0])
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
