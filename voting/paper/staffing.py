"""Who counts: the caller's assignments, the accounts that can be assigned, declared conflicts, the chief."""

from __future__ import annotations

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, Forbidden
from voting.paper import queries
from voting.paper.models import Assignment, ChiefTransfer, ConflictDeclare, CountingStaffUser, PaperCount
from voting.paper.service import counted_vote, load_paper_count, paper_vote


async def my_assignments(pool: asyncpg.Pool, who: Principal) -> list[Assignment]:
    """The votes the caller is assigned to count (teller or scrutineer)."""
    async with pool.acquire() as conn:
        return [Assignment(**dict(r)) for r in await queries.assignments_of(conn, who.subject_id)]


async def counts_vote(pool: asyncpg.Pool, who: Principal, vote_id: int) -> bool:
    """Whether the caller is assigned to count this vote."""
    async with pool.acquire() as conn:
        return await queries.counter_of(conn, vote_id, who.subject_id) is not None


async def counting_staff(pool: asyncpg.Pool, body_id: int | None) -> list[CountingStaffUser]:
    """Teller and scrutineer accounts of the body that the presiding officer can assign."""
    async with pool.acquire() as conn:
        return [CountingStaffUser(**dict(r)) for r in await queries.counting_staff(conn, body_id)]


async def declare_conflict(pool: asyncpg.Pool, who: Principal, vote_id: int, data: ConflictDeclare) -> PaperCount:
    """An assigned teller or scrutineer declares a conflict with a candidate; recorded, audited, never withdrawn."""
    async with transaction(pool) as conn:
        vote = await paper_vote(conn, vote_id, ("draft", "open", "closed"))
        if await queries.counter_of(conn, vote_id, who.subject_id) is None:
            raise Forbidden(
                "not_assigned",
                "只有本表决的计票人、监票人可以申报",
                "Only this vote's tellers and scrutineers may declare",
            )
        if data.candidate_id not in {c.id for c in vote.candidates}:
            raise BadRequest("unknown_candidate", "该项目不在本次表决中", "This candidate is not on this vote")
        if not await queries.insert_conflict(conn, vote_id, who.subject_id, data.candidate_id, data.reason):
            raise Conflict("conflict_declared", "已申报过与该项目的利益冲突", "This conflict is already declared")
        detail = {"staff_user_id": who.subject_id, "candidate_id": data.candidate_id, "reason": data.reason}
        await record(conn, who.audit("paper.conflict_declared", "vote", vote_id, detail))
        return await load_paper_count(conn, vote_id)


async def transfer_chief(pool: asyncpg.Pool, who: Principal, vote_id: int, data: ChiefTransfer) -> PaperCount:
    """The presiding officer makes another assigned scrutineer, with no declared conflict, the chief."""
    async with transaction(pool) as conn:
        await counted_vote(conn, vote_id, ("draft", "open"))  # a tablet vote's chief holds card 1
        if await queries.conflicted_candidates(conn, vote_id, data.staff_user_id):
            raise Conflict(
                "chief_conflicted",
                "该监票人已申报利益冲突，不能担任总监票人",
                "This scrutineer declared a conflict of interest and cannot be the chief",
            )
        if not await queries.transfer_chief(conn, vote_id, data.staff_user_id):
            raise BadRequest(
                "not_a_scrutineer", "只能由本表决的监票人担任总监票人", "Only a scrutineer of this vote can be chief"
            )
        await record(conn, who.audit("paper.chief_assigned", "vote", vote_id, {"staff_user_id": data.staff_user_id}))
        return await load_paper_count(conn, vote_id)
