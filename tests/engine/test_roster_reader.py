"""Reading roster files in memory: encodings Excel in China saves, XLSX, bad files, headers, limits,
formula cells, ID numbers (GB 11643 check digit), and downloads that open safely in Excel."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from datetime import datetime

import openpyxl
import pandas as pd
import pytest

import i18n
from engine.roster.cells import CellError, read_roster
from engine.roster.downloads import neutralise, neutralise_frame, to_csv_bytes, to_xlsx_bytes
from engine.roster.files import MAX_ROWS, WEB, RosterError, iter_tables, load_table
from engine.roster.id_numbers import id_check_character, mask_id
from engine.roster.workers import WORKER_SCHEMA

HEADER_ZH = "姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
HEADER_EN = "worker.name,worker.id_number,worker.registered_poor,worker.months,worker.contract,worker.social_insurance"
GOOD_ID = "11010519491231002X"  # the GB 11643-1999 standard's own example
ROWS = ["马某,11010519491231002X,是,14,一年以上,是", "李某,,否,3,不满一年,否"]


def csv_text(header: str = HEADER_ZH, rows: list[str] = ROWS) -> str:
    return "\n".join([header, *rows]) + "\n"


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read(data: bytes, name: str = "roster.csv"):
    return read_roster(data, name, WORKER_SCHEMA)


def problems(roster) -> list[tuple[int, str, str]]:
    return [(e.row, e.column, e.message) for e in roster.errors]


# --- encodings and formats -------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"],
                         ids=["UTF-8", "UTF-8带BOM（Excel“CSV UTF-8”）", "GBK（Excel中文版默认）", "GB18030"])
def test_each_encoding_reads_the_same_facts(encoding):
    roster = read(csv_text().encode(encoding))
    assert roster.facts["worker.name"].tolist() == ["马某", "李某"]
    assert roster.facts["worker.registered_poor"].tolist() == [True, False]
    assert roster.facts["worker.months"].tolist() == [14, 3]
    assert roster.facts["worker.contract"].tolist() == ["1_year_or_more", "under_1_year"]
    assert roster.rows.tolist() == [2, 3]
    assert not roster.errors


def test_utf16_tab_separated_text_from_excel():
    text = csv_text().replace(",", "\t")
    roster = read(text.encode("utf-16"), "roster.txt")
    assert roster.facts["worker.months"].tolist() == [14, 3]


def test_xlsx_with_numbers_dates_and_booleans():
    data = xlsx_bytes([
        ["姓名", "是否建档立卡", "在岗月数", "入职日期", "劳动合同", "是否缴纳社保"],
        ["马某", "是", 14, datetime(2019, 3, 1), "一年以上", True],
        [None, None, None, None, None, None],
        ["李某", "否", 3.0, "2020/1/5", "无", "否"],
    ])
    roster = read(data, "roster.xlsx")
    assert roster.rows.tolist() == [2, 4]  # the empty row 3 is skipped, numbers stay those of the sheet
    assert roster.facts["worker.months"].tolist() == [14, 3]
    assert roster.facts["worker.start_date"].dt.date.astype(str).tolist() == ["2019-03-01", "2020-01-05"]
    assert roster.facts["worker.social_insurance"].tolist() == [True, False]


def test_xlsx_is_recognised_by_its_content_whatever_the_name():
    data = xlsx_bytes([["在岗月数", "是否建档立卡"], [12, "是"]])
    assert read(data, "export.dat").facts["worker.months"].tolist() == [12]


def test_xlsx_id_number_turned_into_a_number_is_named():
    data = xlsx_bytes([["身份证号", "是否建档立卡"], [640104199001010010, "是"]])
    roster = read(data, "roster.xlsx")
    assert roster.errors[0].column == "身份证号"
    assert "Excel turned the ID number into a number" in roster.errors[0].problem


# --- whole-file problems ---------------------------------------------------------------------

BAD_FILES = [
    pytest.param(b"", "The file is empty.", id="空文件"),
    pytest.param(b"  \n\n", "The file is empty.", id="只有空白"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "neither a CSV", id="二进制乱码（图片）"),
    pytest.param(bytes(range(1, 256)) * 8, None, id="无NUL的乱码"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old Excel workbook", id="旧版xls"),
    pytest.param(b"PK\x03\x04garbage", "not a readable XLSX", id="损坏的xlsx"),
    pytest.param(b"a,b\n1,2\n", "No column of the file is known", id="没有已知列"),
    pytest.param("是否建档立卡,在岗月数\n是,12,额外\n是,3,额外,更多\n".encode(), "more cells", id="某行单元格多于表头"),
    pytest.param("在岗月数,worker.months\n1,2\n".encode(), "Two columns give the same thing", id="两列同义"),
]


@pytest.mark.parametrize(("data", "words"), BAD_FILES)
def test_whole_file_problems_are_a_roster_error(data, words):
    with pytest.raises(RosterError) as caught:
        read(data)
    assert caught.value.message  # a msgid the page translates
    if words:
        assert words in str(caught.value)


def test_a_row_longer_than_the_header_counts_the_columns_in_the_right_form():
    """"1 column", "3 columns" (issue 17): the message is a singular and plural pair; Chinese has one form."""
    for data, english in (("在岗月数\n12\n3,更多\n", "The header row has 1 column, but row 3 has more cells (2)."),
                          ("是否建档立卡,在岗月数\n是,12,额外\n是,3,额外,更多\n",
                           "The header row has 3 columns, but row 3 has more cells (4).")):
        with pytest.raises(RosterError) as caught:
            read(data.encode())
        error = caught.value
        assert str(error) == english
        assert i18n.ngettext("en", error.message, error.plural, error.params[error.count]).format(
            **error.params) == english
        assert i18n.ngettext("zh_CN", error.message, error.plural, error.params[error.count]).format(
            **error.params) == "第3行的单元格数（{cells}）多于标题行的列数（{columns}）。".format(**error.params)


def test_larger_than_the_limit():
    data = csv_text(rows=ROWS * 40).encode()
    with pytest.raises(RosterError, match="larger than"):
        load_table(data, "roster.csv", dataclasses.replace(WEB, bytes=1000))
    assert len(load_table(data, "roster.csv", dataclasses.replace(WEB, bytes=len(data)))) == len(ROWS) * 40


def test_100000_rows_are_read_and_100001_are_refused():
    row = "是,12,一年以上,是"
    header = "是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
    ok = (header + "\n" + (row + "\n") * MAX_ROWS).encode()
    assert len(read(ok)) == MAX_ROWS
    too_many = (header + "\n" + (row + "\n") * (MAX_ROWS + 1)).encode()
    with pytest.raises(RosterError) as caught:
        read(too_many)
    assert caught.value.params == {"limit": MAX_ROWS}


def test_100001_rows_in_xlsx_are_refused_without_reading_on():
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["在岗月数"])
    for _ in range(MAX_ROWS + 1):
        sheet.append([12])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(RosterError, match="more than"):
        read(buffer.getvalue(), "big.xlsx")


# --- headers -----------------------------------------------------------------------------------

def test_chinese_and_english_headers_give_the_same_facts():
    chinese = read(csv_text(HEADER_ZH).encode())
    english = read(csv_text(HEADER_EN).encode())
    pd.testing.assert_frame_equal(chinese.facts, english.facts)
    assert chinese.headers["worker.months"] == "在岗月数"
    assert english.headers["worker.months"] == "worker.months"


@pytest.mark.parametrize("header", ["是否建档立卡贫困劳动力", " 建档立卡 ", "registered_poor", "Registered Poor"])
def test_header_aliases(header):
    roster = read(f"{header},在岗月数\n是,12\n".encode())
    assert roster.facts["worker.registered_poor"].tolist() == [True]


def test_missing_columns_are_listed_and_rows_still_read():
    roster = read("姓名,在岗月数\n马某,12\n".encode())
    assert set(roster.missing) == {"worker.registered_poor", "worker.contract", "worker.social_insurance"}
    assert roster.facts["worker.months"].tolist() == [12]


def test_extra_columns_are_ignored_and_listed():
    roster = read("姓名,电话,在岗月数,备注\n马某,13800000000,12,无\n".encode())
    assert roster.extra == ("电话", "备注")
    assert "电话" not in roster.facts


# --- cells ---------------------------------------------------------------------------------------

CELLS = [
    pytest.param("在岗月数", "-1", "negative", id="月数为负"),
    pytest.param("在岗月数", "12.5", "whole number", id="月数不是整数"),
    pytest.param("在岗月数", "十二", "not a number", id="月数写成汉字"),
    pytest.param("是否建档立卡", "也许", "not yes or no", id="是否：未知值"),
    pytest.param("劳动合同", "临时", "not a known value", id="合同：未知值"),
    pytest.param("入职日期", "2019-02-30", "not a date", id="日期不存在"),
    pytest.param("入职日期", "去年", "not a date", id="日期不是日期"),
    pytest.param("身份证号", "110105194912310021", "check digit", id="身份证校验码错误"),
    pytest.param("身份证号", "110105194913310028", "date of birth", id="身份证出生日期无效"),
    pytest.param("身份证号", "110105491231002", "old 15-digit", id="15位旧身份证号"),
    pytest.param("身份证号", "1101051949", "18-character", id="身份证号位数不对"),
]


@pytest.mark.parametrize(("column", "cell", "words"), CELLS)
def test_a_bad_cell_is_named_and_the_other_cells_are_still_read(column, cell, words):
    data = f"姓名,{column},是否缴纳社保\n马某,{cell},是\n李某,,否\n".encode()
    roster = read(data)
    assert len(roster.errors) == 1
    error = roster.errors[0]
    assert (error.row, error.column) == (2, column)
    assert words in error.problem
    assert error.params["value"] == cell
    assert roster.facts["worker.social_insurance"].tolist() == [True, False]
    assert roster.bad.iloc[0].any()
    assert not roster.bad.iloc[1].any()


@pytest.mark.parametrize(("cell", "value"), [
    ("是", True), ("否", False), ("YES", True), ("no", False), ("已缴纳", True), ("未缴", False), ("１", True),
    (" 是 ", True), ("", None),
])
def test_yes_and_no_as_people_write_them(cell, value):
    roster = read(f"是否缴纳社保,在岗月数\n{cell},1\n".encode())
    got = roster.facts["worker.social_insurance"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == value


@pytest.mark.parametrize(("cell", "value"), [
    ("一年以上", "1_year_or_more"), ("1年以上", "1_year_or_more"), ("无固定期限", "1_year_or_more"),
    ("3年", "1_year_or_more"), ("两年", "1_year_or_more"), ("12个月", "1_year_or_more"),
    ("6个月", "under_1_year"), ("不满一年", "under_1_year"), ("半年", "under_1_year"),
    ("无", "none"), ("未签订", "none"), ("是", "signed"), ("1_year_or_more", "1_year_or_more"),
    ("1 year or more", "1_year_or_more"), ("under 1 year", "under_1_year"),
])
def test_contract_words(cell, value):
    roster = read(f"劳动合同,在岗月数\n{cell},1\n".encode())
    assert roster.facts["worker.contract"].iloc[0] == value


@pytest.mark.parametrize("cell", ["12", "12个月", "１２", " 12 ", "12.0"])
def test_months_as_people_write_them(cell):
    roster = read(f"在岗月数,是否建档立卡\n{cell},是\n".encode())
    assert roster.facts["worker.months"].tolist() == [12]


@pytest.mark.parametrize("cell", ["2019-03-01", "2019/3/1", "2019.03.01", "2019年3月1日", "20190301",
                                  "2019-03-01 00:00:00"])
def test_dates_as_people_write_them(cell):
    roster = read(f"入职日期,是否建档立卡\n{cell},是\n".encode())
    assert roster.facts["worker.start_date"].dt.date.astype(str).tolist() == ["2019-03-01"]


def test_the_same_id_number_twice_names_the_first_row():
    data = f"身份证号,是否建档立卡\n{GOOD_ID},是\n{GOOD_ID.lower()},是\n".encode()
    roster = read(data)
    assert roster.duplicate_of.isna().tolist() == [True, False]
    assert roster.duplicate_of.iloc[1] == 2
    assert problems(roster) == [(3, "身份证号", "The same ID number is in row {first_row}.")]


def id_born(birth: str) -> str:
    """An ID number of someone born on ``birth`` (YYYYMMDD), with its right check character."""
    first17 = f"110105{birth}002"
    return first17 + id_check_character(first17)


@pytest.mark.parametrize(("birth", "is_date"), [
    pytest.param("20000229", True, id="2000年2月29日_闰年"),
    pytest.param("19960229", True, id="1996年2月29日_闰年"),
    pytest.param("19000229", False, id="1900年2月29日_不闰"),
    pytest.param("19970229", False, id="1997年2月29日_不闰"),
    pytest.param("19970228", True, id="2月28日"),
    pytest.param("19970431", False, id="4月31日"),
    pytest.param("19971231", True, id="12月31日"),
    pytest.param("19971301", False, id="13月"),
    pytest.param("19970001", False, id="0月"),
    pytest.param("19970100", False, id="0日"),
    pytest.param("00000101", False, id="0年"),
])
def test_an_id_number_s_date_of_birth_must_be_a_calendar_date(birth, is_date):
    roster = read(f"身份证号,是否建档立卡\n{id_born(birth)},是\n{GOOD_ID},是\n".encode())
    messages = [e.message for e in roster.errors]
    assert messages == ([] if is_date else ["“{value}” is not a valid ID number: its date of birth is not a date."])
    assert roster.facts["worker.id_number"].notna().tolist() == [is_date, True]


def test_many_repeated_id_numbers_each_name_their_first_row():
    ids = [id_born(f"1990010{d}") for d in range(1, 4)]
    column = [ids[0], ids[1], ids[0], "", ids[2], ids[1], ids[0]]
    roster = read(("身份证号,是否建档立卡\n" + "".join(f"{i},是\n" for i in column)).encode())
    assert [None if pd.isna(r) else int(r) for r in roster.duplicate_of] == [None, None, 2, None, None, 3, 2]
    assert [e.params["first_row"] for e in roster.errors] == [2, 3, 2]


def test_check_digit_of_the_standard_example():
    assert id_check_character(GOOD_ID[:17]) == "X"
    assert mask_id(GOOD_ID) == "1101**********002X"


def test_row_numbers_skip_blank_lines_as_a_spreadsheet_counts_them():
    data = "在岗月数,是否建档立卡\n12,是\n\n,\n-3,是\n".encode()
    roster = read(data)
    assert roster.rows.tolist() == [2, 5]
    assert problems(roster)[0][:2] == (5, "在岗月数")


def test_formula_cells_are_data_never_evaluated():
    data = '姓名,在岗月数,是否建档立卡\n"=HYPERLINK(""http://x"",""y"")",=1+11,是\n@SUM(A1),12,是\n'.encode()
    roster = read(data)
    assert roster.facts["worker.name"].tolist() == ['=HYPERLINK("http://x","y")', "@SUM(A1)"]
    assert problems(roster) == [(2, "在岗月数", "“{value}” is not a number.")]


def test_xlsx_formula_cells_without_a_cached_value_are_empty():
    data = xlsx_bytes([["姓名", "在岗月数"], ["=CONCAT(\"a\",\"b\")", "=6+6"]])
    roster = read(data, "roster.xlsx")
    assert roster.facts["worker.months"].isna().all()


def test_the_command_line_reads_in_chunks_numbering_rows_as_the_file_does(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"person.job.months,x\n14,a\n\n11,b\n12,c\n")
    chunks = list(iter_tables(path, rows=2))
    assert [chunk.index.tolist() for chunk in chunks] == [[2], [4, 5]]  # the blank row 3 is left out
    assert [chunk["person.job.months"].tolist() for chunk in chunks] == [["14"], ["11", "12"]]


def test_cell_error_is_the_documented_shape():
    error = CellError(2, "在岗月数", "bad")
    assert (error.row, error.column, error.problem) == (2, "在岗月数", "bad")


def test_load_table_strips_headers():
    assert list(load_table(" 在岗月数 ,是否建档立卡\n1,是\n".encode()).columns) == ["在岗月数", "是否建档立卡"]


# --- downloads ----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1"])
def test_cells_that_would_start_a_formula_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell
    assert neutralise("马某") == "马某"
    assert neutralise(-1) == -1


# A control character in front of a formula: dropped on the way into XLSX (it cannot be written there), after
# which the cell would start with "=" and openpyxl would write it as a live formula.
HIDDEN_FORMULAS = ['\x01=HYPERLINK("http://x","y")', "\x00=1+1", "\x1f+SUM(A1)", "\x0b@SUM(A1)",
                   "\x08\x07-2+3", "\x01\x02=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("cell", HIDDEN_FORMULAS)
def test_a_formula_behind_control_characters_is_neutralised(cell):
    safe = neutralise(cell)
    assert safe.startswith("'")
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in safe)
    frame = neutralise_frame(pd.DataFrame({"name": [cell, "马某", None], "n": [1, -1, 2]}))
    assert frame["name"].tolist()[:2] == [safe, "马某"]
    assert pd.isna(frame["name"].iloc[2])
    assert frame["n"].tolist() == [1, -1, 2]  # numbers stay numbers, even negative ones


def test_the_xlsx_download_holds_no_formula_behind_control_characters():
    frame = pd.DataFrame({"\x01=header": HIDDEN_FORMULAS, "n": range(len(HIDDEN_FORMULAS))})
    data = to_xlsx_bytes({"results": frame})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml
    assert "<f " not in sheet_xml
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert texts[:2] == ["'=header", "n"]
    assert len(texts[2:]) == len(HIDDEN_FORMULAS)
    assert all(text.startswith("'") for text in texts[2:]), texts


def test_the_csv_download_holds_no_formula_behind_control_characters():
    text = to_csv_bytes(pd.DataFrame({"name": HIDDEN_FORMULAS})).decode("utf-8-sig")
    cells = list(csv.reader(io.StringIO(text)))[1:]
    assert all(cell[0].startswith("'") for cell in cells), cells


def test_csv_download_is_utf8_with_bom_and_neutralised():
    frame = pd.DataFrame({"=name": ["=cmd|' /C calc'!A0", "马某"], "n": [1, 2]})
    data = to_csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "'=name" in text
    assert "'=cmd|" in text
    assert "马某" in text


def test_xlsx_download_holds_no_formula():
    frame = pd.DataFrame({"name": ["=1+1", "+SUM(A1)", "马某"], "n": [1, 2, None]})
    data = to_xlsx_bytes({"results": frame})
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [sheet["A2"].value, sheet["A3"].value, sheet["B4"].value] == ["'=1+1", "'+SUM(A1)", None]
