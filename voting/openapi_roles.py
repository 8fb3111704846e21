"""Say in the OpenAPI schema which roles each endpoint admits (guards are invisible to it)."""

from __future__ import annotations

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.spec import PathItem
from litestar.routes import HTTPRoute


def roles_of(handler: object) -> list[str]:
    """Roles from the handler's guards (see voting.auth.guards.allow) or its opt['roles']."""
    roles: list[str] = list(getattr(handler, "opt", {}).get("roles", []))
    for guard in getattr(handler, "guards", None) or []:
        roles += [role.value for role in getattr(guard, "roles", ())]
    return roles


def document_bare_routes(app: Litestar, stand_ins: list[HTTPRouteHandler]) -> None:
    """Put operations served by bare ASGI handlers into the schema, from typed stand-in handlers.

    The stand-ins are never routed: a scratch app renders their operations
    and schemas, which are copied into this app's schema.
    """
    scratch = Litestar(route_handlers=stand_ins, openapi_config=app.openapi_config)
    schema, extra = app.openapi_schema, scratch.openapi_schema
    extra_paths = extra.paths or {}
    for route in scratch.routes:
        if isinstance(route, HTTPRoute) and route.path_format in extra_paths:
            (schema.paths or {})[route.path_format] = extra_paths[route.path_format]
            describe_roles(extra_paths[route.path_format], route.route_handlers)
    if extra.components.schemas:
        schema.components.schemas = {**(schema.components.schemas or {}), **extra.components.schemas}


def describe_roles(path_item: PathItem, handlers: list[HTTPRouteHandler]) -> None:
    """Bearer security and a 'Roles' line on each of the handlers' operations; public ones say so."""
    for handler in handlers:
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


def document_roles(app: Litestar) -> None:
    """Add bearer security and a 'Roles' line to every guarded operation, public ones say so."""
    paths = app.openapi_schema.paths or {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute) or route.path_format not in paths:
            continue
        describe_roles(paths[route.path_format], route.route_handlers)
