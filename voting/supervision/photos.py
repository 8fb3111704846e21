"""Report photos: decoded and re-encoded with Pillow (which proves they are images and drops their EXIF
location and device data), scaled down, stored with a thumbnail under random names.

Phones take 5–15 MB photos; the liaison's browser scales them down before upload, and whatever
arrives is re-encoded here, so what is stored and served is always a fresh, metadata-free JPEG.
"""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path

import msgspec
from PIL import Image, ImageOps, UnidentifiedImageError

from voting.errors import BadRequest

# What may arrive: a phone's original, in case the browser could not scale it down.
MAX_BYTES = 25 * 1024 * 1024
MAX_PHOTOS = 4
# A 200-megapixel camera is the largest a phone has; beyond that it is a decompression bomb.
MAX_PIXELS = 200_000_000
STORED_SIDE = 2560  # long side of the stored photo: sharp on any screen, ~0.5–1 MB
THUMB_SIDE = 480  # long side of the thumbnail the dashboard and report lists show
MEDIA_TYPE = "image/jpeg"


class Encoded(msgspec.Struct, frozen=True):
    """A photo as stored: the re-encoded picture and its thumbnail (both JPEG, no metadata)."""

    picture: bytes
    thumbnail: bytes


def _jpeg(image: Image.Image, side: int, quality: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # No exif= and no icc_profile=: nothing of the original's metadata is written.
    copy.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def reencode_photo(content: bytes, filename: str) -> Encoded:
    """The photo decoded, turned upright, flattened to RGB and re-encoded; a 400 naming the file if it is not one."""
    if len(content) > MAX_BYTES:
        raise BadRequest(
            "photo_too_large",
            f"照片“{filename}”超过{MAX_BYTES // 1024 // 1024}MB，请换一张或截图后上传",
            f"Photo “{filename}” is larger than {MAX_BYTES // 1024 // 1024} MB",
            field="photos",
            limit_bytes=MAX_BYTES,
        )
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(content), formats=("JPEG", "PNG", "WEBP")) as opened:
            opened.load()
            upright = ImageOps.exif_transpose(opened)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise BadRequest(
            "photo_not_image",
            f"文件“{filename}”不是可以打开的JPEG、PNG或WebP照片，请换一张",
            f"File “{filename}” is not a JPEG, PNG or WebP photo that can be opened",
            field="photos",
        ) from error
    if upright.mode != "RGB":
        # Transparent parts become white, as on paper.
        background = Image.new("RGB", upright.size, "white")
        rgba = upright.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        upright = background
    return Encoded(picture=_jpeg(upright, STORED_SIDE, 85), thumbnail=_jpeg(upright, THUMB_SIDE, 80))


def photo_dir(data_dir: Path) -> Path:
    """Where photos are kept (created owner-only on first use)."""
    path = data_dir / "photos"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def _write_new(target: Path, content: bytes) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def store_photo(data_dir: Path, photo: Encoded) -> str:
    """Write the picture and its thumbnail under a fresh random name; the name is the photo's id."""
    photo_id = str(uuid.uuid4())
    _write_new(photo_dir(data_dir) / photo_id, photo.picture)
    _write_new(thumbnail_path(data_dir, photo_id), photo.thumbnail)
    return photo_id


def photo_path(data_dir: Path, photo_id: str) -> Path:
    """The file of a photo id (a uuid: no path can be smuggled in)."""
    return photo_dir(data_dir) / str(uuid.UUID(photo_id))


def thumbnail_path(data_dir: Path, photo_id: str) -> Path:
    """The thumbnail of a photo id."""
    return photo_dir(data_dir) / f"{uuid.UUID(photo_id)}.thumb.jpg"


def discard_photos(data_dir: Path, photo_ids: list[str]) -> None:
    """Remove files whose rows were never committed."""
    for photo_id in photo_ids:
        photo_path(data_dir, photo_id).unlink(missing_ok=True)
        thumbnail_path(data_dir, photo_id).unlink(missing_ok=True)
