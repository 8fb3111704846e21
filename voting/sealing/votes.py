"""A vote's sealing key: the ceremony before it opens, and opening its sealed ballots at the count.

Opening runs inside the counting transaction (voting/votes/lifecycle.py),
which writes the plain ballots in random order and nothing about any voter;
the rebuilt key lives in that one request's memory and is dropped with it.
"""

from __future__ import annotations

import asyncio
import secrets

import asyncpg
import msgspec

from audit.queries import record
from ballots import sealing
from ballots.queries import store_plain_ballots
from tally.ballot_check import check_ballot
from tally.errors import BallotRejected
from tally.models import Mark
from voting.auth import Principal
from voting.database import transaction
from voting.errors import Conflict
from voting.sealing import queries
from voting.sealing.models import KeyCeremony, MadeCards, SealingKey
from voting.sealing.service import OpenKey, check_ceremony, rebuild_key, record_key, sealing_key
from voting.votes.models import Vote
from voting.votes.results import load_visible_vote, load_vote

_shuffler = secrets.SystemRandom()
_marks = msgspec.json.Decoder(dict[int, Mark])
UNOPENABLE = "seal_unopenable"  # 密封选票无法开启: sealed for another vote or key, or changed


def label_of(vote_id: int) -> str:
    """The label a vote's ballots and cards are bound to."""
    return f"vote:{vote_id}"


def needs_key(vote: Vote) -> bool:
    """Tablets cast in electronic and mixed votes, so those are sealed; a paper vote has no key."""
    return vote.mode != "paper"


async def make_vote_cards(pool: asyncpg.Pool, who: Principal, vote_id: int, ceremony: KeyCeremony) -> MadeCards:
    """The key ceremony of a draft vote: the cards are shown once, the key is never stored."""
    check_ceremony(ceremony)
    async with transaction(pool) as conn:
        vote = await load_vote(conn, vote_id, for_update=True)
        if vote.state != "draft":
            raise Conflict(
                "vote_not_draft",
                "开票钥匙卡须在表决开始前制作",
                "Key cards are made before the vote opens",
                state=vote.state,
            )
        if not needs_key(vote):
            raise Conflict("vote_is_paper", "纸质表决不需要开票钥匙卡", "A paper vote needs no key cards")
        return await record_key(conn, who, label_of(vote_id), ceremony, vote_id=vote_id)


async def vote_sealing_key(pool: asyncpg.Pool, vote_id: int, staff: bool) -> SealingKey:
    """The public sealing key of a vote, as visible as the vote itself."""
    async with pool.acquire() as conn:
        vote = await load_visible_vote(conn, vote_id, staff)
        row = await queries.key_of_vote(conn, vote_id)
    if row is None:
        raise Conflict(
            "key_cards_missing",
            "监票人尚未制作本次表决的开票钥匙卡",
            "The scrutineers have not made this vote's key cards",
        )
    return sealing_key(label_of(vote_id), row, sealing.ballot_plain_size([c.id for c in vote.candidates]))


async def require_key(conn: asyncpg.Connection, vote: Vote) -> None:
    """Opening a sealed vote needs its key cards made first (409 key_cards_missing)."""
    if needs_key(vote) and await queries.key_of_vote(conn, vote.id) is None:
        raise Conflict(
            "key_cards_missing",
            "监票人尚未制作本次表决的开票钥匙卡，不能开始表决（请点本表决的“开票钥匙卡”先制作）",
            "The scrutineers have not made this vote's key cards; make them on the count console first",
        )


async def sealed_count(conn: asyncpg.Connection, vote_id: int) -> int:
    """How many sealed tablet ballots wait to be opened."""
    return await queries.sealed_count(conn, vote_id)


async def await_keys(conn: asyncpg.Connection, who: Principal, vote_id: int, sealed: int) -> None:
    """End casting and wait for the cards; nothing secret is stored, so a restart here loses nothing."""
    await queries.mark_awaiting_keys(conn, vote_id)
    await record(conn, who.audit("vote.closed", "vote", vote_id, {"ballots_cast": sealed, "awaiting_keys": True}))


async def unlock(conn: asyncpg.Connection, vote_id: int, cards: list[str]) -> OpenKey:
    """The vote's key rebuilt from the presented cards (refusals name the card)."""
    return rebuild_key(label_of(vote_id), await queries.key_of_vote(conn, vote_id), cards)


def open_ballot(opener: sealing.Opener, vote: Vote, sealed: bytes) -> tuple[dict[str, str] | None, str | None]:
    """One sealed ballot opened and checked: (marks, None), or (None, why it is void)."""
    try:
        plain = opener.open(sealed)
        marks = _marks.decode(plain)
    except sealing.SealError:
        return None, UNOPENABLE
    except msgspec.DecodeError:
        return None, "unreadable"
    try:
        check_ballot(vote.rules, [c.id for c in vote.candidates], marks)
    except BallotRejected as rejected:
        # A genuine tablet never seals such a ballot: void as a whole, with the reason.
        return None, rejected.reason.value
    return {str(k): v.value for k, v in marks.items()}, None


async def open_ballots(conn: asyncpg.Connection, who: Principal, vote: Vote, key: OpenKey) -> int:
    """Open every sealed ballot, write them shuffled, audit the opening; returns how many could not be opened."""
    sealed = await queries.sealed_ballots(conn, vote.id)
    # CPU-bound (~0.1 ms a ballot): off the event loop so casts of other votes keep moving.
    opener = sealing.Opener(key.private, key.public, label_of(vote.id))
    opened = await asyncio.to_thread(lambda: [open_ballot(opener, vote, s) for s in sealed])
    _shuffler.shuffle(opened)
    await store_plain_ballots(
        conn, vote.id, [{} if marks is None else marks for marks, _ in opened], [why for _, why in opened]
    )
    void = sum(1 for _, why in opened if why is not None)
    await record(
        conn,
        who.audit(
            "vote.unsealed",
            "vote",
            vote.id,
            {"fingerprint": key.fingerprint, "cards": key.card_numbers, "opened": len(opened), "void": void},
        ),
    )
    return void
