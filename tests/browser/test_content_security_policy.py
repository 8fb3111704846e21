"""The main pages work under the strict CSP: no violation reported, no script error, their scripts ran."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient
from playwright.async_api import BrowserContext, expect

from tests.browser.screens import OpenScreen, Screen
from tests.bulletin.voting_day import run_vote
from tests.factories import make_congress
from voting.auth import COOKIE

pytestmark = pytest.mark.browser

# Every violation the page sees, whatever its source (markup, script, a frame of ours).
WATCH_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push([e.violatedDirective, e.blockedURI || "inline", e.sourceFile + ":" + e.lineNumber].join(" "));
});
"""


async def watched(screen: Screen) -> list[str]:
    """Watch the screen for CSP reports in the console and violation events; returns the list they fill."""
    reports: list[str] = []
    screen.page.on(
        "console",
        lambda message: reports.append(message.text) if "Content Security Policy" in message.text else None,
    )
    await screen.context.add_init_script(WATCH_VIOLATIONS)
    return reports


async def visit(screen: Screen, url: str, reports: list[str]) -> None:
    """Open a page, let its scripts run, and insist nothing was refused."""
    answer = await screen.page.goto(url)
    assert answer is not None and answer.ok, url
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    await screen.page.wait_for_load_state("networkidle")
    violations = await screen.page.evaluate("window.__csp")
    assert violations == [] and reports == [] and screen.errors == [], (url, violations, reports, screen.errors)


async def log_in_with_cookie(context: BrowserContext, live_server: str, headers: dict[str, str]) -> None:
    """A staff login's cookie, as the login page would have set it."""
    await context.add_cookies([{"name": COOKIE, "value": headers["Authorization"][7:], "url": live_server}])


async def test_main_pages_run_under_the_policy(
    open_screen: OpenScreen, client: AsyncTestClient, live_server: str, pool, settings
) -> None:
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    sid, pid, bid = congress.session_id, congress.program_id, congress.body_id
    vote_id, *_ = await run_vote(client, congress, voters=4)

    public = await open_screen(1280, 900)
    reports = await watched(public)
    for path in (
        "/",
        "/login",
        "/track",
        "/projects",
        f"/programs/{pid}",
        f"/programs/{pid}/suggest",
        f"/programs/{pid}/poster",
        f"/programs/{pid}/booklet",
        f"/programs/{pid}/funnel",
        f"/public/sessions/{sid}",
        f"/public/votes/{vote_id}",
        f"/public/votes/{vote_id}/verify",
        f"/public/votes/{vote_id}/announcement",
        f"/hall/{sid}",
    ):
        await visit(public, live_server + path, reports)
    # The public result drew its bars (width set from script): the CSSOM is allowed, style attributes are not.
    await public.page.goto(f"{live_server}/public/sessions/{sid}")
    await expect(public.page.locator(".bar-fill").first).to_be_visible()
    assert await public.page.evaluate("window.__csp") == []

    staff = await open_screen(1440, 900)
    reports = await watched(staff)
    await log_in_with_cookie(staff.context, live_server, congress.clerk)
    for path in (
        "/console",
        f"/console/sessions/{sid}",
        f"/console/sessions/{sid}/seat-cards",
        f"/console/bodies/{bid}/roster",
        "/console/programs",
        f"/console/programs/{pid}",
        f"/console/programs/{pid}/triage",
        f"/console/programs/{pid}/vetting",
        f"/console/programs/{pid}/deliberation",
        "/console/audit",
        "/console/supervision",
        "/console/evaluations",
    ):
        await visit(staff, live_server + path, reports)

    # The console's scripts ran: attendance filled in, and the tablets that logged in over plain HTTP
    # (the test client's, for the vote above) are named.
    await staff.page.goto(f"{live_server}/console/sessions/{sid}")
    await expect(staff.page.locator('#attendance-summary [data-stat="present"]')).to_have_text("6")
    warning = staff.page.locator("#plain-http-warning")
    await expect(warning).to_be_visible()
    await expect(warning).to_contain_text("台平板是通过未加密的连接登录的")
    await staff.page.screenshot(path="/tmp/hardening-console-plain-http.png")
    assert await staff.page.evaluate("window.__csp") == [] and staff.errors == []

    tablet = await open_screen(800, 1280)
    reports = await watched(tablet)
    fresh = await make_congress(pool, settings, deputies=3, candidates=3)
    await visit(tablet, f"{live_server}/tablet?code={fresh.codes[fresh.deputy_ids[0]]}", reports)
    await expect(tablet.page.locator("body")).to_contain_text("代表")
    await tablet.page.screenshot(path="/tmp/hardening-tablet.png")
    assert await tablet.page.evaluate("window.__csp") == []
