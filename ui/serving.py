"""How the site is served on one machine (``make run``, ``serve.py``): Streamlit's own server, compressed, with
something on screen at once.

Streamlit sends its scripts, styles and fonts uncompressed (its main script alone is 480 KB; 147 KB gzipped):
fine behind a proxy that compresses (``deploy/nginx-site.conf``), slow on a phone over mobile data without one.
:class:`SiteServing` is an ASGI middleware in front of Streamlit's app that

- answers ``/static/…`` (Streamlit's content-hashed, immutable bundles) gzip-compressed to a browser that accepts
  it, each file compressed once per process and kept in memory (the cost Streamlit avoids by not compressing
  at all is paid once, not per request);
- gives the first HTML of every page the visitor's language (``<html lang>``), the site's name as its title
  and a short loading message inside the app's root element, so the screen is not blank while the scripts
  arrive (React replaces it when the app draws), and compresses it.

It also guards every way in (issue 14):

- a WebSocket handshake, upload or other non-GET request whose ``Origin`` is another site's is refused (403)
  before Streamlit sees it: Streamlit 1.67 checks such an Origin by asking an outside service for the
  machine's address, blocking its event loop for every visitor (up to 2 s a handshake where that service
  cannot be reached); the site's own pages always come from its own origin;
- every response says it may not be shown in another site's frame (``X-Frame-Options: DENY`` and
  ``frame-ancestors 'none'``), and the browser should not guess content types or send the page's address,
  which holds a resident's answers, to another site.

Everything else (the websocket, uploads, media, health) goes to Streamlit untouched.
"""

from __future__ import annotations

import asyncio
import gzip
import html
import mimetypes
import re
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import streamlit
from starlette.formparsers import MultiPartParser
from streamlit import net_util

from engine.roster.files import MAX_BYTES
from i18n import DEFAULT_LOCALE, N_, gettext, normalize_locale
from ui.format import html_lang
from ui.frame import SITE_NAME, supported

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

STREAMLIT_STATIC = Path(streamlit.__file__).resolve().parent / "static"  # "/static/js/x.js" is static/static/js/x.js
COMPRESSIBLE = frozenset({".js", ".mjs", ".css", ".json", ".svg", ".html", ".txt", ".map", ".ttf", ".otf", ".wasm"})
GZIP_LEVEL = 9  # once per file and process: the smallest transfer is worth the one-off CPU
HTML_GZIP_LEVEL = 6  # the first HTML is made per request (it carries the visitor's language)
# TRANSLATORS: shown on a plain page for the seconds before the site has drawn (a slow phone connection).
LOADING = N_("Opening {site}…")
# TRANSLATORS: the second line of the loading message.
LOADING_WAIT = N_("On a slow connection this can take a little while.")
LOADING_STYLE = ("font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;"
                 "max-width:32rem;margin:30vh auto 0;padding:0 1.5rem;text-align:center;color:#31333f;"
                 "font-size:1.125rem;line-height:1.6")

# Sent with every response (nginx sends the same and more: deploy/nginx-site.conf).
GUARD_HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)
_GUARDED = frozenset(name for name, _ in GUARD_HEADERS)
SAFE_METHODS = frozenset({"GET", "HEAD"})

# Uploads stay in memory: Starlette spools a multipart part over 1 MB to a temporary file, so a roster of more
# than 1 MB would reach the disk, against what the page promises. Streamlit reads the whole upload into memory
# right after anyway (its upload manager keeps the bytes), so this costs no more memory than before.
UPLOAD_IN_MEMORY_BYTES = MAX_BYTES + 1024 * 1024  # the multipart envelope of a roster at the limit
MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, UPLOAD_IN_MEMORY_BYTES)


def _no_address_lookup() -> None:
    """The server never calls another host (issue 27). Streamlit 1.67 checks an Origin that is not the Host by
    asking checkip.amazonaws.com for the machine's address, synchronously, stalling every visitor of the process
    (1 s a handshake, or as long as the request takes where that host is slow or blocked, as in mainland China);
    it also asks at start-up for its banner. The site needs neither: its pages come from its own origin."""
    net_util.get_external_ip = lambda: None
    net_util.get_internal_ip = lambda: None  # a UDP socket "connected" to 8.8.8.8 to learn the LAN address


