"""`voting demo`, part two: last year's projects in implementation, so the dashboard and the liaison page have content.

Entered through the same services and queries the app uses, except that last year's vote predates the
service (the items carry no vote) and the mid-year ratings are written without tablets.
"""

from __future__ import annotations

import base64
import datetime as dt
import random
from decimal import Decimal

import asyncpg
import msgspec

from audit.queries import record
from ballots import sealing
from voting.auth import Principal, Role
from voting.database import transaction
from voting.demo.data import DEMO_CANDIDATES
from voting.departments.models import DepartmentCreate, LiaisonCreate
from voting.departments.service import create_department, list_departments, set_liaison
from voting.evaluation import queries as evaluation_queries
from voting.evaluation.models import RoundCreate
from voting.evaluation.service import close_round, create_round, make_round_cards, open_round, round_sealing_key
from voting.programs import phases
from voting.programs import queries as program_queries
from voting.programs.models import CandidateCreate, Phase, PhaseDate, ProgramCreate, ProgramSchedule
from voting.programs.schedule import load_program, set_schedule
from voting.programs.service import add_candidate, create_program
from voting.sealing import rounds
from voting.sealing.models import KeyCeremony
from voting.supervision import queries
from voting.supervision.models import InspectionCreate, IssueAnswer
from voting.supervision.oversight import answer_issue, record_inspection

LAST_YEAR = 2026
# name, category, cost (万元), unit, target, started, percent reached per quarter
PROJECTS = [
    ("城乡供水一体化二期工程", "生态环境", 2800, "县水利局", "2026-12-31", [20, 45, 70]),
    ("中小学校食堂改造提升", "教育", 650, "县教育局", "2026-08-31", [40, 85, 100]),
    ("乡镇卫生院发热门诊建设", "医疗卫生", 900, "县卫生健康局", "2026-10-31", [25, 50, 80]),
    ("农村公路安全生命防护工程", "交通出行", 1200, "县交通运输局", "2026-11-30", [30, 60, 100]),
    ("城区背街小巷改造", "城市建设", 1500, "县住房和城乡建设局", "2026-12-31", [15, 35, 40]),
]
# When last year's cycle reached each phase (it ran before this service).
LAST_YEAR_STARTS: dict[Phase, dt.date] = {
    "solicit": dt.date(LAST_YEAR - 1, 9, 1),
    "shortlist": dt.date(LAST_YEAR - 1, 10, 15),
    "deliberate": dt.date(LAST_YEAR - 1, 12, 1),
    "vote": dt.date(LAST_YEAR, 1, 10),
    "supervise": dt.date(LAST_YEAR, 1, 15),
}
LEVEL_SHARES = [(0.8, 0.15), (0.9, 0.08), (0.55, 0.3), (0.7, 0.2), (0.3, 0.15)]  # 满意, 基本满意 per project


async def departments_by_name(pool: asyncpg.Pool, who: Principal, body_id: int, names: set[str]) -> dict[str, int]:
    """The body's departments with these names, created when missing."""
    have = {d.name: d.id for d in await list_departments(pool, body_id)}
    for name in sorted(names - set(have)):
        have[name] = (await create_department(pool, who, body_id, DepartmentCreate(name=name))).id
    return have


async def set_up_supervision_demo(pool: asyncpg.Pool, who: Principal, body_id: int) -> str:
    """Last year's program with items, reports, an inspection and a closed evaluation; returns the liaison password."""
    units = {p[3] for p in PROJECTS} | {c.responsible_unit for c in DEMO_CANDIDATES if c.responsible_unit}
    departments = await departments_by_name(pool, who, body_id, units)
    async with pool.acquire() as conn:
        exists = await conn.fetchval("SELECT id FROM program WHERE body_id = $1 AND year = $2", body_id, LAST_YEAR)
    account = await set_liaison(
        pool, who, departments["县住房和城乡建设局"], LiaisonCreate(username="liaison", display_name="住建局联络员")
    )
    if exists is None:
        await enter_last_year(pool, who, body_id, departments)
    await move_to_supervision(pool, who, body_id)
    return account.password


async def move_to_supervision(pool: asyncpg.Pool, who: Principal, body_id: int) -> None:
    """Give last year's program its real schedule and put it in the 监督 phase (once)."""
    async with pool.acquire() as conn:
        program_id = await conn.fetchval("SELECT id FROM program WHERE body_id = $1 AND year = $2", body_id, LAST_YEAR)
    await set_schedule(
        pool, who, program_id, ProgramSchedule(dates=[PhaseDate(p, d) for p, d in LAST_YEAR_STARTS.items()])
    )
    # Its list was fixed and voted on paper before this service, so the guarded one-step moves (which need
    # a fixed list on file to enter the vote) cannot replay it; the move is recorded as entered by hand.
    async with transaction(pool) as conn:
        program = await load_program(conn, program_id, for_update=True)
        if phases.step_of(program.phase, "supervise") <= 0:
            return
        await program_queries.set_phase(conn, program_id, "supervise")
        await record(
            conn,
            who.audit(
                "program.phase_changed",
                "program",
                program_id,
                {"from": program.phase, "to": "supervise", "reason": "往年项目补录：已于会前票决 entered by hand"},
            ),
        )


