"""Turnout thinned for many screens: at most one message per interval per stream, always the latest.

Turnout is published four times a second per host. Every frame costs each screen a write (or,
through nginx, a copy), so whoever fans it out passes on fewer: a message that comes too soon is
held, a newer one takes its place, and the held one is released when the interval is up. None is
lost for good: the last count always arrives. Used by the app's own streams (voting.live) and by
the relay to nginx (voting.public_events), each with its own interval.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)


class TurnoutPace(Generic[Key]):
    """Which turnout messages go now and which wait; `release(key)` is called when a held one is due."""

    def __init__(self, interval: Callable[[], float], release: Callable[[Key], None]) -> None:
        self.interval = interval
        self.release = release
        self.sent: dict[Key, float] = {}
        self.held: dict[Key, bytes] = {}

    def hold(self, key: Key, message: bytes) -> bool:
        """Whether this message must wait (True: `release` follows); False: send it now."""
        if key in self.held:  # one is waiting already: this newer one takes its place
            self.held[key] = message
            return True
        wait = self.interval() - (time.monotonic() - self.sent.get(key, 0.0))
        if wait <= 0:
            self.sent[key] = time.monotonic()
            return False
        self.held[key] = message
        asyncio.get_running_loop().call_later(wait, self.release, key)
        return True

    def take(self, key: Key) -> bytes | None:
        """The held message of `key`, now being sent (None if there is none)."""
        message = self.held.pop(key, None)
        if message is not None:
            self.sent[key] = time.monotonic()
        return message
