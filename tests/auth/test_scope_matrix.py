"""The authorization matrix: every guarded operation × every role × own / child / parent / another county's body.

Generated from the OpenAPI schema (operations, their path parameters and the roles the
schema documents) and from the app's page routes, so a new route is covered the day it
is added. The expectation is the rule of voting/auth/scope.py: a role not admitted is
refused for its role; an admitted role acts on its own body only, watches (GET) its own
and the bodies below, and an administrator administers those too; nothing reaches a
body above or beside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import asyncpg
import pytest
from litestar.routes import HTTPRoute
from litestar.testing import AsyncTestClient

from tests.auth.realm import Realm, make_realm
from voting.auth.queries import BODY_OF_PARAMETER
from voting.auth.scope import Reach
from voting.settings import Settings

RELATIONS = ("own", "child", "parent", "other")
ROLES = ("admin", "clerk", "presiding", "teller", "scrutineer", "liaison")

# Operations naming no object in their path. Each says why it needs no body check, or
# where its body is checked instead; a new one fails test_every_guarded_operation_is_classified.
BODY_FREE = {
    ("GET", "/api/auth/me"): "the caller's own account",
    ("GET", "/api/bodies"): "lists only the watched bodies (test_lists_keep_to_watched_bodies)",
    ("POST", "/api/bodies"): "parent in the JSON, checked with require_reach (test_bodies_in_json_are_checked)",
    ("POST", "/api/programs"): "body in the JSON (test_bodies_in_json_are_checked)",
    ("POST", "/api/sessions"): "body and program in the JSON (test_bodies_in_json_are_checked)",
    ("POST", "/api/evaluations"): "body and session in the JSON (test_bodies_in_json_are_checked)",
    ("GET", "/api/reports/pending"): "lists only the watched bodies' reports",
    ("GET", "/api/paper/staff"): "lists only the caller's own body's counting staff",
    ("GET", "/api/paper/assignments"): "the caller's own assignments",
    ("GET", "/api/liaison/items"): "the liaison's own department's items",
    ("GET", "/api/liaison/requests"): "the liaison's own department's requests",
    ("GET", "/api/tablet/me"): "a deputy's tablet, bound to its session",
    ("GET", "/api/tablet/evaluations"): "a deputy's tablet, bound to its body",
    ("GET", "/api/audit"): "the audit log, filtered to the watched bodies",
    ("GET", "/api/audit.csv"): "the audit log, filtered to the watched bodies",
}

ROLES_LINE = re.compile(r"Roles 角色: ([a-z, ]+)\.")


def operations(schema: dict[str, Any]) -> Iterator[tuple[str, str, list[str], list[str], str]]:
    """(method, path, admitted roles, object parameters, body type) of every guarded operation in the schema."""
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            found = ROLES_LINE.search(operation.get("description", ""))
            if not found:
                continue  # public: no login needed, nothing to scope
            roles = [r.strip() for r in found.group(1).split(",")]
            params = [p for p in re.findall(r"\{(\w+)\}", path) if p in BODY_OF_PARAMETER]
            body_type = next(iter(operation.get("requestBody", {}).get("content", {})), "application/json")
            yield method.upper(), path, roles, params, body_type


def url_of(path: str, ids: dict[str, int]) -> str:
    """The path with each object parameter filled from one body's objects (others: 1)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(ids.get(m.group(1), 1)), path)


def expected_reach(method: str, route_reach: str | None) -> Reach:
    """What the operation does to a body: the route's own word, else reading watches and the rest acts."""
    if route_reach:
        return Reach(route_reach)
    return Reach.WATCH if method == "GET" else Reach.ACT


def should_reach(role: str, relation: str, reach: Reach) -> bool:
    """The rule as the issue states it, written out here apart from the code that applies it."""
    if relation == "own":
        return True
    if relation == "child":
        return reach is Reach.WATCH or (reach is Reach.ADMINISTER and role == "admin")
    return False  # a body above, or another county's


@pytest.fixture(scope="module")
async def realm(client: AsyncTestClient, pool: asyncpg.Pool, settings: Settings) -> Realm:
    """The furnished realm, built once for the module."""
    return await make_realm(client, pool, settings)


