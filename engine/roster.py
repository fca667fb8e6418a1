"""Reading a roster file (CSV in UTF-8, UTF-8 with BOM or GB18030; or XLSX) into checked facts.

One reader for the whole site. Everything happens in memory: the bytes are never written to
disk and nothing of them is logged. Two ways in:

* :func:`read_table` + :func:`parse_roster`: headers are the profile's dotted fact names
  (``person.job.months``), cells checked with the same rules as a JSON profile, one cell at a time
  (the command line's ``batch``).
* :func:`read_roster` with a :class:`Schema`: headers may be aliases (Chinese headers such as
  在岗月数), cells may be written in words (是/否, 一年以上 …), ID numbers are checked against their
  GB 11643 check digit, and every column is checked at once (vectorised, for 100,000 rows).

Each bad cell is reported with its row number as a spreadsheet shows it (the header is row 1) and
its column as written in the file, while the other cells and rows are still read. Problems are
English msgids with named parameters (``CellError.message``/``params``), translated by the UI.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import numpy as np
import openpyxl
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from engine.profile import FIELDS, ProfileError, RosterError, check_value
from i18n import N_

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 60
TOO_MANY_ROWS = N_("The file has more than {limit} rows.")
TOO_MANY_COLUMNS = N_("The file has more than {limit} columns: a roster needs only the template's columns. Delete "
                      "the others (or fill in the template) and upload it again.")
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell: a longer cell cannot be a roster's
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # an XLSX is a zip: what it may unpack to (a 100,000-row roster: ~50 MB)
MAX_XML_TEXT_BYTES = 4 * MAX_CELL_CHARACTERS + 1024  # longest run of text between two XML tags (UTF-8)
ENCODINGS = ("utf-8-sig", "gb18030")
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "是", "有", "对"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "否", "无", "没有"})

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls workbooks and encrypted .xlsx


@dataclass(frozen=True)
class CellError:
    row: int  # row number as a spreadsheet shows it (the header is row 1)
    column: str  # the column's header as written in the file
    problem: str  # in English
    message: str = ""  # msgid of the problem, with named params (empty: ``problem`` is the text)
    params: Mapping[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Bytes → a table of text cells
# ---------------------------------------------------------------------------------------------

def load_table(data: bytes, filename: str = "") -> pd.DataFrame:
    """The file's cells as text (empty cells as ""), without interpreting them.

    The frame's index is each row's number in the file (the header is row 1); rows with no cell
    filled in are left out. Raises :class:`RosterError` for a file that cannot be a roster.
    """
    if len(data) > MAX_BYTES:
        raise RosterError(N_("The file is larger than {limit} MB."), limit=MAX_BYTES // (1024 * 1024))
    if not data.strip():
        raise RosterError(N_("The file is empty."))
    if data.startswith(OLE_MAGIC):
        raise RosterError(N_("This is an old Excel workbook (.xls) or a password-protected one: save it "
                             "as .xlsx or as CSV and upload it again."))
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        frame = _read_xlsx(data)
    else:
        frame = _read_csv(data)
    frame.columns = [_clean_header(c) for c in frame.columns]
    filled = frame.ne("").any(axis=1)
    frame = frame[filled]
    if len(frame) > MAX_ROWS:
        raise RosterError(TOO_MANY_ROWS, limit=MAX_ROWS)
    if frame.columns.empty or all(c == "" for c in frame.columns):
        raise RosterError(N_("The first row must hold the column headers; it is empty."))
    _check_cell_lengths(frame)
    return frame


def _check_cell_lengths(frame: pd.DataFrame) -> None:
    """No cell (header included) longer than Excel allows: such a file is not a roster (a 5 MB cell)."""
    if any(len(c) > MAX_CELL_CHARACTERS for c in frame.columns):
        raise RosterError(TOO_LONG_CELL, row=1, limit=MAX_CELL_CHARACTERS)
    for name in range(frame.shape[1]):
        lengths = frame.iloc[:, name].astype(str).str.len()
        if len(lengths) and lengths.max() > MAX_CELL_CHARACTERS:
            row = int(lengths.index[lengths.to_numpy().argmax()])
            raise RosterError(TOO_LONG_CELL, row=row, limit=MAX_CELL_CHARACTERS)


TOO_LONG_CELL = N_("Row {row} has a cell of more than {limit} characters, more than Excel allows in a cell: "
                   "this is not a roster. Check the file.")


def read_table(data: bytes, filename: str) -> pd.DataFrame:
    """The file's cells as text, rows numbered from 0 (the command line's reader).

    ``frame.attrs["rows"]`` holds each row's number in the file.
    """
    frame = load_table(data, filename)
    rows = frame.index.to_list()
    frame = frame.reset_index(drop=True)
    frame.attrs["rows"] = rows
    return frame


def _clean_header(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _read_csv(data: bytes) -> pd.DataFrame:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16, tab-separated
        text = data.decode("utf-16")
    else:
        if b"\x00" in data:  # NUL is not in a text file (UTF-16 was handled above)
            raise RosterError(N_("The file is neither a CSV text file nor an XLSX workbook."))
        text = _decode(data)
    first_line = text.split("\n", 1)[0]
    separator = "\t" if first_line.count("\t") > first_line.count(",") else ","
    _refuse_a_wide_header(text, separator)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=False,
                            sep=separator, index_col=False, header=0)
    except pd.errors.EmptyDataError as error:
        raise RosterError(N_("The file is empty.")) from error
    except pd.errors.ParserError as error:
        found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
        if found:
            raise RosterError(N_("Row {row} has more cells ({cells}) than the header row has columns ({columns})."),
                              row=int(found.group(2)), cells=int(found.group(3)),
                              columns=int(found.group(1))) from error
        raise RosterError(N_("The file is not a readable CSV table.")) from error
    if len(frame.columns) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    frame = frame.fillna("")
    frame.index = frame.index + 2
    return frame


def _refuse_a_wide_header(text: str, separator: str) -> None:
    """Too many columns refused from the header alone, before pandas: a 0.4 MB header of 200,000 columns made
    pandas spend 40 s of CPU and 750 MB of memory before the column count could be checked."""
    try:
        header = next(csv.reader(io.StringIO(text), delimiter=separator), [])
    except csv.Error:
        return  # a field longer than the csv module takes (a 5 MB header cell): pandas reads it and it is refused
    if len(header) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)


def _decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(N_("The file is neither UTF-8 nor GBK/GB18030 text: save it again as “CSV UTF-8” "
                         "or as an XLSX workbook."))


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip bomb before the workbook is parsed: a small file that unpacks to gigabytes, one XML text
    (a cell, a shared string) longer than any cell, or a first sheet whose filled area is larger than any roster
    (a cell at A1 and one at XFD1048576 make a parser lay out 17 billion cells). The sizes a zip declares are
    upper bounds: Python's zipfile never unpacks more than a member declares. The XML is unpacked in pieces,
    never whole."""
    too_big = RosterError(UNPACKS_TOO_BIG, limit=MAX_UNPACKED_BYTES // (1024 * 1024))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                raise too_big
            first_sheet = _first_sheet_member(archive)
            for member in members:
                if member.filename == first_sheet:
                    with archive.open(member) as stream:
                        extent = SheetExtent()
                        if _longest_text(stream, extent) > MAX_XML_TEXT_BYTES:
                            raise too_big
                        extent.check()
                elif member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_TEXT_BYTES:
                    with archive.open(member) as stream:
                        if _longest_text(stream, strings=member.filename.endswith("sharedStrings.xml")) \
                                > MAX_XML_TEXT_BYTES:
                            raise too_big
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as error:
        raise RosterError(N_("The file is not a readable XLSX workbook.")) from error


def _first_sheet_member(archive: zipfile.ZipFile) -> str:
    """The zip member of the workbook's first sheet (the one read), from workbook.xml and its relationships."""
    def small(name: str) -> bytes:
        try:
            with archive.open(name) as stream:
                return stream.read(1024 * 1024)
        except KeyError:
            return b""
    sheet = re.search(rb"<(?:\w+:)?sheet\b[^>]*?\br:id=\"([^\"]+)\"", small("xl/workbook.xml"))
    if sheet is None:
        return "xl/worksheets/sheet1.xml"
    for relation in re.finditer(rb"<Relationship\b[^>]*>", small("xl/_rels/workbook.xml.rels")):
        if re.search(rb'\bId="' + re.escape(sheet.group(1)) + rb'"', relation.group(0)):
            target = re.search(rb'\bTarget="([^"]+)"', relation.group(0))
            if target:
                path = target.group(1).decode("utf-8", "replace")
                return path.lstrip("/") if path.startswith("/") else "xl/" + path
    return "xl/worksheets/sheet1.xml"


MAX_SHEET_CELLS = (MAX_ROWS + 1) * 20  # the largest area a roster fills: 100,000 rows of 20 columns (ours have 6-12)
MAX_SHEET_ROWS = 2 * MAX_ROWS  # a roster of MAX_ROWS rows with as many blank rows in between
MAX_SHEET_TAGS = 2 * MAX_SHEET_CELLS  # cells and rows, empty (formatted) ones included
# The opening tags of rows and of cells with content (<c r="B7" t="s">, not the empty <c r="B7" s="1"/>).
_ROW_OR_CELL = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*?)(?<!/)>")
_REFERENCE = re.compile(rb'\br="([A-Z]{0,3})([0-9]{1,7})"')
# A cell with content as Excel writes it, its reference first (any other layout is read in order, as below).
_REFERENCED_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>/]*>')


