"""Wire shapes for bodies."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Level = Literal["township", "county", "city"]
BodyName = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Term = Annotated[int, msgspec.Meta(ge=1, le=99)]

LEVEL_NAMES = {"city": "市", "county": "县（区）", "township": "乡镇（街道）"}


class Body(msgspec.Struct):
    """A congress (人大): township, county or city, with its place in the hierarchy."""

    id: int
    name: str
    level: str
    parent_id: int | None = None
    term: int = 1  # 第N届


class BodyCreate(msgspec.Struct, forbid_unknown_fields=True):
    """A new body; a township or county names the body above it."""

    name: BodyName
    level: Level
    parent_id: int | None = None
    term: Term = 1


class BodyUpdate(msgspec.Struct, forbid_unknown_fields=True):
    """What an administrator may change of a body."""

    name: BodyName | None = None
    parent_id: int | None = None
    term: Term | None = None
