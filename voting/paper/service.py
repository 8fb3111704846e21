"""A paper round: count roles, the recorded steps (发出、封箱、收回), per-deputy issue and void rounds."""

from __future__ import annotations

import asyncpg
import msgspec

from audit.queries import record
from voting.auth import Principal, roles
from voting.database import transaction
from voting.errors import BadRequest, Conflict, Forbidden
from voting.paper import queries
from voting.paper.closing import round_void
from voting.paper.disclosure import paper_figures_shown, withheld_report
from voting.paper.models import ConflictRecord, Counter, CounterAssign, CountState, IssuedCount, PaperCount, Step
from voting.paper.rounds import RoundState, round_state
from voting.votes.models import Vote
from voting.votes.results import count_present, load_vote

PRESIDING_ROLES = roles.PRESIDING

# What to do when a paper step comes at the wrong time, by the vote's state.
STATE_ADVICE = {
    "draft": (
        "表决尚未开始：请主持人先在会议控制台开始表决，再登记纸质选票",
        "The vote has not started: the presiding officer must open the vote first, then record paper ballots",
    ),
    "withdrawn": ("该表决已撤回，不能再登记纸质选票", "This vote was withdrawn; no paper ballot can be recorded"),
    "closed": (
        "表决已结束，不能再登记或更改纸质选票；如需更正，请在结束前申请重新计票",
        "The vote is closed; paper ballots can no longer be recorded or changed",
    ),
    "announced": (
        "表决结果已宣布，不能再登记或更改纸质选票",
        "The result is announced; paper ballots cannot change now",
    ),
}


async def paper_vote(conn: asyncpg.Connection, vote_id: int, states: tuple[str, ...] = ("open",)) -> Vote:
    """The vote, locked for its paper count; refused unless it is on paper and in one of states."""
    if await queries.vote_mode(conn, vote_id) == "electronic":
        await load_vote(conn, vote_id)  # no such vote: 404 before the mode
        raise Conflict("vote_not_paper", "该表决不使用纸质选票", "This vote does not use paper ballots")
    return await counted_vote(conn, vote_id, states)


async def counted_vote(conn: asyncpg.Connection, vote_id: int, states: tuple[str, ...]) -> Vote:
    """The vote in one of states, locked for its count roles and paper count, whatever its mode."""
    vote = await load_vote(conn, vote_id)
    if vote.state not in states:
        zh, en = STATE_ADVICE.get(vote.state, STATE_ADVICE["closed"])
        raise Conflict("vote_not_open", zh, en, state=vote.state)
    await queries.lock_paper_count(conn, vote_id)
    return vote


async def current_round(conn: asyncpg.Connection, vote_id: int) -> RoundState:
    """The current round's state from its recorded steps."""
    return round_state(await queries.steps(conn, vote_id))


def require_editable(state: RoundState) -> None:
    """Nothing changes in a void round or after sign-off (409)."""
    if state.void:
        raise round_void()
    if state.signed_off:
        raise Conflict(
            "count_signed_off",
            "计票报告已经总监票人确认，不能再修改；如需更正，请申请重新计票并说明理由",
            "The count report is signed off and cannot be edited; a correction needs a recount with a reason",
        )


async def require_counter(
    conn: asyncpg.Connection,
    who: Principal,
    vote_id: int,
    role: str,
    chief: bool = False,
    presiding_may: bool = True,
) -> None:
    """The caller must be assigned to this vote in this role (and as chief); presiding staff pass for steps."""
    if presiding_may and who.role in PRESIDING_ROLES and role == "scrutineer" and not chief:
        return
    assigned = await queries.counter_of(conn, vote_id, who.subject_id) if who.role.value == role else None
    if assigned is None or assigned["role"] != role or (chief and not assigned["is_chief"]):
        what_zh, what_en = {
            ("teller", False): ("本表决的计票人", "a teller of this vote"),
            ("scrutineer", False): ("本表决的监票人", "a scrutineer of this vote"),
        }.get((role, chief), ("本表决的总监票人", "the chief scrutineer of this vote"))
        raise Forbidden("not_assigned", f"只有{what_zh}可以进行此操作", f"Only {what_en} may do this")


