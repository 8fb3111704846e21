"""A receipt typed by a person: the usual confusions are read as the receipt they must mean."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ballots.receipt_codes import normalize_receipt

BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def test_digits_base32_never_uses_are_the_letters_they_look_like() -> None:
    assert normalize_receipt("AB1O0-8CDE2") == "ABIOOBCDE2"
    assert normalize_receipt("  abcde – 23456 ") == "ABCDE23456"
    assert normalize_receipt("ＡＢＣＤＥ－２３４５６") == "ABCDE23456"
    # l in a receipt typed in lower case is the letter L, not I.
    assert normalize_receipt("lllll-22222") == "LLLLL22222"


@given(st.text(alphabet=BASE32, min_size=10, max_size=10))
def test_a_shown_receipt_and_its_loose_typings_read_alike(code: str) -> None:
    shown = f"{code[:5]}-{code[5:]}"
    loose = shown.lower().replace("o", "0").replace("i", "1").replace("b", "8").replace("-", " ")
    assert normalize_receipt(loose) == code
    assert normalize_receipt(loose) == normalize_receipt(shown)
