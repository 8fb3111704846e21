"""The app factory: registers every route, plugin and error handler in one place."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg
from litestar import Litestar, Request, Response
from litestar.exceptions import HTTPException, MethodNotAllowedException, ValidationException
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.static_files import create_static_files_router
from litestar.template import TemplateConfig

from audit.signing import load_or_create_key
from ballots.batcher import CastBatcher
from ballots.errors import CastRefused
from ballots.service import VoteDefinitions
from voting import announcement, pages
from voting.auth.same_origin import SameOriginWrites
from voting.auth.staff_logins import LiveStaffLogins
from voting.auth.throttle import FailedLoginThrottle
from voting.bodies import routes as bodies
from voting.bulletin import routes as bulletin
from voting.dashboard import routes as dashboard
from voting.database import create_pool, migrate
from voting.deliberation import routes as deliberation
from voting.departments import routes as departments
from voting.embedded import start_embedded_postgres
from voting.errors import PiaojueError, error_body
from voting.evaluation import routes as evaluation
from voting.exports import routes as exports
from voting.field_errors import describe_invalid
from voting.funnel import routes as funnel
from voting.lanes import AppWithLanes
from voting.live import LiveEvents, SessionChannelsBackend, SessionChannelsPlugin, listen_connection
from voting.openapi_errors import document_errors
from voting.openapi_roles import document_bare_routes, document_roles
from voting.overview import routes as overview
from voting.page_kit import refusal_page
from voting.paper import routes as paper
from voting.prepared import PreparedResponses
from voting.programs import routes as programs
from voting.public_events import PublicRelay
from voting.request_refusals import complete_options_allow, on_method_not_allowed, on_recursion_error
from voting.roster import routes as roster
from voting.sealing import routes as sealing
from voting.security_headers import add_security_headers
from voting.sessions import routes as sessions
from voting.settings import Settings
from voting.solicit import routes as solicit
from voting.solicit.throttle import SubmissionThrottle
from voting.staff import account_routes as staff_accounts
from voting.staff import routes as staff
from voting.supervision import routes as supervision
from voting.tablet import routes as tablet
from voting.turnout_feed import TurnoutFeed
from voting.vetting import routes as vetting
from voting.votes import routes as votes
from voting.votes.published import announcement_enricher

log = logging.getLogger("voting")
HERE = Path(__file__).parent

# Litestar's own HTTP errors, said in both languages.
HTTP_MESSAGES = {
    400: ("请求格式错误", "Malformed request"),
    401: ("请先登录", "Please log in"),
    403: ("无权进行此操作", "Not allowed"),
    404: ("页面或对象不存在", "Not found"),
    405: ("不支持此请求方法", "Method not allowed"),
    413: ("请求内容过大", "Request too large"),
    429: ("请求过于频繁，请稍后再试", "Too many requests; try again shortly"),
}


def error_response(status: int, code: str, zh: str, en: str, detail: object = None) -> Response[dict[str, Any]]:
    """The one JSON shape every error has (voting.errors.error_body)."""
    return Response(error_body(code, zh, en, detail), status_code=status)


def on_refusal(_: Request[Any, Any, Any], error: PiaojueError | CastRefused) -> Response[dict[str, Any]]:
    """Our own refusals, from the service or from casting."""
    return error_response(error.status, error.code, error.zh, error.en, error.detail)


def asks_for_a_page(request: Request[Any, Any, Any]) -> bool:
    """A browser asking for a page (not the API, not a script or image): a refusal gets the HTML error page.

    A mistyped address or a bad value in a page's address would otherwise show raw JSON, 980 px wide
    on a phone.
    """
    path = request.url.path
    return not path.startswith(("/api/", "/static/")) and "text/html" in request.headers.get("accept", "")


def on_validation_error(
    request: Request[Any, Any, Any], error: ValidationException
) -> Response[dict[str, Any]] | Template:
    """Malformed JSON or a field of the wrong shape, named (voting.field_errors); never echoes ballot content."""
    zh, en, detail = describe_invalid(error.extra if isinstance(error.extra, list) else None)
    if asks_for_a_page(request):
        return refusal_page(400, zh, en)
    return error_response(400, "invalid_request", zh, en, detail)


def on_bad_value(_: Request[Any, Any, Any], error: asyncpg.DataError) -> Response[dict[str, Any]]:
    """A value the database cannot take (an id past 64 bits in a path): the caller's mistake, not ours."""
    log.info("refused a value the database cannot take: %s", type(error).__name__)
    zh, en = "请求中的数值超出范围或格式不正确", "A value in the request is out of range"
    return error_response(400, "invalid_value", zh, en)


def on_gone_reference(_: Request[Any, Any, Any], error: asyncpg.ForeignKeyViolationError) -> Response[dict[str, Any]]:
    """A row this request refers to was deleted meanwhile (a deputy removed as a mistake as they check in)."""
    log.info("refused a write whose referenced row is gone: %s", error.constraint_name)
    zh = "所涉及的对象刚刚被删除或不存在，请刷新后重试"
    en = "Something this request refers to was just removed; reload and retry"
    return error_response(409, "reference_gone", zh, en)


