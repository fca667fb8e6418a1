"""Journeys of issue 12 in Chromium, at 390×844 and 1280×800, in both languages: what a person needs to act is on
the screen without a click — what they can apply for, named; the missing figure by city and year; what to bring
and where; that posts are limited; a 两后生's fees waived and the school's money apart; the policy's end on every
page; a school's cohort that starts empty; "2021 or later" that ends at the notice; a workshop owner and a school
who fill in the downloaded template and read each row, whose name stands beside its status; a question that
appears below an answer without the page jumping away from it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

from engine import catalog, policy
from engine.roster.cells import TEMPLATE_EXAMPLE_NAME, TEMPLATE_NOTES_ROW
from tests.e2e.streamlit_server import open_page, wait_for_app
from tests.e2e.widgets import metric, type_number, upload
from ui import format as fmt
from ui.figures import FIGURE_NAMED
from ui.frame import ENDED, load_translations
from ui.roster import LANGUAGE_OF_HEADERS, XLSX_MIME

pytestmark = pytest.mark.e2e

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
LANGS = ["zh_CN", "en"]
POST_WOMAN = ("year=2019&step=results&registered_poor=1&birth_year=1973&city=guyuan&county=640422&job.place=none"
              "&wants_work=1&able_to_work=1&urban_months=0")
TWO_AFTER = "year=2019&step=results&registered_poor=1&birth_year=2002&two_after_student=1&tech_school_semesters=1" \
            "&training_passed=1"
PAGES = ["/", "/resident", "/employer", "/institution", "/broker", "/policy"]


def t(lang: str, message: str) -> str:
    return load_translations(lang).gettext(message)


@pytest.fixture(params=list(SIZES))
def tab(request, browser: Browser):
    context = browser.new_context(viewport=SIZES[request.param], locale="en-US",
                                  is_mobile=request.param == "phone", has_touch=request.param == "phone")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_post_woman_sees_what_to_do_without_a_click(tab: Page, base_url: str, lang: str):
    open_page(tab, f"{base_url}/resident?lang={lang}&{POST_WOMAN}")
    main = tab.get_by_test_id("stMain")
    expect(main).to_contain_text(t(lang, catalog.BY_ID["public_welfare_post"].label))
    card = tab.locator(".st-key-card_public_welfare_post")
    city = "固原市" if lang == "zh_CN" else "Guyuan (固原市)"
    expect(card).to_contain_text(t(lang, FIGURE_NAMED).format(place=city, year=2018))
    expect(card.get_by_text(t(lang, catalog.POSTS_ASSIGNED))).to_be_visible()
    where = tab.locator(".st-key-where_public_welfare_post")
    expect(where).to_be_visible()
    expect(where).to_contain_text(t(lang, "Household registration booklet"))
    expect(where).to_contain_text("12333")
    expect(where).to_contain_text("西吉县" if lang == "zh_CN" else "Xiji County")


@pytest.mark.parametrize("lang", LANGS)
def test_a_two_after_student_sees_the_fees_waived_and_the_schools_money_apart(tab: Page, base_url: str, lang: str):
    open_page(tab, f"{base_url}/resident?lang={lang}&{TWO_AFTER}")
    expect(tab.get_by_test_id("stMetricValue").first).to_have_text(fmt.money(3_000, lang))
    aid = tab.locator(".st-key-card_two_after_study_aid")
    expect(aid.get_by_text(t(lang, catalog.FEES_WAIVED))).to_be_visible()
    expect(tab.locator("#group-school")).to_contain_text(t(lang, "Paid to your school for you"))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_says_the_policy_has_ended(page: Page, base_url: str, path: str):
    for lang in LANGS:
        open_page(page, f"{base_url}{path}?lang={lang}")
        notice = t(lang, ENDED).format(end=fmt.date_text(policy.IN_FORCE_UNTIL, lang))
        expect(page.locator(".st-key-policy_banner")).to_contain_text(notice)


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_starts_with_empty_numbers_and_no_amount(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/institution?lang={lang}")
    expect(page.get_by_text(t(lang, "Type the three numbers to see what the cohort brings."))).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_2021_or_later_ends_at_the_notice(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/resident?lang={lang}&year=later&step=work&registered_poor=1")
    expect(page.get_by_text(t(lang, "To check what the policy offered in 2018, 2019 or 2020 instead, choose that year "
                                    "above."))).to_be_visible()
    expect(page.get_by_role("button", name=t(lang, "Next"), exact=True)).to_have_count(0)
    expect(page.get_by_test_id("stMetric")).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_choices_are_at_least_44_px_tall_on_a_phone(phone: Page, base_url: str, lang: str):
    open_page(phone, f"{base_url}/resident?lang={lang}&year=2019&step=you&registered_poor=1&birth_year=1973")
    options = phone.get_by_test_id("stRadioOption")
    expect(options.first).to_be_visible()
    heights = options.evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert len(heights) >= 5, heights  # yes/no and the five cities
    assert min(heights) >= 44, heights


@pytest.mark.parametrize("lang", LANGS)
def test_start_over_asks_first(page: Page, base_url: str, lang: str):
    open_page(page, f"{base_url}/resident?lang={lang}&year=2019&step=you&registered_poor=1&birth_year=1973")
    page.get_by_role("button", name=t(lang, "Start over"), exact=True).click()
    expect(page.get_by_text(t(lang, "Start over? Every answer you gave will be forgotten."))).to_be_visible()
    expect(page).to_have_url(re.compile("registered_poor=1"))
    page.get_by_role("button", name=t(lang, "Yes, start over"), exact=True).click()
    expect(page).not_to_have_url(re.compile("registered_poor"))


PLACEMENTS = ("姓名,是否建档立卡,是否初次就业,用工单位是否企业,已就业月数,是否签订劳动合同,是否缴纳社保\n"
              "工人甲,是,是,企业,14,是,是\n马某,是,是,企业,10,是,是\n").encode("gbk")


@pytest.mark.parametrize("lang", LANGS)
def test_a_roster_row_says_whom_it_is_about_beside_its_status_on_a_phone(phone: Page, base_url: str, lang: str):
    open_page(phone, f"{base_url}/broker?lang={lang}&on=2019-12-31#placements")
    # The uploader's button in the visitor's language (Streamlit's own says "Upload").
    button = phone.get_by_test_id("stFileUploaderDropzone").get_by_test_id("stBaseButton-secondary")
    expect(button).to_contain_text(t(lang, "Choose a file"))
    phone.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "名单.csv", "mimeType": "text/csv", "buffer": PLACEMENTS}])
    row = phone.locator(".st-key-brk_list_rows li").filter(has_text="马某")
    expect(row).to_contain_text(t(lang, "Does not count"), timeout=60_000)
    expect(row).to_contain_text(load_translations(lang).ngettext(
        "{months} month so far; a placement counts from {required} months.",
        "{months} months so far; a placement counts from {required} months.", 10).format(months=10, required=12))
    box = row.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= SIZES["phone"]["width"], box  # nothing to scroll sideways for


def download(tab: Page, label: str) -> bytes:
    with tab.expect_download(timeout=60_000) as caught:
        tab.get_by_role("button", name=label, exact=True).click()
    return Path(caught.value.path()).read_bytes()


def template_label(lang: str, kind: str) -> str:
    return t(lang, f"Template, {{headers}} ({kind})").format(headers=t(lang, LANGUAGE_OF_HEADERS[lang]))


def skipped_rows(lang: str) -> str:
    return load_translations(lang).ngettext(
        "Row {rows} is the template's notes or example row: not checked.",
        "Rows {rows} are the template's notes and example rows: not checked.", 2).format(
        rows=fmt.words(["2", "3"], lang))


def expect_whole_on_screen(tab: Page, row) -> None:
    box = row.bounding_box()
    assert box is not None
    assert box["x"] + box["width"] <= tab.viewport_size["width"], box  # nothing to scroll sideways for


@pytest.mark.parametrize("lang", LANGS)
def test_a_workshop_owner_fills_in_the_template_and_reads_each_worker(tab: Page, base_url: str, lang: str):
    """The XLSX template in the visitor's language, filled in below its notes and example rows as they come:
    11 workers who count and one at 9 months. The marked rows are skipped and said to be; 11 count (band
    11–20: 20,000 yuan); the worker at 9 months is named beside "does not count" and the months needed."""
    open_page(tab, f"{base_url}/employer?lang={lang}&on=2019-12-31&kind=sme&in_region=1&carrier=workshop"
                   "&place=poor_village#roster")
    book = openpyxl.load_workbook(io.BytesIO(download(tab, template_label(lang, "XLSX"))))
    sheet = book.worksheets[0]
    _header, notes, example = ([cell.value for cell in row] for row in sheet.iter_rows())
    assert notes[0] == t(lang, TEMPLATE_NOTES_ROW)
    assert example[0] == t(lang, TEMPLATE_EXAMPLE_NAME)
    for number, months in enumerate([*range(12, 23), 9]):
        sheet.append([f"工人{number}" if months > 9 else "马某", None, example[2], months, None, example[5],
                      example[6]])
    filled = io.BytesIO()
    book.save(filled)
    upload(tab, "名册.xlsx", filled.getvalue(), XLSX_MIME)
    expect(metric(tab, t(lang, "Workers"))).to_have_text("12", timeout=60_000)
    wait_for_app(tab, 60_000)
    expect(metric(tab, t(lang, "Count: grant (Article 2 (二))"))).to_have_text("11")
    main = tab.get_by_test_id("stMain")
    expect(main).to_contain_text(skipped_rows(lang))
    expect(main).to_contain_text(fmt.money(20_000, lang))
    row = tab.locator(".st-key-emp_roster_rows li").filter(has_text="马某")
    expect(row).to_contain_text(t(lang, "Does not count"))
    expect(row).to_contain_text(t(lang, "Months with you: {months}; {required} needed.").format(months=9, required=12))
    expect_whole_on_screen(tab, row)


@pytest.mark.parametrize("lang", LANGS)
def test_a_school_types_its_cohort_then_checks_its_list_from_the_template(tab: Page, base_url: str, lang: str):
    """A technical school: 20 enrolled, 18 completed, 15 passed bring 90,000 yuan to the school and 45,000 to the
    students; its list from the CSV template, one student not yet assessed, is read without the marked rows."""
    open_page(tab, f"{base_url}/institution?lang={lang}&on=2019-12-31&kind=technical_school#students")
    type_number(tab, "inst_enrolled", 20)
    type_number(tab, "inst_completed", 18)
    type_number(tab, "inst_passed", 15)
    expect(metric(tab, t(lang, "To the school"))).to_have_text(fmt.money(90_000, lang))
    expect(metric(tab, t(lang, "To the students"))).to_have_text(fmt.money(45_000, lang))
    rows = list(csv.reader(io.StringIO(download(tab, template_label(lang, "CSV")).decode("utf-8-sig"))))
    _header, notes, example = rows
    assert notes[0] == t(lang, TEMPLATE_NOTES_ROW)
    rows += [[f"学生{number}", "", *example[2:]] for number in range(3)]
    rows.append(["马某", "", *example[2:5], ""])  # not assessed yet
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    upload(tab, "学生名单.csv", text.getvalue().encode("utf-8-sig"))
    expect(metric(tab, t(lang, "Rows"))).to_have_text("4", timeout=60_000)
    wait_for_app(tab, 60_000)
    expect(metric(tab, t(lang, "Counts"))).to_have_text("3")
    expect(metric(tab, t(lang, "Not known yet"))).to_have_text("1")
    main = tab.get_by_test_id("stMain")
    expect(main).to_contain_text(skipped_rows(lang))
    row = tab.locator(".st-key-inst_students_rows li").filter(has_text="马某")
    expect(row).to_contain_text(t(lang, "Training result not known yet ({column}).").format(column=_header[5]))
    expect_whole_on_screen(tab, row)


@pytest.mark.parametrize("lang", LANGS)
def test_a_question_appears_below_the_answer_without_the_page_jumping(phone: Page, base_url: str, lang: str):
    """On a phone, the worker scrolled down to "where do you work" picks another province: the questions about
    the contract appear below, and the page stays where the person was reading."""
    open_page(phone, f"{base_url}/resident?lang={lang}&year=2019&step=work&registered_poor=1&birth_year=1989&city=guyuan")
    scroller = phone.get_by_test_id("stMain")
    choice = phone.get_by_test_id("stRadioOption").filter(has_text=t(lang, "In another province"))
    choice.scroll_into_view_if_needed()
    before = scroller.evaluate("e => e.scrollTop")
    assert before > 0  # the answer is below the fold: a jump to the top would show
    choice.click()
    contract = phone.get_by_text(t(lang, "Did you sign a labour contract?"), exact=True)
    expect(contract).to_be_visible()
    wait_for_app(phone)
    assert abs(scroller.evaluate("e => e.scrollTop") - before) < 50
    expect(choice).to_be_in_viewport()
