"""A program's phases: its schedule, explicit guarded moves between phases, and the intake window."""

from __future__ import annotations

import datetime as dt

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, not_found
from voting.programs import phases, queries
from voting.programs.models import PhaseChange, PhaseDate, ProgramDetail, ProgramSchedule


async def load_program(conn: asyncpg.Connection, program_id: int, for_update: bool = False) -> ProgramDetail:
    """A program with its schedule, or a 404."""
    row = await queries.program_detail(conn, program_id, for_update)
    if row is None:
        raise not_found("项目计划", "Program")
    dates = [PhaseDate(r["phase"], r["starts_on"]) for r in await queries.phase_dates(conn, program_id)]
    starts = {d.phase: d.starts_on for d in dates}
    return ProgramDetail(
        id=row["id"],
        body_id=row["body_id"],
        body_name=row["body_name"],
        year=row["year"],
        title=row["title"],
        phase=row["phase"],
        dates=dates,
        categories=list(row["categories"]),
        list_fixed=row["list_fixed"],
        warnings=phases.schedule_warnings(starts),
    )


async def get_program(pool: asyncpg.Pool, program_id: int) -> ProgramDetail:
    """One program with its phase and schedule (public)."""
    async with pool.acquire() as conn:
        return await load_program(conn, program_id)


async def set_schedule(pool: asyncpg.Pool, who: Principal, program_id: int, new: ProgramSchedule) -> ProgramDetail:
    """Set phase dates (and categories); a solicitation shorter than 30 days is allowed but warned about."""
    starts = {d.phase: d.starts_on for d in new.dates}
    if len(starts) != len(new.dates):
        raise BadRequest("phase_repeated", "同一阶段的日期重复", "A phase is given twice")
    if phases.out_of_order(starts):
        raise BadRequest(
            "phases_out_of_order",
            "各阶段日期须按 征集→初定→审议→票决→监督→评估→结束 的顺序",
            "Phase dates must follow the order solicit → shortlist → … → closed",
        )
    categories = None
    if new.categories is not None:
        categories = list(dict.fromkeys(c.strip() for c in new.categories if c.strip()))
        if not categories:
            raise BadRequest("categories_empty", "至少需要一个类别", "At least one category is needed")
    async with transaction(pool) as conn:
        await load_program(conn, program_id, for_update=True)
        await queries.replace_phase_dates(conn, program_id, sorted(starts.items(), key=lambda i: i[1]))
        if categories is not None:
            await queries.set_categories(conn, program_id, categories)
        await record(
            conn,
            who.audit(
                "program.scheduled",
                "program",
                program_id,
                {"dates": {k: v.isoformat() for k, v in starts.items()}, "categories": categories},
            ),
        )
        return await load_program(conn, program_id)


async def change_phase(pool: asyncpg.Pool, who: Principal, program_id: int, change: PhaseChange) -> ProgramDetail:
    """Move forward one phase at a time; back only with a reason; to the vote only with a fixed list."""
    async with transaction(pool) as conn:
        program = await load_program(conn, program_id, for_update=True)
        step = phases.step_of(program.phase, change.phase)
        if step == 0:
            raise Conflict("phase_unchanged", "项目计划已处于该阶段", "The program is already in that phase")
        if step > 1:
            raise Conflict(
                "phase_skipped",
                "阶段须逐一推进，不能跳过",
                "Phases move forward one at a time",
                current=program.phase,
                next=phases.PHASES[phases.PHASES.index(program.phase) + 1],
            )
        if step < 0 and not change.reason.strip():
            raise BadRequest("reason_required", "退回上一阶段须说明理由", "Going back to a phase needs a reason")
        if change.phase == "vote" and not program.list_fixed:
            raise Conflict(
                "list_not_fixed", "候选项目清单尚未确定，不能进入票决阶段", "The candidate list is not fixed yet"
            )
        concerns = phases.early_move_concerns(
            program.phase,
            change.phase,
            {d.phase: d.starts_on for d in program.dates},
            phases.congress_today(),
            await queries.count_suggestions(conn, program_id),
        )
        if concerns and not (change.confirm_early and change.reason.strip()):
            raise Conflict(
                "phase_move_early",
                "；".join(c["zh"] for c in concerns) + "。如确需现在推进，请确认并说明理由（记入审计日志）",
                "; ".join(c["en"] for c in concerns) + ". To move now anyway, confirm and give a reason (audited)",
                concerns=concerns,
            )
        await queries.set_phase(conn, program_id, change.phase)
        detail: dict[str, str | list[str]] = {
            "from": program.phase,
            "to": change.phase,
            "reason": change.reason.strip(),
        }
        if concerns:
            detail["concerns"] = [c["code"] for c in concerns]
        await record(conn, who.audit("program.phase_changed", "program", program_id, detail))
        return await load_program(conn, program_id)


async def require_intake_open(conn: asyncpg.Connection, program_id: int, today: dt.date) -> ProgramDetail:
    """The program, if it takes suggestions now (solicit phase and inside its window); else a 409."""
    program = await load_program(conn, program_id)
    starts = {d.phase: d.starts_on for d in program.dates}
    if program.phase != "solicit" or not phases.in_window(starts, today):
        first, last = phases.solicit_window(starts)
        raise Conflict(
            "solicitation_closed",
            "当前不在意见建议征集期内，暂不接收意见建议",
            "Suggestions are not being taken now: outside the solicitation window",
            opens=first.isoformat() if first else None,
            closes=last.isoformat() if last else None,
        )
    return program