def on_http_error(request: Request[Any, Any, Any], error: HTTPException) -> Response[dict[str, Any]] | Template:
    """Litestar's 401/403/404/405… in both languages (as a page when a browser asked for one)."""
    zh, en = HTTP_MESSAGES.get(error.status_code, ("请求无法处理", "Request could not be handled"))
    if asks_for_a_page(request):
        return refusal_page(error.status_code, zh, en)
    return error_response(error.status_code, f"http_{error.status_code}", zh, en)


def on_server_error(_: Request[Any, Any, Any], error: Exception) -> Response[dict[str, Any]]:
    """Anything unexpected: logged by type only (no request content), answered in both languages."""
    log.exception("unhandled %s", type(error).__name__)
    return error_response(
        500, "server_error", "服务器内部错误，请重试或联系工作人员", "Internal error; retry or ask the staff"
    )


def create_app(settings: Settings) -> Litestar:
    """Build the service for these settings (tests pass their own)."""
    if len(settings.jwt_secret) < 32:
        # Anyone who can guess the secret can sign an admin token.
        raise ValueError("the JWT secret must be at least 32 characters (PIAOJUE_JWT_SECRET)")
    database_url = settings.database_url or start_embedded_postgres(settings.data_dir)
    backend = SessionChannelsBackend(make_connection=lambda: listen_connection(database_url))
    channels = SessionChannelsPlugin(
        backend=backend,
        arbitrary_channels_allowed=True,
        subscriber_max_backlog=200,
        subscriber_backlog_strategy="dropleft",
    )

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # No key, no start: every announcement must be signed.
        key_path = settings.key_path()
        key_path.parent.mkdir(parents=True, exist_ok=True)
        signing_key = load_or_create_key(key_path)
        await migrate(database_url)
        pool = await create_pool(database_url, settings.db_pool_size)
        prepared = PreparedResponses()
        backend.pool = pool
        backend.on_missed = prepared.forget_all
        backend.enrich = announcement_enricher(prepared, pool)
        open_streams = [0]  # live streams counted against settings.stream_limit
        backend.audience = lambda: open_streams[0]
        relay = PublicRelay(settings.public_events_urls, backend.enrich) if settings.public_events_urls else None
        live = LiveEvents(channels, backend, relay.offer if relay else None)
        feed = TurnoutFeed(pool, live)
        batcher = CastBatcher(pool, settings.cast_batch_max, on_committed=feed.mark)
        app.state.update(
            pool=pool,
            live=live,
            settings=settings,
            batcher=batcher,
            channels=channels,
            definitions=VoteDefinitions(pool),
            database_url=database_url,
            signing_key=signing_key,
            login_throttle=FailedLoginThrottle(),
            submission_throttle=SubmissionThrottle(),
            staff_logins=LiveStaffLogins(pool),
            prepared=prepared,
            open_streams=open_streams,
        )
        feed.start()
        batcher.start()
        if relay:
            relay.start()
        try:
            yield
        finally:
            await batcher.stop()
            await feed.stop()
            if relay:
                await relay.stop()
            await pool.close()

    app = AppWithLanes(
        route_handlers=[
            *staff.ROUTES,
            *staff_accounts.ROUTES,
            *bodies.ROUTES,
            *overview.ROUTES,
            *roster.ROUTES,
            *exports.ROUTES,
            *programs.ROUTES,
            *departments.ROUTES,
            *solicit.ROUTES,
            *vetting.ROUTES,
            *deliberation.ROUTES,
            *funnel.ROUTES,
            *sessions.ROUTES,
            *votes.ROUTES,
            *announcement.ROUTES,
            *sealing.ROUTES,
            *paper.ROUTES,
            *tablet.ROUTES,
            *supervision.ROUTES,
            *evaluation.ROUTES,
            *dashboard.ROUTES,
            pages.PAGE_ROUTER,
            *bulletin.ROUTES,
            create_static_files_router(path="/static", directories=[HERE / "static"], include_in_schema=False),
        ],
        lifespan=[lifespan],
        before_send=[add_security_headers, complete_options_allow],
        middleware=[SameOriginWrites()],
        plugins=[channels],
        template_config=TemplateConfig(directory=HERE / "templates", engine=JinjaTemplateEngine),
        exception_handlers={
            PiaojueError: on_refusal,
            CastRefused: on_refusal,
            ValidationException: on_validation_error,
            asyncpg.DataError: on_bad_value,
            asyncpg.ForeignKeyViolationError: on_gone_reference,
            RecursionError: on_recursion_error,
            MethodNotAllowedException: on_method_not_allowed,
            HTTPException: on_http_error,
            Exception: on_server_error,
        },
        openapi_config=OpenAPIConfig(
            title="Piaojue 票决",
            version="0.1.0",
            path="/schema",
            # JSON only: Litestar's viewers (Redoc, Swagger…) load their scripts and fonts from CDNs, which
            # a congress hall often cannot reach and our CSP refuses anyway; the page stayed blank.
            render_plugins=[JsonRenderPlugin()],
            description="民生实事项目人大代表票决制 — livelihood-projects deputy voting.",
            components=Components(
                security_schemes={
                    "bearer": SecurityScheme(type="http", scheme="bearer", bearer_format="JWT"),
                }
            ),
        ),
        request_max_body_size=4 * 1024 * 1024,
        debug=False,
    )
    document_roles(app)
    document_bare_routes(app, tablet.DOCUMENTED_ONLY)
    document_errors(app)
    return app


def create_app_from_env() -> Litestar:
    """Entry point for the ASGI server (granian --factory)."""
    return create_app(Settings.from_env())
