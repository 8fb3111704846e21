"""Whether a request came over HTTPS, and what to do with a tablet that logs in over plain HTTP.

On plain HTTP anyone on the hall's Wi-Fi can read a tablet's token and its
ballot. HTTPS is nginx's job (deploy/nginx.conf, deploy/tls/hall-ca.sh); the
app only learns the scheme from the connection or, behind our own proxy, from
X-Forwarded-Proto. PIAOJUE_TABLET_HTTP=refuse turns such logins away;
otherwise they are allowed, logged, and shown on the presiding console.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from litestar.connection import ASGIConnection

from voting.errors import Forbidden
from voting.settings import Settings

log = logging.getLogger(__name__)


def is_https(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """True when the tablet's own connection was encrypted (to us, or to our trusted proxy)."""
    if connection.scope.get("scheme") == "https":
        return True
    peer = connection.client.host if connection.client else ""
    if peer not in connection.app.state.settings.trusted_proxies:
        return False  # anyone else could simply claim https
    proto = connection.headers.get("x-forwarded-proto", "")
    return proto.rsplit(",", 1)[-1].strip().lower() == "https"


class PlainHttpWarnings:
    """Says on the server's console, at most once a minute, that tablets are logging in over plain HTTP."""

    def __init__(self, every_s: float = 60.0) -> None:
        self.every_s = every_s
        self.last = -every_s
        self.unsaid = 0

    def note(self) -> None:
        """One more plain-HTTP tablet login."""
        self.unsaid += 1
        now = time.monotonic()
        if now - self.last >= self.every_s:
            log.warning(
                "%d tablet login(s) over plain HTTP: their tokens and ballots can be read on the hall's network "
                "(set up HTTPS: deploy/README.md; PIAOJUE_TABLET_HTTP=refuse refuses them)",
                self.unsaid,
            )
            self.last, self.unsaid = now, 0


WARNINGS = PlainHttpWarnings()


def check_tablet_transport(connection: ASGIConnection[Any, Any, Any, Any]) -> bool:
    """Refuse (403) a plain-HTTP tablet login when the setting says so; returns whether it is plain."""
    if is_https(connection):
        return False
    if connection.app.state.settings.tablet_plain_http == "refuse":
        raise Forbidden(
            "tablet_needs_https",
            "平板须通过加密的 HTTPS 连接登录，请使用 https:// 地址或联系工作人员",
            "Tablets must log in over HTTPS; open the https:// address or ask the staff",
        )
    WARNINGS.note()
    return True


def transport_notice(settings: Settings) -> str:
    """What `voting serve` says at start about tablets and plain HTTP."""
    plain_url = settings.public_base_url.startswith("http://")
    if settings.tablet_plain_http == "refuse":
        if plain_url:
            return (
                "警告：平板只能经 HTTPS 登录，但 PIAOJUE_PUBLIC_URL 是 http:// —— 座位卡二维码上的地址将无法登录。\n"
                f"WARNING: tablets must use HTTPS, but PIAOJUE_PUBLIC_URL ({settings.public_base_url}) is plain "
                "http://: logins from the seat cards' QR codes will be refused."
            )
        return "平板须经 HTTPS 登录；明文 HTTP 登录将被拒绝。Tablets must log in over HTTPS; plain HTTP is refused."
    if plain_url:
        return (
            "警告：平板经明文 HTTP 登录，同一 Wi-Fi 上的任何人都能读到平板的令牌和选票。"
            "请按 deploy/README.md 配置 HTTPS，并设置 PIAOJUE_TABLET_HTTP=refuse。\n"
            f"WARNING: tablets log in over plain HTTP ({settings.public_base_url}): anyone on the hall's Wi-Fi "
            "can read a tablet's token and its ballot. Set up HTTPS (deploy/README.md) and PIAOJUE_TABLET_HTTP=refuse."
        )
    return (
        "平板经 HTTPS 登录；仍经明文 HTTP 登录的平板会在控制台上标出（PIAOJUE_TABLET_HTTP=refuse 可拒绝它们）。\n"
        "Tablets use HTTPS; any that log in over plain HTTP are shown on the console "
        "(PIAOJUE_TABLET_HTTP=refuse refuses them)."
    )
