"""HTTP: bodies in their hierarchy."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, patch, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import provide_principal, staff_only
from voting.auth.guards import admins, require_reach
from voting.auth.scope import ADMINISTERING, Reach
from voting.bodies import service
from voting.bodies.models import Body, BodyCreate, BodyUpdate
from voting.errors import Forbidden

TAGS = ["bodies"]


@get("/api/bodies", guards=[staff_only], summary="The bodies this login may watch", tags=TAGS)
async def list_bodies(request: Request[Any, Any, Any], state: State) -> list[Body]:
    """The login's own body and every body below it."""
    return await service.watched_bodies(state.pool, await provide_principal(request))


@post(
    "/api/bodies",
    guards=[admins],
    summary="Create a body",
    tags=TAGS,
    description="Under the administrator's own body or a body below it; a top body only at first set-up.",
)
async def create_body(request: Request[Any, Any, Any], state: State, data: JSONBody[BodyCreate]) -> Body:
    """A new township, county or city congress."""
    who = await provide_principal(request)
    if data.parent_id is None and who.body_id is not None:
        # Only the first administrator, at first set-up, creates a top body.
        raise Forbidden(
            "parent_required",
            "请选择上级人大：新建的人大须在您所在人大之下",
            "Choose a parent: a new body must sit under your own body",
            field="parent_id",
        )
    await require_reach(request, who, {"body_id": data.parent_id}, Reach.ADMINISTER)
    body = await service.create_body(state.pool, who, data)
    if who.body_id is None and who.login_id:
        state.staff_logins.forget(who.login_id)  # the first admin now has a body: the next page must see it
    return body


@patch(
    "/api/bodies/{body_id:int}",
    guards=[admins],
    opt=ADMINISTERING,
    summary="Edit a body",
    tags=TAGS,
)
async def edit_body(
    request: Request[Any, Any, Any], state: State, body_id: FromPath[int], data: JSONBody[BodyUpdate]
) -> Body:
    """Rename, set the term (届), or move under another parent."""
    who = await provide_principal(request)
    await require_reach(request, who, {"body_id": data.parent_id}, Reach.ADMINISTER)
    return await service.edit_body(state.pool, who, body_id, data)


ROUTES = [list_bodies, create_body, edit_body]
