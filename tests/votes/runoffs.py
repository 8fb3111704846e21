"""A vote that ends on a tie at the cut line, so the runoff tests start from one."""

from __future__ import annotations

from typing import Any

from litestar.testing import AsyncTestClient

from tests.factories import Congress
from tests.steps import cast, close_vote, vote_in_progress


async def tied_vote(
    client: AsyncTestClient, congress: Congress
) -> tuple[dict[str, Any], dict[int, str], dict[str, Any]]:
    """15 deputies, 2 seats: A 12, B 9, C 9 (all pass 8 of 15) — A chosen, B and C tied for the last seat."""
    a, b, c, *_ = congress.candidate_ids
    vote, tokens = await vote_in_progress(client, congress, seats=2)
    pairs = [(a, b)] * 6 + [(a, c)] * 6 + [(b, c)] * 3
    for token, pair in zip(tokens.values(), pairs, strict=True):
        response = await cast(client, token, vote["id"], {pair[0]: "for", pair[1]: "for"})
        assert response.status_code == 201, response.text
    closed = await close_vote(client, congress, vote["id"])
    assert closed.status_code == 200, closed.text
    return vote, tokens, closed.json()