@dataclass
class SheetExtent:
    """How far a sheet's cells with content reach, as its XML says: the rows and columns a reader lays out.

    A cell or row without a reference (``r``) is one column or row further than the one before it, as readers
    place it."""

    rows: int = 0
    columns: int = 0
    cells: int = 0
    tags: int = 0  # every row and cell tag, empty ones included: what a reader has to go through
    _row: int = 0
    _column: int = 0

    def add(self, xml: bytes) -> None:
        """Take in a piece of the sheet's XML that ends at a tag boundary."""
        self.tags += xml.count(b"<c") + xml.count(b"<row")  # counted first, in C: a piece is 1 MB of tags at most
        if self.tags > MAX_SHEET_TAGS:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=MAX_SHEET_CELLS)
        references = _REFERENCED_CELL.findall(xml)
        if len(references) == xml.count(b"</c>") + xml.count(b":c>"):  # each cell with content closes: </c>
            self._add_referenced(xml, references)
        else:
            self._add_in_order(xml)  # a writer that leaves references out: each cell placed as a reader would
        self.check()  # piece by piece: a sheet too large is refused as soon as it is seen to be

    def _add_referenced(self, xml: bytes, references: list[tuple[bytes, bytes]]) -> None:
        """Every cell has its reference (as Excel writes them): the extent from the references alone, in C."""
        self.cells += len(references)
        if references:
            letters, numbers = zip(*references, strict=True)
            self.rows = max(self.rows, *map(int, numbers))
            widest = max(map(len, letters))
            self.columns = max(self.columns, _column_number(max(c for c in set(letters) if len(c) == widest)))
        last_row = _ROW_OR_CELL.match(xml, max(xml.rfind(b"<row"), 0))
        if last_row is not None and last_row.group(1) == b"row":
            reference = _REFERENCE.search(last_row.group(2))
            self._row, self._column = (int(reference.group(2)) if reference else self._row + 1), 0

    def _add_in_order(self, xml: bytes) -> None:
        for kind, attributes in _ROW_OR_CELL.findall(xml):
            reference = _REFERENCE.search(attributes)
            if kind == b"row":
                self._row = int(reference.group(2)) if reference else self._row + 1
                self._column = 0
                continue
            self.cells += 1
            if reference and reference.group(1):
                self._column = _column_number(reference.group(1))
                self.rows = max(self.rows, int(reference.group(2)))
            else:
                self._column += 1
                self.rows = max(self.rows, self._row)
            self.columns = max(self.columns, self._column)

    def check(self) -> None:
        if self.cells > MAX_SHEET_CELLS:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=MAX_SHEET_CELLS)
        if self.rows > MAX_SHEET_ROWS or self.rows * self.columns > MAX_SHEET_CELLS:
            raise RosterError(SHEET_TOO_LARGE, rows=self.rows, columns=self.columns)


