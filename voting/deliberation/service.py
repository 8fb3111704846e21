"""Ordering, the voting method, fixing and reopening the list, and the live vote made from it."""

from __future__ import annotations

import math

import asyncpg
import msgspec

from audit.queries import record
from tally.models import VoteRules
from voting.auth import Principal
from voting.database import transaction
from voting.deliberation import queries
from voting.deliberation.models import CandidateList, ListDecision, ListOrder, LiveVoteCreate, Reopen, VotingMethod
from voting.errors import BadRequest, Conflict, not_found
from voting.programs.models import Candidate
from voting.votes import lifecycle as votes
from voting.votes.models import Vote, VoteCreate
from voting.votes.results import load_vote


def candidates_needed(method: VotingMethod) -> int:
    """The fewest candidates the margin allows: ⌈seats × ratio⌉, and never fewer than the seats."""
    return max(method.seats, math.ceil(method.seats * method.margin_ratio))


async def load_list(conn: asyncpg.Connection, program_id: int, for_update: bool = False) -> CandidateList:
    """The program's list, method and decisions, or a 404."""
    row = await queries.list_state(conn, program_id, for_update)
    if row is None:
        raise not_found("项目计划", "Program")
    method = msgspec.convert(row["method"], VotingMethod) if row["method"] else None
    return CandidateList(
        program_id=program_id,
        fixed=row["list_fixed_at"] is not None,
        fixed_at=row["list_fixed_at"],
        method=method,
        needed=candidates_needed(method) if method else None,
        entries=[Candidate(**dict(r)) for r in await queries.listed(conn, program_id)],
        decisions=[ListDecision(**dict(r)) for r in await queries.decisions(conn, program_id)],
    )


async def require_unfixed(conn: asyncpg.Connection, program_id: int) -> CandidateList:
    """The list, locked, if it may still change; else a 409."""
    current = await load_list(conn, program_id, for_update=True)
    if current.fixed:
        raise Conflict(
            "list_fixed", "候选项目清单已确定，须先说明理由重新开放", "The list is fixed; reopen it with a reason"
        )
    return current


async def get_list(pool: asyncpg.Pool, program_id: int, staff: bool) -> CandidateList:
    """The list; the public sees entries only once the list is fixed, staff also the vote made from it."""
    async with pool.acquire() as conn:
        current = await load_list(conn, program_id)
        made = await queries.votes_on_list(conn, program_id, lock=False) if staff else {}
    if not staff and not current.fixed:
        current.entries = []
    current.vote_id = min(made) if made else None  # a draft vote is staff's business
    return current


async def order_list(pool: asyncpg.Pool, who: Principal, program_id: int, order: ListOrder) -> CandidateList:
    """Put vetted, not excluded candidates of the program on the list in this order."""
    ids = order.candidate_ids
    if len(set(ids)) != len(ids):
        raise BadRequest("duplicate_candidate", "候选项目重复", "A candidate is listed twice")
    async with transaction(pool) as conn:
        await require_unfixed(conn, program_id)
        found = await queries.eligibility(conn, program_id, ids)
        if len(found) != len(ids):
            raise BadRequest("unknown_candidate", "候选项目不属于本项目计划", "A candidate is not in this program")
        require_eligible(found)
        await queries.replace_list(conn, program_id, ids)
        await record(conn, who.audit("list.ordered", "program", program_id, {"candidates": ids}))
        return await load_list(conn, program_id)


def require_eligible(found: list[asyncpg.Record]) -> None:
    """Only vetted, not excluded candidates go on the list (409 naming the first that is not)."""
    for row in found:
        if row["excluded"]:
            raise Conflict(
                "candidate_excluded",
                f"「{row['name']}」已按排除规则标记，不能列入清单",
                "An excluded candidate cannot be listed",
                candidate_id=row["id"],
            )
        if not row["vetted"]:
            raise Conflict(
                "candidate_not_vetted",
                f"「{row['name']}」尚无部门论证意见，不能列入清单",
                "A candidate without a feasibility opinion cannot be listed",
                candidate_id=row["id"],
            )


async def adopt_method(pool: asyncpg.Pool, who: Principal, program_id: int, method: VotingMethod) -> CandidateList:
    """Adopt the voting method (票决办法) while the list is open."""
    if not 1 <= method.margin_ratio <= 5:
        raise BadRequest("margin_invalid", "差额比例须在1到5之间", "The margin ratio must be between 1 and 5")
    for share in (method.threshold, method.quorum):
        if not 0 < share.numerator <= share.denominator:
            raise BadRequest("share_invalid", "比例设置无效", "A threshold or quorum share is invalid")
    async with transaction(pool) as conn:
        await require_unfixed(conn, program_id)
        stored = msgspec.to_builtins(method)
        await queries.set_method(conn, program_id, stored)
        await record(conn, who.audit("list.method", "program", program_id, stored))
        return await load_list(conn, program_id)


