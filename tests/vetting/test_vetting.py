"""Vetting: departments see and answer only their own requests; overdue flagged; exclusions and visit notes."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_liaison
from tests.solicit.steps import OPINION, new_congress
from tests.steps import assert_refused
from voting.settings import Settings


async def ask(client: AsyncTestClient, congress, candidate_id: int, department_id: int, due: str) -> dict:  # type: ignore[no-untyped-def]
    """A clerk's request for an opinion."""
    answer = await client.post(
        f"/api/candidates/{candidate_id}/feasibility-requests",
        json={"department_id": department_id, "due_on": due, "note": "请于期限内答复"},
        headers=congress.clerk,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


async def test_a_liaison_sees_and_answers_only_their_departments_requests(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=2)
    roads = await make_liaison(pool, settings, congress.body_id, "交通局")
    health = await make_liaison(pool, settings, congress.body_id, "卫健局")
    late = await ask(client, congress, congress.candidate_ids[0], roads.department_id, "2020-01-01")
    other = await ask(client, congress, congress.candidate_ids[1], health.department_id, "2099-01-01")
    assert_refused(
        await client.post(
            f"/api/candidates/{congress.candidate_ids[0]}/feasibility-requests",
            json={"department_id": roads.department_id, "due_on": "2099-01-01"},
            headers=congress.clerk,
        ),
        409,
        "already_requested",
    )
    mine = (await client.get("/api/liaison/requests", headers=roads.headers)).json()
    assert [(r["id"], r["overdue"]) for r in mine] == [(late["id"], True)]
    assert_refused(await client.get("/api/liaison/requests", headers=congress.clerk), 403)

    refused = await client.post(f"/api/liaison/requests/{other['id']}/opinion", json=OPINION, headers=roads.headers)
    assert_refused(refused, 403, "not_your_request")
    assert_refused(
        await client.post(
            f"/api/liaison/requests/{late['id']}/opinion", json={**OPINION, "necessity": " "}, headers=roads.headers
        ),
        400,
        "opinion_incomplete",
    )
    answered = await client.post(f"/api/liaison/requests/{late['id']}/opinion", json=OPINION, headers=roads.headers)
    assert answered.status_code == 200, answered.text
    assert answered.json()["overdue"] is False and answered.json()["opinion"]["funding"] == "县级财政"
    # The department's figures are what the deputies will read.
    candidates = (await client.get(f"/api/programs/{congress.program_id}/candidates")).json()
    first = next(c for c in candidates if c["id"] == congress.candidate_ids[0])
    assert (first["cost_wan"], first["responsible_unit"]) == ("320.50", "县交通运输局")

    page = await client.get("/liaison", headers=health.headers)
    assert page.status_code == 200
    assert "项目B" in page.text and "项目A" not in page.text


async def test_exclusions_need_a_reason_and_visit_notes_are_kept(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await new_congress(pool, settings, candidates=1)
    cid = congress.candidate_ids[0]
    assert_refused(
        await client.post(f"/api/candidates/{cid}/exclusion", json={"rule": "office_building"}, headers=congress.clerk),
        400,
        "reason_required",
    )
    flagged = await client.post(
        f"/api/candidates/{cid}/exclusion",
        json={"rule": "office_building", "reason": "属于新建办公用房"},
        headers=congress.clerk,
    )
    assert flagged.status_code == 200, flagged.text
    note = await client.post(
        f"/api/candidates/{cid}/visit-notes",
        json={"group_name": "第一调研组", "visited_on": "2027-01-15", "note": "实地查看，群众意见较大。"},
        headers=congress.clerk,
    )
    assert note.status_code == 201, note.text
    assert_refused(
        await client.post(
            f"/api/candidates/{cid}/visit-notes",
            json={"group_name": "", "visited_on": "2027-01-15", "note": "x"},
            headers=congress.clerk,
        ),
        400,
    )
    vetting = (await client.get(f"/api/programs/{congress.program_id}/vetting", headers=congress.clerk)).json()
    assert vetting[0]["stage"] == "excluded"
    assert vetting[0]["exclusion_reason"] == "属于新建办公用房"
    assert vetting[0]["notes"][0]["group_name"] == "第一调研组"
    cleared = await client.post(f"/api/candidates/{cid}/exclusion", json={"rule": None}, headers=congress.clerk)
    assert cleared.status_code == 200
    vetting = (await client.get(f"/api/programs/{congress.program_id}/vetting", headers=congress.clerk)).json()
    assert vetting[0]["stage"] == "draft"


async def test_a_department_of_another_body_cannot_be_asked(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    ours = await new_congress(pool, settings, candidates=1)
    theirs = await new_congress(pool, settings)
    foreign = await make_liaison(pool, settings, theirs.body_id, "财政局")
    refused = await client.post(
        f"/api/candidates/{ours.candidate_ids[0]}/feasibility-requests",
        json={"department_id": foreign.department_id, "due_on": "2099-01-01"},
        headers=ours.clerk,
    )
    assert_refused(refused, 404)


async def test_candidates_off_a_fixed_list_may_still_be_vetted(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    from tests.solicit.steps import fix_list, vet

    congress = await new_congress(pool, settings, candidates=3)
    listed, spare = congress.candidate_ids[:2], congress.candidate_ids[2]
    roads = await vet(client, pool, settings, congress, listed)
    await fix_list(client, congress, listed, seats=2, margin="1")
    late = await ask(client, congress, spare, roads.department_id, "2099-01-01")
    answered = await client.post(f"/api/liaison/requests/{late['id']}/opinion", json=OPINION, headers=roads.headers)
    assert answered.status_code == 200, answered.text
    health = await make_liaison(pool, settings, congress.body_id, "卫健局")
    refused = await client.post(
        f"/api/candidates/{listed[0]}/feasibility-requests",
        json={"department_id": health.department_id, "due_on": "2099-01-01"},
        headers=congress.clerk,
    )
    assert_refused(refused, 409, "list_fixed")


async def test_a_department_revises_its_opinion_until_the_list_is_fixed_and_the_earlier_one_is_kept(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    from tests.solicit.steps import fix_list, vet

    congress = await new_congress(pool, settings, candidates=2)
    roads = await vet(client, pool, settings, congress, congress.candidate_ids)
    request = (await client.get("/api/liaison/requests", headers=roads.headers)).json()[0]
    revised = await client.post(
        f"/api/liaison/requests/{request['id']}/opinion",
        json={**OPINION, "cost_wan": "410.00", "risks": "征地未完成"},
        headers=roads.headers,
    )
    assert revised.status_code == 200, revised.text
    assert (revised.json()["answers"], revised.json()["opinion"]["cost_wan"]) == (2, "410.00")
    # The candidate carries the latest figures; the history keeps both answers in order.
    candidates = (await client.get(f"/api/programs/{congress.program_id}/candidates")).json()
    assert next(c for c in candidates if c["id"] == request["candidate_id"])["cost_wan"] == "410.00"
    history = await client.get(f"/api/feasibility-requests/{request['id']}/opinions", headers=congress.clerk)
    assert [v["opinion"]["cost_wan"] for v in history.json()] == ["320.50", "410.00"]
    health = await make_liaison(pool, settings, congress.body_id, "卫健局")
    assert_refused(
        await client.get(f"/api/feasibility-requests/{request['id']}/opinions", headers=health.headers),
        403,
        "not_your_request",
    )
    async with pool.acquire() as conn:
        actions = await conn.fetch(
            "SELECT action FROM audit_event WHERE action IN ('feasibility.answered', 'feasibility.revised')"
            " AND detail ->> 'request_id' = $1"
            " ORDER BY id",
            str(request["id"]),
        )
    assert [a["action"] for a in actions] == ["feasibility.answered", "feasibility.revised"]

    await fix_list(client, congress, congress.candidate_ids, seats=2, margin="1")
    assert_refused(
        await client.post(f"/api/liaison/requests/{request['id']}/opinion", json=OPINION, headers=roads.headers),
        409,
        "list_fixed",
    )
    page = await client.get("/liaison", headers=roads.headers)
    assert "已修改 1 次" in page.text and "意见不能再修改" in page.text
