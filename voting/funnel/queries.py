"""SQL for the funnel."""

from __future__ import annotations

import asyncpg

CHOSEN = """
    SELECT DISTINCT x.id::bigint AS id FROM vote v, jsonb_array_elements_text(v.tally -> 'chosen') AS x(id)
    WHERE v.state = 'announced'
"""


async def rows_by(conn: asyncpg.Connection, program_id: int, dimension: str) -> list[asyncpg.Record]:
    """Suggestions and what became of them, grouped by one dimension (category, source or place)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"""
        WITH chosen AS ({CHOSEN}),
             listed AS (SELECT candidate_id AS id FROM list_entry WHERE program_id = $1)
        SELECT CASE $2 WHEN 'category' THEN s.category WHEN 'source' THEN s.source ELSE s.place END AS key,
               count(*) AS suggestions, sum(s.raised_by) AS people,
               count(DISTINCT s.candidate_id) AS merged,
               count(DISTINCT s.candidate_id) FILTER (WHERE s.candidate_id IN (SELECT id FROM listed)) AS listed,
               count(DISTINCT s.candidate_id) FILTER (WHERE s.candidate_id IN (SELECT id FROM chosen)) AS chosen
        FROM suggestion s WHERE s.program_id = $1
        GROUP BY 1 ORDER BY count(*) DESC, 1
        """,
        program_id,
        dimension,
    )
    return rows


async def totals(conn: asyncpg.Connection, program_id: int) -> asyncpg.Record:
    """Suggestions, candidates, listed and chosen for the whole program."""
    return await conn.fetchrow(
        f"""
        WITH chosen AS ({CHOSEN})
        SELECT (SELECT count(*) FROM suggestion WHERE program_id = $1) AS suggestions,
               (SELECT count(*) FROM candidate WHERE program_id = $1 AND exclusion_rule IS NULL) AS candidates,
               (SELECT count(*) FROM list_entry WHERE program_id = $1) AS listed,
               (SELECT count(*) FROM candidate WHERE program_id = $1 AND id IN (SELECT id FROM chosen)) AS chosen
        """,
        program_id,
    )
