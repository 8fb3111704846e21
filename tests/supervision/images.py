"""Real image files for upload tests: a tiny PNG made by hand, and a phone-sized JPEG with EXIF (Pillow)."""

from __future__ import annotations

import io
import os
import struct
import zlib

from PIL import Image


def png(width: int = 48, height: int = 32, rgb: tuple[int, int, int] = (40, 140, 80)) -> bytes:
    """A valid PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112


def phone_jpeg(width: int = 4000, height: int = 3000) -> bytes:
    """A phone camera's photo: several MB of detail, taken sideways (EXIF orientation 6), with GPS and device tags."""
    # Noise does not compress: a 4000×3000 picture of it is as large as a real phone photo.
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    exif = Image.Exif()
    exif[MAKE], exif[MODEL], exif[ORIENTATION] = "TestPhone", "Model X 12", 6
    exif[GPS_IFD] = {1: "N", 2: (30.0, 15.0, 7.5), 3: "E", 4: (120.0, 9.0, 1.2)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif)
    return out.getvalue()
