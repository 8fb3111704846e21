"""HTTP: a vote's key ceremony (key cards, shown once) and its public sealing key."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import provide_principal
from voting.auth.guards import count_openers, is_staff, optional_principal
from voting.auth.tokens import Role
from voting.sealing import votes
from voting.sealing.cards import printable
from voting.sealing.models import KeyCards, KeyCeremony, SealingKey

# The scrutineers make a vote's cards on the count console (the presiding officer may, where
# scrutineers have no login): the same group that opens the count with them (auth/roles.py);
# a rating round's are made by the clerks (voting/evaluation/routes.py).


@post(
    "/api/votes/{vote_id:int}/key-cards",
    guards=[count_openers],
    status_code=201,
    summary="Make a vote's key cards (shown once)",
    tags=["sealing"],
)
async def make_vote_cards(
    request: Request[Any, Any, Any], state: State, vote_id: FromPath[int], data: JSONBody[KeyCeremony]
) -> KeyCards:
    """Before a vote opens: a sealing key split into cards, k of n open the count; the key is never stored."""
    return printable(await votes.make_vote_cards(state.pool, await provide_principal(request), vote_id, data))


@get("/api/votes/{vote_id:int}/sealing-key", summary="A vote's public sealing key", tags=["sealing"])
async def vote_sealing_key(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> SealingKey:
    """What tablets seal ballots to (public once the vote is; a practice vote's to the hall's tablets and staff)."""
    who = await optional_principal(request)
    in_the_hall = await is_staff(request) or (who is not None and who.role is Role.DEPUTY)
    return await votes.vote_sealing_key(state.pool, vote_id, in_the_hall)


ROUTES = [make_vote_cards, vote_sealing_key]
