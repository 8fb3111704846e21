"""Wire shapes for yearly programs and their candidate projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

import msgspec


class Program(msgspec.Struct):
    """One body's yearly livelihood-projects cycle (年度民生实事项目票决)."""

    id: int
    body_id: int
    year: int
    title: str


class ProgramCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new yearly program."""

    body_id: int
    year: Annotated[int, msgspec.Meta(ge=2000, le=2100)]
    title: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class Candidate(msgspec.Struct):
    """A candidate project (候选项目) with what the deputies need to judge it."""

    id: int
    program_id: int
    position: int
    name: str
    summary: str
    category: str
    cost_wan: Decimal  # 万元
    funding: str
    responsible_unit: str
    completion_date: dt.date | None


class CandidateCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new candidate project."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    summary: Annotated[str, msgspec.Meta(max_length=2000)] = ""
    category: Annotated[str, msgspec.Meta(max_length=20)] = ""
    cost_wan: Decimal = Decimal(0)  # ≥ 0: the database's CHECK says so (msgspec cannot bound a Decimal)
    funding: Annotated[str, msgspec.Meta(max_length=200)] = ""
    responsible_unit: Annotated[str, msgspec.Meta(max_length=100)] = ""
    completion_date: dt.date | None = None


Phase = Literal["solicit", "shortlist", "deliberate", "vote", "supervise", "evaluate", "closed"]


class PhaseDate(msgspec.Struct):
    """The first day of a phase."""

    phase: Phase
    starts_on: dt.date


class ProgramSchedule(msgspec.Struct, forbid_unknown_fields=True):
    """Phase dates and the suggestion categories of a program."""

    dates: Annotated[list[PhaseDate], msgspec.Meta(max_length=7)]
    categories: (
        Annotated[
            list[Annotated[str, msgspec.Meta(min_length=1, max_length=20)]], msgspec.Meta(min_length=1, max_length=30)
        ]
        | None
    ) = None


class PhaseChange(msgspec.Struct, forbid_unknown_fields=True):
    """Move a program to another phase; going back, or ahead of the calendar, needs a reason."""

    phase: Phase
    reason: Annotated[str, msgspec.Meta(max_length=500)] = ""
    confirm_early: bool = False  # the clerk saw why the move looks premature and goes ahead (reason required)


class ProgramDetail(msgspec.Struct):
    """A program with its phase, schedule and categories (public)."""

    id: int
    body_id: int
    body_name: str
    year: int
    title: str
    phase: Phase
    dates: list[PhaseDate]
    categories: list[str]
    list_fixed: bool
    warnings: list[str] = []