SHEET_TOO_LARGE = N_("The first sheet has filled cells as far as row {rows} and column {columns}: far more than a "
                     "roster fills. Delete what is below and to the right of the roster (or save it as CSV) and "
                     "upload it again.")


SHEET_TOO_MANY_CELLS = N_("The first sheet holds more than {limit} cells, far more than a roster fills. Delete "
                          "what is below and to the right of the roster (or save it as CSV) and upload it again.")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _longest_text(stream: Any, extent: SheetExtent | None = None, chunk: int = 1024 * 1024,
                  strings: bool = False) -> int:
    """The longest run of bytes without a ``<`` in ``stream`` (the longest text or tag of an XML file); the
    sheet's extent taken in on the way when one is given; with ``strings``, the shared strings counted (a reader
    keeps them all in memory: a roster has at most one per cell)."""
    longest = run = shared = 0
    carried = b""  # the unfinished tag at the end of a piece, for the extent
    while piece := stream.read(chunk):
        shared += piece.count(b"<si") if strings else 0
        if shared > MAX_SHEET_CELLS:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=MAX_SHEET_CELLS)
        parts = piece.split(b"<")
        if len(parts) == 1:
            run += len(piece)
        else:
            longest = max(longest, run + len(parts[0]), max(map(len, parts[1:-1]), default=0))
            run = len(parts[-1])
        longest = max(longest, run)
        if extent is not None and longest <= MAX_XML_TEXT_BYTES:
            text = carried + piece
            row_end = text.rfind(b"</row>")  # whole rows where it can: each cell with its </c>
            cut = row_end + len(b"</row>") if row_end >= 0 else max(text.rfind(b"<"), 0)
            extent.add(text[:cut])
            carried = text[cut:]
    if extent is not None:
        extent.add(carried)
    return longest


