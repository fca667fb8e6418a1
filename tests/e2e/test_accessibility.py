"""Accessibility of every page in both languages: axe-core, the document's language, no sideways
scrolling on a phone or at 200 % zoom, and the residents' questionnaire by keyboard alone."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from i18n import LOCALES
from tests.e2e.streamlit_server import open_page, wait_for_app
from tests.e2e.widgets import expect_document_lang
from ui import frame as ui_frame
from ui.format import html_lang

pytestmark = pytest.mark.e2e

TIMEOUT = 30_000
# Every page of the navigation, by its address.
PATHS = {("" if script == "streamlit_app.py" else PurePosixPath(script).stem): script
         for script, _label, _icon in ui_frame.PAGES}
# A results view and kiosk mode, beside the pages as they open.
EXTRA = ("resident?year=2019&step=results&registered_poor=1&birth_year=1974&job.place=other_province&job.months=12"
         "&job.contract=1_year_or_more&job.social_insurance=1&city=guyuan&county=640422",
         "?kiosk=1", "resident?kiosk=1&year=2019&step=you")
# 1280 × 800 at 200 % zoom lays the page out in 640 × 400 CSS pixels.
ZOOM_200 = {"width": 640, "height": 400}
PHONE = {"width": 390, "height": 844}
OVERFLOW = """(width) => Array.from(document.querySelectorAll('[data-testid="stMain"] *'))
    .filter(e => e.getBoundingClientRect().right > width + 0.5 && e.getBoundingClientRect().width > 0
                 && !e.closest('[data-testid="stDataFrame"], .vega-embed, [data-testid="stCode"] pre'))
    .map(e => e.tagName + '.' + (e.getAttribute('data-testid') || e.className))"""


def url(base_url: str, path: str, lang: str) -> str:
    joiner = "&" if "?" in path else "?"
    return f"{base_url}/{path}{joiner}lang={lang}"


def serious(page: Page) -> list:
    results = Axe().run(page)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", LOCALES)
@pytest.mark.parametrize("path", [*PATHS, *EXTRA])
def test_no_serious_or_critical_axe_violation(page: Page, base_url: str, path: str, lang: str):
    open_page(page, url(base_url, path, lang))
    page.wait_for_timeout(300)  # icons and charts settle
    expect_document_lang(page, html_lang(lang))
    assert serious(page) == []


@pytest.mark.parametrize(("viewport", "lang"), [(PHONE, "zh_CN"), (PHONE, "en"), (ZOOM_200, "en")],
                         ids=["phone-zh_CN", "phone-en", "zoom200-en"])
@pytest.mark.parametrize("path", [*PATHS, EXTRA[0]], ids=[*(p or "home" for p in PATHS), "results"])
def test_no_sideways_scrolling_on_a_phone_or_at_200_percent(browser: Browser, base_url: str, path: str,
                                                             viewport: dict, lang: str):
    context = browser.new_context(viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    try:
        tab = context.new_page()
        open_page(tab, url(base_url, path, lang))
        expect(tab.locator(".st-key-policy_banner")).to_be_visible()
        assert tab.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        assert tab.evaluate(OVERFLOW, viewport["width"]) == []
    finally:
        context.close()


def focus_by_tab(page: Page, selector: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches ``selector`` (a keyboard user's way there)."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def settled(page: Page, param: str) -> None:
    page.wait_for_url(re.compile(rf"[?&]{re.escape(param)}(&|$)"), timeout=TIMEOUT)
    wait_for_app(page)


def choose_by_keyboard(page: Page, question: str, downs: int, param: str) -> None:
    """Tab into a radio group, select its first choice with Space, then move down with the arrows."""
    focus_by_tab(page, f'[role="radiogroup"][aria-label="{question}"] input[type="radio"]')
    page.keyboard.press("Space")
    for _ in range(downs):
        page.keyboard.press("ArrowDown")
    settled(page, param)


def type_by_keyboard(page: Page, label: str, value: str, param: str) -> None:
    focus_by_tab(page, f'input[aria-label="{label}"]')
    page.keyboard.type(value)
    page.keyboard.press("Enter")
    settled(page, param)


def press_by_keyboard(page: Page, name: str) -> None:
    before = page.url
    focus_by_tab(page, "button")  # the first button, then on to the one named
    for _ in range(40):
        if page.evaluate("(n) => document.activeElement.innerText.trim().endsWith(n)", name):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"Tab never reached the button {name}")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda address: address != before, timeout=TIMEOUT)
    wait_for_app(page)


def test_the_residents_questionnaire_by_keyboard_alone(page: Page, base_url: str):
    open_page(page, f"{base_url}/resident?lang=en")
    choose_by_keyboard(page, "Year of the situation", 1, "year=2019")
    press_by_keyboard(page, "Next")
    choose_by_keyboard(page, "Is your household registered as poor (建档立卡)?", 0, "registered_poor=1")
    type_by_keyboard(page, "In which year were you born? (the year on your ID card)", "1974", "birth_year=1974")
    press_by_keyboard(page, "Next")
    choose_by_keyboard(page, "Where do you work now?", 3, "job.place=other_province")
    type_by_keyboard(page, "How many months have you worked for this employer without a break? (months)", "12",
                     "job.months=12")
    choose_by_keyboard(page, "Did you sign a labour contract?", 2, "job.contract=1_year_or_more")
    choose_by_keyboard(page, "Does your employer pay your social insurance?", 0, "job.social_insurance=1")
    for _ in range(8):
        if page.get_by_role("button", name="See my results", exact=True).count():
            press_by_keyboard(page, "See my results")
            break
        press_by_keyboard(page, "Next")
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("800 yuan")
    # The take-away is reached by keyboard too.
    focus_by_tab(page, "#takeaway-print", limit=200)
