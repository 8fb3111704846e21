"""SQL for votes: definition, state changes, turnout and counting input."""

from __future__ import annotations

from typing import Any

import asyncpg

VOTE_COLUMNS = (
    "id, session_id, title, state, rules, runoff_of, deputies_total, opened_at, closed_at, announced_at, mode,"
    " withdrawn_at, kind, reason, runoff_not_held"
)
SELECT_VOTE = f"SELECT {VOTE_COLUMNS} FROM vote WHERE id = $1"
SELECT_VOTE_FOR_UPDATE = SELECT_VOTE + " FOR UPDATE"


async def insert_vote(
    conn: asyncpg.Connection,
    session_id: int,
    title: str,
    rules: dict[str, Any],
    candidate_ids: list[int],
    runoff_of: int | None,
    mode: str = "electronic",
    kind: str = "resolution",
    reason: str | None = None,
) -> int:
    """Create a draft vote and its ballot list; candidates must belong to the session's program."""
    vote_id = int(
        await conn.fetchval(
            "INSERT INTO vote (session_id, title, rules, runoff_of, mode, kind, reason)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            session_id,
            title,
            rules,
            runoff_of,
            mode,
            kind,
            reason,
        )
    )
    added = await conn.execute(
        """
        INSERT INTO vote_candidate (vote_id, candidate_id, position)
        SELECT $1, c.id, t.position
        FROM unnest($2::bigint[]) WITH ORDINALITY AS t(candidate_id, position)
        JOIN candidate c ON c.id = t.candidate_id
        JOIN session s ON s.id = $3 AND s.program_id = c.program_id
        """,
        vote_id,
        candidate_ids,
        session_id,
    )
    if int(added.split()[-1]) != len(candidate_ids):
        raise LookupError("candidate not in this session's program")
    return vote_id


async def vote_by_id(conn: asyncpg.Connection, vote_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """One vote row; for_update locks it until commit to serialise state changes."""
    query = SELECT_VOTE_FOR_UPDATE if for_update else SELECT_VOTE
    return await conn.fetchrow(query, vote_id)


async def votes_of_session(conn: asyncpg.Connection, session_id: int) -> list[asyncpg.Record]:
    """A session's votes in creation order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"SELECT {VOTE_COLUMNS} FROM vote WHERE session_id = $1 ORDER BY id", session_id
    )
    return rows


async def vote_candidates(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """The candidates on a vote's ballot, in ballot order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT c.id, c.program_id, vc.position, c.name, c.summary, c.category, c.cost_wan,
               c.funding, c.responsible_unit, c.completion_date
        FROM vote_candidate vc JOIN candidate c ON c.id = vc.candidate_id
        WHERE vc.vote_id = $1 ORDER BY vc.position
        """,
        vote_id,
    )
    return rows


async def mark_open(conn: asyncpg.Connection, vote_id: int, deputies_total: int) -> None:
    """Draft → open, fixing 应到 for the threshold."""
    await conn.execute(
        "UPDATE vote SET state = 'open', opened_at = now(), deputies_total = $2 WHERE id = $1",
        vote_id,
        deputies_total,
    )


async def mark_closed(conn: asyncpg.Connection, vote_id: int, tally: dict[str, Any]) -> None:
    """Open (or awaiting_keys) → closed with its count; closed_at stays when casting ended earlier."""
    await conn.execute(
        "UPDATE vote SET state = 'closed', closed_at = coalesce(closed_at, now()), tally = $2 WHERE id = $1",
        vote_id,
        tally,
    )


async def mark_announced(conn: asyncpg.Connection, vote_id: int) -> None:
    """Closed → announced: the result becomes public."""
    await conn.execute("UPDATE vote SET state = 'announced', announced_at = now() WHERE id = $1", vote_id)


async def mark_withdrawn(conn: asyncpg.Connection, vote_id: int) -> None:
    """Draft → withdrawn: never opened, never public."""
    await conn.execute("UPDATE vote SET state = 'withdrawn', withdrawn_at = now() WHERE id = $1", vote_id)


async def tally_of(conn: asyncpg.Connection, vote_id: int) -> dict[str, Any] | None:
    """The stored count of a closed vote (jsonb, decoded by the pool's codec), None before the count."""
    stored: dict[str, Any] | None = await conn.fetchval("SELECT tally FROM vote WHERE id = $1", vote_id)
    return stored


async def runoff_of(conn: asyncpg.Connection, vote_id: int) -> int | None:
    """The runoff vote started for this vote, if any (a withdrawn one is not)."""
    value = await conn.fetchval("SELECT id FROM vote WHERE runoff_of = $1 AND state <> 'withdrawn'", vote_id)
    return None if value is None else int(value)


async def count_issued(conn: asyncpg.Connection, vote_id: int) -> int:
    """已投: deputies who took a ballot in this vote."""
    return int(await conn.fetchval("SELECT count(*) FROM ballot_issued WHERE vote_id = $1", vote_id))


async def ballot_marks(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """Every ballot's marks and, for a void paper ballot, its reason (no deputy is stored with them)."""
    rows: list[asyncpg.Record] = await conn.fetch("SELECT marks, void_reason FROM ballot WHERE vote_id = $1", vote_id)
    return rows


async def present_count(conn: asyncpg.Connection, session_id: int) -> int:
    """出席: deputies checked in to the session."""
    return int(
        await conn.fetchval(
            """
        SELECT count(*) FROM attendance a JOIN deputy d ON d.id = a.deputy_id AND d.active
        WHERE a.session_id = $1 AND a.status = 'present'
        """,
            session_id,
        )
    )


async def present_or_voted(conn: asyncpg.Connection, session_id: int, vote_id: int) -> int:
    """出席 for the count: checked in now, or took a ballot in this vote (and left since)."""
    return int(
        await conn.fetchval(
            """
            SELECT count(*) FROM deputy d
            WHERE EXISTS (SELECT 1 FROM ballot_issued b WHERE b.vote_id = $2 AND b.deputy_id = d.id)
               OR (d.active AND EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = $1
                                        AND a.deputy_id = d.id AND a.status = 'present'))
            """,
            session_id,
            vote_id,
        )
    )
