"""Live updates to consoles, hall screens and public pages (SSE over Litestar channels)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from typing import Any

import asyncpg
import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.asyncpg import AsyncPgChannelsBackend

from voting.turnout_pace import TurnoutPace

log = logging.getLogger(__name__)

# Every process listens here, whatever screens it serves, so each one forgets its prepared
# responses when a vote is announced on any host (voting.prepared).
ANNOUNCED_CHANNEL = "piaojue_announced"
# Events after which every host forgets its prepared announced documents: an announcement, and a
# runoff recorded as not held (the earlier round's final result then lists those seats as unfilled).
CHANGES_PUBLISHED_DOCUMENTS = frozenset({"vote_announced", "vote_runoff_not_held"})
WATCH_S = 1.0  # how often the LISTEN connection is looked at
PROBE_S = 5.0  # how often it is asked a question (a silent network drop closes nothing)
BEAT_S = 20.0  # screens hear at least this often, so they can tell a dead stream without polling
BACKOFF_MAX_S = 2.0  # reconnect attempts never wait longer, so events return within 5 s of the database
# Turnout is published four times a second; a process with many screens passes on fewer (the
# latest always arrives): one per `screens / TURNOUT_SCREENS_PER_S` seconds, at least every 0.25 s.
# Every frame costs each screen a write: 10,000 phones at 4 a second left no CPU for the casts.
TURNOUT_SCREENS_PER_S = 2_000
# A message reaches this many screens per turn of the event loop, so the hall's requests on the
# same process wait for a slice of a fan-out, not the whole of it.
FANOUT_SLICE = 200

LISTENER_NAME = "piaojue-live"
HELD_TURNOUT = b"held-turnout"  # a marker in the queue: send the turnout held for this channel now
Enrich = Callable[[bytes], Awaitable[bytes]]


def listen_connection(database_url: str) -> Awaitable[asyncpg.Connection]:
    """The connection that LISTENs, named so an operator (or a test) can find it in pg_stat_activity."""
    connecting: Awaitable[asyncpg.Connection] = asyncpg.connect(
        database_url, server_settings={"application_name": LISTENER_NAME}
    )
    return connecting


def session_channel(session_id: int) -> str:
    """The channel all screens of one session listen on."""
    return f"session_{session_id}"


def frame(message: Any) -> bytes:
    """One Server-Sent Event as it goes on the wire (JSON has no newline, so one data line)."""
    return b"data: " + (message if isinstance(message, bytes) else msgspec.json.encode(message)) + b"\n\n"


def health_message(event: str, up: bool) -> bytes:
    """A message only this process makes: `live` (the listener went down or came back) or `beat`."""
    return msgspec.json.encode({"event": event, "data": {"live": up}})


class SessionChannelsBackend(AsyncPgChannelsBackend):
    """Litestar's asyncpg LISTEN/NOTIFY backend, made sturdy for a congress hall.

    - It never UNLISTENs. When the last screen of a session disconnected, the
      stock backend's unsubscribe could be cancelled halfway (the SSE task is
      being cancelled): the channel was UNLISTENed but still marked subscribed,
      and every later screen got silence. A session has one channel; keeping
      it is free.
    - It publishes through the app's pool instead of opening a connection per
      message (a burst of tablet logins would otherwise queue behind connects).
    - It watches the LISTEN connection. A database restart or pg_terminate_backend
      used to leave every stream open and silent; now the loss is logged, the
      screens are told (`live` false), the connection is made again with back-off
      and the channels listened to again, and the screens are told to resync once.
    - It beats: every BEAT_S each screen gets a `beat`, so a page needs no timer
      of its own while its stream is healthy.
    - `enrich` (set by the app) may add to a message before it reaches the
      screens of this process, e.g. the announced result itself, so ten thousand
      phones need not ask for it.
    - Each message is framed as a Server-Sent Event once, here; every screen's
      stream sends the same bytes (voting.sessions.stream).
    """

    pool: asyncpg.Pool | None = None
    enrich: Enrich | None = None
    on_missed: Callable[[], None] | None = None  # an announcement elsewhere, or events may have been lost

    audience: Callable[[], int] = staticmethod(lambda: 0)  # screens this process serves (set by the app)

    up = False
    watch_task: asyncio.Task[None] | None = None
    turnout: TurnoutPace[str]

    async def on_startup(self) -> None:
        """Connect, listen to the announcement channel, start watching."""
        await super().on_startup()
        self.turnout = TurnoutPace(self.turnout_interval, self.release_turnout)
        self.up = True
        await self.subscribe([ANNOUNCED_CHANNEL])
        self.watch_task = asyncio.create_task(self.watch())

    async def on_shutdown(self) -> None:
        """Stop watching and close."""
        if self.watch_task:
            self.watch_task.cancel()
            await asyncio.gather(self.watch_task, return_exceptions=True)
        with contextlib.suppress(OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            await super().on_shutdown()  # the connection may already be gone

    async def subscribe(self, channels: Iterable[str]) -> None:
        """LISTEN; while the connection is down, only note the channels (the watcher listens on reconnect)."""
        try:
            await super().subscribe(channels)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
            self._subscribed_channels |= set(channels)

    async def unsubscribe(self, channels: Iterable[str]) -> None:
        """Keep listening (see the class docstring)."""

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        """NOTIFY on a pooled connection; a failure is logged, never raised.

        Litestar's publishing task ends at the first exception, and every later event of this
        process would be lost with it; screens resync when their events return.
        """
        try:
            if self.pool is None:
                await super().publish(data, channels)
                return
            async with self.pool.acquire() as conn:
                for channel in channels:
                    await conn.execute("SELECT pg_notify($1, $2)", channel, data.decode("utf-8"))
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            log.warning("live event not sent (database unreachable): %s", type(error).__name__)

    async def stream_events(self) -> AsyncGenerator[tuple[str, bytes], None]:
        """Messages from the database (and our own health messages), enriched, framed once for every screen."""
        async for channel, message in super().stream_events():
            if channel == ANNOUNCED_CHANNEL:
                if self.on_missed:
                    self.on_missed()
                continue
            if message == HELD_TURNOUT:
                held = self.turnout.take(channel)
                if held is None:
                    continue
                message = held
            elif b'"event":"turnout"' in message and self.turnout.hold(channel, message):
                continue
            if self.enrich is not None and b'"vote_announced"' in message:
                try:
                    message = await self.enrich(message)
                except Exception as error:
                    # The screens still get the bare event and fetch the result themselves.
                    log.warning("could not add the result to an announcement: %s", type(error).__name__)
            yield channel, frame(message)

    def turnout_interval(self) -> float:
        """How often this process's screens get turnout: less often the more screens it serves."""
        return max(0.25, self.audience() / TURNOUT_SCREENS_PER_S)

    def release_turnout(self, channel: str) -> None:
        """Send the latest held turnout (through the queue, so it keeps its place among other messages)."""
        if self._queue is not None and channel in self.turnout.held:
            self._queue.put_nowait((channel, HELD_TURNOUT))

    def deliver_locally(self, message: bytes) -> None:
        """Give a message to every screen of this process, without the database."""
        if self._queue is None:
            return
        for channel in self._subscribed_channels - {ANNOUNCED_CHANNEL}:
            self._queue.put_nowait((channel, message))

    async def watch(self) -> None:
        """Beat, and re-establish the LISTEN connection whenever it is lost."""
        last_probe = last_beat = time.monotonic()
        while True:
            await asyncio.sleep(WATCH_S)
            now = time.monotonic()
            if now - last_beat >= BEAT_S:
                last_beat = now
                self.deliver_locally(health_message("beat", self.up))
            alive = not self._listener_conn.is_closed()
            if alive and now - last_probe >= PROBE_S:
                last_probe = now
                alive = await self.answers()
            if not alive:
                try:
                    await self.reconnect()
                except Exception as error:
                    # Whatever went wrong, the watcher must live on: the next turn tries again.
                    log.error("live events: reconnecting failed unexpectedly: %s", type(error).__name__)

    async def answers(self) -> bool:
        """Whether the LISTEN connection still answers a query within 2 s."""
        try:
            async with self._listener_lock:
                await asyncio.wait_for(self._listener_conn.fetchval("SELECT 1"), 2)
            return True
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError):
            return False

    async def reconnect(self) -> None:
        """Connect again with back-off and LISTEN to every channel; tell the screens both ways."""
        lost_at = time.monotonic()
        self.up = False
        log.warning("live events: the LISTEN connection to the database was lost; reconnecting")
        self.deliver_locally(health_message("live", False))
        delay = 0.1
        while True:
            try:
                conn = await asyncio.wait_for(self._connect(), 3)
                async with self._listener_lock:
                    old, self._listener_conn = self._listener_conn, conn
                    for channel in self._subscribed_channels:
                        await conn.add_listener(channel, self._listener)
                old.terminate()
                break
            except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
                log.warning("live events: reconnect failed (%s); next try in %.1f s", type(error).__name__, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, BACKOFF_MAX_S)
        self.up = True
        log.warning("live events: listening again after %.1f s", time.monotonic() - lost_at)
        if self.on_missed:
            self.on_missed()
        self.deliver_locally(health_message("live", True))


