"""The key-card page of the count console: the ceremony (cards printed once) and opening the count."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.auth import Principal, Role
from voting.page_kit import page, staff_page_user
from voting.sealing.service import vote_key_shown
from voting.sealing.votes import needs_key
from voting.sessions.models import Session
from voting.votes.results import vote_and_session


@get("/count/votes/{vote_id:int}/keys", include_in_schema=False)
async def key_cards_page(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Template:
    """Make a vote's key cards before it opens; after close, k scrutineers type or scan theirs to open the count."""
    who = await staff_page_user(request, Role.ADMIN, Role.PRESIDING, Role.SCRUTINEER)
    vote, session = await vote_and_session(state.pool, vote_id, public=False)
    key = await vote_key_shown(state.pool, vote_id)
    back = "/count" if who.role is Role.SCRUTINEER else f"/console/sessions/{vote.session_id}"
    return key_cards_template(
        who,
        f"/api/votes/{vote_id}",
        vote.title,
        f"{session.title} · #{vote.id}",
        back,
        vote.state,
        key,
        needs_key(vote),
        # A vote's scrutineers are assigned here: a tablet vote has no paper count page to do it on.
        scrutineers_of=session if needs_key(vote) else None,
        vote_id=vote.id,
    )


def key_cards_template(
    who: Principal,
    api_base: str,
    title: str,
    subtitle: str,
    back: str,
    state: str,
    key: dict[str, object] | None,
    sealed: bool = True,
    scrutineers_of: Session | None = None,
    vote_id: int | None = None,
) -> Template:
    """The key-card page for a vote or a rating round (its API base decides which); a vote's with its scrutineers."""
    return page(
        "sealing/key_cards.html",
        who=who,
        api_base=api_base,
        title=title,
        subtitle=subtitle,
        back=back,
        state=state,
        key=key,
        sealed=sealed,
        session=scrutineers_of,
        vote_id=vote_id,
    )


ROUTES = [key_cards_page]
