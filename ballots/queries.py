"""SQL for casting: all of a batch's ballots with a handful of statements; the plain ballots written at the count."""

from __future__ import annotations

import asyncpg


async def vote_definition(conn: asyncpg.Connection, vote_id: int) -> asyncpg.Record | None:
    """What a ballot is checked against: session, rules, mode, the listed candidates and the sealing key."""
    return await conn.fetchrow(
        """
        SELECT v.session_id, v.rules, v.mode,
               ARRAY(SELECT candidate_id FROM vote_candidate WHERE vote_id = v.id
                     ORDER BY position) AS candidate_ids,
               (SELECT public_key FROM sealing_key WHERE vote_id = v.id) AS public_key
        FROM vote v WHERE v.id = $1
        """,
        vote_id,
    )


async def lock_open_votes(conn: asyncpg.Connection, vote_ids: list[int]) -> set[int]:
    """Share-lock the open votes among vote_ids; closing waits for this transaction."""
    rows = await conn.fetch(
        "SELECT id FROM vote WHERE id = ANY($1::bigint[]) AND state = 'open' ORDER BY id FOR SHARE",
        vote_ids,
    )
    return {r["id"] for r in rows}


async def issue_ballots(
    conn: asyncpg.Connection,
    vote_ids: list[int],
    deputy_ids: list[int],
    login_ids: list[str],
    submissions: list[bytes],
) -> list[asyncpg.Record]:
    """Record who took a ballot, for eligible deputies only; returns the rows inserted.

    Eligible: the vote is open, the deputy's term is running, they are checked
    in to the vote's session and the tablet login is live. The primary key drops a second ballot of a deputy.
    """
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        INSERT INTO ballot_issued (vote_id, deputy_id, channel, submission)
        SELECT t.vote_id, t.deputy_id, 'tablet', t.submission
        FROM unnest($1::bigint[], $2::bigint[], $3::uuid[], $4::bytea[])
             AS t(vote_id, deputy_id, login_id, submission)
        JOIN vote v ON v.id = t.vote_id AND v.state = 'open'
        JOIN deputy d ON d.id = t.deputy_id AND d.active
        JOIN attendance a ON a.session_id = v.session_id AND a.deputy_id = t.deputy_id
                         AND a.status = 'present'
        JOIN tablet_login l ON l.id = t.login_id AND l.deputy_id = t.deputy_id
                           AND l.revoked_at IS NULL AND l.expires_at > now()
        ON CONFLICT (vote_id, deputy_id) DO NOTHING
        RETURNING vote_id, deputy_id, submission
        """,
        vote_ids,
        deputy_ids,
        login_ids,
        submissions,
    )
    return rows


async def refusal_facts(
    conn: asyncpg.Connection, vote_ids: list[int], deputy_ids: list[int], login_ids: list[str]
) -> list[asyncpg.Record]:
    """For casts not inserted: vote state, attendance, login and any stored submission and channel."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT t.i, v.state, CASE WHEN d.active THEN a.status END AS attendance,
               (l.id IS NOT NULL AND l.revoked_at IS NULL AND l.expires_at > now()) AS login_live,
               b.submission, b.channel
        FROM unnest($1::bigint[], $2::bigint[], $3::uuid[]) WITH ORDINALITY
             AS t(vote_id, deputy_id, login_id, i)
        LEFT JOIN vote v ON v.id = t.vote_id
        LEFT JOIN deputy d ON d.id = t.deputy_id
        LEFT JOIN attendance a ON a.session_id = v.session_id AND a.deputy_id = t.deputy_id
        LEFT JOIN tablet_login l ON l.id = t.login_id AND l.deputy_id = t.deputy_id
        LEFT JOIN ballot_issued b ON b.vote_id = t.vote_id AND b.deputy_id = t.deputy_id
        ORDER BY t.i
        """,
        vote_ids,
        deputy_ids,
        login_ids,
    )
    return rows


async def store_receipts(
    conn: asyncpg.Connection, vote_ids: list[int], trackers: list[bytes], sealed: list[bytes]
) -> list[asyncpg.Record]:
    """Store sealed ballots with their trackers in the (shuffled) order given; a taken tracker is skipped."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        INSERT INTO ballot_receipt (vote_id, receipt_hash, sealed)
        SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[])
        ON CONFLICT DO NOTHING
        RETURNING vote_id, receipt_hash
        """,
        vote_ids,
        trackers,
        sealed,
    )
    return rows


async def withdraw_issued(conn: asyncpg.Connection, vote_ids: list[int], deputy_ids: list[int]) -> None:
    """Take back ballot_issued rows written earlier in this transaction for casts refused after all."""
    await conn.execute(
        """
        DELETE FROM ballot_issued b USING unnest($1::bigint[], $2::bigint[]) AS t(vote_id, deputy_id)
        WHERE b.vote_id = t.vote_id AND b.deputy_id = t.deputy_id
        """,
        vote_ids,
        deputy_ids,
    )


async def store_plain_ballots(
    conn: asyncpg.Connection, vote_id: int, marks: list[dict[str, str]], void_reasons: list[str | None]
) -> None:
    """Write a vote's plain ballots in the order given (sealed ones as opened, shuffled; paper ones as signed off).

    Nothing about a voter is written with them.
    """
    await conn.execute(
        """
        INSERT INTO ballot (vote_id, marks, void_reason)
        SELECT $1, m, r FROM unnest($2::jsonb[], $3::text[]) AS t(m, r)
        """,
        vote_id,
        marks,
        void_reasons,
    )
