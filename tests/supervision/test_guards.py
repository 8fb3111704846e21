"""What users hit at the edges: blank text, odd money, review order, races, photos, another department's work."""

from __future__ import annotations

import asyncio

import asyncpg
from litestar.testing import AsyncTestClient

from tests.steps import assert_refused, fetch_count
from tests.supervision.reports import file_report, started_a_year_ago
from tests.supervision.world import announced_world
from voting.settings import Settings


async def test_blank_text_is_refused_in_both_languages_not_a_server_error(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    inspection = {"inspected_on": "2027-05-01", "participants": "   ", "findings": "ok"}
    assert_refused(await client.post(f"/api/items/{world.item_a}/inspections", headers=clerk, json=inspection), 400)
    inspection = {"inspected_on": "2027-05-01", "participants": "张三", "findings": "ok", "issues": ["  "]}
    assert_refused(await client.post(f"/api/items/{world.item_a}/inspections", headers=clerk, json=inspection), 400)
    assert await fetch_count(pool, "SELECT count(*) FROM inspection WHERE item_id = $1", world.item_a) == 0
    change = {"kind": "postpone", "reason": "   "}
    assert_refused(await client.post(f"/api/items/{world.item_a}/changes", headers=clerk, json=change), 400)
    change = {"kind": "postpone", "reason": "征地"}
    made = (await client.post(f"/api/items/{world.item_a}/changes", headers=clerk, json=change)).json()
    blank = {"approve": True, "decided_by": "  "}
    assert_refused(await client.post(f"/api/changes/{made['id']}/decision", headers=clerk, json=blank), 400)
    assert (await client.get(f"/api/items/{world.item_a}")).json()["status"] == "in_progress"
    milestone = {"title": "  ", "due_on": "2027-06-01"}
    assert_refused(await client.post(f"/api/items/{world.item_a}/milestones", headers=clerk, json=milestone), 400)
    evaluation = {"body_id": world.congress.body_id, "title": "   "}
    assert_refused(await client.post("/api/evaluations", headers=clerk, json=evaluation), 400)
    raised = await client.post(
        f"/api/items/{world.item_a}/inspections",
        headers=clerk,
        json={"inspected_on": "2027-05-01", "participants": "张三", "findings": "围挡", "issues": ["占道"]},
    )
    issue = raised.json()["issues"][0]
    empty = await client.post(f"/api/issues/{issue['id']}/answer", headers=world.housing.headers, json={"answer": " "})
    assert_refused(empty, 400)


async def test_money_out_of_range_is_refused(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    for spent in ("NaN", "Infinity", "1e20", "12.345"):
        assert_refused(await file_report(client, world, world.item_a, spent_wan=spent), 400)
    for budget in ("NaN", "1e20"):
        change = {"kind": "adjust", "reason": "扩建", "new_budget_wan": budget}
        refused = await client.post(f"/api/items/{world.item_a}/changes", headers=world.congress.clerk, json=change)
        assert_refused(refused, 400)
    assert await fetch_count(pool, "SELECT count(*) FROM progress_report WHERE item_id = $1", world.item_a) == 0


async def test_publishing_an_older_report_last_does_not_lower_the_progress(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    await started_a_year_ago(pool, world.item_a)
    older = (await file_report(client, world, world.item_a, percent="50")).json()
    newer = (await file_report(client, world, world.item_a, percent="70", spent_wan="60")).json()
    assert older["period_due"] < newer["period_due"]
    for report in (newer, older):
        published = await client.post(
            f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": True}
        )
        assert published.status_code == 200, published.text
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert item["percent"] == 70 and item["spent_wan"] == "60.00"


async def test_change_decided_at_once_by_two_clerks_is_decided_once(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    made = await client.post(
        f"/api/items/{world.item_b}/changes", headers=clerk, json={"kind": "stop", "reason": "规划调整"}
    )
    change_id = made.json()["id"]
    answers = await asyncio.gather(
        client.post(
            f"/api/changes/{change_id}/decision", headers=clerk, json={"approve": True, "decided_by": "主任会议"}
        ),
        client.post(
            f"/api/changes/{change_id}/decision", headers=clerk, json={"approve": False, "decided_by": "主任会议"}
        ),
    )
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert_refused(next(a for a in answers if a.status_code == 409), 409, "change_decided")
    assert await fetch_count(pool, "SELECT count(*) FROM audit_event WHERE action = 'change.decided'") == 1


async def test_decided_stop_cannot_be_undone_by_setting_the_status(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    made = await client.post(
        f"/api/items/{world.item_b}/changes", headers=clerk, json={"kind": "stop", "reason": "规划调整"}
    )
    decision = {"approve": True, "decided_by": "主任会议"}
    await client.post(f"/api/changes/{made.json()['id']}/decision", headers=clerk, json=decision)
    for status in ("in_progress", "completed"):
        refused = await client.post(f"/api/items/{world.item_b}/status", headers=clerk, json={"status": status})
        assert_refused(refused, 409, "item_stopped")
    assert (await client.get(f"/api/items/{world.item_b}")).json()["status"] == "stopped"


async def test_change_for_a_completed_project_is_not_applied(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk = world.congress.clerk
    made = await client.post(
        f"/api/items/{world.item_a}/changes", headers=clerk, json={"kind": "postpone", "reason": "雨季"}
    )
    report = (await file_report(client, world, world.item_a, percent="100")).json()
    await client.post(f"/api/reports/{report['id']}/review", headers=clerk, json={"publish": True})
    decision = {"approve": True, "decided_by": "主任会议"}
    refused = await client.post(f"/api/changes/{made.json()['id']}/decision", headers=clerk, json=decision)
    assert_refused(refused, 409, "item_closed")
    assert (await client.get(f"/api/items/{world.item_a}")).json()["status"] == "completed"


async def test_photos_are_served_safely(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    report = (await file_report(client, world, world.item_a)).json()
    photo = report["photos"][0]
    # Before publication: the department and clerks only; not the public, not another department.
    assert_refused(await client.get(f"/api/photos/{photo}"), 404)
    assert_refused(await client.get(f"/api/photos/{photo}", headers=world.transport.headers), 404)
    assert (await client.get(f"/api/photos/{photo}", headers=world.housing.headers)).status_code == 200
    seen = await client.get(f"/api/photos/{photo}", headers=world.congress.clerk)
    assert seen.status_code == 200 and seen.headers["cache-control"].startswith("private")
    await client.post(f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": True})
    # What is served is the server's own re-encoding (a JPEG), never the uploaded bytes.
    for path in (f"/api/photos/{photo}", f"/api/photos/{photo}/thumb"):
        served = await client.get(path)
        assert served.status_code == 200 and served.content.startswith(b"\xff\xd8\xff")
        assert served.headers["content-type"] == "image/jpeg"
        assert served.headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in served.headers["content-security-policy"]
    for wrong in ("..%2F..%2Fsecret", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "%2e%2e"):
        response = await client.get(f"/api/photos/{wrong}")
        assert response.status_code in (400, 404), wrong
        assert response.json()["message_zh"] and response.json()["message_en"]
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused = await file_report(client, world, world.item_a, [("photos", ("a.png", svg, "image/svg+xml"))])
    assert_refused(refused, 400, "photo_not_image")


async def test_another_departments_liaison_reaches_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    clerk, stranger = world.congress.clerk, world.transport.headers
    raised = await client.post(
        f"/api/items/{world.item_a}/inspections",
        headers=clerk,
        json={"inspected_on": "2027-05-01", "participants": "张三", "findings": "围挡", "issues": ["占道"]},
    )
    issue = raised.json()["issues"][0]
    assert_refused(
        await client.post(f"/api/issues/{issue['id']}/answer", headers=stranger, json={"answer": "x"}),
        403,
        "not_your_department",
    )
    milestone = {"title": "开工", "due_on": "2027-06-01"}
    assert_refused(
        await client.post(f"/api/items/{world.item_a}/milestones", headers=stranger, json=milestone),
        403,
        "not_your_department",
    )
    change = {"kind": "stop", "reason": "x"}
    assert_refused(
        await client.post(f"/api/items/{world.item_a}/changes", headers=stranger, json=change),
        403,
        "not_your_department",
    )
    # A milestone of another item cannot be ticked through one's own report.
    theirs = await client.post(f"/api/items/{world.item_a}/milestones", headers=clerk, json=milestone)
    ticked = await file_report(client, world, world.item_b, headers=stranger, milestone_ids=str(theirs.json()["id"]))
    assert_refused(ticked, 400, "unknown_milestone")
    page = await client.get("/liaison/projects", headers=stranger)
    assert "占道" not in page.text and str(world.item_a) not in [
        part.split('"')[0] for part in page.text.split('data-item="')[1:]
    ]
