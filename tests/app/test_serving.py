"""How ``make run`` serves the site (ui/serving.py): Streamlit's bundles gzip-compressed once, and a first HTML that
is never blank, in the visitor's language. Driven as ASGI with a stand-in for Streamlit's app."""

from __future__ import annotations

import asyncio
import gzip
from typing import Any

import pytest
from starlette.requests import Request

from ui.frame import SITE_NAME, load_translations
from ui.serving import (
    BACK_AFTER_RESET_SCRIPT,
    LOADING,
    STREAMLIT_STATIC,
    SiteServing,
    first_html,
    visitor_language,
)

INDEX = (b'<!DOCTYPE html>\n<html lang="en">\n<head><title>Streamlit</title></head>\n'
         b'<body><noscript>x</noscript><div id="root"></div></body></html>')
A_BUNDLE = next(p for p in sorted((STREAMLIT_STATIC / "static" / "js").glob("*.js")) if p.stat().st_size > 10_000)


def t(lang: str, message: str) -> str:
    return load_translations(lang).gettext(message)


class Streamlit:
    """Stands in for Streamlit's app: answers every request with ``body`` and records what it was asked."""

    def __init__(self, body: bytes = INDEX, content_type: bytes = b"text/html; charset=utf-8",
                 chunks: int = 1) -> None:
        self.body, self.content_type, self.chunks = body, content_type, chunks
        self.asked: list[dict[str, Any]] = []

    async def __call__(self, scope, receive, send) -> None:
        self.asked.append(scope)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", self.content_type), (b"content-length", b"%d" % len(self.body)),
                                (b"etag", b'"abc"')]})
        size = -(-len(self.body) // self.chunks)
        for start in range(0, len(self.body), size):
            await send({"type": "http.response.body", "body": self.body[start:start + size],
                        "more_body": start + size < len(self.body)})


def request(path: str, *, query: bytes = b"", headers: dict[bytes, bytes] | None = None,
            method: str = "GET", kind: str = "http") -> dict[str, Any]:
    return {"type": kind, "method": method, "path": path, "query_string": query,
            "headers": list((headers or {}).items())}


def serve(app, scope) -> tuple[dict[str, bytes], bytes, int]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message) -> None:
        sent.append(message)

    asyncio.run(SiteServing(app)(scope, receive, send))
    start = sent[0]
    headers = {k.lower(): v for k, v in start.get("headers", ())}
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return headers, body, start["status"]


@pytest.mark.parametrize(("query", "accept", "lang"), [
    (b"lang=en", b"zh-CN,zh;q=0.9", "en"),
    (b"lang=zh_CN", b"en-US,en;q=0.9", "zh_CN"),
    (b"", b"zh-TW,zh;q=0.9", "zh_CN"),
    (b"", b"en-GB,en;q=0.8", "en"),
    (b"", b"fr-FR,fr;q=0.9,en;q=0.5", "en"),
    (b"", b"", "zh_CN"),
    (b"lang=xx", b"", "zh_CN"),
    (b"lang=en-US", b"zh-CN,zh;q=0.9", "en"),
], ids=["lang param over a Chinese browser", "lang param over an English browser", "Taiwanese Chinese browser",
        "British browser", "French browser with English", "no preference", "unknown lang param",
        "lang param as a tag, as the page reads it"])
def test_the_first_html_is_in_the_language_the_page_will_use(query, accept, lang):
    assert visitor_language(request("/", query=query, headers={b"accept-language": accept})) == lang


@pytest.mark.parametrize(("lang", "html_lang"), [("zh_CN", "zh-CN"), ("en", "en")])
def test_the_first_html_says_the_site_is_opening(lang, html_lang):
    page = first_html(INDEX, lang).decode("utf-8")
    site = t(lang, SITE_NAME)
    assert f'<html lang="{html_lang}"' in page
    assert f"<title>{site}</title>" in page
    assert t(lang, LOADING).format(site=site) in page
    assert page.count('<div id="root">') == 1  # the message is inside the root: the app replaces it when it draws
    assert page.index('<div id="root">') < page.index(t(lang, LOADING).format(site=site))


def test_a_page_is_sent_with_the_message_and_compressed():
    app = Streamlit(chunks=3)
    headers, body, status = serve(app, request("/resident", query=b"lang=en",
                                              headers={b"accept-encoding": b"gzip, deflate, br"}))
    assert status == 200
    assert headers[b"content-encoding"] == b"gzip"
    assert int(headers[b"content-length"]) == len(body)
    assert b"etag" not in headers  # the body is not Streamlit's any more
    page = gzip.decompress(body).decode("utf-8")
    assert t("en", LOADING).format(site=t("en", SITE_NAME)) in page
    # Streamlit is asked for its page uncompressed, so that it can be changed here.
    assert all(name != b"accept-encoding" for name, _ in app.asked[0]["headers"])


def test_a_page_for_a_browser_without_gzip_is_sent_plain():
    headers, body, _status = serve(Streamlit(), request("/", query=b"lang=zh_CN"))
    assert b"content-encoding" not in headers
    assert t("zh_CN", SITE_NAME).encode("utf-8") in body


