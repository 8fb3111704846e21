"""The practice vote (试表决): every deputy tries the tablet before the real vote; nothing of it is kept.

It is a vote of kind 'practice' on the session's ballot (the fixed list and its method, or the
program's candidates not excluded), opened at once without a quorum (deputies are still
arriving), followed on the console by the seats that have not pressed (未按). Ending it
deletes its sealed ballots, receipts and issue records in the same transaction; it has no tally,
is never announced (the database refuses both), so no result, bulletin or archive can hold it.
"""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from tally.models import VoteRules
from voting.auth import Principal
from voting.database import transaction
from voting.deliberation.service import load_list
from voting.errors import Conflict
from voting.live import LiveEvents
from voting.roster.service import count_members
from voting.sealing.models import KeyCeremony
from voting.sealing.service import record_key
from voting.sealing.votes import label_of
from voting.sessions.service import require_session
from voting.votes import agenda_queries, queries
from voting.votes.lifecycle import open_in_session
from voting.votes.models import PracticeCreate, PracticeSeat, PracticeView
from voting.votes.results import load_vote


async def practice_ballot(conn: asyncpg.Connection, program_id: int | None) -> tuple[list[int], VoteRules]:
    """The candidates and rules a practice vote shows: the real ballot as far as it is known."""
    if program_id is None:
        raise Conflict(
            "practice_needs_program",
            "本次会议未关联项目计划，没有可供试表决的选票内容",
            "This session has no program: there is no ballot to practise on",
        )
    fixed = await load_list(conn, program_id)
    if fixed.fixed and fixed.method is not None and fixed.entries:
        method = fixed.method
        rules = VoteRules(seats=method.seats, form=method.form, threshold_base=method.threshold_base)
        return [c.id for c in fixed.entries], rules
    listed = [c.id for c in fixed.entries]
    if not listed:
        listed = await agenda_queries.candidates_not_excluded(conn, program_id)
    if not listed:
        raise Conflict("practice_needs_candidates", "项目计划尚无候选项目", "The program has no candidates yet")
    return listed, VoteRules(seats=len(listed))


async def start_practice(
    pool: asyncpg.Pool, live: LiveEvents, who: Principal, session_id: int, new: PracticeCreate
) -> PracticeView:
    """Create and open a practice vote on the session (refused while another vote is open)."""
    async with transaction(pool) as conn:
        session = await require_session(conn, session_id)
        candidate_ids, rules = await practice_ballot(conn, session.program_id)
        vote_id = await queries.insert_vote(
            conn, session_id, new.title, msgspec.to_builtins(rules), candidate_ids, None, "electronic", "practice"
        )
        # The tablet seals a practice ballot exactly as it will a real one, to a key whose cards are
        # never shown to anyone: no practice ballot can ever be opened, and all are deleted at the end.
        await record_key(conn, who, label_of(vote_id), KeyCeremony(), vote_id=vote_id)
        total = await count_members(conn, session.body_id)
        await open_in_session(conn, vote_id, total)
        await record(conn, who.audit("practice.started", "vote", vote_id, {"session_id": session_id}))
        view = await practice_view_of(conn, vote_id, staff=True)
    live.publish(session_id, "vote_opened", {"vote_id": vote_id, "practice": True})
    return view


async def end_practice(pool: asyncpg.Pool, live: LiveEvents, who: Principal, vote_id: int) -> PracticeView:
    """End a practice vote: discard every ballot, receipt and issue record of it; nothing is counted."""
    async with transaction(pool) as conn:
        # FOR UPDATE waits for casts in flight, as closing a real vote does: none lands after the discard.
        vote = await load_vote(conn, vote_id, for_update=True)
        if vote.kind != "practice":
            raise Conflict("not_practice", "该表决不是试表决", "This vote is not a practice vote")
        if vote.state != "open":
            raise Conflict("vote_not_open", "该试表决未在进行中", "This practice vote is not running", state=vote.state)
        present = await queries.present_count(conn, vote.session_id)
        pressed = await agenda_queries.discard_ballots(conn, vote_id)
        await agenda_queries.mark_ended(conn, vote_id)
        await record(conn, who.audit("practice.ended", "vote", vote_id, {"pressed": pressed, "present": present}))
        view = await practice_view_of(conn, vote_id, staff=True)
    live.publish(vote.session_id, "vote_ended", {"vote_id": vote_id, "practice": True})
    return view


async def practice_view_of(conn: asyncpg.Connection, vote_id: int, staff: bool) -> PracticeView:
    """How many pressed; for staff, also the seats that have not (未按) while it runs."""
    vote = await load_vote(conn, vote_id)
    present = await queries.present_count(conn, vote.session_id)
    if vote.state == "open":
        pressed = await queries.count_issued(conn, vote_id)
        missing = await agenda_queries.not_pressed(conn, vote.session_id, vote_id) if staff else []
    else:
        pressed = await agenda_queries.pressed_at_end(conn, vote_id) or 0
        missing = []
    return PracticeView(
        vote_id=vote_id,
        session_id=vote.session_id,
        title=vote.title,
        state=vote.state,
        pressed=pressed,
        present=present,
        total=vote.deputies_total or 0,
        not_pressed=[PracticeSeat(**dict(r)) for r in missing],
    )


async def session_practice(pool: asyncpg.Pool, session_id: int, staff: bool) -> PracticeView | None:
    """The session's latest practice vote, if any (the hall shows it; the public page never does)."""
    async with pool.acquire() as conn:
        await require_session(conn, session_id)
        vote_id = await agenda_queries.latest_practice(conn, session_id)
        return None if vote_id is None else await practice_view_of(conn, vote_id, staff)
