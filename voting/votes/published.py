"""An announced vote's public documents as prepared bytes, and the announcement event carrying its result.

One function per document builds the bytes exactly as its route used to answer;
the routes, the live event and the drill all read them through `prepared`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
import msgspec
from litestar import Request
from litestar.response import Template
from litestar.serialization import encode_json

from voting.bulletin import service as bulletin
from voting.live import Enrich
from voting.prepared import Prepared, PreparedResponses
from voting.votes.results import result

HTML = "text/html; charset=utf-8"


async def prepared_result(prepared: PreparedResponses, pool: asyncpg.Pool, vote_id: int) -> Prepared:
    """The announced result (409 result_not_public before the announcement)."""

    async def build() -> bytes:
        return encode_json(await result(pool, vote_id, public=True))

    return await prepared.fetch("result", vote_id, build)


async def prepared_bulletin(prepared: PreparedResponses, pool: asyncpg.Pool, vote_id: int) -> Prepared:
    """The bulletin board."""

    async def build() -> bytes:
        return encode_json(await bulletin.bulletin(pool, vote_id))

    return await prepared.fetch("bulletin", vote_id, build)


async def prepared_receipts(prepared: PreparedResponses, pool: asyncpg.Pool, vote_id: int) -> Prepared:
    """The sorted receipt hashes."""

    async def build() -> bytes:
        return encode_json(await bulletin.receipts(pool, vote_id))

    return await prepared.fetch("receipts", vote_id, build)


async def prepared_archive(prepared: PreparedResponses, pool: asyncpg.Pool, vote_id: int) -> Prepared:
    """The canonical archive for `voting verify`."""

    async def build() -> bytes:
        return await bulletin.archive_bytes(pool, vote_id)

    disposition = {"Content-Disposition": f'attachment; filename="piaojue-vote-{vote_id}.json"'}
    return await prepared.fetch("archive", vote_id, build, headers=disposition)


async def prepared_page(
    request: Request[Any, Any, Any], kind: str, vote_id: int, make: Callable[[], Awaitable[Template]]
) -> Prepared:
    """A rendered page (the 公告) kept as bytes; `make` runs only when nothing is kept yet."""

    async def build() -> bytes:
        page = await make()
        engine = request.app.template_engine
        assert engine is not None
        rendered: str = engine.get_template(page.template_name).render(**page.context)
        return rendered.encode()

    prepared: PreparedResponses = request.app.state.prepared
    return await prepared.fetch(kind, vote_id, build, media_type=HTML)


def announcement_enricher(prepared: PreparedResponses, pool: asyncpg.Pool) -> Enrich:
    """Adds the announced result to `vote_announced`, once per process, so no screen has to ask for it."""

    async def enrich(message: bytes) -> bytes:
        event = msgspec.json.decode(message)
        vote_id = int(event["data"]["vote_id"])
        prepared.forget_all()  # a later round's announcement may change earlier documents
        found = await prepared_result(prepared, pool, vote_id)
        event["data"]["result"] = msgspec.Raw(found.body)
        event["data"]["etag"] = found.etag
        return msgspec.json.encode(event)

    return enrich
