"""Reading a roster file (CSV in UTF-8, UTF-8 with BOM or GB18030; or XLSX) into checked facts.

Everything happens in memory: the bytes are never written to disk. Column headers are the
profile's dotted fact names (``person.job.months``); cells are checked with the same rules as a
JSON profile, and each bad cell is reported with its row number (as in the file, header = 1)
and column, while the other rows are still read.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from engine.profile import FIELDS, ProfileError, check_value

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
ENCODINGS = ("utf-8-sig", "gb18030")
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "是", "有", "对"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "否", "无", "没有"})


class RosterError(ValueError):
    """The file as a whole cannot be read (too big, not a table, no known column)."""


@dataclass(frozen=True)
class CellError:
    row: int  # row number as a spreadsheet shows it (the header is row 1)
    column: str
    problem: str


def read_table(data: bytes, filename: str) -> pd.DataFrame:
    """The file's cells as text (empty cells as ""), without interpreting them."""
    if len(data) > MAX_BYTES:
        raise RosterError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise RosterError("file is empty")
    if filename.lower().endswith(".xlsx"):
        try:
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna("")
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise RosterError("file is not a readable XLSX workbook") from error
    else:
        frame = _read_csv(data)
    if len(frame) > MAX_ROWS:
        raise RosterError(f"file has more than {MAX_ROWS:,} rows")
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame


def _read_csv(data: bytes) -> pd.DataFrame:
    if b"\x00" in data[:4096]:
        raise RosterError("file is not a text CSV file")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        try:
            return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            raise RosterError("file is not a readable CSV table") from error
    raise RosterError("file is neither UTF-8 nor GBK/GB18030 text")


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
        raise RosterError("no known column; the headers must be fact names such as person.job.months")
    errors: list[CellError] = []
    columns: dict[str, list[Any]] = {}
    for name in known:
        values: list[Any] = []
        for position, text in enumerate(table[name].tolist()):
            try:
                values.append(parse_cell(name, text))
            except ProfileError as error:
                values.append(None)
                errors.append(CellError(position + 2, name, error.problem))
        columns[name] = values
    return pd.DataFrame(columns, index=table.index), errors
