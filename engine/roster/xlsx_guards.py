"""The first line against a hostile workbook, before calamine reads it: the zip and its XML measured with real
parsers (issue 27).

A small file can unpack to gigabytes, hold one text longer than any cell, or put a cell at XFD1048576 so that a
reader lays out 17 billion cells (calamine asks for 512 GB). The sizes a zip declares are upper bounds (Python's
zipfile never unpacks more than a member declares); the XML is read in pieces by expat, a streaming parser, with
no DTD and so no entity expansion, and namespaces resolved: quoting, comments, whitespace and prefixes are the
parser's business, not a pattern's. What slips past still meets the child process's limits
(:mod:`engine.roster.sandbox`).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from xml.parsers import expat

from engine.roster.errors import RosterError
from i18n import N_

if TYPE_CHECKING:
    from engine.roster.files import Limits

MAX_CELL_CHARACTERS = 32_767  # Excel's own limit for one cell: a longer cell cannot be a roster's
MAX_XML_TEXT_BYTES = 4 * MAX_CELL_CHARACTERS + 1024  # longest run of text between two XML tags (UTF-8)
EXCEL_MAX_COLUMNS = 16_384  # XFD
PIECE = 1024 * 1024

UNPACKS_TOO_BIG = N_("The workbook unpacks to more than {limit} MB or holds a cell longer than Excel allows: "
                     "it is not a roster. Save the roster again as CSV or XLSX and upload it again.")
SHEET_TOO_LARGE = N_("The first sheet has filled cells as far as row {rows} and column {columns}: far more than a "
                     "roster fills. Delete what is below and to the right of the roster (or save it as CSV) and "
                     "upload it again.")
SHEET_TOO_MANY_CELLS = N_("The first sheet holds more than {limit} cells, far more than a roster fills. Delete "
                          "what is below and to the right of the roster (or save it as CSV) and upload it again.")
NOT_A_WORKBOOK = N_("The file is not a readable XLSX workbook.")
TOO_MANY_STRINGS = N_("The workbook holds far more texts than its first sheet has cells: it is not a roster. Save "
                      "the roster again as CSV or XLSX, and upload it again.")
# Texts a workbook may hold beyond two for each filled cell of its first sheet (other sheets', deleted cells'):
# a reader keeps them all in memory, 10,000,000 of them (a 0.6 MB file) cost 7.3 s and 649 MB.
STRINGS_BEYOND_THE_SHEET = 100_000

RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_RELATIONSHIPS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
DEFAULT_SHEET = "xl/worksheets/sheet1.xml"


def check_workbook(data: bytes, limits: Limits) -> None:
    """Refuse a zip bomb before the workbook is parsed: more unpacked bytes than ``limits`` allow, one XML text or
    tag longer than any cell, a first sheet whose filled area is larger than any roster, far more shared strings
    than that sheet's filled cells, or XML that is not well-formed (a DTD included). The first sheet is measured
    first, so the shared strings are bounded by what it holds."""
    too_big = RosterError(UNPACKS_TOO_BIG, limit=limits.unpacked_bytes // (1024 * 1024))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if sum(member.file_size for member in members) > limits.unpacked_bytes:
                raise too_big
            first_sheet = first_sheet_member(archive)
            sheet = next((member for member in members if member.filename == first_sheet), None)
            cells = 0
            if sheet is not None:
                _count_elements(archive, sheet, 2 * limits.sheet_cells + limits.sheet_rows,
                                RosterError(SHEET_TOO_MANY_CELLS, limit=limits.sheet_cells))
                extent = SheetExtent(limits)
                _scan(archive, sheet, too_big, extent.start)
                extent.check()
                cells = extent.cells
            strings = min(limits.sheet_cells, 2 * cells + STRINGS_BEYOND_THE_SHEET)
            for member in members:
                if member is sheet:
                    continue
                if member.filename.endswith("sharedStrings.xml"):
                    _count_elements(archive, member, 3 * strings, RosterError(TOO_MANY_STRINGS))
                    _scan(archive, member, too_big, SharedStrings(strings).start)
                elif member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_TEXT_BYTES:
                    _scan(archive, member, too_big, None)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, expat.ExpatError,
            _NotAllowed) as error:
        raise RosterError(NOT_A_WORKBOOK) from error


class _NotAllowed(Exception):
    """A DTD in a workbook's XML: Excel never writes one, and its entities are how an XML bomb grows."""


