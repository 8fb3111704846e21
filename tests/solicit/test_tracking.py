"""The tracking page follows a merged suggestion to its candidate's fate, in the congress's time zone."""

from __future__ import annotations

import datetime as dt

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import fix_list, new_congress, submit, triage, vet
from voting.programs.phases import congress_today
from voting.programs.words import local_time
from voting.settings import Settings


def draft(name: str) -> dict[str, str]:
    return {"name": name, "category": "交通出行", "summary": name}


async def test_a_merged_suggestion_whose_candidate_was_excluded_or_left_off_the_list_says_so(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=2)
    pid = congress.program_id
    lamp, office, bridge = [await submit(client, pid, title=t) for t in ("村口路灯", "镇政府办公楼", "河东小桥")]
    ids = {}
    for receipt, name in ((lamp, "路灯工程"), (office, "办公楼改造"), (bridge, "小桥加固")):
        merged = await triage(
            client, congress, suggestion_ids=[receipt["id"]], action="merge", new_candidate=draft(name)
        )
        ids[name] = merged["candidate_id"]
    excluded = await client.post(
        f"/api/candidates/{ids['办公楼改造']}/exclusion",
        json={"rule": "office_building", "reason": "属于楼堂馆所，不列入民生实事"},
        headers=congress.clerk,
    )
    assert excluded.status_code == 200, excluded.text
    tracked = (await client.get(f"/api/track/{office['code']}")).json()
    assert (tracked["stage"], tracked["reason"]) == ("candidate_excluded", "属于楼堂馆所，不列入民生实事")
    page = await client.get(f"/track/{office['code']}")
    assert page.status_code == 200
    assert "所归并的候选项目未予采纳" in page.text and "属于楼堂馆所" in page.text

    listed = [ids["路灯工程"], *congress.candidate_ids]
    await vet(client, pool, settings, congress, [*listed, ids["小桥加固"]])
    await fix_list(client, congress, listed, seats=2)
    assert (await client.get(f"/api/track/{lamp['code']}")).json()["stage"] == "put_to_vote"
    left_off = (await client.get(f"/api/track/{bridge['code']}")).json()
    assert left_off["stage"] == "not_listed"
    page = await client.get(f"/track/{bridge['code']}")
    assert page.status_code == 200 and "未列入候选项目清单" in page.text


async def test_times_on_the_tracking_page_are_the_congresss_not_the_servers(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    receipt = await submit(client, congress.program_id)
    late_evening_utc = dt.datetime(2027, 3, 1, 20, 30, tzinfo=dt.UTC)  # 04:30 next morning in Beijing
    async with pool.acquire() as conn:
        await conn.execute("UPDATE suggestion SET created_at = $2 WHERE id = $1", receipt["id"], late_evening_utc)
        # suggestion_event is append-only for the app; the test's superuser sets the clock back.
        await conn.execute(
            "UPDATE suggestion_event SET at = $2 WHERE suggestion_id = $1", receipt["id"], late_evening_utc
        )
    page = await client.get(f"/track/{receipt['code']}")
    assert "2027-03-02 04:30" in page.text and "2027-03-01" not in page.text
    assert local_time(late_evening_utc.replace(tzinfo=None)) == "2027-03-02 04:30"
    assert local_time(None) == ""
    # The solicitation window opens on the congress's calendar day, not the server's.
    assert congress_today(dt.datetime(2027, 3, 1, 16, 0, tzinfo=dt.UTC)) == dt.date(2027, 3, 2)
    assert congress_today(dt.datetime(2027, 3, 1, 15, 59, tzinfo=dt.UTC)) == dt.date(2027, 3, 1)
