"""The hardening of deploy/nginx-site.conf, checked on the file itself rendered for loopback (deploy/cluster.py):
one Streamlit process behind nginx, https with a throwaway self-signed certificate, plain http beside it.

- security headers (HSTS, nosniff, no-referrer, X-Frame-Options DENY, one CSP with frame-ancestors 'none') on a
  page, a static bundle and the health check; a Secure route cookie; no version in the Server header;
  plain http redirects to https, except the health check;
- Streamlit's /_stcore/metrics is not public;
- a WebSocket handshake or an upload from another site's Origin is refused by nginx itself (403, no upstream
  contacted), a same-origin one (and one without Origin) goes through (101);
- the access log holds neither the residents' answers (query strings) nor upload URLs' session ids;
- an upload's body never reaches nginx's client_body temp folder, even while it is arriving;
- one address flooding uploads beyond the burst is answered 429;
- in Chromium, every page (with charts, a result's QR code, kiosk mode, a roster upload and a download) raises
  no Content-Security-Policy violation and loads nothing from another host; a page on another origin cannot
  frame the site.
"""

from __future__ import annotations

import http.client
import http.server
import os
import re
import shutil
import socket
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from deploy.cluster import loopback_tls, nginx_binary, start_nginx, start_streamlit, stop, wait_healthy
from engine.roster.id_numbers import id_check_character
from tests.e2e.streamlit_server import framing_page, free_ports, open_page, wait_for_app
from tests.e2e.widgets import metric, show_chart, type_number, upload
from ui.serving import STREAMLIT_STATIC

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(nginx_binary() is None, reason="nginx is not installed (make system-deps installs it)"),
    pytest.mark.skipif(shutil.which("openssl") is None and not os.access("/usr/bin/openssl", os.X_OK),
                       reason="openssl is not installed (make system-deps installs it): no certificate for https"),
]

# Free ports, not fixed ones: two test runs on one machine must not collide.
HTTPS_PORT, HTTP_PORT, BACKEND_PORT = free_ports(3)
BACKEND = f"127.0.0.1:{BACKEND_PORT}"
URL = f"https://127.0.0.1:{HTTPS_PORT}"
HOST = f"127.0.0.1:{HTTPS_PORT}"
TIMEOUT = 60_000
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
# The resident's answers, as a shared link holds them.
ANSWERS = "lang=en&birth_year=1974"
RESIDENT_RESULT = ("/resident?lang=en&year=2019&step=work&registered_poor=1&birth_year=1974&job.place=other_province"
                   "&job.months=12&job.contract=1_year_or_more&city=guyuan&county=640422")
VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  {directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber}));
"""


@dataclass
class Site:
    prefix: Path

    def access_log(self) -> str:
        return (self.prefix / "access.log").read_text(errors="replace")

    def temp_files(self, kind: str) -> list[str]:
        """Files in nginx's temp folder ``kind`` (client_body, proxy) that nginx has open or left there.

        nginx removes the name of a temporary file as soon as it has opened it, and keeps writing to it: the
        folder looks empty while a body is on disk. The files nginx's processes have open are found in /proc.
        """
        folder = self.prefix / "temp" / kind
        found = [str(Path(d) / f) for d, _, files in os.walk(folder) for f in files]
        master = int((self.prefix / "nginx.pid").read_text())
        for pid in [master, *self._children(master)]:
            try:
                fds = list(Path(f"/proc/{pid}/fd").iterdir())
            except OSError:
                continue
            for fd in fds:
                try:
                    target = os.readlink(fd)
                except OSError:
                    continue
                if target.startswith(str(folder)):
                    found.append(target)
        return found

    @staticmethod
    def _children(pid: int) -> list[int]:
        try:
            return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def error_log(self) -> str:
        return (self.prefix / "error.log").read_text(errors="replace")

    def wait_for_log(self, pattern: str, timeout: float = 10) -> list[str]:
        """The access log's lines matching ``pattern``, once there is one (nginx writes a line after answering)."""
        deadline = time.monotonic() + timeout
        while True:
            lines = [line for line in self.access_log().splitlines() if re.search(pattern, line)]
            if lines or time.monotonic() > deadline:
                return lines
            time.sleep(0.1)


