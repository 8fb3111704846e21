"""`voting demo`: set up (or reuse) the demo county congress and say where to click."""

from __future__ import annotations

import asyncio
import secrets

import msgspec

from voting.auth import Principal, Role
from voting.bodies.models import BodyCreate
from voting.bodies.service import create_body
from voting.database import create_pool, migrate
from voting.demo.data import (
    BODY_NAME,
    DEMO_CANDIDATES,
    DEMO_SEATS,
    DEMO_STAFF,
    PROGRAM_TITLE,
    SESSION_TITLE,
    VENUE,
    demo_deputies,
)
from voting.demo.queries import find_demo
from voting.demo.solicitation import set_up_solicitation_demo
from voting.demo.supervision import set_up_supervision_demo
from voting.demo.townships import TOWNSHIP_STAFF, set_up_townships_demo
from voting.programs.models import ProgramCreate
from voting.programs.service import add_candidate, create_program
from voting.roster.service import add_deputies
from voting.sessions.models import SessionCreate
from voting.sessions.service import create_session
from voting.staff.service import ensure_staff

SYSTEM = Principal(role=Role.ADMIN, subject_id=0, name="demo")


class Demo(msgspec.Struct):
    """What the welcome text points at."""

    body_id: int
    program_id: int
    session_id: int
    seats: int
    passwords: dict[str, str]
    soliciting_program_id: int = 0  # a township still taking suggestions (poster, phone form)


async def set_up_demo(url: str, reset: bool = False) -> Demo:
    """Create the demo once; later runs reuse it (with --reset: a fresh session)."""
    await migrate(url)
    pool = await create_pool(url, 4)
    try:
        async with pool.acquire() as conn:
            found = await find_demo(conn, BODY_NAME)
        if found is None:
            body_id = (await create_body(pool, SYSTEM, BodyCreate(name=BODY_NAME, level="county", term=18))).id
            await add_deputies(pool, SYSTEM, body_id, demo_deputies(), "imported")
            program = await create_program(pool, SYSTEM, ProgramCreate(body_id=body_id, year=2027, title=PROGRAM_TITLE))
            for candidate in DEMO_CANDIDATES:
                await add_candidate(pool, SYSTEM, program.id, candidate)
            program_id, session_id = program.id, 0
        else:
            body_id, program_id, session_id = found["body_id"], found["program_id"], found["session_id"]
        if reset or not session_id:
            session = await create_session(
                pool,
                SYSTEM,
                SessionCreate(
                    body_id=body_id,
                    program_id=program_id,
                    title=SESSION_TITLE,
                    venue=VENUE,
                ),
            )
            session_id = session.id
        # Fresh passwords each start: the demo never ships a known password.
        passwords = {username: secrets.token_urlsafe(9) for username, _, _ in DEMO_STAFF}
        # Side by side: each argon2 hash takes about half a second on purpose.
        await asyncio.gather(
            *(
                ensure_staff(pool, username, name, Role(role), passwords[username], body_id=body_id)
                for username, name, role in DEMO_STAFF
            )
        )
        passwords["liaison"] = await set_up_supervision_demo(pool, SYSTEM, body_id)
        soliciting = await set_up_solicitation_demo(pool, SYSTEM, body_id, program_id)
        passwords.update(await set_up_townships_demo(pool, SYSTEM, body_id))
    finally:
        await pool.close()
    return Demo(
        body_id=body_id,
        program_id=program_id,
        session_id=session_id,
        seats=DEMO_SEATS,
        passwords=passwords,
        soliciting_program_id=soliciting,
    )


def print_welcome(demo: Demo, base: str) -> None:
    """Where to click, and the staff logins."""
    s = demo.session_id
    print(f"""
==================== Piaojue 票决 · 示范县人大 demo ====================
 工作人员控制台 Staff console     {base}/console
 大屏 Hall big screen             {base}/hall/{s}
 公众结果页 Public results        {base}/public/sessions/{s}
 座位卡（登录二维码）Seat cards    {base}/console/sessions/{s}/seat-cards
 代表平板 Deputy tablet           {base}/tablet   (scan a seat card, or type its code)
 项目计划（征集→初定→审议） Programs {base}/console/programs
 候选项目清单 Candidate list       {base}/programs/{demo.program_id} · 数据 {base}/programs/{demo.program_id}/funnel
 征集海报 Poster (phone form)     {base}/programs/{demo.soliciting_program_id}/poster · 查询 {base}/track
 项目实施看板 Projects dashboard   {base}/projects
 项目监督 Supervision (clerk)     {base}/console/supervision · {base}/console/evaluations
 全县年度概况 County overview     {base}/console/bodies/{demo.body_id}/overview (乡镇 townships included)
 部门联络员 Liaison               {base}/liaison (论证 feasibility) · {base}/liaison/projects
 计票 监票 Tellers, scrutineers   {base}/count    (the presiding officer assigns them: 纸质计票 or 开票钥匙卡 of a vote)
 API schema                       {base}/schema

 示范县人大的账号 County logins (new passwords every start):""")
    for username, name, role in DEMO_STAFF:
        print(f"   {username:<10} {demo.passwords[username]:<16} {name} ({role})")
    print(f"   {'liaison':<10} {demo.passwords['liaison']:<16} 住建局联络员 (liaison)")
    print("\n 乡镇人大的账号 Township logins (each sees only its own township; the county's watch them all):")
    for username, name, role, _ in TOWNSHIP_STAFF:
        if username in demo.passwords:
            print(f"   {username:<15} {demo.passwords[username]:<16} {name} ({role})")
    print(f" 人大与设置 Bodies and set-up    {base}/console/bodies · {base}/console/setup")
    print("=====================================================================\n", flush=True)
