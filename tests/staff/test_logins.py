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
    refused = await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.presiding)
    assert_refused(refused, 401, "login_ended")


async def test_a_login_through_the_shared_test_client_holds_within_its_test(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    username, password = congress.clerk_login
    assert (await client.post("/api/auth/login", json={"username": username, "password": password})).status_code == 200
    assert (await client.get("/api/auth/me")).status_code == 200  # the cookie alone logs the client in


async def test_the_next_test_starts_with_no_login_left_by_the_one_before(client: AsyncTestClient) -> None:
    # Runs after the test above (file order): tests/conftest.py's fresh_client emptied the cookie jar,
    # so a test's "public" requests are the public's.
    assert_refused(await client.get("/api/auth/me"), 401, "login_required")