def _choose_ports() -> None:
    """Ports free now, chosen as the site starts (chosen at import, one could be taken by another connection's own
    port before it was used, with two test runs at once)."""
    global HTTPS_PORT, HTTP_PORT, BACKEND_PORT, BACKEND, URL, HOST  # noqa: PLW0603 - the tests read them
    HTTPS_PORT, HTTP_PORT, BACKEND_PORT = free_ports(3)
    BACKEND = f"127.0.0.1:{BACKEND_PORT}"
    URL = f"https://127.0.0.1:{HTTPS_PORT}"
    HOST = f"127.0.0.1:{HTTPS_PORT}"


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with tempfile.TemporaryDirectory(prefix="nginx-hardening-") as tmp:
        for attempt in range(3):
            prefix = Path(tmp) / f"attempt-{attempt}"
            prefix.mkdir()
            _choose_ports()
            streamlit = start_streamlit("serve.py", BACKEND_PORT, prefix / "st.log")
            nginx = None
            try:
                wait_healthy(f"http://{BACKEND}", streamlit, prefix / "st.log", 90)
                nginx = start_nginx(prefix, HOST, [BACKEND], http_listen=f"127.0.0.1:{HTTP_PORT}")
                wait_healthy(URL, nginx, prefix / "error.log", 15)
                break
            except RuntimeError as error:  # a port taken between its choice and its use: choose again
                if nginx is not None:
                    stop(nginx)
                stop(streamlit)
                if "Address already in use" not in str(error) or attempt == 2:
                    raise
        try:
            yield Site(prefix)
        finally:
            stop(nginx)
            stop(streamlit)


def fetch(method: str, path: str, headers: dict[str, str] | None = None, *, body: bytes | None = None,
          source: str = "127.0.0.1", port: int | None = None, tls: bool = True) -> http.client.HTTPResponse:
    """One request on a connection of its own (to nginx's HTTPS port unless ``port``); the response with its body
    read (except after a 101)."""
    port = HTTPS_PORT if port is None else port
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, source_address=(source, 0),
                                                 context=loopback_tls())
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    if response.status != 101:
        response.data = response.read()
    connection.close()
    return response


def websocket_handshake(origin: str | None) -> http.client.HTTPResponse:
    headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}
    if origin is not None:
        headers["Origin"] = origin
    return fetch("GET", "/_stcore/stream", headers)


def upload_path() -> tuple[str, str, str]:
    """An upload URL as Streamlit's page makes it: /_stcore/upload_file/<session id>/<file id>."""
    session, file = str(uuid.uuid4()), str(uuid.uuid4())
    return f"/_stcore/upload_file/{session}/{file}", session, file


def bundle_path(site: Site) -> str:
    page = fetch("GET", "/?lang=en").data.decode("utf-8", errors="replace")
    found = re.search(r'(static/js/index\.[^"]+\.js)', page)
    assert found, "the page names Streamlit's main bundle"
    return "/" + found.group(1)


def test_security_headers_on_a_page_a_bundle_and_the_health_check(site: Site):
    for path in ("/?lang=en", bundle_path(site), "/_stcore/health", "/_stcore/metrics"):
        response = fetch("GET", path, {"Accept-Encoding": "gzip"})
        assert response.status in (200, 404), path
        headers = response.headers
        for name, value in SECURITY_HEADERS.items():
            assert headers.get_all(name) == [value], f"{path}: {name} is {headers.get_all(name)}"
        hsts = headers.get_all("strict-transport-security")
        assert len(hsts) == 1, f"{path}: {hsts}"
        assert int(re.search(r"max-age=(\d+)", hsts[0]).group(1)) >= 31_536_000, path
        policies = headers.get_all("content-security-policy")
        assert len(policies) == 1, f"{path}: one policy, not {policies}"
        assert "frame-ancestors 'none'" in policies[0]
        assert "default-src 'self'" in policies[0]
        assert not re.search(r"https?://|\*", policies[0]), "nothing is allowed from another host"
    cookie = next(c for c in fetch("GET", "/?lang=en").headers.get_all("set-cookie") if c.startswith("zz_route="))
    assert "; Secure" in cookie
    assert "HttpOnly" in cookie


