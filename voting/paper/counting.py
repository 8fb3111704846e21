"""Entering paper ballots twice, resolving discrepancies, the count report, sign-off and recounts."""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from tally.ballot_check import check_ballot, counted_marks
from tally.errors import BallotRejected
from tally.models import Ballot
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, Forbidden
from voting.paper import queries
from voting.paper.disclosure import WITHHELD_EN, WITHHELD_ZH, paper_figures_shown, withheld_report
from voting.paper.models import CountReport, PaperCount, Progress, Reading, SheetEntry
from voting.paper.rounds import MARK_COLUMNS, RoundState, compare_entries, ids_of, reading_key, reading_of
from voting.paper.service import (
    current_round,
    load_paper_count,
    paper_vote,
    require_counter,
    require_editable,
)
from voting.votes.lifecycle import ballots_of, count_ballots
from voting.votes.models import Vote
from voting.votes.results import count_present_for


def check_reading(vote: Vote, reading: Reading) -> tuple[list[int], list[int], list[int]]:
    """A reading as stored (ids per mark); a ballot breaking the rules must be entered invalid with a reason (400)."""
    if reading.void_reason is not None:
        if reading.marks:
            raise BadRequest("void_with_marks", "作废票不录入标记", "An invalid ballot carries no marks")
        return [], [], []
    try:
        # Where the rules void only an over-marked section, the sheet is entered as marked.
        check_ballot(vote.rules, [c.id for c in vote.candidates], counted_marks(vote.rules, reading.marks))
    except BallotRejected as error:
        raise BadRequest(
            "reading_invalid",
            "该选票不符合填写规则，如为多选或无法辨认请标为作废并注明原因",
            "This reading breaks the ballot rules; mark an over-marked or unreadable ballot invalid with a reason",
            reason=str(error),
        ) from error
    return ids_of(reading)


def require_returned(state: RoundState) -> int:
    """Counting starts only once the ballots returned are recorded."""
    if state.returned is None:
        raise Conflict("returned_not_recorded", "请先登记收回的选票数", "Record the number of ballots returned first")
    return state.returned


async def enter_sheet(pool: asyncpg.Pool, who: Principal, vote_id: int, entry: SheetEntry) -> Progress:
    """A teller's reading of one returned sheet; a repeat for the same sheet corrects it until sign-off."""
    async with transaction(pool) as conn:
        vote = await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "teller")
        state = await current_round(conn, vote_id)
        require_editable(state)
        returned = require_returned(state)
        if entry.sheet > returned:
            raise Conflict(
                "more_than_returned",
                f"只收回{returned}张选票，不能录入第{entry.sheet}张",
                f"Only {returned} ballots were returned; sheet {entry.sheet} cannot be entered",
                returned=returned,
            )
        reading = Reading(marks=entry.marks, void_reason=entry.void_reason)
        marks = check_reading(vote, reading)
        if await same_as_latest(conn, vote_id, state.round, entry.sheet, who.subject_id, reading):
            # A resend (Wi-Fi dropped before the answer came): already stored, nothing to add.
            return await load_progress(conn, vote_id, state)
        await queries.insert_entry(conn, vote_id, state.round, entry.sheet, who.subject_id, marks, entry.void_reason)
        await record(
            conn, who.audit("paper.sheet_entered", "vote", vote_id, {"round": state.round, "sheet": entry.sheet})
        )
        return await load_progress(conn, vote_id, state)


async def same_as_latest(
    conn: asyncpg.Connection, vote_id: int, round_no: int, sheet: int, teller_id: int, reading: Reading
) -> bool:
    """Whether this teller's latest entry of the sheet already says exactly this (called under the count's lock)."""
    latest = next(
        (r for r in await queries.sheet_entries(conn, vote_id, round_no, sheet) if r["teller_id"] == teller_id), None
    )
    return latest is not None and reading_key(reading_of(latest)) == reading_key(reading)


async def resolve_sheet(pool: asyncpg.Pool, who: Principal, vote_id: int, sheet: int, reading: Reading) -> Progress:
    """A scrutineer settles a sheet the tellers read differently by choosing the correct reading."""
    async with transaction(pool) as conn:
        vote = await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer", presiding_may=False)
        state = await current_round(conn, vote_id)
        require_editable(state)
        returned = require_returned(state)
        if not 1 <= sheet <= returned:
            raise Conflict("more_than_returned", "没有这张选票", "There is no such sheet", returned=returned)
        marks = check_reading(vote, reading)
        await refuse_if_conflicted(conn, who, vote, state.round, sheet, reading)
        await queries.insert_resolution(conn, vote_id, state.round, sheet, who.subject_id, marks, reading.void_reason)
        await record(
            conn,
            who.audit(
                "paper.sheet_resolved",
                "vote",
                vote_id,
                {
                    "round": state.round,
                    "sheet": sheet,
                    **{column: ids for (_, column), ids in zip(MARK_COLUMNS, marks, strict=True)},
                    "void_reason": reading.void_reason,
                },
            ),
        )
        return await load_progress(conn, vote_id, state)


def candidates_at_stake(vote: Vote, readings: list[Reading]) -> set[int]:
    """The candidates whose count depends on which reading of a sheet is chosen."""
    if len({r.void_reason for r in readings}) > 1 or len({r.void_reason is None and not r.marks for r in readings}) > 1:
        return {c.id for c in vote.candidates}  # valid vs void (or blank): every mark on it is at stake
    return {c.id for c in vote.candidates if len({r.marks.get(c.id) for r in readings}) > 1}


