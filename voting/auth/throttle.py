"""Slow down guessing without letting one client lock out another.

Failed logins are counted twice, both within a sliding window: per account
*and* address (a client hammering one account is stopped on that account
only) and per address (a client spraying many accounts or seat-card codes is
stopped). Nothing is counted per account alone, so no one can lock the clerk
out by typing wrong passwords for her, and only failures count, so a hall
whose tablets reach the server through one NAT address is never slowed by its
own deputies logging in. Behind nginx the address is the tablet's own only
when PIAOJUE_TRUSTED_PROXIES names the proxy (deploy/env.example).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable
from typing import TypeVar

from voting.errors import NotAuthenticated, TooManyRequests

T = TypeVar("T")


class FailedLoginThrottle:
    """Counts failed logins per (address, account) and per address (per process)."""

    def __init__(self, per_account: int = 10, per_address: int = 30, window_s: float = 300.0) -> None:
        self.per_account = per_account
        self.per_address = per_address
        self.window_s = window_s
        self.failures: dict[tuple[str, ...], deque[float]] = {}

    def check(self, address: str, account: str, now: float | None = None) -> None:
        """Refuse with 429 while this client is over either limit."""
        moment = time.monotonic() if now is None else now
        if len(self._recent((address,), moment)) >= self.per_address:
            raise TooManyRequests(
                "too_many_failed_logins",
                "此设备登录失败次数过多，请稍后再试",
                "Too many failed logins from this device; try again in a few minutes",
                scope="address",
            )
        if len(self._recent((address, account), moment)) >= self.per_account:
            raise TooManyRequests(
                "too_many_failed_logins",
                "此设备对该账号登录失败次数过多，请稍后再试",
                "Too many failed logins for this account from this device; try again in a few minutes",
                scope="account",
            )

    def failed(self, address: str, account: str, now: float | None = None) -> None:
        """Note one failed login of this client on this account."""
        moment = time.monotonic() if now is None else now
        if len(self.failures) > 20_000:  # bounded memory under a spray of addresses
            self.failures.clear()
        self._recent((address,), moment).append(moment)
        self._recent((address, account), moment).append(moment)

    async def attempt(self, address: str, account: str, login: Awaitable[T]) -> T:
        """Run a login for this client and account: refused while throttled, counted when it fails."""
        try:
            self.check(address, account)
        except TooManyRequests:
            if hasattr(login, "close"):
                login.close()  # never awaited: close the coroutine so Python does not warn
            raise
        try:
            return await login
        except NotAuthenticated:
            self.failed(address, account)
            raise

    def _recent(self, key: tuple[str, ...], now: float) -> deque[float]:
        times = self.failures.setdefault(key, deque())
        while times and times[0] <= now - self.window_s:
            times.popleft()
        return times
