"""Inspections (视察) and the issues they raise, and changes (调整/暂缓/终止/恢复实施) that need a decision first."""

from __future__ import annotations

import datetime as dt

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import Conflict, not_found
from voting.supervision import oversight_queries, queries
from voting.supervision.models import (
    CHANGE_NAMES,
    CHANGE_STATUS,
    DECIDED_STATUSES,
    Change,
    ChangeCreate,
    ChangeDecision,
    Inspection,
    InspectionCreate,
    Issue,
    IssueAnswer,
    IssueClose,
    StatusSet,
)
from voting.supervision.service import checked_money, require_item, require_own_item, today
from voting.text_fields import required_text


async def record_inspection(
    pool: asyncpg.Pool, who: Principal, item_id: int, new: InspectionCreate
) -> tuple[Inspection, list[Issue]]:
    """An inspection with its findings; each listed issue goes to the department with an answer date."""
    participants = required_text(new.participants, "participants", "参加代表")
    findings = required_text(new.findings, "findings", "视察发现")
    texts = [required_text(text, "issues", "交办问题") for text in new.issues]
    async with transaction(pool) as conn:
        await require_item(conn, item_id)
        row = await oversight_queries.insert_inspection(conn, item_id, new.inspected_on, participants, findings)
        due = today() + dt.timedelta(days=new.answer_days)
        raised = [await oversight_queries.insert_issue(conn, item_id, row["id"], text, due) for text in texts]
        await record(
            conn,
            who.audit(
                "inspection.recorded",
                "inspection",
                row["id"],
                {"item_id": item_id, "issues": [r["id"] for r in raised]},
            ),
        )
    return Inspection(**dict(row)), [Issue(**dict(r)) for r in raised]


async def _issue(conn: asyncpg.Connection, who: Principal, issue_id: int) -> asyncpg.Record:
    row = await oversight_queries.issue_by_id(conn, issue_id)
    if row is None:
        raise not_found("问题", "Issue")
    await require_own_item(conn, who, row["item_id"])
    return row


async def answer_issue(pool: asyncpg.Pool, who: Principal, issue_id: int, answer: IssueAnswer) -> Issue:
    """The department answers an open issue."""
    text = required_text(answer.answer, "answer", "答复")
    async with transaction(pool) as conn:
        row = await _issue(conn, who, issue_id)
        if row["state"] != "open":
            raise Conflict("issue_not_open", "该问题已答复或已办结", "This issue was already answered or closed")
        updated = await oversight_queries.answer_issue(conn, issue_id, text)
        await record(conn, who.audit("issue.answered", "item_issue", issue_id))
    return Issue(**dict(updated))


async def close_issue(pool: asyncpg.Pool, who: Principal, issue_id: int, closing: IssueClose) -> Issue:
    """A clerk closes an answered issue, or sends it back for another answer."""
    async with transaction(pool) as conn:
        row = await _issue(conn, who, issue_id)
        if row["state"] != "answered":
            raise Conflict(
                "issue_not_answered",
                "部门尚未答复，不能办结",
                "The department has not answered yet",
                state=row["state"],
            )
        updated = await oversight_queries.close_issue(conn, issue_id, closing.accept, closing.note.strip())
        await record(conn, who.audit("issue.closed" if closing.accept else "issue.reopened", "item_issue", issue_id))
    return Issue(**dict(updated))


async def request_change(pool: asyncpg.Pool, who: Principal, item_id: int, new: ChangeCreate) -> Change:
    """A change request; the item stays as it is until a decision is recorded."""
    if new.new_budget_wan is not None:
        checked_money(new.new_budget_wan, "新预算", "New budget")
    reason = required_text(new.reason, "reason", "变更理由")
    async with transaction(pool) as conn:
        item = await require_own_item(conn, who, item_id, for_update=True)
        if item.status in ("completed", "stopped"):
            raise Conflict("item_closed", "项目已完成或已终止，不能变更", "The project is completed or stopped")
        if new.kind == "resume":
            require_postponed(item.status)
        try:
            row = await oversight_queries.insert_change(
                conn, item_id, new.kind, reason, new.new_target_date, new.new_budget_wan
            )
        except asyncpg.UniqueViolationError as error:
            raise Conflict(
                "change_pending", "该项目已有待决定的变更申请", "A change request for this project awaits a decision"
            ) from error
        await record(conn, who.audit("change.requested", "change_request", row["id"], msgspec.to_builtins(new)))
    return Change(**dict(row))


