"""SQL for the bulletin board, signed statements, archives and the staff audit viewer."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg


async def vote_facts(conn: asyncpg.Connection, vote_id: int) -> asyncpg.Record | None:
    """A vote's definition fields, state, stored tally, announcement time and body (JSON as text)."""
    return await conn.fetchrow(
        """
        SELECT v.id, v.session_id, v.title, v.runoff_of, v.rules::text AS rules, v.state, v.tally::text AS tally,
               v.announced_at, s.body_id
        FROM vote v JOIN session s ON s.id = v.session_id WHERE v.id = $1
        """,
        vote_id,
    )


async def ballot_candidates(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """The candidates on a vote's ballot, in ballot order, with the cost as decimal text."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT c.id, vc.position, c.name, c.summary, c.category, c.cost_wan::text AS cost_wan,
               c.funding, c.responsible_unit, c.completion_date::text AS completion_date
        FROM vote_candidate vc JOIN candidate c ON c.id = vc.candidate_id
        WHERE vc.vote_id = $1 ORDER BY vc.position
        """,
        vote_id,
    )
    return rows


async def ballot_marks(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """Every ballot's marks as JSON text and void reason, in no particular order (the caller sorts them)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT marks::text AS marks, void_reason FROM ballot WHERE vote_id = $1", vote_id
    )
    return rows


async def receipt_hashes(conn: asyncpg.Connection, vote_id: int) -> list[bytes]:
    """A vote's receipt hashes, sorted."""
    rows = await conn.fetch("SELECT receipt_hash FROM ballot_receipt WHERE vote_id = $1 ORDER BY receipt_hash", vote_id)
    return [bytes(r["receipt_hash"]) for r in rows]


async def voters(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """The deputies who took a ballot, by id (who, never what)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT d.id, d.name FROM ballot_issued b JOIN deputy d ON d.id = b.deputy_id
        WHERE b.vote_id = $1 ORDER BY d.id
        """,
        vote_id,
    )
    return rows


async def active_roster(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """The body's active deputies (id, name, delegation) for the roster fingerprint."""
    rows: list[asyncpg.Record] = await conn.fetch(
        "SELECT id, name, delegation FROM deputy WHERE body_id = $1 AND active ORDER BY id",
        body_id,
    )
    return rows


async def remember_key(conn: asyncpg.Connection, key_id: str, public_pem: str) -> None:
    """Keep the public key that signs, once."""
    await conn.execute(
        "INSERT INTO signing_key (key_id, public_pem) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING",
        key_id,
        public_pem,
    )


async def insert_statement(
    conn: asyncpg.Connection, vote_id: int, kind: str, body_json: str, signature: str, key_id: str
) -> None:
    """Store a signed statement; the body travels as the canonical JSON text that was signed."""
    await conn.execute(
        """
        INSERT INTO signed_statement (vote_id, kind, body, signature, key_id)
        VALUES ($1, $2, ($3::text)::jsonb, $4, $5)
        """,
        vote_id,
        kind,
        body_json,
        signature,
        key_id,
    )


async def statements_of_vote(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """A vote's signed statements in the order they were made, with the signing key's PEM."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT s.kind, s.body::text AS body, s.signature, s.key_id, k.public_pem
        FROM signed_statement s JOIN signing_key k ON k.key_id = s.key_id
        WHERE s.vote_id = $1 ORDER BY s.id
        """,
        vote_id,
    )
    return rows


async def vote_created_seq(conn: asyncpg.Connection, vote_id: int) -> int | None:
    """The chain position of the vote's creation event."""
    value = await conn.fetchval(
        """
        SELECT min(seq) FROM audit_event
        WHERE object_type = 'vote' AND object_id = $1 AND action = 'vote.created'
        """,
        str(vote_id),
    )
    return None if value is None else int(value)


AUDIT_FILTER = """
SELECT seq, at, actor, role, action, object_type, object_id, detail::text AS detail, hash
FROM audit_event, LATERAL (SELECT audit_object_body(object_type, object_id) AS body) about
WHERE ($1::text IS NULL OR actor = $1)
  AND ($2::text IS NULL OR object_type = $2)
  AND ($3::text IS NULL OR object_id = $3)
  AND ($4::text IS NULL OR action = $4)
  AND ($5::timestamptz IS NULL OR at >= $5)
  AND ($6::timestamptz IS NULL OR at < $6)
  AND (about.body = ANY($8::bigint[]) OR ($9 AND about.body IS NULL))
  AND ($10::text IS NULL OR role = $10)
ORDER BY id DESC
LIMIT $7
"""


async def audit_entries(
    conn: asyncpg.Connection,
    actor: str | None,
    role: str | None,
    object_type: str | None,
    object_id: str | None,
    action: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    bodies: list[int],
    with_bodiless: bool,
) -> list[Any]:
    """Audit events about these bodies (and, if asked, about none) matching every given filter, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        AUDIT_FILTER, actor, object_type, object_id, action, since, until, limit, bodies, with_bodiless, role
    )
    return rows


# A login of a top body also sees the administrators that belong to no body (as it sees entries about none).
STAFF_IN_REACH = """
SELECT s.id, s.display_name, s.role FROM staff_user s
WHERE s.body_id = ANY($1::bigint[]) OR ($2 AND s.body_id IS NULL)
ORDER BY s.role, s.display_name
"""


async def staff_in_reach(conn: asyncpg.Connection, bodies: list[int], with_bodiless: bool) -> list[asyncpg.Record]:
    """Staff logins of these bodies (id, display_name, role), by role and name: whom the viewer may name."""
    rows: list[asyncpg.Record] = await conn.fetch(
        STAFF_IN_REACH,
        bodies,
        with_bodiless,
    )
    return rows


# The names the audit viewer may show, each kept to the viewer's bodies ($6; $7: also staff of no body).
NAMES_IN_REACH = """
SELECT 'staff' AS kind, s.id, s.display_name AS name FROM staff_user s
WHERE s.id = ANY($1::bigint[]) AND (s.body_id = ANY($6::bigint[]) OR ($7 AND s.body_id IS NULL))
UNION ALL
SELECT 'deputy', d.id, d.name FROM deputy d WHERE d.id = ANY($2::bigint[]) AND d.body_id = ANY($6::bigint[])
UNION ALL
SELECT 'vote', v.id, v.title FROM vote v JOIN session s ON s.id = v.session_id
WHERE v.id = ANY($3::bigint[]) AND s.body_id = ANY($6::bigint[])
UNION ALL
SELECT 'session', s.id, s.title FROM session s WHERE s.id = ANY($4::bigint[]) AND s.body_id = ANY($6::bigint[])
UNION ALL
SELECT 'program', p.id, p.title FROM program p WHERE p.id = ANY($5::bigint[]) AND p.body_id = ANY($6::bigint[])
UNION ALL
SELECT 'body', b.id, b.name FROM body b WHERE b.id = ANY($6::bigint[]) AND b.id = ANY($8::bigint[])
UNION ALL
SELECT 'candidate', c.id, c.name FROM candidate c JOIN program p ON p.id = c.program_id
WHERE c.id = ANY($9::bigint[]) AND p.body_id = ANY($6::bigint[])
UNION ALL
SELECT 'department', d.id, d.name FROM department d WHERE d.id = ANY($10::bigint[]) AND d.body_id = ANY($6::bigint[])
"""
NAMED_KINDS = ("staff", "deputy", "vote", "session", "program", "body", "candidate", "department")


async def names_in_reach(
    conn: asyncpg.Connection, wanted: dict[str, list[int]], bodies: list[int], with_bodiless: bool
) -> list[asyncpg.Record]:
    """(kind, id, name) of the wanted people and things (NAMED_KINDS) that belong to these bodies."""
    staff, deputies, votes, sessions, programs, named_bodies, candidates, departments = (
        wanted.get(k, []) for k in NAMED_KINDS
    )
    rows: list[asyncpg.Record] = await conn.fetch(
        NAMES_IN_REACH,
        staff,
        deputies,
        votes,
        sessions,
        programs,
        bodies,
        with_bodiless,
        named_bodies,
        candidates,
        departments,
    )
    return rows
