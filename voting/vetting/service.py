"""Vetting: clerks ask departments for feasibility opinions; liaisons answer only their own."""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal, Role
from voting.database import transaction
from voting.departments.service import department_in_body, department_of
from voting.errors import BadRequest, Conflict, Forbidden, not_found
from voting.programs.models import Candidate
from voting.vetting import queries
from voting.vetting.models import (
    CandidateVetting,
    Exclusion,
    FeasibilityRequest,
    Opinion,
    OpinionVersion,
    RequestCreate,
    VettingStage,
    VisitNote,
    VisitNoteCreate,
)

OPINION_FIELDS = tuple(Opinion.__struct_fields__)


def to_request(row: asyncpg.Record) -> FeasibilityRequest:
    """A request row as the wire shape, its opinion filled in once answered."""
    fields = dict(row)
    opinion_fields = {name: fields.pop(name) for name in OPINION_FIELDS}
    opinion = msgspec.convert(opinion_fields, Opinion) if fields["answered_at"] else None
    return FeasibilityRequest(**fields, opinion=opinion)


async def require_open_candidate(conn: asyncpg.Connection, candidate_id: int) -> asyncpg.Record:
    """A candidate not on a fixed list (vetting changes what the deputies read); others may still be vetted."""
    row = await queries.candidate_with_body(conn, candidate_id)
    if row is None:
        raise not_found("候选项目", "Candidate")
    if row["on_fixed_list"]:
        raise Conflict("list_fixed", "候选项目清单已确定，须先重新开放", "The candidate list is fixed; reopen it first")
    return row


async def request_opinion(
    pool: asyncpg.Pool, who: Principal, candidate_id: int, new: RequestCreate
) -> FeasibilityRequest:
    """Send a candidate to a department of the same body for a feasibility opinion."""
    async with transaction(pool) as conn:
        candidate = await require_open_candidate(conn, candidate_id)
        if await department_in_body(conn, new.department_id, candidate["body_id"]) is None:
            raise not_found("部门", "Department")
        try:
            request_id = await queries.insert_request(conn, candidate_id, new)
        except asyncpg.UniqueViolationError as error:
            raise Conflict("already_requested", "已向该部门征求过意见", "This department was already asked") from error
        await record(
            conn,
            who.audit(
                "feasibility.requested",
                "candidate",
                candidate_id,
                {"request_id": request_id, "department_id": new.department_id, "due_on": new.due_on.isoformat()},
            ),
        )
        return to_request(await queries.request_by_id(conn, request_id))


async def my_requests(pool: asyncpg.Pool, who: Principal) -> list[FeasibilityRequest]:
    """What is assigned to the liaison's department, open ones first."""
    async with pool.acquire() as conn:
        department = await department_of(conn, who)
        return [to_request(r) for r in await queries.requests_of_department(conn, department.id)]


async def answer(pool: asyncpg.Pool, who: Principal, request_id: int, opinion: Opinion) -> FeasibilityRequest:
    """A liaison answers a request of their own department, or revises the answer until the list is fixed.

    Every answer is kept (feasibility_opinion); the request and the candidate carry the latest.
    """
    if not opinion.necessity.strip() or not opinion.feasibility.strip() or not opinion.affordability.strip():
        raise BadRequest(
            "opinion_incomplete",
            "请填写必要性、可行性和财政承受能力意见",
            "Necessity, feasibility and affordability must be filled in",
        )
    async with transaction(pool) as conn:
        department = await department_of(conn, who)
        row = await queries.request_by_id(conn, request_id, for_update=True)
        if row is None:
            raise not_found("论证请求", "Request")
        if row["department_id"] != department.id:
            raise Forbidden(
                "not_your_request", "该论证请求不是派给本部门的", "This request is not assigned to your department"
            )
        revising = row["answered_at"] is not None
        await require_open_candidate(conn, row["candidate_id"])
        try:
            await queries.store_opinion(conn, request_id, who.subject_id, opinion)
            await queries.insert_opinion_version(conn, request_id, who.subject_id, opinion)
            await queries.copy_opinion_to_candidate(conn, row["candidate_id"], opinion)
        except asyncpg.CheckViolationError as error:
            raise BadRequest("cost_negative", "投资金额不能为负数", "The cost cannot be negative") from error
        await record(
            conn,
            who.audit(
                "feasibility.revised" if revising else "feasibility.answered",
                "candidate",
                row["candidate_id"],
                {"request_id": request_id, "recommended": opinion.recommended, "cost_wan": str(opinion.cost_wan)},
            ),
        )
        return to_request(await queries.request_by_id(conn, request_id))


