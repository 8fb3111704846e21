"""What every page needs: who is looking, the way to the login page, HTML error pages.

A page handler asks `staff_page_user` or `liaison_page_user` who is looking; when
the answer is "nobody" or "not you" they raise `PageRefused`, and the one handler
in voting/app.py answers with the login redirect or the 403 page it carries.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import quote

from litestar import Request, Response
from litestar.response import Redirect, Template

from voting.auth import Principal, Role, roles
from voting.auth.guards import optional_principal, require_path_reach
from voting.auth.scope import WATCHING
from voting.auth.tokens import STAFF_ROLES
from voting.errors import Forbidden, PiaojueError

# Who may open which staff page: the same groups as the API guards.
CLERKS, PRESIDIUM, COUNTERS = roles.CLERKS, roles.PRESIDIUM, roles.COUNTERS

STATIC = Path(__file__).parent.parent / "static"


def asset_version() -> str:
    """A short hash of the static files, appended to their URLs so an update is never served stale."""
    digest = hashlib.sha256()
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


ASSET_VERSION = asset_version()


def page(name: str, status_code: int = 200, **context: Any) -> Template:
    """Render a page template with what the base layout needs."""
    context = {"v": ASSET_VERSION, "watching": WATCHING.get(), **context}
    return Template(template_name=name, context=context, status_code=status_code)


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


def error_page(error: PiaojueError) -> Template:
    """A refusal (404, 403…) as an HTML page in both languages."""
    return page("error.html", status_code=error.status, zh=error.zh, en=error.en)


def forbidden_page() -> Template:
    """The page for a staff role that may not see this."""
    return page("error.html", status_code=403, zh="您的账号无权查看此页面", en="Your role may not view this page")


class PageRefused(Exception):
    """A page this browser may not see, with what to answer instead (the login redirect or the 403 page)."""

    def __init__(self, response: Template | Redirect) -> None:
        super().__init__(f"page refused with {response.status_code}")
        self.response = response


def on_page_refused(_: Request[Any, Any, Any], refusal: PageRefused) -> Response[Any]:
    """Answer a refused page with the redirect or the error page it carries."""
    return refusal.response


def admitted(request: Request[Any, Any, Any], who: Principal | None, roles: tuple[Role, ...]) -> Principal:
    """Who is looking, if logged in and (when roles are given) in one of them; else refuse the page."""
    if who is None:
        raise PageRefused(to_login(request))
    if roles and who.role not in roles:
        raise PageRefused(forbidden_page())
    return who


async def within_reach(request: Request[Any, Any, Any], who: Principal) -> Principal:
    """The same scope rule as the API guards (voting.auth.scope) for what the page's path names, as a 403 page."""
    WATCHING.set(None)
    try:
        await require_path_reach(request, who)
    except Forbidden as error:
        raise PageRefused(error_page(error)) from error
    return who


async def staff_page_user(request: Request[Any, Any, Any], *roles: Role) -> Principal:
    """The staff member looking at a staff page: any staff role, or one of these roles, within their bodies."""
    return await within_reach(request, admitted(request, await staff_of(request), roles))


async def liaison_page_user(request: Request[Any, Any, Any]) -> Principal:
    """The department liaison looking at a liaison page; anyone else logged in gets the 403 page."""
    return await within_reach(request, admitted(request, await optional_principal(request), (Role.LIAISON,)))


def can_manage_roster(principal: Principal) -> bool:
    """Clerks (秘书处) and admins keep rosters and seat cards."""
    return principal.role in CLERKS
