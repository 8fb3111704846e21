"""What the public pages show, composed from supervision and evaluation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import asyncpg
import msgspec

from tally.rating import ProjectRating
from voting.dashboard import queries
from voting.evaluation.service import rectifications_of_items, results_of_items
from voting.supervision.models import Change, Inspection, Issue, Item, Report
from voting.supervision.oversight import load_oversight
from voting.supervision.reports import published_reports
from voting.supervision.service import items_of_body, require_item


class Evaluated(msgspec.Struct):
    """A closed round's result for one project."""

    round_id: int
    title: str
    kind: str
    closed_at: dt.datetime
    result: ProjectRating


class Row(msgspec.Struct):
    """One project on the dashboard."""

    item: Item
    report: Report | None
    evaluation: Evaluated | None


class Event(msgspec.Struct):
    """One line of a project's timeline."""

    on: dt.date
    kind: str  # css class
    zh: str
    en: str
    text: str = ""


async def _evaluations(conn: asyncpg.Connection, item_ids: list[int]) -> dict[int, list[Evaluated]]:
    found: dict[int, list[Evaluated]] = {}
    for r in await results_of_items(conn, item_ids):
        fields: dict[str, Any] = dict(r)
        item_id = fields.pop("item_id")
        found.setdefault(item_id, []).append(msgspec.convert(fields, Evaluated))
    return found


async def dashboard(pool: asyncpg.Pool, body_id: int | None) -> tuple[list[Row], list[asyncpg.Record]]:
    """Every project with its latest published report and latest evaluation; and the bodies to filter by."""
    async with pool.acquire() as conn:
        items = await items_of_body(conn, body_id)
        ids = [i.id for i in items]
        latest: dict[int, Report] = {}
        for report in await published_reports(conn, ids):
            latest.setdefault(report.item_id, report)
        evaluations = await _evaluations(conn, ids)
        bodies = await queries.bodies_with_items(conn)
    rows = [Row(i, latest.get(i.id), next(iter(evaluations.get(i.id, [])), None)) for i in items]
    return rows, bodies


class Project(msgspec.Struct):
    """Everything a project's public page shows."""

    item: Item
    reports: list[Report]
    inspections: list[Inspection]
    issues: list[Issue]
    changes: list[Change]
    evaluations: list[Evaluated]
    rectifications: list[dict[str, Any]]
    timeline: list[Event]


async def project(pool: asyncpg.Pool, item_id: int) -> Project:
    """One project's page: published reports, inspections, issues, decided changes, evaluations, timeline."""
    async with pool.acquire() as conn:
        item = await require_item(conn, item_id)
        reports = await published_reports(conn, [item_id])
        inspections, issues, all_changes = await load_oversight(conn, [item_id])
        changes = [c for c in all_changes if c.state != "pending"]
        evaluations = (await _evaluations(conn, [item_id])).get(item_id, [])
        rectifications = await rectifications_of_items(conn, [item_id])
        chosen = await queries.chosen_at(conn, item.vote_id)
    found = Project(item, reports, inspections, issues, changes, evaluations, rectifications, [])
    found.timeline = timeline(found, chosen)
    return found


def timeline(p: Project, chosen: dt.datetime | None) -> list[Event]:
    """The project's story, newest first."""
    events = [
        Event(chosen.date() if chosen else p.item.started_on, "chosen", "票决入选", "Chosen by the deputies' vote")
    ]
    for m in p.item.milestones:
        if m.reached_on:
            events.append(Event(m.reached_on, "milestone", "节点完成", "Milestone reached", m.title))
    for r in p.reports:
        events.append(
            Event((r.reviewed_at or r.submitted_at).date(), "report", "进展报告", "Progress report", f"{r.percent}%")
        )
    for i in p.inspections:
        events.append(Event(i.inspected_on, "inspection", "代表视察", "Inspection", i.findings))
    for s in p.issues:
        if s.closed_at:
            events.append(Event(s.closed_at.date(), "issue", "问题办结", "Issue closed", s.description))
    for c in p.changes:
        if c.decided_at:
            zh = {"approved": "变更获批", "rejected": "变更未获批准"}[c.state]
            events.append(
                Event(c.decided_at.date(), "change", zh, f"Change {c.state}", f"{c.decided_by} {c.decision_ref}")
            )
    for e in p.evaluations:
        events.append(Event(e.closed_at.date(), "evaluation", "满意度测评", "Evaluation", e.title))
    if p.item.completed_on:
        events.append(Event(p.item.completed_on, "completed", "项目完成", "Completed"))
    # Newest first; on one day, the later step (in the order above) first.
    return [e for _, e in sorted(enumerate(events), key=lambda pair: (pair[1].on, pair[0]), reverse=True)]