def parser(start: Callable[[str, list[str]], None] | None) -> Any:
    """An expat parser that resolves namespaces (an element's name is ``"namespace local"``), gives attributes as
    a flat list of names and values, and refuses any DTD, so no entity is ever declared or expanded."""
    xml = expat.ParserCreate(namespace_separator=" ")
    xml.ordered_attributes = True
    xml.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: object) -> None:
        raise _NotAllowed

    xml.StartDoctypeDeclHandler = refuse
    xml.EntityDeclHandler = refuse
    if start is not None:
        xml.StartElementHandler = start
    return xml


def local(name: str) -> str:
    """An element's or attribute's name without its namespace."""
    return name[name.rfind(" ") + 1:]


def attribute(attributes: list[str], wanted: str, namespaces: tuple[str, ...] = ("",)) -> str | None:
    """The value of the attribute named ``wanted`` in one of ``namespaces`` ("" for none), or ``None``."""
    for position in range(0, len(attributes), 2):
        name = attributes[position]
        space, _, own = name.rpartition(" ")
        if own == wanted and space in namespaces:
            return attributes[position + 1]
    return None


def _count_elements(archive: zipfile.ZipFile, member: zipfile.ZipInfo, most: int, refusal: RosterError) -> None:
    """Refuse a part with more elements than a roster's sheet can have (a value or a text, and a row, per cell), counted
    in C before the parser's Python handler sees any: 25,000,000 empty cells take half a megabyte zipped and
    would cost the handler a minute. Every element opens with ``<`` not followed by ``/``, ``?`` or ``!``; the count
    is an upper bound (a ``<`` in a comment counts too)."""
    elements = 0
    with archive.open(member) as stream:
        while piece := stream.read(PIECE):
            elements += piece.count(b"<") - piece.count(b"</") - piece.count(b"<?") - piece.count(b"<!")
            if elements > most:
                raise refusal


def _scan(archive: zipfile.ZipFile, member: zipfile.ZipInfo, too_big: RosterError,
          start: Callable[[str, list[str]], None] | None) -> None:
    """Parse ``member`` a piece at a time: no run of bytes without a ``<`` longer than any cell's text (measured
    before expat buffers it), and each element's start handed to ``start``."""
    xml = parser(start)
    run = 0
    with archive.open(member) as stream:
        while piece := stream.read(PIECE):
            parts = piece.split(b"<")
            if len(parts) == 1:
                run += len(piece)
            else:
                run = max(run + len(parts[0]), max(map(len, parts[1:-1]), default=0))
                if run > MAX_XML_TEXT_BYTES:
                    raise too_big
                run = len(parts[-1])
            if run > MAX_XML_TEXT_BYTES:
                raise too_big
            xml.Parse(piece, False)
    xml.Parse(b"", True)


def first_sheet_member(archive: zipfile.ZipFile) -> str:
    """The zip member of the workbook's first sheet (the one read): the first ``sheet`` of ``xl/workbook.xml``,
    through its relationship's ``Target`` in ``xl/_rels/workbook.xml.rels``."""
    first: list[str] = []

    def sheet(name: str, attributes: list[str]) -> None:
        if not first and local(name) == "sheet":
            first.append(attribute(attributes, "id", (RELATIONSHIPS, STRICT_RELATIONSHIPS)) or "")

    _parse_small(archive, "xl/workbook.xml", sheet)
    if not first or not first[0]:
        return DEFAULT_SHEET
    targets: list[str] = []

    def relationship(name: str, attributes: list[str]) -> None:
        if local(name) == "Relationship" and attribute(attributes, "Id") == first[0]:
            targets.append(attribute(attributes, "Target") or "")

    _parse_small(archive, "xl/_rels/workbook.xml.rels", relationship)
    if not targets or not targets[0]:
        return DEFAULT_SHEET
    target = targets[0]
    return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target))


