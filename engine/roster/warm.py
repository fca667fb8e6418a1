"""Imported once by the fork server of :mod:`engine.roster.sandbox`: the readers' modules, and one small roster of
each kind read through them, so that what a first read costs (pandas' and Arrow's set-up) is paid once in the
server, not again in every child forked from it."""

from __future__ import annotations

import io
import os

# Arrow's own allocator (mimalloc) reserves a gigabyte of address space on its first use, which an address-space
# limit cannot tell from a file's real cost: the children allocate with the system's malloc. Set before Arrow loads.
os.environ["ARROW_DEFAULT_MEMORY_POOL"] = "system"

import numpy  # noqa: F401 - loaded here for every child
import pandas  # noqa: F401
import pyarrow
import pyarrow.compute
import pyarrow.csv
import pyarrow.parquet
import python_calamine  # noqa: F401

from engine.roster import files

_ROWS = "姓名,在岗月数\n马某,14\n"


def _workbook() -> bytes:
    """A workbook of the two rows above, written without openpyxl (not needed by a reader)."""
    import zipfile  # noqa: PLC0415

    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        'name="1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>在岗月数</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>马某'
        '</t></is></c><c r="B2"><v>14</v></c></row></sheetData></worksheet>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode())
    return out.getvalue()


def _parquet() -> bytes:
    out = io.BytesIO()
    pyarrow.parquet.write_table(pyarrow.table({"姓名": ["马某"], "在岗月数": [14]}), out)
    return out.getvalue()


files.load_table_here(_ROWS.encode(), "warm.csv")
files.load_table_here(_ROWS.encode("gb18030"), "warm.csv")
files.load_table_here(_workbook(), "warm.xlsx")
_PARQUET = _parquet()
