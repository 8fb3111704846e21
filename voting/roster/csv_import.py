"""Parse a roster CSV into new deputies, reporting every bad row at once."""

from __future__ import annotations

import csv
import io
import re

from voting.roster.models import DeputyCreate, ImportRowError

# Clerks' spreadsheets come with Chinese or English headers.
HEADERS = {
    "姓名": "name",
    "name": "name",
    "代表团": "delegation",
    "delegation": "delegation",
    "座位": "seat",
    "座位号": "seat",
    "seat": "seat",
    "电话": "phone",
    "手机": "phone",
    "phone": "phone",
}
PHONE = re.compile(r"^[0-9+\- ]{0,20}$")
MAX_ROWS = 5000


def parse_roster_csv(text: str) -> tuple[list[DeputyCreate], list[ImportRowError]]:
    """Deputies from CSV text, or the list of row errors (then nothing is to be imported)."""
    text = text.lstrip("\ufeff")  # Excel writes a BOM
    reader = csv.reader(io.StringIO(text))
    rows = list(reader)
    if not rows:
        return [], [ImportRowError(1, "文件为空", "The file is empty")]
    header = [HEADERS.get(cell.strip().lower(), HEADERS.get(cell.strip(), "")) for cell in rows[0]]
    if "name" not in header:
        return [], [ImportRowError(1, "缺少“姓名”列", "Missing the 'name' (姓名) column")]
    if len(rows) - 1 > MAX_ROWS:
        return [], [ImportRowError(1, f"行数超过{MAX_ROWS}", f"More than {MAX_ROWS} rows")]
    deputies: list[DeputyCreate] = []
    errors: list[ImportRowError] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {key: cell.strip() for key, cell in zip(header, row, strict=False) if key}
        problem = row_problem(values)
        if problem:
            errors.append(ImportRowError(line, *problem))
            continue
        deputies.append(DeputyCreate(**values))
    return deputies, errors


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
    if not PHONE.match(values.get("phone", "")):
        return "电话格式不正确", "Malformed phone number"
    return None
