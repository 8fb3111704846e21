"""A full paper round: roles, steps, double entry with a discrepancy, sign-off, close through the one tally."""

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
)
from tests.steps import assert_refused, audit_events, close_vote, mark, open_vote
from voting.paper.closing import signed_paper_counts
from voting.settings import Settings


def hand_counted_sheets(a: int, b: int, c: int) -> list[dict[str, object]]:
    """15 sheets: A 9, B 8, C 5; one blank, one over-marked, one unreadable."""
    return [
        *(sheet(n, [a, b]) for n in range(1, 6)),
        *(sheet(n, [a, c]) for n in range(6, 9)),
        *(sheet(n, [b, c]) for n in range(9, 11)),
        sheet(11, [a]),
        sheet(12, [b]),
        sheet(13, []),
        sheet(14, void="overmarked"),
        sheet(15, void="unreadable"),
    ]


async def test_a_paper_round_with_a_discrepancy_is_resolved_signed_off_and_counted(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=3)
    a, b, c = congress.candidate_ids
    vote = await create_vote(client, congress, "paper", candidate_ids=[a, b, c])
    vote_id = vote["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        assert (await mark(client, congress, deputy_id, "present")).status_code == 200
    assert (await open_vote(client, congress, vote_id)).status_code == 200

    await collect_box(client, staff, vote_id, issued=15, returned=15)
    sheets = hand_counted_sheets(a, b, c)
    await enter_all(client, staff.teller_a, vote_id, sheets)
    misread = [sheet(6, [a]) if s["sheet"] == 6 else s for s in sheets]
    await enter_all(client, staff.teller_b, vote_id, misread)

    progress = (await client.get(f"/api/votes/{vote_id}/paper/progress", headers=staff.scrutineer)).json()
    assert [d["sheet"] for d in progress["discrepancies"]] == [6]
    assert progress["agreed"] == 14
    assert_refused(await paper_post(client, staff.chief, vote_id, "sign-off"), 409, "count_incomplete")
    assert_refused(await close_vote(client, congress, vote_id), 409, "paper_count_not_signed_off")

    await ok(
        paper_post(client, staff.scrutineer, vote_id, "sheets/6/resolution", {"marks": {str(a): "for", str(c): "for"}})
    )
    assert_refused(await paper_post(client, staff.scrutineer, vote_id, "sign-off"), 403, "not_assigned")
    signed = await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert signed["state"] == "signed_off"
    report = signed["report"]
    assert (report["issued"], report["returned"]) == (15, 15)
    assert (report["paper_valid"], report["paper_invalid"], report["paper_blank"]) == (13, 2, 1)
    assert {line["candidate_id"]: line["votes_for"] for line in report["tally"]["counts"]} == {a: 9, b: 8, c: 5}

    closed = await close_vote(client, congress, vote_id)
    assert closed.status_code == 200, closed.text
    tally = closed.json()
    assert {line["candidate_id"]: line["votes_for"] for line in tally["counts"]} == {a: 9, b: 8, c: 5}
    assert (tally["ballots_cast"], tally["ballots_valid"], tally["ballots_invalid"], tally["ballots_blank"]) == (
        15,
        13,
        2,
        1,
    )
    assert tally["chosen"] == [a, b]
    async with pool.acquire() as conn:
        assert await signed_paper_counts(conn, vote_id) == [{"issued": 15, "returned": 15}]
    announced = await client.post(f"/api/votes/{vote_id}/announce", headers=congress.presiding)
    assert announced.status_code == 200, announced.text
    assert_refused(await paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a])), 409, "vote_not_open")
    actions = [e["action"] for e in await audit_events(pool, "vote", vote_id)]
    for step in ("paper.issued", "paper.box_sealed", "paper.returned", "paper.sheet_resolved", "paper.signed_off"):
        assert step in actions
    assert actions.count("paper.sheet_entered") == 30


async def test_returned_more_than_issued_voids_the_round(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=12, candidates=3)
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        await mark(client, congress, deputy_id, "present")
    assert (await open_vote(client, congress, vote_id)).status_code == 200

    await collect_box(client, staff, vote_id, issued=10, returned=11)
    count = (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.chief)).json()
    assert count["state"] == "void"
    assert_refused(await paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [])), 409, "paper_round_void")
    assert_refused(await paper_post(client, staff.chief, vote_id, "sign-off"), 409, "paper_round_void")
    assert_refused(await close_vote(client, congress, vote_id), 409, "paper_round_void")
    actions = [e["action"] for e in await audit_events(pool, "vote", vote_id)]
    assert "paper.round_void" in actions

    restarted = await ok(
        paper_post(client, congress.presiding, vote_id, "restart", {"reason": "收回多于发出，重新投票"})
    )
    assert (restarted["round"], restarted["state"]) == (2, "issuing")
    await collect_box(client, staff, vote_id, issued=12, returned=12)
    count = (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.chief)).json()
    assert count["state"] == "counting"


async def test_a_paper_vote_tied_at_the_cut_line_gets_a_paper_runoff(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper", candidate_ids=[a, b, c]))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        assert (await mark(client, congress, deputy_id, "present")).status_code == 200
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    await collect_box(client, staff, vote_id, issued=15, returned=15)
    # A 12, B 9, C 9 of 15 for 2 seats: A is chosen, B and C tie for the last seat.
    pairs = [[a, b]] * 6 + [[a, c]] * 6 + [[b, c]] * 3
    sheets = [sheet(n, marks) for n, marks in enumerate(pairs, start=1)]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    closed = await close_vote(client, congress, vote_id)
    assert closed.status_code == 200, closed.text
    assert closed.json()["runoff"] == {"candidate_ids": [b, c], "seats": 1}

    response = await client.post(f"/api/votes/{vote_id}/runoff", headers=congress.presiding)
    assert response.status_code == 201, response.text
    runoff = response.json()
    assert (runoff["mode"], runoff["runoff_of"]) == ("paper", vote_id)
