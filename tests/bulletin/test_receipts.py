"""Receipt check: a cast receipt is found, a made-up one is not, and nothing maps a receipt to a content."""

from __future__ import annotations

import base64

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.bulletin.voting_day import VotingDay, voting_day
from tests.steps import assert_refused
from voting.settings import Settings


@pytest.fixture
async def day(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> VotingDay:
    return await voting_day(client, pool, settings, deputies=6, voters=5)


async def counted(client: AsyncTestClient, vote_id: int, receipt: str) -> bool:
    by_get = await client.get(f"/api/votes/{vote_id}/receipts/check", params={"receipt": receipt})
    by_post = await client.post(f"/api/votes/{vote_id}/receipts/check", json={"receipt": receipt})
    assert by_get.status_code == by_post.status_code == 200, by_get.text + by_post.text
    assert by_get.json() == by_post.json()
    return bool(by_get.json()["counted"])


async def test_every_cast_receipt_is_counted(client: AsyncTestClient, day: VotingDay) -> None:
    for receipt in day.receipts:
        assert await counted(client, day.vote_id, receipt)
    # Typed loosely on a phone: lower case, no dash, spaces.
    loose = day.receipts[0].lower().replace("-", " ")
    assert await counted(client, day.vote_id, loose)


async def test_a_receipt_typed_with_the_usual_confusions_is_counted(client: AsyncTestClient, day: VotingDay) -> None:
    # Base32 has no 0, 1 or 8: typed for O, I and B they can only mean the letters. Full-width from a Chinese keyboard.
    for receipt in day.receipts:
        typed = receipt.replace("O", "0").replace("I", "1").replace("B", "8")
        assert await counted(client, day.vote_id, typed)
        wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in receipt)
        assert await counted(client, day.vote_id, wide)


async def test_a_wrong_length_receipt_says_how_many_were_typed(client: AsyncTestClient, day: VotingDay) -> None:
    response = await client.post(f"/api/votes/{day.vote_id}/receipts/check", json={"receipt": "ABCDE-2345"})
    body = assert_refused(response, 400, "receipt_invalid")
    assert "10位" in body["message_zh"] and "9 位" in body["message_zh"] and body["detail"]["field"] == "receipt"


async def test_a_made_up_receipt_is_not_counted(client: AsyncTestClient, day: VotingDay) -> None:
    made_up = "AAAAA-22222" if day.receipts[0] != "AAAAA-22222" else "BBBBB-33333"
    assert not await counted(client, day.vote_id, made_up)


async def test_another_votes_receipt_is_not_counted_here(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, day: VotingDay
) -> None:
    other = await voting_day(client, pool, settings, deputies=3, voters=2)
    assert not await counted(client, day.vote_id, other.receipts[0])


@pytest.mark.parametrize("receipt", ["", "ABCDE", "ABCDE-2345", "ABCDE-234567", "ABCDE-1890!", "收据收据收据收据收据"])
async def test_a_malformed_receipt_is_refused(client: AsyncTestClient, day: VotingDay, receipt: str) -> None:
    response = await client.get(f"/api/votes/{day.vote_id}/receipts/check", params={"receipt": receipt})
    assert_refused(response, 400)


async def test_the_receipt_list_is_the_sorted_trackers_whose_codes_the_tablets_showed(
    client: AsyncTestClient, day: VotingDay
) -> None:
    listed = (await client.get(f"/api/votes/{day.vote_id}/receipts")).json()
    assert listed == sorted(listed) and len(listed) == len(set(listed)) == len(day.receipts)
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in listed)

    def code(tracker: str) -> str:
        # The tablet's rule (seal.js, ballots/sealing.py), restated: the tracker's first 50 bits in base32.
        raw = base64.b32encode(bytes.fromhex(tracker)[:7]).decode()[:10]
        return f"{raw[:5]}-{raw[5:]}"

    assert sorted(code(t) for t in listed) == sorted(day.receipts)
    assert await counted(client, day.vote_id, listed[0])  # the whole tracker is a receipt too
