"""Staff pages of a program: overview and phases, triage, vetting, deliberation; and the liaison's page."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.bodies.service import get_body
from voting.deliberation.service import get_list, live_vote_of_list
from voting.departments.service import liaison_department, list_departments
from voting.page_kit import CLERKS, PRESIDIUM, liaison_page_user, may_act, page, staff_page_user
from voting.programs.schedule import get_program
from voting.programs.service import programs_of_bodies
from voting.programs.words import WORDS
from voting.sessions.service import list_sessions
from voting.solicit import TRIAGE_FILTER, TriageFilter, list_suggestions
from voting.vetting.service import get_vetting, my_requests


@get("/console/programs", include_in_schema=False)
async def programs_home(request: Request[Any, Any, Any], state: State) -> Template:
    """Every program with its phase, and a form for a new one."""
    who = await staff_page_user(request)
    programs = await programs_of_bodies(state.pool, await watched_body_ids(request, who))
    # A new program is an act on the login's own body alone.
    bodies = [await get_body(state.pool, who.body_id)] if who.body_id is not None else []
    return page("programs/console_home.html", who=who, programs=programs, bodies=bodies, **WORDS)


@get("/console/programs/{program_id:int}", include_in_schema=False)
async def program_overview(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> Template:
    """Phase and schedule, categories, the other channels' intake, and the ways to every step."""
    who = await staff_page_user(request)
    program = await get_program(state.pool, program_id)
    starts = {d.phase: d.starts_on for d in program.dates}
    return page(
        "programs/console_program.html",
        who=who,
        program=program,
        starts=starts,
        here="overview",
        can_edit=may_act(who, CLERKS),
        **WORDS,
    )


@get("/console/programs/{program_id:int}/triage", include_in_schema=False, dependencies=TRIAGE_FILTER)
async def triage_page(
    request: Request[Any, Any, Any], state: State, program_id: FromPath[int], wanted: NamedDependency[TriageFilter]
) -> Template:
    """All suggestions with filters and search; merge, reject, hold in bulk."""
    who = await staff_page_user(request, *CLERKS)
    program = await get_program(state.pool, program_id)
    suggestions = await list_suggestions(state.pool, program_id, wanted)
    candidates = [v.candidate for v in await get_vetting(state.pool, program_id)]
    filters = wanted.as_form()
    return page(
        "programs/triage.html",
        who=who,
        program=program,
        suggestions=suggestions,
        candidates=candidates,
        filters=filters,
        here="triage",
        can_edit=may_act(who, CLERKS),
        **WORDS,
    )


@get("/console/programs/{program_id:int}/vetting", include_in_schema=False)
async def vetting_page(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> Template:
    """Each draft candidate: its suggestions, requests to departments and their opinions, exclusions, visit notes."""
    who = await staff_page_user(request)
    program = await get_program(state.pool, program_id)
    vetting = await get_vetting(state.pool, program_id)
    departments = await list_departments(state.pool, program.body_id)
    return page(
        "programs/vetting.html",
        who=who,
        program=program,
        vetting=vetting,
        departments=departments,
        here="vetting",
        can_edit=may_act(who, CLERKS),
        **WORDS,
    )


@get("/console/programs/{program_id:int}/deliberation", include_in_schema=False)
async def deliberation_page(request: Request[Any, Any, Any], state: State, program_id: FromPath[int]) -> Template:
    """Order the vetted candidates, adopt the voting method, fix or reopen the list, create the live vote."""
    who = await staff_page_user(request)
    program = await get_program(state.pool, program_id)
    listed = await get_list(state.pool, program_id, staff=True)
    vetting = await get_vetting(state.pool, program_id)
    sessions = await list_sessions(state.pool)
    live_vote = await live_vote_of_list(state.pool, program_id)
    positions = {c.id: c.position for c in listed.entries}
    return page(
        "programs/deliberation.html",
        who=who,
        program=program,
        listed=listed,
        vetting=vetting,
        positions=positions,
        sessions=[s for s in sessions if s.program_id == program_id],
        live_vote=live_vote,
        here="deliberation",
        can_edit=may_act(who, PRESIDIUM),
        **WORDS,
    )


@get("/liaison", include_in_schema=False)
async def liaison_page(request: Request[Any, Any, Any], state: State, done: FromQuery[int] = 0) -> Template:
    """A department liaison's requests: only their department's, overdue ones flagged."""
    who = await liaison_page_user(request)
    department = await liaison_department(state.pool, who)
    requests = await my_requests(state.pool, who)
    return page("programs/liaison.html", who=who, department=department, requests=requests)


ROUTES = [programs_home, program_overview, triage_page, vetting_page, deliberation_page, liaison_page]
