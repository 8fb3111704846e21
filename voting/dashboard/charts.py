"""Small inline SVG charts (no scripts, no internet assets); every label is escaped."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from markupsafe import Markup, escape

from tally.rating import ProjectRating
from voting.supervision import schedule
from voting.supervision.models import Item

OUTCOME_COLOURS = {"satisfied": "#1b7d3a", "basic": "#c8962d", "unsatisfied": "#b3261e"}


def _svg(width: int, height: int, body: str, label: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}"'
        f' xmlns="http://www.w3.org/2000/svg" font-size="15">{body}</svg>'
    )


def by_category(items: list[Item]) -> Markup:
    """Projects per category with their average progress."""
    groups: dict[str, list[int]] = defaultdict(list)
    for item in items:
        groups[item.category or "其他"].append(item.percent)
    rows = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    most = max((len(v) for _, v in rows), default=1)
    parts = []
    for n, (name, percents) in enumerate(rows):
        y = 8 + n * 30
        width = 220 * len(percents) / most
        average = sum(percents) // len(percents)
        parts.append(
            f'<text x="0" y="{y + 14}">{escape(name)}</text>'
            f'<rect x="110" y="{y}" width="{width:.0f}" height="18" rx="3" fill="#1a5fb4"/>'
            f'<text x="{116 + width:.0f}" y="{y + 14}">{len(percents)}项 · 平均进度{average}%</text>'
        )
    return _svg(480, 16 + 30 * max(len(rows), 1), "".join(parts), "按类别 by category")


def on_time(items: list[Item], today: dt.date) -> tuple[Markup, int | None]:
    """Share of projects due by now that were completed by their target date (supervision.schedule.on_time)."""
    good, due = schedule.on_time(items, today)
    rate = round(100 * good / due) if due else None
    width = 3.6 * (rate or 0)
    body = (
        '<rect x="0" y="10" width="360" height="22" rx="4" fill="#e8e6e1"/>'
        f'<rect x="0" y="10" width="{width:.0f}" height="22" rx="4" fill="#1b7d3a"/>'
        f'<text x="0" y="54">{"—" if rate is None else f"{rate}%"} 按期完成 on time'
        f" ({good}/{due})</text>"
    )
    return _svg(380, 64, body, "按期完成率 on-time rate"), rate


def approval_of(result: ProjectRating) -> float:
    """满意+基本满意 as a share of the base the outcome was decided on (older results: of those who rated)."""
    return result.approving_pct if result.approving_pct is not None else result.satisfaction_pct


def satisfaction(rows: list[tuple[str, float, str]]) -> Markup:
    """Each evaluated project's 满意+基本满意 share of its round's base, coloured by its rating."""
    parts = []
    for n, (name, pct, outcome) in enumerate(rows):
        y = 8 + n * 30
        width = 2.4 * pct
        short = name if len(name) <= 10 else name[:9] + "…"
        colour = OUTCOME_COLOURS.get(outcome, "#888")
        parts.append(
            f'<text x="0" y="{y + 14}">{escape(short)}</text>'
            f'<rect x="150" y="{y}" width="240" height="18" rx="3" fill="#eeeae4"/>'
            f'<rect x="150" y="{y}" width="{width:.0f}" height="18" rx="3" fill="{colour}"/>'
            f'<text x="396" y="{y + 14}">{pct:.1f}%</text>'
        )
    return _svg(460, 16 + 30 * max(len(rows), 1), "".join(parts), "满意+基本满意占比 approval")