def _parse_small(archive: zipfile.ZipFile, name: str, start: Callable[[str, list[str]], None]) -> None:
    """Parse a part of the workbook's index (a few KB; at most a megabyte is read)."""
    try:
        stream = archive.open(name)
    except KeyError:
        return
    with stream:
        xml = parser(start)
        xml.Parse(stream.read(PIECE), True)


class SharedStrings:
    """The shared strings counted as they are parsed (``<si>`` in any namespace, with any prefix): a reader keeps
    them all in memory, and a roster has about one per filled cell of its sheet."""

    def __init__(self, most: int) -> None:
        self.most, self.count = most, 0

    def start(self, name: str, _attributes: list[str]) -> None:
        if name.endswith("si") and local(name) == "si":
            self.count += 1
            if self.count > self.most:
                raise RosterError(TOO_MANY_STRINGS)


class SheetExtent:
    """How far a sheet's cells with content reach, as its XML says: the rows and columns a reader lays out.

    A cell counts once something is in it (a value, an inline string or a formula); an empty, formatted cell does
    not. A cell or row without a reference (``r``) is one column or row further than the one before it, as
    readers place it. :meth:`start` runs for each of a sheet's million elements: it is written for speed (names
    told apart through a cache, the reference attribute looked for first where writers put it)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.rows = self.columns = self.cells = 0
        self.tags = 0  # every row and cell, empty ones included: what a reader has to go through
        self._row = self._column = 0
        self._pending: tuple[int, int] | None = None  # a cell whose content is not seen yet
        self._letters: dict[str, int] = {}
        self._kinds: dict[str, str] = {}  # element name (namespace and local name) → its local name

    def start(self, name: str, attributes: list[str]) -> None:
        own = self._kinds.get(name)
        if own is None:
            own = self._kinds[name] = local(name)
        if own == "c":
            self.tags += 1
            reference = attributes[1] if attributes and attributes[0] == "r" else attribute(attributes, "r")
            if reference is None:
                self._column += 1
                self._pending = (self._row, self._column)
            else:
                self._pending = self._reference(reference)
                self._column = self._pending[1]
            if self.tags > self.limits.sheet_tags:
                raise RosterError(SHEET_TOO_MANY_CELLS, limit=self.limits.sheet_cells)
        elif own == "row":
            self.tags += 1
            number = attributes[1] if attributes and attributes[0] == "r" else attribute(attributes, "r")
            self._row = self._number(number) if number is not None else self._row + 1
            self._column, self._pending = 0, None
        elif self._pending is not None and own in ("v", "is", "f"):
            row, column = self._pending
            self._pending = None
            self.cells += 1
            self.rows = max(self.rows, row)
            self.columns = max(self.columns, column)
            if self.cells > self.limits.sheet_cells or self.rows > self.limits.sheet_rows \
                    or self.rows * self.columns > self.limits.sheet_cells:
                self.check()

    def _reference(self, reference: str) -> tuple[int, int]:
        """``B7`` as (7, 2); a reference that is not a cell's makes the sheet unreadable."""
        letters = reference.rstrip("0123456789")
        column = self._letters.get(letters)
        if column is None:
            if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isupper() or not letters.isalpha():
                raise _NotAllowed
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter) - 64
            self._letters[letters] = column
        row = self._number(reference[len(letters):])
        if column > EXCEL_MAX_COLUMNS:
            raise RosterError(SHEET_TOO_LARGE, rows=row, columns=column)
        return row, column

    @staticmethod
    def _number(digits: str) -> int:
        if not digits.isascii() or not digits.isdigit() or len(digits) > 7:
            raise _NotAllowed
        return int(digits)

    def check(self) -> None:
        if self.cells > self.limits.sheet_cells:
            raise RosterError(SHEET_TOO_MANY_CELLS, limit=self.limits.sheet_cells)
        if self.rows > self.limits.sheet_rows or self.rows * self.columns > self.limits.sheet_cells:
            raise RosterError(SHEET_TOO_LARGE, rows=self.rows, columns=self.columns)
