"""A vote's life: create → open (quorum) → close (count) → marked announced, runoffs, withdrawing a draft."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import asyncpg
import msgspec

from audit import system_event
from audit.queries import record
from tally.ballot_check import check_sections
from tally.count import count_votes
from tally.errors import TallyError
from tally.models import Ballot, Tally, VoteRules
from tally.thresholds import has_quorum, quorum_needed
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict
from voting.live import LiveEvents
from voting.paper import closing
from voting.roster.service import count_members
from voting.sealing import votes as sealed_votes
from voting.sessions.service import require_session
from voting.votes import agenda_queries, queries
from voting.votes.models import Vote, VoteCreate, VoteKind
from voting.votes.results import load_vote

if TYPE_CHECKING:
    from voting.sealing.service import OpenKey

log = logging.getLogger(__name__)


def check_rules(rules: VoteRules, candidate_count: int) -> None:
    """Seats and list length must make a vote possible (candidates ≥ seats ≥ 1)."""
    if rules.seats < 1:
        raise BadRequest("seats_invalid", "应选项目数至少为1", "Seats must be at least 1")
    if candidate_count < rules.seats:
        raise BadRequest(
            "too_few_candidates",
            "候选项目数不得少于应选项目数",
            "There must be at least as many candidates as seats",
            candidates=candidate_count,
            seats=rules.seats,
        )
    for share in (rules.threshold, rules.quorum):
        if not 0 < share.numerator <= share.denominator:
            raise BadRequest("share_invalid", "比例设置无效", "A threshold or quorum share is invalid")


async def create_vote(
    pool: asyncpg.Pool,
    who: Principal,
    session_id: int,
    new: VoteCreate,
    runoff_of: int | None = None,
    kind: VoteKind = "resolution",
) -> Vote:
    """A draft vote on candidates of the session's program; one not from the fixed list needs a reason."""
    reason = new.reason.strip() or None
    if kind == "resolution" and reason is None:
        raise BadRequest(
            "reason_required",
            "不按候选项目清单产生的表决（如单项决议）须说明理由（字段：reason）；"
            "对项目计划的票决请在审议页按已确定的清单和票决办法创建",
            "A vote not from the fixed list (e.g. a resolution on one matter) needs a reason (field: reason); "
            "a program's vote is made from its fixed list and voting method on the deliberation page",
            field="reason",
        )
    if len(set(new.candidate_ids)) != len(new.candidate_ids):
        raise BadRequest("duplicate_candidate", "候选项目重复", "A candidate is listed twice")
    check_rules(new.rules, len(new.candidate_ids))
    try:
        check_sections(new.rules, new.candidate_ids)
    except TallyError as error:
        raise BadRequest(
            "sections_invalid",
            "选票分部设置无效（仅限选N项表决；每部分至少1项应选名额，项目须在本次表决中且不重复）",
            "Invalid ballot sections (choose-up-to-N only; seats ≥ 1; candidates on this vote, each in one section)",
        ) from error
    async with transaction(pool) as conn:
        await require_session(conn, session_id)
        await refuse_excluded(conn, new.candidate_ids)
        try:
            vote_id = await queries.insert_vote(
                conn,
                session_id,
                new.title,
                msgspec.to_builtins(new.rules),
                new.candidate_ids,
                runoff_of,
                new.mode,
                kind,
                reason,
            )
        except LookupError as error:
            raise BadRequest(
                "unknown_candidate",
                "候选项目不属于本次会议的项目计划",
                "A candidate is not in this session's program",
            ) from error
        except asyncpg.UniqueViolationError as error:
            raise Conflict("runoff_exists", "已发起再次投票", "A runoff was already started") from error
        await record(
            conn,
            who.audit(
                "vote.created",
                "vote",
                vote_id,
                {
                    "title": new.title,
                    "candidates": new.candidate_ids,
                    "rules": msgspec.to_builtins(new.rules),
                    "mode": new.mode,
                    "runoff_of": runoff_of,
                    "kind": kind,
                    "reason": reason,
                },
            ),
        )
        return await load_vote(conn, vote_id)


async def refuse_excluded(conn: asyncpg.Connection, candidate_ids: list[int]) -> None:
    """No vote of any kind puts a candidate excluded by rule (排除) on its ballot (409 naming it)."""
    excluded = await agenda_queries.excluded_candidates(conn, candidate_ids)
    if excluded:
        raise Conflict(
            "candidate_excluded",
            f"「{excluded[0]['name']}」已按排除规则标记，不能列入表决",
            "A candidate excluded by rule cannot be put to a vote",
            candidate_id=excluded[0]["id"],
        )


