"""Fixtures of the tests of the site behind nginx."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.streamlit_server import launch_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium for one test module."""
    with sync_playwright() as driver:
        chromium = launch_chromium(driver)
        yield chromium
        chromium.close()
