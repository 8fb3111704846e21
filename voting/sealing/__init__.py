"""Sealing keys and key cards for votes and rating rounds, and opening the sealed count with the cards."""

from voting.sealing.models import KeyCards, KeyCeremony, MadeCards, PresentCards, SealingKey
from voting.sealing.service import OpenKey, check_ceremony, record_key, sealing_key

__all__ = [
    "KeyCards",
    "KeyCeremony",
    "MadeCards",
    "OpenKey",
    "PresentCards",
    "SealingKey",
    "check_ceremony",
    "record_key",
    "sealing_key",
]
