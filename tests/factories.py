"""Build a congress for a test: body, deputies, program, candidates, session, staff."""

from __future__ import annotations

import secrets
from decimal import Decimal

import asyncpg
import msgspec

from voting.auth import Principal, Role
from voting.departments.models import DepartmentCreate, LiaisonCreate
from voting.departments.service import create_department, set_liaison
from voting.programs.models import CandidateCreate, ProgramCreate
from voting.programs.service import add_candidate, create_program
from voting.roster.models import DeputyCreate
from voting.roster.service import add_deputies
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session, seat_cards
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in

ADMIN = Principal(role=Role.ADMIN, subject_id=0, name="test")


class Congress(msgspec.Struct):
    """Ids and credentials of a freshly built congress."""

    body_id: int
    program_id: int
    session_id: int
    deputy_ids: list[int]
    candidate_ids: list[int]
    codes: dict[int, str]  # deputy id → seat-card login code
    clerk: dict[str, str]  # Authorization headers
    presiding: dict[str, str]
    clerk_login: tuple[str, str]  # username, password
    presiding_login: tuple[str, str]


def bearer(token: str) -> dict[str, str]:
    """An Authorization header."""
    return {"Authorization": f"Bearer {token}"}


async def make_congress(
    pool: asyncpg.Pool,
    settings: Settings,
    deputies: int = 15,
    candidates: int = 5,
    level: str = "township",
    parent_id: int | None = None,
) -> Congress:
    """A new, independent congress (unique names), ready for a session vote; a township unless told otherwise."""
    tag = secrets.token_hex(4)  # bodies are many in a run: three bytes collided now and then
    name = {"township": f"测试镇人大{tag}", "county": f"测试县人大{tag}", "city": f"测试市人大{tag}"}[level]
    async with pool.acquire() as conn:
        body_id = int(
            await conn.fetchval(
                "INSERT INTO body (name, level, parent_id) VALUES ($1, $2, $3) RETURNING id", name, level, parent_id
            )
        )
    added = await add_deputies(
        pool,
        ADMIN,
        body_id,
        [DeputyCreate(name=f"代表{i:03d}", delegation=f"第{i % 3 + 1}组", seat=f"{i:03d}") for i in range(deputies)],
        "imported",
    )
    program = await create_program(pool, ADMIN, ProgramCreate(body_id=body_id, year=2027, title=f"测试项目{tag}"))
    cands = [
        await add_candidate(
            pool,
            ADMIN,
            program.id,
            CandidateCreate(
                name=f"项目{chr(ord('A') + i)}",
                summary="测试",
                cost_wan=Decimal(100 + i),
                category="城市建设",
            ),
        )
        for i in range(candidates)
    ]
    session = await create_session(
        pool, ADMIN, SessionCreate(body_id=body_id, program_id=program.id, title=f"会议{tag}")
    )
    cards = await seat_cards(pool, settings, ADMIN, session.id)
    logins = {}
    headers = {}
    for role in (Role.CLERK, Role.PRESIDING):
        username, password = f"{role.value}{tag}", secrets.token_urlsafe(12)
        await ensure_staff(pool, username, role.value, role, password, body_id=body_id)
        logins[role] = (username, password)
        headers[role] = bearer((await log_in(pool, settings, username, password)).token)
    return Congress(
        body_id=body_id,
        program_id=program.id,
        session_id=session.id,
        deputy_ids=[d.id for d in added],
        candidate_ids=[c.id for c in cands],
        codes={card.deputy_id: card.code for card in cards},
        clerk=headers[Role.CLERK],
        presiding=headers[Role.PRESIDING],
        clerk_login=logins[Role.CLERK],
        presiding_login=logins[Role.PRESIDING],
    )


class Liaison(msgspec.Struct):
    """A department with its liaison's login."""

    department_id: int
    headers: dict[str, str]
    login: tuple[str, str]


async def make_liaison(pool: asyncpg.Pool, settings: Settings, body_id: int, department: str) -> Liaison:
    """A department of the body and a logged-in liaison for it, set up as a clerk would."""
    created = await create_department(pool, ADMIN, body_id, DepartmentCreate(name=department))
    username = f"liaison{secrets.token_hex(3)}"
    account = await set_liaison(pool, ADMIN, created.id, LiaisonCreate(username=username, display_name="联络员"))
    token = (await log_in(pool, settings, username, account.password)).token
    return Liaison(department_id=created.id, headers=bearer(token), login=(username, account.password))
