"""Pages: the liaison's own projects (reports, issues, changes) and the clerks' supervision console."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.departments.queries import departments_of_body
from voting.departments.service import department_of
from voting.errors import PiaojueError
from voting.pages.access import CLERKS, PRESIDIUM, error_page, liaison_page_user, page, staff_page_user
from voting.roster.queries import deputies_of_body
from voting.supervision import queries
from voting.supervision.models import CHANGE_NAMES, STATUS_NAMES, Change, Issue, Report
from voting.supervision.oversight import item_oversight
from voting.supervision.service import load_items


def grouped(things: list[Report] | list[Issue] | list[Change]) -> dict[int, list[object]]:
    """By item id."""
    found: dict[int, list[object]] = defaultdict(list)
    for thing in things:
        found[thing.item_id].append(thing)
    return found


@get("/liaison/projects", include_in_schema=False)
async def liaison_home(request: Request[Any, Any, Any], state: State) -> Template:
    """A liaison's projects: what is due, the report form, issues to answer, change requests."""
    who = await liaison_page_user(request)
    try:
        async with state.pool.acquire() as conn:
            department = await department_of(conn, who)
            items = await load_items(conn, await queries.items(conn, department_id=department.id))
            ids = [i.id for i in items]
            reports = [Report(**dict(r)) for r in await queries.reports(conn, ids)]
    except PiaojueError as error:
        return error_page(error)
    _, issues, changes = await item_oversight(state.pool, ids)
    return page(
        "supervision/liaison.html",
        who=who,
        department=department,
        items=items,
        reports=grouped(reports),
        issues=grouped(issues),
        changes=grouped(changes),
        statuses=STATUS_NAMES,
        change_names=CHANGE_NAMES,
    )


@get("/console/supervision", include_in_schema=False)
async def supervision_console(request: Request[Any, Any, Any], state: State) -> Template:
    """Clerks: every project, overdue reports, reports to review, issues, change requests, inspections."""
    who = await staff_page_user(request, *PRESIDIUM)
    watched = await watched_body_ids(request, who)
    async with state.pool.acquire() as conn:
        items = [i for i in await load_items(conn, await queries.items(conn)) if i.body_id in watched]
        shown = {i.id for i in items}
        pending = [Report(**dict(r)) for r in await queries.reports(conn, None, "submitted") if r["item_id"] in shown]
        bodies = {i.body_id for i in items}
        departments = {b: [dict(d) for d in await departments_of_body(conn, b)] for b in bodies}
        deputies = {b: [dict(d) for d in await deputies_of_body(conn, b) if d["active"]] for b in bodies}
    _, issues, changes = await item_oversight(state.pool, [i.id for i in items])
    return page(
        "supervision/console.html",
        who=who,
        items=items,
        names={i.id: i.name for i in items},
        pending=pending,
        issues=[s for s in issues if s.state != "closed"],
        changes=[c for c in changes if c.state == "pending"],
        departments=departments,
        deputies=deputies,
        statuses=STATUS_NAMES,
        change_names=CHANGE_NAMES,
        clerk=who.role in CLERKS,
    )


ROUTES = [liaison_home, supervision_console]
