"""Scale-out: three Streamlit processes behind nginx (deploy/nginx-site.conf) on loopback, in Chromium.

As in production, nginx serves https (here with a throwaway self-signed certificate, which the browser and
urllib are told to accept) and its route cookie is Secure.

Journeys go through nginx; each browser context is a new visitor, who gets a route cookie from nginx and
keeps it for the page, its WebSocket and everything after. Then one process is stopped: a visitor whose
cookie pointed at it, and new visitors, are still served by the two others.
"""

from __future__ import annotations

import re
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from deploy.cluster import loopback_tls, nginx_binary, start_nginx, start_streamlit, stop, wait_healthy
from tests.e2e.streamlit_server import free_ports, open_page, wait_for_app

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(nginx_binary() is None, reason="nginx is not installed (make system-deps installs it)"),
]

# Free ports, not fixed ones: two test runs on one machine (or anything else listening) must not collide.
NGINX_PORT, *_BACKEND_PORTS = free_ports(4)
BACKENDS = [f"127.0.0.1:{port}" for port in _BACKEND_PORTS]
URL = f"https://127.0.0.1:{NGINX_PORT}"
COOKIE = "zz_route"
RESIDENT = ("/resident?lang=en&year=2019&step=work&registered_poor=1&birth_year=1974&job.place=other_province&job.months=12"
            "&job.contract=1_year_or_more&city=guyuan&county=640422")


class Cluster:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.streamlit: dict[str, object] = {}
        self.nginx = None

    def access_log(self) -> list[dict[str, str]]:
        """nginx's log lines as {request, status, route, upstream} (a WebSocket's line is written when it closes).

        ``upstream`` is the process that answered: nginx logs every process it tried ("A, B" after a failover).
        """
        lines = []
        for line in (self.prefix / "access.log").read_text(errors="replace").splitlines():
            found = re.search(r'"(?P<request>[^"]*)" (?P<status>\d+) route=(?P<route>\S+) .*upstream="(?P<tried>[^"]*)"',
                              line)
            if found:
                entry = found.groupdict()
                entry["upstream"] = entry.pop("tried").split(", ")[-1]
                lines.append(entry)
        return lines

    def upstreams_of(self, route: str, since: int = 0) -> set[str]:
        """The processes that answered ``route``'s requests. A request no process took is not counted: nginx logs
        the upstream's name then (on a busy machine a process that answers 503 is left out for a while, and a
        browser retries); the journeys themselves show that every visitor got the whole site."""
        return {e["upstream"] for e in self.access_log()[since:]
                if e["route"] == route and e["upstream"] in BACKENDS}


def _choose_ports() -> None:
    """Ports free now, chosen as the cluster starts: chosen when the module is imported, one was taken by another
    connection's own port in the 25 minutes before it was used (two test runs at once)."""
    global NGINX_PORT, BACKENDS, URL  # noqa: PLW0603 - the tests read them as the module's
    NGINX_PORT, *ports = free_ports(4)
    BACKENDS = [f"127.0.0.1:{port}" for port in ports]
    URL = f"https://127.0.0.1:{NGINX_PORT}"


def _start(prefix: Path) -> Cluster:
    _choose_ports()
    running = Cluster(prefix)
    try:
        for backend in BACKENDS:
            port = int(backend.rsplit(":", 1)[1])
            running.streamlit[backend] = start_streamlit("serve.py", port, prefix / f"st-{port}.log")
        for backend, process in running.streamlit.items():
            wait_healthy(f"http://{backend}", process, prefix / f"st-{backend.rsplit(':', 1)[1]}.log", 90)
        running.nginx = start_nginx(prefix, f"127.0.0.1:{NGINX_PORT}", BACKENDS)
        wait_healthy(URL, running.nginx, prefix / "error.log", 15)
    except BaseException:
        _stop(running)
        raise
    return running


def _stop(running: Cluster) -> None:
    if running.nginx is not None:
        stop(running.nginx)
    for process in running.streamlit.values():
        stop(process)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    with tempfile.TemporaryDirectory(prefix="scale-out-") as tmp:
        for attempt in range(3):
            prefix = Path(tmp) / f"attempt-{attempt}"
            prefix.mkdir()
            try:
                running = _start(prefix)
                break
            except RuntimeError as error:  # a port taken between its choice and its use: choose again
                if "Address already in use" not in str(error) or attempt == 2:
                    raise
        try:
            yield running
        finally:
            _stop(running)


