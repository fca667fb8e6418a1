"""A corpus of hostile roster uploads, made in the test (nothing big is committed), fed to the site's one roster
reader (``engine.roster.read_roster`` with the workers' schema): binary garbage, an empty file, 50 MB, wrong
columns, mixed encodings, formula cells, ``<script>`` in names, 1,000,000 rows, zip bombs disguised as .xlsx, an
old .xls, a 5 MB cell, NUL bytes. Each is answered with a clear, translated message (RosterError) or read as plain
text, quickly, and nothing in it is executed: downloads neutralise formulas. The page's side is in
tests/app/test_hostile_uploads_page.py."""

from __future__ import annotations

import csv
import io
import os
import random
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from engine import cli
from engine.roster import sandbox
from engine.roster.cells import read_roster
from engine.roster.downloads import to_csv_bytes, to_xlsx_bytes
from engine.roster.files import MAX_CELL_CHARACTERS, SHEET_TOO_LARGE, RosterError
from engine.roster.workers import WORKER_SCHEMA, explain, read_workers
from i18n import gettext as translated

MAX_PEAK_BYTES = 800 * 1024 * 1024  # issue 27: every hostile file refused within 800 MB
HEADER = "姓名,身份证号,是否建档立卡,在岗月数,劳动合同,是否缴纳社保"
ROW = "马某,,是,14,一年以上,是"
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "=HYPERLINK(\"http://example.com\",\"x\")"]
SCRIPT = "<script>alert('x')</script>"


def csv_bytes(rows: list[str], header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode(encoding)


def xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_member(workbook: bytes, name: str, content: bytes) -> bytes:
    """``workbook`` with the zip member ``name`` replaced or added (deflated: a few hundred KB)."""
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename != name:
                archive.writestr(member.filename, source.read(member.filename))
        archive.writestr(name, content)
    return out.getvalue()


def sheet_with_cell(text_bytes: int) -> bytes:
    base = xlsx([["姓名", "在岗月数"], ["马某", 14]])
    sheet = zipfile.ZipFile(io.BytesIO(base)).read("xl/worksheets/sheet1.xml")
    cell = b'<row r="3"><c r="A3" t="inlineStr"><is><t>' + b"A" * text_bytes + b"</t></is></c></row></sheetData>"
    return with_member(base, "xl/worksheets/sheet1.xml", sheet.replace(b"</sheetData>", cell))


def shared_strings_bomb() -> bytes:
    base = xlsx([["姓名", "在岗月数"], ["马某", 14]])
    return with_member(base, "xl/sharedStrings.xml", b"<sst>" + b" " * 200_000_000 + b"</sst>")


def refusal(data: bytes, name: str = "roster.csv", seconds: float = 5.0) -> RosterError:
    """The RosterError for ``data``, in under ``seconds`` of CPU (this process's and the child's that parsed the
    file: what the file costs the server; the wall clock also counts other processes: 3.02 s against 1.4 s of CPU
    with two test runs at once) and under 800 MB of the child's address space; its message exists in both
    languages."""
    sandbox.forget_cost()
    start = time.process_time()
    with pytest.raises(RosterError) as refused:
        read_roster(data, name, WORKER_SCHEMA)
    child = sandbox.last_cost()  # the file is parsed in a child process (issue 27): its CPU counts too
    took = time.process_time() - start + child.cpu_seconds
    assert took < seconds, f"{took:.1f} s to refuse"
    assert child.peak_bytes < MAX_PEAK_BYTES, f"{child.peak_bytes / 2 ** 20:.0f} MB of address space to refuse"
    error = refused.value
    for lang in ("zh_CN", "en"):
        text = translated(lang, error.message).format(**error.params)
        assert text
        assert "Traceback" not in text
    assert translated("zh_CN", error.message) != error.message, f"not translated: {error.message}"
    return error


random.seed(7)
GARBAGE = bytes(random.getrandbits(8) for _ in range(200_000))
HOSTILE = {
    "binary garbage": (GARBAGE, "roster.csv", "neither a CSV"),
    "binary garbage named .xlsx": (GARBAGE, "roster.xlsx", "not a readable XLSX"),
    "PK garbage (a broken zip)": (b"PK\x03\x04" + GARBAGE, "roster.xlsx", "not a readable XLSX"),
    "empty": (b"", "roster.csv", "empty"),
    "only blank lines": (b"\n\n \r\n", "roster.csv", "empty"),
    "an empty .xlsx": (b"", "roster.xlsx", "empty"),
    "50 MB": (b"a" * (50 * 1024 * 1024), "roster.csv", "larger than"),
    "wrong columns": (csv_bytes(["1,2,3"], header="foo,bar,baz"), "roster.csv", "No column of the file is known"),
    "mixed encodings (UTF-8 header, GBK rows)":
        (HEADER.encode("utf-8") + b"\n" + "马某,,是,14,一年以上,是\n".encode("gbk") + "李某,,是,3,无,否\n".encode(),
         "roster.csv", "neither UTF-8 nor GBK"),
    "an old .xls (OLE)": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "roster.xls", ".xls"),
    "an old .xls named .csv": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + GARBAGE, "roster.csv", ".xls"),
    "NUL bytes at the start": (b"\x00" * 100 + csv_bytes([ROW]), "roster.csv", "neither a CSV"),
    "a NUL byte after 5,000 bytes": (csv_bytes([ROW] * 300 + ["李\x00某,,是,14,一年以上,是"]), "roster.csv", "neither a CSV"),
    "a 5 MB cell": (csv_bytes(["马" + "x" * 5_000_000 + ",,是,14,一年以上,是"]), "roster.csv", "more than Excel allows"),
    "a 5 MB header": (csv_bytes([ROW], header=HEADER + "," + "h" * 5_000_000), "roster.csv", "more than Excel allows"),
    "more columns in a row than in the header": (csv_bytes([ROW + ",1,2,3"]), "roster.csv", ""),
    "an unclosed quote": (csv_bytes(['"马某,,是,14,一年以上,是'] * 3), "roster.csv", ""),
    "1,000,000 rows (2 MB)": (("在岗月数\n" + "12\n" * 1_000_000).encode(), "roster.csv", "more than 100000 rows"),
    "1,000,000 full rows (29 MB)": (csv_bytes([ROW] * 1_000_000), "roster.csv", "larger than"),
}


