"""Every single-point change to an archive is caught by `voting verify` (hypothesis picks the point).

Two kinds of forger: one who flips a byte of the file, and a careful one who
edits the content and writes it back in the canonical encoding.
"""

from __future__ import annotations

import copy
from typing import Any

import msgspec
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from audit import NotCanonical, encode_archive, verify_archive
from audit.archive import ArchivedEntry, archived_entry, chain_entry
from audit.canonical import canonical_bytes
from audit.chain import entry_hash
from tests.audit.archives import build_archive, new_key
from tests.audit.tampering import Value, as_value, ballots, entries, flip_byte

ARCHIVE = build_archive(new_key())
DATA = encode_archive(ARCHIVE)
VALUE = as_value(ARCHIVE)
MARKS = ["for", "against", "abstain", "yes", ""]
CANDIDATES = ["11", "12", "13", "14", "15", "011"]


def caught(data: bytes) -> bool:
    """True if the verifier refuses these bytes."""
    return not verify_archive(data).ok


def test_the_untouched_archive_verifies() -> None:
    assert verify_archive(DATA).ok


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(DATA) - 1), st.integers(0, 255))
def test_any_changed_byte_is_caught(position: int, new: int) -> None:
    assume(DATA[position] != new)
    assert caught(flip_byte(DATA, position, new))


LETTERS = [i for i, byte in enumerate(DATA) if chr(byte).isalpha()]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LETTERS))
def test_a_letter_in_another_case_is_caught(position: int) -> None:
    # The quiet change: hex digits, PEM and time stamps parse the same in either case.
    assert caught(flip_byte(DATA, position, DATA[position] ^ 0x20))


def leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) of a scalar inside a JSON value."""
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in leaves(item, (*path, i))]
    return [(path, value)]


def replaced(value: Value, path: tuple[Any, ...], new: Any) -> bytes:
    """The archive with the scalar at `path` replaced, canonically encoded."""
    changed = copy.deepcopy(value)
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    try:
        return canonical_bytes(changed)
    except NotCanonical:  # U+0000 or a lone surrogate: written as plain JSON, which must be refused too
        return msgspec.json.encode(changed)


INTEGERS = [(p, v) for p, v in leaves(VALUE) if type(v) is int]
STRINGS = [(p, v) for p, v in leaves(VALUE) if type(v) is str]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(INTEGERS), st.integers(-3, 3).filter(bool))
def test_any_changed_count_or_number_is_caught(leaf: tuple[tuple[Any, ...], int], delta: int) -> None:
    path, number = leaf
    assert caught(replaced(VALUE, path, number + delta))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(STRINGS), st.text(max_size=3))
def test_any_changed_text_is_caught(leaf: tuple[tuple[Any, ...], str], suffix: str) -> None:
    path, text = leaf
    new = text[:-1] + suffix if text else suffix
    assume(new != text)
    assert caught(replaced(VALUE, path, new))


def ballot_strategy() -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda marks: {"marks": marks}, st.dictionaries(st.sampled_from(CANDIDATES), st.sampled_from(MARKS), max_size=3)
    )


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_single_ballot_change_insert_delete_or_reorder_is_caught(data: st.DataObject) -> None:
    value = copy.deepcopy(VALUE)
    listed = ballots(value)
    how = data.draw(st.sampled_from(["change", "insert", "delete", "reorder"]))
    i = data.draw(st.integers(0, len(listed) - 1))
    if how == "change":
        new = data.draw(ballot_strategy())
        assume(new != listed[i])
        listed[i] = new
    elif how == "insert":
        listed.insert(data.draw(st.integers(0, len(listed))), data.draw(ballot_strategy() | st.sampled_from(listed)))
    elif how == "delete":
        del listed[i]
    else:
        j = data.draw(st.integers(0, len(listed) - 1))
        assume(listed[i] != listed[j])
        listed[i], listed[j] = listed[j], listed[i]
    assert caught(canonical_bytes(value))


def relinked(segment: list[Value], start: int) -> list[Value]:
    """The entries with seq, prev_hash and hash recomputed from `start` on: a forger who knows the hash rule."""
    fixed = segment[:start]
    for item in segment[start:]:
        entry = chain_entry(ArchivedEntry(**item))
        if fixed:
            entry = msgspec.structs.replace(entry, seq=fixed[-1]["seq"] + 1, prev_hash=fixed[-1]["hash"])
        entry = msgspec.structs.replace(entry, hash=entry_hash(entry))
        fixed.append(msgspec.to_builtins(archived_entry(entry)))
    return fixed


@settings(max_examples=200, deadline=None)
@given(st.data(), st.booleans())
def test_any_single_audit_entry_change_insert_delete_or_reorder_is_caught(data: st.DataObject, relink: bool) -> None:
    value = copy.deepcopy(VALUE)
    listed = entries(value)
    how = data.draw(st.sampled_from(["change", "insert", "delete", "reorder"]))
    i = data.draw(st.integers(0, len(listed) - 1))
    if how == "change":
        field = data.draw(st.sampled_from(["actor", "role", "action", "object_id", "detail"]))
        listed[i][field] = {"tampered": True} if field == "detail" else listed[i][field] + "x"
    elif how == "insert":
        listed.insert(data.draw(st.integers(0, len(listed))), copy.deepcopy(listed[i]))
    elif how == "delete":
        del listed[i]
    else:
        j = data.draw(st.integers(0, len(listed) - 1))
        assume(i != j)
        listed[i], listed[j] = listed[j], listed[i]
    if relink and listed:
        value["audit_chain"]["entries"] = relinked(listed, min(i, len(listed) - 1))
    assert caught(canonical_bytes(value))


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_any_single_receipt_change_insert_or_delete_is_caught(data: st.DataObject) -> None:
    value = copy.deepcopy(VALUE)
    receipts = value["receipts"]
    how = data.draw(st.sampled_from(["change", "insert", "delete"]))
    i = data.draw(st.integers(0, len(receipts) - 1))
    made_up = data.draw(st.text("0123456789abcdef", min_size=64, max_size=64))
    if how == "change":
        assume(made_up != receipts[i])
        receipts[i] = made_up
    elif how == "insert":
        receipts.insert(i, made_up)
    else:
        del receipts[i]
    assert caught(canonical_bytes(value))
