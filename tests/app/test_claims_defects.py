"""Issue 26's defects, one test each, named after it: what a page said that no engine result for the visitor's
facts says. Each test reads the page the way ``tests/claims.py`` does (container keys, heading anchors, the
engine's own values and sentences, language markers), so it holds whatever words the fix chooses."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from engine import catalog
from engine.interpretations import INTERPRETATIONS
from i18n import LOCALES
from tests import claims
from tests.app.pages_under_test import open_page, t
from ui import format as fmt

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
JOBLESS = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1973", "city": "guyuan",
           "county": "640422", "job.place": "none", "wants_work": "1"}


def report(spec: claims.PageSpec, lang: str, params: dict[str, str], widgets: dict | None = None) -> claims.Report:
    return claims.check_visit(spec, lang, params, widgets)


def listed(findings: list[claims.Finding]) -> str:
    return "\n".join(str(f) for f in findings)


def card_face(at: AppTest, benefit: str) -> str:
    """What a card says outside its "The policy says" expander."""
    return "\n".join(e.text for e in claims.seen(at) if e.inside("card_") == benefit and not e.expander and e.text)


def truth(spec: claims.PageSpec, lang: str, params: dict[str, str], benefit: str) -> dict:
    return claims.truth_for(spec, lang, params, params).results[benefit]


# --- the employers' and institutions' pages: no choice is made for the visitor ------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_the_employers_page_opens_with_every_choice_unanswered(lang):
    """单位类型 = 中小微企业, 扶贫载体类型 = 就业扶贫车间, 所在地 = 贫困村, 在宁夏区内 and counts of 0 were chosen already."""
    found = report(claims.EMPLOYER, lang, {}).of("given")
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_a_cooperative_that_typed_only_its_hires_is_not_told_it_runs_a_workshop(lang):
    """?ws_hires=15 gave "2万元 · 您经营的是扶贫载体（就业扶贫车间…）": a fact, and an amount, the visitor never gave."""
    found = [f for f in report(claims.EMPLOYER, lang, {"ws_hires": "15"}).findings
             if "workshop" in f.where and f.kind != "punctuation"]
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_institutions_page_assumes_no_kind_of_institution(lang):
    """Three counts typed, no kind: 36,000 to the school as a 技工院校 was a fact not given."""
    found = report(claims.INSTITUTION, lang, {"enrolled": "10", "completed": "8", "passed": "6"}).findings
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_brokers_page_counts_no_placement_before_the_visitor_does(lang):
    found = report(claims.BROKER, lang, {}).of("given")
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_a_cooperative_that_is_not_a_workshop_is_promised_nothing_for_its_pending_hires(lang):
    """carrier=none, 20 employed, 8 qualifying: "还有12人暂不计入 … 后才计入" is a step that can never unlock (the grant is
    for workshops and bases only)."""
    params = {"carrier": "none", "place": "poor_village", "kind": "new_agri_entity", "in_region": "1",
              "ws_hired": "20", "ws_hires": "8"}
    at = claims.run_page(claims.EMPLOYER, lang, params)
    assert truth(claims.EMPLOYER, lang, params, "workshop_grant")["ruled_out"]
    pending = fmt.number(12, lang)
    promises = [e.text for e in claims.seen(at) if e.section == "workshop" and not e.inside("card_")
                and e.type in ("info", "success", "markdown", "caption") and pending in e.text
                and fmt.date_text(claims.END, lang) in e.text]
    assert not promises, promises


@pytest.mark.parametrize("lang", LOCALES)
def test_the_total_table_does_not_count_hires_of_8_months_as_a_year_in_the_job(lang):
    """No qualifying hire for the grant (ws_hires=0: in the job 8 months), 15 insured hires: the total table headed
    "两项都符合的人员（在岗满1年…）" gave the 15 a workshop grant."""
    params = {"carrier": "workshop", "place": "poor_village", "kind": "sme", "in_region": "1", "ws_hires": "0",
              "sme_hires": "15", "sme_monthly": "500"}
    found = [f for f in report(claims.EMPLOYER, lang, params).findings if f.where.startswith("total")]
    assert not found, listed(found)


# --- the residents' page -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LOCALES)
def test_a_jobless_womans_choices_are_worded_as_hypotheses(lang):
    """"到外省（区）务工 · 800元 · 可以申请" and "创业并带动就业 · 1万元 · 可以申请" while her transport card says 不适合您."""
    found = [f for f in report(claims.RESIDENT, lang, JOBLESS).findings
             if f.where.startswith("choice_") and f.kind in ("hypothesis", "status", "amount")]
    assert not found, listed(found)


TRAINING = {"step": "results", "registered_poor": "1", "birth_year": "1980", "city": "guyuan", "county": "640422",
            "job.place": "none", "training_certificate": "0"}


@pytest.mark.parametrize("lang", LOCALES)
def test_no_training_step_on_the_policys_last_day(lang):
    """On 2020-12-31 "参加培训结业，并取得证书…后，即可申请": a course and its certificate cannot be done by then."""
    at = claims.run_page(claims.RESIDENT, lang, {**TRAINING, "year": "2020"})
    groups = {e.group for e in claims.seen(at) if e.inside("card_") == "training_subsidy"}
    steps = [e.text for e in claims.seen(at) if e.inside("card_") == "training_subsidy" and e.type == "success"]
    assert groups != {"not_yet"}, (groups, steps)
    assert not steps, steps


@pytest.mark.parametrize("lang", LOCALES)
def test_a_training_step_names_its_deadline(lang):
    """A step with no duration in months (a course and its certificate) names the day it must be done by."""
    at = claims.run_page(claims.RESIDENT, lang, {**TRAINING, "year": "2019"})
    face = card_face(at, "training_subsidy")
    assert fmt.date_text(claims.END, lang) in face, face


def deciding(at: AppTest, lang: str, params: dict[str, str], benefit: str, reading: str) -> tuple[list[str], str]:
    """The sentences that would say on the card's face why: the result's ``face``, or the reading itself."""
    result = truth(claims.RESIDENT, lang, params, benefit)
    wanted = claims.face_texts(result)
    if reading in INTERPRETATIONS:
        wanted.append(claims.plain(t(lang, INTERPRETATIONS[reading].reading)))
    return wanted, card_face(at, benefit)


@pytest.mark.parametrize("lang", LOCALES)
def test_an_employed_man_is_told_on_the_card_face_that_posts_are_a_safety_net(lang):
    """"您可以申请…公益性岗位" to a man with a job, the 托底 reading only inside the "政策规定" expander."""
    params = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1970", "city": "guyuan",
              "county": "640422", "job.place": "same_county", "job.months": "12", "job.contract": "1_year_or_more",
              "job.social_insurance": "1", "wants_work": "1", "able_to_work": "1"}
    at = claims.run_page(claims.RESIDENT, lang, params)
    wanted, face = deciding(at, lang, params, "public_welfare_post", "post_or_work_away")
    assert any(sentence in face for sentence in wanted), (wanted, face)


@pytest.mark.parametrize("lang", LOCALES)
def test_a_disabled_woman_of_35_is_told_on_the_card_face_why_her_age_does_not_stop_her(lang):
    params = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1984", "city": "guyuan",
              "county": "640422", "job.place": "none", "wants_work": "1", "able_to_work": "1", "disabled": "1"}
    at = claims.run_page(claims.RESIDENT, lang, params)
    assert truth(claims.RESIDENT, lang, params, "public_welfare_post")["status"] == "eligible"
    wanted, face = deciding(at, lang, params, "public_welfare_post", "public_welfare_disabled_age")
    assert any(sentence in face for sentence in wanted), (wanted, face)


POST = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1970", "city": "guyuan",
        "county": "640422", "job.place": "none", "wants_work": "1", "able_to_work": "1",
        "city_rural_income_last_year": "11708"}


@pytest.mark.parametrize("lang", LOCALES)
def test_the_printed_summary_says_the_policy_ended_and_posts_are_limited(lang):
    found = report(claims.RESIDENT, lang, POST).of("printout")
    assert not found, listed(found)


def test_the_printed_summary_uses_chinese_punctuation_in_chinese():
    found = [f for f in report(claims.RESIDENT, "zh_CN", POST).of("punctuation") if f.where.startswith("summary")]
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_an_employed_man_is_not_told_how_long_he_has_been_without_work(lang):
    """"城镇失业登记：您已无业0个月" to a man with a job: a fact he did not give."""
    params = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1970", "city": "guyuan",
              "county": "640422", "job.place": "same_county", "job.months": "12", "urban_months": "8"}
    at = claims.run_page(claims.RESIDENT, lang, params)
    face = card_face(at, "unemployment_registration")
    assert not re.search(r"无业\s*0\s*个月|without work for 0 months", face), face
    found = [f for f in claims.check(at, claims.RESIDENT, lang, params).findings
             if f.where == "card_unemployment_registration"]
    assert not found, listed(found)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_timeline_dates_each_month_of_the_job_once(lang):
    """10 months in another province: the timeline dated months 0 to 10 all "2019年12月31日"."""
    params = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1974",
              "job.place": "other_province", "job.months": "10", "job.contract": "1_year_or_more",
              "job.social_insurance": "1"}
    at = claims.run_page(claims.RESIDENT, lang, params)
    dated = []
    for element in claims.seen(at):
        if element.type == "table" and element.section == "compare":
            dated += [day for row in claims.table_rows(element.element) for _w, day in claims.dates_in(row, lang)]
    assert dated, "the timeline's table dates the months"
    repeated = sorted({day for day in dated if dated.count(day) > 1})
    assert not repeated, repeated


def test_the_certificate_question_names_the_year_it_asks_about():
    """"您本年度取得职业资格证书…了吗？": 本年度 names no year; the year chosen is 2019."""
    at = open_page("zh_CN", "pages/resident.py", {"year": "2019", "step": "skills", "registered_poor": "1",
                                                  "birth_year": "1980", "unemployment_insurance_years": "2"})
    question = [w for w in at.radio if w.key == "res_q_person.certificate_this_year"]
    assert question, "the certificate question is asked"
    assert "2019年" in question[0].label, question[0].label


# --- the brokers' page -------------------------------------------------------------------------------------------

AGENCY = {"zh_CN": re.compile(r"中介组织"), "en": re.compile(r"(?i)\bagenc(?:y|ies)\b|\bintermediar")}
HOUSEHOLD = {"zh_CN": re.compile(r"户籍所在"), "en": re.compile(r"(?i)household is registered")}


@pytest.mark.parametrize("lang", LOCALES)
def test_the_4050_card_pays_the_broker_in_person_not_an_agency(lang):
    """Article (四) covers the “4050” broker person; "发给劳务经纪人或劳务中介组织" names an agency."""
    at = claims.run_page(claims.BROKER, lang, {}, {"brk_kind": "person", "brk_sex": "woman", "brk_birth_year": 1970, "brk_joined": True})
    face = card_face(at, "broker_4050_insurance")
    assert face, "a woman of 49 who joined employee insurance sees the 4050 card"
    paid = [line for line in face.splitlines() if AGENCY[lang].search(line)]
    assert not paid, paid


@pytest.mark.parametrize("lang", LOCALES)
def test_an_agency_is_not_sent_to_the_county_of_its_household(lang):
    """A labour agency has no household registration: "您户籍所在县（区）" is the person's office, not its own."""
    at = claims.run_page(claims.BROKER, lang, {"placements": "3"})
    office = "\n".join(e.text for e in claims.seen(at) if e.inside("where_") == "broker_fee")
    assert office, "3 qualifying placements: where to apply is said"
    assert not HOUSEHOLD[lang].search(office), office


