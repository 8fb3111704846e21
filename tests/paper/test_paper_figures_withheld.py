"""A mixed vote's paper figures stay with nobody while its tablets still vote; a paper vote's are read out."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, create_vote, enter_all, ok, paper_post, sheet
from tests.steps import assert_refused, audit_events, close_vote, log_in_all, open_vote
from voting.settings import Settings


async def test_mixed_vote_report_withholds_candidate_figures_until_tablets_are_done(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, _ = congress.candidate_ids
    vote_id = (await create_vote(client, congress, "mixed", seats=2))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    for deputy_id in congress.deputy_ids[:2]:
        await ok(paper_post(client, staff.chief, vote_id, f"issued/{deputy_id}"))
    await collect_box(client, staff, vote_id, issued=2, returned=2)
    sheets = [sheet(1, [a]), sheet(2, [a, b])]
    await enter_all(client, staff.teller_a, vote_id, sheets)
    await enter_all(client, staff.teller_b, vote_id, sheets)

    # Every sheet agreed, tablets still voting: nobody gets the per-candidate figures, not even the chief.
    for headers in (staff.chief, congress.presiding, congress.clerk):
        refused = assert_refused(
            await client.get(f"/api/votes/{vote_id}/paper/report", headers=headers), 409, "paper_figures_withheld"
        )
        assert "平板投票结束前不公布纸质选票的分项票数" in refused["message_zh"]
    progress = (await client.get(f"/api/votes/{vote_id}/paper/progress", headers=congress.clerk)).json()
    assert (progress["returned"], progress["agreed"], progress["missing"]) == (2, 2, [])

    # The chief still signs off (the close needs it), and the signed report keeps its figures back too.
    signed = await ok(paper_post(client, staff.chief, vote_id, "sign-off"))
    assert (signed["state"], signed["figures_shown"]) == ("signed_off", False)
    assert signed["report"] == {"round": 1, "issued": 2, "returned": 2}
    seen = (await client.get(f"/api/votes/{vote_id}/paper", headers=congress.presiding)).json()
    assert seen["report"] == {"round": 1, "issued": 2, "returned": 2}
    signed_events = [e for e in await audit_events(pool, "vote", vote_id) if e["action"] == "paper.signed_off"]
    assert [dict(e["detail"]) for e in signed_events] == [
        {"round": 1, "issued": 2, "returned": 2, "figures_withheld": True}
    ]  # the audit log, which staff read meanwhile, keeps them back too
    reading = (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()
    assert reading["shown"] is False  # the 唱票 screen follows the same rule

    assert (await close_vote(client, congress, vote_id)).status_code == 200
    after = (await client.get(f"/api/votes/{vote_id}/paper", headers=congress.presiding)).json()
    assert after["figures_shown"] is True
    votes_for = {line["candidate_id"]: line["votes_for"] for line in after["report"]["tally"]["counts"]}
    assert (votes_for[a], votes_for[b]) == (2, 1)
    assert (await client.get(f"/api/votes/{vote_id}/paper/reading")).json()["shown"] is True


async def test_paper_vote_report_shows_figures_while_open(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=5, candidates=3)
    a = congress.candidate_ids[0]
    vote_id = (await create_vote(client, congress, "paper", seats=2))["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    await collect_box(client, staff, vote_id, issued=1, returned=1)
    await enter_all(client, staff.teller_a, vote_id, [sheet(1, [a])])
    await enter_all(client, staff.teller_b, vote_id, [sheet(1, [a])])
    report = await ok(client.get(f"/api/votes/{vote_id}/paper/report", headers=staff.chief))
    assert {line["candidate_id"]: line["votes_for"] for line in report["tally"]["counts"]}[a] == 1
