"""Page routes (filled in by the pages work)."""

ROUTES: list[object] = []
