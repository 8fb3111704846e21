"""What a browser test does through the live server's API beside the pages: logins, votes, key cards, ballots."""

from __future__ import annotations

import secrets

import httpx

from tests.steps import seal_marks
from voting.auth import Role
from voting.staff.service import ensure_staff


async def tablet_login(api: httpx.AsyncClient, code: str) -> dict[str, str]:
    """Log a deputy in (which checks them in) and return their Authorization header."""
    response = await api.post("/api/tablet/login", json={"code": code})
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["token"]}


async def create_vote(
    api: httpx.AsyncClient,
    headers: dict[str, str],
    session_id: int,
    candidate_ids: list[int],
    mode: str = "electronic",
    **rules: object,
) -> int:
    """A draft vote through the API (with its key cards where tablets cast); returns its id."""
    response = await api.post(
        f"/api/sessions/{session_id}/votes",
        headers=headers,
        json={
            "title": rules.pop("title", "民生实事项目票决"),
            "candidate_ids": candidate_ids,
            "rules": rules,
            "mode": mode,
            "reason": "测试",
        },
    )
    assert response.status_code == 201, response.text
    vote_id = int(response.json()["id"])
    if mode != "paper":
        await make_cards(api, headers, vote_id)  # the count console's ceremony, before the vote can open
    return vote_id


# The key cards of each vote made in these tests, as the scrutineers keep them (vote id → card texts).
KEY_CARDS: dict[int, list[str]] = {}


async def make_cards(api: httpx.AsyncClient, headers: dict[str, str], vote_id: int) -> list[str]:
    """A vote's key ceremony through the API (2 of 3 cards)."""
    made = await post_ok(api, f"/api/votes/{vote_id}/key-cards", headers, {})
    KEY_CARDS[vote_id] = [str(c["text"]) for c in made["cards"]]  # type: ignore[attr-defined]
    return KEY_CARDS[vote_id]


async def sealed_ballot(
    api: httpx.AsyncClient, vote_id: int, marks: dict[str, str], headers: dict[str, str] | None = None
) -> dict[str, str]:
    """A cast body as a tablet sends it: the marks sealed to the vote's key, and a fresh cast id.

    A practice vote's key is shown only in the hall: pass the tablet's headers for it.
    """
    key = (await api.get(f"/api/votes/{vote_id}/sealing-key", headers=headers or {})).json()
    return {"cast_id": secrets.token_hex(16), "sealed": seal_marks(key, {int(k): v for k, v in marks.items()})}


async def close_and_count(api: httpx.AsyncClient, headers: dict[str, str], vote_id: int) -> dict[str, object]:
    """Close a vote with two scrutineers' cards, so it is counted at once."""
    return await post_ok(
        api, f"/api/votes/{vote_id}/close", headers, {"confirm": True, "cards": KEY_CARDS[vote_id][:2]}
    )


async def post_ok(api: httpx.AsyncClient, path: str, headers: dict[str, str], json: object = None) -> dict[str, object]:
    """POST and insist on success."""
    response = await api.post(path, headers=headers, json=json)
    assert response.status_code in (200, 201), response.text
    return response.json()  # type: ignore[no-any-return]


async def staff_account(pool, role: Role, body_id: int) -> tuple[int, str, str]:
    """A new staff account: id, username, password."""
    username, password = f"{role.value}{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    user_id = await ensure_staff(
        pool,
        username,
        f"{'计票人' if role is Role.TELLER else '监票人'}{username[-2:]}",
        role,
        password,
        body_id=body_id,
    )
    return user_id, username, password


async def headers_of(api: httpx.AsyncClient, username: str, password: str) -> dict[str, str]:
    """A staff login through the API; its Authorization header."""
    response = await api.post("/api/auth/login", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["token"]}
