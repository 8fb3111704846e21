"""A complete, valid vote archive built without a database, for the verifier's tests."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from audit import Archive, AuditEvent, ChainEntry, link
from audit.archive import (
    HEAD_KIND,
    RESULT_KIND,
    CandidateEntry,
    VoteDefinition,
    Voter,
    assemble_archive,
    head_body,
    publish_bulletin,
    result_body,
    roster_fingerprint,
    sorted_ballots,
)
from audit.chain import ChainHead
from audit.signing import SigningKey, public_key_pem, sign_statement
from tally import Ballot, Round, VoteRules, count_votes, final_result

VOTE_ID = 5
CANDIDATE_IDS = [11, 12, 13, 14]
START = datetime(2027, 1, 15, 9, 0, tzinfo=UTC)


def new_key() -> SigningKey:
    """A fresh in-memory Ed25519 key."""
    return SigningKey(Ed25519PrivateKey.generate())


def ballot_marks(voters: int) -> list[dict[str, str]]:
    """Varied choose-2-of-4 ballots, the last one blank."""
    pairs = [(11, 12), (11, 13), (11, 12), (12, 14), (11, 12), (11, 14)]
    marks = [{str(a): "for", str(b): "for"} for a, b in (pairs[i % len(pairs)] for i in range(voters - 1))]
    return [*marks, {}]


class Chain:
    """Entries linked one after another, a second apart."""

    def __init__(self) -> None:
        self.entries: list[ChainEntry] = []

    def add(self, actor: str, action: str, object_type: str, object_id: Any, detail: dict[str, Any]) -> None:
        event = AuditEvent(
            actor=actor,
            role=actor.split(":")[0],
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            detail=detail,
        )
        prev = self.entries[-1] if self.entries else None
        self.entries.append(link(prev, event, len(self.entries) + 1, START + timedelta(seconds=len(self.entries))))


def build_archive(key: SigningKey, voters: int = 7, deputies_total: int = 9) -> Archive:
    """A valid archive of one announced vote: voters ballots, one blank."""
    rules = msgspec.to_builtins(VoteRules(seats=2))
    candidates = [
        CandidateEntry(
            id=cid,
            position=i + 1,
            name=f"项目{i + 1}",
            summary="道路改造",
            category="城市建设",
            cost_wan="120.50",
            funding="县财政",
            responsible_unit="住建局",
            completion_date=None,
        )
        for i, cid in enumerate(CANDIDATE_IDS)
    ]
    definition = VoteDefinition(
        id=VOTE_ID, session_id=2, title="2027年民生实事项目票决", runoff_of=None, rules=rules, candidates=candidates
    )
    people = [Voter(id=100 + i, name=f"代表{i:02d}") for i in range(voters)]
    marks = ballot_marks(voters)
    ballots = sorted_ballots(marks)
    counted = count_votes(
        VoteRules(seats=2),
        CANDIDATE_IDS,
        [msgspec.convert({"marks": m}, Ballot, str_keys=True) for m in marks],
        deputies_total=deputies_total,
        deputies_present=voters,
    )
    tally = msgspec.to_builtins(counted)
    receipts = sorted(hashlib.sha256(f"receipt {i}".encode()).hexdigest() for i in range(voters))
    chain = Chain()
    chain.add("staff:1", "staff.logged_in", "staff_user", 1, {})  # history before the vote
    chain.add(
        "staff:1",
        "vote.created",
        "vote",
        VOTE_ID,
        {"title": definition.title, "candidates": CANDIDATE_IDS, "rules": rules, "runoff_of": None},
    )
    for person in people:
        chain.add(f"deputy:{person.id}", "attendance.present", "session", 2, {"via": "tablet"})
    public = bytes(range(32))  # a stand-in sealing key: the verifier checks the ceremony's record, not the key
    fingerprint = hashlib.sha256(b"piaojue-seal/1\0key\0" + public).hexdigest()
    ceremony = {
        "fingerprint": fingerprint,
        "public_key": base64.b64encode(public).decode(),
        "threshold": 2,
        "holders": ["总监票人", "监票人二", "监票人三"],
        "card_commitments": [hashlib.sha256(f"card {n}".encode()).hexdigest() for n in (1, 2, 3)],
    }
    chain.add("staff:1", "sealing.key_made", "vote", VOTE_ID, ceremony)
    chain.add("staff:1", "vote.opened", "vote", VOTE_ID, {"present": voters, "total": deputies_total})
    for batch in (people[:3], people[3:]):  # as the batcher records them: one event per vote and commit
        chain.add(
            "system", "ballot.issued", "vote", VOTE_ID, {"channel": "tablet", "deputy_ids": [p.id for p in batch]}
        )
    chain.add("staff:1", "vote.closed", "vote", VOTE_ID, {"ballots_cast": voters})
    opened = {"fingerprint": fingerprint, "cards": [2, 3], "opened": voters, "void": 0}
    chain.add("staff:2", "vote.unsealed", "vote", VOTE_ID, opened)
    chain.add("system", "vote.tallied", "vote", VOTE_ID, tally)
    announced_at = START + timedelta(hours=1)
    body = result_body(
        definition=definition,
        tally=tally,
        ballots=ballots,
        receipts=receipts,
        roster=roster_fingerprint(1, [{"id": 100 + i, "name": f"代表{i:02d}", "delegation": ""} for i in range(9)]),
        voters=people,
        paper_counts=[],
        announced_at=announced_at,
        final=msgspec.to_builtins(final_result([Round(VOTE_ID, counted)])),
    )
    result = sign_statement(key, RESULT_KIND, body)
    chain.add("staff:1", "vote.announced", "vote", VOTE_ID, {})
    chain.add(
        "system",
        "vote.result_signed",
        "vote",
        VOTE_ID,
        {"kind": result.kind, "key_id": result.key_id, "signature": result.signature},
    )
    last = chain.entries[-1]
    head = sign_statement(key, HEAD_KIND, head_body(VOTE_ID, ChainHead(last.seq, last.hash)))
    bulletin = publish_bulletin(definition, ballots, tally, result, public_key_pem(key))
    return assemble_archive(bulletin, receipts, [result, head], chain.entries[1:])
