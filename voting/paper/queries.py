"""SQL for paper ballots: vote mode, count roles, recorded steps, tellers' entries and resolutions."""

from __future__ import annotations

from typing import Any

import asyncpg

# Any constant works; with the vote id it names one vote's paper count.
PAPER_LOCK = 7_461_304


async def lock_paper_count(conn: asyncpg.Connection, vote_id: int) -> None:
    """Serialise this vote's paper-count writes until commit (tablet casts are not blocked)."""
    await conn.execute("SELECT pg_advisory_xact_lock($1, $2::int)", PAPER_LOCK, vote_id)


async def vote_mode(conn: asyncpg.Connection, vote_id: int) -> str | None:
    """electronic / paper / mixed, or None for no such vote."""
    value = await conn.fetchval("SELECT mode FROM vote WHERE id = $1", vote_id)
    return None if value is None else str(value)


async def mode_and_state(conn: asyncpg.Connection, vote_id: int) -> tuple[str, str] | None:
    """The vote's mode and state, or None for no such vote."""
    row = await conn.fetchrow("SELECT mode, state FROM vote WHERE id = $1", vote_id)
    return None if row is None else (str(row["mode"]), str(row["state"]))


async def staff_role(conn: asyncpg.Connection, staff_user_id: int, vote_id: int) -> str | None:
    """The role of an active staff user of the vote's own body, or None (counting staff are never borrowed)."""
    value = await conn.fetchval(
        """
        SELECT u.role FROM staff_user u
        WHERE u.id = $1 AND u.active
          AND u.body_id = (SELECT s.body_id FROM vote v JOIN session s ON s.id = v.session_id WHERE v.id = $2)
        """,
        staff_user_id,
        vote_id,
    )
    return None if value is None else str(value)


async def insert_counter(
    conn: asyncpg.Connection, vote_id: int, staff_user_id: int, role: str, is_chief: bool, actor: str
) -> bool:
    """Assign a teller or scrutineer; False if this user is already assigned to the vote."""
    row = await conn.fetchrow(
        """
        INSERT INTO vote_counter (vote_id, staff_user_id, role, is_chief, assigned_by)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (vote_id, staff_user_id) DO NOTHING RETURNING vote_id
        """,
        vote_id,
        staff_user_id,
        role,
        is_chief,
        actor,
    )
    return row is not None


async def counters(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """A vote's tellers and scrutineers, in assignment order."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT c.staff_user_id, s.display_name, c.role, c.is_chief, c.assigned_by, c.assigned_at
        FROM vote_counter c JOIN staff_user s ON s.id = c.staff_user_id
        WHERE c.vote_id = $1 ORDER BY c.assigned_at, c.staff_user_id
        """,
        vote_id,
    )
    return rows


async def counter_of(conn: asyncpg.Connection, vote_id: int, staff_user_id: int) -> asyncpg.Record | None:
    """This user's assignment to the vote (role, is_chief), if any."""
    return await conn.fetchrow(
        "SELECT role, is_chief FROM vote_counter WHERE vote_id = $1 AND staff_user_id = $2", vote_id, staff_user_id
    )


async def insert_step(
    conn: asyncpg.Connection,
    vote_id: int,
    round_no: int,
    kind: str,
    actor: str,
    count: int | None = None,
    reason: str | None = None,
    report: Any = None,
) -> None:
    """Record one step of a paper round (UniqueViolation if a once-only step is already recorded)."""
    await conn.execute(
        """
        INSERT INTO paper_step (vote_id, round, kind, count, reason, report, actor)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        vote_id,
        round_no,
        kind,
        count,
        reason,
        report,
        actor,
    )


async def steps(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """Every recorded step of the vote's paper rounds, oldest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        # actor is "staff:<id>" for a person (or "system"); the log shows the person's name.
        """
        SELECT p.round, p.kind, p.count, p.reason, p.report, p.actor, p.at, s.display_name AS actor_name
          FROM paper_step p
          LEFT JOIN staff_user s ON p.actor = 'staff:' || s.id
         WHERE p.vote_id = $1
         ORDER BY p.id
        """,
        vote_id,
    )
    return rows


async def issue_to_deputy(conn: asyncpg.Connection, vote_id: int, deputy_id: int) -> bool:
    """Record a paper ballot handed to a deputy; False if the deputy already took a ballot either way."""
    row = await conn.fetchrow(
        """
        INSERT INTO ballot_issued (vote_id, deputy_id, channel) VALUES ($1, $2, 'paper')
        ON CONFLICT (vote_id, deputy_id) DO NOTHING RETURNING deputy_id
        """,
        vote_id,
        deputy_id,
    )
    return row is not None


