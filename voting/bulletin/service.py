"""An announced vote's bulletin board, receipt check and archive, read from the database.

The board shows the definition, ballots and tally as stored now, and the
voters, roster fingerprint and paper counts as the signed result froze them:
if anything stored was changed after the announcement, the board no longer
matches its signature and the verification page says so.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import asyncpg
import msgspec

from audit import Archive, Bulletin, Report, encode_archive, verify_archive
from audit.archive import (
    HEAD_KIND,
    RESULT_KIND,
    BallotRecord,
    CandidateEntry,
    VoteDefinition,
    assemble_archive,
    publish_bulletin,
    sorted_ballots,
)
from audit.queries import entries_between
from audit.signing import SignedStatement
from ballots.receipt_codes import normalize_receipt
from ballots.sealing import receipt_code
from voting.bulletin import queries
from voting.errors import BadRequest, Conflict, not_found

# What the tablet shows: its tracker's first 10 base32 characters, typed with or without the dash and spaces;
# or the whole tracker (sha256 hex of the sealed ballot) as the bulletin board lists it.
RECEIPT = re.compile(r"[A-Z2-7]{10}")
TRACKER = re.compile(r"[0-9a-f]{64}")


class VoteFacts(msgspec.Struct, frozen=True):
    """The stored facts of a vote the board is built from."""

    id: int
    session_id: int
    body_id: int
    title: str
    runoff_of: int | None
    rules: dict[str, object]
    state: str
    tally: dict[str, object] | None
    announced_at: datetime | None


async def vote_facts(conn: asyncpg.Connection, vote_id: int) -> VoteFacts:
    """The vote's stored facts, or a 404."""
    row = await queries.vote_facts(conn, vote_id)
    if row is None:
        raise not_found("表决", "Vote")
    fields = dict(row)
    fields["rules"] = msgspec.json.decode(fields["rules"])
    fields["tally"] = None if fields["tally"] is None else msgspec.json.decode(fields["tally"])
    return VoteFacts(**fields)


async def get_vote_facts(pool: asyncpg.Pool, vote_id: int) -> VoteFacts:
    """The vote's stored facts, or a 404 (outside a transaction: pages)."""
    async with pool.acquire() as conn:
        return await vote_facts(conn, vote_id)


async def public_vote_facts(conn: asyncpg.Connection, vote_id: int) -> VoteFacts:
    """The vote's facts if its result was announced; 409 result_not_public before."""
    facts = await vote_facts(conn, vote_id)
    if facts.state != "announced":
        raise Conflict("result_not_public", "表决结果尚未宣布", "The result has not been announced", state=facts.state)
    return facts


async def vote_definition(conn: asyncpg.Connection, facts: VoteFacts) -> VoteDefinition:
    """The vote definition as published and hashed."""
    candidates = [CandidateEntry(**dict(r)) for r in await queries.ballot_candidates(conn, facts.id)]
    return VoteDefinition(
        id=facts.id,
        session_id=facts.session_id,
        title=facts.title,
        runoff_of=facts.runoff_of,
        rules=facts.rules,
        candidates=candidates,
    )


async def published_ballots(conn: asyncpg.Connection, vote_id: int) -> list[BallotRecord]:
    """Every ballot's marks (and a void paper ballot's reason), sorted by content."""
    return ballot_records(await queries.ballot_marks(conn, vote_id))


def ballot_records(rows: Iterable[Mapping[str, Any]]) -> list[BallotRecord]:
    """Stored ballot rows (marks JSON, void reason) as published: records sorted by content."""
    return sorted_ballots(
        BallotRecord(marks=msgspec.json.decode(r["marks"]), void_reason=r["void_reason"]) for r in rows
    )


async def receipt_list(conn: asyncpg.Connection, vote_id: int) -> list[str]:
    """The receipt hashes in hex, sorted."""
    return [h.hex() for h in await queries.receipt_hashes(conn, vote_id)]


async def signed_statements(conn: asyncpg.Connection, vote_id: int) -> tuple[list[SignedStatement], str]:
    """The vote's signed statements in order, and the public key that signed them."""
    rows = await queries.statements_of_vote(conn, vote_id)
    kinds = [r["kind"] for r in rows]
    if kinds != [RESULT_KIND, HEAD_KIND] or len({r["public_pem"] for r in rows}) != 1:
        raise Conflict("result_unsigned", "该表决结果没有签名记录", "This vote's result has no signed statements")
    statements = [
        SignedStatement(
            kind=r["kind"], body=msgspec.json.decode(r["body"]), key_id=r["key_id"], signature=r["signature"]
        )
        for r in rows
    ]
    return statements, str(rows[0]["public_pem"])


