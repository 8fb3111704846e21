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
