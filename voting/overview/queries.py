"""SQL of the overview: three statements for a whole county or city, however many bodies it has."""

from __future__ import annotations

import asyncpg

# The body and those below it, each with its program of the year and that program's counts.
# Every body comes right after the one above it (path order); siblings sort by name in code-point order,
# which for Chinese is the dictionary's radical-and-stroke order, the same on every server whatever its locale.
PROGRAMS_IN_TREE = """
WITH RECURSIVE tree AS (
    SELECT b.id, b.name, b.level, b.parent_id, 0 AS depth, ARRAY[b.name COLLATE "C"] AS path FROM body b WHERE b.id = $1
    UNION ALL
    SELECT b.id, b.name, b.level, b.parent_id, t.depth + 1, t.path || (b.name COLLATE "C")
    FROM body b JOIN tree t ON b.parent_id = t.id WHERE t.depth < 10
)
SELECT t.id AS body_id, t.name AS body_name, t.level, t.parent_id, t.depth,
       p.id AS program_id, p.title AS program_title, p.phase,
       (SELECT s.id FROM session s
        WHERE s.body_id = t.id
          AND (s.program_id = p.id OR (s.program_id IS NULL AND extract(year FROM s.held_on) = $2))
        ORDER BY s.program_id IS NOT DISTINCT FROM p.id DESC, s.held_on DESC, s.id DESC LIMIT 1) AS session_id,
       (SELECT count(*) FROM suggestion s WHERE s.program_id = p.id) AS suggestions,
       (SELECT count(*) FROM candidate c WHERE c.program_id = p.id AND c.exclusion_rule IS NULL) AS candidates,
       (SELECT count(*) FROM list_entry l WHERE l.program_id = p.id) AS listed,
       v.votes_held, v.votes_in_progress
FROM tree t
LEFT JOIN program p ON p.body_id = t.id AND p.year = $2
LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE v.state = 'announced' AND v.runoff_of IS NULL) AS votes_held,
           count(*) FILTER (WHERE v.state IN ('open', 'closed')) AS votes_in_progress
    FROM vote v
    WHERE v.id IN (SELECT vc.vote_id FROM vote_candidate vc JOIN candidate c ON c.id = vc.candidate_id
                   WHERE c.program_id = p.id)
) v ON true
ORDER BY t.path
"""


async def programs_in_tree(conn: asyncpg.Connection, body_id: int, year: int) -> list[asyncpg.Record]:
    """The body and every body below it, each with its program of the year (or none) and its counts."""
    return list(await conn.fetch(PROGRAMS_IN_TREE, body_id, year))


async def projects_of(conn: asyncpg.Connection, program_ids: list[int]) -> list[asyncpg.Record]:
    """The chosen projects of these programs with their latest published rating and open 整改."""
    return list(
        await conn.fetch(
            """
            SELECT c.program_id, i.id AS item_id, c.name, i.status, i.percent, i.target_date, i.completed_on,
                   r.result ->> 'outcome' AS rating, (r.result ->> 'satisfaction_pct')::float AS satisfaction_pct,
                   EXISTS (SELECT 1 FROM rectification x WHERE x.item_id = i.id AND x.state = 'open') AS rectifying
            FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id
            LEFT JOIN LATERAL (
                SELECT e.result FROM evaluation_item e JOIN evaluation_round er ON er.id = e.round_id
                WHERE e.item_id = i.id AND er.state = 'closed' AND e.result IS NOT NULL
                ORDER BY er.closed_at DESC, er.id DESC LIMIT 1
            ) r ON true
            WHERE c.program_id = ANY($1::bigint[])
            ORDER BY c.program_id, c.position
            """,
            program_ids,
        )
    )


async def program_years(conn: asyncpg.Connection, body_id: int) -> list[int]:
    """Years with a program of the body or of any body below it, newest first."""
    rows = await conn.fetch(
        "SELECT DISTINCT year FROM program WHERE body_id IN (SELECT id FROM body_subtree($1)) ORDER BY year DESC",
        body_id,
    )
    return [int(r["year"]) for r in rows]
