"""Rendering a page: the template with what the base layout needs, and refusals as HTML pages in both languages."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from litestar.response import Template

from voting.auth.roles import ROLE_WORDS
from voting.auth.scope import WATCHING
from voting.errors import PiaojueError

STATIC = Path(__file__).parent.parent / "static"


def asset_version() -> str:
    """A short hash of the static files, appended to their URLs so an update is never served stale."""
    digest = hashlib.sha256()
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


ASSET_VERSION = asset_version()


def page(name: str, status_code: int = 200, **context: Any) -> Template:
    """Render a page template with what the base layout needs."""
    context = {"v": ASSET_VERSION, "watching": WATCHING.get(), "role_words": ROLE_WORDS, **context}
    return Template(template_name=name, context=context, status_code=status_code)


def refusal_page(status: int, zh: str, en: str) -> Template:
    """A refusal (400, 403, 404…) as an HTML page in both languages."""
    return page("error.html", status_code=status, zh=zh, en=en)


def error_page(error: PiaojueError) -> Template:
    """A service's refusal as its HTML page."""
    return refusal_page(error.status, error.zh, error.en)


def forbidden_page() -> Template:
    """The page for a staff role that may not see this."""
    return refusal_page(403, "您的账号无权查看此页面", "Your role may not view this page")
