"""The key ceremony, the public sealing key, and rebuilding the key from the scrutineers' cards.

A key is made for a vote before it opens (a rating round likewise): the
private half lives only inside `make_key` and the cards returned once; the
database keeps the public key, its fingerprint and one commitment per card,
and the audit chain records them. At the count, `rebuild_key` turns k cards
back into the private key for the one request that opens the ballots.
"""

from __future__ import annotations

import base64

import asyncpg
import msgspec

from audit.queries import record
from ballots.key_cards import CardRefused, MadeKey, make_key, read_cards
from voting.auth import Principal
from voting.errors import BadRequest, Conflict, PiaojueError, not_found
from voting.sealing import queries
from voting.sealing.models import HeldCard, KeyCeremony, MadeCards, SealingKey


class OpenKey(msgspec.Struct, frozen=True):
    """A rebuilt key, held for one count: the private and public halves and the cards used."""

    private: bytes
    public: bytes
    fingerprint: str
    card_numbers: list[int]


# What a key-card page shows of a key: never the public half or the commitments.
KEY_SHOWN = ("fingerprint", "threshold", "holders")


async def vote_key_shown(pool: asyncpg.Pool, vote_id: int) -> dict[str, object] | None:
    """A vote's key as its key-card page shows it, or None before the ceremony."""
    async with pool.acquire() as conn:
        row = await queries.key_of_vote(conn, vote_id)
    return None if row is None else {name: row[name] for name in KEY_SHOWN}


async def round_key_shown(pool: asyncpg.Pool, round_id: int) -> dict[str, object] | None:
    """A rating round's key as its key-card page shows it, or None before the ceremony."""
    async with pool.acquire() as conn:
        row = await queries.key_of_round(conn, round_id)
    return None if row is None else {name: row[name] for name in KEY_SHOWN}


def check_ceremony(ceremony: KeyCeremony) -> None:
    """k must not exceed n (both already bounded by the wire shape)."""
    if ceremony.threshold > len(ceremony.holders):
        raise BadRequest(
            "threshold_invalid",
            "开票需要的卡数不能多于钥匙卡的总张数",
            "The cards needed to open cannot exceed the cards made",
            threshold=ceremony.threshold,
            holders=len(ceremony.holders),
        )


async def record_key(
    conn: asyncpg.Connection,
    who: Principal,
    label: str,
    ceremony: KeyCeremony,
    *,
    vote_id: int | None = None,
    round_id: int | None = None,
) -> MadeCards:
    """Make a key in memory, keep its public half and card commitments, audit them; the cards go out once."""
    made = make_key(label, ceremony.threshold, len(ceremony.holders))
    stored = await queries.insert_key(
        conn,
        vote_id,
        round_id,
        made.public_key,
        made.fingerprint,
        made.threshold,
        made.commitments,
        list(ceremony.holders),
    )
    if not stored:
        raise Conflict(
            "key_cards_made",
            "开票钥匙卡已经制作过，只显示一次，不能再次显示或重新制作",
            "The key cards were already made; they are shown once and cannot be shown or made again",
        )
    object_type, object_id = ("vote", vote_id) if vote_id is not None else ("evaluation_round", round_id)
    await record(
        conn,
        who.audit(
            "sealing.key_made",
            object_type,
            object_id,
            {
                "fingerprint": made.fingerprint,
                "public_key": base64.b64encode(made.public_key).decode(),
                "threshold": made.threshold,
                "holders": list(ceremony.holders),
                "card_commitments": made.commitments,
            },
        ),
    )
    return handed_out(label, made, ceremony.holders)


def handed_out(label: str, made: MadeKey, holders: list[str]) -> MadeCards:
    """The cards as handed out, each with its holder."""
    return MadeCards(
        label=label,
        fingerprint=made.fingerprint,
        threshold=made.threshold,
        cards=[HeldCard(number=c.number, holder=holders[c.number - 1], text=c.text) for c in made.cards],
    )


def sealing_key(label: str, row: asyncpg.Record, plain_size: int) -> SealingKey:
    """The public side of a stored key."""
    return SealingKey(
        label=label,
        public_key=base64.b64encode(bytes(row["public_key"])).decode(),
        fingerprint=row["fingerprint"],
        threshold=row["threshold"],
        holders=list(row["holders"]),
        plain_size=plain_size,
        made_at=row["made_at"],
    )


def rebuild_key(label: str, row: asyncpg.Record | None, cards: list[str]) -> OpenKey:
    """The private key from the presented cards, or a bilingual refusal naming the card at fault."""
    if row is None:
        raise not_found("密钥", "Sealing key")
    public = bytes(row["public_key"])
    try:
        private = read_cards(cards, label, list(row["commitments"]), int(row["threshold"]), public)
    except CardRefused as refused:
        raise card_refusal(refused, int(row["threshold"])) from refused
    numbers = sorted({int("".join(c.split()).split("-")[1]) for c in cards})
    return OpenKey(private=private, public=public, fingerprint=row["fingerprint"], card_numbers=numbers)


def card_refusal(refused: CardRefused, threshold: int) -> PiaojueError:
    """A refused card as the console shows it: which card, and what is wrong with it."""
    n = refused.position
    match refused.code:
        case "shares_too_few":
            return BadRequest(
                "shares_too_few",
                f"需要至少{threshold}张不同的开票钥匙卡才能开启计票，只提供了{refused.detail.get('given', 0)}张",
                f"At least {threshold} different key cards are needed to open the count; "
                f"{refused.detail.get('given', 0)} given",
                needed=threshold,
                given=refused.detail.get("given", 0),
            )
        case "share_repeated":
            return BadRequest(
                "share_repeated",
                f"第{n}张开票钥匙卡与前面的重复（同为{refused.detail.get('number')}号卡），每张卡只能出示一次",
                f"Card {n} repeats an earlier one (both are card no. {refused.detail.get('number')}); "
                "each card counts once",
                card=n,
            )
        case "share_for_another_vote":
            return Conflict(
                "share_for_another_vote",
                f"第{n}张开票钥匙卡属于另一次表决或测评（{refused.detail.get('card_of')}），不能开启本次计票",
                f"Card {n} belongs to another vote or round ({refused.detail.get('card_of')}); it cannot open this one",
                card=n,
            )
        case "share_wrong":
            return BadRequest(
                "share_wrong",
                f"第{n}张开票钥匙卡与本次制作时登记的不符（可能是作废卡或输入有误）" if n else "开票钥匙卡与登记的不符",
                f"Card {n} does not match the cards made for this count (a void card, or mistyped)"
                if n
                else "The cards do not match those made for this count",
                card=n,
            )
        case _:
            return BadRequest(
                "share_malformed",
                f"第{n}张开票钥匙卡的内容不完整或有输入错误，请重新扫描或输入",
                f"Card {n} is incomplete or mistyped; scan or type it again",
                card=n,
            )
