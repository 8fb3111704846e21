"""Triage (初定): clerks merge suggestions into candidates, reject with a reason, or hold them."""

from __future__ import annotations

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, NotFound, not_found
from voting.programs.schedule import load_program
from voting.programs.service import append_candidate
from voting.solicit import queries
from voting.solicit.likeness import Text, rank_similar
from voting.solicit.models import Similar, Suggestion, Triage, TriageFilter, TriageResult

STATUS_OF_ACTION = {"merge": "merged", "reject": "rejected", "hold": "on_hold", "review": "under_review"}


async def list_suggestions(pool: asyncpg.Pool, program_id: int, wanted: TriageFilter) -> list[Suggestion]:
    """A program's suggestions by filters, newest first (staff: contacts included)."""
    async with pool.acquire() as conn:
        await load_program(conn, program_id)
        rows = await queries.search_suggestions(
            conn,
            program_id,
            wanted.status or None,
            wanted.category or None,
            wanted.source or None,
            wanted.place or None,
            wanted.q.strip() or None,
            wanted.phase or None,
        )
    return [Suggestion(**dict(r)) for r in rows]


async def similar_suggestions(pool: asyncpg.Pool, suggestion_id: int, limit: int = 8) -> list[Similar]:
    """Suggestions that read like this one, best first (for merging duplicates; see likeness.py)."""
    async with pool.acquire() as conn:
        rows = {r["id"]: r for r in await queries.program_texts(conn, suggestion_id)}
    if suggestion_id not in rows:
        raise not_found("意见建议", "Suggestion")
    texts = [
        Text(id=r["id"], title=r["title"], description=r["description"], category=r["category"], place=r["place"])
        for r in rows.values()
    ]
    ranked = rank_similar(texts[[t.id for t in texts].index(suggestion_id)], texts, limit)
    return [
        Similar(
            id=t.id,
            title=t.title,
            status=rows[t.id]["status"],
            candidate_id=rows[t.id]["candidate_id"],
            similarity=score,
            category=t.category,
            place=t.place,
        )
        for t, score in ranked
    ]


async def triage(pool: asyncpg.Pool, who: Principal, program_id: int, action: Triage) -> TriageResult:
    """Apply one action to many suggestions in one transaction: all of them or none."""
    ids = sorted(set(action.suggestion_ids))
    reason = action.reason.strip()
    if action.action in ("reject", "hold") and not reason:
        raise BadRequest("reason_required", "请说明不予采纳或暂缓的理由", "Give the reason (shown to the submitter)")
    async with transaction(pool) as conn:
        program = await load_program(conn, program_id, for_update=True)
        if program.list_fixed and action.action == "merge":
            raise Conflict("list_fixed", "候选项目清单已确定，不能再归并", "The candidate list is fixed")
        found = await queries.lock_suggestions(conn, program_id, ids)
        if len(found) != len(ids):
            missing = sorted(set(ids) - {r["id"] for r in found})
            raise NotFound(
                "suggestion_not_found",
                f"意见建议 {'、'.join(f'#{i}' for i in missing)} 不存在或不属于本项目计划，本次操作未执行",
                f"Suggestions {', '.join(f'#{i}' for i in missing)} are not in this program; nothing was changed",
                missing=missing,
            )
        require_changeable(found, action.action)
        candidate_id = await merge_target(conn, who, program_id, action) if action.action == "merge" else None
        status = STATUS_OF_ACTION[action.action]
        await queries.set_status(conn, ids, status, candidate_id, reason)
        await queries.insert_events(conn, ids, who.actor, status, candidate_id, reason)
        await record(
            conn,
            who.audit(
                f"suggestion.{status}",
                "program",
                program_id,
                {"suggestions": ids, "candidate_id": candidate_id, "reason": reason},
            ),
        )
    return TriageResult(changed=len(ids), candidate_id=candidate_id)


def require_changeable(found: list[asyncpg.Record], action: str) -> None:
    """Merged and rejected suggestions are decided: only "review" takes one back (409 otherwise).

    Two clerks working from the same page both see a suggestion as open; whoever comes second
    is told what happened instead of silently moving it to another candidate or overturning a
    rejection. Nothing merged into a candidate on a fixed list moves at all.
    """
    locked = [r["id"] for r in found if r["on_fixed_list"]]
    if locked:
        raise Conflict(
            "list_fixed",
            "这些意见建议已归并到已确定清单上的候选项目，须先重新开放清单",
            "These suggestions are merged into a candidate on the fixed list; reopen the list first",
            suggestions=locked,
        )
    decided = [{"id": r["id"], "status": r["status"]} for r in found if r["status"] in ("merged", "rejected")]
    if decided and action != "review":
        raise Conflict(
            "already_decided",
            f"意见建议 {'、'.join('#' + str(d['id']) for d in decided)} 已被归并或不予采纳"
            "（可能是其他工作人员刚处理），本次操作未执行；如需改变，请先将其退回“审查中”",
            f"Suggestions {', '.join('#' + str(d['id']) for d in decided)} were already merged or rejected "
            "(perhaps just now by someone else); nothing was changed. Put them back under review first",
            suggestions=decided,
        )


async def merge_target(conn: asyncpg.Connection, who: Principal, program_id: int, action: Triage) -> int:
    """The candidate to merge into: an existing one of the program, or a new draft one."""
    if (action.candidate_id is None) == (action.new_candidate is None):
        raise BadRequest(
            "merge_target", "请选择已有候选项目或新建一个", "Give either an existing candidate or a new one"
        )
    if action.candidate_id is not None:
        if not await queries.candidate_in_program(conn, action.candidate_id, program_id):
            raise not_found("候选项目", "Candidate")
        return action.candidate_id
    assert action.new_candidate is not None
    return (await append_candidate(conn, who, program_id, action.new_candidate)).id
