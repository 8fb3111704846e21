"""HTTP: programs and candidate lists."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post, put
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, provide_principal
from voting.auth.guards import require_reach
from voting.auth.scope import Reach
from voting.programs import schedule, service
from voting.programs.models import (
    Candidate,
    CandidateCreate,
    PhaseChange,
    Program,
    ProgramCreate,
    ProgramDetail,
    ProgramSchedule,
)


@get("/api/programs", summary="All programs", tags=["programs"])
async def list_programs(state: State) -> list[Program]:
    """Every yearly program (public)."""
    return await service.list_programs(state.pool)


@post("/api/programs", guards=[clerks], summary="Create a program", tags=["programs"])
async def create_program(request: Request[Any, Any, Any], state: State, data: JSONBody[ProgramCreate]) -> Program:
    """A body's program for a year."""
    who = await provide_principal(request)
    await require_reach(request, who, {"body_id": data.body_id}, Reach.ACT)
    return await service.create_program(state.pool, who, data)


@get("/api/programs/{program_id:int}/candidates", summary="A program's candidates", tags=["programs"])
async def list_candidates(state: State, program_id: FromPath[int]) -> list[Candidate]:
    """The candidate list (public)."""
    return await service.list_candidates(state.pool, program_id)


@post("/api/programs/{program_id:int}/candidates", guards=[clerks], summary="Add a candidate", tags=["programs"])
async def add_candidate(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[CandidateCreate]
) -> Candidate:
    """Append a candidate project."""
    return await service.add_candidate(state.pool, await provide_principal(request), program_id, data)


@get("/api/programs/{program_id:int}", summary="A program with its phase and schedule", tags=["programs"])
async def get_program(state: State, program_id: FromPath[int]) -> ProgramDetail:
    """Phase, schedule and categories (public)."""
    return await schedule.get_program(state.pool, program_id)


@put("/api/programs/{program_id:int}/schedule", guards=[clerks], summary="Set phase dates", tags=["programs"])
async def set_schedule(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[ProgramSchedule]
) -> ProgramDetail:
    """Phase dates and categories; `warnings` names a solicitation shorter than 30 days."""
    return await schedule.set_schedule(state.pool, await provide_principal(request), program_id, data)


@post(
    "/api/programs/{program_id:int}/phase", status_code=200, guards=[clerks], summary="Change phase", tags=["programs"]
)
async def change_phase(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[PhaseChange]
) -> ProgramDetail:
    """Move to the next phase (or back, with a reason)."""
    return await schedule.change_phase(state.pool, await provide_principal(request), program_id, data)


ROUTES = [list_programs, create_program, list_candidates, add_candidate, get_program, set_schedule, change_phase]
