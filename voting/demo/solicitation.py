"""`voting demo`, the first half of the cycle: suggestions from several channels merged into this year's
candidates, vetted by departments, and the list fixed for the session's vote; plus a township still
soliciting, so the poster and the phone form can be tried.

Entered through the same services the app uses; only the departments' opinions are written with the
vetting queries directly (answering through the service needs each department's liaison logged in).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.bodies.models import BodyCreate
from voting.bodies.service import create_body, list_bodies
from voting.database import transaction
from voting.deliberation.models import ListOrder, VotingMethod
from voting.deliberation.service import adopt_method, fix_list, order_list
from voting.demo.data import DEMO_CANDIDATES, DEMO_SEATS
from voting.departments.models import DepartmentCreate
from voting.departments.service import create_department, list_departments
from voting.programs.models import (
    CandidateCreate,
    Phase,
    PhaseChange,
    PhaseDate,
    ProgramCreate,
    ProgramSchedule,
)
from voting.programs.schedule import change_phase, set_schedule
from voting.programs.service import count_suggestions, create_program, list_candidates, list_programs
from voting.solicit.models import SuggestionCreate, Triage
from voting.solicit.service import file_suggestion
from voting.solicit.triage import triage
from voting.vetting import queries as vetting_queries
from voting.vetting.models import Exclusion, Opinion, RequestCreate, VisitNoteCreate
from voting.vetting.service import add_visit_note, flag_exclusion, request_opinion

TOWNSHIP = "示范县城关镇人民代表大会"
# source, submitted by, people, title, category, place, what became of it:
# a candidate index of DEMO_CANDIDATES, "parking", "office", "reject:…" or "hold:…".
SUGGESTIONS = [
    ("public", "", 1, "小区没有电梯，老人上下楼难", "城市建设", "东城街道幸福里小区", 0),
    ("public", "", 1, "老小区下水道经常堵", "城市建设", "西城街道", 0),
    ("liaison_station", "东城街道代表联络站", 56, "老旧小区改造（院落会意见汇总）", "城市建设", "东城街道", 0),
    ("deputy", "王建国代表", 1, "山区村夏季缺水", "乡村振兴", "青山乡", 1),
    ("liaison_station", "青山乡代表联络站", 38, "解决季节性缺水问题", "乡村振兴", "青山乡", 1),
    ("public", "", 1, "急诊看病排队太久", "医疗卫生", "城关镇", 2),
    ("department", "县卫生健康局", 1, "建设胸痛中心和卒中中心", "医疗卫生", "", 2),
    ("public", "", 1, "城东孩子上幼儿园难", "教育", "东城街道", 3),
    ("deputy", "李秀英代表", 1, "城东新区缺公办幼儿园", "教育", "东城街道", 3),
    ("public", "", 1, "学校食堂卫生让人担心", "教育", "河口镇", 4),
    ("public", "", 1, "希望开通到乡镇的公交", "交通出行", "柳林镇", 5),
    ("liaison_station", "柳林镇代表联络站", 24, "城乡公交线路太少", "交通出行", "柳林镇", 5),
    ("public", "", 1, "社区老人吃饭没人管", "社会保障", "西城街道", 6),
    ("deputy", "张伟代表", 1, "建设社区养老服务中心", "社会保障", "城关镇", 6),
    ("public", "", 1, "背街小巷晚上太黑", "城市建设", "城关镇", 7),
    ("public", "", 1, "村里污水直排河沟", "生态环境", "石桥镇", 8),
    ("public", "", 1, "缺少健身场地", "文化体育", "城关镇", 9),
    ("public", "", 1, "城区停车难、充电桩少", "交通出行", "城关镇", 10),
    ("public", "", 1, "重点路口经常堵车", "公共安全", "城关镇", 11),
    ("public", "", 1, "建设县城地下停车场", "交通出行", "城关镇", "parking"),
    ("department", "县机关事务服务中心", 1, "县政务服务中心办公楼装修", "其他", "", "office"),
    ("public", "", 1, "修建通用机场", "交通出行", "", "reject:超出县级事权和财力，已转交上级部门研究"),
    ("public", "", 1, "全县道路全部拓宽", "交通出行", "", "reject:已纳入县“十五五”交通规划分年度实施"),
    ("public", "", 1, "建设县城第二座体育馆", "文化体育", "城关镇", "hold:与全民健身中心项目统筹研究"),
]
TOWNSHIP_SUGGESTIONS = [
    ("菜市场周边道路积水", "城市建设", "南街社区"),
    ("镇卫生院增加夜间门诊", "医疗卫生", "镇区"),
    ("村小学增加校车", "教育", "石门村"),
]


async def set_up_solicitation_demo(pool: asyncpg.Pool, who: Principal, body_id: int, program_id: int) -> int:
    """This year's suggestions, vetting and fixed list (once), and the soliciting township; returns its program id."""
    if await count_suggestions(pool, program_id) == 0:
        await enter_this_year(pool, who, body_id, program_id)
    return await township_program(pool, who, body_id)


def days(n: int) -> dt.date:
    """A date n days from today."""
    return dt.date.today() + dt.timedelta(days=n)


