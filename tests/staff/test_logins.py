"""A staff login ends on the server: logout and a password reset revoke the token itself."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress
from tests.steps import assert_refused
from voting.auth import Role
from voting.settings import Settings
from voting.staff.service import ensure_staff


async def test_logout_revokes_the_token_not_only_the_cookie(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    username, password = congress.clerk_login
    token = (await client.post("/api/auth/login", json={"username": username, "password": password})).json()["token"]
    deputies_url = f"/api/bodies/{congress.body_id}/deputies"
    assert (await client.get(deputies_url, headers=bearer(token))).status_code == 200
    assert (await client.post("/api/auth/logout", headers=bearer(token))).status_code == 200
    client.cookies.clear()
    assert_refused(await client.get(deputies_url, headers=bearer(token)), 401, "login_ended")


async def test_a_password_reset_ends_every_login_made_with_the_old_one(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    username, _ = congress.presiding_login
    await ensure_staff(pool, username, "主持人", Role.PRESIDING, "a-brand-new-password", body_id=congress.body_id)
    client.cookies.clear()
    refused = await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.presiding)
    assert_refused(refused, 401, "login_ended")
