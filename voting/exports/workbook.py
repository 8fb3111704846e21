"""One small sheet as an .xlsx file: a title, a few facts, a header and rows.

Cells that Excel would run as a formula (=, +, -, @ and tab or CR at the start) are written
with a leading quote, as our CSV exports do: names, places and notes are typed by anyone.
Nothing here knows what the sheet is about.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Sequence
from decimal import Decimal
from urllib.parse import quote

import msgspec
import openpyxl
from litestar import Response
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Cell = str | int | float | Decimal | None


class Sheet(msgspec.Struct):
    """What one exported sheet holds."""

    title: str  # the first row, in bold: what this is and of which body
    header: list[str]
    rows: list[list[Cell]]
    facts: list[tuple[str, Cell]] = []  # label and value lines between the title and the header
    name: str = "Sheet1"  # the worksheet tab


def safe_cell(value: Cell) -> Cell:
    """Text Excel shows as the text it is; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, Decimal):
        return float(value)
    return value


def workbook_bytes(sheet: Sheet) -> bytes:
    """The sheet as an .xlsx file."""
    book = openpyxl.Workbook()
    ws = book.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet (openpyxl types it Optional)
    ws.title = sheet.name[:31]
    ws.append([safe_cell(sheet.title)])
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    for label, value in sheet.facts:
        ws.append([safe_cell(label), safe_cell(value)])
    ws.append([safe_cell(h) for h in sheet.header])
    header_row = ws.max_row
    for column in range(1, len(sheet.header) + 1):
        ws.cell(row=header_row, column=column).font = Font(bold=True)
    for row in sheet.rows:
        ws.append([safe_cell(v) for v in row])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1).coordinate  # what the setter makes of a cell
    # Wide enough for every cell but the title (which may run over into empty cells).
    cells: list[list[Cell]] = [list(sheet.header), *([label, value] for label, value in sheet.facts), *sheet.rows]
    for column in range(1, max(len(row) for row in cells) + 1):
        longest = max(display_width(row[column - 1]) for row in cells if len(row) >= column)
        ws.column_dimensions[get_column_letter(column)].width = min(max(longest + 2, 6), 60)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def display_width(value: object) -> int:
    """Columns a cell needs: a Chinese character is two."""
    text = "" if value is None else str(value)
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


async def xlsx_response(sheet: Sheet, filename: str, fallback: str) -> Response[bytes]:
    """The download, named in Chinese where the browser allows and in ASCII where not.

    Writing thousands of rows takes a second: in a thread, so the event loop keeps serving the hall.
    """
    content = await asyncio.to_thread(workbook_bytes, sheet)
    disposition = f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"
    return Response(content, media_type=XLSX, headers={"Content-Disposition": disposition})


def stamp(parts: Sequence[str]) -> str:
    """A file name from its parts, without characters a file system refuses."""
    return "-".join(p.replace("/", "_").replace("\\", "_").replace('"', "") for p in parts if p) + ".xlsx"
