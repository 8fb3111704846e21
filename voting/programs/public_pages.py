"""Program pages anyone may open: the program, the poster, the phone form, tracking, the booklet, the funnel."""

from __future__ import annotations

from typing import Any

import asyncpg
from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from markupsafe import Markup

from tally.final import FinalResult, UnfilledReason
from voting.auth.guards import is_staff
from voting.deliberation.service import get_list, live_vote_of_list
from voting.funnel.service import funnel
from voting.page_kit import page, qr_svg
from voting.programs.phases import congress_today, in_window, solicit_window
from voting.programs.schedule import get_program
from voting.programs.words import WORDS
from voting.solicit.codes import normalize_tracking_code, show_tracking_code, tracking_url
from voting.solicit.service import track
from voting.vetting.service import get_vetting
from voting.votes import Vote, result


def suggest_url(base: str, program_id: int) -> str:
    """The phone form's address (what the poster's QR code opens)."""
    return f"{base}/programs/{program_id}/suggest"


@get("/programs/{program_id:int}", include_in_schema=False)
async def program_page(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> Template:
    """The program's timeline, current phase and (once fixed) its candidate list."""
    program = await get_program(state.pool, program_id)
    listed = await get_list(state.pool, program_id, staff=False)
    starts = {d.phase: d.starts_on for d in program.dates}
    open_now = program.phase == "solicit" and in_window(starts, congress_today())
    announced = await announced_vote(state.pool, program_id)
    final = (await result(state.pool, announced.id, public=True)).final if announced else None
    return page(
        "programs/public.html",
        program=program,
        starts=starts,
        listed=listed,
        open_now=open_now,
        announced=announced,
        outcomes=outcomes_of(final) if final else {},
        chosen_count=len(final.chosen) if final else 0,
        **WORDS,
    )


async def announced_vote(pool: asyncpg.Pool, program_id: int) -> Vote | None:
    """The vote made from the program's list, once its result is announced (the public sees nothing before)."""
    live = await live_vote_of_list(pool, program_id)
    return live if live is not None and live.state == "announced" else None


def outcomes_of(final: FinalResult) -> dict[int, str]:
    """Each candidate's outcome in the item's final result: chosen, runoff (still to be held), or not chosen."""
    found = {p.candidate_id: "chosen" for p in final.chosen}
    for gap in final.unfilled:
        if gap.reason == UnfilledReason.RUNOFF_PENDING:
            found.update({c: "runoff" for c in gap.candidate_ids})
    return found


@get("/programs/{program_id:int}/poster", include_in_schema=False)
async def poster(state: State, program_id: FromPath[int]) -> Template:
    """An A4 poster for liaison stations and villages, with the QR code of the phone form."""
    program = await get_program(state.pool, program_id)
    url = suggest_url(state.settings.public_base_url, program_id)
    first, last = solicit_window({d.phase: d.starts_on for d in program.dates})
    return page("programs/poster.html", program=program, url=url, qr=Markup(qr_svg(url)), first=first, last=last)


@get("/programs/{program_id:int}/suggest", include_in_schema=False)
async def suggest_form(state: State, program_id: FromPath[int]) -> Template:
    """The phone form: title, description, category, place, optional name and phone."""
    program = await get_program(state.pool, program_id)
    starts = {d.phase: d.starts_on for d in program.dates}
    open_now = program.phase == "solicit" and in_window(starts, congress_today())
    return page("programs/suggest.html", program=program, open_now=open_now)


@get("/track", include_in_schema=False)
async def track_lookup(code: FromQuery[str | None] = None) -> Template | Redirect:
    """Type a tracking code (查询码)."""
    if code:
        return Redirect(path=f"/track/{normalize_tracking_code(code)}")
    return page("programs/track_lookup.html")


@get("/track/{code:str}", include_in_schema=False)
async def track_page(state: State, code: FromPath[str], new: FromQuery[int] = 0) -> Template:
    """Where a suggestion stands, with the QR code of this page to follow it later."""
    tracking = await track(state.pool, code)
    url = tracking_url(state.settings.public_base_url, tracking.code)
    return page(
        "programs/track.html",
        t=tracking,
        shown_code=show_tracking_code(tracking.code),
        url=url,
        qr=Markup(qr_svg(url)),
        new=bool(new),
        **WORDS,
    )


@get("/programs/{program_id:int}/booklet", include_in_schema=False)
async def booklet(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> Template:
    """The printable candidate booklet (提前印发): public once the list is fixed; staff may preview."""
    staff = await is_staff(request)
    program = await get_program(state.pool, program_id)
    listed = await get_list(state.pool, program_id, staff=staff)
    vetting = {v.candidate.id: v for v in await get_vetting(state.pool, program_id)}
    return page("programs/booklet.html", program=program, listed=listed, vetting=vetting, preview=not listed.fixed)


@get("/programs/{program_id:int}/funnel", include_in_schema=False)
async def funnel_page(state: State, program_id: FromPath[int]) -> Template:
    """Suggestions → candidates → chosen with charts, by category, source and place."""
    program = await get_program(state.pool, program_id)
    numbers = await funnel(state.pool, program_id)
    groups = {d: [r for r in numbers.rows if r.dimension == d] for d in ("category", "source", "place")}
    return page("programs/funnel.html", program=program, f=numbers, groups=groups, **WORDS)


ROUTES = [program_page, poster, suggest_form, track_lookup, track_page, booklet, funnel_page]
