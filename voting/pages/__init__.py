"""Server-rendered pages: console, tablet, hall screen, public results, seat cards."""

from voting.pages.routes import ROUTES

__all__ = ["ROUTES"]
