"""What the console and the tablets do, one HTTP step at a time, for the integration tests.

(Named for what it holds rather than "helpers": STYLE.md §8.)
"""

from __future__ import annotations

import asyncio
import base64
import secrets
from typing import Any

import asyncpg
import httpx
import msgspec
from litestar.testing import AsyncTestClient

from ballots import sealing
from tests.factories import Congress, bearer


def new_cast_id() -> str:
    """A tablet's random id for one ballot (32 hex digits)."""
    return secrets.token_hex(16)


def assert_refused(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is a refusal of this status (and code) in the one error shape; returns its body."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body.get("message_zh"), body
    assert body.get("message_en"), body
    if code is not None:
        assert body["error"] == code, body
    else:
        assert body.get("error"), body
    return body


async def create_vote(
    client: AsyncTestClient,
    congress: Congress,
    seats: int = 2,
    candidate_ids: list[int] | None = None,
    **rules: Any,
) -> dict[str, Any]:
    """A draft vote on the congress's candidates (all, by default)."""
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={
            "title": "民生实事项目票决",
            "reason": "测试：不从候选项目清单产生的表决",
            "candidate_ids": congress.candidate_ids if candidate_ids is None else candidate_ids,
            "rules": {"seats": seats, **rules},
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def log_in(client: AsyncTestClient, congress: Congress, deputy_id: int) -> str:
    """Spend a deputy's seat-card code; returns the tablet token (the deputy is now present)."""
    response = await client.post("/api/tablet/login", json={"code": congress.codes[deputy_id]})
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


async def log_in_all(client: AsyncTestClient, congress: Congress, deputy_ids: list[int]) -> dict[int, str]:
    """Log many tablets in at once; deputy id → token."""
    tokens = await asyncio.gather(*(log_in(client, congress, d) for d in deputy_ids))
    return dict(zip(deputy_ids, tokens, strict=True))


async def mark(client: AsyncTestClient, congress: Congress, deputy_id: int, status: str) -> httpx.Response:
    """A clerk marks one deputy present, on leave, or absent."""
    return await client.post(
        f"/api/sessions/{congress.session_id}/attendance/{deputy_id}",
        headers=congress.clerk,
        json={"status": status},
    )


# The key cards handed out at each vote's ceremony, as the scrutineers would keep them (vote id → card texts).
KEY_CARDS: dict[int, list[str]] = {}


async def make_key_cards(client: AsyncTestClient, congress: Congress, vote_id: int) -> list[str]:
    """The key ceremony (2 of 3 cards) of a draft vote; the cards are kept for closing it."""
    response = await client.post(f"/api/votes/{vote_id}/key-cards", headers=congress.presiding, json={})
    assert response.status_code == 201, response.text
    KEY_CARDS[vote_id] = [c["text"] for c in response.json()["cards"]]
    return KEY_CARDS[vote_id]


async def open_vote(client: AsyncTestClient, congress: Congress, vote_id: int) -> httpx.Response:
    """The presiding officer opens a vote (its key cards made first, as the count console does)."""
    vote = await client.get(f"/api/votes/{vote_id}", headers=congress.presiding)
    if vote.status_code == 200 and vote.json()["mode"] != "paper" and vote_id not in KEY_CARDS:
        made = await client.post(f"/api/votes/{vote_id}/key-cards", headers=congress.presiding, json={})
        if made.status_code == 201:
            KEY_CARDS[vote_id] = [c["text"] for c in made.json()["cards"]]
    return await client.post(f"/api/votes/{vote_id}/open", headers=congress.presiding)


async def close_vote(client: AsyncTestClient, congress: Congress, vote_id: int) -> httpx.Response:
    """The presiding officer closes a vote and two scrutineers' key cards open the count at once."""
    cards = KEY_CARDS.get(vote_id, [])[:2]
    return await client.post(
        f"/api/votes/{vote_id}/close", headers=congress.presiding, json={"confirm": True, "cards": cards}
    )


async def sealing_key(client: AsyncTestClient, vote_id: int) -> dict[str, Any]:
    """A vote's public sealing key, as a tablet reads it."""
    response = await client.get(f"/api/votes/{vote_id}/sealing-key")
    assert response.status_code == 200, response.text
    return dict(response.json())


def seal_marks(key: dict[str, Any], marks: dict[int, str]) -> str:
    """What the tablet sends: the marks sealed to the vote's key (ballots.sealing), base64."""
    plain = msgspec.json.encode({str(k): v for k, v in marks.items()})
    padded = plain + b" " * (key["plain_size"] - len(plain))
    return base64.b64encode(sealing.seal(base64.b64decode(key["public_key"]), key["label"], padded)).decode()


async def cast(
    client: AsyncTestClient, token: str, vote_id: int, marks: dict[int, str], cast_id: str | None = None
) -> httpx.Response:
    """A tablet seals and submits a ballot (to a vote with no key, e.g. a paper one: bytes the service refuses)."""
    found = await client.get(f"/api/votes/{vote_id}/sealing-key", headers=bearer(token))
    sealed = seal_marks(found.json(), marks) if found.status_code == 200 else "AAAA"
    return await cast_sealed(client, token, vote_id, sealed, cast_id)


async def cast_sealed(
    client: AsyncTestClient, token: str, vote_id: int, sealed: str, cast_id: str | None = None
) -> httpx.Response:
    """A tablet submits already sealed bytes (a resend sends the very same)."""
    return await client.post(
        f"/api/votes/{vote_id}/ballots",
        headers=bearer(token),
        json={"cast_id": cast_id or new_cast_id(), "sealed": sealed},
    )


async def vote_in_progress(
    client: AsyncTestClient, congress: Congress, present: int | None = None, seats: int = 2, **rules: Any
) -> tuple[dict[str, Any], dict[int, str]]:
    """A vote opened with the first `present` deputies (all, by default) logged in; returns it and their tokens."""
    vote = await create_vote(client, congress, seats=seats, **rules)
    tokens = await log_in_all(client, congress, congress.deputy_ids[: present or len(congress.deputy_ids)])
    opened = await open_vote(client, congress, vote["id"])
    assert opened.status_code == 200, opened.text
    return vote, tokens


async def audit_events(pool: asyncpg.Pool, object_type: str, object_id: int | str) -> list[asyncpg.Record]:
    """The audit events about one object, oldest first."""
    async with pool.acquire() as conn:
        return list(
            await conn.fetch(
                "SELECT actor, role, action, detail FROM audit_event"
                " WHERE object_type = $1 AND object_id = $2 ORDER BY id",
                object_type,
                str(object_id),
            )
        )


async def fetch_count(pool: asyncpg.Pool, sql: str, *args: Any) -> int:
    """One count(*) query."""
    async with pool.acquire() as conn:
        return int(await conn.fetchval(sql, *args))


async def stored(pool: asyncpg.Pool, vote_id: int) -> tuple[int, int, int]:
    """(ballot_issued, sealed ballots with their trackers, opened plain ballots) rows of a vote."""
    return (
        await fetch_count(pool, "SELECT count(*) FROM ballot_issued WHERE vote_id = $1", vote_id),
        await fetch_count(pool, "SELECT count(*) FROM ballot_receipt WHERE vote_id = $1", vote_id),
        await fetch_count(pool, "SELECT count(*) FROM ballot WHERE vote_id = $1", vote_id),
    )
