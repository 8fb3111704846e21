"""An evaluation round, one HTTP step at a time: opened with its key cards, rated from the tablets, closed."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import msgspec
from litestar.testing import AsyncTestClient

from ballots import sealing
from tests.factories import bearer
from tests.supervision.world import World


async def new_round(client: AsyncTestClient, world: World, **fields: Any) -> dict[str, Any]:
    """A round on both projects, opened."""
    body = {
        "body_id": world.congress.body_id,
        "title": "年终满意度测评",
        "session_id": world.congress.session_id,
        **fields,
    }
    created = await client.post("/api/evaluations", headers=world.congress.clerk, json=body)
    assert created.status_code == 201, created.text
    await make_round_cards(client, world, created.json()["id"])
    opened = await client.post(f"/api/evaluations/{created.json()['id']}/open", headers=world.congress.clerk)
    assert opened.status_code == 200, opened.text
    return dict(opened.json())


# The key cards of each round, as the clerks who hold them would keep them (round id → card texts).
ROUND_CARDS: dict[int, list[str]] = {}


async def make_round_cards(client: AsyncTestClient, world: World, round_id: int) -> list[str]:
    """The key ceremony of a draft round (2 of 3 cards)."""
    made = await client.post(f"/api/evaluations/{round_id}/key-cards", headers=world.congress.clerk, json={})
    assert made.status_code == 201, made.text
    ROUND_CARDS[round_id] = [c["text"] for c in made.json()["cards"]]
    return ROUND_CARDS[round_id]


async def close_round(client: AsyncTestClient, world: World, round_id: int) -> httpx.Response:
    """The clerk closes the round and two card holders open its sheets at once."""
    cards = ROUND_CARDS.get(round_id, [])[:2]
    body = {"confirm": True, "cards": cards}
    return await client.post(f"/api/evaluations/{round_id}/close", headers=world.congress.clerk, json=body)


async def seal_sheet(client: AsyncTestClient, round_id: int, sheet: dict[str, Any]) -> str:
    """A sheet sealed to the round's key as the tablet does (ballots.sealing), base64."""
    found = await client.get(f"/api/evaluations/{round_id}/sealing-key")
    if found.status_code != 200:
        return "AAAA"  # no key yet (or no round): the service refuses before it looks at the bytes
    key = found.json()
    plain = msgspec.json.encode(sheet)
    padded = plain + b" " * (key["plain_size"] - len(plain))
    return base64.b64encode(sealing.seal(base64.b64decode(key["public_key"]), key["label"], padded)).decode()


async def submit(client: AsyncTestClient, token: str, round_id: int, sheet: dict[str, Any]) -> httpx.Response:
    """A tablet seals and submits a sheet."""
    sealed = await seal_sheet(client, round_id, sheet)
    return await client.post(f"/api/evaluations/{round_id}/ratings", headers=bearer(token), json={"sealed": sealed})


async def rate(client: AsyncTestClient, token: str, round_id: int, levels: dict[int, str]) -> httpx.Response:
    """A tablet submits its sheet of levels."""
    return await submit(client, token, round_id, {"ratings": [{"item_id": i, "level": lv} for i, lv in levels.items()]})
