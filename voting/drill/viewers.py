"""Public viewers for the drill: each one does what public.js does on a phone, over plain sockets.

A viewer opens the session's event stream; once it is open it lists the session as the
page does (attendance summary, votes, then the turnout of an open vote or the
result of an announced one it has not seen); a closed vote is redrawn from the
event; an announcement carrying the result is shown from the event, one without
it makes the viewer fetch the result; any other vote event lists again. The drill
notes when each viewer has everything the page shows for the announced vote.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import msgspec

from voting.drill.http_load import Request, encode, read_reply


class EventData(msgspec.Struct):
    """What a viewer reads of an event's data: the vote, and whether the result came with it."""

    vote_id: int | None = None
    # Kept as bytes (absent: empty): the page has it then; building it in Python is not the server's time.
    result: msgspec.Raw = msgspec.field(default_factory=msgspec.Raw)


class Event(msgspec.Struct):
    """One event as the stream carries it."""

    event: str
    data: EventData = msgspec.field(default_factory=EventData)


EVENT = msgspec.json.Decoder(Event)
LIMIT = 1 << 22  # a result line of a large vote is well under 4 MiB
SKIPPED = (b'"event":"turnout"', b'"event":"beat"', b'"event":"attendance"', b'"event":"live"', b'"event":"hello"')


@dataclass
class Viewer:
    """One public page on one phone, and what happened to it."""

    host: str
    port: int
    session_id: int
    vote_id: int  # the vote whose announcement is timed
    connected: bool = False
    result_at: float | None = None
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    results: set[int] = field(default_factory=set)  # votes whose result the page holds
    votes: set[int] = field(default_factory=set)  # votes on the page
    have_result: asyncio.Event | None = None  # set by the last viewer of a crowd to get the result
    remaining: list[int] = field(default_factory=lambda: [0])  # viewers of the crowd still without it

    async def get(self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter], path: str) -> bytes:
        """One GET on the page's keep-alive connection, as fetch() with no cookie."""
        reader, writer = connection
        writer.write(encode(Request("GET", path, b"", {"Accept": "application/json"}), f"{self.host}:{self.port}"))
        status, body = await read_reply(reader)
        self.requests += 1
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        return body

    async def resync(self) -> None:
        """List the session again, as public.js's resync() does."""
        connection = await asyncio.open_connection(self.host, self.port, limit=LIMIT)
        try:
            await self.get(connection, f"/api/sessions/{self.session_id}/attendance/summary")
            votes = msgspec.json.decode(await self.get(connection, f"/api/sessions/{self.session_id}/votes"))
            self.votes = {vote["id"] for vote in votes}
            for vote in votes:
                if vote["state"] == "open":
                    await self.get(connection, f"/api/votes/{vote['id']}/turnout")
                elif vote["state"] == "announced" and vote["id"] not in self.results:
                    await self.get(connection, f"/api/votes/{vote['id']}/result")
                    self.results.add(vote["id"])
        finally:
            connection[1].close()

    async def on_event(self, name: str, data: EventData) -> None:
        """What the page does with one event."""
        vote_id = data.vote_id
        if name in ("vote_closed", "vote_awaiting_keys") and vote_id in self.votes:
            return  # redrawn from the event
        if name == "vote_announced" and isinstance(vote_id, int) and vote_id in self.votes:
            if not data.result or bytes(data.result) == b"null":
                connection = await asyncio.open_connection(self.host, self.port, limit=LIMIT)
                try:
                    await self.get(connection, f"/api/votes/{vote_id}/result")
                finally:
                    connection[1].close()
            self.results.add(vote_id)
        elif name.startswith("vote_"):
            await self.resync()

    def count_done(self) -> None:
        """This viewer has the result, or never will."""
        self.remaining[0] -= 1
        if self.remaining[0] == 0 and self.have_result is not None:
            self.have_result.set()

    async def watch(self, ready: asyncio.Semaphore) -> None:
        """Open the stream and follow it, as a page stays open; notes when the timed vote's result is on it."""
        reader, writer = await asyncio.open_connection(self.host, self.port, limit=LIMIT)
        released = False
        try:
            writer.write(
                f"GET /api/sessions/{self.session_id}/events HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                "Accept: text/event-stream\r\n\r\n".encode()
            )
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            if status != 200:
                raise RuntimeError(f"event stream: {status}")
            chunked = b"transfer-encoding: chunked" in head.lower()
            await self.resync()  # the stream is open: list the session, as the page's onopen does
            self.connected = True
            released = True
            ready.release()
            async for message in messages(reader, chunked):
                if any(skip in message for skip in SKIPPED):
                    continue
                event = EVENT.decode(message)
                await self.on_event(event.event, event.data)
                if self.vote_id in self.results and self.result_at is None:
                    self.result_at = time.perf_counter()
                    self.count_done()
        except (OSError, RuntimeError, asyncio.IncompleteReadError, msgspec.DecodeError) as error:
            self.failures.append(f"{type(error).__name__}: {error}")
        finally:
            writer.close()
            if not released:
                ready.release()
            if self.result_at is None:  # the stream ended without the result: stop waiting for this one
                self.failures.append("stream ended without the result")
                self.count_done()


async def messages(reader: asyncio.StreamReader, chunked: bool) -> AsyncIterator[bytes]:
    """The `data:` payloads of a Server-Sent Events body, one per event."""
    buffer = b""
    while True:
        if chunked:
            size = int((await reader.readuntil(b"\r\n")).strip() or b"0", 16)
            if size == 0:
                return
            buffer += (await reader.readexactly(size + 2))[:-2]
        else:
            chunk = await reader.read(65536)
            if not chunk:
                return
            buffer += chunk
        buffer = buffer.replace(b"\r\n", b"\n")
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            data = b"\n".join(line[5:].lstrip() for line in block.split(b"\n") if line.startswith(b"data:"))
            if data:
                yield data


async def open_viewers(
    addresses: list[tuple[str, int]], session_id: int, vote_id: int, count: int, opening_at_once: int = 200
) -> tuple[list[Viewer], list[asyncio.Task[None]], asyncio.Event]:
    """Open `count` viewers spread over the addresses; returns once each has listed the session (or failed),
    with the event set when every one of them has the result (or failed)."""
    ready = asyncio.Semaphore(opening_at_once)
    have_result, remaining = asyncio.Event(), [count]
    viewers = [
        Viewer(*addresses[i % len(addresses)], session_id, vote_id, have_result=have_result, remaining=remaining)
        for i in range(count)
    ]
    tasks = []
    for viewer in viewers:
        await ready.acquire()
        tasks.append(asyncio.create_task(viewer.watch(ready)))
    for _ in range(opening_at_once):  # every opening viewer has listed the session or failed
        await ready.acquire()
    if count == 0:
        have_result.set()
    return viewers, tasks, have_result
