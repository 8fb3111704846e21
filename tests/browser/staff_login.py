"""Staff log in on the login page, as a clerk or the presiding officer does, and land where they were going."""

from __future__ import annotations

from playwright.async_api import Page


async def log_in_to_console(page: Page, live_server: str, login: tuple[str, str], session_id: int) -> None:
    """Open the console, get sent to the login page, log in, land back on the console."""
    console = f"{live_server}/console/sessions/{session_id}"
    await page.goto(console)
    assert "/login?next=" in page.url
    await page.fill("input[name=username]", login[0])
    await page.fill("input[name=password]", login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(console)


async def log_in_to(page: Page, base: str, login: tuple[str, str], target: str) -> None:
    """The staff login form, then on to target."""
    await page.goto(f"{base}/login?next={target}")
    await page.fill("input[name=username]", login[0])
    await page.fill("input[name=password]", login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(lambda url: "/login" not in url)
