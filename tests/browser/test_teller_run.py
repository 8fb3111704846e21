"""A teller's whole run on paper: staff assigned in the console, a refused entry replaced, no sheet past the last."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote, headers_of, post_ok, staff_account, tablet_login
from tests.browser.screens import OpenScreen, shoot
from tests.factories import make_congress
from voting.auth import Role

pytestmark = pytest.mark.browser


async def test_a_tellers_run_with_a_refusal_and_the_last_sheet(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, "paper", seats=2)
    teller, other_teller = [await staff_account(pool, Role.TELLER, congress.body_id) for _ in range(2)]
    chief, scrutineer = [await staff_account(pool, Role.SCRUTINEER, congress.body_id) for _ in range(2)]
    for deputy_id in congress.deputy_ids[:3]:
        await tablet_login(api, congress.codes[deputy_id])

    # The presiding officer assigns the counting staff in the console: the 总监票人 box is cleared after the chief.
    console = await open_screen(1440, 1000)
    page = console.page
    await page.goto(f"{live_server}/login?next=/console/votes/{vote_id}/paper")
    await page.fill("input[name=username]", congress.presiding_login[0])
    await page.fill("input[name=password]", congress.presiding_login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(f"**/console/votes/{vote_id}/paper")
    form = page.locator("#assign-form")
    await expect(form).to_be_visible()
    for user_id, is_chief in ((teller[0], False), (other_teller[0], False), (chief[0], True), (scrutineer[0], False)):
        await form.locator("select[name=staff]").select_option(str(user_id))
        if is_chief:
            await form.locator("input[name=chief]").check()
        await form.locator("button[type=submit]").click()
        await expect(page.locator(f'#counters li[data-staff-id="{user_id}"]')).to_be_visible()
        await expect(form.locator("input[name=chief]")).not_to_be_checked()
    await expect(page.locator("#count-error")).to_be_hidden()
    await expect(page.locator(f'#counters li[data-staff-id="{chief[0]}"]')).to_contain_text("总监票人")

    # Issuing more ballots than the 3 deputies present asks first.
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    await page.fill("#steps input[name=issued]", "30")
    await page.click("[data-step=issued]")
    dialog = page.locator("dialog.confirm")
    await expect(dialog).to_contain_text("多于出席代表数 3")
    await shoot(page, "paper_issued_beyond_present")
    await dialog.locator("[data-cancel]").click()
    await expect(page.locator("#step-log li")).to_have_count(0)
    await page.fill("#steps input[name=issued]", "3")
    await page.click("[data-step=issued]")
    await expect(page.locator("#step-log li")).to_have_count(1)
    chief_headers = await headers_of(api, *chief[1:])
    await post_ok(api, f"/api/votes/{vote_id}/paper/box-sealed", chief_headers)
    await post_ok(api, f"/api/votes/{vote_id}/paper/returned", chief_headers, {"count": 3})
    # The step log names the people who recorded each step.
    log = page.locator("#step-log")
    await expect(log.locator("li")).to_have_count(3)
    await expect(log).not_to_contain_text("staff:")
    await expect(log.locator("li").nth(1)).to_contain_text(f"监票人{chief[1][-2:]}")

    # The teller: a refused entry is selected, so the next sheet typed replaces it.
    screen = await open_screen(1440, 900)
    entry = screen.page
    await entry.goto(f"{live_server}/count/votes/{vote_id}/entry")
    await entry.fill("input[name=username]", teller[1])
    await entry.fill("input[name=password]", teller[2])
    await entry.press("input[name=password]", "Enter")
    await entry.wait_for_url(f"**/count/votes/{vote_id}/entry")
    await expect(entry.locator("#returned")).to_have_text("3")
    await expect(entry.locator("#sheet")).to_have_value("1")
    await expect(entry.locator("#entry")).to_be_focused()
    await entry.keyboard.type("9")
    await entry.keyboard.press("Enter")
    await expect(entry.locator("#entry-error")).to_contain_text("没有序号为 9 的项目")
    await shoot(entry, "teller_refused")
    await entry.keyboard.type("1 2")
    await expect(entry.locator("#entry")).to_have_value("1 2")
    await entry.keyboard.press("Enter")
    await expect(entry.locator("#entry-saved")).to_contain_text("第 1 张已保存")
    for number, typed in ((2, "1"), (3, "0")):
        await expect(entry.locator("#sheet")).to_have_value(str(number))
        await entry.keyboard.type(typed)
        await entry.keyboard.press("Enter")
        await expect(entry.locator("#entry-saved")).to_contain_text(f"第 {number} 张已保存")

    # After the last sheet it no longer asks for 第 4 张.
    await expect(entry.locator("#sheet")).to_have_value("")
    await expect(entry.locator("#entry-preview")).to_contain_text("全部 3 张已录入完毕")
    await expect(entry.locator("#entry-preview")).not_to_contain_text("第 4 张")
    await entry.keyboard.type("1")
    await entry.keyboard.press("Enter")
    await expect(entry.locator("#entry-error")).to_contain_text("全部选票已录入")
    await expect(entry.locator("#mine")).to_have_text("3")
    await shoot(entry, "teller_done")
    # ↑ brings back the last sheet to correct it.
    await entry.keyboard.press("ArrowUp")
    await expect(entry.locator("#sheet")).to_have_value("3")

    progress = (await api.get(f"/api/votes/{vote_id}/paper/progress", headers=chief_headers)).json()
    assert progress["entered_by_teller"] == {str(teller[0]): 3}
    await shoot(page, "paper_console_names", full_page=True)
    assert not console.errors and not screen.errors
