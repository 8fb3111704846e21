"""The staff audit viewer: filters, CSV for Excel, staff only; and the two pages of this package."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import asyncpg
from litestar.testing import AsyncTestClient

from audit.queries import record
from tests.bulletin.voting_day import VotingDay, voting_day
from tests.factories import make_congress
from tests.steps import assert_refused, log_in
from voting.auth.tokens import Principal, Role
from voting.bulletin.audit_log import as_text_cell
from voting.settings import Settings


async def entries(client: AsyncTestClient, day: VotingDay, **params: object) -> list[dict[str, object]]:
    response = await client.get("/api/audit", params=params, headers=day.congress.clerk)
    assert response.status_code == 200, response.text
    return list(response.json())


async def test_the_audit_log_is_for_staff_only(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    day = await voting_day(client, pool, settings, deputies=4, voters=3)
    assert_refused(await client.get("/api/audit"), 401)
    assert_refused(await client.get("/api/audit.csv"), 401)
    fresh = await make_congress(pool, settings, deputies=2, candidates=2)
    tablet = await log_in(client, fresh, fresh.deputy_ids[0])
    assert_refused(await client.get("/api/audit", headers={"Authorization": f"Bearer {tablet}"}), 403)
    for staff in (day.congress.clerk, day.congress.presiding):
        assert (await client.get("/api/audit", headers=staff)).status_code == 200


async def test_filters_narrow_the_log(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    day = await voting_day(client, pool, settings, deputies=4, voters=3)
    mine = await entries(client, day, object_type="vote", object_id=str(day.vote_id))
    actions = [e["action"] for e in mine]
    assert actions[:3] == ["vote.result_signed", "vote.announced", "vote.tallied"]  # newest first
    assert actions[-1] == "vote.created"
    assert [e["seq"] for e in mine] == sorted((e["seq"] for e in mine), reverse=True)
    [announced] = await entries(client, day, object_type="vote", object_id=str(day.vote_id), action="vote.announced")
    assert announced["actor"].startswith("staff:") and announced["role"] == "presiding"
    only_system = await entries(client, day, actor="system", object_id=str(day.vote_id), object_type="vote")
    assert only_system and all(e["actor"] == "system" for e in only_system)
    assert len(await entries(client, day, object_type="vote", object_id=str(day.vote_id), limit=2)) == 2


async def test_time_filters_take_since_inclusive_and_until_exclusive(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=4, voters=3)
    [announced] = await entries(client, day, object_type="vote", object_id=str(day.vote_id), action="vote.announced")
    at = datetime.fromisoformat(str(announced["at"]).replace("Z", "+00:00"))
    mine = {"object_type": "vote", "object_id": str(day.vote_id)}
    later = await entries(client, day, since=at.isoformat(), **mine)
    assert {e["action"] for e in later} >= {"vote.announced", "vote.result_signed"}
    assert "vote.created" not in {e["action"] for e in later}
    earlier = await entries(client, day, until=at.isoformat(), **mine)
    assert "vote.announced" not in {e["action"] for e in earlier} and "vote.created" in {e["action"] for e in earlier}
    assert await entries(client, day, since=(at + timedelta(days=1)).isoformat(), **mine) == []


async def test_a_bad_limit_is_refused(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    for limit in ("0", "1001", "many"):
        assert_refused(await client.get("/api/audit", params={"limit": limit}, headers=day.congress.clerk), 400)


async def test_the_csv_opens_in_excel_and_cannot_smuggle_a_formula(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    formula = '=HYPERLINK("http://x","点我")'
    await client.post("/api/auth/login", json={"username": formula, "password": "wrong-password"})
    response = await client.get("/api/audit.csv", params={"action": "staff.login_failed"}, headers=day.congress.clerk)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "序号 seq" and len(rows[0]) == 9
    # The typed user name is stored hashed (it may be a mistyped password), so it never reaches a cell.
    assert formula not in response.content.decode("utf-8-sig")
    assert any(row[6].startswith("sha256:") for row in rows[1:])
    # Any cell that would start a formula is written as text.
    assert as_text_cell(formula) == "'" + formula and as_text_cell("42") == "42"


async def test_the_csv_has_the_same_rows_as_the_json(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    mine = {"object_type": "vote", "object_id": str(day.vote_id)}
    listed = await entries(client, day, **mine)
    response = await client.get("/api/audit.csv", params=mine, headers=day.congress.clerk)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    assert [int(r[0]) for r in rows] == [e["seq"] for e in listed]
    assert [r[4] for r in rows] == [e["action"] for e in listed]


async def test_the_audit_page_is_for_staff(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    anonymous = await client.get("/console/audit", follow_redirects=False)
    assert anonymous.status_code in (302, 303, 307) and anonymous.headers["location"].startswith("/login")
    page = await client.get("/console/audit", headers=day.congress.clerk)
    assert page.status_code == 200
    assert "审计日志" in page.text and "/static/bulletin/audit.js" in page.text
    script = await client.get("/static/bulletin/audit.js")
    assert script.status_code == 200


async def test_the_verify_page_shows_every_check(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=3, voters=2)
    page = await client.get(f"/public/votes/{day.vote_id}/verify")
    assert page.status_code == 200
    assert 'data-status="ok"' in page.text
    for name in ("audit_chain", "signatures", "recount", "receipts", "counts", "paper"):
        assert f'data-check="{name}"' in page.text
    assert f'href="/api/votes/{day.vote_id}/archive"' in page.text
    assert 'id="receipt-form"' in page.text
    assert (await client.get("/public/votes/999999999/verify")).status_code == 404


async def rename_staff(pool: asyncpg.Pool, username: str, display_name: str) -> int:
    async with pool.acquire() as conn:
        return int(
            await conn.fetchval(
                "UPDATE staff_user SET display_name = $2 WHERE username = $1 RETURNING id", username, display_name
            )
        )


async def test_entries_read_in_words_while_the_codes_stay(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    day = await voting_day(client, pool, settings, deputies=4, voters=3)
    await rename_staff(pool, day.congress.presiding_login[0], "王主持")
    mine = await entries(client, day, object_type="vote", object_id=str(day.vote_id))
    by_action = {e["action"]: e for e in mine}
    announced = by_action["vote.announced"]
    assert announced["actor"].startswith("staff:")  # the codes are untouched
    assert announced["reading"]["action"] == "宣布表决结果"
    assert announced["reading"]["actor"] == "王主持（主持人）"
    async with pool.acquire() as conn:
        title = await conn.fetchval("SELECT title FROM vote WHERE id = $1", day.vote_id)
    assert announced["reading"]["object"] == f"表决「{title}」"
    assert by_action["vote.tallied"]["reading"]["actor"] == "系统"
    assert [(i["label"], i["value"]) for i in by_action["vote.opened"]["reading"]["detail"]] == [
        ("全体代表", "4"),
        ("出席", "4"),
    ]
    # Who took a ballot reads as a head count: the names stay out of the detail.
    issued = [{i["label"]: i["value"] for i in e["reading"]["detail"]} for e in mine if e["action"] == "ballot.issued"]
    assert {d["投票方式"] for d in issued} == {"平板"}
    assert sum(int(d["代表"].removesuffix(" 人")) for d in issued) == 3
    # Signatures and keys are only for the raw record.
    assert by_action["vote.result_signed"]["reading"]["detail"] == []
    for e in mine:
        assert e["reading"]["action"] != e["action"] and ":" not in e["reading"]["actor"]
    only_presiding = await entries(client, day, role="presiding", object_type="vote", object_id=str(day.vote_id))
    assert only_presiding and {e["role"] for e in only_presiding} == {"presiding"}


async def test_a_township_reader_sees_no_name_of_the_county_staff(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await make_congress(pool, settings, deputies=2, candidates=2, level="county")
    township = await make_congress(pool, settings, deputies=2, candidates=2, parent_id=county.body_id)
    county_clerk = await rename_staff(pool, county.clerk_login[0], "县秘书甲")
    await rename_staff(pool, township.clerk_login[0], "镇秘书乙")
    who = Principal(role=Role.CLERK, subject_id=county_clerk, name="县秘书甲", body_id=county.body_id)
    async with pool.acquire() as conn, conn.transaction():
        county_program = await conn.fetchval("SELECT title FROM program WHERE id = $1", county.program_id)
        detail = {"name": "河口镇", "program_id": county.program_id}
        await record(conn, who.audit("body.edited", "body", township.body_id, detail))
    wanted = {"action": "body.edited", "object_type": "body", "object_id": str(township.body_id)}
    as_township = await client.get("/api/audit", params=wanted, headers=township.clerk)
    [seen] = as_township.json()
    assert seen["reading"]["actor"] == f"秘书处 #{county_clerk}"  # what the log already says, no more
    assert "县秘书甲" not in as_township.text and county_program not in as_township.text
    assert {"label": "项目计划", "value": f"#{county.program_id}"} in seen["reading"]["detail"]
    [seen_above] = (await client.get("/api/audit", params=wanted, headers=county.clerk)).json()
    assert seen_above["reading"]["actor"] == "县秘书甲（秘书处）"
    assert {"label": "项目计划", "value": county_program} in seen_above["reading"]["detail"]
    township_page = (await client.get("/console/audit", headers=township.clerk)).text
    county_page = (await client.get("/console/audit", headers=county.clerk)).text
    assert "镇秘书乙（秘书处）" in township_page and "县秘书甲" not in township_page
    assert "县秘书甲（秘书处）" in county_page and "镇秘书乙（秘书处）" in county_page
