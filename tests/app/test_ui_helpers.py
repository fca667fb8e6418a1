"""Formatting in both languages, and text from data shown as text, never as markup."""

from __future__ import annotations

import io
import re
from datetime import date

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from engine.roster.workers import template, template_notes
from ui import format as fmt
from ui.frame import Page, load_translations
from ui.questionnaire import answer_text
from ui.roster import template_files


@pytest.mark.parametrize(("amount", "zh", "en"), [
    (200, "200元", "200 yuan"),
    (20_000, "2万元", "20,000 yuan"),  # the policy's 2万元
    (1_000_000, "100万元", "1,000,000 yuan"),
    (27_360, "27,360元", "27,360 yuan"),  # not a whole ten-thousand: in yuan
    (1234.5, "1,234.50元", "1,234.50 yuan"),  # cents only when there are some
    (0, "0元", "0 yuan"),
])
def test_money_has_one_style_per_language(amount, zh, en):
    """Figures are written as the sentences write them: 元 and 万元 in Chinese, "yuan" in English, never ¥."""
    assert (fmt.money(amount, "zh_CN"), fmt.money(amount, "en")) == (zh, en)


def test_dates_and_numbers_in_each_language():
    assert fmt.date_text(date(2018, 7, 1), "zh_CN") == "2018年7月1日"
    assert fmt.date_text(date(2020, 12, 31), "en") == "31 December 2020"
    assert fmt.number(12000, "en") == "12,000"
    assert fmt.html_lang("zh_CN") == "zh-CN"
    assert fmt.babel_locale("en-US") == "en_GB"  # British English throughout


def test_markdown_escape_keeps_text_as_written():
    assert fmt.md_escape("1. **a** [x](y) :red[z] $5") == r"1\. \*\*a\*\* \[x\]\(y\) \:red\[z\] \$5"


# What GitHub's autolink extension (Streamlit's markdown) turns into a link in plain text, backslashes or not.
AUTOLINKS = re.compile(r"(?i)(?:https?|ftp)://|mailto:|xmpp:|www\\?\.|[\w.+-]@[\w-]")


@pytest.mark.parametrize("text", ["http://evil.example/x", "HTTPS://evil.example", "www.evil.example",
                                  "a@evil.example", "mailto:a@b.com", "xmpp:a@b.com", "ftp://evil.example",
                                  "[x](http://e.com)", "<http://e.com>", "马某 www.evil.example 马某"])
def test_markdown_escape_leaves_no_link_to_click(text):
    """Backslashes stop markup but not autolinks: a header or a cell of an uploaded roster that holds an address
    showed as a link to click (issue 14). A word joiner, invisible, breaks each one."""
    escaped = fmt.md_escape(text)
    assert AUTOLINKS.search(escaped.replace("\\", "")) is None, escaped
    assert escaped.replace(fmt.WORD_JOINER, "").replace("\\", "") == text  # on screen, as written


def _blocks_app():
    # AppTest runs this function's source alone, so it imports what it uses itself.
    from ui.blocks import LinkedItem, linked_list, text_block  # noqa: PLC0415

    text_block(["<script>alert(1)</script> & <b>bold</b>"], "zh_CN")
    linked_list([LinkedItem("<i>name</i>", "a < b", "Article 6", 'policy?lang=en#art-6"><script>')], "en")


def test_blocks_escape_text_from_data():
    app = AppTest.from_function(_blocks_app).run()
    assert not app.exception
    text, links = (h.proto.body for h in app.get("html"))
    assert "<script>" not in text
    assert "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in text
    assert 'lang="zh-CN"' in text
    assert "<i>" not in links
    assert "<script>" not in links
    assert 'href="policy?lang=en#art-6&quot;&gt;&lt;script&gt;"' in links


def test_template_files_keep_id_numbers_as_text_in_excel():
    """A workshop owner types ID numbers into the XLSX template: its ID column is text, so Excel keeps all 18
    characters; other columns are left alone. Both files hold the notes and example rows."""
    for lang, id_header in (("zh_CN", "身份证号"), ("en", "ID number")):
        csv_bytes, xlsx_bytes = template_files({"roster": template(lang), "notes": template_notes(lang)})
        assert csv_bytes.decode("utf-8-sig").count("\n") == 3  # headers, what to write, example
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes))["roster"]
        headers = [cell.value for cell in sheet[1]]
        letter = "ABCDEFGHIJ"[headers.index(id_header)]
        assert sheet.column_dimensions[letter].number_format == "@"
        assert sheet.column_dimensions["A"].number_format != "@"
        assert sheet.max_row == 3


@pytest.mark.parametrize(("lang", "fact", "value", "said"), [
    ("en", "person.job.months", 1, "1 month"),
    ("en", "person.job.months", 11, "11 months"),
    ("en", "person.job.months", 0, "0 months"),
    ("en", "person.unemployment_insurance_years", 1, "1 year"),
    ("en", "person.unemployment_insurance_years", 0.5, "0.5 years"),
    ("en", "person.tech_school_semesters", 1, "1 semester"),
    ("en", "person.birth_year", 1973, "born in 1973"),
    ("zh_CN", "person.job.months", 1, "1个月"),
    ("zh_CN", "person.birth_year", 1973, "1973年出生"),
])
def test_an_answer_says_its_unit_in_the_right_number(lang, fact, value, said):
    """"Your answers" and the printed summary read "1 month", never "1 months"."""
    page = Page(lang, load_translations(lang))
    assert answer_text(fact, value, page) == said
