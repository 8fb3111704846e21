"""The overview's inline SVG charts (no scripts, nothing from the internet); every name is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from voting.dashboard.charts import OUTCOME_COLOURS
from voting.overview.models import BodyYear, Totals
from voting.programs.phases import PHASE_NAMES, PHASES

NO_PROGRAM = ("未建立计划", "No program")
BLUE, GREY, RED, LIGHT = "#1a5fb4", "#c9c5bd", "#c62828", "#eeeae4"


def svg(width: int, height: int, body: str, label: str) -> Markup:
    """One chart, labelled for screen readers."""
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}"'
        f' xmlns="http://www.w3.org/2000/svg" font-size="16">{body}</svg>'
    )


def short(name: str, most: int = 8) -> str:
    """A body's name cut to fit the label column."""
    return name if len(name) <= most else name[: most - 1] + "…"


def by_phase(totals: Totals) -> Markup:
    """How many bodies are in each phase of their program (and how many have none this year)."""
    lines = [(PHASE_NAMES[p][0], totals.phases.get(p, 0)) for p in PHASES]
    if totals.phases.get("none"):
        lines.append((NO_PROGRAM[0], totals.phases["none"]))
    most = max((n for _, n in lines), default=1) or 1
    parts = []
    for k, (name, n) in enumerate(lines):
        y = 6 + k * 28
        width = 220 * n / most
        parts.append(
            f'<text x="0" y="{y + 15}">{escape(name)}</text>'
            f'<rect x="92" y="{y}" width="{width:.0f}" height="20" rx="3" fill="{BLUE if n else LIGHT}"/>'
            f'<text x="{98 + width:.0f}" y="{y + 15}">{n} 个</text>'
        )
    return svg(380, 12 + 28 * len(lines), "".join(parts), "各阶段人大数 bodies by phase")


def progress(rows: Sequence[BodyYear]) -> Markup | None:
    """Each body's average progress of its chosen projects, with how many are completed."""
    shown = [r for r in rows if r.chosen]
    if not shown:
        return None
    parts = []
    for k, r in enumerate(shown):
        y = 4 + k * 50
        width = 3.6 * (r.average_percent or 0)
        parts.append(
            f'<text x="0" y="{y + 16}">{escape(short(r.body_name, 9))}：平均 {r.average_percent or 0}%'
            f" · 完成 {r.completed}/{r.chosen} 个</text>"
            f'<rect x="0" y="{y + 24}" width="360" height="18" rx="3" fill="{LIGHT}"/>'
            f'<rect x="0" y="{y + 24}" width="{width:.0f}" height="18" rx="3" fill="#1b7d3a"/>'
        )
    return svg(380, 8 + 50 * len(shown), "".join(parts), "实施进度 implementation progress")


def satisfaction(rows: Sequence[BodyYear]) -> Markup | None:
    """Each body's rated projects by their latest rating: 满意, 基本满意, 不满意."""
    shown = [r for r in rows if r.satisfied + r.basic + r.unsatisfied]
    if not shown:
        return None
    most = max(r.satisfied + r.basic + r.unsatisfied for r in shown)
    unit = 360 / most
    parts = []
    for k, r in enumerate(shown):
        y = 4 + k * 50
        x = 0.0
        parts.append(
            f'<text x="0" y="{y + 16}">{escape(short(r.body_name, 8))}：满意{r.satisfied}'
            f" 基本满意{r.basic} 不满意{r.unsatisfied}</text>"
        )
        for outcome, n in (("satisfied", r.satisfied), ("basic", r.basic), ("unsatisfied", r.unsatisfied)):
            if n:
                parts.append(
                    f'<rect x="{x:.0f}" y="{y + 24}" width="{unit * n:.0f}" height="18"'
                    f' fill="{OUTCOME_COLOURS[outcome]}"/>'
                )
                x += unit * n
    legend_y = 12 + 50 * len(shown)
    legend = "".join(
        f'<rect x="{k * 120}" y="{legend_y}" width="16" height="16" fill="{OUTCOME_COLOURS[o]}"/>'
        f'<text x="{k * 120 + 22}" y="{legend_y + 14}">{label}</text>'
        for k, (o, label) in enumerate((("satisfied", "满意"), ("basic", "基本满意"), ("unsatisfied", "不满意")))
    )
    return svg(400, legend_y + 24, "".join(parts) + legend, "满意度测评结果 satisfaction ratings")


def ladder(phase: str | None) -> Markup:
    """A row's place in the yearly cycle: one dot a phase, those behind filled, the current one large and red."""
    here = PHASES.index(phase) if phase in PHASES else -1
    parts = ['<line x1="8" y1="10" x2="152" y2="10" stroke="#c9c5bd" stroke-width="2"/>']
    for k, _ in enumerate(PHASES):
        x = 8 + k * 24
        if k == here:
            parts.append(f'<circle cx="{x}" cy="10" r="8" fill="{RED}"/>')
        elif k < here:
            parts.append(f'<circle cx="{x}" cy="10" r="5" fill="{BLUE}"/>')
        else:
            parts.append(f'<circle cx="{x}" cy="10" r="5" fill="#fff" stroke="{GREY}" stroke-width="2"/>')
    label = PHASE_NAMES[phase][0] if phase in PHASE_NAMES else NO_PROGRAM[0]
    return Markup(
        f'<svg class="ladder" viewBox="0 0 160 20" width="160" height="20" role="img" aria-label="{escape(label)}"'
        f' xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )
