"""What each export holds, read through the services that own the data.

None of these sheets says how any deputy voted or rated: the attendance sheet says who
checked in, never who took a ballot; results and ratings are counts per project.
"""

from __future__ import annotations

import asyncpg

from voting.evaluation.service import get_round
from voting.exports.workbook import Cell, Sheet
from voting.funnel.service import SOURCE_NAMES, funnel
from voting.programs.schedule import load_program
from voting.roster.service import list_deputies, require_body
from voting.sessions.service import attendance, require_session
from voting.supervision.service import list_items
from voting.votes.results import result

# The roster sheet's header is the import's: an exported roster imports again unchanged.
ROSTER_HEADER = ["代表编号", "姓名", "代表团", "座位", "电话", "状态"]
ATTENDANCE = {"present": "已签到", "leave": "请假", "absent": "缺席"}
VIA = {"tablet": "平板", "clerk": "工作人员", None: ""}
OUTCOMES = {"chosen": "入选", "runoff": "再次投票", "not_chosen": "未入选", "below_threshold": "未过半数"}
ITEM_STATUS = {
    "in_progress": "实施中",
    "completed": "已完成",
    "adjusted": "已调整",
    "postponed": "暂缓",
    "stopped": "终止",
}
RATINGS = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
DIMENSIONS = {"category": "类别", "source": "来源", "place": "地点"}


async def roster_sheet(pool: asyncpg.Pool, body_id: int) -> Sheet:
    """Every deputy of a body, ended terms included (marked), in the import's columns."""
    async with pool.acquire() as conn:
        body = await require_body(conn, body_id)
    deputies = await list_deputies(pool, body_id)
    rows: list[list[Cell]] = [
        [d.number, d.name, d.delegation, d.seat, d.phone, "在任" if d.active else "已终止"] for d in deputies
    ]
    serving = sum(1 for d in deputies if d.active)
    return Sheet(
        title=f"{body['name']} 代表名单",
        facts=[("在任代表", serving), ("已终止资格", len(deputies) - serving)],
        header=ROSTER_HEADER,
        rows=rows,
        name="代表名单",
    )


async def attendance_sheet(pool: asyncpg.Pool, session_id: int) -> Sheet:
    """签到表: each deputy's check-in, with 应到/实到/请假/缺席 and the quorum."""
    async with pool.acquire() as conn:
        session = await require_session(conn, session_id)
    summary, entries = await attendance(pool, session_id)
    rows: list[list[Cell]] = [
        [n, e.name, e.delegation, e.seat, ATTENDANCE[e.status], VIA.get(e.via, e.via or ""), ""]
        for n, e in enumerate(entries, start=1)
    ]
    return Sheet(
        title=f"{session.body_name} {session.title} 签到表",
        facts=[
            ("日期", session.held_on.isoformat()),
            ("地点", session.venue),
            ("应到", summary.total),
            ("实到", summary.present),
            ("请假", summary.leave),
            ("缺席", summary.absent),
            ("法定人数", summary.quorum_needed),
            ("是否达到法定人数", "是" if summary.has_quorum else "否"),
        ],
        header=["序号", "姓名", "代表团", "座位", "签到情况", "签到方式", "备注"],
        rows=rows,
        name="签到表",
    )


async def result_sheet(pool: asyncpg.Pool, vote_id: int, public: bool) -> Sheet:
    """One vote's count: every candidate's votes, as announced (or, for staff, as closed)."""
    counted = await result(pool, vote_id, public=public)
    vote, tally = counted.vote, counted.tally
    names = {c.id: c.name for c in vote.candidates}
    rows: list[list[Cell]] = [
        [
            c.rank,
            names.get(c.candidate_id, str(c.candidate_id)),
            c.votes_for,
            c.votes_against,
            c.abstentions,
            "是" if c.passes_threshold else "否",
            OUTCOMES.get(c.outcome, c.outcome),
        ]
        for c in tally.counts
    ]
    return Sheet(
        title=f"{vote.title} 表决结果",
        facts=[
            ("状态", "已宣布" if vote.state == "announced" else "已计票，尚未宣布"),
            ("应到", tally.deputies_total),
            ("实到", tally.deputies_present),
            ("收回票数", tally.ballots_cast),
            ("有效票", tally.ballots_valid),
            ("无效票", tally.ballots_invalid),
            ("空白票", tally.ballots_blank),
            ("应选", tally.seats),
            ("通过所需赞成票", tally.threshold_votes),
        ],
        header=["名次", "候选项目", "赞成", "反对", "弃权", "达到通过票数", "结果"],
        rows=rows,
        name="表决结果",
    )


