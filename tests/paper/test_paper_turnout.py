"""The close dialog's 已投 counts paper ballots; issuing more ballots than deputies present must be confirmed."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import assert_refused, audit_events, mark, open_vote
from voting.settings import Settings


async def test_turnout_of_a_paper_vote_counts_the_returned_ballots(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=12, candidates=3)
    a, b, _ = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        assert (await mark(client, congress, deputy_id, "present")).status_code == 200
    assert (await open_vote(client, congress, vote_id)).status_code == 200

    before = (await client.get(f"/api/votes/{vote_id}/turnout")).json()
    assert (before["cast"], before["present"], before.get("paper_returned")) == (0, 12, None)

    await collect_box(client, staff, vote_id, issued=12, returned=10)
    sheets = [sheet(n, [a, b] if n % 2 else [a]) for n in range(1, 11)]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)
    await ok(paper_post(client, staff.chief, vote_id, "sign-off"))

    after = (await client.get(f"/api/votes/{vote_id}/turnout")).json()
    # 10 ballots in the box: the dialog says 已投 10, and 2 present deputies did not vote (not 12).
    assert (after["cast"], after["present"], after["paper_returned"]) == (10, 12, 10)


async def test_issuing_more_ballots_than_present_needs_confirmation_and_is_audited(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=10, candidates=3)
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids[:7]:
        assert (await mark(client, congress, deputy_id, "present")).status_code == 200
    assert (await open_vote(client, congress, vote_id)).status_code == 200

    refused = assert_refused(await paper_post(client, staff.chief, vote_id, "issued", {"count": 70}), 409)
    assert refused["error"] == "issued_beyond_present"
    assert "70" in refused["message_zh"] and "7" in refused["message_zh"]
    assert refused["detail"]["present"] == 7
    count = (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.chief)).json()
    assert [s["kind"] for s in count["steps"]] == []  # nothing recorded by the refusal

    await ok(paper_post(client, staff.chief, vote_id, "issued", {"count": 8, "beyond_present": True}))
    issued = [e for e in await audit_events(pool, "vote", vote_id) if e["action"] == "paper.issued"]
    assert len(issued) == 1
    assert '"present": 7' in issued[0]["detail"] or issued[0]["detail"].get("present") == 7

    count = (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.chief)).json()
    step = count["steps"][0]
    assert step["kind"] == "issued" and step["count"] == 8
    assert step["actor_name"] and not step["actor_name"].startswith("staff:")


async def test_paper_step_before_the_vote_opens_says_to_open_it_first(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5, candidates=3)
    vote_id = (await create_vote(client, congress, "paper"))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    refused = assert_refused(await paper_post(client, staff.chief, vote_id, "issued", {"count": 5}), 409)
    assert "先" in refused["message_zh"] and "开始表决" in refused["message_zh"]
    assert "open the vote first" in refused["message_en"].lower()
