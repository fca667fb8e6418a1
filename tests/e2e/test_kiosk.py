"""Kiosk mode in Chromium on a touch screen: a whole check by taps only, the QR code that takes the
result to a phone, big touch targets, nothing to download, and the idle reset that leaves a clean
home page for the next visitor."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from engine.profile import FIELDS
from tests.e2e.streamlit_server import open_page, streamlit_server, wait_for_app
from tests.e2e.widgets import expect_url_has, expect_url_lacks
from ui import frame as ui_frame

pytestmark = pytest.mark.e2e

KIOSK_PORTRAIT = {"width": 1080, "height": 1920}
TIMEOUT = 30_000
IDLE_SECONDS = 6
WARNING_SECONDS = 3


def t(lang: str, message: str) -> str:
    return ui_frame.load_translations(lang).gettext(message)


@pytest.fixture
def kiosk(browser: Browser) -> Iterator[Page]:
    """A portrait touch screen, as at a job fair: taps only."""
    context = browser.new_context(viewport=KIOSK_PORTRAIT, locale="zh-CN", has_touch=True)
    # Printing is counted, not sent to a printer (the script runs in the summary's frame too).
    context.add_init_script("window.print = () => { window.top.printed = (window.top.printed || 0) + 1; };")
    tab = context.new_page()
    yield tab
    context.close()


def settled(page: Page, param: str) -> None:
    page.wait_for_url(re.compile(rf"[?&]{re.escape(param)}(&|$)"), timeout=TIMEOUT)
    wait_for_app(page)


def tap_choice(page: Page, question: str, answer: str, param: str) -> None:
    page.get_by_role("radiogroup", name=question, exact=True).get_by_text(answer, exact=True).tap()
    settled(page, param)


def tap_number(page: Page, fact: str, digits: str) -> None:
    """Tap a number on the keypad of ``fact``, one key at a time (each tap stores the number so far)."""
    pad = page.locator(f".st-key-res_pad_{fact.replace('.', '_')}_keypad")
    for end in range(1, len(digits) + 1):
        pad.get_by_role("button", name=digits[end - 1], exact=True).tap()
        if int(digits[:end]) >= (FIELDS[fact].minimum or 0):
            settled(page, f"{fact.removeprefix('person.')}={digits[:end]}")
        else:  # "19" of a year: on the display, not yet an answer
            expect(pad.locator("output")).to_have_text(digits[:end])


def tap_step(page: Page, name: str) -> None:
    before = page.url
    page.get_by_role("button", name=name, exact=True).tap()
    page.wait_for_url(lambda url: url != before, timeout=TIMEOUT)
    wait_for_app(page)


def scanned(page: Page) -> str:
    """What a phone's camera reads from the QR code as shown on screen: a screenshot of it, decoded by ZXing."""
    picture = Image.open(io.BytesIO(page.locator(".takeaway-qr").screenshot()))
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == 1, found
    return found[0].text


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_check_by_taps_only_ends_in_a_qr_code_that_reopens_the_result(
        kiosk: Page, browser: Browser, base_url: str, lang: str):
    open_page(kiosk, f"{base_url}/?kiosk=1&lang={lang}")
    # Streamlit's menu, toolbar and sidebar are hidden; big role buttons lead on.
    expect(kiosk.get_by_test_id("stToolbar")).to_be_hidden()
    expect(kiosk.get_by_test_id("stSidebar")).to_be_hidden()
    kiosk.locator(".st-key-role_resident").get_by_role("link").tap()
    kiosk.wait_for_url(re.compile(r"/resident\?"), timeout=TIMEOUT)
    wait_for_app(kiosk)
    expect_url_has(kiosk, "kiosk=1")

    tap_choice(kiosk, t(lang, "Year of the situation"), "2019", "year=2019")
    tap_step(kiosk, t(lang, "Next"))
    tap_choice(kiosk, t(lang, "Is your household registered as poor (建档立卡)?"), t(lang, "Yes"), "registered_poor=1")
    expect(kiosk.get_by_role("spinbutton")).to_have_count(0)  # no field that needs a keyboard
    tap_number(kiosk, "person.birth_year", "1974")
    tap_step(kiosk, t(lang, "Next"))
    tap_choice(kiosk, t(lang, "Where do you work now?"), t(lang, "In another province"), "job.place=other_province")
    tap_number(kiosk, "person.job.months", "12")
    tap_choice(kiosk, t(lang, "Did you sign a labour contract?"), t(lang, "Yes, for a year or more"),
               "job.contract=1_year_or_more")
    tap_choice(kiosk, t(lang, "Does your employer pay your social insurance?"), t(lang, "Yes"),
               "job.social_insurance=1")
    for _ in range(8):
        if kiosk.get_by_role("button", name=t(lang, "See my results"), exact=True).count():
            tap_step(kiosk, t(lang, "See my results"))
            break
        tap_step(kiosk, t(lang, "Next"))
    total = "800元" if lang == "zh_CN" else "800 yuan"
    expect(kiosk.get_by_test_id("stMetricValue").first).to_have_text(total)
    expect(kiosk.get_by_test_id("stDownloadButton")).to_have_count(0)  # nothing to download at a kiosk

    # The QR code holds the address shown beside it: the same answers, without kiosk mode.
    qr = kiosk.locator(".takeaway-qr")
    expect(qr).to_be_visible()
    assert qr.get_attribute("alt") == t(lang, "QR code of the link to this result")
    link = kiosk.locator(".st-key-takeaway_text .takeaway-link code").inner_text().replace("\n", "")
    assert link == qr.get_attribute("data-url")
    assert link.startswith(f"{base_url}/resident?")
    assert "kiosk" not in link
    assert "job.months=12" in link
    assert scanned(kiosk) == link

    # The print button prints the one-page summary (with the same link and QR code) on the kiosk's printer.
    kiosk.get_by_role("button", name=t(lang, "Print a one-page summary"), exact=True).tap()
    kiosk.wait_for_function("window.printed === 1")
    summary = kiosk.locator("iframe[srcdoc]").get_attribute("srcdoc")
    assert total in summary
    assert link.replace("&", "&amp;") in summary

    # A phone that scans it sees the same result, in the ordinary site.
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        tab = phone.new_page()
        open_page(tab, link)
        expect(tab.get_by_test_id("stMetricValue").first).to_have_text(total)
        expect(tab.locator(".st-key-card_transport_subsidy")).to_contain_text(total)
        assert tab.locator("#kiosk-idle").count() == 0
        expect(tab.get_by_role("button", name=t(lang, "Download a one-page summary to print"))).to_be_visible()
    finally:
        phone.close()


