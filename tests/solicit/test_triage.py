"""Triage: filters, Chinese search, similar suggestions, bulk merge/reject/hold, history kept."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.solicit.steps import new_congress, submit, triage
from tests.steps import assert_refused
from voting.settings import Settings


async def test_filters_and_search_work_on_chinese_text(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    await submit(
        client,
        pid,
        title="老旧小区加装电梯",
        description="六层老楼老人上下楼难，希望加装电梯。",
        category="城市建设",
        place="西街社区",
    )
    await submit(
        client,
        pid,
        title="小区电梯加装补贴",
        description="建议对老旧小区加装电梯给予补贴。",
        category="城市建设",
        place="东街社区",
    )
    await submit(
        client, pid, title="村卫生室药品不全", description="常用药经常缺货。", category="医疗卫生", place="东村"
    )

    async def titles(**query: str) -> list[str]:
        answer = await client.get(f"/api/programs/{pid}/suggestions", params=query, headers=congress.clerk)
        assert answer.status_code == 200, answer.text
        return sorted(s["title"] for s in answer.json())

    assert await titles(q="电梯") == ["小区电梯加装补贴", "老旧小区加装电梯"]
    assert await titles(q="缺货") == ["村卫生室药品不全"]
    assert await titles(category="医疗卫生") == ["村卫生室药品不全"]
    assert await titles(place="东") == ["小区电梯加装补贴", "村卫生室药品不全"]
    assert await titles(source="deputy") == []
    assert len(await titles(status="received")) == 3
    assert len(await titles(phase="solicit")) == 3
    assert await titles(phase="supervise") == []

    everything = (await client.get(f"/api/programs/{pid}/suggestions", headers=congress.clerk)).json()
    lift = next(s for s in everything if s["title"] == "老旧小区加装电梯")
    similar = (await client.get(f"/api/suggestions/{lift['id']}/similar", headers=congress.clerk)).json()
    assert similar[0]["title"] == "小区电梯加装补贴"
    assert "村卫生室药品不全" not in [s["title"] for s in similar[:1]]

    page = await client.get(f"/console/programs/{pid}/triage?q=电梯", headers=congress.clerk)
    assert page.status_code == 200
    assert "老旧小区加装电梯" in page.text and "村卫生室药品不全" not in page.text


async def test_bulk_actions_keep_every_suggestions_history(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=1)
    pid = congress.program_id
    receipts = [await submit(client, pid, title=f"建议{i}") for i in range(4)]
    ids = [r["id"] for r in receipts]
    path = f"/api/programs/{pid}/suggestions/triage"
    assert_refused(
        await client.post(path, json={"suggestion_ids": ids, "action": "reject"}, headers=congress.clerk),
        400,
        "reason_required",
    )
    assert_refused(
        await client.post(path, json={"suggestion_ids": ids, "action": "merge"}, headers=congress.clerk),
        400,
        "merge_target",
    )
    assert_refused(
        await client.post(path, json={"suggestion_ids": [*ids, 10**9], "action": "review"}, headers=congress.clerk), 404
    )
    assert_refused(
        await client.post(path, json={"suggestion_ids": ids, "action": "review"}, headers=congress.presiding), 403
    )

    await triage(client, congress, suggestion_ids=ids, action="review")
    await triage(client, congress, suggestion_ids=ids[:2], action="hold", reason="待下年度统筹")
    await triage(client, congress, suggestion_ids=ids[:2], action="merge", candidate_id=congress.candidate_ids[0])
    await triage(client, congress, suggestion_ids=ids[2:], action="reject", reason="已列入上级计划")

    first = (await client.get(f"/api/track/{receipts[0]['code']}")).json()
    assert [s["status"] for s in first["history"]] == ["received", "under_review", "on_hold", "merged"]
    assert first["history"][2]["reason"] == "待下年度统筹"
    assert (first["stage"], first["candidate_name"]) == ("merged", "项目A")
    last = (await client.get(f"/api/track/{receipts[3]['code']}")).json()
    assert (last["stage"], last["reason"]) == ("rejected", "已列入上级计划")


async def test_a_candidate_of_another_program_is_not_a_merge_target(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    ours = await new_congress(pool, settings)
    theirs = await new_congress(pool, settings, candidates=1)
    receipt = await submit(client, ours.program_id)
    refused = await client.post(
        f"/api/programs/{ours.program_id}/suggestions/triage",
        json={"suggestion_ids": [receipt["id"]], "action": "merge", "candidate_id": theirs.candidate_ids[0]},
        headers=ours.clerk,
    )
    assert_refused(refused, 404)
    # Nor can a clerk reach another program's suggestion through this one.
    other = await submit(client, theirs.program_id)
    assert_refused(
        await client.post(
            f"/api/programs/{ours.program_id}/suggestions/triage",
            json={"suggestion_ids": [other["id"]], "action": "review"},
            headers=ours.clerk,
        ),
        404,
    )


async def test_the_obviously_similar_short_chinese_title_ranks_first(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    gym = await submit(
        client,
        pid,
        title="县城第二座体育馆",
        description="县城现有体育馆不能满足群众健身和比赛需要，建议在城东新建一座体育馆。",
        category="文化体育",
        place="城东",
    )
    parking = await submit(
        client,
        pid,
        title="县城地下停车场",
        description="县城中心停车难，建议在县城广场下建设地下停车场，缓解县城停车压力。",
        category="交通出行",
        place="县城",
    )
    other_gym = await submit(
        client, pid, title="城东建体育馆", description="城东片区没有体育场馆。", category="文化体育", place="城东"
    )
    await submit(client, pid, title="县城老旧小区改造", description="县城里的老旧小区管网老化，建议改造。")
    similar = (await client.get(f"/api/suggestions/{gym['id']}/similar", headers=congress.clerk)).json()
    ranked = [s["id"] for s in similar]
    assert ranked[0] == other_gym["id"], similar
    assert parking["id"] not in ranked[:1]
    assert gym["id"] not in ranked
    assert 0 < similar[0]["similarity"] <= 1 and similar[0]["category"] == "文化体育"


def test_likeness_is_symmetric_and_an_identical_title_scores_highest() -> None:
    from voting.solicit.likeness import Text, rank_similar

    texts = [
        Text(1, "东村村口安装路灯", "晚上太黑"),
        Text(2, "东村村口安装路灯", "晚上太黑"),
        Text(3, "西村修路", "路面坑洼"),
        Text(4, "村口路灯不亮", "东村村口路灯坏了"),
    ]
    ranked = rank_similar(texts[0], texts, limit=5)
    assert [t.id for t, _ in ranked][:2] == [2, 4]
    assert ranked[0][1] == 1.0
    there = dict((t.id, s) for t, s in rank_similar(texts[0], texts, 5))[4]
    back = dict((t.id, s) for t, s in rank_similar(texts[3], texts, 5))[1]
    assert there == back


async def test_filter_text_is_text_not_a_like_pattern(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings)
    pid = congress.program_id
    await submit(client, pid, title="路灯维修", description="夜里很黑。", category="城市建设", place="西街社区")
    await submit(client, pid, title="100%覆盖宽带", description="网速_慢", category="城市建设", place="50%片区")

    async def titles(**query: str) -> list[str]:
        answer = await client.get(f"/api/programs/{pid}/suggestions", params=query, headers=congress.clerk)
        assert answer.status_code == 200, answer.text
        return sorted(s["title"] for s in answer.json())

    assert await titles(place="%") == ["100%覆盖宽带"]
    assert await titles(place="_") == []
    assert await titles(q="%") == ["100%覆盖宽带"]
    assert await titles(q="_") == ["100%覆盖宽带"]
    assert await titles(q="\\") == []
    assert await titles(place="西街") == ["路灯维修"]