def test_no_version_in_the_server_header_or_error_pages(site: Site):
    for path in ("/?lang=en", "/_stcore/health", "/_stcore/metrics"):
        response = fetch("GET", path)
        assert response.headers["server"] == "nginx", path
        assert not re.search(rb"nginx/\d", response.data), path
    assert fetch("GET", "/", tls=False, port=HTTP_PORT).headers["server"] == "nginx"


def test_plain_http_redirects_to_https_except_the_health_check(site: Site):
    response = fetch("GET", f"/resident?{ANSWERS}", tls=False, port=HTTP_PORT)
    assert response.status == 301
    assert response.headers["location"] == f"{URL}/resident?{ANSWERS}"
    health = fetch("GET", "/_stcore/health", tls=False, port=HTTP_PORT)
    assert (health.status, health.data) == (200, b"ok")


def test_metrics_are_not_public(site: Site):
    direct = http.client.HTTPConnection("127.0.0.1", BACKEND_PORT, timeout=30)
    direct.request("GET", "/_stcore/metrics")
    assert direct.getresponse().status == 200, "the process has metrics (scraped on its own loopback port)"
    direct.close()
    for path in ("/_stcore/metrics", "/_stcore/metrics?families=session_events_total", "/_stcore/metrics/",
                 "/_stcore/%6detrics", "//_stcore/metrics"):
        response = fetch("GET", path)
        assert response.status in (403, 404), path
        assert b"session" not in response.data, path


def test_a_foreign_origin_is_refused_by_nginx_and_the_site_s_own_origin_is_not(site: Site):
    assert websocket_handshake("https://evil.example").status == 403
    assert websocket_handshake("null").status == 403
    assert websocket_handshake(f"http://{HOST}").status == 403  # the site's host, but not its scheme
    assert websocket_handshake(URL).status == 101
    assert websocket_handshake(None).status == 101  # not a browser: nothing of a visitor's to abuse
    # Compared exactly, as Streamlit compares them (issue 27): an Origin that differs from the Host only in letter
    # case passed nginx's case-blind check and reached Streamlit's exact one, which looked up the machine's address.
    headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Host": f"LOCALHOST:{HTTPS_PORT}",
               "Origin": f"https://localhost:{HTTPS_PORT}"}
    assert fetch("GET", "/_stcore/stream", headers).status == 403
    path, _, _ = upload_path()
    refused = fetch("PUT", path, {"Origin": "https://evil.example", "Content-Type": "text/plain"}, body=b"x")
    assert refused.status == 403
    # Refused by nginx before Streamlit saw them (Streamlit 1.67 would look up the machine's external address
    # for each): no upstream was contacted for any of the 403s.
    refusals = site.wait_for_log(r'"(GET /_stcore/stream|PUT /_stcore/upload_file/\S*)" 403 ')
    assert len(refusals) >= 5
    assert all('upstream="-"' in line for line in refusals), refusals


def test_the_access_log_has_no_answers_and_no_session_ids(site: Site):
    assert fetch("GET", f"/?{ANSWERS}").status == 200
    path, session, file = upload_path()
    fetch("PUT", path, {"Content-Type": "text/plain"}, body=b"x")
    assert site.wait_for_log(r'"PUT /_stcore/upload_file/'), "the upload is logged"
    assert site.wait_for_log(r'"GET /" 200 '), "the page is logged"
    log = site.access_log()
    for secret in (ANSWERS, "birth_year=1974", "lang=en", session, file):
        assert secret not in log, secret
    assert re.search(r'"GET /" 200 route=\S+ .*upstream="[^"]+"', log), "route= and upstream= stay for the tests"