async def refuse_if_conflicted(
    conn: asyncpg.Connection, who: Principal, vote: Vote, round_no: int, sheet: int, chosen: Reading
) -> None:
    """A scrutineer who declared a conflict with a candidate may not decide a sheet that candidate is at stake on."""
    conflicted = await queries.conflicted_candidates(conn, vote.id, who.subject_id)
    if not conflicted:
        return
    readings = [reading_of(r) for r in await queries.sheet_entries(conn, vote.id, round_no, sheet)]
    if conflicted & candidates_at_stake(vote, [*readings, chosen]):
        raise Forbidden(
            "conflict_of_interest",
            "您已申报与本张选票所涉项目的利益冲突，请由其他监票人裁定",
            "You declared a conflict of interest with a candidate this sheet decides; another scrutineer must decide",
            sheet=sheet,
        )


async def load_progress(conn: asyncpg.Connection, vote_id: int, state: RoundState) -> Progress:
    """The entry progress of the current round."""
    progress, _ = compare_entries(
        state.round,
        state.returned,
        await queries.latest_entries(conn, vote_id, state.round),
        await queries.latest_resolutions(conn, vote_id, state.round),
    )
    return progress


async def progress(pool: asyncpg.Pool, vote_id: int) -> Progress:
    """Entered, agreed, discrepancies and missing sheets, for the tellers and scrutineers."""
    async with pool.acquire() as conn:
        await paper_vote(conn, vote_id, ("draft", "open", "closed", "announced"))
        return await load_progress(conn, vote_id, await current_round(conn, vote_id))


async def build_report(conn: asyncpg.Connection, vote: Vote, state: RoundState) -> CountReport:
    """Count electronic and resolved paper ballots with the one tally function; refused while sheets are open."""
    returned = require_returned(state)
    progress, final = compare_entries(
        state.round,
        returned,
        await queries.latest_entries(conn, vote.id, state.round),
        await queries.latest_resolutions(conn, vote.id, state.round),
    )
    if len(final) != returned:
        raise Conflict(
            "count_incomplete",
            "尚有选票未经两名计票人一致录入或未经监票人裁定，不能确认计票报告",
            "Some sheets are not yet entered alike by two tellers or resolved by a scrutineer",
            missing=progress.missing,
            discrepancies=[d.sheet for d in progress.discrepancies if d.resolved is None],
        )
    paper = [Ballot(marks=r.marks, void_reason=r.void_reason) for r in final.values()]
    electronic = await ballots_of(conn, vote.id)
    present = await count_present_for(conn, vote)
    tally = count_ballots(vote, electronic + paper, present)
    invalid = sum(1 for b in paper if b.void_reason is not None)
    return CountReport(
        round=state.round,
        issued=state.issued or 0,
        returned=returned,
        paper_valid=returned - invalid,
        paper_invalid=invalid,
        paper_blank=sum(1 for b in paper if b.void_reason is None and not b.marks),
        tally=tally,
    )


async def count_report(pool: asyncpg.Pool, vote_id: int) -> CountReport:
    """The draft count report (not yet signed), for the scrutineers to check."""
    async with pool.acquire() as conn:
        vote = await paper_vote(conn, vote_id)
        if not paper_figures_shown(vote.mode, vote.state):
            raise Conflict(
                "paper_figures_withheld",
                f"{WITHHELD_ZH}；发出、收回和录入进度照常显示，总监票人可在全部选票录齐后确认",
                f"{WITHHELD_EN}; issued, returned and entry progress stay visible, and the chief may sign off"
                " once every sheet is entered",
            )
        state = await current_round(conn, vote_id)
        if state.void:
            require_editable(state)
        return await build_report(conn, vote, state)


async def sign_off(pool: asyncpg.Pool, who: Principal, vote_id: int) -> PaperCount:
    """The chief scrutineer confirms the count report; nothing can be edited afterwards."""
    async with transaction(pool) as conn:
        vote = await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer", chief=True)
        if await queries.conflicted_candidates(conn, vote_id, who.subject_id):
            raise Forbidden(
                "chief_conflicted",
                "总监票人已申报利益冲突，不能确认计票报告；请主持人改由其他监票人担任总监票人",
                "The chief scrutineer declared a conflict of interest; the presiding officer must name another chief",
            )
        state = await current_round(conn, vote_id)
        require_editable(state)
        report = msgspec.to_builtins(await build_report(conn, vote, state))
        await queries.insert_step(conn, vote_id, state.round, "signed_off", who.actor, report=report)
        # Staff read the audit log while the vote runs: a mixed vote's figures stay out of it too
        # (its ballots, paper ones included, are counted and published whole at the close).
        shown = paper_figures_shown(vote.mode, vote.state)
        detail = report if shown else withheld_report(report) | {"figures_withheld": True}
        await record(conn, who.audit("paper.signed_off", "vote", vote_id, detail))
        return await load_paper_count(conn, vote_id)


async def recount(pool: asyncpg.Pool, who: Principal, vote_id: int, reason: str) -> PaperCount:
    """Withdraw a sign-off for a recorded recount; entries can be corrected again, then signed off anew."""
    async with transaction(pool) as conn:
        await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer", chief=True)
        state = await current_round(conn, vote_id)
        if not state.signed_off:
            raise Conflict("not_signed_off", "计票报告尚未确认，无需重新计票", "The count is not signed off yet")
        await queries.insert_step(conn, vote_id, state.round, "recount", who.actor, reason=reason)
        await record(conn, who.audit("paper.recount", "vote", vote_id, {"round": state.round, "reason": reason}))
        return await load_paper_count(conn, vote_id)