async def issued_channel(conn: asyncpg.Connection, vote_id: int, deputy_id: int) -> str | None:
    """How this deputy took a ballot in the vote (tablet / paper), if they did."""
    value = await conn.fetchval(
        "SELECT channel FROM ballot_issued WHERE vote_id = $1 AND deputy_id = $2", vote_id, deputy_id
    )
    return None if value is None else str(value)


async def deputy_present(conn: asyncpg.Connection, vote_id: int, deputy_id: int) -> bool:
    """Whether the deputy is an active member checked in to the vote's session."""
    return bool(
        await conn.fetchval(
            """
            SELECT EXISTS (
                SELECT 1 FROM vote v
                JOIN attendance a ON a.session_id = v.session_id AND a.deputy_id = $2 AND a.status = 'present'
                JOIN deputy d ON d.id = a.deputy_id AND d.active
                WHERE v.id = $1)
            """,
            vote_id,
            deputy_id,
        )
    )


async def count_channel_issued(conn: asyncpg.Connection, vote_id: int, channel: str) -> int:
    """Deputies who took a ballot in this vote by one channel."""
    return int(
        await conn.fetchval("SELECT count(*) FROM ballot_issued WHERE vote_id = $1 AND channel = $2", vote_id, channel)
    )


async def withdraw_paper_issues(conn: asyncpg.Connection, vote_id: int) -> list[int]:
    """Forget who took a paper ballot in a void round, so they can take one in the next; returns their ids."""
    rows = await conn.fetch(
        "DELETE FROM ballot_issued WHERE vote_id = $1 AND channel = 'paper' RETURNING deputy_id", vote_id
    )
    return sorted(int(r["deputy_id"]) for r in rows)


async def insert_entry(
    conn: asyncpg.Connection,
    vote_id: int,
    round_no: int,
    sheet: int,
    teller_id: int,
    ids: tuple[list[int], list[int], list[int]],
    void_reason: str | None,
) -> None:
    """One teller's reading of one sheet (a later one for the same sheet corrects it)."""
    await conn.execute(
        """
        INSERT INTO paper_entry (vote_id, round, sheet, teller_id, for_ids, against_ids, abstain_ids, void_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """,
        vote_id,
        round_no,
        sheet,
        teller_id,
        *ids,
        void_reason,
    )


async def latest_entries(conn: asyncpg.Connection, vote_id: int, round_no: int) -> list[asyncpg.Record]:
    """Each teller's latest reading of each sheet of the round."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT DISTINCT ON (sheet, teller_id) sheet, teller_id, for_ids, against_ids, abstain_ids, void_reason
        FROM paper_entry WHERE vote_id = $1 AND round = $2
        ORDER BY sheet, teller_id, id DESC
        """,
        vote_id,
        round_no,
    )
    return rows


async def insert_resolution(
    conn: asyncpg.Connection,
    vote_id: int,
    round_no: int,
    sheet: int,
    scrutineer_id: int,
    ids: tuple[list[int], list[int], list[int]],
    void_reason: str | None,
) -> None:
    """A scrutineer's chosen reading of one sheet."""
    await conn.execute(
        """
        INSERT INTO paper_resolution
            (vote_id, round, sheet, scrutineer_id, for_ids, against_ids, abstain_ids, void_reason)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """,
        vote_id,
        round_no,
        sheet,
        scrutineer_id,
        *ids,
        void_reason,
    )


async def latest_resolutions(conn: asyncpg.Connection, vote_id: int, round_no: int) -> list[asyncpg.Record]:
    """The latest resolution of each resolved sheet of the round."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT DISTINCT ON (sheet) sheet, scrutineer_id, for_ids, against_ids, abstain_ids, void_reason
        FROM paper_resolution WHERE vote_id = $1 AND round = $2
        ORDER BY sheet, id DESC
        """,
        vote_id,
        round_no,
    )
    return rows


async def vote_session(conn: asyncpg.Connection, vote_id: int) -> int | None:
    """The session a vote belongs to (where its live events go)."""
    value = await conn.fetchval("SELECT session_id FROM vote WHERE id = $1", vote_id)
    return None if value is None else int(value)


