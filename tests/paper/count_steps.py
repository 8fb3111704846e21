"""What the counting staff do, one HTTP step at a time, for the paper-count tests."""

from __future__ import annotations

import secrets
from typing import Any

import asyncpg
import httpx
import msgspec
from litestar.testing import AsyncTestClient

from tests.factories import Congress, bearer
from voting.auth import Role
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in


class CountStaff(msgspec.Struct):
    """Two tellers, a chief scrutineer and a scrutineer, assigned to one vote; plus an unassigned teller."""

    teller_a: dict[str, str]
    teller_b: dict[str, str]
    chief: dict[str, str]
    scrutineer: dict[str, str]
    outsider: dict[str, str]


async def staff_login(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> tuple[int, dict[str, str]]:
    """A new staff account of this role in this body, logged in; its id and Authorization header."""
    username, password = f"{role.value}{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    user_id = await ensure_staff(pool, username, username, role, password, body_id=body_id)
    return user_id, bearer((await log_in(pool, settings, username, password)).token)


async def assign_count_staff(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, congress: Congress, vote_id: int
) -> CountStaff:
    """Create and assign the counting staff of one vote."""
    headers: dict[str, dict[str, str]] = {}
    for name, role, is_chief, assign in (
        ("teller_a", Role.TELLER, False, True),
        ("teller_b", Role.TELLER, False, True),
        ("chief", Role.SCRUTINEER, True, True),
        ("scrutineer", Role.SCRUTINEER, False, True),
        ("outsider", Role.TELLER, False, False),
    ):
        user_id, headers[name] = await staff_login(pool, settings, role, congress.body_id)
        if assign:
            response = await client.post(
                f"/api/votes/{vote_id}/paper/counters",
                headers=congress.presiding,
                json={"staff_user_id": user_id, "role": role.value, "is_chief": is_chief},
            )
            assert response.status_code == 201, response.text
    return CountStaff(**headers)


async def paper_post(
    client: AsyncTestClient, headers: dict[str, str], vote_id: int, path: str, body: Any = None
) -> httpx.Response:
    """POST to one of the vote's paper endpoints."""
    return await client.post(f"/api/votes/{vote_id}/paper/{path}", headers=headers, json=body)


async def ok(response: Any) -> dict[str, Any]:
    """The awaited response succeeded; its JSON body."""
    result = await response
    assert result.status_code in (200, 201), result.text
    return dict(result.json())


async def collect_box(client: AsyncTestClient, staff: CountStaff, vote_id: int, issued: int, returned: int) -> None:
    """发出, 验箱封箱, 收回 — recorded by the chief scrutineer."""
    await ok(paper_post(client, staff.chief, vote_id, "issued", {"count": issued}))
    await ok(paper_post(client, staff.chief, vote_id, "box-sealed"))
    await ok(paper_post(client, staff.chief, vote_id, "returned", {"count": returned}))


def sheet(number: int, marks: list[int] | None = None, void: str | None = None) -> dict[str, Any]:
    """A teller's entry: candidate ids marked 赞成 (choose-up-to-N), or void with a reason."""
    entry: dict[str, Any] = {"sheet": number, "marks": {str(c): "for" for c in marks or []}}
    if void:
        entry["void_reason"] = void
    return entry


async def enter_all(
    client: AsyncTestClient, teller: dict[str, str], vote_id: int, sheets: list[dict[str, Any]]
) -> None:
    """One teller enters every sheet."""
    for entry in sheets:
        await ok(paper_post(client, teller, vote_id, "entries", entry))


async def create_vote(
    client: AsyncTestClient, congress: Congress, mode: str, seats: int = 2, candidate_ids: list[int] | None = None
) -> dict[str, Any]:
    """A draft vote in this mode (electronic / paper / mixed) on the congress's candidates."""
    response = await client.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={
            "title": "民生实事项目票决（纸质选票）",
            "reason": "测试",
            "candidate_ids": candidate_ids or congress.candidate_ids,
            "rules": {"seats": seats},
            "mode": mode,
        },
    )
    assert response.status_code == 201, response.text
    return dict(response.json())
