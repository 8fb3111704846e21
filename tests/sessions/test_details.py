"""A session's details as the clerk sets them on the pages: date, 第N次会议, venue, and the program it votes on."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import assert_refused
from voting.settings import Settings


async def test_a_session_keeps_its_date_meeting_number_and_program(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=2, candidates=0)
    made = await client.post(
        "/api/sessions",
        headers=congress.clerk,
        json={"body_id": congress.body_id, "title": " 第三次会议 ", "held_on": "2027-02-20", "number": 3},
    )
    assert made.status_code == 201, made.text
    session = made.json()
    assert (session["title"], session["held_on"], session["number"], session["program_id"]) == (
        "第三次会议",
        "2027-02-20",
        3,
        None,
    )
    change = {
        "title": "第十八届人民代表大会第三次会议",
        "venue": "镇政府三楼会议室",
        "held_on": "2027-02-21",
        "number": 3,
        "program_id": congress.program_id,
    }
    edited = await client.patch(f"/api/sessions/{session['id']}", headers=congress.clerk, json=change)
    assert edited.status_code == 200, edited.text
    shown = (await client.get(f"/api/sessions/{session['id']}")).json()
    assert {k: shown[k] for k in change} == change
    async with pool.acquire() as conn:
        logged = await conn.fetchval(
            "SELECT count(*) FROM audit_event WHERE action = 'session.edited' AND object_id = $1", str(session["id"])
        )
    assert logged == 1


async def test_bad_details_and_other_bodies_are_refused_and_change_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=2, candidates=0)
    other = await make_congress(pool, settings, deputies=2, candidates=0)
    url = f"/api/sessions/{congress.session_id}"
    before = (await client.get(url)).json()
    good = {"title": "会议", "venue": "", "held_on": "2027-02-20"}
    assert_refused(await client.patch(url, headers=congress.clerk, json={**good, "number": 0}), 400)
    assert_refused(await client.patch(url, headers=congress.clerk, json={**good, "held_on": "2027-02-30"}), 400)
    # The other body's program, and the other body's clerk: outside their bodies.
    wrong_program = await client.patch(url, headers=congress.clerk, json={**good, "program_id": other.program_id})
    assert_refused(wrong_program, 403, "outside_your_body")
    assert_refused(await client.patch(url, headers=other.clerk, json=good), 403, "outside_your_body")
    assert_refused(await client.patch(url, headers=congress.presiding, json=good), 403, "role_forbidden")
    assert_refused(await client.patch("/api/sessions/999999", headers=congress.clerk, json=good), 404)
    assert (await client.get(url)).json() == before
