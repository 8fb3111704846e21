"""The bulletin board: nothing before the announcement; after it, enough for anyone to recount, and no more."""

from __future__ import annotations

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient

from audit.canonical import canonical_bytes
from tally import Ballot, VoteRules, count_votes
from tests.bulletin.voting_day import run_vote, voting_day
from tests.factories import make_congress
from tests.steps import assert_refused, close_vote, vote_in_progress
from voting.settings import Settings

PUBLIC_AFTER_ANNOUNCEMENT = [
    "/api/votes/{id}/bulletin",
    "/api/votes/{id}/receipts",
    "/api/votes/{id}/receipts/check?receipt=ABCDE-23456",
    "/api/votes/{id}/archive",
]


async def test_nothing_is_public_before_the_announcement(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    draft = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={"title": "草案", "candidate_ids": congress.candidate_ids, "rules": {"seats": 1}, "reason": "测试"},
    )
    vote, _ = await vote_in_progress(client, congress, seats=2)
    for vote_id, state in ((draft.json()["id"], "draft"), (vote["id"], "open")):
        for url in PUBLIC_AFTER_ANNOUNCEMENT:
            body = assert_refused(await client.get(url.format(id=vote_id)), 409, "result_not_public")
            assert body["detail"]["state"] == state
    await close_vote(client, congress, vote["id"])
    for url in PUBLIC_AFTER_ANNOUNCEMENT:
        # Not even staff: the board is the public record, made at the announcement.
        assert_refused(
            await client.get(url.format(id=vote["id"]), headers=congress.presiding), 409, "result_not_public"
        )
    posted = await client.post(f"/api/votes/{vote['id']}/receipts/check", json={"receipt": "ABCDE-23456"})
    assert_refused(posted, 409, "result_not_public")


async def test_an_unknown_vote_is_a_404(client: AsyncTestClient) -> None:
    assert_refused(await client.get("/api/votes/999999999/bulletin"), 404, "not_found")


async def test_the_board_lets_anyone_recount(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    day = await voting_day(client, pool, settings, deputies=8, voters=6)
    response = await client.get(f"/api/votes/{day.vote_id}/bulletin")
    assert response.status_code == 200, response.text
    board = response.json()
    assert set(board) == {
        "vote_id", "vote", "definition_hash", "roster_fingerprint", "voters", "ballots", "tally",
        "paper_counts", "result", "public_key",
    }  # fmt: skip
    assert [c["id"] for c in board["vote"]["candidates"]] == day.congress.candidate_ids  # ballot order
    assert [v["id"] for v in board["voters"]] == sorted(day.voted)
    assert board["paper_counts"] == []
    assert board["tally"] == day.tally == (await client.get(f"/api/votes/{day.vote_id}/result")).json()["tally"]
    recount = count_votes(
        msgspec.convert(board["vote"]["rules"], VoteRules),
        [c["id"] for c in board["vote"]["candidates"]],
        [msgspec.convert(b, Ballot, str_keys=True) for b in board["ballots"]],
        deputies_total=board["tally"]["deputies_total"],
        deputies_present=board["tally"]["deputies_present"],
    )
    assert msgspec.to_builtins(recount) == board["tally"]
    cast = sorted(canonical_bytes({"marks": {str(k): v for k, v in m.items()}}) for m in day.marks)
    assert [canonical_bytes(b) for b in board["ballots"]] == cast  # every ballot, sorted by content


async def test_ballots_on_the_board_carry_nothing_but_marks(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=6, voters=5)
    board = (await client.get(f"/api/votes/{day.vote_id}/bulletin")).json()
    assert all(set(b) == {"marks"} for b in board["ballots"])
    assert all(set(v) == {"id", "name"} for v in board["voters"])
    text = (await client.get(f"/api/votes/{day.vote_id}/bulletin")).text
    for secret in (*day.receipts, *day.cast_ids):
        assert secret not in text


@pytest.mark.parametrize("voters", [0, 1])
async def test_a_vote_with_few_ballots_still_has_a_board(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, voters: int
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote_id, *_ = await run_vote(client, congress, voters=voters)
    board = (await client.get(f"/api/votes/{vote_id}/bulletin")).json()
    assert len(board["ballots"]) == len(board["voters"]) == board["tally"]["ballots_cast"] == voters
