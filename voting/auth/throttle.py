"""Slow down guessing: too many failed logins from one address get 429 for a while.

Only failures count, so a hall whose tablets all reach the server through
one NAT address is never slowed by its own deputies logging in.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable
from typing import TypeVar

from voting.errors import NotAuthenticated, TooManyRequests

T = TypeVar("T")


class FailedLoginThrottle:
    """Counts failed logins per client address within a sliding window (per process)."""

    def __init__(self, limit: int = 20, window_s: float = 300.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self.failures: dict[str, deque[float]] = {}

    def check(self, address: str, now: float | None = None) -> None:
        """Refuse with 429 while this address is over its limit."""
        recent = self._recent(address, time.monotonic() if now is None else now)
        if len(recent) >= self.limit:
            raise TooManyRequests(
                "too_many_failed_logins",
                "登录失败次数过多，请稍后再试",
                "Too many failed logins from this device; try again in a few minutes",
            )

    def failed(self, address: str, now: float | None = None) -> None:
        """Note one failed login."""
        moment = time.monotonic() if now is None else now
        self._recent(address, moment).append(moment)
        if len(self.failures) > 10_000:  # bounded memory under a spray of addresses
            self.failures.clear()

    async def attempt(self, address: str, login: Awaitable[T]) -> T:
        """Run a login for this address: refused while throttled, counted when it fails."""
        self.check(address)
        try:
            return await login
        except NotAuthenticated:
            self.failed(address)
            raise

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self.failures.setdefault(address, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times
