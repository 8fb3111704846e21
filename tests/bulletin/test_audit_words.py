"""Every audit action the code can record has words for the clerk (voting/bulletin/audit_words.py).

The actions are read from the source: every call of the audit helpers (`who.audit(...)`,
`system_event(...)`, `AuditEvent(action=...)`) in voting/, ballots/ and audit/. A new action
without words, or a new computed action whose values this test does not know, fails here.
"""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import asyncpg
from litestar.testing import AsyncTestClient

from tests.bulletin.voting_day import voting_day
from voting.bulletin.audit_words import ACTION_GROUPS, ACTIONS, DETAIL_LABELS, RAW_KEYS
from voting.sessions.models import AttendanceChange
from voting.settings import Settings
from voting.solicit.triage import STATUS_OF_ACTION

ROOT = Path(__file__).resolve().parents[2]
HELPERS = {"audit", "system_event", "AuditEvent"}
# The helpers themselves pass their `action` argument on.
PASSED_ON = {"audit/events.py", "voting/auth/tokens.py"}
# Actions built from a value: every value the code can put in (the f-string as written → its values).
COMPUTED = {
    "suggestion.{status}": set(STATUS_OF_ACTION.values()),
    "attendance.{status}": set(typing.get_args(typing.get_type_hints(AttendanceChange)["status"])),
    "report.{state}": {"published", "returned"},  # voting/supervision/reports.py: review_report
    "roster.{how}": {"added", "imported"},  # add_deputies' callers: the roster route and the import/demo
}


def audit_calls() -> list[tuple[str, ast.Call]]:
    """(file, call) of every audit helper call in the service's code."""
    found = []
    for package in ("voting", "ballots", "audit"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and helper_of(node) in HELPERS:
                    found.append((str(path.relative_to(ROOT)), node))
    return found


def helper_of(call: ast.Call) -> str | None:
    return call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)


def action_expressions() -> list[tuple[str, ast.expr]]:
    """(file, the action argument) of every audit helper call."""
    found = []
    for where, call in audit_calls():
        if helper_of(call) == "AuditEvent":
            found += [(where, kw.value) for kw in call.keywords if kw.arg == "action"]
        else:
            found += [(where, arg) for arg in call.args[:1]]
    return found


def written_detail_keys() -> set[str]:
    """The keys written in the detail dicts of audit calls, and in the `detail = {...}` they are built in."""
    keys = set()
    for where, call in audit_calls():
        given = [kw.value for kw in call.keywords if kw.arg == "detail"] + call.args[3:4]
        keys |= {k.value for d in given if isinstance(d, ast.Dict) for k in d.keys if isinstance(k, ast.Constant)}
        tree = ast.parse((ROOT / where).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and "detail" in ast.unparse(node).split("=")[0]:
                for d in ast.walk(node):
                    if isinstance(d, ast.Dict):
                        keys |= {k.value for k in d.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    return keys


def actions_of(where: str, expr: ast.expr) -> set[str]:
    """The actions one argument can be; fails on an action the test cannot list."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.IfExp):
        return actions_of(where, expr.body) | actions_of(where, expr.orelse)
    if isinstance(expr, ast.JoinedStr):
        written = "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{" + ast.unparse(part.value) + "}"
            for part in expr.values
            if isinstance(part, (ast.Constant, ast.FormattedValue))
        )
        assert written in COMPUTED, f'{where}: the action f"{written}" is computed; list its values in COMPUTED'
        prefix = written.split("{")[0]
        return {prefix + value for value in COMPUTED[written]}
    assert where in PASSED_ON, f"{where}: the action {ast.unparse(expr)} cannot be read from the code"
    return set()


def recorded_actions() -> set[str]:
    """Every action the code can record."""
    return set().union(*(actions_of(where, expr) for where, expr in action_expressions()))


def test_every_action_the_code_records_has_words() -> None:
    recorded = recorded_actions()
    assert len(recorded) > 80  # the scan found the calls (a broken scan must not pass quietly)
    missing = sorted(recorded - ACTIONS.keys())
    assert missing == [], f"actions recorded without words in voting/bulletin/audit_words.py: {missing}"


def test_the_filter_offers_only_actions_the_code_records() -> None:
    stale = sorted(ACTIONS.keys() - recorded_actions())
    assert stale == [], f"words for actions nothing records (renamed?): {stale}"
    assert {code.partition(".")[0] for code in ACTIONS} <= ACTION_GROUPS.keys()


def test_every_detail_key_written_reads_as_a_pair_or_is_raw_on_purpose() -> None:
    written = written_detail_keys()
    assert {"program_id", "reason", "deputy_ids", "round"} <= written  # the scan found the dicts
    assert sorted(written - DETAIL_LABELS.keys() - RAW_KEYS) == []


def test_a_new_action_without_words_is_caught() -> None:
    new_call = ast.parse('who.audit("vote.paused", "vote", 1)').body[0]
    assert isinstance(new_call, ast.Expr) and isinstance(new_call.value, ast.Call)
    assert actions_of("voting/votes/lifecycle.py", new_call.value.args[0]) - ACTIONS.keys() == {"vote.paused"}


async def test_every_action_in_the_log_after_a_voting_day_has_words(
    client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings
) -> None:
    # A whole vote, on top of whatever the tests before this one recorded in the shared database.
    await voting_day(client, pool, settings, deputies=4, voters=3)
    async with pool.acquire() as conn:
        in_log = {r["action"] for r in await conn.fetch("SELECT DISTINCT action FROM audit_event")}
    assert {"vote.created", "vote.opened", "ballot.issued", "vote.tallied", "vote.announced"} <= in_log
    assert sorted(in_log - ACTIONS.keys()) == []
