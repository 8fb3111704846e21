"""A roster file's rows as deputies' details, reporting every bad row at once."""

from __future__ import annotations

import re

import msgspec

from voting.roster.models import ImportRowError
from voting.roster.spreadsheet import Row

# Clerks' spreadsheets come with Chinese or English headers, worded in many ways.
HEADERS = {
    "姓名": "name",
    "代表姓名": "name",
    "name": "name",
    "代表团": "delegation",
    "所属代表团": "delegation",
    "代表小组": "delegation",
    "delegation": "delegation",
    "座位": "seat",
    "座位号": "seat",
    "座次": "seat",
    "seat": "seat",
    "电话": "phone",
    "手机": "phone",
    "手机号": "phone",
    "手机号码": "phone",
    "联系电话": "phone",
    "phone": "phone",
    "代表编号": "number",
    "编号": "number",
    "number": "number",
}
FIELDS = ("name", "delegation", "seat", "phone", "number")
PHONE = re.compile(r"^[0-9+\- ]{0,20}$")
# A title row or two ("××镇第×届人民代表大会代表名单") often sits above the header.
HEADER_SEARCH_ROWS = 10
# Our exports quote cells Excel would run as formulas ("'+86 …"); the quote is not part of the value.
FORMULA_STARTS = ("=", "+", "-", "@")


class FileRow(msgspec.Struct):
    """One deputy's row: its line and the columns the file has (a column the file lacks is absent)."""

    line: int
    values: dict[str, str]


def header_columns(cells: list[str]) -> list[str]:
    """Each cell's field name, or "" for a column we do not read (序号, 状态, 备注…)."""
    names = []
    for cell in cells:
        text = re.split(r"[\s\u3000/(（]+", cell.strip())[0]  # "姓名 Name", "电话/phone", "座位(号)"
        names.append(HEADERS.get(text.lower(), HEADERS.get(text, "")))
    return names


def parse_rows(rows: list[Row]) -> tuple[list[FileRow], list[ImportRowError]]:
    """The deputies' rows under the header, or every row's error (then nothing is to be imported)."""
    for index, (line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):  # noqa: B007 (used after the loop)
        columns = header_columns(cells)
        if "name" in columns:
            break
    else:
        first = rows[0][0] if rows else 1
        return [], [ImportRowError(first, "找不到表头“姓名”列", "No header row with a 'name' (姓名) column")]
    found: list[FileRow] = []
    errors: list[ImportRowError] = []
    for row_line, cells in rows[index + 1 :]:
        values = {key: unquote(cell) for key, cell in zip(columns, cells, strict=False) if key}
        for key in set(columns) - set(values) - {""}:
            values[key] = ""  # a short row: the missing cells are empty
        problem = row_problem(values)
        if problem:
            errors.append(ImportRowError(row_line, *problem))
        else:
            found.append(FileRow(row_line, values))
    if not found and not errors:
        errors.append(ImportRowError(line, "表头下没有代表", "No deputies under the header row"))
    return found, errors


def unquote(cell: str) -> str:
    """A cell without the quote our exports put before =, +, - and @."""
    cell = cell.strip()
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def row_problem(values: dict[str, str]) -> tuple[str, str] | None:
    """What is wrong with one row, in Chinese and English, or None."""
    name = values.get("name", "")
    if not name:
        return "姓名为空", "Name is empty"
    if len(name) > 50:
        return "姓名超过50字", "Name longer than 50 characters"
    if len(values.get("delegation", "")) > 50:
        return "代表团名称超过50字", "Delegation longer than 50 characters"
    if len(values.get("seat", "")) > 20:
        return "座位号超过20字", "Seat longer than 20 characters"
    if len(values.get("number", "")) > 20:
        return "代表编号超过20字", "Deputy number longer than 20 characters"
    if not PHONE.match(values.get("phone", "")):
        return "电话格式不正确", "Malformed phone number"
    return None
