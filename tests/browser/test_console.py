"""Staff drive a session from the console: login, check-in and quorum, create, open, close, announce."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to_console
from tests.factories import Congress, make_congress
from tests.solicit.steps import vet

pytestmark = pytest.mark.browser


async def fix_list_with_method(
    api: httpx.AsyncClient, pool: Any, settings: Any, congress: Congress, method: dict[str, Any]
) -> None:
    """Vet every candidate, list them in order, adopt the method and fix the list, as the presidium's clerks do."""
    await vet(api, pool, settings, congress, congress.candidate_ids)  # type: ignore[arg-type]
    pid = congress.program_id
    await put_ok(api, f"/api/programs/{pid}/list", congress.clerk, {"candidate_ids": congress.candidate_ids})
    method = {"margin_ratio": "1", "title": "2027年民生实事项目票决", **method}
    await put_ok(api, f"/api/programs/{pid}/method", congress.clerk, method)
    await post_ok(api, f"/api/programs/{pid}/list/fix", congress.clerk)


async def put_ok(api: httpx.AsyncClient, path: str, headers: dict[str, str], json: object) -> None:
    """PUT and insist on success."""
    response = await api.put(path, headers=headers, json=json)
    assert response.status_code == 200, response.text


async def log_out(page: Page) -> None:
    """The header's log-out button."""
    await page.click("[data-logout]")
    await page.wait_for_url("**/login")


