"""Evaluation rounds: create → open → deputies rate once, secretly → close (tally.rating) → 整改."""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from typing import Any

import asyncpg
import msgspec

from audit.queries import record
from ballots import sealing
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
from voting.evaluation import queries, sealed_sheets
from voting.evaluation.models import Round, RoundCreate, RoundItem, SealedSheet, SheetAccepted, TabletRound
from voting.programs.phases import congress_today
from voting.roster.service import count_members
from voting.sealing import rounds
from voting.sealing.models import KeyCeremony, MadeCards, SealingKey
from voting.sealing.service import check_ceremony, record_key, sealing_key
from voting.tablet.service import require_live_tablet
from voting.text_fields import required_text

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
    title = required_text(new.title, "title", "测评名称")
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
        await rounds.require_key(conn, round_id)
        total = await count_members(conn, found.body_id)
        await queries.mark_open(conn, round_id, total)
        await record(conn, who.audit("evaluation.opened", "evaluation_round", round_id, {"deputies_total": total}))
        return await require_round(conn, round_id)


async def submit_sheet(pool: asyncpg.Pool, who: Principal, round_id: int, sheet: SealedSheet) -> SheetAccepted:
    """A deputy's sealed ratings: once, in an open round of their body; nothing readable is stored."""
    async with transaction(pool) as conn:
        await require_live_tablet(conn, who)
        # FOR SHARE: a close (FOR UPDATE) waits for sheets in flight; none arrives after it.
        found = await require_round(conn, round_id, "FOR SHARE")
        if found.state != "open":
            raise Conflict("round_not_open", "该测评未在进行中", "This evaluation round is not open", state=found.state)
        await _check_may_rate(conn, who, found)
        key = await rounds.require_key(conn, round_id)
        sealed = sealed_sheets.check_sealed(found, bytes(key["public_key"]), sheet.sealed)
        try:
            await queries.issue_sheet(conn, round_id, who.subject_id)
        except asyncpg.UniqueViolationError as error:
            raise Conflict("already_rated", "您已提交本轮测评", "You have already rated in this round") from error
        tracker = await rounds.store(conn, round_id, sealed)
        # The audit names who took part, never what they said.
        await record(conn, who.audit("evaluation.sheet_submitted", "evaluation_round", round_id))
    return SheetAccepted(round_id=round_id, tracker=tracker, receipt=sealing.receipt_code(tracker))


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


async def close_round(
    pool: asyncpg.Pool, who: Principal, round_id: int, cards: list[str] | None = None, as_void: bool = False
) -> Round:
    """Stop rating. Too few sheets: refused, or closed as void (sheets dropped unread, no result, no 整改).
    Enough: with k key cards the sheets are opened and the ratings published (不满意 → 整改), else they wait."""
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
            return await require_round(conn, round_id)
        if not taking_part.enough:
            raise too_few_rated(taking_part)
        if found.rated and not cards:
            await rounds.await_keys(conn, round_id)
            await record(
                conn, who.audit("evaluation.rating_ended", "evaluation_round", round_id, {"sheets": found.rated})
            )
            return await require_round(conn, round_id)
        if found.rated:
            await sealed_sheets.open_sheets(conn, who, found, await rounds.unlock(conn, round_id, cards or []))
        return await rate_round(conn, who, found)


async def open_round_count(pool: asyncpg.Pool, who: Principal, round_id: int, cards: list[str]) -> Round:
    """The key-card holders' step: open a round's sealed sheets and publish its ratings."""
    async with transaction(pool) as conn:
        found = await require_round(conn, round_id, "FOR UPDATE")
        if found.state != "awaiting_keys":
            raise Conflict(
                "round_not_awaiting_keys",
                "该测评不在等待开票钥匙卡开启的状态",
                "This round is not waiting for its key cards",
                state=found.state,
            )
        await sealed_sheets.open_sheets(conn, who, found, await rounds.unlock(conn, round_id, cards))
        return await rate_round(conn, who, found)


async def rate_round(conn: asyncpg.Connection, who: Principal, found: Round) -> Round:
    """Compute and publish every project's rating from the opened sheets; 不满意 gets a 整改 item."""
    round_id = found.id
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
    return await require_round(conn, round_id)


async def make_round_cards(pool: asyncpg.Pool, who: Principal, round_id: int, ceremony: KeyCeremony) -> MadeCards:
    """The key ceremony of a draft round: its cards are shown once, its key never stored."""
    check_ceremony(ceremony)
    async with transaction(pool) as conn:
        found = await require_round(conn, round_id, "FOR UPDATE")
        if found.state != "draft":
            raise Conflict(
                "round_not_draft",
                "开票钥匙卡须在测评开始前制作",
                "Key cards are made before the round opens",
                state=found.state,
            )
        label = rounds.label_of(round_id)
        return await record_key(conn, who, label, ceremony, round_id=round_id)


async def round_sealing_key(pool: asyncpg.Pool, round_id: int) -> SealingKey:
    """What tablets seal this round's sheets to."""
    async with pool.acquire() as conn:
        found = await require_round(conn, round_id)
        row = await rounds.require_key(conn, round_id)
    return sealing_key(rounds.label_of(round_id), row, sealed_sheets.plain_size(found))


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


async def results_of_items(conn: asyncpg.Connection, item_ids: list[int]) -> list[asyncpg.Record]:
    """Closed rounds' results for these items, newest first (item_id, round_id, title, kind, closed_at, result)."""
    return await queries.results_of_items(conn, item_ids)


async def rectifications_of_items(conn: asyncpg.Connection, item_ids: list[int]) -> list[dict[str, Any]]:
    """The 整改 of these items."""
    return [dict(r) for r in await queries.rectifications(conn, item_ids)]
