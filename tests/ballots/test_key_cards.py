"""The key ceremony and the scrutineers' step: cards made once, the count opened only by k of them."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import (
    KEY_CARDS,
    assert_refused,
    audit_events,
    cast,
    create_vote,
    make_key_cards,
    stored,
    vote_in_progress,
)
from voting.app import create_app
from voting.settings import Settings


async def test_a_vote_cannot_open_before_its_key_cards_are_made_and_they_are_shown_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    for deputy_id in congress.deputy_ids:
        await client.post(
            f"/api/sessions/{congress.session_id}/attendance/{deputy_id}",
            headers=congress.clerk,
            json={"status": "present"},
        )
    draft = await create_vote(client, congress)
    assert_refused(
        await client.post(f"/api/votes/{draft['id']}/open", headers=congress.presiding), 409, "key_cards_missing"
    )
    made = await client.post(f"/api/votes/{draft['id']}/key-cards", headers=congress.presiding, json={})
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["threshold"], len(body["cards"])) == (2, 3)
    assert all(c["qr_svg"].startswith("<svg") for c in body["cards"])
    again = await client.post(f"/api/votes/{draft['id']}/key-cards", headers=congress.presiding, json={})
    assert_refused(again, 409, "key_cards_made")
    assert (await client.post(f"/api/votes/{draft['id']}/open", headers=congress.presiding)).status_code == 200
    async with pool.acquire() as conn:
        kept = await conn.fetchrow("SELECT * FROM sealing_key WHERE vote_id = $1", draft["id"])
        dump = str(dict(kept)) + str(await conn.fetch("SELECT detail::text FROM audit_event"))
    assert not [c for c in body["cards"] if c["text"].split("-")[2] in dump]  # no share is stored anywhere
    made_event = [e for e in await audit_events(pool, "vote", draft["id"]) if e["action"] == "sealing.key_made"]
    assert made_event[0]["detail"]["fingerprint"] == body["fingerprint"]
    assert made_event[0]["detail"]["card_commitments"] == list(kept["commitments"])


@pytest.mark.parametrize(
    ("which", "status", "code"),
    [
        ("one card", 400, "shares_too_few"),
        ("the same card twice", 400, "share_repeated"),
        ("another vote's card", 409, "share_for_another_vote"),
        ("a mistyped card", 400, "share_malformed"),
        ("no card", 400, "shares_too_few"),
    ],
)
async def test_the_count_is_refused_without_k_good_cards_and_nothing_changes(
    which: str, status: int, code: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    other = await create_vote(client, congress)
    other_cards = await make_key_cards(client, congress, other["id"])
    vote, tokens = await vote_in_progress(client, congress)
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[0]: "for"})).status_code == 201
    closed = await client.post(f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.status_code == 202 and closed.json()["state"] == "awaiting_keys", closed.text
    mine = KEY_CARDS[vote["id"]]
    cards = {
        "one card": mine[:1],
        "the same card twice": [mine[0], mine[0]],
        "another vote's card": [mine[0], other_cards[1]],
        "a mistyped card": [mine[0], mine[1].replace(mine[1][8], "A" if mine[1][8] != "A" else "B", 1)],
        "no card": [],
    }[which]
    refused = await client.post(f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": cards})
    assert_refused(refused, status, code)
    assert (await client.get(f"/api/votes/{vote['id']}", headers=congress.presiding)).json()["state"] == "awaiting_keys"
    assert await stored(pool, vote["id"]) == (4, 4, 0)
    counted = await client.post(f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": mine[::2]})
    assert counted.status_code == 200, counted.text
    assert counted.json()["counts"][0]["votes_for"] == 4


async def test_a_restart_between_close_and_the_cards_loses_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5, candidates=3)
    vote, tokens = await vote_in_progress(client, congress, seats=1)
    for token in tokens.values():
        assert (await cast(client, token, vote["id"], {congress.candidate_ids[1]: "for"})).status_code == 201
    closed = await client.post(f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.status_code == 202, closed.text
    late = await cast(client, tokens[congress.deputy_ids[0]], vote["id"], {})
    assert_refused(late, 409, "vote_not_open")
    # A fresh app process (as after kill -9 or a reboot) on the same database: the state was kept, no secret was.
    async with AsyncTestClient(app=create_app(settings)) as restarted:
        cards = KEY_CARDS[vote["id"]][:2]
        counted = await restarted.post(
            f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": cards}
        )
        assert counted.status_code == 200, counted.text
        assert counted.json()["ballots_cast"] == 5
        assert counted.json()["chosen"] == [congress.candidate_ids[1]]
        again = await restarted.post(
            f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": cards}
        )
        assert_refused(again, 409, "vote_not_awaiting_keys")
    events = [e["action"] for e in await audit_events(pool, "vote", vote["id"])]
    assert events.count("vote.closed") == 1 and events.count("vote.unsealed") == 1 and events.count("vote.tallied") == 1
