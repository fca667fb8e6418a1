"""The site in Chromium: languages, the language switch, article anchors, deep links and phone width."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from engine import policy
from i18n import LOCALES
from tests.e2e.streamlit_server import open_page, streamlit_server, wait_for_app
from tests.e2e.widgets import expect_document_lang, expect_url_has
from ui import frame as ui_frame
from ui.format import html_lang
from ui.policy_text import english_rendering

pytestmark = pytest.mark.e2e

TIMEOUT = 30_000


def text_of(lang: str, message: str) -> str:
    return ui_frame.load_translations(lang).gettext(message)


def period(lang: str) -> str:
    return ui_frame.period_text(ui_frame.Page(lang, ui_frame.load_translations(lang)))


def policy_title(lang: str) -> str:
    return policy.POLICY_TITLE_ZH if lang == "zh_CN" else english_rendering()["title"]


def banner(page: Page):
    return page.locator(".st-key-policy_banner")


def switch_button(page: Page, name: str):
    """A choice of the language switch (a radio group, named in each language by itself)."""
    return page.locator(".st-key-lang_switch").get_by_role("radio", name=name, exact=True)


@pytest.mark.parametrize("lang", LOCALES)
def test_home_page_in_each_language(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/?lang={lang}")
    expect(page.locator("h1").first).to_have_text(text_of(lang, ui_frame.SITE_NAME), timeout=TIMEOUT)
    expect(banner(page)).to_contain_text(policy.POLICY_ID)
    expect(banner(page)).to_contain_text(policy_title(lang))
    expect(banner(page)).to_contain_text(period(lang))
    expect_document_lang(page, html_lang(lang))
    expect(page).to_have_title(text_of(lang, ui_frame.SITE_NAME))
    expect_url_has(page, f"lang={lang}")


def test_language_switch_changes_the_language_and_keeps_it_in_the_address(page: Page, base_url: str):
    open_page(page, f"{base_url}/policy?lang=zh_CN")
    expect(page.locator("h1").first).to_have_text(policy.POLICY_TITLE_ZH)
    switch_button(page, "English").click()
    page.wait_for_url("**/policy?lang=en", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(english_rendering()["title"], timeout=TIMEOUT)
    expect(page.locator("#art-1")).to_contain_text(english_rendering()["articles"][1]["title"])
    expect_document_lang(page, "en")

    # The sidebar's links carry the language to the next page.
    page.locator("[data-testid='stSidebar'] a[href*='lang=en']").first.click()
    page.wait_for_url(f"{base_url}/?lang=en", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(text_of("en", ui_frame.SITE_NAME), timeout=TIMEOUT)

    switch_button(page, "中文").click()
    page.wait_for_url("**/?lang=zh_CN", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(text_of("zh_CN", ui_frame.SITE_NAME), timeout=TIMEOUT)
    expect(banner(page)).to_contain_text(policy.POLICY_TITLE_ZH)
    expect_document_lang(page, "zh-CN")


def test_policy_page_has_an_anchor_for_every_article(page: Page, base_url: str):
    open_page(page, f"{base_url}/policy?lang=zh_CN")
    expect(page.locator('[id^="art-"]')).to_have_count(17, timeout=TIMEOUT)
    ids = page.evaluate("Array.from(document.querySelectorAll('[id^=\"art-\"]'), e => e.id)")
    assert ids == [f"art-{n}" for n in range(1, 18)]
    for article in policy.articles():
        expect(page.locator(f"#art-{article.number}")).to_contain_text(article.title)
    # The table of contents links to each of them.
    for number in range(1, 18):
        expect(page.locator(f"li > a[href='#art-{number}']")).to_have_count(1)
    page.locator("li > a[href='#art-12']").click()
    expect(page.locator("#art-12")).to_be_in_viewport(timeout=TIMEOUT)


def test_deep_link_to_an_article_scrolls_to_it(page: Page, base_url: str):
    open_page(page, f"{base_url}/policy?lang=en#art-6")
    heading = page.locator("#art-6")
    expect(heading).to_contain_text(english_rendering()["articles"][6]["title"])
    expect(heading).to_be_in_viewport(timeout=TIMEOUT)
    expect(page.locator("#art-1")).not_to_be_in_viewport()


def test_a_benefit_links_to_its_article_in_the_same_tab(page: Page, base_url: str):
    open_page(page, f"{base_url}/?lang=en")
    link = page.locator(".linked-list a[href='policy?lang=en#art-6']").first
    assert link.get_attribute("target") is None
    link.click()
    page.wait_for_url(f"{base_url}/policy?lang=en#art-6", timeout=TIMEOUT)
    wait_for_app(page)
    expect(page.locator("#art-6")).to_be_in_viewport(timeout=TIMEOUT)


@pytest.mark.parametrize(("path", "heading"), [("policy", None), ("resident", "Check what you can apply for")])
def test_fresh_server_deep_link_runs_the_frame(browser: Browser, path: str, heading: str | None):
    """A page opened as the very first request of a new server still gets the frame (no entry script)."""
    with streamlit_server() as url:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
        try:
            tab = context.new_page()
            open_page(tab, f"{url}/{path}?lang=en", timeout=90_000)
            expect(banner(tab)).to_contain_text(policy.POLICY_ID)
            expect(banner(tab)).to_contain_text(period("en"))
            expect(switch_button(tab, "中文")).to_be_visible()
            expect(switch_button(tab, "English")).to_be_visible()
            expect(tab.locator("h1").first).to_have_text(heading or english_rendering()["title"])
            expect(tab.get_by_test_id("stSidebar").get_by_role("link", name="Home")).to_be_visible()
            expect_document_lang(tab, "en")
            expect(tab).to_have_url(re.compile(rf"/{path}\?lang=en$"))
        finally:
            context.close()


@pytest.mark.parametrize(("locale", "lang"), [("en-US", "en"), ("zh-CN", "zh_CN")])
def test_without_lang_the_browser_language_is_used(browser: Browser, base_url: str, locale: str, lang: str):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale=locale)
    try:
        tab = context.new_page()
        open_page(tab, f"{base_url}/")
        tab.wait_for_url(f"**/?lang={lang}", timeout=TIMEOUT)
        expect_document_lang(tab, html_lang(lang))
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/policy"])
@pytest.mark.parametrize("lang", LOCALES)
def test_no_horizontal_scroll_on_a_phone(phone: Page, base_url: str, path: str, lang: str):
    open_page(phone, f"{base_url}{path}?lang={lang}")
    expect(phone.locator(".st-key-policy_banner")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    # Streamlit scrolls inside its main area: nothing in it may be wider than the screen either.
    overflow = phone.evaluate(
        """() => Array.from(document.querySelectorAll('[data-testid="stMain"] *'))
              .filter(e => e.getBoundingClientRect().right > 390.5 && e.getBoundingClientRect().width > 0)
              .map(e => e.tagName + '.' + (e.getAttribute('data-testid') || e.className))"""
    )
    assert overflow == []
    expect_document_lang(phone, html_lang(lang))


@pytest.mark.parametrize("path", ["/", "/policy"])
@pytest.mark.parametrize("lang", LOCALES)
def test_no_accessibility_violations(page: Page, base_url: str, path: str, lang: str):
    """axe-core finds nothing (contrast, names, landmarks, lang) on the pages as they load."""
    open_page(page, f"{base_url}{path}?lang={lang}")
    results = Axe().run(page)
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in results.response["violations"]]
    assert found == []