async def bulletin_of(conn: asyncpg.Connection, vote_id: int) -> Bulletin:
    """The bulletin board of an announced vote."""
    facts = await public_vote_facts(conn, vote_id)
    statements, public_pem = await signed_statements(conn, vote_id)
    return publish_bulletin(
        await vote_definition(conn, facts),
        await published_ballots(conn, vote_id),
        facts.tally or {},
        statements[0],
        public_pem,
    )


async def bulletin(pool: asyncpg.Pool, vote_id: int) -> Bulletin:
    """The bulletin board (public after announcement)."""
    async with pool.acquire() as conn:
        return await bulletin_of(conn, vote_id)


async def receipts(pool: asyncpg.Pool, vote_id: int) -> list[str]:
    """The sorted receipt hashes (public after announcement)."""
    async with pool.acquire() as conn:
        await public_vote_facts(conn, vote_id)
        return await receipt_list(conn, vote_id)


def typed_receipt(code: str) -> str:
    """A typed receipt as XXXXX-XXXXX (the tablet's code, usual slips read right) or a tracker in hex; else 400."""
    bare = code.strip().replace("-", "").replace(" ", "")
    if TRACKER.fullmatch(bare.lower()):
        return bare.lower()
    cleaned = normalize_receipt(code)
    if not RECEIPT.fullmatch(cleaned):
        raise BadRequest(
            "receipt_invalid",
            f"回执码应为平板上显示的10位字母和数字（如 ABCDE-23456）或64位加密选票指纹，您输入的是 {len(cleaned)} 位"
            "；请对照平板或纸条重新输入",
            f"A receipt is the 10 letters and digits the tablet showed (like ABCDE-23456), or a 64-digit sealed-ballot "
            f"tracker; {len(cleaned)} were typed",
            field="receipt",
        )
    return f"{cleaned[:5]}-{cleaned[5:]}"


async def check_receipt(pool: asyncpg.Pool, vote_id: int, code: str) -> bool:
    """Whether the sealed ballot with this receipt (its tracker or the tracker's code) was counted."""
    typed = typed_receipt(code)
    async with pool.acquire() as conn:
        await public_vote_facts(conn, vote_id)
        trackers = await receipt_list(conn, vote_id)
    if len(typed) == 64:
        return typed in trackers
    return any(receipt_code(tracker) == typed for tracker in trackers)


async def archive_of(conn: asyncpg.Connection, vote_id: int) -> Archive:
    """The archive: bulletin, receipts, statements, and the chain from the vote's creation to the signed head."""
    # One snapshot for every read, so the parts describe the same moment.
    async with conn.transaction(isolation="repeatable_read", readonly=True):
        board = await bulletin_of(conn, vote_id)
        statements, _ = await signed_statements(conn, vote_id)
        head_seq = int(statements[1].body["seq"])
        first_seq = await queries.vote_created_seq(conn, vote_id) or 1
        entries = await entries_between(conn, first_seq, head_seq)
        return assemble_archive(board, await receipt_list(conn, vote_id), statements, entries)


async def archive_bytes(pool: asyncpg.Pool, vote_id: int) -> bytes:
    """The archive file's bytes (canonical JSON)."""
    async with pool.acquire() as conn:
        archive = await archive_of(conn, vote_id)
    # Encoding thousands of entries takes a moment: keep the event loop free for ballots.
    return await asyncio.to_thread(encode_archive, archive)


# Verifying a 3,000-deputy vote takes ~0.3 s of CPU in a thread that shares the GIL with
# the event loop: one at a time per process, so a crowd on this page cannot slow the
# ballots of the next vote. Never cached: the page must show a change made a second ago.
_one_verification = asyncio.Semaphore(1)


async def verification(pool: asyncpg.Pool, vote_id: int) -> tuple[Archive, Report]:
    """The archive as served now and the offline verifier's verdict on it."""
    async with _one_verification:
        async with pool.acquire() as conn:
            archive = await archive_of(conn, vote_id)
        report = await asyncio.to_thread(lambda: verify_archive(encode_archive(archive)))
    return archive, report
