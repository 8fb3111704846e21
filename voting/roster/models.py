"""Wire shapes for bodies and deputies."""

from __future__ import annotations

from typing import Annotated

import msgspec

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
Short = Annotated[str, msgspec.Meta(max_length=50)]
Phone = Annotated[str, msgspec.Meta(pattern=r"^[0-9+\- ]{0,20}$")]


class Deputy(msgspec.Struct):
    """A deputy (代表) of one body."""

    id: int
    body_id: int
    name: str
    delegation: str
    seat: str
    phone: str
    active: bool


class DeputyCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new deputy."""

    name: Name
    delegation: Short = ""
    seat: Annotated[str, msgspec.Meta(max_length=20)] = ""
    phone: Phone = ""


class DeputyUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Changes to a deputy; omitted fields stay as they are."""

    name: Name | None = None
    delegation: Short | None = None
    seat: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    phone: Phone | None = None
    active: bool | None = None


class ImportRowError(msgspec.Struct):
    """One bad CSV row: its line number and what is wrong, in both languages."""

    line: int
    message_zh: str
    message_en: str


class ImportResult(msgspec.Struct):
    """How many deputies a CSV import added."""

    imported: int
