"""Who counts: a body without counting logins is told so; a tablet vote's scrutineers are assigned and find it."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import create_vote, post_ok, sealed_ballot, staff_account, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.staff_login import log_in_to, log_in_to_console
from tests.factories import make_congress
from voting.auth import Role

pytestmark = pytest.mark.browser


async def test_a_body_without_tellers_or_scrutineers_is_told_who_adds_them(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, "paper", seats=1)
    paper = f"/console/votes/{vote_id}/paper"
    page = (await open_screen(1280, 900)).page
    await log_in_to(page, live_server, congress.presiding_login, paper)

    # The presiding officer may not keep logins: a plain line says whom to ask, no empty list, no silent 指定.
    empty = page.locator("[data-no-counting-staff]")
    await expect(empty).to_be_visible()
    await expect(empty).to_contain_text("还没有计票人、监票人账号")
    await expect(empty).to_contain_text("管理员")
    await expect(empty.locator("a")).to_have_count(0)
    await expect(page.locator("#assign-form")).to_be_hidden()
    await page.screenshot(path="/tmp/paper-no-staff-presiding.png", full_page=True)

    # An administrator of the body gets the way to the page that adds them.
    _, admin, password = await staff_account(pool, Role.ADMIN, congress.body_id)
    admin_page = (await open_screen(1280, 900)).page
    await log_in_to(admin_page, live_server, (admin, password), paper)
    await admin_page.locator("[data-no-counting-staff] a").click()
    await admin_page.wait_for_url(f"**/console/bodies/{congress.body_id}/staff")
    await expect(admin_page.locator("h1")).to_contain_text("工作人员账号")

    # Once there are logins, the line goes and the list offers them.
    await staff_account(pool, Role.TELLER, congress.body_id)
    await page.reload()
    await expect(page.locator("#assign-form")).to_be_visible()
    await expect(page.locator("#assign-form select option")).to_have_count(1)
    await expect(empty).to_be_hidden()
    select, assign = [await page.locator(f"#assign-form {part}").bounding_box() for part in ("select", "button")]
    assert select and assign
    assert abs((select["y"] + select["height"]) - (assign["y"] + assign["height"])) < 12, (select, assign)
    await page.screenshot(path="/tmp/paper-assign-form.png")


async def test_the_presiding_officer_assigns_a_tablet_votes_scrutineers_who_find_it_for_the_cards_and_the_count(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=4, candidates=3)
    response = await api.post(
        f"/api/sessions/{congress.session_id}/votes",
        headers=congress.presiding,
        json={"title": "平板表决", "candidate_ids": congress.candidate_ids, "rules": {"seats": 1}, "reason": "测试"},
    )
    assert response.status_code == 201, response.text
    vote_id = response.json()["id"]
    chief = await staff_account(pool, Role.SCRUTINEER, congress.body_id)
    second = await staff_account(pool, Role.SCRUTINEER, congress.body_id)
    await staff_account(pool, Role.TELLER, congress.body_id)  # a tablet vote has no tellers: not offered

    # From the session console to the vote's key-card page, and the scrutineers assigned there.
    page = (await open_screen(1280, 900)).page
    await log_in_to_console(page, live_server, congress.presiding_login, congress.session_id)
    await page.locator(f'.vote[data-vote-id="{vote_id}"] a[data-key-cards]').click()
    await page.wait_for_url(f"**/count/votes/{vote_id}/keys")
    form = page.locator("#scrutineer-form")
    await expect(form.locator("select option")).to_have_count(2)
    select, assign = [await form.locator(part).bounding_box() for part in ("select", "button[type=submit]")]
    assert select and assign
    assert abs((select["y"] + select["height"]) - (assign["y"] + assign["height"])) < 12, (select, assign)
    await form.locator("select").select_option(str(chief[0]))
    await form.locator("[name=chief]").check()
    await form.locator("button[type=submit]").click()
    await expect(page.locator(f'#scrutineer-list li[data-staff-id="{chief[0]}"]')).to_contain_text("总监票人")
    await expect(form.locator("select option")).to_have_count(1)
    await form.locator("select").select_option(str(second[0]))
    await form.locator("button[type=submit]").click()
    await expect(page.locator("#scrutineer-list li")).to_have_count(2)
    await expect(form).to_be_hidden()  # nobody left to assign
    await expect(page.locator("#ceremony-form [name=holder]").first).to_have_value(f"总监票人 监票人{chief[1][-2:]}")
    await page.screenshot(path="/tmp/keys-scrutineers-assigned.png", full_page=True)

    # The chief scrutineer finds the vote on their 计票控制台 and makes the cards from there.
    scrutineer = (await open_screen(1280, 900)).page
    await log_in_to(scrutineer, live_server, chief[1:], "/count")
    row = scrutineer.locator(f'#assignments tr[data-vote-id="{vote_id}"]')
    await expect(row).to_contain_text("平板表决")
    await expect(row.locator("a.primary")).to_contain_text("开票钥匙卡")
    await expect(row).not_to_contain_text("唱票大屏")
    await scrutineer.screenshot(path="/tmp/count-home-tablet-vote.png", full_page=True)
    await row.locator("a.primary").click()
    await expect(scrutineer.locator("#scrutineer-list li")).to_have_count(2)
    await expect(scrutineer.locator("#scrutineer-form")).to_have_count(0)  # only the presiding officer assigns
    await scrutineer.locator("button[data-action=make-cards]").click()
    await expect(scrutineer.locator(".key-card")).to_have_count(3)
    cards = [t.strip() for t in await scrutineer.locator("[data-card-text]").all_inner_texts()]

    # After voting ends, the same row leads back to the page that opens the count.
    tablets = [await tablet_login(api, congress.codes[deputy]) for deputy in congress.deputy_ids]
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    marks = {str(congress.candidate_ids[0]): "for"}
    await post_ok(api, f"/api/votes/{vote_id}/ballots", tablets[0], await sealed_ballot(api, vote_id, marks))
    closed = await api.post(f"/api/votes/{vote_id}/close", headers=congress.presiding, json={"confirm": True})
    assert closed.json()["state"] == "awaiting_keys", closed.text
    await scrutineer.goto(f"{live_server}/count")
    await expect(row).to_contain_text("待开启计票")
    await row.locator("a.primary").click()
    await scrutineer.locator("#count-form input[name=card]").nth(0).fill(cards[0])
    await scrutineer.locator("#count-form input[name=card]").nth(1).fill(cards[1])
    await scrutineer.locator("button[data-action=open-count]").click()
    await expect(scrutineer.locator("#count-result")).to_be_visible()
