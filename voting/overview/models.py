"""Wire shapes of the overview (GET /api/bodies/{body_id}/overview)."""

from __future__ import annotations

import datetime as dt

import msgspec


class ProjectFigure(msgspec.Struct):
    """One chosen project: its progress and its latest published satisfaction rating."""

    item_id: int
    name: str
    status: str  # in_progress, completed, adjusted, postponed, stopped
    percent: int  # from the latest published progress report
    target_date: dt.date | None
    completed_on: dt.date | None
    rating: str | None  # satisfied, basic, unsatisfied; None: not rated yet (or no rating published)
    satisfaction_pct: float | None
    rectifying: bool  # sent back for 整改 and not evaluated again yet


class BodyYear(msgspec.Struct):
    """One body's program of the year in figures (a body with no program that year has zeros and no phase)."""

    body_id: int
    body_name: str
    level: str
    parent_id: int | None
    depth: int  # 0: the body the overview is of; 1: a body directly below it; 2: below that
    program_id: int | None
    program_title: str | None
    phase: str | None
    session_id: int | None  # the program's latest session, else the body's latest that year not tied to a program
    suggestions: int  # every suggestion received, whatever became of it
    candidates: int  # candidate projects not excluded
    listed: int  # on the presidium's list
    votes_held: int  # announced votes (a runoff counts with its vote)
    votes_in_progress: int  # opened or counted, not yet announced
    chosen: int  # projects chosen (in implementation)
    completed: int
    average_percent: int | None  # of projects not stopped; a completed one counts as 100
    on_time: int  # completed by their target date …
    due: int  # … out of those due by now (supervision.schedule.on_time)
    on_time_pct: int | None
    satisfied: int  # projects whose latest published rating is 满意
    basic: int  # 基本满意
    unsatisfied: int  # 不满意
    satisfaction_pct: float | None  # average of the rated projects' satisfaction rates
    rectifying: int
    projects: list[ProjectFigure]


class Totals(msgspec.Struct):
    """The bodies' figures added up."""

    bodies: int
    with_program: int
    phases: dict[str, int]  # phase → bodies in it ("none": no program this year)
    suggestions: int
    candidates: int
    votes_held: int
    chosen: int
    completed: int
    on_time: int
    due: int
    on_time_pct: int | None
    satisfied: int
    basic: int
    unsatisfied: int
    rectifying: int


class Overview(msgspec.Struct):
    """A body's year and that of every body below it."""

    body_id: int
    body_name: str
    level: str
    year: int
    years: list[int]  # years with a program anywhere in the tree, and this one
    as_of: dt.date  # the congress's date the on-time rate is taken at
    rows: list[BodyYear]
    totals: Totals
