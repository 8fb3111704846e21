"""Bytes prepared once for what an announcement makes public: the result, bulletin, receipts, archive, 公告.

An announced vote is read by every phone in the county at the same moment; rebuilding
it per request (several database round trips, a QR code, a canonical archive) let
the public crowd out the hall. Each process keeps the encoded bytes, keyed by what
they are and the vote, and serves them with an ETag.

Nothing here knows what a result contains: a caller passes a `build` that makes
the bytes. The whole store is emptied whenever any vote is announced, on any host
(voting.live delivers the announcement to every process), and when the live
connection to the database was lost (an announcement may have been missed): a
later round's announcement may change what an earlier page shows. A build that
started before an emptying is served to its waiters but not kept.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable

import msgspec
from litestar import Request, Response

Key = tuple[str, int]
Build = Callable[[], Awaitable[bytes]]
# Browsers and nginx's micro-cache may reuse the bytes for a second, then revalidate with the ETag.
CACHE_CONTROL = "public, max-age=1"


class Prepared(msgspec.Struct, frozen=True):
    """One prepared response body."""

    body: bytes
    media_type: str
    etag: str
    headers: dict[str, str]


class PreparedResponses:
    """Per-process store of prepared bodies; one build at a time per key."""

    def __init__(self, limit: int = 256) -> None:
        self.limit = limit
        self.entries: dict[Key, Prepared] = {}
        self.building: dict[Key, asyncio.Task[Prepared]] = {}
        self.epoch = 0

    def forget_all(self) -> None:
        """Drop everything (a vote was announced somewhere, or events may have been missed)."""
        self.entries.clear()
        self.building.clear()
        self.epoch += 1

    def get(self, kind: str, vote_id: int) -> Prepared | None:
        """The prepared body, if there is one."""
        return self.entries.get((kind, vote_id))

    async def fetch(
        self,
        kind: str,
        vote_id: int,
        build: Build,
        media_type: str = "application/json",
        headers: dict[str, str] | None = None,
    ) -> Prepared:
        """The prepared body, built once however many ask at the same moment; `build` may raise (not public)."""
        key = (kind, vote_id)
        found = self.entries.get(key)
        if found is not None:
            return found
        task = self.building.get(key)
        if task is None:
            task = asyncio.ensure_future(self.build(key, build, media_type, headers or {}))
            self.building[key] = task
            task.add_done_callback(lambda done: self.building.pop(key) if self.building.get(key) is done else None)
        return await asyncio.shield(task)

    async def build(self, key: Key, build: Build, media_type: str, headers: dict[str, str]) -> Prepared:
        """Build and keep the body, unless the store was emptied meanwhile."""
        epoch = self.epoch
        body = await build()
        prepared = Prepared(body=body, media_type=media_type, etag=etag_of(body), headers=headers)
        if epoch == self.epoch:
            if len(self.entries) >= self.limit:
                self.entries.pop(next(iter(self.entries)))
            self.entries[key] = prepared
        return prepared


def etag_of(body: bytes) -> str:
    """A strong ETag for a body."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def respond(request: Request, prepared: Prepared) -> Response[bytes]:
    """200 with the bytes, or 304 when the client already has them."""
    headers = {"ETag": prepared.etag, "Cache-Control": CACHE_CONTROL}
    if prepared.etag in request.headers.get("if-none-match", ""):
        return Response(b"", status_code=304, headers=headers)
    return Response(prepared.body, media_type=prepared.media_type, headers={**headers, **prepared.headers})
