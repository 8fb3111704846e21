"""A whole vote through the HTTP API, up to the announcement, remembering what each tablet was told."""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec
from litestar.testing import AsyncTestClient

from tests.factories import Congress, make_congress
from tests.steps import cast, close_vote, new_cast_id, vote_in_progress
from voting.settings import Settings


class VotingDay(msgspec.Struct):
    """An announced vote and what only the tablets knew."""

    congress: Congress
    vote_id: int
    voted: list[int]  # deputy ids who cast
    receipts: list[str]  # the receipt codes the tablets showed
    cast_ids: list[str]
    marks: list[dict[int, str]]  # what each deputy in `voted` marked, in the same order
    tally: dict[str, Any]


def ballot_for(i: int, candidate_ids: list[int]) -> dict[int, str]:
    """Varied choose-2 ballots, one blank in every five."""
    a, b, c, *_ = candidate_ids
    return [{a: "for", b: "for"}, {a: "for", c: "for"}, {b: "for"}, {a: "for"}, {}][i % 5]


async def run_vote(
    client: AsyncTestClient, congress: Congress, voters: int, announce: bool = True
) -> tuple[int, list[int], list[str], list[str], list[dict[int, str]], dict[str, Any]]:
    """Open a vote with everyone present, let the first `voters` cast, close it and (by default) announce it."""
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    voted = congress.deputy_ids[:voters]
    receipts, cast_ids, marks = [], [], []
    for i, deputy_id in enumerate(voted):
        cast_id, ballot = new_cast_id(), ballot_for(i, congress.candidate_ids)
        response = await cast(client, tokens[deputy_id], vote["id"], ballot, cast_id)
        assert response.status_code == 201, response.text
        receipts.append(response.json()["receipt"])
        cast_ids.append(cast_id)
        marks.append(ballot)
    closed = await close_vote(client, congress, vote["id"])
    assert closed.status_code == 200, closed.text
    if announce:
        announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
        assert announced.status_code == 200, announced.text
    return int(vote["id"]), voted, receipts, cast_ids, marks, closed.json()


async def voting_day(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, deputies: int = 8, voters: int = 6
) -> VotingDay:
    """A fresh congress whose first `voters` deputies vote; announced."""
    congress = await make_congress(pool, settings, deputies=deputies, candidates=4)
    vote_id, voted, receipts, cast_ids, marks, tally = await run_vote(client, congress, voters)
    return VotingDay(congress, vote_id, voted, receipts, cast_ids, marks, tally)
