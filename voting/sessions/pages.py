"""Staff pages of a session: the presiding console and the seat cards (the console's home is voting/pages/home.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery
from litestar.response import Template
from markupsafe import Markup

from voting.auth.scope import OWN_BODY_ONLY
from voting.page_kit import CLERKS, can_manage_roster, page, qr_svg, staff_of, staff_page_user, within_reach
from voting.sessions.models import SeatCard
from voting.sessions.service import get_session, seat_cards

# Seat-card codes are secrets: never keep these pages in a browser or proxy cache.
NO_STORE = {"Cache-Control": "no-store"}


@get("/console/sessions/{session_id:int}", include_in_schema=False)
async def console_session(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> Template:
    """The presiding console: attendance, quorum and the votes of one session."""
    who = await staff_page_user(request)
    session = await get_session(state.pool, session_id)
    return page("sessions/console.html", who=who, session=session, roster=can_manage_roster(who))


def with_qr(cards: list[SeatCard]) -> list[tuple[SeatCard, Markup]]:
    """Each card with the QR code of its login URL (the SVG is ours, not user text)."""
    return [(card, Markup(qr_svg(card.url))) for card in cards]


@get("/console/sessions/{session_id:int}/seat-cards", include_in_schema=False, opt=OWN_BODY_ONLY)
async def seat_cards_page(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], deputy: FromQuery[int | None] = None
) -> Template:
    """Printable A4 seat cards (座位卡) with login codes and QR codes; ?deputy= prints one card."""
    who = await staff_page_user(request, *CLERKS)
    session = await get_session(state.pool, session_id)
    cards = await seat_cards(state.pool, state.settings, who, session_id)
    if deputy is not None:
        cards = [card for card in cards if card.deputy_id == deputy]
    # Hundreds of QR codes take a while: keep the event loop free for ballots meanwhile.
    rendered = await asyncio.to_thread(with_qr, cards)
    response = page("sessions/seat_cards.html", session=session, cards=rendered, single=deputy is not None)
    response.headers.update(NO_STORE)
    return response


@get("/console/sessions/{session_id:int}/seat-cards/{deputy_id:int}/qr.svg", include_in_schema=False, opt=OWN_BODY_ONLY)
async def seat_card_qr(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], deputy_id: FromPath[int]
) -> Response[str]:
    """One deputy's current login QR code (shown after a code is reissued)."""
    who = await staff_of(request)
    if who is None or not can_manage_roster(who):
        return Response("", status_code=403)
    await within_reach(request, who)
    cards = await seat_cards(state.pool, state.settings, who, session_id)
    card = next((c for c in cards if c.deputy_id == deputy_id), None)
    if card is None:
        return Response("", status_code=404)
    return Response(qr_svg(card.url), media_type="image/svg+xml", headers=NO_STORE)


ROUTES = [console_session, seat_cards_page, seat_card_qr]
