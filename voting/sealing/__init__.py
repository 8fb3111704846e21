"""Sealing keys and key cards for votes and rating rounds, and opening the sealed count with the cards."""

__all__: list[str] = []
