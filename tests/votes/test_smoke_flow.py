"""A whole session vote through the HTTP API, as the console and tablets would drive it."""

from __future__ import annotations

from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import cast, make_key_cards


async def test_a_session_vote_runs_from_draft_to_announcement_through_the_api(
    client: AsyncTestClient, pool, settings
) -> None:
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
    cards = await make_key_cards(client, congress, vote["id"])
    opened = await client.post(f"/api/votes/{vote['id']}/open", headers=congress.presiding)
    assert opened.status_code == 200, opened.text
    a, b, c, _ = congress.candidate_ids
    for i, token in enumerate(tokens):
        response = await cast(client, token, vote["id"], {a: "for", (b if i < 5 else c): "for"})
        assert response.status_code == 201, response.text
    closed = await client.post(f"/api/votes/{vote['id']}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.status_code == 202, closed.text
    tally = (
        await client.post(f"/api/votes/{vote['id']}/count", headers=congress.presiding, json={"cards": cards[:2]})
    ).json()
    assert tally["ballots_cast"] == 7
    assert tally["chosen"] == [a, b]  # a: 7 > 9/2, b: 5 > 4.5; c: 2 fails
    announced = await client.post(f"/api/votes/{vote['id']}/announce", headers=congress.presiding)
    assert announced.status_code == 200
