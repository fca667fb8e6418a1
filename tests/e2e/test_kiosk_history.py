"""The kiosk's browser keeps no visitor's answers (issue 27).

The README's launch line runs Chromium with ``--incognito``. Without it, after the idle reset had taken the screen
back home, the browser's History database still held the last visitor's answers, in the addresses of the pages
they had seen. Here Chromium is started as the README says (headless, with a profile folder of its own and a
debugging port for the test), a visitor's answers are opened, the idle reset comes, the browser is closed, and
the profile's History is read: no address with an answer. The same run without ``--incognito`` finds them, so
the check can fail.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from playwright.sync_api import Playwright

from tests.e2e.streamlit_server import CHROMIUM, CHROMIUM_ARGS, free_port, streamlit_server, wait_for_app

pytestmark = pytest.mark.e2e

IDLE_SECONDS = 6
WARNING_SECONDS = 3
ANSWERS = "year=2019&step=registered_poor&registered_poor=1&age=46"
README = Path(__file__).resolve().parents[2] / "README.md"


def readme_flags() -> list[str]:
    """The flags of the README's kiosk launch line (``chromium --kiosk … "http://…"``)."""
    line = next(line for line in README.read_text().splitlines() if line.startswith("chromium --kiosk"))
    return [word for word in line.split() if word.startswith("--")]


def visited(profile: Path) -> list[str]:
    """Every address in the profile's History database (none when the profile kept no history)."""
    history = profile / "Default" / "History"
    if not history.exists():
        return []
    copy = profile / "History.read"
    copy.write_bytes(history.read_bytes())
    with contextlib.closing(sqlite3.connect(copy)) as database:
        return [url for (url,) in database.execute("SELECT url FROM urls")]


def until_the_reset(driver: Playwright, port: int) -> None:
    """Through Chromium's debugging port (with the session's Playwright: a second one cannot start inside its
    event loop): the visitor's page drawn, then the idle reset's home page; then the browser closed as a person
    closes it, so that it saves its history."""
    cdp = None
    for _ in range(150):
        try:
            cdp = driver.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
            break
        except Exception:  # the browser is still starting
            time.sleep(0.2)
    assert cdp is not None, "Chromium did not start"
    deadline = time.monotonic() + 60
    pages = []
    while not pages and time.monotonic() < deadline:
        pages = [p for context in cdp.contexts for p in context.pages if "/resident" in p.url]
        time.sleep(0.2)
    (page,) = pages
    wait_for_app(page, timeout=90_000)
    page.wait_for_url(re.compile(r"/\?kiosk=1&lang=en$"), timeout=(IDLE_SECONDS + 30) * 1000)
    wait_for_app(page, timeout=60_000)
    with contextlib.suppress(Exception):  # the connection ends as the browser does
        cdp.new_browser_cdp_session().send("Browser.close")


@pytest.fixture(scope="module")
def kiosk_url() -> str:
    env = {"ZIZHUTONG_KIOSK": "1", "ZIZHUTONG_KIOSK_IDLE_SECONDS": str(IDLE_SECONDS),
           "ZIZHUTONG_KIOSK_WARNING_SECONDS": str(WARNING_SECONDS)}
    with streamlit_server(env=env) as url:
        yield url


@pytest.mark.parametrize("incognito", [True, False], ids=["as the README says", "without --incognito"])
def test_after_the_reset_the_browser_holds_no_visitors_answers(playwright_driver: Playwright, kiosk_url, incognito):
    flags = readme_flags()
    assert "--incognito" in flags
    assert "--kiosk" in flags
    if not incognito:
        flags = [flag for flag in flags if flag != "--incognito"]
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="kiosk-profile-") as folder:
        profile = Path(folder)
        browser = subprocess.Popen(
            [CHROMIUM, "--headless=new", *CHROMIUM_ARGS, *flags, f"--user-data-dir={profile}",
             f"--remote-debugging-port={port}", f"{kiosk_url}/resident?lang=en&{ANSWERS}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            until_the_reset(playwright_driver, port)
            browser.wait(30)
        finally:
            if browser.poll() is None:
                browser.kill()
                browser.wait(30)
        answered = [url for url in visited(profile) if "registered_poor=1" in url or "age=46" in url]
    assert (answered == []) is incognito, answered
