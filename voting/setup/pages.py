"""Set-up pages: the guide (本级人大 → 代表名册 → 职能部门 → 会议 → 年度项目计划), bodies, departments, staff logins."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from voting.auth import LOGIN_ROLES, ROLE_WORDS, Role
from voting.auth.scope import Reach
from voting.bodies.models import LEVEL_NAMES
from voting.bodies.service import get_body, watched_bodies
from voting.departments.service import list_departments
from voting.page_kit import CLERKS, may_act, page, staff_page_user
from voting.setup.service import body_liaisons, setup_progress
from voting.setup.steps import STEPS, steps_of
from voting.staff.accounts import list_accounts

ROLE_NAMES = {role.value: ROLE_WORDS[role.value] for role in LOGIN_ROLES}  # the roles a staff login may have
LEVEL_RANK = {"township": 1, "county": 2, "city": 3}


@get("/console/setup", include_in_schema=False)
async def setup_guide(request: Request[Any, Any, Any], state: State, step: FromQuery[int] = 0) -> Template:
    """The guided set-up of the login's own body; every step can be skipped and come back to."""
    who = await staff_page_user(request, *CLERKS)
    progress: dict[str, int] = {}
    body = None
    if who.body_id is not None:
        body = await get_body(state.pool, who.body_id)
        progress = await setup_progress(state.pool, who.body_id)
    steps = steps_of(who.body_id, progress)
    if not 1 <= step <= len(STEPS):
        # Start at the first step not done yet (all done: the last one).
        step = next((s.number for s in steps if not s.done), len(STEPS))
    return page("setup/guide.html", who=who, body=body, steps=steps, current=steps[step - 1], progress=progress)


@get("/console/bodies", include_in_schema=False)
async def bodies_page(request: Request[Any, Any, Any], state: State) -> Template:
    """The bodies this login watches; an administrator creates and edits them (its own and those below)."""
    who = await staff_page_user(request)
    bodies = await watched_bodies(state.pool, who)
    names = {b.id: b.name for b in bodies}
    parents = [b for b in bodies if b.level != "township"]
    return page(
        "setup/bodies.html",
        who=who,
        bodies=bodies,
        names=names,
        parents=parents,
        levels=LEVEL_NAMES,
        rank=LEVEL_RANK,
        admin=who.role is Role.ADMIN,
        guide=request.query_params.get("guide"),
    )


@get("/console/bodies/{body_id:int}/departments", include_in_schema=False)
async def departments_page(request: Request[Any, Any, Any], state: State, body_id: FromPath[int]) -> Template:
    """A body's departments with their liaison logins; clerks add departments and set liaisons."""
    who = await staff_page_user(request)
    body = await get_body(state.pool, body_id)
    departments = [msgspec.structs.asdict(d) for d in await list_departments(state.pool, body_id)]
    liaisons = await body_liaisons(state.pool, body_id)
    for department in departments:
        department["liaisons"] = [x for x in liaisons if x["department_id"] == department["id"]]
    return page(
        "setup/departments.html",
        who=who,
        body=body,
        departments=departments,
        can_edit=may_act(who, CLERKS),
        admin=who.role is Role.ADMIN,
    )


@get(
    "/console/bodies/{body_id:int}/staff",
    include_in_schema=False,
    opt={"reach": Reach.ADMINISTER},
)
async def staff_page(request: Request[Any, Any, Any], state: State, body_id: FromPath[int]) -> Template:
    """A body's staff logins: create with a role, reset the password (shown once), revoke."""
    who = await staff_page_user(request, Role.ADMIN)
    body = await get_body(state.pool, body_id)
    accounts = await list_accounts(state.pool, body_id)
    departments = await list_departments(state.pool, body_id)
    return page(
        "setup/staff.html",
        who=who,
        body=body,
        accounts=accounts,
        departments=departments,
        department_names={d.id: d.name for d in departments},
        roles=ROLE_NAMES,
    )


ROUTES = [setup_guide, bodies_page, departments_page, staff_page]