def test_bundles_are_compressed_once_and_decompress_to_the_file():
    app = Streamlit()
    serving = SiteServing(app)
    path = "/" + A_BUNDLE.relative_to(STREAMLIT_STATIC).as_posix()
    for _ in range(2):
        sent: list[dict[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request"}

        async def send(message, sent=sent) -> None:
            sent.append(message)

        asyncio.run(serving(request(path, headers={b"accept-encoding": b"gzip"}), receive, send))
        headers = dict(sent[0]["headers"])
        assert headers[b"content-encoding"] == b"gzip"
        assert headers[b"content-type"] in (b"application/javascript", b"text/javascript")
        assert gzip.decompress(sent[1]["body"]) == A_BUNDLE.read_bytes()
        assert len(sent[1]["body"]) < A_BUNDLE.stat().st_size / 2
    assert app.asked == []  # Streamlit never served them
    assert list(serving._compressed) == [A_BUNDLE]  # compressed once, kept


@pytest.mark.parametrize("scope", [
    request("/static/js/../../index.html", headers={b"accept-encoding": b"gzip"}),
    request("/static/js/no-such-file.js", headers={b"accept-encoding": b"gzip"}),
    request("/static/js/" + A_BUNDLE.name),  # the browser does not take gzip
    request("/static/js/" + A_BUNDLE.name, headers={b"accept-encoding": b"gzip", b"range": b"bytes=0-10"}),
    request("/_stcore/health", headers={b"accept-encoding": b"gzip"}),
    request("/media/abc.png", headers={b"accept-encoding": b"gzip"}),
    request("/", method="HEAD"),
    request("/_stcore/stream", kind="websocket"),
], ids=["path outside the bundles", "missing bundle", "browser without gzip", "range request", "health",
        "media", "HEAD", "websocket"])
def test_everything_else_goes_to_streamlit_untouched(scope):
    app = Streamlit(body=b'{"ok": true}', content_type=b"application/json")
    if scope["type"] == "websocket":
        async def ignore(_message=None) -> None:
            return None
        asyncio.run(SiteServing(app)(scope, ignore, ignore))
        assert app.asked == [scope]
        return
    _headers, body, _status = serve(app, scope)
    assert app.asked[0]["path"] == scope["path"]
    assert body == b'{"ok": true}'


def test_a_page_that_is_not_html_is_passed_on_as_it_came():
    app = Streamlit(body=b"not found", content_type=b"text/plain")
    headers, body, _status = serve(app, request("/nothing", headers={b"accept-encoding": b"gzip"}))
    assert body == b"not found"
    assert headers[b"etag"] == b'"abc"'


# ---------------------------------------------------------------------------------------------
# Guards (issue 14): foreign origins refused before Streamlit, no framing, on every response
# ---------------------------------------------------------------------------------------------

def handshake(app, headers: dict[bytes, bytes]) -> list[dict[str, Any]]:
    """What the middleware sends for a WebSocket handshake to /_stcore/stream with ``headers``."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "websocket.connect"}

    async def send(message) -> None:
        sent.append(message)

    asyncio.run(SiteServing(app)(request("/_stcore/stream", kind="websocket", headers=headers), receive, send))
    return sent


@pytest.mark.parametrize(("host", "origin"), [
    (b"127.0.0.1:8501", b"https://evil.example"), (b"127.0.0.1:8501", b"http://127.0.0.1:9999"),
    (b"127.0.0.1:8501", b"null"), (b"127.0.0.1:8501", b"http://127.0.0.1:8501.evil.example"),
    (b"127.0.0.1:8501", b"https://zizhutong.example"),
    (b"evil.example", b"http://EVIL.example"), (b"Zizhutong.Example", b"https://zizhutong.example"),
], ids=["another site", "another port", "a sandboxed frame", "the host as a prefix",
        "https where the host is another", "the same host in other letter case (issue 27)", "host in capitals"])
def test_a_websocket_handshake_from_another_origin_is_refused_before_streamlit(host, origin):
    """Compared exactly as Streamlit compares them: an Origin that differs from the Host only in letter case passed
    the case-blind check here, then reached Streamlit's exact one, which asked another host for the machine's
    address."""
    app = Streamlit()
    sent = handshake(app, {b"host": host, b"origin": origin})
    assert app.asked == []  # Streamlit never saw it (it would ask an outside service for its own address)
    assert sent == [{"type": "websocket.close", "code": 1008}]  # before accepting: the browser gets 403


@pytest.mark.parametrize("headers", [
    {b"host": b"127.0.0.1:8501", b"origin": b"http://127.0.0.1:8501"},
    {b"host": b"zizhutong.example", b"origin": b"https://zizhutong.example"},
    {b"host": b"127.0.0.1:8501"},
], ids=["same origin", "same origin behind a TLS proxy", "no Origin (not a browser)"])
def test_a_websocket_handshake_from_the_site_itself_reaches_streamlit(headers):
    app = Streamlit()
    handshake(app, headers)
    assert len(app.asked) == 1


@pytest.mark.parametrize(("method", "origin", "refused"), [
    ("PUT", b"https://evil.example", True),
    ("POST", b"https://evil.example", True),
    ("OPTIONS", b"https://evil.example", True),
    ("PUT", b"http://127.0.0.1:8501", False),
    ("GET", b"https://evil.example", False),
], ids=["upload from another site", "post from another site", "preflight from another site",
        "upload from the site", "a page fetched by another site (no effect, not framed)"])
def test_uploads_from_another_origin_are_refused(method, origin, refused):
    app = Streamlit(body=b"ok", content_type=b"text/plain")
    _headers, _body, status = serve(app, request("/_stcore/upload_file/s/f", method=method,
                                                 headers={b"host": b"127.0.0.1:8501", b"origin": origin}))
    assert (status == 403) is refused
    assert (app.asked == []) is refused


@pytest.mark.parametrize("scope", [
    request("/resident", headers={b"accept-encoding": b"gzip"}),
    request("/"),
    request("/" + A_BUNDLE.relative_to(STREAMLIT_STATIC).as_posix(), headers={b"accept-encoding": b"gzip"}),
    request("/_stcore/health"),
    request("/media/abc.png"),
    request("/", method="HEAD"),
    request("/_stcore/upload_file/s/f", method="PUT", headers={b"host": b"a", b"origin": b"https://evil.example"}),
], ids=["page", "page without gzip", "compressed bundle", "health", "media", "HEAD", "refused upload"])
def test_every_response_forbids_framing(scope):
    app = Streamlit(body=INDEX)
    headers, _body, _status = serve(app, scope)
    assert headers[b"x-frame-options"] == b"DENY"
    assert headers[b"content-security-policy"] == b"frame-ancestors 'none'"
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert headers[b"referrer-policy"] == b"no-referrer"


def test_streamlits_own_framing_headers_are_replaced_not_doubled():
    class Permissive(Streamlit):
        async def __call__(self, scope, receive, send) -> None:
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"text/plain"), (b"X-Frame-Options", b"SAMEORIGIN")]})
            await send({"type": "http.response.body", "body": b"ok"})

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message) -> None:
        sent.append(message)

    asyncio.run(SiteServing(Permissive())(request("/_stcore/health"), receive, send))
    names = [k.lower() for k, _ in sent[0]["headers"]]
    assert names.count(b"x-frame-options") == 1
    assert dict(sent[0]["headers"])[b"x-frame-options"] == b"DENY"


@pytest.mark.parametrize("megabytes", [0.5, 2, 9.9])
def test_an_upload_is_never_written_to_a_temporary_file(megabytes):
    """Starlette spools a multipart part over 1 MB to a temporary file: the site's serving keeps rosters up
    to the limit in memory (as the page promises: nothing is written to disk)."""
    boundary = b"zizhutong"
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="file"; filename="roster.csv"\r\n'
            b"Content-Type: text/csv\r\n\r\n" + b"x" * int(megabytes * 1024 * 1024) + b"\r\n--" + boundary + b"--\r\n")

    async def parse() -> bool:
        sent = False

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.request", "body": b"", "more_body": False}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        scope = request("/_stcore/upload_file/s/f", method="PUT", headers={
            b"content-type": b"multipart/form-data; boundary=" + boundary})
        form = await Request(scope, receive).form()
        upload = form["file"]
        try:
            return upload.file._rolled  # True: the part went to a temporary file
        finally:
            await form.close()

    assert asyncio.run(parse()) is False


def test_the_first_html_sends_a_page_reached_by_back_after_a_kiosk_reset_home_before_the_app_starts():
    page = first_html(INDEX, "en").decode("utf-8")
    head = page[page.index("<head>"):page.index("</head>")]
    assert BACK_AFTER_RESET_SCRIPT in head  # in the head: before the app's scripts open a session
    for part in ("zztKioskReset", "zztKioskHome", "back_forward", "location.replace"):
        assert part in BACK_AFTER_RESET_SCRIPT


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/metrics/", "/_stcore/script-health-check"])
@pytest.mark.parametrize(("client", "public"), [(("203.0.113.5", 40000), False), (("127.0.0.1", 40000), True),
                                               (None, False)], ids=["another machine", "this machine", "no client"])
def test_streamlits_internal_endpoints_answer_only_this_machine(path, client, public):
    """``make run`` binds every address: a visitor from another machine got Streamlit's metrics (issue 27)."""
    app = Streamlit(body=b"session_events_total 3", content_type=b"text/plain")
    _headers, body, status = serve(app, {**request(path), "client": client})
    assert (status == 404) is not public
    assert (b"session" in body) is public


def test_the_first_html_says_it_varies_with_the_browsers_language():
    """Its language follows Accept-Language: a cache that keys it on the encoding alone served one visitor's
    language to the next (issue 27)."""
    headers, _body, _status = serve(Streamlit(), request("/resident", headers={b"accept-language": b"en"}))
    assert {v.strip().lower() for v in headers[b"vary"].decode().split(",")} >= {"accept-encoding", "accept-language"}
