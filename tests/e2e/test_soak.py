"""A soak: 1,000 reruns of the site, as visitors make them, with bounded memory growth on the server.

Two visitors keep answering, each in a browser context of its own, at the same time: a broker types a new
number of placements again and again (the fee section is a fragment: each answer reruns that section), and an
employer types a new number of workshop hires again and again (each answer reruns the whole employers' page:
the frame, every section, two charts and the take-away). Every answer is a number not typed before, and each
rerun is waited for until the page shows the figure of that answer and the run has ended, so the server makes
1,000 real runs after a warm-up of 50.

The resident set size (``VmRSS`` of ``/proc/PID/status``, the ``streamlit run`` process and any children) is
read after the warm-up, every 100 reruns and after the 1,000th. Two bounds:

- over the 1,000 reruns, less than 40 MB: the one thing meant to grow is the cache of the charts' Vega-Lite specs,
  one per distinct input and at most 512 (``ui.charts._cached_spec``; each answer here is a new input, so it
  fills), a few MB; 40 MB is also more than the site's process grows from 0 to 50 open sessions (about 12 MB,
  docs/performance.md). A leak of 40 KB a rerun — one copy of a page's chart and table kept each time — crosses it.
- over the last 400 reruns, less than 10 MB: by then the spec cache is full (the broker's fee chart and the
  employer's grant chart each bring a new spec a rerun: 512 after about 460 reruns), so memory must be flat; a
  leak of 25 KB a rerun crosses it.

Measured on the project's 2-core machine, shared with other test runs: 211 MB after the warm-up, +4 MB after the
1,000 reruns, +0.3 MB over the last 400; about two minutes and a half in all.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from tests.e2e.streamlit_server import (
    APP_IDLE,
    CHROMIUM,
    CHROMIUM_ARGS,
    Server,
    machine_load_lock,
    run_async,
    streamlit_process,
)
from tests.money import yuan

pytestmark = pytest.mark.e2e

TIMEOUT = 120_000  # ms, for one rerun: other test runs may share the machine's two cores
WARM_UP = 50
RERUNS = 1_000
SAMPLE_EVERY = 100
GROWTH_BOUND_MB = 40
TAIL = 400  # the last reruns, once the spec cache is full
TAIL_BOUND_MB = 10
FEE_PER_PLACEMENT = 200  # article 四
EXCEPTION = "[data-testid='stException']"
ERROR_BOUNDARY = "[class*='st-key-page_error']"
LOG_PROBLEMS = re.compile(r"Traceback|page error|Exception|\bERROR\b")

# The rerun has ended (the app is idle) and shows the answer: the take-away's link holds it (it is drawn last
# in the fee fragment, and last but the roster on the employers' page) and, for the broker, the fee card.
SHOWS_ANSWER = """([param, value, selector, expected]) => {
    const idle = document.querySelector(arguments_idle);
    const link = document.querySelector('.takeaway-link');
    if (!idle || !link) return false;
    const params = new URL(link.textContent.trim()).searchParams;
    if (params.get(param) !== value) return false;
    if (!selector) return true;
    const shown = document.querySelector(selector);
    return shown !== null && shown.textContent.trim() === expected;
}""".replace("arguments_idle", repr(APP_IDLE))


def rss_mb(pid: int) -> float:
    """The resident set size of process ``pid`` and its descendants, in MB."""
    total_kb = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except FileNotFoundError:  # a child that ended while it was being counted holds no memory any more
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        total_kb += int(found[1]) if found else 0
        for task in tasks:
            try:  # the server's worker threads come and go: one may end between the listing and this read
                children = (task / "children").read_text().split()
            except FileNotFoundError:
                continue
            pending.extend(int(child) for child in children)
    return total_kb / 1024


async def wait_for_app(page: Page) -> None:
    await page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=TIMEOUT)
    await page.wait_for_selector(APP_IDLE, timeout=TIMEOUT)


async def answer(page: Page, key: str, value: int, param: str, *, selector: str = "", expected: str = "") -> None:
    """Type ``value`` into the number input ``key``, press Enter, and wait until the run that answers it ended."""
    field = page.locator(f".st-key-{key} input")
    await field.fill(str(value))
    await field.press("Enter")
    await page.wait_for_function(SHOWS_ANSWER, arg=[param, str(value), selector, expected], timeout=TIMEOUT)


def broker(page: Page) -> Callable[[int], Awaitable[None]]:
    async def rerun(placements: int) -> None:
        await answer(page, "brk_placements", placements, "placements", selector=".st-key-card_broker_fee h3",
                     expected=yuan(placements * FEE_PER_PLACEMENT, "zh_CN"))
    return rerun


def employer(page: Page) -> Callable[[int], Awaitable[None]]:
    async def rerun(hires: int) -> None:
        await answer(page, "emp_ws_hires", hires, "ws_hires")
    return rerun


class Soak:
    """Counts the reruns of all visitors and reads the server's memory every :data:`SAMPLE_EVERY`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.done = 0
        self.samples: list[tuple[int, float, float]] = []  # (reruns, seconds, MB)
        self.started = time.monotonic()

    def sample(self) -> None:
        self.samples.append((self.done, time.monotonic() - self.started, rss_mb(self.pid)))

    async def visitor(self, rerun: Callable[[int], Awaitable[None]], values: range) -> None:
        for value in values:
            await rerun(value)
            self.done += 1
            if self.done % SAMPLE_EVERY == 0:
                self.sample()


