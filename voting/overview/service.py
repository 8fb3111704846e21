"""The overview of a body's year: its program and those of every body below it, read in one snapshot."""

from __future__ import annotations

from collections import defaultdict

import asyncpg
import msgspec

from voting.errors import not_found
from voting.overview import queries
from voting.overview.figures import add_up, body_year, default_year
from voting.overview.models import Overview, ProjectFigure
from voting.programs.phases import congress_today


async def overview(pool: asyncpg.Pool, body_id: int, year: int | None = None) -> Overview:
    """The body's and its lower bodies' programs of the year (default: default_year) in figures."""
    today = congress_today()
    async with pool.acquire() as conn, conn.transaction(isolation="repeatable_read", readonly=True):
        years = await queries.program_years(conn, body_id)
        year = year or default_year(years, today)
        bodies = await queries.programs_in_tree(conn, body_id, year)
        if not bodies:
            raise not_found("人大", "Body")
        program_ids = [r["program_id"] for r in bodies if r["program_id"] is not None]
        found = await queries.projects_of(conn, program_ids)
    projects: dict[int, list[ProjectFigure]] = defaultdict(list)
    for r in found:
        fields = dict(r)
        projects[fields.pop("program_id")].append(msgspec.convert(fields, ProjectFigure))
    rows = [body_year(r, projects.get(r["program_id"], []), today) for r in bodies]
    top = bodies[0]
    return Overview(
        body_id=top["body_id"],
        body_name=top["body_name"],
        level=top["level"],
        year=year,
        years=sorted({*years, today.year, year}, reverse=True),
        as_of=today,
        rows=rows,
        totals=add_up(rows),
    )