async def test_staff_drive_a_vote_from_check_in_to_announcement_on_the_console(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=6, candidates=3)
    screen = await open_screen(1440, 900)
    page = screen.page
    votes = page.locator("#vote-list")

    # The presidium fixed the list and its method (2 seats, threshold on those present).
    await fix_list_with_method(api, pool, settings, congress, {"seats": 2, "threshold_base": "present"})

    # The presiding officer prepares the vote from it; opening it is refused without a quorum.
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    await page.click("#create-vote summary")
    await expect(page.locator("[data-fixed-list] li")).to_have_count(3)
    await page.click("#create-vote-form button[type=submit]")
    draft = votes.locator(".vote[data-state=draft]")
    await expect(draft).to_contain_text("2027年民生实事项目票决")
    # One vote per list: the form gives way to which vote it is, also after a reload.
    made = page.locator("#list-vote-made")
    await expect(made).to_contain_text("已按本清单创建表决")
    await expect(page.locator("#create-vote-form")).to_be_hidden()
    await page.reload()
    await page.click("#create-vote summary")
    await expect(made).to_have_attribute("data-vote-id", await draft.get_attribute("data-vote-id") or "")
    await expect(page.locator("#create-vote-form")).to_be_hidden()
    await draft.locator("button[data-action=open]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    await expect(votes.locator(".error.quorum")).to_contain_text("未达到法定人数4人")
    await log_out(page)

    # The clerk checks deputies in: three by their tablets, one at the desk.
    await log_in_to_console(page, live_server, congress.clerk_login, congress.session_id)
    quorum = page.locator("[data-quorum]")
    await expect(page.locator('[data-stat="quorum_needed"]')).to_have_text("4")
    await expect(quorum).to_have_class("stat quorum unmet")
    headers = [await tablet_login(api, congress.codes[deputy]) for deputy in congress.deputy_ids[:3]]
    await expect(page.locator('#attendance-summary [data-stat="present"]')).to_have_text("3")
    row = page.locator(f'tr[data-deputy-id="{congress.deputy_ids[3]}"]')
    await expect(row).to_have_attribute("data-status", "absent")
    await row.locator("button[data-action=present]").click()
    await expect(row).to_have_attribute("data-status", "present")
    await expect(quorum).to_have_class("stat quorum met")
    await expect(quorum).to_contain_text("已达到")
    await page.fill("#attendance-filter", "代表005")
    await expect(page.locator("#attendance-body tr[data-deputy-id]")).to_have_count(1)
    await log_out(page)

    # The presiding officer opens, watches the turnout, closes (with confirmation) and announces.
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    # Opening before the key ceremony is refused by name; the cards are made on the count console's page.
    await votes.locator(".vote[data-state=draft] button[data-action=open]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    await expect(votes.locator(".vote[data-state=draft] .error")).to_contain_text("尚未制作本次表决的开票钥匙卡")
    draft_id = int(await votes.locator(".vote[data-state=draft]").get_attribute("data-vote-id"))
    await page.goto(f"{live_server}/count/votes/{draft_id}/keys")
    await page.click("button[data-action=make-cards]")
    await expect(page.locator(".key-card")).to_have_count(3)
    await page.screenshot(path="/tmp/sealing-key-cards.png", full_page=True)
    cards = await page.locator("[data-card-text]").all_inner_texts()
    await page.goto(f"{live_server}/console/sessions/{congress.session_id}")
    # Opening asks first, naming the vote and the deputies present; a dismissed dialog leaves it a draft.
    await votes.locator(".vote[data-state=draft] button[data-action=open]").click()
    dialog = page.locator("dialog[open]")
    await expect(dialog).to_contain_text("确认开始表决")
    await expect(dialog).to_contain_text("2027年民生实事项目票决")
    await expect(dialog.locator("[data-present-now]")).to_contain_text("现出席代表 4 人")
    await page.screenshot(path="/tmp/console-open-confirm.png")
    await dialog.locator("[data-cancel]").click()
    await expect(dialog).to_have_count(0)
    await expect(votes.locator(".vote[data-state=draft]")).to_have_count(1)
    assert (await api.get(f"/api/votes/{draft_id}", headers=congress.presiding)).json()["state"] == "draft"
    await votes.locator(".vote[data-state=draft] button[data-action=open]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    opened = votes.locator(".vote[data-state=open]")
    await expect(opened.locator('[data-turnout="present"]')).to_have_text("4")
    a, b, _ = congress.candidate_ids
    vote_id = int(await opened.get_attribute("data-vote-id"))
    for i, deputy_headers in enumerate(headers):
        marks = {str(a): "for", str(b): "for"} if i else {str(a): "for"}
        await post_ok(api, f"/api/votes/{vote_id}/ballots", deputy_headers, await sealed_ballot(api, vote_id, marks))
    await expect(opened.locator('[data-turnout="cast"]')).to_have_text("3")
    assert await opened.locator(".result").count() == 0  # never a partial result while open

    await opened.locator("button[data-action=close]").click()
    dialog = page.locator("dialog[open]")
    await expect(dialog).to_contain_text("确认结束投票")
    await expect(dialog).to_contain_text("尚有 1 位出席代表未投票")
    await dialog.locator("[data-cancel]").click()
    await expect(votes.locator(".vote[data-state=open]")).to_have_count(1)  # cancelled: still open
    await opened.locator("button[data-action=close]").click()
    await page.locator("dialog[open] [data-confirm]").click()

    # Voting has ended; two scrutineers (not the chief) open the count with their cards on the count console.
    waiting = votes.locator(".vote[data-state=awaiting_keys]")
    await expect(waiting).to_contain_text("等待监票人")
    await waiting.locator("a[data-key-cards]").click()
    inputs = page.locator("#count-form input[name=card]")
    await inputs.nth(0).fill(cards[1])
    await inputs.nth(1).fill(cards[1])
    await page.click("button[data-action=open-count]")
    await expect(page.locator("#keys-error")).to_contain_text("重复")
    await inputs.nth(1).fill(cards[2])
    await page.click("button[data-action=open-count]")
    await expect(page.locator("[data-ballots-cast]")).to_have_attribute("data-ballots-cast", "3")
    await page.screenshot(path="/tmp/sealing-count-opened.png")
    await page.goto(f"{live_server}/console/sessions/{congress.session_id}")

    closed = votes.locator(".vote[data-state=closed]")
    await expect(closed.locator(".bar-row")).to_have_count(3)
    await expect(closed.locator(f'.bar-row[data-candidate-id="{a}"] .votes-for')).to_have_text("3")
    # Threshold base: the 4 present, so 3 votes pass and 2 do not.
    await expect(closed.locator(".chosen-list li")).to_have_text(["项目A"])
    await expect(closed.locator(f'.bar-row[data-candidate-id="{b}"]')).to_contain_text("未达票数")
    await expect(closed.locator(".result-side")).to_contain_text("1 个名额未选出")

    await closed.locator("button[data-action=announce]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    announced = votes.locator(".vote[data-state=announced]")
    await expect(announced).to_contain_text("已宣布")
    assert "null" not in await announced.inner_text()  # an empty part of the card is left out, not printed
    await expect(announced.locator(f'a[href="/public/votes/{vote_id}"]')).to_be_visible()
    public = await api.get(f"/api/votes/{vote_id}/result")
    assert public.status_code == 200 and public.json()["tally"]["chosen"] == [a]
    assert screen.errors == []


async def test_withdrawing_a_draft_asks_for_a_reason(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    made = await api.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={"title": "排错的表决", "candidate_ids": congress.candidate_ids, "rules": {"seats": 2}, "reason": "测试"},
    )
    assert made.status_code == 201, made.text
    screen = await open_screen(1440, 900)
    page = screen.page
    votes = page.locator("#vote-list")
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    draft = votes.locator(".vote[data-state=draft]")
    await draft.locator("button[data-action=withdraw]").click()
    dialog = page.locator("dialog[open]")
    await expect(dialog).to_contain_text("撤回表决「排错的表决」")
    confirm = dialog.locator("[data-confirm]")
    await expect(confirm).to_be_disabled()  # no reason, no withdrawal
    await dialog.locator("[data-cancel]").click()
    await expect(draft).to_have_count(1)
    await draft.locator("button[data-action=withdraw]").click()
    await dialog.locator("textarea[name=reason]").fill("应选名额填错")
    await confirm.click()
    withdrawn = votes.locator(".vote[data-state=withdrawn]")
    await expect(withdrawn).to_contain_text("已撤回")
    assert await withdrawn.locator("button").count() == 0  # nothing more to do with it
    public = await api.get(f"/api/votes/{made.json()['id']}")
    assert public.status_code == 404
    assert screen.errors == []


async def test_withdrawing_the_list_vote_gives_the_list_its_form_back(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=3, candidates=3)
    await fix_list_with_method(api, pool, settings, congress, {"seats": 2})
    await post_ok(
        api, f"/api/programs/{congress.program_id}/vote", congress.presiding, {"session_id": congress.session_id}
    )
    page = (await open_screen(1440, 900)).page
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    await page.click("#create-vote summary")
    await expect(page.locator("#list-vote-made")).to_contain_text("撤回该表决后才能重新创建")
    await expect(page.locator("#create-vote-form")).to_be_hidden()
    draft = page.locator("#vote-list .vote[data-state=draft]")
    await draft.locator("button[data-action=withdraw]").click()
    await page.locator("dialog[open] textarea[name=reason]").fill("表决方式选错")
    await page.locator("dialog[open] [data-confirm]").click()
    await expect(page.locator("#vote-list .vote[data-state=withdrawn]")).to_have_count(1)
    await expect(page.locator("#create-vote-form")).to_be_visible()
    await expect(page.locator("#list-vote-made")).to_have_count(0)