async def request(client: AsyncTestClient, method: str, url: str, headers: dict[str, str], body_type: str) -> Any:
    """One call with an empty body of the declared type (guards answer before the body is read)."""
    if method not in ("POST", "PUT", "PATCH"):
        return await client.request(method, url, headers=headers)
    if body_type == "multipart/form-data":
        return await client.request(method, url, headers=headers, files={"nothing": ("x.txt", b"", "text/plain")})
    return await client.request(method, url, headers=headers, json={})


def route_reaches(client: AsyncTestClient) -> dict[tuple[str, str], str | None]:
    """The reach each route declares in its opt (administering routes), by (method, OpenAPI path)."""
    found: dict[tuple[str, str], str | None] = {}
    for route in client.app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                for method in handler.http_methods:
                    found[(method, route.path_format)] = handler.opt.get("reach")
    return found


async def test_every_operation_follows_the_scope_rule(client: AsyncTestClient, realm: Realm) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    reaches = route_reaches(client)
    violations: list[str] = []
    checked = 0
    for method, path, roles, params, body_type in operations(schema):
        if not params:
            continue
        for role in ROLES:
            for relation in RELATIONS:
                target = realm.bodies[relation]
                response = await request(client, method, url_of(path, target.ids), realm.logins[role], body_type)
                code = (
                    response.json().get("error")
                    if response.headers.get("content-type", "").startswith("application/json")
                    and response.status_code >= 400
                    else None
                )
                checked += 1
                if role not in roles:
                    if not (response.status_code == 403 and code == "role_forbidden"):
                        violations.append(
                            f"{method} {path} {role}@{relation}: role not admitted, got {response.status_code} {code}"
                        )
                    continue
                reach = expected_reach(method, reaches.get((method, path)))
                allowed = should_reach(role, relation, reach)
                if allowed and code == "outside_your_body":
                    violations.append(f"{method} {path} {role}@{relation}: should reach, refused")
                if not allowed:
                    if not (response.status_code == 403 and code == "outside_your_body"):
                        violations.append(
                            f"{method} {path} {role}@{relation}: should be refused, got {response.status_code} {code}"
                        )
                    elif target.name not in response.json()["message_zh"]:
                        violations.append(f"{method} {path} {role}@{relation}: refusal does not name {target.name}")
    assert checked > 500
    assert violations == [], "\n".join(violations)


async def test_every_guarded_operation_is_classified(client: AsyncTestClient) -> None:
    schema = (await client.get("/schema/openapi.json")).json()
    unclassified = [
        f"{method} {path}"
        for method, path, _, params, _ in operations(schema)
        if not params and (method, path) not in BODY_FREE
    ]
    assert unclassified == [], "name an object in the path, or add to BODY_FREE with the reason: " + ", ".join(
        unclassified
    )


def page_routes(client: AsyncTestClient) -> Iterator[tuple[str, str | None]]:
    """Every page path (not in the schema) whose path names an object, with the reach its route declares."""
    for route in client.app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if handler.include_in_schema or "GET" not in handler.http_methods:
                continue
            if any(p in BODY_OF_PARAMETER for p in re.findall(r"\{(\w+)\}", route.path_format)):
                yield route.path_format, handler.opt.get("reach")


async def test_every_staff_page_follows_the_scope_rule(client: AsyncTestClient, realm: Realm) -> None:
    violations: list[str] = []
    staff_pages = 0
    for path, route_reach in page_routes(client):
        reach = expected_reach("GET", route_reach)
        if (await client.get(url_of(path, realm.bodies["own"].ids), follow_redirects=False)).status_code == 200:
            continue  # a public page: the same for everyone
        staff_pages += 1
        for role in ROLES:
            for relation in RELATIONS:
                target = realm.bodies[relation]
                response = await client.get(
                    url_of(path, target.ids), headers=realm.logins[role], follow_redirects=False
                )
                scope_refusal = response.status_code == 403 and "您的账号不属于" in response.text
                reachable = should_reach(role, relation, reach)
                if not reachable and response.status_code == 200:
                    violations.append(f"GET {path} {role}@{relation}: shown to a login of another body")
                if scope_refusal and reachable:
                    violations.append(f"GET {path} {role}@{relation}: refused within its bodies")
                if scope_refusal and target.name not in response.text:
                    violations.append(f"GET {path} {role}@{relation}: refusal does not name {target.name}")
    assert staff_pages >= 10
    assert violations == [], "\n".join(violations)


