"""The public's live events, held by nginx's nchan module: each event is posted to it once.

Ten thousand phones following a session cost the app nothing per phone this way.
Written from Python, every stream cost about 0.2 ms of a core per event, so an
announcement reached the last of 10,000 phones after about two seconds and the
hall's requests waited behind the writes. nchan (deploy/nginx.conf, the public
server) keeps the phones' streams in C and copies one posted message to all of
them. The app posts to it from the host that made the change, right after the
commit, so the public hears an event even while this host's LISTEN connection
to the database is being re-established.

The message is the same JSON the app's own stream sends (`{"event", "data"}`), the
announcement carrying its result, so public.js reads both alike. Turnout goes out at
most once a second per session (the latest count): a phone needs no more, and nchan
would otherwise copy four frames a second to every phone. Posting never blocks the
caller; a failed post is retried briefly, then logged and dropped, and a page that
missed something catches up when its stream reopens.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import httpx

from voting.live import Enrich
from voting.turnout_pace import TurnoutPace

log = logging.getLogger(__name__)

TURNOUT_EVERY_S = 1.0
RETRY_WAITS_S = (0.1, 0.5, 1.0)
QUEUE_LIMIT = 10_000  # events waiting to be posted; beyond it nginx is gone and the oldest are dropped


class PublicRelay:
    """Posts session events to nchan's publisher at `{url}/{session_id}`, in the order they were made."""

    def __init__(self, url: str, enrich: Enrich | None = None) -> None:
        self.url = url.rstrip("/")
        self.enrich = enrich
        self.queue: asyncio.Queue[tuple[int, bytes]] = asyncio.Queue()
        self.turnout: TurnoutPace[int] = TurnoutPace(lambda: TURNOUT_EVERY_S, self.release_turnout)
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
        """Queue one event of a session (JSON `{"event", "data"}`); turnout is thinned to one a second."""
        if b'"event":"turnout"' in message and self.turnout.hold(session_id, message):
            return
        if self.queue.qsize() >= QUEUE_LIMIT:
            self.queue.get_nowait()
        self.queue.put_nowait((session_id, message))

    def release_turnout(self, session_id: int) -> None:
        """Queue the held turnout of a session, now due."""
        message = self.turnout.take(session_id)
        if message is not None:
            self.queue.put_nowait((session_id, message))

    async def post_forever(self) -> None:
        """Post queued events one after another, so they arrive in order."""
        while True:
            session_id, message = await self.queue.get()
            if self.enrich is not None and b'"vote_announced"' in message:
                try:
                    message = await self.enrich(message)
                except Exception as error:
                    # The phones still get the bare event and fetch the result themselves.
                    log.warning("public events: could not add the result: %s", type(error).__name__)
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
        log.warning("public events: nginx did not take an event for session %s; phones resync on reconnect", session_id)
