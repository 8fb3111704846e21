"""The roster (代表名单): clerks add, edit, retire and import deputies; nobody else may."""

from __future__ import annotations

import asyncpg
import httpx
import pytest
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.steps import assert_refused, audit_events, fetch_count, log_in
from voting.settings import Settings

HEADER = "姓名,代表团,座位,电话\n"


async def deputies_of(pool: asyncpg.Pool, body_id: int) -> int:
    return await fetch_count(pool, "SELECT count(*) FROM deputy WHERE body_id = $1", body_id)


async def upload(client: AsyncTestClient, body_id: int, headers: dict[str, str], raw: bytes) -> httpx.Response:
    """Preview the file, then confirm the preview (the refusal of whichever step refused)."""
    files = {"data": ("名单.csv", raw, "text/csv")}
    preview = await client.post(f"/api/bodies/{body_id}/deputies/import/preview", headers=headers, files=files)
    if preview.status_code != 200:
        return preview
    return await client.post(
        f"/api/bodies/{body_id}/deputies/import",
        headers=headers,
        files=files,
        data={"preview": preview.json()["digest"]},
    )


async def test_clerk_adds_a_deputy_to_the_roster(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    response = await client.post(
        f"/api/bodies/{congress.body_id}/deputies",
        headers=congress.clerk,
        json={"name": "王新", "delegation": "第一组", "seat": "101", "phone": "13800000001"},
    )
    assert response.status_code == 201, response.text
    added = response.json()
    assert {k: added[k] for k in ("body_id", "name", "delegation", "seat", "phone", "active")} == {
        "body_id": congress.body_id,
        "name": "王新",
        "delegation": "第一组",
        "seat": "101",
        "phone": "13800000001",
        "active": True,
    }
    listed = (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)).json()
    assert added["id"] in [d["id"] for d in listed]
    assert len(listed) == 4


async def test_clerk_edits_a_deputy_and_omitted_fields_stay(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    deputy_id = congress.deputy_ids[0]
    response = await client.patch(
        f"/api/deputies/{deputy_id}", headers=congress.clerk, json={"name": "李改名", "phone": "0571-8888 1234"}
    )
    assert response.status_code == 200, response.text
    edited = response.json()
    assert edited["name"] == "李改名"
    assert edited["phone"] == "0571-8888 1234"
    assert edited["seat"] == "000"  # untouched
    assert edited["active"] is True


async def test_inactive_deputy_is_no_longer_counted_as_expected_to_attend(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6)
    summary_url = f"/api/sessions/{congress.session_id}/attendance/summary"
    assert (await client.get(summary_url)).json()["total"] == 6
    response = await client.patch(
        f"/api/deputies/{congress.deputy_ids[0]}", headers=congress.clerk, json={"active": False}
    )
    assert response.status_code == 200, response.text
    assert response.json()["active"] is False
    summary = (await client.get(summary_url)).json()
    assert summary["total"] == 5
    assert summary["quorum_needed"] == 4  # two-thirds of 5, rounded up


async def test_csv_with_chinese_headers_and_a_bom_imports_every_row(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=2)
    text = "\ufeff" + HEADER + "张三,第一组,001,13800000000\n李四,第二组,002,\n\n王五,第二组,003,+86 138-0000-0002\n"
    response = await upload(client, congress.body_id, congress.clerk, text.encode("utf-8"))
    assert response.status_code == 200, response.text
    assert response.json() == {"added": 3, "changed": 0, "unchanged": 0}
    listed = (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)).json()
    by_name = {d["name"]: d for d in listed}
    assert by_name["张三"]["delegation"] == "第一组"
    assert by_name["张三"]["seat"] == "001"
    assert by_name["张三"]["phone"] == "13800000000"
    assert by_name["王五"]["phone"] == "+86 138-0000-0002"
    assert len(listed) == 5


async def test_csv_saved_in_gbk_by_excel_imports(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=2)
    text = HEADER + "欧阳娜娜,城关镇代表团,012,13900000000\n"
    response = await upload(client, congress.body_id, congress.clerk, text.encode("gbk"))
    assert response.status_code == 200, response.text
    assert response.json() == {"added": 1, "changed": 0, "unchanged": 0}
    listed = (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)).json()
    assert "欧阳娜娜" in [d["name"] for d in listed]
    assert "城关镇代表团" in [d["delegation"] for d in listed]


async def test_csv_with_bad_rows_lists_every_one_and_imports_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    before = await deputies_of(pool, congress.body_id)
    text = HEADER + "张三,第一组,001,13800000000\n,第一组,002,13800000001\n李四,第二组,003,电话号码\n王五,第二组,004,\n"
    response = await upload(client, congress.body_id, congress.clerk, text.encode("utf-8"))
    body = assert_refused(response, 400, "roster_rows_invalid")
    rows = body["detail"]["rows"]
    assert [row["line"] for row in rows] == [3, 4]
    assert all(row["message_zh"] and row["message_en"] for row in rows)
    assert await deputies_of(pool, congress.body_id) == before


@pytest.mark.parametrize("who", ["presiding", "deputy", "nobody"])
async def test_only_clerks_change_the_roster(
    who: str, client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    if who == "presiding":
        headers, status = congress.presiding, 403
    elif who == "deputy":
        headers, status = {"Authorization": f"Bearer {await log_in(client, congress, congress.deputy_ids[0])}"}, 403
    else:
        headers, status = {}, 401
    before = await deputies_of(pool, congress.body_id)
    attempts = [
        await client.post(f"/api/bodies/{congress.body_id}/deputies", headers=headers, json={"name": "冒名"}),
        await client.patch(f"/api/deputies/{congress.deputy_ids[1]}", headers=headers, json={"active": False}),
        await upload(client, congress.body_id, headers, (HEADER + "冒名,一组,9,\n").encode()),
    ]
    for response in attempts:
        assert_refused(response, status)
    assert await deputies_of(pool, congress.body_id) == before
    listed = (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)).json()
    assert all(d["active"] for d in listed)


async def test_roster_changes_are_audited(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=2)
    added = (
        await client.post(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk, json={"name": "赵六"})
    ).json()
    await upload(client, congress.body_id, congress.clerk, (HEADER + "钱七,一组,7,\n").encode())
    await client.patch(f"/api/deputies/{added['id']}", headers=congress.clerk, json={"active": False})
    body_actions = [e["action"] for e in await audit_events(pool, "body", congress.body_id)]
    assert body_actions[-2:] == ["roster.added", "roster.imported"]
    [updated] = await audit_events(pool, "deputy", added["id"])
    assert updated["action"] == "roster.updated"
    assert updated["role"] == "clerk"
    assert updated["detail"] == {"changed": ["active"], "tablet_logins_revoked": 0}
