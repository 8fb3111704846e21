"""Casting a ballot: check it against the vote's rules, then hand it to the batcher."""

from __future__ import annotations

import asyncio

import asyncpg
import msgspec

from ballots import queries
from ballots.batcher import RESENT, CastBatcher, PendingCast
from ballots.errors import CastRefused
from ballots.models import CastBallot, CastReceipt
from ballots.receipts import receipt_code, receipt_hash, submission_digest
from tally.ballot_check import check_ballot
from tally.errors import BallotRejected
from tally.models import VoteRules

REJECTIONS = {
    "unknown_candidate": ("选票含有不在本次表决中的项目", "The ballot marks a candidate not on this vote"),
    "overmarked": ("所选项目超过应选数，请减少后再提交", "More candidates marked than seats; unmark some"),
    "mark_not_allowed": ("此表决方式不接受该标记", "This ballot form does not take that mark"),
}


class VoteDefinition(msgspec.Struct, frozen=True):
    """What a ballot is checked against; a vote's definition never changes after creation."""

    session_id: int
    rules: VoteRules
    candidate_ids: list[int]
    mode: str = "electronic"  # electronic / paper / mixed


class VoteDefinitions:
    """A per-process cache of vote definitions (votes are immutable once created)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool
        # Futures, not values: when a vote opens, thousands of tablets ask at
        # once and must share one database read.
        self.known: dict[int, asyncio.Future[VoteDefinition]] = {}

    async def get(self, vote_id: int) -> VoteDefinition:
        """The definition, loaded once per process."""
        found = self.known.get(vote_id)
        if found is None:
            found = self.known[vote_id] = asyncio.ensure_future(self.load(vote_id))
        try:
            return await asyncio.shield(found)
        except Exception:
            # Never keep a failure: an unknown vote may be created later, and a
            # database hiccup at the moment a vote opens must not block it for good.
            if self.known.get(vote_id) is found:
                del self.known[vote_id]
            raise

    async def load(self, vote_id: int) -> VoteDefinition:
        """Read one definition from the database."""
        async with self.pool.acquire() as conn:
            row = await queries.vote_definition(conn, vote_id)
        if row is None:
            raise CastRefused(404, "not_found", "表决不存在", "Vote not found")
        return VoteDefinition(
            session_id=row["session_id"],
            rules=msgspec.convert(row["rules"], VoteRules),
            candidate_ids=list(row["candidate_ids"]),
            mode=str(row["mode"]),
        )


async def cast_ballot(
    batcher: CastBatcher,
    definitions: VoteDefinitions,
    *,
    vote_id: int,
    deputy_id: int,
    session_id: int | None,
    login_id: str | None,
    ballot: CastBallot,
) -> CastReceipt:
    """Take one deputy's ballot; returns the receipt once the ballot is durable."""
    definition = await definitions.get(vote_id)
    if session_id != definition.session_id or login_id is None:
        raise CastRefused(
            403,
            "wrong_session",
            "此平板未登录到该表决所在的会议",
            "This tablet is not logged in to this vote's session",
        )
    if definition.mode == "paper":
        raise CastRefused(
            409,
            "vote_is_paper",
            "本次表决使用纸质选票，不能用平板投票",
            "This vote uses paper ballots; tablets cannot vote in it",
        )
    try:
        check_ballot(definition.rules, definition.candidate_ids, ballot.marks)
    except BallotRejected as rejected:
        zh, en = REJECTIONS[rejected.reason.value]
        raise CastRefused(400, f"ballot_{rejected.reason.value}", zh, en) from rejected
    code = receipt_code(vote_id, ballot.cast_id)
    outcome = await batcher.submit(
        PendingCast(
            vote_id=vote_id,
            deputy_id=deputy_id,
            login_id=login_id,
            submission=submission_digest(vote_id, ballot.cast_id),
            receipt_hash=receipt_hash(vote_id, code),
            marks={str(k): v.value for k, v in ballot.marks.items()},
        )
    )
    if isinstance(outcome, CastRefused):
        raise outcome
    return CastReceipt(vote_id=vote_id, receipt=code, resent=outcome == RESENT)