@pytest.mark.parametrize(("data", "name", "says"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_file_is_refused_quickly_with_a_clear_message(data, name, says):
    try:
        error = refusal(data, name)
    except pytest.fail.Exception:
        if says:
            raise
        return  # a file that may be read (an unclosed quote makes one long cell): it was read, as text
    assert says in str(error), str(error)


WIDE_HEADER = (",".join(f"c{i}" for i in range(200_000)) + "\n" + "1\n").encode()  # 1.3 MB, 200,000 columns


@pytest.mark.parametrize("separator", [",", "\t"])
def test_a_header_of_200000_columns_is_refused_from_the_header_alone(separator):
    """Refused in well under a second (pandas took 40 s and 750 MB before the count could be checked)."""
    data = WIDE_HEADER.replace(b",", separator.encode())
    assert "more than 60 columns" in str(refusal(data, "roster.csv", seconds=1.0))


def test_the_command_line_refuses_a_header_of_200000_columns_quickly(tmp_path, capsys):
    path = tmp_path / "wide.csv"
    path.write_bytes(WIDE_HEADER)
    start = time.perf_counter()
    code = cli.main(["batch", str(path), "--date", "2019-06-01", "--out", str(tmp_path / "out.csv")])
    assert time.perf_counter() - start < 3
    assert code == 2
    assert "60" in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists()


def test_a_zip_bomb_that_unpacks_to_300_mb_is_refused_before_unpacking():
    data = sheet_with_cell(300_000_000)
    assert len(data) < 1_000_000
    assert "unpacks to more than" in str(refusal(data, "roster.xlsx", seconds=2))


def test_a_zip_bomb_with_one_200_mb_cell_is_refused_without_reading_it_whole():
    data = sheet_with_cell(200_000_000)
    assert "unpacks to more than" in str(refusal(data, "roster.xlsx", seconds=5))


def test_a_shared_strings_bomb_is_refused():
    assert "unpacks to more than" in str(refusal(shared_strings_bomb(), "名册.xlsx", seconds=5))


def test_a_cell_as_long_as_excel_allows_is_still_read():
    roster = read_roster(csv_bytes(["马" + "x" * (MAX_CELL_CHARACTERS - 1) + ",,是,14,一年以上,是"]), "r.csv", WORKER_SCHEMA)
    assert len(roster) == 1


def test_an_xml_entity_bomb_is_refused():
    base = xlsx([["姓名", "在岗月数"], ["马某", 14]])
    sheet = zipfile.ZipFile(io.BytesIO(base)).read("xl/worksheets/sheet1.xml")
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE w [<!ENTITY l0 "lol">{entities}]>'.encode()
    bomb = doctype + sheet.replace(b"</sheetData>", b'<row r="3"><c r="A3" t="inlineStr"><is><t>&l9;</t></is></c>'
                                   b"</row></sheetData>")
    refusal(with_member(base, "xl/worksheets/sheet1.xml", bomb), "roster.xlsx")


def test_formulas_and_scripts_are_read_as_text_and_downloads_neutralise_them():
    names = [*FORMULAS, SCRIPT, "李\x01某"]
    rows = [f'"{n.replace(chr(34), chr(34) * 2)}",,是,14,一年以上,是' for n in names]
    check = read_workers(csv_bytes(rows), "roster.csv", on=__import__("datetime").date(2019, 6, 1))
    table = explain(check, "zh_CN")
    assert list(table["name"]) == names  # as written: nothing evaluated, nothing stripped
    text = to_csv_bytes(table).decode("utf-8-sig")
    cells = [row[1] for row in csv.reader(io.StringIO(text))][1:]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@")), cell
    assert f"'{FORMULAS[0]}" in cells
    assert SCRIPT in cells  # text stays text; the page shows it in a table, never as HTML
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes({"results": table})))
    values = [row[1].value for row in workbook.active.iter_rows(min_row=2)]
    assert all(v is None or not str(v).startswith(("=", "+", "-", "@")) for v in values), values
    assert all(row[1].data_type != "f" for row in workbook.active.iter_rows(min_row=2))
    assert "李某" in values  # a control character cannot be written in XLSX: it is dropped, not a crash


