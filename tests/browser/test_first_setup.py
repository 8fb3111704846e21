"""An administrator sets up a county and two townships on an EMPTY database using only the pages; a township's
clerk enters its roster, departments, session and program; its presiding officer holds the vote from the fixed list.

The server is started the way a newcomer starts it (`voting serve` on a fresh database, the `fresh_server`
fixture in tests/browser/conftest.py), and the first administrator's password is read from its console;
the small steps on the set-up pages are in tests/browser/setup_steps.py. Screenshots of every set-up
page go to PIAOJUE_SHOTS (or the test's tmp dir).
"""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.async_api import expect

from tests.browser.api_steps import post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.browser.setup_steps import close_dialog, import_roster, log_in, log_out, shots_dir, shown_password
from tests.servers import FreshServer

pytestmark = pytest.mark.browser

COUNTY = "测试县人民代表大会"
NORTH = "测试县北镇人民代表大会"
SOUTH = "测试县南镇人民代表大会"
DEPUTIES = ["赵一", "钱二", "孙三", "李四", "周五"]


async def test_a_county_and_its_townships_set_up_from_the_pages_alone(
    fresh_server: FreshServer, open_screen: OpenScreen, tmp_path: Path
) -> None:
    base = fresh_server.base
    shots = shots_dir(tmp_path)
    screen = await open_screen(1366, 900)
    page = screen.page

    # First start: the administrator logs in with the console's password and lands in the guide.
    await page.goto(f"{base}/console")
    await page.fill("input[name=username]", "admin")
    await page.fill("input[name=password]", fresh_server.admin_password)
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{base}/console/setup")
    await expect(page.locator("#setup-steps li")).to_have_count(5)
    await expect(page.locator("#setup-steps li[data-done=true]")).to_have_count(0)
    await page.screenshot(path=str(shots / "01-guide-empty.png"), full_page=True)

    # Step 1: the county itself.
    await page.click("#go-step")
    await page.wait_for_url(f"{base}/console/bodies?guide=1")
    await page.fill("#create-first-body input[name=name]", COUNTY)
    await page.select_option("#create-first-body select[name=level]", "county")
    await page.fill("#create-first-body input[name=term]", "18")
    await page.screenshot(path=str(shots / "02-first-body.png"), full_page=True)
    await page.click("#create-first-body button[type=submit]")
    await page.wait_for_url(f"{base}/console/setup?step=2")
    await expect(page.locator("#setup-steps li[data-step=body]")).to_have_attribute("data-done", "true")
    await expect(page.locator("h1")).to_contain_text(COUNTY)

    # The county creates its two townships.
    await page.goto(f"{base}/console/bodies")
    for township in (NORTH, SOUTH):
        await page.fill("#create-body input[name=name]", township)
        await page.select_option("#create-body select[name=level]", "township")
        await page.select_option("#create-body select[name=parent_id]", label=COUNTY)
        await page.fill("#create-body input[name=term]", "18")
        async with page.expect_navigation():
            await page.click("#create-body button[type=submit]")
        await expect(page.locator(f"#bodies tr[data-body-name='{township}']")).to_be_visible()
    # A second township of the same name under the same county is refused, in both languages.
    await page.fill("#create-body input[name=name]", SOUTH)
    await page.select_option("#create-body select[name=level]", "township")
    await page.click("#create-body button[type=submit]")
    await expect(page.locator("#create-body .form-error")).to_contain_text("同一上级下已有同名人大")
    await page.screenshot(path=str(shots / "03-bodies.png"), full_page=True)

    # The township's clerk and presiding officer, made by the county's administrator; passwords shown once.
    south_row = page.locator(f"#bodies tr[data-body-name='{SOUTH}']")
    south_id = int(await south_row.get_attribute("data-body-id") or 0)
    north_id = int(await page.locator(f"#bodies tr[data-body-name='{NORTH}']").get_attribute("data-body-id") or 0)
    await south_row.locator("[data-staff-link]").click()
    await page.wait_for_url(f"{base}/console/bodies/{south_id}/staff")
    logins: dict[str, tuple[str, str]] = {}
    for username, name, role in (("nanclerk", "南镇秘书", "clerk"), ("nanzhuxi", "南镇主持人", "presiding")):
        await page.fill("#create-account input[name=username]", username)
        await page.fill("#create-account input[name=display_name]", name)
        await page.select_option("#create-account select[name=role]", role)
        await page.click("#create-account button[type=submit]")
        logins[role] = await shown_password(page)
        assert logins[role][0] == username and len(logins[role][1]) >= 10
        if role == "presiding":
            await page.screenshot(path=str(shots / "04-staff-password-once.png"), full_page=True)
        await close_dialog(page)
    # A reset shows a new password once; the old one stops working.
    await page.locator("tr[data-username=nanzhuxi] form[data-password-api] button").click()
    await page.click("dialog[open] [data-confirm]")
    old_presiding = logins["presiding"]
    logins["presiding"] = await shown_password(page)
    assert logins["presiding"][1] != old_presiding[1]
    await close_dialog(page)
    async with httpx.AsyncClient(base_url=base) as http:
        refused = await http.post("/api/auth/login", json={"username": "nanzhuxi", "password": old_presiding[1]})
        assert refused.status_code == 401
    # A teller made by mistake is revoked.
    await page.fill("#create-account input[name=username]", "nanjipiao")
    await page.fill("#create-account input[name=display_name]", "计票人")
    await page.select_option("#create-account select[name=role]", "teller")
    await page.click("#create-account button[type=submit]")
    teller = await shown_password(page)
    await close_dialog(page)
    await page.locator("tr[data-username=nanjipiao] [data-revoke]").click()
    await page.click("dialog[open] [data-confirm]")
    await expect(page.locator("tr[data-username=nanjipiao]")).to_contain_text("已停用")
    async with httpx.AsyncClient(base_url=base) as http:
        assert (
            await http.post("/api/auth/login", json={"username": teller[0], "password": teller[1]})
        ).status_code == 401
    await expect(page.locator("#accounts tbody tr")).to_have_count(3)
    await page.screenshot(path=str(shots / "05-staff.png"), full_page=True)
    await log_out(page)

    # The township's clerk follows the guide for the township.
    await log_in(page, base, *logins["clerk"])
    await expect(page.locator("h1")).to_contain_text(SOUTH)
    await expect(page.locator("#current-step")).to_have_attribute("data-step", "roster")
    await page.screenshot(path=str(shots / "06-guide-township.png"), full_page=True)
    await page.click("#go-step")
    await page.wait_for_url(f"{base}/console/bodies/{south_id}/roster?guide=2")
    await import_roster(page, DEPUTIES, tmp_path)
    await expect(page.locator("#roster-body tr")).to_have_count(len(DEPUTIES))
    await page.screenshot(path=str(shots / "07-roster.png"), full_page=True)
    await page.click("[data-next-step]")
    await page.wait_for_url(f"{base}/console/setup?step=3")

    # Step 3: a department and its liaison's login.
    await page.click("#go-step")
    await page.wait_for_url(f"{base}/console/bodies/{south_id}/departments?guide=3")
    await page.fill("#add-department input[name=name]", "南镇村镇建设办公室")
    async with page.expect_navigation():
        await page.click("#add-department button[type=submit]")
    department = page.locator("#departments tr[data-department-name='南镇村镇建设办公室']")
    await department.locator("summary").click()
    await department.locator("input[name=username]").fill("nanjianban")
    await department.locator("input[name=display_name]").fill("建办联络员")
    await department.locator("button[type=submit]").click()
    liaison = await shown_password(page)
    await close_dialog(page)
    await expect(page.locator("[data-liaison=nanjianban]")).to_be_visible()
    await page.screenshot(path=str(shots / "08-departments.png"), full_page=True)

    # Step 4: the session (its program chosen later, once the program exists).
    await page.goto(f"{base}/console/setup?step=4")
    await page.click("#go-step")
    await page.wait_for_url(f"{base}/console/bodies/{south_id}/sessions?guide=4")
    await page.fill("#create-session input[name=title]", "南镇第十八届人民代表大会第三次会议")
    await page.fill("#create-session input[name=number]", "3")
    await page.fill("#create-session input[name=held_on]", "2027-02-20")
    await page.fill("#create-session input[name=venue]", "镇政府三楼会议室")
    await page.screenshot(path=str(shots / "09-sessions.png"), full_page=True)
    await page.click("#create-session button[type=submit]")
    await page.wait_for_url(re.compile(r"/console/sessions/\d+/settings$"))
    session_id = int(page.url.split("/")[-2])

    # Step 5: the yearly program, built on the existing pages to a fixed list of two for one seat.
    await page.goto(f"{base}/console/setup?step=5")
    await page.click("#go-step")
    await page.wait_for_url(f"{base}/console/programs?guide=5")
    await page.select_option("form[data-api='POST /api/programs'] select[name=body_id]", label=SOUTH)
    await page.fill("form[data-api='POST /api/programs'] input[name=title]", "2027年南镇民生实事项目票决")
    async with page.expect_navigation():
        await page.click("form[data-api='POST /api/programs'] button[type=submit]")
    await page.click("#programs a:has-text('2027年南镇民生实事项目票决')")
    await page.wait_for_url(re.compile(r"/console/programs/\d+$"))
    program_id = int(page.url.rsplit("/", 1)[1])
    projects = ("南街路灯安装", "镇卫生院夜间门诊")
    for title in projects:
        await page.fill("#channel-form input[name=submitted_by]", "王代表")
        await page.fill("#channel-form input[name=title]", title)
        await page.fill("#channel-form textarea[name=description]", f"{title}，群众反映强烈。")
        async with page.expect_navigation():
            await page.click("#channel-form button[type=submit]")
    for title in projects:
        await page.goto(f"{base}/console/programs/{program_id}/triage")
        await page.locator("#suggestions tr", has_text=title).locator("input[name=suggestion_ids]").check()
        await page.fill("#merge-new input[name='new_candidate.name']", title + "工程")
        await page.fill("#merge-new input[name='new_candidate.summary']", title)
        async with page.expect_navigation():
            await page.click("#merge-new button[type=submit]")
    await page.goto(f"{base}/console/programs/{program_id}/vetting")
    for title in projects:
        card = page.locator(".cand-card", has_text=title + "工程")
        await card.locator(".ask-form input[name=due_on]").fill("2027-01-20")
        async with page.expect_navigation():
            await card.locator(".ask-form button[type=submit]").click()

    # The department's liaison answers both on their own page.
    desk = (await open_screen(1280, 900)).page
    await desk.goto(f"{base}/login")
    await desk.fill("input[name=username]", liaison[0])
    await desk.fill("input[name=password]", liaison[1])
    await desk.click("button[type=submit]")
    await desk.wait_for_url(f"{base}/liaison")
    for title in projects:
        form = desk.locator(".cand-card", has_text=title + "工程").locator(".opinion-form")
        await form.locator("textarea[name=necessity]").fill("群众反映集中。")
        await form.locator("textarea[name=feasibility]").fill("可在年内完成。")
        await form.locator("textarea[name=affordability]").fill("镇级财政可承受。")
        await form.locator("input[name=cost_wan]").fill("30")
        await form.locator("input[name=funding]").fill("镇级财政")
        await form.locator("input[name=responsible_unit]").fill("南镇村镇建设办公室")
        await form.locator("input[name=completion_date]").fill("2027-10-31")
        async with desk.expect_navigation():
            await form.locator("button[type=submit]").click()
        await expect(desk.locator(".cand-card", has_text=title + "工程")).to_contain_text("已答复")

    # Deliberation: order, one seat, fix the list.
    await page.goto(f"{base}/console/programs/{program_id}/deliberation")
    order = page.locator("#order-form input[data-order]")
    await expect(order).to_have_count(2)
    for n in range(2):
        await order.nth(n).fill(str(n + 1))
    await page.click("#order-form button[type=submit]")
    await expect(page.locator("#listed-count")).to_have_text("2")
    await page.fill("#method-form input[name=seats]", "1")
    await page.click("#method-form button[type=submit]")
    await expect(page.locator("#method-form input[name=seats]")).to_have_value("1")
    await page.click("#fix-form button[type=submit]")
    await page.click("dialog [data-confirm]")
    await expect(page.locator("#list-state")).to_contain_text("已确定")

    # Back to step 4 (revisited): the session now votes on this program.
    await page.goto(f"{base}/console/sessions/{session_id}/settings")
    await page.select_option("#edit-session select[name=program_id]", label="2027年南镇民生实事项目票决")
    async with page.expect_navigation():
        await page.click("#edit-session button[type=submit]")
    await expect(page.locator("#to-deliberation")).to_be_visible()
    await page.goto(f"{base}/console/setup")
    await expect(page.locator("#setup-steps li[data-done=true]")).to_have_count(5)
    await page.screenshot(path=str(shots / "10-guide-done.png"), full_page=True)

    # Tablets need seat cards: the clerk's login prints them (codes read through the API here).
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        token = (
            await http.post("/api/auth/login", json={"username": logins["clerk"][0], "password": logins["clerk"][1]})
        ).json()
        clerk = {"Authorization": "Bearer " + token["token"]}
        cards = (await http.get(f"/api/sessions/{session_id}/seat-cards", headers=clerk)).json()
    assert len(cards) == len(DEPUTIES)
    await log_out(page)

    # The presiding officer makes the vote from the fixed list, from the session's page.
    await log_in(page, base, *logins["presiding"], path=f"/console/sessions/{session_id}/settings")
    await page.screenshot(path=str(shots / "11-session-settings.png"), full_page=True)
    await page.click("#to-deliberation")
    await page.wait_for_url(f"{base}/console/programs/{program_id}/deliberation")
    await page.select_option("#vote-form select[name=session_id]", str(session_id))
    await page.click("#vote-form button[type=submit]")
    await page.wait_for_url(f"{base}/console/sessions/{session_id}")
    votes = page.locator("#vote-list")
    draft = votes.locator(".vote[data-state=draft]")
    await expect(draft).to_contain_text("2027年民生实事项目票决")
    # The key ceremony before the vote opens: three key cards, any two of which will open the count.
    draft_id = int(await draft.get_attribute("data-vote-id") or 0)
    await page.goto(f"{base}/count/votes/{draft_id}/keys")
    await page.click("button[data-action=make-cards]")
    await expect(page.locator(".key-card")).to_have_count(3)
    key_cards = await page.locator("[data-card-text]").all_inner_texts()
    await page.goto(f"{base}/console/sessions/{session_id}")

    # Four of five deputies on tablets (quorum 4): one in the browser, three through the API.
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        tablets = [await tablet_login(http, card["code"]) for card in cards[1:4]]
        tablet = (await open_screen(1280, 800, has_touch=True)).page
        await tablet.goto(f"{base}/tablet?code={cards[0]['code']}")
        await expect(votes.locator(".vote[data-state=draft]")).to_be_visible()
        await draft.locator("button[data-action=open]").click()
        await page.locator("dialog[open] [data-confirm]").click()
        opened = votes.locator(".vote[data-state=open]")
        await expect(opened).to_be_visible()
        vote_id = int(await opened.get_attribute("data-vote-id") or 0)
        await expect(tablet.locator("#tablet-main")).to_have_attribute("data-screen", "marking")
        await tablet.locator(".cand.choose").nth(0).click()
        await tablet.click("button[data-action=review]")
        await tablet.click("button[data-action=submit]")
        await expect(tablet.locator("[data-receipt]")).to_be_visible()
        vote = (await http.get(f"/api/votes/{vote_id}", headers=tablets[0])).json()
        first = str(vote["candidates"][0]["id"])
        for headers in tablets:
            await post_ok(
                http, f"/api/votes/{vote_id}/ballots", headers, await sealed_ballot(http, vote_id, {first: "for"})
            )
    await expect(opened.locator('[data-turnout="cast"]')).to_have_text("4")
    await opened.locator("button[data-action=close]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    # Two scrutineers' key cards open the sealed count.
    waiting = votes.locator(".vote[data-state=awaiting_keys]")
    await waiting.locator("a[data-key-cards]").click()
    inputs = page.locator("#count-form input[name=card]")
    await inputs.nth(0).fill(key_cards[0])
    await inputs.nth(1).fill(key_cards[2])
    await page.click("button[data-action=open-count]")
    await expect(page.locator("[data-ballots-cast]")).to_have_attribute("data-ballots-cast", "4")
    await page.goto(f"{base}/console/sessions/{session_id}")
    closed = votes.locator(".vote[data-state=closed]")
    await closed.locator("button[data-action=announce]").click()
    await page.locator("dialog[open] [data-confirm]").click()
    announced = votes.locator(".vote[data-state=announced]")
    await expect(announced.locator(".chosen-list li")).to_have_text([projects[0] + "工程"])
    await page.screenshot(path=str(shots / "12-announced.png"), full_page=True)

    # Scoped: the township's presiding officer may not look at the other township's sessions.
    north = await page.goto(f"{base}/console/bodies/{north_id}/sessions")
    assert north is not None and north.status == 403
    assert screen.errors == []
