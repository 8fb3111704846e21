"""Printed paper: the ballot (选票, A4 or A3); the announcement (公告) is voting/votes/announcement_page.py."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template
from markupsafe import Markup

from tally.models import BallotForm
from voting.page_kit import page, qr_svg, staff_page_user
from voting.page_kit.wording import meeting_name
from voting.votes.results import vote_and_session

# Beyond this many candidates the ballot is printed on A3, so every line stays large enough to mark.
A4_MOST = 15


def public_url(state: State, vote_id: int) -> str:
    """The public result page this printed paper points to (never anything about a deputy)."""
    return f"{state.settings.public_base_url}/public/votes/{vote_id}"


@get("/console/votes/{vote_id:int}/ballot", include_in_schema=False)
async def ballot_print(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Template:
    """The printable paper ballot: the list, the instructions, a QR code naming the vote; no serial number."""
    await staff_page_user(request)
    vote, session = await vote_and_session(state.pool, vote_id, public=False)
    qr = Markup(await asyncio.to_thread(qr_svg, public_url(state, vote_id)))
    paper = "A3" if len(vote.candidates) > A4_MOST else "A4"
    return page(
        "paper/ballot.html",
        vote=vote,
        session=session,
        qr=qr,
        paper=paper,
        per_candidate=vote.rules.form == BallotForm.PER_CANDIDATE,
        meeting=meeting_name(session.body_name, session.title),
    )


ROUTES = [ballot_print]