async def assignments_of(conn: asyncpg.Connection, staff_user_id: int) -> list[asyncpg.Record]:
    """The votes this staff user counts, newest first, with their session."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT v.id AS vote_id, v.title, v.state, v.mode, s.id AS session_id, s.title AS session_title,
               c.role, c.is_chief
        FROM vote_counter c JOIN vote v ON v.id = c.vote_id JOIN session s ON s.id = v.session_id
        WHERE c.staff_user_id = $1 ORDER BY v.id DESC
        """,
        staff_user_id,
    )
    return rows


async def counting_staff(conn: asyncpg.Connection, body_id: int | None) -> list[asyncpg.Record]:
    """A body's active teller and scrutineer accounts, for assigning them to its votes."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT id, username, display_name, role FROM staff_user
        WHERE active AND role IN ('teller', 'scrutineer') AND body_id = $1 ORDER BY role, display_name, id
        """,
        body_id,
    )
    return rows


async def insert_conflict(
    conn: asyncpg.Connection, vote_id: int, staff_user_id: int, candidate_id: int, reason: str
) -> bool:
    """Record a declared conflict of interest; False if this one was already declared."""
    row = await conn.fetchrow(
        """
        INSERT INTO counter_conflict (vote_id, staff_user_id, candidate_id, reason) VALUES ($1, $2, $3, $4)
        ON CONFLICT (vote_id, staff_user_id, candidate_id) DO NOTHING RETURNING id
        """,
        vote_id,
        staff_user_id,
        candidate_id,
        reason,
    )
    return row is not None


async def conflicts(conn: asyncpg.Connection, vote_id: int) -> list[asyncpg.Record]:
    """A vote's declared conflicts, with who declared them and the candidate's name."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT f.staff_user_id, s.display_name, vc.role, f.candidate_id, c.name AS candidate_name, f.reason,
               f.declared_at
        FROM counter_conflict f
        JOIN staff_user s ON s.id = f.staff_user_id
        JOIN vote_counter vc ON vc.vote_id = f.vote_id AND vc.staff_user_id = f.staff_user_id
        JOIN candidate c ON c.id = f.candidate_id
        WHERE f.vote_id = $1 ORDER BY f.id
        """,
        vote_id,
    )
    return rows


async def conflicted_candidates(conn: asyncpg.Connection, vote_id: int, staff_user_id: int) -> set[int]:
    """The candidates this counter declared a conflict with."""
    rows = await conn.fetch(
        "SELECT candidate_id FROM counter_conflict WHERE vote_id = $1 AND staff_user_id = $2", vote_id, staff_user_id
    )
    return {int(r["candidate_id"]) for r in rows}


async def transfer_chief(conn: asyncpg.Connection, vote_id: int, staff_user_id: int) -> bool:
    """Make an assigned scrutineer the chief (the previous chief stays a scrutineer); False if not assigned."""
    await conn.execute("UPDATE vote_counter SET is_chief = false WHERE vote_id = $1 AND is_chief", vote_id)
    done: str = await conn.execute(
        "UPDATE vote_counter SET is_chief = true WHERE vote_id = $1 AND staff_user_id = $2 AND role = 'scrutineer'",
        vote_id,
        staff_user_id,
    )
    return done.endswith(" 1")


async def sheet_entries(conn: asyncpg.Connection, vote_id: int, round_no: int, sheet: int) -> list[asyncpg.Record]:
    """Each teller's latest reading of one sheet."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT DISTINCT ON (teller_id) teller_id, for_ids, against_ids, abstain_ids, void_reason
        FROM paper_entry WHERE vote_id = $1 AND round = $2 AND sheet = $3
        ORDER BY teller_id, id DESC
        """,
        vote_id,
        round_no,
        sheet,
    )
    return rows


async def reading_entries(conn: asyncpg.Connection, vote_id: int, round_no: int) -> list[asyncpg.Record]:
    """Each teller's latest reading of each sheet, with when that teller first entered the sheet (first_id)."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT sheet, teller_id, for_ids, against_ids, abstain_ids, void_reason, first_id FROM (
            SELECT sheet, teller_id, for_ids, against_ids, abstain_ids, void_reason, id,
                   min(id) OVER (PARTITION BY sheet, teller_id) AS first_id,
                   row_number() OVER (PARTITION BY sheet, teller_id ORDER BY id DESC) AS newest
            FROM paper_entry WHERE vote_id = $1 AND round = $2
        ) e WHERE newest = 1 ORDER BY sheet, first_id
        """,
        vote_id,
        round_no,
    )
    return rows
