"""Wire shapes for departments and liaison accounts."""

from __future__ import annotations

from typing import Annotated

import msgspec


class Department(msgspec.Struct):
    """A government department that vets candidates and carries out chosen projects."""

    id: int
    body_id: int
    name: str


class DepartmentCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new department of a body."""

    name: Annotated[str, msgspec.Meta(min_length=1, max_length=60)]


class LiaisonCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A liaison login for a department."""

    username: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9_.-]{2,40}$")]
    display_name: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class LiaisonAccount(msgspec.Struct):
    """A liaison login just set; the password is shown this once and never stored in clear."""

    username: str
    display_name: str
    department_id: int
    password: str
