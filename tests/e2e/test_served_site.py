"""The site as ``make run`` serves it (serve.py), in Chromium: nothing from another host on any page (the users are
in mainland China, where Google's font and icon servers are blocked), a first page that says the site is opening in
the visitor's language and gives way to the app, and Streamlit's bundles compressed."""

from __future__ import annotations

import gzip
import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.streamlit_server import open_page
from ui.frame import SITE_NAME, load_translations
from ui.serving import LOADING

pytestmark = pytest.mark.e2e

PAGES = ["/", "/resident", "/employer", "/institution", "/broker", "/policy",
         "/resident?year=2019&step=results&registered_poor=1&birth_year=1974&city=guyuan&county=640422"
         "&job.place=other_province&job.months=12"]


def t(lang: str, message: str) -> str:
    return load_translations(lang).gettext(message)


def fetch(url: str, headers: dict[str, str]) -> tuple[dict[str, str], bytes]:
    # url is always http://127.0.0.1:PORT/..., the test server's.
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=30) as response:  # noqa: S310
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.mark.parametrize("path", PAGES)
def test_no_page_loads_anything_from_another_host(page: Page, base_url: str, path: str):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for lang in ("zh_CN", "en"):
        joiner = "&" if "?" in path else "?"
        open_page(page, f"{base_url}{path}{joiner}lang={lang}")
        expect(page.locator("h1").first).to_be_visible()
        page.wait_for_timeout(500)  # the favicon and late icons are asked for after the first run
    elsewhere = sorted({u for u in requested if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                        and urlsplit(u).hostname != "127.0.0.1"})
    assert elsewhere == []
    assert any(urlsplit(u).path.startswith("/media/") for u in requested)  # the icon is the site's own


@pytest.mark.parametrize(("query", "accept_language", "lang"), [
    ("?lang=en", "zh-CN,zh;q=0.9", "en"), ("", "zh-CN,zh;q=0.9", "zh_CN"), ("", "en-US,en;q=0.9", "en"),
])
def test_the_first_page_says_the_site_is_opening_in_the_visitors_language(base_url: str, query: str,
                                                                         accept_language: str, lang: str):
    headers, body = fetch(f"{base_url}/resident{query}",
                          {"Accept-Encoding": "gzip", "Accept-Language": accept_language})
    assert headers["content-encoding"] == "gzip"
    text = gzip.decompress(body).decode("utf-8")
    site = t(lang, SITE_NAME)
    assert t(lang, LOADING).format(site=site) in text
    assert f"<title>{site}</title>" in text


def test_the_loading_message_gives_way_to_the_app(page: Page, base_url: str):
    open_page(page, f"{base_url}/?lang=zh_CN")
    expect(page.locator("#zizhutong-loading")).to_have_count(0)
    expect(page.locator("h1").first).to_be_visible()


def test_streamlits_bundles_are_sent_compressed(base_url: str):
    _headers, index = fetch(f"{base_url}/", {})
    script = re.search(rb'src="\./(static/js/[^"]+\.js)"', index)
    assert script is not None
    plain_headers, plain = fetch(f"{base_url}/{script.group(1).decode()}", {})
    headers, body = fetch(f"{base_url}/{script.group(1).decode()}", {"Accept-Encoding": "gzip"})
    assert "content-encoding" not in plain_headers
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain) / 2
