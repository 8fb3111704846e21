"""The running count shown in the hall while paper ballots are read out (唱票).

Each sheet counts as soon as one teller has entered it (it has been read
aloud): as the scrutineers resolved it if they did, else as the teller who
entered it first read it. Only paper sheets: a tablet ballot never appears here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import asyncpg

from tally.models import BallotForm, Mark
from voting.paper import queries
from voting.paper.disclosure import paper_figures_shown
from voting.paper.models import Reading, ReadingLine, RunningCount
from voting.paper.rounds import reading_of, round_state
from voting.votes.models import Vote
from voting.votes.results import load_visible_vote


def sheets_as_read(entries: Sequence[Any], resolutions: Sequence[Any]) -> dict[int, Reading]:
    """Each sheet read so far: its resolution, else the first teller's latest reading (entries by sheet, first_id)."""
    read: dict[int, Reading] = {}
    for row in entries:
        read.setdefault(row["sheet"], reading_of(row))  # rows come first-entered first within a sheet
    for row in resolutions:
        read[row["sheet"]] = reading_of(row)
    return read


def reading_lines(vote: Vote, sheets: Sequence[Reading], shown: bool) -> list[ReadingLine]:
    """Every candidate's running totals, in ballot order (an unmarked per-candidate line is 弃权)."""
    valid = [r for r in sheets if r.void_reason is None]
    lines = []
    for candidate in vote.candidates:
        marks = [r.marks.get(candidate.id) for r in valid]
        votes_for, against = marks.count(Mark.FOR), marks.count(Mark.AGAINST)
        abstain = len(valid) - votes_for - against if vote.rules.form == BallotForm.PER_CANDIDATE else 0
        lines.append(
            ReadingLine(
                candidate_id=candidate.id,
                position=candidate.position,
                name=candidate.name,
                votes_for=votes_for if shown else None,
                votes_against=against if shown else None,
                abstentions=abstain if shown else None,
            )
        )
    return lines


async def running_count(pool: asyncpg.Pool, vote_id: int) -> RunningCount:
    """The 唱票 screen's data, public like the reading itself; a mixed vote's numbers only once tablets are done."""
    async with pool.acquire() as conn:
        vote = await load_visible_vote(conn, vote_id, staff=False)
        mode = await queries.vote_mode(conn, vote_id) or "electronic"
        state = round_state(await queries.steps(conn, vote_id))
        entries = await queries.reading_entries(conn, vote_id, state.round)
        resolutions = await queries.latest_resolutions(conn, vote_id, state.round)
    sheets = list(sheets_as_read(entries, resolutions).values())
    shown = paper_figures_shown(mode, vote.state)
    return RunningCount(
        vote_id=vote.id,
        session_id=vote.session_id,
        title=vote.title,
        mode=mode,
        form=vote.rules.form.value,
        seats=vote.rules.seats,
        vote_state=vote.state,
        round=state.round,
        void=state.void,
        issued=state.issued,
        returned=state.returned,
        read=len(sheets),
        invalid=sum(1 for r in sheets if r.void_reason is not None) if shown else None,
        blank=sum(1 for r in sheets if r.void_reason is None and not r.marks) if shown else None,
        shown=shown,
        lines=reading_lines(vote, sheets, shown),
    )
