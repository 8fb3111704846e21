"""The public relay: each event posted once to nchan's publisher, in order; turnout thinned; nginx gone is survived.

A small HTTP server on a free port stands in for nginx's publisher and notes every
POST (tests/deploy/test_nginx.py runs the real one from deploy/nginx.conf).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import msgspec
import pytest

from tests.servers import free_port
from voting.public_events import PublicRelay


class Publisher:
    """Takes POSTs as nchan's publisher does; keeps (path, body) of each."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.posts: list[tuple[str, dict[str, object]]] = []
        self.server: asyncio.Server | None = None

    async def start(self) -> None:
        """Listen."""
        self.server = await asyncio.start_server(self.answer, "127.0.0.1", self.port)

    async def answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Answer every request on the connection with 201."""
        with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode()
                lines = head.lower().split("\r\n")
                length = next(int(h.split(":")[1]) for h in lines if h.startswith("content-length"))
                self.posts.append((head.split(" ")[1], msgspec.json.decode(await reader.readexactly(length))))
                writer.write(b"HTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n")
                await writer.drain()

    async def stop(self) -> None:
        """Stop listening."""
        assert self.server is not None
        self.server.close()


@pytest.fixture
async def publisher() -> AsyncIterator[Publisher]:
    found = Publisher(free_port())
    await found.start()
    yield found
    await found.stop()


async def relay_to(port: int, enrich=None) -> PublicRelay:
    relay = PublicRelay(f"http://127.0.0.1:{port}/publish/", enrich)
    relay.start()
    return relay


def event(name: str, **data: object) -> bytes:
    return msgspec.json.encode({"event": name, "data": data})


async def until(condition, seconds: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + seconds
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.02)


async def test_each_event_is_posted_once_to_its_session_in_the_order_made(publisher: Publisher) -> None:
    relay = await relay_to(publisher.port)
    try:
        for name in ("vote_opened", "attendance", "vote_closed"):
            relay.offer(7, event(name, vote_id=3))
        relay.offer(8, event("vote_opened", vote_id=4))
        await until(lambda: len(publisher.posts) == 4)
        await asyncio.sleep(0.2)  # nothing more comes
        assert [(path, body["event"]) for path, body in publisher.posts] == [
            ("/publish/7", "vote_opened"),
            ("/publish/7", "attendance"),
            ("/publish/7", "vote_closed"),
            ("/publish/8", "vote_opened"),
        ]
    finally:
        await relay.stop()


async def test_turnout_goes_out_at_most_once_a_second_and_the_latest_count_wins(publisher: Publisher) -> None:
    relay = await relay_to(publisher.port)
    try:
        for cast in range(1, 21):  # four a second per host, as the turnout feed publishes
            relay.offer(7, event("turnout", vote_id=3, cast=cast))
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.2)
        turnouts = [body["data"]["cast"] for _, body in publisher.posts]
        assert 1 <= len(turnouts) <= 3, turnouts  # about a second's worth: 20 offered over one second
        assert turnouts[-1] == 20  # the last count is never lost
        assert turnouts == sorted(turnouts)
    finally:
        await relay.stop()


async def test_the_announcement_posted_carries_what_the_enricher_adds(publisher: Publisher) -> None:
    async def add_result(message: bytes) -> bytes:
        found = msgspec.json.decode(message)
        found["data"]["result"] = {"chosen": [11, 12]}
        return msgspec.json.encode(found)

    relay = await relay_to(publisher.port, add_result)
    try:
        relay.offer(7, event("vote_announced", vote_id=3))
        relay.offer(7, event("vote_closed", vote_id=4))
        await until(lambda: len(publisher.posts) == 2)
        assert publisher.posts[0][1]["data"] == {"vote_id": 3, "result": {"chosen": [11, 12]}}
        assert publisher.posts[1][1]["data"] == {"vote_id": 4}  # only the announcement is enriched
    finally:
        await relay.stop()


async def test_nginx_down_is_logged_never_raised_and_later_events_still_go_out(caplog: pytest.LogCaptureFixture):
    port = free_port()
    relay = await relay_to(port)
    try:
        with caplog.at_level(logging.WARNING, logger="voting.public_events"):
            relay.offer(7, event("vote_opened", vote_id=3))  # nobody listens: retried, then dropped
            await until(lambda: "did not take an event for session 7" in caplog.text)
        assert relay.task is not None and not relay.task.done()
        late = Publisher(port)  # nginx is back
        await late.start()
        try:
            relay.offer(7, event("vote_closed", vote_id=3))
            await until(lambda: len(late.posts) == 1)
            assert late.posts[0][1]["event"] == "vote_closed"
        finally:
            await late.stop()
    finally:
        await relay.stop()
