"""The employers' page in Chromium, in both languages: an employer types its hires and sees the grant and the
next band; uploads a GBK roster exported from Excel with ``set_input_files``; checks the count, band and totals
and the bad rows; and downloads the results as CSV and XLSX that open safely in Excel."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from engine.messages import Message, render
from engine.roster.id_numbers import id_check_character
from engine.steps import UPGRADE_BY_WORDS, deadline
from tests.e2e.streamlit_server import open_page, wait_for_app
from tests.e2e.widgets import metric, show_chart, type_number, upload
from tests.money import yuan
from ui import frame as ui_frame

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e

TIMEOUT = 60_000
# The page assumes nothing (issue 26): a small enterprise in Ningxia running a workshop in a poor village says so.
WORKSHOP = "kind=sme&in_region=1&carrier=workshop&place=poor_village"


def t(lang: str, message: str) -> str:
    return ui_frame.load_translations(lang).gettext(message)


def gbk_roster() -> bytes:
    """12 workers who count for both, one with 9 months, one not registered, one with bad cells."""
    lines = ["姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"]
    for i in range(12):
        first17 = f"64042219900101{i:03d}"
        lines.append(f"工人{i},{first17 + id_check_character(first17)},是,{12 + i},一年以上,是")
    lines += ["马某,,是,9,一年以上,是", "<b>李某</b>,,否,20,一年以上,是",
              '"=HYPERLINK(""http://example.com"",""x"")",640402199001010012,是,-2,无,否']
    return ("\n".join(lines) + "\n").encode("gbk")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_workshop_calculator_shows_the_grant_and_the_next_band(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/employer?lang={lang}&on=2019-06-01&{WORKSHOP}", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(t(lang, "Employers and workshops"))
    type_number(page, "emp_ws_hires", 17)
    card = page.locator(".st-key-card_workshop_grant")
    expect(card).to_contain_text(f"{yuan(20_000, lang)}")
    # 4 more hires reach the next band; a new hire, made after the day assessed and by 31 December 2019, counts after
    # 12 months with a contract and social insurance.
    hires = render(Message("{more} more qualifying hire", {"more": 4}, "{more} more qualifying hires", "more"), lang)
    following = render(Message(UPGRADE_BY_WORDS[True][True], {"steps": [{"id": "{more} more qualifying hire", "params": {
        "more": 4}, "plural": "{more} more qualifying hires", "count": "more"}], "date": "2020-06-02",
        "amount": 30_000, "increase": 10_000, "deadline": [deadline(date(2019, 12, 31)).as_dict()]}), lang)
    assert hires in following
    expect(card).to_contain_text(following)
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)  # charts are drawn on request
    expect(show_chart(page, "emp_grant")).to_be_visible()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_an_employer_checks_a_gbk_roster_and_downloads_safe_results(page: Page, base_url: str, lang: str, tmp_path):
    open_page(page, f"{base_url}/employer?lang={lang}&{WORKSHOP}#roster", timeout=TIMEOUT)
    type_number(page, "emp_sme_monthly", 500)
    upload(page, "名册.csv", gbk_roster())
    expect(metric(page, t(lang, "Workers"))).to_have_text("15", timeout=TIMEOUT)
    wait_for_app(page, TIMEOUT)
    expect(metric(page, t(lang, "Count: grant (Article 2 (二))"))).to_have_text("12")
    expect(metric(page, t(lang, "Count: subsidy (Article 5 (五))"))).to_have_text("13")
    expect(metric(page, t(lang, "Rows with problems"))).to_have_text("1")
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text(f"{yuan(20_000, lang)}")  # 12 qualifying hires: band 11–20
    expect(main).to_contain_text(f"{yuan(78_000, lang)}")  # 13 × 12 × 500
    expect(main).to_contain_text(f"{yuan(98_000, lang)}")
    expect(main).to_contain_text("身份证号")
    expect(main).to_contain_text("在岗月数")

    with page.expect_download(timeout=TIMEOUT) as caught:
        page.get_by_role("button", name=t(lang, "Download the results (CSV)")).click()
    data = (tmp_path / "results.csv")
    caught.value.save_as(data)
    raw = data.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == t(lang, "Row")
    assert len(rows) == 16
    names = [row[1] for row in rows[1:]]
    assert "<b>李某</b>" in names
    assert '\'=HYPERLINK("http://example.com","x")' in names
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    # The command line gives the same answer for each row of the same file (issue 15: one roster reader).
    roster = tmp_path / "名册.csv"
    roster.write_bytes(gbk_roster())
    command_line = tmp_path / "command-line.csv"
    done = subprocess.run([sys.executable, "-m", "engine", "batch", str(roster), "--kind", "workers", "--date",
                           "2020-12-31", "--lang", lang, "--out", str(command_line), "--errors", str(tmp_path / "e.csv")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert list(csv.reader(io.StringIO(command_line.read_text(encoding="utf-8-sig")))) == rows

    with page.expect_download(timeout=TIMEOUT) as caught:
        page.get_by_role("button", name=t(lang, "Download the results (XLSX)")).click()
    book = tmp_path / "results.xlsx"
    caught.value.save_as(book)
    workbook = openpyxl.load_workbook(book)
    cells = [c for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert workbook.sheetnames == [t(lang, "Results"), t(lang, "Problems")]
    assert workbook.worksheets[1].max_row == 3  # two bad cells in one row, and the header


def test_addresses_in_a_roster_are_shown_as_text_not_links(page: Page, base_url: str):
    """Headers and cells are escaped, but Streamlit's markdown turned any address in them into a link to click."""
    roster = ("姓名,是否建档立卡,在岗月数,劳动合同,是否缴纳社保,http://evil.example/extra\n"
              "www.evil.example,是,14,一年以上,是,x\n"
              "a@evil.example,是,abc,一年以上,是,x\n"
              '"=HYPERLINK(""https://evil.example/f"",""x"")",是,14,一年以上,是,x\n')
    open_page(page, f"{base_url}/employer?lang=en#roster", timeout=TIMEOUT)
    upload(page, "roster.csv", roster.encode())
    expect(metric(page, t("en", "Workers"))).to_have_text("3", timeout=TIMEOUT)
    wait_for_app(page, TIMEOUT)
    main = page.get_by_test_id("stMain")
    expect(main).to_contain_text("evil.example/extra")  # the extra column is named, as text
    expect(main).to_contain_text("evil.example")
    expect(main.locator("a[href*='evil']")).to_have_count(0)


def test_a_file_that_is_not_a_roster_is_answered_in_the_language(page: Page, base_url: str):
    open_page(page, f"{base_url}/employer?lang=zh_CN", timeout=TIMEOUT)
    upload(page, "photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(500))
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
        t("zh_CN", "The file is neither a CSV text file nor an XLSX workbook."), timeout=TIMEOUT)


def test_phone_width_has_no_sideways_scrolling(phone: Page, base_url: str):
    open_page(phone, f"{base_url}/employer?lang=zh_CN&{WORKSHOP}", timeout=TIMEOUT)
    type_number(phone, "emp_ws_hires", 17)
    width = phone.evaluate("document.querySelector('[data-testid=stMain]').scrollWidth")
    assert width <= 390

