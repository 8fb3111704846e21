"""A vote's archive: the bulletin board, receipts, signed statements and chain segment, in one encoding.

The archive is one JSON object in the canonical encoding (audit.canonical), so
the file's bytes are a function of its content: `voting verify` re-encodes what
it read and refuses a file that differs by a byte. Digests and fingerprints
are sha256 over canonical_bytes({name: value}), named so that no digest of one
thing can stand for another. Pure: the service gathers the data, this module
shapes and hashes it, audit.verify checks it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import msgspec

from audit.canonical import canonical_bytes, timestamp_text
from audit.chain import ChainEntry, ChainHead
from audit.errors import AuditError
from audit.signing import SignedStatement

__all__ = [
    "FORMAT",
    "HEAD_KIND",
    "RESULT_KIND",
    "Archive",
    "ArchiveUnreadable",
    "ArchivedEntry",
    "BallotRecord",
    "Bulletin",
    "CandidateEntry",
    "ChainSegment",
    "PaperCount",
    "VoteDefinition",
    "Voter",
    "archived_entry",
    "assemble_archive",
    "ballots_digest",
    "chain_entry",
    "decode_archive",
    "definition_hash",
    "digest",
    "encode_archive",
    "head_body",
    "publish_bulletin",
    "receipts_digest",
    "result_body",
    "roster_fingerprint",
    "sorted_ballots",
]

FORMAT = "piaojue-archive/1"
RESULT_KIND = "vote.result"
HEAD_KIND = "audit.head"


class ArchiveUnreadable(AuditError):
    """The bytes are not an archive: not JSON, wrong shape, or not in the canonical encoding."""


class CandidateEntry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One candidate as listed on the ballot; the cost is decimal text (the encoding has no decimals)."""

    id: int
    position: int
    name: str
    summary: str
    category: str
    cost_wan: str
    funding: str
    responsible_unit: str
    completion_date: str | None