def test_an_uploaded_body_never_reaches_the_disk(site: Site):
    """A ~5 MB multipart upload, sent in two parts: while the body is arriving, nginx has no file open in its
    client_body temp folder (its name is removed at once, and the file itself when the request ends, so
    looking at the folder afterwards is not enough); nor does its error log (level info here) say that it
    buffered a body to a file."""
    boundary = "----zizhutong" + uuid.uuid4().hex
    roster = ("姓名,身份证号\n" + "工人,640422199001010012\n" * 200_000).encode("utf-8")[:5_000_000]
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n'
            f"Content-Type: text/csv\r\n\r\n").encode() + roster + f"\r\n--{boundary}--\r\n".encode()
    path, _, _ = upload_path()
    head = (f"PUT {path} HTTP/1.1\r\nHost: {HOST}\r\nOrigin: {URL}\r\nContent-Length: {len(body)}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\nConnection: close\r\n\r\n").encode()
    raw = socket.create_connection(("127.0.0.1", HTTPS_PORT), timeout=60)
    seen: set[str] = set()
    with loopback_tls().wrap_socket(raw) as connection:
        connection.sendall(head + body[:4_500_000])
        deadline = time.monotonic() + 3  # nginx holds 4.5 MB of the body now, waiting for the rest
        while time.monotonic() < deadline:
            seen.update(site.temp_files("client_body"))
            time.sleep(0.02)
        connection.sendall(body[4_500_000:])
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 "), answer[:100]
    assert not answer.startswith((b"HTTP/1.1 413", b"HTTP/1.1 429")), answer[:100]
    assert seen == set(), f"nginx wrote the body to disk: {seen}"
    assert site.temp_files("client_body") == []
    assert "request body is buffered to a temporary file" not in site.error_log()


def test_a_large_response_is_not_spooled_to_disk(site: Site):
    """A visitor reading slowly (a phone on a bad network) makes nginx wait: it does not write the rest of a large
    response (a script here, a results download alike) to its proxy temp folder."""
    largest = max((STREAMLIT_STATIC / "static" / "js").glob("*.js"), key=lambda f: f.stat().st_size)
    raw = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the visitor reads slowly
    raw.settimeout(60)
    raw.connect(("127.0.0.1", HTTPS_PORT))
    seen: set[str] = set()
    received = 0
    with loopback_tls().wrap_socket(raw) as connection:
        connection.sendall(f"GET /static/js/{largest.name} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n"
                           .encode())
        deadline = time.monotonic() + 3  # nothing read for 3 s: nginx holds what does not fit in its buffers
        while time.monotonic() < deadline:
            seen.update(site.temp_files("proxy"))
            time.sleep(0.02)
        while chunk := connection.recv(65536):
            received += len(chunk)
    assert received > largest.stat().st_size, "the whole script arrived"
    assert seen == set(), f"nginx spooled the response to disk: {seen}"
    assert "upstream response is buffered to a temporary file" not in site.error_log()


def test_one_address_flooding_uploads_is_answered_429(site: Site):
    """Beyond the burst (30), uploads from one address are refused with 429. The flood comes from 127.0.0.2
    (loopback too), so the other tests' address keeps its allowance."""
    try:
        socket.create_connection(("127.0.0.1", HTTPS_PORT), timeout=5, source_address=("127.0.0.2", 0)).close()
    except OSError:
        pytest.skip("cannot connect from 127.0.0.2 on this machine")
    statuses = []
    for _ in range(45):
        path, _, _ = upload_path()
        statuses.append(fetch("PUT", path, {"Content-Type": "text/plain"}, body=b"x", source="127.0.0.2").status)
    assert 429 not in statuses[:30], f"the burst is allowed: {statuses}"
    assert statuses.count(429) >= 10, statuses
    # Another address is not affected.
    path, _, _ = upload_path()
    assert fetch("PUT", path, {"Content-Type": "text/plain"}, body=b"x").status != 429


