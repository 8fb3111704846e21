"""Steps of the 征集 → 初定 → 审议 flow, shared by the solicitation, vetting and deliberation tests."""

from __future__ import annotations

from typing import Any

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import Congress, Liaison, make_congress, make_liaison
from voting.settings import Settings

RESIDENT = {
    "title": "村口道路路灯不亮",
    "description": "东村村口到小学的道路晚上没有路灯，学生放学和老人出行不安全，希望安装路灯。",
    "category": "交通出行",
    "place": "东村",
    "name": "张大爷",
    "phone": "13812345678",
}

OPINION = {
    "necessity": "群众反映集中，确有必要。",
    "feasibility": "技术成熟，可在年内完成。",
    "affordability": "县级财政可承受，不新增债务。",
    "cost_wan": "320.50",
    "funding": "县级财政",
    "responsible_unit": "县交通运输局",
    "completion_date": "2027-11-30",
    "risks": "无",
    "recommended": True,
}


async def submit(client: AsyncTestClient, program_id: int, **changes: Any) -> dict[str, Any]:
    """A resident's submission that must be accepted; returns the receipt."""
    answer = await client.post(f"/api/programs/{program_id}/suggestions", json={**RESIDENT, **changes})
    assert answer.status_code == 201, answer.text
    return answer.json()  # type: ignore[no-any-return]


async def triage(client: AsyncTestClient, congress: Congress, **action: Any) -> dict[str, Any]:
    """A clerk's triage action that must succeed."""
    answer = await client.post(
        f"/api/programs/{congress.program_id}/suggestions/triage", json=action, headers=congress.clerk
    )
    assert answer.status_code == 200, answer.text
    return answer.json()  # type: ignore[no-any-return]


async def vet(
    client: AsyncTestClient,
    pool: asyncpg.Pool,
    settings: Settings,
    congress: Congress,
    candidate_ids: list[int],
    department: str = "交通局",
) -> Liaison:
    """Ask one department about each candidate and have its liaison answer them all."""
    liaison = await make_liaison(pool, settings, congress.body_id, department)
    for candidate_id in candidate_ids:
        asked = await client.post(
            f"/api/candidates/{candidate_id}/feasibility-requests",
            json={"department_id": liaison.department_id, "due_on": "2027-03-01"},
            headers=congress.clerk,
        )
        assert asked.status_code == 201, asked.text
        answered = await client.post(
            f"/api/liaison/requests/{asked.json()['id']}/opinion", json=OPINION, headers=liaison.headers
        )
        assert answered.status_code == 200, answered.text
    return liaison


async def fix_list(
    client: AsyncTestClient, congress: Congress, candidate_ids: list[int], seats: int, margin: str = "1.2"
) -> dict[str, Any]:
    """Order, adopt the method and fix the list; returns the fixed list."""
    pid = congress.program_id
    ordered = await client.put(
        f"/api/programs/{pid}/list", json={"candidate_ids": candidate_ids}, headers=congress.clerk
    )
    assert ordered.status_code == 200, ordered.text
    method = await client.put(
        f"/api/programs/{pid}/method", json={"seats": seats, "margin_ratio": margin}, headers=congress.clerk
    )
    assert method.status_code == 200, method.text
    fixed = await client.post(f"/api/programs/{pid}/list/fix", headers=congress.clerk)
    assert fixed.status_code == 200, fixed.text
    return fixed.json()  # type: ignore[no-any-return]


async def new_congress(pool: asyncpg.Pool, settings: Settings, candidates: int = 0) -> Congress:
    """A congress whose program is soliciting (the default phase, no dates: open)."""
    return await make_congress(pool, settings, deputies=6, candidates=candidates)
