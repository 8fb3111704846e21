"""Live updates to consoles, hall screens and public pages (SSE over Litestar channels)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import asyncpg
import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.asyncpg import AsyncPgChannelsBackend


def session_channel(session_id: int) -> str:
    """The channel all screens of one session listen on."""
    return f"session_{session_id}"


class SessionChannelsBackend(AsyncPgChannelsBackend):
    """Litestar's asyncpg LISTEN/NOTIFY backend, made sturdy for a congress hall.

    - It never UNLISTENs. When the last screen of a session disconnected, the
      stock backend's unsubscribe could be cancelled halfway (the SSE task is
      being cancelled): the channel was UNLISTENed but still marked subscribed,
      and every later screen got silence. A session has one channel; keeping
      it is free.
    - It publishes through the app's pool instead of opening a connection per
      message (a burst of tablet logins would otherwise queue behind connects).
    """

    pool: asyncpg.Pool | None = None

    async def unsubscribe(self, channels: Iterable[str]) -> None:
        """Keep listening (see the class docstring)."""

    async def publish(self, data: bytes, channels: Iterable[str]) -> None:
        """NOTIFY on a pooled connection."""
        if self.pool is None:
            await super().publish(data, channels)
            return
        async with self.pool.acquire() as conn:
            for channel in channels:
                await conn.execute("SELECT pg_notify($1, $2)", channel, data.decode("utf-8"))


class LiveEvents:
    """Publishes named events; with the asyncpg backend every app process sees them."""

    def __init__(self, channels: ChannelsPlugin | None) -> None:
        self.channels = channels

    def publish(self, session_id: int, event: str, data: Any) -> None:
        """Send one event to every screen of a session; never blocks the caller."""
        if self.channels is None:
            return
        message = msgspec.json.encode({"event": event, "data": data})
        self.channels.publish(message, [session_channel(session_id)])