async def open_in_session(conn: asyncpg.Connection, vote_id: int, total: int) -> None:
    """Draft → open with 应到 fixed; refused while another vote of the session is open (a real or a practice one)."""
    try:
        await queries.mark_open(conn, vote_id, total)
    except asyncpg.UniqueViolationError as error:
        raise Conflict(
            "another_vote_open", "本次会议已有正在进行的表决", "Another vote of this session is open"
        ) from error


async def open_vote(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int) -> Vote:
    """Open voting, only with a quorum present."""
    async with transaction(pool) as conn:
        vote = await load_vote(conn, vote_id, for_update=True)
        refuse_withdrawn(vote)
        if vote.state != "draft":
            raise Conflict("vote_not_draft", "该表决已开始或已结束", "This vote was already opened")
        session = await require_session(conn, vote.session_id)
        total = await count_members(conn, session.body_id)
        present = await queries.present_count(conn, vote.session_id)
        needed = quorum_needed(total, vote.rules.quorum)
        if not has_quorum(present, total, vote.rules.quorum):
            raise Conflict(
                "no_quorum",
                f"出席代表{present}人，未达到法定人数{needed}人，不能开始表决",
                f"{present} deputies present, fewer than the quorum of {needed}: the vote cannot open",
                present=present,
                needed=needed,
                total=total,
            )
        await sealed_votes.require_key(conn, vote)
        await open_in_session(conn, vote_id, total)
        await record(
            conn,
            who.audit("vote.opened", "vote", vote_id, {"present": present, "total": total}),
        )
        vote = await load_vote(conn, vote_id)
    live.publish(vote.session_id, "vote_opened", {"vote_id": vote_id})
    return vote


def refuse_withdrawn(vote: Vote) -> None:
    """A withdrawn vote is over before it began: nothing more is done with it (409)."""
    if vote.state == "withdrawn":
        raise Conflict("vote_withdrawn", "该表决已撤回", "This vote was withdrawn", state=vote.state)


async def withdraw_vote(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int, reason: str) -> Vote:
    """Take back a draft vote with a recorded reason; it is never opened and never public."""
    reason = reason.strip()
    if not reason:
        raise BadRequest("reason_required", "撤回表决须说明理由", "Withdrawing a vote needs a reason")
    async with transaction(pool) as conn:
        # FOR UPDATE: an open_vote at the same moment either opened first (refused here) or sees it withdrawn.
        vote = await load_vote(conn, vote_id, for_update=True)
        refuse_withdrawn(vote)
        if vote.state != "draft":
            raise Conflict(
                "vote_not_draft",
                "只能撤回尚未开始的表决；该表决已开始或已结束",
                "Only a draft vote can be withdrawn; this one was already opened",
                state=vote.state,
            )
        await queries.mark_withdrawn(conn, vote_id)
        await record(conn, who.audit("vote.withdrawn", "vote", vote_id, {"reason": reason}))
        vote = await load_vote(conn, vote_id)
    live.publish(vote.session_id, "vote_withdrawn", {"vote_id": vote_id})
    return vote


async def close_vote(
    pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int, cards: list[str] | None = None
) -> Tally | None:
    """Stop voting; count now if nothing is sealed or the key cards came along, else wait for them (None)."""
    async with transaction(pool) as conn:
        # FOR UPDATE waits for casts in flight (they hold FOR SHARE): every
        # acknowledged ballot is counted, none arrives after.
        vote = await load_vote(conn, vote_id, for_update=True)
        if vote.state != "open":
            raise Conflict("vote_not_open", "该表决未在进行中", "This vote is not open", state=vote.state)
        if vote.kind == "practice":
            raise Conflict(
                "practice_vote", "试表决不计票，请用“结束试表决”", "A practice vote is not counted: end it instead"
            )
        sealed = await sealed_votes.sealed_count(conn, vote_id)
        if sealed and not cards:
            await sealed_votes.await_keys(conn, who, vote_id, sealed)
            tally = None
        else:
            key = await sealed_votes.unlock(conn, vote_id, cards) if sealed and cards else None
            await record(conn, who.audit("vote.closed", "vote", vote_id, {"ballots_cast": sealed}))
            tally = await count_vote(conn, who, vote, key)
    live.publish(vote.session_id, "vote_closed" if tally else "vote_awaiting_keys", {"vote_id": vote_id})
    return tally


async def open_count(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int, cards: list[str]) -> Tally:
    """The scrutineers' step: their key cards open the sealed ballots and the vote is counted."""
    async with transaction(pool) as conn:
        vote = await load_vote(conn, vote_id, for_update=True)
        if vote.state != "awaiting_keys":
            raise Conflict(
                "vote_not_awaiting_keys",
                "该表决不在等待监票人开启计票的状态",
                "This vote is not waiting for the scrutineers' key cards",
                state=vote.state,
            )
        key = await sealed_votes.unlock(conn, vote_id, cards)
        tally = await count_vote(conn, who, vote, key)
    live.publish(vote.session_id, "vote_closed", {"vote_id": vote_id})
    return tally


