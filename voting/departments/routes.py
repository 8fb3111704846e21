"""HTTP: departments and their liaison logins."""

from __future__ import annotations

from typing import Any

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth import clerks, provide_principal
from voting.departments import service
from voting.departments.models import Department, DepartmentCreate, LiaisonAccount, LiaisonCreate

TAGS = ["departments"]


@get("/api/bodies/{body_id:int}/departments", summary="A body's departments", tags=TAGS)
async def list_departments(state: State, body_id: FromPath[int]) -> list[Department]:
    """Every department of a body (public)."""
    return await service.list_departments(state.pool, body_id)


@post("/api/bodies/{body_id:int}/departments", guards=[clerks], summary="Add a department", tags=TAGS)
async def create_department(
    request: Request[Any, Any, Any], state: State, body_id: FromPath[int], data: JSONBody[DepartmentCreate]
) -> Department:
    """A new department of the body."""
    return await service.create_department(state.pool, await provide_principal(request), body_id, data)


@post("/api/departments/{department_id:int}/liaisons", guards=[clerks], summary="Set a liaison login", tags=TAGS)
async def set_liaison(
    request: Request[Any, Any, Any], state: State, department_id: FromPath[int], data: JSONBody[LiaisonCreate]
) -> LiaisonAccount:
    """Create or reset a liaison login; the password is in this answer only."""
    return await service.set_liaison(state.pool, await provide_principal(request), department_id, data)


ROUTES = [list_departments, create_department, set_liaison]
