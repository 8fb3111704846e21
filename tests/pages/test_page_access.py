"""Who may open which staff page: the login page for nobody, the 403 page for the wrong role."""

from __future__ import annotations

import re
import secrets

import asyncpg
from litestar.testing import AsyncTestClient

from tests.factories import bearer, make_congress, make_liaison
from voting.auth import Role
from voting.settings import Settings
from voting.staff.service import ensure_staff, log_in


async def staff_headers(pool: asyncpg.Pool, settings: Settings, role: Role, body_id: int) -> dict[str, str]:
    """A fresh login of this role in this body."""
    username, password = f"{role.value}{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    await ensure_staff(pool, username, role.value, role, password, body_id=body_id)
    return bearer((await log_in(pool, settings, username, password)).token)


async def test_nobody_is_sent_to_the_login_page_and_back(client: AsyncTestClient) -> None:
    for path in ("/console/programs", "/console/supervision", "/liaison", "/count", "/console/audit"):
        refused = await client.get(path + "?a=1&b=2", follow_redirects=False)
        assert refused.status_code == 302, path
        assert refused.headers["location"] == "/login?next=" + path.replace("/", "%2F") + "%3Fa%3D1%26b%3D2"


async def test_a_role_not_admitted_gets_the_403_page(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings)
    teller = await staff_headers(pool, settings, Role.TELLER, congress.body_id)
    for path, headers in (
        (f"/console/programs/{congress.program_id}/triage", congress.presiding),
        (f"/console/sessions/{congress.session_id}/seat-cards", congress.presiding),
        ("/console/supervision", teller),
        ("/console/evaluations", teller),
        ("/count/votes/1/entry", congress.clerk),
    ):
        refused = await client.get(path, headers=headers, follow_redirects=False)
        assert refused.status_code == 403, path
        assert "text/html" in refused.headers["content-type"] and "您的账号无权查看此页面" in refused.text, path
    assert (await client.get("/console/supervision", headers=congress.presiding)).status_code == 200


async def test_liaison_pages_are_for_liaisons_only(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings)
    liaison = await make_liaison(pool, settings, congress.body_id, f"住建局{secrets.token_hex(2)}")
    for path in ("/liaison", "/liaison/projects"):
        assert (await client.get(path, headers=liaison.headers)).status_code == 200
        assert (await client.get(path, headers=congress.clerk)).status_code == 403
    # A liaison on a staff page logs in again; on the console home they are shown their own page.
    staff_page = await client.get("/console/programs", headers=liaison.headers, follow_redirects=False)
    assert staff_page.headers["location"].startswith("/login?next=")
    home = await client.get("/console", headers=liaison.headers, follow_redirects=False)
    assert home.headers["location"] == "/liaison"


async def test_tellers_and_the_console_home_point_at_each_other(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings)
    teller = await staff_headers(pool, settings, Role.TELLER, congress.body_id)
    to_count = await client.get("/console", headers=teller, follow_redirects=False)
    assert to_count.headers["location"] == "/count"
    to_console = await client.get("/count", headers=congress.clerk, follow_redirects=False)
    assert to_console.headers["location"] == "/console"


async def test_a_refusal_in_any_page_is_the_html_page_of_its_status_and_the_api_keeps_json(
    client: AsyncTestClient,
) -> None:
    # One handler on the page router (voting.page_kit.errors) answers for every page.
    missing = 987654321
    for path, what in (
        (f"/hall/{missing}", "Session"),
        (f"/public/sessions/{missing}", "Session"),
        (f"/public/votes/{missing}", "Vote"),
        (f"/public/votes/{missing}/verify", "Vote"),
        (f"/public/votes/{missing}/announcement", "Vote"),
        (f"/hall/votes/{missing}/reading", "Vote"),
        (f"/programs/{missing}", "Program"),
        (f"/programs/{missing}/poster", "Program"),
        (f"/programs/{missing}/funnel", "Program"),
        (f"/projects/{missing}", "not found"),
    ):
        refused = await client.get(path)
        assert refused.status_code == 404, path
        assert "text/html" in refused.headers["content-type"], path
        assert "不存在" in refused.text and what in refused.text, path
    api = await client.get(f"/api/sessions/{missing}")
    assert api.status_code == 404 and api.json()["error"] == "not_found"


async def test_a_mistyped_address_in_a_browser_is_the_html_page_and_the_api_and_scripts_keep_json(
    client: AsyncTestClient,
) -> None:
    browser = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
    for path, status in (("/console/nonexistent", 404), ("/public/votes/abc", 404), ("/track/ABC?new=x", 400)):
        refused = await client.get(path, headers=browser)
        assert refused.status_code == status, path
        assert "text/html" in refused.headers["content-type"], path
        assert "<html" in refused.text and "viewport" in refused.text, path  # a page that fits a phone
    for path in ("/api/nonexistent", "/static/nope.js", "/console/nonexistent"):
        asked = await client.get(
            path, headers={"Accept": "application/json"} if path.startswith("/console") else browser
        )
        assert asked.status_code == 404 and asked.json()["error"] == "http_404", path


async def test_every_link_in_a_staff_members_top_bar_opens_for_them(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    """A teller used to be offered 项目监督 and 测评, which only answered 您的账号无权查看此页面."""
    congress = await make_congress(pool, settings)
    staff_roles = (Role.ADMIN, Role.CLERK, Role.PRESIDING, Role.TELLER, Role.SCRUTINEER)
    for role in staff_roles:
        headers = await staff_headers(pool, settings, role, congress.body_id)
        home = await client.get("/console", headers=headers)  # tellers and scrutineers land on /count
        assert home.status_code == 200, role
        nav = re.search(r'<nav class="topnav">(.*?)</nav>', home.text, re.S)
        assert nav is not None, role
        links = re.findall(r'href="([^"]+)"', nav.group(1))
        assert links, role
        for link in links:
            opened = await client.get(link, headers=headers)
            assert opened.status_code == 200, (role, link, opened.status_code)