def roster() -> bytes:
    lines = ["姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"]
    for i in range(12):
        first17 = f"64042219900101{i:03d}"
        lines.append(f"工人{i},{first17 + id_check_character(first17)},是,{12 + i},一年以上,是")
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_every_page_passes_the_content_security_policy(site: Site, browser: Browser, tmp_path: Path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US", ignore_https_errors=True)
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    elsewhere: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((URL, "data:", "blob:")) else elsewhere.append(r.url))
    policies: list[str] = []
    page.on("response", lambda r: policies.append(r.headers.get("content-security-policy", ""))
            if r.request.resource_type == "document" else None)
    violations: dict[str, list] = {}

    def look(path: str) -> None:
        violations[path] = page.evaluate("window.__cspViolations")

    for path in ("/?lang=en", "/resident?lang=en", "/institution?lang=en", "/broker?lang=en", "/policy?lang=en",
                 "/?lang=en&kiosk=1", RESIDENT_RESULT):
        open_page(page, URL + path, timeout=90_000)
        expect(page.locator("h1").first).to_be_visible(timeout=TIMEOUT)
        if path.startswith("/broker"):  # the QR code of the page's link, a data: image
            expect(page.locator("img[src^='data:']").first).to_be_visible(timeout=TIMEOUT)
        look(path)

    open_page(page, f"{URL}/institution?lang=en&kind=technical_school", timeout=TIMEOUT)  # the kind is asked, not assumed
    type_number(page, "inst_enrolled", 40)
    type_number(page, "inst_completed", 38)
    type_number(page, "inst_passed", 35)
    expect(show_chart(page, "inst_cohort").locator("canvas, svg.marks").first).to_be_visible(timeout=TIMEOUT)
    look("/institution (chart)")

    open_page(page, f"{URL}/employer?lang=en&carrier=workshop&place=poor_village", timeout=TIMEOUT)
    type_number(page, "emp_ws_hires", 17)
    expect(show_chart(page, "emp_grant").locator("canvas, svg.marks").first).to_be_visible(timeout=TIMEOUT)
    upload(page, "名册.csv", roster())
    expect(metric(page, "Workers")).to_have_text("12", timeout=TIMEOUT)
    wait_for_app(page, TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as caught:
        page.get_by_role("button", name="Download the results (CSV)").click()
    saved = tmp_path / "results.csv"
    caught.value.save_as(saved)
    assert saved.read_bytes().startswith(b"\xef\xbb\xbf")
    look("/employer (chart, roster, download)")
    context.close()

    assert policies, "pages were loaded"
    assert all("frame-ancestors 'none'" in p for p in policies), "the pages came with the policy"
    assert {path: found for path, found in violations.items() if found} == {}
    assert elsewhere == [], "nothing is loaded from another host"


def test_a_page_on_another_origin_cannot_frame_the_site(site: Site, browser: Browser):
    context = browser.new_context(ignore_https_errors=True)
    with framing_page(f"{URL}/?lang=en") as elsewhere:
        page = context.new_page()
        refusals: list[str] = []
        page.on("console", lambda m: refusals.append(m.text)
                if "frame-ancestors" in m.text or "X-Frame-Options" in m.text else None)
        framed: list[int] = []
        page.on("response", lambda r: framed.append(r.status) if r.url.startswith(f"{URL}/?lang=en") else None)
        page.goto(elsewhere, wait_until="load", timeout=TIMEOUT)
        deadline = time.monotonic() + 30
        while not refusals and time.monotonic() < deadline:
            page.wait_for_timeout(200)
        assert framed, "the other page asked for the site in its frame"
        assert refusals, "Chromium refused to show the site in another origin's frame"
        page.wait_for_timeout(3000)  # time the site would need to start drawing, had it been let in
        expect(page.frame_locator("iframe").locator("[data-testid='stApp']")).to_have_count(0)
        expect(page.frame_locator("iframe").locator("#root")).to_have_count(0)
    context.close()
