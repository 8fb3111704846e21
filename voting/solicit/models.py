"""Wire shapes for suggestions (意见建议): intake, tracking and triage."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import msgspec

from voting.programs.models import CandidateCreate

Source = Literal["public", "deputy", "liaison_station", "department", "project_feedback"]
Status = Literal["received", "under_review", "on_hold", "merged", "rejected"]
# Bounds here only stop absurd bodies; the service says what is wrong in both languages.
Text = Annotated[str, msgspec.Meta(max_length=20_000)]


class SuggestionCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A suggestion as any channel files it (the service checks lengths, category and phone)."""

    title: Text
    description: Text
    category: Text
    place: Text = ""
    name: Text = ""  # optional contact: never shown publicly
    phone: Text = ""  # optional contact: never shown publicly
    raised_by: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 1  # how many people raised it (院落会…)
    submitted_by: Text = ""  # the deputy, liaison station or department that brought it


class PublicSuggestion(msgspec.Struct, forbid_unknown_fields=True):
    """What the phone form sends; `key` is drawn once per filled form, so a resend files nothing new."""

    title: Text
    description: Text
    category: Text
    place: Text = ""
    name: Text = ""
    phone: Text = ""
    key: Annotated[str, msgspec.Meta(pattern="^([A-Za-z0-9_-]{16,64})?$")] = ""


class ChannelSuggestion(msgspec.Struct, forbid_unknown_fields=True):
    """A suggestion a clerk records for a deputy, a liaison station or a department."""

    source: Literal["deputy", "liaison_station", "department"]
    submitted_by: Text
    title: Text
    description: Text
    category: Text
    place: Text = ""
    raised_by: Annotated[int, msgspec.Meta(ge=1, le=100_000)] = 1
    name: Text = ""
    phone: Text = ""


class Receipt(msgspec.Struct):
    """The acknowledgement of a stored submission: the tracking code (查询码) and where to follow it."""

    id: int
    code: str
    tracking_url: str


class TrackStep(msgspec.Struct):
    """One step in a suggestion's public history."""

    at: dt.datetime
    status: str
    candidate_name: str | None
    reason: str


class Tracking(msgspec.Struct):
    """What anyone holding the tracking code sees (no contact details)."""

    code: str
    program_id: int
    program_title: str
    title: str
    category: str
    place: str
    submitted_at: dt.datetime
    # received, under_review, on_hold, rejected, merged, then the candidate's fate: candidate_excluded,
    # not_listed, put_to_vote, not_chosen, chosen, implemented
    stage: str
    candidate_name: str | None
    reason: str  # why it was rejected or held, or why its candidate was excluded
    history: list[TrackStep]


class Suggestion(msgspec.Struct):
    """A suggestion as clerks see it (contact included: staff only)."""

    id: int
    program_id: int
    code: str
    source: Source
    title: str
    description: str
    category: str
    place: str
    submitted_by: str
    raised_by: int
    contact_name: str
    contact_phone: str
    status: Status
    candidate_id: int | None
    candidate_name: str | None
    reason: str
    phase: str  # the program's phase when it came in
    created_at: dt.datetime


class Similar(msgspec.Struct):
    """A suggestion that reads like another, with how alike (0–1, see voting/solicit/likeness.py)."""

    id: int
    title: str
    status: Status
    candidate_id: int | None
    similarity: float
    category: str
    place: str


class TriageFilter(msgspec.Struct, frozen=True, kw_only=True):
    """The triage list's filters as the query gives them; empty matches anything (an HTML form sends them empty)."""

    status: str = ""
    category: str = ""
    source: str = ""
    place: str = ""
    q: str = ""  # searches the text
    phase: str = ""  # the program's phase when each came in

    def as_form(self) -> dict[str, str]:
        """The filters as the triage page's form shows them again."""
        return msgspec.structs.asdict(self)


class Triage(msgspec.Struct, forbid_unknown_fields=True):
    """One action on many suggestions: merge (into a candidate or a new draft one), reject, hold, review."""

    suggestion_ids: Annotated[
        list[Annotated[int, msgspec.Meta(ge=1, le=2**63 - 1)]], msgspec.Meta(min_length=1, max_length=500)
    ]
    action: Literal["merge", "reject", "hold", "review"]
    candidate_id: int | None = None
    new_candidate: CandidateCreate | None = None
    reason: Annotated[str, msgspec.Meta(max_length=500)] = ""


class TriageResult(msgspec.Struct):
    """What a triage action changed."""

    changed: int
    candidate_id: int | None