async def funnel_sheet(pool: asyncpg.Pool, program_id: int) -> Sheet:
    """Suggestions → candidates → chosen, overall and by category, source and place."""
    async with pool.acquire() as conn:
        program = await load_program(conn, program_id)
    counts = await funnel(pool, program_id)
    rows: list[list[Cell]] = [["合计", "", counts.suggestions, None, counts.candidates, counts.listed, counts.chosen]]
    for r in counts.rows:
        key = SOURCE_NAMES.get(r.key, r.key) if r.dimension == "source" else r.key
        rows.append([DIMENSIONS[r.dimension], key or "（未填）", r.suggestions, r.people, r.merged, r.listed, r.chosen])
    return Sheet(
        title=f"{program.body_name} {program.title} 征集与票决情况",
        header=["维度", "值", "意见建议", "人次", "归并项目", "列入清单", "入选"],
        rows=rows,
        name="征集情况",
    )


async def progress_sheet(pool: asyncpg.Pool, program_id: int) -> Sheet:
    """The program's chosen projects in implementation: unit, money, progress, dates, overdue reports."""
    async with pool.acquire() as conn:
        program = await load_program(conn, program_id)
    items = [i for i in await list_items(pool, program.body_id) if i.program_year == program.year]
    rows: list[list[Cell]] = [
        [
            n,
            i.name,
            i.category,
            i.department_name or i.responsible_unit,
            i.budget_wan,
            i.spent_wan,
            i.percent,
            ITEM_STATUS.get(i.status, i.status),
            i.started_on.isoformat(),
            i.target_date.isoformat() if i.target_date else "",
            i.completed_on.isoformat() if i.completed_on else "",
            i.next_due.isoformat() if i.next_due else "",
            len(i.overdue),
        ]
        for n, i in enumerate(items, start=1)
    ]
    return Sheet(
        title=f"{program.body_name} {program.year}年民生实事项目实施进度",
        header=[
            "序号",
            "项目",
            "类别",
            "承办单位",
            "预算(万元)",
            "已支出(万元)",
            "进度(%)",
            "状态",
            "开始日期",
            "计划完成",
            "完成日期",
            "下次报告",
            "逾期未报次数",
        ],
        rows=rows,
        name="实施进度",
    )


async def evaluation_sheet(pool: asyncpg.Pool, round_id: int) -> Sheet:
    """A round's results per project (counts only); empty result cells until the round closes."""
    rated = await get_round(pool, round_id)
    rows: list[list[Cell]] = []
    for n, item in enumerate(rated.items, start=1):
        r = item.result
        counts: list[Cell] = (
            [
                r.counts.satisfied,
                r.counts.basic,
                r.counts.unsatisfied,
                r.counts.abstained,
                r.sheets,
                r.satisfaction_pct,
                r.average_score,
                RATINGS.get(r.outcome, r.outcome),
            ]
            if r
            else [*([None] * 7), "尚未公布"]
        )
        deadline = item.rectification_deadline.isoformat() if item.rectification_deadline else ""
        rows.append([n, item.name, item.department_name or "", *counts, deadline])
    state = {
        "draft": "未开始",
        "open": "测评中",
        "awaiting_keys": "测评已结束，待用开票钥匙卡开启",
        "closed": "已结束并公布",
        "void": "参评人数不足，无效，未公布",
    }[rated.state]
    return Sheet(
        title=f"{rated.title} 满意度测评结果",
        facts=[("状态", state), ("应参加", rated.deputies_total), ("已测评", rated.rated)],
        header=[
            "序号",
            "项目",
            "承办单位",
            "满意",
            "基本满意",
            "不满意",
            "弃权",
            "测评人数",
            "满意率(%)",
            "平均分",
            "评定结果",
            "整改期限",
        ],
        rows=rows,
        name="测评结果",
    )
