"""An uploaded roster file (.xlsx, or CSV in UTF-8 or GBK) as numbered rows of text cells.

Everything a clerk might upload by mistake is refused here, in both languages, before any
row is looked at: an old .xls, a password-protected workbook, a Word file, a picture, a
zip bomb. openpyxl reads the workbook (read-only, cached values, no formulas run).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from voting.errors import BadRequest, PiaojueError

MAX_FILE_BYTES = 2 * 1024 * 1024
# A 2 MB workbook of text unpacks to ~20 MB of XML; far more is a zip bomb, not a roster.
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 5000
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, and every encrypted Office file
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")

# What openpyxl raises on a damaged workbook (bad XML is a SyntaxError subclass).
BROKEN_WORKBOOK = (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, SyntaxError, OSError)

Row = tuple[int, list[str]]  # (line number as the clerk sees it, cells)


class FileTooLarge(PiaojueError):
    """The upload is over the size limit."""

    status = 413


def refuse(code: str, zh: str, en: str) -> BadRequest:
    """A 400 about the file as a whole."""
    return BadRequest(code, zh, en, field="data")


def read_rows(raw: bytes) -> list[Row]:
    """The first worksheet with content (or the CSV) as (line, cells); refuses what is not a roster file."""
    if len(raw) > MAX_FILE_BYTES:
        raise FileTooLarge("file_too_large", "文件超过2MB", "The file is larger than 2 MB", field="data")
    if not raw.strip():
        raise refuse("file_empty", "文件是空的", "The file is empty")
    if raw.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in raw:
            raise refuse(
                "workbook_encrypted",
                "工作簿设有密码，无法读取：请在Excel中取消密码后另存再导入",
                "The workbook is password-protected: remove the password in Excel, save, and import again",
            )
        raise refuse(
            "workbook_old_format",
            "这是旧版Excel文件(.xls)：请在Excel中另存为“Excel工作簿(.xlsx)”后再导入",
            "This is an old Excel file (.xls): save it as an Excel workbook (.xlsx) and import again",
        )
    rows = read_workbook(raw) if raw.startswith(ZIP_MAGIC) else read_csv(decode_text(raw))
    if not rows:
        raise refuse("file_empty", "文件中没有任何内容", "The file holds nothing")
    return rows


def not_a_roster() -> BadRequest:
    """The refusal for a file that is neither a workbook nor CSV text."""
    return refuse(
        "file_not_spreadsheet",
        "无法读取该文件：请上传Excel工作簿(.xlsx)或CSV文件",
        "Unreadable file: upload an Excel workbook (.xlsx) or a CSV file",
    )


def read_workbook(raw: bytes) -> list[Row]:
    """Rows of the first worksheet of an .xlsx file that has any."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise not_a_roster() from error
    if "xl/workbook.xml" not in names:
        raise not_a_roster()  # a Word or other zip file
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileTooLarge("file_too_large", "工作簿解压后过大", "The workbook unpacks to too much data", field="data")
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except BROKEN_WORKBOOK as error:
        raise not_a_roster() from error
    try:
        # The first worksheet with anything in it: an empty "Sheet1" before the roster is common.
        for sheet in book.worksheets:
            rows = sheet_rows(sheet)
            if rows:
                return rows
        return []
    except BROKEN_WORKBOOK as error:
        raise not_a_roster() from error
    finally:
        book.close()


def sheet_rows(sheet: Any) -> list[Row]:
    """A worksheet's non-empty rows with their row numbers."""
    sheet.reset_dimensions()  # WPS and other writers leave wrong or no dimensions: read every cell
    rows: list[Row] = []
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [cell_text(v) for v in values]
        if any(cells):
            rows.append((line, cells))
        if len(rows) > MAX_ROWS + 10:
            raise refuse("too_many_rows", f"行数超过{MAX_ROWS}", f"More than {MAX_ROWS} rows")
    return rows


def cell_text(value: object) -> str:
    """A cell as the text the clerk typed: 101 not 101.0, 13800000000 not 1.38e10."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else GBK as Excel on Chinese Windows saves CSV; never binary."""
    if b"\x00" in raw:
        raise not_a_roster()  # UTF-16 text, pictures, PDFs with binary streams
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError as error:
            raise not_a_roster() from error
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        raise not_a_roster()
    return text.lstrip("\ufeff")


def read_csv(text: str) -> list[Row]:
    """Rows of CSV text; a line number is the row's first physical line."""
    reader = csv.reader(io.StringIO(text))
    rows: list[Row] = []
    try:
        line = reader.line_num + 1
        for record in reader:
            cells = [c.strip() for c in record]
            if any(cells):
                rows.append((line, cells))
            if len(rows) > MAX_ROWS + 10:
                raise refuse("too_many_rows", f"行数超过{MAX_ROWS}", f"More than {MAX_ROWS} rows")
            line = reader.line_num + 1
    except csv.Error as error:
        raise refuse("csv_malformed", "CSV文件格式不正确", "Malformed CSV file") from error
    return rows
