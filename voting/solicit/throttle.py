"""Slow floods of public submissions: more than `limit` from one address in a window get 429.

The check runs before anything is stored, so a refused request loses nothing and
every submission already acknowledged stays stored. `reserve` takes the place
before storing (so many requests racing from one address cannot all slip under
the limit) and `release` gives it back when nothing was stored.
"""

from __future__ import annotations

import time
from collections import deque

from voting.errors import TooManyRequests


class SubmissionThrottle:
    """Counts accepted public submissions per client address in a sliding window (per process)."""

    def __init__(self, limit: int = 30, window_s: float = 600.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self.accepted: dict[str, deque[float]] = {}

    def check(self, address: str, now: float | None = None) -> None:
        """Refuse with 429 while this address is over its limit."""
        if len(self._recent(address, time.monotonic() if now is None else now)) >= self.limit:
            raise TooManyRequests(
                "too_many_submissions",
                "提交过于频繁，请稍后再试；已提交的意见建议均已保存",
                "Too many submissions from this device; try again later. Those already sent are saved",
            )

    def reserve(self, address: str, now: float | None = None) -> float:
        """Take a place in this address's window for a submission about to be stored (429 when full)."""
        moment = time.monotonic() if now is None else now
        self.check(address, moment)
        self.accepted_one(address, moment)
        return moment

    def release(self, address: str, moment: float) -> None:
        """Give back a place taken by `reserve` when nothing was stored (a refusal, a resend)."""
        times = self.accepted.get(address)
        if times and moment in times:
            times.remove(moment)

    def accepted_one(self, address: str, now: float | None = None) -> None:
        """Note one stored submission."""
        moment = time.monotonic() if now is None else now
        self._recent(address, moment).append(moment)
        if len(self.accepted) > 10_000:  # bounded memory under a spray of addresses
            self.accepted.clear()

    def _recent(self, address: str, now: float) -> deque[float]:
        times = self.accepted.setdefault(address, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times
