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
import gzip
import hashlib
import re
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.types import Scope, Send

Key = tuple[str, int]
Build = Callable[[], Awaitable[bytes]]
# Browsers and nginx's micro-cache may reuse the bytes for a second, then revalidate with the ETag.
CACHE_CONTROL = "public, max-age=1"
GZIP_FROM = 1400  # bytes; below one packet compressing gains nothing


class Prepared(msgspec.Struct, frozen=True):
    """One prepared response body, also gzipped once when that makes it smaller."""

    body: bytes
    media_type: str
    etag: str
    headers: dict[str, str]
    gzipped: bytes | None = None

    def unchanged_for(self, if_none_match: str) -> bool:
        """Whether the client already holds these bytes (answer 304)."""
        return self.etag in if_none_match

    def body_for(self, accept_encoding: str) -> bytes:
        """The bytes to send: gzipped when the client takes gzip and that is smaller."""
        return self.gzipped if self.gzipped is not None and "gzip" in accept_encoding else self.body

    def wire_headers(self, body: bytes) -> list[tuple[bytes, bytes]]:
        """The response headers of `body` (from body_for) as the ASGI server takes them."""
        headers = [
            (b"content-type", self.media_type.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"etag", self.etag.encode()),
            (b"cache-control", CACHE_CONTROL.encode()),
            (b"vary", b"Accept-Encoding"),
        ]
        if body is self.gzipped:
            headers.append((b"content-encoding", b"gzip"))
        return headers + [(k.lower().encode(), v.encode("latin-1")) for k, v in self.headers.items()]


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
        gzipped = gzip.compress(body, 6, mtime=0) if len(body) > GZIP_FROM else None
        if gzipped is not None and len(gzipped) >= len(body):
            gzipped = None
        prepared = Prepared(body=body, media_type=media_type, etag=etag_of(body), headers=headers, gzipped=gzipped)
        if epoch == self.epoch:
            if len(self.entries) >= self.limit:
                self.entries.pop(next(iter(self.entries)))
            self.entries[key] = prepared
        return prepared


def etag_of(body: bytes) -> str:
    """A strong ETag for a body."""
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def respond(request: Request[Any, Any, Any], prepared: Prepared) -> Response[bytes]:
    """200 with the bytes, or 304 when the client already has them (once prepared, voting.lanes answers first)."""
    headers = {"ETag": prepared.etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}
    if prepared.unchanged_for(request.headers.get("if-none-match", "")):
        return Response(b"", status_code=304, headers=headers)
    body = prepared.body_for(request.headers.get("accept-encoding", ""))
    if body is prepared.gzipped:
        headers["Content-Encoding"] = "gzip"
    return Response(body, media_type=prepared.media_type, headers={**headers, **prepared.headers})


def header(scope: Scope, name: bytes) -> str:
    """One request header's value, "" if absent."""
    for key, value in scope["headers"]:
        if key == name:
            return bytes(value).decode("latin-1")
    return ""


# The prepared documents' addresses: answered before Litestar routes the request (voting.lanes).
PREPARED_PATH = re.compile(
    r"^/(?:api/votes/(\d+)/(result|bulletin|receipts|archive)|public/votes/(\d+)/(announcement))$"
)


async def answer_prepared(store: PreparedResponses, scope: Scope, send: Send, extra: list[tuple[bytes, bytes]]) -> bool:
    """Answer a GET of a prepared document from its bytes (200 or 304) and say so; False if it is not prepared.

    Until the bytes exist (not yet announced, or just emptied) the route's handler answers and
    prepares them. `extra` are headers every response carries (voting.security_headers).
    """
    match = PREPARED_PATH.match(scope["path"])
    if match is None or scope.get("method") != "GET":
        return False
    prepared = store.get(match.group(2) or match.group(4), int(match.group(1) or match.group(3)))
    if prepared is None:
        return False
    if prepared.unchanged_for(header(scope, b"if-none-match")):
        head = [(b"etag", prepared.etag.encode()), (b"cache-control", CACHE_CONTROL.encode()), *extra]
        await send({"type": "http.response.start", "status": 304, "headers": head})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return True
    body = prepared.body_for(header(scope, b"accept-encoding"))
    await send({"type": "http.response.start", "status": 200, "headers": prepared.wire_headers(body) + extra})
    await send({"type": "http.response.body", "body": body, "more_body": False})
    return True
