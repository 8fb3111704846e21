"""Filing suggestions from every channel, and following one by its tracking code.

For other packages (issue 5 files residents' feedback on a project page here):

    async def file_suggestion(conn, program_id, new: SuggestionCreate, source, about_item_id=None,
                              who=None) -> int

files `new` inside the caller's transaction (the caller commits), checks its text,
category and phone (400 in Chinese and English), gives it a tracking code, writes
its first history step and an audit event, and returns the suggestion id. Source
'project_feedback' is taken in any phase, with `about_item_id` naming the
implementation item; every other source only while the program is soliciting.
"""

from __future__ import annotations

from typing import Any

import asyncpg

from audit import AuditEvent
from audit.queries import record
from tally.final import UnfilledReason
from voting.auth import Principal
from voting.database import transaction
from voting.departments.service import department_of
from voting.errors import BadRequest, Conflict, not_found
from voting.programs.phases import congress_today
from voting.programs.schedule import load_program, require_intake_open
from voting.solicit import codes, queries
from voting.solicit.models import ChannelSuggestion, PublicSuggestion, Receipt, SuggestionCreate, Tracking, TrackStep
from voting.text_fields import optional_text, required_text
from voting.votes.agenda import final_of

SOURCES = ("public", "deputy", "liaison_station", "department", "project_feedback")


def checked_fields(new: SuggestionCreate, categories: list[str]) -> dict[str, object]:
    """The suggestion's fields, trimmed and checked in the form's order; the first problem is a 400."""
    required = (("title", "标题"), ("description", "具体内容"), ("category", "类别"))
    empty = [(field, zh) for field, zh in required if not getattr(new, field).strip()]
    if empty:
        # All the empty fields at once, so an empty form is filled in one go.
        raise BadRequest(
            "text_empty",
            "请填写"
            + "、".join(zh for _, zh in empty)
            + ("（从列表中选择类别）" if empty[-1][0] == "category" else ""),
            "Fill in the " + ", ".join(field for field, _ in empty),
            field=empty[0][0],
            fields=[field for field, _ in empty],
            allowed=categories,
        )
    title = required_text(new.title, "title", "标题", codes.TITLE_MAX)
    description = required_text(new.description, "description", "具体内容", codes.DESCRIPTION_MAX)
    category = new.category.strip()
    if category not in categories:
        raise BadRequest(
            "category_unknown",
            f"类别「{category}」不在本项目计划的类别中，请从列表中选择：{'、'.join(categories)}",
            f"Unknown category for this program; choose one of: {', '.join(categories)}",
            field="category",
            allowed=categories,
        )
    return {
        "title": title,
        "description": description,
        "category": category,
        "place": optional_text(new.place, "place", "地点", codes.PLACE_MAX),
        "name": optional_text(new.name, "name", "姓名", codes.NAME_MAX),
        "phone": codes.clean_phone(new.phone),
        "submitted_by": optional_text(new.submitted_by, "submitted_by", "提交单位或代表", codes.PLACE_MAX),
        "raised_by": new.raised_by,
    }


async def file_suggestion(
    conn: asyncpg.Connection,
    program_id: int,
    new: SuggestionCreate,
    source: str,
    about_item_id: int | None = None,
    who: Principal | None = None,
    submission_key: str | None = None,
) -> int:
    """File a suggestion in the caller's transaction (see the module docstring); returns its id.

    A `submission_key` already filed for the program raises asyncpg's UniqueViolationError
    (constraint suggestion_submission_key): the caller answers with the stored suggestion.
    """
    if source not in SOURCES:
        raise BadRequest("source_unknown", "来源渠道不正确", "Unknown source")
    if source == "project_feedback":
        program = await load_program(conn, program_id)
    else:
        program = await require_intake_open(conn, program_id, congress_today())
    fields = checked_fields(new, program.categories)
    while True:
        code = codes.new_tracking_code()
        try:
            async with conn.transaction():  # a savepoint: a (very unlikely) code clash just draws again
                suggestion_id = await queries.insert_suggestion(
                    conn, program_id, code, source, fields, about_item_id, program.phase, submission_key
                )
            break
        except asyncpg.UniqueViolationError as error:
            if error.constraint_name == queries.SUBMISSION_KEY_CONSTRAINT:
                raise
            continue
        except asyncpg.CheckViolationError as error:
            # The checks above should have said it; never a 500 whose logged row detail holds the contact.
            raise BadRequest(
                "suggestion_invalid", "意见建议内容不符合要求", "The suggestion is invalid", rule=error.constraint_name
            ) from None
    actor = who.actor if who else f"public:{source}"
    await queries.insert_events(conn, [suggestion_id], actor, "received", None, "")
    # No text or contact in the audit chain: its segments are published with vote archives.
    detail = {"program_id": program_id, "source": source, "about_item_id": about_item_id}
    event = (
        who.audit("suggestion.filed", "suggestion", suggestion_id, detail)
        if who
        else AuditEvent(
            actor=actor,
            role="public",
            action="suggestion.filed",
            object_type="suggestion",
            object_id=str(suggestion_id),
            detail=detail,
        )
    )
    await record(conn, event)
    return suggestion_id


async def submit_public(
    pool: asyncpg.Pool, base_url: str, program_id: int, new: PublicSuggestion
) -> tuple[Receipt, bool]:
    """A resident's suggestion from the phone form, committed before the tracking code is returned.

    Returns the receipt and whether it was stored now: a resend of a form already filed
    (same `key`) gets the first receipt again and files nothing.
    """
    filed = suggestion_from(new)
    key = new.key or None
    if key:
        earlier = await resent_receipt(pool, base_url, program_id, new)
        if earlier is not None:
            return earlier, False
    try:
        async with transaction(pool) as conn:
            suggestion_id = await file_suggestion(conn, program_id, filed, "public", submission_key=key)
            code = await queries.tracking_code_of(conn, suggestion_id)
    except asyncpg.UniqueViolationError as error:
        # The same form arrived twice at once: the other request stored it (and committed).
        earlier = await resent_receipt(pool, base_url, program_id, new)
        if error.constraint_name != queries.SUBMISSION_KEY_CONSTRAINT or earlier is None:
            raise
        return earlier, False
    return Receipt(id=suggestion_id, code=code, tracking_url=codes.tracking_url(base_url, code)), True


