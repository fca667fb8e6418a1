"""A whole roster from the command line (``python -m engine batch``): any size, the site's own checks.

A county's or the region's registry of persons is read a chunk at a time (:func:`engine.roster.files.iter_tables`,
no row or size limit of its own), each chunk's cells checked as the site checks an upload
(:mod:`engine.roster.cells`) and its rows evaluated over whole columns (:mod:`engine.roster.persons`); each chunk
is written back at once with its results, so memory stays bounded whatever the file's length. A roster of
another kind (an employer's workers, a school's students, a broker's placements) is checked whole, as its page
checks it (an ID number repeated anywhere in the file counts once), and written back as the page's download.

The output is written beside ``out`` under a hidden name and renamed when complete: a run that stops half-way
leaves no half-written file. Bad cells do not stop a run when ``errors`` names a file for them (row, column,
problem); without it, the run stops with the first bad cell and how many there are.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

import i18n
from engine.profile import FIELDS, SECTIONS
from engine.roster.cells import CellError, normalise_header
from engine.roster.downloads import keep_sheets_in_memory, neutralise, neutralise_frame, xlsx_value
from engine.roster.files import EXCEL_MAX_ROWS, RosterError, iter_tables
from engine.roster.persons import PERSON_SCHEMA, evaluate_table
from i18n import N_

if TYPE_CHECKING:
    from engine.roster.check import RosterKind

OUTPUTS = (".csv", ".xlsx", ".parquet")
NO_KNOWN_COLUMN = N_("No known column; the headers must be fact names such as {example}.")
UNKNOWN_FIELD = N_("Column {column}: unknown field.")
XLSX_TOO_LONG = N_("An XLSX sheet holds at most {limit} rows; this roster has more. Write the output as .csv or "
                   ".parquet.")


@dataclass
class Run:
    """What a run saw: rows written, the bad cells (the first kept, all counted) and the persons' results."""

    rows: int = 0
    bad_cells: int = 0
    first_error: CellError | None = None
    results: list[pd.DataFrame] = field(default_factory=list)  # the persons' summary counts, a frame a chunk


def kinds() -> dict[str, RosterKind | None]:
    """The kinds of roster by name (``persons``: the registry, read in chunks)."""
    from engine.roster.placements import PLACEMENTS  # noqa: PLC0415 - each kind's rules only when asked
    from engine.roster.students import STUDENTS  # noqa: PLC0415
    from engine.roster.workers import WORKERS  # noqa: PLC0415

    return {"persons": None, "workers": WORKERS, "students": STUDENTS, "placements": PLACEMENTS}


def run(source: str | Path, out: str | Path, on: date, *, kind: str = "persons", lang: str = "zh_CN",
        errors: str | Path | None = None, summary: bool = False, benefits: Collection[str] | None = None,
        progress: Callable[[int], None] | None = None) -> Run:
    """Check every row of ``source`` on ``on`` and write it back with its results to ``out`` (CSV, XLSX or
    Parquet by its extension); the bad cells to ``errors`` when given; with ``summary``, the persons' counts
    and amounts kept for :func:`totals`; ``benefits``: only those (persons). Raises RosterError for the file.

    Both files are written under hidden names and renamed once complete: a run that stops leaves neither."""
    out = Path(out)
    if out.suffix.lower() not in OUTPUTS:
        raise RosterError(N_("The output must end in {endings}."), endings=", ".join(OUTPUTS))
    partial = errors_partial = None
    report = Run()
    try:
        partial, stream = _partial(out)
        if errors is not None:
            errors_partial, errors_stream = _partial(Path(errors))
        with _Writer(out, stream) as write, \
                _ErrorWriter(errors_stream if errors is not None else None, lang) as write_errors:
            roster_kind = kinds()[kind]
            frames = (_persons(source, on, report, summary, benefits) if roster_kind is None
                      else _of_kind(source, on, roster_kind, lang, report))
            for frame, bad in frames:
                report.rows += len(frame)
                report.bad_cells += len(bad)
                if bad and report.first_error is None:
                    report.first_error = bad[0]
                if errors is not None or not report.bad_cells:  # else only counted, to be named
                    write(frame)
                    write_errors(bad)
                if progress is not None:
                    progress(len(frame))
        if errors is None and report.bad_cells:
            return report  # the caller names the first bad cell; no output is left behind
        os.replace(partial, out)
        if errors_partial is not None:
            os.replace(errors_partial, Path(errors))
        return report
    finally:
        for path in (partial, errors_partial):
            if path is not None:
                with suppress(FileNotFoundError):
                    path.unlink()


