"""QR codes as inline SVG (no image library): seat cards open the tablet page with their code."""

from __future__ import annotations

import re
from functools import lru_cache

import qrcode
import qrcode.image.svg

# The library sizes the SVG in millimetres; the page's CSS decides the size instead.
_SIZE_ATTRIBUTES = re.compile(r'\s(?:width|height)="[^"]*"')
# Many codes share one printed page: a fixed element id would repeat.
_PATH_ID = re.compile(r'\sid="[^"]*"')


@lru_cache(maxsize=4096)
def qr_svg(text: str) -> str:
    """An <svg> element encoding text, sized by CSS (codes are stable, so renders are cached)."""
    image = qrcode.make(
        text,
        image_factory=qrcode.image.svg.SvgPathImage,
        border=2,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
    )
    svg: str = image.to_string(encoding="unicode")
    head, rest = svg.split(">", 1)
    head = _SIZE_ATTRIBUTES.sub("", head)
    rest = _PATH_ID.sub("", rest)
    return f'{head} class="qr" shape-rendering="crispEdges" role="img" aria-label="QR">{rest}'
