"""Implementation items: made at the announcement, set up by clerks, read by everyone."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

import asyncpg
import msgspec

from audit import system_event
from audit.queries import record
from voting.auth import Principal, Role
from voting.database import transaction
from voting.departments.service import department_in_body, department_of
from voting.errors import BadRequest, Forbidden, not_found
from voting.programs.phases import congress_today
from voting.supervision import queries, schedule
from voting.supervision.models import BEING_CARRIED_OUT, Item, ItemUpdate, Milestone, MilestoneCreate


async def create_items_at_announcement(
    conn: asyncpg.Connection, vote_id: int, chosen: list[int] | None = None
) -> list[int]:
    """Each chosen project of the agenda item's final result becomes an item (in final order); repeats add nothing.

    `chosen` is the final result's list (voting.votes.agenda); without it, this vote's own chosen.
    """
    if chosen is None:
        chosen = await queries.chosen_of_vote(conn, vote_id)
    created = await queries.create_items_for(conn, vote_id, chosen, today())
    if created:
        await record(
            conn,
            system_event("implementation.items_created", "vote", vote_id, {"items": created}),
        )
    return created


# numeric(14, 2): up to 12 digits before the point, 2 after.
MONEY_LIMIT = Decimal(10) ** 12


def checked_money(value: Decimal, field_zh: str, field_en: str) -> Decimal:
    """An amount in 万元: finite, not negative, below a trillion, at most two decimals; else a 400."""
    if not value.is_finite() or value < 0 or value >= MONEY_LIMIT or value != value.quantize(Decimal("0.01")):
        raise BadRequest(
            "amount_invalid",
            f"{field_zh}须为0至1万亿以内、最多两位小数的金额（万元）",
            f"{field_en} must be an amount from 0 up to a trillion with at most two decimals (万元)",
            field=field_en.lower(),
        )
    return value


def today() -> dt.date:
    """The congress's date, not the server's (a UTC server is still on yesterday until 08:00)."""
    return congress_today()


async def load_items(conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> list[Item]:
    """Items with their monitoring group, milestones and report schedule."""
    ids = [r["id"] for r in rows]
    group: dict[int, list[str]] = defaultdict(list)
    group_ids: dict[int, list[int]] = defaultdict(list)
    for m in await queries.monitors(conn, ids):
        group[m["item_id"]].append(m["name"])
        group_ids[m["item_id"]].append(m["deputy_id"])
    steps: dict[int, list[Milestone]] = defaultdict(list)
    for s in await queries.milestones(conn, ids):
        steps[s["item_id"]].append(Milestone(**dict(s)))
    covered: dict[int, set[dt.date]] = defaultdict(set)
    for c in await queries.covered_periods(conn, ids):
        covered[c["item_id"]].add(c["period_due"])
    now = today()
    found = []
    for row in rows:
        item = Item(
            **dict(row), monitors=group[row["id"]], monitor_ids=group_ids[row["id"]], milestones=steps[row["id"]]
        )
        if item.status in BEING_CARRIED_OUT:
            start = schedule.reporting_start(item.started_on, item.program_year)
            item.next_due = schedule.next_due(start, item.report_every_months, covered[item.id], now)
            item.overdue = schedule.overdue(start, item.report_every_months, covered[item.id], now)
        found.append(item)
    return found


async def require_item(conn: asyncpg.Connection, item_id: int, for_update: bool = False) -> Item:
    """One item, or a 404."""
    row = await queries.item_by_id(conn, item_id, for_update)
    if row is None:
        raise not_found("实施项目", "Implementation item")
    return (await load_items(conn, [row]))[0]


async def require_own_item(conn: asyncpg.Connection, who: Principal, item_id: int, for_update: bool = False) -> Item:
    """The item if the caller is a clerk, or the liaison of the item's department; else 403."""
    item = await require_item(conn, item_id, for_update)
    if who.role in (Role.ADMIN, Role.CLERK):
        return item
    department = await department_of(conn, who)
    if item.department_id != department.id:
        raise Forbidden(
            "not_your_department",
            "该项目不由本部门承办",
            "This project is not assigned to your department",
        )
    return item


async def items_of_body(conn: asyncpg.Connection, body_id: int | None = None) -> list[Item]:
    """Every item, or those of one body, newest program first (public)."""
    return await load_items(conn, await queries.items(conn, body_id=body_id))


async def list_items(pool: asyncpg.Pool, body_id: int | None = None) -> list[Item]:
    """Every item (public)."""
    async with pool.acquire() as conn:
        return await items_of_body(conn, body_id)


async def department_items(pool: asyncpg.Pool, who: Principal) -> list[Item]:
    """The items of the liaison's own department."""
    async with pool.acquire() as conn:
        department = await department_of(conn, who)
        return await load_items(conn, await queries.items(conn, department_id=department.id))


async def get_item(pool: asyncpg.Pool, item_id: int) -> Item:
    """One item (public)."""
    async with pool.acquire() as conn:
        return await require_item(conn, item_id)


async def update_item(pool: asyncpg.Pool, who: Principal, item_id: int, change: ItemUpdate) -> Item:
    """A clerk assigns the department, the report schedule and the monitoring group."""
    fields = msgspec.to_builtins(change)
    async with transaction(pool) as conn:
        item = await require_item(conn, item_id, for_update=True)
        if change.department_id is not None and not await department_in_body(conn, change.department_id, item.body_id):
            raise BadRequest("department_not_of_body", "该部门不属于本级人大", "The department is not of this body")
        await queries.update_item(conn, item_id, fields)
        if change.monitor_deputy_ids is not None:
            wanted = set(change.monitor_deputy_ids)
            if await queries.set_monitors(conn, item_id, sorted(wanted), item.body_id) != len(wanted):
                raise BadRequest(
                    "unknown_deputy",
                    "监督小组成员须为本级人大的在任代表",
                    "Monitors must be active deputies of this body",
                )
        await record(conn, who.audit("implementation.updated", "implementation_item", item_id, fields))
        return await require_item(conn, item_id)


async def add_milestone(pool: asyncpg.Pool, who: Principal, item_id: int, new: MilestoneCreate) -> Milestone:
    """A milestone, by a clerk or the department's liaison."""
    async with transaction(pool) as conn:
        await require_own_item(conn, who, item_id)
        try:
            row = await queries.insert_milestone(conn, item_id, new.title.strip(), new.due_on)
        except asyncpg.CheckViolationError as error:
            raise BadRequest("milestone_invalid", "节点名称不能为空", "A milestone needs a title") from error
        except asyncpg.UniqueViolationError as error:
            raise BadRequest("milestone_exists", "该节点已存在", "This milestone already exists") from error
        await record(
            conn, who.audit("implementation.milestone_added", "implementation_item", item_id, {"title": row["title"]})
        )
        return Milestone(**dict(row))
