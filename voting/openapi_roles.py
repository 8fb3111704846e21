"""Say in the OpenAPI schema which roles each endpoint admits (guards are invisible to it)."""

from __future__ import annotations

from litestar import Litestar
from litestar.routes import HTTPRoute


def roles_of(handler: object) -> list[str]:
    """Roles from the handler's guards (see voting.auth.guards.allow) or its opt['roles']."""
    roles: list[str] = list(getattr(handler, "opt", {}).get("roles", []))
    for guard in getattr(handler, "guards", None) or []:
        roles += [role.value for role in getattr(guard, "roles", ())]
    return roles


def document_roles(app: Litestar) -> None:
    """Add bearer security and a 'Roles' line to every guarded operation, public ones say so."""
    schema = app.openapi_schema
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or route.path_format not in (schema.paths or {}):
            continue
        path_item = schema.paths[route.path_format]  # type: ignore[index]
        for handler in route.route_handlers:
            if not handler.include_in_schema:
                continue
            roles = roles_of(handler)
            for method in handler.http_methods:
                operation = getattr(path_item, method.lower(), None)
                if operation is None:
                    continue
                note = f"Roles 角色: {', '.join(roles)}." if roles else "Public 公开: no login needed."
                operation.description = f"{operation.description or ''}\n\n{note}".strip()
                operation.security = [{"bearer": []}] if roles else []
