"""Reading votes back: a vote as each caller may see it, a session's votes, turnout and the counted result."""

from __future__ import annotations

import asyncpg
import msgspec

from tally.models import Tally, VoteRules
from voting.errors import Conflict, not_found
from voting.paper.closing import ballots_in
from voting.programs.models import Candidate
from voting.roster.service import count_members
from voting.sessions.models import Session
from voting.sessions.service import require_session
from voting.votes import queries
from voting.votes.agenda import final_of
from voting.votes.models import Result, Turnout, Vote

# States only the staff see: a draft is their own business, and a withdrawn draft never happened for anyone else.
STAFF_ONLY_STATES = ("draft", "withdrawn")


async def load_vote(conn: asyncpg.Connection, vote_id: int, for_update: bool = False) -> Vote:
    """The vote with its candidates, or a 404."""
    row = await queries.vote_by_id(conn, vote_id, for_update)
    if row is None:
        raise not_found("表决", "Vote")
    candidates = [Candidate(**dict(r)) for r in await queries.vote_candidates(conn, vote_id)]
    fields = dict(row)
    fields["rules"] = msgspec.convert(fields["rules"], VoteRules)
    return Vote(candidates=candidates, **fields)


async def load_visible_vote(conn: asyncpg.Connection, vote_id: int, staff: bool) -> Vote:
    """The vote as this caller may see it: drafts and withdrawn drafts are 404 to the public."""
    vote = await load_vote(conn, vote_id)
    if (vote.state in STAFF_ONLY_STATES or vote.kind == "practice") and not staff:
        raise not_found("表决", "Vote")  # a practice vote is never published outside the hall
    return vote


async def get_vote(pool: asyncpg.Pool, vote_id: int) -> Vote:
    """One vote as the staff see it, or a 404 (for reading it outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await load_vote(conn, vote_id)


async def vote_and_session(pool: asyncpg.Pool, vote_id: int, public: bool) -> tuple[Vote, Session]:
    """A vote with its session: as the public may see it (load_visible_vote), or as the staff do."""
    async with pool.acquire() as conn:
        vote = await load_visible_vote(conn, vote_id, staff=False) if public else await load_vote(conn, vote_id)
        return vote, await require_session(conn, vote.session_id)


async def load_result(conn: asyncpg.Connection, vote_id: int) -> Result:
    """A counted vote's definition, tally and runoff link."""
    vote = await load_vote(conn, vote_id)
    stored = await queries.tally_of(conn, vote_id)
    if stored is None:
        raise Conflict("vote_not_closed", "表决尚未计票", "The vote has not been counted")
    final = await final_of(conn, vote_id)
    first_id = vote_id if final is None else final.rounds[0].vote_id
    first = vote if first_id == vote_id else await load_vote(conn, first_id)
    return Result(
        vote=vote,
        tally=msgspec.convert(stored, Tally),
        runoff_vote_id=await queries.runoff_of(conn, vote_id),
        final=final,
        names={c.id: c.name for c in first.candidates},
    )


async def result(pool: asyncpg.Pool, vote_id: int, public: bool) -> Result:
    """The result: staff see it after close, the public only after announcement."""
    async with pool.acquire() as conn:
        vote = await load_vote(conn, vote_id)
        if vote.state in ("draft", "open", "withdrawn") or (public and vote.state != "announced"):
            raise Conflict(
                "result_not_public", "表决结果尚未宣布", "The result has not been announced", state=vote.state
            )
        return await load_result(conn, vote_id)


async def turnout(pool: asyncpg.Pool, vote_id: int) -> Turnout:
    """已投 / 出席 / 应到 — never any partial result."""
    async with pool.acquire() as conn:
        vote = await load_vote(conn, vote_id)
        session = await require_session(conn, vote.session_id)
        total = vote.deputies_total or await count_members(conn, session.body_id)
        # A paper ballot counts once it is in the box, whether or not a named deputy took it.
        paper = None if vote.mode == "electronic" else await ballots_in(conn, vote_id)
        return Turnout(
            vote_id=vote_id,
            session_id=vote.session_id,
            state=vote.state,
            cast=paper.cast if paper else await queries.count_issued(conn, vote_id),
            present=await queries.present_count(conn, vote.session_id),
            total=total,
            paper_returned=paper.paper_returned if paper else None,
        )


async def session_votes(pool: asyncpg.Pool, session_id: int) -> list[Vote]:
    """A session's votes."""
    async with pool.acquire() as conn:
        await require_session(conn, session_id)
        return [await load_vote(conn, r["id"]) for r in await queries.votes_of_session(conn, session_id)]


async def count_present(conn: asyncpg.Connection, session_id: int) -> int:
    """出席: deputies checked in to the session now."""
    return await queries.present_count(conn, session_id)


async def count_present_for(conn: asyncpg.Connection, vote: Vote) -> int:
    """出席 for the vote's count: checked in now, or took a ballot in this vote (and left since)."""
    return await queries.present_or_voted(conn, vote.session_id, vote.id)


async def visible_vote(pool: asyncpg.Pool, vote_id: int, staff: bool) -> Vote:
    """The vote as this caller may see it (load_visible_vote: drafts and withdrawn ones for staff only)."""
    async with pool.acquire() as conn:
        return await load_visible_vote(conn, vote_id, staff)
