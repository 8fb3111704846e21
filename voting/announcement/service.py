"""The announcement as one explicit sequence in one transaction.

1. the vote is locked and marked announced (only a closed vote);
2. its result is signed, with its agenda item's final result as of this round;
3. the announcement is recorded in the audit chain;
4. the chosen projects become implementation items (监督 begins);
5. the audit chain head, now covering all of the above, is signed.

It is all or nothing: a vote is never public without its signatures and items.
After the commit one event tells every screen; each process (and the public relay)
adds the prepared result to it, so no screen has to ask.
"""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from audit.signing import SigningKey
from voting.auth import Principal
from voting.bulletin.announce import sign_chain_head, sign_result
from voting.database import transaction
from voting.live import LiveEvents
from voting.supervision.service import create_items_at_announcement
from voting.votes.agenda import final_of
from voting.votes.lifecycle import mark_announced
from voting.votes.models import Result
from voting.votes.results import load_result


async def announce_vote(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int, key: SigningKey) -> Result:
    """Make the counted result public, signed with `key`, and push it to every screen."""
    async with transaction(pool) as conn:
        vote = await mark_announced(conn, vote_id)
        final = await final_of(conn, vote_id)
        signed = await sign_result(conn, key, vote_id, final=msgspec.to_builtins(final))
        await record(conn, who.audit("vote.announced", "vote", vote_id))
        if final is not None:
            await create_items_at_announcement(conn, vote_id, [p.candidate_id for p in final.chosen])
        await sign_chain_head(conn, key, vote_id, signed)
        result = await load_result(conn, vote_id)
    live.publish(vote.session_id, "vote_announced", {"vote_id": vote_id})
    return result
