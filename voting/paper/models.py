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


class IssuedCount(msgspec.Struct, forbid_unknown_fields=True):
    """发出: how many paper ballots; more than the deputies present must be confirmed."""

    count: Count
    beyond_present: bool = False  # the scrutineer saw the warning and confirms the number


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
    actor_name: str | None = None  # the staff member's name; None for "system"


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


class ConflictDeclare(msgspec.Struct, forbid_unknown_fields=True):
    """A teller or scrutineer declares a conflict of interest with one candidate (利益冲突申报)."""

    candidate_id: int
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class ConflictRecord(msgspec.Struct):
    """A declared conflict, as the count report and the announcement show it."""

    staff_user_id: int
    display_name: str
    role: CounterRole
    candidate_id: int
    candidate_name: str
    reason: str
    declared_at: dt.datetime


class ChiefTransfer(msgspec.Struct, forbid_unknown_fields=True):
    """Make another assigned scrutineer the chief (e.g. after the chief declared a conflict)."""

    staff_user_id: int


class PaperCount(msgspec.Struct):
    """A vote's paper count: mode, round, state, counters, steps, the signed report and declared conflicts."""

    vote_id: int
    mode: str
    round: int
    state: CountState
    counters: list[Counter]
    steps: list[Step]
    report: dict[str, Any] | None  # while figures_shown is False: only its round, issued and returned
    conflicts: list[ConflictRecord] = []
    handed_out: int = 0  # paper ballots recorded as handed to a named deputy (mixed votes, failed tablets)
    figures_shown: bool = True  # False for a mixed vote whose tablets still vote (voting.paper.disclosure)


class Assignment(msgspec.Struct):
    """A vote the caller counts, and as what."""

    vote_id: int
    title: str
    state: str
    mode: str
    session_id: int
    session_title: str
    role: CounterRole
    is_chief: bool


class CountingStaffUser(msgspec.Struct):
    """An active teller or scrutineer account that can be assigned to a vote."""

    id: int
    username: str
    display_name: str
    role: CounterRole


class ReadingLine(msgspec.Struct):
    """One candidate on the 唱票 screen; the numbers are None while they may not be shown."""

    candidate_id: int
    position: int
    name: str
    votes_for: int | None
    votes_against: int | None
    abstentions: int | None


class RunningCount(msgspec.Struct):
    """What the hall sees while the paper ballots are read out (当场读票): paper sheets only, never tablets."""

    vote_id: int
    session_id: int
    title: str
    mode: str
    form: str
    seats: int
    vote_state: str
    round: int
    void: bool
    issued: int | None
    returned: int | None
    read: int  # sheets read out so far (entered by at least one teller)
    invalid: int | None
    blank: int | None
    shown: bool  # False for a mixed vote still open: see docs/decisions.md (Paper count)
    lines: list[ReadingLine]
