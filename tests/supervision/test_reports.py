"""Progress reports: a liaison files, a clerk publishes or returns; bad input is refused with nothing stored."""

from __future__ import annotations

import io

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from PIL import Image

from tests.steps import assert_refused, fetch_count
from tests.supervision.images import phone_jpeg, png
from tests.supervision.reports import file_report, started_a_year_ago
from tests.supervision.world import announced_world
from voting.settings import Settings


async def rows(pool: asyncpg.Pool, item_id: int) -> tuple[int, int]:
    """(reports, photos) stored for an item."""
    return (
        await fetch_count(pool, "SELECT count(*) FROM progress_report WHERE item_id = $1", item_id),
        await fetch_count(
            pool,
            "SELECT count(*) FROM report_photo p JOIN progress_report r ON r.id = p.report_id WHERE r.item_id = $1",
            item_id,
        ),
    )


def photo_files(settings: Settings) -> set[str]:
    """The photo files on disk."""
    folder = settings.data_dir / "photos"
    return {p.name for p in folder.glob("*")} if folder.exists() else set()


async def test_overdue_reports_are_flagged_and_answered_oldest_first(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    await started_a_year_ago(pool, world.item_a)
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert len(item["overdue"]) == 4
    report = (await file_report(client, world, world.item_a)).json()
    assert report["period_due"] == item["overdue"][0]
    assert len((await client.get(f"/api/items/{world.item_a}")).json()["overdue"]) == 3


async def test_report_is_published_after_review(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    milestone = await client.post(
        f"/api/items/{world.item_a}/milestones",
        headers=world.housing.headers,
        json={"title": "开工", "due_on": "2027-03-01"},
    )
    assert milestone.status_code == 201, milestone.text
    filed = await file_report(client, world, world.item_a, milestone_ids=str(milestone.json()["id"]))
    assert filed.status_code == 201, filed.text
    report = filed.json()
    assert report["state"] == "submitted" and report["milestones"] == ["开工"] and len(report["photos"]) == 1
    # Not public yet: neither the report nor its photo.
    assert (await client.get(f"/api/items/{world.item_a}/reports")).json() == []
    assert (await client.get(f"/api/photos/{report['photos'][0]}")).status_code == 404
    pending = (await client.get("/api/reports/pending", headers=world.congress.clerk)).json()
    assert report["id"] in [r["id"] for r in pending]
    reviewed = await client.post(
        f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": True}
    )
    assert reviewed.status_code == 200, reviewed.text
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert item["percent"] == 40 and item["spent_wan"] == "30.50"
    assert item["milestones"][0]["reached_on"]
    photo = await client.get(f"/api/photos/{report['photos'][0]}")
    # Re-encoded on upload: the same picture, now a JPEG.
    assert photo.status_code == 200 and photo.content.startswith(b"\xff\xd8\xff")
    with Image.open(io.BytesIO(photo.content)) as stored:
        assert stored.size == (48, 32) and stored.getpixel((10, 10)) == pytest.approx((40, 140, 80), abs=4)
    assert photo.headers["content-type"] == "image/jpeg"
    assert photo.headers["x-content-type-options"] == "nosniff"
    again = await client.post(
        f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": True}
    )
    assert_refused(again, 409, "report_reviewed")


async def test_returned_report_can_be_filed_again(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    report = (await file_report(client, world, world.item_a)).json()
    assert_refused(await file_report(client, world, world.item_a), 409, "report_exists")
    no_note = await client.post(
        f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": False}
    )
    assert_refused(no_note, 400, "return_needs_note")
    returned = await client.post(
        f"/api/reports/{report['id']}/review",
        headers=world.congress.clerk,
        json={"publish": False, "note": "缺少照片说明"},
    )
    assert returned.json()["state"] == "returned"
    assert (await file_report(client, world, world.item_a)).status_code == 201


async def test_report_for_another_departments_item_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    body = assert_refused(await file_report(client, world, world.item_b), 403, "not_your_department")
    assert "本部门" in body["message_zh"]
    assert await rows(pool, world.item_b) == (0, 0)
    mine = (await client.get("/api/liaison/items", headers=world.housing.headers)).json()
    assert [i["id"] for i in mine] == [world.item_a]
    assert_refused(await file_report(client, world, world.item_a, headers=world.congress.clerk), 403)


async def test_upload_too_large_or_not_an_image_is_refused(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    before = photo_files(settings)
    big = png() + b"\0" * (25 * 1024 * 1024)
    assert_refused(
        await file_report(client, world, world.item_a, [("photos", ("big.png", big, "image/png"))]),
        400,
        "photo_too_large",
    )
    fake = [("photos", ("a.jpg", b"<html><script>alert(1)</script>", "image/jpeg"))]
    assert_refused(await file_report(client, world, world.item_a, fake), 400, "photo_not_image")
    mixed = [("photos", ("ok.png", png(), "image/png")), ("photos", ("x.png", b"GIF89a....", "image/png"))]
    assert_refused(await file_report(client, world, world.item_a, mixed), 400, "photo_not_image")
    assert await rows(pool, world.item_a) == (0, 0)
    assert photo_files(settings) == before


async def test_percent_going_down_needs_a_reason(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    await started_a_year_ago(pool, world.item_a)
    first = (await file_report(client, world, world.item_a, percent="60")).json()
    await client.post(f"/api/reports/{first['id']}/review", headers=world.congress.clerk, json={"publish": True})
    body = assert_refused(await file_report(client, world, world.item_a, percent="50"), 400, "decrease_needs_reason")
    assert "60%" in body["message_zh"]
    assert await rows(pool, world.item_a) == (1, 1)
    ok = await file_report(client, world, world.item_a, percent="50", decrease_reason="返工：验收发现管线问题")
    assert ok.status_code == 201, ok.text


async def test_bad_fields_are_refused(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> None:
    world = await announced_world(client, pool, settings)
    assert_refused(await file_report(client, world, world.item_a, percent="120"), 400)
    assert_refused(await file_report(client, world, world.item_a, spent_wan="-1"), 400)
    assert_refused(await file_report(client, world, world.item_a, narrative=""), 400)
    assert_refused(await file_report(client, world, world.item_a, milestone_ids="999999"), 400, "unknown_milestone")
    assert await rows(pool, world.item_a) == (0, 0)


async def test_hundred_percent_published_completes_the_item(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    report = (await file_report(client, world, world.item_a, percent="100")).json()
    await client.post(f"/api/reports/{report['id']}/review", headers=world.congress.clerk, json={"publish": True})
    item = (await client.get(f"/api/items/{world.item_a}")).json()
    assert item["status"] == "completed" and item["completed_on"]
    assert_refused(await file_report(client, world, world.item_a), 409, "item_not_in_progress")


async def test_a_big_phone_photo_is_taken_upright_scaled_and_stripped_of_its_exif(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    world = await announced_world(client, pool, settings)
    original = phone_jpeg()
    assert len(original) > 5 * 1024 * 1024  # larger than the old limit, as phones take them
    response = await file_report(client, world, world.item_a, [("photos", ("IMG_0001.JPG", original, "image/jpeg"))])
    assert response.status_code in (200, 201), response.text
    photo_id = response.json()["photos"][0]
    stored = (await client.get(f"/api/photos/{photo_id}", headers=world.congress.clerk)).content
    thumb = (await client.get(f"/api/photos/{photo_id}/thumb", headers=world.congress.clerk)).content
    assert len(stored) < len(original) // 2 and len(thumb) < 200_000
    for data, side in ((stored, 2560), (thumb, 480)):
        with Image.open(io.BytesIO(data)) as image:
            # Taken sideways (orientation 6): stored upright, portrait, long side scaled down.
            assert image.format == "JPEG" and image.height == side and image.width == side * 3 // 4
            exif = image.getexif()
            assert not exif and not exif.get_ifd(0x8825) and "exif" not in image.info
    assert b"TestPhone" not in stored and b"Model X 12" not in stored
    # Not public before the report is published, the thumbnail no more than the photo.
    assert (await client.get(f"/api/photos/{photo_id}/thumb")).status_code == 404


async def test_a_report_without_a_photo_is_filed_as_a_browser_sends_it(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    """A browser sends an empty file input as a part with filename="": the report is filed, with no photo."""
    world = await announced_world(client, pool, settings)
    boundary = "----piaojueFormBoundary"
    parts = [
        ("percent", None, b"40"),
        ("spent_wan", None, b"30"),
        ("narrative", None, "主体工程完成四成".encode()),
        ("photos", "", b""),
    ]
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + ("" if filename is None else f'; filename="{filename}"')
        head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
        if filename is not None:
            head += "Content-Type: application/octet-stream\r\n"
        body += head.encode() + b"\r\n" + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    filed = await client.post(
        f"/api/items/{world.item_a}/reports",
        headers={**world.housing.headers, "content-type": f"multipart/form-data; boundary={boundary}"},
        content=body,
    )
    assert filed.status_code == 201, filed.text
    assert filed.json()["photos"] == []
    assert await rows(pool, world.item_a) == (1, 0)