def test_formula_cells_of_an_xlsx_give_no_formula_back():
    data = xlsx([HEADER.split(","), ["=cmd|' /C calc'!A0", None, "是", 14, "一年以上", "是"],
                 ["=1+1", None, "是", "=12+2", "一年以上", "是"]])
    roster = read_roster(data, "roster.xlsx", WORKER_SCHEMA)
    assert roster.facts["worker.name"].isna().all()  # a formula's cached value only (none): never its text
    assert roster.facts["worker.months"].isna().tolist() == [False, True]  # 14 typed; =12+2 has no cached value


def test_a_million_rows_in_xlsx_stop_at_the_limit():
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["在岗月数"])
    for _ in range(100_002):
        sheet.append([12])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert "more than 100000 rows" in str(refusal(buffer.getvalue(), "roster.xlsx", seconds=30))


# --- XLSX: a lying <dimension>, a cell far away, small files of much work (issue 14, findings 6 and 7) ----

def sheet_xml(workbook: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(workbook)).read("xl/worksheets/sheet1.xml")


def test_a_workbook_that_declares_fewer_rows_than_it_has_is_read_whole():
    """Six workers under a ``<dimension ref="A1:F2"/>`` (a tool that wrote the sheet and not its size):
    a reader that trusts the declaration reads one worker, and the counts and amounts are wrong."""
    base = xlsx([HEADER.split(","), *[[f"马{n}", None, "是", 14, "一年以上", "是"] for n in range(6)]])
    sheet = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:F2"', sheet_xml(base))
    assert b'<dimension ref="A1:F2"' in sheet
    roster = read_roster(with_member(base, "xl/worksheets/sheet1.xml", sheet), "roster.xlsx", WORKER_SCHEMA)
    assert roster.facts["worker.name"].tolist() == [f"马{n}" for n in range(6)]
    assert roster.rows.tolist() == [2, 3, 4, 5, 6, 7]


