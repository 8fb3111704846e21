"""Wire shapes for staff logins."""

from __future__ import annotations

from typing import Annotated

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
