"""Benchmark of the whole site: the engine, rosters, every page in Chromium, and the server's memory.

Not a test (timings depend on the machine). Run from the project root (``make bench`` runs it):

    .venv/bin/python bench/site_bench.py                  # everything, 5 repeats (about 8 minutes)
    .venv/bin/python bench/site_bench.py --only pages     # one part: engine, batch, pages or memory
    .venv/bin/python bench/site_bench.py --app-root DIR   # pages and memory of a copy of the site (prototypes)

It prints one table (median of the repeats, after a warm-up):

* engine: ``engine.evaluate`` of one profile with every fact answered (target < 1 ms);
* batch, 100,000 and 1,000,000 rows: the employer's worker roster as the page checks it, from text cells
  (every cell checked, the rules of articles (二) and (五), the summary; the rows of bench/roster_bench.py),
  and the persons' batch of ``python -m engine batch`` on checked facts (``engine.roster.persons.evaluate_batch``)
  (target 1,000,000 rows < 3 s);
* every page of ``ui.frame.PAGES`` in headless Debian Chromium, against bench/minimal_app.py served the same
  way in the same run, measurements interleaved (minimal, page, minimal, page…) and each page compared with
  the minimal loads made beside it: the first load in a fresh browser context until the script has finished
  and every Vega chart has its canvas (target ≤ 1.4× minimal), and the rerun after answering one question
  until the script has finished again and the charts are back (target ≤ 1.5× minimal);
* phone: every page's first visit (empty cache) at 390×844 over 1.6 Mbit/s, 150 ms latency and a CPU 4 times
  slower (Chromium's own throttling), against the minimal page served as Streamlit serves by default: bytes on
  the wire (target: home ≤ 1.1 MB, any page ≤ 1.5 MB), seconds until there is text on the screen, and seconds to
  the first heading (target ≤ 0.6× the minimal page's first text);
* the RSS of a fresh site process (from /proc) with 1, 10 and 50 sessions open (target < 300 MB at 50).

The site is served as ``make run`` serves it (``serve.py``), the minimal page by plain ``streamlit run``; servers
run on 127.0.0.1 ports 8730-8739 with the flags of ``make run``.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from bench.roster_bench import EMPLOYER, HEADERS, roster_rows  # noqa: E402
from deploy.cluster import rss_mb, start_streamlit, stop, wait_healthy  # noqa: E402
from engine import evaluate  # noqa: E402
from engine.profile import FIELDS  # noqa: E402
from engine.questions import nest  # noqa: E402
from engine.roster.cells import check_table  # noqa: E402
from engine.roster.persons import evaluate_batch  # noqa: E402
from engine.roster.workers import WORKER_SCHEMA, check_workers, summarise  # noqa: E402
from engine.rules import PERSON_RULES  # noqa: E402
from ui.frame import PAGES, load_translations  # noqa: E402

ON = date(2019, 6, 1)
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# A cheap phone on mobile data: 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency, a CPU 4 times slower.
THROTTLE = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CPU_SLOWDOWN = 4
SITE_SCRIPT = "serve.py"  # what `make run` serves: compressed, a first HTML that is never blank
PARTS = ("engine", "batch", "pages", "phone", "memory")
# Text on screen: anything a person can read (Streamlit's first HTML has none; the site's says it is opening).
SOME_TEXT = "() => document.body && document.body.innerText.trim().length > 0"

# Counts the script runs that ended, from the session's WebSocket: each ForwardMsg with script_finished
# (field 6) = FINISHED_SUCCESSFULLY (0) ends a whole run, FINISHED_FRAGMENT_RUN_SUCCESSFULLY (3) the run of an
# st.fragment alone (what a question inside a fragment causes). Installed before any script of
# the page, so the first run of a fresh page is counted too. (The data-test-script-state attribute alone is
# not enough: a fast rerun can go "running" → "notRunning" within one render and never show "running".)
RUN_COUNTER = """(() => {
  const runs = {finished: 0, fragments: 0, at: 0};
  window.__runs = runs;
  const varint = (bytes, at) => {
    let value = 0, shift = 0, byte;
    do { byte = bytes[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
    return [value, at];
  };
  const look = (data) => {
    if (!(data instanceof ArrayBuffer)) { return; }
    const bytes = new Uint8Array(data);
    let at = 0, key, value;
    while (at < bytes.length) {
      [key, at] = varint(bytes, at);
      const field = Math.floor(key / 8), wire = key & 7;
      if (wire === 0) {
        [value, at] = varint(bytes, at);
        if (field === 6 && (value === 0 || value === 3)) { runs.finished += 1; runs.at = performance.now(); }
        if (field === 6 && value === 3) { runs.fragments += 1; }
      } else if (wire === 2) { [value, at] = varint(bytes, at); at += value; }
      else if (wire === 1) { at += 8; } else if (wire === 5) { at += 4; } else { return; }
    }
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (String(args[0]).includes("_stcore/stream")) { this.addEventListener("message", (e) => look(e.data)); }
    }
  };
})();"""
# Done: the runs counted reached `want`, the app is idle, the page's marker is there and so is every chart.
DONE = """([want, marker, charts]) => {
  const runs = window.__runs;
  if (!runs || runs.finished < want) { return false; }
  if (!document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']")) { return false; }
  if (!document.querySelector(marker)) { return false; }
  const drawn = document.querySelectorAll(
    "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks").length;
  return drawn >= charts;
}"""


# ---------------------------------------------------------------------------------------------
# Engine and batch
# ---------------------------------------------------------------------------------------------

def full_profile() -> dict:
    """A profile with every fact of the schema answered (a resident, employer, institution and broker)."""
    answers: dict[str, object] = {}
    for name, spec in FIELDS.items():
        if spec.kind == "bool":
            answers[name] = True
        elif spec.kind in ("int", "number"):
            value = 12 if spec.kind == "int" else 500.0
            answers[name] = value if spec.maximum is None else min(value, spec.maximum)
        else:
            answers[name] = spec.values[0]
    answers |= {"person.age": 45, "person.city": "guyuan", "person.county": "640422",
                "person.job.place": "other_province", "person.job.contract": "1_year_or_more",
                "person.city_rural_income_last_year": 9000.0}
    return nest(answers)


def median_of(repeats: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def engine_figures(rows: list[tuple[str, str, str]]) -> None:
    profile = full_profile()
    evaluate(profile, ON, lang="zh_CN")  # imports, catalogs and parameter tables loaded once
    batch = 200
    for lang in ("zh_CN", None):
        seconds = median_of(7, lambda lang=lang: [evaluate(profile, ON, lang=lang) for _ in range(batch)]) / batch
        label = "texts in Chinese" if lang else "no texts (lang=None)"
        rows.append((f"engine: one full profile, {label}", f"{seconds * 1e3:.3f} ms",
                     "< 1 ms" + (" ✓" if seconds < 1e-3 else " ✗ MISSED")))


def person_facts(count: int, seed: int = 2018) -> pd.DataFrame:
    """Checked facts of ``count`` persons, as ``python -m engine batch`` passes them to evaluate_batch."""
    chance = np.random.default_rng(seed)
    places = np.array(["other_province", "other_county", "home_county"], dtype=object)
    contracts = np.array(["1_year_or_more", "under_1_year", "none"], dtype=object)
    frame = pd.DataFrame({
        "person.registered_poor": chance.random(count) < 0.8,
        "person.age": chance.integers(16, 65, count),
        "person.job.place": places[chance.integers(0, 3, count)],
        "person.job.months": chance.integers(0, 36, count),
        "person.job.contract": contracts[chance.integers(0, 3, count)],
        "person.job.social_insurance": chance.random(count) < 0.7,
    })
    unknown = chance.random(count) < 0.05  # a few cells left empty: "needs info"
    frame["person.job.months"] = frame["person.job.months"].astype(object).where(~unknown, None)
    return frame


def batch_figures(rows: list[tuple[str, str, str]], sizes: tuple[int, ...]) -> None:
    def worker_roster(table: pd.DataFrame) -> None:
        summarise(check_workers(check_table(table, WORKER_SCHEMA), ON), EMPLOYER, "zh_CN")

    warm = pd.DataFrame(roster_rows(2_000), columns=HEADERS)
    warm.index += 2
    worker_roster(warm)
    evaluate_batch(person_facts(2_000), ON)
    for count in sizes:
        table = pd.DataFrame(roster_rows(count), columns=HEADERS)
        table.index += 2  # each row's number in the file, as engine.roster.load_table numbers them
        seconds = median_of(3, lambda table=table: worker_roster(table))
        target = "< 3 s" + (" ✓" if seconds < 3 else " ✗ MISSED") if count >= 1_000_000 else ""
        rows.append((f"batch: worker roster, {count:,} rows (cells, rules 二 五, summary)", f"{seconds:.2f} s",
                     target))
        del table
        facts = person_facts(count)
        seconds = median_of(3, lambda facts=facts: evaluate_batch(facts, ON))
        target = "< 3 s" + (" ✓" if seconds < 3 else " ✗ MISSED") if count >= 1_000_000 else ""
        rows.append((f"batch: persons, {count:,} rows (evaluate_batch, {len(PERSON_RULES)} benefits)", f"{seconds:.2f} s", target))
        del facts


# ---------------------------------------------------------------------------------------------
# Pages in Chromium
# ---------------------------------------------------------------------------------------------

def t(message: str, lang: str = "zh_CN") -> str:
    return load_translations(lang).gettext(message)


@dataclass(frozen=True)
class Target:
    """A page to load, what shows it is there, and the one question answered for the rerun."""

    name: str
    path: str
    charts: int = 0
    marker: str = "h1"
    answer: Callable | None = None  # answers one question on a loaded page (the rerun starts there)
    answer_text: str = ""
    question: bool = True  # False: the page asks nothing; its rerun (the language switch) is shown, not judged


def type_number(label: str, value: int) -> Callable:
    def answer(page) -> None:
        field = page.get_by_role("spinbutton", name=label, exact=True)
        field.fill(str(value))
        field.press("Enter")
    return answer


def choose(group: str, option: str) -> Callable:
    def answer(page) -> None:
        page.get_by_role("radiogroup", name=group, exact=True).get_by_text(option, exact=True).click()
    return answer


def switch_to_english(page) -> None:
    page.get_by_test_id("stButtonGroup").get_by_text("English", exact=True).click()


RESULTS = ("/resident?lang=zh_CN&year=2019&step=results&registered_poor=1&age=45&job.place=other_province"
           "&job.months=12&job.contract=1_year_or_more&job.social_insurance=1&city=guyuan&county=640422")
MINIMAL = Target("minimal page (bench/minimal_app.py)", "/", marker="[data-testid='stNumberInput']",
                 answer=type_number("n", 7), answer_text="type a number, Enter")


def targets() -> list[Target]:
    """Every page of ui.frame.PAGES (and the residents' results, the page with charts), in Chinese."""
    found = {
        "streamlit_app.py": Target("home", "/?lang=zh_CN", answer=switch_to_english, question=False,
                                   answer_text="language switch"),
        "pages/resident.py": Target("resident (first step)", "/resident?lang=zh_CN",
                                    answer=choose(t("Year of the situation"), "2019"), answer_text="choose the year"),
        "pages/employer.py": Target("employer", "/employer?lang=zh_CN&kind=sme&in_region=1&carrier=workshop"
                                    "&place=poor_village",
                                    answer=type_number(t("Qualifying hires"), 5), answer_text="qualifying hires"),
        "pages/institution.py": Target("institution", "/institution?lang=zh_CN&kind=technical_school",
                                       answer=type_number(t("Completed and passed"), 30),
                                       answer_text="students passed"),
        "pages/broker.py": Target("broker", "/broker?lang=zh_CN",
                                  answer=type_number(t("Qualifying placements"), 5), answer_text="placements"),
        "pages/policy.py": Target("policy", "/policy?lang=zh_CN", answer=switch_to_english, question=False,
                                  answer_text="language switch"),
    }
    listed = [found[script] for script, _label, _icon in PAGES]
    listed.insert(2, Target("resident (results link)", RESULTS))
    return listed


@dataclass
class Timing:
    """Seconds until the page was done, and until the end of the run arrived from the server (the rest is drawing)."""

    first: float
    first_run: float
    rerun: float | None = None
    rerun_run: float | None = None


def measure(browser, url: str, target: Target, timeout: float = 60_000) -> Timing:
    """First load in a fresh context, then (if the page has one) the rerun after answering one question."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    try:
        start = time.perf_counter()
        page.goto(url + target.path, wait_until="commit", timeout=timeout)
        page.wait_for_function(DONE, arg=[1, target.marker, target.charts], polling=10, timeout=timeout)
        timing = Timing(time.perf_counter() - start, page.evaluate("window.__runs.at") / 1000)
        if target.answer is not None:
            page.wait_for_timeout(300)  # let late layout settle, as a visitor reading the page would
            done, page_start = page.evaluate("[window.__runs.finished, performance.now()]")
            start = time.perf_counter()
            target.answer(page)
            page.wait_for_function(DONE, arg=[done + 1, target.marker, target.charts], polling=10, timeout=timeout)
            timing.rerun = time.perf_counter() - start
            timing.rerun_run = (page.evaluate("window.__runs.at") - page_start) / 1000
        return timing
    finally:
        context.close()


def calibrated(browser, url: str, target: Target) -> Target:
    """The target with the number of charts its page draws now (pages change; the bench must not hang)."""
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    try:
        page.goto(url + target.path, wait_until="commit", timeout=60_000)
        page.wait_for_function(DONE, arg=[1, target.marker, 0], polling=50, timeout=60_000)
        page.wait_for_timeout(2_000)
        drawn = page.locator("[data-testid='stVegaLiteChart']").count()
    finally:
        context.close()
    if drawn != target.charts:
        print(f"note: {target.name} draws {drawn} charts (expected {target.charts})", file=sys.stderr)
    return replace(target, charts=drawn)


def measured_or_retried(browser, url: str, target: Target) -> Timing:
    """One measurement; once more if the first timed out (a busy shared machine), and say so."""
    try:
        return measure(browser, url, target)
    except PlaywrightTimeout:
        print(f"note: {target.name} timed out once; measured again", file=sys.stderr)
        return measure(browser, url, target, timeout=120_000)


class Servers:
    """Streamlit processes on loopback ports, stopped when the block ends."""

    def __init__(self) -> None:
        self.processes: list = []
        self.tmp = Path(tempfile.mkdtemp(prefix="site-bench-"))

    def start(self, script: str, port: int, cwd: Path) -> tuple[str, int]:
        log = self.tmp / f"streamlit-{port}.log"
        process = start_streamlit(script, port, log, cwd=cwd)
        self.processes.append(process)
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process, log)
        return url, process.pid

    def stop(self, pid: int) -> None:
        for process in self.processes:
            if process.pid == pid:
                stop(process)

    def __enter__(self) -> Servers:
        return self

    def __exit__(self, *_exc) -> None:
        for process in self.processes:
            stop(process)
        shutil.rmtree(self.tmp, ignore_errors=True)


def ratio_text(value: float, base: float, limit: float) -> str:
    ratio = value / base
    return f"{ratio:.2f}× " + ("✓" if ratio <= limit else "✗ MISSED") + f" (≤ {limit}×)"


def page_figures(rows: list[tuple[str, str, str]], browser, servers: Servers, *, app_root: Path, repeats: int,
                 port: int) -> None:
    app, _ = servers.start(SITE_SCRIPT, port, app_root)
    minimal, _ = servers.start("bench/minimal_app.py", port + 1, ROOT)
    pages = [calibrated(browser, app, target) for target in targets()]  # also the first warm-up
    for target in pages:  # warm-up: every page and the minimal one
        measured_or_retried(browser, minimal, MINIMAL)
        measured_or_retried(browser, app, target)
    beside: dict[str, list[Timing]] = {target.name: [] for target in pages}  # the minimal loads next to each page
    measured: dict[str, list[Timing]] = {target.name: [] for target in pages}
    for _ in range(repeats):
        for target in pages:
            beside[target.name].append(measured_or_retried(browser, minimal, MINIMAL))
            measured[target.name].append(measured_or_retried(browser, app, target))

    def med(timings: list[Timing], field: str) -> float:
        return statistics.median(getattr(t, field) for t in timings)

    every = [t for timings in beside.values() for t in timings]
    rows.append((f"{MINIMAL.name}: first load", f"{med(every, 'first'):.3f} s",
                 f"{len(every)} loads interleaved with the pages'; run ended at {med(every, 'first_run'):.3f} s"))
    rows.append((f"{MINIMAL.name}: rerun ({MINIMAL.answer_text})", f"{med(every, 'rerun'):.3f} s",
                 f"run ended at {med(every, 'rerun_run'):.3f} s"))
    for target in pages:
        timings, base = measured[target.name], beside[target.name]
        charts = f", {target.charts} chart{'s' * (target.charts > 1)}" if target.charts else ""
        first = med(timings, "first")
        rows.append((f"page {target.name}{charts}: first load", f"{first:.3f} s",
                     f"{ratio_text(first, med(base, 'first'), 1.4)}; run ended at {med(timings, 'first_run'):.3f} s"))
        if target.answer is not None:
            rerun = med(timings, "rerun")
            base_rerun = med(base, "rerun")
            verdict = (ratio_text(rerun, base_rerun, 1.5) if target.question
                       else f"{rerun / base_rerun:.2f}× (no question on this page: not a target)")
            rows.append((f"page {target.name}: rerun ({target.answer_text})", f"{rerun:.3f} s",
                         f"{verdict}; run ended at {med(timings, 'rerun_run'):.3f} s"))


@dataclass
class PhoneVisit:
    """A first visit on the throttled phone: bytes received, and seconds to text on screen and to the marker."""

    bytes: int
    text: float
    marker: float


def phone_visit(browser, url: str, marker: str, timeout: float = 180_000) -> PhoneVisit:
    """A first visit (fresh context, empty cache) under :data:`THROTTLE` and :data:`CPU_SLOWDOWN`."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="zh-CN")
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", THROTTLE)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        received = {"bytes": 0}
        cdp.on("Network.loadingFinished",
               lambda event: received.__setitem__("bytes", received["bytes"] + int(event["encodedDataLength"])))
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout)
        page.wait_for_function(SOME_TEXT, polling=50, timeout=timeout)
        text = time.perf_counter() - start
        page.wait_for_selector(marker, state="visible", timeout=timeout)
        seen = time.perf_counter() - start
        page.wait_for_selector(APP_IDLE, timeout=timeout)
        page.wait_for_timeout(3_000)  # chunks loaded after the first run are part of the visit
        return PhoneVisit(received["bytes"], text, seen)
    finally:
        context.close()


def phone_figures(rows: list[tuple[str, str, str]], browser, servers: Servers, *, app_root: Path, repeats: int,
                  port: int) -> None:
    """First visits of every page on the throttled phone, interleaved with the minimal page's."""
    app, _ = servers.start(SITE_SCRIPT, port, app_root)
    minimal, _ = servers.start("bench/minimal_app.py", port + 1, ROOT)
    minimal_marker = "[data-testid='stMainBlockContainer'] [data-testid='stMarkdownContainer']"
    phone_visit(browser, minimal, minimal_marker)  # warm-up: both servers have run once
    pages = targets()
    for target in pages:
        phone_visit(browser, app + target.path, target.marker)
    beside: list[PhoneVisit] = []
    visits: dict[str, list[PhoneVisit]] = {target.name: [] for target in pages}
    for _ in range(repeats):
        for target in pages:
            beside.append(phone_visit(browser, minimal, minimal_marker))
            visits[target.name].append(phone_visit(browser, app + target.path, target.marker))
    base = statistics.median(v.text for v in beside)
    rows.append((f"phone: {MINIMAL.name}, served by plain streamlit run: first visit",
                 f"{statistics.median(v.bytes for v in beside) / 1e6:.2f} MB; text at {base:.1f} s",
                 f"{len(beside)} visits; 1.6 Mbit/s, 150 ms, CPU ×{CPU_SLOWDOWN}"))
    for target in pages:
        found = visits[target.name]
        size = statistics.median(v.bytes for v in found) / 1e6
        limit = 1.1 if target.name == "home" else 1.5
        heading = statistics.median(v.marker for v in found)
        rows.append((f"phone: page {target.name}: first visit",
                     f"{size:.2f} MB; text at {statistics.median(v.text for v in found):.1f} s; heading at "
                     f"{heading:.1f} s",
                     f"bytes ≤ {limit} MB " + ("✓" if size <= limit else "✗ MISSED") + "; heading "
                     + ratio_text(heading, base, 0.6)))


def memory_figures(rows: list[tuple[str, str, str]], browser, servers: Servers, *, app_root: Path,
                   sessions: tuple[int, ...], port: int) -> None:
    """RSS of a fresh site process with sessions open on every page in turn (each its own browser context)."""
    app, pid = servers.start(SITE_SCRIPT, port, app_root)
    pages = [calibrated(browser, app, target) for target in targets()]  # warm-up: every page once
    time.sleep(2)
    rows.append(("memory: site process after warm-up", f"{rss_mb(pid):.0f} MB", ""))
    contexts = []
    try:
        for wanted in sessions:
            while len(contexts) < wanted:
                target = pages[len(contexts) % len(pages)]
                context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
                context.add_init_script(RUN_COUNTER)
                page = context.new_page()
                page.goto(app + target.path, wait_until="commit", timeout=60_000)
                page.wait_for_function(DONE, arg=[1, target.marker, target.charts], polling=50, timeout=120_000)
                contexts.append(context)
            time.sleep(2)
            megabytes = rss_mb(pid)
            target = "< 300 MB" + (" ✓" if megabytes < 300 else " ✗ MISSED") if wanted >= 50 else ""
            rows.append((f"memory: site process, {wanted} open session{'s' * (wanted > 1)}", f"{megabytes:.0f} MB",
                         target))
    finally:
        for context in contexts:
            context.close()


def print_table(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"\n| {'measure'.ljust(width)} | value | target |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for what, value, target in rows:
        print(f"| {what.ljust(width)} | {value} | {target} |")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=PARTS, help="run only this part (may be repeated)")
    parser.add_argument("--repeats", type=int, default=5, help="page loads per page and for the minimal page")
    parser.add_argument("--rows", type=int, action="append", help="batch sizes (default 100,000 and 1,000,000)")
    parser.add_argument("--sessions", default="1,10,50", help="open sessions to measure memory at")
    parser.add_argument("--app-root", type=Path, default=ROOT, help="serve the site from this copy")
    parser.add_argument("--port", type=int, default=8730, help="first of the ports used (default 8730)")
    args = parser.parse_args(argv)
    parts = args.only or PARTS
    load = os.getloadavg()
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"load average {load[0]:.2f} at start; site from {args.app_root}")
    rows: list[tuple[str, str, str]] = []
    if "engine" in parts:
        engine_figures(rows)
    if "batch" in parts:
        batch_figures(rows, tuple(args.rows or (100_000, 1_000_000)))
    if {"pages", "phone", "memory"} & set(parts):
        with sync_playwright() as driver, Servers() as servers:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                if "pages" in parts:
                    page_figures(rows, browser, servers, app_root=args.app_root.resolve(), repeats=args.repeats,
                                 port=args.port)
                if "phone" in parts:
                    phone_figures(rows, browser, servers, app_root=args.app_root.resolve(),
                                  repeats=max(1, args.repeats // 2), port=args.port + 4)
                if "memory" in parts:
                    sessions = tuple(int(n) for n in args.sessions.split(","))
                    memory_figures(rows, browser, servers, app_root=args.app_root.resolve(), sessions=sessions,
                                   port=args.port + 2)
            finally:
                browser.close()
    print_table(rows)
    load = os.getloadavg()
    print(f"\nload average {load[0]:.2f} at the end (the machine's {os.cpu_count()} CPUs may be shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
