"""`voting verify`'s checks, one claim at a time: what a forger changes, the report names."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

from audit import Archive, encode_archive, report_text, verify_archive
from audit.archive import HEAD_KIND, RESULT_KIND, PaperCount, publish_bulletin
from audit.signing import public_key_pem, sign_statement
from tests.audit.archives import build_archive, new_key
from tests.audit.tampering import Value, ballots, entries, rewritten

KEY = new_key()
ARCHIVE = build_archive(KEY)
DATA = encode_archive(ARCHIVE)


def failures(data: bytes, trusted: str | None = None) -> list[str]:
    """The names of the failed checks (a failing archive names at least one)."""
    report = verify_archive(data, trusted)
    assert report.ok == (not report.failures)
    return report.failures


def build_signed_with(
    change_body: Callable[[dict[str, Any]], dict[str, Any]], tally: dict[str, Any] | None = None
) -> Archive:
    """The sample archive with its result body changed and re-signed by the service's own key."""
    result = sign_statement(KEY, RESULT_KIND, change_body(dict(ARCHIVE.statements[0].body)))
    board = ARCHIVE.bulletin
    bulletin = publish_bulletin(board.vote, board.ballots, tally or board.tally, result, board.public_key)
    return msgspec.structs.replace(ARCHIVE, statements=[result, ARCHIVE.statements[1]], bulletin=bulletin)


def test_a_true_archive_passes_every_check() -> None:
    report = verify_archive(DATA, public_key_pem(KEY))
    assert report.ok, report_text(report)
    assert [c.name for c in report.checks] == [
        "format", "public_key", "signatures", "audit_chain", "audit_events", "definition",
        "bulletin", "ballots", "recount", "receipts", "counts", "paper", "final_result", "sealing",
    ]  # fmt: skip
    assert "OK" in report_text(report)


def test_garbage_fails_as_format() -> None:
    assert failures(b"not json") == ["format"]
    assert failures(b"") == ["format"]


def test_a_changed_ballot_fails_the_digest() -> None:
    def change(value: Value) -> None:
        ballots(value)[0]["marks"] = {"13": "for", "14": "for"}

    found = failures(rewritten(ARCHIVE, change))
    assert "ballots" in found and "recount" in found


def test_a_deleted_ballot_breaks_the_counts() -> None:
    found = failures(rewritten(ARCHIVE, lambda v: ballots(v).pop(2)))
    assert {"ballots", "recount", "counts"} <= set(found)


def test_reordered_ballots_are_caught_even_with_the_same_content() -> None:
    def swap(value: Value) -> None:
        b = ballots(value)
        b[0], b[-1] = b[-1], b[0]

    assert "ballots" in failures(rewritten(ARCHIVE, swap))


def test_a_changed_count_is_caught() -> None:
    def change(value: Value) -> None:
        value["bulletin"]["tally"]["counts"][0]["votes_for"] += 1

    assert "bulletin" in failures(rewritten(ARCHIVE, change))


def test_a_removed_audit_entry_breaks_the_chain() -> None:
    assert "audit_chain" in failures(rewritten(ARCHIVE, lambda v: entries(v).pop(5)))


def test_a_cut_off_chain_start_is_caught() -> None:
    def cut(value: Value) -> None:
        value["audit_chain"]["after"] = entries(value)[1]["prev_hash"]
        del entries(value)[0]

    assert "audit_chain" in failures(rewritten(ARCHIVE, cut))


def test_a_changed_audit_entry_breaks_its_hash() -> None:
    def change(value: Value) -> None:
        entries(value)[3]["actor"] = "deputy:999"

    assert "audit_chain" in failures(rewritten(ARCHIVE, change))


def test_a_dropped_receipt_is_caught() -> None:
    found = failures(rewritten(ARCHIVE, lambda v: v["receipts"].pop()))
    assert {"receipts", "counts"} <= set(found)


def test_a_broken_signature_is_caught() -> None:
    def change(value: Value) -> None:
        statement = value["statements"][1]
        statement["signature"] = ("0" if statement["signature"][0] != "0" else "1") + statement["signature"][1:]

    assert "signatures" in failures(rewritten(ARCHIVE, change))