UNPACKS_TOO_BIG = N_("The workbook unpacks to more than {limit} MB or holds a cell longer than Excel allows: "
                     "it is not a roster. Save the roster again as CSV or XLSX and upload it again.")


def _read_xlsx(data: bytes) -> pd.DataFrame:
    """The first sheet, read with calamine (it lays the cells out where their references say, whatever the
    sheet's ``<dimension>`` claims: a workbook of 6 workers that declares ``A1:G2`` is 6 workers), after
    :func:`_check_unpacked_size` has bounded what it may cost."""
    _check_unpacked_size(data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise RosterError(N_("The workbook has no sheet."))
        header, rows, numbers = _sheet_cells(workbook.get_sheet_by_index(0))
    except RosterError:
        raise
    except Exception as error:  # calamine raises its own errors (zip, XML) for a damaged file
        raise RosterError(N_("The file is not a readable XLSX workbook.")) from error
    if len(header) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows]
    return pd.DataFrame(body, columns=header, index=pd.Index(numbers, dtype="int64"), dtype=object)


def _sheet_cells(sheet: Any) -> tuple[list[str], list[list[str]], list[int]]:
    """The header (the first row with a filled cell), the filled-in rows as text and their row numbers as a
    spreadsheet shows them; stops past :data:`MAX_ROWS`."""
    values_of = sheet.iter_rows()
    first = next(values_of, None) if sheet.height else None
    if first is None:
        raise RosterError(N_("The file is empty."))
    header = [_xlsx_text(v) for v in first[:MAX_COLUMNS + 1]]
    while header and header[-1] == "":
        header.pop()
    rows: list[list[str]] = []
    numbers: list[int] = []
    header_row = (sheet.start[0] if sheet.start else 0) + 1
    for number, values in enumerate(values_of, start=header_row + 1):
        cells = [_xlsx_text(v) for v in values[:len(header)]]
        if not any(cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise RosterError(TOO_MANY_ROWS, limit=MAX_ROWS)
        rows.append(cells)
        numbers.append(number)
    return header, rows, numbers


def _xlsx_text(value: Any) -> str:
    """An XLSX cell as the text a person sees (dates as YYYY-MM-DD; big numbers as Excel shows them)."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, float):
        text = repr(value)  # 6.40104199001011e+17: an ID number that Excel turned into a number
    else:
        text = str(value).strip()
    return text


# ---------------------------------------------------------------------------------------------
# The command line's reader: headers are fact names, one cell at a time
# ---------------------------------------------------------------------------------------------

def parse_cell(name: str, text: Any) -> Any:
    """A cell's text as the field's value (``None`` when empty); raises ProfileError."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    text = str(text).strip()
    if text == "":
        return None
    kind = FIELDS[name].kind
    if kind == "bool":
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ProfileError(name, f"must be yes or no, got {text!r}")
    if kind in ("int", "number"):
        try:
            number = float(text.replace(",", ""))
        except ValueError:
            raise ProfileError(name, f"must be a number, got {text!r}") from None
        return check_value(name, int(number) if kind == "int" and number.is_integer() else number)
    return check_value(name, text)


def parse_roster(table: pd.DataFrame) -> tuple[pd.DataFrame, list[CellError]]:
    """Checked facts of every row (bad cells left unknown) and the list of bad cells."""
    known = [c for c in table.columns if c in FIELDS]
    if not known:
        raise RosterError(N_("No known column; the headers must be fact names such as {example}."),
                          example="person.job.months")
    file_rows = table.attrs.get("rows") or [position + 2 for position in range(len(table))]
    errors: list[CellError] = []
    columns: dict[str, list[Any]] = {}
    for name in known:
        values: list[Any] = []
        for position, text in enumerate(table[name].tolist()):
            try:
                values.append(parse_cell(name, text))
            except ProfileError as error:
                values.append(None)
                errors.append(CellError(file_rows[position], name, error.problem))
        columns[name] = values
    return pd.DataFrame(columns, index=table.index), errors


# ---------------------------------------------------------------------------------------------
# Rosters described by a schema: header aliases, words for values, checked a column at a time
# ---------------------------------------------------------------------------------------------

KINDS = ("bool", "int", "enum", "date", "text", "id_number")
# Yes and no as people write them in a spreadsheet (after normalising: NFKC, lower case).
YES_NO: Mapping[str, bool] = {
    **dict.fromkeys(("true", "yes", "y", "1", "是", "有", "对", "已缴", "已缴纳", "已参保", "√", "✓"), True),
    **dict.fromkeys(("false", "no", "n", "0", "否", "无", "没有", "未缴", "未缴纳", "未参保", "×", "✗"), False),
}
ID_WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)
ID_CHECK_CHARACTERS = "10X98765432"  # GB 11643-1999: the check character for (Σ digit × weight) mod 11
# How the template's two rows before the data begin in the column that marks them (the name), in either
# language: the row saying what to write in each column, and the example. The reader skips such rows.
# TRANSLATORS: must begin with 填写说明 in Chinese (the reader recognises the row by it).
TEMPLATE_NOTES_ROW = N_("How to fill in: this row and the example row below are not checked; you may delete them")
# TRANSLATORS: must begin with 示例 in Chinese (the reader recognises the row by it); a made-up name.
TEMPLATE_EXAMPLE_NAME = N_("Example: Zhang San")
TEMPLATE_ROW_MARKS = ("填写说明", "示例", "how to fill in", "example")
ID_COLUMN_WIDTH = 22  # characters: an 18-character ID number, in a column formatted as text


