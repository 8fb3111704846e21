"""Close, then the key cards → count → announce, timed until a public screen that listens can read the result."""

from __future__ import annotations

import asyncio
import secrets
import time

import asyncpg
import msgspec

from tally.models import Tally
from voting.auth import Role
from voting.drill.http_load import Request, fire
from voting.drill.setup import DrillCongress
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in


async def presiding_token(pool: asyncpg.Pool, settings: Settings, body_id: int) -> str:
    """A presiding officer's token for the drill's body."""
    password = secrets.token_urlsafe(16)
    await ensure_staff(pool, "drill-presiding", "演练主持人", Role.PRESIDING, password, body_id=body_id)
    return (await log_in(pool, settings, "drill-presiding", password)).token


async def wait_for_announcement(host: str, port: int, session_id: int, ready: asyncio.Event) -> None:
    """Listen on the session's SSE stream like a hall screen until vote_announced arrives."""
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(
        f"GET /api/sessions/{session_id}/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode()
    )
    await reader.readuntil(b"\r\n\r\n")
    while True:
        line = await reader.readline()
        if b"hello" in line:
            ready.set()
        if b"vote_announced" in line:
            break
    writer.close()


async def announce_round_trip(
    host: str, port: int, congress: DrillCongress, pool: asyncpg.Pool, settings: Settings
) -> tuple[float, float, Tally]:
    """Milliseconds of the close, and from the k-th key card presented to the public result on a listening screen."""
    headers = {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {await presiding_token(pool, settings, congress.body_id)}",
    }
    ready = asyncio.Event()
    screen = asyncio.create_task(wait_for_announcement(host, port, congress.session_id, ready))
    await asyncio.wait_for(ready.wait(), 10)
    vote = congress.vote_id
    closing = time.perf_counter()
    [closed] = await fire(host, port, [Request("POST", f"/api/votes/{vote}/close", b'{"confirm":true}', headers)], 1)
    assert closed.status == 202, closed.body
    close_ms = (time.perf_counter() - closing) * 1000
    # The scrutineers' step: the second card is typed, the console sends both (chief's card lost: 2 and 3).
    cards = msgspec.json.encode({"cards": congress.cards[1:3]})
    started = time.perf_counter()
    [counted] = await fire(host, port, [Request("POST", f"/api/votes/{vote}/count", cards, headers)], 1)
    assert counted.status == 200, counted.body
    [announced] = await fire(host, port, [Request("POST", f"/api/votes/{vote}/announce", b"", headers)], 1)
    assert announced.status == 200, announced.body
    await asyncio.wait_for(screen, 10)
    [public] = await fire(host, port, [Request("GET", f"/api/votes/{vote}/result", b"", {})], 1)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert public.status == 200, public.body
    return close_ms, elapsed_ms, msgspec.convert(msgspec.json.decode(public.body)["tally"], Tally)
