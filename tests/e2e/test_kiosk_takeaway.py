"""The take-away beside the employers' calculators: their answers are in the address, so the QR code
and the link reopen the same figures, and a kiosk neither offers files nor takes them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.streamlit_server import open_page
from tests.e2e.widgets import type_number
from ui.frame import load_translations
from ui.roster import NO_FILES_AT_A_KIOSK

pytestmark = pytest.mark.e2e

def t(lang: str, message: str) -> str:
    return load_translations(lang).gettext(message)


ANSWERS = "ws_hires=40&place=migrant_village&carrier=workshop&kind=sme&sme_hires=3&sme_mode=typed&sme_monthly=500"


def test_the_employers_link_reopens_the_same_figures(page: Page, base_url: str):
    open_page(page, f"{base_url}/employer?lang=en&{ANSWERS}")
    card = page.locator(".st-key-card_workshop_grant")
    expect(card).to_contain_text("60,000 yuan")
    link = page.locator(".takeaway-qr").get_attribute("data-url")
    assert link.startswith(f"{base_url}/employer?")
    assert "ws_hires=40" in link
    expect(page.get_by_role("button", name="Print this page", exact=True)).to_be_visible()

    page.goto("about:blank")
    open_page(page, link)
    expect(page.locator(".st-key-card_workshop_grant")).to_contain_text("60,000 yuan")
    expect(page.get_by_role("spinbutton", name="Qualifying hires", exact=True)).to_have_value("40")


@pytest.mark.parametrize(("path", "lang"), [(f"employer?kiosk=1&{ANSWERS}", "en"), ("institution?kiosk=1", "zh_CN"),
                                            ("broker?kiosk=1&placements=3", "en")])
def test_a_kiosk_offers_no_file_on_the_pages_with_lists(page: Page, base_url: str, path: str, lang: str):
    open_page(page, f"{base_url}/{path}&lang={lang}")
    # The list section has been drawn (its message is there) before the absence of an uploader is checked.
    expect(page.get_by_text(t(lang, NO_FILES_AT_A_KIOSK))).to_be_visible()
    expect(page.locator(".takeaway-qr")).to_be_visible()
    assert "kiosk" not in page.locator(".takeaway-qr").get_attribute("data-url")
    expect(page.get_by_test_id("stFileUploader")).to_have_count(0)
    expect(page.get_by_test_id("stDownloadButton")).to_have_count(0)


@pytest.mark.parametrize(("path", "key", "param"), [
    ("broker", "brk_placements", "placements"),
    ("institution", "inst_passed", "passed"),
])
def test_the_link_follows_an_answer_typed_in_a_section_that_reruns_alone(page: Page, base_url: str, path, key, param):
    """Placements and cohort counts rerun their own section (a fragment); the take-away is in it, so the QR
    code never holds the answer from before."""
    open_page(page, f"{base_url}/{path}?lang=en")
    value = 7
    before = page.locator(".takeaway-qr").get_attribute("data-url")
    assert f"{param}={value}" not in before
    type_number(page, key, value)
    expect(page.locator(".takeaway-qr")).to_have_attribute("data-url", re.compile(f"[?&]{param}={value}(&|$)"))
    link = page.locator(".takeaway-qr").get_attribute("data-url")
    page.goto("about:blank")
    open_page(page, link)
    expect(page.locator(f".st-key-{key} input")).to_have_value(str(value))


JUNK = "junk=" + "x" * 2400  # 2.4 KB: too much for a QR code


@pytest.mark.parametrize("path", [
    f"employer?lang=en&{ANSWERS}",
    "resident?lang=en&year=2019&step=results&registered_poor=1&birth_year=1974&job.place=other_province&job.months=12"
    "&age2=1&job.contract=abc",
    "institution?lang=en&kind=technical_school",
    "broker?lang=en&placements=3",
])
def test_the_link_holds_only_the_pages_own_answers(page: Page, base_url: str, path: str):
    """Anything else an address carried was copied into the link: 2.4 KB of it made the QR code fail, and the
    employers' page stopped there, before its roster uploader."""
    open_page(page, f"{base_url}/{path}&{JUNK}&utm_source=x")
    qr = page.locator(".takeaway-qr")
    expect(qr).to_be_visible()
    link = qr.get_attribute("data-url")
    assert "junk" not in link
    assert "utm_source" not in link
    assert "age2" not in link
    assert "job.contract" not in link  # not a valid answer
    assert len(link) < 600
    kept = [part for part in path.split("?", 1)[1].split("&") if part not in ("age2=1", "job.contract=abc")]
    assert all(part in link for part in kept), (kept, link)
    if path.startswith("employer"):
        expect(page.get_by_test_id("stFileUploader")).to_be_visible()
