"""Wire shapes for feasibility requests and opinions, exclusions and visit notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

import msgspec

from voting.programs.models import Candidate

Long = Annotated[str, msgspec.Meta(max_length=1000)]
ExclusionRule = Literal["office_building", "assigned_from_above", "debt_burden", "other"]
VettingStage = Literal["draft", "requested", "vetted", "excluded"]


class RequestCreate(msgspec.Struct, forbid_unknown_fields=True):
    """Ask a department for a feasibility opinion on a candidate by a date."""

    department_id: int
    due_on: dt.date
    note: Annotated[str, msgspec.Meta(max_length=500)] = ""


class Opinion(msgspec.Struct, forbid_unknown_fields=True):
    """A department's feasibility opinion (论证意见)."""

    necessity: Long
    feasibility: Long
    affordability: Long  # 财政承受能力
    cost_wan: Decimal  # 万元, ≥ 0 (the database's CHECK)
    funding: Annotated[str, msgspec.Meta(max_length=200)]
    responsible_unit: Annotated[str, msgspec.Meta(max_length=100)]
    completion_date: dt.date
    risks: Long = ""  # e.g. adds debt or a burden on residents
    recommended: bool = True


class FeasibilityRequest(msgspec.Struct):
    """A request and, once answered, its opinion."""

    id: int
    candidate_id: int
    candidate_name: str
    candidate_summary: str
    program_id: int
    department_id: int
    department_name: str
    due_on: dt.date
    note: str
    requested_at: dt.datetime
    answered_at: dt.datetime | None
    overdue: bool
    opinion: Opinion | None  # the latest answer
    answers: int  # answers given so far (more than one: the department revised its opinion)
    locked: bool  # its candidate is on the fixed list: no more answers or revisions


class OpinionVersion(msgspec.Struct):
    """One answer a department gave to a request, kept when it is revised."""

    answered_at: dt.datetime
    opinion: Opinion


class Exclusion(msgspec.Struct, forbid_unknown_fields=True):
    """Flag a candidate under an exclusion rule with a reason; rule None clears the flag."""

    rule: ExclusionRule | None = None
    reason: Annotated[str, msgspec.Meta(max_length=500)] = ""


class VisitNoteCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A research group's (调研组) visit note."""

    group_name: Annotated[str, msgspec.Meta(max_length=60)]
    visited_on: dt.date
    note: Annotated[str, msgspec.Meta(max_length=2000)]


class VisitNote(msgspec.Struct):
    """A stored visit note."""

    id: int
    candidate_id: int
    group_name: str
    visited_on: dt.date
    note: str


class CandidateVetting(msgspec.Struct):
    """A candidate with everything vetting found out about it."""

    candidate: Candidate
    stage: VettingStage
    exclusion_rule: ExclusionRule | None
    exclusion_reason: str
    suggestions: int  # merged suggestions
    raised_by: int  # people behind them
    listed: bool  # on the candidate list (draft or fixed)
    requests: list[FeasibilityRequest]
    notes: list[VisitNote]