TARGETS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stMain"] button, [data-testid="stMain"] [data-testid="stPageLink"] a, '
    + '[data-testid="stRadioOption"], [data-testid="stMain"] summary, .linked-list a, '
    + '[data-testid="stMarkdownContainer"] li > a:only-child, [data-testid="stMarkdownContainer"] p > a:only-child'))
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect();
              return [e.textContent.trim().slice(0, 30) || e.getAttribute('aria-label'),
                      Math.round(r.width), Math.round(r.height)]; })
  .filter(([name, w, h]) => w < 47.5 || h < 47.5)"""


@pytest.mark.parametrize("path", [
    "/?kiosk=1&lang=zh_CN",
    "/resident?kiosk=1&lang=en&year=2019&step=you&registered_poor=1",
    "/resident?kiosk=1&lang=zh_CN&year=2019&step=results&registered_poor=1&birth_year=1974&job.place=other_province"
    "&job.months=12&job.contract=1_year_or_more&job.social_insurance=1",
    "/employer?kiosk=1&lang=en",
    "/institution?kiosk=1&lang=zh_CN",
    "/broker?kiosk=1&lang=en",
    "/policy?kiosk=1&lang=zh_CN",
])
def test_touch_targets_are_at_least_48_px(kiosk: Page, base_url: str, path: str):
    open_page(kiosk, base_url + path)
    kiosk.wait_for_timeout(300)
    assert kiosk.evaluate(TARGETS) == []


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[str]:
    """A dedicated kiosk machine (kiosk mode from the environment) with a short idle time."""
    env = {"ZIZHUTONG_KIOSK": "1", "ZIZHUTONG_KIOSK_IDLE_SECONDS": str(IDLE_SECONDS),
           "ZIZHUTONG_KIOSK_WARNING_SECONDS": str(WARNING_SECONDS)}
    with streamlit_server(env=env) as url:
        yield url


def test_idle_time_warns_then_clears_the_answers_and_returns_home(kiosk: Page, kiosk_server: str):
    open_page(kiosk, f"{kiosk_server}/resident?lang=en", timeout=90_000)
    expect_url_has(kiosk, "kiosk=1")  # the machine's setting, without ?kiosk=1
    tap_choice(kiosk, "Year of the situation", "2019", "year=2019")
    tap_step(kiosk, "Next")
    tap_choice(kiosk, "Is your household registered as poor (建档立卡)?", "Yes", "registered_poor=1")

    # The countdown shows; a touch keeps the visitor's answers.
    warning = kiosk.get_by_role("alertdialog")
    expect(warning).to_be_visible(timeout=IDLE_SECONDS * 1000)
    expect(warning).to_contain_text("Are you still there?")
    warning.get_by_role("button", name="Continue").tap()
    expect(warning).to_be_hidden()
    expect_url_has(kiosk, "registered_poor=1")

    # Left alone, the kiosk goes back to a clean home page.
    expect(warning).to_be_visible(timeout=IDLE_SECONDS * 1000)
    kiosk.wait_for_url(f"{kiosk_server}/?kiosk=1&lang=en", timeout=(IDLE_SECONDS + 5) * 1000)
    wait_for_app(kiosk)
    expect(kiosk.locator("h1").first).to_have_text(t("en", ui_frame.SITE_NAME))

    # One Back at once: the last visitor's page goes home before the app starts, so their answers never reach
    # the server again (no session is opened for that address) and are never drawn.
    sessions_opened_at: list[str] = []
    kiosk.on("websocket", lambda _socket: sessions_opened_at.append(kiosk.url))
    kiosk.go_back(wait_until="domcontentloaded")
    kiosk.wait_for_url(f"{kiosk_server}/?kiosk=1&lang=en", timeout=TIMEOUT)
    wait_for_app(kiosk)
    expect(kiosk.locator("h1").first).to_have_text(t("en", ui_frame.SITE_NAME))
    assert sessions_opened_at  # the home page's own session
    assert [url for url in sessions_opened_at if "registered_poor" in url or "year=" in url] == []

    kiosk.locator(".st-key-role_resident").get_by_role("link").tap()
    kiosk.wait_for_url(re.compile(r"/resident\?"), timeout=TIMEOUT)
    wait_for_app(kiosk)
    expect_url_lacks(kiosk, "year=")
    expect_url_lacks(kiosk, "registered_poor")
    expect(kiosk.get_by_role("radiogroup", name="Year of the situation", exact=True)
           .get_by_role("radio", checked=True)).to_have_count(0)

    # Back cannot bring the last visitor's answers again: a page reached by Back after a reset goes home.
    for _ in range(3):
        kiosk.go_back(wait_until="domcontentloaded")
    expect(kiosk.locator("h1").first).to_have_text(t("en", ui_frame.SITE_NAME), timeout=TIMEOUT)
    expect_url_lacks(kiosk, "registered_poor")


RESULTS = ("/resident?lang=en&year=2019&step=results&registered_poor=1&birth_year=1974&job.place=other_province"
           "&job.months=12&job.contract=1_year_or_more&job.social_insurance=1")


def test_the_countdown_leaves_the_qr_code_visible_and_staff_are_told_of_a_local_address(
        kiosk: Page, kiosk_server: str):
    open_page(kiosk, kiosk_server + RESULTS, timeout=90_000)
    qr = kiosk.locator(".takeaway-qr").first
    expect(qr).to_be_visible()
    # The machine's own address (127.0.0.1): a phone could not open it, and the staff are told.
    expect(kiosk.get_by_text("ZIZHUTONG_PUBLIC_URL")).to_be_visible()
    qr.scroll_into_view_if_needed()
    expect(kiosk.get_by_role("alertdialog")).to_be_visible(timeout=IDLE_SECONDS * 1000)
    covered = qr.evaluate("""q => { const r = q.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit !== q; }""")
    assert not covered, "the countdown covers the QR code"