_no_address_lookup()


def foreign_origin(scope: Scope) -> bool:
    """True when the request says it comes from a page on another site: an ``Origin`` header (browsers send
    one with every WebSocket handshake and every upload) that is not this site's own scheme-less host and port.
    No ``Origin`` (a health check, curl) is not foreign."""
    origin = _header(scope, b"origin")
    if not origin:
        return False
    host = _header(scope, b"host")
    return not host or urlsplit(origin).netloc != host  # exactly as Streamlit compares them: letter case counts


def with_guard_headers(message: Message) -> Message:
    """A response start with :data:`GUARD_HEADERS` in place of any of the same name."""
    headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in _GUARDED]
    return {**message, "headers": [*headers, *GUARD_HEADERS]}


def visitor_language(scope: Scope) -> str:
    """The language the page will be drawn in: ``?lang=``, else the browser's first supported language, else
    the site's default (as ui.frame.resolve_language does once the app runs)."""
    asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
    if supported(asked):
        return normalize_locale(asked)
    for part in _header(scope, b"accept-language").split(","):
        tag = part.split(";", 1)[0].strip()
        if supported(tag):
            return normalize_locale(tag)
    return DEFAULT_LOCALE


# At a kiosk, after the idle reset (ui/kiosk.py), a page reached by Back or Forward is the last visitor's: it goes
# home before the app starts, so the last visitor's answers are neither sent to the server nor drawn. (The app's
# own check runs only after the page has drawn.) Nothing happens in a tab that was never reset.
BACK_AFTER_RESET_SCRIPT = (
    "<script>(function(){try{var home=sessionStorage.getItem('zztKioskHome');"
    "var entry=performance.getEntriesByType('navigation')[0];"
    "if(home&&sessionStorage.getItem('zztKioskReset')&&entry&&entry.type==='back_forward'"
    "&&new URL(home,location.href).href!==location.href){location.replace(home);}}catch(e){}})();</script>")


def first_html(document: bytes, lang: str) -> bytes:
    """Streamlit's index.html with the visitor's language, the site's name, a loading message and the kiosk's
    check of a page reached by Back after a reset."""
    text = document.decode("utf-8")
    site = gettext(lang, SITE_NAME)
    message = (f'<div id="zizhutong-loading" role="status" style="{LOADING_STYLE}">'
               f"<p>{html.escape(gettext(lang, LOADING).format(site=site))}</p>"
               f'<p style="font-size:1rem;color:#5f6170">{html.escape(gettext(lang, LOADING_WAIT))}</p></div>')
    text = re.sub(r'<html lang="[^"]*"', f'<html lang="{html_lang(lang)}"', text, count=1)
    text = re.sub(r"<title>[^<]*</title>", f"<title>{html.escape(site)}</title>", text, count=1)
    text = text.replace('<div id="root"></div>', f'<div id="root">{message}</div>', 1)
    text = text.replace("<head>", "<head>" + BACK_AFTER_RESET_SCRIPT, 1)
    return text.encode("utf-8")


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _accepts_gzip(scope: Scope) -> bool:
    return "gzip" in _header(scope, b"accept-encoding").lower()


def static_file(path: str) -> Path | None:
    """The Streamlit bundle file a ``/static/…`` path names, if it is one (never a path outside the folder)."""
    if not path.startswith("/static/") or ".." in path:
        return None
    file = (STREAMLIT_STATIC / path.lstrip("/")).resolve()
    if not file.is_relative_to(STREAMLIT_STATIC) or file.suffix not in COMPRESSIBLE or not file.is_file():
        return None
    return file


def _guarded(send: Send) -> Send:
    async def send_guarded(message: Message) -> None:
        await send(with_guard_headers(message) if message["type"] == "http.response.start" else message)
    return send_guarded


async def _refuse_websocket(receive: Receive, send: Send) -> None:
    """Close a handshake before accepting it: the server answers the browser 403."""
    await receive()  # websocket.connect
    await send({"type": "websocket.close", "code": 1008})


