"""A mixed vote: tablets and paper in one vote, one ballot per deputy whichever way, one tally."""

from __future__ import annotations

from collections import Counter

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import assert_refused, cast, close_vote, log_in_all, open_vote
from voting.settings import Settings


async def test_mixed_tablet_and_paper_tally_matches_a_hand_count(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15, candidates=4)
    a, b, c, d = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed", seats=2))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    tablet_voters, paper_voters = congress.deputy_ids[:9], congress.deputy_ids[9:14]
    late_voter = congress.deputy_ids[14]

    tablet_marks = [[a, b], [a, b], [a, c], [a], [b, d], [c, d], [], [a, d], [b]]
    for deputy_id, marks in zip(tablet_voters, tablet_marks, strict=True):
        response = await cast(client, tokens[deputy_id], vote_id, {m: "for" for m in marks})
        assert response.status_code in (200, 201), response.text
    for deputy_id in paper_voters:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))

    # One ballot per deputy, whichever way: each channel blocks the other.
    refused = assert_refused(await paper_post(client, staff.chief, vote_id, f"issued/{tablet_voters[0]}"), 409)
    assert refused["error"] == "already_voted"
    assert_refused(await cast(client, tokens[paper_voters[0]], vote_id, {a: "for"}), 409, "already_voted")
    assert_refused(await paper_post(client, staff.chief, vote_id, f"issued/{paper_voters[0]}"), 409, "already_issued")

    paper_marks: list[list[int] | None] = [[a, c], [b, c], [a, b], None, [c]]
    sheets = [
        sheet(n, marks) if marks is not None else sheet(n, void="overmarked")
        for n, marks in enumerate(paper_marks, start=1)
    ]
    await collect_box(client, staff, vote_id, issued=5, returned=5)
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))

    # A tablet ballot arriving after the sign-off stays sealed: the chief scrutineer's report covers the
    # paper ballots, and the count opens the tablet ones and adds them.
    response = await cast(client, tokens[late_voter], vote_id, {d: "for"})
    assert response.status_code in (200, 201), response.text

    hand = Counter(m for marks in [*tablet_marks, [d], *(p for p in paper_marks if p)] for m in marks)
    closed = await close_vote(client, congress, vote_id)
    assert closed.status_code == 200, closed.text
    tally = closed.json()
    assert {line["candidate_id"]: line["votes_for"] for line in tally["counts"]} == {
        cid: hand[cid] for cid in (a, b, c, d)
    }
    assert (tally["ballots_cast"], tally["ballots_invalid"], tally["ballots_blank"]) == (15, 1, 1)
