"""The paper count page of a mixed vote says where the count stands, in order, without early alarms or leaks."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import close_and_count, create_vote, headers_of, post_ok, staff_account, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to
from tests.factories import make_congress
from voting.auth import Role

pytestmark = pytest.mark.browser


async def side_by_side(page: Page, field: str, step: str) -> None:
    """The step's button sits on the same line as its number field, to its right."""
    box = await page.locator(f"#steps input[name={field}]").bounding_box()
    button = await page.locator(f"#steps [data-step={step}]").bounding_box()
    assert box and button
    assert button["x"] > box["x"] + box["width"], (box, button)
    assert button["y"] < box["y"] + box["height"] and button["y"] + button["height"] > box["y"], (box, button)


async def test_a_mixed_votes_paper_count_waits_quietly_and_keeps_its_figures_until_tablets_are_done(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    a, b, c = congress.candidate_ids
    vote_id = await create_vote(
        api, congress.presiding, congress.session_id, congress.candidate_ids, "mixed", seats=2, title="纸质测试表决"
    )
    teller_a, teller_b, chief = [
        await staff_account(pool, r, congress.body_id) for r in (Role.TELLER, Role.TELLER, Role.SCRUTINEER)
    ]
    for (user_id, *_), role, is_chief in (
        (teller_a, "teller", False),
        (teller_b, "teller", False),
        (chief, "scrutineer", True),
    ):
        await post_ok(
            api,
            f"/api/votes/{vote_id}/paper/counters",
            congress.presiding,
            {"staff_user_id": user_id, "role": role, "is_chief": is_chief},
        )
    page = (await open_screen(1280, 900)).page
    await log_in_to(page, live_server, chief[1:], f"/console/votes/{vote_id}/paper")

    # Before the vote opens: what the session console says, not "issuing".
    await expect(page.locator("#count-state")).to_contain_text("未开始")
    side_by_side_checks = (("issued", "issued"), ("returned", "returned"))
    for field, step in side_by_side_checks:
        await side_by_side(page, field, step)
    await page.screenshot(path="/tmp/paper-page-draft.png", full_page=True)

    for deputy in congress.deputy_ids:
        await tablet_login(api, congress.codes[deputy])
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    await expect(page.locator("#count-state")).to_contain_text("发票中")
    chief_headers = await headers_of(api, *chief[1:])
    for deputy in congress.deputy_ids[:2]:
        await post_ok(api, f"/api/votes/{vote_id}/paper/issued/{deputy}", chief_headers)
    await post_ok(api, f"/api/votes/{vote_id}/paper/issued", chief_headers, {"count": 2})
    await post_ok(api, f"/api/votes/{vote_id}/paper/box-sealed", chief_headers)
    await post_ok(api, f"/api/votes/{vote_id}/paper/returned", chief_headers, {"count": 2})
    for teller, second in ((teller_a, [a, c]), (teller_b, [b, c])):
        headers = await headers_of(api, *teller[1:])
        for sheet, marks in ((1, [a]), (2, second)):
            await post_ok(
                api,
                f"/api/votes/{vote_id}/paper/entries",
                headers,
                {"sheet": sheet, "marks": {str(m): "for" for m in marks}},
            )

    # A sheet in dispute: a plain grey line says what comes first, the sign-off waits disabled, no red box.
    report = page.locator("#report")
    await expect(page.locator(".discrepancy")).to_have_count(1)
    await expect(report.locator("[data-report-hint]").first).to_contain_text("两名计票人一致录入全部选票")
    await expect(report.locator(".error")).to_have_count(0)
    await expect(page.locator("#count-error")).to_be_hidden()
    await expect(page.locator("#sign-off")).to_be_visible()
    await expect(page.locator("#sign-off")).to_be_disabled()
    await expect(report).to_contain_text("平板投票结束前不公布纸质选票的分项票数")
    await page.screenshot(path="/tmp/paper-page-dispute.png", full_page=True)

    # Resolved: the sign-off can be pressed; the per-candidate figures still stay back while tablets vote.
    await page.locator("[data-resolve]").first.click()
    await expect(page.locator("#sign-off")).to_be_enabled()
    await expect(report.locator("ol li")).to_have_count(0)
    await page.locator("#sign-off").click()
    await page.locator("dialog.confirm [data-confirm]").click()
    await expect(page.locator("#count-state")).to_contain_text("已确认")
    await expect(report).to_contain_text("总监票人已确认")
    await expect(report.locator("ol li")).to_have_count(0)
    await expect(report).not_to_contain_text("赞成")
    await page.screenshot(path="/tmp/paper-page-signed-open.png", full_page=True)

    # Tablets done: the signed report shows every candidate's paper figures.
    await close_and_count(api, congress.presiding, vote_id)
    await expect(report.locator("ol li")).to_have_count(3)
    await expect(report).not_to_contain_text("平板投票结束前")
    await expect(page.locator("#recount")).to_be_hidden()  # the server would refuse it once closed
    await page.screenshot(path="/tmp/paper-page-closed.png", full_page=True)