@dataclass(frozen=True)
class Column:
    """One column a roster may have: its field name, what it holds, and the headers accepted for it.

    ``values`` maps words (normalised: NFKC, lower case, single spaces) to the value they mean, for
    ``bool`` (added to :data:`YES_NO`) and ``enum`` columns; an enum's own values are always accepted.
    ``en_header`` is the English template's header (accepted too); ``example`` the template's example
    cell, in the Chinese and the English template. A column that ``marks_template_rows`` (the name)
    starts the template's two marked rows (:data:`TEMPLATE_ROW_MARKS`), which the reader skips.
    """

    name: str
    kind: str
    label: str  # msgid: what the column holds
    headers: tuple[str, ...] = ()  # other headers accepted; the first is the Chinese template header
    values: Mapping[str, Any] = field(default_factory=dict)
    choices: tuple[str, ...] = ()  # an enum's values
    minimum: float | None = None
    maximum: float | None = None
    required: bool = False
    unique: bool = False  # an ID number that must not appear twice
    convert: Callable[[pd.Series], pd.Series] | None = None  # normalised words → other words, before lookup
    en_header: str = ""
    example: tuple[str, str] = ("", "")  # (Chinese template, English template)
    marks_template_rows: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")

    @property
    def zh_header(self) -> str:
        return self.headers[0] if self.headers else self.name

    def header(self, chinese: bool) -> str:
        """The template's header: Chinese, or English words (the field name for a column without them)."""
        return self.zh_header if chinese else (self.en_header or self.name)

    def words(self) -> dict[str, Any]:
        """Every word accepted in a cell, normalised, and the value it means."""
        found: dict[str, Any] = {}
        if self.kind == "bool":
            found.update(YES_NO)
        for choice in self.choices:
            found[normalise_word(choice)] = choice
        for word, value in self.values.items():
            found[normalise_word(word)] = value
        return found


@dataclass(frozen=True)
class Schema:
    columns: tuple[Column, ...]

    def by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    def header_names(self) -> dict[str, str]:
        """Every accepted header, normalised → field name (the field name and its last part too)."""
        found: dict[str, str] = {}
        for column in self.columns:
            for header in (column.name, column.name.rsplit(".", 1)[-1], column.en_header, *column.headers):
                if header:
                    found[normalise_header(header)] = column.name
        return found


@dataclass(frozen=True)
class Roster:
    """A roster read with a schema: typed facts, the bad cells, and what the headers gave.

    ``facts`` has one column per field found (nullable dtypes; a bad or empty cell is ``NA``) and
    ``rows`` each row's number in the file; both share a 0-based index. ``bad`` marks the bad cells.
    """

    facts: pd.DataFrame
    rows: pd.Series
    errors: tuple[CellError, ...]
    bad: pd.DataFrame
    headers: Mapping[str, str]  # field name → its header as written in the file
    missing: tuple[str, ...]  # required fields with no column
    extra: tuple[str, ...]  # headers that were not used
    duplicate_of: pd.Series  # row number of an earlier row with the same ID number, else NA
    skipped: tuple[int, ...] = ()  # file row numbers of the template's marked rows (what to write, example)

    def __len__(self) -> int:
        return len(self.facts)


