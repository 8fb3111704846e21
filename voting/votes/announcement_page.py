"""The announcement (公告, A4): one for each agenda item, with its final result and every round's counts."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import asyncpg
from litestar import Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template
from markupsafe import Markup

from tally.final import FinalResult, UnfilledReason
from tally.models import BallotForm
from voting.errors import Conflict
from voting.page_kit import page, qr_svg
from voting.page_kit.wording import chinese_number, meeting_name, method_sentences
from voting.paper.service import paper_count
from voting.prepared import respond
from voting.sessions.service import get_session
from voting.votes.agenda import announcement_number
from voting.votes.published import prepared_page
from voting.votes.results import get_vote, result

OUTCOMES = {"chosen": "入选", "runoff": "须再次投票", "not_chosen": "未入选", "below_threshold": "未达到规定票数"}
ROUND_NAMES = {1: "第一次投票", 2: "再次投票"}


def chinese_date(day: dt.date | dt.datetime) -> str:
    """2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def round_name(number: int) -> str:
    """第一次投票, 再次投票, 第三次投票…"""
    return ROUND_NAMES.get(number, f"第{chinese_number(number)}次投票")


def unfilled_sentence(final: FinalResult, names: dict[int, str]) -> list[str]:
    """Each group of seats left without a project, and why, in the announcement's words."""
    lines = []
    for gap in final.unfilled:
        tied = "、".join(f"“{names[c]}”" for c in gap.candidate_ids)
        if gap.reason == UnfilledReason.BELOW_THRESHOLD:
            lines.append(f"{round_name(gap.round)}中获得规定赞成票数的项目不足，{gap.seats}个名额未选出。")
        elif gap.reason == UnfilledReason.RUNOFF_PENDING:
            lines.append(f"{tied}得票相同，将就剩余{gap.seats}个名额再次投票，结果另行公告。")
        else:
            lines.append(f"{tied}得票相同，剩余{gap.seats}个名额未再次投票（{gap.note}），该名额空缺。")
    return lines


async def round_view(pool: asyncpg.Pool, vote_id: int, number: int, tally: Any) -> dict[str, Any]:
    """One round as the announcement prints it: its definition, counts, and paper reconciliation."""
    vote = await get_vote(pool, vote_id)
    count = await paper_count(pool, vote_id)
    report = count.report or {}
    paper_returned = int(report.get("returned", 0))
    tablet = tally.ballots_cast - paper_returned
    lines = {line.candidate_id: line for line in tally.counts}
    return {
        "number": number,
        "name": round_name(number),
        "vote": vote,
        "tally": tally,
        "lines": [(c, lines[c.id], OUTCOMES[lines[c.id].outcome.value]) for c in vote.candidates],
        "per_candidate": vote.rules.form == BallotForm.PER_CANDIDATE,
        "issued": tablet + int(report.get("issued", 0)),
        "tablet": tablet,
        "paper_issued": report.get("issued"),
        "paper_returned": report.get("returned"),
        "counters": count.counters,
        "conflicts": count.conflicts,
    }


@get(
    "/public/votes/{vote_id:int}/announcement",
    include_in_schema=False,
)
async def announcement(request: Request[Any, Any, Any], state: State, vote_id: FromPath[int]) -> Response[bytes]:
    """The item's announcement once a round of it is announced; rendered once and kept (voting.prepared)."""
    prepared = await prepared_page(request, "announcement", vote_id, lambda: announcement_page(state, vote_id))
    return respond(request, prepared)


async def announcement_page(state: State, vote_id: int) -> Template:
    """The item's announcement page; any round's id shows the same one; raises while nothing is announced."""
    announced = await result(state.pool, vote_id, public=True)
    final = announced.final
    if final is None:
        raise Conflict("result_not_public", "表决结果尚未宣布", "The result has not been announced")
    session = await get_session(state.pool, announced.vote.session_id)
    first = await get_vote(state.pool, final.rounds[0].vote_id)
    last = await get_vote(state.pool, final.rounds[-1].vote_id)
    number = await announcement_number(state.pool, first.id)
    rounds = [await round_view(state.pool, r.vote_id, i, r.tally) for i, r in enumerate(final.rounds, start=1)]
    names = {c.id: c.name for c in first.candidates}
    url = f"{state.settings.public_base_url}/public/votes/{first.id}"
    qr = Markup(await asyncio.to_thread(qr_svg, url))
    meeting = meeting_name(session.body_name, session.title)
    return page(
        "votes/announcement.html",
        vote=first,
        session=session,
        meeting=meeting,
        number=number,
        method=method_sentences(first.rules, first.mode, len(first.candidates)),
        held_on=chinese_date(session.held_on),
        date=chinese_date(last.announced_at or dt.date.today()),
        rounds=rounds,
        final=final,
        chosen=[(names[p.candidate_id], p) for p in final.chosen],
        unfilled=unfilled_sentence(final, names),
        chief=[c for r in rounds for c in r["counters"] if c.is_chief][:1],
        tellers=sorted({c.display_name for r in rounds for c in r["counters"] if c.role == "teller"}),
        qr=qr,
        url=url,
    )


ROUTES = [announcement]
