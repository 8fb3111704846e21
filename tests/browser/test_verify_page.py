"""The tablet's receipt screen says where to check; the verification page works on a phone, in Chinese first."""

from __future__ import annotations

import os
import re
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.browser.api_steps import close_and_count, create_vote, post_ok, sealed_ballot, tablet_login
from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("PIAOJUE_SHOTS", "/tmp/piaojue-shots"))


async def shoot(page: Page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


async def test_a_receipt_shown_on_the_tablet_is_found_on_the_phone_verification_page(
    open_screen: OpenScreen, api: httpx.AsyncClient, live_server, pool, settings
):
    congress = await make_congress(pool, settings, deputies=5, candidates=3)
    mine, *others = congress.deputy_ids
    a, b, _ = congress.candidate_ids
    others_headers = [await tablet_login(api, congress.codes[deputy]) for deputy in others]
    vote_id = await create_vote(api, congress.presiding, congress.session_id, congress.candidate_ids, seats=1)
    tablet = await open_screen(1280, 800, has_touch=True)
    await tablet.page.goto(f"{live_server}/tablet?code={congress.codes[mine]}")
    await expect(tablet.page.locator("#tablet-who")).to_be_visible()
    await post_ok(api, f"/api/votes/{vote_id}/open", congress.presiding)
    page = tablet.page
    await page.locator(".cand.choose").nth(0).click()
    await page.click("button[data-action=review]")
    await page.click("button[data-action=submit]")
    receipt = (await page.locator("[data-receipt]").inner_text()).strip()

    # The receipt screen says where to check, with a QR code that opens that page.
    hint = page.locator("[data-verify-hint]")
    await expect(hint).to_contain_text(f"/public/votes/{vote_id}/verify")
    await expect(hint).to_contain_text("扫描二维码")
    qr = hint.locator("img")
    await expect(qr).to_be_visible()
    assert await qr.evaluate("img => img.complete && img.naturalWidth > 0")
    svg = await api.get(f"/public/votes/{vote_id}/verify/qr.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    await shoot(page, "tablet_receipt_verify_hint", full_page=False)

    for headers in others_headers[:3]:
        ballot = await sealed_ballot(api, vote_id, {str(b): "for"})
        await post_ok(api, f"/api/votes/{vote_id}/ballots", headers, ballot)
    await close_and_count(api, congress.presiding, vote_id)
    await post_ok(api, f"/api/votes/{vote_id}/announce", congress.presiding)

    phone = await open_screen(390, 844, is_mobile=True, has_touch=True)
    verify = phone.page
    await verify.goto(f"{live_server}/public/votes/{vote_id}/verify")
    await expect(verify.locator("#verify-status")).to_have_attribute("data-status", "ok")
    # The receipt check comes first, above the verdict and the checks.
    form_box = await verify.locator("#receipt-form").bounding_box()
    status_box = await verify.locator("#verify-status").bounding_box()
    assert form_box and status_box and form_box["y"] < status_box["y"] and form_box["y"] < 844
    # Each check in plain Chinese; the technical detail is folded away.
    recount = verify.locator('[data-check="recount"]')
    await expect(recount.locator("summary")).to_contain_text("重新计票，结果与宣布的完全一致")
    await expect(recount.locator(".detail-text")).to_be_hidden()
    await expect(verify.locator(".verify-checks details[open]")).to_have_count(0)
    # Every check the verifier runs is named in words, never by its code name.
    summaries = await verify.locator(".verify-checks li").evaluate_all(
        "(items) => items.map((li) => [li.dataset.check, li.querySelector('summary').innerText])"
    )
    assert len(summaries) >= 13
    unworded = [name for name, summary in summaries if not re.match(r"[✓✗]?\s*[\u4e00-\u9fff]", summary.strip())]
    assert unworded == []
    assert "canonical JSON" not in await verify.locator("main").inner_text()
    # Nothing is wider than the phone, and no key or command wraps one letter a line.
    assert await verify.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    narrow = await verify.evaluate(
        """() => [...document.querySelectorAll('main code, main pre, main input')]
               .filter((e) => e.offsetParent && e.getBoundingClientRect().width < 40).length"""
    )
    assert narrow == 0
    await shoot(verify, "verify_phone")

    # The deputy types the receipt as people do: lower case, 1 for I, 0 for O, 8 for B.
    typed = receipt.lower().replace("i", "1").replace("o", "0").replace("b", "8")
    await verify.fill("#receipt-input", typed)
    await verify.click("#receipt-form button[type=submit]")
    await expect(verify.locator("#receipt-answer [data-counted]")).to_have_attribute("data-counted", "true")
    await recount.locator("summary").click()
    await expect(recount.locator(".detail-text")).to_be_visible()
    await shoot(verify, "verify_phone_receipt_counted")
    assert not phone.errors and not tablet.errors
    assert a
