"""Inspections raise issues the department answers and a clerk closes; changes need a recorded decision."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.steps import assert_refused, fetch_count
from tests.supervision.world import announced_world
from voting.settings import Settings


async def test_inspection_issue_is_answered_and_closed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk, housing = world.congress.clerk, world.housing.headers
    recorded = await client.post(
        f"/api/items/{world.item_a}/inspections",
        headers=clerk,
        json={
            "inspected_on": "2027-05-10",
            "participants": "代表001、代表002",
            "findings": "施工围挡不规范",
            "issues": ["围挡占用人行道"],
        },
    )
    assert recorded.status_code == 201, recorded.text
    issue = recorded.json()["issues"][0]
    assert issue["state"] == "open"
    assert_refused(await client.post(f"/api/issues/{issue['id']}/close", headers=clerk, json={"accept": True}), 409)
    other = await client.post(
        f"/api/issues/{issue['id']}/answer", headers=world.transport.headers, json={"answer": "x"}
    )
    assert_refused(other, 403, "not_your_department")
    answered = await client.post(f"/api/issues/{issue['id']}/answer", headers=housing, json={"answer": "已整改围挡"})
    assert answered.json()["state"] == "answered"
    assert_refused(
        await client.post(f"/api/issues/{issue['id']}/answer", headers=housing, json={"answer": "再答"}), 409
    )
    back = await client.post(
        f"/api/issues/{issue['id']}/close", headers=clerk, json={"accept": False, "note": "请附照片"}
    )
    assert back.json()["state"] == "open"
    await client.post(f"/api/issues/{issue['id']}/answer", headers=housing, json={"answer": "已整改，附照片"})
    closed = await client.post(f"/api/issues/{issue['id']}/close", headers=clerk, json={"accept": True, "note": "办结"})
    assert closed.json()["state"] == "closed" and closed.json()["closed_at"]


async def test_inspection_needs_findings(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    bad = await client.post(
        f"/api/items/{world.item_a}/inspections",
        headers=world.congress.clerk,
        json={"inspected_on": "2027-05-10", "participants": "代表001", "findings": ""},
    )
    assert_refused(bad, 400)
    blank_issue = await client.post(
        f"/api/items/{world.item_a}/inspections",
        headers=world.congress.clerk,
        json={"inspected_on": "2027-05-10", "participants": "代表001", "findings": "围挡不规范", "issues": ["  "]},
    )
    body = assert_refused(blank_issue, 400, "text_empty")
    assert body["message_zh"] == "请填写交办问题" and body["detail"]["field"] == "issues"
    assert await fetch_count(pool, "SELECT count(*) FROM inspection WHERE item_id = $1", world.item_a) == 0


async def test_change_takes_effect_only_after_a_decision(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    skipped = await client.post(f"/api/items/{world.item_b}/status", headers=clerk, json={"status": "postponed"})
    body = assert_refused(skipped, 409, "change_needs_decision")
    assert "决定" in body["message_zh"]
    requested = await client.post(
        f"/api/items/{world.item_b}/changes",
        headers=world.transport.headers,
        json={"kind": "postpone", "reason": "征地未完成", "new_target_date": "2028-06-30"},
    )
    assert requested.status_code == 201, requested.text
    change = requested.json()
    assert (await client.get(f"/api/items/{world.item_b}")).json()["status"] == "in_progress"
    second = await client.post(
        f"/api/items/{world.item_b}/changes", headers=clerk, json={"kind": "stop", "reason": "另一个"}
    )
    assert_refused(second, 409, "change_pending")
    no_decider = await client.post(f"/api/changes/{change['id']}/decision", headers=clerk, json={"approve": True})
    assert_refused(no_decider, 400)
    blank = {"approve": True, "decided_by": "   "}
    body = assert_refused(await client.post(f"/api/changes/{change['id']}/decision", headers=clerk, json=blank), 400)
    assert body["error"] == "text_empty" and body["detail"]["field"] == "decided_by"
    assert_refused(
        await client.post(
            f"/api/changes/{change['id']}/decision",
            headers=world.transport.headers,
            json={"approve": True, "decided_by": "x"},
        ),
        403,
    )
    decided = await client.post(
        f"/api/changes/{change['id']}/decision",
        headers=clerk,
        json={"approve": True, "decided_by": "县人大常委会主任会议", "decision_ref": "常主〔2027〕5号"},
    )
    assert decided.status_code == 200, decided.text
    item = (await client.get(f"/api/items/{world.item_b}")).json()
    assert item["status"] == "postponed" and item["target_date"] == "2028-06-30"
    again = await client.post(
        f"/api/changes/{change['id']}/decision", headers=clerk, json={"approve": False, "decided_by": "x"}
    )
    assert_refused(again, 409, "change_decided")


async def test_rejected_change_leaves_the_item_alone(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    change = (
        await client.post(
            f"/api/items/{world.item_a}/changes",
            headers=world.housing.headers,
            json={"kind": "stop", "reason": "资金不足"},
        )
    ).json()
    assert_refused(
        await client.post(
            f"/api/items/{world.item_b}/changes", headers=world.housing.headers, json={"kind": "stop", "reason": "x"}
        ),
        403,
    )
    await client.post(
        f"/api/changes/{change['id']}/decision",
        headers=world.congress.clerk,
        json={"approve": False, "decided_by": "主任会议", "note": "继续实施"},
    )
    assert (await client.get(f"/api/items/{world.item_a}")).json()["status"] == "in_progress"


async def test_an_adjusted_project_keeps_reporting_and_completes_at_100(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    change = await client.post(
        f"/api/items/{world.item_b}/changes",
        headers=world.transport.headers,
        json={"kind": "adjust", "reason": "线路调整，减少拆迁", "new_target_date": "2028-03-31"},
    )
    assert change.status_code == 201, change.text
    decided = await client.post(
        f"/api/changes/{change.json()['id']}/decision",
        headers=clerk,
        json={"approve": True, "decided_by": "县人大常委会主任会议", "decision_ref": "常主〔2027〕6号"},
    )
    assert decided.status_code == 200, decided.text
    item = (await client.get(f"/api/items/{world.item_b}", headers=clerk)).json()
    assert item["status"] == "adjusted"
    assert item["next_due"] is not None  # still on the report schedule

    filed = await client.post(
        f"/api/items/{world.item_b}/reports",
        headers=world.transport.headers,
        # Multipart, as the liaison's page sends it (an upload takes no other body type).
        files={"percent": (None, "100"), "spent_wan": (None, "90"), "narrative": (None, "按调整后的方案全部完工")},
    )
    assert filed.status_code == 201, filed.text
    published = await client.post(f"/api/reports/{filed.json()['id']}/review", headers=clerk, json={"publish": True})
    assert published.status_code == 200, published.text
    assert (await client.get(f"/api/items/{world.item_b}")).json()["status"] == "completed"


async def decide(client: AsyncTestClient, clerk: dict[str, str], change_id: int, ref: str) -> None:
    """Approve a change by a recorded decision of the chairpersons' meeting."""
    decision = {"approve": True, "decided_by": "县人大常委会主任会议", "decision_ref": ref}
    decided = await client.post(f"/api/changes/{change_id}/decision", headers=clerk, json=decision)
    assert decided.status_code == 200, decided.text


