"""The county's overview: each township's year in figures, read only by those who may watch it."""

from __future__ import annotations

from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient

from tests.overview.county import YEAR, County, headers_of, staff_login, two_township_county
from tests.steps import assert_refused
from voting.auth import Role
from voting.programs.phases import congress_today
from voting.settings import Settings


async def county_overview(client: AsyncTestClient, county: County, **params: object) -> Any:
    """The county's overview as its clerk reads it."""
    response = await client.get(
        f"/api/bodies/{county.county_id}/overview", headers=county.county_clerk, params={"year": YEAR, **params}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_overview_gives_each_township_the_figures_of_its_own_phase(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    found = await county_overview(client, county)
    rows = {r["body_id"]: r for r in found["rows"]}
    own, east, west = rows[county.county_id], rows[county.east.body_id], rows[county.west.congress.body_id]
    assert found["rows"][0]["body_id"] == county.county_id
    assert len(rows) == 3 and east["depth"] == west["depth"] == 1

    assert own["program_id"] is None and own["phase"] is None and own["suggestions"] == 0

    assert east["phase"] == "solicit" and east["program_id"] == county.east.program_id
    assert (east["suggestions"], east["candidates"], east["votes_held"], east["chosen"]) == (3, 3, 0, 0)
    assert east["on_time_pct"] is None and east["average_percent"] is None and east["projects"] == []

    assert west["phase"] == "evaluate" and west["session_id"] == county.west.congress.session_id
    assert (west["suggestions"], west["candidates"], west["votes_held"], west["chosen"]) == (0, 4, 1, 2)
    assert west["completed"] == 1 and west["average_percent"] == 50  # A 100% once completed, B 0%
    assert (west["on_time"], west["due"], west["on_time_pct"]) == (1, 2, 50)  # A on time; B past its target
    assert (west["satisfied"], west["basic"], west["unsatisfied"]) == (1, 1, 0)
    assert west["satisfaction_pct"] == 90.0  # (100.0 + 80.0) / 2
    projects = {p["item_id"]: p for p in west["projects"]}
    a, b = projects[county.west.item_a], projects[county.west.item_b]
    assert (a["status"], a["rating"], a["satisfaction_pct"]) == ("completed", "satisfied", 100.0)
    assert (b["status"], b["rating"], b["satisfaction_pct"]) == ("in_progress", "basic", 80.0)

    totals = found["totals"]
    assert totals == {
        **totals,
        "bodies": 3,
        "with_program": 2,
        "phases": {"none": 1, "solicit": 1, "evaluate": 1},
        "suggestions": 3,
        "candidates": 7,
        "votes_held": 1,
        "chosen": 2,
        "completed": 1,
        "on_time_pct": 50,
        "satisfied": 1,
        "basic": 1,
    }


async def test_the_year_is_chosen_and_defaults_to_the_one_being_worked_on(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    default = await client.get(f"/api/bodies/{county.county_id}/overview", headers=county.county_clerk)
    # The townships' programs are YEAR's: in the autumn before it they are what the county is working on.
    assert congress_today().year + 1 >= YEAR
    assert default.json()["year"] == YEAR and YEAR in default.json()["years"]
    assert any(r["program_id"] is not None for r in default.json()["rows"])
    other = await county_overview(client, county, year=YEAR - 1)
    assert other["totals"]["with_program"] == 0
    assert_refused(
        await client.get(f"/api/bodies/{county.county_id}/overview?year=1999", headers=county.county_clerk), 400
    )


async def test_township_staff_cannot_open_the_county_overview_but_can_open_their_own(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    west = county.west.congress
    refused = assert_refused(
        await client.get(f"/api/bodies/{county.county_id}/overview?year={YEAR}", headers=west.clerk),
        403,
        "outside_your_body",
    )
    assert county.county_name in refused["message_zh"] and county.county_name in refused["message_en"]
    page = await client.get(f"/console/bodies/{county.county_id}/overview", headers=west.clerk)
    assert page.status_code == 403 and county.county_name in page.text

    own = await client.get(f"/api/bodies/{west.body_id}/overview?year={YEAR}", headers=west.presiding)
    assert own.status_code == 200 and [r["body_id"] for r in own.json()["rows"]] == [west.body_id]
    assert own.json()["rows"][0]["chosen"] == 2
    # A sibling township is neither above nor the same body.
    assert_refused(
        await client.get(f"/api/bodies/{county.east.body_id}/overview", headers=west.clerk), 403, "outside_your_body"
    )
    # The county's clerk watches a township's own overview too.
    assert (await client.get(f"/api/bodies/{west.body_id}/overview", headers=county.county_clerk)).status_code == 200


async def test_the_public_and_other_roles_are_turned_away(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    path = f"/api/bodies/{county.county_id}/overview"
    assert_refused(await client.get(path), 401)
    login = await client.get(f"/console/bodies/{county.county_id}/overview", follow_redirects=False)
    assert login.status_code == 302 and login.headers["location"].startswith("/login?next=")
    teller = await headers_of(pool, settings, await staff_login(pool, settings, Role.TELLER, county.county_id))
    assert_refused(await client.get(path, headers=teller), 403, "role_forbidden")
    assert_refused(await client.get("/api/bodies/999999999/overview", headers=county.county_clerk), 404)


async def test_the_page_shows_each_township_with_its_ways_in(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    page = await client.get(f"/console/bodies/{county.county_id}/overview?year={YEAR}", headers=county.county_clerk)
    assert page.status_code == 200, page.text
    html = page.text
    west = county.west.congress
    for link in (
        f"/console/programs/{west.program_id}",
        f"/console/sessions/{west.session_id}",
        f"/projects?body_id={west.body_id}",
        f"/programs/{west.program_id}",
        f"/projects/{county.west.item_a}",
        f"/console/programs/{county.east.program_id}",
    ):
        assert f'href="{link}"' in html, link
    assert "按期完成率" in html and "<svg" in html
    # The console home leads county staff to it.
    home = await client.get("/console", headers=county.county_clerk)
    assert f'href="/console/bodies/{county.county_id}/overview"' in home.text


async def test_a_city_sees_its_counties_and_their_townships_in_order(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    county = await two_township_county(client, pool, settings)
    async with pool.acquire() as conn:
        city_id = await conn.fetchval(
            "INSERT INTO body (name, level) VALUES ($1, 'city') RETURNING id", f"测试市{county.county_id}"
        )
        other = await conn.fetchval(
            "INSERT INTO body (name, level, parent_id) VALUES ($1, 'county', $2) RETURNING id",
            f"另一县{city_id}",
            city_id,
        )
        await conn.execute("UPDATE body SET parent_id = $1 WHERE id = $2", city_id, county.county_id)
    city = await headers_of(pool, settings, await staff_login(pool, settings, Role.PRESIDING, city_id))
    found = (await client.get(f"/api/bodies/{city_id}/overview?year={YEAR}", headers=city)).json()
    # 另 (U+53E6) sorts before 测 (U+6D4B): the other county, then this county followed by its townships.
    assert [(r["body_id"], r["depth"]) for r in found["rows"]] == [
        (city_id, 0),
        (other, 1),
        (county.county_id, 1),
        (county.east.body_id, 2),
        (county.west.congress.body_id, 2),
    ]
    assert found["totals"]["chosen"] == 2 and found["totals"]["phases"]["none"] == 3
    page = await client.get(f"/console/bodies/{city_id}/overview?year={YEAR}", headers=city)
    assert page.status_code == 200 and 'class="depth-2"' in page.text
    # The county's staff do not watch the city above them.
    assert_refused(await client.get(f"/api/bodies/{city_id}/overview", headers=county.county_clerk), 403)
