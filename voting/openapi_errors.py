"""Say in the OpenAPI schema what a refusal looks like and when one can come.

Every 4xx has one body (voting.errors.error_body): `error`, `message_zh`,
`message_en` and sometimes `detail`. Litestar documents only its own
validation shape for 400, so this replaces it and adds, per operation, the
codes the service can answer: 401/403 where a role is needed, 404 and 409
everywhere (a missing object, a vote not yet announced…), and for writes 403
(another origin), 413, 415 (another body type) and 429 (failed logins, flood
limits). It also describes the progress report's multipart body, which its
handler reads by hand (voting/supervision/routes.py).
"""

from __future__ import annotations

from litestar import Litestar
from litestar.openapi.spec import (
    Components,
    OpenAPIMediaType,
    OpenAPIResponse,
    Operation,
    Reference,
    RequestBody,
    Schema,
)
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType

ERROR = Schema(
    type=OpenAPIType.OBJECT,
    required=["error", "message_zh", "message_en"],
    properties={
        "error": Schema(type=OpenAPIType.STRING, description="A stable code, e.g. not_found, vote_not_open"),
        "message_zh": Schema(type=OpenAPIType.STRING, description="What is wrong, in Chinese"),
        "message_en": Schema(type=OpenAPIType.STRING, description="What is wrong, in English"),
        "detail": Schema(description="Which field, row or step; its shape depends on the code"),
    },
    description="Every refusal: a code and a message in Chinese and English (voting.errors.error_body).",
)

WHEN = {
    "400": "请求格式或内容不正确 Malformed or invalid request (the detail names the field)",
    "401": "请先登录 Not logged in, or the login ended",
    "403": "无权进行此操作 Not allowed for this role, or sent from another site's page",
    "404": "对象不存在 Not found",
    "409": "与当前状态冲突 Conflicts with the current state (e.g. the vote is not open, not yet announced)",
    "413": "请求内容过大 Request too large",
    "415": "请求内容类型不对 The body is not of the type this operation takes",
    "429": "请求过于频繁 Too many failed logins or submissions; try again later",
}
METHODS = ("get", "put", "post", "delete", "patch")
WRITES = ("put", "post", "delete", "patch")

REPORT_FORM = Schema(
    type=OpenAPIType.OBJECT,
    required=["percent", "spent_wan", "narrative"],
    properties={
        "percent": Schema(type=OpenAPIType.INTEGER, minimum=0, maximum=100, description="进度 %"),
        "spent_wan": Schema(type=OpenAPIType.STRING, description="已支出（万元）, a decimal ≥ 0"),
        "narrative": Schema(type=OpenAPIType.STRING, min_length=1, max_length=4000),
        "decrease_reason": Schema(type=OpenAPIType.STRING, max_length=1000, description="needed if percent goes down"),
        "milestone_ids": Schema(type=OpenAPIType.ARRAY, items=Schema(type=OpenAPIType.INTEGER)),
        "photos": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY),
            max_items=4,
            description="JPEG or PNG, at most 4 of 5 MiB each",
        ),
    },
)


def codes_for(method: str, operation: Operation) -> list[str]:
    """The 4xx codes an operation can answer."""
    codes = ["400", "404", "409"]
    if operation.security:
        codes += ["401", "403"]
    if method in WRITES:
        codes += ["401", "403", "413", "415", "429"]
    return sorted(set(codes))


def document_errors(app: Litestar) -> None:
    """Add the error body and the 4xx responses to every operation; describe the report upload's form."""
    schema = app.openapi_schema
    schema.components = schema.components or Components()
    schema.components.schemas = {**(schema.components.schemas or {}), "Error": ERROR}
    error_ref = Reference(ref="#/components/schemas/Error")
    for path, item in (schema.paths or {}).items():
        for method in METHODS:
            operation: Operation | None = getattr(item, method, None)
            if operation is None:
                continue
            responses = operation.responses = dict(operation.responses or {})
            for code in codes_for(method, operation):
                responses[code] = OpenAPIResponse(
                    description=WHEN[code], content={"application/json": OpenAPIMediaType(schema=error_ref)}
                )
            if method == "post" and path == "/api/items/{item_id}/reports":
                operation.request_body = RequestBody(
                    content={"multipart/form-data": OpenAPIMediaType(schema=REPORT_FORM)}, required=True
                )
