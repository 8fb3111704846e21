"""The set-up pages: the guide follows the body's progress; who may open the bodies, departments, staff and
session pages follows the one scope rule (a county's admin keeps its townships' staff, a township's does not
reach the county's)."""

from __future__ import annotations

import secrets

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import ADMIN, bearer, make_congress
from voting.auth import Role
from voting.bodies.models import BodyCreate
from voting.bodies.service import create_body
from voting.settings import Settings
from voting.setup.steps import steps_of
from voting.staff.first_admin import create_first_admin
from voting.staff.service import ensure_staff, log_in


async def login_of(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> dict[str, str]:
    """A fresh login of this role in this body."""
    username, password = f"{role.value}{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    await ensure_staff(pool, username, role.value, role, password, body_id=body_id)
    return bearer((await log_in(pool, settings, username, password)).token)


def test_before_the_body_exists_every_step_leads_to_creating_it() -> None:
    steps = steps_of(None, {})
    assert [s.key for s in steps] == ["body", "roster", "departments", "sessions", "program"]
    assert {s.url for s in steps} == {"/console/bodies"} and not any(s.done for s in steps)
    later = steps_of(7, {"deputies": 40, "departments": 0, "sessions": 1, "programs": 0})
    assert [s.done for s in later] == [True, True, False, True, False]
    assert later[1].url == "/console/bodies/7/roster"


async def test_no_first_admin_is_made_once_staff_exist(pool: asyncpg.Pool, settings: Settings) -> None:
    # (The browser test test_first_setup makes the first one, with `voting serve` on an empty database.)
    await make_congress(pool, settings, deputies=1, candidates=0)
    assert await create_first_admin(pool) is None
    async with pool.acquire() as conn:
        assert await conn.fetchval("SELECT count(*) FROM staff_user WHERE body_id IS NULL") == 0


async def test_the_guide_opens_on_the_first_step_not_done(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=0)
    page = await client.get("/console/setup", headers=congress.clerk)
    assert page.status_code == 200
    assert 'id="current-step" data-step="departments"' in page.text  # roster, session, program exist
    assert (await client.get("/console/setup?step=2", headers=congress.clerk)).text.count('data-step="roster"') == 2
    assert (await client.get("/console/setup", headers=congress.presiding)).status_code == 403


async def test_set_up_pages_follow_the_scope_rule(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    tag = secrets.token_hex(3)
    county = await create_body(pool, ADMIN, BodyCreate(name=f"县{tag}", level="county"))
    township = await create_body(pool, ADMIN, BodyCreate(name=f"镇{tag}", level="township", parent_id=county.id))
    stranger = await make_congress(pool, settings, deputies=1, candidates=0)
    county_admin = await login_of(pool, settings, Role.ADMIN, county.id)
    county_clerk = await login_of(pool, settings, Role.CLERK, county.id)
    township_admin = await login_of(pool, settings, Role.ADMIN, township.id)

    bodies = await client.get("/console/bodies", headers=county_admin)
    assert bodies.status_code == 200 and f"镇{tag}" in bodies.text and stranger.clerk_login[0] not in bodies.text
    assert 'id="create-body"' in bodies.text
    # The county's administrator keeps the township's staff; the township's may not reach the county's.
    assert (await client.get(f"/console/bodies/{township.id}/staff", headers=county_admin)).status_code == 200
    assert (await client.get(f"/console/bodies/{county.id}/staff", headers=township_admin)).status_code == 403
    assert (await client.get(f"/console/bodies/{township.id}/staff", headers=county_clerk)).status_code == 403
    # Watching is allowed downwards: the county's clerk sees the township's departments and sessions, read only.
    for path in (f"/console/bodies/{township.id}/departments", f"/console/bodies/{township.id}/sessions"):
        seen = await client.get(path, headers=county_clerk)
        assert seen.status_code == 200, path
        assert "data-api=" not in seen.text.split("</header>", 1)[1].split("</main>")[0], path  # no forms
    for path in (
        f"/console/bodies/{stranger.body_id}/departments",
        f"/console/bodies/{stranger.body_id}/sessions",
        f"/console/sessions/{stranger.session_id}/settings",
    ):
        refused = await client.get(path, headers=county_clerk)
        assert refused.status_code == 403 and "不属于" in refused.text, path
    mine = await client.get(f"/console/sessions/{stranger.session_id}/settings", headers=stranger.clerk)
    assert mine.status_code == 200 and 'id="edit-session"' in mine.text and "disabled" not in mine.text
    assert (await client.get("/console/bodies/999999/departments", headers=county_admin)).status_code in (403, 404)
