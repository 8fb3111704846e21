"""Live updates to consoles, hall screens and public pages (SSE over Litestar channels)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar.channels import ChannelsPlugin


def session_channel(session_id: int) -> str:
    """The channel all screens of one session listen on."""
    return f"session_{session_id}"


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
