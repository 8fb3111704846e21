"""SQL for the candidate list and the voting method."""

from __future__ import annotations

from typing import Any

import asyncpg

from voting.programs.models import Candidate

# A candidate's columns are its wire shape's fields; the list's own order stands in for its register position.
LISTED_COLUMNS = ", ".join("l.position" if name == "position" else f"c.{name}" for name in Candidate.__struct_fields__)


async def list_state(conn: asyncpg.Connection, program_id: int, for_update: bool = False) -> asyncpg.Record | None:
    """The program's list lock and method (locked for a change)."""
    lock = " FOR UPDATE" if for_update else ""
    return await conn.fetchrow(f"SELECT id, list_fixed_at, method FROM program WHERE id = $1{lock}", program_id)


async def listed(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """The list's candidates in order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        f"""
        SELECT {LISTED_COLUMNS} FROM list_entry l JOIN candidate c ON c.id = l.candidate_id
        WHERE l.program_id = $1 ORDER BY l.position
        """,
        program_id,
    )
    return rows


async def eligibility(conn: asyncpg.Connection, program_id: int, ids: list[int]) -> list[asyncpg.Record]:
    """For each given candidate of the program: excluded? vetted (an answered opinion)?"""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT c.id, c.name, c.exclusion_rule IS NOT NULL AS excluded,
               EXISTS (SELECT 1 FROM feasibility_request r WHERE r.candidate_id = c.id AND r.answered_at IS NOT NULL)
                   AS vetted
        FROM candidate c WHERE c.program_id = $1 AND c.id = ANY($2::bigint[])
        ORDER BY array_position($2::bigint[], c.id)
        """,
        program_id,
        ids,
    )
    return rows


async def replace_list(conn: asyncpg.Connection, program_id: int, ids: list[int]) -> None:
    """Set the list to exactly these candidates in this order."""
    await conn.execute("DELETE FROM list_entry WHERE program_id = $1", program_id)
    await conn.executemany(
        "INSERT INTO list_entry (program_id, candidate_id, position) VALUES ($1, $2, $3)",
        [(program_id, cid, n) for n, cid in enumerate(ids, start=1)],
    )


async def set_method(conn: asyncpg.Connection, program_id: int, method: dict[str, Any]) -> None:
    """Store the voting method."""
    await conn.execute("UPDATE program SET method = $2 WHERE id = $1", program_id, method)


async def set_fixed(conn: asyncpg.Connection, program_id: int, fixed: bool) -> None:
    """Lock (now) or unlock the list."""
    await conn.execute(
        "UPDATE program SET list_fixed_at = CASE WHEN $2 THEN now() END WHERE id = $1", program_id, fixed
    )


async def votes_on_list(conn: asyncpg.Connection, program_id: int, lock: bool = True) -> dict[int, str]:
    """The live (not withdrawn) votes (id → state) on any of the program's listed candidates, share-locked.

    A practice vote (试表决) on the list is no vote made from it: it neither holds the list nor counts here.

    A vote being opened or withdrawn right now (it holds its row for update) is waited for and
    then seen open, or left out; one not yet opening cannot open until this transaction ends.
    Pages only look (lock=False) and never wait.
    """
    share = " FOR SHARE OF v" if lock else ""
    rows = await conn.fetch(
        f"""
        SELECT v.id, v.state FROM vote v JOIN vote_candidate vc ON vc.vote_id = v.id
        JOIN list_entry l ON l.candidate_id = vc.candidate_id
        WHERE l.program_id = $1 AND v.state <> 'withdrawn' AND v.kind <> 'practice' ORDER BY v.id{share}
        """,
        program_id,
    )
    return {r["id"]: r["state"] for r in rows}


async def decisions(conn: asyncpg.Connection, program_id: int) -> list[asyncpg.Record]:
    """Fixings and reopenings of the list, from the audit log."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT at, action, COALESCE(detail ->> 'reason', '') AS reason FROM audit_event
        WHERE object_type = 'program' AND object_id = $1::text AND action IN ('list.fixed', 'list.reopened')
        ORDER BY id
        """,
        str(program_id),
    )
    return rows


async def session_program(conn: asyncpg.Connection, session_id: int) -> int | None:
    """The program a session votes on."""
    program_id: int | None = await conn.fetchval("SELECT program_id FROM session WHERE id = $1", session_id)
    return program_id
