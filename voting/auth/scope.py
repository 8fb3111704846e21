"""The one rule for which bodies a login may act on, watch or administer (DESIGN §4).

Every staff login belongs to one body. It *acts* (any request that changes
something) on that body alone; it *watches* (reads) that body and every body below
it, so a county sees its townships and a city its counties. *Administering* a body —
creating bodies under it and keeping its staff accounts — is an administrator's act
on their own body or any body below it: a county sets up its townships.

The guards (`voting.auth.guards.allow`) and page access (`voting.page_kit.access`)
apply this to every path parameter that names an object (`program_id`, `vote_id`…,
see `voting.auth.queries.BODY_OF_PARAMETER`); routes that take a body in their
JSON call `require_reach` with it; lists keep to `watched_bodies`.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextvars import ContextVar
from enum import StrEnum

from voting.auth.tokens import Role
from voting.errors import Forbidden


class Reach(StrEnum):
    """What a request does to a body."""

    ACT = "act"  # changes something of the body
    WATCH = "watch"  # reads
    ADMINISTER = "administer"  # creates bodies under it, keeps its staff accounts


# The body below the login's own that this request is watching, if any: pages say
# they are read-only then (set by the guards, read by voting.page_kit.render.page).
WATCHING: ContextVar[str | None] = ContextVar("watching", default=None)


def may_reach(own_body: int | None, role: Role, lineage: Sequence[int], reach: Reach) -> bool:
    """Whether a login of own_body (with role) may reach the body whose lineage (itself first, then up) is given."""
    if own_body is None or not lineage:
        return False
    if lineage[0] == own_body:
        return True
    above = own_body in lineage[1:]
    if reach is Reach.WATCH:
        return above
    if reach is Reach.ADMINISTER:
        return above and role is Role.ADMIN
    return False


def reach_of_method(method: str) -> Reach:
    """Reading is watching; every other method acts."""
    return Reach.WATCH if method.upper() in ("GET", "HEAD") else Reach.ACT


def refusal(body_name: str, reach: Reach) -> Forbidden:
    """The 403 naming the body the login may not reach."""
    if reach is Reach.WATCH:
        return Forbidden(
            "outside_your_body",
            f"您的账号不属于「{body_name}」或其上级人大，无权查看",
            f"Your login does not belong to {body_name} or a body above it",
            body=body_name,
        )
    return Forbidden(
        "outside_your_body",
        f"您的账号不属于「{body_name}」，只能查看、不能办理其事务",
        f"Your login does not belong to {body_name}: you may not act on its business",
        body=body_name,
    )


# Route opts. Seat cards carry login codes: only the body itself may read them, so
# reading them is acting. Bodies and staff logins are administered from above.
OWN_BODY_ONLY = {"reach": Reach.ACT}
ADMINISTERING = {"reach": Reach.ADMINISTER}