async def enter_last_year(pool: asyncpg.Pool, who: Principal, body_id: int, departments: dict[str, int]) -> None:
    """The 2026 program, its items and their history."""
    program = await create_program(
        pool, who, ProgramCreate(body_id=body_id, year=LAST_YEAR, title=f"{LAST_YEAR}年示范县民生实事项目")
    )
    item_ids = []
    for name, category, cost, unit, target, percents in PROJECTS:
        candidate = await add_candidate(
            pool,
            who,
            program.id,
            CandidateCreate(
                name=name,
                category=category,
                cost_wan=Decimal(cost),
                responsible_unit=unit,
                completion_date=dt.date.fromisoformat(target),
                summary=f"{LAST_YEAR}年县人代会票决确定的民生实事项目。",
            ),
        )
        async with transaction(pool) as conn:
            item_id = await queries.insert_imported_item(
                conn, candidate.id, departments[unit], dt.date(LAST_YEAR, 1, 15)
            )
            await enter_reports(conn, item_id, cost, percents)
        item_ids.append(item_id)
    inspection, issues = await record_inspection(
        pool,
        who,
        item_ids[4],
        InspectionCreate(
            inspected_on=dt.date(LAST_YEAR, 6, 12),
            participants="县人大城建环资工委、代表小组",
            findings="部分路段施工围挡不规范，雨污分流进度滞后。",
            issues=["施工围挡占用人行道，影响居民出行"],
        ),
    )
    del inspection
    liaison = await liaison_principal(pool)
    await answer_issue(pool, liaison, issues[0].id, IssueAnswer(answer="已督促施工单位调整围挡，预留1.5米人行通道。"))
    await evaluate_mid_year(pool, who, body_id, item_ids)


async def enter_reports(conn: asyncpg.Connection, item_id: int, cost: int, percents: list[int]) -> None:
    """Quarterly reports, published; the item's figures follow the last one."""
    submitter = await conn.fetchval("SELECT id FROM staff_user WHERE username = 'liaison'")
    for quarter, percent in enumerate(percents, start=1):
        due = dt.date(LAST_YEAR, 3 * quarter, 30 if quarter in (2, 3) else 31)
        spent = Decimal(cost * percent // 100)
        report_id = await queries.insert_report(
            conn, item_id, due, percent, spent, f"第{quarter}季度：按计划推进，累计完成{percent}%。", "", submitter
        )
        await queries.mark_reviewed(conn, report_id, "published", "")
        await queries.apply_published(conn, report_id, due)
        await queries.backdate_report(conn, report_id, dt.datetime.combine(due, dt.time(9), dt.UTC))


async def liaison_principal(pool: asyncpg.Pool) -> Principal:
    """The demo liaison, acting."""
    async with pool.acquire() as conn:
        user_id = await conn.fetchval("SELECT id FROM staff_user WHERE username = 'liaison'")
    return Principal(role=Role.LIAISON, subject_id=int(user_id), name="住建局联络员")


async def evaluate_mid_year(pool: asyncpg.Pool, who: Principal, body_id: int, item_ids: list[int]) -> None:
    """A closed mid-year round: the deputies' sheets entered as if from tablets (same tables, same rule)."""
    created = await create_round(
        pool,
        who,
        RoundCreate(body_id=body_id, title=f"{LAST_YEAR}年年中满意度测评", kind="mid_year", item_ids=item_ids),
    )
    cards = await make_round_cards(pool, who, created.id, KeyCeremony())
    await open_round(pool, who, created.id)
    key = await round_sealing_key(pool, created.id)
    public = base64.b64decode(key.public_key)
    rng = random.Random(LAST_YEAR)
    async with transaction(pool) as conn:
        deputies = [r["id"] for r in await conn.fetch("SELECT id FROM deputy WHERE body_id = $1 AND active", body_id)]
        for deputy_id in deputies[: len(deputies) * 9 // 10]:
            await evaluation_queries.issue_sheet(conn, created.id, deputy_id)
            ratings = []
            for item_id, (satisfied, basic) in zip(item_ids, LEVEL_SHARES, strict=True):
                draw = rng.random()
                level = "satisfied" if draw < satisfied else "basic" if draw < satisfied + basic else "unsatisfied"
                ratings.append({"item_id": item_id, "level": level})
            # Sealed as a tablet seals it: the demo's sheets are opened by two of the round's key cards.
            plain = msgspec.json.encode({"ratings": ratings})
            padded = plain + b" " * (key.plain_size - len(plain))
            await rounds.store(conn, created.id, sealing.seal(public, key.label, padded))
    await close_round(pool, who, created.id, [c.text for c in cards.cards[:2]])
