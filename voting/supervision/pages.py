"""Pages: the liaison's own projects (reports, issues, changes) and the clerks' supervision console."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.response import Template

from voting.auth.guards import watched_body_ids
from voting.departments.service import liaison_department, list_departments
from voting.page_kit import CLERKS, PRESIDIUM, liaison_page_user, page, staff_page_user
from voting.roster.service import list_deputies
from voting.supervision.models import CHANGE_NAMES, STATUS_NAMES, Change, Issue, Report
from voting.supervision.oversight import item_oversight
from voting.supervision.reports import pending_reports, reports_of_items
from voting.supervision.service import department_items, list_items


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
    department = await liaison_department(state.pool, who)
    items = await department_items(state.pool, who)
    ids = [i.id for i in items]
    reports = await reports_of_items(state.pool, ids)
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
    items = [i for i in await list_items(state.pool) if i.body_id in watched]
    pending = await pending_reports(state.pool, watched)
    bodies = {i.body_id for i in items}
    departments = {b: await list_departments(state.pool, b) for b in bodies}
    deputies = {b: [d for d in await list_deputies(state.pool, b) if d.active] for b in bodies}
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
