"""Report photos: checked by size and by their first bytes (not by name or claimed type), stored under random names."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from voting.errors import BadRequest

MAX_BYTES = 5 * 1024 * 1024
MAX_PHOTOS = 4


def image_type(head: bytes) -> str | None:
    """The image type the magic bytes say, if JPEG, PNG or WebP."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def check_photo(content: bytes, filename: str) -> str:
    """The photo's media type, or a 400 naming the file."""
    if len(content) > MAX_BYTES:
        raise BadRequest(
            "photo_too_large",
            f"照片“{filename}”超过5MB",
            f"Photo “{filename}” is larger than 5 MB",
            limit_bytes=MAX_BYTES,
        )
    kind = image_type(content[:16]) if content else None
    if kind is None:
        raise BadRequest(
            "photo_not_image",
            f"文件“{filename}”不是JPEG、PNG或WebP图片",
            f"File “{filename}” is not a JPEG, PNG or WebP image",
        )
    return kind


def photo_dir(data_dir: Path) -> Path:
    """Where photos are kept (created owner-only on first use)."""
    path = data_dir / "photos"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def store_photo(data_dir: Path, content: bytes) -> str:
    """Write the bytes under a fresh random name; the name is the photo's id."""
    photo_id = str(uuid.uuid4())
    target = photo_dir(data_dir) / photo_id
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    return photo_id


def photo_path(data_dir: Path, photo_id: str) -> Path:
    """The file of a photo id (a uuid: no path can be smuggled in)."""
    return photo_dir(data_dir) / str(uuid.UUID(photo_id))


def discard_photos(data_dir: Path, photo_ids: list[str]) -> None:
    """Remove files whose rows were never committed."""
    for photo_id in photo_ids:
        photo_path(data_dir, photo_id).unlink(missing_ok=True)
