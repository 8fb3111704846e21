"""Wire shapes for bodies and deputies."""

from __future__ import annotations

from typing import Annotated

import msgspec

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=50)]
Short = Annotated[str, msgspec.Meta(max_length=50)]
Phone = Annotated[str, msgspec.Meta(pattern=r"^[0-9+\- ]{0,20}$")]
Number = Annotated[str, msgspec.Meta(max_length=20)]


class Deputy(msgspec.Struct):
    """A deputy (代表) of one body."""

    id: int
    body_id: int
    name: str
    delegation: str
    seat: str
    phone: str
    active: bool
    number: str = ""  # 代表编号; empty when the clerk's roster has none


class DeputyCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new deputy."""

    name: Name
    delegation: Short = ""
    seat: Annotated[str, msgspec.Meta(max_length=20)] = ""
    phone: Phone = ""
    number: Number = ""


class DeputyUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """Changes to a deputy; omitted fields stay as they are."""

    name: Name | None = None
    delegation: Short | None = None
    seat: Annotated[str, msgspec.Meta(max_length=20)] | None = None
    phone: Phone | None = None
    number: Number | None = None
    active: bool | None = None


class ImportRowError(msgspec.Struct):
    """One bad row of a roster file: its line number and what is wrong, in both languages."""

    line: int
    message_zh: str
    message_en: str


class PlannedDeputy(msgspec.Struct):
    """A row of the file that will add a new deputy."""

    line: int
    name: str
    delegation: str
    seat: str
    phone: str
    number: str


class FieldChange(msgspec.Struct):
    """One field of a deputy the import will change."""

    field: str
    before: str
    after: str


class PlannedChange(msgspec.Struct):
    """A row of the file matching a deputy whose details will change."""

    line: int
    deputy_id: int
    name: str
    changes: list[FieldChange]
    ended: bool  # the deputy's term has ended; the import does not restore it


class ImportPreview(msgspec.Struct):
    """What importing this file would do; confirm by sending the same file with this digest."""

    digest: str  # of the plan and of the roster it was made against
    key: str  # how rows were matched: "number" (代表编号) or "name_delegation"
    added: list[PlannedDeputy]
    changed: list[PlannedChange]
    unchanged: int  # rows matching a deputy exactly
    not_in_file: int  # serving deputies the file does not mention (left as they are)


class ImportResult(msgspec.Struct):
    """What a confirmed import did."""

    added: int
    changed: int
    unchanged: int
