"""A rating round's sealing key and sealed sheets as stored (evaluation/sealed_sheets.py checks and opens them).

The rounds' counterpart of voting/sealing/votes.py: it knows a round only by its id, so evaluation
calls it and it imports nothing of evaluation.
"""

from __future__ import annotations

import asyncpg

from ballots import sealing
from voting.errors import Conflict
from voting.sealing import queries
from voting.sealing.service import OpenKey, rebuild_key


def label_of(round_id: int) -> str:
    """The label a round's sheets and cards are bound to."""
    return f"round:{round_id}"


async def require_key(conn: asyncpg.Connection, round_id: int) -> asyncpg.Record:
    """The round's key; 409 key_cards_missing before the clerks made its cards."""
    row = await queries.key_of_round(conn, round_id)
    if row is None:
        raise Conflict(
            "key_cards_missing",
            "尚未制作本轮测评的开票钥匙卡，不能开始测评",
            "This round's key cards have not been made; it cannot open",
        )
    return row


async def store(conn: asyncpg.Connection, round_id: int, sealed: bytes) -> str:
    """Keep a sealed sheet; returns its tracker (409 if these very bytes came from another tablet)."""
    tracker = sealing.tracker(sealed)
    if not await queries.store_sealed_sheet(conn, round_id, bytes.fromhex(tracker), sealed):
        raise Conflict(
            "sheet_copied",
            "这份加密测评表已由另一台平板提交，请重新填写",
            "These sealed sheet bytes were already submitted from another tablet; fill in a new sheet",
        )
    return tracker


async def sealed_sheets(conn: asyncpg.Connection, round_id: int) -> list[bytes]:
    """The round's sealed sheets, in no particular order."""
    return await queries.sealed_sheets(conn, round_id)


async def await_keys(conn: asyncpg.Connection, round_id: int) -> None:
    """Open → awaiting_keys: rating has ended; the count waits for the key cards."""
    await queries.mark_round_awaiting_keys(conn, round_id)


async def unlock(conn: asyncpg.Connection, round_id: int, cards: list[str]) -> OpenKey:
    """The round's key rebuilt from the presented cards (refusals name the card)."""
    return rebuild_key(label_of(round_id), await queries.key_of_round(conn, round_id), cards)
