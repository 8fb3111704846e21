"""Check-in (签到) and quorum: clerks and tablets mark who is here; a vote opens only with 三分之二以上."""

from __future__ import annotations

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress
from tests.steps import (
    assert_refused,
    audit_events,
    cast,
    create_vote,
    fetch_count,
    log_in,
    log_in_all,
    mark,
    open_vote,
)
from voting.settings import Settings


async def test_summary_follows_what_the_clerk_marks(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6)
    a, b, c, d, *_ = congress.deputy_ids
    for deputy_id, status in ((a, "present"), (b, "present"), (c, "present"), (d, "leave")):
        assert (await mark(client, congress, deputy_id, status)).status_code == 200
    summary = (await mark(client, congress, b, "absent")).json()
    assert summary == {
        "session_id": congress.session_id,
        "total": 6,  # 应到
        "present": 2,  # 实到
        "leave": 1,  # 请假
        "absent": 3,  # 缺席
        "quorum_needed": 4,
        "has_quorum": False,
    }
    summary = (await mark(client, congress, d, "present")).json()
    assert (summary["present"], summary["leave"], summary["absent"]) == (3, 0, 3)
    summary = (await mark(client, congress, b, "present")).json()
    assert summary["has_quorum"] is True
    assert (await client.get(f"/api/sessions/{congress.session_id}/attendance/summary")).json() == summary
    statuses = {
        e["deputy_id"]: e["status"]
        for e in (await client.get(f"/api/sessions/{congress.session_id}/attendance", headers=congress.clerk)).json()[
            "deputies"
        ]
    }
    assert [statuses[x] for x in (a, b, c, d)] == ["present"] * 4


async def test_quorum_is_two_thirds_inclusive_and_the_vote_stays_draft_without_it(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=15)
    vote = await create_vote(client, congress)
    for deputy_id in congress.deputy_ids[:9]:
        await mark(client, congress, deputy_id, "present")
    await mark(client, congress, congress.deputy_ids[9], "leave")  # 请假 is not 出席
    body = assert_refused(await open_vote(client, congress, vote["id"]), 409, "no_quorum")
    assert body["detail"] == {"present": 9, "needed": 10, "total": 15}
    assert (await client.get(f"/api/votes/{vote['id']}", headers=congress.presiding)).json()["state"] == "draft"
    summary = (await mark(client, congress, congress.deputy_ids[9], "present")).json()
    assert (summary["present"], summary["quorum_needed"], summary["has_quorum"]) == (10, 10, True)
    opened = await open_vote(client, congress, vote["id"])
    assert opened.status_code == 200, opened.text
    assert opened.json()["state"] == "open"
    assert opened.json()["deputies_total"] == 15