def normalise_word(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", unicodedata.normalize("NFKC", str(text)).strip().lower())


def normalise_header(text: str) -> str:
    return re.sub(r"[\s_\-*:：()（）]+", "", unicodedata.normalize("NFKC", str(text)).strip().lower())


def read_roster(data: bytes, filename: str, schema: Schema) -> Roster:
    """Read and check a roster file against ``schema``; raises :class:`RosterError` for the whole file."""
    return check_table(load_table(data, filename), schema)


def check_table(table: pd.DataFrame, schema: Schema) -> Roster:
    """Check a table of text cells (index: file row numbers) against ``schema``."""
    names = schema.header_names()
    headers: dict[str, str] = {}
    extra: list[str] = []
    for header in table.columns:
        name = names.get(normalise_header(header))
        if name is None:
            if header:
                extra.append(header)
            continue
        if name in headers:
            raise RosterError(N_("Two columns give the same thing: “{first}” and “{second}”. Keep one of them."),
                              first=headers[name], second=header)
        headers[name] = header
    if not headers:
        expected = "、".join(c.zh_header for c in schema.columns if c.required)
        raise RosterError(N_("No column of the file is known. The first row must hold headers such as "
                             "{expected} (download the template)."), expected=expected)
    by_name = schema.by_name()
    marking = next((header for name, header in headers.items() if by_name[name].marks_template_rows), None)
    table, skipped = _without_template_rows(table, marking)
    rows = pd.Series(table.index.to_numpy(dtype="int64"), dtype="int64")
    index = pd.RangeIndex(len(table))
    facts: dict[str, pd.Series] = {}
    bad: dict[str, pd.Series] = {}
    errors: list[CellError] = []
    duplicate_of = pd.Series(pd.NA, index=index, dtype="Int64")
    for name, header in headers.items():
        column = by_name[name]
        raw = table[header].astype(str).reset_index(drop=True)
        value, problem, params = _check_column(raw, column)
        if column.unique:
            duplicate_of = _duplicates(value, rows)
            repeated = duplicate_of.notna()
            problem = problem.mask(repeated, N_("The same ID number is in row {first_row}."))
            params = params.copy()
            params[repeated] = [{"first_row": int(r)} for r in duplicate_of[repeated]]  # few rows: only repeats
        facts[name] = value
        failed = problem.notna()
        bad[name] = failed
        errors.extend(_cell_errors(rows, header, raw, problem, params))
    errors.sort(key=lambda e: (e.row, list(headers.values()).index(e.column)))
    missing = tuple(c.name for c in schema.columns if c.required and c.name not in headers)
    return Roster(
        facts=pd.DataFrame(facts, index=index), rows=rows, errors=tuple(errors),
        bad=pd.DataFrame(bad, index=index), headers=headers, missing=missing, extra=tuple(extra),
        duplicate_of=duplicate_of, skipped=skipped,
    )


def _without_template_rows(table: pd.DataFrame, marking: str | None) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """The table without the template's marked rows (:data:`TEMPLATE_ROW_MARKS` at the start of the column
    headed ``marking``), and their row numbers."""
    if marking is None or table.empty:
        return table, ()
    start = table[marking].astype(str).str.lstrip().str.slice(0, 16).str.normalize("NFKC").str.lower()
    marked = start.str.startswith(TEMPLATE_ROW_MARKS).to_numpy()
    if not marked.any():
        return table, ()
    return table[~marked], tuple(int(row) for row in table.index[marked])


def _check_column(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Check each distinct cell text once (a roster repeats 是/否 and month counts), then spread back."""
    if column.kind in ("text", "id_number"):
        return _CHECKS[column.kind](raw, column)
    codes, uniques = pd.factorize(raw, use_na_sentinel=False)
    value, problem, params = _CHECKS[column.kind](pd.Series(uniques, dtype=object).astype(str), column)
    return tuple(  # type: ignore[return-value]
        pd.Series(part.to_numpy()[codes], index=raw.index, dtype=part.dtype) for part in (value, problem, params))


def _cell_errors(rows: pd.Series, header: str, raw: pd.Series, problem: pd.Series,
                 params: pd.Series) -> list[CellError]:
    found = []
    texts, messages, extras, numbers = (raw.to_numpy(), problem.to_numpy(), params.to_numpy(), rows.to_numpy())
    for position in np.flatnonzero(problem.notna().to_numpy()):
        message = messages[position]
        extra = extras[position]
        values = {"value": texts[position].strip(), **(extra if isinstance(extra, dict) else {})}
        found.append(CellError(int(numbers[position]), header, message.format(**values), message, values))
    return found


def _empty_problems(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    return (pd.Series(None, index=raw.index, dtype=object), pd.Series(None, index=raw.index, dtype=object))


def _normalised(raw: pd.Series) -> pd.Series:
    return (raw.str.normalize("NFKC").str.strip().str.lower()
            .str.replace(r"[\s_\-]+", " ", regex=True))


Check = Callable[[pd.Series, Column], tuple[pd.Series, pd.Series, pd.Series]]


def _check_words(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    words = column.words()
    key = _normalised(raw)
    if column.convert is not None:
        key = column.convert(key)
    value = key.map(words)
    unknown = value.isna() & key.ne("")
    problem, params = _empty_problems(raw)
    if column.kind == "bool":
        problem[unknown] = N_("“{value}” is not yes or no: write 是 or 否 (yes or no).")
        return value.astype("boolean"), problem, params
    problem[unknown] = N_("“{value}” is not a known value: write one of {choices}.")
    choices = " / ".join(_display_words(column))
    params[unknown] = pd.Series([{"choices": choices}] * int(unknown.sum()), index=raw.index[unknown], dtype=object)
    return value.astype("string"), problem, params


def _display_words(column: Column) -> list[str]:
    """One Chinese word per choice (the first alias that maps to it), then the choice's own name."""
    shown = []
    for choice in column.choices:
        chinese = next((w for w, v in column.values.items() if v == choice and not w.isascii()), None)
        shown.append(f"{chinese} ({choice})" if chinese else choice)
    return shown


def _check_int(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    text = (raw.str.normalize("NFKC").str.strip().str.replace(",", "", regex=False)
            .str.replace(r"\s*(个月|月|个|人|months?|mo)$", "", regex=True))
    number = pd.to_numeric(text, errors="coerce")
    empty = text.eq("")
    problem, params = _empty_problems(raw)
    problem[number.isna() & ~empty] = N_("“{value}” is not a number.")
    known = number.notna()
    problem[known & (number % 1 != 0)] = N_("“{value}” is not a whole number.")
    if column.minimum is not None:
        problem[known & (number < column.minimum)] = (
            N_("“{value}” is negative; it must be 0 or more.") if column.minimum == 0
            else N_("“{value}” is below {minimum}."))
    if column.maximum is not None:
        problem[known & (number > column.maximum)] = N_("“{value}” is more than {maximum}.")
    limits = {"minimum": _plain(column.minimum), "maximum": _plain(column.maximum)}
    failed = problem.notna()
    params[failed] = pd.Series([limits] * int(failed.sum()), index=raw.index[failed], dtype=object)
    value = number.where(~failed).round().astype("Int64")
    return value, problem, params


def _plain(number: float | None) -> Any:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


DATE_PATTERN = (r"^(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
                r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
COMPACT_DATE = r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"


def _check_date(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    text = raw.str.normalize("NFKC").str.strip()
    parts = text.str.extract(DATE_PATTERN)
    compact = text.str.extract(COMPACT_DATE)
    parts = parts.fillna(compact)
    day = pd.to_datetime(
        {"year": pd.to_numeric(parts["y"]), "month": pd.to_numeric(parts["m"]), "day": pd.to_numeric(parts["d"])},
        errors="coerce",
    )
    problem, params = _empty_problems(raw)
    problem[day.isna() & text.ne("")] = N_("“{value}” is not a date: write it as 2019-03-01.")
    return day.astype("datetime64[ns]"), problem, params


def _check_text(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    problem, params = _empty_problems(raw)
    value = raw.str.strip()
    return value.mask(value.eq("")).astype("string"), problem, params


def _check_id_number(raw: pd.Series, column: Column) -> tuple[pd.Series, pd.Series, pd.Series]:
    """18-character resident ID numbers (GB 11643-1999): 17 digits and a check character 0-9 or X."""
    text = raw.str.normalize("NFKC").str.replace(r"\s", "", regex=True).str.upper()
    problem, params = _empty_problems(raw)
    empty = text.eq("")
    shaped = text.str.fullmatch(r"\d{17}[\dX]")
    as_number = text.str.fullmatch(r"\d(\.\d+)?E\+?\d+")
    problem[~empty & ~shaped] = N_("“{value}” is not an 18-character ID number.")
    problem[~empty & text.str.fullmatch(r"\d{15}")] = N_(
        "“{value}” is an old 15-digit ID number: give the 18-character number.")
    problem[as_number] = N_("“{value}”: Excel turned the ID number into a number and lost digits. Format "
                            "the column as text and type the numbers again.")
    if shaped.any():
        candidates = text[shaped]
        # Shaped: 18 ASCII characters each, so the column is one byte matrix (a row per ID number).
        characters = candidates.to_numpy(dtype=object).astype("S18").view(np.uint8).reshape(-1, 18)
        digits = characters[:, :17].astype(np.int64) - ord("0")
        expected = np.frombuffer(ID_CHECK_CHARACTERS.encode("ascii"), dtype=np.uint8)[(digits @ ID_WEIGHTS) % 11]
        wrong = pd.Series(expected != characters[:, 17], index=candidates.index)
        born = pd.Series(_is_calendar_date(digits[:, 6:14]), index=candidates.index)
        problem[born[~born].index] = N_("“{value}” is not a valid ID number: its date of birth is not a date.")
        wrong_index = wrong[wrong & born].index
        problem[wrong_index] = N_("“{value}”: the check digit (the last character) is wrong; check the ID "
                                  "number.")
    value = text.where(shaped & problem.isna())
    return value.mask(empty).astype("string"), problem, params


_CHECKS: dict[str, Check] = {
    "bool": _check_words, "enum": _check_words, "int": _check_int, "date": _check_date,
    "text": _check_text, "id_number": _check_id_number,
}


def _is_calendar_date(digits: np.ndarray) -> np.ndarray:
    """Whether each row of eight digits (YYYYMMDD) is a date of the Gregorian calendar, year 1 or later."""
    year = digits[:, :4] @ np.array([1000, 100, 10, 1])
    month = digits[:, 4:6] @ np.array([10, 1])
    day = digits[:, 6:8] @ np.array([10, 1])
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days_in_month = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[np.clip(month, 0, 12)]
    days_in_month = days_in_month + ((month == 2) & leap)
    return (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= days_in_month)


def _duplicates(value: pd.Series, rows: pd.Series) -> pd.Series:
    """For each row whose value appeared in an earlier row, that earlier row's number."""
    out = pd.Series(pd.NA, index=value.index, dtype="Int64")
    known = np.flatnonzero(value.notna().to_numpy())
    if not len(known):
        return out
    codes, uniques = pd.factorize(value.to_numpy()[known])
    first = np.empty(len(uniques), dtype=np.int64)
    first[codes[::-1]] = known[::-1]  # written last to first: each value keeps its first position
    first_position = first[codes]
    repeated = first_position != known
    out.iloc[known[repeated]] = rows.to_numpy()[first_position[repeated]]
    return out


def id_check_character(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits of an ID number."""
    total = sum(int(d) * int(w) for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11]


def mask_id(number: str | None) -> str:
    """An ID number with the middle hidden (6401**********123X), to show or export."""
    if number is None or pd.isna(number) or len(str(number)) < 8:
        return ""
    text = str(number)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


# ---------------------------------------------------------------------------------------------
# Safe downloads: no cell may start a formula when the file is opened in Excel
# ---------------------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")  # the full-width ones too (a Chinese IME)
# Control characters (all but tab, line feed and carriage return) have no place in a roster and cannot be
# written to XLSX; they are removed *before* the formula test, so "\x01=HYPERLINK(…)" cannot pass it and then
# become "=HYPERLINK(…)" once the character is dropped.
CONTROL_CHARACTERS = ILLEGAL_CHARACTERS_RE


def neutralise(value: Any) -> Any:
    """A text cell without control characters and, if Excel would read it as a formula, prefixed with an
    apostrophe; other values unchanged."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    return "'" + text if text.startswith(FORMULA_START) else text


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every text cell of ``frame`` neutralised (numbers stay numbers), headers included."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            is_text = column.map(lambda v: isinstance(v, str)).astype(bool)
            if not is_text.any():
                continue
            text = column[is_text].astype(str).str.replace(CONTROL_CHARACTERS.pattern, "", regex=True)
            text = text.where(~text.str.startswith(FORMULA_START), "'" + text)
            out[name] = column.astype(object).where(~is_text, text)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV in UTF-8 with a BOM (Excel in China opens it as UTF-8), formulas neutralised."""
    return neutralise_frame(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(sheets: Mapping[str, pd.DataFrame], text_columns: Collection[str] = ()) -> bytes:
    """An XLSX workbook, one sheet per frame; text cells neutralised, so none is read as a formula.

    Columns headed by one of ``text_columns`` are formatted as text, so that an ID number typed into
    them keeps its 18 characters (Excel turns a long number into 6.40422E+17).
    """
    workbook = openpyxl.Workbook(write_only=True)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        for position, header in enumerate(frame.columns, start=1):
            if header in text_columns:
                dimension = sheet.column_dimensions[get_column_letter(position)]
                dimension.number_format, dimension.width = "@", ID_COLUMN_WIDTH
        sheet.append([_xlsx_value(str(c)) for c in frame.columns])
        for record in frame.itertuples(index=False, name=None):
            sheet.append([_xlsx_value(v) for v in record])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):  # every text cell neutralised here: openpyxl writes text starting with "=" as a formula
        return neutralise(value)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    return value
