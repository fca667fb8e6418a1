"""Start the site with ``streamlit run`` on a free local port, and Chromium to look at it.

Shared by the end-to-end fixtures (``conftest.py``) and the screenshot script (``screenshots.py``).
Debian's Chromium is used because ``playwright install`` cannot download browsers here.
"""

from __future__ import annotations

import asyncio
import fcntl
import html
import http.server
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Coroutine, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
# The app has finished a run: every element of that run is on the page.
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """``count`` different ports free on loopback now (all held open together while they are chosen)."""
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def _wait_healthy(base_url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            # base_url is always http://127.0.0.1:PORT, built above.
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"streamlit did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')}")


@dataclass(frozen=True)
class Server:
    """A running site: its base URL, its ``streamlit run`` process and the file its output goes to."""

    url: str
    process: subprocess.Popen
    log: Path

    def log_text(self) -> str:
        """What the server has written so far (stdout and stderr); readable only while the block runs."""
        return self.log.read_text(errors="replace")


@contextmanager
def streamlit_process(timeout: float = 60, env: Mapping[str, str] | None = None,
                      script: str = "serve.py", address: str = "127.0.0.1") -> Iterator[Server]:
    """Run the site until the block ends; yield the :class:`Server` (URL, process, log).

    ``env`` adds environment variables for the server (kiosk mode: ``ZIZHUTONG_KIOSK=1``). ``script`` is what
    ``make run`` serves (``serve.py``: compressed, a first HTML that is never blank) unless a test asks for
    Streamlit's own serving of ``streamlit_app.py`` (as behind nginx). ``address`` is what the server binds
    (``0.0.0.0`` as ``make run`` does); the URL is always loopback's.
    """
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="streamlit-e2e-") as tmp:
        log = Path(tmp) / "streamlit.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                 "--browser.gatherUsageStats", "false", "--server.address", address,
                 "--server.port", str(port)],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, **(env or {})},
            )
            try:
                _wait_healthy(base_url, process, log, timeout)
                yield Server(base_url, process, log)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout=10)


@contextmanager
def streamlit_server(timeout: float = 60, env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run the site until the block ends; yield its base URL (``http://127.0.0.1:PORT``).

    ``env`` adds environment variables for the server (kiosk mode: ``ZIZHUTONG_KIOSK=1``).
    """
    with streamlit_process(timeout, env) as server:
        yield server.url


@contextmanager
def machine_load_lock() -> Iterator[None]:
    """Hold the machine's one load-test lock for the block: the tests that load the machine on purpose (thirty
    sessions at once, a soak) measure the site under their own load, not under another test run's load test
    as well. A second test run on the same machine waits here until the first run's load test is done."""
    path = Path(tempfile.gettempdir()) / "zizhutong-load-tests.lock"
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def launch_chromium(playwright):
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Wait until the app is on screen and its script has finished running."""
    page.wait_for_selector("[data-testid='stAppViewContainer']", timeout=timeout)
    page.wait_for_selector(APP_IDLE, timeout=timeout)


def open_page(page, url: str, timeout: float = 30_000) -> None:
    """Load ``url`` and wait for the app's first run to finish."""
    page.goto(url, wait_until="domcontentloaded", timeout=timeout)
    wait_for_app(page, timeout)


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end on a thread of its own, and return its result.

    Playwright's sync API, which the other end-to-end tests use, leaves an event loop running on the main
    thread for the rest of the session, and ``asyncio.run`` refuses to start inside a running loop.
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(asyncio.run, coroutine).result()


@contextmanager
def framing_page(url: str) -> Iterator[str]:
    """A page on another origin (a port of its own) that shows ``url`` in an iframe; yields its address."""
    body = (f'<!DOCTYPE html><html><head><title>elsewhere</title></head><body><h1>Another site</h1>'
            f'<iframe src="{html.escape(url, quote=True)}" width="800" height="600"></iframe></body></html>').encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://localhost:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
