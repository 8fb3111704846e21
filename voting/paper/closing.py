"""What closing a paper or mixed vote takes from the paper count (called by voting.votes.lifecycle.close_vote).

Kept apart from voting.paper.service so the votes service can import it
without a cycle: it reads the paper tables and nothing of the votes package.
"""

from __future__ import annotations

from typing import Any

import asyncpg
import msgspec

from ballots.queries import store_plain_ballots
from tally.models import Tally
from voting.errors import Conflict
from voting.paper import queries
from voting.paper.rounds import compare_entries, round_state


class SignedPaper(msgspec.Struct):
    """The signed-off paper count, now stored as ballots."""

    expected_cast: int  # tablet ballots plus returned paper ballots
    report: dict[str, Any]


async def vote_mode(conn: asyncpg.Connection, vote_id: int) -> str:
    """The vote's mode (electronic when unknown: the caller reports the missing vote)."""
    return await queries.vote_mode(conn, vote_id) or "electronic"


def round_void() -> Conflict:
    """The 选举法 §44 refusal."""
    return Conflict(
        "paper_round_void",
        "收回的选票多于发出的选票，本次投票无效，不能计票；请主持人重新组织投票",
        "More ballots were returned than issued: this round is void and cannot be counted; the presiding officer"
        " must start the voting again",
    )


async def add_signed_paper_ballots(conn: asyncpg.Connection, vote_id: int) -> SignedPaper | None:
    """For a paper or mixed vote, store the signed-off paper ballots in `ballot`; None for an electronic vote."""
    if await vote_mode(conn, vote_id) == "electronic":
        return None
    await queries.lock_paper_count(conn, vote_id)
    state = round_state(await queries.steps(conn, vote_id))
    if state.void:
        raise round_void()
    if state.report is None or state.returned is None:
        raise Conflict(
            "paper_count_not_signed_off",
            "纸质选票计票报告尚未经总监票人确认，不能结束表决",
            "The paper count has not been signed off by the chief scrutineer; the vote cannot close",
        )
    _, final = compare_entries(
        state.round,
        state.returned,
        await queries.latest_entries(conn, vote_id, state.round),
        await queries.latest_resolutions(conn, vote_id, state.round),
    )
    readings = [final[sheet] for sheet in sorted(final)]
    await store_plain_ballots(
        conn,
        vote_id,
        [{str(cid): mark.value for cid, mark in r.marks.items()} for r in readings],
        [r.void_reason for r in readings],
    )
    tablet = await queries.count_channel_issued(conn, vote_id, "tablet")
    return SignedPaper(expected_cast=tablet + state.returned, report=state.report)


class BallotsIn(msgspec.Struct):
    """The ballots of a paper or mixed vote once the box is counted back: tablet ballots plus 收回."""

    cast: int
    paper_returned: int


async def ballots_in(conn: asyncpg.Connection, vote_id: int) -> BallotsIn | None:
    """Tablet ballots plus the paper ballots found in the box; None before 收回 is recorded or in a void round."""
    state = round_state(await queries.steps(conn, vote_id))
    if state.void or state.returned is None:
        return None
    tablet = await queries.count_channel_issued(conn, vote_id, "tablet")
    return BallotsIn(cast=tablet + state.returned, paper_returned=state.returned)


def count_key(tally: Tally | dict[str, Any]) -> tuple[int, int, int, int, list[tuple[int, int, int, int]]]:
    """The parts of a tally that ballots decide (not attendance, which may still change)."""
    data = msgspec.to_builtins(tally) if isinstance(tally, Tally) else tally
    lines = sorted((c["candidate_id"], c["votes_for"], c["votes_against"], c["abstentions"]) for c in data["counts"])
    return (data["ballots_cast"], data["ballots_valid"], data["ballots_invalid"], data["ballots_blank"], lines)


def check_matches_report(paper: SignedPaper, tally: Tally) -> None:
    """Refuse to close if the ballots differ from those the chief scrutineer signed off."""
    if count_key(tally) != count_key(paper.report["tally"]):
        raise Conflict(
            "count_changed_since_sign_off",
            "选票与总监票人确认的计票报告不一致，请重新计票后再结束表决",
            "The ballots differ from the signed-off count report; recount before closing",
        )


async def signed_paper_counts(conn: asyncpg.Connection, vote_id: int) -> list[dict[str, int]]:
    """The counted round's ballots issued and returned, shaped as audit.archive.PaperCount; [] if none.

    For the signed result (voting.bulletin.announce passes paper_counts=[] today).
    A void round is left out: it was never counted, and the vote was run again.
    """
    state = round_state(await queries.steps(conn, vote_id))
    if state.report is None or state.void:
        return []
    return [{"issued": state.report["issued"], "returned": state.report["returned"]}]
