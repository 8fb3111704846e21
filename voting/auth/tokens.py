"""JWTs for staff and for deputies' tablets, and the principal they carry."""

from __future__ import annotations

import time
from enum import StrEnum
from typing import Any

import jwt
import msgspec

from audit import AuditEvent
from voting.errors import NotAuthenticated

ALGORITHM = "HS256"
ISSUER = "piaojue"


class Role(StrEnum):
    """Who may do what; public needs no login."""

    ADMIN = "admin"
    CLERK = "clerk"  # 秘书处
    PRESIDING = "presiding"  # 主持人 / 大会执行主席
    TELLER = "teller"  # 计票人
    SCRUTINEER = "scrutineer"  # 监票人 (one per vote is 总监票人)
    LIAISON = "liaison"  # 部门联络员: sees only its own department's work
    DEPUTY = "deputy"


# Everyone who logs in with a staff account (a live, revocable login). Tellers and
# scrutineers read what other staff read; what each may change is guarded per route.
STAFF_ROLES = (Role.ADMIN, Role.CLERK, Role.PRESIDING, Role.TELLER, Role.SCRUTINEER)

# Every role that logs in with a username and password. Liaisons are not staff
# of the congress: they get only the routes that name them, scoped to their
# department (voting.departments.service.department_of).
LOGIN_ROLES = (*STAFF_ROLES, Role.LIAISON)


class Principal(msgspec.Struct, frozen=True):
    """The logged-in user a request acts for."""

    role: Role
    subject_id: int  # staff_user.id or deputy.id
    name: str
    session_id: int | None = None  # deputies: the session the tablet is bound to
    login_id: str | None = None  # deputies: tablet_login.id, checked for revocation
    body_id: int | None = None  # staff: the body the login belongs to, read live (voting.auth.scope)

    def audit(
        self, action: str, object_type: str, object_id: object, detail: dict[str, Any] | None = None
    ) -> AuditEvent:
        """An audit event of something this user did."""
        return AuditEvent(
            actor=self.actor,
            role=self.role,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            detail=detail or {},
        )

    @property
    def actor(self) -> str:
        """How the audit log names this user."""
        kind = "deputy" if self.role is Role.DEPUTY else "staff"
        return f"{kind}:{self.subject_id}"


def issue_token(principal: Principal, secret: str, minutes: int, now: float | None = None) -> str:
    """Sign a token for principal that expires after minutes."""
    issued = int(now if now is not None else time.time())
    claims: dict[str, object] = {
        "iss": ISSUER,
        "sub": str(principal.subject_id),
        "role": principal.role.value,
        "name": principal.name,
        "iat": issued,
        "exp": issued + minutes * 60,
    }
    if principal.session_id is not None:
        claims["sid"] = principal.session_id
    if principal.login_id is not None:
        claims["jti"] = principal.login_id
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


class VerifiedTokens:
    """Tokens already verified, so a tablet's every request does not pay PyJWT again.

    Keyed by the whole token string (signature included): the same string
    verifies the same way until it expires, which is checked on every hit.
    Revocation is not decided here but by the database on each use.
    """

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self.known: dict[tuple[str, str], tuple[Principal, int]] = {}

    def get(self, token: str, secret: str, now: float) -> Principal | None:
        """The cached principal of a still-valid token, or None."""
        hit = self.known.get((token, secret))
        if hit is None or hit[1] <= now:
            return None
        return hit[0]

    def put(self, token: str, secret: str, principal: Principal, expires: int) -> None:
        """Remember a verified token; forget everything when full (cheap and bounded)."""
        if len(self.known) >= self.size:
            self.known.clear()
        self.known[(token, secret)] = (principal, expires)


_verified = VerifiedTokens()


def read_token(token: str, secret: str) -> Principal:
    """Verify a token and return its principal; any defect is a 401."""
    now = time.time()
    cached = _verified.get(token, secret, now)
    if cached is not None:
        return cached
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "role"]},
        )
        principal = Principal(
            role=Role(claims["role"]),
            subject_id=int(claims["sub"]),
            name=str(claims.get("name", "")),
            session_id=claims.get("sid"),
            login_id=claims.get("jti"),
        )
    except jwt.ExpiredSignatureError as error:
        raise NotAuthenticated(
            "token_expired", "登录已过期，请重新登录", "Login expired, please log in again"
        ) from error
    except (jwt.InvalidTokenError, ValueError, KeyError) as error:
        raise NotAuthenticated("token_invalid", "登录凭证无效", "Invalid token") from error
    _verified.put(token, secret, principal, int(claims["exp"]))
    return principal
