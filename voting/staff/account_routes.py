"""HTTP: a body's staff logins, for its administrators (and those of the bodies above it)."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, patch, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import provide_principal
from voting.auth.guards import admins
from voting.auth.scope import ADMINISTERING
from voting.staff import accounts
from voting.staff.models import StaffAccount, StaffAccountCreate, StaffAccountUpdate, StaffPassword

TAGS = ["staff"]


@get("/api/bodies/{body_id:int}/staff", guards=[admins], opt=ADMINISTERING, summary="A body's staff logins", tags=TAGS)
async def list_accounts(state: State, body_id: FromPath[int]) -> list[StaffAccount]:
    """Every login of the body, revoked ones last."""
    return await accounts.list_accounts(state.pool, body_id)


@post("/api/bodies/{body_id:int}/staff", guards=[admins], opt=ADMINISTERING, summary="Create a login", tags=TAGS)
async def create_account(
    request: Request[Any, Any, Any], state: State, body_id: FromPath[int], data: JSONBody[StaffAccountCreate]
) -> StaffPassword:
    """A new login; its password is in the answer, once."""
    return await accounts.create_account(state.pool, await provide_principal(request), body_id, data)


@patch("/api/staff/{staff_id:int}", guards=[admins], opt=ADMINISTERING, summary="Change or revoke a login", tags=TAGS)
async def update_account(
    request: Request[Any, Any, Any], state: State, staff_id: FromPath[int], data: JSONBody[StaffAccountUpdate]
) -> StaffAccount:
    """Rename, change the role, or revoke (active=false)."""
    return await accounts.update_account(state.pool, await provide_principal(request), staff_id, data)


@post(
    "/api/staff/{staff_id:int}/password",
    guards=[admins],
    opt=ADMINISTERING,
    status_code=200,
    summary="Reset a password",
    tags=TAGS,
)
async def reset_password(request: Request[Any, Any, Any], state: State, staff_id: FromPath[int]) -> StaffPassword:
    """A new password, shown once; the old logins end."""
    return await accounts.reset_password(state.pool, await provide_principal(request), staff_id)


ROUTES = [list_accounts, create_account, update_account, reset_password]
