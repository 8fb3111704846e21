"""The cast endpoint as a bare ASGI handler: the hottest path in the service.

A normal Litestar route spends most of a cast's CPU on machinery this one
request does not need (signature model, dependency injection, response
objects, a handler copy per guard). At 3,000 tablets in one burst that
machinery, not the database, set the pace. Here the same checks run in the
same order, calling the same functions as everywhere else: the token is
read by `read_token`, the role checked, the body decoded into `CastBallot`,
the ballot cast by `ballots.service.cast_ballot`; errors keep the one JSON
shape. `cast_schema`, never routed, documents it in /schema (see
voting.openapi_roles.document_bare_routes).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import msgspec
from litestar import Litestar, post
from litestar.params import FromPath, JSONBody
from litestar.types import Receive, Scope, Send

from ballots.errors import CastRefused
from ballots.models import CastBallot, CastReceipt
from ballots.service import cast_ballot
from voting.auth import Role, read_token
from voting.errors import BadRequest, Forbidden, NotAuthenticated, PiaojueError, error_body

log = logging.getLogger(__name__)
PATH = "/api/votes/{vote_id:int}/ballots"
MAX_BODY = 64 * 1024  # a ballot of 200 candidates is well under 10 KiB
_decoder = msgspec.json.Decoder(CastBallot)
_JSON = [(b"content-type", b"application/json")]


async def respond(send: Send, status: int, body: bytes) -> None:
    """One complete JSON response."""
    await send({"type": "http.response.start", "status": status, "headers": _JSON})
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def read_body(receive: Receive) -> bytes:
    """The request body, refusing anything larger than a ballot can be."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the only other message on an HTTP request is http.disconnect
            raise BadRequest("client_disconnected", "连接已断开", "The client disconnected")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise BadRequest("body_too_large", "请求内容过大", "Request too large")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def bearer_token(scope: Scope) -> str:
    """The tablet's token from the Authorization header."""
    for name, value in scope["headers"]:
        if name == b"authorization" and value[:7].lower() == b"bearer ":
            return value[7:].decode("latin-1").strip()
    raise NotAuthenticated("login_required", "请先登录", "Please log in")


@post(
    PATH,
    status_code=201,
    summary="Cast a ballot (tablet)",
    tags=["tablet"],
    opt={"roles": ["deputy"]},
    description=(
        "A checked-in deputy's tablet submits its marked ballot with a random cast_id. "
        "The receipt comes back only after the ballot is durably stored. A resend with the "
        "same cast_id returns the same receipt; a different second ballot gets 409 already_voted."
    ),
)
async def cast_schema(vote_id: FromPath[int], data: JSONBody[CastBallot]) -> CastReceipt:
    """Documents cast_endpoint in /schema (voting.openapi_roles); never routed."""
    raise NotImplementedError


CAST_PATH = re.compile(r"^/api/votes/([0-9]{1,18})/ballots$")


async def cast_endpoint(app: Litestar, vote_id: int, scope: Scope, receive: Receive, send: Send) -> None:
    """POST a marked ballot; 201 with the receipt once the ballot is durable."""
    try:
        state = app.state
        who = read_token(bearer_token(scope), state.settings.jwt_secret)
        if who.role is not Role.DEPUTY:
            raise Forbidden("role_forbidden", "无权进行此操作", "Your role may not do this")
        try:
            ballot = _decoder.decode(await read_body(receive))
        except msgspec.DecodeError as error:  # ValidationError is a DecodeError
            raise BadRequest(
                "invalid_request", "请求格式或内容不正确", "Malformed or invalid request", reason=str(error)
            ) from error
        receipt = await cast_ballot(
            state.batcher,
            state.definitions,
            vote_id=vote_id,
            deputy_id=who.subject_id,
            session_id=who.session_id,
            login_id=who.login_id,
            ballot=ballot,
        )
        await respond(send, 201, msgspec.json.encode(receipt))
    except (PiaojueError, CastRefused) as refusal:
        body: dict[str, Any] = error_body(refusal.code, refusal.zh, refusal.en, refusal.detail)
        await respond(send, refusal.status, msgspec.json.encode(body))
    except Exception as error:
        # Logged by type only: a ballot's content must never reach a log.
        log.error("cast failed: %s", type(error).__name__)
        body = error_body(
            "server_error", "服务器内部错误，请重试或联系工作人员", "Internal error; retry or ask the staff"
        )
        await respond(send, 500, msgspec.json.encode(body))
