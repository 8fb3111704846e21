"""The candidate list: only vetted candidates, the margin checked on fixing, reopening only with a reason."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.solicit.steps import fix_list, new_congress, vet
from tests.steps import assert_refused, log_in_all, open_vote
from voting.settings import Settings


async def test_fixing_needs_enough_candidates_for_the_margin(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=4)
    pid = congress.program_id
    await vet(client, pool, settings, congress, congress.candidate_ids)
    fix = f"/api/programs/{pid}/list/fix"
    await client.put(
        f"/api/programs/{pid}/list", json={"candidate_ids": congress.candidate_ids}, headers=congress.clerk
    )
    assert_refused(await client.post(fix, headers=congress.clerk), 409, "method_missing")
    # 4 seats × 1.2 → at least 5 candidates; the list has 4.
    await client.put(f"/api/programs/{pid}/method", json={"seats": 4, "margin_ratio": "1.2"}, headers=congress.clerk)
    refused = assert_refused(await client.post(fix, headers=congress.clerk), 409, "too_few_candidates")
    assert refused["detail"] == {"needed": 5, "listed": 4}
    assert "至少5项" in refused["message_zh"]
    assert_refused(
        await client.put(
            f"/api/programs/{pid}/method", json={"seats": 3, "margin_ratio": "0.5"}, headers=congress.clerk
        ),
        400,
        "margin_invalid",
    )
    # 3 seats × 1.2 → 4: enough.
    fixed = await client.put(
        f"/api/programs/{pid}/method", json={"seats": 3, "margin_ratio": 1.2}, headers=congress.clerk
    )
    assert fixed.json()["needed"] == 4
    assert (await client.post(fix, headers=congress.clerk)).status_code == 200
    # Per-candidate yes/no votes may have no margin at all.
    other = await new_congress(pool, settings, candidates=2)
    await vet(client, pool, settings, other, other.candidate_ids, department="水利局")
    done = await fix_list(client, other, other.candidate_ids, seats=2, margin="1")
    assert done["fixed"] is True


async def test_only_vetted_and_not_excluded_candidates_are_listed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    a, b, c = congress.candidate_ids
    await vet(client, pool, settings, congress, [a, b])
    path = f"/api/programs/{pid}/list"
    assert_refused(
        await client.put(path, json={"candidate_ids": [a, c]}, headers=congress.clerk), 409, "candidate_not_vetted"
    )
    await client.post(
        f"/api/candidates/{b}/exclusion",
        json={"rule": "assigned_from_above", "reason": "省级已下达"},
        headers=congress.clerk,
    )
    assert_refused(
        await client.put(path, json={"candidate_ids": [a, b]}, headers=congress.clerk), 409, "candidate_excluded"
    )
    assert_refused(
        await client.put(path, json={"candidate_ids": [a, a]}, headers=congress.clerk), 400, "duplicate_candidate"
    )
    assert_refused(
        await client.put(path, json={"candidate_ids": [a, 10**9]}, headers=congress.clerk), 400, "unknown_candidate"
    )
    ordered = await client.put(path, json={"candidate_ids": [a]}, headers=congress.presiding)
    assert ordered.status_code == 200, ordered.text
    assert [e["id"] for e in ordered.json()["entries"]] == [a]


async def test_a_fixed_list_is_locked_and_reopening_is_recorded(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    ids = congress.candidate_ids
    await vet(client, pool, settings, congress, ids)
    assert (await client.get(f"/api/programs/{pid}/list")).json()[
        "entries"
    ] == []  # the public waits for the fixed list
    await fix_list(client, congress, ids, seats=2)
    public = (await client.get(f"/api/programs/{pid}/list")).json()
    assert [e["id"] for e in public["entries"]] == ids

    assert_refused(
        await client.put(f"/api/programs/{pid}/list", json={"candidate_ids": ids[:2]}, headers=congress.clerk),
        409,
        "list_fixed",
    )
    assert_refused(
        await client.put(f"/api/programs/{pid}/method", json={"seats": 1}, headers=congress.clerk), 409, "list_fixed"
    )
    assert_refused(
        await client.post(
            f"/api/candidates/{ids[0]}/exclusion", json={"rule": "other", "reason": "x"}, headers=congress.clerk
        ),
        409,
        "list_fixed",
    )
    async with pool.acquire() as conn:  # the database holds the lock too
        with pytest.raises(asyncpg.CheckViolationError):
            await conn.execute("DELETE FROM list_entry WHERE program_id = $1", pid)

    reopen = f"/api/programs/{pid}/list/reopen"
    assert_refused(await client.post(reopen, json={"reason": "  "}, headers=congress.clerk), 400, "reason_required")
    reopened = await client.post(reopen, json={"reason": "交通局修正投资估算"}, headers=congress.clerk)
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["fixed"] is False
    await client.put(
        f"/api/programs/{pid}/list", json={"candidate_ids": [ids[2], ids[0], ids[1]]}, headers=congress.clerk
    )
    again = await client.post(f"/api/programs/{pid}/list/fix", headers=congress.clerk)
    decisions = [(d["action"], d["reason"]) for d in again.json()["decisions"]]
    assert decisions == [("list.fixed", ""), ("list.reopened", "交通局修正投资估算"), ("list.fixed", "")]
    assert [e["id"] for e in again.json()["entries"]] == [ids[2], ids[0], ids[1]]


async def test_the_live_vote_comes_from_the_fixed_list_and_then_the_list_stays_fixed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    await vet(client, pool, settings, congress, congress.candidate_ids)
    make = f"/api/programs/{pid}/vote"
    assert_refused(
        await client.post(make, json={"session_id": congress.session_id}, headers=congress.clerk), 409, "list_not_fixed"
    )
    await client.put(
        f"/api/programs/{pid}/method",
        json={"seats": 2, "form": "per_candidate", "threshold_base": "present", "title": "2027年民生实事项目票决"},
        headers=congress.clerk,
    )
    await client.put(
        f"/api/programs/{pid}/list", json={"candidate_ids": congress.candidate_ids[::-1]}, headers=congress.clerk
    )
    await client.post(f"/api/programs/{pid}/list/fix", headers=congress.clerk)
    other = await new_congress(pool, settings)
    assert_refused(
        await client.post(make, json={"session_id": other.session_id}, headers=congress.clerk),
        400,
        "session_other_program",
    )
    made = await client.post(make, json={"session_id": congress.session_id}, headers=congress.presiding)
    assert made.status_code == 201, made.text
    vote = made.json()
    assert [c["id"] for c in vote["candidates"]] == congress.candidate_ids[::-1]
    assert (vote["title"], vote["rules"]["form"], vote["rules"]["threshold_base"]) == (
        "2027年民生实事项目票决",
        "per_candidate",
        "present",
    )
    await log_in_all(client, congress, congress.deputy_ids)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    assert_refused(
        await client.post(f"/api/programs/{pid}/list/reopen", json={"reason": "改"}, headers=congress.clerk),
        409,
        "vote_started",
    )


async def test_a_candidate_excluded_after_it_was_listed_blocks_fixing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    ids = congress.candidate_ids
    await vet(client, pool, settings, congress, ids)
    await client.put(f"/api/programs/{pid}/list", json={"candidate_ids": ids}, headers=congress.clerk)
    await client.put(f"/api/programs/{pid}/method", json={"seats": 2, "margin_ratio": "1.2"}, headers=congress.clerk)
    flagged = await client.post(
        f"/api/candidates/{ids[1]}/exclusion",
        json={"rule": "assigned_from_above", "reason": "省里已下达"},
        headers=congress.clerk,
    )
    assert flagged.status_code == 200
    refused = assert_refused(await client.post(f"/api/programs/{pid}/list/fix", headers=congress.clerk), 409)
    assert (refused["error"], refused["detail"]["candidate_id"]) == ("candidate_excluded", ids[1])


async def test_fixing_while_someone_reorders_or_excludes_leaves_a_consistent_list(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    import asyncio

    congress = await new_congress(pool, settings, candidates=4)
    pid = congress.program_id
    ids = congress.candidate_ids
    await vet(client, pool, settings, congress, ids)
    await client.put(f"/api/programs/{pid}/list", json={"candidate_ids": ids[:3]}, headers=congress.clerk)
    await client.put(f"/api/programs/{pid}/method", json={"seats": 2, "margin_ratio": "1"}, headers=congress.clerk)
    fixed, reordered, excluded = await asyncio.gather(
        client.post(f"/api/programs/{pid}/list/fix", headers=congress.clerk),
        client.put(f"/api/programs/{pid}/list", json={"candidate_ids": ids[::-1]}, headers=congress.clerk),
        client.post(
            f"/api/candidates/{ids[0]}/exclusion", json={"rule": "other", "reason": "重复"}, headers=congress.clerk
        ),
    )
    assert fixed.status_code in (200, 409) and reordered.status_code in (200, 409)
    final = (await client.get(f"/api/programs/{pid}/list", headers=congress.clerk)).json()
    vetting = {
        v["candidate"]["id"]: v
        for v in (await client.get(f"/api/programs/{pid}/vetting", headers=congress.clerk)).json()
    }
    if final["fixed"]:
        # Whatever won, the fixed list is what the fixing saw and holds no excluded candidate.
        assert [e["id"] for e in final["entries"]] == [e["id"] for e in fixed.json()["entries"]]
        assert all(vetting[e["id"]]["exclusion_rule"] is None for e in final["entries"])
        if reordered.status_code == 409:
            assert reordered.json()["error"] == "list_fixed"
    else:
        assert fixed.status_code == 409 and excluded.status_code == 200


async def test_a_list_with_a_vote_made_from_it_is_not_reopened(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=2)
    pid = congress.program_id
    await vet(client, pool, settings, congress, congress.candidate_ids)
    await fix_list(client, congress, congress.candidate_ids, seats=2, margin="1")
    made = await client.post(
        f"/api/programs/{pid}/vote", json={"session_id": congress.session_id}, headers=congress.clerk
    )
    assert made.status_code == 201, made.text
    # Reopened and changed, the draft vote would put a stale list to the deputies.
    refused = assert_refused(
        await client.post(f"/api/programs/{pid}/list/reopen", json={"reason": "改顺序"}, headers=congress.clerk),
        409,
        "vote_created",
    )
    assert refused["detail"]["votes"] == [made.json()["id"]]


async def test_a_double_click_makes_one_live_vote(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    import asyncio

    congress = await new_congress(pool, settings, candidates=2)
    pid = congress.program_id
    await vet(client, pool, settings, congress, congress.candidate_ids)
    await fix_list(client, congress, congress.candidate_ids, seats=2, margin="1")
    make = f"/api/programs/{pid}/vote"
    answers = await asyncio.gather(
        *(client.post(make, json={"session_id": congress.session_id}, headers=congress.clerk) for _ in range(3))
    )
    assert sorted(a.status_code for a in answers) == [201, 409, 409]
    for refused in (a for a in answers if a.status_code == 409):
        assert_refused(refused, 409, "vote_created")
    votes = (await client.get(f"/api/sessions/{congress.session_id}/votes", headers=congress.clerk)).json()
    assert len(votes) == 1


async def test_withdrawing_the_draft_vote_lets_the_list_be_reopened_and_voted_again(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=3)
    pid = congress.program_id
    ids = congress.candidate_ids
    await vet(client, pool, settings, congress, ids)
    await fix_list(client, congress, ids[:2], seats=2, margin="1")
    make = f"/api/programs/{pid}/vote"
    first = (await client.post(make, json={"session_id": congress.session_id}, headers=congress.clerk)).json()
    page = await client.get(f"/console/programs/{pid}/deliberation", headers=congress.clerk)
    # A live vote: the page shows it with the way to the console, and neither reopening nor another vote.
    assert 'id="live-vote"' in page.text and f'href="/console/sessions/{congress.session_id}"' in page.text
    assert 'id="reopen-form"' not in page.text and 'id="vote-form"' not in page.text

    withdrawn = await client.post(
        f"/api/votes/{first['id']}/withdraw", json={"reason": "清单须补充项目"}, headers=congress.presiding
    )
    assert withdrawn.status_code == 200, withdrawn.text
    page = await client.get(f"/console/programs/{pid}/deliberation", headers=congress.clerk)
    assert 'id="live-vote"' not in page.text and 'id="reopen-form"' in page.text and 'id="vote-form"' in page.text
    reopen = f"/api/programs/{pid}/list/reopen"
    reopened = await client.post(reopen, json={"reason": "补充项目"}, headers=congress.clerk)
    assert reopened.status_code == 200, reopened.text
    await fix_list(client, congress, ids, seats=2, margin="1")
    again = await client.post(make, json={"session_id": congress.session_id}, headers=congress.clerk)
    assert again.status_code == 201, again.text
    assert [c["id"] for c in again.json()["candidates"]] == ids
    # The new vote holds the list again; the withdrawn one is not counted among the votes made from it.
    refused = assert_refused(
        await client.post(reopen, json={"reason": "再改"}, headers=congress.clerk), 409, "vote_created"
    )
    assert refused["detail"]["votes"] == [again.json()["id"]]
    assert "撤回" in refused["message_zh"] and "withdraw" in refused["message_en"]
