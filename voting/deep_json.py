"""JSON nested deeper than the decoder will recurse: the caller's mistake (400), not ours (500).

msgspec gives up on such a document with a RecursionError "while deserializing";
every Litestar JSON route decodes through it, so one handler (registered in
voting/app.py) answers them all. The cast lane decodes on its own and already
answers 400 (voting/tablet/cast_endpoint.py).
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response

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