async def assign_counter(pool: asyncpg.Pool, who: Principal, vote_id: int, data: CounterAssign) -> list[Counter]:
    """Assign a teller or scrutineer (one chief scrutineer per vote) before or during the vote.

    A tablet vote has scrutineers too (they make its key cards and open its count) but no tellers.
    A scrutineer may still be assigned while the sealed ballots wait for the cards, so that the
    card holders find the vote on their 计票控制台 even when nobody was assigned before it opened.
    """
    if data.is_chief and data.role != "scrutineer":
        raise BadRequest("chief_not_scrutineer", "总监票人须为监票人", "The chief must be a scrutineer")
    async with transaction(pool) as conn:
        if data.role == "teller":
            await paper_vote(conn, vote_id, ("draft", "open"))
        else:
            await counted_vote(conn, vote_id, ("draft", "open", "awaiting_keys"))
        if await queries.staff_role(conn, data.staff_user_id, vote_id) != data.role:
            raise BadRequest(
                "counter_role_mismatch",
                "该工作人员账号不是本级人大的此角色（计票人/监票人）",
                "This staff account is not a teller/scrutineer of this vote's body",
            )
        try:
            added = await queries.insert_counter(conn, vote_id, data.staff_user_id, data.role, data.is_chief, who.actor)
        except asyncpg.UniqueViolationError as error:
            raise Conflict("chief_exists", "本表决已有总监票人", "This vote already has a chief scrutineer") from error
        if not added:
            raise Conflict("already_assigned", "该工作人员已被指定", "This staff user is already assigned")
        await record(conn, who.audit("paper.counter_assigned", "vote", vote_id, msgspec.to_builtins(data)))
        return await list_counters(conn, vote_id)


async def list_counters(conn: asyncpg.Connection, vote_id: int) -> list[Counter]:
    """The vote's tellers and scrutineers."""
    return [Counter(**dict(r)) for r in await queries.counters(conn, vote_id)]


async def record_issued(pool: asyncpg.Pool, who: Principal, vote_id: int, data: IssuedCount) -> PaperCount:
    """发出: how many paper ballots were handed out in this round (more than present only when confirmed)."""
    count = data.count
    async with transaction(pool) as conn:
        vote = await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer")
        present = await count_present(conn, vote.session_id)
        if count > present and not data.beyond_present:
            # Usually a typing slip; a real case (a late deputy not yet checked in) is confirmed and audited.
            raise Conflict(
                "issued_beyond_present",
                f"发出选票数 {count} 多于出席代表数 {present}：请核对；如确实如此，请确认后再登记",
                f"{count} ballots issued is more than the {present} deputies present: check the number, or confirm it",
                field="count",
                present=present,
            )
        state = await current_round(conn, vote_id)
        require_editable(state)
        handed = await queries.count_channel_issued(conn, vote_id, "paper")
        if count < handed:
            # Otherwise the box could hold more ballots than 发出 says and void a sound round.
            raise Conflict(
                "fewer_than_handed_out",
                f"已向{handed}名代表逐一发出纸质选票，发出数不能少于{handed}",
                f"Paper ballots were handed to {handed} named deputies; the number issued cannot be less",
                handed_out=handed,
            )
        await insert_once(conn, vote_id, state.round, "issued", who, count=count)
        detail = {"round": state.round, "count": count} | ({"present": present} if count > present else {})
        await record(conn, who.audit("paper.issued", "vote", vote_id, detail))
        return await load_paper_count(conn, vote_id)


async def seal_box(pool: asyncpg.Pool, who: Principal, vote_id: int) -> PaperCount:
    """The ballot box was checked empty and sealed (验箱、封箱)."""
    async with transaction(pool) as conn:
        await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer")
        state = await current_round(conn, vote_id)
        require_editable(state)
        await insert_once(conn, vote_id, state.round, "box_sealed", who)
        await record(conn, who.audit("paper.box_sealed", "vote", vote_id, {"round": state.round}))
        return await load_paper_count(conn, vote_id)


async def record_returned(pool: asyncpg.Pool, who: Principal, vote_id: int, count: int) -> PaperCount:
    """收回: ballots found in the box; more than issued voids the round (选举法 §44)."""
    async with transaction(pool) as conn:
        await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer")
        state = await current_round(conn, vote_id)
        require_editable(state)
        if state.issued is None or not state.sealed:
            raise Conflict(
                "steps_out_of_order",
                "请先登记发出选票数并验箱封箱，再登记收回选票数",
                "Record the ballots issued and the sealed box before the ballots returned",
            )
        await insert_once(conn, vote_id, state.round, "returned", who, count=count)
        detail = {"round": state.round, "issued": state.issued, "returned": count}
        if count > state.issued:
            await queries.insert_step(conn, vote_id, state.round, "void", "system")
            await record(conn, who.audit("paper.returned", "vote", vote_id, detail))
            await record(conn, who.audit("paper.round_void", "vote", vote_id, detail))
        else:
            await record(conn, who.audit("paper.returned", "vote", vote_id, detail))
        return await load_paper_count(conn, vote_id)