async def test_tablet_login_checks_the_deputy_in(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    deputy_id = congress.deputy_ids[2]
    response = await client.post("/api/tablet/login", json={"code": congress.codes[deputy_id]})
    assert response.status_code == 200, response.text
    assert response.json()["deputy_id"] == deputy_id
    assert response.json()["session_id"] == congress.session_id
    view = (await client.get(f"/api/sessions/{congress.session_id}/attendance", headers=congress.clerk)).json()
    assert view["summary"]["present"] == 1
    [entry] = [e for e in view["deputies"] if e["deputy_id"] == deputy_id]
    assert (entry["status"], entry["via"]) == ("present", "tablet")
    me = await client.get("/api/tablet/me", headers=bearer(response.json()["token"]))
    assert me.status_code == 200, me.text
    assert (me.json()["deputy_id"], me.json()["vote"]) == (deputy_id, None)


async def test_typed_code_is_forgiving_about_case_and_dashes(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    code = congress.codes[congress.deputy_ids[0]]
    typed = f" {code[:4].lower()}-{code[4:].lower()} "
    assert (await client.post("/api/tablet/login", json={"code": typed})).status_code == 200


async def test_seat_card_code_works_only_once(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    code = congress.codes[congress.deputy_ids[0]]
    assert (await client.post("/api/tablet/login", json={"code": code})).status_code == 200
    assert_refused(await client.post("/api/tablet/login", json={"code": code}), 401, "login_code_invalid")
    assert_refused(await client.post("/api/tablet/login", json={"code": "ZZZZZZZZ"}), 401, "login_code_invalid")


async def test_reissued_code_replaces_the_old_one_and_revokes_the_old_tablet(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6)
    lost = congress.deputy_ids[0]
    tokens = await log_in_all(client, congress, congress.deputy_ids)
    vote = await create_vote(client, congress)
    assert (await open_vote(client, congress, vote["id"])).status_code == 200
    reissued = await client.post(
        f"/api/sessions/{congress.session_id}/seat-cards/{lost}/reissue", headers=congress.clerk
    )
    assert reissued.status_code == 200, reissued.text
    new_code = reissued.json()["code"]
    assert new_code != congress.codes[lost]
    assert reissued.json()["used"] is False
    assert_refused(await client.post("/api/tablet/login", json={"code": congress.codes[lost]}), 401)
    viewed = assert_refused(await client.get("/api/tablet/me", headers=bearer(tokens[lost])), 401, "tablet_revoked")
    refused = await cast(client, tokens[lost], vote["id"], {congress.candidate_ids[0]: "for"})
    casting = assert_refused(refused, 401, "tablet_revoked")
    # One refusal, one wording: the deputy reads the same words whichever the tablet asked.
    assert (viewed["message_zh"], viewed["message_en"]) == (casting["message_zh"], casting["message_en"])
    assert "已失效" in viewed["message_zh"] and "ask the staff" in viewed["message_en"]
    relogged = await client.post("/api/tablet/login", json={"code": new_code})
    assert relogged.status_code == 200, relogged.text
    accepted = await cast(client, relogged.json()["token"], vote["id"], {congress.candidate_ids[0]: "for"})
    assert accepted.status_code == 201, accepted.text
    [event] = [
        e for e in await audit_events(pool, "session", congress.session_id) if e["action"] == "login_code.reissued"
    ]
    assert event["detail"] == {"deputy_id": lost, "tablet_logins_revoked": 1}


@pytest.mark.parametrize(
    "status",
    [
        "present",
        "leave",
        "absent",
    ],
)
async def test_deputy_of_another_body_cannot_be_marked_in_this_session(
    status: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    here = await make_congress(pool, settings, deputies=3)
    elsewhere = await make_congress(pool, settings, deputies=3)
    stranger = elsewhere.deputy_ids[0]
    events_before = len(await audit_events(pool, "session", here.session_id))
    # The stranger's body is not the clerk's: the scope rule refuses before the session is looked at.
    assert_refused(await mark(client, here, stranger, status), 403, "outside_your_body")
    assert await fetch_count(pool, "SELECT count(*) FROM attendance WHERE deputy_id = $1", stranger) == 0
    assert len(await audit_events(pool, "session", here.session_id)) == events_before


async def test_seat_card_cannot_be_reissued_to_a_deputy_of_another_body(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    here = await make_congress(pool, settings, deputies=3)
    elsewhere = await make_congress(pool, settings, deputies=3)
    stranger = elsewhere.deputy_ids[0]
    response = await client.post(f"/api/sessions/{here.session_id}/seat-cards/{stranger}/reissue", headers=here.clerk)
    assert_refused(response, 403, "outside_your_body")
    assert (
        await fetch_count(
            pool, "SELECT count(*) FROM login_code WHERE session_id = $1 AND deputy_id = $2", here.session_id, stranger
        )
        == 0
    )


async def test_only_clerks_mark_attendance(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    url = f"/api/sessions/{congress.session_id}/attendance/{congress.deputy_ids[0]}"
    token = await log_in(client, congress, congress.deputy_ids[1])
    assert_refused(await client.post(url, headers=congress.presiding, json={"status": "present"}), 403)
    assert_refused(await client.post(url, headers=bearer(token), json={"status": "present"}), 403)
    assert_refused(await client.post(url, json={"status": "present"}), 401)
    summary = (await client.get(f"/api/sessions/{congress.session_id}/attendance/summary")).json()
    assert summary["present"] == 1  # only the tablet login


async def test_attendance_changes_are_audited(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    a, b, c, _ = congress.deputy_ids
    await mark(client, congress, a, "present")
    await mark(client, congress, b, "leave")
    await mark(client, congress, a, "absent")
    await log_in(client, congress, c)
    clerk = "staff:" + str(
        await fetch_count(pool, "SELECT id FROM staff_user WHERE username = $1", congress.clerk_login[0])
    )
    events = [
        (e["action"], e["actor"], e["detail"])
        for e in await audit_events(pool, "session", congress.session_id)
        if e["action"].startswith("attendance.")
    ]
    assert events == [
        ("attendance.present", clerk, {"deputy_id": a}),
        ("attendance.leave", clerk, {"deputy_id": b}),
        ("attendance.absent", clerk, {"deputy_id": a}),
        ("attendance.present", f"deputy:{c}", {"via": "tablet"}),
    ]
