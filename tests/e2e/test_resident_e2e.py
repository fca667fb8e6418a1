"""The residents' self-check in Chromium: a whole journey by clicks, the link that reopens it,
the printable summary, phone width and accessibility, in both languages."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.streamlit_server import open_page, wait_for_app
from tests.e2e.widgets import expect_url_has
from tests.labels import with_unit
from ui import frame as ui_frame

pytestmark = pytest.mark.e2e

RESULTS_LINK = ("/resident?lang={lang}&year=2019&step=results&registered_poor=1&birth_year=1974&job.place=other_province"
                "&job.months=12&job.contract=1_year_or_more&job.social_insurance=1&city=guyuan&county=640422")
TOTAL = {"zh_CN": "800元", "en": "800 yuan"}


def t(lang: str, message: str) -> str:
    return ui_frame.load_translations(lang).gettext(message)


def settled(page: Page, param: str) -> None:
    """Wait until the answer is in the address (the run that stored it has finished)."""
    page.wait_for_url(re.compile(rf"[?&]{re.escape(param)}(&|$)"))
    wait_for_app(page)


def choose(page: Page, question: str, answer: str, param: str) -> None:
    page.get_by_role("radiogroup", name=question, exact=True).get_by_text(answer, exact=True).click()
    settled(page, param)


def type_number(page: Page, label: str, value: int, param: str) -> None:
    field = page.get_by_role("spinbutton", name=label, exact=True)
    field.fill(str(value))
    field.press("Enter")
    settled(page, param)


def press(page: Page, name: str) -> None:
    """Press a step button and wait for the step it leads to (the address changes in that run)."""
    before = page.url
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_url(lambda url: url != before)
    wait_for_app(page)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_worker_in_another_province_finds_800_by_clicking(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/resident?lang={lang}")
    choose(page, t(lang, "Year of the situation"), "2019", "year=2019")
    press(page, t(lang, "Next"))
    choose(page, t(lang, "Is your household registered as poor (建档立卡)?"), t(lang, "Yes"), "registered_poor=1")
    type_number(page, t(lang, "In which year were you born? (the year on your ID card)"), 1974, "birth_year=1974")
    press(page, t(lang, "Next"))
    choose(page, t(lang, "Where do you work now?"), t(lang, "In another province"), "job.place=other_province")
    type_number(page, with_unit(lang, "How many months have you worked for this employer without a break?", "months"),
                12, "job.months=12")
    choose(page, t(lang, "Did you sign a labour contract?"), t(lang, "Yes, for a year or more"),
           "job.contract=1_year_or_more")
    choose(page, t(lang, "Does your employer pay your social insurance?"), t(lang, "Yes"), "job.social_insurance=1")
    for _ in range(8):
        if page.get_by_role("button", name=t(lang, "See my results"), exact=True).count():
            press(page, t(lang, "See my results"))
            break
        press(page, t(lang, "Next"))
    metric = page.get_by_test_id("stMetricValue").first
    expect(metric).to_have_text(TOTAL[lang])
    expect(page.locator(".st-key-card_transport_subsidy")).to_contain_text(TOTAL[lang])
    expect_url_has(page, "job.months=12")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_link_reopens_the_same_result_and_the_summary_prints_it(page: Page, base_url: str, lang: str):
    open_page(page, base_url + RESULTS_LINK.format(lang=lang))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(TOTAL[lang])
    with page.expect_download() as download:
        page.get_by_role("button", name=t(lang, "Download a one-page summary to print")).click()
    html = download.value.path().read_text(encoding="utf-8")
    assert TOTAL[lang] in html
    assert f"lang='{'zh-CN' if lang == 'zh_CN' else 'en'}'" in html
    assert "job.months=12" in html  # the link back


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_labels_on_a_card_are_bold_not_asterisks(page: Page, base_url: str, lang: str):
    """"**办理地点：**西吉县" is no bold in Markdown (a closing ``**`` after a full-width colon and before a letter does
    not close), so every Chinese card showed its asterisks: the label is bold and no asterisk is left."""
    open_page(page, base_url + RESULTS_LINK.format(lang=lang))
    where = page.locator(".st-key-where_transport_subsidy")
    expect(where.locator("strong").filter(has_text=t(lang, "Where to apply"))).to_be_visible()
    expect(where).not_to_contain_text("**")
    expect(page.locator(".st-key-card_transport_subsidy")).not_to_contain_text("**")


def test_changing_an_answer_from_the_results(page: Page, base_url: str):
    open_page(page, base_url + RESULTS_LINK.format(lang="en"))
    page.locator(".st-key-edit_person_job_months button").click()
    wait_for_app(page)
    expect(page.locator("h2").filter(has_text="Your work")).to_be_visible()
    type_number(page, "How many months have you worked for this employer without a break? (months)", 9,
                "job.months=9")


def test_results_fit_a_phone_without_sideways_scrolling(phone: Page, base_url: str):
    open_page(phone, base_url + RESULTS_LINK.format(lang="zh_CN"))
    expect(phone.get_by_test_id("stMetricValue").first).to_have_text("800元")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("path", ["/resident?lang={lang}&year=2019&step=you", RESULTS_LINK])
def test_no_serious_accessibility_violation(page: Page, base_url: str, lang: str, path: str):
    open_page(page, base_url + path.format(lang=lang))
    page.wait_for_timeout(500)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_a_keyboard_user_can_answer_and_move_on(page: Page, base_url: str):
    open_page(page, f"{base_url}/resident?lang=en&year=2019&step=you")
    page.get_by_role("radiogroup", name="Is your household registered as poor (建档立卡)?").get_by_role(
        "radio").first.focus()
    page.keyboard.press("Space")
    settled(page, "registered_poor=1")
