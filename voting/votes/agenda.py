"""One agenda item across its rounds: its final result, by tally.final_result."""

from __future__ import annotations

import asyncpg
import msgspec

from tally.errors import TallyError
from tally.final import FinalResult, Round, final_result
from tally.models import Tally
from voting.errors import Conflict
from voting.votes import agenda_queries


def stored_tally(stored: object) -> Tally:
    """A stored tally (jsonb, decoded by the pool or still text) as a Tally."""
    if isinstance(stored, str | bytes):
        return msgspec.json.decode(stored, type=Tally)
    return msgspec.convert(stored, Tally)


async def final_of(conn: asyncpg.Connection, vote_id: int) -> FinalResult | None:
    """The item's final result over its announced rounds (and this vote, if it is counted and not yet announced).

    The rounds run from the first vote down its runoffs; a round not yet counted ends the list.
    None while no round is counted.
    """
    rounds: list[Round] = []
    not_held: str | None = None
    for row in await agenda_queries.rounds_of_item(conn, vote_id):
        counted = row["state"] == "announced" or (row["id"] == vote_id and row["state"] == "closed")
        if not counted or row["tally"] is None:
            break
        rounds.append(Round(vote_id=row["id"], tally=stored_tally(row["tally"])))
        not_held = row["runoff_not_held"]
    if not rounds:
        return None
    try:
        return final_result(rounds, runoff_not_held=not_held)
    except TallyError as error:
        # Cannot happen while runoffs are made by start_runoff; refuse loudly rather than show a wrong result.
        raise Conflict(
            "rounds_inconsistent", "各轮表决前后不一致", "The rounds of this agenda item contradict each other"
        ) from error


async def announcement_number(pool: asyncpg.Pool, first_vote_id: int) -> int:
    """第N号 of an agenda item's announcement (agenda_queries.announcement_number)."""
    async with pool.acquire() as conn:
        return await agenda_queries.announcement_number(conn, first_vote_id)
