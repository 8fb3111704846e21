"""Sealed rating sheets: their shape checked when submitted, opened with the round's key cards at close.

The same guarantee as ballots (voting/sealing/votes.py): the tablet seals the
sheet to the round's key; the database keeps only sealed bytes beside who
rated; at close the clerks' cards rebuild the key in memory, every sheet is
opened and checked, and its ratings are written as loose rows in random order
in a transaction that writes nothing about any deputy.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import secrets

import asyncpg
import msgspec

from audit.queries import record
from ballots import sealing
from tally.rating import RatingMethod
from voting.auth import Principal
from voting.errors import BadRequest, PiaojueError
from voting.evaluation import queries
from voting.evaluation.models import RatingSheet, Round
from voting.evaluation.sheets import check_sheet
from voting.sealing import rounds
from voting.sealing.service import OpenKey

_shuffler = secrets.SystemRandom()
_sheet = msgspec.json.Decoder(RatingSheet)
Row = tuple[int, str | None, dict[str, int] | None]


def plain_size(found: Round) -> int:
    """The one padded length of this round's sheets."""
    indicators = [i.name for i in found.rules.indicators] if found.rules.method is RatingMethod.INDICATORS else []
    return sealing.sheet_plain_size([i.item_id for i in found.items], indicators)


def check_sealed(found: Round, public_key: bytes, text: str) -> bytes:
    """The sealed sheet's bytes if their shape fits the round (the content is unreadable until close)."""
    try:
        sealed = base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise BadRequest("sealed_malformed", "加密测评表格式不正确", "The sealed sheet is malformed") from error
    if len(sealed) != sealing.sealed_size(plain_size(found)):
        raise BadRequest("sealed_malformed", "加密测评表长度不符合本轮测评", "The sealed sheet's length does not fit")
    if not sealing.key_tag_matches(sealed, public_key):
        raise BadRequest(
            "sealed_for_another_round",
            "这份测评表不是用本轮测评的密钥加密的，请刷新页面后重新填写",
            "This sheet was not sealed with this round's key; reload the page and fill it in again",
        )
    return sealed


def open_sheet(opener: sealing.Opener, found: Round, sealed: bytes) -> list[Row] | None:
    """One sheet's rows, or None if it cannot be opened or does not rate the round as it must."""
    try:
        sheet = _sheet.decode(opener.open(sealed))
        return check_sheet(found, sheet)
    except (sealing.SealError, msgspec.DecodeError, PiaojueError):
        return None


async def open_sheets(conn: asyncpg.Connection, who: Principal, found: Round, key: OpenKey) -> None:
    """Open every sealed sheet and write its ratings as loose rows in random order; audit the opening."""
    sealed = await rounds.sealed_sheets(conn, found.id)
    opener = sealing.Opener(key.private, key.public, rounds.label_of(found.id))
    opened = await asyncio.to_thread(lambda: [open_sheet(opener, found, s) for s in sealed])
    rows = [row for sheet in opened if sheet is not None for row in sheet]
    _shuffler.shuffle(rows)
    await queries.insert_ratings(conn, found.id, rows)
    void = sum(1 for sheet in opened if sheet is None)
    detail = {"fingerprint": key.fingerprint, "cards": key.card_numbers, "opened": len(opened), "void": void}
    await record(conn, who.audit("evaluation.unsealed", "evaluation_round", found.id, detail))
