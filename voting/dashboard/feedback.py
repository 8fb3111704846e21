"""Residents' feedback on a project (from its page or site poster), filed into the clerks' suggestion triage."""

from __future__ import annotations

from typing import Annotated, Any

import asyncpg
import msgspec
from litestar import Request, post
from litestar.datastructures import State
from litestar.params import FromPath, JSONBody

from voting.auth.guards import client_address
from voting.dashboard import queries
from voting.database import transaction
from voting.errors import not_found
from voting.programs.schedule import load_program
from voting.solicit.models import SuggestionCreate
from voting.solicit.service import file_suggestion

Text = Annotated[str, msgspec.Meta(max_length=2000)]


class Feedback(msgspec.Struct, forbid_unknown_fields=True):
    """What a resident writes about a project; contact is optional and never public."""

    title: Text
    description: Text
    place: Text = ""
    name: Text = ""
    phone: Text = ""


class FeedbackReceipt(msgspec.Struct):
    """The tracking code (查询码) to follow the feedback."""

    code: str
    tracking_url: str


async def file_feedback(pool: asyncpg.Pool, base_url: str, item_id: int, new: Feedback) -> FeedbackReceipt:
    """File feedback as a 'project_feedback' suggestion about the item, committed before the code is returned."""
    async with transaction(pool) as conn:
        program_id = await queries.program_of_item(conn, item_id)
        if program_id is None:
            raise not_found("实施项目", "Implementation item")
        categories = (await load_program(conn, program_id)).categories
        category = await queries.item_category(conn, item_id)
        if category not in categories:
            category = "其他" if "其他" in categories else categories[-1]
        suggestion = SuggestionCreate(
            title=new.title,
            description=new.description,
            category=category,
            place=new.place,
            name=new.name,
            phone=new.phone,
        )
        suggestion_id = await file_suggestion(conn, program_id, suggestion, "project_feedback", about_item_id=item_id)
        code = await queries.tracking_code(conn, suggestion_id)
    return FeedbackReceipt(code=code, tracking_url=f"{base_url}/track/{code}")


@post("/api/projects/{item_id:int}/feedback", summary="Residents' feedback on a project (public)", tags=["supervision"])
async def feedback(
    request: Request[Any, Any, Any], state: State, item_id: FromPath[int], data: JSONBody[Feedback]
) -> FeedbackReceipt:
    """Goes into the clerks' suggestion triage with source 'project_feedback'; answers a tracking code."""
    address = client_address(request)
    state.submission_throttle.check(address)
    receipt = await file_feedback(state.pool, state.settings.public_base_url, item_id, data)
    state.submission_throttle.accepted_one(address)
    return receipt


ROUTES = [feedback]
