"""The live event stream as bare ASGI: one prepared frame, the same bytes for every screen.

Through Litestar's ServerSentEvent each message cost every subscriber a decode, an
encode, a streaming-response task group and a disconnect listener: about half a
millisecond of one core per screen, so 10,000 phones took seconds to get one
announcement while the hall's requests waited. Here the backend frames each
message once (`data: …` + blank line, voting.live) and a screen's stream only
hands that object to the server. The route (voting.sessions.routes.events) is
routed and documented as usual; this middleware answers it.
"""

from __future__ import annotations

import asyncio
import contextlib

from litestar import Request
from litestar.types import ASGIApp, Receive, Scope, Send

from voting.auth.guards import is_staff
from voting.errors import Unavailable
from voting.live import frame, session_channel

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),  # nginx: pass each event on at once
]


class EventStreamLane:
    """Route middleware answering GET /api/sessions/{session_id}/events."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Stream the session's events until the screen goes away."""
        state = scope["app"].state
        # Parsed by the route ({session_id:int}); Litestar types path_params as str values.
        session_id = int(scope["path_params"]["session_id"])
        counted = not await is_staff(Request(scope, receive))
        streams = state.open_streams
        if counted and streams[0] >= state.settings.stream_limit:
            raise Unavailable("too_many_streams", "实时连接已满，请稍后重试", "Too many live screens; retry shortly")
        hello = {"event": "hello", "data": {"session_id": session_id, "live": state.live.up}}
        channels = state.channels
        subscriber = await channels.subscribe([session_channel(session_id)])
        streams[0] += counted

        async def until_gone() -> None:
            while (await receive())["type"] != "http.disconnect":
                pass
            subscriber.put_nowait(None)  # ends iter_events below

        watcher = asyncio.create_task(until_gone())
        try:
            await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
            await send({"type": "http.response.body", "body": frame(hello), "more_body": True})
            async for message in subscriber.iter_events():
                await send({"type": "http.response.body", "body": message, "more_body": True})
        except Exception:  # the server refuses to write once the screen went away: nothing to report
            pass
        finally:
            streams[0] -= counted
            watcher.cancel()
            with contextlib.suppress(Exception):
                await channels.unsubscribe(subscriber)
