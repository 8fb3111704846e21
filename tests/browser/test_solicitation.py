"""A villager scans the poster, suggests on a phone, and follows the suggestion to the fixed list.

Set PIAOJUE_SHOTS=/some/dir to keep screenshots of every page on the way.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import post_ok
from tests.browser.screens import OpenScreen
from tests.factories import make_congress, make_liaison
from tests.solicit.steps import OPINION
from voting.page_kit.qr import qr_svg
from voting.settings import Settings

pytestmark = pytest.mark.browser


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go."""
    where = Path(os.environ.get("PIAOJUE_SHOTS") or tmp_path)
    where.mkdir(parents=True, exist_ok=True)
    return where


async def log_in(page: Page, live_server: str, login: tuple[str, str], path: str) -> None:
    """Open a staff page, get sent to the login page, log in, land back there."""
    await page.goto(live_server + path)
    assert "/login?next=" in page.url
    await page.fill("input[name=username]", login[0])
    await page.fill("input[name=password]", login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(live_server + path)


async def test_a_villager_follows_a_suggestion_from_the_poster_to_the_fixed_list(
    open_screen: OpenScreen,
    api: httpx.AsyncClient,
    live_server: str,
    pool: asyncpg.Pool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    shots = shots_dir(tmp_path)
    congress = await make_congress(pool, settings, deputies=6, candidates=2)
    pid = congress.program_id
    roads = await make_liaison(pool, settings, congress.body_id, "交通运输局")
    await api.put(
        f"/api/programs/{pid}/schedule",
        json={
            "dates": [
                {"phase": "solicit", "starts_on": "2026-11-01"},
                {"phase": "shortlist", "starts_on": "2027-01-15"},
                {"phase": "deliberate", "starts_on": "2027-02-01"},
                {"phase": "vote", "starts_on": "2027-02-20"},
            ]
        },
        headers=congress.clerk,
    )
    # Others have suggested already; the two existing candidates are vetted.
    for title, place in (("西村小学门口增设红绿灯", "西村"), ("集镇农贸市场改造", "集镇")):
        await post_ok(
            api,
            f"/api/programs/{pid}/suggestions",
            {},
            {"title": title, "description": "群众反映强烈。", "category": "交通出行", "place": place},
        )
    for candidate_id in congress.candidate_ids:
        asked = await post_ok(
            api,
            f"/api/candidates/{candidate_id}/feasibility-requests",
            congress.clerk,
            {"department_id": roads.department_id, "due_on": "2027-01-20"},
        )
        await post_ok(api, f"/api/liaison/requests/{asked['id']}/opinion", roads.headers, OPINION)

    # The poster, printed at a liaison station: its QR code is the phone form's address.
    desk = (await open_screen(1280, 1000)).page
    await desk.goto(f"{live_server}/programs/{pid}/poster")
    qr = desk.locator("#poster-qr")
    url = await qr.get_attribute("data-url")
    assert url == f"{live_server}/programs/{pid}/suggest"
    drawn = await qr.locator("svg path").get_attribute("d")
    assert drawn and drawn in qr_svg(url)  # the code drawn encodes exactly that address
    await desk.screenshot(path=str(shots / "poster.png"), full_page=True)

    # A villager scans it with a phone.
    phone_screen = await open_screen(390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    phone = phone_screen.page
    await phone.goto(url)
    await phone.fill("input[name=title]", "东村村口安装路灯")
    await phone.fill("textarea[name=description]", "东村村口到小学的道路晚上没有路灯，学生和老人出行不安全。")
    await phone.select_option("select[name=category]", "交通出行")
    await phone.fill("input[name=place]", "东村")
    await phone.fill("input[name=phone]", "138 1234 5678")
    await phone.click("button[type=submit]")
    await phone.wait_for_url(re.compile(r"/track/[2-9A-Z]{8}\?new=1$"))
    code = phone.url.split("/track/")[1][:8]
    await expect(phone.locator("#stage")).to_contain_text("已收到")
    await expect(phone.locator(".track-qr svg")).to_be_visible()
    assert "13812345678" not in await phone.content()
    await phone.screenshot(path=str(shots / "tracking-received.png"), full_page=True)
    width = await phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the tracking page must fit a phone"

    # The form on a phone, with a bad phone number: refused in both languages, nothing lost.
    await phone.goto(url)
    await phone.fill("input[name=title]", "测试")
    await phone.fill("textarea[name=description]", "测试内容")
    await phone.select_option("select[name=category]", "其他")
    await phone.fill("input[name=phone]", "12345")
    await phone.click("button[type=submit]")
    await expect(phone.locator(".form-error")).to_contain_text("联系电话格式不正确")
    await expect(phone.locator(".form-error")).to_contain_text("phone number is malformed")
    assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
    await phone.screenshot(path=str(shots / "phone-form.png"), full_page=True)

    # The clerk triages: finds it by a Chinese word and merges it into a new draft candidate.
    await log_in(desk, live_server, congress.clerk_login, f"/console/programs/{pid}")
    await expect(desk.locator(".timeline li.current")).to_contain_text("征集")
    await desk.screenshot(path=str(shots / "program-console.png"), full_page=True)
    await desk.goto(f"{live_server}/console/programs/{pid}/triage")
    await desk.fill("#search", "路灯")
    await desk.click("#filters button[type=submit]")
    rows = desk.locator("#suggestions tbody tr[data-suggestion-id]")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("13812345678")  # staff see the contact
    await desk.goto(f"{live_server}/console/programs/{pid}/triage")
    row = desk.locator("#suggestions tr", has_text="东村村口安装路灯")
    await row.locator("input[name=suggestion_ids]").check()
    await desk.fill("#merge-new input[name='new_candidate.name']", "东村道路路灯安装工程")
    await desk.select_option("#merge-new select[name='new_candidate.category']", "交通出行")
    await desk.fill("#merge-new input[name='new_candidate.summary']", "东村主干道安装路灯120盏")
    await desk.click("#merge-new button[type=submit]")
    await expect(desk.locator("#suggestions tr", has_text="东村村口安装路灯")).to_contain_text("东村道路路灯安装工程")
    await desk.screenshot(path=str(shots / "triage.png"), full_page=True)

    # Vetting: the clerk asks the roads department.
    await desk.goto(f"{live_server}/console/programs/{pid}/vetting")
    card = desk.locator(".cand-card", has_text="东村道路路灯安装工程")
    await card.locator(".ask-form input[name=due_on]").fill("2027-01-20")
    await card.locator(".ask-form button[type=submit]").click()
    await expect(desk.locator(".cand-card", has_text="东村道路路灯安装工程")).to_contain_text("待答复")
    await (
        desk.locator(".cand-card", has_text="东村道路路灯安装工程")
        .locator(".note-form input[name=group_name]")
        .fill("第一调研组")
    )
    await (
        desk.locator(".cand-card", has_text="东村道路路灯安装工程")
        .locator(".note-form input[name=visited_on]")
        .fill("2027-01-10")
    )
    await (
        desk.locator(".cand-card", has_text="东村道路路灯安装工程")
        .locator(".note-form input[name=note]")
        .fill("实地查看，夜间无照明。")
    )
    await desk.locator(".cand-card", has_text="东村道路路灯安装工程").locator(".note-form button[type=submit]").click()
    await expect(desk.locator(".cand-card", has_text="东村道路路灯安装工程")).to_contain_text("第一调研组")
    await desk.screenshot(path=str(shots / "vetting.png"), full_page=True)

    # The department's liaison answers on their own page.
    liaison = (await open_screen(1280, 1000)).page
    await liaison.goto(f"{live_server}/login")
    await liaison.fill("input[name=username]", roads.login[0])
    await liaison.fill("input[name=password]", roads.login[1])
    await liaison.click("button[type=submit]")
    await liaison.wait_for_url(f"{live_server}/liaison")
    request = liaison.locator(".cand-card", has_text="东村道路路灯安装工程")
    await expect(request).to_contain_text("待答复")
    await liaison.screenshot(path=str(shots / "liaison.png"), full_page=True)
    form = request.locator(".opinion-form")
    await form.locator("textarea[name=necessity]").fill("群众反映集中，夜间出行安全隐患大。")
    await form.locator("textarea[name=feasibility]").fill("技术成熟，可在年内完成。")
    await form.locator("textarea[name=affordability]").fill("县级财政可承受。")
    await form.locator("input[name=cost_wan]").fill("86")
    await form.locator("input[name=funding]").fill("县级财政")
    await form.locator("input[name=responsible_unit]").fill("县交通运输局")
    await form.locator("input[name=completion_date]").fill("2027-10-31")
    await form.locator("button[type=submit]").click()
    await expect(liaison.locator(".cand-card", has_text="东村道路路灯安装工程")).to_contain_text("已答复")

    # Deliberation: order three candidates, adopt the method (2 seats, ×1.2), fix the list.
    await desk.goto(f"{live_server}/console/programs/{pid}/deliberation")
    order = desk.locator("#order-form input[data-order]")
    await expect(order).to_have_count(3)
    for n in range(3):
        await order.nth(n).fill(str(3 - n))
    await desk.click("#order-form button[type=submit]")
    await expect(desk.locator("#listed-count")).to_have_text("3")
    await desk.fill("#method-form input[name=seats]", "2")
    await desk.click("#method-form button[type=submit]")
    await expect(desk.locator("#method-form input[name=seats]")).to_have_value("2")
    await desk.click("#fix-form button[type=submit]")
    await desk.click("dialog [data-confirm]")
    await expect(desk.locator("#list-state")).to_contain_text("已确定")
    await desk.screenshot(path=str(shots / "deliberation.png"), full_page=True)
    await desk.click("#vote-form button[type=submit]")
    await desk.wait_for_url(f"{live_server}/console/sessions/{congress.session_id}")

    # Back on the phone: the suggestion is on the fixed list and put to the vote.
    await phone.goto(f"{live_server}/track/{code}")
    await expect(phone.locator("#stage")).to_contain_text("已提交票决")
    await expect(phone.locator("#candidate-name")).to_have_text("东村道路路灯安装工程")
    await phone.screenshot(path=str(shots / "tracking-put-to-vote.png"), full_page=True)

    public = (await open_screen(1280, 1000)).page
    await public.goto(f"{live_server}/programs/{pid}")
    await expect(public.locator("#public-list")).to_contain_text("东村道路路灯安装工程")
    await public.screenshot(path=str(shots / "program.png"), full_page=True)
    # The villager opens the same list on the phone: one card a project, nothing to scroll sideways.
    await phone.goto(f"{live_server}/programs/{pid}")
    await expect(phone.locator("#public-list")).to_contain_text("东村道路路灯安装工程")
    assert await phone.evaluate("document.documentElement.scrollWidth <= innerWidth")
    name_width = await phone.locator("#public-list td.what").first.evaluate("(cell) => cell.clientWidth")
    assert name_width > 250  # the name reads across the card, not two characters a line
    await phone.screenshot(path=str(shots / "program-phone.png"), full_page=True)
    await public.goto(f"{live_server}/programs/{pid}/booklet")
    await expect(public.locator(".booklet-item")).to_have_count(3)
    await public.screenshot(path=str(shots / "booklet.png"), full_page=True)
    await public.goto(f"{live_server}/programs/{pid}/funnel")
    # Two earlier ones and the villager's; the malformed one was never stored.
    await expect(public.locator('[data-total="suggestions"]')).to_have_text("3")
    await public.screenshot(path=str(shots / "funnel.png"), full_page=True)
    for screen_page in (phone, liaison, public):  # only the clerk's triage page shows the contact
        assert "13812345678" not in await screen_page.content()


async def test_a_phone_that_loses_the_answer_resends_and_files_one_suggestion(
    open_screen: OpenScreen,
    api: httpx.AsyncClient,
    live_server: str,
    pool: asyncpg.Pool,
    settings: Settings,
    tmp_path: Path,
) -> None:
    shots = shots_dir(tmp_path)
    congress = await make_congress(pool, settings, deputies=6, candidates=1)
    pid = congress.program_id
    roads = await make_liaison(pool, settings, congress.body_id, "交通运输局")

    # Bad signal: the first submission reaches the server, but its answer never reaches the phone.
    phone = (await open_screen(390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)).page
    lost: list[str] = []

    async def lose_first_answer(route):  # type: ignore[no-untyped-def]
        if route.request.method == "POST" and not lost:
            await route.fetch()  # the server stores it and answers…
            lost.append(route.request.post_data or "")
            await route.abort("connectionreset")  # …into a dead connection
        else:
            await route.continue_()

    await phone.route(f"**/api/programs/{pid}/suggestions", lose_first_answer)
    await phone.goto(f"{live_server}/programs/{pid}/suggest")
    await phone.fill("input[name=title]", "县城第二座体育馆")
    await phone.fill("textarea[name=description]", "县城现有体育馆不能满足群众健身需要，建议在城东新建一座。")
    await phone.select_option("select[name=category]", "文化体育")
    await phone.fill("input[name=phone]", "１３８１２３４５６７８")  # typed with a full-width keyboard
    await phone.click("button[type=submit]")
    await expect(phone.locator(".form-error")).to_contain_text("网络连接中断")
    await phone.screenshot(path=str(shots / "phone-answer-lost.png"), full_page=True)
    await phone.click("button[type=submit]")  # the villager taps again
    await phone.wait_for_url(re.compile(r"/track/[2-9A-Z]{8}\?new=1$"))
    code = phone.url.split("/track/")[1][:8]
    async with pool.acquire() as conn:
        stored = await conn.fetch("SELECT id, code, contact_phone FROM suggestion WHERE program_id = $1", pid)
    assert [(r["code"], r["contact_phone"]) for r in stored] == [(code, "13812345678")]
    suggestion_id = stored[0]["id"]

    # The clerk looks for duplicates: the other gym ranks first, not the car park that shares 县城.
    for title, text in (
        ("县城地下停车场", "县城中心停车难，建议在县城广场下建设地下停车场。"),
        ("城东建体育馆", "城东片区没有体育场馆。"),
    ):
        await post_ok(
            api, f"/api/programs/{pid}/suggestions", {}, {"title": title, "description": text, "category": "文化体育"}
        )
    desk = (await open_screen(1280, 900)).page
    await log_in(desk, live_server, congress.clerk_login, f"/console/programs/{pid}/triage")
    await desk.click(f"[data-similar='{suggestion_id}']")
    await expect(desk.locator("dialog .similar-list li").first).to_contain_text("城东建体育馆")
    await desk.screenshot(path=str(shots / "triage-similar.png"))
    await desk.keyboard.press("Escape")

    # Merged into a candidate that is then excluded: the phone is told, with the reason.
    merged = await post_ok(
        api,
        f"/api/programs/{pid}/suggestions/triage",
        congress.clerk,
        {
            "suggestion_ids": [suggestion_id],
            "action": "merge",
            "new_candidate": {"name": "城东体育馆", "category": "文化体育", "summary": "新建体育馆"},
        },
    )
    cid = merged["candidate_id"]
    asked = await post_ok(
        api,
        f"/api/candidates/{cid}/feasibility-requests",
        congress.clerk,
        {"department_id": roads.department_id, "due_on": "2027-01-20"},
    )
    await post_ok(api, f"/api/liaison/requests/{asked['id']}/opinion", roads.headers, OPINION)

    # The department revises its opinion on its page; the earlier one is kept.
    liaison = (await open_screen(1280, 1000)).page
    await liaison.goto(f"{live_server}/login")
    await liaison.fill("input[name=username]", roads.login[0])
    await liaison.fill("input[name=password]", roads.login[1])
    await liaison.click("button[type=submit]")
    await liaison.wait_for_url(f"{live_server}/liaison")
    card = liaison.locator(".cand-card", has_text="城东体育馆")
    await card.locator("details.revise summary").click()
    await card.locator(".opinion-form input[name=cost_wan]").fill("5200")
    await card.locator(".opinion-form textarea[name=risks]").fill("需新增债务，超出县级财力")
    await card.locator(".opinion-form input[name=recommended]").uncheck()
    await card.locator(".opinion-form button[type=submit]").click()
    await expect(liaison.locator(".cand-card", has_text="城东体育馆")).to_contain_text("已修改 1 次")
    await expect(liaison.locator(".cand-card", has_text="城东体育馆")).to_contain_text("5200")
    await liaison.screenshot(path=str(shots / "liaison-revised.png"), full_page=True)

    await post_ok(
        api, f"/api/candidates/{cid}/exclusion", congress.clerk, {"rule": "debt_burden", "reason": "需新增政府债务"}
    )
    await phone.goto(f"{live_server}/track/{code}")
    await expect(phone.locator("#stage")).to_contain_text("所归并的候选项目未予采纳")
    await expect(phone.locator("#reason")).to_have_text("需新增政府债务")
    assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
    await phone.screenshot(path=str(shots / "tracking-excluded.png"), full_page=True)
    for screen_page in (phone, liaison):
        assert "13812345678" not in await screen_page.content()
