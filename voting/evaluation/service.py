"""Evaluation rounds: create → open → deputies rate once, secretly → close (tally.rating) → 整改."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict

import asyncpg
import msgspec

from audit.queries import record
from tally.rating import (
    Level,
    Participation,
    ProjectRating,
    RatingMethod,
    RatingRules,
    count_levels,
    participation,
    rate_by_levels,
    rate_by_scores,
)
from voting.auth import Principal
from voting.database import transaction
from voting.errors import BadRequest, Conflict, Forbidden, NotAuthenticated, not_found
from voting.evaluation import queries
from voting.evaluation.models import ItemRating, RatingSheet, Round, RoundCreate, RoundItem, SheetAccepted, TabletRound
from voting.programs.phases import congress_today
from voting.roster.queries import count_active_deputies
from voting.supervision.service import required_text
from voting.tablet.queries import tablet_state

log = logging.getLogger(__name__)


async def load_rounds(conn: asyncpg.Connection, rows: list[asyncpg.Record]) -> list[Round]:
    """Rounds with their projects (results only once closed)."""
    by_round: dict[int, list[RoundItem]] = defaultdict(list)
    for r in await queries.round_items(conn, [row["id"] for row in rows]):
        fields = dict(r)
        round_id = fields.pop("round_id")
        result = fields.pop("result")
        by_round[round_id].append(
            RoundItem(**fields, result=msgspec.convert(result, ProjectRating) if result is not None else None)
        )
    found = []
    for row in rows:
        fields = dict(row)
        fields["rules"] = rules = msgspec.convert(fields["rules"], RatingRules)
        total = fields["deputies_total"]
        needed = participation(rules, 0, total).needed if total is not None else None
        found.append(Round(**fields, items=by_round[row["id"]], rated_needed=needed))
    return found


async def require_round(conn: asyncpg.Connection, round_id: int, lock: str = "") -> Round:
    """One round, or a 404."""
    row = await queries.round_by_id(conn, round_id, lock)
    if row is None:
        raise not_found("测评", "Evaluation round")
    return (await load_rounds(conn, [row]))[0]


async def create_round(pool: asyncpg.Pool, who: Principal, new: RoundCreate) -> Round:
    """A draft round for some or all of a body's projects (last year's included)."""
    problems = new.rules.problems()
    if problems:
        raise BadRequest("rules_invalid", "测评规则设置无效", "The rating rules are invalid", problems=problems)
    title = required_text(new.title, "测评名称", "Title")
    async with transaction(pool) as conn:
        if new.session_id is not None and await queries.session_body(conn, new.session_id) != new.body_id:
            raise BadRequest("session_not_of_body", "会议不属于该人大", "The session is not of this body")
        wanted = list(dict.fromkeys(new.item_ids))
        item_ids = await queries.items_of_body(conn, new.body_id, wanted)
        if not item_ids or (wanted and len(item_ids) != len(wanted)):
            raise BadRequest(
                "items_invalid",
                "测评项目须为该人大正在实施或已完成的项目",
                "The projects must be this body's projects in implementation or completed",
            )
        try:
            round_id = await queries.insert_round(
                conn,
                new.body_id,
                new.session_id,
                title,
                new.kind,
                msgspec.to_builtins(new.rules),
                new.rectify_days,
            )
        except asyncpg.ForeignKeyViolationError as error:
            raise not_found("人大", "Body") from error
        await queries.add_round_items(conn, round_id, item_ids)
        await record(
            conn,
            who.audit(
                "evaluation.created", "evaluation_round", round_id, {**msgspec.to_builtins(new), "item_ids": item_ids}
            ),
        )
        return await require_round(conn, round_id)


async def open_round(pool: asyncpg.Pool, who: Principal, round_id: int) -> Round:
    """Open rating; all members (the default rule's base) are fixed now."""
    async with transaction(pool) as conn:
        found = await require_round(conn, round_id, "FOR UPDATE")
        if found.state != "draft":
            raise Conflict("round_not_draft", "该测评已开始或已结束", "This round was already opened")
        total = await count_active_deputies(conn, found.body_id)
        await queries.mark_open(conn, round_id, total)
        await record(conn, who.audit("evaluation.opened", "evaluation_round", round_id, {"deputies_total": total}))
        return await require_round(conn, round_id)


def check_sheet(found: Round, sheet: RatingSheet) -> list[tuple[int, str | None, dict[str, int] | None]]:
    """The sheet's rows if it rates every project of the round exactly once, in the round's way."""
    expected = {i.item_id for i in found.items}
    given = [r.item_id for r in sheet.ratings]
    if len(set(given)) != len(given) or set(given) != expected:
        raise BadRequest(
            "sheet_incomplete", "须对本轮每个项目各评价一次", "Rate every project of the round exactly once"
        )
    rows = []
    for rating in sheet.ratings:
        rows.append((rating.item_id, *_one(found.rules, rating)))
    return rows


def _one(rules: RatingRules, rating: ItemRating) -> tuple[str | None, dict[str, int] | None]:
    if rules.method is RatingMethod.LEVELS:
        if rating.level is None or rating.scores is not None:
            raise BadRequest("level_required", "请选择满意程度", "Choose a level for each project")
        if rating.level is Level.ABSTAIN and not rules.allow_abstain:
            raise BadRequest("abstain_not_allowed", "本轮测评不设弃权", "This round does not allow abstaining")
        return rating.level.value, None
    names = {i.name for i in rules.indicators}
    if rating.scores is None or rating.level is not None or set(rating.scores) != names:
        raise BadRequest("scores_required", "请为每项指标打分（0–100）", "Score every indicator (0–100)")
    return None, dict(rating.scores)


async def submit_sheet(pool: asyncpg.Pool, who: Principal, round_id: int, sheet: RatingSheet) -> SheetAccepted:
    """A deputy's ratings: once, in an open round of their body, with nothing that links them to the content."""
    if who.session_id is None or who.login_id is None:
        raise NotAuthenticated("token_invalid", "登录凭证无效", "Invalid token")
    async with transaction(pool) as conn:
        state = await tablet_state(conn, who.session_id, who.subject_id, who.login_id)
        if state is None or not state["login_live"]:
            raise NotAuthenticated("tablet_revoked", "此平板的登录已被撤销", "This tablet's login was revoked")
        # FOR SHARE: a close (FOR UPDATE) waits for sheets in flight; none arrives after it.
        found = await require_round(conn, round_id, "FOR SHARE")
        if found.state != "open":
            raise Conflict("round_not_open", "该测评未在进行中", "This evaluation round is not open", state=found.state)
        await _check_may_rate(conn, who, found)
        rows = check_sheet(found, sheet)
        try:
            await queries.issue_sheet(conn, round_id, who.subject_id)
        except asyncpg.UniqueViolationError as error:
            raise Conflict("already_rated", "您已提交本轮测评", "You have already rated in this round") from error
        await queries.insert_ratings(conn, round_id, rows)
        # The audit names who took part, never what they said.
        await record(conn, who.audit("evaluation.sheet_submitted", "evaluation_round", round_id))
    return SheetAccepted(round_id=round_id)


async def _check_may_rate(conn: asyncpg.Connection, who: Principal, found: Round) -> None:
    body_id = await queries.session_body(conn, who.session_id or 0)
    if body_id != found.body_id or (found.session_id is not None and found.session_id != who.session_id):
        raise Forbidden("not_in_round", "您不参加本轮测评", "You do not take part in this round")


def rate_item(rules: RatingRules, members: int, rows: list[asyncpg.Record]) -> ProjectRating:
    """One project's rating by the round's rule (tally.rating)."""
    if rules.method is RatingMethod.LEVELS:
        return rate_by_levels(rules, count_levels(Level(r["level"]) for r in rows), members)
    return rate_by_scores(rules, [r["scores"] for r in rows], members)


def too_few_rated(taking_part: Participation) -> Conflict:
    """The refusal to publish a result from too few sheets: keep the round open, or close it as void."""
    rated, members, needed = taking_part.rated, taking_part.members, taking_part.needed
    return Conflict(
        "too_few_rated",
        f"仅 {rated} / {members} 位代表参加测评，不足 {needed} 位（过半数），不能公布测评结果。"
        "请继续测评；如确实无法达到，可作为无效测评结束（不公布结果，不产生整改）",
        f"Only {rated} of {members} members rated, fewer than the {needed} needed: no result can be published."
        " Keep the round open, or close it as void (no result, no rectification)",
        rated=rated,
        members=members,
        needed=needed,
    )


async def close_round(pool: asyncpg.Pool, who: Principal, round_id: int, as_void: bool = False) -> Round:
    """Stop rating and publish every project's rating (不满意 → 整改), or close a round with too few sheets as void."""
    async with transaction(pool) as conn:
        found = await require_round(conn, round_id, "FOR UPDATE")
        if found.state != "open":
            raise Conflict("round_not_open", "该测评未在进行中", "This evaluation round is not open", state=found.state)
        taking_part = participation(found.rules, found.rated, found.deputies_total or 0)
        if as_void:
            if taking_part.enough:
                raise Conflict(
                    "round_not_void",
                    "参加测评的代表已达到规定人数，应结束并公布结果，不能作为无效测评",
                    "Enough members rated: close and publish the result; the round cannot be void",
                )
            await void_round(conn, who, found, taking_part)
        elif taking_part.enough:
            await publish_results(conn, who, found)
        else:
            raise too_few_rated(taking_part)
        closed = await require_round(conn, round_id)
    try:
        async with pool.acquire() as conn:
            await queries.vacuum_ratings(conn)
    except (asyncpg.PostgresError, OSError) as error:
        log.warning("vacuum after closing a round failed: %s", type(error).__name__)
    return closed


async def publish_results(conn: asyncpg.Connection, who: Principal, found: Round) -> None:
    """Every project's rating by the round's rule, stored and public; 不满意 gets a 整改 item with a deadline."""
    round_id = found.id
    await queries.reshuffle_ratings(conn, round_id)
    by_item: dict[int, list[asyncpg.Record]] = defaultdict(list)
    for r in await queries.ratings(conn, round_id):
        by_item[r["item_id"]].append(r)
    item_ids = [i.item_id for i in found.items]
    await queries.reevaluate_rectifications(conn, round_id, item_ids)
    deadline = congress_today() + dt.timedelta(days=found.rectify_days)
    outcomes = {}
    for item_id in item_ids:
        rating = rate_item(found.rules, found.deputies_total or 0, by_item[item_id])
        await queries.store_result(conn, round_id, item_id, msgspec.to_builtins(rating))
        if rating.outcome is Level.UNSATISFIED:
            await queries.insert_rectification(conn, item_id, round_id, deadline)
        outcomes[str(item_id)] = rating.outcome.value
    await queries.mark_closed(conn, round_id)
    await record(conn, who.audit("evaluation.closed", "evaluation_round", round_id, {"outcomes": outcomes}))


async def void_round(conn: asyncpg.Connection, who: Principal, found: Round, taking_part: Participation) -> None:
    """Close a round without a result: its sheets are dropped unread, nothing is published, no 整改."""
    await queries.drop_ratings(conn, found.id)
    await queries.mark_void(conn, found.id)
    detail = {"rated": taking_part.rated, "members": taking_part.members, "needed": taking_part.needed}
    await record(conn, who.audit("evaluation.voided", "evaluation_round", found.id, detail))


async def list_rounds(pool: asyncpg.Pool, body_id: int | None = None) -> list[Round]:
    """Rounds, newest first; results only of closed ones."""
    async with pool.acquire() as conn:
        return await load_rounds(conn, await queries.rounds(conn, body_id))


async def get_round(pool: asyncpg.Pool, round_id: int) -> Round:
    """One round."""
    async with pool.acquire() as conn:
        return await require_round(conn, round_id)


async def tablet_rounds(pool: asyncpg.Pool, who: Principal) -> list[TabletRound]:
    """The open rounds this tablet's deputy takes part in, and whether they rated."""
    if who.session_id is None:
        raise NotAuthenticated("token_invalid", "登录凭证无效", "Invalid token")
    async with pool.acquire() as conn:
        body_id = await queries.session_body(conn, who.session_id)
        rows = [
            r
            for r in await queries.rounds(conn, body_id, "open")
            if r["session_id"] is None or r["session_id"] == who.session_id
        ]
        found = await load_rounds(conn, rows)
        return [TabletRound(r, await queries.has_rated(conn, r.id, who.subject_id)) for r in found]
