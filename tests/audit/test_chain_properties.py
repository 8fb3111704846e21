"""Any single change to a chain is caught: hypothesis edits random chains one way at a time."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import msgspec
from hypothesis import given
from hypothesis import strategies as st

from audit import AuditEvent, ChainEntry, ChainHead, link, verify_chain
from tests.audit.chains import chains, events, texts

FIELDS = ["seq", "at", "actor", "role", "action", "object_type", "object_id", "detail", "prev_hash", "hash"]


def altered(value: Any, field: str) -> Any:
    """A value of the same type that differs from `value`."""
    if field == "seq":
        return value + 1
    if field == "at":
        return value + timedelta(microseconds=1)
    if field == "detail":
        return {**value, "tampered": True} if "tampered" not in value else {}
    if field in ("prev_hash", "hash"):
        return ("1" if value[0] == "0" else "0") + value[1:]
    return value + "x"


def problems_of(entries: list[ChainEntry], head: ChainHead, with_head: bool) -> list[Any]:
    return verify_chain(entries, expected_head=head if with_head else None)


@given(chains)
def test_an_intact_chain_has_no_problems(entries: list[ChainEntry]) -> None:
    assert verify_chain(entries, expected_head=ChainHead(entries[-1].seq, entries[-1].hash)) == []


@given(chains, st.data())
def test_altering_any_field_of_any_entry_is_caught_at_that_entry(
    entries: list[ChainEntry], data: st.DataObject
) -> None:
    i = data.draw(st.integers(0, len(entries) - 1))
    field = data.draw(st.sampled_from(FIELDS))
    original = entries[i]
    tampered = list(entries)
    tampered[i] = msgspec.structs.replace(original, **{field: altered(getattr(original, field), field)})
    problems = verify_chain(tampered)  # no head needed: the entry no longer matches itself
    assert problems
    assert original.seq in {p.seq for p in problems} or tampered[i].seq in {p.seq for p in problems}


@given(chains, st.data(), st.booleans())
def test_inserting_even_a_correctly_linked_entry_is_caught(
    entries: list[ChainEntry], data: st.DataObject, with_head: bool
) -> None:
    position = data.draw(st.integers(0, len(entries) if with_head else len(entries) - 1))
    before = entries[position - 1] if position else None
    forged = link(before, data.draw(events), 1 if before is None else before.seq + 1, entries[0].at)
    tampered = [*entries[:position], forged, *entries[position:]]
    head = ChainHead(entries[-1].seq, entries[-1].hash)
    assert problems_of(tampered, head, with_head)


@given(chains, st.data(), st.booleans())
def test_deleting_any_entry_is_caught(entries: list[ChainEntry], data: st.DataObject, with_head: bool) -> None:
    # Without the signed head only the last entry may go unseen: the chain simply looks shorter.
    last = len(entries) - 1 if with_head else len(entries) - 2
    if last < 0:
        return
    i = data.draw(st.integers(0, last))
    tampered = entries[:i] + entries[i + 1 :]
    assert problems_of(tampered, ChainHead(entries[-1].seq, entries[-1].hash), with_head)


@given(chains.filter(lambda c: len(c) >= 2), st.data())
def test_swapping_any_two_entries_is_caught(entries: list[ChainEntry], data: st.DataObject) -> None:
    i, j = data.draw(st.lists(st.integers(0, len(entries) - 1), min_size=2, max_size=2, unique=True))
    tampered = list(entries)
    tampered[i], tampered[j] = tampered[j], tampered[i]
    problems = verify_chain(tampered)
    assert {entries[i].seq, entries[j].seq} & {p.seq for p in problems}


@given(chains, texts)
def test_relinking_everything_after_a_change_shows_only_against_the_head(entries: list[ChainEntry], extra: str) -> None:
    # The strongest rewrite: change the first entry and re-link every later one.
    rewritten: list[ChainEntry] = []
    for entry in entries:
        actor = entry.actor + extra + "!" if entry.seq == 1 else entry.actor
        event = AuditEvent(
            actor=actor,
            role=entry.role,
            action=entry.action,
            object_type=entry.object_type,
            object_id=entry.object_id,
            detail=entry.detail,
        )
        rewritten.append(link(rewritten[-1] if rewritten else None, event, entry.seq, entry.at))
    assert verify_chain(rewritten) == []
    assert verify_chain(rewritten, expected_head=ChainHead(entries[-1].seq, entries[-1].hash))
