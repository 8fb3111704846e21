"""One small error hierarchy, mapped to HTTP by one handler (see voting/app.py).

Every error carries a stable code and a message in Chinese and in English, so
a tablet in the hall and a script both get an answer they can act on.
"""

from __future__ import annotations

from typing import Any


def error_body(code: str, zh: str, en: str, detail: Any = None) -> dict[str, Any]:
    """The one JSON shape of every error the service answers."""
    body: dict[str, Any] = {"error": code, "message_zh": zh, "message_en": en}
    if detail:
        body["detail"] = detail
    return body


class PiaojueError(Exception):
    """A refusal the user can understand; status is the HTTP code."""

    status = 400

    def __init__(self, code: str, zh: str, en: str, **detail: Any) -> None:
        super().__init__(f"{code}: {en}")
        self.code = code
        self.zh = zh
        self.en = en
        self.detail = detail


class BadRequest(PiaojueError):
    """The request itself is malformed or invalid."""

    status = 400


class NotAuthenticated(PiaojueError):
    """No valid login."""

    status = 401


class Forbidden(PiaojueError):
    """Logged in, but this role may not do this."""

    status = 403


class NotFound(PiaojueError):
    """The object does not exist (or is not visible to this user)."""

    status = 404


class Conflict(PiaojueError):
    """The request clashes with the current state (vote not open, already voted…)."""

    status = 409


class TooManyRequests(PiaojueError):
    """Slow down."""

    status = 429


class Unavailable(PiaojueError):
    """The service is at a limit right now; retrying later helps."""

    status = 503


def not_found(what_zh: str, what_en: str) -> NotFound:
    """A 404 naming the missing object in both languages."""
    return NotFound("not_found", f"{what_zh}不存在", f"{what_en} not found")