async def test_bodies_in_json_are_checked(client: AsyncTestClient, realm: Realm) -> None:
    def payloads(target: Any) -> dict[str, dict[str, Any]]:
        return {
            "/api/programs": {"body_id": target.body_id, "year": 2035, "title": "越权项目"},
            "/api/sessions": {"body_id": target.body_id, "title": "越权会议"},
            "/api/evaluations": {"body_id": target.body_id, "title": "越权测评"},
            "/api/bodies": {"name": f"新镇{target.body_id}", "level": "township", "parent_id": target.body_id},
        }

    for relation in ("child", "parent", "other"):
        target = realm.bodies[relation]
        for path, payload in payloads(target).items():
            if path == "/api/bodies" and relation == "child":
                continue  # administering below is allowed (a township has no level below it anyway)
            response = await client.post(path, headers=realm.logins["admin"], json=payload)
            assert response.status_code == 403, (path, relation, response.text)
            assert response.json()["error"] == "outside_your_body" and target.name in response.json()["message_zh"]
    own = realm.bodies["own"]
    # A session of the own body cannot be tied to another body's program.
    other_program = realm.bodies["other"].ids["program_id"]
    tied = await client.post(
        "/api/sessions",
        headers=realm.logins["clerk"],
        json={"body_id": own.body_id, "title": "会议", "program_id": other_program},
    )
    assert tied.status_code == 403 and tied.json()["error"] == "outside_your_body"
    made = await client.post(
        "/api/programs", headers=realm.logins["clerk"], json={"body_id": own.body_id, "year": 2036, "title": "本级项目"}
    )
    assert made.status_code == 201, made.text


async def test_lists_keep_to_watched_bodies(client: AsyncTestClient, realm: Realm) -> None:
    bodies = {b["id"] for b in (await client.get("/api/bodies", headers=realm.logins["clerk"])).json()}
    assert realm.bodies["own"].body_id in bodies and realm.bodies["child"].body_id in bodies
    assert realm.bodies["parent"].body_id not in bodies and realm.bodies["other"].body_id not in bodies
    home = await client.get("/console", headers=realm.logins["clerk"])
    assert realm.bodies["child"].name in home.text and realm.bodies["other"].name not in home.text
    programs = await client.get("/console/programs", headers=realm.logins["clerk"])
    assert realm.bodies["child"].name in programs.text and realm.bodies["other"].name not in programs.text
    counting = (await client.get("/api/paper/staff", headers=realm.logins["presiding"])).json()
    assert {c["username"][:5] for c in counting} <= {"telle", "scrut"} and counting


async def test_the_audit_log_keeps_to_watched_bodies(client: AsyncTestClient, realm: Realm) -> None:
    def about(entries: list[dict[str, Any]], kind: str, object_id: int) -> bool:
        return any(e["object_type"] == kind and e["object_id"] == str(object_id) for e in entries)

    entries = (await client.get("/api/audit?limit=1000", headers=realm.logins["clerk"])).json()
    for relation, seen in (("own", True), ("child", True), ("parent", False), ("other", False)):
        vote = realm.bodies[relation].ids["vote_id"]
        assert about(entries, "vote", vote) is seen, relation
    csv_text = (await client.get("/api/audit.csv?limit=5000", headers=realm.logins["clerk"])).text
    assert f",vote,{realm.bodies['other'].ids['vote_id']}," not in csv_text
    assert f",vote,{realm.bodies['own'].ids['vote_id']}," in csv_text


async def test_a_page_of_a_body_below_says_it_is_read_only(client: AsyncTestClient, realm: Realm) -> None:
    child, own = realm.bodies["child"], realm.bodies["own"]
    watched = await client.get(f"/console/sessions/{child.ids['session_id']}", headers=realm.logins["clerk"])
    assert watched.status_code == 200 and f"您正在查看下级人大「{child.name}」" in watched.text
    home = await client.get(f"/console/sessions/{own.ids['session_id']}", headers=realm.logins["clerk"])
    assert home.status_code == 200 and "您正在查看下级人大" not in home.text
