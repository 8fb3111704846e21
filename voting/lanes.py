"""Litestar, with the two hottest requests answered before its routing.

- POST /api/votes/{id}/ballots: a tablet's cast (voting.tablet.cast_endpoint). Litestar's router
  cannot hand path parameters to a bare ASGI route, so the lane is taken here.
- GET of an announced vote's prepared documents (voting.prepared): every phone in the county
  may ask at once, and the bytes never change; routing, middleware and a response object
  cost several times what sending them does. Answered with the same security headers every
  other response gets (voting.security_headers); until a document is prepared its route answers.

Everything else goes through Litestar.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.enums import ScopeType
from litestar.types import Receive, Scope, Send

from voting.prepared import answer_prepared
from voting.security_headers import HEADERS
from voting.tablet.cast_endpoint import CAST_PATH, cast_endpoint

SECURITY_HEADERS = [(name.encode(), value.encode()) for name, value in HEADERS.items()]


class AppWithLanes(Litestar):
    """Litestar with the cast lane and the prepared-documents lane in front."""

    # Litestar's own signature also admits lifespan scopes; they go to super() untouched, and typing them
    # here would need casts on the hot path. So the override is narrower than its base, on purpose.
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:  # type: ignore[override]
        """Casts and prepared documents down their lanes, everything else to Litestar."""
        if scope["type"] == ScopeType.HTTP:
            if scope["method"] == "POST" and (match := CAST_PATH.match(scope["path"])):
                await cast_endpoint(self, int(match.group(1)), scope, receive, send)
                return
            if scope["method"] == "GET" and await answer_prepared(self.state.prepared, scope, send, SECURITY_HEADERS):
                return
        await super().__call__(scope, receive, send)
