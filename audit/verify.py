"""Offline verification of a vote archive: no database, no web stack, only audit and tally.

Each check looks at one claim and names itself in the report; a check that
finds the archive malformed fails rather than crashes. The archive must also be
byte-for-byte its own canonical encoding (audit.archive.decode_archive), so a
changed byte either breaks that or changes a value some check covers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

import msgspec
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from audit.archive import (
    FORMAT,
    HEAD_KIND,
    RESULT_KIND,
    Archive,
    ArchivedEntry,
    ArchiveUnreadable,
    ballots_digest,
    chain_entry,
    decode_archive,
    definition_hash,
    receipts_digest,
)
from audit.canonical import canonical_bytes
from audit.chain import ChainHead, verify_chain
from audit.final_check import FinalMismatch, check_final
from audit.sealing_check import SealingProblem, check_sealing, sealed_void_count
from audit.signing import SignedStatement, check_statement, key_id
from tally.count import count_votes
from tally.models import Ballot, VoteRules

__all__ = ["Check", "Report", "report_text", "verify_archive"]

_HEX64 = re.compile(r"[0-9a-f]{64}")
_SIGNATURE = re.compile(r"[0-9a-f]{128}")


class Check(msgspec.Struct, frozen=True):
    """One named claim and whether the archive bears it out."""

    name: str
    ok: bool
    message: str


class Report(msgspec.Struct, frozen=True):
    """Every check's outcome; the archive verifies only if all passed."""

    vote_id: int | None
    checks: list[Check]

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return bool(self.checks) and all(c.ok for c in self.checks)

    @property
    def failures(self) -> list[str]:
        """The names of the checks that failed."""
        return [c.name for c in self.checks if not c.ok]


class Failed(Exception):
    """A check's finding that the claim does not hold."""


def verify_archive(data: bytes, trusted_key: str | None = None) -> Report:
    """Check an archive's bytes; with trusted_key (PEM), the statements must be signed by that key."""
    try:
        archive = decode_archive(data)
        if archive.format != FORMAT:
            raise ArchiveUnreadable(f"format is {archive.format!r}, not {FORMAT!r}")
    except ArchiveUnreadable as error:
        return Report(None, [Check("format", False, str(error))])
    checks = [Check("format", True, f"{FORMAT}, canonical JSON, {len(data)} bytes")]
    steps: list[tuple[str, Callable[[Archive], str]]] = [
        ("public_key", lambda a: _check_public_key(a, trusted_key)),
        ("signatures", _check_signatures),
        ("audit_chain", _check_chain),
        ("audit_events", _check_events),
        ("definition", _check_definition),
        ("bulletin", _check_bulletin),
        ("ballots", _check_ballots),
        ("recount", _check_recount),
        ("receipts", _check_receipts),
        ("counts", _check_counts),
        ("paper", _check_paper),
        ("final_result", check_final),
        ("sealing", _check_sealing),
    ]
    for name, step in steps:
        try:
            checks.append(Check(name, True, step(archive)))
        except (Failed, FinalMismatch) as failure:
            checks.append(Check(name, False, str(failure)))
        except Exception as error:
            # Tampered data can be any shape, and libraries refuse it in their own ways
            # (cryptography's UnsupportedAlgorithm is no ValueError): a malformed claim is a failed claim.
            checks.append(Check(name, False, f"malformed: {type(error).__name__}: {error}"))
    return Report(archive.vote_id, checks)


def report_text(report: Report) -> str:
    """The short report `voting verify` prints."""
    title = f"票决存档核验 Piaojue archive check — vote {report.vote_id if report.vote_id is not None else '?'}"
    lines = [title]
    lines += [f"  {'✓' if c.ok else '✗'} {c.name:<13} {c.message}" for c in report.checks]
    if report.ok:
        lines.append(f"OK 核验通过: all {len(report.checks)} checks passed")
    else:
        lines.append(f"FAILED 核验未通过: {', '.join(report.failures)}")
    return "\n".join(lines)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def _statement(archive: Archive, kind: str) -> SignedStatement:
    """The one statement of this kind (the signatures check says whether there is exactly one)."""
    found = [s for s in archive.statements if s.kind == kind]
    _require(len(found) == 1, f"expected one {kind} statement, found {len(found)}")
    return found[0]


def _check_public_key(archive: Archive, trusted_key: str | None) -> str:
    loaded = serialization.load_pem_public_key(archive.public_key.encode("ascii"))
    _require(isinstance(loaded, Ed25519PublicKey), "the public key is not an Ed25519 key")
    # Only one text per key is accepted: PEM's base64 can hide a changed byte in its padding bits.
    canonical = loaded.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    _require(canonical.decode("ascii") == archive.public_key, "the public key is not in its canonical PEM form")
    if trusted_key is not None:
        _require(key_id(trusted_key) == key_id(archive.public_key), "signed by another key than the trusted one")
        return f"Ed25519 {key_id(archive.public_key)}, the trusted key"
    return f"Ed25519 {key_id(archive.public_key)} (compare it with the published /api/public-key)"


