"""Bad input gets a clear answer in both languages, and nothing already entered is lost."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import (
    assign_count_staff,
    collect_box,
    create_vote,
    enter_all,
    ok,
    paper_post,
    sheet,
    staff_login,
)
from tests.steps import assert_refused, close_vote, fetch_count, mark, open_vote
from voting.auth import Role
from voting.settings import Settings


async def test_refusals_leave_the_entered_count_intact(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=12, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        await mark(client, congress, deputy_id, "present")
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    assert_refused(await paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a])), 409)  # nothing returned
    await collect_box(client, staff, vote_id, issued=12, returned=3)
    assert_refused(
        await paper_post(client, staff.chief, vote_id, "returned", {"count": 2}), 409, "step_already_recorded"
    )

    sheets = [sheet(1, [a, b]), sheet(2, [c]), sheet(3, [])]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    assert_refused(await paper_post(client, staff.outsider, vote_id, "entries", sheet(1, [a])), 403, "not_assigned")
    assert_refused(await paper_post(client, staff.chief, vote_id, "entries", sheet(1, [a])), 403)
    assert_refused(
        await paper_post(client, staff.teller_a, vote_id, "entries", sheet(4, [a])), 409, "more_than_returned"
    )
    assert_refused(await paper_post(client, staff.teller_a, vote_id, "entries", sheet(2, [a, b, c])), 400)
    await enter_all(client, staff.teller_b, vote_id, sheets)

    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert_refused(await paper_post(client, staff.chief, vote_id, "sign-off"), 409, "count_signed_off")
    assert_refused(await paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [b])), 409, "count_signed_off")
    resolution = await paper_post(client, staff.scrutineer, vote_id, "sheets/1/resolution", {"marks": {}})
    assert_refused(resolution, 409, "count_signed_off")
    entered = "SELECT count(*) FROM paper_entry WHERE vote_id = $1"
    assert await fetch_count(pool, entered, vote_id) == 6

    # A correction is a recorded recount with a reason; then the count can be signed off again.
    assert_refused(await paper_post(client, staff.scrutineer, vote_id, "recount", {"reason": "核对"}), 403)
    recounted = await ok(paper_post(client, staff.chief, vote_id, "recount", {"reason": "第1张需复核"}))
    assert recounted["state"] == "counting"
    assert [s["kind"] for s in recounted["steps"]][-2:] == ["signed_off", "recount"]
    await ok(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a])))
    await ok(paper_post(client, staff.teller_b, vote_id, "entries", sheet(1, [a])))
    signed = await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert {line["candidate_id"]: line["votes_for"] for line in signed["report"]["tally"]["counts"]} == {
        a: 1,
        b: 0,
        c: 1,
    }
    assert await fetch_count(pool, entered, vote_id) == 8


async def test_paper_steps_are_refused_on_an_electronic_vote_and_a_second_chief(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    electronic = (await create_vote(client, congress, "electronic"))["id"]
    assert_refused(
        await paper_post(client, congress.presiding, electronic, "issued", {"count": 3}), 409, "vote_not_paper"
    )
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    assert staff.chief
    async with pool.acquire() as conn:
        teller_id = await conn.fetchval(
            "SELECT staff_user_id FROM vote_counter WHERE vote_id = $1 AND role = 'teller' LIMIT 1", vote_id
        )
        scrutineer_id = await conn.fetchval(
            "SELECT staff_user_id FROM vote_counter WHERE vote_id = $1 AND NOT is_chief AND role = 'scrutineer'",
            vote_id,
        )
    second_vote = (await create_vote(client, congress, "paper"))["id"]
    another_id, _ = await staff_login(pool, settings, Role.SCRUTINEER, congress.body_id)
    for body, status, code in (
        ({"staff_user_id": another_id, "role": "scrutineer", "is_chief": True}, 409, "chief_exists"),
        ({"staff_user_id": scrutineer_id, "role": "scrutineer", "is_chief": True}, 409, "already_assigned"),
        ({"staff_user_id": teller_id, "role": "teller"}, 409, "already_assigned"),
        ({"staff_user_id": teller_id, "role": "scrutineer"}, 400, "counter_role_mismatch"),
    ):
        assert_refused(await paper_post(client, congress.presiding, vote_id, "counters", body), status, code)
    # Counting happens while the vote is open, not on a draft.
    assert_refused(await paper_post(client, staff.chief, second_vote, "sign-off"), 409, "vote_not_open")


async def test_a_teller_who_logged_out_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    assert (await client.post("/api/auth/logout", headers=staff.teller_a)).status_code == 200
    assert_refused(await client.get(f"/api/votes/{vote_id}/paper", headers=staff.teller_a), 401)
    assert (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.teller_b)).status_code == 200


async def test_a_count_that_contradicts_itself_is_refused_in_the_same_words_on_tablets_and_on_paper(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    # A deputy added to the roster and checked in after the vote opened: more present than the
    # members the vote counts (应到, fixed at its opening). Neither count may go ahead.
    refusals = []
    for mode in ("electronic", "paper"):
        congress = await make_congress(pool, settings, deputies=4, candidates=3)
        vote_id = (await create_vote(client, congress, mode))["id"]
        for deputy_id in congress.deputy_ids:
            await mark(client, congress, deputy_id, "present")
        assert (await open_vote(client, congress, vote_id)).status_code == 200
        added = await client.post(
            f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk, json={"name": "补"}
        )
        assert added.status_code == 201, added.text
        assert (await mark(client, congress, added.json()["id"], "present")).status_code == 200
        if mode == "electronic":
            refusals.append(assert_refused(await close_vote(client, congress, vote_id), 409, "count_inconsistent"))
            continue
        staff = await assign_count_staff(client, pool, settings, congress, vote_id)
        await collect_box(client, staff, vote_id, issued=5, returned=1)
        for teller in (staff.teller_a, staff.teller_b):
            await enter_all(client, teller, vote_id, [sheet(1, [congress.candidate_ids[0]])])
        report = await client.get(f"/api/votes/{vote_id}/paper/report", headers=staff.chief)
        refusals.append(assert_refused(report, 409, "count_inconsistent"))
    tablet, paper = ((r["message_zh"], r["message_en"]) for r in refusals)
    assert tablet == paper
    assert "不能计票" in tablet[0] and "cannot be counted" in tablet[1]
