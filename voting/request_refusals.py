"""Refusals Litestar raises before any handler runs, answered in the one error shape.

- JSON nested deeper than the decoder will recurse: msgspec gives up with a
  RecursionError "while deserializing"; every Litestar JSON route decodes
  through it, so one handler answers them all with 400 (the cast lane decodes on
  its own and already answers 400: voting/tablet/cast_endpoint.py).
- 405 keeps its `Allow` header (RFC 9110 §15.5.6), which the generic HTTP error
  handler in voting/app.py does not carry.
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import MethodNotAllowedException

from voting.errors import error_body

log = logging.getLogger(__name__)


def on_recursion_error(_: Request, error: RecursionError) -> Response[dict[str, Any]]:
    """400 for a request body nested too deep; any other recursion is still our own 500."""
    if "deserializ" in str(error):
        zh, en = "请求内容嵌套层数过多，无法解析", "The request body is nested too deeply to read"
        return Response(error_body("json_too_deep", zh, en), status_code=400)
    log.exception("unhandled %s", type(error).__name__)
    zh, en = "服务器内部错误，请重试或联系工作人员", "Internal error; retry or ask the staff"
    return Response(error_body("server_error", zh, en), status_code=500)


def on_method_not_allowed(_: Request, error: MethodNotAllowedException) -> Response[dict[str, Any]]:
    """405 in both languages, saying in `Allow` which methods the path takes."""
    body = error_body("http_405", "不支持此请求方法", "Method not allowed")
    return Response(body, status_code=405, headers=dict(error.headers or {}))
