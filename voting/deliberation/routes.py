"""HTTP: the candidate list, the voting method, fixing, reopening and the live vote."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post, put
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import provide_principal
from voting.auth.guards import is_staff, presidium
from voting.deliberation import service
from voting.deliberation.models import CandidateList, ListOrder, LiveVoteCreate, Reopen, VotingMethod
from voting.votes.models import Vote

TAGS = ["deliberation"]
# The presidium decides; its clerks (秘书处) and the presiding officers operate the console for it.


@get("/api/programs/{program_id:int}/list", summary="The candidate list", tags=TAGS)
async def get_list(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> CandidateList:
    """The list and method; the public sees the entries once the list is fixed."""
    return await service.get_list(state.pool, program_id, await is_staff(request))


@put("/api/programs/{program_id:int}/list", guards=[presidium], summary="Order the list", tags=TAGS)
async def order_list(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[ListOrder]
) -> CandidateList:
    """Vetted candidates in ballot order."""
    return await service.order_list(state.pool, await provide_principal(request), program_id, data)


@put("/api/programs/{program_id:int}/method", guards=[presidium], summary="Adopt the voting method", tags=TAGS)
async def adopt_method(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[VotingMethod]
) -> CandidateList:
    """票决办法: seats, margin ratio, ballot form, threshold, quorum."""
    return await service.adopt_method(state.pool, await provide_principal(request), program_id, data)


@post("/api/programs/{program_id:int}/list/fix", status_code=200, guards=[presidium], summary="Fix the list", tags=TAGS)
async def fix_list(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> CandidateList:
    """Lock the list (409 when the margin is not met)."""
    return await service.fix_list(state.pool, await provide_principal(request), program_id)


@post("/api/programs/{program_id:int}/list/reopen", status_code=200, guards=[presidium], summary="Reopen", tags=TAGS)
async def reopen_list(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[Reopen]
) -> CandidateList:
    """Unlock the list; the reason is recorded."""
    return await service.reopen_list(state.pool, await provide_principal(request), program_id, data)


@post("/api/programs/{program_id:int}/vote", guards=[presidium], summary="Create the live vote", tags=TAGS)
async def create_live_vote(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], data: JSONBody[LiveVoteCreate]
) -> Vote:
    """The session's draft vote from the fixed list and the method."""
    return await service.create_live_vote(state.pool, await provide_principal(request), program_id, data)


ROUTES = [get_list, order_list, adopt_method, fix_list, reopen_list, create_live_vote]
