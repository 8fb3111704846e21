"""The funnel of one program, as data and as CSV."""

from __future__ import annotations

import csv
import io

import asyncpg

from voting.funnel import queries
from voting.funnel.models import DIMENSIONS, Funnel, FunnelRow
from voting.programs.schedule import load_program

SOURCE_NAMES = {
    "public": "群众",
    "deputy": "代表",
    "liaison_station": "代表联络站",
    "department": "部门",
    "project_feedback": "项目反馈",
}


async def funnel(pool: asyncpg.Pool, program_id: int) -> Funnel:
    """Suggestions → candidates → chosen, overall and by category, source and place."""
    async with pool.acquire() as conn:
        await load_program(conn, program_id)
        total = await queries.totals(conn, program_id)
        rows = [
            FunnelRow(dimension=dimension, **dict(r))
            for dimension in DIMENSIONS
            for r in await queries.rows_by(conn, program_id, dimension)
        ]
    return Funnel(
        program_id=program_id,
        suggestions=total["suggestions"],
        candidates=total["listed"] or total["candidates"],
        listed=total["listed"],
        chosen=total["chosen"],
        rows=rows,
    )


def safe_cell(value: object) -> object:
    """Spreadsheets run cells starting with = + - @ as formulas; places are typed by anyone."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def funnel_csv(result: Funnel) -> str:
    """The funnel as UTF-8 CSV with a byte-order mark (Excel opens it right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "维度 dimension",
            "值 value",
            "意见建议 suggestions",
            "人次 people",
            "归并项目 merged",
            "列入清单 listed",
            "入选 chosen",
        ]
    )
    writer.writerow(["total", "", result.suggestions, "", result.candidates, result.listed, result.chosen])
    for row in result.rows:
        key = SOURCE_NAMES.get(row.key, row.key) if row.dimension == "source" else row.key
        writer.writerow(
            [
                row.dimension,
                safe_cell(key or "（未填）"),
                row.suggestions,
                row.people,
                row.merged,
                row.listed,
                row.chosen,
            ]
        )
    return "\ufeff" + out.getvalue()
