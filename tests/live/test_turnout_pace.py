"""Turnout thinned per stream: the first goes at once, later ones wait for the interval, the latest is released."""

from __future__ import annotations

import asyncio

from voting.turnout_pace import TurnoutPace


async def test_a_turnout_too_soon_waits_and_only_the_latest_is_released() -> None:
    released: list[str] = []
    pace: TurnoutPace[str] = TurnoutPace(lambda: 0.2, released.append)
    assert pace.hold("s1", b"1") is False  # nothing sent yet: goes now
    assert pace.hold("s1", b"2") is True and pace.hold("s1", b"3") is True  # too soon: held, the newer replaces
    assert pace.hold("s2", b"a") is False  # each stream has its own pace
    await asyncio.sleep(0.3)
    assert released == ["s1"]  # one release for the held turnout
    assert pace.take("s1") == b"3" and pace.take("s1") is None
    assert pace.hold("s1", b"4") is True  # it was just sent: the next waits again
