"""The canonical encoding: RFC 8785 JSON limited to integers, refusing what jsonb would not give back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from enum import IntEnum, StrEnum
from typing import Any

import msgspec
import pytest
from hypothesis import given

from audit import NotCanonical, canonical
from audit.canonical import SAFE_INTEGER, canonical_bytes, timestamp_text
from tests.audit.chains import ascii_details, details


def reference_encoding(value: Any) -> bytes:
    """RFC 8785 for integer-only JSON, written the slow obvious way."""

    def ordered(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: ordered(v[k]) for k in sorted(v, key=lambda k: k.encode("utf-16-be"))}
        if isinstance(v, list):
            return [ordered(x) for x in v]
        return v

    return json.dumps(ordered(value), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@given(details | ascii_details)
def test_matches_rfc_8785_for_any_integer_json(value: dict[str, Any]) -> None:
    assert canonical_bytes(value) == reference_encoding(value)


@given(ascii_details)
def test_the_fast_path_gives_the_same_bytes_as_the_general_one(value: dict[str, Any]) -> None:
    assert canonical._is_plain(value)
    assert canonical_bytes(value) == canonical._in_given_order.encode(canonical._plain(value))


@given(details | ascii_details)
def test_decoding_and_encoding_again_gives_the_same_bytes(value: dict[str, Any]) -> None:
    once = canonical_bytes(value)
    assert canonical_bytes(msgspec.json.decode(once)) == once


def test_keys_sort_by_utf16_code_units_as_in_rfc_8785() -> None:
    # The example of RFC 8785 §3.2.3: 😀 (D83D DE00) sorts before U+FB33, unlike code point order.
    value = {
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\U0001f600": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis",
    }
    keys = list(msgspec.json.decode(canonical_bytes(value)))
    assert keys == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]


def test_canonical_bytes_have_no_whitespace_raw_utf8_and_minimal_escapes() -> None:
    value = {"b": [1, -2, None, True, False], "a": '票决 "q" \\ \n\t\x01\u2028'}
    expected = '{"a":"票决 \\"q\\" \\\\ \\n\\t\\u0001\u2028","b":[1,-2,null,true,false]}'
    assert canonical_bytes(value) == expected.encode("utf-8")


def test_nested_objects_are_sorted_too() -> None:
    assert canonical_bytes({"z": {"y": 1, "x": [{"b": 1, "a": 2}]}}) == b'{"z":{"x":[{"a":2,"b":1}],"y":1}}'


def test_enums_and_tuples_count_as_their_plain_values() -> None:
    class Colour(StrEnum):
        RED = "red"

    class Level(IntEnum):
        HIGH = 3

    assert canonical_bytes({"c": Colour.RED, "l": Level.HIGH, "t": (1, 2)}) == b'{"c":"red","l":3,"t":[1,2]}'


def test_the_largest_safe_integers_are_accepted() -> None:
    assert canonical_bytes({"n": [SAFE_INTEGER, -SAFE_INTEGER]}) == b'{"n":[9007199254740991,-9007199254740991]}'


@pytest.mark.parametrize(
    "value",
    [
        {"x": 1.5},  # jsonb's numeric would hand back a different float text, or an int
        {"x": float("nan")},
        {"x": SAFE_INTEGER + 1},
        {"x": -SAFE_INTEGER - 1},
        {"x": b"bytes"},
        {"x": datetime(2025, 1, 1, tzinfo=UTC)},
        {"x": {1, 2}},
        {"x": {1: "int key"}},
        {"x": "nul \x00 inside"},
        {"x": "lone \ud800 surrogate"},
        {"lone \udc00 key": 1},
    ],
)
def test_values_without_a_canonical_form_are_refused(value: dict[str, Any]) -> None:
    with pytest.raises(NotCanonical):
        canonical_bytes(value)


def test_timestamps_are_utc_with_six_fraction_digits() -> None:
    beijing = timezone(timedelta(hours=8))
    assert timestamp_text(datetime(2025, 3, 5, 9, 2, 3, tzinfo=beijing)) == "2025-03-05T01:02:03.000000Z"
    assert timestamp_text(datetime(2025, 3, 5, 1, 2, 3, 4, tzinfo=UTC)) == "2025-03-05T01:02:03.000004Z"


def test_a_timestamp_without_a_zone_is_refused() -> None:
    with pytest.raises(NotCanonical):
        timestamp_text(datetime(2025, 3, 5, 1, 2, 3))
