"""The sheet writer on its own: formulas never run, numbers stay numbers, and the import reads back what it wrote."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from voting.exports.workbook import Sheet, workbook_bytes
from voting.roster.file_rows import parse_rows
from voting.roster.spreadsheet import read_rows

DANGEROUS = ["=1+1", "+86 138", "-2", "@SUM(A1)", '=HYPERLINK("http://x","点我")']


def test_formula_text_is_written_as_quoted_text_and_numbers_as_numbers() -> None:
    sheet = Sheet(title="=标题", header=["姓名", "金额"], rows=[[text, Decimal("12.50")] for text in DANGEROUS])
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(sheet)))
    cells = list(book.active.iter_rows(values_only=True))
    assert cells[0][0] == "'=标题"
    assert [row[0] for row in cells[2:]] == ["'" + text for text in DANGEROUS]
    assert all(row[1] == 12.5 for row in cells[2:])
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)  # no formula cell at all


def test_the_import_reads_back_the_text_the_export_quoted() -> None:
    sheet = Sheet(title="名单", header=["姓名", "电话"], rows=[["=张三", "+86 138"], ["@李四", "-1"]])
    rows, errors = parse_rows(read_rows(workbook_bytes(sheet)))
    assert [(r.values["name"], r.values["phone"]) for r in rows] == [("=张三", "+86 138"), ("@李四", "-1")]
    assert errors == []
