"""Guessing logins is slowed; honest logins from one address (a hall behind NAT) are not."""

from __future__ import annotations

import pytest

from voting.auth.throttle import FailedLoginThrottle
from voting.errors import TooManyRequests


def test_failures_past_the_limit_are_refused_until_the_window_passes() -> None:
    throttle = FailedLoginThrottle(limit=3, window_s=60)
    for moment in (0, 1, 2):
        throttle.check("10.0.0.9", now=moment)
        throttle.failed("10.0.0.9", now=moment)
    with pytest.raises(TooManyRequests):
        throttle.check("10.0.0.9", now=30)
    throttle.check("10.0.0.8", now=30)  # another device is not affected
    throttle.check("10.0.0.9", now=61)  # the oldest failure has left the window


async def test_honest_logins_never_count() -> None:
    throttle = FailedLoginThrottle(limit=1, window_s=60)

    async def succeeds() -> str:
        return "token"

    for _ in range(50):
        assert await throttle.attempt("hall-nat", succeeds()) == "token"