# --- the home page -------------------------------------------------------------------------------------------------

CONDITIONS = {
    "zh_CN": {"year": r"1年以上|12个月|满1年|满一年|一年以上", "contract": r"劳动合同|合同", "insurance": r"社会保险|社保",
              "eleven": r"(?<!\d)11(?!\d)"},
    "en": {"year": r"12 months|a year or more|one year or more|1 year or more|for a year", "contract": r"contract",
           "insurance": r"social insurance", "eleven": r"(?<!\d)11(?!\d)"},
}
SUMMARY_CONDITIONS = {
    "transport_subsidy": ("year", "contract", "insurance"),
    "workshop_grant": ("eleven", "year", "contract", "insurance"),
    "broker_fee": ("year", "contract", "insurance"),
}


def home_summaries(lang: str) -> dict[str, str]:
    """Each benefit's summary sentence on the home page, by benefit."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    found = {}
    for element in at.main.get("html"):
        for item in re.findall(r"<li>(.*?)</li>", str(element.value), re.S):
            name = claims.plain(re.search(r"<strong>(.*?)</strong>", item, re.S).group(1))
            text = claims.plain(re.sub(r"<a .*?</a>", "", item.split("<br>", 1)[-1], flags=re.S))
            for benefit in catalog.BENEFITS:
                if claims.plain(t(lang, benefit.label)) == name:
                    found[benefit.id] = text
    return found


@pytest.mark.parametrize("lang", LOCALES)
def test_the_home_page_summaries_carry_their_conditions(lang):
    """"跨省（区）就业的，每年800元" without the year away, the contract or the insurance; the workshop grant without its
    minimum of 11 hires; the brokers' subsidy without the contract or the insurance."""
    summaries = home_summaries(lang)
    missing = {benefit: [c for c in wanted if not re.search(CONDITIONS[lang][c], summaries.get(benefit, ""))]
               for benefit, wanted in SUMMARY_CONDITIONS.items()}
    missing = {benefit: conditions for benefit, conditions in missing.items() if conditions}
    assert not missing, {benefit: (conditions, summaries.get(benefit)) for benefit, conditions in missing.items()}


def test_dates_are_written_as_the_page_writes_them():
    """The checker reads dates the way ui/format.py writes them (a guard for the tests above)."""
    day = date(2020, 12, 31)
    for lang in LOCALES:
        assert [d for _w, d in claims.dates_in(fmt.date_text(day, lang), lang)] == [day]
