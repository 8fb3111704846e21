"""Concurrency proven against the real PostgreSQL: one ballot per deputy, none lost, none after close."""

from __future__ import annotations

import asyncio
import base64
import secrets

import asyncpg
import httpx
from litestar.testing import AsyncTestClient

from ballots import sealing
from ballots.batcher import ACCEPTED, CastBatcher, PendingCast
from ballots.receipts import submission_digest
from tests.factories import make_congress
from tests.steps import (
    assert_refused,
    audit_events,
    cast,
    cast_sealed,
    close_vote,
    seal_marks,
    sealing_key,
    stored,
    vote_in_progress,
)
from voting.auth import read_token
from voting.settings import Settings


async def test_same_deputy_casting_ten_different_ballots_at_once_gets_exactly_one_in(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=5)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    token = tokens[congress.deputy_ids[0]]
    responses = await asyncio.gather(
        *(cast(client, token, vote["id"], {congress.candidate_ids[i % 5]: "for"}) for i in range(10))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] + [409] * 9, [r.text for r in responses]
    for response in responses:
        if response.status_code == 409:
            assert_refused(response, 409, "already_voted")
    assert await stored(pool, vote["id"]) == (1, 1, 0)
    issued = [e for e in await audit_events(pool, "vote", vote["id"]) if e["action"] == "ballot.issued"]
    assert [d for e in issued for d in e["detail"]["deputy_ids"]] == [congress.deputy_ids[0]]


async def test_two_hundred_deputies_casting_at_once_are_all_taken(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=200, candidates=5)
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    a, b, c, *_ = congress.candidate_ids
    responses = await asyncio.gather(
        *(
            cast(client, token, vote["id"], {a: "for", (b if i % 2 else c): "for"})
            for i, token in enumerate(tokens.values())
        )
    )
    assert [r.status_code for r in responses] == [201] * 200, {r.text for r in responses if r.status_code != 201}
    assert len({r.json()["receipt"] for r in responses}) == 200
    assert await stored(pool, vote["id"]) == (200, 200, 0)
    assert (await client.get(f"/api/votes/{vote['id']}/turnout")).json()["cast"] == 200
    tally = (await close_vote(client, congress, vote["id"])).json()
    assert tally["ballots_cast"] == 200
    votes_for = {line["candidate_id"]: line["votes_for"] for line in tally["counts"]}
    assert (votes_for[a], votes_for[b], votes_for[c]) == (200, 100, 100)


async def test_closing_while_casts_are_in_flight_counts_every_acknowledged_ballot(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=120, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    done: list[httpx.Response] = []

    async def cast_and_note(i: int, token: str) -> httpx.Response:
        await asyncio.sleep(i * 0.002)  # tablets keep arriving before, during and after the close
        response = await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})
        done.append(response)
        return response

    async def close_midway() -> httpx.Response:
        while len(done) < 10:
            await asyncio.sleep(0.001)
        return await close_vote(client, congress, vote["id"])

    *responses, closed = await asyncio.gather(
        *(cast_and_note(i, t) for i, t in enumerate(tokens.values())), close_midway()
    )
    assert closed.status_code == 200, closed.text
    acknowledged = [r for r in responses if r.status_code == 201]
    late = [r for r in responses if r.status_code != 201]
    for response in late:
        assert_refused(response, 409, "vote_not_open")
    assert closed.json()["ballots_cast"] == len(acknowledged)
    assert await stored(pool, vote["id"]) == (len(acknowledged),) * 3
    assert closed.json()["counts"][0]["votes_for"] == len(acknowledged)


async def test_one_tablet_copying_another_deputys_sealed_ballot_does_not_sink_the_rest_of_its_batch(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6)
    vote, tokens = await vote_in_progress(client, congress)
    key = await sealing_key(client, vote["id"])
    copied = base64.b64decode(seal_marks(key, {congress.candidate_ids[0]: "for"}))

    def pending(deputy_id: int, token: str, sealed: bytes) -> PendingCast:
        tracker = sealing.tracker(sealed)
        return PendingCast(
            vote_id=vote["id"],
            deputy_id=deputy_id,
            login_id=str(read_token(token, settings.jwt_secret).login_id),
            submission=submission_digest(vote["id"], f"{secrets.token_hex(16)}:{tracker}"),
            receipt_hash=bytes.fromhex(tracker),
            sealed=sealed,
        )

    casts = [
        pending(deputy_id, token, copied if i < 2 else base64.b64decode(seal_marks(key, {})))
        for i, (deputy_id, token) in enumerate(tokens.items())
    ]
    batcher = CastBatcher(pool, max_batch=500, on_committed=lambda _: None)
    # Queue everything before the writers start, so all six land in one batch.
    submitted = [asyncio.create_task(batcher.submit(c)) for c in casts]
    await asyncio.sleep(0)
    batcher.start()
    try:
        outcomes = await asyncio.gather(*submitted, return_exceptions=True)
    finally:
        await batcher.stop()
    assert outcomes[2:] == [ACCEPTED] * 4, outcomes  # the innocent deputies' ballots are taken
    assert sorted(str(getattr(o, "code", o)) for o in outcomes[:2]) == [ACCEPTED, "ballot_copied"], outcomes
    issued, sealed, _ = await stored(pool, vote["id"])
    assert issued == sealed == 5


async def test_a_copied_sealed_ballot_is_refused_and_counted_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    first, second, _ = tokens.values()
    sealed = seal_marks(await sealing_key(client, vote["id"]), {congress.candidate_ids[0]: "for"})
    assert (await cast_sealed(client, first, vote["id"], sealed)).status_code == 201
    assert_refused(await cast_sealed(client, second, vote["id"], sealed), 409, "ballot_copied")
    assert await stored(pool, vote["id"]) == (1, 1, 0)
    assert (await cast(client, second, vote["id"], {})).status_code == 201  # their own ballot is still welcome