async def decide_change(pool: asyncpg.Pool, who: Principal, change_id: int, decision: ChangeDecision) -> Change:
    """Record the decision; an approved change takes effect now, and is public from now."""
    decided_by = required_text(decision.decided_by, "decided_by", "决定机关")
    async with transaction(pool) as conn:
        row = await oversight_queries.change_by_id(conn, change_id)
        if row is None:
            raise not_found("变更申请", "Change request")
        if row["state"] != "pending":
            raise Conflict("change_decided", "该变更申请已作出决定", "This change request was already decided")
        item = await require_item(conn, row["item_id"], for_update=True)
        if decision.approve and item.status in ("completed", "stopped"):
            # Completed or stopped since the request: approving now would silently reopen it.
            raise Conflict(
                "item_closed",
                "项目已完成或已终止，变更申请不能批准",
                "The project was completed or stopped since the request; it cannot be approved",
                status=item.status,
            )
        if decision.approve and row["kind"] == "resume":
            require_postponed(item.status)
        decided = await oversight_queries.decide_change(
            conn,
            change_id,
            decision.approve,
            decided_by,
            decision.decision_ref.strip(),
            decision.note.strip(),
        )
        if decision.approve:
            await oversight_queries.apply_change(
                conn, row["item_id"], CHANGE_STATUS[row["kind"]], row["new_target_date"], row["new_budget_wan"]
            )
        await record(conn, who.audit("change.decided", "change_request", change_id, msgspec.to_builtins(decision)))
    return Change(**dict(decided))


def require_postponed(status: str) -> None:
    """Only a postponed (暂缓) project can resume (409 otherwise)."""
    if status != "postponed":
        raise Conflict(
            "item_not_postponed",
            "只有已暂缓的项目才能恢复实施",
            "Only a postponed project can be resumed",
            status=status,
        )


def change_needs_decision(kind: str) -> Conflict:
    """The refusal of a status that only a decided change request of this kind sets."""
    zh, en = CHANGE_NAMES[kind]
    return Conflict(
        "change_needs_decision",
        f"{zh}项目须先提出变更申请，并经决定后生效",
        f"To {en.lower()} a project, file a change request; it takes effect once decided",
        kind=kind,
    )


async def set_status(pool: asyncpg.Pool, who: Principal, item_id: int, wanted: StatusSet) -> None:
    """Only completion (or undoing it) is set directly; 调整/暂缓/终止/恢复实施 go through a decided change request."""
    if wanted.status in DECIDED_STATUSES:
        raise change_needs_decision(DECIDED_STATUSES[wanted.status])
    async with transaction(pool) as conn:
        item = await require_item(conn, item_id, for_update=True)
        if item.status == "stopped":
            # 终止 was decided; a status click must not quietly undo that decision.
            raise Conflict(
                "item_stopped",
                "项目已经决定终止，不能直接恢复或标记完成",
                "The project was stopped by a decision; it cannot be resumed or completed directly",
            )
        if item.status == "postponed":
            # So was 暂缓: it ends with a decided "resume" change, not a status click.
            raise change_needs_decision("resume")
        await queries.set_status(conn, item_id, wanted.status, today())
        await record(
            conn, who.audit("implementation.status_set", "implementation_item", item_id, {"status": wanted.status})
        )


async def item_oversight(pool: asyncpg.Pool, item_ids: list[int]) -> tuple[list[Inspection], list[Issue], list[Change]]:
    """Inspections, issues and change requests of these items."""
    async with pool.acquire() as conn:
        return await load_oversight(conn, item_ids)


async def load_oversight(
    conn: asyncpg.Connection, item_ids: list[int]
) -> tuple[list[Inspection], list[Issue], list[Change]]:
    """Inspections, issues and change requests of these items, on the caller's connection."""
    return (
        [Inspection(**dict(r)) for r in await oversight_queries.inspections(conn, item_ids)],
        [Issue(**dict(r)) for r in await oversight_queries.issues(conn, item_ids)],
        [Change(**dict(r)) for r in await oversight_queries.changes(conn, item_ids)],
    )
