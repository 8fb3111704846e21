"""Casting a ballot: check the sealed ballot's shape against the vote, then hand it to the batcher."""

from __future__ import annotations

import asyncio
import base64
import binascii

import asyncpg
import msgspec

from ballots import queries, sealing
from ballots.batcher import RESENT, CastBatcher, PendingCast
from ballots.errors import CastRefused
from ballots.models import CastBallot, CastReceipt
from ballots.receipts import submission_digest
from tally.models import VoteRules


class VoteDefinition(msgspec.Struct, frozen=True):
    """What a ballot is checked against; a vote's definition never changes after creation."""

    session_id: int
    rules: VoteRules
    candidate_ids: list[int]
    mode: str = "electronic"  # electronic / paper / mixed
    public_key: bytes | None = None  # the sealing key, made before the vote opens

    @property
    def sealed_size(self) -> int:
        """The one length every sealed ballot of this vote has."""
        return sealing.sealed_size(sealing.ballot_plain_size(self.candidate_ids))


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
            definition = await asyncio.shield(found)
            if definition.public_key is None and self.known.get(vote_id) is found:
                del self.known[vote_id]  # a draft's key is made before it opens: read it again then
            return definition
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
            public_key=None if row["public_key"] is None else bytes(row["public_key"]),
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
    sealed = check_sealed(definition, ballot.sealed)
    tracker = sealing.tracker(sealed)
    outcome = await batcher.submit(
        PendingCast(
            vote_id=vote_id,
            deputy_id=deputy_id,
            login_id=login_id,
            # A resend is the same cast id with the same sealed bytes; nothing stored pairs the two.
            submission=submission_digest(vote_id, f"{ballot.cast_id}:{tracker}"),
            receipt_hash=bytes.fromhex(tracker),
            sealed=sealed,
        )
    )
    if isinstance(outcome, CastRefused):
        raise outcome
    return CastReceipt(
        vote_id=vote_id, receipt=sealing.receipt_code(tracker), tracker=tracker, resent=outcome == RESENT
    )


def check_sealed(definition: VoteDefinition, text: str) -> bytes:
    """The sealed ballot's bytes if their shape fits this vote (its content is unreadable until the count)."""
    if definition.public_key is None:
        raise CastRefused(409, "vote_not_open", "该表决未在进行中", "This vote is not open")
    try:
        sealed = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise CastRefused(400, "sealed_malformed", "加密选票格式不正确", "The sealed ballot is malformed") from error
    if len(sealed) != definition.sealed_size:
        raise CastRefused(
            400,
            "sealed_malformed",
            "加密选票长度不符合本次表决",
            "The sealed ballot's length does not fit this vote",
            expected=definition.sealed_size,
        )
    if not sealing.key_tag_matches(sealed, definition.public_key):
        raise CastRefused(
            400,
            "sealed_for_another_vote",
            "这张选票不是用本次表决的密钥加密的，请刷新页面后重新填写",
            "This ballot was not sealed with this vote's key; reload the page and fill it in again",
        )
    return sealed