async def fix_list(pool: asyncpg.Pool, who: Principal, program_id: int) -> CandidateList:
    """Lock the list, once the method is adopted and the margin is met."""
    async with transaction(pool) as conn:
        current = await require_unfixed(conn, program_id)
        if current.method is None or current.needed is None:
            raise Conflict("method_missing", "尚未通过票决办法", "Adopt the voting method first")
        if len(current.entries) < current.needed:
            raise Conflict(
                "too_few_candidates",
                f"应选{current.method.seats}项、差额比例{current.method.margin_ratio}，"
                f"候选项目至少{current.needed}项，现仅{len(current.entries)}项",
                f"{current.method.seats} seats at a margin of {current.method.margin_ratio} need at least "
                f"{current.needed} candidates; the list has {len(current.entries)}",
                needed=current.needed,
                listed=len(current.entries),
            )
        # Listed while eligible, but a candidate may have been excluded since (that is allowed
        # while the list is open): a fixed list holds only vetted, not excluded candidates.
        require_eligible(await queries.eligibility(conn, program_id, [c.id for c in current.entries]))
        await queries.set_fixed(conn, program_id, True)
        await record(
            conn,
            who.audit(
                "list.fixed",
                "program",
                program_id,
                {"candidates": [c.id for c in current.entries], "method": msgspec.to_builtins(current.method)},
            ),
        )
        return await load_list(conn, program_id)


async def reopen_list(pool: asyncpg.Pool, who: Principal, program_id: int, reopen: Reopen) -> CandidateList:
    """Unlock a fixed list with a recorded reason, unless a live vote was made from it (draft or begun).

    A withdrawn draft does not hold the list: withdrawing it is how the presidium gets the list back.
    """
    reason = reopen.reason.strip()
    if not reason:
        raise BadRequest("reason_required", "重新开放清单须说明理由", "Reopening the list needs a reason")
    async with transaction(pool) as conn:
        current = await load_list(conn, program_id, for_update=True)
        if not current.fixed:
            raise Conflict("list_not_fixed", "候选项目清单尚未确定", "The list is not fixed")
        votes_made = await queries.votes_on_list(conn, program_id)
        if any(state != "draft" for state in votes_made.values()):
            raise Conflict("vote_started", "表决已开始，清单不能再开放", "The vote on this list has begun")
        if votes_made:
            # A draft vote holds the list as it was: reopened and changed, the hall would vote on a stale list.
            raise Conflict(
                "vote_created",
                "已根据本清单创建表决，清单不能再开放；如需修改清单，请先在会议控制台撤回该表决",
                "A vote was already created from this list; withdraw that draft vote in the session console first",
                votes=list(votes_made),
            )
        await queries.set_fixed(conn, program_id, False)
        await record(conn, who.audit("list.reopened", "program", program_id, {"reason": reason}))
        return await load_list(conn, program_id)


async def live_vote_of_list(pool: asyncpg.Pool, program_id: int) -> Vote | None:
    """The live vote made from the program's list, if any (vote_made_from_list, outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await vote_made_from_list(conn, program_id)


async def vote_made_from_list(conn: asyncpg.Connection, program_id: int) -> Vote | None:
    """The live (not withdrawn) vote made from the program's list, if any (its runoffs come later)."""
    made = await queries.votes_on_list(conn, program_id, lock=False)
    return await load_vote(conn, min(made)) if made else None


async def create_live_vote(pool: asyncpg.Pool, who: Principal, program_id: int, new: LiveVoteCreate) -> Vote:
    """The session's draft vote on the fixed list, in list order, with the adopted method; one per list.

    The program row stays locked while the vote is made (on another connection), so a second
    click or a second clerk waits and is then told the vote exists, and reopening waits too.
    """
    async with transaction(pool) as conn:
        current = await load_list(conn, program_id, for_update=True)
        session_program = await queries.session_program(conn, new.session_id)
        if not current.fixed or current.method is None:
            raise Conflict("list_not_fixed", "候选项目清单尚未确定", "The candidate list is not fixed yet")
        if session_program != program_id:
            raise BadRequest(
                "session_other_program", "该会议不表决本项目计划", "That session does not vote on this program"
            )
        made = await queries.votes_on_list(conn, program_id)
        if made:
            raise Conflict(
                "vote_created",
                f"已根据本清单创建表决（#{min(made)}），不再重复创建",
                f"A vote was already created from this list (#{min(made)})",
                votes=list(made),
            )
        method = current.method
        rules = VoteRules(
            seats=method.seats,
            form=method.form,
            threshold_base=method.threshold_base,
            threshold=method.threshold,
            quorum=method.quorum,
        )
        candidate_ids = [c.id for c in current.entries]
        return await votes.create_vote(
            pool,
            who,
            new.session_id,
            VoteCreate(title=method.title, candidate_ids=candidate_ids, rules=rules, mode=new.mode),
            kind="list",
        )
