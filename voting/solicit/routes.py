"""HTTP: public submissions, other channels, tracking codes and triage."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, liaisons, provide_principal
from voting.auth.guards import client_address
from voting.solicit import service, triage
from voting.solicit.models import (
    ChannelSuggestion,
    PublicSuggestion,
    Receipt,
    Similar,
    Suggestion,
    Tracking,
    Triage,
    TriageFilter,
    TriageResult,
)
from voting.solicit.triage_filter import TRIAGE_FILTER

TAGS = ["suggestions"]


@post("/api/programs/{program_id:int}/suggestions", summary="Submit a suggestion (public)", tags=TAGS)
async def submit(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[PublicSuggestion]
) -> Receipt:
    """A resident's suggestion; the answer (with the tracking code) comes after it is stored.

    A resend of the same form (same `key`, e.g. after a dropped connection) gets the first
    tracking code back, files nothing and is not counted against the flood limit.
    """
    base_url = state.settings.public_base_url
    if data.key and (earlier := await service.resent_receipt(state.pool, base_url, program_id, data)):
        return earlier
    address = client_address(request)
    place = state.submission_throttle.reserve(address)
    stored = False
    try:
        receipt, stored = await service.submit_public(state.pool, base_url, program_id, data)
    finally:
        if not stored:
            state.submission_throttle.release(address, place)
    return receipt


@post("/api/programs/{program_id:int}/suggestions/channels", guards=[clerks], summary="Record a suggestion", tags=TAGS)
async def record_channel(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[ChannelSuggestion]
) -> Receipt:
    """A suggestion from a deputy, a liaison station or a department, keeping its source."""
    who = await provide_principal(request)
    return await service.submit_for_channel(state.pool, state.settings.public_base_url, who, program_id, data)


@post(
    "/api/liaison/programs/{program_id:int}/proposals", guards=[liaisons], summary="A department's proposal", tags=TAGS
)
async def propose(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[PublicSuggestion]
) -> Receipt:
    """A department proposes a project (source: department)."""
    who = await provide_principal(request)
    return await service.propose_for_department(state.pool, state.settings.public_base_url, who, program_id, data)


@get("/api/track/{code:str}", summary="Follow a suggestion by its tracking code", tags=TAGS)
async def track(state: State, code: FromPath[str]) -> Tracking:
    """Where a suggestion stands (public; never contact details)."""
    return await service.track(state.pool, code)


@get(
    "/api/programs/{program_id:int}/suggestions",
    guards=[clerks],
    dependencies=TRIAGE_FILTER,
    summary="Suggestions (triage)",
    tags=TAGS,
)
async def list_suggestions(
    state: State, program_id: FromPath[int], wanted: NamedDependency[TriageFilter]
) -> list[Suggestion]:
    """A program's suggestions by filters (phase: the program's phase when each came in); q searches the text."""
    return await triage.list_suggestions(state.pool, program_id, wanted)


@get("/api/suggestions/{suggestion_id:int}/similar", guards=[clerks], summary="Similar suggestions", tags=TAGS)
async def similar(state: State, suggestion_id: FromPath[int]) -> list[Similar]:
    """Suggestions that read like this one (pg_trgm), to merge duplicates."""
    return await triage.similar_suggestions(state.pool, suggestion_id)


@post(
    "/api/programs/{program_id:int}/suggestions/triage", status_code=200, guards=[clerks], summary="Triage", tags=TAGS
)
async def apply_triage(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[Triage]
) -> TriageResult:
    """Merge, reject, hold or review many suggestions at once."""
    return await triage.triage(state.pool, await provide_principal(request), program_id, data)


ROUTES = [submit, record_channel, propose, track, list_suggestions, similar, apply_triage]
