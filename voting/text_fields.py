"""Text a person typed into a field: trimmed, present where required, within its limit; else a 400 naming it.

The decoder already refuses "" where a wire shape says min_length=1; these checks also refuse text of blanks
only, and count a limit after trimming (the public form says how many characters were given).
"""

from __future__ import annotations

from voting.errors import BadRequest

__all__ = ["optional_text", "required_text"]


def required_text(value: str, field: str, zh: str, limit: int | None = None) -> str:
    """The text without surrounding blanks; a 400 naming the field when nothing is left or it is too long."""
    text = value.strip()
    if not text:
        raise BadRequest("text_empty", f"请填写{zh}", f"Fill in the {field.replace('_', ' ')}", field=field)
    return optional_text(text, field, zh, limit)


def optional_text(value: str, field: str, zh: str, limit: int | None = None) -> str:
    """The text without surrounding blanks (maybe empty); a 400 naming the field when it is too long."""
    text = value.strip()
    if limit is not None and len(text) > limit:
        raise BadRequest(
            "text_too_long",
            f"{zh}不能超过{limit}字（现为{len(text)}字）",
            f"The {field.replace('_', ' ')} may have at most {limit} characters ({len(text)} given)",
            field=field,
            limit=limit,
        )
    return text
