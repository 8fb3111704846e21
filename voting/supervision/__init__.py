"""Supervision (监督) of chosen projects: items, reports and review, inspections, issues, changes."""

from voting.supervision.models import CHANGE_NAMES, STATUS_NAMES, Change, Inspection, Issue, Item, Report
from voting.supervision.oversight import answer_issue, item_oversight, load_oversight, record_inspection
from voting.supervision.reports import pending_reports, published_reports
from voting.supervision.service import (
    create_items_at_announcement,
    get_item,
    items_of_body,
    list_items,
    load_items,
    require_item,
    today,
)

__all__ = [
    "CHANGE_NAMES",
    "STATUS_NAMES",
    "Change",
    "Inspection",
    "Issue",
    "Item",
    "Report",
    "answer_issue",
    "create_items_at_announcement",
    "get_item",
    "item_oversight",
    "items_of_body",
    "list_items",
    "load_items",
    "load_oversight",
    "pending_reports",
    "published_reports",
    "record_inspection",
    "require_item",
    "today",
]
