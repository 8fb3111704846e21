"""Key cards as printed: each with its QR code (the HTTP layer adds it; the services stay free of pages)."""

from __future__ import annotations

from voting.page_kit.qr import qr_svg
from voting.sealing.models import KeyCardOut, KeyCards, MadeCards


def printable(made: MadeCards) -> KeyCards:
    """The cards with the QR code each carries (its text)."""
    return KeyCards(
        label=made.label,
        fingerprint=made.fingerprint,
        threshold=made.threshold,
        cards=[KeyCardOut(number=c.number, holder=c.holder, text=c.text, qr_svg=qr_svg(c.text)) for c in made.cards],
    )
