"""What sealing costs on a tablet: seal.js timed in Chromium, at full speed and with the CPU slowed down.

A 10-inch hall tablet is several times slower than this machine; Chromium's
DevTools protocol slows the page's CPU (Emulation.setCPUThrottlingRate) to
estimate it. Needs Playwright and a Chromium (the test extra); without them the
drill reports nothing here rather than failing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import shutil
from collections.abc import Callable, Coroutine
from typing import Any

import msgspec

from voting.drill.setup import DrillCongress

log = logging.getLogger(__name__)

RATES = (1, 4, 6)
ROUNDS = 60

_MEASURE = """
async ([key, marks, rounds]) => {
  PJ.seal.seal(key, marks);  // warm up the JIT
  const started = performance.now();
  for (let i = 0; i < rounds; i++) PJ.seal.seal(key, marks);
  return (performance.now() - started) / rounds;
}
"""


def tablet_seal_cost(base_url: str, congress: DrillCongress) -> dict[str, float]:
    """Milliseconds to seal one drill ballot in the tablet page's seal.js, by CPU slow-down ("x1", "x4", "x6")."""
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        return {}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return {}
    key = msgspec.to_builtins(congress.key)
    marks = {str(c): "for" for c in congress.candidate_ids[:10]}

    async def measure() -> dict[str, float]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=chromium)
            page = await browser.new_page()
            await page.goto(f"{base_url}/tablet")
            await page.wait_for_function("() => typeof PJ !== 'undefined' && PJ.seal !== undefined")
            session = await page.context.new_cdp_session(page)
            found = {}
            for rate in RATES:
                await session.send("Emulation.setCPUThrottlingRate", {"rate": rate})
                found[f"x{rate}"] = round(await page.evaluate(_MEASURE, [key, marks, ROUNDS]), 2)
            await browser.close()
            return found

    try:
        return _run_in_thread(measure)
    except Exception as error:  # a measurement aid: never let it sink the drill's own figures
        log.warning("tablet sealing cost not measured: %s", error)
        return {}


def _run_in_thread(work: Callable[[], Coroutine[Any, Any, dict[str, float]]]) -> dict[str, float]:
    """Run the coroutine function on a fresh event loop in a thread (the drill's own loop is running)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(work())).result()
