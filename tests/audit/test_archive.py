"""The archive's shape and encoding: one canonical file, ballots sorted by content, names on every digest."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import msgspec
import pytest

from audit import ArchiveUnreadable, decode_archive, encode_archive
from audit.archive import (
    ArchivedEntry,
    BallotRecord,
    archived_entry,
    ballots_digest,
    chain_entry,
    digest,
    receipts_digest,
    roster_fingerprint,
    sorted_ballots,
)
from tests.audit.archives import build_archive, new_key


def test_an_archive_round_trips_to_the_same_bytes() -> None:
    data = encode_archive(build_archive(new_key()))
    assert encode_archive(decode_archive(data)) == data


def test_the_same_content_pretty_printed_is_refused() -> None:
    data = encode_archive(build_archive(new_key()))
    pretty = json.dumps(json.loads(data), ensure_ascii=False, indent=1).encode()
    with pytest.raises(ArchiveUnreadable, match="canonical"):
        decode_archive(pretty)


def test_an_unknown_field_is_refused() -> None:
    value = json.loads(encode_archive(build_archive(new_key())))
    value["bulletin"]["note"] = "trust me"
    with pytest.raises(ArchiveUnreadable):
        decode_archive(json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode())


def test_a_float_is_refused() -> None:
    value = json.loads(encode_archive(build_archive(new_key())))
    value["bulletin"]["tally"]["seats"] = 2.5
    with pytest.raises(ArchiveUnreadable):
        decode_archive(json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode())


def test_ballots_are_sorted_by_content_whatever_order_they_came_in() -> None:
    marks = [{"12": "for"}, {}, {"11": "for", "12": "for"}, {"11": "for"}, {"12": "for"}]
    forward = sorted_ballots(marks)
    assert forward == sorted_ballots(list(reversed(marks)))
    # Canonical bytes order: {"11":"for","12":"for"} < {"11":"for"} (',' < '}'), and {} comes last.
    assert [b.marks for b in forward] == [{"11": "for", "12": "for"}, {"11": "for"}, {"12": "for"}, {"12": "for"}, {}]


def test_the_ballot_digest_depends_on_order_and_content() -> None:
    a, b = BallotRecord(marks={"11": "for"}), BallotRecord(marks={"12": "for"})
    assert ballots_digest([a, b]) != ballots_digest([b, a])
    assert ballots_digest([a, b]) != ballots_digest([a, a])


def test_digests_are_named_so_one_cannot_stand_for_another() -> None:
    assert receipts_digest([]) != digest("ballots", [])
    assert receipts_digest(["ab"]) == digest("receipts", ["ab"])


def test_the_roster_fingerprint_ignores_order_but_not_names() -> None:
    roster = [{"id": 2, "name": "李四", "delegation": "一组"}, {"id": 1, "name": "张三", "delegation": "一组"}]
    assert roster_fingerprint(7, roster) == roster_fingerprint(7, list(reversed(roster)))
    renamed = [{**roster[0], "name": "李五"}, roster[1]]
    assert roster_fingerprint(7, roster) != roster_fingerprint(7, renamed)
    assert roster_fingerprint(7, roster) != roster_fingerprint(8, roster)


def test_an_entry_survives_the_archive_with_its_hash() -> None:
    entry = build_archive(new_key()).audit_chain.entries[0]
    assert archived_entry(chain_entry(entry)) == entry


@pytest.mark.parametrize(
    "text", ["2027-01-15 09:00:00.000000Z", "2027-01-15T09:00:00Z", "2027-01-15T17:00:00.000000+08:00"]
)
def test_an_entry_time_in_another_spelling_is_refused(text: str) -> None:
    entry = build_archive(new_key()).audit_chain.entries[0]
    assert datetime.fromisoformat(text).astimezone(UTC) == datetime(2027, 1, 15, 9, tzinfo=UTC)
    with pytest.raises(ValueError, match="not canonical"):
        chain_entry(msgspec.structs.replace(entry, at=text))


def test_archived_entries_hold_every_chain_field() -> None:
    assert set(ArchivedEntry.__struct_fields__) == {
        "seq", "at", "actor", "role", "action", "object_type", "object_id", "detail", "prev_hash", "hash",
    }  # fmt: skip
