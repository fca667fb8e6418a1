"""What the end-to-end tests do with Streamlit's widgets: type a number, read a metric, upload a file."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from tests.e2e.streamlit_server import wait_for_app

TIMEOUT = 60_000


def type_number(page: Page, key: str, value: float, timeout: float = TIMEOUT) -> None:
    """Type into the number input with widget key ``key`` and press Enter, as a person does, then wait for the run."""
    field = page.locator(f".st-key-{key} input")
    field.fill(str(value))
    field.press("Enter")
    page.wait_for_timeout(200)
    wait_for_app(page, timeout)


def metric(page: Page, label: str) -> Locator:
    """The value of the metric whose label is exactly ``label``."""
    named = page.get_by_test_id("stMetricLabel").get_by_text(label, exact=True)
    return page.get_by_test_id("stMetric").filter(has=named).get_by_test_id("stMetricValue")


def upload(page: Page, name: str, data: bytes, mime: str = "text/csv") -> None:
    """Give the page's file uploader a file, as choosing it in the file dialog does."""
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}])
