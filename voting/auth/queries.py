"""SQL for the scope rule: the body an object belongs to, a body's lineage and subtree."""

from __future__ import annotations

import asyncpg

# The body that the object named by each kind of path parameter belongs to.
BODY_OF_PARAMETER: dict[str, str] = {
    "body_id": "SELECT $1::bigint",
    "program_id": "SELECT body_id FROM program WHERE id = $1",
    "session_id": "SELECT body_id FROM session WHERE id = $1",
    "vote_id": "SELECT s.body_id FROM vote v JOIN session s ON s.id = v.session_id WHERE v.id = $1",
    "candidate_id": "SELECT p.body_id FROM candidate c JOIN program p ON p.id = c.program_id WHERE c.id = $1",
    "suggestion_id": "SELECT p.body_id FROM suggestion s JOIN program p ON p.id = s.program_id WHERE s.id = $1",
    "department_id": "SELECT body_id FROM department WHERE id = $1",
    "deputy_id": "SELECT body_id FROM deputy WHERE id = $1",
    "item_id": (
        "SELECT p.body_id FROM implementation_item i JOIN candidate c ON c.id = i.candidate_id"
        " JOIN program p ON p.id = c.program_id WHERE i.id = $1"
    ),
    "change_id": (
        "SELECT p.body_id FROM change_request r JOIN implementation_item i ON i.id = r.item_id"
        " JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id WHERE r.id = $1"
    ),
    "issue_id": (
        "SELECT p.body_id FROM item_issue r JOIN implementation_item i ON i.id = r.item_id"
        " JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id WHERE r.id = $1"
    ),
    "report_id": (
        "SELECT p.body_id FROM progress_report r JOIN implementation_item i ON i.id = r.item_id"
        " JOIN candidate c ON c.id = i.candidate_id JOIN program p ON p.id = c.program_id WHERE r.id = $1"
    ),
    "request_id": (
        "SELECT p.body_id FROM feasibility_request r JOIN candidate c ON c.id = r.candidate_id"
        " JOIN program p ON p.id = c.program_id WHERE r.id = $1"
    ),
    "round_id": "SELECT body_id FROM evaluation_round WHERE id = $1",
    "staff_id": "SELECT body_id FROM staff_user WHERE id = $1",
}

# One statement per parameter kind, each a constant: the value is always a bind parameter.
LINEAGE_OF_PARAMETER: dict[str, str] = {
    name: f"SELECT id, name FROM body_lineage(({body_sql}))" for name, body_sql in BODY_OF_PARAMETER.items()
}


async def lineage_of_object(conn: asyncpg.Connection, parameter: str, value: int) -> list[asyncpg.Record]:
    """The body of the object a path parameter names, then its ancestors (empty if there is no such object)."""
    return list(await conn.fetch(LINEAGE_OF_PARAMETER[parameter], value))


async def lineage_of_body(conn: asyncpg.Connection, body_id: int) -> list[asyncpg.Record]:
    """A body, then its ancestors (empty if there is no such body)."""
    return list(await conn.fetch("SELECT id, name FROM body_lineage($1)", body_id))


async def subtree_of(conn: asyncpg.Connection, body_id: int) -> list[int]:
    """A body and every body below it."""
    return [int(r["id"]) for r in await conn.fetch("SELECT id FROM body_subtree($1)", body_id)]


async def staff_login_body(conn: asyncpg.Connection, login_id: str) -> tuple[bool, int | None]:
    """Whether a staff login is live, and the body its user belongs to."""
    row = await conn.fetchrow(
        """
        SELECT u.body_id FROM staff_login l JOIN staff_user u ON u.id = l.staff_user_id AND u.active
        WHERE l.id = $1::uuid AND l.revoked_at IS NULL AND l.expires_at > now()
        """,
        login_id,
    )
    if row is None:
        return False, None
    return True, row["body_id"]