def visitor(browser: Browser) -> BrowserContext:
    return browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US", ignore_https_errors=True)


def route_of(context: BrowserContext) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == COOKIE)


def home_loads(context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, f"{URL}/?lang=en", timeout=60_000)
    expect(page.locator("h1").first).to_contain_text("Employment Poverty-Alleviation Policy Self-Service")
    page.close()


def press(page: Page, name: str) -> None:
    """Press a step button and wait for the step it leads to (the address changes in that run)."""
    before = page.url
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_url(lambda url: url != before)
    wait_for_app(page)


def resident_answers_and_sees_a_result(context: BrowserContext) -> None:
    page = context.new_page()
    open_page(page, URL + RESIDENT, timeout=60_000)
    page.get_by_role("radiogroup", name="Does your employer pay your social insurance?", exact=True).get_by_text(
        "Yes", exact=True).click()
    page.wait_for_url(re.compile(r"[?&]job\.social_insurance=1(&|$)"))
    wait_for_app(page)
    for _ in range(8):
        last = page.get_by_role("button", name="See my results", exact=True).count() > 0
        press(page, "See my results" if last else "Next")
        if last:
            break
    expect(page.get_by_test_id("stMetricValue").first).to_have_text("800 yuan")
    page.close()


def test_health_through_nginx(cluster: Cluster):
    health = f"{URL}/_stcore/health"
    with urllib.request.urlopen(health, timeout=5, context=loopback_tls()) as response:  # noqa: S310 (loopback)
        assert response.status == 200
        assert response.read() == b"ok"


def test_sessions_are_sticky_and_spread_then_survive_a_stopped_process(cluster: Cluster, browser: Browser):
    # Journeys through nginx: each visitor's page, WebSocket and later requests go to one process.
    visitors: list[BrowserContext] = []
    spread: set[str] = set()
    while len(visitors) < 3 or (len(spread) < 2 and len(visitors) < 8):  # 8 on one process: 1 in 2,000
        context = visitor(browser)
        home_loads(context)
        visitors.append(context)
        spread |= cluster.upstreams_of(route_of(context))
    assert len(spread) >= 2, "new visitors are spread over the processes"
    resident_answers_and_sees_a_result(visitors[0])
    routes = [route_of(c) for c in visitors]
    assert len(set(routes)) == len(routes), "nginx gives every new visitor a route of their own"
    for context in visitors:
        context.close()  # closes the WebSockets, so their log lines are written
    time.sleep(0.5)
    served_by = {}
    for route in routes:
        upstreams = cluster.upstreams_of(route)
        assert len(upstreams) == 1, f"route {route} was served by {upstreams}: not sticky"
        served_by[route] = upstreams.pop()
    streams = [e for e in cluster.access_log() if e["request"].startswith("GET /_stcore/stream")]
    assert streams, "the WebSocket goes through nginx"
    assert all(e["status"] == "101" for e in streams)

    # Stop the process that served the first visitor.
    victim = served_by[routes[0]]
    stop(cluster.streamlit[victim])
    survivors = set(BACKENDS) - {victim}
    since = len(cluster.access_log())

    # The first visitor comes back with the same cookie: nginx sends them to another process.
    returning = visitor(browser)
    returning.add_cookies([{"name": COOKIE, "value": routes[0], "url": URL}])
    home_loads(returning)
    resident_answers_and_sees_a_result(returning)
    returning.close()
    time.sleep(0.5)
    assert cluster.upstreams_of(routes[0], since) <= survivors
    streams = [e for e in cluster.access_log()[since:] if e["request"].startswith("GET /_stcore/stream")]
    assert streams
    assert {e["upstream"] for e in streams} <= survivors

    # New visitors still get the whole site, on the processes that are left.
    for _ in range(3):
        context = visitor(browser)
        home_loads(context)
        resident_answers_and_sees_a_result(context)
        route = route_of(context)
        context.close()
        time.sleep(0.2)
        assert cluster.upstreams_of(route)
        assert cluster.upstreams_of(route) <= survivors
    health = f"{URL}/_stcore/health"
    with urllib.request.urlopen(health, timeout=5, context=loopback_tls()) as response:  # noqa: S310 (loopback)
        assert response.status == 200
    assert (cluster.prefix / "error.log").exists()
