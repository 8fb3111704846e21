"""Roster import from .xlsx or CSV: preview, confirm; the same file twice changes nothing; bad files refused."""

from __future__ import annotations

import io
import zipfile

import asyncpg
import msoffcrypto.format.ooxml
import openpyxl
from litestar.testing import AsyncTestClient

from tests.factories import make_congress
from tests.roster.import_steps import confirm, files, import_file, preview, roster, workbook
from tests.steps import assert_refused, audit_events, fetch_count
from voting.settings import Settings


async def test_xlsx_under_a_title_row_previews_then_imports_and_twice_changes_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=2)
    raw = workbook(
        ["序号", "姓名", "代表团", "座位号", "手机号码"],
        [1, "张三", "城关代表团", 101, 13800000001],
        [2, "李四", "城关代表团", "102", None],
        [],
        [3, "王五", "新桥代表团", 103, "+86 138-0000-0003"],
        title="某某镇第十八届人民代表大会代表名单",
    )
    before = await roster(pool, congress.body_id)
    shown = await preview(client, congress.body_id, congress.clerk, raw)
    assert shown.status_code == 200, shown.text
    plan = shown.json()
    assert [(a["line"], a["name"], a["seat"], a["phone"]) for a in plan["added"]] == [
        (3, "张三", "101", "13800000001"),
        (4, "李四", "102", ""),
        (6, "王五", "103", "+86 138-0000-0003"),
    ]
    assert plan["changed"] == [] and plan["unchanged"] == 0 and plan["not_in_file"] == 2
    assert await roster(pool, congress.body_id) == before  # a preview writes nothing

    assert await import_file(client, congress.body_id, congress.clerk, raw) == {
        "added": 3,
        "changed": 0,
        "unchanged": 0,
    }
    after = await roster(pool, congress.body_id)
    assert len(after) == 5
    assert await import_file(client, congress.body_id, congress.clerk, raw) == {
        "added": 0,
        "changed": 0,
        "unchanged": 3,
    }
    assert await roster(pool, congress.body_id) == after
    actions = [e["action"] for e in await audit_events(pool, "body", congress.body_id)]
    assert actions.count("roster.imported") == 2  # make_congress's own, and the first import; not the second


async def test_rows_match_on_number_then_name_and_delegation_and_changes_are_previewed(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=0)
    first = workbook(
        ["代表编号", "姓名", "代表团", "座位", "电话"], ["A01", "张三", "一组", "1", ""], ["", "李四", "二组", "2", ""]
    )
    await import_file(client, congress.body_id, congress.clerk, first)
    # 张三 renamed (matched by number), 李四 gets a number and a phone (matched by name + delegation).
    second = workbook(
        ["代表编号", "姓名", "代表团", "座位", "电话"],
        ["A01", "张叁", "一组", "1", ""],
        ["B02", "李四", "二组", "2", "13900000002"],
    )
    plan = (await preview(client, congress.body_id, congress.clerk, second)).json()
    assert plan["key"] == "number" and plan["added"] == []
    assert {c["name"]: {f["field"]: (f["before"], f["after"]) for f in c["changes"]} for c in plan["changed"]} == {
        "张三": {"name": ("张三", "张叁")},
        "李四": {"number": ("", "B02"), "phone": ("", "13900000002")},
    }
    done = await confirm(client, congress.body_id, congress.clerk, second, plan["digest"])
    assert done.json() == {"added": 0, "changed": 2, "unchanged": 0}
    after = await roster(pool, congress.body_id)
    assert [(r[1], r[5], r[4]) for r in after] == [("张叁", "A01", ""), ("李四", "B02", "13900000002")]
    # A number stays unique in the body, whichever way it is typed in.
    taken = await client.patch(f"/api/deputies/{after[1][0]}", headers=congress.clerk, json={"number": "A01"})
    assert_refused(taken, 409, "deputy_number_taken")


