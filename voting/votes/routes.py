"""HTTP: the presiding officer's vote controls, turnout and results."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from tally.models import Tally
from voting.auth import presiding, provide_principal
from voting.auth.guards import count_openers, is_staff
from voting.errors import BadRequest
from voting.prepared import respond
from voting.sealing.models import PresentCards
from voting.votes import lifecycle, practice, published, results, runoff_not_held
from voting.votes.models import (
    AwaitingKeys,
    CloseVote,
    DeclineRunoff,
    PracticeCreate,
    PracticeView,
    Result,
    Turnout,
    Vote,
    VoteCreate,
    WithdrawVote,
)


@get("/api/sessions/{session_id:int}/votes", summary="A session's votes", tags=["votes"])
async def list_votes(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> list[Vote]:
    """Definitions and states (no results here); the public sees neither drafts nor withdrawn ones."""
    votes = await results.session_votes(state.pool, session_id)
    if await is_staff(request):
        return votes
    # Practice votes (试表决) are never published: the hall follows them through /practice.
    return [v for v in votes if v.state not in results.STAFF_ONLY_STATES and v.kind != "practice"]


@post("/api/sessions/{session_id:int}/votes", guards=[presiding], summary="Create a vote", tags=["votes"])
async def create_vote(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], data: JSONBody[VoteCreate]
) -> Vote:
    """A vote not from the fixed list (a resolution on one matter): labelled so, needs a reason, audited.

    A program's vote is made from its fixed list and 票决办法: POST /api/programs/{program_id}/vote.
    """
    return await lifecycle.create_vote(state.pool, await provide_principal(request), session_id, data)


@get("/api/votes/{vote_id:int}", summary="A vote", tags=["votes"])
async def get_vote(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Vote:
    """The vote definition and its state (public once opened; drafts and withdrawn ones for staff only)."""
    return await results.visible_vote(state.pool, vote_id, await is_staff(request))


@post("/api/votes/{vote_id:int}/open", guards=[presiding], status_code=200, summary="Open a vote", tags=["votes"])
async def open_vote(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Vote:
    """Start voting; refused without a quorum."""
    return await lifecycle.open_vote(state.pool, state.live, await provide_principal(request), vote_id)


@post("/api/votes/{vote_id:int}/close", guards=[presiding], status_code=200, summary="Close and count", tags=["votes"])
async def close_vote(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[CloseVote]
) -> Response[Tally | AwaitingKeys]:
    """End voting (needs confirm=true); counted at once (200) unless sealed ballots wait for key cards (202)."""
    if not data.confirm:
        raise BadRequest("confirm_required", "请确认结束投票", "Confirm closing the vote (confirm=true)")
    who = await provide_principal(request)
    tally = await lifecycle.close_vote(state.pool, state.live, who, vote_id, list(data.cards))
    if tally is None:
        return Response(AwaitingKeys(vote_id=vote_id), status_code=202)
    return Response(tally, status_code=200)


@post(
    "/api/votes/{vote_id:int}/count",
    guards=[count_openers],
    status_code=200,
    summary="Open the sealed count with key cards",
    tags=["votes"],
)
async def open_count(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[PresentCards]
) -> Tally:
    """k scrutineers' key cards rebuild the vote's key; the sealed ballots are opened and counted."""
    who = await provide_principal(request)
    return await lifecycle.open_count(state.pool, state.live, who, vote_id, list(data.cards))


@post("/api/votes/{vote_id:int}/runoff", guards=[presiding], status_code=201, summary="Start a runoff", tags=["votes"])
async def runoff(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Vote:
    """A draft 再次投票 among the candidates tied at the cut line."""
    return await lifecycle.start_runoff(state.pool, await provide_principal(request), vote_id)


@post(
    "/api/votes/{vote_id:int}/withdraw", guards=[presiding], status_code=200, summary="Withdraw a draft", tags=["votes"]
)
async def withdraw(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[WithdrawVote]
) -> Vote:
    """Take back a vote not yet opened (needs a reason); it is then never public and never opened."""
    who = await provide_principal(request)
    return await lifecycle.withdraw_vote(state.pool, state.live, who, vote_id, data.reason)


@get("/api/votes/{vote_id:int}/turnout", summary="已投/出席/应到", tags=["votes"])
async def turnout(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Turnout:
    """Live counts of who voted (public once opened); never partial results."""
    if not await is_staff(request):
        await results.visible_vote(state.pool, vote_id, staff=False)
    return await results.turnout(state.pool, vote_id)


@get(
    "/api/votes/{vote_id:int}/result",
    summary="The counted result",
    tags=["votes"],
)
async def result(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[Result]:
    """Public after announcement (prepared once, with an ETag); staff may see it once the vote is closed."""
    if state.prepared.get("result", vote_id) is None and await is_staff(request):
        return Response(await results.result(state.pool, vote_id, public=False))
    # The prepared JSON goes out as bytes; the declared type is what /schema documents.
    return respond(request, await published.prepared_result(state.prepared, state.pool, vote_id))  # type: ignore[return-value]


@post(
    "/api/votes/{vote_id:int}/runoff/not-held",
    guards=[presiding],
    status_code=200,
    summary="Record why the runoff is not held",
    tags=["votes"],
)
async def runoff_not_held_route(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[DeclineRunoff]
) -> Vote:
    """The tied seats are then listed as unfilled in the final result, with this reason."""
    who = await provide_principal(request)
    return await runoff_not_held.decline_runoff(state.pool, state.live, who, vote_id, data.reason)


@post(
    "/api/sessions/{session_id:int}/practice",
    guards=[presiding],
    status_code=201,
    summary="Start a practice vote (试表决)",
    tags=["votes"],
)
async def start_practice(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], data: JSONBody[PracticeCreate]
) -> PracticeView:
    """Opens at once; never counted, announced or archived."""
    who = await provide_principal(request)
    return await practice.start_practice(state.pool, state.live, who, session_id, data)


@get("/api/sessions/{session_id:int}/practice", summary="The session's practice vote", tags=["votes"])
async def session_practice(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int]
) -> PracticeView | None:
    """How many pressed (the hall); staff also see the seats that have not pressed (未按)."""
    return await practice.session_practice(state.pool, session_id, staff=await is_staff(request))


@post(
    "/api/votes/{vote_id:int}/practice/end",
    guards=[presiding],
    status_code=200,
    summary="End a practice vote",
    tags=["votes"],
)
async def end_practice(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> PracticeView:
    """Its ballots, receipts and issue records are deleted; nothing is counted."""
    return await practice.end_practice(state.pool, state.live, await provide_principal(request), vote_id)


ROUTES = [
    list_votes,
    create_vote,
    get_vote,
    open_vote,
    withdraw,
    close_vote,
    open_count,
    runoff,
    runoff_not_held_route,
    start_practice,
    session_practice,
    end_practice,
    turnout,
    result,
]
