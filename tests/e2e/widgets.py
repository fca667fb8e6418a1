"""What the end-to-end tests do with Streamlit's widgets: type a number, read a metric, upload a file."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.streamlit_server import wait_for_app

TIMEOUT = 60_000


def type_number(page: Page, key: str, value: float, timeout: float = TIMEOUT) -> None:
    """Type into the number input with widget key ``key`` and press Enter, as a person does, then wait for the run."""
    field = page.locator(f".st-key-{key} input")
    field.fill(str(value))
    field.press("Enter")
    page.wait_for_timeout(200)
    wait_for_app(page, timeout)


def show_chart(page: Page, key: str, timeout: float = TIMEOUT) -> Locator:
    """Turn on the switch that draws the chart ``key`` (charts are drawn on request) and return the chart."""
    page.locator(f".st-key-{key}_chart_shown label").click()
    wait_for_app(page, timeout)
    return page.locator(f".st-key-{key}_chart_shown").locator("xpath=following::*[@data-testid='stVegaLiteChart'][1]")


def metric(page: Page, label: str) -> Locator:
    """The value of the metric whose label is exactly ``label``."""
    named = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=named).get_by_test_id("stMetricValue")


def upload(page: Page, name: str, data: bytes, mime: str = "text/csv") -> None:
    """Give the page's file uploader a file, as choosing it in the file dialog does."""
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])


def expect_document_lang(page: Page, html_lang: str, timeout: float = TIMEOUT) -> None:
    """``<html lang>`` becomes ``html_lang`` (a script of the frame sets it after the page has drawn: retry)."""
    expect(page.locator("html")).to_have_attribute("lang", html_lang, timeout=timeout)


def expect_url_has(page: Page, text: str, timeout: float = TIMEOUT) -> None:
    """The address comes to hold ``text`` (Streamlit writes query parameters after a run: retry)."""
    expect(page).to_have_url(re.compile(re.escape(text)), timeout=timeout)


def expect_url_lacks(page: Page, text: str, timeout: float = TIMEOUT) -> None:
    """The address comes not to hold ``text``."""
    expect(page).not_to_have_url(re.compile(re.escape(text)), timeout=timeout)