class SessionChannelsPlugin(ChannelsPlugin):
    """Litestar's channels plugin, handing a message to its screens a slice at a time (FANOUT_SLICE).

    Overrides the plugin's private delivery loop (litestar 2.x `_sub_worker`); the stock one hands a
    message to every subscriber in one go, and the screens' writes then run back to back.
    """

    async def _sub_worker(self) -> None:
        async for channel, payload in self._backend.stream_events():
            subscribers = list(self._channels.get(channel, ()))
            for start in range(0, len(subscribers), FANOUT_SLICE):
                if start:
                    await asyncio.sleep(0)  # let the screens just handed the message, and the hall, run
                for subscriber in subscribers[start : start + FANOUT_SLICE]:
                    subscriber.put_nowait(payload)


class LiveEvents:
    """Publishes named events; with the asyncpg backend every app process sees them."""

    def __init__(
        self,
        channels: ChannelsPlugin | None,
        backend: SessionChannelsBackend | None = None,
        public: Callable[[int, bytes], None] | None = None,
    ) -> None:
        self.channels = channels
        self.backend = backend
        self.public = public  # also hands each event to the public's streams (voting.public_events)

    @property
    def up(self) -> bool:
        """Whether events from the database reach this process right now."""
        return self.backend is None or self.backend.up

    def publish(self, session_id: int, event: str, data: Any) -> None:
        """Send one event to every screen of a session; never blocks the caller."""
        if self.channels is None:
            return
        message = msgspec.json.encode({"event": event, "data": data})
        targets = [session_channel(session_id)]
        if event in CHANGES_PUBLISHED_DOCUMENTS:
            targets.insert(0, ANNOUNCED_CHANNEL)
        self.channels.publish(message, targets)
        if self.public is not None:
            self.public(session_id, message)
