"""Declared conflicts of interest and what they block; a sectioned ballot whose over-marked section alone is void."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.paper.count_steps import assign_count_staff, collect_box, enter_all, ok, paper_post, sheet
from tests.steps import assert_refused, audit_events, mark, open_vote
from voting.settings import Settings


async def open_paper_vote(
    client: AsyncTestClient,
    pool: asyncpg.Pool,
    settings: Settings,
    rules: Callable[[list[int]], dict[str, Any]] = lambda _: {"seats": 2},
) -> tuple[Any, int, Any]:
    """A congress of six, a paper vote on its four candidates (rules from their ids), staff, open."""
    congress = await make_congress(pool, settings, deputies=6, candidates=4)
    body = {
        "reason": "测试",
        "title": "票决",
        "candidate_ids": congress.candidate_ids,
        "rules": rules(congress.candidate_ids),
        "mode": "paper",
    }
    response = await client.post(f"/api/sessions/{congress.session_id}/votes", headers=congress.presiding, json=body)
    assert response.status_code == 201, response.text
    vote_id = response.json()["id"]
    staff = await assign_count_staff(client, pool, settings, congress, vote_id)
    for deputy_id in congress.deputy_ids:
        await mark(client, congress, deputy_id, "present")
    assert (await open_vote(client, congress, vote_id)).status_code == 200
    return congress, vote_id, staff


async def test_a_declared_conflict_is_recorded_and_keeps_the_scrutineer_off_that_candidates_sheets(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a, b, c, _ = congress.candidate_ids
    declared = await ok(
        paper_post(
            client, staff.scrutineer, vote_id, "conflicts", {"candidate_id": a, "reason": "配偶任项目A实施单位负责人"}
        )
    )
    assert [(f["candidate_id"], f["role"], f["reason"]) for f in declared["conflicts"]] == [
        (a, "scrutineer", "配偶任项目A实施单位负责人")
    ]
    again = {"candidate_id": a, "reason": "重复"}
    assert_refused(await paper_post(client, staff.scrutineer, vote_id, "conflicts", again), 409, "conflict_declared")
    refused = assert_refused(await paper_post(client, staff.outsider, vote_id, "conflicts", again), 403, "not_assigned")
    assert refused["message_zh"] and refused["message_en"]
    events = [e for e in await audit_events(pool, "vote", vote_id) if e["action"] == "paper.conflict_declared"]
    assert len(events) == 1

    # Sheet 1 is read A+B vs B (A at stake); sheet 2 is read B vs C (A not at stake).
    await collect_box(client, staff, vote_id, issued=2, returned=2)
    await enter_all(client, staff.teller_a, vote_id, [sheet(1, [a, b]), sheet(2, [b])])
    await enter_all(client, staff.teller_b, vote_id, [sheet(1, [b]), sheet(2, [c])])
    blocked = await paper_post(client, staff.scrutineer, vote_id, "sheets/1/resolution", {"marks": {str(b): "for"}})
    assert_refused(blocked, 403, "conflict_of_interest")
    await ok(paper_post(client, staff.scrutineer, vote_id, "sheets/2/resolution", {"marks": {str(b): "for"}}))
    await ok(paper_post(client, staff.chief, vote_id, "sheets/1/resolution", {"marks": {str(a): "for", str(b): "for"}}))
    report = await client.get(f"/api/votes/{vote_id}/paper/report", headers=staff.chief)
    counts = {line["candidate_id"]: line["votes_for"] for line in report.json()["tally"]["counts"]}
    assert (counts[a], counts[b], counts[c]) == (1, 2, 0)


async def test_a_conflicted_chief_cannot_sign_off_until_another_scrutineer_is_made_chief(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings)
    a = congress.candidate_ids[0]
    await ok(paper_post(client, staff.chief, vote_id, "conflicts", {"candidate_id": a, "reason": "本人所在单位承办"}))
    await collect_box(client, staff, vote_id, issued=1, returned=1)
    for teller in (staff.teller_a, staff.teller_b):
        await enter_all(client, teller, vote_id, [sheet(1, [a])])
    assert_refused(await paper_post(client, staff.chief, vote_id, "sign-off"), 403, "chief_conflicted")

    count = (await client.get(f"/api/votes/{vote_id}/paper", headers=staff.chief)).json()
    ids = {c["staff_user_id"]: c for c in count["counters"]}
    chief_id = next(i for i, c in ids.items() if c["is_chief"])
    other_id = next(i for i, c in ids.items() if c["role"] == "scrutineer" and not c["is_chief"])
    refused = await paper_post(client, congress.presiding, vote_id, "chief", {"staff_user_id": chief_id})
    assert_refused(refused, 409, "chief_conflicted")
    moved = await ok(paper_post(client, congress.presiding, vote_id, "chief", {"staff_user_id": other_id}))
    assert [c["staff_user_id"] for c in moved["counters"] if c["is_chief"]] == [other_id]
    assert_refused(await paper_post(client, staff.chief, vote_id, "sign-off"), 403, "not_assigned")
    signed = await ok(paper_post(client, staff.scrutineer, vote_id, "sign-off"))
    assert signed["state"] == "signed_off"


def sectioned(overmark: str) -> Callable[[list[int]], dict[str, Any]]:
    """Rules: 2 seats; A, B, C form the section 教育 with one seat."""
    return lambda ids: {
        "seats": 2,
        "sections": [{"candidate_ids": ids[:3], "seats": 1, "title": "教育"}],
        "overmark": overmark,
    }


async def test_an_overmarked_section_is_void_alone_where_the_rules_say_so(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings, sectioned("section"))
    a, b, c, d = congress.candidate_ids
    await collect_box(client, staff, vote_id, issued=2, returned=2)
    overmarked = sheet(1, [a, b, d])  # 教育 has two marks for one seat: only 教育 is void; D counts
    for teller in (staff.teller_a, staff.teller_b):
        await enter_all(client, teller, vote_id, [overmarked, sheet(2, [a, d])])
    report = (await client.get(f"/api/votes/{vote_id}/paper/report", headers=staff.chief)).json()
    counts = {line["candidate_id"]: line["votes_for"] for line in report["tally"]["counts"]}
    assert (counts[a], counts[b], counts[c], counts[d]) == (1, 0, 0, 2)
    assert (report["paper_valid"], report["paper_invalid"]) == (2, 0)


async def test_an_overmarked_section_voids_the_whole_ballot_by_default(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress, vote_id, staff = await open_paper_vote(client, pool, settings, sectioned("ballot"))
    a, b, _, d = congress.candidate_ids
    await collect_box(client, staff, vote_id, issued=1, returned=1)
    refused = await paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, [a, b, d]))
    assert_refused(refused, 400, "reading_invalid")
    await ok(paper_post(client, staff.teller_a, vote_id, "entries", sheet(1, void="overmarked")))


async def test_sections_that_do_not_fit_the_list_are_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    rules = {"seats": 1, "sections": [{"candidate_ids": [congress.candidate_ids[0], 999_999], "seats": 1}]}
    body = {"title": "票决", "candidate_ids": congress.candidate_ids, "rules": rules, "reason": "测试"}
    response = await client.post(f"/api/sessions/{congress.session_id}/votes", headers=congress.presiding, json=body)
    assert_refused(response, 400, "sections_invalid")
