"""Reading a roster file into a table of text cells, within limits that keep a hostile file harmless.

CSV in UTF-8 (with or without a BOM) or GB18030, Excel's "Unicode text" (UTF-16, tab-separated), XLSX (read
with calamine after the zip has been measured) and, on the command line, Parquet. Cells are not
interpreted here (:mod:`engine.roster.cells` does that). Everything happens in memory: the bytes are never
written to disk and nothing of them is logged.

Two sets of limits: :data:`WEB` for an upload (10 MB, 100,000 rows) and :data:`COMMAND_LINE` for a county's
or the region's whole registry, read in chunks (:func:`iter_tables`) with no row or size limit of its own;
both keep the zip-bomb guards (an XLSX sheet cannot be larger than Excel allows).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from engine.roster.errors import RosterError
from i18n import N_, Nn_

MAX_COLUMNS = 60
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell: a longer cell cannot be a roster's
MAX_XML_TEXT_BYTES = 4 * MAX_CELL_CHARACTERS + 1024  # longest run of text between two XML tags (UTF-8)
EXCEL_MAX_ROWS = 1_048_576  # an XLSX sheet's rows, the header included
SHEET_COLUMNS = 20  # the widest area a roster fills (ours have 6-12 columns; a registry export a few more)
ENCODINGS = ("utf-8-sig", "gb18030")
CHUNK_ROWS = 100_000  # rows a chunk of a long file holds on the command line


@dataclass(frozen=True)
class Limits:
    """What a roster file may be. ``bytes``/``rows`` ``None``: no limit of their own (the command line)."""

    bytes: int | None
    rows: int | None
    unpacked_bytes: int  # what an XLSX may unpack to
    sheet_rows: int  # how far down a first sheet's filled cells may reach (blank rows between included)
    sheet_cells: int  # the filled area of a first sheet (rows × columns)

    @property
    def sheet_tags(self) -> int:
        return 2 * self.sheet_cells  # cells and rows, empty (formatted) ones included


MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # a 100,000-row roster: ~50 MB unpacked
MAX_SHEET_CELLS = (MAX_ROWS + 1) * SHEET_COLUMNS
MAX_SHEET_ROWS = 2 * MAX_ROWS  # a roster of MAX_ROWS rows with as many blank rows in between
MAX_SHEET_TAGS = 2 * MAX_SHEET_CELLS
WEB = Limits(bytes=MAX_BYTES, rows=MAX_ROWS, unpacked_bytes=MAX_UNPACKED_BYTES, sheet_rows=MAX_SHEET_ROWS,
             sheet_cells=MAX_SHEET_CELLS)
# A whole registry: as large as an XLSX sheet can be (Excel's rows), the zip still measured before it is read.
COMMAND_LINE = Limits(bytes=None, rows=None, unpacked_bytes=4 * 1024 ** 3, sheet_rows=EXCEL_MAX_ROWS,
                      sheet_cells=EXCEL_MAX_ROWS * SHEET_COLUMNS)

TOO_MANY_ROWS = N_("The file has more than {limit} rows.")
TOO_MANY_COLUMNS = N_("The file has more than {limit} columns: a roster needs only the template's columns. Delete "
                      "the others (or fill in the template) and upload it again.")
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls workbooks and encrypted .xlsx
PARQUET_MAGIC = b"PAR1"


def load_table(data: bytes, filename: str = "", limits: Limits = WEB) -> pd.DataFrame:
    """The file's cells as text (empty cells as ""), without interpreting them: an upload, read whole.

    The frame's index is each row's number in the file (the header is row 1); rows with no cell
    filled in are left out. Raises :class:`RosterError` for a file that cannot be a roster.
    """
    if limits.bytes is not None and len(data) > limits.bytes:
        raise RosterError(N_("The file is larger than {limit} MB."), limit=limits.bytes // (1024 * 1024))
    if not data.strip():
        raise RosterError(N_("The file is empty."))
    _refuse_old_excel(data)
    if data.startswith(XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm")):
        frame = _read_xlsx(data, limits)
    else:
        frame = _read_csv(data)
    return _tidy(frame, limits)


def iter_tables(path: str | Path, limits: Limits = COMMAND_LINE, rows: int | None = None) -> Iterator[pd.DataFrame]:
    """The file's cells as text, ``rows`` rows at a time (a registry of millions of rows in bounded memory).

    Each table is as :func:`load_table` gives it (index: each row's number in the file; blank rows left out);
    every table has the same columns. CSV and Parquet are read in chunks; an XLSX is read whole (a sheet holds
    at most Excel's 1,048,576 rows) and handed out in chunks. Raises :class:`RosterError` for the file.
    """
    path, rows = Path(path), rows or CHUNK_ROWS
    with path.open("rb") as stream:
        start = stream.read(8)
    if not start:
        raise RosterError(N_("The file is empty."))
    _refuse_old_excel(start)
    if start.startswith(PARQUET_MAGIC) or path.suffix.lower() == ".parquet":
        chunks = _parquet_chunks(path, rows)
    elif start.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = _read_xlsx(path.read_bytes(), limits)
        chunks = (frame.iloc[at:at + rows] for at in range(0, max(len(frame), 1), rows))
    else:
        chunks = _csv_chunks(path, rows)
    seen = 0
    for chunk in chunks:
        table = _tidy(chunk, limits, seen)
        seen += len(table)
        yield table


def _refuse_old_excel(start: bytes) -> None:
    if start.startswith(OLE_MAGIC):
        raise RosterError(N_("This is an old Excel workbook (.xls) or a password-protected one: save it "
                             "as .xlsx or as CSV and upload it again."))


def _tidy(frame: pd.DataFrame, limits: Limits, before: int = 0) -> pd.DataFrame:
    """Headers stripped, blank rows left out, the row limit and cell lengths checked (``before``: rows of the
    file's earlier chunks)."""
    frame.columns = [_clean_header(c) for c in frame.columns]
    if frame.columns.empty or all(c == "" for c in frame.columns):
        raise RosterError(N_("The first row must hold the column headers; it is empty."))
    frame = frame[frame.ne("").any(axis=1)]
    if limits.rows is not None and before + len(frame) > limits.rows:
        raise RosterError(TOO_MANY_ROWS, limit=limits.rows)
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


def _clean_header(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _read_csv(data: bytes) -> pd.DataFrame:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16, tab-separated
        text = data.decode("utf-16")
    else:
        if b"\x00" in data:  # NUL is not in a text file (UTF-16 was handled above)
            raise RosterError(NOT_A_TABLE)
        text = _decode(data)
    return _parse_csv(io.StringIO(text))


NOT_A_TABLE = N_("The file is neither a CSV text file nor an XLSX workbook.")


def _parse_csv(stream: Any, rows: int | None = None) -> Any:
    """The CSV text of ``stream`` as text cells: a frame, or with ``rows`` an iterator of frames of that many
    rows (index: each row's number in the file). The separator is a tab when the header has more tabs than
    commas (Excel's "Unicode text")."""
    first_line = stream.readline()
    stream.seek(0)
    separator = "\t" if first_line.count("\t") > first_line.count(",") else ","
    _refuse_a_wide_header(stream, separator)
    try:
        read = pd.read_csv(stream, dtype=str, keep_default_na=False, skip_blank_lines=False,
                           sep=separator, index_col=False, header=0, chunksize=rows)
        if rows is None:
            return _csv_frame(read)
        return (_csv_frame(chunk) for chunk in _csv_errors(read))
    except pd.errors.EmptyDataError as error:
        raise RosterError(N_("The file is empty.")) from error
    except pd.errors.ParserError as error:
        raise _parser_error(error) from error


def _csv_errors(chunks: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    try:
        yield from chunks
    except pd.errors.ParserError as error:
        raise _parser_error(error) from error


def _parser_error(error: Exception) -> RosterError:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(error))
    if found:
        return RosterError(Nn_("The header row has {columns} column, but row {row} has more cells ({cells}).",
                               "The header row has {columns} columns, but row {row} has more cells ({cells})."),
                           row=int(found.group(2)), cells=int(found.group(3)), columns=int(found.group(1)))
    return RosterError(N_("The file is not a readable CSV table."))


def _csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame.columns) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    frame = frame.fillna("")
    frame.index = frame.index + 2
    return frame


def _csv_chunks(path: Path, rows: int) -> Iterator[pd.DataFrame]:
    """A CSV file of any size, ``rows`` rows at a time, in the encoding the whole file is in.

    A plain UTF-8 file (every row as many cells as a header of distinct names) is read by Arrow's C++ reader,
    several times faster; any other file by pandas, as an upload is. Both give the same table (a test)."""
    arrow = _arrow_options(path)
    if arrow is not None:
        yield from _arrow_chunks(path, rows, arrow)
        return
    encoding = _file_encoding(path)
    with path.open(encoding=encoding, newline="") as stream:
        yield from _parse_csv(stream, rows)


def _arrow_options(path: Path) -> tuple[Any, Any, Any] | None:
    """Arrow's options for a file it reads exactly as pandas does, else ``None``: UTF-8 throughout (Arrow checks
    every cell), a header of distinct, non-empty names (pandas renames the others), and no row with more or
    fewer cells than the header (pandas pads a short row; Arrow refuses it). The whole file is read once to
    know; the cost is a small part of pandas' reading."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pa_csv  # noqa: PLC0415

    found = _plain_header(path)
    if found is None:
        return None
    separator, header = found
    options = (pa_csv.ReadOptions(block_size=4 * 1024 * 1024),
               pa_csv.ParseOptions(delimiter=separator, ignore_empty_lines=False, newlines_in_values=True),
               pa_csv.ConvertOptions(column_types=dict.fromkeys(header, pa.string()), strings_can_be_null=False,
                                     quoted_strings_can_be_null=False))
    try:
        with pa_csv.open_csv(path, *options) as reader:
            if reader.schema.names != header:
                return None
            for _ in reader:
                pass
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    return options


def _plain_header(path: Path) -> tuple[str, list[str]] | None:
    """The separator and the header of a UTF-8 file whose header Arrow and pandas read alike, else ``None``."""
    with path.open("rb") as stream:
        start = stream.read(1024 * 1024)
    end = start.find(b"\n")
    if start.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in start or (end < 0 and len(start) == 1024 * 1024):
        return None
    try:
        first_line = (start if end < 0 else start[:end]).decode("utf-8-sig").rstrip("\r")
        separator = "\t" if first_line.count("\t") > first_line.count(",") else ","
        header = next(csv.reader([first_line], delimiter=separator), [])
    except (UnicodeDecodeError, csv.Error):
        return None
    if not header or len(header) > MAX_COLUMNS or len(set(header)) < len(header) or "" in header:
        return None
    return separator, header


def _arrow_chunks(path: Path, rows: int, options: tuple[Any, Any, Any]) -> Iterator[pd.DataFrame]:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pa_csv  # noqa: PLC0415

    text = pd.StringDtype("pyarrow", na_value=np.nan)  # the dtype pandas' reader gives text (dtype=str)
    first, pending, held = 2, [], 0
    with pa_csv.open_csv(path, *options) as reader:
        names = reader.schema.names
        for batch in [*reader, None]:
            if batch is not None:
                pending.append(batch)
                held += batch.num_rows
            while held >= rows or (batch is None and held):
                table = pa.Table.from_batches(pending, schema=reader.schema)
                part, rest = table.slice(0, rows), table.slice(rows)
                frame = part.to_pandas(types_mapper=lambda kind: text if kind == pa.string() else None)
                frame.index = pd.RangeIndex(first, first + len(frame))
                first += len(frame)
                yield frame
                pending, held = rest.to_batches(), rest.num_rows
    if first == 2:
        yield pd.DataFrame({name: pd.Series([], dtype=text) for name in names})


def _file_encoding(path: Path, block: int = 16 * 1024 * 1024) -> str:
    """The encoding every byte of the file decodes in (UTF-16 by its BOM; else UTF-8, else GB18030), checked
    over the whole file a block at a time, so that a GBK file whose first megabytes are ASCII is read as GBK."""
    with path.open("rb") as stream:
        if stream.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
        for encoding in ENCODINGS:
            stream.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while piece := stream.read(block):
                    if b"\x00" in piece:
                        raise RosterError(NOT_A_TABLE)
                    decoder.decode(piece)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    raise RosterError(NOT_TEXT)


def _parquet_chunks(path: Path, rows: int) -> Iterator[pd.DataFrame]:
    """A Parquet file, ``rows`` rows at a time, every cell as the text a person would see (numbers as numbers
    are written, yes/no as TRUE/FALSE, dates as YYYY-MM-DD), so that the same cell checks apply as to a CSV."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - only Parquet needs it

    try:
        file = pq.ParquetFile(path)
        if len(file.schema_arrow.names) > MAX_COLUMNS:
            raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
        first = 2
        batches = file.iter_batches(batch_size=rows)
        for batch in batches:
            frame = pd.DataFrame({name: _parquet_text(batch.column(name)) for name in batch.schema.names})
            frame.index = pd.RangeIndex(first, first + len(frame))
            first += len(frame)
            yield frame
        if first == 2:
            yield pd.DataFrame(columns=file.schema_arrow.names, dtype=object)
    except RosterError:
        raise
    except Exception as error:  # pyarrow's own errors for a damaged file
        raise RosterError(N_("The file is not a readable Parquet table.")) from error


def _parquet_text(values: Any) -> Any:
    """A Parquet column as text cells: a column of text as it is (in C), others a cell at a time as a
    spreadsheet shows them (:func:`_xlsx_text`)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        return pd.Series(pc.fill_null(values, ""), dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    return [_xlsx_text(value) for value in values.to_pylist()]


def _refuse_a_wide_header(stream: Any, separator: str) -> None:
    """Too many columns refused from the header alone, before pandas: a 0.4 MB header of 200,000 columns made
    pandas spend 40 s of CPU and 750 MB of memory before the column count could be checked."""
    try:
        header = next(csv.reader(stream, delimiter=separator), [])
    except csv.Error:
        header = []  # a field longer than the csv module takes (a 5 MB header cell): pandas reads it and it is refused
    stream.seek(0)
    if len(header) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)


def _decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(NOT_TEXT)


NOT_TEXT = N_("The file is neither UTF-8 nor GBK/GB18030 text: save it again as “CSV UTF-8” or as an XLSX "
              "workbook.")


def _check_unpacked_size(data: bytes, limits: Limits = WEB) -> None:
    """Refuse a zip bomb before the workbook is parsed: a small file that unpacks to gigabytes, one XML text
    (a cell, a shared string) longer than any cell, or a first sheet whose filled area is larger than any roster
    (a cell at A1 and one at XFD1048576 make a parser lay out 17 billion cells). The sizes a zip declares are
    upper bounds: Python's zipfile never unpacks more than a member declares. The XML is unpacked in pieces,
    never whole."""
    too_big = RosterError(UNPACKS_TOO_BIG, limit=limits.unpacked_bytes // (1024 * 1024))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > limits.unpacked_bytes:
                raise too_big
            first_sheet = _first_sheet_member(archive)
            for member in members:
                if member.filename == first_sheet:
                    with archive.open(member) as stream:
                        extent = SheetExtent(limits)
                        if _longest_text(stream, extent) > MAX_XML_TEXT_BYTES:
                            raise too_big
                        extent.check()
                elif member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_TEXT_BYTES:
                    with archive.open(member) as stream:
                        strings = member.filename.endswith("sharedStrings.xml")
                        if _longest_text(stream, limits=limits, strings=strings) > MAX_XML_TEXT_BYTES:
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

    limits: Limits = WEB
    rows: int = 0
    columns: int = 0
    cells: int = 0
    tags: int = 0  # every row and cell tag, empty ones included: what a reader has to go through
    _row: int = 0
    _column: int = 0

    def add(self, xml: bytes) -> None:
        """Take in a piece of the sheet's XML that ends at a tag boundary."""
        self.tags += xml.count(b"<c") + xml.count(b"<row")  # counted first, in C: a piece is 1 MB of tags at most
        if self.tags > self.limits.sheet_tags:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=self.limits.sheet_cells)
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
        if self.cells > self.limits.sheet_cells:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=self.limits.sheet_cells)
        if self.rows > self.limits.sheet_rows or self.rows * self.columns > self.limits.sheet_cells:
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


def _longest_text(stream: Any, extent: SheetExtent | None = None, chunk: int = 1024 * 1024, limits: Limits = WEB,
                  strings: bool = False) -> int:
    """The longest run of bytes without a ``<`` in ``stream`` (the longest text or tag of an XML file); the
    sheet's extent taken in on the way when one is given; with ``strings``, the shared strings counted (a reader
    keeps them all in memory: a roster has at most one per cell)."""
    longest = run = shared = 0
    carried = b""  # the unfinished tag at the end of a piece, for the extent
    while piece := stream.read(chunk):
        shared += piece.count(b"<si") if strings else 0
        if shared > limits.sheet_cells:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=limits.sheet_cells)
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


