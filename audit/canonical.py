"""The one encoding that is hashed and signed: RFC 8785 (JCS) JSON, restricted to integers.

`canonical_bytes` accepts only these values:

- null (None), true/false, strings, arrays (list or tuple), objects (dict) with
  string keys;
- integers between -(2**53 - 1) and 2**53 - 1, so a browser (JavaScript
  numbers) reproduces them exactly;
- str and int subclasses (StrEnum, IntEnum) count as their plain value.

Refused, with NotCanonical: floats (jsonb's numeric rewrites them: 1e20 comes
back as an integer, so a stored entry would no longer hash the same), larger
integers, bytes, datetimes, sets, non-string keys, strings holding U+0000
(PostgreSQL text and jsonb cannot store it) or lone surrogates (not Unicode).

The bytes are UTF-8 JSON with no whitespace anywhere; object members are
sorted by key compared as UTF-16 code units (RFC 8785 §3.2.3); strings escape
only `"`, `\\` and U+0000..U+001F (as \\b \\t \\n \\f \\r, else \\u00xx in
lowercase hex), every other character is written as itself; integers are
plain decimal. Any RFC 8785 implementation gives the same bytes for the same
value, which is what lets an offline verifier in another language check us.

Timestamps are not JSON values: callers turn them into text with
`timestamp_text` first (UTC, microseconds, "Z").
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import msgspec

from audit.errors import NotCanonical

__all__ = ["SAFE_INTEGER", "canonical_bytes", "timestamp_text"]

SAFE_INTEGER = 2**53 - 1
_in_given_order = msgspec.json.Encoder()  # for values _plain has already sorted
_in_code_point_order = msgspec.json.Encoder(order="sorted")  # sorts dict keys by code point


def canonical_bytes(value: Mapping[str, Any]) -> bytes:
    """The canonical bytes of a JSON object; NotCanonical if any part has no canonical form."""
    try:
        # Audit entries take the fast path: plain types, ASCII keys, for which msgspec's
        # code point order is the UTF-16 order. Anything else is rebuilt by _plain first.
        if _is_plain(value):
            return _in_code_point_order.encode(value)
        return _in_given_order.encode(_plain(value))
    except UnicodeEncodeError as error:
        raise NotCanonical("a string is not valid Unicode (lone surrogate)") from error


@functools.lru_cache(maxsize=256)  # a batch of entries shares one moment: format it once
def timestamp_text(at: datetime) -> str:
    """A moment as canonical text: UTC, always six fraction digits, e.g. 2025-03-05T01:02:03.000004Z."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise NotCanonical("a timestamp without a time zone is ambiguous")
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _is_plain(value: Any) -> bool:
    """True if msgspec's sorted encoding of `value` is already canonical (never raises)."""
    kind = type(value)
    if kind is str:
        return "\x00" not in value
    if kind is int:
        return bool(-SAFE_INTEGER <= value <= SAFE_INTEGER)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str or not key.isascii() or "\x00" in key or not _is_plain(item):
                return False
        return True
    if value is None or kind is bool:
        return True
    if kind is list:
        return all(_is_plain(item) for item in value)
    return False


def _plain(value: Any) -> Any:
    """The value as exact built-in JSON types, objects sorted; refuses what has no canonical form."""
    if value is None or value is True or value is False:
        return value
    if isinstance(value, str):
        if "\x00" in value:
            raise NotCanonical("a string holds U+0000, which PostgreSQL cannot store")
        return str.__str__(value)  # a StrEnum member becomes its plain value
    if isinstance(value, int):
        if not -SAFE_INTEGER <= value <= SAFE_INTEGER:
            raise NotCanonical(f"integer {value} is outside ±(2**53 - 1)")
        return int(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise NotCanonical("an object key is not a string")
        try:
            keys = sorted(value, key=_utf16_order)
        except UnicodeEncodeError as error:
            raise NotCanonical("an object key is not valid Unicode (lone surrogate)") from error
        return {_plain(key): _plain(value[key]) for key in keys}
    raise NotCanonical(f"{type(value).__name__} has no canonical form (floats, bytes and dates are refused)")


def _utf16_order(key: str) -> bytes:
    # Big-endian UTF-16 bytes compare exactly as the code units do.
    return key.encode("utf-16-be")
