"""The public running count (唱票): paper sheets as read; a mixed vote's figures only once tablets are done."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import cast, close_vote, log_in_all, open_vote
from voting.settings import Settings


async def test_the_reading_follows_the_first_teller_and_the_resolutions(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    await collect_box(client, staff, vote_id, issued=4, returned=3)
    await enter_all(client, staff.teller_a, vote_id, [sheet(1, [a, b]), sheet(2, [a])])
    await enter_all(client, staff.teller_b, vote_id, [sheet(1, [a, b]), sheet(2, [c]), sheet(3, void="unreadable")])
    reading = (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()  # no login: the reading is public
    assert (reading["issued"], reading["returned"], reading["read"], reading["shown"]) == (4, 3, 3, True)
    votes = {line["candidate_id"]: line["votes_for"] for line in reading["lines"]}
    assert votes == {a: 2, b: 1, c: 0}  # sheet 2 as teller A read it first
    assert (reading["invalid"], reading["blank"]) == (1, 0)
    await ok(paper_post(client, staff.scrutineer, vote_id, "sheets/2/resolution", {"marks": {str(c): "for"}}))
    votes = {
        line["candidate_id"]: line["votes_for"]
        for line in (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()["lines"]
    }
    assert votes == {a: 1, b: 1, c: 1}


async def test_a_mixed_vote_shows_no_figures_while_tablets_can_still_vote(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4, candidates=2)
    a, _ = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed", seats=1))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    for deputy_id in congress.deputy_ids[:2]:
        assert (await cast(client, tokens[deputy_id], vote_id, {a: "for"})).status_code == 201
    await collect_box(client, staff, vote_id, issued=2, returned=2)
    for teller in (staff.teller_a, staff.teller_b):
        await enter_all(client, teller, vote_id, [sheet(1, [a]), sheet(2, [])])
    reading = (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()
    assert (reading["read"], reading["returned"], reading["shown"]) == (2, 2, False)
    assert all(line["votes_for"] is None for line in reading["lines"])
    assert reading["invalid"] is None and reading["blank"] is None
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert (await close_vote(client, congress, vote_id)).status_code == 200
    reading = (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()
    # Paper figures only, never the tablets': A had 2 tablet votes and 1 on paper.
    assert reading["shown"] and [line["votes_for"] for line in reading["lines"] if line["candidate_id"] == a] == [1]
