"""HTTP: the presiding officer announces a counted vote."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.datastructures import State
from litestar.params import FromPath

from voting.announcement.service import announce_vote
from voting.auth import presiding, provide_principal
from voting.votes.models import Result


@post("/api/votes/{vote_id:int}/announce", guards=[presiding], status_code=200, summary="Announce", tags=["votes"])
async def announce(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Result:
    """Publish the result to the hall screen and the public page."""
    who = await provide_principal(request)
    return await announce_vote(state.pool, state.live, who, vote_id, state.signing_key)


ROUTES = [announce]
