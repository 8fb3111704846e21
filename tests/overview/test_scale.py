"""A county of 20 townships: one row each, the totals add up, and the page's time (printed, not asserted).

It runs in a database of its own, dropped afterwards: the pages that list every body's projects
(supervision, evaluations) would otherwise carry its 20 townships through the rest of the run.
"""

from __future__ import annotations

import secrets
import statistics
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from tests.overview.county import headers_of, staff_login
from tests.overview.scale import TOWNSHIPS, VOTED, big_county
from tests.servers import JWT_SECRET, with_database
from voting.app import create_app
from voting.auth import Role
from voting.database import create_pool, migrate
from voting.overview import overview
from voting.programs.phases import PHASES
from voting.settings import Settings

YEAR = 2031


class Scale:
    """The separate database's settings, pool and app."""

    def __init__(self, settings: Settings, pool: asyncpg.Pool, client: AsyncTestClient) -> None:
        self.settings, self.pool, self.client = settings, pool, client


@pytest.fixture(scope="module")
async def scale(server_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Scale]:
    """A fresh, migrated database with the app on it; dropped at the end."""
    name = "piaojue_scale_" + secrets.token_hex(4)
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        url = with_database(server_url, name)
        await migrate(url)
        data_dir: Path = tmp_path_factory.mktemp("scale")
        settings = Settings(database_url=url, data_dir=data_dir, jwt_secret=JWT_SECRET, public_base_url="http://t")
        pool = await create_pool(url, 4)
        try:
            async with AsyncTestClient(app=create_app(settings)) as client:
                yield Scale(settings, pool, client)
        finally:
            await pool.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def timed(client: AsyncTestClient, path: str, headers: dict[str, str], times: int = 20) -> tuple[float, float]:
    """Median and slowest milliseconds of `times` requests."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        response = await client.get(path, headers=headers)
        spent.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    return statistics.median(spent), max(spent)


async def test_twenty_townships_add_up(scale: Scale) -> None:
    client, pool, settings = scale.client, scale.pool, scale.settings
    county_id, townships = await big_county(pool, YEAR)
    clerk = await headers_of(pool, settings, await staff_login(pool, settings, Role.CLERK, county_id))
    found = (await client.get(f"/api/bodies/{county_id}/overview?year={YEAR}", headers=clerk)).json()
    rows = found["rows"]
    assert [r["body_id"] for r in rows] == [county_id, *townships]  # the county, then its townships by name
    assert [r["phase"] for r in rows[1:]] == [PHASES[k % len(PHASES)] for k in range(TOWNSHIPS)]
    async with pool.acquire() as conn:
        suggestions = await conn.fetchval(
            "SELECT count(*) FROM suggestion s JOIN program p ON p.id = s.program_id"
            " WHERE p.year = $1 AND p.body_id = ANY($2::bigint[])",
            YEAR,
            [county_id, *townships],
        )
    totals = found["totals"]
    assert totals["suggestions"] == suggestions == sum(r["suggestions"] for r in rows)
    voted = 1 + sum(1 for k in range(TOWNSHIPS) if PHASES[k % len(PHASES)] in VOTED)
    assert totals["chosen"] == 8 * voted and totals["votes_held"] == voted
    assert totals["due"] == sum(r["due"] for r in rows)
    # Rated: the county and the townships evaluating or closed; each round finds 4 满意, 2 基本满意, 2 不满意.
    rated = 1 + sum(1 for k in range(TOWNSHIPS) if PHASES[k % len(PHASES)] in VOTED[1:])
    assert (totals["satisfied"], totals["basic"], totals["unsatisfied"]) == (4 * rated, 2 * rated, 2 * rated)
    assert totals["rectifying"] == 2 * rated

    page_ms = await timed(client, f"/console/bodies/{county_id}/overview?year={YEAR}", clerk)
    api_ms = await timed(client, f"/api/bodies/{county_id}/overview?year={YEAR}", clerk)
    spent = []
    for _ in range(20):
        start = time.perf_counter()
        await overview(pool, county_id, YEAR)
        spent.append((time.perf_counter() - start) * 1000)
    print(
        f"\n20 townships: page median {page_ms[0]:.1f} ms (max {page_ms[1]:.1f}); "
        f"JSON median {api_ms[0]:.1f} ms (max {api_ms[1]:.1f}); of which the queries {statistics.median(spent):.1f} ms"
    )
