"""Printed paper: the ballot (选票, A4 or A3) and the announcement (公告, A4)."""

from __future__ import annotations

import asyncio
import datetime as dt

from litestar import Request, Response, get
from litestar.datastructures import State
from litestar.params import FromPath
from litestar.response import Template
from markupsafe import Markup

from tally.models import BallotForm, Fraction, ThresholdBase, VoteRules
from voting.errors import PiaojueError
from voting.pages.access import error_page, page, staff_page_user
from voting.pages.qr import qr_svg
from voting.paper.service import paper_count
from voting.prepared import PreparedLane, respond
from voting.sessions.service import require_session
from voting.votes.published import prepared_page
from voting.votes.results import load_vote, result

# Beyond this many candidates the ballot is printed on A3, so every line stays large enough to mark.
A4_MOST = 15
MODES = {"electronic": "电子表决器（平板）表决", "paper": "纸质选票无记名投票", "mixed": "平板表决与纸质选票相结合"}
FORMS = {BallotForm.CHOOSE_UP_TO_N: "限选（画○）", BallotForm.PER_CANDIDATE: "逐项表决（同意/不同意/弃权）"}


def chinese_date(day: dt.date | dt.datetime) -> str:
    """2026年3月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def share_text(share: Fraction) -> str:
    """过半数, 2/3以上, 超过3/5 — as the law words a share."""
    if (share.numerator, share.denominator, share.inclusive) == (1, 2, False):
        return "过半数"
    text = f"{share.numerator}/{share.denominator}"
    return f"{text}以上" if share.inclusive else f"超过{text}"


def method_text(rules: VoteRules, mode: str) -> str:
    """The voting method (票决办法) in one sentence."""
    base = "全体代表" if rules.threshold_base == ThresholdBase.ALL else "出席代表"
    return (
        f"{MODES.get(mode, mode)}；{FORMS[rules.form]}，应选{rules.seats}项；"
        f"赞成票须达到{base}的{share_text(rules.threshold)}，按得票多少确定入选项目"
    )


def public_url(state: State, vote_id: int) -> str:
    """The public result page this printed paper points to (never anything about a deputy)."""
    return f"{state.settings.public_base_url}/public/votes/{vote_id}"


@get("/console/votes/{vote_id:int}/ballot", include_in_schema=False)
async def ballot_print(request: Request, state: State, vote_id: FromPath[int]) -> Template:
    """The printable paper ballot: the list, the instructions, a QR code naming the vote; no serial number."""
    await staff_page_user(request)
    try:
        async with state.pool.acquire() as conn:
            vote = await load_vote(conn, vote_id)
            session = await require_session(conn, vote.session_id)
    except PiaojueError as error:
        return error_page(error)
    qr = Markup(await asyncio.to_thread(qr_svg, public_url(state, vote_id)))
    paper = "A3" if len(vote.candidates) > A4_MOST else "A4"
    return page(
        "paper_ballot.html",
        vote=vote,
        session=session,
        qr=qr,
        paper=paper,
        per_candidate=vote.rules.form == BallotForm.PER_CANDIDATE,
    )


@get(
    "/public/votes/{vote_id:int}/announcement",
    include_in_schema=False,
    middleware=[PreparedLane],
    opt={"prepared": "announcement"},
)
async def announcement(request: Request, state: State, vote_id: FromPath[int]) -> Response[bytes] | Template:
    """The announcement (公告), printable on A4, once the result is announced; rendered once (voting.prepared)."""
    try:
        prepared = await prepared_page(request, "announcement", vote_id, lambda: announcement_page(state, vote_id))
    except PiaojueError as error:
        return error_page(error)
    return respond(request, prepared)


async def announcement_page(state: State, vote_id: int) -> Template:
    """The 公告's page; raises if the result is not public."""
    announced = await result(state.pool, vote_id, public=True)
    async with state.pool.acquire() as conn:
        session = await require_session(conn, announced.vote.session_id)
    count = await paper_count(state.pool, vote_id)
    vote, tally = announced.vote, announced.tally
    report = count.report or {}
    paper_returned = int(report.get("returned", 0))
    tablet = tally.ballots_cast - paper_returned
    names = {c.id: c for c in vote.candidates}
    qr = Markup(await asyncio.to_thread(qr_svg, public_url(state, vote_id)))
    return page(
        "announcement.html",
        vote=vote,
        tally=tally,
        session=session,
        names=names,
        method=method_text(vote.rules, vote.mode),
        date=chinese_date(vote.announced_at or dt.date.today()),
        held_on=chinese_date(session.held_on),
        issued=tablet + int(report.get("issued", 0)),
        tablet=tablet,
        paper_issued=report.get("issued"),
        paper_returned=report.get("returned"),
        counters=count.counters,
        conflicts=count.conflicts,
        qr=qr,
        url=public_url(state, vote_id),
        per_candidate=vote.rules.form == BallotForm.PER_CANDIDATE,
        chosen=[names[cid] for cid in tally.chosen],
        mode=vote.mode,
    )


ROUTES = [ballot_print, announcement]