async def test_confirm_refuses_when_the_roster_or_the_file_changed_since_the_preview(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    raw = workbook(["姓名", "代表团"], ["新人甲", "一组"])
    digest = (await preview(client, congress.body_id, congress.clerk, raw)).json()["digest"]
    added = await client.post(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk, json={"name": "插队"})
    assert added.status_code == 201
    before = await roster(pool, congress.body_id)
    assert_refused(await confirm(client, congress.body_id, congress.clerk, raw, digest), 409, "roster_changed")
    digest = (await preview(client, congress.body_id, congress.clerk, raw)).json()["digest"]
    other = workbook(["姓名", "代表团"], ["新人乙", "一组"])
    assert_refused(await confirm(client, congress.body_id, congress.clerk, other, digest), 409, "roster_changed")
    missing = await client.post(
        f"/api/bodies/{congress.body_id}/deputies/import", headers=congress.clerk, files=files(raw)
    )
    assert_refused(missing, 400, "preview_missing")
    assert await roster(pool, congress.body_id) == before


async def test_rows_that_cannot_be_told_apart_are_named_and_nothing_is_imported(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=0)
    await import_file(
        client,
        congress.body_id,
        congress.clerk,
        workbook(["代表编号", "姓名", "代表团"], ["1", "王伟", "一组"], ["2", "王伟", "一组"]),
    )
    raw = workbook(
        ["姓名", "代表团", "代表编号"],
        ["王伟", "一组", ""],  # two 王伟 in 一组 already: which one?
        ["赵六", "二组", "9"],
        ["钱七", "二组", "9"],  # the same number twice
        ["孙八", "三组", ""],  # twice, no number: both rows, since either could be either
        ["孙八", "三组", ""],
    )
    before = await roster(pool, congress.body_id)
    body = assert_refused(await preview(client, congress.body_id, congress.clerk, raw), 400, "roster_rows_invalid")
    assert [r["line"] for r in body["detail"]["rows"]] == [2, 4, 5, 6]
    assert all(r["message_zh"] and r["message_en"] for r in body["detail"]["rows"])
    assert await roster(pool, congress.body_id) == before


async def test_bad_files_are_refused_in_both_languages_and_change_nothing(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    plain = io.BytesIO(workbook(["姓名"], ["张三"]))
    locked = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("密码123", locked)
    empty_book = workbook()
    header_only = workbook(["姓名", "代表团"])
    bad_rows = workbook(["姓名", "电话"], ["张三", "123"], ["", "456"], ["李四", "电话号码"], ["王五", ""])
    word_like = io.BytesIO()
    with zipfile.ZipFile(word_like, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")
        archive.writestr("[Content_Types].xml", "not xml at all")
    cases = [
        ("damaged workbook", broken.getvalue(), "名单.xlsx", 400, "file_not_spreadsheet"),
        ("encrypted", locked.getvalue(), "名单.xlsx", 400, "workbook_encrypted"),
        ("empty workbook", empty_book, "名单.xlsx", 400, "file_empty"),
        ("header only", header_only, "名单.xlsx", 400, "roster_rows_invalid"),
        ("empty file", b"", "名单.csv", 400, "file_empty"),
        ("bad rows", bad_rows, "名单.xlsx", 400, "roster_rows_invalid"),
        ("too large", b"x" * (2 * 1024 * 1024 + 10), "名单.xlsx", 413, "file_too_large"),
        ("picture", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "名单.png", 400, "file_not_spreadsheet"),
        ("word file", word_like.getvalue(), "名单.docx", 400, "file_not_spreadsheet"),
        ("old xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "名单.xls", 400, "workbook_old_format"),
    ]
    before = await roster(pool, congress.body_id)
    for label, raw, name, status, code in cases:
        for response in (
            await preview(client, congress.body_id, congress.clerk, raw, name),
            await confirm(client, congress.body_id, congress.clerk, raw, "0" * 64, name),
        ):
            try:
                assert_refused(response, status, code)
            except AssertionError as error:
                raise AssertionError(f"{label}: {error}") from error
    body = assert_refused(await preview(client, congress.body_id, congress.clerk, bad_rows), 400, "roster_rows_invalid")
    assert [r["line"] for r in body["detail"]["rows"]] == [3, 4]
    url = f"/api/bodies/{congress.body_id}/deputies/import/preview"
    no_file = await client.post(url, headers=congress.clerk, files={"note": (None, "x")})  # multipart, no file
    assert_refused(no_file, 400, "file_missing")
    assert_refused(await client.post(url, headers=congress.clerk, data={"note": "x"}), 415)  # not even multipart
    assert await roster(pool, congress.body_id) == before


async def test_the_first_worksheet_with_content_is_read(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=0)
    book = openpyxl.Workbook()
    book.create_sheet("代表名单").append(["姓名"])
    book["代表名单"].append(["吴九"])
    out = io.BytesIO()
    book.save(out)
    shown = await preview(client, congress.body_id, congress.clerk, out.getvalue())
    assert shown.status_code == 200, shown.text
    assert [a["name"] for a in shown.json()["added"]] == ["吴九"]


async def test_gbk_csv_imports_and_an_exported_roster_imports_again_unchanged(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=0)
    csv_text = "姓名,代表团,座位,电话\n欧阳娜娜,城关镇代表团,012,13900000000\n=HYPERLINK(1),二组,+1,+86 1\n"
    shown = await preview(client, congress.body_id, congress.clerk, csv_text.encode("gbk"), "名单.csv")
    assert shown.status_code == 200, shown.text
    done = await confirm(
        client, congress.body_id, congress.clerk, csv_text.encode("gbk"), shown.json()["digest"], "名单.csv"
    )
    assert done.json()["added"] == 2
    ended = (await client.get(f"/api/bodies/{congress.body_id}/deputies", headers=congress.clerk)).json()[0]
    await client.patch(f"/api/deputies/{ended['id']}", headers=congress.clerk, json={"active": False})
    before = await roster(pool, congress.body_id)
    exported = await client.get(f"/api/bodies/{congress.body_id}/deputies.xlsx", headers=congress.clerk)
    assert exported.status_code == 200
    cells = [
        c
        for row in openpyxl.load_workbook(io.BytesIO(exported.content)).active.iter_rows(values_only=True)
        for c in row
    ]
    assert "'=HYPERLINK(1)" in cells and "'+86 1" in cells  # formulas stay text in Excel
    assert await import_file(client, congress.body_id, congress.clerk, exported.content) == {
        "added": 0,
        "changed": 0,
        "unchanged": 2,
    }
    assert await roster(pool, congress.body_id) == before  # the ended term stays ended


async def test_a_deputy_entered_by_mistake_is_deleted_one_who_voted_is_not(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    congress = await make_congress(pool, settings, deputies=4)
    mistake, voted, attended = congress.deputy_ids[:3]
    async with pool.acquire() as conn:
        vote_id = await conn.fetchval(
            "INSERT INTO vote (session_id, title, rules) VALUES ($1, '测试', '{\"seats\": 1}') RETURNING id",
            congress.session_id,
        )
        await conn.execute(
            "INSERT INTO ballot_issued (vote_id, deputy_id, channel) VALUES ($1, $2, 'paper')", vote_id, voted
        )
    marked = await client.post(
        f"/api/sessions/{congress.session_id}/attendance/{attended}", headers=congress.clerk, json={"status": "leave"}
    )
    assert marked.status_code in (200, 201), marked.text
    before = await roster(pool, congress.body_id)
    assert_refused(await client.delete(f"/api/deputies/{voted}", headers=congress.clerk), 409, "deputy_has_voted")
    assert_refused(await client.delete(f"/api/deputies/{attended}", headers=congress.clerk), 409, "deputy_has_attended")
    assert_refused(await client.delete(f"/api/deputies/{mistake}", headers=congress.presiding), 403)
    assert await roster(pool, congress.body_id) == before

    gone = await client.delete(f"/api/deputies/{mistake}", headers=congress.clerk)
    assert gone.status_code == 204, gone.text
    assert await fetch_count(pool, "SELECT count(*) FROM deputy WHERE id = $1", mistake) == 0
    assert await fetch_count(pool, "SELECT count(*) FROM login_code WHERE deputy_id = $1", mistake) == 0
    [event] = await audit_events(pool, "deputy", mistake)
    assert event["action"] == "roster.deleted" and event["role"] == "clerk"
    summary = (await client.get(f"/api/sessions/{congress.session_id}/attendance/summary")).json()
    assert summary["total"] == 3  # no longer counted in 应到
    assert_refused(await client.delete(f"/api/deputies/{mistake}", headers=congress.clerk), 404)
