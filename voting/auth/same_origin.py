"""Refuse state-changing requests from other origins, and bodies that are not the declared type.

The staff cookie is SameSite=strict, but another port of the same host is the
same *site*: a form there would carry the clerk's cookie. So every POST, PUT,
PATCH and DELETE that could ride on the cookie (no Authorization header) must
come from our own pages: the browser's Sec-Fetch-Site says "same-origin" (or
"none", typed by the user), or, from browsers too old to send it, the Origin
names the host the request was sent to. Requests with neither header come
from scripts, not browsers, and carry no ambient cookie risk beyond their own.

A body must also be of the type its route declares (JSON unless the route
says multipart): a browser sends text/plain, form and multipart bodies across
origins without asking, JSON it does not. Tablets use bearer tokens and cast
through their own lane (voting/tablet/cast_endpoint.py), which this does not
slow down.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar.datastructures import Headers
from litestar.enums import RequestEncodingType, ScopeType
from litestar.handlers import HTTPRouteHandler
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from voting.errors import Forbidden, PiaojueError

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OWN_PAGES = frozenset({"same-origin", "none"})
DEFAULT_PORTS = {"http": "80", "https": "443"}


class UnsupportedMediaType(PiaojueError):
    """The body is not of the type the route takes."""

    status = 415


def declared_media_type(handler: HTTPRouteHandler) -> str | None:
    """The body type a route takes: its data parameter's, opt['request_media_type'], or None (no body)."""
    declared = handler.opt.get("request_media_type")
    if declared:
        return str(declared)
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None:
        return None
    media_type = getattr(data.kwarg_definition, "media_type", None) or RequestEncodingType.JSON
    return str(getattr(media_type, "value", media_type))


def host_and_port(netloc: str, scheme: str) -> str:
    """host:port with the scheme's default port written out, lower case."""
    netloc = netloc.lower()
    has_port = "]:" in netloc if netloc.startswith("[") else ":" in netloc
    return netloc if has_port else f"{netloc}:{DEFAULT_PORTS.get(scheme, '80')}"


def from_another_origin(headers: Headers, scheme: str, public_base_url: str) -> bool:
    """Whether a browser sent this request from a page that is not ours."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site not in OWN_PAGES
    origin = headers.get("origin")
    if origin is None:
        return False  # not a browser's cross-origin request: those always name their origin
    parts = urlsplit(origin)
    if not parts.scheme or not parts.netloc:
        return True  # "null": a sandboxed frame, a file, a redirect across origins
    sent_from = host_and_port(parts.netloc, parts.scheme)
    own = urlsplit(public_base_url)
    # Behind nginx terminating TLS the request reaches us as http: compare the origin's own scheme.
    sent_to = {host_and_port(headers.get("host", ""), parts.scheme), host_and_port(own.netloc, own.scheme)}
    return sent_from not in sent_to


def media_type_of(headers: Headers) -> str:
    """The request's Content-Type without parameters, lower case."""
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


def has_body(headers: Headers) -> bool:
    """Whether the request says it carries a body."""
    return headers.get("content-length", "0") not in ("0", "") or "transfer-encoding" in headers


class SameOriginWrites(ASGIMiddleware):
    """Checks origin and body type of every state-changing request before the handler reads it."""

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        """Refuse (403 / 415) or pass on."""
        if scope["type"] == ScopeType.HTTP and scope["method"] in UNSAFE:  # always HTTP (scopes), said for mypy
            check_write(scope)
        await next_app(scope, receive, send)


def check_write(scope: Scope) -> None:
    """Raise when a state-changing request comes from another origin or has the wrong body type."""
    headers = Headers.from_scope(scope)
    if "authorization" not in headers:
        settings = scope["app"].state.settings
        if from_another_origin(headers, scope.get("scheme", "http"), settings.public_base_url):
            raise Forbidden(
                "cross_origin_refused",
                "拒绝来自其他网页的修改请求，请在本系统的页面上操作",
                "Refused: this change was sent from another site's page; use Piaojue's own pages",
            )
    handler = scope.get("route_handler")
    declared = declared_media_type(handler) if isinstance(handler, HTTPRouteHandler) else None
    sent = media_type_of(headers)
    if declared is None:
        if has_body(headers) and sent not in ("", "application/json"):
            raise unsupported("application/json", sent)
        return
    if sent != declared and (sent or has_body(headers)):
        raise unsupported(declared, sent)


def unsupported(declared: str, sent: str) -> UnsupportedMediaType:
    """415 naming the type the route takes."""
    return UnsupportedMediaType(
        "unsupported_media_type",
        f"请求内容类型须为 {declared}",
        f"The request body must be {declared}",
        expected=declared,
        sent=sent or None,
    )