def _partial(path: Path) -> tuple[Path, Any]:
    """A new file beside ``path``, under a hidden name of its own, created exclusively (never through a symlink
    someone put there), open for writing; renamed to ``path`` once complete, removed otherwise (a signal too:
    :mod:`engine.cli` turns SIGTERM into an exit that runs this module's clean-up)."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    return Path(name), os.fdopen(descriptor, "wb")


# ---------------------------------------------------------------------------------------------
# The kinds
# ---------------------------------------------------------------------------------------------

def _persons(source: str | Path, on: date, report: Run, summary: bool,
             benefits: Collection[str] | None) -> Iterator[tuple[pd.DataFrame, list[CellError]]]:
    """Each chunk of a registry of persons with every person-level benefit's status and amount."""
    for table in iter_tables(source):
        _check_headers(table)
        evaluated = evaluate_table(table, on, benefits)
        if summary:
            report.results.append(_counts(evaluated.results, evaluated.county))
        cells = neutralise_frame(table.reset_index(drop=True), evaluated.plain)
        yield pd.concat([cells, evaluated.results], axis=1), evaluated.errors


def _check_headers(table: pd.DataFrame) -> None:
    """A header that looks like a fact name but is none (``person.job.monts``) is a mistake, not an extra column;
    a file with no fact name at all is not a registry of persons."""
    for header in table.columns:
        if header.split(".", 1)[0] in SECTIONS and header not in FIELDS:
            raise RosterError(UNKNOWN_FIELD, column=header)
    names = PERSON_SCHEMA.header_names()
    if not any(normalise_header(header) in names for header in table.columns):
        raise RosterError(NO_KNOWN_COLUMN, example="person.job.months")


def _of_kind(source: str | Path, on: date, kind: RosterKind, lang: str,
             report: Run) -> Iterator[tuple[pd.DataFrame, list[CellError]]]:
    """A roster of one of the site's kinds, checked whole as its page checks it, and its page's result table."""
    from engine.roster import check as roster_check  # noqa: PLC0415 - the row rules and their words
    from engine.roster.cells import check_table  # noqa: PLC0415

    table = pd.concat(list(iter_tables(source)))
    check = roster_check.check(check_table(table, kind.schema), kind, on)
    results = next(iter(roster_check.result_sheets(check, lang).values()))
    yield neutralise_frame(results), list(check.errors)


def _counts(results: pd.DataFrame, county: pd.Series | None) -> pd.DataFrame:
    """Rows per county, benefit and status, with the sum of the amounts: the summary's parts of one chunk."""
    long = []
    counties = (county.astype("string").fillna("") if county is not None
                else pd.Series("", index=results.index, dtype="string"))
    for column in results.columns:
        if not column.endswith(".status"):
            continue
        benefit = column.removesuffix(".status")
        part = pd.DataFrame({"county": counties, "status": results[column],
                             "amount": results[f"{benefit}.amount"].astype("Float64")})
        grouped = part.groupby(["county", "status"], dropna=False).agg(
            rows=("status", "size"), amount=("amount", "sum"), priced=("amount", "count")).reset_index()
        grouped.insert(0, "benefit", benefit)
        long.append(grouped)
    return pd.concat(long, ignore_index=True) if long else pd.DataFrame()


def totals(report: Run) -> pd.DataFrame:
    """The persons' counts and amounts by benefit, county and status over the whole file."""
    if not report.results:
        return pd.DataFrame(columns=["benefit", "county", "status", "rows", "amount", "priced"])
    whole = pd.concat(report.results, ignore_index=True)
    return whole.groupby(["benefit", "county", "status"], dropna=False, sort=False)[
        ["rows", "amount", "priced"]].sum().reset_index()


