"""Refusals Litestar raises before any handler runs, answered in the one error shape.

- JSON nested deeper than the decoder will recurse: msgspec gives up with a
  RecursionError "while deserializing"; every Litestar JSON route decodes
  through it, so one handler answers them all with 400 (the cast lane decodes on
  its own and already answers 400: voting/tablet/cast_endpoint.py).
- 405 keeps its `Allow` header (RFC 9110 §15.5.6), which the generic HTTP error
  handler in voting/app.py does not carry; and the automatic OPTIONS answer lists
  every method of its path (Litestar builds it while the path's handlers are still
  being registered, so it names only some of them).
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Litestar, Request, Response
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import MethodNotAllowedException
from litestar.routes import HTTPRoute
from litestar.types import Message, Scope

from voting.errors import error_body

log = logging.getLogger(__name__)


def on_recursion_error(_: Request[Any, Any, Any], error: RecursionError) -> Response[dict[str, Any]]:
    """400 for a request body nested too deep; any other recursion is still our own 500."""
    if "deserializ" in str(error):
        zh, en = "请求内容嵌套层数过多，无法解析", "The request body is nested too deeply to read"
        return Response(error_body("json_too_deep", zh, en), status_code=400)
    log.exception("unhandled %s", type(error).__name__)
    zh, en = "服务器内部错误，请重试或联系工作人员", "Internal error; retry or ask the staff"
    return Response(error_body("server_error", zh, en), status_code=500)


def on_method_not_allowed(_: Request[Any, Any, Any], error: MethodNotAllowedException) -> Response[dict[str, Any]]:
    """405 in both languages, saying in `Allow` which methods the path takes."""
    body = error_body("http_405", "不支持此请求方法", "Method not allowed")
    return Response(body, status_code=405, headers=dict(error.headers or {}))


def methods_by_path(app: Litestar) -> dict[str, str]:
    """Each route path's methods, as `Allow` should say them."""
    return {route.path: ", ".join(sorted(route.methods)) for route in app.routes if isinstance(route, HTTPRoute)}


async def complete_options_allow(message: Message, scope: Scope) -> None:
    """Before an OPTIONS answer starts: `Allow` lists every method of the path (voting/app.py, before_send)."""
    if message["type"] != "http.response.start" or scope.get("method") != "OPTIONS":
        return
    handler = scope.get("route_handler")
    app = scope["app"]
    allowed = app.state.get("allow_by_path") or app.state.setdefault("allow_by_path", methods_by_path(app))
    for path in getattr(handler, "paths", ()):
        if path in allowed:
            MutableScopeHeaders.from_message(message)["allow"] = allowed[path]
            return
