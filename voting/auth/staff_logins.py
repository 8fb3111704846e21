"""Whether a staff token's login is still live (logout and password resets revoke it), and its body."""

from __future__ import annotations

import time

import asyncpg

from voting.auth.queries import staff_login_body


class LiveStaffLogins:
    """Asks the database, remembering each answer for a few seconds per process.

    Staff requests are few; the short memory only keeps a busy console from
    asking on every poll. A revoked token stops working within `ttl_s`.
    """

    def __init__(self, pool: asyncpg.Pool, ttl_s: float = 5.0) -> None:
        self.pool = pool
        self.ttl_s = ttl_s
        self.answers: dict[str, tuple[tuple[bool, int | None], float]] = {}

    async def check(self, login_id: str) -> tuple[bool, int | None]:
        """(live, body): live while the login is neither revoked nor expired and its user active.

        The body is read here, not carried in the token, so moving an account to
        another body takes effect within `ttl_s` without new tokens.
        """
        now = time.monotonic()
        known = self.answers.get(login_id)
        if known is not None and now - known[1] < self.ttl_s:
            return known[0]
        async with self.pool.acquire() as conn:
            live = await staff_login_body(conn, login_id)
        if len(self.answers) > 10_000:
            self.answers.clear()
        self.answers[login_id] = (live, now)
        return live

    def forget(self, login_id: str) -> None:
        """Drop a remembered answer (this process just revoked it)."""
        self.answers.pop(login_id, None)
