"""Tracking codes (查询码), phone numbers and the length limits of what a submitter types."""

from __future__ import annotations

import re
import secrets
import unicodedata

from voting.errors import BadRequest

# No 0/O, 1/I: people copy these from a phone screen onto paper and back.
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 8

# ASCII digits only, as the database CHECK says: Python's \d would also take ０-９ and other scripts.
MOBILE = re.compile(r"1[3-9][0-9]{9}")
LANDLINE = re.compile(r"0[0-9]{2,3}-?[0-9]{7,8}")

TITLE_MAX = 60
DESCRIPTION_MAX = 1000
PLACE_MAX = 60
NAME_MAX = 40


def new_tracking_code() -> str:
    """A fresh random code."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_tracking_code(typed: str) -> str:
    """What someone typed, as stored: upper case, no spaces or dashes."""
    return typed.strip().upper().replace(" ", "").replace("-", "")


def show_tracking_code(code: str) -> str:
    """ABCD-EFGH: easier to read out and copy."""
    return f"{code[:4]}-{code[4:]}"


def tracking_url(base_url: str, code: str) -> str:
    """The page (and the QR code) where a submitter follows a suggestion."""
    return f"{base_url}/track/{code}"


def clean_phone(typed: str) -> str:
    """A mainland mobile (1[3-9]xxxxxxxxx) or a landline (0xx-xxxxxxxx); empty is fine; else a 400."""
    # Chinese keyboards often type full-width digits, plus and dash (１３８…, ＋８６, －): NFKC makes them ASCII.
    phone = re.sub(r"[\s()]", "", unicodedata.normalize("NFKC", typed))
    phone = phone.removeprefix("+86")
    if phone and not (MOBILE.fullmatch(phone) or LANDLINE.fullmatch(phone)):
        raise BadRequest(
            "phone_invalid",
            "联系电话格式不正确（手机号11位，或区号-座机号）",
            "The phone number is malformed (an 11-digit mobile, or area code-landline)",
        )
    return phone