async def test_a_postponed_project_resumes_only_by_a_decided_change(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk, transport = world.congress.clerk, world.transport.headers
    postpone = await client.post(
        f"/api/items/{world.item_b}/changes", headers=transport, json={"kind": "postpone", "reason": "征地未完成"}
    )
    await decide(client, clerk, postpone.json()["id"], "常主〔2027〕5号")
    # 暂缓 was decided: a status click does not end it, in either direction.
    for status in ("in_progress", "completed"):
        refused = assert_refused(
            await client.post(f"/api/items/{world.item_b}/status", headers=clerk, json={"status": status}),
            409,
            "change_needs_decision",
        )
        assert "恢复实施" in refused["message_zh"] and "resume" in refused["message_en"]
    resume = await client.post(
        f"/api/items/{world.item_b}/changes",
        headers=transport,
        json={"kind": "resume", "reason": "征地已完成", "new_target_date": "2028-09-30"},
    )
    assert resume.status_code == 201, resume.text
    assert (await client.get(f"/api/items/{world.item_b}")).json()["status"] == "postponed"
    await decide(client, clerk, resume.json()["id"], "常主〔2027〕9号")
    item = (await client.get(f"/api/items/{world.item_b}", headers=clerk)).json()
    assert (item["status"], item["target_date"]) == ("in_progress", "2028-09-30")
    assert item["next_due"] is not None  # back on the report schedule
    actions = await fetch_count(
        pool,
        "SELECT count(*) FROM audit_event WHERE action IN ('change.requested', 'change.decided') AND object_id = $1",
        str(resume.json()["id"]),
    )
    assert actions == 2
    project = await client.get(f"/projects/{world.item_b}")
    assert "恢复实施" in project.text and "常主〔2027〕9号" in project.text


async def test_only_a_postponed_project_can_resume(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    resume = {"kind": "resume", "reason": "继续实施"}
    refused = assert_refused(
        await client.post(f"/api/items/{world.item_a}/changes", headers=clerk, json=resume), 409, "item_not_postponed"
    )
    assert refused["detail"]["status"] == "in_progress" and "暂缓" in refused["message_zh"]
    adjust = await client.post(
        f"/api/items/{world.item_a}/changes", headers=clerk, json={"kind": "adjust", "reason": "缩小规模"}
    )
    await decide(client, clerk, adjust.json()["id"], "常主〔2027〕7号")
    assert_refused(
        await client.post(f"/api/items/{world.item_a}/changes", headers=clerk, json=resume), 409, "item_not_postponed"
    )
    stopping = {"kind": "stop", "reason": "撤销"}
    stop = await client.post(f"/api/items/{world.item_b}/changes", headers=clerk, json=stopping)
    await decide(client, clerk, stop.json()["id"], "常主〔2027〕8号")
    assert_refused(
        await client.post(f"/api/items/{world.item_b}/changes", headers=clerk, json=resume), 409, "item_closed"
    )
    resumes = "SELECT count(*) FROM change_request WHERE kind = 'resume' AND item_id = ANY($1::bigint[])"
    assert await fetch_count(pool, resumes, [world.item_a, world.item_b]) == 0