def _check_signatures(archive: Archive) -> str:
    kinds = [s.kind for s in archive.statements]
    _require(kinds == [RESULT_KIND, HEAD_KIND], f"statements are {kinds}, expected [{RESULT_KIND}, {HEAD_KIND}]")
    for statement in archive.statements:
        _require(bool(_SIGNATURE.fullmatch(statement.signature)), f"{statement.kind}: signature is not lowercase hex")
        _require(check_statement(statement, archive.public_key), f"{statement.kind}: the signature does not verify")
        _require(statement.body.get("vote_id") == archive.vote_id, f"{statement.kind}: about another vote")
    return "result and chain head signed by " + archive.statements[0].key_id


def _check_chain(archive: Archive) -> str:
    signed = _statement(archive, HEAD_KIND).body
    head = ChainHead(signed["seq"], signed["hash"])
    segment = archive.audit_chain
    entries = [chain_entry(e) for e in segment.entries]
    _require(bool(entries), "the audit chain segment is empty")
    problems = verify_chain(entries, segment.after, expected_head=head)
    _require(not problems, "; ".join(f"seq {p.seq} {p.kind}: {p.message}" for p in problems[:5]))
    first = entries[0]
    starts_right = (first.action, first.object_type, first.object_id) == ("vote.created", "vote", str(archive.vote_id))
    _require(starts_right, "the segment does not start at the vote's creation")
    return f"{len(entries)} entries, seq {first.seq}–{head.seq}, ending at the signed head"


def _check_events(archive: Archive) -> str:
    """The chain tells the same story as the bulletin: definition, voters, count, result signature."""
    mine = [e for e in archive.audit_chain.entries if e.object_type == "vote" and e.object_id == str(archive.vote_id)]
    by_action: dict[str, list[ArchivedEntry]] = {}
    for entry in mine:
        by_action.setdefault(entry.action, []).append(entry)
    bulletin = archive.bulletin

    def detail(action: str) -> dict[str, Any]:
        found = by_action.get(action, [])
        _require(len(found) == 1, f"expected one {action} event, found {len(found)}")
        return found[0].detail

    created = detail("vote.created")
    _require(created["candidates"] == [c.id for c in bulletin.vote.candidates], "candidates differ from vote.created")
    _require(created["rules"] == bulletin.vote.rules, "rules differ from vote.created")
    _require(detail("vote.opened")["total"] == bulletin.tally["deputies_total"], "应到 differs from vote.opened")
    _require(detail("vote.tallied") == bulletin.tally, "the tally differs from vote.tallied")
    signature = detail("vote.result_signed").get("signature")
    _require(signature == _statement(archive, RESULT_KIND).signature, "vote.result_signed names another signature")
    issued = Counter(deputy for e in by_action.get("ballot.issued", []) for deputy in _issued_to(e))
    # A void paper round (returned > issued) is run again: its paper ballots were withdrawn by name.
    issued -= Counter(d for e in by_action.get("paper.round_restarted", []) for d in e.detail["withdrawn_deputy_ids"])
    voters = Counter(v.id for v in bulletin.voters)
    _require(issued == voters, "the voters differ from the ballot.issued events")
    return f"definition, {len(voters)} voters, tally and result signature match the chain"


def _issued_to(entry: ArchivedEntry) -> list[int]:
    """The deputies a ballot.issued event names: a batch's list, or (older entries) the one actor."""
    if "deputy_ids" in entry.detail:
        return list(entry.detail["deputy_ids"])
    kind, _, number = entry.actor.partition(":")
    _require(kind == "deputy", f"ballot.issued at seq {entry.seq} names no deputy")
    return [int(number)]


def _check_definition(archive: Archive) -> str:
    bulletin = archive.bulletin
    computed = definition_hash(bulletin.vote)
    _require(bulletin.vote_id == archive.vote_id == bulletin.vote.id, "the vote ids differ")
    _require(computed == bulletin.definition_hash, "the definition does not give its hash")
    _require(computed == _statement(archive, RESULT_KIND).body["definition_hash"], "definition hash not as signed")
    return f"{len(bulletin.vote.candidates)} candidates, hash {computed[:16]}…"


def _check_bulletin(archive: Archive) -> str:
    bulletin = archive.bulletin
    result = _statement(archive, RESULT_KIND)
    _require(bulletin.result == result, "the bulletin's result statement is not the archived one")
    _require(bulletin.public_key == archive.public_key, "the bulletin's public key is not the archive's")
    signed = result.body
    _require(bulletin.tally == signed["tally"], "the tally is not the signed tally")
    _require(bulletin.roster_fingerprint == signed["roster_fingerprint"], "the roster fingerprint is not as signed")
    _require(msgspec.to_builtins(bulletin.voters) == signed["voters"], "the voters are not as signed")
    _require(msgspec.to_builtins(bulletin.paper_counts) == signed["paper_counts"], "paper counts are not as signed")
    ids = [v.id for v in bulletin.voters]
    _require(ids == sorted(set(ids)), "voters are not listed once each by id")
    return f"tally, roster fingerprint, {len(ids)} voters and paper counts as signed"


