"""A whole session vote through the HTTP API, as the console and tablets would drive it."""

from __future__ import annotations

import secrets

from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress


async def test_session_vote_end_to_end(client: AsyncTestClient, pool, settings) -> None:
    congress = await make_congress(pool, settings, deputies=9, candidates=4)
    vote = (
        await client.post(
            f"/api/sessions/{congress.session_id}/votes",
            headers=congress.presiding,
            json={"title": "票决", "candidate_ids": congress.candidate_ids, "rules": {"seats": 2}, "reason": "测试"},
        )
    ).json()
    tokens = []
    for deputy_id in congress.deputy_ids[:7]:
        response = await client.post("/api/tablet/login", json={"code": congress.codes[deputy_id]})
        assert response.status_code == 200, response.text
        tokens.append(response.json()["token"])
    opened = await client.post(f"/api/votes/{vote['id']}/open", headers=congress.presiding)
    assert opened.status_code == 200, opened.text
    a, b, c, _ = congress.candidate_ids
    for i, token in enumerate(tokens):
        marks = {str(a): "for", str(b if i < 5 else c): "for"}
        cast = await client.post(
            f"/api/votes/{vote['id']}/ballots",
            headers=bearer(token),
            json={"cast_id": secrets.token_hex(16), "marks": marks},
        )
        assert cast.status_code == 201, cast.text
    tally = (
        await client.post(f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True})
    ).json()
    assert tally["ballots_cast"] == 7
    assert tally["chosen"] == [a, b]  # a: 7 > 9/2, b: 5 > 4.5; c: 2 fails
    announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    assert announced.status_code == 200