async def opinion_history(pool: asyncpg.Pool, who: Principal, request_id: int) -> list[OpinionVersion]:
    """Every answer to a request, oldest first: for staff, and for the liaison of its department."""
    async with pool.acquire() as conn:
        row = await queries.request_by_id(conn, request_id)
        if row is None:
            raise not_found("论证请求", "Request")
        if who.role is Role.LIAISON and row["department_id"] != (await department_of(conn, who)).id:
            raise Forbidden(
                "not_your_request", "该论证请求不是派给本部门的", "This request is not assigned to your department"
            )
        versions = await queries.opinion_versions(conn, request_id)
    return [
        OpinionVersion(
            answered_at=v["answered_at"],
            opinion=msgspec.convert({k: v[k] for k in OPINION_FIELDS}, Opinion),
        )
        for v in versions
    ]


async def flag_exclusion(pool: asyncpg.Pool, who: Principal, candidate_id: int, exclusion: Exclusion) -> None:
    """Flag a candidate under an exclusion rule (with a reason), or clear the flag."""
    reason = exclusion.reason.strip()
    if exclusion.rule is not None and not reason:
        raise BadRequest("reason_required", "请说明排除理由", "Give the reason for the exclusion")
    async with transaction(pool) as conn:
        await require_open_candidate(conn, candidate_id)
        await queries.set_exclusion(conn, candidate_id, exclusion.rule, reason if exclusion.rule else "")
        await record(
            conn,
            who.audit("candidate.exclusion", "candidate", candidate_id, {"rule": exclusion.rule, "reason": reason}),
        )


async def add_visit_note(pool: asyncpg.Pool, who: Principal, candidate_id: int, new: VisitNoteCreate) -> VisitNote:
    """A research group's visit note on a candidate."""
    if not new.group_name.strip() or not new.note.strip():
        raise BadRequest("text_empty", "请填写调研组和调研情况", "The group and the note must be filled in")
    async with transaction(pool) as conn:
        if await queries.candidate_with_body(conn, candidate_id) is None:
            raise not_found("候选项目", "Candidate")
        row = await queries.insert_note(conn, candidate_id, new)
        await record(conn, who.audit("candidate.visit_note", "candidate", candidate_id, {"note_id": row["id"]}))
    return VisitNote(**dict(row))


async def get_vetting(pool: asyncpg.Pool, program_id: int) -> list[CandidateVetting]:
    """Every candidate of a program with its vetting (program_vetting, outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await program_vetting(conn, program_id)


async def program_vetting(conn: asyncpg.Connection, program_id: int) -> list[CandidateVetting]:
    """Every candidate of a program with its requests, opinions, notes and flags."""
    requests: dict[int, list[FeasibilityRequest]] = {}
    for row in await queries.requests_of_program(conn, program_id):
        requests.setdefault(row["candidate_id"], []).append(to_request(row))
    notes: dict[int, list[VisitNote]] = {}
    for row in await queries.notes_of_program(conn, program_id):
        notes.setdefault(row["candidate_id"], []).append(VisitNote(**dict(row)))
    result = []
    for row in await queries.candidates_for_vetting(conn, program_id):
        fields = dict(row)
        rule, reason = fields.pop("exclusion_rule"), fields.pop("exclusion_reason")
        suggestions, raised_by, listed = fields.pop("suggestions"), fields.pop("raised_by"), fields.pop("listed")
        own = requests.get(row["id"], [])
        stage: VettingStage = (
            "excluded" if rule else "vetted" if any(r.opinion for r in own) else "requested" if own else "draft"
        )
        result.append(
            CandidateVetting(
                candidate=Candidate(**fields),
                stage=stage,
                exclusion_rule=rule,
                exclusion_reason=reason,
                suggestions=suggestions,
                raised_by=raised_by,
                listed=listed,
                requests=own,
                notes=notes.get(row["id"], []),
            )
        )
    return result