def _check_ballots(archive: Archive) -> str:
    ballots = archive.bulletin.ballots
    keys = [canonical_bytes(msgspec.to_builtins(b)) for b in ballots]
    _require(keys == sorted(keys), "ballots are not in canonical-content order")
    signed = _statement(archive, RESULT_KIND).body["ballots_digest"]
    _require(ballots_digest(ballots) == signed, "the ballots do not give the signed digest")
    return f"{len(ballots)} ballots, sorted by content, digest as signed"


def _check_recount(archive: Archive) -> str:
    bulletin = archive.bulletin
    signed = _statement(archive, RESULT_KIND).body["tally"]
    ballots = [msgspec.convert(msgspec.to_builtins(b), Ballot, str_keys=True) for b in bulletin.ballots]
    recount = count_votes(
        msgspec.convert(bulletin.vote.rules, VoteRules),
        [c.id for c in bulletin.vote.candidates],
        ballots,
        deputies_total=signed["deputies_total"],
        deputies_present=signed["deputies_present"],
    )
    _require(msgspec.to_builtins(recount) == signed, "a recount of the ballots differs from the signed tally")
    return f"recount of {recount.ballots_cast} ballots equals the signed tally; chosen {recount.chosen}"


def _check_receipts(archive: Archive) -> str:
    receipts = archive.receipts
    _require(all(_HEX64.fullmatch(r) for r in receipts), "a receipt hash is not 64 lowercase hex digits")
    _require(receipts == sorted(set(receipts)), "receipt hashes are not sorted and distinct")
    signed = _statement(archive, RESULT_KIND).body["receipts_digest"]
    _require(receipts_digest(receipts) == signed, "the receipt hashes do not give the signed digest")
    return f"{len(receipts)} receipt hashes, digest as signed"


def _check_counts(archive: Archive) -> str:
    bulletin = archive.bulletin
    cast = bulletin.tally["ballots_cast"]
    ballots, voters, receipts = len(bulletin.ballots), len(bulletin.voters), len(archive.receipts)
    if not bulletin.paper_counts:
        message = f"ballots {ballots}, voters {voters}, receipts {receipts} and ballots_cast {cast} differ"
        _require(ballots == voters == receipts == cast, message)
        return f"{cast} ballots = {cast} deputies who took one = {cast} receipts"
    # Paper ballots have no receipts: every tablet ballot has one, every returned sheet is a ballot.
    returned = sum(p.returned for p in bulletin.paper_counts)
    issued = sum(p.issued for p in bulletin.paper_counts)
    message = f"ballots {ballots}, ballots_cast {cast}, receipts {receipts} + paper returned {returned} differ"
    _require(ballots == cast == receipts + returned, message)
    # Voters: every tablet voter, and those handed a paper ballot by name (at most the ballots issued).
    _require(receipts <= voters <= receipts + issued, f"{voters} voters for {receipts} receipts and {issued} issued")
    return f"{cast} ballots = {receipts} tablet ballots with receipts + {returned} paper ballots returned"


def _check_sealing(archive: Archive) -> str:
    try:
        return check_sealing(archive)
    except SealingProblem as problem:
        raise Failed(str(problem)) from problem


def _check_paper(archive: Archive) -> str:
    counts = archive.bulletin.paper_counts
    over = [i for i, p in enumerate(counts) if not 0 <= p.returned <= p.issued]
    _require(not over, f"paper records {over}: more returned than issued")
    voided = [b for b in archive.bulletin.ballots if b.void_reason is not None]
    _require(all(not b.marks for b in voided), "a void ballot carries marks")
    returned = sum(p.returned for p in counts)
    # A void ballot is a paper one, or a sealed one the opening found void (audit.sealing_check).
    sealed_void = sealed_void_count(archive)
    _require(len(voided) <= returned + sealed_void, f"{len(voided)} void ballots but {returned} paper ballots returned")
    signed_off = [
        e.detail
        for e in archive.audit_chain.entries
        if e.action == "paper.signed_off" and e.object_type == "vote" and e.object_id == str(archive.vote_id)
    ]
    if not counts:
        _require(not signed_off, "a paper count was signed off but the result has no paper counts")
        return "no paper ballots"
    _require(bool(signed_off), "paper counts without the chief scrutineer's sign-off in the chain")
    last = signed_off[-1]  # a recount is followed by a new sign-off; the last one was counted
    _require(
        [{"issued": last.get("issued"), "returned": last.get("returned")}] == msgspec.to_builtins(counts),
        "the paper counts differ from the chief scrutineer's signed-off count report",
    )
    return f"{len(counts)} paper record(s): returned ≤ issued, as signed off; {len(voided)} void ballots"
