"""WCAG 2.x contrast of every visible piece of text on a page, computed in the browser from the used colours."""

from __future__ import annotations

from typing import Any

from playwright.async_api import Page

# For each text node: its colour (with the opacity of its ancestors) over the background it sits on (the
# background colours of its ancestors, composed up to the first opaque one), as WCAG's relative luminance ratio.
# AA: 4.5 for normal text, 3 for large text (24 px, or 18.66 px bold). Disabled controls are exempt.
PROBE = """
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const blend = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let bg = parse(getComputedStyle(document.documentElement).backgroundColor);
    bg = bg && bg.a > 0 ? { ...bg, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
    for (const layer of layers.reverse()) bg = blend(layer, bg);
    return bg;
  };
  const found = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest("[disabled], [aria-disabled=true], script, style, svg, .sr-only")) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    if (opacity === 0) continue;
    const bg = backdrop(el);
    const fg = parse(style.color);
    const shown = blend({ ...fg, a: fg.a * opacity }, bg);
    const [hi, lo] = [luminance(shown), luminance(bg)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    // The size as shown: the larger-text mode zooms the page (currentCSSZoom), which the computed size ignores.
    const size = parseFloat(style.fontSize) * (el.currentCSSZoom || 1);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    found.push({
      text: node.textContent.trim().slice(0, 24),
      ratio: Math.round(ratio * 100) / 100,
      needed: large ? 3 : 4.5,
      color: style.color,
      background: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`,
      where: el.tagName.toLowerCase() + (typeof el.className === "string" && el.className
        ? "." + el.className.trim().split(/\\s+/).join(".") : ""),
      size,
    });
  }
  return found;
}
"""


async def text_contrast(page: Page) -> list[dict[str, Any]]:
    """Every visible text on the page with its contrast ratio and the ratio WCAG AA needs."""
    return list(await page.evaluate(PROBE))


async def too_faint(page: Page) -> list[dict[str, Any]]:
    """The texts below WCAG AA (empty when the page passes)."""
    return [t for t in await text_contrast(page) if t["ratio"] < t["needed"]]
