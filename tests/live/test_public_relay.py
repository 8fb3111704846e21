"""The public relay: each event posted once to each nchan publisher, in order; turnout thinned; nginx gone is survived.

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
from voting.public_events import PublicRelay, relay_notice
from voting.settings import Settings


class Publisher:
    """Takes POSTs as nchan's publisher does (after `delay` seconds each: a slow nginx); keeps (path, body) of each."""

    def __init__(self, port: int, delay: float = 0.0) -> None:
        self.port = port
        self.delay = delay
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
                body = msgspec.json.decode(await reader.readexactly(length))
                await asyncio.sleep(self.delay)
                self.posts.append((head.split(" ")[1], body))
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


async def relay_to(*ports: int, enrich=None) -> PublicRelay:
    relay = PublicRelay([f"http://127.0.0.1:{port}/publish/" for port in ports], enrich)
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

    relay = await relay_to(publisher.port, enrich=add_result)
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
        assert all(task is not None and not task.done() for task in relay.tasks())
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


def test_a_county_with_two_public_nginx_hosts_lists_both_publishers() -> None:
    env = {"PIAOJUE_JWT_SECRET": "x" * 40, "PIAOJUE_DATA_DIR": "/nonexistent"}
    two = "http://192.168.10.2:8090/publish, http://192.168.10.3:8090/publish/ ,"
    urls = Settings.from_env({**env, "PIAOJUE_PUBLIC_EVENTS_URL": two}).public_events_urls
    assert urls == ("http://192.168.10.2:8090/publish", "http://192.168.10.3:8090/publish/")
    assert Settings.from_env({**env, "PIAOJUE_PUBLIC_EVENTS_URL": ""}).public_events_urls == ()
    assert Settings.from_env(env).public_events_urls == ()
    notice = relay_notice(urls)
    assert "http://192.168.10.2:8090/publish" in notice and "http://192.168.10.3:8090/publish/" in notice


async def test_each_publisher_gets_every_event_in_order_and_a_slow_or_down_one_holds_up_no_other(
    caplog: pytest.LogCaptureFixture,
) -> None:
    quick, slow = Publisher(free_port()), Publisher(free_port(), delay=0.5)
    down = free_port()  # an nginx host that is off: every post is refused, retried for about 1.6 s, dropped
    await quick.start()
    await slow.start()
    relay = await relay_to(down, slow.port, quick.port)
    made = [(7, "vote_opened"), (7, "attendance"), (8, "vote_opened"), (7, "vote_closed")]
    expected = [(f"/publish/{session}", name) for session, name in made]
    try:
        with caplog.at_level(logging.WARNING, logger="voting.public_events"):
            started = asyncio.get_running_loop().time()
            for session, name in made:
                relay.offer(session, event(name, vote_id=3))
            await until(lambda: len(quick.posts) == 4, seconds=1.5)
            # Behind the down one it would take 4 × 1.6 s, behind the slow one 4 × 0.5 s; a loaded CI has slack.
            assert asyncio.get_running_loop().time() - started < 1.2
            assert len(slow.posts) < 4
            assert [(path, body["event"]) for path, body in quick.posts] == expected
            await until(lambda: len(slow.posts) == 4, seconds=5.0)
            assert [(path, body["event"]) for path, body in slow.posts] == expected
            await until(lambda: caplog.text.count("did not take an event") == 4, seconds=10.0)
        assert f"127.0.0.1:{down}/publish" in caplog.text
        assert f":{quick.port}/" not in caplog.text and f":{slow.port}/" not in caplog.text
        await asyncio.sleep(0.2)
        assert len(quick.posts) == len(slow.posts) == 4  # once each, no more
    finally:
        await relay.stop()
        await quick.stop()
        await slow.stop()
