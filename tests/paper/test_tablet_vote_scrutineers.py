"""A tablet vote has scrutineers (they make its key cards and open its count) but no tellers."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import create_vote, ok, paper_post, staff_login
from tests.steps import assert_refused, cast, log_in_all, open_vote
from voting.auth import Role
from voting.settings import Settings


async def test_presiding_officer_assigns_a_tablet_votes_scrutineers_who_then_find_it(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = (await create_vote(client, congress, "electronic"))["id"]
    chief_id, chief = await staff_login(pool, settings, Role.SCRUTINEER, congress.body_id)
    other_id, other = await staff_login(pool, settings, Role.SCRUTINEER, congress.body_id)
    teller_id, _ = await staff_login(pool, settings, Role.TELLER, congress.body_id)

    assert (await client.get("/api/paper/assignments", headers=chief)).json() == []
    for user_id, is_chief in ((chief_id, False), (other_id, True)):
        body = {"staff_user_id": user_id, "role": "scrutineer", "is_chief": is_chief}
        assigned = await paper_post(client, congress.presiding, vote_id, "counters", body)
        assert assigned.status_code == 201, assigned.text
    teller = {"staff_user_id": teller_id, "role": "teller"}
    refused = assert_refused(
        await paper_post(client, congress.presiding, vote_id, "counters", teller), 409, "vote_not_paper"
    )
    assert refused["message_zh"]
    moved = await ok(paper_post(client, congress.presiding, vote_id, "chief", {"staff_user_id": chief_id}))
    assert [(c["staff_user_id"], c["is_chief"]) for c in moved["counters"] if c["is_chief"]] == [(chief_id, True)]

    # The scrutineers' 计票控制台 lists the vote, so they reach its key cards without typing an address.
    for headers in (chief, other):
        mine = (await client.get("/api/paper/assignments", headers=headers)).json()
        assert [(a["vote_id"], a["mode"], a["role"]) for a in mine] == [(vote_id, "electronic", "scrutineer")]
    # Only the presiding officer assigns.
    assert_refused(
        await paper_post(client, chief, vote_id, "counters", {"staff_user_id": other_id, "role": "scrutineer"}), 403
    )


async def test_a_scrutineer_assigned_only_once_the_ballots_wait_for_the_cards_still_finds_the_vote(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = (await create_vote(client, congress, "electronic"))["id"]
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    cast_done = await cast(client, tokens[congress.deputy_ids[0]], vote_id, {congress.candidate_ids[0]: "for"})
    assert cast_done.status_code in (200, 201), cast_done.text
    closed = await client.post(f"/api/votes/{vote_id}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.json()["state"] == "awaiting_keys", closed.text

    late_id, late = await staff_login(pool, settings, Role.SCRUTINEER, congress.body_id)
    body = {"staff_user_id": late_id, "role": "scrutineer"}
    assigned = await paper_post(client, congress.presiding, vote_id, "counters", body)
    assert assigned.status_code == 201, assigned.text
    mine = (await client.get("/api/paper/assignments", headers=late)).json()
    assert [(a["vote_id"], a["state"]) for a in mine] == [(vote_id, "awaiting_keys")]