class VoteDefinition(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """What was voted on and how: the part of a vote fixed when it was created."""

    id: int
    session_id: int
    title: str
    runoff_of: int | None
    rules: dict[str, Any]
    candidates: list[CandidateEntry]  # in ballot order


class Voter(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A deputy who took a ballot (attendance is public; choices are not)."""

    id: int
    name: str


class BallotRecord(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True):
    """One ballot's marks (candidate id as text → mark); no voter, no time, no receipt.

    A paper ballot the tellers declared invalid carries its void_reason (and no
    marks); it is left out of the encoding when absent, so a tablet ballot reads
    exactly as before.
    """

    marks: dict[str, str]
    void_reason: str | None = None


class PaperCount(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """A paper-ballot reconciliation record: ballots handed out and ballots returned (the counted round).

    The returned paper ballots are on the board with the tablet ones; they have no receipts.
    """

    issued: int
    returned: int


class Bulletin(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The public bulletin board of one announced vote: enough for anyone to recount."""

    vote_id: int
    vote: VoteDefinition
    definition_hash: str
    roster_fingerprint: str
    voters: list[Voter]  # by deputy id
    ballots: list[BallotRecord]  # by canonical content, so their order tells nothing
    tally: dict[str, Any]  # the stored count, exactly as signed
    paper_counts: list[PaperCount]
    result: SignedStatement
    public_key: str


class ArchivedEntry(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An audit chain entry as archived: the time as canonical text."""

    seq: int
    at: str
    actor: str
    role: str
    action: str
    object_type: str
    object_id: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class ChainSegment(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """The audit entries from the vote's creation to the head signed at its announcement."""

    after: str  # the hash of the entry before the first one
    entries: list[ArchivedEntry]


class Archive(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """Everything `voting verify` needs, in one file."""

    format: str
    vote_id: int
    bulletin: Bulletin
    receipts: list[str]  # receipt hashes, hex, sorted
    statements: list[SignedStatement]  # the result, then the chain head
    audit_chain: ChainSegment
    public_key: str


def digest(name: str, value: Any) -> str:
    """sha256 hex of canonical_bytes({name: value}): one named digest rule for everything."""
    return hashlib.sha256(canonical_bytes({name: value})).hexdigest()


def definition_hash(definition: VoteDefinition) -> str:
    """The vote definition's hash."""
    return digest("vote_definition", msgspec.to_builtins(definition))


def ballots_digest(ballots: Sequence[BallotRecord]) -> str:
    """The digest of the ballots in their published (sorted) order."""
    return digest("ballots", msgspec.to_builtins(list(ballots)))


def receipts_digest(receipts: Sequence[str]) -> str:
    """The digest of the sorted receipt hashes."""
    return digest("receipts", list(receipts))


def roster_fingerprint(body_id: int, roster: Iterable[Mapping[str, Any]]) -> str:
    """The fingerprint of a roster: digest of {body_id, deputies: [{id, name, delegation}] by id}."""
    deputies = sorted(
        ({"id": d["id"], "name": d["name"], "delegation": d["delegation"]} for d in roster), key=lambda d: d["id"]
    )
    return digest("roster", {"body_id": body_id, "deputies": deputies})


def sorted_ballots(ballots: Iterable[Mapping[str, str] | BallotRecord]) -> list[BallotRecord]:
    """Ballots (records, or bare marks) in canonical-content order: the published order reveals nothing."""
    records = [b if isinstance(b, BallotRecord) else BallotRecord(marks=dict(b)) for b in ballots]
    return sorted(records, key=lambda b: canonical_bytes(msgspec.to_builtins(b)))


def result_body(
    *,
    definition: VoteDefinition,
    tally: Mapping[str, Any],
    ballots: Sequence[BallotRecord],
    receipts: Sequence[str],
    roster: str,
    voters: Sequence[Voter],
    paper_counts: Sequence[PaperCount],
    announced_at: datetime,
    final: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of a vote's signed result statement; `final` is its agenda item's final result (tally.final)."""
    body = {
        "vote_id": definition.id,
        "definition_hash": definition_hash(definition),
        "tally": dict(tally),
        "ballots_digest": ballots_digest(ballots),
        "receipts_digest": receipts_digest(receipts),
        "roster_fingerprint": roster,
        "voters": msgspec.to_builtins(list(voters)),
        "paper_counts": msgspec.to_builtins(list(paper_counts)),
        "announced_at": timestamp_text(announced_at),
    }
    if final is not None:
        body["final"] = dict(final)
    return body


def head_body(vote_id: int, head: ChainHead) -> dict[str, Any]:
    """The body of a signed chain head: the vote whose announcement it closes, seq and hash."""
    return {"vote_id": vote_id, "seq": head.seq, "hash": head.hash}


def publish_bulletin(
    definition: VoteDefinition,
    ballots: Sequence[BallotRecord],
    tally: Mapping[str, Any],
    result: SignedStatement,
    public_key: str,
) -> Bulletin:
    """The bulletin board: the definition, ballots and tally as stored, the rest as the result statement froze it."""
    return Bulletin(
        vote_id=definition.id,
        vote=definition,
        definition_hash=definition_hash(definition),
        roster_fingerprint=result.body["roster_fingerprint"],
        # Names as they were at the announcement: a deputy renamed later must not break the signature.
        voters=msgspec.convert(result.body["voters"], list[Voter]),
        ballots=list(ballots),
        tally=dict(tally),
        paper_counts=msgspec.convert(result.body["paper_counts"], list[PaperCount]),
        result=result,
        public_key=public_key,
    )


def assemble_archive(
    bulletin: Bulletin, receipts: Sequence[str], statements: Sequence[SignedStatement], entries: Sequence[ChainEntry]
) -> Archive:
    """The archive of one vote from its parts; entries run from the vote's creation to the signed head."""
    return Archive(
        format=FORMAT,
        vote_id=bulletin.vote_id,
        bulletin=bulletin,
        receipts=list(receipts),
        statements=list(statements),
        audit_chain=ChainSegment(
            after=entries[0].prev_hash if entries else "", entries=[archived_entry(e) for e in entries]
        ),
        public_key=bulletin.public_key,
    )


def archived_entry(entry: ChainEntry) -> ArchivedEntry:
    """A chain entry as it goes into the archive."""
    fields = msgspec.structs.asdict(entry)
    fields["at"] = timestamp_text(entry.at)
    return ArchivedEntry(**fields)


def chain_entry(entry: ArchivedEntry) -> ChainEntry:
    """An archived entry back as a chain entry; ValueError if its time is not canonical text."""
    at = datetime.fromisoformat(entry.at)
    if at.tzinfo is None or timestamp_text(at) != entry.at:
        raise ValueError(f"entry {entry.seq}: time {entry.at!r} is not canonical")
    fields = msgspec.structs.asdict(entry)
    fields["at"] = at
    return ChainEntry(**fields)


def encode_archive(archive: Archive) -> bytes:
    """The archive file's bytes."""
    return canonical_bytes(msgspec.to_builtins(archive))


def decode_archive(data: bytes) -> Archive:
    """Read an archive, refusing any file that is not exactly the canonical encoding of one."""
    try:
        archive = msgspec.json.decode(data, type=Archive)
    except (msgspec.DecodeError, UnicodeDecodeError) as error:  # ValidationError is a DecodeError
        raise ArchiveUnreadable(f"not an archive: {error}") from error
    try:
        same = encode_archive(archive) == data
    except ValueError as error:  # NotCanonical: a float, a huge integer...
        raise ArchiveUnreadable(f"not in the canonical encoding: {error}") from error
    if not same:
        raise ArchiveUnreadable("not in the canonical encoding: the bytes differ from the content's encoding")
    return archive
