"""Small steps on the set-up pages, as an administrator or a clerk takes them (tests/browser/test_first_setup.py)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
from playwright.async_api import Page, expect


def shots_dir(tmp_path: Path) -> Path:
    """Where screenshots go."""
    where = Path(os.environ.get("PIAOJUE_SHOTS") or tmp_path)
    where.mkdir(parents=True, exist_ok=True)
    return where


async def log_in(page: Page, base: str, username: str, password: str, path: str = "/console/setup") -> None:
    """The login page, then on to path."""
    await page.goto(f"{base}/login?next={path}")
    await page.fill("input[name=username]", username)
    await page.fill("input[name=password]", password)
    await page.click("button[type=submit]")
    await page.wait_for_url(re.compile(re.escape(base) + r"/console"))


async def log_out(page: Page) -> None:
    """The header's log-out button."""
    await page.click("[data-logout]")
    await page.wait_for_url("**/login")


async def shown_password(page: Page) -> tuple[str, str]:
    """The username and password of the dialog that shows a new password once; closes it (the page reloads)."""
    dialog = page.locator("dialog[open]")
    await expect(dialog).to_contain_text("只显示这一次")
    username = await dialog.locator("[data-new-username]").inner_text()
    password = await dialog.locator("[data-new-password]").inner_text()
    return username, password


async def close_dialog(page: Page) -> None:
    """Close the password dialog; the page reloads with the new login listed."""
    async with page.expect_navigation():
        await page.locator("dialog[open] .dialog-actions button").click()


async def import_roster(page: Page, names: list[str], folder: Path) -> None:
    """Import deputies from an Excel roster on the roster page: choose the file, read the preview, confirm."""
    roster = folder / "代表名册.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "代表团", "座位", "电话"])
    for n, name in enumerate(names):
        sheet.append([name, "南镇代表团", str(n + 1), f"1380000000{n}"])
    book.save(roster)
    await page.set_input_files("#import-form input[type=file]", str(roster))
    await page.click("#import-form button[type=submit]")
    await expect(page.locator("#import-preview .preview-summary")).to_contain_text(f"将新增 {len(names)} 位代表")
    await page.click("#import-confirm")
    await expect(page.locator("#import-ok")).to_contain_text(f"新增 {len(names)} 位")
