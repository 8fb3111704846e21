"""Requests a browser on another page, a prober or a confused script can send are refused with 4xx, not 500."""

from __future__ import annotations

import re
from pathlib import Path

import asyncpg
import pytest
from litestar.datastructures import Headers
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress, make_liaison
from tests.steps import assert_refused, fetch_count, log_in
from voting.auth import COOKIE, Role
from voting.auth.same_origin import declared_media_type, from_another_origin
from voting.openapi_roles import roles_of
from voting.settings import Settings
from voting.staff.service import ensure_staff
from voting.staff.service import log_in as staff_log_in

DEEP = "[" * 1000 + "]" * 1000


async def staff_token(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> str:
    """A live login of a fresh account with this role in this body."""
    username = f"probe-{role.value}"
    await ensure_staff(pool, username, username, role, "probe-password-123", body_id=body_id)
    return (await staff_log_in(pool, settings, username, "probe-password-123")).token


async def test_json_nested_1000_deep_is_a_400_on_every_json_route(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    liaison = await make_liaison(pool, settings, congress.body_id, "深度测试局")
    tokens = {
        "admin": bearer(await staff_token(pool, settings, Role.ADMIN, congress.body_id)),
        "teller": bearer(await staff_token(pool, settings, Role.TELLER, congress.body_id)),
        "scrutineer": bearer(await staff_token(pool, settings, Role.SCRUTINEER, congress.body_id)),
        "deputy": bearer(await log_in(client, congress, congress.deputy_ids[0])),
        "liaison": liaison.headers,
    }
    own = {
        "body_id": congress.body_id,
        "program_id": congress.program_id,
        "session_id": congress.session_id,
        "deputy_id": congress.deputy_ids[0],
        "candidate_id": congress.candidate_ids[0],
        "department_id": liaison.department_id,
    }
    too_deep, refused_first = [], []
    for route in client.app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if declared_media_type(handler) != "application/json":
                continue
            roles = roles_of(handler)
            headers = {"content-type": "application/json"}
            if roles:
                headers |= tokens["admin"] if "admin" in roles else tokens[next(r for r in roles if r in tokens)]
            # The congress's own objects where the path names one, so the scope rule lets the probe through.
            path = re.sub(r"\{([a-z_]+)(:[a-z]+)?\}", lambda m: str(own.get(m.group(1), 1)), route.path)
            for method in handler.http_methods:
                answer = await client.request(method, path, content=DEEP, headers=headers)
                body = assert_refused(answer, answer.status_code)  # bilingual, whatever the status
                assert answer.status_code < 500, (method, path, body)
                (too_deep if body["error"] == "json_too_deep" else refused_first).append((method, path, body["error"]))
    # Every JSON route the guards let us reach said so; none fell over.
    assert len(too_deep) >= 30, refused_first
    guarded = {"login_required", "role_forbidden", "not_found", "outside_your_body"}
    assert all(status in guarded for *_, status in refused_first), refused_first


async def test_a_roster_import_without_a_file_is_a_400(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    url = f"/api/bodies/{congress.body_id}/deputies/import"
    for files in ({"note": (None, "名单")}, {"data": (None, "not a file")}):
        assert_refused(await client.post(url, headers=congress.clerk, files=files), 400)


async def test_a_form_on_another_origin_cannot_use_the_clerks_cookie(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    cookie = {"cookie": f"{COOKIE}={congress.clerk['Authorization'][7:]}"}
    deputies = f"/api/bodies/{congress.body_id}/deputies"
    before = await fetch_count(pool, "SELECT count(*) FROM deputy WHERE body_id = $1", congress.body_id)
    for elsewhere in (
        {"sec-fetch-site": "same-site"},  # another port of the same host
        {"sec-fetch-site": "cross-site"},
        {"origin": "http://testserver.local:9999"},  # an old browser: no Sec-Fetch-Site
        {"origin": "null"},
    ):
        answer = await client.post(deputies, json={"name": "冒名"}, headers=cookie | elsewhere)
        assert_refused(answer, 403, "cross_origin_refused")
        assert_refused(await client.post("/api/auth/logout", headers=cookie | elsewhere), 403, "cross_origin_refused")
    assert await fetch_count(pool, "SELECT count(*) FROM deputy WHERE body_id = $1", congress.body_id) == before
    assert (await client.get("/api/auth/me", headers=cookie)).status_code == 200  # still logged in
    # Our own pages, and scripts with a bearer token, go through.
    own = await client.post(deputies, json={"name": "甲"}, headers=cookie | {"sec-fetch-site": "same-origin"})
    assert own.status_code == 201, own.text
    own = await client.post(deputies, json={"name": "乙"}, headers=cookie | {"origin": "http://testserver.local"})
    assert own.status_code == 201, own.text
    scripted = await client.post(deputies, json={"name": "丙"}, headers=congress.clerk | {"origin": "http://x.example"})
    assert scripted.status_code == 201, scripted.text


@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/plain", '{"name": "甲"}'),
        ("application/x-www-form-urlencoded", "name=%E7%94%B2"),
        ("multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\n甲\r\n--x--'),
        (None, '{"name": "甲"}'),
    ],
)
async def test_a_json_route_takes_only_json(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings, content_type: str | None, content: str
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    headers = congress.clerk | ({"content-type": content_type} if content_type else {})
    answer = await client.post(f"/api/bodies/{congress.body_id}/deputies", content=content.encode(), headers=headers)
    body = assert_refused(answer, 415, "unsupported_media_type")
    assert body["detail"]["expected"] == "application/json"


async def test_uploads_take_only_multipart_and_bodyless_writes_take_no_form(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    roster = f"/api/bodies/{congress.body_id}/deputies/import"
    answer = await client.post(roster, json={"data": "姓名\n甲\n"}, headers=congress.clerk)
    assert assert_refused(answer, 415)["detail"]["expected"] == "multipart/form-data"
    liaison = await make_liaison(pool, settings, congress.body_id, "类型测试局")
    report = await client.post("/api/items/1/reports", json={"percent": 10}, headers=liaison.headers)
    assert assert_refused(report, 415)["detail"]["expected"] == "multipart/form-data"
    logout = await client.post("/api/auth/logout", content=b"a=b", headers={"content-type": "text/plain"})
    assert_refused(logout, 415)


@pytest.mark.parametrize("path", ["/", "/console", "/tablet", "/projects", "/track", "/api/sessions", "/no-such-page"])
async def test_every_page_sends_the_security_headers(client: AsyncTestClient, path: str) -> None:
    answer = await client.get(path, follow_redirects=False)
    csp = answer.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert answer.headers["x-frame-options"] == "SAMEORIGIN"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "same-origin"


def test_no_template_has_inline_script_style_or_handlers() -> None:
    """The CSP refuses them; this finds one before a browser does."""
    templates = Path(__file__).parents[2] / "voting" / "templates"
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)
    offenders = [
        f"{path.relative_to(templates)}: {match.group(0)}"
        for path in templates.rglob("*.html")
        for match in inline.finditer(path.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("origin", "host", "elsewhere"),
    [
        ("https://piaojue.hall.lan", "piaojue.hall.lan", False),  # behind nginx: TLS there, Host without port
        ("http://192.168.10.2:8000", "192.168.10.2:8000", False),
        ("http://[::1]:8000", "[::1]:8000", False),
        ("http://192.168.10.2:9999", "192.168.10.2:8000", True),  # another port of the same host
        ("http://192.168.10.2", "192.168.10.2:8000", True),
        ("https://evil.example", "piaojue.hall.lan", True),
        ("http://testserver", "anything", False),  # PIAOJUE_PUBLIC_URL is ours too
    ],
)
def test_an_origin_is_ours_when_it_names_the_host_it_was_sent_to(origin: str, host: str, elsewhere: bool) -> None:
    headers = Headers({"origin": origin, "host": host})
    assert from_another_origin(headers, "http", "http://testserver") is elsewhere