async def restart_round(pool: asyncpg.Pool, who: Principal, vote_id: int, reason: str) -> PaperCount:
    """After a void round the presiding officer starts the paper voting again; paper issues are withdrawn."""
    async with transaction(pool) as conn:
        await paper_vote(conn, vote_id)
        state = await current_round(conn, vote_id)
        if not state.void:
            raise Conflict("round_not_void", "本轮投票有效，无需重新投票", "This round is valid; it need not restart")
        withdrawn = await queries.withdraw_paper_issues(conn, vote_id)
        await queries.insert_step(conn, vote_id, state.round + 1, "restarted", who.actor, reason=reason)
        await record(
            conn,
            who.audit(
                "paper.round_restarted",
                "vote",
                vote_id,
                # The ids let an archive's verifier match voters to ballot.issued events.
                {"round": state.round + 1, "reason": reason, "withdrawn_deputy_ids": withdrawn},
            ),
        )
        return await load_paper_count(conn, vote_id)


async def issue_to_deputy(pool: asyncpg.Pool, who: Principal, vote_id: int, deputy_id: int) -> PaperCount:
    """A paper ballot handed to this deputy: the deputy can no longer vote by tablet, and vice versa."""
    async with transaction(pool) as conn:
        await paper_vote(conn, vote_id)
        await require_counter(conn, who, vote_id, "scrutineer")
        state = await current_round(conn, vote_id)
        require_editable(state)
        if state.returned is not None:
            raise Conflict(
                "ballots_returned",
                "本轮选票已收回，不能再发出纸质选票",
                "This round's ballots are already collected; no paper ballot can be issued now",
            )
        if not await queries.deputy_present(conn, vote_id, deputy_id):
            raise Conflict("not_checked_in", "该代表未签到，不能领取选票", "This deputy has not checked in")
        if not await queries.issue_to_deputy(conn, vote_id, deputy_id):
            channel = await queries.issued_channel(conn, vote_id, deputy_id)
            if channel == "tablet":
                raise Conflict(
                    "already_voted", "该代表已通过平板投票，不能再领取纸质选票", "This deputy already voted by tablet"
                )
            raise Conflict("already_issued", "该代表已领取纸质选票", "This deputy already received a paper ballot")
        await record(conn, who.audit("ballot.issued", "vote", vote_id, {"channel": "paper", "deputy_ids": [deputy_id]}))
        return await load_paper_count(conn, vote_id)


async def insert_once(
    conn: asyncpg.Connection, vote_id: int, round_no: int, kind: str, who: Principal, count: int | None = None
) -> None:
    """Record a step that happens once per round; a second time is a 409 (nothing recorded is changed)."""
    try:
        async with conn.transaction():
            await queries.insert_step(conn, vote_id, round_no, kind, who.actor, count=count)
    except asyncpg.UniqueViolationError as error:
        raise Conflict(
            "step_already_recorded",
            "此步骤本轮已登记，不能重复登记",
            "This step is already recorded for this round",
            step=kind,
        ) from error


STEP_FIELDS = ("round", "kind", "count", "reason", "actor", "at", "actor_name")


async def load_paper_count(conn: asyncpg.Connection, vote_id: int) -> PaperCount:
    """The vote's paper count as the console shows it."""
    rows = await queries.steps(conn, vote_id)
    state = round_state(rows)
    status: CountState = (
        "void"
        if state.void
        else "signed_off"
        if state.signed_off
        else ("counting" if state.returned is not None else "issuing")
    )
    mode, vote_state = await queries.mode_and_state(conn, vote_id) or ("electronic", "draft")
    shown = paper_figures_shown(mode, vote_state)
    return PaperCount(
        vote_id=vote_id,
        mode=mode,
        round=state.round,
        state=status,
        counters=await list_counters(conn, vote_id),
        steps=[Step(**{k: r[k] for k in STEP_FIELDS}) for r in rows],
        report=state.report if shown or state.report is None else withheld_report(state.report),
        figures_shown=shown,
        conflicts=[ConflictRecord(**dict(r)) for r in await queries.conflicts(conn, vote_id)],
        handed_out=await queries.count_channel_issued(conn, vote_id, "paper"),
    )


async def paper_count(pool: asyncpg.Pool, vote_id: int) -> PaperCount:
    """Read-only view of the paper count."""
    async with pool.acquire() as conn:
        await load_vote(conn, vote_id)
        return await load_paper_count(conn, vote_id)


async def session_of_vote(pool: asyncpg.Pool, vote_id: int) -> int | None:
    """The session a vote belongs to (whose screens hear of its paper count), or None."""
    async with pool.acquire() as conn:
        return await queries.vote_session(conn, vote_id)
