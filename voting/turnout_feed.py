"""Coalesced turnout updates: at most a few per second per vote, whatever the cast rate."""

from __future__ import annotations

import asyncio
import logging

import asyncpg

from voting.live import LiveEvents
from voting.votes.results import turnout

log = logging.getLogger(__name__)


class TurnoutFeed:
    """Remembers which votes got ballots and publishes their turnout on a short beat."""

    def __init__(self, pool: asyncpg.Pool, live: LiveEvents, interval_s: float = 0.25) -> None:
        self.pool = pool
        self.live = live
        self.interval_s = interval_s
        self.dirty: set[int] = set()
        self.task: asyncio.Task[None] | None = None

    def mark(self, vote_ids: set[int]) -> None:
        """Note that these votes got new ballots."""
        self.dirty |= vote_ids

    def start(self) -> None:
        """Begin the publishing beat."""
        self.task = asyncio.create_task(self.publish_forever())

    async def stop(self) -> None:
        """Stop publishing."""
        if self.task:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)

    async def publish_forever(self) -> None:
        """Every interval, publish the turnout of each vote that changed."""
        while True:
            await asyncio.sleep(self.interval_s)
            votes, self.dirty = self.dirty, set()
            for vote_id in votes:
                try:
                    counts = await turnout(self.pool, vote_id)
                    self.live.publish(counts.session_id, "turnout", counts)
                except Exception as error:
                    # Keep the beat going whatever happened; the next change publishes again.
                    log.warning("turnout publish failed: %s", type(error).__name__)
