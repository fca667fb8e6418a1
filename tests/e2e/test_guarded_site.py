"""The site as ``make run`` serves it, attacked from other origins (issue 14): WebSocket handshakes from another
site are refused without stalling anyone, no other site can show it in a frame or drive it from a parent page.

The server under attack binds 0.0.0.0 as ``make run`` does, and every outside address it might ask for goes
through a proxy that never answers (``HTTPS_PROXY``): where outbound traffic is silently dropped, as in many
government networks, Streamlit 1.67's own check of a foreign Origin blocks its event loop for 2 s a handshake.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.streamlit_server import Server, framing_page, open_page, streamlit_process
from tests.e2e.widgets import upload

pytestmark = pytest.mark.e2e

HANDSHAKES = 20


@pytest.fixture(scope="module")
def black_hole() -> Iterator[str]:
    """A proxy address that takes connections and never answers (a network that drops outbound traffic)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(256)  # never accepted: connections wait in the backlog until the client gives up
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.fixture(scope="module")
def exposed_server(black_hole: str) -> Iterator[Server]:
    proxies = {"HTTP_PROXY": black_hole, "HTTPS_PROXY": black_hole, "http_proxy": black_hole,
               "https_proxy": black_hole, "NO_PROXY": "", "no_proxy": ""}
    with streamlit_process(env=proxies, address="0.0.0.0") as server:  # noqa: S104 (as make run binds)
        yield server


def websocket_status(url: str, origin: str | None) -> int:
    """The HTTP status a WebSocket handshake to ``/_stcore/stream`` gets (101 is accepted)."""
    host = urlsplit(url).netloc
    lines = ["GET /_stcore/stream HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
             "Sec-WebSocket-Protocol: streamlit"]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection((urlsplit(url).hostname, urlsplit(url).port), timeout=30) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
        status_line = connection.makefile("rb").readline().decode("latin-1")
    return int(status_line.split()[1])


def health_seconds(url: str) -> float:
    started = time.monotonic()
    # url is the test server's loopback address.
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=60) as response:  # noqa: S310
        assert response.status == 200
    return time.monotonic() - started


def test_the_server_never_asks_an_outside_service_for_its_address(exposed_server: Server):
    """Bound to 0.0.0.0 without ``browser.serverAddress``, Streamlit looks up its external IP at start-up."""
    assert websocket_status(exposed_server.url, "https://evil.example") == 403
    assert "external IP" not in exposed_server.log_text()
    assert "External URL" not in exposed_server.log_text()


def test_the_sites_own_handshakes_are_accepted(exposed_server: Server):
    url = exposed_server.url
    assert websocket_status(url, f"http://{urlsplit(url).netloc}") == 101  # the site's own page is served
    assert websocket_status(url, None) == 101  # not a browser


def wait_calm(url: str, timeout: float = 60) -> None:
    """Until three health checks in a row answer at once: the sessions opened by the test before (each runs the
    home page's script once) have finished, so what is measured next is the handshakes' cost alone."""
    deadline, calm = time.monotonic() + timeout, 0
    while calm < 3 and time.monotonic() < deadline:
        calm = calm + 1 if health_seconds(url) < 0.1 else 0
        time.sleep(0.1)


def test_foreign_origin_handshakes_are_refused_while_the_site_keeps_answering(exposed_server: Server):
    url = exposed_server.url
    wait_calm(url)
    started = threading.Barrier(HANDSHAKES + 1)  # every handshake thread running before health is timed

    def handshake_when_all_started(n: int) -> int:
        started.wait(timeout=60)
        return websocket_status(url, f"https://evil-{n}.example")

    with ThreadPoolExecutor(max_workers=HANDSHAKES) as pool:
        refused = [pool.submit(handshake_when_all_started, n) for n in range(HANDSHAKES)]
        started.wait(timeout=60)
        pauses = [health_seconds(url) for _ in range(10)]
        statuses = [future.result() for future in refused]
    pauses += [health_seconds(url) for _ in range(5)]
    assert statuses == [403] * HANDSHAKES
    assert max(pauses) < 0.5, pauses
    assert "external IP" not in exposed_server.log_text()  # no handshake reached Streamlit's own check


def test_no_parent_page_may_drive_the_site(exposed_server: Server):
    """Streamlit trusts https://*.streamlit.app parents by default (postMessage can rerun, stop, set tokens)."""
    with urllib.request.urlopen(f"{exposed_server.url}/_stcore/host-config", timeout=30) as response:  # noqa: S310
        assert json.loads(response.read())["allowedOrigins"] == []


@pytest.fixture
def other_site(base_url: str) -> Iterator[str]:
    """A page on another origin (another port) that shows the site in a frame."""
    with framing_page(f"{base_url}/resident") as url:
        yield url


def test_another_site_cannot_show_the_site_in_a_frame(browser: Browser, base_url: str, other_site: str):
    context = browser.new_context()
    try:
        page = context.new_page()
        # The same page opened directly draws the app (the frame below is refused, not broken).
        open_page(page, f"{base_url}/resident")
        page.goto(other_site)
        page.wait_for_selector("iframe")
        deadline = time.monotonic() + 30
        frame_urls: list[str] = []
        while time.monotonic() < deadline:
            frame_urls = [frame.url for frame in page.frames if frame != page.main_frame]
            if frame_urls and all(u.startswith("chrome-error://") for u in frame_urls):
                break
            page.wait_for_timeout(200)
        assert frame_urls
        assert all(u.startswith("chrome-error://") for u in frame_urls), frame_urls
        assert page.frame_locator("iframe").locator("[data-testid='stApp']").count() == 0
    finally:
        context.close()


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far (all its threads), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_a_header_of_200000_columns_costs_the_server_under_3_seconds(exposed_server: Server, browser: Browser):
    """The page's reader counts a CSV's header before pandas reads it: pandas took 27.5 s of the server's time
    (other visitors waited meanwhile). Measured as the server's CPU time, which another test run on the same
    machine does not stretch, from the upload to the message on screen."""
    context = browser.new_context()
    try:
        page = context.new_page()
        open_page(page, f"{exposed_server.url}/employer?lang=en#roster", timeout=90_000)
        wide = (",".join(f"c{i}" for i in range(200_000)) + "\n1\n").encode()
        before, started = cpu_seconds(exposed_server.process.pid), time.monotonic()
        upload(page, "wide.csv", wide)
        expect(page.get_by_test_id("stAlertContentError")).to_contain_text("more than 60 columns")
        cpu, wall = cpu_seconds(exposed_server.process.pid) - before, time.monotonic() - started
    finally:
        context.close()
    assert cpu < 3, f"{cpu:.1f} s of the server's CPU ({wall:.1f} s on the clock)"
