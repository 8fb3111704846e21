"""How a receipt typed by a person is read back: one small function, shared by every receipt check.

Receipts are shown in base32 (A–Z and 2–7), so the digits 0, 1 and 8 never occur in one:
a person copying from a tablet or a phone who types 0 for O, 1 for I and 8 for B
meant the letter. Full-width characters from a Chinese keyboard (ＡＢ１２) and lower case
are read as their plain upper-case forms; spaces and dashes are ignored.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_receipt"]


# What people type for what they see: only characters base32 never uses are mapped.
LOOK_ALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def normalize_receipt(typed: str) -> str:
    """What someone typed, as the receipt it must mean: upper case, no spaces or dashes, 0/1/8 → O/I/B."""
    plain = unicodedata.normalize("NFKC", typed)
    # A lower-case l stays L: someone typing the whole receipt in lower case means the letter L.
    plain = re.sub(r"[\s\-_－—–]", "", plain).upper()
    return plain.translate(LOOK_ALIKES)
