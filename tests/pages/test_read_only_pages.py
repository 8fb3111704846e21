"""A county's staff watching a township's pages: every page that says 只能查看，不能办理 offers nothing to do
(no form, no edit, no link to what only the township may open); the township's own staff get the same pages
with their actions, and a county administrator keeping a township's staff logins is not told it is read only."""

from __future__ import annotations

import re

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.overview.county import headers_of, staff_login
from voting.auth import Role
from voting.settings import Settings

BANNER = "只能查看，不能办理"


def main_of(html: str) -> str:
    """The page below its header: what the page offers."""
    return html.split("</header>", 1)[1].split("</main>")[0]


def acting_forms(html: str) -> list[str]:
    """The page's forms that send something to the API with a button (a table of disabled inputs sends nothing)."""
    return [form for form in re.findall(r"<form data-api.*?</form>", main_of(html), re.S) if 'type="submit"' in form]


async def test_a_county_watching_a_township_gets_its_pages_without_actions(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await make_congress(pool, settings, deputies=1, candidates=0, level="county")
    township = await make_congress(pool, settings, deputies=3, candidates=2, parent_id=county.body_id)
    program, session, body = township.program_id, township.session_id, township.body_id
    forms = {  # page → (a login of the role that acts there, when it is the township's own)
        f"/console/programs/{program}": "clerk",
        f"/console/programs/{program}/triage": "clerk",
        f"/console/programs/{program}/vetting": "clerk",
        f"/console/programs/{program}/deliberation": "presiding",
    }
    for path, role in forms.items():
        watching = await client.get(path, headers=getattr(county, role))
        assert watching.status_code == 200 and BANNER in watching.text, path
        assert acting_forms(watching.text) == [], path
        own = await client.get(path, headers=getattr(township, role))
        assert own.status_code == 200 and BANNER not in own.text and acting_forms(own.text), path

    roster = f"/console/bodies/{body}/roster"
    assert 'data-editable="false"' in (await client.get(roster, headers=county.clerk)).text
    assert 'data-editable="true"' in (await client.get(roster, headers=township.clerk)).text

    # A tablet vote's key cards are made, and its count opened, by the township's own staff only.
    vote = await client.post(
        f"/api/sessions/{session}/votes",
        headers=township.presiding,
        json={"title": "表决", "candidate_ids": township.candidate_ids, "rules": {"seats": 1}, "reason": "测试"},
    )
    assert vote.status_code == 201, vote.text
    keys = f"/count/votes/{vote.json()['id']}/keys"
    watched_keys = await client.get(keys, headers=county.presiding)
    assert watched_keys.status_code == 200 and BANNER in watched_keys.text
    assert 'id="ceremony-form"' not in watched_keys.text and "data-read-only-note" in watched_keys.text
    assert 'id="ceremony-form"' in (await client.get(keys, headers=township.presiding)).text

    # The session console tells its scripts (which draw the attendance and vote buttons) it is read only.
    console = f"/console/sessions/{session}"
    watched = await client.get(console, headers=county.clerk)
    assert "data-read-only" in watched.text and "/seat-cards" not in main_of(watched.text)
    own_console = await client.get(console, headers=township.clerk)
    assert "data-read-only" not in own_console.text and "/seat-cards" in main_of(own_console.text)


async def test_a_county_administrator_keeping_township_staff_is_not_told_it_is_read_only(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await make_congress(pool, settings, deputies=1, candidates=0, level="county")
    township = await make_congress(pool, settings, deputies=1, candidates=0, parent_id=county.body_id)
    admin = await headers_of(pool, settings, await staff_login(pool, settings, Role.ADMIN, county.body_id))
    staff = await client.get(f"/console/bodies/{township.body_id}/staff", headers=admin)
    assert staff.status_code == 200 and BANNER not in staff.text
    # Reading its departments is watching, and says so.
    departments = await client.get(f"/console/bodies/{township.body_id}/departments", headers=admin)
    assert departments.status_code == 200 and BANNER in departments.text
