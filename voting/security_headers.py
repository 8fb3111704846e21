"""Security headers on every response: the pages load nothing from elsewhere, so the policy is strict.

Scripts and styles come from /static only (no inline <script>, <style>, style=
or on…= in the templates; api.js sets styles through the CSSOM, which the
policy allows). Images may be data: URLs (the blank favicon). Only our own
pages may frame ours (the hall screen frames the 唱票 screen). Registered in
voting/app.py as a before_send hook, so 404s and error pages carry them too;
the cast lane (voting/tablet/cast_endpoint.py) answers JSON to tablets and
skips them to stay lean.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "SAMEORIGIN",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


async def add_security_headers(message: Message, scope: Scope) -> None:
    """Before a response starts: add each header the handler did not set itself."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    for name, value in HEADERS.items():
        if name not in headers:
            headers[name] = value
