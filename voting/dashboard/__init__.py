"""The public dashboard of chosen projects: list, charts, each project's page and site poster."""

__all__: list[str] = []
