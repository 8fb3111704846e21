"""A county with two townships at different phases of their 2027 programs, built as their clerks would.

东镇 (east) is still collecting suggestions (three came in). 西镇 (west) held its vote: projects
A and B were chosen; A is completed before its target date, B is past its target date and not
finished; a closed rating round found A 满意 (100%) and B 基本满意 (80%). The county has no
program of its own in 2027.
"""

from __future__ import annotations

import secrets

import asyncpg
import httpx
import msgspec
from litestar.testing import AsyncTestClient

from tests.evaluation.rounds import close_round, new_round, rate
from tests.factories import ADMIN, Congress, bearer, make_congress
from tests.supervision.world import World, announced_world
from voting.auth import Role
from voting.settings import Settings
from voting.solicit.models import ChannelSuggestion
from voting.solicit.service import submit_for_channel
from voting.staff.service import ensure_staff, log_in

YEAR = 2027


class County(msgspec.Struct):
    """Ids and logins of the county and its townships."""

    county_id: int
    county_name: str
    county_clerk: dict[str, str]
    county_login: tuple[str, str]
    east: Congress
    west: World


async def staff_login(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> tuple[str, str]:
    """A new staff account of this role in this body; its username and password."""
    username, password = f"{role.value}{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    await ensure_staff(pool, username, role.value, role, password, body_id=body_id)
    return username, password


async def headers_of(pool: asyncpg.Pool, settings: Settings, login: tuple[str, str]) -> dict[str, str]:
    """An Authorization header for a login."""
    return bearer((await log_in(pool, settings, *login)).token)


async def ok(response: httpx.Response) -> httpx.Response:
    """Insist on success."""
    assert response.status_code in (200, 201), response.text
    return response


async def two_township_county(
    client: AsyncTestClient | httpx.AsyncClient, pool: asyncpg.Pool, settings: Settings
) -> County:
    """The county, 东镇 collecting suggestions and 西镇 evaluating its chosen projects."""
    tag = secrets.token_hex(3)
    east = await make_congress(pool, settings, deputies=5, candidates=3)
    west = await announced_world(client, pool, settings, deputies=15)  # type: ignore[arg-type]
    async with pool.acquire() as conn:
        county_id = int(
            await conn.fetchval("INSERT INTO body (name, level) VALUES ($1, 'county') RETURNING id", f"测试县{tag}")
        )
        await conn.execute(
            "UPDATE body SET parent_id = $1, name = $2 WHERE id = $3", county_id, f"东镇{tag}", east.body_id
        )
        await conn.execute(
            "UPDATE body SET parent_id = $1, name = $2 WHERE id = $3", county_id, f"西镇{tag}", west.congress.body_id
        )
        # The phase is what the overview reads; moving it step by step is the phases' own tests' business.
        await conn.execute("UPDATE program SET phase = 'evaluate' WHERE id = $1", west.congress.program_id)
        # B was due by mid-2026 and is not finished: late. (A's target is its candidate's 2027-12-31.)
        await conn.execute("UPDATE implementation_item SET target_date = '2026-06-30' WHERE id = $1", west.item_b)
    for n in range(3):
        await submit_for_channel(
            pool,
            settings.public_base_url,
            ADMIN,
            east.program_id,
            ChannelSuggestion(
                source="deputy", submitted_by="代表", title=f"建议{n}", description="修路", category="交通出行"
            ),
        )
    clerk = west.congress.clerk
    await ok(await client.post(f"/api/items/{west.item_a}/status", headers=clerk, json={"status": "completed"}))
    # A rating round as the clerks hold it: key cards, sheets sealed on the tablets, two cards open them.
    round_id = (await new_round(client, west))["id"]
    for n, token in enumerate(west.tokens.values()):
        b = "satisfied" if n < 6 else ("basic" if n < 12 else "unsatisfied")
        await ok(await rate(client, token, round_id, {west.item_a: "satisfied", west.item_b: b}))
    await ok(await close_round(client, west, round_id))
    login = await staff_login(pool, settings, Role.CLERK, county_id)
    return County(county_id, f"测试县{tag}", await headers_of(pool, settings, login), login, east, west)
