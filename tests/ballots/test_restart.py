"""A server restart in the middle of a vote: nothing acknowledged is lost, resends get their receipt."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import cast, cast_sealed, close_vote, new_cast_id, seal_marks, sealing_key, vote_in_progress
from voting.app import create_app
from voting.settings import Settings


async def test_restart_mid_vote_keeps_every_ballot_and_answers_resends(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    first, second, *rest = congress.deputy_ids
    chosen = congress.candidate_ids[0]
    kept_id = new_cast_id()
    kept = seal_marks(await sealing_key(client, vote["id"]), {chosen: "for"})  # the tablet's localStorage
    before = await cast_sealed(client, tokens[first], vote["id"], kept, cast_id=kept_id)
    assert before.status_code == 201
    # A second app process, started fresh (as after a crash), on the same database.
    async with AsyncTestClient(app=create_app(settings)) as restarted:
        resent = await cast_sealed(restarted, tokens[first], vote["id"], kept, cast_id=kept_id)
        assert resent.status_code == 201 and resent.json()["receipt"] == before.json()["receipt"]
        assert resent.json()["resent"] is True
        for deputy_id in [second, *rest]:
            assert (await cast(restarted, tokens[deputy_id], vote["id"], {chosen: "for"})).status_code == 201
        tally = (await close_vote(restarted, congress, vote["id"])).json()
    assert tally["ballots_cast"] == 6
    assert tally["counts"][0]["votes_for"] == 6
