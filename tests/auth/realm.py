"""A city with two counties, each with a township, every kind of object in each, and a login of every role.

The authorization matrix walks every operation against objects of the caller's own
body, a body below it, a body above it and another county's body.
"""

from __future__ import annotations

import secrets

import asyncpg
import msgspec
from litestar.testing import AsyncTestClient

from tests.factories import bearer
from tests.supervision.world import World, announced_world
from voting.auth import Role
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in


class Objects(msgspec.Struct):
    """One object of every kind a path can name, all of one body, keyed by path-parameter name."""

    body_id: int
    name: str
    ids: dict[str, int]


class Realm(msgspec.Struct):
    """Bodies by their relation to the home county, and the home county's logins of every role."""

    bodies: dict[str, Objects]  # "own", "child", "parent", "other" (another county's township)
    logins: dict[str, dict[str, str]]  # role → Authorization header, all of the home county
    world: World  # the home county's


async def objects_of(pool: asyncpg.Pool, world: World) -> Objects:
    """Add a suggestion, a feasibility request, a report, an issue, a change request and a round to a world."""
    congress = world.congress
    async with pool.acquire() as conn:
        name = await conn.fetchval("SELECT name FROM body WHERE id = $1", congress.body_id)
        liaison_user = await conn.fetchval(
            "SELECT id FROM staff_user WHERE department_id = $1", world.housing.department_id
        )
        clerk_user = await conn.fetchval("SELECT id FROM staff_user WHERE username = $1", congress.clerk_login[0])
        suggestion = await conn.fetchval(
            "INSERT INTO suggestion (program_id, code, source, title, description, category, phase)"
            " VALUES ($1, $2, 'public', '路灯', '村口路灯', '城市建设', 'solicit') RETURNING id",
            congress.program_id,
            "".join(secrets.choice("23456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(8)),
        )
        request = await conn.fetchval(
            "INSERT INTO feasibility_request (candidate_id, department_id, due_on) VALUES ($1, $2, current_date + 7)"
            " RETURNING id",
            congress.candidate_ids[2],
            world.housing.department_id,
        )
        report = await conn.fetchval(
            "INSERT INTO progress_report (item_id, period_due, percent, spent_wan, narrative, submitted_by)"
            " VALUES ($1, current_date, 10, 1, '开工', $2) RETURNING id",
            world.item_a,
            liaison_user,
        )
        issue = await conn.fetchval(
            "INSERT INTO item_issue (item_id, description, answer_due) VALUES ($1, '进度慢', current_date + 7)"
            " RETURNING id",
            world.item_a,
        )
        change = await conn.fetchval(
            "INSERT INTO change_request (item_id, kind, reason) VALUES ($1, 'postpone', '雨季') RETURNING id",
            world.item_a,
        )
        round_id = await conn.fetchval(
            "INSERT INTO evaluation_round (body_id, title, kind, rules) VALUES ($1, '年终测评', 'year_end', '{}')"
            " RETURNING id",
            congress.body_id,
        )
    ids = {
        "body_id": congress.body_id,
        "program_id": congress.program_id,
        "session_id": congress.session_id,
        "vote_id": world.vote_id,
        "candidate_id": congress.candidate_ids[2],
        "suggestion_id": suggestion,
        "department_id": world.housing.department_id,
        "deputy_id": congress.deputy_ids[0],
        "item_id": world.item_a,
        "change_id": change,
        "issue_id": issue,
        "report_id": report,
        "request_id": request,
        "round_id": round_id,
        "staff_id": clerk_user,
    }
    return Objects(body_id=congress.body_id, name=name, ids=ids)


async def login_of(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> dict[str, str]:
    """A fresh login of this role in this body."""
    username, password = f"{role.value}{secrets.token_hex(3)}", "pw-" + secrets.token_hex(8)
    await ensure_staff(pool, username, f"{role.value}", role, password, body_id=body_id)
    return bearer((await log_in(pool, settings, username, password)).token)


async def make_realm(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> Realm:
    """City → home county → township, and another county → its township, each fully furnished."""
    city = await announced_world(client, pool, settings, deputies=3, level="city")
    home = await announced_world(client, pool, settings, deputies=3, level="county", parent_id=city.congress.body_id)
    child = await announced_world(client, pool, settings, deputies=3, parent_id=home.congress.body_id)
    other_county = await announced_world(
        client, pool, settings, deputies=3, level="county", parent_id=city.congress.body_id
    )
    other = await announced_world(client, pool, settings, deputies=3, parent_id=other_county.congress.body_id)
    bodies = {
        "own": await objects_of(pool, home),
        "child": await objects_of(pool, child),
        "parent": await objects_of(pool, city),
        "other": await objects_of(pool, other),
    }
    body = home.congress.body_id
    logins = {
        role.value: await login_of(pool, settings, role, body)
        for role in (Role.ADMIN, Role.CLERK, Role.PRESIDING, Role.TELLER, Role.SCRUTINEER)
    }
    logins[Role.LIAISON.value] = home.housing.headers
    return Realm(bodies=bodies, logins=logins, world=home)
