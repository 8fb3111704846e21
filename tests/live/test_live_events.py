"""Screens keep receiving live events after other screens come and go."""

from __future__ import annotations

import asyncio
import json

import httpx

from tests.factories import make_congress


async def next_event(lines, name: str) -> dict:
    """Read SSE lines until an event with this name arrives."""
    async for line in lines:
        if line.startswith("data:"):
            message = json.loads(line[5:])
            if message["event"] == name:
                return message["data"]
    raise AssertionError("stream ended")


async def test_a_screen_reconnecting_after_the_last_one_left_still_gets_events(live_server, pool, settings) -> None:
    congress = await make_congress(pool, settings, deputies=6)
    url = f"{live_server}/api/sessions/{congress.session_id}/events"
    async with httpx.AsyncClient(timeout=10) as http:
        for round_number, deputy_id in enumerate(congress.deputy_ids[:4]):
            # Each round: the only screen connects, sees one check-in, and disconnects.
            async with http.stream("GET", url) as stream:
                lines = stream.aiter_lines()
                await next_event(lines, "hello")
                checked_in = await http.post(
                    f"{live_server}/api/sessions/{congress.session_id}/attendance/{deputy_id}",
                    headers=congress.clerk,
                    json={"status": "present"},
                )
                assert checked_in.status_code == 200
                summary = await asyncio.wait_for(next_event(lines, "attendance"), 5)
                assert summary["present"] == round_number + 1
