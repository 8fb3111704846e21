"""Ways to change an archive, for the verifier's tests: each returns the changed file's bytes."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import msgspec

from audit import Archive
from audit.canonical import canonical_bytes

Value = dict[str, Any]


def as_value(archive: Archive) -> Value:
    """The archive as plain JSON values, to change freely."""
    return copy.deepcopy(msgspec.to_builtins(archive))


def rewritten(archive: Archive, change: Callable[[Value], None]) -> bytes:
    """The archive's bytes after `change`, re-encoded canonically (a careful forger, not a flipped byte)."""
    value = as_value(archive)
    change(value)
    return canonical_bytes(value)


def flip_byte(data: bytes, position: int, new: int) -> bytes:
    """The file with one byte replaced."""
    return data[:position] + bytes([new]) + data[position + 1 :]


def ballots(value: Value) -> list[Value]:
    """The bulletin's ballots."""
    return value["bulletin"]["ballots"]  # type: ignore[no-any-return]


def entries(value: Value) -> list[Value]:
    """The chain segment's entries."""
    return value["audit_chain"]["entries"]  # type: ignore[no-any-return]
