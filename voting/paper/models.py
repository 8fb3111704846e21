"""Wire shapes for paper ballots and the on-site count (计票、监票)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import msgspec

from tally.models import Mark, Tally

CounterRole = Literal["teller", "scrutineer"]
VoidReason = Literal["overmarked", "unreadable"]  # 多选作废 / 无法辨认
StepKind = Literal["issued", "box_sealed", "returned", "void", "restarted", "signed_off", "recount"]
Count = Annotated[int, msgspec.Meta(ge=0, le=100_000)]
CountState = Literal["issuing", "counting", "void", "signed_off"]
Sheet = Annotated[int, msgspec.Meta(ge=1, le=100_000)]


class CounterAssign(msgspec.Struct, forbid_unknown_fields=True):
    """Assign a staff user as teller (计票人) or scrutineer (监票人, is_chief: 总监票人)."""

    staff_user_id: int
    role: CounterRole
    is_chief: bool = False


class Counter(msgspec.Struct):
    """One assigned teller or scrutineer."""

    staff_user_id: int
    display_name: str
    role: CounterRole
    is_chief: bool
    assigned_by: str
    assigned_at: dt.datetime


class StepCount(msgspec.Struct, forbid_unknown_fields=True):
    """发出 / 收回: how many paper ballots."""

    count: Count


class Recount(msgspec.Struct, forbid_unknown_fields=True):
    """A correction after sign-off is a recount, and says why."""

    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class Reading(msgspec.Struct, forbid_unknown_fields=True):
    """What one paper sheet says: candidate id → mark, or void with a reason; no marks and no reason is blank."""

    marks: dict[int, Mark] = {}
    void_reason: VoidReason | None = None


class SheetEntry(msgspec.Struct, forbid_unknown_fields=True):
    """A teller's reading of sheet n (1..returned, in counting order)."""

    sheet: Sheet
    marks: dict[int, Mark] = {}
    void_reason: VoidReason | None = None


class Step(msgspec.Struct):
    """One recorded step, with who and when."""

    round: int
    kind: StepKind
    count: int | None
    reason: str | None
    actor: str
    at: dt.datetime


class Discrepancy(msgspec.Struct):
    """A sheet the tellers read differently (teller id → reading), and its resolution if any."""

    sheet: int
    readings: dict[int, Reading]
    resolved: Reading | None


class Progress(msgspec.Struct):
    """Where the entry stands: sheets each teller entered, agreed, in dispute, missing."""

    round: int
    returned: int | None
    entered_by_teller: dict[int, int]
    agreed: int
    discrepancies: list[Discrepancy]
    missing: list[int]  # sheets not yet read by two tellers (nor resolved)


class CountReport(msgspec.Struct):
    """The count report the chief scrutineer confirms (计票报告)."""

    round: int
    issued: int
    returned: int
    paper_valid: int
    paper_invalid: int
    paper_blank: int
    tally: Tally  # electronic and paper ballots counted together by tally.count_votes


class PaperCount(msgspec.Struct):
    """A vote's paper count: mode, round, state, counters, steps and the signed report if any."""

    vote_id: int
    mode: str
    round: int
    state: CountState
    counters: list[Counter]
    steps: list[Step]
    report: dict[str, Any] | None
