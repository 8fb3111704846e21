"""Who is looking at a page: the staff member or liaison, the way to the login page, the body scope.

A page handler asks `staff_page_user` or `liaison_page_user` who is looking; when
the answer is "nobody" or "not you" they raise `PageRefused`, and the page router's
handler (voting.page_kit.errors) answers with the login redirect or the 403 page it carries.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from litestar import Request
from litestar.response import Redirect

from voting.auth import Principal, Role, roles
from voting.auth.guards import optional_principal, require_path_reach
from voting.auth.scope import WATCHING
from voting.auth.tokens import STAFF_ROLES
from voting.page_kit.errors import PageRefused
from voting.page_kit.render import forbidden_page

# Who may open which staff page: the same groups as the API guards.
CLERKS, PRESIDIUM, COUNTERS = roles.CLERKS, roles.PRESIDIUM, roles.COUNTERS


async def staff_of(request: Request[Any, Any, Any]) -> Principal | None:
    """The logged-in staff member (cookie) with a live login, or None."""
    principal = await optional_principal(request)
    if principal is None or principal.role not in STAFF_ROLES:
        return None
    return principal


def to_login(request: Request[Any, Any, Any]) -> Redirect:
    """Send the browser to the login page, coming back here afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return Redirect(path=f"/login?next={quote(target, safe='')}")


def admitted(request: Request[Any, Any, Any], who: Principal | None, roles: tuple[Role, ...]) -> Principal:
    """Who is looking, if logged in and (when roles are given) in one of them; else refuse the page."""
    if who is None:
        raise PageRefused(to_login(request))
    if roles and who.role not in roles:
        raise PageRefused(forbidden_page())
    return who


async def within_reach(request: Request[Any, Any, Any], who: Principal) -> Principal:
    """The same scope rule as the API guards (voting.auth.scope) for what the page's path names; else the 403 page."""
    WATCHING.set(None)
    await require_path_reach(request, who)  # a Forbidden here is the 403 page (voting.page_kit.errors)
    return who


async def staff_page_user(request: Request[Any, Any, Any], *roles: Role) -> Principal:
    """The staff member looking at a staff page: any staff role, or one of these roles, within their bodies."""
    return await within_reach(request, admitted(request, await staff_of(request), roles))


async def liaison_page_user(request: Request[Any, Any, Any]) -> Principal:
    """The department liaison looking at a liaison page; anyone else logged in gets the 403 page."""
    return await within_reach(request, admitted(request, await optional_principal(request), (Role.LIAISON,)))


def may_act(who: Principal, roles: tuple[Role, ...]) -> bool:
    """Whether who, in one of these roles, may act on what the page shows: not when watching a body below.

    Call it after `staff_page_user`, which decides by the one scope rule (voting.auth.scope) whether this page
    watches; the page banner says so from the same answer.
    """
    return who.role in roles and WATCHING.get() is None


def can_manage_roster(principal: Principal) -> bool:
    """Clerks (秘书处) and admins keep rosters and seat cards."""
    return principal.role in CLERKS
