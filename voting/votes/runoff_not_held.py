"""A runoff the count asks for and the presiding officer decides not to hold, with the reason recorded."""

from __future__ import annotations

import asyncpg

from audit.queries import record
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict
from voting.live import LiveEvents
from voting.votes import agenda_queries, queries
from voting.votes.agenda import stored_tally
from voting.votes.models import Vote
from voting.votes.results import load_vote


async def decline_runoff(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int, reason: str) -> Vote:
    """Record why the runoff the count asks for is not held; its seats are then listed as unfilled, with the reason."""
    reason = reason.strip()
    if not reason:
        raise BadRequest(
            "reason_required",
            "不举行再次投票须说明理由（字段：reason）",
            "Not holding the runoff needs a reason (field: reason)",
            field="reason",
        )
    async with transaction(pool) as conn:
        vote = await load_vote(conn, vote_id, for_update=True)
        stored = await queries.tally_of(conn, vote_id)
        if vote.state not in ("closed", "announced") or stored is None or stored_tally(stored).runoff is None:
            raise Conflict("no_runoff_needed", "本次表决无需再次投票", "This vote needs no runoff", state=vote.state)
        if vote.runoff_not_held is not None:
            raise Conflict("runoff_declined", "已记录不举行再次投票", "Not holding the runoff was already recorded")
        if await queries.runoff_of(conn, vote_id) is not None:
            raise Conflict(
                "runoff_exists",
                "已发起再次投票；如不举行，请先撤回该再次投票",
                "A runoff was already started; withdraw it first if it will not be held",
            )
        await agenda_queries.mark_runoff_not_held(conn, vote_id, reason)
        await record(conn, who.audit("vote.runoff_not_held", "vote", vote_id, {"reason": reason}))
        vote = await load_vote(conn, vote_id)
    live.publish(vote.session_id, "vote_runoff_not_held", {"vote_id": vote_id})
    return vote