async def ballots_of(conn: asyncpg.Connection, vote_id: int) -> list[Ballot]:
    """The vote's plain ballots as stored now (paper ones, and tablet ones once opened)."""
    return [
        msgspec.convert({"marks": r["marks"], "void_reason": r["void_reason"]}, Ballot, str_keys=True)
        for r in await queries.ballot_marks(conn, vote_id)
    ]


def count_ballots(vote: Vote, ballots: list[Ballot], present: int) -> Tally:
    """tally.count_votes on these ballots, its contradictions as a 409 (the tablet count's and the paper count's)."""
    try:
        return count_votes(
            vote.rules,
            [c.id for c in vote.candidates],
            ballots,
            deputies_total=vote.deputies_total or 0,
            deputies_present=present,
        )
    except TallyError as error:
        raise Conflict(
            "count_inconsistent",
            "计票数据前后矛盾（选票多于出席人数，或出席人数超过应到人数），不能计票；请核对签到和选票",
            "The count's numbers contradict each other (more ballots than deputies present, or more present "
            "than members); it cannot be counted: check attendance and the ballots",
            reason=str(error),
        ) from error


async def count_vote(conn: asyncpg.Connection, who: Principal, vote: Vote, key: OpenKey | None) -> Tally:
    """Open the sealed ballots (given the key), add the paper ones, count and store the tally (caller's transaction)."""
    vote_id = vote.id
    # A deputy who voted and then left still counts as present for this vote.
    present = await queries.present_or_voted(conn, vote.session_id, vote_id)
    # Paper and mixed votes: the signed-off paper ballots join the tablet ones here. The chief
    # scrutineer signed off the paper ballots while the tablet ones were still sealed, so the
    # report is checked against the paper ballots alone, before the sealed ones are opened.
    paper = await closing.add_signed_paper_ballots(conn, vote_id)
    if paper is not None:
        closing.check_matches_report(paper, count_ballots(vote, await ballots_of(conn, vote_id), present))
    if key is not None:
        await sealed_votes.open_ballots(conn, who, vote, key)
    tally = count_ballots(vote, await ballots_of(conn, vote_id), present)
    issued = await queries.count_issued(conn, vote_id) if paper is None else paper.expected_cast
    if issued != tally.ballots_cast:
        # Cannot happen while issued and sealed rows are written together; refuse loudly.
        raise Conflict("count_mismatch", "领票人数与票数不符", "Ballots issued differ from ballots stored")
    await queries.mark_closed(conn, vote_id, msgspec.to_builtins(tally))
    await record(
        conn,
        system_event("vote.tallied", "vote", vote_id, msgspec.to_builtins(tally)),
    )
    return tally


async def mark_announced(conn: asyncpg.Connection, vote_id: int) -> Vote:
    """Lock a closed vote and mark it announced (voting.announcement does the rest in the same transaction)."""
    vote = await load_vote(conn, vote_id, for_update=True)
    if vote.state != "closed":
        raise Conflict(
            "vote_not_closed",
            "只能宣布已结束计票的表决",
            "Only a closed vote can be announced",
            state=vote.state,
        )
    await queries.mark_announced(conn, vote_id)
    return vote


async def start_runoff(pool: asyncpg.Pool, who: Principal, vote_id: int) -> Vote:
    """A draft runoff (再次投票) among the candidates tied at the cut line, for the seats left."""
    async with pool.acquire() as conn:
        vote = await load_vote(conn, vote_id)
        stored = await queries.tally_of(conn, vote_id)
    if stored is None:
        raise Conflict("vote_not_closed", "表决尚未计票", "The vote has not been counted")
    tally = msgspec.convert(stored, Tally)
    if tally.runoff is None:
        raise Conflict("no_runoff_needed", "本次表决无需再次投票", "This vote needs no runoff")
    if vote.runoff_not_held is not None:
        raise Conflict(
            "runoff_declined",
            "已记录不举行再次投票，不能再发起",
            "Not holding the runoff was recorded; it cannot be started",
        )
    rules = msgspec.structs.replace(vote.rules, seats=tally.runoff.seats)
    # A runoff belongs to the same agenda item: same kind, and a resolution's reason carries over.
    new = VoteCreate(
        title=f"{vote.title}（再次投票）",
        candidate_ids=tally.runoff.candidate_ids,
        rules=rules,
        mode=vote.mode,
        reason=vote.reason or "",
    )
    return await create_vote(pool, who, vote.session_id, new, runoff_of=vote_id, kind=vote.kind)