async def open_visitors(browser: Browser, base_url: str) -> tuple[Page, Page]:
    pages = []
    # The employer says what it is (the page assumes nothing, issue 26), so each rerun draws the grant's card and bands.
    for path in ("broker?lang=zh_CN", "employer?lang=zh_CN&kind=sme&in_region=1&carrier=workshop&place=poor_village"):
        context = await browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
        context.set_default_timeout(TIMEOUT)
        page = await context.new_page()
        await page.goto(f"{base_url}/{path}", wait_until="domcontentloaded")
        await wait_for_app(page)
        pages.append(page)
    return pages[0], pages[1]


async def soak(server: Server) -> Soak:
    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            broker_page, employer_page = await open_visitors(browser, server.url)
            warm = Soak(server.process.pid)
            half = WARM_UP // 2
            await asyncio.gather(warm.visitor(broker(broker_page), range(5_001, 5_001 + half)),
                                 warm.visitor(employer(employer_page), range(5_001, 5_001 + WARM_UP - half)))
            measured = Soak(server.process.pid)
            measured.sample()
            half = RERUNS // 2
            await asyncio.gather(measured.visitor(broker(broker_page), range(1, 1 + half)),
                                 measured.visitor(employer(employer_page), range(1, 1 + RERUNS - half)))
            if measured.samples[-1][0] != measured.done:
                measured.sample()
            for page in (broker_page, employer_page):
                await expect(page.locator(EXCEPTION)).to_have_count(0)
                await expect(page.locator(ERROR_BOUNDARY)).to_have_count(0)
            return measured
        finally:
            await browser.close()


def test_a_thousand_reruns_keep_the_servers_memory_bounded():
    with machine_load_lock(), streamlit_process(timeout=90) as server:
        measured = run_async(soak(server))
        log = server.log_text()
    print("\nreruns  seconds  server RSS (MB)")
    for done, seconds, megabytes in measured.samples:
        print(f"{done:6d}  {seconds:7.1f}  {megabytes:8.1f}")
    (_, _, before), (done, seconds, after) = measured.samples[0], measured.samples[-1]
    print(f"{done} reruns in {seconds:.1f} s ({seconds / done * 1000:.0f} ms each, two visitors at once); "
          f"RSS {before:.1f} MB after the warm-up → {after:.1f} MB ({after - before:+.1f} MB)")
    tail = next(megabytes for reruns, _, megabytes in measured.samples if reruns == RERUNS - TAIL)
    print(f"over the last {TAIL} reruns: {tail:.1f} MB → {after:.1f} MB ({after - tail:+.1f} MB)")
    assert done == RERUNS
    assert after - before < GROWTH_BOUND_MB
    assert after - tail < TAIL_BOUND_MB
    problems = [line for line in log.splitlines() if LOG_PROBLEMS.search(line)]
    assert not problems, "the server logged:\n" + log
