"""Casting on a tablet: a ballot is checked against the vote's form, taken once, and receipted."""

from __future__ import annotations

import base64
import hashlib
import re

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from ballots import sealing
from tests.factories import bearer, make_congress
from tests.steps import (
    assert_refused,
    cast,
    cast_sealed,
    close_vote,
    create_vote,
    log_in,
    make_key_cards,
    mark,
    new_cast_id,
    seal_marks,
    sealing_key,
    stored,
    vote_in_progress,
)
from voting.settings import Settings

RECEIPT = re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$")


async def test_valid_ballot_is_taken_with_a_receipt(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    a, b, _ = congress.candidate_ids
    response = await cast(client, tokens[congress.deputy_ids[0]], vote["id"], {a: "for", b: "for"})
    assert response.status_code == 201, response.text
    assert response.json()["vote_id"] == vote["id"]
    assert response.json()["resent"] is False
    assert RECEIPT.match(response.json()["receipt"])
    blank = await cast(client, tokens[congress.deputy_ids[1]], vote["id"], {})
    assert blank.status_code == 201, blank.text  # a blank ballot (空白票) is valid
    assert await stored(pool, vote["id"]) == (2, 2, 0)  # sealed until the count is opened


async def test_receipt_is_the_tracker_of_the_sealed_bytes_sent(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    sealed = seal_marks(await sealing_key(client, vote["id"]), {congress.candidate_ids[0]: "for"})
    answer = (await cast_sealed(client, tokens[congress.deputy_ids[0]], vote["id"], sealed)).json()
    assert answer["tracker"] == hashlib.sha256(base64.b64decode(sealed)).hexdigest()
    assert answer["receipt"] == sealing.receipt_code(answer["tracker"])
    async with pool.acquire() as conn:
        kept = await conn.fetchrow("SELECT receipt_hash, sealed FROM ballot_receipt WHERE vote_id = $1", vote["id"])
    assert (bytes(kept["receipt_hash"]).hex(), bytes(kept["sealed"])) == (answer["tracker"], base64.b64decode(sealed))


async def test_ballot_sealed_for_another_vote_is_refused_and_nothing_stored(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    other = await create_vote(client, congress, seats=2)
    await make_key_cards(client, congress, other["id"])
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    other_key = (await client.get(f"/api/votes/{other['id']}/sealing-key", headers=congress.presiding)).json()
    sealed = seal_marks(other_key, {congress.candidate_ids[0]: "for"})
    refused = await cast_sealed(client, tokens[congress.deputy_ids[0]], vote["id"], sealed)
    assert_refused(refused, 400, "sealed_for_another_vote")
    short = seal_marks({**await sealing_key(client, vote["id"]), "plain_size": 10}, {})
    assert_refused(
        await cast_sealed(client, tokens[congress.deputy_ids[0]], vote["id"], short), 400, "sealed_malformed"
    )
    assert await stored(pool, vote["id"]) == (0, 0, 0)


@pytest.mark.parametrize(
    ("marks", "code"),
    [
        ("three for, two seats", "ballot_overmarked"),
        ("unknown candidate", "ballot_unknown_candidate"),
        ("against", "ballot_mark_not_allowed"),
        ("abstain", "ballot_mark_not_allowed"),
    ],
)
async def test_sealed_ballot_that_breaks_the_form_is_counted_void_with_its_reason(
    marks: str, code: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=4)
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    a, b, c, _ = congress.candidate_ids
    ballot = {
        "three for, two seats": {a: "for", b: "for", c: "for"},
        "unknown candidate": {a: "for", 987654321: "for"},
        "against": {a: "for", b: "against"},
        "abstain": {a: "abstain"},
    }[marks]
    # The server cannot read a sealed ballot: a tampered tablet's bad ballot is taken, and void at the count.
    assert (await cast(client, tokens[congress.deputy_ids[0]], vote["id"], ballot)).status_code == 201
    assert (await cast(client, tokens[congress.deputy_ids[1]], vote["id"], {a: "for"})).status_code == 201
    tally = (await close_vote(client, congress, vote["id"])).json()
    assert (tally["ballots_cast"], tally["ballots_valid"], tally["ballots_invalid"]) == (2, 1, 1)
    async with pool.acquire() as conn:
        reasons = await conn.fetch("SELECT void_reason FROM ballot WHERE vote_id = $1", vote["id"])
    assert sorted(str(r["void_reason"]) for r in reasons) == sorted(["None", code.removeprefix("ballot_")])


async def test_per_candidate_vote_counts_for_against_and_abstain(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5, candidates=2)
    a, b = congress.candidate_ids
    vote, tokens = await vote_in_progress(client, congress, seats=2, form="per_candidate")
    ballots = [
        {a: "for", b: "for"},
        {a: "for", b: "against"},
        {a: "for", b: "against"},
        {a: "against"},  # b unmarked: an abstention
        {a: "abstain", b: "abstain"},
    ]
    for token, ballot in zip(tokens.values(), ballots, strict=True):
        response = await cast(client, token, vote["id"], ballot)
        assert response.status_code == 201, response.text
    tally = (await close_vote(client, congress, vote["id"])).json()
    lines = {
        line["candidate_id"]: (line["votes_for"], line["votes_against"], line["abstentions"], line["outcome"])
        for line in tally["counts"]
    }
    assert lines == {a: (3, 1, 1, "chosen"), b: (1, 2, 2, "below_threshold")}  # 3 of 5 is more than half
    assert (tally["ballots_cast"], tally["ballots_valid"], tally["ballots_invalid"]) == (5, 5, 0)
    assert tally["chosen"] == [a]


@pytest.mark.parametrize("status", ["absent", "leave"])
async def test_deputy_not_checked_in_cannot_cast(
    status: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    vote, tokens = await vote_in_progress(client, congress)
    gone = congress.deputy_ids[0]
    assert (await mark(client, congress, gone, status)).status_code == 200
    refused = await cast(client, tokens[gone], vote["id"], {congress.candidate_ids[0]: "for"})
    assert_refused(refused, 403, "not_checked_in")
    assert await stored(pool, vote["id"]) == (0, 0, 0)


async def test_ballot_for_a_vote_that_is_not_open_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    draft = await create_vote(client, congress)
    await make_key_cards(client, congress, draft["id"])
    token = await log_in(client, congress, congress.deputy_ids[0])
    key = (await client.get(f"/api/votes/{draft['id']}/sealing-key", headers=congress.presiding)).json()
    sealed = seal_marks(key, {congress.candidate_ids[0]: "for"})
    assert_refused(await cast_sealed(client, token, draft["id"], sealed), 409, "vote_not_open")
    assert_refused(await cast_sealed(client, token, 987654321, sealed), 404)


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b'{"cast_id": "XYZ", "sealed": "AAAA"}',
        b'{"cast_id": "ABCDEF0123456789ABCDEF0123456789", "sealed": "AAAA"}',
        b'{"cast_id": "0123456789abcdef", "sealed": "AAAA"}',
        b'{"sealed": "AAAA"}',
        b'{"cast_id": "0123456789abcdef0123456789abcdef", "marks": {"1": "for"}}',  # plain marks: never taken
        b'{"cast_id": "0123456789abcdef0123456789abcdef", "sealed": "not base64!"}',
        b'{"cast_id": "0123456789abcdef0123456789abcdef", "sealed": "AAAA"}',  # too short to be a sealed ballot
        b'{"cast_id": "0123456789abcdef0123456789abcdef", "sealed": "AAAA", "deputy_id": 1}',
    ],
)
async def test_malformed_cast_gets_400_in_both_languages(
    body: bytes, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    response = await client.post(
        f"/api/votes/{vote['id']}/ballots",
        headers={**bearer(tokens[congress.deputy_ids[0]]), "content-type": "application/json"},
        content=body,
    )
    assert_refused(response, 400)
    assert await stored(pool, vote["id"]) == (0, 0, 0)


async def test_resend_with_the_same_cast_id_returns_the_same_receipt_and_stores_one_ballot(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    token, cast_id = tokens[congress.deputy_ids[0]], new_cast_id()
    sealed = seal_marks(await sealing_key(client, vote["id"]), {congress.candidate_ids[0]: "for"})
    first = await cast_sealed(client, token, vote["id"], sealed, cast_id)
    second = await cast_sealed(client, token, vote["id"], sealed, cast_id)
    assert first.status_code == 201, first.text
    assert second.status_code == 201, second.text
    assert (second.json()["tracker"], second.json()["resent"]) == (first.json()["tracker"], True)
    assert await stored(pool, vote["id"]) == (1, 1, 0)
    # The same cast id with other sealed bytes is not a resend: the first ballot stands.
    other = seal_marks(await sealing_key(client, vote["id"]), {congress.candidate_ids[1]: "for"})
    assert_refused(await cast_sealed(client, token, vote["id"], other, cast_id), 409, "already_voted")


async def test_a_different_second_ballot_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    token = tokens[congress.deputy_ids[0]]
    a, b, *_ = congress.candidate_ids
    assert (await cast(client, token, vote["id"], {a: "for"})).status_code == 201
    assert_refused(await cast(client, token, vote["id"], {b: "for"}), 409, "already_voted")
    assert_refused(await cast(client, token, vote["id"], {a: "for"}), 409, "already_voted")  # same marks, new cast id
    assert await stored(pool, vote["id"]) == (1, 1, 0)


async def test_resend_after_close_still_gets_the_same_receipt(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    token, cast_id = tokens[congress.deputy_ids[0]], new_cast_id()
    ballot = {congress.candidate_ids[0]: "for"}
    sealed = seal_marks(await sealing_key(client, vote["id"]), ballot)
    first = await cast_sealed(client, token, vote["id"], sealed, cast_id)
    assert (await close_vote(client, congress, vote["id"])).json()["ballots_cast"] == 1
    resent = await cast_sealed(client, token, vote["id"], sealed, cast_id)
    assert resent.status_code == 201, resent.text
    assert (resent.json()["receipt"], resent.json()["resent"]) == (first.json()["receipt"], True)
    late = await cast(client, tokens[congress.deputy_ids[1]], vote["id"], ballot)
    assert_refused(late, 409, "vote_not_open")
    assert await stored(pool, vote["id"]) == (1, 1, 1)


async def test_tablet_of_another_session_cannot_cast(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    here = await make_congress(pool, settings, deputies=3)
    elsewhere = await make_congress(pool, settings, deputies=3)
    vote, _ = await vote_in_progress(client, here)
    outsider = await log_in(client, elsewhere, elsewhere.deputy_ids[0])
    assert_refused(await cast(client, outsider, vote["id"], {here.candidate_ids[0]: "for"}), 403, "wrong_session")
    assert await stored(pool, vote["id"]) == (0, 0, 0)


async def test_staff_cannot_cast(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, _ = await vote_in_progress(client, congress)
    body = {"cast_id": new_cast_id(), "marks": {}}
    for headers, status in ((congress.presiding, 403), (congress.clerk, 403), ({}, 401)):
        assert_refused(await client.post(f"/api/votes/{vote['id']}/ballots", headers=headers, json=body), status)


async def test_ballot_of_a_deputy_who_voted_and_then_left_is_still_counted(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    vote, tokens = await vote_in_progress(client, congress)
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})).status_code == 201
    await mark(client, congress, congress.deputy_ids[0], "leave")  # 请假 after voting
    closed = await close_vote(client, congress, vote["id"])
    assert closed.status_code == 200, closed.text
    assert closed.json()["ballots_cast"] == 3


async def test_deputy_whose_term_ended_cannot_vote_and_loses_the_tablet(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    leaver = congress.deputy_ids[0]
    ended = await client.patch(f"/api/deputies/{leaver}", headers=congress.clerk, json={"active": False})
    assert ended.status_code == 200
    refused = await cast(client, tokens[leaver], vote["id"], {congress.candidate_ids[0]: "for"})
    assert_refused(refused, 401, "tablet_revoked")
    assert await stored(pool, vote["id"]) == (0, 0, 0)
