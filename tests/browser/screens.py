"""The screens a browser test opens (a context with one page, and the page's script errors), and their screenshots."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NamedTuple

from playwright.async_api import BrowserContext, Page

# Set PIAOJUE_SHOTS=/some/dir to keep screenshots of the pages the tests that call shoot() drive.
SHOTS = os.environ.get("PIAOJUE_SHOTS")


class Screen(NamedTuple):
    """A browser context with one page, and the script errors that page raised."""

    context: BrowserContext
    page: Page
    errors: list[str]


OpenScreen = Callable[..., Awaitable[Screen]]


async def shoot(page: Page, name: str, full_page: bool = False) -> None:
    """A screenshot into PIAOJUE_SHOTS, when it is set."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=full_page)


async def overflow_x(page: Page) -> int:
    """How many CSS pixels the page is wider than the screen it was opened on (0: nothing to swipe sideways).

    Against the screen's width, not window.innerWidth: a phone zooms out to show a page wider than itself,
    and its window then grows to the page's width.
    """
    screen = page.viewport_size
    assert screen is not None
    return int(await page.evaluate("document.documentElement.scrollWidth")) - screen["width"]


# Text cells in `selector` whose lines hold fewer than `least` characters on average: a word broken
# into a column of one or two characters a line, as a squashed table column shows it. The lines are
# those of the cell's own text (a Range's line boxes), not of its labels drawn by CSS.
SQUASHED = """([selector, least]) => [...document.querySelectorAll(selector)].filter((e) => {
  const text = e.innerText.trim();
  if (!text || e.offsetParent === null) return false;
  const range = document.createRange();
  range.selectNodeContents(e);
  // Boxes of one line overlap vertically (a <small> sits lower than its neighbours, on the same line).
  const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top);
  let lines = 0;
  let bottom = -Infinity;
  for (const box of boxes) {
    if (box.top >= bottom - 2) lines += 1;
    bottom = Math.max(bottom, box.bottom);
  }
  lines = Math.max(1, lines);
  return lines > 1 && text.replace(/\\s+/g, "").length / lines < least;
}).map((e) => e.innerText.trim().slice(0, 30))"""


async def squashed_cells(page: Page, selector: str, least: float = 5) -> list[str]:
    """The cells whose text wraps with fewer than `least` characters a line (words broken one or two a line)."""
    return list(await page.evaluate(SQUASHED, [selector, least]))
