"""Wire shapes for staff logins."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec


class StaffLogin(msgspec.Struct, forbid_unknown_fields=True):
    """Username and password."""

    username: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    password: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]


class StaffToken(msgspec.Struct):
    """A staff login: the token (also set as an HttpOnly cookie) and who it is."""

    token: str
    username: str
    display_name: str
    role: str


Username = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_.-]{2,40}$")]
DisplayName = Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
AccountRole = Literal["admin", "clerk", "presiding", "teller", "scrutineer", "liaison"]


class StaffAccount(msgspec.Struct):
    """A staff login of a body, as its administrator sees it (never its password)."""

    id: int
    username: str
    display_name: str
    role: str
    body_id: int | None
    department_id: int | None
    active: bool


class StaffAccountCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new login for the body; a liaison names its department."""

    username: Username
    display_name: DisplayName
    role: AccountRole
    department_id: int | None = None


class StaffAccountUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Rename, change the role, or revoke (active=false) a login."""

    display_name: DisplayName | None = None
    role: AccountRole | None = None
    department_id: int | None = None
    active: bool | None = None


class StaffPassword(msgspec.Struct):
    """A login with its new password, shown once and never stored in the clear."""

    account: StaffAccount
    password: str
