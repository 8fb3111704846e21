"""A township clerk imports the roster from an .xlsx file on the roster page: preview, confirm, there they are."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from playwright.async_api import expect

from tests.browser.screens import OpenScreen
from tests.factories import make_congress

pytestmark = pytest.mark.browser


def roster_workbook(path: str) -> None:
    """The kind of file a clerk keeps: a title row, then the header, 序号 and all."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["城关镇第十八届人民代表大会代表名单"])
    sheet.append(["序号", "姓名", "代表团", "座位号", "联系电话"])
    sheet.append([1, "代表000", "第1组", "000", 13800000000])  # already on the roster: a new phone
    sheet.append([2, "陈秀英", "东街代表团", 101, 13800000101])
    sheet.append([3, "刘建国", "东街代表团", 102, None])
    sheet.append([4, "周桂兰", "西村代表团", 201, 13900000201])
    book.save(path)


async def test_clerk_imports_a_roster_from_xlsx(open_screen: OpenScreen, live_server, pool, settings, tmp_path) -> None:
    congress = await make_congress(pool, settings, deputies=3, candidates=2)
    path = str(tmp_path / "代表名单.xlsx")
    roster_workbook(path)
    screen = await open_screen(1366, 900)
    page = screen.page
    url = f"{live_server}/console/bodies/{congress.body_id}/roster"
    await page.goto(url)
    await page.fill("input[name=username]", congress.clerk_login[0])
    await page.fill("input[name=password]", congress.clerk_login[1])
    await page.click("button[type=submit]")
    await page.wait_for_url(url)
    await expect(page.locator("#roster-body tr")).to_have_count(3)

    # A file with mistakes first: every bad row is named by its line, nothing is imported.
    bad = str(tmp_path / "有错的名单.xlsx")
    book = openpyxl.Workbook()
    for row in (["姓名", "代表团", "电话"], ["", "东街代表团", "13800000001"], ["赵六", "东街代表团", "电话待补"]):
        book.active.append(row)
    book.save(bad)
    await page.set_input_files("#import-form input[type=file]", bad)
    await page.click("#import-form button[type=submit]")
    errors = page.locator("#import-error")
    await expect(errors).to_contain_text("名单文件有错误，未导入任何代表")
    await expect(errors.locator(".row-errors tbody tr")).to_have_count(2)
    await expect(errors.locator(".row-errors")).to_contain_text("电话格式不正确")
    await page.screenshot(path="/tmp/roster-import-bad-rows.png", full_page=True)
    await expect(page.locator("#roster-body tr")).to_have_count(3)

    await page.set_input_files("#import-form input[type=file]", path)
    await page.click("#import-form button[type=submit]")
    await expect(errors).to_be_hidden()
    preview = page.locator("#import-preview")
    await expect(preview).to_be_visible()
    await expect(preview.locator(".preview-summary")).to_contain_text("将新增 3 位代表，修改 1 位")
    await expect(preview.locator(".preview-added tbody tr")).to_have_count(3)
    await expect(preview.locator(".preview-changed")).to_contain_text("13800000000")
    await page.screenshot(path="/tmp/roster-import-preview.png", full_page=True)
    await expect(page.locator("#roster-body tr")).to_have_count(3)  # nothing written yet

    await page.click("#import-confirm")
    await expect(page.locator("#import-ok")).to_contain_text("新增 3 位，修改 1 位")
    await expect(page.locator("#roster-body tr")).to_have_count(6)
    await expect(page.locator("#roster-body")).to_contain_text("陈秀英")
    await expect(page.locator("#roster-body")).to_contain_text("周桂兰")
    await page.screenshot(path="/tmp/roster-import-done.png", full_page=True)

    # The 导出Excel button downloads the roster the clerk just imported.
    async with page.expect_download() as download_info:
        await page.click("a[href$='/deputies.xlsx']")
    download = await download_info.value
    assert download.suggested_filename.endswith("代表名单.xlsx")
    exported = openpyxl.load_workbook(io.BytesIO(Path(await download.path()).read_bytes()))
    names = {row[1] for row in exported.active.iter_rows(values_only=True)}
    assert {"陈秀英", "刘建国", "周桂兰", "代表000"} <= names

    # The same file again: nothing to import.
    await page.set_input_files("#import-form input[type=file]", path)
    await page.click("#import-form button[type=submit]")
    await expect(preview).to_contain_text("无需导入")
    await expect(page.locator("#import-confirm")).to_have_count(0)

    # 刘建国 was entered by mistake: deleted.
    row = page.locator("#roster-body tr", has_text="刘建国")
    await row.locator("button[data-action=delete]").click()
    await page.click("dialog.confirm [data-confirm]")
    await expect(page.locator("#roster-body tr")).to_have_count(5)

    # 代表001 has checked in: deleting is refused, with the way to end a term named.
    async with pool.acquire() as conn:
        await conn.execute(
            "INSERT INTO attendance (session_id, deputy_id, status, via) VALUES ($1, $2, 'present', 'clerk')",
            congress.session_id,
            congress.deputy_ids[1],
        )
    row = page.locator("#roster-body tr", has_text="代表001")
    await row.locator("button[data-action=delete]").click()
    await page.click("dialog.confirm [data-confirm]")
    await expect(page.locator("#roster-error")).to_contain_text("终止代表资格")
    await page.screenshot(path="/tmp/roster-delete-refused.png")
    await expect(page.locator("#roster-body tr")).to_have_count(5)
    assert screen.errors == []
