"""Console and tablet requests racing each other on the real PostgreSQL: the database keeps one truth."""

from __future__ import annotations

import asyncio
import secrets

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress
from tests.steps import (
    assert_refused,
    audit_events,
    cast,
    close_vote,
    create_vote,
    fetch_count,
    log_in_all,
    open_vote,
    vote_in_progress,
)
from voting.auth import Role
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in


async def test_two_clerks_marking_attendance_at_once_leave_one_row_per_deputy(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15)
    username, password = f"clerk2{secrets.token_hex(3)}", "pw-" + secrets.token_hex(8)
    await ensure_staff(pool, username, "第二书记员", Role.CLERK, password, body_id=congress.body_id)
    second = bearer((await log_in(pool, settings, username, password)).token)

    async def mark_as(headers: dict[str, str], deputy_id: int, status: str) -> httpx.Response:
        return await client.post(
            f"/api/sessions/{congress.session_id}/attendance/{deputy_id}", headers=headers, json={"status": status}
        )

    # Both clerks mark every deputy at the same time, one as present, the other as on leave.
    responses = await asyncio.gather(
        *(mark_as(congress.clerk, d, "present") for d in congress.deputy_ids),
        *(mark_as(second, d, "leave") for d in congress.deputy_ids),
    )
    assert [r.status_code for r in responses] == [200] * 30, [r.text for r in responses if r.status_code != 200]
    rows = await fetch_count(pool, "SELECT count(*) FROM attendance WHERE session_id = $1", congress.session_id)
    assert rows == 15
    summary = (await client.get(f"/api/sessions/{congress.session_id}/attendance/summary")).json()
    assert summary["present"] + summary["leave"] == 15
    assert summary["absent"] == 0
    events = [
        e for e in await audit_events(pool, "session", congress.session_id) if e["action"].startswith("attendance.")
    ]
    assert len(events) == 30
    # Splitting the hall between them: everyone ends up present.
    half = len(congress.deputy_ids) // 2
    await asyncio.gather(
        *(mark_as(congress.clerk, d, "present") for d in congress.deputy_ids[:half]),
        *(mark_as(second, d, "present") for d in congress.deputy_ids[half:]),
    )
    summary = (await client.get(f"/api/sessions/{congress.session_id}/attendance/summary")).json()
    assert (summary["present"], summary["leave"], summary["has_quorum"]) == (15, 0, True)


async def test_a_seat_card_double_tapped_logs_in_one_tablet(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    code = congress.codes[congress.deputy_ids[0]]
    responses = await asyncio.gather(*(client.post("/api/tablet/login", json={"code": code}) for _ in range(5)))
    assert sorted(r.status_code for r in responses) == [200, 401, 401, 401, 401]
    logins = await fetch_count(pool, "SELECT count(*) FROM tablet_login WHERE deputy_id = $1", congress.deputy_ids[0])
    assert logins == 1


async def test_opening_a_vote_twice_at_once_opens_it_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote = await create_vote(client, congress)
    await log_in_all(client, congress, congress.deputy_ids)
    first, second = await asyncio.gather(
        open_vote(client, congress, vote["id"]), open_vote(client, congress, vote["id"])
    )
    assert sorted([first.status_code, second.status_code]) == [200, 409]
    assert_refused(first if first.status_code == 409 else second, 409, "vote_not_draft")
    opened = [e for e in await audit_events(pool, "vote", vote["id"]) if e["action"] == "vote.opened"]
    assert len(opened) == 1


async def test_opening_two_votes_of_a_session_at_once_opens_only_one(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    votes = [await create_vote(client, congress), await create_vote(client, congress)]
    await log_in_all(client, congress, congress.deputy_ids)
    responses = await asyncio.gather(*(open_vote(client, congress, v["id"]) for v in votes))
    assert sorted(r.status_code for r in responses) == [200, 409], [r.text for r in responses]
    assert_refused(next(r for r in responses if r.status_code == 409), 409, "another_vote_open")
    states = [(await client.get(f"/api/votes/{v['id']}", headers=congress.presiding)).json()["state"] for v in votes]
    assert sorted(states) == ["draft", "open"]


async def test_closing_a_vote_twice_at_once_counts_it_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    for token in tokens.values():
        await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})
    responses = await asyncio.gather(close_vote(client, congress, vote["id"]), close_vote(client, congress, vote["id"]))
    assert sorted(r.status_code for r in responses) == [200, 409]
    assert next(r for r in responses if r.status_code == 200).json()["ballots_cast"] == 3
    actions = [e["action"] for e in await audit_events(pool, "vote", vote["id"])]
    assert (actions.count("vote.closed"), actions.count("vote.tallied")) == (1, 1)
    assert await fetch_count(pool, "SELECT count(*) FROM ballot WHERE vote_id = $1", vote["id"]) == 3