async def enter_this_year(pool: asyncpg.Pool, who: Principal, body_id: int, program_id: int) -> None:
    """Suggestions → merged into the 12 candidates → vetted → ordered, method adopted, list fixed."""
    candidates = [c.id for c in await list_candidates(pool, program_id)]
    targets: dict[object, list[int]] = {}
    for source, by, people, title, category, place, fate in SUGGESTIONS:
        new = SuggestionCreate(
            title=title,
            description=f"{title}。",
            category=category,
            place=place,
            raised_by=people,
            submitted_by=by,
        )
        async with transaction(pool) as conn:
            sid = await file_suggestion(conn, program_id, new, source, who=None if source == "public" else who)
        targets.setdefault(fate, []).append(sid)
    parking = office = 0
    for fate, ids in targets.items():
        if isinstance(fate, int):
            action = Triage(suggestion_ids=ids, action="merge", candidate_id=candidates[fate])
        elif fate in ("parking", "office"):
            name = "县城地下停车场建设" if fate == "parking" else "县政务服务中心办公楼装修"
            new_candidate = CandidateCreate(
                name=name,
                category="交通出行" if fate == "parking" else "其他",
                summary=f"由群众和部门建议归并：{name}。",
            )
            action = Triage(suggestion_ids=ids, action="merge", new_candidate=new_candidate)
        else:
            verb, reason = str(fate).split(":", 1)
            action = Triage(suggestion_ids=ids, action="reject" if verb == "reject" else "hold", reason=reason)
        result = await triage(pool, who, program_id, action)
        if fate == "parking":
            parking = result.candidate_id or 0
        if fate == "office":
            office = result.candidate_id or 0
    departments = {d.name: d.id for d in await list_departments(pool, body_id)}
    for spec in DEMO_CANDIDATES:
        if spec.responsible_unit not in departments:
            created = await create_department(pool, who, body_id, DepartmentCreate(name=spec.responsible_unit))
            departments[created.name] = created.id
    for candidate_id, spec in zip(candidates, DEMO_CANDIDATES, strict=True):
        asked = await request_opinion(
            pool, who, candidate_id, RequestCreate(department_id=departments[spec.responsible_unit], due_on=days(-30))
        )
        await answer_for_department(pool, who, asked.id, candidate_id, spec)
    # Still open and overdue: the 住建局 liaison's page flags it.
    await request_opinion(
        pool,
        who,
        parking,
        RequestCreate(
            department_id=departments["县住房和城乡建设局"], due_on=days(-3), note="请重点论证地下空间利用和收费模式"
        ),
    )
    await flag_exclusion(
        pool, who, office, Exclusion(rule="office_building", reason="属于楼堂馆所，按规定不列入民生实事")
    )
    await add_visit_note(
        pool,
        who,
        candidates[1],
        VisitNoteCreate(
            group_name="农业农村调研组", visited_on=days(-40), note="走访青山乡5个村，夏季停水平均每年20天以上。"
        ),
    )
    await add_visit_note(
        pool,
        who,
        candidates[0],
        VisitNoteCreate(
            group_name="城建环保调研组", visited_on=days(-38), note="幸福里等小区管网老化严重，群众改造意愿强烈。"
        ),
    )
    dates: list[tuple[Phase, int]] = [
        ("solicit", -80),
        ("shortlist", -45),
        ("deliberate", -15),
        ("vote", 0),  # the session sits today: moving to 票决 is on time
        ("supervise", 30),
        ("evaluate", 200),
        ("closed", 400),
    ]
    await set_schedule(pool, who, program_id, ProgramSchedule(dates=[PhaseDate(p, days(n)) for p, n in dates]))
    await change_phase(pool, who, program_id, PhaseChange(phase="shortlist"))
    await change_phase(pool, who, program_id, PhaseChange(phase="deliberate"))
    await order_list(pool, who, program_id, ListOrder(candidate_ids=candidates))
    await adopt_method(
        pool,
        who,
        program_id,
        VotingMethod(seats=DEMO_SEATS, margin_ratio=Decimal("1.2"), title="2027年民生实事项目票决"),
    )
    await fix_list(pool, who, program_id)
    await change_phase(pool, who, program_id, PhaseChange(phase="vote"))


async def answer_for_department(
    pool: asyncpg.Pool, who: Principal, request_id: int, candidate_id: int, spec: CandidateCreate
) -> None:
    """The department's opinion, with the figures the candidate already carries."""
    opinion = Opinion(
        necessity="群众反映集中，属于县委县政府确定的重点民生领域。",
        feasibility="前期工作已完成，技术方案成熟，可在年内实施完成。",
        affordability="已纳入年度预算安排，不新增政府隐性债务。",
        cost_wan=spec.cost_wan,
        funding=spec.funding,
        responsible_unit=spec.responsible_unit,
        completion_date=spec.completion_date or days(300),
        risks="无明显风险；施工期间需做好群众告知。",
    )
    async with transaction(pool) as conn:
        await vetting_queries.store_opinion(conn, request_id, None, opinion)
        await record(
            conn, who.audit("feasibility.answered", "candidate", candidate_id, {"request_id": request_id, "demo": True})
        )


async def township_program(pool: asyncpg.Pool, who: Principal, county_id: int) -> int:
    """A township still soliciting (created once): its poster and phone form are live."""
    body_id = next((b.id for b in await list_bodies(pool) if b.name == TOWNSHIP), None)
    existing = [p.id for p in await list_programs(pool) if p.body_id == body_id]
    if existing:
        return int(existing[0])
    body = await create_body(pool, who, BodyCreate(name=TOWNSHIP, level="township", parent_id=county_id, term=18))
    program = await create_program(
        pool, who, ProgramCreate(body_id=body.id, year=2027, title="2027年城关镇民生实事项目票决")
    )
    await set_schedule(
        pool,
        who,
        program.id,
        ProgramSchedule(
            dates=[PhaseDate("solicit", days(-10)), PhaseDate("shortlist", days(25)), PhaseDate("deliberate", days(40))]
        ),
    )
    for title, category, place in TOWNSHIP_SUGGESTIONS:
        async with transaction(pool) as conn:
            await file_suggestion(
                conn,
                program.id,
                SuggestionCreate(title=title, description=f"{title}，请予以考虑。", category=category, place=place),
                "public",
            )
    return program.id
