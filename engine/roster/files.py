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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from engine.roster import sandbox
from engine.roster.errors import RosterError
from engine.roster.xlsx_guards import (  # noqa: F401 - the messages, for the pages and the tests
    MAX_CELL_CHARACTERS,
    MAX_XML_TEXT_BYTES,
    SHEET_TOO_LARGE,
    SHEET_TOO_MANY_CELLS,
    UNPACKS_TOO_BIG,
    check_workbook,
)
from i18n import N_, Nn_

MAX_COLUMNS = 60
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


def load_table(data: bytes, filename: str = "", limits: Limits = WEB,
               bounds: sandbox.Bounds = sandbox.WEB) -> pd.DataFrame:
    """The file's cells as text (empty cells as ""), without interpreting them: an upload, read whole, in a
    child process under ``bounds`` (:mod:`engine.roster.sandbox`).

    The frame's index is each row's number in the file (the header is row 1); rows with no cell
    filled in are left out. Raises :class:`RosterError` for a file that cannot be a roster.
    """
    if limits.bytes is not None and len(data) > limits.bytes:
        raise RosterError(N_("The file is larger than {limit} MB."), limit=limits.bytes // (1024 * 1024))
    if not data.strip():
        raise RosterError(N_("The file is empty."))
    _refuse_old_excel(data)
    [table] = sandbox.read(_upload_tables, data, filename, limits, bounds=bounds)
    return table


def _upload_tables(data: bytes, filename: str, limits: Limits) -> Iterator[pd.DataFrame]:
    """In the child: :func:`load_table_here` as the one table of an upload."""
    yield load_table_here(data, filename, limits)


def load_table_here(data: bytes, filename: str = "", limits: Limits = WEB) -> pd.DataFrame:
    """:func:`load_table` in this process: what the child runs (and what a benchmark compares it with)."""
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


def iter_tables(path: str | Path, limits: Limits = COMMAND_LINE, rows: int | None = None,
                bounds: sandbox.Bounds = sandbox.COMMAND_LINE) -> Iterator[pd.DataFrame]:
    """The file's cells as text, ``rows`` rows at a time (a registry of millions of rows in bounded memory), read
    in a child process under ``bounds`` (:mod:`engine.roster.sandbox`) that hands each table over as it is read.

    Each table is as :func:`load_table` gives it (index: each row's number in the file; blank rows left out);
    every table has the same columns. CSV and Parquet are read in chunks; an XLSX is read whole (a sheet holds
    at most Excel's 1,048,576 rows) and handed out in chunks. Raises :class:`RosterError` for the file.
    """
    Path(path).open("rb").close()  # a missing or unreadable file is the caller's OSError, as before
    return sandbox.read(iter_tables_here, str(path), limits, rows, bounds=bounds)


def iter_tables_here(path: str | Path, limits: Limits = COMMAND_LINE, rows: int | None = None) -> Iterator[pd.DataFrame]:
    """:func:`iter_tables` in this process: what the child runs."""
    path, rows = Path(path), rows or CHUNK_ROWS
    with path.open("rb") as stream:
        start = stream.read(8)
    if not start:
        raise RosterError(N_("The file is empty."))
    _refuse_old_excel(start)
    if start.startswith(PARQUET_MAGIC) or path.suffix.lower() == ".parquet":
        chunks = _parquet_chunks(path, rows, limits)
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
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:  # an odd number of bytes, a lone surrogate
            raise RosterError(NOT_TEXT) from error
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
    if rows is None:
        _bound_row_widths(stream, separator)
    else:
        _bound_quoted_rows(stream, separator)
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
        start = stream.read(2)
        for encoding in ("utf-16",) if start in (b"\xff\xfe", b"\xfe\xff") else ENCODINGS:
            stream.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                while piece := stream.read(block):
                    if b"\x00" in piece and encoding != "utf-16":
                        raise RosterError(NOT_A_TABLE)
                    decoder.decode(piece)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    raise RosterError(NOT_TEXT)


def _check_parquet_sizes(metadata: Any, limits: Limits) -> None:
    """Refuse a Parquet file by the sizes its column chunks declare, before anything is decompressed: no more in
    all than an XLSX may unpack to, and no column whose values are, on average, longer than a cell can be (a
    10 KB file of long repeated texts unpacked to a gigabyte before a cell was found too long)."""
    too_big = RosterError(UNPACKS_TOO_BIG, limit=limits.unpacked_bytes // (1024 * 1024))
    total = 0
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        for position in range(row_group.num_columns):
            chunk = row_group.column(position)
            total += chunk.total_uncompressed_size
            if chunk.total_uncompressed_size > chunk.num_values * MAX_XML_TEXT_BYTES + 1024 * 1024:
                raise too_big
    if total > limits.unpacked_bytes:
        raise too_big


def _parquet_chunks(path: Path, rows: int, limits: Limits) -> Iterator[pd.DataFrame]:
    """A Parquet file, ``rows`` rows at a time, every cell as the text a person would see (numbers as numbers
    are written, yes/no as TRUE/FALSE, dates as YYYY-MM-DD), so that the same cell checks apply as to a CSV."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.parquet as pq  # noqa: PLC0415 - only Parquet needs it

    try:
        file = pq.ParquetFile(path)
        names = file.schema_arrow.names
        if len(names) > MAX_COLUMNS:
            raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
        _check_parquet_sizes(file.metadata, limits)
        text = [n for n in names if pa.types.is_string(file.schema_arrow.field(n).type)
                or pa.types.is_large_string(file.schema_arrow.field(n).type)]
        file = pq.ParquetFile(path, read_dictionary=text)  # texts stay encoded until their size is known
        first = 2
        batches = file.iter_batches(batch_size=rows)
        for batch in batches:
            frame = pd.DataFrame({name: _parquet_text(_expanded(batch.column(name), first, limits))
                                  for name in batch.schema.names})
            frame.index = pd.RangeIndex(first, first + len(frame))
            first += len(frame)
            yield frame
        if first == 2:
            yield pd.DataFrame(columns=file.schema_arrow.names, dtype=object)
    except RosterError:
        raise
    except Exception as error:  # pyarrow's own errors for a damaged file
        raise RosterError(N_("The file is not a readable Parquet table.")) from error


def _expanded(values: Any, first: int, limits: Limits) -> Any:
    """A column of texts read dictionary-encoded, decoded once it is known to be within bounds: no text longer than
    a cell, and no more bytes in all than an XLSX may unpack to (one long text repeated a million times takes a few
    bytes in the file and a gigabyte once decoded). Other columns as they are."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    if not pa.types.is_dictionary(values.type):
        return values
    lengths = pc.utf8_length(values.dictionary)
    if len(lengths) and pc.max(lengths).as_py() > MAX_CELL_CHARACTERS:
        found = pc.greater(pc.take(lengths, values.indices), MAX_CELL_CHARACTERS)
        row = first + pc.index(found, True).as_py()
        raise RosterError(TOO_LONG_CELL, row=row, limit=MAX_CELL_CHARACTERS)
    total = pc.sum(pc.take(pc.binary_length(values.dictionary), values.indices)).as_py() or 0
    if total > limits.unpacked_bytes:
        raise RosterError(UNPACKS_TOO_BIG, limit=limits.unpacked_bytes // (1024 * 1024))
    return values.dictionary_decode()


def _parquet_text(values: Any) -> Any:
    """A Parquet column as text cells: a column of text as it is (in C), others a cell at a time as a
    spreadsheet shows them (:func:`_xlsx_text`)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
        return pd.Series(pc.fill_null(values, ""), dtype=pd.StringDtype("pyarrow", na_value=np.nan))
    return [_xlsx_text(value) for value in values.to_pylist()]


def _bound_row_widths(stream: Any, separator: str) -> None:
    """No row of the file, the header included, with more cells than a roster has columns: refused before pandas,
    which lays out every cell of a row first (a 0.4 MB header of 200,000 columns cost it 40 s of CPU and 750 MB;
    a 2 MB data row far wider than its header, 23 s and 1.4 GB).

    Read with the csv module, as pandas reads it (a quoted cell may hold separators and line breaks; a lone
    ``\r`` ends a row). A text without quotes has a row per line, so its separators are counted a line at a time
    in C; a file with quotes is read row by row. No limit on a cell's length here: a long cell is refused after
    (:func:`_check_cell_lengths`), with its row."""
    text = stream.read()
    stream.seek(0)
    if '"' not in text:
        widest = max(map(str.count, text.replace("\r", "\n").split("\n"), repeat(separator)), default=0) + 1
        if widest > MAX_COLUMNS:
            raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
        return
    _bound_quoted_rows(io.StringIO(text), separator)


def _bound_quoted_rows(stream: Any, separator: str) -> None:
    """:func:`_bound_row_widths` for a text with quotes, row by row (also a command-line file, read as a stream)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(2 ** 31 - 1)  # a cell longer than Excel allows is refused after, with its row
    try:
        for row in csv.reader(stream, delimiter=separator):
            if len(row) > MAX_COLUMNS:
                raise RosterError(TOO_MANY_COLUMNS, limit=MAX_COLUMNS)
    except csv.Error as error:
        raise RosterError(N_("The file is not a readable CSV table.")) from error
    finally:
        csv.field_size_limit(limit)
        stream.seek(0)


def _decode(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterError(NOT_TEXT)


NOT_TEXT = N_("The file is neither UTF-8 nor GBK/GB18030 text: save it again as “CSV UTF-8” or as an XLSX "
              "workbook.")


def _read_xlsx(data: bytes, limits: Limits = WEB) -> pd.DataFrame:
    """The first sheet, read with calamine (it lays the cells out where their references say, whatever the
    sheet's ``<dimension>`` claims: a workbook of 6 workers that declares ``A1:G2`` is 6 workers), after
    :func:`engine.roster.xlsx_guards.check_workbook` has bounded what it may cost."""
    check_workbook(data, limits)
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


