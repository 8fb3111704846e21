"""Signing at announcement: the vote's result, then the audit chain head that covers it.

Both run inside the announcing transaction (voting/votes/lifecycle.py), so a
vote is announced with its signatures or not at all. The result is signed
before the transaction takes the audit chain lock, since gathering thousands
of ballots must not hold up every other audit writer; the chain head is read
and signed last, after the event recording the result signature, so the
signed head covers that event.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncpg

from audit import system_event
from audit.archive import HEAD_KIND, RESULT_KIND, PaperCount, Voter, head_body, result_body, roster_fingerprint
from audit.canonical import canonical_bytes
from audit.queries import chain_head, record
from audit.signing import SignedStatement, SigningKey, public_key_pem, sign_statement
from voting.bulletin import queries
from voting.bulletin.service import ballot_records, receipt_list, vote_definition, vote_facts
from voting.paper.closing import signed_paper_counts


async def sign_result(
    conn: asyncpg.Connection, key: SigningKey, vote_id: int, final: dict[str, Any] | None = None
) -> SignedStatement:
    """Sign and store the result of a vote just marked announced (with its agenda item's final result)."""
    facts = await vote_facts(conn, vote_id)
    tally, announced_at = facts.tally, facts.announced_at
    if tally is None or announced_at is None:
        raise ValueError(f"vote {vote_id} is not counted and announced")
    definition = await vote_definition(conn, facts)
    roster = [dict(r) for r in await queries.active_roster(conn, facts.body_id)]
    marks = await queries.ballot_marks(conn, vote_id)
    receipts = await receipt_list(conn, vote_id)
    voters = [Voter(id=r["id"], name=r["name"]) for r in await queries.voters(conn, vote_id)]
    paper_counts = [PaperCount(**p) for p in await signed_paper_counts(conn, vote_id)]

    def build_sign_and_encode() -> tuple[SignedStatement, str]:
        # Sorting thousands of ballots, hashing, signing and encoding the stored JSON: tens of
        # milliseconds of pure Python, run beside the event loop so the hall is served meanwhile.
        body = result_body(
            definition=definition,
            tally=tally,
            ballots=ballot_records(marks),
            receipts=receipts,
            roster=roster_fingerprint(facts.body_id, roster),
            voters=voters,
            paper_counts=paper_counts,
            announced_at=announced_at,
            final=final,
        )
        return sign_statement(key, RESULT_KIND, body), canonical_bytes(body).decode()

    return await _store(conn, key, vote_id, *await asyncio.to_thread(build_sign_and_encode))


async def sign_chain_head(
    conn: asyncpg.Connection, key: SigningKey, vote_id: int, result: SignedStatement
) -> SignedStatement:
    """Record the result's signature in the chain, then sign and store the chain head."""
    await record(
        conn,
        system_event(
            "vote.result_signed",
            "vote",
            vote_id,
            {"kind": result.kind, "key_id": result.key_id, "signature": result.signature},
        ),
    )
    # The chain lock is ours until COMMIT, so the head read here is the entry just recorded.
    head = await chain_head(conn)
    if head is None:
        raise ValueError("the audit chain is empty after recording")
    return await _store(conn, key, vote_id, sign_statement(key, HEAD_KIND, head_body(vote_id, head)))


async def _store(
    conn: asyncpg.Connection, key: SigningKey, vote_id: int, statement: SignedStatement, body_json: str = ""
) -> SignedStatement:
    await queries.remember_key(conn, statement.key_id, public_key_pem(key))
    body_json = body_json or canonical_bytes(statement.body).decode()  # the result's is encoded beside the loop
    await queries.insert_statement(conn, vote_id, statement.kind, body_json, statement.signature, statement.key_id)
    return statement
