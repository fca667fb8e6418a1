"""End-to-end fixtures: one Streamlit server and one Chromium for the session, a fresh tab per test.

pytest-playwright is disabled (``-p no:playwright`` in pyproject.toml) because it would fetch
its own browsers; these fixtures drive Debian's Chromium instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.e2e.streamlit_server import launch_chromium, open_page, streamlit_server

# Retrying assertions wait as long as a busy machine needs to draw a page: with two test runs at once, a phone
# opening a results link had drawn its heading but not yet its total after Playwright's default 5 s (test_kiosk).
expect.set_options(timeout=30_000)

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    chromium = launch_chromium(playwright_driver)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def base_url(browser: Browser) -> Iterator[str]:
    """The site on a free local port, warmed up by one page load (the first run imports everything)."""
    with streamlit_server() as url:
        warm = browser.new_page()
        try:
            open_page(warm, f"{url}/?lang=zh_CN", timeout=90_000)
        finally:
            warm.close()
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized tab in a context of its own (no shared cookies or storage), browser in English."""
    context = browser.new_context(viewport=DESKTOP, locale="en-US")
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A tab of a 390×844 phone."""
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    tab = context.new_page()
    yield tab
    context.close()
