"""Journeys of issue 11 on a 390×844 phone, in both languages: every "not yet" the page says is a checked promise.

A worker 10 months into a job in Jiangsu is told the step names the labour contract and social insurance too, and
the comparison says what he still needs; the same worker in 2020 gets no step past the policy's end; a 17-year-old
gets no public-welfare-post hint; a woman living in her village gets no unemployment-registration hint; a 两后生 who
answers yes to the certificate question is not offered article (八) for the same course.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from engine.messages import Message, render
from engine.rules.art08_training import ONE_COURSE
from engine.steps import TOO_LATE
from tests.e2e.streamlit_server import open_page
from tests.money import yuan

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
TIMEOUT = 30_000
LANGS = ["zh_CN", "en"]
POOR = "step=results&registered_poor=1&city=guyuan&county=640422"
JIANGSU = f"{POOR}&birth_year=1989&job.place=other_province&job.months=10"


def words(lang: str, message_id: str, plural: str | None = None, **params) -> str:
    return render(Message(message_id, params, plural, "more" if plural else None), lang)


@pytest.fixture
def phone_tab(browser: Browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def results_page(tab: Page, base_url: str, query: str, lang: str, year: int) -> None:
    open_page(tab, f"{base_url}/resident?lang={lang}&year={year}&{query}")
    expect(tab.get_by_test_id("stMetricValue").first).to_be_visible(timeout=TIMEOUT)


def card(tab: Page, benefit: str) -> Locator:
    return tab.locator(f".st-key-card_{benefit}")


def no_step_past_the_end(tab: Page) -> None:
    for alert in tab.get_by_test_id("stAlertContentSuccess").all():
        assert not re.search(r"2021|2022|2023|2041", alert.inner_text()), alert.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_worker_10_months_in_jiangsu_is_told_the_whole_step(phone_tab: Page, base_url: str, lang: str):
    results_page(phone_tab, base_url, JIANGSU, lang, 2019)
    transport = card(phone_tab, "transport_subsidy")
    step = transport.get_by_test_id("stAlertContentSuccess")
    expect(step).to_contain_text(words(lang, "{more} more month in this job", "{more} more months in this job", more=2))
    expect(step).to_contain_text(words(lang, "a signed labour contract"))
    expect(step).to_contain_text(words(lang, "social insurance paid by your employer"))
    expect(step).to_contain_text(yuan(800, lang))
    # The comparison's row for another province is a what-if, and says what he still lacks for it.
    row = phone_tab.locator(".st-key-choice_other_province")
    expect(row).to_contain_text(words(lang, "If you worked in another province"))
    expect(row).to_contain_text(words(lang, "{more} more month in that job", "{more} more months in that job", more=2))
    expect(row).to_contain_text(words(lang, "social insurance paid by your employer"))
    no_step_past_the_end(phone_tab)


@pytest.mark.parametrize("lang", LANGS)
def test_the_same_worker_in_2020_gets_no_step_past_the_end(phone_tab: Page, base_url: str, lang: str):
    results_page(phone_tab, base_url, JIANGSU, lang, 2020)
    transport = card(phone_tab, "transport_subsidy")
    expect(transport).to_contain_text(words(lang, "social insurance paid by your employer"))
    end = words(lang, TOO_LATE, steps=[], date="2021-02-28", end="2020-12-31").split("；")[-1].split(". ")[-1]
    expect(transport).to_contain_text(end.strip("。."))
    expect(transport.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    row = phone_tab.locator(".st-key-choice_other_province")
    expect(row).to_contain_text(words(lang, "{choice}, you could not apply for “{benefit}” before the policy ends.",
                                      choice=words(lang, "If you worked in another province"),
                                      benefit=words(lang, "Transport subsidy for work away from home")))
    no_step_past_the_end(phone_tab)


@pytest.mark.parametrize("lang", LANGS)
def test_a_17_year_old_gets_no_post_hint(phone_tab: Page, base_url: str, lang: str):
    results_page(phone_tab, base_url, f"{POOR}&birth_year=2002&job.place=none&wants_work=1&able_to_work=1&disabled=0",
                 lang, 2019)
    post = card(phone_tab, "public_welfare_post")
    expect(post).to_contain_text(words(lang, "turning {required}", required=40))
    expect(post.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    no_step_past_the_end(phone_tab)


@pytest.mark.parametrize("lang", LANGS)
def test_a_woman_living_in_her_village_gets_no_registration_hint(phone_tab: Page, base_url: str, lang: str):
    results_page(phone_tab, base_url, f"{POOR}&birth_year=1973&job.place=none&urban_months=0&unemployed_months=8", lang, 2019)
    registration = card(phone_tab, "unemployment_registration")
    expect(registration).to_be_visible()
    expect(registration.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    in_town = words(lang, "{more} more month living in town", "{more} more months living in town", more=6)
    expect(phone_tab.get_by_text(in_town)).to_have_count(0)
    no_step_past_the_end(phone_tab)


@pytest.mark.parametrize("lang", LANGS)
def test_a_two_after_student_with_a_certificate_is_not_paid_twice(phone_tab: Page, base_url: str, lang: str):
    results_page(phone_tab, base_url, f"{POOR}&birth_year=2002&two_after_student=1&tech_school_semesters=1&training_passed=1"
                                      "&training_certificate=1", lang, 2019)
    expect(card(phone_tab, "two_after_study_aid")).to_contain_text(yuan(3000, lang))
    training = card(phone_tab, "training_subsidy")
    expect(training).to_contain_text(words(lang, ONE_COURSE.unmet)[:20])
    expect(training.get_by_test_id("stAlertContentSuccess")).to_have_count(0)
    expect(training).not_to_contain_text(words(lang, "Amount depends on a published figure"))
