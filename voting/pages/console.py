"""Staff pages: login, the session list, the presiding console, the roster and the seat cards."""

from __future__ import annotations

import asyncio
from typing import Any

from litestar import Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from markupsafe import Markup

from voting.auth import Role
from voting.auth.guards import optional_principal, watched_body_ids
from voting.auth.scope import OWN_BODY_ONLY
from voting.bodies.queries import body_by_id
from voting.errors import PiaojueError
from voting.pages.access import (
    CLERKS,
    COUNTERS,
    can_manage_roster,
    error_page,
    page,
    staff_of,
    staff_page_user,
    within_reach,
)
from voting.pages.qr import qr_svg
from voting.roster.service import require_body
from voting.sessions.models import SeatCard, Session
from voting.sessions.queries import all_sessions
from voting.sessions.service import require_session, seat_cards

# Seat-card codes are secrets: never keep these pages in a browser or proxy cache.
NO_STORE = {"Cache-Control": "no-store"}


@get("/login", include_in_schema=False)
async def login_page() -> Template:
    """The staff login form; the script sends the browser on to ?next= afterwards."""
    return page("login.html")


@get("/console", include_in_schema=False)
async def console_home(request: Request[Any, Any, Any], state: State) -> Template | Redirect:
    """Every session, with the ways into each."""
    someone = await optional_principal(request)
    if someone is not None and someone.role is Role.LIAISON:
        return Redirect(path="/liaison")  # a department liaison has one page of their own
    who = await staff_page_user(request)
    if who.role in COUNTERS:
        return Redirect(path="/count")  # their votes to count, not the sessions
    if who.role in CLERKS and who.body_id is None:
        return Redirect(path="/console/setup")  # the first administrator, before any body exists
    watched = await watched_body_ids(request, who)
    async with state.pool.acquire() as conn:
        sessions = [Session(**dict(r)) for r in await all_sessions(conn) if r["body_id"] in watched]
        own_body = await body_by_id(conn, who.body_id) if who.body_id is not None else None
    # Staff are led to their body's year overview (voting/overview): a county's or city's with the bodies below.
    overview = dict(own_body) if own_body is not None else None
    return page("console_home.html", who=who, sessions=sessions, roster=can_manage_roster(who), overview=overview)


@get("/console/sessions/{session_id:int}", include_in_schema=False)
async def console_session(request: Request[Any, Any, Any], state: State, session_id: FromPath[int]) -> Template:
    """The presiding console: attendance, quorum and the votes of one session."""
    who = await staff_page_user(request)
    try:
        async with state.pool.acquire() as conn:
            session = await require_session(conn, session_id)
    except PiaojueError as error:
        return error_page(error)
    return page("console_session.html", who=who, session=session, roster=can_manage_roster(who))


@get("/console/bodies/{body_id:int}/roster", include_in_schema=False)
async def roster_page(request: Request[Any, Any, Any], state: State, body_id: FromPath[int]) -> Template:
    """Add, edit, end and import deputies of one body."""
    who = await staff_page_user(request)
    try:
        async with state.pool.acquire() as conn:
            body = await require_body(conn, body_id)
    except PiaojueError as error:
        return error_page(error)
    return page("roster.html", who=who, body=dict(body), editable=can_manage_roster(who))


def with_qr(cards: list[SeatCard]) -> list[tuple[SeatCard, Markup]]:
    """Each card with the QR code of its login URL (the SVG is ours, not user text)."""
    return [(card, Markup(qr_svg(card.url))) for card in cards]


@get("/console/sessions/{session_id:int}/seat-cards", include_in_schema=False, opt=OWN_BODY_ONLY)
async def seat_cards_page(
    request: Request[Any, Any, Any], state: State, session_id: FromPath[int], deputy: FromQuery[int | None] = None
) -> Template:
    """Printable A4 seat cards (座位卡) with login codes and QR codes; ?deputy= prints one card."""
    who = await staff_page_user(request, *CLERKS)
    try:
        async with state.pool.acquire() as conn:
            session = await require_session(conn, session_id)
        cards = await seat_cards(state.pool, state.settings, who, session_id)
    except PiaojueError as error:
        return error_page(error)
    if deputy is not None:
        cards = [card for card in cards if card.deputy_id == deputy]
    # Hundreds of QR codes take a while: keep the event loop free for ballots meanwhile.
    rendered = await asyncio.to_thread(with_qr, cards)
    response = page("seat_cards.html", session=session, cards=rendered, single=deputy is not None)
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


ROUTES = [login_page, console_home, console_session, roster_page, seat_cards_page, seat_card_qr]
