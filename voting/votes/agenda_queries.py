"""SQL for an agenda item's rounds, a runoff not held, and the practice vote (试表决)."""

from __future__ import annotations

import asyncpg


async def rounds_of_item(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """Every live round of the agenda item this vote belongs to, round 1 first (withdrawn runoffs left out)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        WITH RECURSIVE up AS (
            SELECT id, runoff_of FROM vote WHERE id = $1
            UNION ALL
            SELECT v.id, v.runoff_of FROM vote v JOIN up ON v.id = up.runoff_of
        ), down AS (
            SELECT v.id, v.state, v.tally, v.runoff_not_held, 1 AS round
            FROM vote v WHERE v.id = (SELECT id FROM up WHERE runoff_of IS NULL)
            UNION ALL
            SELECT v.id, v.state, v.tally, v.runoff_not_held, down.round + 1
            FROM vote v JOIN down ON v.runoff_of = down.id WHERE v.state <> 'withdrawn'
        )
        SELECT id, state, tally, runoff_not_held FROM down ORDER BY round
        """,
        vote_id,
    )
    return rows


async def excluded_candidates(conn: asyncpg.Connection, candidate_ids: list[int]) -> list[asyncpg.Record]:
    """Those of the candidates excluded by a rule (排除), with their names."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT id, name FROM candidate WHERE id = ANY($1::bigint[]) AND exclusion_rule IS NOT NULL ORDER BY id",
        candidate_ids,
    )
    return rows


async def mark_runoff_not_held(conn: asyncpg.Connection, vote_id: int, reason: str) -> None:
    """Record why the runoff this vote asks for is not held."""
    await conn.execute(
        "UPDATE vote SET runoff_not_held = $2, runoff_not_held_at = now() WHERE id = $1", vote_id, reason
    )


async def latest_practice(conn: asyncpg.Connection, session_id: int) -> int | None:
    """The session's most recent practice vote that was not withdrawn."""
    value = await conn.fetchval(
        "SELECT max(id) FROM vote WHERE session_id = $1 AND kind = 'practice' AND state <> 'withdrawn'", session_id
    )
    return None if value is None else int(value)


async def not_pressed(conn: asyncpg.Connection, session_id: int, vote_id: int) -> list[asyncpg.Record]:
    """Deputies checked in who have not pressed (未按) in this vote, by seat."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT d.id AS deputy_id, d.name, d.seat, d.delegation
        FROM attendance a JOIN deputy d ON d.id = a.deputy_id AND d.active
        WHERE a.session_id = $1 AND a.status = 'present'
          AND NOT EXISTS (SELECT 1 FROM ballot_issued b WHERE b.vote_id = $2 AND b.deputy_id = d.id)
        ORDER BY d.seat, d.id
        """,
        session_id,
        vote_id,
    )
    return rows


async def pressed_at_end(conn: asyncpg.Connection, vote_id: int) -> int | None:
    """How many pressed in a practice vote, as recorded when it ended."""
    value = await conn.fetchval(
        """
        SELECT (detail ->> 'pressed')::int FROM audit_event
        WHERE object_type = 'vote' AND object_id = $1::text AND action = 'practice.ended' ORDER BY id DESC LIMIT 1
        """,
        str(vote_id),
    )
    return None if value is None else int(value)


async def discard_ballots(conn: asyncpg.Connection, vote_id: int) -> int:
    """Delete every ballot, receipt and issue record of a practice vote; returns how many deputies had pressed."""
    await conn.execute("DELETE FROM ballot WHERE vote_id = $1", vote_id)
    await conn.execute("DELETE FROM ballot_receipt WHERE vote_id = $1", vote_id)
    deleted = await conn.execute("DELETE FROM ballot_issued WHERE vote_id = $1", vote_id)
    return int(deleted.split()[-1])


async def mark_ended(conn: asyncpg.Connection, vote_id: int) -> None:
    """Open → ended: a practice vote is over; it has no tally and never will."""
    await conn.execute("UPDATE vote SET state = 'ended', closed_at = now() WHERE id = $1", vote_id)


async def candidates_not_excluded(conn: asyncpg.Connection, program_id: int) -> list[int]:
    """The program's candidates not excluded by a rule, in their order."""
    rows = await conn.fetch(
        "SELECT id FROM candidate WHERE program_id = $1 AND exclusion_rule IS NULL ORDER BY position, id", program_id
    )
    return [int(r["id"]) for r in rows]


async def announcement_number(conn: asyncpg.Connection, first_vote_id: int) -> int:
    """第N号: the place of this agenda item among the session's announced items (first rounds), by creation."""
    return int(
        await conn.fetchval(
            """
            SELECT count(*) FROM vote v JOIN vote me ON me.id = $1
            WHERE v.session_id = me.session_id AND v.runoff_of IS NULL AND v.kind <> 'practice'
              AND v.state = 'announced' AND v.id <= me.id
            """,
            first_vote_id,
        )
    )
