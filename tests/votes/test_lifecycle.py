"""A vote's life through the API: draft → open (quorum) → closed (counted) → announced."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
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
from voting.settings import Settings


async def votes_in_session(pool: asyncpg.Pool, session_id: int) -> int:
    return await fetch_count(pool, "SELECT count(*) FROM vote WHERE session_id = $1", session_id)


@pytest.mark.parametrize(
    ("candidates", "seats", "code"),
    [
        ("first two", 3, "too_few_candidates"),
        ("first twice", 1, "duplicate_candidate"),
        ("all", 0, "seats_invalid"),
    ],
)
async def test_vote_with_an_impossible_list_is_refused(
    candidates: str, seats: int, code: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    ids = {
        "first two": congress.candidate_ids[:2],
        "first twice": [congress.candidate_ids[0], congress.candidate_ids[1], congress.candidate_ids[0]],
        "all": congress.candidate_ids,
    }[candidates]
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={"title": "票决", "candidate_ids": ids, "rules": {"seats": seats}, "reason": "测试"},
    )
    assert_refused(response, 400, code)
    assert await votes_in_session(pool, congress.session_id) == 0


async def test_candidate_of_another_program_cannot_be_on_the_ballot(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    other = await make_congress(pool, settings, deputies=3, candidates=3)
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={
            "title": "票决",
            "candidate_ids": [*congress.candidate_ids[:2], other.candidate_ids[0]],
            "rules": {"seats": 1},
            "reason": "测试",
        },
    )
    assert_refused(response, 400, "unknown_candidate")
    assert await votes_in_session(pool, congress.session_id) == 0


async def test_a_vote_opens_only_once(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, _ = await vote_in_progress(client, congress)
    assert_refused(await open_vote(client, congress, vote["id"]), 409, "vote_not_draft")


async def test_only_one_vote_of_a_session_is_open_at_a_time(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    await vote_in_progress(client, congress)
    second = await create_vote(client, congress)
    assert_refused(await open_vote(client, congress, second["id"]), 409, "another_vote_open")
    assert (await client.get(f"/api/votes/{second['id']}", headers=congress.presiding)).json()["state"] == "draft"


async def test_closing_needs_confirmation_and_happens_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, _ = await vote_in_progress(client, congress)
    url = f"/api/votes/{vote['id']}/close"
    assert_refused(await client.post(url, headers=congress.presiding, json={"confirm": False}), 400, "confirm_required")
    assert_refused(await client.post(url, headers=congress.presiding, json={}), 400)
    assert (await client.get(f"/api/votes/{vote['id']}")).json()["state"] == "open"
    assert (await close_vote(client, congress, vote["id"])).status_code == 200
    assert_refused(await close_vote(client, congress, vote["id"]), 409, "vote_not_open")


async def test_draft_vote_cannot_be_closed_or_announced(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote = await create_vote(client, congress)
    assert_refused(await close_vote(client, congress, vote["id"]), 409, "vote_not_open")
    announce = f"/api/votes/{vote['id']}/announce"
    assert_refused(await client.post(announce, headers=congress.presiding), 409, "vote_not_closed")


async def test_announcing_needs_a_closed_vote_and_happens_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, _ = await vote_in_progress(client, congress)
    announce = f"/api/votes/{vote['id']}/announce"
    assert_refused(await client.post(announce, headers=congress.presiding), 409, "vote_not_closed")
    await close_vote(client, congress, vote["id"])
    announced = await client.post(announce, headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    assert announced.json()["vote"]["state"] == "announced"
    assert_refused(await client.post(announce, headers=congress.presiding), 409, "vote_not_closed")


async def test_result_is_public_only_after_announcement_but_staff_see_it_after_close(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    result_url = f"/api/votes/{vote['id']}/result"
    assert_refused(await client.get(result_url), 409, "result_not_public")
    assert_refused(await client.get(result_url, headers=congress.presiding), 409, "result_not_public")
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[1]: "for"})).status_code == 201
    tally = (await close_vote(client, congress, vote["id"])).json()
    assert_refused(await client.get(result_url), 409, "result_not_public")
    deputy_view = await client.get(result_url, headers={"Authorization": f"Bearer {next(iter(tokens.values()))}"})
    assert_refused(deputy_view, 409, "result_not_public")
    for staff in (congress.presiding, congress.clerk):
        seen = await client.get(result_url, headers=staff)
        assert seen.status_code == 200, seen.text
        assert seen.json()["tally"] == tally
    assert "tally" not in (await client.get(f"/api/votes/{vote['id']}")).json()
    await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    public = await client.get(result_url)
    assert public.status_code == 200, public.text
    assert public.json()["tally"]["chosen"] == [congress.candidate_ids[1]]
    assert len(public.json()["tally"]["counts"]) == 3  # every candidate's count is announced


async def test_turnout_shows_who_voted_never_how(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote = await create_vote(client, congress, seats=1)
    tokens = await log_in_all(client, congress, congress.deputy_ids[:5])
    turnout_url = f"/api/votes/{vote['id']}/turnout"
    assert (await client.get(turnout_url, headers=congress.presiding)).json() == {
        "vote_id": vote["id"],
        "session_id": congress.session_id,
        "state": "draft",
        "cast": 0,
        "present": 5,
        "total": 6,
    }
    await open_vote(client, congress, vote["id"])
    for token in list(tokens.values())[:3]:
        await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})
    turnout = (await client.get(turnout_url)).json()
    assert turnout == {
        "vote_id": vote["id"],
        "session_id": congress.session_id,
        "state": "open",
        "cast": 3,
        "present": 5,
        "total": 6,
    }
    await close_vote(client, congress, vote["id"])
    assert set((await client.get(turnout_url)).json()) == {"vote_id", "session_id", "state", "cast", "present", "total"}


async def test_only_the_presiding_officer_runs_votes(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote = await create_vote(client, congress)
    await log_in_all(client, congress, congress.deputy_ids)
    body = {"title": "票决", "candidate_ids": congress.candidate_ids, "rules": {"seats": 1}, "reason": "测试"}
    assert_refused(
        await client.post(f"/api/sessions/{congress.session_id}/votes", headers=congress.clerk, json=body), 403
    )
    assert_refused(await client.post(f"/api/sessions/{congress.session_id}/votes", json=body), 401)
    assert_refused(await client.post(f"/api/votes/{vote['id']}/open", headers=congress.clerk), 403)
    assert_refused(await client.post(f"/api/votes/{vote['id']}/open"), 401)
    assert (await client.get(f"/api/votes/{vote['id']}", headers=congress.presiding)).json()["state"] == "draft"


async def test_every_vote_state_change_is_audited(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    for token in tokens.values():
        await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})
    await close_vote(client, congress, vote["id"])
    await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    events = await audit_events(pool, "vote", vote["id"])
    issued = [e for e in events if e["action"] == "ballot.issued"]
    lifecycle = ("vote.created", "vote.opened", "vote.closed", "vote.tallied", "vote.announced")
    events = [e for e in events if e["action"] in lifecycle]
    assert [e["action"] for e in events] == list(lifecycle)
    # One entry per commit naming who took a ballot; three casts one after another: three commits.
    assert sorted(d for e in issued for d in e["detail"]["deputy_ids"]) == sorted(congress.deputy_ids)
    assert events[1]["detail"] == {"present": 3, "total": 3}
    assert events[2]["detail"] == {"ballots_cast": 3}
    assert {e["role"] for e in events if e["action"] in ("vote.created", "vote.opened", "vote.closed")} == {"presiding"}


async def test_a_draft_vote_is_the_staffs_own_business(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote = await create_vote(client, congress)
    for path in (f"/api/votes/{vote['id']}", f"/api/votes/{vote['id']}/turnout"):
        assert_refused(await client.get(path), 404, "not_found")
        assert (await client.get(path, headers=congress.presiding)).status_code == 200
    listed = await client.get(f"/api/sessions/{congress.session_id}/votes")
    assert [v["id"] for v in listed.json()] == []
