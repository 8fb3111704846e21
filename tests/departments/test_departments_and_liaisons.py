"""Departments and liaisons: a liaison logs in like staff but reaches only routes that name it."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress, make_liaison
from tests.steps import assert_refused
from voting.auth import Role, read_token
from voting.departments.service import department_of
from voting.settings import Settings


async def test_a_clerk_adds_a_department_and_its_liaison_logs_in(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    made = await client.post(
        f"/api/bodies/{congress.body_id}/departments", json={"name": "住建局"}, headers=congress.clerk
    )
    assert made.status_code == 201, made.text
    department = made.json()
    listed = (await client.get(f"/api/bodies/{congress.body_id}/departments")).json()
    assert [d["name"] for d in listed] == ["住建局"]

    answer = await client.post(
        f"/api/departments/{department['id']}/liaisons",
        json={"username": "zhujian", "display_name": "王联络"},
        headers=congress.clerk,
    )
    assert answer.status_code == 201, answer.text
    password = answer.json()["password"]
    login = await client.post("/api/auth/login", json={"username": "zhujian", "password": password})
    assert login.status_code == 200, login.text
    assert login.json()["role"] == "liaison"
    client.cookies.clear()
    me = await client.get("/api/auth/me", headers=bearer(login.json()["token"]))
    assert me.json()["role"] == "liaison"


async def test_a_liaison_is_not_congress_staff(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    liaison = await make_liaison(pool, settings, congress.body_id, "交通局")
    # The roster, attendance and the audit log are for congress staff only.
    assert_refused(await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=liaison.headers), 403)
    assert_refused(await client.get("/api/audit", headers=liaison.headers), 403)


async def test_a_liaison_login_ends_with_logout(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    liaison = await make_liaison(pool, settings, congress.body_id, "教育局")
    assert (await client.post("/api/auth/logout", headers=liaison.headers)).status_code == 200
    assert_refused(await client.get("/api/auth/me", headers=liaison.headers), 401, "login_ended")


async def test_setting_a_liaison_cannot_take_over_another_login(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    department = await client.post(
        f"/api/bodies/{congress.body_id}/departments", json={"name": "卫健局"}, headers=congress.clerk
    )
    presiding_username, presiding_password = congress.presiding_login
    refused = await client.post(
        f"/api/departments/{department.json()['id']}/liaisons",
        json={"username": presiding_username, "display_name": "冒名"},
        headers=congress.clerk,
    )
    assert_refused(refused, 409, "username_taken")
    still = await client.post("/api/auth/login", json={"username": presiding_username, "password": presiding_password})
    assert still.status_code == 200
    assert still.json()["role"] == "presiding"
    client.cookies.clear()


async def test_duplicate_department_names_are_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    url = f"/api/bodies/{congress.body_id}/departments"
    assert (await client.post(url, json={"name": "民政局"}, headers=congress.clerk)).status_code == 201
    assert_refused(await client.post(url, json={"name": "民政局"}, headers=congress.clerk), 409, "department_exists")
    assert_refused(await client.post(url, json={"name": "财政局"}, headers=congress.presiding), 403)


async def test_department_of_answers_only_for_liaisons(pool: asyncpg.Pool, settings: Settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    liaison = await make_liaison(pool, settings, congress.body_id, "水务局")
    who = read_token(liaison.headers["Authorization"][7:], settings.jwt_secret)
    assert who.role == Role.LIAISON
    async with pool.acquire() as conn:
        assert (await department_of(conn, who)).id == liaison.department_id
