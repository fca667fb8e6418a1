"""The training institutions' and labour brokers' pages in Chromium, in both languages.

A school administrator types a cohort of 40 with 35 passed and sees 210,000 yuan to the school and
105,000 to the students, then uploads the list of students and sees who counts and why; a broker
uploads a GBK list of placed workers where some placements do not count yet ("10 months so far")
and sees the fee and each row's reason and next step; the result file opens as text in Excel.
"""

from __future__ import annotations

import csv
import io

import pytest
from playwright.sync_api import Page, expect

from engine.roster.id_numbers import id_check_character
from tests.e2e.streamlit_server import open_page, wait_for_app
from tests.e2e.widgets import expect_url_has, metric, show_chart, type_number, upload
from tests.money import yuan
from ui import frame as ui_frame

pytestmark = pytest.mark.e2e

TIMEOUT = 60_000
LANGS = ["zh_CN", "en"]


def t(lang: str, message: str) -> str:
    return ui_frame.load_translations(lang).gettext(message)


def n(lang: str, singular: str, plural: str, count: int) -> str:
    return ui_frame.load_translations(lang).ngettext(singular, plural, count)


def student_list() -> bytes:
    """35 passed students, 3 who failed, 2 not assessed yet (UTF-8 with a BOM, as Excel saves it)."""
    lines = ["姓名,身份证号,是否建档立卡,是否两后生,已完成学期数,是否培训合格"]
    for i in range(40):
        first17 = f"64042220030101{i:03d}"
        passed = "合格" if i < 35 else "不合格" if i < 38 else ""
        lines.append(f"学生{i},{first17 + id_check_character(first17)},是,是,1,{passed}")
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_checks_a_cohort_and_its_list(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/institution?lang={lang}&kind=technical_school", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(t(lang, "Training institutions"))
    type_number(page, "inst_enrolled", 40)
    type_number(page, "inst_completed", 38)
    type_number(page, "inst_passed", 35)
    expect(metric(page, t(lang, "To the school"))).to_have_text(f"{yuan(210_000, lang)}")
    expect(metric(page, t(lang, "To the students"))).to_have_text(f"{yuan(105_000, lang)}")
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(0)  # charts are drawn on request
    expect(show_chart(page, "inst_cohort")).to_be_visible()
    expect_url_has(page, "passed=35")  # the link reopens this cohort

    upload(page, "学生名单.csv", student_list())
    expect(metric(page, t(lang, "Rows"))).to_have_text("40", timeout=TIMEOUT)
    wait_for_app(page, TIMEOUT)
    expect(metric(page, t(lang, "Counts"))).to_have_text("35")
    expect(metric(page, t(lang, "Does not count"))).to_have_text("3")
    expect(metric(page, t(lang, "Not known yet"))).to_have_text("2")
    main = page.get_by_test_id("stMain")
    counted = ui_frame.load_translations(lang).ngettext(
        "{count} student counts: {school} to the school and {students} to the student.",
        "{count} students count: {school} to the school and {students} to the students.", 35)
    expect(main).to_contain_text(counted.format(count=35, school=f"{yuan(210_000, lang)}",
                                                students=f"{yuan(105_000, lang)}"))
    expect(main).to_contain_text(f"{yuan(222_000, lang)}")  # if the 2 not assessed yet pass: 37 × 6,000


def placement_list() -> bytes:
    """In GBK: 3 placements that count, one at 10 months, one without social insurance, one not a first job."""
    lines = ["姓名,是否建档立卡,是否初次就业,用工单位是否企业,已就业月数,是否签订劳动合同,是否缴纳社保"]
    lines += [f"工人{i},是,是,企业,{12 + i},是,是" for i in range(3)]
    lines += ["马某,是,是,企业,10,是,是", "李某,是,是,企业,14,是,否", "王某,是,否,企业,20,是,是",
              '"=cmd|\' /C calc\'!A0",是,是,企业,abc,是,是']
    return ("\n".join(lines) + "\n").encode("gbk")


@pytest.mark.parametrize("lang", LANGS)
def test_a_broker_checks_a_list_with_placements_that_do_not_count_yet(page: Page, base_url: str, lang: str,
                                                                       tmp_path):
    open_page(page, f"{base_url}/broker?lang={lang}&on=2019-12-31#placements", timeout=TIMEOUT)
    expect(page.locator("h1").first).to_have_text(t(lang, "Labour brokers"))
    upload(page, "输送名单.csv", placement_list())
    expect(metric(page, t(lang, "Rows"))).to_have_text("7", timeout=TIMEOUT)
    wait_for_app(page, TIMEOUT)
    expect(metric(page, t(lang, "Counts"))).to_have_text("3")
    expect(metric(page, t(lang, "Does not count"))).to_have_text("3")
    expect(metric(page, t(lang, "Not known yet"))).to_have_text("1")
    main = page.get_by_test_id("stMain")
    counted = ui_frame.load_translations(lang).ngettext(
        "{count} placement counts: a service subsidy of {amount}.", "{count} placements count: a service subsidy of {amount}.", 3)
    expect(main).to_contain_text(counted.format(count=3, amount=f"{yuan(600, lang)}"))
    expect(main).to_contain_text("已就业月数")  # the bad cell, named by the file's own header

    with page.expect_download(timeout=TIMEOUT) as caught:
        page.get_by_role("button", name=t(lang, "Download the results (CSV)")).click()
    saved = tmp_path / "placements.csv"
    caught.value.save_as(saved)
    rows = list(csv.reader(io.StringIO(saved.read_bytes().decode("utf-8-sig"))))
    by_name = {row[1]: row for row in rows[1:]}
    header = rows[0]
    reason, step = header.index(t(lang, "Why")), header.index(t(lang, "Next step"))
    assert by_name["马某"][reason] == n(lang, "{months} month so far; a placement counts from {required} months.",
                                      "{months} months so far; a placement counts from {required} months.", 10).format(
        months=10, required=12)
    assert n(lang, "{months_more} more month in the job", "{months_more} more months in the job", 2).format(
        months_more=2) in by_name["马某"][step]
    assert by_name["王某"][step] == ""  # not a first job: nothing the broker can do
    assert "'=cmd|' /C calc'!A0" in by_name
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
