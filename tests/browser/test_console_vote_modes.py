"""The paper count's controls belong to paper and mixed votes only; a tablet vote's cards and pages show none."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to_console
from tests.factories import make_congress

pytestmark = pytest.mark.browser

# What a paper count shows: who counts, issuing, sealing the box, ballots returned, the count report.
PAPER_WORDS = ("纸质计票", "计票监票人员", "发出", "封箱", "收回", "计票报告")


async def test_the_presiding_officer_sees_paper_controls_only_on_the_paper_and_mixed_votes(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    at = (api, congress.presiding, congress.session_id, congress.candidate_ids)
    tablets = await create_vote(*at, "electronic", seats=1, title="平板表决")
    paper = await create_vote(*at, "paper", seats=1, title="纸质表决")
    mixed = await create_vote(*at, "mixed", seats=1, title="平板加纸质表决")
    page = (await open_screen(1440, 900)).page
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)

    paper_card = page.locator(f'.vote[data-vote-id="{paper}"]')
    tablet_card = page.locator(f'.vote[data-vote-id="{tablets}"]')
    await expect(paper_card.locator("a[data-paper-count]")).to_have_count(1)
    await expect(page.locator(f'.vote[data-vote-id="{mixed}"] a[data-paper-count]')).to_have_count(1)
    await expect(tablet_card).to_contain_text("平板表决")
    await expect(tablet_card.locator("a[data-paper-count]")).to_have_count(0)
    for word in PAPER_WORDS:
        await expect(tablet_card).not_to_contain_text(word)
    await page.screenshot(path="/tmp/console-vote-modes.png", full_page=True)

    # Opening asks first, in the words of the vote's mode: tablets, paper ballots, or both.
    for vote_id, said, unsaid in (
        (tablets, "各代表平板立即显示选票", "纸质选票"),
        (paper, "发放纸质选票", "平板"),
        (mixed, "平板立即显示选票", None),
    ):
        await page.locator(f'.vote[data-vote-id="{vote_id}"] button[data-action=open]').click()
        dialog = page.locator("dialog[open]")
        await expect(dialog).to_contain_text(said)
        if unsaid:
            await expect(dialog).not_to_contain_text(unsaid)
        await dialog.locator("[data-cancel]").click()
        await expect(dialog).to_have_count(0)

    # The paper count page of the paper vote has its controls; the tablet vote's (by its address) has none,
    # only what to do instead.
    await paper_card.locator("a[data-paper-count]").click()
    await expect(page.locator("#steps [data-step=issued]")).to_be_visible()
    await expect(page.locator("#assign-form")).to_be_attached()
    await page.goto(f"{live_server}/console/votes/{tablets}/paper")
    await expect(page.locator("[data-not-paper]")).to_contain_text("平板")
    for control in ("#steps", "#assign-form", "#conflict-form", "#sign-off", "#issue-panel", "#report"):
        await expect(page.locator(control)).to_have_count(0)
    main = page.locator("main")
    for word in PAPER_WORDS[1:]:
        await expect(main).not_to_contain_text(word)
    await page.screenshot(path="/tmp/paper-console-electronic.png", full_page=True)
