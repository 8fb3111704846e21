"""Route guards: read the token once, check the role, keep the principal."""

from __future__ import annotations

import ipaddress
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import msgspec
from litestar.connection import ASGIConnection
from litestar.enums import ScopeType
from litestar.handlers.base import BaseRouteHandler

from voting.auth import queries, roles
from voting.auth.scope import WATCHING, Reach, may_reach, reach_of_method, refusal
from voting.auth.tokens import LOGIN_ROLES, STAFF_ROLES, Principal, Role, read_token
from voting.errors import Forbidden, NotAuthenticated

COOKIE = "pj_token"

# Async on purpose: Litestar runs a sync guard in a worker thread, which on the
# cast path cost more than the whole JWT check.
Guard = Callable[[ASGIConnection[Any, Any, Any, Any], BaseRouteHandler], Awaitable[None]]


def token_of(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    """The bearer token from the Authorization header, else the staff cookie."""
    header = connection.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return connection.cookies.get(COOKIE)


def principal_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """Decode (once per request) the caller's principal, or raise 401."""
    cached: Principal | None = connection.scope.get("state", {}).get("principal")
    if cached is not None:
        return cached
    token = token_of(connection)
    if not token:
        raise NotAuthenticated("login_required", "请先登录", "Please log in")
    principal = read_token(token, connection.app.state.settings.jwt_secret)
    connection.scope.setdefault("state", {})["principal"] = principal
    return principal


async def authenticated(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """The caller's principal, with a staff token's login checked as still live (401 if not) and its body."""
    principal = principal_of(connection)
    state = connection.scope.setdefault("state", {})
    if principal.role in LOGIN_ROLES and not state.get("staff_login_live"):
        logins = connection.app.state.staff_logins
        live, body_id = (False, None) if principal.login_id is None else await logins.check(principal.login_id)
        if not live:
            raise NotAuthenticated("login_ended", "登录已失效，请重新登录", "This login has ended; please log in again")
        principal = msgspec.structs.replace(principal, body_id=body_id)
        state["principal"] = principal
        state["staff_login_live"] = True
    return principal


async def require_reach(
    connection: ASGIConnection[Any, Any, Any, Any], principal: Principal, named: Mapping[str, int | None], reach: Reach
) -> None:
    """Refuse (403 naming the body) unless the login may reach the body of every object named (voting.auth.scope).

    Names are path-parameter names (`body_id`, `program_id`…); an object that does not
    exist is left to the handler to answer. Deputies are left out: a tablet is bound to
    one session of its own body, and its routes check eligibility against that session.
    """
    if principal.role is Role.DEPUTY:
        return
    wanted = [(k, v) for k, v in named.items() if k in queries.BODY_OF_PARAMETER and isinstance(v, int)]
    if not wanted:
        return
    async with connection.app.state.pool.acquire() as conn:
        for parameter, value in wanted:
            lineage = await queries.lineage_of_object(conn, parameter, value)
            if lineage and not may_reach(principal.body_id, principal.role, [r["id"] for r in lineage], reach):
                raise refusal(lineage[0]["name"], reach)
            # Only reading a body below is read only; administering one (its staff logins) is acting there.
            if lineage and reach is Reach.WATCH and lineage[0]["id"] != principal.body_id:
                WATCHING.set(lineage[0]["name"])


async def require_path_reach(
    connection: ASGIConnection[Any, Any, Any, Any], principal: Principal, reach: Reach | None = None
) -> None:
    """The scope rule for every object the request's path names: reading watches, anything else acts."""
    # A route that administers bodies (their staff, bodies below them) says so in its opt.
    scope = connection.scope
    method = scope["method"] if scope["type"] == ScopeType.HTTP else "GET"  # a websocket has none: it watches
    reach = reach or connection.route_handler.opt.get("reach") or reach_of_method(method)
    await require_reach(connection, principal, connection.path_params, reach)


async def watched_body_ids(connection: ASGIConnection[Any, Any, Any, Any], principal: Principal) -> frozenset[int]:
    """The login's own body and every body below it: what its lists show (voting.auth.scope, watching)."""
    if principal.body_id is None:
        return frozenset()
    async with connection.app.state.pool.acquire() as conn:
        return frozenset(await queries.subtree_of(conn, principal.body_id))


async def belongs_to_a_top_body(connection: ASGIConnection[Any, Any, Any, Any], principal: Principal) -> bool:
    """Whether the login's body has none above it (it then also sees what concerns no body, e.g. failed logins)."""
    if principal.body_id is None:
        return False
    async with connection.app.state.pool.acquire() as conn:
        return len(await queries.lineage_of_body(conn, principal.body_id)) == 1


async def require_role(connection: ASGIConnection[Any, Any, Any, Any], *roles: Role) -> Principal:
    """The caller's principal if it has one of roles and may reach every object the path names; else 401/403."""
    principal = await authenticated(connection)
    if principal.role not in roles:
        raise Forbidden("role_forbidden", "无权进行此操作", "Your role may not do this")
    await require_path_reach(connection, principal)
    return principal


def allow(*roles: Role) -> Guard:
    """A guard admitting only the given roles."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        await require_role(connection, *roles)

    guard.__name__ = "allow_" + "_".join(r.value for r in roles)
    guard.roles = roles  # type: ignore[attr-defined]  # read by voting.openapi_roles
    return guard


# One guard per group of voting.auth.roles.
staff_only = allow(*roles.STAFF)
logins = allow(*roles.LOGINS)
admins = allow(*roles.ADMINS)
clerks = allow(*roles.CLERKS)
presiding = allow(*roles.PRESIDING)
presidium = allow(*roles.PRESIDIUM)
counters = allow(*roles.COUNTERS)
tellers = allow(*roles.TELLERS)
scrutineers = allow(*roles.SCRUTINEERS)
ballot_box = allow(*roles.BALLOT_BOX)
count_openers = allow(*roles.COUNT_OPENERS)
clerks_or_liaisons = allow(*roles.CLERKS_OR_LIAISONS)
presidium_or_liaisons = allow(*roles.PRESIDIUM_OR_LIAISONS)
deputies = allow(*roles.DEPUTIES)
liaisons = allow(*roles.LIAISONS)


async def provide_principal(request: ASGIConnection[Any, Any, Any, Any]) -> Principal:
    """Dependency: the principal a guard already checked."""
    return await authenticated(request)


async def optional_principal(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal | None:
    """The caller's principal if a valid, live login came with the request, else None."""
    if not token_of(connection):
        return None
    try:
        return await authenticated(connection)
    except NotAuthenticated:
        return None


async def is_staff(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """Whether the request carries a live staff login that may watch what the path names (pages look different then)."""
    principal = await optional_principal(connection)
    if principal is None or principal.role not in STAFF_ROLES:
        return False
    try:
        await require_path_reach(connection, principal, Reach.WATCH)
    except Forbidden:
        return False
    return True


def client_address(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    """The address a request came from, seen through our own proxy; every per-address limit counts by it."""
    peer = connection.client.host if connection.client else "unknown"
    trusted = connection.app.state.settings.trusted_proxies
    return address_behind_proxy(peer, connection.headers.get("x-forwarded-for", ""), trusted)


def address_behind_proxy(peer: str, forwarded_for: str, trusted_proxies: tuple[str, ...]) -> str:
    """The client's address: from a trusted proxy, the last X-Forwarded-For entry; else the peer.

    The proxy appends the address it received from, so the last entry is its own word and
    anything before it is whatever the client wrote. Without this every resident behind the
    proxy would share one address and one flood limit.
    """
    if peer not in trusted_proxies:
        return peer
    last = forwarded_for.rsplit(",", 1)[-1].strip()
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return peer
