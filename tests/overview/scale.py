"""A county of 20 townships with two years of realistic data, written straight into the tables (fast).

Each township: 120–300 suggestions a year, 12 candidates (2 excluded, 10 on the list), a session,
an announced vote choosing 8 projects in implementation (some completed, some late), a closed
rating round with results and a 整改 for a 不满意 project. Last year's programs are all done;
this year's stand at every phase in turn, so the overview has a bit of everything.
"""

from __future__ import annotations

import datetime as dt
import secrets

import asyncpg

from voting.programs.phases import PHASES

TOWNSHIPS = 20
CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
VOTED = ("supervise", "evaluate", "closed")


def tracking_codes(n: int) -> list[str]:
    """n random 查询码."""
    return ["".join(secrets.choice(CODE_LETTERS) for _ in range(8)) for _ in range(n)]


async def fill_program(conn: asyncpg.Connection, body_id: int, year: int, phase: str, seed: int) -> None:
    """One township's program of a year at this phase, with what that phase has produced."""
    program_id = await conn.fetchval(
        "INSERT INTO program (body_id, year, title, phase) VALUES ($1, $2, $3, $4) RETURNING id",
        body_id,
        year,
        f"{year}年民生实事项目",
        phase,
    )
    suggestions = 120 + (seed * 37) % 180
    await conn.execute(
        """
        INSERT INTO suggestion (program_id, code, source, title, description, category, place, phase)
        SELECT $1, code, 'public', '修缮道路' || n, '村口道路破损，雨天积水，请求修缮。', '交通出行',
               '第' || n % 9 || '村', 'solicit'
        FROM unnest($2::text[]) WITH ORDINALITY AS t(code, n)
        """,
        program_id,
        tracking_codes(suggestions),
    )
    if phase == "solicit":
        return
    candidate_ids = [
        await conn.fetchval(
            "INSERT INTO candidate (program_id, position, name, category, cost_wan, completion_date,"
            " exclusion_rule, exclusion_reason) VALUES ($1, $2, $3, '城市建设', $4, $5, $6, $7) RETURNING id",
            program_id,
            n + 1,
            f"项目{n + 1}",
            100 + n,
            None if n % 3 else dt.date(year, 3 + n % 6, 28),
            "other" if n >= 12 else None,
            "重复" if n >= 12 else "",
        )
        for n in range(14)
    ]
    kept = candidate_ids[:12]
    await conn.execute(
        "UPDATE suggestion SET status = 'merged', candidate_id = $2 WHERE id IN"
        " (SELECT id FROM suggestion WHERE program_id = $1 ORDER BY id LIMIT 40)",
        program_id,
        kept[0],
    )
    if PHASES.index(phase) < PHASES.index("deliberate"):
        return
    await conn.execute(
        "INSERT INTO list_entry (program_id, candidate_id, position)"
        " SELECT $1, id, ord FROM unnest($2::bigint[]) WITH ORDINALITY AS t(id, ord)",
        program_id,
        kept[:10],
    )
    await conn.execute("UPDATE program SET list_fixed_at = now() WHERE id = $1", program_id)
    session_id = await conn.fetchval(
        "INSERT INTO session (body_id, program_id, title, held_on) VALUES ($1, $2, '人民代表大会', $3) RETURNING id",
        body_id,
        program_id,
        dt.date(year, 1, 15),
    )
    if phase not in VOTED:
        return
    chosen = kept[:8]
    vote_id = await conn.fetchval(
        "INSERT INTO vote (session_id, title, rules, state, deputies_total, opened_at, closed_at, announced_at, tally)"
        " VALUES ($1, '民生实事项目票决', $3, 'announced', 50, now(), now(), now(), $2) RETURNING id",
        session_id,
        {"chosen": chosen},
        {"seats": 8},
    )
    await conn.execute(
        "INSERT INTO vote_candidate (vote_id, candidate_id, position)"
        " SELECT $1, id, ord FROM unnest($2::bigint[]) WITH ORDINALITY AS t(id, ord)",
        vote_id,
        kept[:10],
    )
    item_ids = []
    for n, candidate_id in enumerate(chosen):
        done = (n + seed) % 3 == 0
        item_ids.append(
            await conn.fetchval(
                "INSERT INTO implementation_item (candidate_id, vote_id, budget_wan, target_date, status, percent,"
                " started_on, completed_on) VALUES ($1, $2, 100, $3, $4, $5, $6, $7) RETURNING id",
                candidate_id,
                vote_id,
                dt.date(year, 6 + n % 6, 30),
                "completed" if done else "in_progress",
                100 if done else (n * 13 + seed * 7) % 95,
                dt.date(year, 2, 1),
                dt.date(year, 5 + n % 8, 20) if done else None,
            )
        )
    if phase == "supervise":
        return
    round_id = await conn.fetchval(
        "INSERT INTO evaluation_round (body_id, session_id, title, kind, rules, state, deputies_total,"
        " opened_at, closed_at) VALUES ($1, $2, '年终满意度测评', 'year_end', '{}', 'closed', 50, now(), now())"
        " RETURNING id",
        body_id,
        session_id,
    )
    for n, item_id in enumerate(item_ids):
        outcome = ("satisfied", "satisfied", "basic", "unsatisfied")[(n + seed) % 4]
        result = {"outcome": outcome, "sheets": 48, "base": 50, "needed": 26, "satisfaction_pct": 60.0 + n * 5}
        await conn.execute(
            "INSERT INTO evaluation_item (round_id, item_id, position, result) VALUES ($1, $2, $3, $4)",
            round_id,
            item_id,
            n + 1,
            result,
        )
        if outcome == "unsatisfied":
            await conn.execute(
                "INSERT INTO rectification (item_id, round_id, deadline) VALUES ($1, $2, $3)",
                item_id,
                round_id,
                dt.date(year + 1, 3, 31),
            )


async def big_county(pool: asyncpg.Pool, year: int) -> tuple[int, list[int]]:
    """The county and its 20 townships' ids, with last year's and this year's programs."""
    tag = secrets.token_hex(3)
    async with pool.acquire() as conn, conn.transaction():
        county_id = await conn.fetchval(
            "INSERT INTO body (name, level) VALUES ($1, 'county') RETURNING id", f"大县{tag}"
        )
        townships = []
        for k in range(TOWNSHIPS):
            body_id = await conn.fetchval(
                "INSERT INTO body (name, level, parent_id) VALUES ($1, 'township', $2) RETURNING id",
                f"第{k + 1:02d}镇{tag}",
                county_id,
            )
            townships.append(body_id)
            await fill_program(conn, body_id, year - 1, "closed", k)
            await fill_program(conn, body_id, year, PHASES[k % len(PHASES)], k)
        await fill_program(conn, county_id, year, "evaluate", 99)
    return county_id, townships