# ---------------------------------------------------------------------------------------------
# Writers: one chunk at a time, every text cell neutralised on the way (engine.roster.downloads)
# ---------------------------------------------------------------------------------------------

class _Writer:
    """The output, a chunk at a time, into ``stream`` (the partial file of ``out``), in ``out``'s format."""

    def __init__(self, out: Path, stream: Any) -> None:
        self.stream = stream
        self.suffix = out.name.rsplit(".", 1)[-1].lower()
        self.started = False
        self.rows = 0
        self._parquet_writer: Any = None
        self._csv_stream: Any = None
        self._book: Any = None
        self._sheet: Any = None

    def __enter__(self) -> Callable[[pd.DataFrame], None]:
        return self.write

    def write(self, frame: pd.DataFrame) -> None:
        getattr(self, f"_write_{self.suffix}")(frame)
        self.started = True
        self.rows += len(frame)

    def _write_csv(self, frame: pd.DataFrame) -> None:
        """UTF-8 with a BOM, as the site's downloads (Excel in China opens it as UTF-8), written by Arrow's C++
        CSV writer (text cells quoted): pandas' writer took most of a run's time."""
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.csv as pa_csv  # noqa: PLC0415

        if self._csv_stream is None:
            self._csv_stream = self.stream
            self._csv_stream.write(codecs.BOM_UTF8)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        pa_csv.write_csv(table, self._csv_stream,
                         pa_csv.WriteOptions(include_header=not self.started, quoting_style="needed"))

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa  # noqa: PLC0415 - only Parquet needs it
        import pyarrow.parquet as pq  # noqa: PLC0415

        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._parquet_writer is None:
            self._parquet_writer = pq.ParquetWriter(self.stream, table.schema)
        self._parquet_writer.write_table(table.cast(self._parquet_writer.schema))

    def _write_xlsx(self, frame: pd.DataFrame) -> None:
        import openpyxl  # noqa: PLC0415 - only XLSX needs it

        if self.rows + len(frame) + 1 > EXCEL_MAX_ROWS:
            raise RosterError(XLSX_TOO_LONG, limit=EXCEL_MAX_ROWS - 1)
        if self._book is None:
            keep_sheets_in_memory()  # only the output file itself reaches the disk
            self._book = openpyxl.Workbook(write_only=True)
            self._sheet = self._book.create_sheet()
            self._sheet.append([xlsx_value(str(c)) for c in frame.columns])
        for record in frame.astype(object).itertuples(index=False, name=None):
            self._sheet.append([xlsx_value(v) for v in record])  # as the site's XLSX downloads write a cell

    def __exit__(self, *failed: object) -> None:
        try:
            if self._parquet_writer is not None:
                self._parquet_writer.close()
            if self._book is not None:
                self._book.save(self.stream)
        finally:
            self.stream.close()



class _ErrorWriter:
    """The bad cells, a row each (row, column, problem in ``lang``), as CSV in UTF-8 with a BOM."""

    def __init__(self, stream: Any, lang: str) -> None:
        self.binary, self.lang, self.stream, self.csv = stream, lang, None, None

    def __enter__(self) -> Callable[[list[CellError]], None]:
        if self.binary is not None:
            self.stream = io.TextIOWrapper(self.binary, encoding="utf-8-sig", newline="")
            self.csv = csv.writer(self.stream)
            self.csv.writerow([i18n.gettext(self.lang, h) for h in (N_("Row"), N_("Column"), N_("Problem"))])
        return self.write

    def write(self, bad: list[CellError]) -> None:
        if self.csv is not None:
            from engine.roster import check as roster_check  # noqa: PLC0415 - the problems' words

            self.csv.writerows([error.row, neutralise(error.column),
                                neutralise(roster_check.problem_text(error, self.lang))] for error in bad)

    def __exit__(self, *failed: object) -> None:
        if self.stream is not None:
            self.stream.close()
