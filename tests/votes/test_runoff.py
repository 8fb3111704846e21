"""A tie at the cut line picks nobody: the tied candidates go to 再次投票 for the seats left."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import assert_refused, audit_events, cast, close_vote, open_vote, vote_in_progress
from tests.votes.runoffs import tied_vote
from voting.settings import Settings


async def test_tie_at_the_cut_line_goes_to_runoff_and_no_tied_candidate_is_chosen(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    a, b, c, d = congress.candidate_ids
    _, _, tally = await tied_vote(client, congress)
    assert tally["chosen"] == [a]
    assert tally["runoff"] == {"candidate_ids": [b, c], "seats": 1}
    assert tally["seats_unfilled"] == 0
    outcomes = {line["candidate_id"]: (line["votes_for"], line["outcome"]) for line in tally["counts"]}
    assert outcomes == {a: (12, "chosen"), b: (9, "runoff"), c: (9, "runoff"), d: (0, "below_threshold")}
    assert tally["threshold_votes"] == 8


async def test_runoff_is_a_draft_vote_among_the_tied_for_the_seats_left(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    _, b, c, _ = congress.candidate_ids
    vote, _, _ = await tied_vote(client, congress)
    response = await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding)
    assert response.status_code == 201, response.text
    runoff = response.json()
    assert runoff["state"] == "draft"
    assert runoff["runoff_of"] == vote["id"]
    assert runoff["session_id"] == congress.session_id
    assert [candidate["id"] for candidate in runoff["candidates"]] == [b, c]
    assert runoff["rules"]["seats"] == 1
    assert_refused(
        await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding), 409, "runoff_exists"
    )
    [created] = await audit_events(pool, "vote", runoff["id"])
    assert (created["action"], created["detail"]["runoff_of"]) == ("vote.created", vote["id"])
    await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    result = (await client.get(f"/api/votes/{vote['id']}/result")).json()
    assert result["runoff_vote_id"] == runoff["id"]


async def test_runoff_is_opened_cast_and_closed_like_any_vote(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    _, b, c, _ = congress.candidate_ids
    vote, tokens, _ = await tied_vote(client, congress)
    runoff = (await client.post(f"/api/votes/{vote['id']}/runoff", headers=congress.presiding)).json()
    opened = await open_vote(client, congress, runoff["id"])
    assert opened.status_code == 200, opened.text
    for i, token in enumerate(tokens.values()):
        response = await cast(client, token, runoff["id"], {b if i < 10 else c: "for"})
        assert response.status_code == 201, response.text
    closed = await close_vote(client, congress, runoff["id"])
    assert closed.status_code == 200, closed.text
    assert closed.json()["chosen"] == [b]
    assert closed.json()["runoff"] is None
    assert closed.json()["ballots_cast"] == 15


async def test_runoff_needs_a_counted_tie(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    url = f"/api/votes/{vote['id']}/runoff"
    assert_refused(await client.post(url, headers=congress.presiding), 409, "vote_not_closed")
    for token in tokens.values():
        await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})
    await close_vote(client, congress, vote["id"])
    assert_refused(await client.post(url, headers=congress.presiding), 409, "no_runoff_needed")