async def _refuse_request(send: Send) -> None:
    body = b"Requests from another site are refused.\n"
    await send({"type": "http.response.start", "status": 403, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode("latin-1"))]})
    await send({"type": "http.response.body", "body": body})


# Streamlit's endpoints for operators, not visitors: its metrics (sessions, memory, cache sizes) and its script
# health (which runs the app). A process reached from another machine (``make run`` binds every address) answers
# them 404; an operator scrapes it from the machine itself (its loopback address), and nginx refuses them to the
# public (deploy/nginx-site.conf).
INTERNAL = frozenset({"/_stcore/metrics", "/_stcore/script-health-check"})
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


def _from_this_machine(scope: Scope) -> bool:
    client = scope.get("client")
    return bool(client) and client[0] in LOOPBACK


async def _not_found(send: Send) -> None:
    body = b"Not found.\n"
    await send({"type": "http.response.start", "status": 404, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode("latin-1"))]})
    await send({"type": "http.response.body", "body": body})


def _gzip_file(file: Path) -> bytes:
    return gzip.compress(file.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0)


class SiteServing:
    """ASGI middleware: compressed bundles and a first HTML that is never blank (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._compressed: dict[Path, bytes] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and foreign_origin(scope):
            await _refuse_websocket(receive, send)
        elif scope["type"] != "http":
            await self.app(scope, receive, send)
        elif scope.get("method") not in SAFE_METHODS and foreign_origin(scope):
            await _refuse_request(_guarded(send))
        else:
            await self._serve_http(scope, receive, _guarded(send))

    async def _serve_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope.get("method") != "GET" or _header(scope, b"range"):
            await self.app(scope, receive, send)
        elif path.startswith("/static/"):
            file = static_file(path)
            if file is not None and _accepts_gzip(scope):
                await self._send_compressed(file, send)
            else:
                await self.app(scope, receive, send)
        elif path.rstrip("/") in INTERNAL and not _from_this_machine(scope):
            await _not_found(send)
        elif path.startswith(("/_stcore/", "/media/", "/component/", "/app/static/")):
            await self.app(scope, receive, send)
        else:
            await self._send_first_html(scope, receive, send)

    async def _send_compressed(self, file: Path, send: Send) -> None:
        body = self._compressed.get(file)
        if body is None:  # in a thread: the event loop keeps serving every session's WebSocket meanwhile
            body = await asyncio.to_thread(_gzip_file, file)
            self._compressed[file] = body
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        await send({"type": "http.response.start", "status": 200, "headers": [
            (b"content-type", kind.encode("latin-1")), (b"content-encoding", b"gzip"),
            (b"content-length", str(len(body)).encode("latin-1")), (b"vary", b"Accept-Encoding"),
            (b"cache-control", b"public, immutable, max-age=31536000")]})
        await send({"type": "http.response.body", "body": body})

    async def _send_first_html(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Let Streamlit answer; when the answer is its HTML page, send it with the language and the message."""
        start: Message | None = None
        parts: list[bytes] = []
        is_html = False

        async def capture(message: Message) -> None:
            nonlocal start, is_html
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", ())}
                is_html = (message["status"] == 200 and headers.get(b"content-type", b"").startswith(b"text/html")
                           and b"content-encoding" not in headers)
                if not is_html:
                    await send(message)
                else:
                    start = message
                return
            if not is_html:
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = first_html(b"".join(parts), visitor_language(scope))
            dropped = (b"content-length", b"etag", b"cache-control", b"vary", b"last-modified")
            headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() not in dropped]
            if _accepts_gzip(scope):
                body = gzip.compress(body, compresslevel=HTML_GZIP_LEVEL, mtime=0)
                headers.append((b"content-encoding", b"gzip"))
            headers += [(b"content-length", str(len(body)).encode("latin-1")),
                        (b"vary", b"Accept-Encoding, Accept-Language"),  # the language follows the browser's
                        (b"cache-control", b"no-cache")]
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        plain = [(k, v) for k, v in scope.get("headers", ()) if k.lower() != b"accept-encoding"]
        await self.app({**scope, "headers": plain}, receive, capture)  # uncompressed, to be changed here
