"""A body's staff logins, kept by its administrator: passwords shown once, revoking ends logins at once."""

from __future__ import annotations

import secrets

import asyncpg
from litestar.testing import AsyncTestClient

from tests.auth.realm import login_of
from tests.factories import make_congress, make_liaison
from voting.auth import Role
from voting.settings import Settings


async def test_a_new_login_works_with_the_password_shown_once_and_a_reset_ends_the_old_one(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    admin = await login_of(pool, settings, Role.ADMIN, congress.body_id)
    username = f"clerk{secrets.token_hex(3)}"
    made = await client.post(
        f"/api/bodies/{congress.body_id}/staff",
        headers=admin,
        json={"username": username, "display_name": "王书记员", "role": "clerk"},
    )
    assert made.status_code == 201, made.text
    first = made.json()["password"]
    assert made.json()["account"]["body_id"] == congress.body_id
    listed = (await client.get(f"/api/bodies/{congress.body_id}/staff", headers=admin)).json()
    assert username in {a["username"] for a in listed} and "password" not in str(listed)
    logged = await client.post("/api/auth/login", json={"username": username, "password": first})
    assert logged.status_code == 200
    token = {"Authorization": "Bearer " + logged.json()["token"]}
    staff_id = made.json()["account"]["id"]
    reset = await client.post(f"/api/staff/{staff_id}/password", headers=admin)
    assert reset.status_code == 200 and reset.json()["password"] != first
    client.cookies.clear()
    assert (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=token)).status_code == 401
    assert (await client.post("/api/auth/login", json={"username": username, "password": first})).status_code == 401


async def test_revoking_ends_the_login_and_an_admin_cannot_revoke_themself(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    admin = await login_of(pool, settings, Role.ADMIN, congress.body_id)
    async with pool.acquire() as conn:
        clerk_id = await conn.fetchval("SELECT id FROM staff_user WHERE username = $1", congress.clerk_login[0])
        admin_id = await conn.fetchval(
            "SELECT id FROM staff_user WHERE role = 'admin' AND body_id = $1 ORDER BY id DESC LIMIT 1", congress.body_id
        )
    revoked = await client.patch(f"/api/staff/{clerk_id}", headers=admin, json={"active": False})
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    refused = await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)
    assert refused.status_code == 401
    itself = await client.patch(f"/api/staff/{admin_id}", headers=admin, json={"active": False})
    assert itself.status_code == 409 and itself.json()["error"] == "own_account"


async def test_usernames_and_liaison_departments_are_checked(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    elsewhere = await make_congress(pool, settings, deputies=3)
    foreign = await make_liaison(pool, settings, elsewhere.body_id, "外地住建局")
    admin = await login_of(pool, settings, Role.ADMIN, congress.body_id)
    url = f"/api/bodies/{congress.body_id}/staff"
    taken = await client.post(
        url, headers=admin, json={"username": congress.clerk_login[0], "display_name": "重名", "role": "clerk"}
    )
    assert taken.status_code == 409 and taken.json()["detail"]["field"] == "username"
    for department in (None, foreign.department_id):
        liaison = {"username": f"li{secrets.token_hex(3)}", "display_name": "联络员", "role": "liaison"}
        refused = await client.post(url, headers=admin, json={**liaison, "department_id": department})
        assert refused.status_code == 400 and refused.json()["detail"]["field"] == "department_id", refused.text
    bad_name = await client.post(
        url, headers=admin, json={"username": "Bad Name!", "display_name": "x", "role": "clerk"}
    )
    assert bad_name.status_code == 400
    async with pool.acquire() as conn:
        count = await conn.fetchval("SELECT count(*) FROM staff_user WHERE body_id = $1", congress.body_id)
    assert count == 3  # the clerk, the presiding officer and the admin: nothing half-made
