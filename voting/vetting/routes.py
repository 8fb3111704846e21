"""HTTP: feasibility requests and opinions, exclusions, visit notes."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, liaisons, provide_principal
from voting.auth.guards import presidium_or_liaisons
from voting.programs.schedule import get_program
from voting.vetting import service
from voting.vetting.models import (
    CandidateVetting,
    Exclusion,
    FeasibilityRequest,
    Opinion,
    OpinionVersion,
    RequestCreate,
    VisitNote,
    VisitNoteCreate,
)

TAGS = ["vetting"]


@post("/api/candidates/{candidate_id:int}/feasibility-requests", guards=[clerks], summary="Ask a department", tags=TAGS)
async def request_opinion(
    request: Request[Any, Any, Any], state: State, candidate_id: FromPath[int], data: JSONBody[RequestCreate]
) -> FeasibilityRequest:
    """Send a draft candidate to a department for a feasibility opinion by a due date."""
    return await service.request_opinion(state.pool, await provide_principal(request), candidate_id, data)


@get("/api/programs/{program_id:int}/vetting", guards=[clerks], summary="Vetting of all candidates", tags=TAGS)
async def program_vetting(state: State, program_id: FromPath[int]) -> list[CandidateVetting]:
    """Every candidate with its requests, opinions, notes and exclusion flags."""
    await get_program(state.pool, program_id)
    return await service.get_vetting(state.pool, program_id)


@get("/api/liaison/requests", guards=[liaisons], summary="My department's requests", tags=TAGS)
async def my_requests(request: Request[Any, Any, Any], state: State) -> list[FeasibilityRequest]:
    """Only what is assigned to the liaison's department; overdue ones are flagged."""
    return await service.my_requests(state.pool, await provide_principal(request))


@post("/api/liaison/requests/{request_id:int}/opinion", status_code=200, guards=[liaisons], summary="Answer", tags=TAGS)
async def answer(
    request: Request[Any, Any, Any], state: State, request_id: FromPath[int], data: JSONBody[Opinion]
) -> FeasibilityRequest:
    """The department's feasibility opinion, or its revision until the list is fixed (403: another department's)."""
    return await service.answer(state.pool, await provide_principal(request), request_id, data)


@get(
    "/api/feasibility-requests/{request_id:int}/opinions",
    guards=[presidium_or_liaisons],
    summary="Every answer to a request",
    tags=TAGS,
)
async def opinion_history(
    request: Request[Any, Any, Any], state: State, request_id: FromPath[int]
) -> list[OpinionVersion]:
    """The department's answers in order, the earlier ones kept when it revises (a liaison: own department only)."""
    return await service.opinion_history(state.pool, await provide_principal(request), request_id)


@post(
    "/api/candidates/{candidate_id:int}/exclusion",
    status_code=200,
    guards=[clerks],
    summary="Flag exclusion",
    tags=TAGS,
)
async def flag_exclusion(
    request: Request[Any, Any, Any], state: State, candidate_id: FromPath[int], data: JSONBody[Exclusion]
) -> None:
    """Flag (or clear) an exclusion rule with its reason."""
    await service.flag_exclusion(state.pool, await provide_principal(request), candidate_id, data)


@post("/api/candidates/{candidate_id:int}/visit-notes", guards=[clerks], summary="Add a visit note", tags=TAGS)
async def add_visit_note(
    request: Request[Any, Any, Any], state: State, candidate_id: FromPath[int], data: JSONBody[VisitNoteCreate]
) -> VisitNote:
    """A research group's (调研组) visit note."""
    return await service.add_visit_note(state.pool, await provide_principal(request), candidate_id, data)


ROUTES = [request_opinion, program_vetting, my_requests, answer, opinion_history, flag_exclusion, add_visit_note]
