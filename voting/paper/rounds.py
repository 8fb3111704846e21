"""A paper round's state, read from its recorded steps, and the sheets' final readings."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import asyncpg
import msgspec

from tally.models import Mark
from voting.paper.models import Discrepancy, Progress, Reading


class RoundState(msgspec.Struct):
    """What the steps of the current round say."""

    round: int = 1
    issued: int | None = None
    sealed: bool = False
    returned: int | None = None
    void: bool = False
    report: dict[str, Any] | None = None  # the signed-off report, unless a recount followed it

    @property
    def signed_off(self) -> bool:
        """Whether the chief scrutineer's sign-off stands (no recount since)."""
        return self.report is not None


def round_state(steps: Sequence[asyncpg.Record]) -> RoundState:
    """Fold the vote's steps (oldest first) into the current round's state."""
    current = max((s["round"] for s in steps), default=1)
    state = RoundState(round=current)
    for step in steps:
        if step["round"] != current:
            continue
        kind = step["kind"]
        if kind == "issued":
            state.issued = step["count"]
        elif kind == "box_sealed":
            state.sealed = True
        elif kind == "returned":
            state.returned = step["count"]
        elif kind == "void":
            state.void = True
        elif kind == "signed_off":
            state.report = step["report"]
        elif kind == "recount":
            state.report = None
    return state


MARK_COLUMNS = ((Mark.FOR, "for_ids"), (Mark.AGAINST, "against_ids"), (Mark.ABSTAIN, "abstain_ids"))


def reading_of(row: asyncpg.Record) -> Reading:
    """A stored entry or resolution as a Reading."""
    marks = {int(cid): mark for mark, column in MARK_COLUMNS for cid in row[column]}
    return Reading(marks=marks, void_reason=row["void_reason"])


def ids_of(reading: Reading) -> tuple[list[int], list[int], list[int]]:
    """A reading as the candidate ids marked for, against and abstain (how entries are stored)."""
    for_ids, against_ids, abstain_ids = (
        sorted(cid for cid, m in reading.marks.items() if m == mark) for mark, _ in MARK_COLUMNS
    )
    return for_ids, against_ids, abstain_ids


def reading_key(reading: Reading) -> tuple[tuple[tuple[int, str], ...], str | None]:
    """A reading in a form that compares equal exactly when two readings say the same."""
    return tuple(sorted((cid, mark.value) for cid, mark in reading.marks.items())), reading.void_reason


def compare_entries(
    round_no: int, returned: int | None, entries: Sequence[asyncpg.Record], resolutions: Sequence[asyncpg.Record]
) -> tuple[Progress, dict[int, Reading]]:
    """Compare the tellers' latest readings sheet by sheet; returns the progress and the final readings."""
    by_sheet: dict[int, dict[int, Reading]] = {}
    per_teller: dict[int, int] = {}
    for row in entries:
        by_sheet.setdefault(row["sheet"], {})[row["teller_id"]] = reading_of(row)
        per_teller[row["teller_id"]] = per_teller.get(row["teller_id"], 0) + 1
    resolved = {row["sheet"]: reading_of(row) for row in resolutions}
    final: dict[int, Reading] = {}
    discrepancies: list[Discrepancy] = []
    missing: list[int] = []
    agreed = 0
    for sheet in range(1, (returned or 0) + 1):
        readings = by_sheet.get(sheet, {})
        distinct = {reading_key(r) for r in readings.values()}
        if len(distinct) > 1:
            discrepancies.append(Discrepancy(sheet=sheet, readings=readings, resolved=resolved.get(sheet)))
        if sheet in resolved:
            final[sheet] = resolved[sheet]
        elif len(readings) >= 2 and len(distinct) == 1:
            final[sheet] = next(iter(readings.values()))
            agreed += 1
        elif len(distinct) <= 1:
            missing.append(sheet)
    progress = Progress(
        round=round_no,
        returned=returned,
        entered_by_teller=per_teller,
        agreed=agreed,
        discrepancies=discrepancies,
        missing=missing,
    )
    return progress, final
