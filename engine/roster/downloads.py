"""What the site and the command line write back: CSV, XLSX and Parquet in which no cell can start a formula.

A roster's own cells go back out, so a cell such as ``=HYPERLINK(…)`` (or one with a control character before the ``=``, or the
full-width ``＝``) is written as text with an apostrophe, never as a formula Excel would run.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Collection, Mapping
from typing import Any

import numpy as np
import pandas as pd

ID_COLUMN_WIDTH = 22  # characters: an 18-character ID number, in a column formatted as text
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")  # the full-width ones too (a Chinese IME)
# Control characters (all but tab, line feed and carriage return) have no place in a roster and cannot be
# written to XLSX; they are removed *before* the formula test, so "\x01=HYPERLINK(…)" cannot pass it and then
# become "=HYPERLINK(…)" once the character is dropped.
# openpyxl's own ILLEGAL_CHARACTERS_RE (a test checks they agree), here without importing openpyxl.
CONTROL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# Either reason a text cell needs rewriting, as one regular expression (RE2, run by Arrow over a whole column).
UNSAFE = "^[" + "".join(re.escape(c) for c in FORMULA_START) + "]|" + CONTROL_CHARACTERS.pattern


def neutralise(value: Any) -> Any:
    """A text cell without control characters and, if Excel would read it as a formula, prefixed with an
    apostrophe; other values unchanged."""
    if not isinstance(value, str):
        return value
    text = CONTROL_CHARACTERS.sub("", value)
    return "'" + text if text.startswith(FORMULA_START) else text


def needs_neutralising(text: pd.Series) -> np.ndarray:
    """Per cell of a column of text: whether it would start a formula or holds a control character."""
    return text.astype("string").str.contains(UNSAFE, regex=True).fillna(False).to_numpy(dtype=bool)


def neutralise_frame(frame: pd.DataFrame, plain: Collection[str] = ()) -> pd.DataFrame:
    """Every text cell of ``frame`` neutralised (numbers stay numbers), headers included; the columns named in
    ``plain`` are known to need nothing (tested by the caller on their distinct texts).

    Columns of text are tested whole (vectorised) and only the cells that need it are rewritten, so a registry's
    millions of plain cells cost little."""
    out = frame.copy()
    for name in out.columns:
        if name in plain:
            continue
        column = out[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            categories = column.cat.categories
            if categories.dtype == object or pd.api.types.is_string_dtype(categories):
                safe = [neutralise(c) for c in categories]
                out[name] = (column.cat.rename_categories(safe) if len(set(safe)) == len(safe)
                             else column.astype(object).map(neutralise))
            continue
        if column.dtype == object:
            if pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty"):
                out[name] = column.map(neutralise)  # text among numbers: a cell at a time
                continue
        elif not pd.api.types.is_string_dtype(column):
            continue
        unsafe = needs_neutralising(column)
        if unsafe.any():
            fixed = column.astype(object).copy()
            fixed[unsafe] = [neutralise(v) for v in fixed[unsafe]]
            out[name] = fixed.astype(column.dtype) if column.dtype != object else fixed
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
    import openpyxl  # noqa: PLC0415 - only an XLSX download needs it (the command line's CSV does not)
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    keep_sheets_in_memory()
    workbook = openpyxl.Workbook(write_only=True)
    for title, frame in sheets.items():
        sheet = workbook.create_sheet(title=title[:31])
        for position, header in enumerate(frame.columns, start=1):
            if header in text_columns:
                dimension = sheet.column_dimensions[get_column_letter(position)]
                dimension.number_format, dimension.width = "@", ID_COLUMN_WIDTH
        sheet.append([xlsx_value(str(c)) for c in frame.columns])
        for record in frame.itertuples(index=False, name=None):
            sheet.append([xlsx_value(v) for v in record])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_IN_MEMORY = False


def keep_sheets_in_memory() -> None:
    """openpyxl writes each sheet to a temporary file first (``delete=False``) and zips it at the end: a crash
    leaves the workers' names and results on disk (issue 27). From the first call on, each sheet is written to
    memory instead and zipped from there; the workbook is the same."""
    global _IN_MEMORY  # noqa: PLW0603 - openpyxl is changed once per process
    if _IN_MEMORY:
        return
    from openpyxl.worksheet import _write_only, _writer  # noqa: PLC0415
    from openpyxl.writer import excel  # noqa: PLC0415

    class InMemory(_writer.WorksheetWriter):
        def __init__(self, ws: Any, out: Any = None) -> None:
            super().__init__(ws, io.BytesIO() if out is None else out)

        def cleanup(self) -> None:
            if not isinstance(self.out, io.BytesIO):
                super().cleanup()

    def write_worksheet(self: Any, ws: Any) -> None:  # openpyxl 3.1's ExcelWriter.write_worksheet, zipped from memory
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing  # noqa: PLC0415

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if self.workbook.write_only:
            if not ws.closed:
                ws.close()
            writer = ws._writer
        else:
            writer = InMemory(ws)
            writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)
        writer.cleanup()

    _write_only.WorksheetWriter = InMemory
    excel.WorksheetWriter = InMemory
    excel.ExcelWriter.write_worksheet = write_worksheet
    _IN_MEMORY = True


def xlsx_value(value: Any) -> Any:
    """A cell as openpyxl should write it: text neutralised, missing values empty, NumPy numbers as Python's."""
    if isinstance(value, str):  # every text cell neutralised here: openpyxl writes text starting with "=" as a formula
        return neutralise(value)
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else float(value)
    return value
