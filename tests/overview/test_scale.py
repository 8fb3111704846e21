"""A county of 20 townships: one row each, the totals add up, and the page's time (printed, not asserted)."""

from __future__ import annotations

import statistics
import time

import asyncpg
from litestar.testing import AsyncTestClient

from tests.overview.county import headers_of, staff_login
from tests.overview.scale import TOWNSHIPS, VOTED, big_county
from voting.auth import Role
from voting.overview import overview
from voting.programs.phases import PHASES
from voting.settings import Settings

YEAR = 2031  # a year of its own: other tests' programs are 2027


async def timed(client: AsyncTestClient, path: str, headers: dict[str, str], times: int = 20) -> tuple[float, float]:
    """Median and slowest milliseconds of `times` requests."""
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        response = await client.get(path, headers=headers)
        spent.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    return statistics.median(spent), max(spent)


async def test_twenty_townships_add_up(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
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
