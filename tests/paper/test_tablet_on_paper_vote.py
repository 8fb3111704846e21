"""A paper-only vote refuses tablets (409, both languages); the vote's mode is on GET /api/votes/{id}."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import create_vote
from tests.steps import assert_refused, cast, fetch_count, log_in_all, open_vote
from voting.settings import Settings


async def test_a_tablet_ballot_on_a_paper_vote_is_refused_in_both_languages(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    shown = (await client.get(f"/api/votes/{vote_id}", headers=congress.presiding)).json()
    assert shown["mode"] == "paper"
    deputy = congress.deputy_ids[0]
    refused = assert_refused(await cast(client, tokens[deputy], vote_id, {congress.candidate_ids[0]: "for"}), 409)
    assert refused["error"] == "vote_is_paper"
    assert "纸质选票" in refused["message_zh"] and "paper ballots" in refused["message_en"]
    assert await fetch_count(pool, "SELECT count(*) FROM ballot_issued WHERE vote_id = $1", vote_id) == 0
    # The tablet is told, so it can show "本次表决使用纸质选票" instead of a ballot.
    view = (await client.get("/api/tablet/me", headers={"Authorization": f"Bearer {tokens[deputy]}"})).json()
    assert view["vote"]["mode"] == "paper"


async def test_a_mixed_vote_still_takes_tablet_ballots(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = (await create_vote(client, congress, "mixed"))["id"]
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    assert (await client.get(f"/api/votes/{vote_id}")).json()["mode"] == "mixed"
    response = await cast(client, tokens[congress.deputy_ids[0]], vote_id, {congress.candidate_ids[0]: "for"})
    assert response.status_code == 201, response.text