def _read_xlsx(data: bytes, limits: Limits = WEB) -> pd.DataFrame:
    """The first sheet, read with calamine (it lays the cells out where their references say, whatever the
    sheet's ``<dimension>`` claims: a workbook of 6 workers that declares ``A1:G2`` is 6 workers), after
    :func:`_check_unpacked_size` has bounded what it may cost."""
    _check_unpacked_size(data, limits)
    from python_calamine import CalamineWorkbook  # noqa: PLC0415 - only a workbook needs it

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not workbook.sheet_names:
            raise RosterError(N_("The workbook has no sheet."))
        header, rows, numbers = _sheet_cells(workbook.get_sheet_by_index(0), limits)
    except RosterError:
        raise
    except Exception as error:  # calamine raises its own errors (zip, XML) for a damaged file
        raise RosterError(N_("The file is not a readable XLSX workbook.")) from error
    if len(header) > MAX_COLUMNS:
        raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    width = len(header)
    body = [(r + [""] * width)[:width] for r in rows]
    return pd.DataFrame(body, columns=header, index=pd.Index(numbers, dtype="int64"), dtype=object)


def _sheet_cells(sheet: Any, limits: Limits = WEB) -> tuple[list[str], list[list[str]], list[int]]:
    """The header (the first row with a filled cell), the filled-in rows as text and their row numbers as a
    spreadsheet shows them; stops past ``limits.rows``."""
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
        if limits.rows is not None and len(rows) >= limits.rows:
            raise RosterError(TOO_MANY_ROWS, limit=limits.rows)
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


