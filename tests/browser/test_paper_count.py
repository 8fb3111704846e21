"""A teller enters paper ballots with the keyboard alone; the hall's 唱票 screen counts them in 正 marks."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote, headers_of, post_ok, staff_account, tablet_login
from tests.browser.screens import SHOTS, OpenScreen, shoot
from tests.factories import make_congress
from voting.auth import Role

pytestmark = pytest.mark.browser

# Nine sheets as read out: A six times, B five, C twice, D never; one blank, one over-marked (5 ○ for 2 seats).
TYPED = ["1 2", "1 2", "1 2", "1 2", "1 3", "1 3", "2", "0", "*"]


async def test_a_teller_types_the_sheets_and_the_hall_screen_counts_them_in_zheng_marks(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=10, candidates=4)
    a, b, c, d = congress.candidate_ids
    vote_id = await create_vote(
        api,
        congress.presiding,
        congress.session_id,
        congress.candidate_ids,
        "paper",
        seats=2,
        title="2027年民生实事项目票决",
    )
    teller_a, teller_b, chief = [
        await staff_account(pool, r, congress.body_id) for r in (Role.TELLER, Role.TELLER, Role.SCRUTINEER)
    ]
    for user_id, role, is_chief in (
        (teller_a[0], "teller", False),
        (teller_b[0], "teller", False),
        (chief[0], "scrutineer", True),
    ):
        await post_ok(
            api,
            f"/api/votes/{vote_id}/paper/counters",
            congress.presiding,
            {"staff_user_id": user_id, "role": role, "is_chief": is_chief},
        )
    for deputy in congress.deputy_ids[:9]:
        await tablet_login(api, congress.codes[deputy])
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    # A tablet in the hall shows no ballot for a paper vote.
    tablet = await open_screen(1280, 800, has_touch=True)
    await tablet.page.goto(f"{live_server}/tablet?code={congress.codes[congress.deputy_ids[9]]}")
    await expect(tablet.page.locator("[data-paper-vote]")).to_contain_text("本次表决使用纸质选票")
    await expect(tablet.page.locator(".cand")).to_have_count(0)
    chief_headers = await headers_of(api, *chief[1:])
    await post_ok(api, f"/api/votes/{vote_id}/paper/issued", chief_headers, {"count": 9})
    await post_ok(api, f"/api/votes/{vote_id}/paper/box-sealed", chief_headers)
    await post_ok(api, f"/api/votes/{vote_id}/paper/returned", chief_headers, {"count": 9})

    # The hall screen, as the public sees it.
    hall = await open_screen(1920, 1080)
    await hall.page.goto(f"{live_server}/hall/votes/{vote_id}/reading")
    await expect(hall.page.locator('[data-stat="read"]')).to_have_text("0 / 9")

    # The teller logs in and enters every sheet without touching the mouse.
    screen = await open_screen(1440, 900)
    page = screen.page
    await page.goto(f"{live_server}/count/votes/{vote_id}/entry")
    assert "/login?next=" in page.url
    # The login page puts the cursor in the name field; the teller types only once it is there
    # (Chromium applies autofocus on a rendering step after "load").
    await expect(page.locator('input[name="username"]')).to_be_focused()
    await page.keyboard.type(teller_a[1])
    await page.keyboard.press("Tab")
    await page.keyboard.type(teller_a[2])
    await page.keyboard.press("Enter")
    await page.wait_for_url(f"**/count/votes/{vote_id}/entry")
    await expect(page.locator("#returned")).to_have_text("9")
    await expect(page.locator("#sheet")).to_have_value("1")
    await expect(page.locator("#entry")).to_be_focused()

    # Mistakes are caught before they are sent, in Chinese.
    await page.keyboard.type("9")
    await expect(page.locator("#entry-preview")).to_contain_text("没有序号为 9 的项目")
    await page.keyboard.press("Enter")
    await expect(page.locator("#entry-error")).to_contain_text("没有序号为 9 的项目")
    await page.keyboard.press("Backspace")
    await page.keyboard.type("1 2 3")
    await expect(page.locator("#entry-preview")).to_contain_text("超过应选数 2 项")
    for _ in range(5):
        await page.keyboard.press("Backspace")

    for number, typed in enumerate(TYPED, start=1):
        await page.keyboard.type(typed)
        if number == 1:
            await expect(page.locator(f'#entry-candidates li[data-candidate-id="{a}"]')).to_have_attribute(
                "data-mark", "for"
            )
            await shoot(page, "teller_entry_typing")
        await page.keyboard.press("Enter")
        await expect(page.locator("#entry-saved")).to_contain_text(f"第 {number} 张已保存")
    await expect(page.locator("#mine")).to_have_text("9")
    await expect(page.locator("#entry-log li").first).to_contain_text("作废：多选")

    # A tenth sheet does not exist: the form stops asking, and the server would refuse it in Chinese.
    await expect(page.locator("#sheet")).to_have_value("")
    await page.keyboard.type("1")
    await page.keyboard.press("Enter")
    await expect(page.locator("#entry-error")).to_contain_text("全部选票已录入")
    await page.fill("#sheet", "10")
    await page.focus("#entry")
    await page.keyboard.press("Enter")
    await expect(page.locator("#entry-error")).to_contain_text("只收回9张选票")
    await expect(page.locator("#mine")).to_have_text("9")
    await shoot(page, "teller_entry")

    # The 唱票 screen followed along: 正 for every five votes, the strokes of the rest.
    reading = hall.page
    await expect(reading.locator('[data-stat="read"]')).to_have_text("9 / 9")
    line_a = reading.locator(f'li[data-candidate-id="{a}"]')
    await expect(line_a.locator(".votes")).to_have_text("6")
    await expect(line_a.locator("svg.zheng")).to_have_count(2)
    assert await line_a.locator("svg.zheng").nth(0).get_attribute("data-strokes") == "5"
    assert await line_a.locator("svg.zheng").nth(1).get_attribute("data-strokes") == "1"
    await expect(line_a.locator("svg.zheng").nth(0).locator("line")).to_have_count(5)
    line_b = reading.locator(f'li[data-candidate-id="{b}"]')
    await expect(line_b.locator("svg.zheng")).to_have_count(1)
    await expect(line_b.locator(".votes")).to_have_text("5")
    await expect(reading.locator(f'li[data-candidate-id="{c}"] svg.zheng line')).to_have_count(2)
    await expect(reading.locator(f'li[data-candidate-id="{d}"] svg.zheng')).to_have_count(0)
    await expect(reading.locator('[data-stat="invalid"]')).to_have_text("1")
    await expect(reading.locator('[data-stat="blank"]')).to_have_text("1")
    await shoot(reading, "reading_screen")
    assert not screen.errors and not hall.errors

    if SHOTS:
        await finish_and_shoot_print_pages(api, open_screen, live_server, congress, vote_id, teller_b, chief_headers)


async def finish_and_shoot_print_pages(api, open_screen, live_server, congress, vote_id, teller_b, chief_headers):
    """Second teller, sign-off, close, announce; screenshots of the ballot, the count console and the 公告."""
    teller_headers = await headers_of(api, *teller_b[1:])
    ids = congress.candidate_ids
    for number, typed in enumerate(TYPED, start=1):
        entry: dict[str, object] = {"sheet": number, "marks": {}}
        if typed == "*":
            entry["void_reason"] = "overmarked"
        elif typed != "0":
            entry["marks"] = {str(ids[int(p) - 1]): "for" for p in typed.split()}
        await post_ok(api, f"/api/votes/{vote_id}/paper/entries", teller_headers, entry)
    await post_ok(api, f"/api/votes/{vote_id}/paper/sign-off", chief_headers)
    screen = await open_screen(1440, 1000)
    page = screen.page
    await page.goto(f"{live_server}/login?next=/console/votes/{vote_id}/paper")
    await page.fill("input[name=username]", congress.presiding_login[0])
    await page.fill("input[name=password]", congress.presiding_login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(f"**/console/votes/{vote_id}/paper")
    await expect(page.locator("#report")).to_contain_text("总监票人已确认")
    await shoot(page, "paper_console", full_page=True)
    await page.goto(f"{live_server}/console/votes/{vote_id}/ballot")
    await shoot(page, "paper_ballot", full_page=True)
    await post_ok(api, f"/api/votes/{vote_id}/close", congress.presiding, {"confirm": True})
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)
    await page.goto(f"{live_server}/public/votes/{vote_id}/announcement")
    await shoot(page, "announcement", full_page=True)
