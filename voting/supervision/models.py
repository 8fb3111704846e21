"""Wire shapes for implementation items, progress reports, inspections, issues and changes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

ItemStatus = Literal["in_progress", "completed", "adjusted", "postponed", "stopped"]
ChangeKind = Literal["adjust", "postpone", "stop", "resume"]

STATUS_NAMES = {
    "in_progress": ("实施中", "In progress"),
    "completed": ("已完成", "Completed"),
    "adjusted": ("已调整", "Adjusted"),
    "postponed": ("已暂缓", "Postponed"),
    "stopped": ("已终止", "Stopped"),
}
CHANGE_NAMES = {
    "adjust": ("调整", "Adjust"),
    "postpone": ("暂缓", "Postpone"),
    "stop": ("终止", "Stop"),
    "resume": ("恢复实施", "Resume"),  # only a postponed project resumes
}
# What an approved change does to the item.
CHANGE_STATUS: dict[str, ItemStatus] = {
    "adjust": "adjusted",
    "postpone": "postponed",
    "stop": "stopped",
    "resume": "in_progress",
}
# Statuses only a decided change sets, with that change. Not in_progress: a clerk also sets it
# directly to undo a completion (but not to end a postponement, which needs "resume").
DECIDED_STATUSES: dict[ItemStatus, str] = {"adjusted": "adjust", "postponed": "postpone", "stopped": "stop"}

# An adjusted project (调整: new scope, budget or date) is still being carried out,
# so its department keeps reporting on the schedule and 100% completes it.
BEING_CARRIED_OUT: tuple[ItemStatus, ...] = ("in_progress", "adjusted")


class Milestone(msgspec.Struct):
    """A step of a project with its planned date; reached when a published report says so."""

    id: int
    item_id: int
    title: str
    due_on: dt.date
    reached_on: dt.date | None


class Item(msgspec.Struct):
    """A chosen project being carried out (实施项目)."""

    id: int
    candidate_id: int
    vote_id: int | None  # None: a project decided before this service, entered by hand
    body_id: int
    program_year: int
    name: str
    summary: str
    category: str
    department_id: int | None
    department_name: str | None
    responsible_unit: str
    budget_wan: Decimal
    spent_wan: Decimal
    target_date: dt.date | None
    status: ItemStatus
    percent: int
    report_every_months: int
    started_on: dt.date
    completed_on: dt.date | None
    presidium_member: str
    monitors: list[str] = []
    monitor_ids: list[int] = []  # the same deputies' ids, in the same order
    milestones: list[Milestone] = []
    next_due: dt.date | None = None
    overdue: list[dt.date] = []


class ItemUpdate(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """What a clerk sets on an item: department, schedule, monitoring group."""

    department_id: int | None = None
    report_every_months: Literal[1, 2, 3, 4, 6, 12] | None = None
    presidium_member: Annotated[str, msgspec.Meta(max_length=50)] | None = None
    monitor_deputy_ids: list[int] | None = None


class MilestoneCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new milestone."""

    title: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    due_on: dt.date


class Report(msgspec.Struct):
    """A progress report (进展报告) as filed and, once published, as the public sees it."""

    id: int
    item_id: int
    period_due: dt.date
    percent: int
    spent_wan: Decimal
    narrative: str
    decrease_reason: str
    state: Literal["submitted", "published", "returned"]
    review_note: str
    submitted_at: dt.datetime
    reviewed_at: dt.datetime | None
    milestones: list[str] = []
    photos: list[str] = []  # photo ids: GET /api/photos/{id}


class ReportFields(msgspec.Struct, forbid_unknown_fields=True):
    """The form fields of a report (photos come as files beside them)."""

    percent: Annotated[int, msgspec.Meta(ge=0, le=100)]
    spent_wan: Decimal  # ≥ 0 (checked by the service and the database)
    narrative: Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
    decrease_reason: Annotated[str, msgspec.Meta(max_length=1000)] = ""
    milestone_ids: list[int] = []


class Review(msgspec.Struct, forbid_unknown_fields=True):
    """A clerk's decision on a submitted report."""

    publish: bool
    note: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class InspectionCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Deputies' inspection (视察) with findings; each issue goes to the department to answer."""

    inspected_on: dt.date
    participants: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]
    findings: Annotated[str, msgspec.Meta(min_length=1, max_length=4000)]
    issues: list[Annotated[str, msgspec.Meta(min_length=1, max_length=1000)]] = []
    answer_days: Annotated[int, msgspec.Meta(ge=1, le=180)] = 30


class Inspection(msgspec.Struct):
    """A recorded inspection."""

    id: int
    item_id: int
    inspected_on: dt.date
    participants: str
    findings: str


class Issue(msgspec.Struct):
    """A problem the department must answer, tracked to closure."""

    id: int
    item_id: int
    inspection_id: int | None
    description: str
    answer_due: dt.date
    state: Literal["open", "answered", "closed"]
    answer: str
    answered_at: dt.datetime | None
    closing_note: str
    closed_at: dt.datetime | None


class IssueAnswer(msgspec.Struct, forbid_unknown_fields=True):
    """The department's answer."""

    answer: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]


class IssueClose(msgspec.Struct, forbid_unknown_fields=True):
    """A clerk closes an answered issue (or sends it back for a better answer)."""

    accept: bool
    note: Annotated[str, msgspec.Meta(max_length=1000)] = ""


class ChangeCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A request to adjust, postpone or stop a project, or to resume a postponed one."""

    kind: ChangeKind
    reason: Annotated[str, msgspec.Meta(min_length=1, max_length=2000)]
    new_target_date: dt.date | None = None
    new_budget_wan: Decimal | None = None  # ≥ 0


class ChangeDecision(msgspec.Struct, forbid_unknown_fields=True):
    """The recorded decision (e.g. 主任会议, with its document number)."""

    approve: bool
    decided_by: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    decision_ref: Annotated[str, msgspec.Meta(max_length=100)] = ""
    note: Annotated[str, msgspec.Meta(max_length=2000)] = ""


class Change(msgspec.Struct):
    """A change request and, once decided, its decision."""

    id: int
    item_id: int
    kind: ChangeKind
    reason: str
    new_target_date: dt.date | None
    new_budget_wan: Decimal | None
    state: Literal["pending", "approved", "rejected"]
    decided_by: str
    decision_ref: str
    decision_note: str
    requested_at: dt.datetime
    decided_at: dt.datetime | None


class StatusSet(msgspec.Struct, forbid_unknown_fields=True):
    """A clerk sets an item's status directly (only completion or back to in progress, never out of 暂缓)."""

    status: ItemStatus
