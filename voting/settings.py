"""Service settings, read from the environment in one place."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import msgspec


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    """Everything the app factory needs; tests build one directly."""

    database_url: str | None = None  # None: start the embedded PostgreSQL
    data_dir: Path = Path(".piaojue")
    jwt_secret: str = ""
    staff_token_minutes: int = 12 * 60
    tablet_token_minutes: int = 16 * 60  # one congress day with margin
    public_base_url: str = "http://127.0.0.1:8000"
    db_pool_size: int = 20
    cast_batch_max: int = 500  # ballots committed together at most
    # Live streams one process serves to screens without a staff login (public pages, hall
    # screens, tablets); beyond it a new one gets 503 and retries. Bounds memory and sockets.
    stream_limit: int = 20_000
    log_level: str = "info"
    signing_key_path: Path | None = None  # None: data_dir / "signing-key.pem"
    # Peers whose X-Forwarded-For is believed: the reverse proxy (deploy/nginx.conf runs on the
    # same host). Never a LAN range: a tablet in the hall could then pick any address it liked
    # and slip past the failed-login limit.
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")
    # Tablets on plain HTTP (voting.auth.transport): "allow" (said at start, logged, shown on the
    # console; `voting demo`) or "refuse" (deploy/env.example, once HTTPS is set up).
    tablet_plain_http: str = "allow"
    # nchan's publisher on each public nginx (deploy/nginx.conf), e.g. http://192.168.10.2:8090/publish;
    # PIAOJUE_PUBLIC_EVENTS_URL lists them comma-separated. Every session event is also posted once
    # to each, and the nginx hosts hold the public's streams.
    public_events_urls: tuple[str, ...] = ()

    def key_path(self) -> Path:
        """Where the Ed25519 signing key lives (created there, owner-only, on first start)."""
        return self.signing_key_path or self.data_dir / "signing-key.pem"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read PIAOJUE_* (and DATABASE_URL) from the environment."""
        env = dict(os.environ if environ is None else environ)
        data_dir = Path(env.get("PIAOJUE_DATA_DIR", ".piaojue"))
        return cls(
            database_url=env.get("DATABASE_URL") or None,
            data_dir=data_dir,
            jwt_secret=env.get("PIAOJUE_JWT_SECRET") or read_or_create_secret(data_dir),
            public_base_url=env.get("PIAOJUE_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/"),
            db_pool_size=int(env.get("PIAOJUE_DB_POOL", "20")),
            log_level=env.get("PIAOJUE_LOG_LEVEL", "info"),
            stream_limit=int(env.get("PIAOJUE_STREAM_LIMIT", "20000")),
            signing_key_path=Path(env["PIAOJUE_SIGNING_KEY"]) if env.get("PIAOJUE_SIGNING_KEY") else None,
            public_events_urls=tuple(
                u.strip() for u in env.get("PIAOJUE_PUBLIC_EVENTS_URL", "").split(",") if u.strip()
            ),
            tablet_plain_http=tablet_plain_http(env.get("PIAOJUE_TABLET_HTTP", "allow")),
            trusted_proxies=tuple(
                a.strip() for a in env.get("PIAOJUE_TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if a.strip()
            ),
        )


def tablet_plain_http(value: str) -> str:
    """PIAOJUE_TABLET_HTTP, checked: a typo must not silently let tablets in over plain HTTP."""
    if value not in ("allow", "refuse"):
        raise ValueError(f"PIAOJUE_TABLET_HTTP must be allow or refuse, not {value!r}")
    return value


def read_or_create_secret(data_dir: Path) -> str:
    """Keep one signing secret per data directory so tokens survive a restart."""
    path = data_dir / "jwt-secret"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # Owner-only: anyone who reads it can mint staff tokens.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(secret)
    return secret