def far_cell(reference: str, header: bytes = b"") -> bytes:
    """A two-row roster with one more cell at ``reference`` (XFD1048576 is Excel's last cell)."""
    base = xlsx([["姓名", "在岗月数"], ["马某", 14]])
    row = re.sub(r"[A-Z]", "", reference)
    extra = f'<row r="{row}"><c r="{reference}" t="n"><v>5</v></c></row>'.encode()
    return with_member(base, "xl/worksheets/sheet1.xml", sheet_xml(base).replace(b"</sheetData>", extra + b"</sheetData>"))


READ_IN_A_CHILD = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 ** 3, 3 * 1024 ** 3))
from engine.roster.cells import read_roster
from engine.roster.files import RosterError
from engine.roster.workers import WORKER_SCHEMA
data = sys.stdin.buffer.read()
start = time.process_time()
try:
    read_roster(data, "roster.xlsx", WORKER_SCHEMA)
    print("read", time.process_time() - start)
except RosterError as error:
    print("refused", time.process_time() - start, error.message)
"""


@pytest.mark.parametrize("reference", ["XFD1048576", "A1048576", "XFD200", "ZZ150000"])
def test_a_single_cell_far_away_is_refused_without_laying_out_the_sheet(reference):
    """A cell at A1 and one at XFD1048576 make a reader lay out 17 billion cells: calamine asks for 512 GB
    and aborts the process (the whole site with it). Read in a child process with 3 GB of address space."""
    done = subprocess.run([sys.executable, "-c", READ_IN_A_CHILD], input=far_cell(reference), capture_output=True,
                          timeout=60, check=False, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    verdict, seconds, *message = done.stdout.decode().strip().split(maxsplit=2)
    assert verdict == "refused"
    assert message == [SHEET_TOO_LARGE]
    assert float(seconds) < 1


def compressed_sheet(body: bytes) -> bytes:
    """A workbook whose first sheet holds ``body`` after a header row (deflated: repeated XML packs small)."""
    base = xlsx([["姓名"], ["马某"]])
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\xa7\x93\xe5\x90\x8d</t></is></c></row>'
             + body + b"</sheetData></worksheet>")
    return with_member(base, "xl/worksheets/sheet1.xml", sheet)


SMALL_BUT_COSTLY = {
    "25,000,000 empty cells (0.5 MB)": (lambda: compressed_sheet(b"<row>" + b'<c s="0"/>' * 25_000_000 + b"</row>"),
                                        "more than 2000020 cells"),
    "5,000,000 cells in one row without references": (
        lambda: compressed_sheet(b"<row>" + b"<c><v>1</v></c>" * 5_000_000 + b"</row>"), "far more than a roster"),
    "1,000,000 rows of one cell": (lambda: compressed_sheet(b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(2, 1_000_002))), "far more than a roster"),
    "3,000,000 shared strings": (lambda: with_member(xlsx([["姓名"], ["马某"]]), "xl/sharedStrings.xml",
                                                     b"<sst>" + b"<si><t>x</t></si>" * 3_000_000 + b"</sst>"),
                                 "far more texts than its first sheet has cells"),
}


@pytest.mark.parametrize(("make", "says"), SMALL_BUT_COSTLY.values(), ids=SMALL_BUT_COSTLY.keys())
def test_a_small_workbook_that_would_cost_much_work_is_refused_quickly(make, says):
    """Files of a few hundred KB that unpack to sheets of millions of cells cost openpyxl 37-40 s of CPU."""
    data = make()
    assert len(data) < 10 * 1024 * 1024
    assert says in str(refusal(data, "roster.xlsx", seconds=3))


def test_the_largest_roster_in_xlsx_is_read_in_seconds():
    """100,000 workers (openpyxl took 22.8 s): read whole, in under 15 s even on a busy machine."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER.split(","))
    for n in range(100_000):
        sheet.append([f"马{n}", None, "是", 14, "一年以上", "是"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    start = time.process_time()
    roster = read_roster(buffer.getvalue(), "roster.xlsx", WORKER_SCHEMA)
    took = time.process_time() - start
    assert len(roster.facts) == 100_000
    assert roster.rows.iloc[-1] == 100_001
    assert took < 15, f"{took:.1f} s of CPU"


def test_a_sheet_written_without_cell_references_is_read_in_order():
    """References are optional in the format (some writers leave them out): such a sheet is placed as a reader
    places it, row after row, and read whole."""
    names = ["马一", "马二", "马三"]
    body = b"".join(b'<row><c t="inlineStr"><is><t>' + name.encode() + b"</t></is></c></row>" for name in names)
    roster = read_roster(compressed_sheet(body), "roster.xlsx", WORKER_SCHEMA)
    assert roster.facts["worker.name"].tolist() == names
    assert roster.rows.tolist() == [2, 3, 4]


# --- issue 27: the review's findings, each a case; shown failing before the fix ----------------------------

def sheet_with(base: bytes, body: bytes) -> bytes:
    """``base`` with ``body`` put before the end of its first sheet's data."""
    return with_member(base, "xl/worksheets/sheet1.xml", sheet_xml(base).replace(b"</sheetData>", body + b"</sheetData>"))


def second_sheet_first(far: str) -> bytes:
    """A workbook whose first sheet (the one read) is ``sheet2.xml``, named through single-quoted attributes,
    with a cell at ``far``; ``sheet1.xml`` is a harmless roster (a check that reads it passes the file)."""
    base = xlsx([["姓名", "在岗月数"], ["马某", 14]])
    workbook = zipfile.ZipFile(io.BytesIO(base)).read("xl/workbook.xml")
    workbook = re.sub(rb'<sheet [^>]*/>', b"<sheet name='far' sheetId='2' r:id='rId9'/><sheet name='Sheet' "
                                         b"sheetId='1' r:id='rId1'/>", workbook)
    rels = zipfile.ZipFile(io.BytesIO(base)).read("xl/_rels/workbook.xml.rels")
    rels = rels.replace(b"</Relationships>", b"<Relationship Id='rId9' Type='http://schemas.openxmlformats.org/"
                        b"officeDocument/2006/relationships/worksheet' Target='worksheets/sheet2.xml'/>"
                        b"</Relationships>")
    row = re.sub(r"[A-Z]", "", far)
    sheet2 = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
              + f'<row r="{row}"><c r="{far}"><v>5</v></c></row>'.encode() + b"</sheetData></worksheet>")
    data = with_member(base, "xl/workbook.xml", workbook)
    data = with_member(data, "xl/_rels/workbook.xml.rels", rels)
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").replace(
        b"</Types>", b'<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
    data = with_member(data, "[Content_Types].xml", types)
    return with_member(data, "xl/worksheets/sheet2.xml", sheet2)


SLIPPED_PAST = {
    # The check of how far a sheet's cells reach, slipped past: calamine then asked for 512 GB and the process
    # aborted (SIGABRT), and every session of it with it.
    "single-quoted references": lambda: sheet_with(xlsx([["姓名"], ["马某"]]),
                                                   b"<row r='1048576'><c r='XFD1048576'><v>5</v></c></row>"),
    "a decoy reference in a comment, spaces before r=": lambda: sheet_with(
        xlsx([["姓名"], ["马某"]]),
        b'<row r="1048576"><!-- <c r="A3"> --><c   r="XFD1048576"  ><v>5</v></c></row>'),
    "the first sheet named with single quotes": lambda: second_sheet_first("XFD1048576"),
    "a prefixed cell far away": lambda: sheet_with(
        xlsx([["姓名"], ["马某"]]),
        b'<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="1048576">'
        b'<x:c r="XFD1048576"><x:v>5</x:v></x:c></x:row>'),
}


@pytest.mark.parametrize("make", SLIPPED_PAST.values(), ids=SLIPPED_PAST.keys())
def test_a_far_cell_is_found_however_the_xml_is_written(make):
    """Quoting, comments, whitespace, prefixes and the sheet's naming are the XML parser's business: the far cell
    is seen, and the file refused in well under a second, with what to do."""
    error = refusal(make(), "roster.xlsx", seconds=2)
    assert error.message == SHEET_TOO_LARGE, str(error)


def prefixed_strings(count: int) -> bytes:
    strings = (b'<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + b"<x:si><x:t>x</x:t></x:si>" * count + b"</x:sst>")
    return with_member(xlsx([["姓名"], ["马某"]]), "xl/sharedStrings.xml", strings)


def test_prefixed_shared_strings_are_counted():
    """``<x:si>`` entries passed a count of ``<si``: 10 M of them (a 0.6 MB file) cost 7.3 s and 649 MB."""
    data = prefixed_strings(10_000_000)
    assert len(data) < 1_000_000
    assert "far more texts than its first sheet has cells" in str(refusal(data, "roster.xlsx", seconds=3))


def test_a_sheet_may_come_with_some_texts_it_does_not_use():
    """Texts of other sheets or of deleted cells: up to 100,000 beyond two a filled cell, read as usual."""
    assert len(read_roster(prefixed_strings(90_000), "roster.xlsx", WORKER_SCHEMA)) == 1


FIELD_LIMIT = 131_072  # the csv module's default limit for one field
CSV_COSTS = {
    # The column check was skipped when the header's first field was longer than the csv module takes: 0.34 MB,
    # refused after 99.9 s of CPU.
    "a first header field longer than the csv module's limit": (
        "h" * (FIELD_LIMIT + 1) + "," + ",".join(f"c{i}" for i in range(200_000)) + "\n1\n"),
    # A data row far wider than its header: 2 MB, accepted after 23 s at 1.4 GB.
    "a data row far wider than its header": "姓名,在岗月数\n" + "马某,14" + ",x" * 1_000_000 + "\n",
    # A header ending in \r: 0.4 MB, 22 s, 1.1 GB.
    "a header with a carriage return": "姓名\r" + ",".join(f"c{i}" for i in range(200_000)) + "\n马某\n",
    "a wide row in quotes across lines": "姓名,在岗月数\n" + "马某,14" + ',"\n"' * 300_000 + "\n",
}


@pytest.mark.parametrize("text", CSV_COSTS.values(), ids=CSV_COSTS.keys())
def test_every_row_of_a_csv_is_bounded_while_it_is_read(text):
    assert "more than 60 columns" in str(refusal(text.encode(), "roster.csv", seconds=2))


@pytest.mark.parametrize("data", [b"\xff\xfe\x41\x00\x42", b"\xff\xfe\x00\xd8\x41\x00"], ids=["odd length", "lone surrogate"])
def test_a_malformed_utf16_file_is_a_clear_message(data, tmp_path, capsys):
    """5 bytes raised an uncaught UnicodeDecodeError: a traceback from ``engine batch``, "Sorry, something went
    wrong" on the page."""
    assert "neither UTF-8 nor GBK" in str(refusal(data, "roster.csv"))
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    assert cli.main(["batch", str(path), "--date", "2019-06-01", "--out", str(tmp_path / "out.csv"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "neither UTF-8 nor GBK" in err
    assert "Traceback" not in err


def test_a_parquet_file_of_one_long_text_repeated_is_refused_before_it_is_decoded(tmp_path, capsys):
    """A 473-byte file (one 1 MB text, 1,050 times, dictionary-encoded) reached 1.05 GB before its clear error."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415

    path = tmp_path / "registry.parquet"
    pq.write_table(pa.table({"person.name": ["a" * 1_000_000] * 1_050}), path, compression="zstd")
    assert path.stat().st_size < 10_000
    sandbox.forget_cost()
    code = cli.main(["batch", str(path), "--date", "2019-06-01", "--out", str(tmp_path / "out.csv"), "--lang", "en"])
    assert code == 2
    assert "more than 32,767 characters" in capsys.readouterr().err
    cost = sandbox.last_cost()
    assert cost.cpu_seconds < 5
    assert cost.peak_bytes < MAX_PEAK_BYTES


COMMAND_LINE_CASES = {
    **{f"XLSX, {name}": (make, "roster.xlsx") for name, make in SLIPPED_PAST.items()},
    "XLSX, 10,000,000 prefixed shared strings": (lambda: prefixed_strings(10_000_000), "roster.xlsx"),
    **{f"CSV, {name}": ((lambda text=text: text.encode()), "roster.csv") for name, text in CSV_COSTS.items()},
}


@pytest.mark.parametrize(("make", "name"), COMMAND_LINE_CASES.values(), ids=COMMAND_LINE_CASES.keys())
def test_the_command_line_refuses_the_same_files_clearly_and_cheaply(make, name, tmp_path, capsys):
    """``engine batch`` reads them in the same kind of child, with a registry's larger limits: each is still a
    clear message within 5 s of CPU and 800 MB, and nothing is written."""
    path = tmp_path / name
    path.write_bytes(make())
    sandbox.forget_cost()
    start = time.process_time()
    code = cli.main(["batch", str(path), "--date", "2019-06-01", "--out", str(tmp_path / "out.csv"), "--lang", "en"])
    cost = sandbox.last_cost()
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: "), err
    assert "Traceback" not in err
    assert any(words in err for words in ("far more than a roster fills", "more than 60 columns",
                                          "far more texts than its first sheet has cells")), err
    assert time.process_time() - start + cost.cpu_seconds < 5
    assert cost.peak_bytes < MAX_PEAK_BYTES
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


# --- the child process: whatever a reader does, the caller gets the one clear refusal --------------------

def abort(_: object) -> object:
    os.abort()  # what calamine does when an allocation of 512 GB fails
    yield


def allocate(_: object) -> object:
    yield bytearray(4 * 1024 ** 3)


def spin(_: object) -> object:
    while True:
        pass
    yield


def sleep(_: object) -> object:
    time.sleep(60)
    yield


def write(path: str) -> object:
    with open(path, "wb") as stream:
        stream.write(b"worker names" * 1000)
    yield


CHILD_ENDS = {
    "an abort": (abort, sandbox.WEB),
    "4 GB asked for": (allocate, sandbox.WEB),
    "a loop": (spin, sandbox.Bounds(memory=sandbox.WEB.memory, cpu_seconds=1, wall_seconds=30)),
    "a stall": (sleep, sandbox.Bounds(memory=sandbox.WEB.memory, cpu_seconds=10, wall_seconds=1)),
}


@pytest.mark.parametrize(("job", "bounds"), CHILD_ENDS.values(), ids=CHILD_ENDS.keys())
def test_whatever_ends_the_child_the_caller_gets_the_clear_refusal_and_goes_on(job, bounds):
    with pytest.raises(RosterError) as refused:
        list(sandbox.read(job, None, bounds=bounds))
    assert refused.value.message == sandbox.FAILED
    assert translated("zh_CN", sandbox.FAILED) != sandbox.FAILED  # said in both languages
    roster = read_roster(csv_bytes([ROW]), "roster.csv", WORKER_SCHEMA)  # the next file is read as usual
    assert len(roster) == 1


def test_the_child_writes_nothing_to_disk(tmp_path):
    path = tmp_path / "leak.txt"
    with pytest.raises(RosterError):
        list(sandbox.read(write, str(path), bounds=sandbox.WEB))
    assert not path.exists() or path.stat().st_size == 0


def test_a_file_read_in_the_child_is_the_same_table_as_read_here():
    """Arrow IPC hands back the headers as they are (duplicates too), each row's number and the texts' types."""
    from engine.roster.files import load_table, load_table_here  # noqa: PLC0415

    for data, name in [(csv_bytes([ROW] * 3 + [",,,,,", "李某,,否,3,无,否"]), "r.csv"),
                       (csv_bytes([ROW], encoding="gb18030"), "r.csv"),
                       (xlsx([["姓名", "姓名", "在岗月数"], ["马某", "马二", 14], [None, None, None], ["李某", "", 3]]), "r.xlsx")]:
        here, there = load_table_here(data, name), load_table(data, name)
        assert list(here.columns) == list(there.columns)
        assert here.index.tolist() == there.index.tolist()
        assert (here.dtypes == there.dtypes).all()
        assert here.astype(object).values.tolist() == there.astype(object).values.tolist()
