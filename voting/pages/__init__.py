"""Server-rendered pages: the router registering every feature's pages, and the front doors (landing, console home).

The pages themselves live beside their feature (`voting/<package>/pages.py`); what they share is voting.page_kit.
"""

from voting.pages.routes import PAGE_ROUTER

__all__ = ["PAGE_ROUTER"]
