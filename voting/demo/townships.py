"""`voting demo`: the county's townships, so a newcomer sees the scoping at once.

城关镇 (made by demo/solicitation.py) is still collecting suggestions; 河口镇 has its own small
roster, a department, a program whose fixed list waits for its session, and that session.
Each township gets its own clerk login (and 河口镇 a presiding officer, two tellers and a scrutineer, so its
votes can be counted on paper), printed by the demo.
Created once through the app's services; later starts only set fresh passwords.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import secrets
from decimal import Decimal

import asyncpg

from voting.auth import Principal, Role
from voting.bodies.models import BodyCreate
from voting.bodies.service import create_body, list_bodies
from voting.deliberation.models import ListOrder, VotingMethod
from voting.deliberation.service import adopt_method, fix_list, order_list
from voting.demo.data import GIVEN, SURNAMES
from voting.demo.solicitation import TOWNSHIP, answer_for_department, days
from voting.departments.models import DepartmentCreate
from voting.departments.service import create_department
from voting.programs.models import CandidateCreate, PhaseChange, ProgramCreate
from voting.programs.schedule import change_phase
from voting.programs.service import add_candidate, create_program
from voting.roster.models import DeputyCreate
from voting.roster.service import add_deputies
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session
from voting.staff.service import ensure_staff
from voting.vetting.models import RequestCreate
from voting.vetting.service import request_opinion

# 河口镇's demo list comes straight from its departments, with no public solicitation and no
# calendar: each phase move says so, as a clerk would have to (recorded in the audit log).
DEMO_MOVE = "示范数据：候选项目由镇政府各部门直接提出，未设征集日程"
HEKOU = "示范县河口镇人民代表大会"
HEKOU_DEPARTMENT = "河口镇村镇建设办公室"
HEKOU_PROGRAM = "2027年河口镇民生实事项目票决"
HEKOU_SESSION = "河口镇第十八届人民代表大会第三次会议"
HEKOU_DEPUTIES = 45
HEKOU_SEATS = 3
HEKOU_CANDIDATES = [
    ("集镇污水管网改造", "改造集镇老旧污水管网5.2公里，雨污分流。", "生态环境", 380),
    ("河口中心小学食堂改扩建", "新建食堂600平方米，解决学生就餐拥挤。", "教育", 260),
    ("镇卫生院夜间门诊", "增设夜间门诊和急诊留观床位8张。", "医疗卫生", 120),
    ("沿河步道及路灯", "建设沿河健身步道3公里，安装路灯150盏。", "城市建设", 210),
]
# username, display name, role, body name
TOWNSHIP_STAFF = [
    ("chengguan", "城关镇人大秘书", "clerk", TOWNSHIP),
    ("hekou", "河口镇人大秘书", "clerk", HEKOU),
    ("hekou_zhuxi", "河口镇人大主席", "presiding", HEKOU),
    # A paper or mixed count needs two tellers (double entry) and a chief scrutineer of the body itself.
    ("hekou_jipiao1", "河口镇计票人甲", "teller", HEKOU),
    ("hekou_jipiao2", "河口镇计票人乙", "teller", HEKOU),
    ("hekou_jianpiao", "河口镇监票人", "scrutineer", HEKOU),
]


def hekou_deputies() -> list[DeputyCreate]:
    """河口镇's deputies: the same every run."""
    rng = random.Random(1949)
    villages = ["河口村代表团", "东湾村代表团", "石门村代表团", "镇直代表团"]
    return [
        DeputyCreate(
            name=rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))),
            delegation=villages[i % len(villages)],
            seat=f"{i // 10 + 1:02d}排{i % 10 + 1:02d}号",
        )
        for i in range(HEKOU_DEPUTIES)
    ]


async def set_up_townships_demo(pool: asyncpg.Pool, who: Principal, county_id: int) -> dict[str, str]:
    """河口镇 (once), and fresh passwords for every township's staff; returns the passwords by username."""
    bodies = {b.name: b.id for b in await list_bodies(pool) if b.parent_id == county_id}
    if HEKOU not in bodies:
        bodies[HEKOU] = await enter_hekou(pool, who, county_id)
    passwords = {username: secrets.token_urlsafe(9) for username, *_ in TOWNSHIP_STAFF}
    # Hashing is slow on purpose; side by side it costs one hash's time, not three.
    await asyncio.gather(
        *(
            ensure_staff(pool, username, name, Role(role), passwords[username], body_id=bodies[body_name])
            for username, name, role, body_name in TOWNSHIP_STAFF
            if body_name in bodies
        )
    )
    return {u: p for u, p in passwords.items() if any(u == s[0] and s[3] in bodies for s in TOWNSHIP_STAFF)}


async def enter_hekou(pool: asyncpg.Pool, who: Principal, county_id: int) -> int:
    """河口镇: roster, a department, four vetted candidates on a fixed list for three seats, and its session."""
    body = await create_body(pool, who, BodyCreate(name=HEKOU, level="township", parent_id=county_id, term=18))
    await add_deputies(pool, who, body.id, hekou_deputies(), "imported")
    department = await create_department(pool, who, body.id, DepartmentCreate(name=HEKOU_DEPARTMENT))
    program = await create_program(pool, who, ProgramCreate(body_id=body.id, year=2027, title=HEKOU_PROGRAM))
    candidate_ids = []
    for name, summary, category, cost in HEKOU_CANDIDATES:
        spec = CandidateCreate(
            name=name,
            summary=summary,
            category=category,
            cost_wan=Decimal(cost),
            funding="镇级财政＋县级补助",
            responsible_unit=HEKOU_DEPARTMENT,
            completion_date=dt.date(2027, 11, 30),
        )
        candidate = await add_candidate(pool, who, program.id, spec)
        asked = await request_opinion(
            pool, who, candidate.id, RequestCreate(department_id=department.id, due_on=days(-20))
        )
        await answer_for_department(pool, who, asked.id, candidate.id, spec)
        candidate_ids.append(candidate.id)
    await change_phase(pool, who, program.id, PhaseChange(phase="shortlist", reason=DEMO_MOVE, confirm_early=True))
    await change_phase(pool, who, program.id, PhaseChange(phase="deliberate", reason=DEMO_MOVE, confirm_early=True))
    await order_list(pool, who, program.id, ListOrder(candidate_ids=candidate_ids))
    await adopt_method(
        pool, who, program.id, VotingMethod(seats=HEKOU_SEATS, margin_ratio=Decimal("1.2"), title=HEKOU_PROGRAM)
    )
    await fix_list(pool, who, program.id)
    await change_phase(pool, who, program.id, PhaseChange(phase="vote", reason=DEMO_MOVE, confirm_early=True))
    await create_session(
        pool,
        who,
        SessionCreate(body_id=body.id, program_id=program.id, title=HEKOU_SESSION, venue="河口镇政府会议室", number=3),
    )
    return body.id
