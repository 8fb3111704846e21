"""The public's live events, held by nginx's nchan module: each event is posted to it once.

Ten thousand phones following a session cost the app nothing per phone this way.
Written from Python, every stream cost about 0.2 ms of a core per event, so an
announcement reached the last of 10,000 phones after about two seconds and the
hall's requests waited behind the writes. nchan (deploy/nginx.conf, the public
server) keeps the phones' streams in C and copies one posted message to all of
them. The app posts to it from the host that made the change, right after the
commit, so the public hears an event even while this host's LISTEN connection
to the database is being re-established.

A county with more than one public nginx lists every publisher in
PIAOJUE_PUBLIC_EVENTS_URL (comma-separated): each event goes once to each, in
order per publisher. Each publisher has its own queue and task, so a slow or
unreachable nginx delays only its own phones.

The message is the same JSON the app's own stream sends (`{"event", "data"}`), the
announcement carrying its result, so public.js reads both alike. Turnout goes out at
most once a second per session (the latest count): a phone needs no more, and nchan
would otherwise copy four frames a second to every phone. Posting never blocks the
caller; a failed post is retried briefly, then logged (naming the publisher) and
dropped, and a page that missed something catches up when its stream reopens.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

import httpx

from voting.live import Enrich
from voting.turnout_pace import TurnoutPace

log = logging.getLogger(__name__)

TURNOUT_EVERY_S = 1.0
RETRY_WAITS_S = (0.1, 0.5, 1.0)
QUEUE_LIMIT = 10_000  # events waiting to be posted to one nginx; beyond it that nginx is gone, the oldest dropped


class PublicRelay:
    """Hands each session event, in the order made, to every nchan publisher (one per public nginx)."""

    def __init__(self, urls: Sequence[str], enrich: Enrich | None = None) -> None:
        self.publishers = [NchanPublisher(url) for url in urls]
        self.enrich = enrich
        self.queue: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue()
        self.turnout: TurnoutPace[int] = TurnoutPace(lambda: TURNOUT_EVERY_S, self.release_turnout)
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin handing out and posting."""
        for publisher in self.publishers:
            publisher.start()
        self.task = asyncio.create_task(self.hand_out_forever())

    async def stop(self) -> None:
        """Stop handing out and posting."""
        if self.task:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        for publisher in self.publishers:
            await publisher.stop()

    def tasks(self) -> list[asyncio.Task[None] | None]:
        """The hand-out task and every publisher's posting task."""
        return [self.task, *(publisher.task for publisher in self.publishers)]

    def offer(self, session_id: int, message: bytes) -> None:
        """Queue one event of a session (JSON `{"event", "data"}`); turnout is thinned to one a second."""
        if b'"event":"turnout"' in message and self.turnout.hold(session_id, message):
            return
        put_dropping_oldest(self.queue, (session_id, message))

    def release_turnout(self, session_id: int) -> None:
        """Queue the held turnout of a session, now due."""
        message = self.turnout.take(session_id)
        if message is not None:
            self.queue.put_nowait((session_id, message))

    async def hand_out_forever(self) -> None:
        """Give each event, the announcement with its result added once, to every publisher's queue."""
        while True:
            session_id, message = await self.queue.get()
            if self.enrich is not None and b'"vote_announced"' in message:
                try:
                    message = await self.enrich(message)
                except Exception as error:
                    # The phones still get the bare event and fetch the result themselves.
                    log.warning("public events: could not add the result: %s", type(error).__name__)
            for publisher in self.publishers:
                publisher.offer(session_id, message)


class NchanPublisher:
    """One nginx's publisher at `{url}/{session_id}`: its own queue, connection and task, posting in order."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.queue: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None
        self.client: httpx.AsyncClient | None = None

    def start(self) -> None:
        """Begin posting."""
        self.client = httpx.AsyncClient(timeout=2.0)
        self.task = asyncio.create_task(self.post_forever())

    async def stop(self) -> None:
        """Stop posting."""
        if self.task:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        if self.client:
            await self.client.aclose()

    def offer(self, session_id: int, message: bytes) -> None:
        """Queue one event for this nginx (the oldest dropped if it has been gone for long)."""
        put_dropping_oldest(self.queue, (session_id, message))

    async def post_forever(self) -> None:
        """Post queued events one after another, so they arrive in order."""
        while True:
            session_id, message = await self.queue.get()
            await self.post(session_id, message)

    async def post(self, session_id: int, message: bytes) -> None:
        """One POST to nchan, retried briefly; a failure is logged, never raised."""
        assert self.client is not None
        for wait in (*RETRY_WAITS_S, None):
            with contextlib.suppress(httpx.HTTPError):
                reply = await self.client.post(
                    f"{self.url}/{session_id}", content=message, headers={"Content-Type": "application/json"}
                )
                if reply.status_code < 300:
                    return
            if wait is None:
                break
            await asyncio.sleep(wait)
        log.warning(
            "public events: nginx at %s did not take an event for session %s; phones resync on reconnect",
            self.url,
            session_id,
        )


def put_dropping_oldest(queue: asyncio.Queue[tuple[int, bytes]], item: tuple[int, bytes]) -> None:
    """Queue an event; beyond QUEUE_LIMIT nginx is gone and the oldest waiting one is dropped."""
    if queue.qsize() >= QUEUE_LIMIT:
        queue.get_nowait()
    queue.put_nowait(item)


def relay_notice(urls: Sequence[str]) -> str:
    """What `voting serve` says at start: every publisher the public's live events go to, one a line."""
    lines = [f"  {url}" for url in urls]
    return "\n".join(["公众页面的实时推送经 nginx 发出 / public live events posted to nginx:", *lines])