async def resent_receipt(pool: asyncpg.Pool, base_url: str, program_id: int, new: PublicSuggestion) -> Receipt | None:
    """The receipt of a form already filed under this key, or None; a key reused for other text is a 409."""
    async with pool.acquire() as conn:
        row = await queries.suggestion_by_key(conn, program_id, new.key)
    if row is None:
        return None
    if (row["title"], row["description"]) != (new.title.strip(), new.description.strip()):
        raise Conflict(
            "submission_key_reused",
            "该表单已提交过另一条意见建议，请刷新页面后重新填写",
            "This form was already used for another suggestion; reload the page and try again",
        )
    return Receipt(id=row["id"], code=row["code"], tracking_url=codes.tracking_url(base_url, row["code"]))


async def submit_for_channel(
    pool: asyncpg.Pool, base_url: str, who: Principal, program_id: int, new: ChannelSuggestion
) -> Receipt:
    """A suggestion a clerk records for a deputy, a liaison station or a department (keeps its source)."""
    if not new.submitted_by.strip():
        raise BadRequest(
            "submitted_by_empty", "请填写提出的代表、联络站或部门", "Say which deputy, station or department"
        )
    filed = suggestion_from(new, raised_by=new.raised_by, submitted_by=new.submitted_by)
    async with transaction(pool) as conn:
        suggestion_id = await file_suggestion(conn, program_id, filed, new.source, who=who)
        code = await queries.tracking_code_of(conn, suggestion_id)
    return Receipt(id=suggestion_id, code=code, tracking_url=codes.tracking_url(base_url, code))


async def propose_for_department(
    pool: asyncpg.Pool, base_url: str, who: Principal, program_id: int, new: PublicSuggestion
) -> Receipt:
    """A department's own proposal, filed by its liaison (source: department)."""
    async with transaction(pool) as conn:
        department = await department_of(conn, who)
        filed = suggestion_from(new, submitted_by=department.name)
        suggestion_id = await file_suggestion(conn, program_id, filed, "department", who=who)
        code = await queries.tracking_code_of(conn, suggestion_id)
    return Receipt(id=suggestion_id, code=code, tracking_url=codes.tracking_url(base_url, code))


def suggestion_from(form: PublicSuggestion | ChannelSuggestion, **channel_fields: Any) -> SuggestionCreate:
    """What every channel's form shares, plus what that channel adds (source, head count…)."""
    return SuggestionCreate(
        title=form.title,
        description=form.description,
        category=form.category,
        place=form.place,
        name=form.name,
        phone=form.phone,
        **channel_fields,
    )


async def track(pool: asyncpg.Pool, typed_code: str) -> Tracking:
    """Where a suggestion stands, by its tracking code (public: no contact details)."""
    code = codes.normalize_tracking_code(typed_code)
    async with pool.acquire() as conn:
        row = await queries.suggestion_by_code(conn, code) if len(code) == codes.LENGTH else None
        if row is None:
            raise not_found("查询码", "Tracking code")
        history = [TrackStep(**dict(r)) for r in await queries.history_of(conn, row["id"])]
        stage, candidate_reason = await stage_of(conn, row["status"], row["candidate_id"])
    return Tracking(
        code=row["code"],
        program_id=row["program_id"],
        program_title=row["program_title"],
        title=row["title"],
        category=row["category"],
        place=row["place"],
        submitted_at=row["created_at"],
        stage=stage,
        candidate_name=row["candidate_name"],
        reason=candidate_reason or row["reason"],
        history=history,
    )


async def awaits_runoff(conn: asyncpg.Connection, candidate_id: int) -> bool:
    """Tied at the cut line in an announced vote whose runoff is still to be held (by the item's final result)."""
    for vote_id in await queries.announced_votes_of(conn, candidate_id):
        final = await final_of(conn, vote_id)
        pending = [] if final is None else [u for u in final.unfilled if u.reason == UnfilledReason.RUNOFF_PENDING]
        if any(candidate_id in u.candidate_ids for u in pending):
            return True
    return False


async def stage_of(conn: asyncpg.Connection, status: str, candidate_id: int | None) -> tuple[str, str]:
    """The furthest stage a suggestion reached and the reason shown with it.

    Before merging that is its own status. Once merged, its candidate's fate: excluded under a
    rule (with the rule's reason), left off the fixed list, put to the vote, not chosen in an
    announced vote (and in no vote still to come), chosen, implemented.
    """
    if candidate_id is None:
        return status, ""
    if await queries.implemented_candidates(conn, [candidate_id]):
        return "implemented", ""
    if await queries.chosen_candidates(conn, [candidate_id]):
        return "chosen", ""
    fate = await queries.candidate_fate(conn, candidate_id)
    if fate["exclusion_rule"] is not None:
        return "candidate_excluded", fate["exclusion_reason"]
    if fate["in_announced_vote"] and not fate["in_pending_vote"] and not await awaits_runoff(conn, candidate_id):
        return "not_chosen", ""
    if fate["in_vote"] or (fate["list_fixed"] and fate["on_list"]):
        return "put_to_vote", ""
    if fate["list_fixed"]:
        return "not_listed", ""
    return "merged", ""