def test_an_archive_re_signed_with_another_key_fails_only_against_the_trusted_key() -> None:
    forger = new_key()
    result = sign_statement(forger, RESULT_KIND, ARCHIVE.statements[0].body)
    head = sign_statement(forger, HEAD_KIND, ARCHIVE.statements[1].body)
    board = ARCHIVE.bulletin
    forged = msgspec.structs.replace(
        ARCHIVE,
        statements=[result, head],
        public_key=public_key_pem(forger),
        bulletin=publish_bulletin(board.vote, board.ballots, board.tally, result, public_key_pem(forger)),
    )
    data = encode_archive(forged)
    assert "signatures" not in failures(data)  # self-consistent…
    assert "public_key" in failures(data, public_key_pem(KEY))  # …but not by the service's key


def test_a_signed_tally_that_the_ballots_do_not_give_fails_the_recount() -> None:
    # A faulty or dishonest counter signs a wrong result: the signature holds, the recount does not.
    wrong_tally = {**ARCHIVE.bulletin.tally, "chosen": [14, 13]}
    archive = build_signed_with(lambda body: body | {"tally": wrong_tally}, tally=wrong_tally)
    assert "recount" in failures(encode_archive(archive))


def test_more_paper_ballots_returned_than_issued_fails_reconciliation() -> None:
    paper = [{"issued": 10, "returned": 11}]
    archive = build_signed_with(lambda body: body | {"paper_counts": paper})
    found = failures(encode_archive(archive))
    assert "paper" in found


def test_an_archive_without_paper_ballots_passes_the_paper_check() -> None:
    archive = build_signed_with(lambda body: body | {"paper_counts": []})
    report = verify_archive(encode_archive(archive))
    assert next(c for c in report.checks if c.name == "paper").ok


def test_paper_counts_need_the_chief_scrutineers_sign_off_in_the_chain() -> None:
    # Signed paper counts the chain never saw signed off (and ballots with no paper among them) do not verify.
    # tests/paper/test_paper_verify.py runs real paper and mixed votes through the verifier.
    paper = [PaperCount(issued=3, returned=3)]
    archive = build_signed_with(lambda body: body | {"paper_counts": msgspec.to_builtins(paper)})
    report = verify_archive(encode_archive(archive))
    check = next(c for c in report.checks if c.name == "paper")
    assert not check.ok and "sign-off" in check.message


def test_a_final_result_naming_another_project_fails() -> None:
    def reorder(body: dict[str, Any]) -> dict[str, Any]:
        final = dict(body["final"])
        final["chosen"] = [dict(p) | {"candidate_id": 12} for p in final["chosen"]]  # another project chosen
        return body | {"final": final}

    assert "final_result" in failures(encode_archive(build_signed_with(reorder)))


def test_a_final_result_must_end_with_this_vote() -> None:
    def other_vote(body: dict[str, Any]) -> dict[str, Any]:
        final = dict(body["final"])
        final["rounds"] = [dict(final["rounds"][0]) | {"vote_id": 999}]
        return body | {"final": final}

    assert "final_result" in failures(encode_archive(build_signed_with(other_vote)))
    report = verify_archive(DATA)
    assert next(c for c in report.checks if c.name == "final_result").message.startswith("1 round(s): chosen")


def test_a_count_opened_with_fewer_cards_than_the_ceremony_needs_fails_the_sealing_check() -> None:
    archive = ARCHIVE
    entries = [
        msgspec.structs.replace(e, detail={**e.detail, "cards": [3]}) if e.action == "vote.unsealed" else e
        for e in archive.audit_chain.entries
    ]
    forged = msgspec.structs.replace(archive, audit_chain=msgspec.structs.replace(archive.audit_chain, entries=entries))
    check = next(c for c in verify_archive(encode_archive(forged)).checks if c.name == "sealing")
    assert not check.ok and "fewer than 2" in check.message
