"""What a resident sees on a phone once the vote is announced: the program page names the chosen projects."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import close_and_count, make_cards, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen, overflow_x, shoot
from tests.factories import make_congress
from tests.solicit.steps import fix_list, vet

pytestmark = pytest.mark.browser


async def test_the_program_page_shows_the_chosen_projects_once_the_vote_is_announced(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=6, candidates=4)
    a, b, c, d = congress.candidate_ids
    pid = congress.program_id
    await vet(api, pool, settings, congress, congress.candidate_ids)  # type: ignore[arg-type]
    await fix_list(api, congress, [a, b, c, d], seats=2)  # type: ignore[arg-type]
    made = await post_ok(api, f"/api/programs/{pid}/vote", congress.presiding, {"session_id": congress.session_id})
    vote_id = int(made["id"])  # type: ignore[call-overload]
    await make_cards(api, congress.presiding, vote_id)
    tablets = [await tablet_login(api, congress.codes[deputy]) for deputy in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    for n, headers in enumerate(tablets):
        marks = {str(a): "for", str(b): "for"} if n < 5 else {str(c): "for"}
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, await sealed_ballot(api, vote_id, marks))
    await close_and_count(api, congress.presiding, vote_id)

    phone = await open_screen(390, 844, is_mobile=True, has_touch=True)
    page = phone.page
    # Counted but not yet announced: the public page says nothing of the outcome.
    await page.goto(f"{live_server}/programs/{pid}")
    await expect(page.locator("#public-list tr[data-candidate-id]")).to_have_count(4)
    await expect(page.locator("[data-outcome]")).to_have_count(0)
    await expect(page.locator("#vote-outcome")).to_have_count(0)

    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)
    await page.reload()
    await expect(page.locator("[data-announced]")).to_have_text("票决结果已公布")
    outcome = page.locator("#vote-outcome")
    await expect(outcome.locator("[data-chosen-count]")).to_have_text("2个入选")
    projects = f"/projects?body_id={congress.body_id}"
    await expect(outcome.locator("[data-link=projects]")).to_have_attribute("href", projects)
    await expect(outcome.locator("[data-link=result]")).to_have_attribute("href", f"/public/votes/{vote_id}")
    announcement = outcome.locator("[data-link=announcement]")
    await expect(announcement).to_have_attribute("href", f"/public/votes/{vote_id}/announcement")
    rows = page.locator("#public-list tr[data-candidate-id]")
    outcomes = await rows.evaluate_all("(rows) => rows.map((r) => [Number(r.dataset.candidateId), r.dataset.outcome])")
    assert outcomes == [[a, "chosen"], [b, "chosen"], [c, "not_chosen"], [d, "not_chosen"]]
    await expect(rows.nth(0).locator(".outcome-badge")).to_contain_text("入选")
    await expect(rows.nth(2).locator(".outcome-badge")).to_contain_text("未入选")
    assert await overflow_x(page) == 0
    await shoot(page, "program_announced_390", full_page=True)
    assert not phone.errors

    # The 公告 is one tap away.
    await announcement.click()
    await expect(page.locator("article.announcement [data-chosen] li")).to_have_count(2)

    desk = await open_screen(1440, 900)
    await desk.page.goto(f"{live_server}/programs/{pid}")
    await expect(desk.page.locator("#public-list tr[data-outcome=chosen]")).to_have_count(2)
    await shoot(desk.page, "program_announced_1440", full_page=True)
