"""Pages: the staff audit log viewer and a vote's public verification page."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template

from voting.auth.guards import belongs_to_a_top_body, watched_body_ids
from voting.bulletin import audit_log, service
from voting.bulletin.audit_words import ACTION_GROUPS, ACTIONS, OBJECTS, ROLES, Words
from voting.page_kit import page, staff_page_user
from voting.sessions.service import get_session


def action_choices() -> list[tuple[Words, list[tuple[str, Words]]]]:
    """Every action the log records, in words, grouped as the filter lists them."""
    groups: dict[str, list[tuple[str, Words]]] = {}
    for code, words in ACTIONS.items():
        groups.setdefault(code.partition(".")[0], []).append((code, words))
    return [(ACTION_GROUPS[group], actions) for group, actions in groups.items()]


@get("/console/audit", include_in_schema=False)
async def audit_page(request: Request[Any, Any, Any], state: State) -> Template:
    """The audit log with filters offered as choices, and CSV export (staff only); audit.js fills the table."""
    who = await staff_page_user(request)
    bodies, top = await watched_body_ids(request, who), await belongs_to_a_top_body(request, who)
    return page(
        "bulletin/audit.html",
        who=who,
        actions=action_choices(),
        roles=ROLES,
        staff=await audit_log.actor_choices(state.pool, bodies, top),
        objects=OBJECTS,
    )


@get("/public/votes/{vote_id:int}/verify", include_in_schema=False)
async def verify_page(state: State, vote_id: FromPath[int]) -> Template:
    """Whether the vote's archive verifies now, the archive to download, and the receipt check."""
    facts = await service.get_vote_facts(state.pool, vote_id)
    session = await get_session(state.pool, facts.session_id)
    if facts.state != "announced":
        return page("bulletin/verify.html", session=session, title=facts.title, vote_id=vote_id, report=None)
    archive, report = await service.verification(state.pool, vote_id)
    return page(
        "bulletin/verify.html",
        session=session,
        title=facts.title,
        vote_id=vote_id,
        report=report,
        ballots=len(archive.bulletin.ballots),
        voters=len(archive.bulletin.voters),
        receipts=len(archive.receipts),
        entries=len(archive.audit_chain.entries),
    )


ROUTES = [audit_page, verify_page]
