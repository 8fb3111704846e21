"""The announcement's fan-out: close, announce, time every viewer, while another hall keeps casting.

While the result goes out to the viewers, a second congress on the same server
(its own session and open vote) keeps working: its tablets cast one after another
on a few connections and a presiding officer's console polls turnout. Their
latencies are the hall's experience during the fan-out.
"""

from __future__ import annotations

import asyncio
import base64
import secrets
import statistics
import time
from collections.abc import Sequence

import msgspec

from ballots import sealing
from tally.models import Mark, Tally
from voting.drill.crowd import Crowd
from voting.drill.http_load import Request, encode, fire, read_reply
from voting.drill.setup import DrillCongress

HOST = "127.0.0.1"
CAST_LANES = 20
CONSOLE_LANES = 4


class Fanout(msgspec.Struct):
    """What the fan-out phase measured."""

    close_ms: float
    announce_ms: float  # the announce request's round trip
    result_ms: list[float]
    first_result_ms: float
    cast_ms: list[float]
    casts_refused: int
    console_ms: list[float]
    viewer_requests_after_announce: int
    viewer_failures: list[str]
    tally: Tally


Timings = list[tuple[int, float]]


async def timed_lane(port: int, requests: Sequence[Request], stop: asyncio.Event, pause_s: float) -> Timings:
    """Send requests one after another on one connection until done or stopped; (status, ms) each."""
    reader, writer = await asyncio.open_connection(HOST, port)
    timings = []
    try:
        for request in requests:
            if stop.is_set():
                break
            started = time.perf_counter()
            writer.write(encode(request, f"{HOST}:{port}"))
            status, _ = await read_reply(reader)
            timings.append((status, (time.perf_counter() - started) * 1000))
            await asyncio.sleep(pause_s)
    finally:
        writer.close()
    return timings


def cast_requests(hall: DrillCongress) -> list[Request]:
    """One sealed ballot per deputy of the second hall, as its tablets seal them: the first 10 candidates for."""
    marks: dict[int, Mark] = {c: Mark.FOR for c in hall.candidate_ids[:10]}
    public = base64.b64decode(hall.key.public_key)
    plain = sealing.ballot_plaintext(marks, hall.candidate_ids)
    return [
        Request(
            "POST",
            f"/api/votes/{hall.vote_id}/ballots",
            msgspec.json.encode(
                {
                    "cast_id": secrets.token_hex(16),
                    "sealed": base64.b64encode(sealing.seal(public, hall.key.label, plain)).decode(),
                }
            ),
            {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        )
        for token in hall.tokens
    ]


async def hall_load(
    port: int, hall: DrillCongress, presiding: dict[str, str], stop: asyncio.Event
) -> tuple[Timings, Timings]:
    """The second hall casting and its console polling until stopped; (casts, console) timings."""
    casts = cast_requests(hall)
    console = [Request("GET", f"/api/votes/{hall.vote_id}/turnout", b"", presiding)] * 10_000
    lanes = [timed_lane(port, casts[i::CAST_LANES], stop, 0.02) for i in range(CAST_LANES)]
    lanes += [timed_lane(port, console, stop, 0.05) for _ in range(CONSOLE_LANES)]
    done = await asyncio.gather(*lanes)
    return [t for lane in done[:CAST_LANES] for t in lane], [t for lane in done[CAST_LANES:] for t in lane]


async def announce_to_viewers(
    port: int,
    congress: DrillCongress,
    hall: DrillCongress,
    presiding: dict[str, str],
    crowd: Crowd,
) -> Fanout:
    """Close and announce on `port`; time each viewer until it holds the result; the second hall works meanwhile."""
    vote = congress.vote_id
    close_started = time.perf_counter()
    # The scrutineers' cards come with the close (two of three: the chief's lost), so it counts at once.
    closing = msgspec.json.encode({"confirm": True, "cards": congress.cards[1:3]})
    [closed] = await fire(HOST, port, [Request("POST", f"/api/votes/{vote}/close", closing, presiding)], 1)
    assert closed.status == 200, closed.body
    close_ms = (time.perf_counter() - close_started) * 1000
    await asyncio.sleep(1.0)  # let the closing event reach every page (they redraw from it, asking nothing)
    stop = asyncio.Event()
    load = asyncio.create_task(hall_load(port, hall, presiding, stop))
    await asyncio.sleep(0.2)  # the hall is working when the announcement goes out
    await crowd.mark()
    started = time.perf_counter()
    [announced] = await fire(HOST, port, [Request("POST", f"/api/votes/{vote}/announce", b"", presiding)], 1)
    assert announced.status == 200, announced.body
    reports = await crowd.reports()
    stop.set()
    casts, console = await load
    got = [(at - started) * 1000 for report in reports for at in report.result_at]
    [public] = await fire(HOST, port, [Request("GET", f"/api/votes/{vote}/result", b"", {})], 1)
    assert public.status == 200, public.body
    return Fanout(
        close_ms=close_ms,
        announce_ms=(announced.done_at - announced.sent_at) * 1000,
        result_ms=got,
        first_result_ms=min(got, default=0.0),
        cast_ms=[ms for status, ms in casts if status == 201],
        casts_refused=sum(1 for status, _ in casts if status != 201),
        console_ms=[ms for status, ms in console if status == 200],
        viewer_requests_after_announce=sum(r.requests_after_mark for r in reports),
        viewer_failures=[f for r in reports for f in r.failures],
        tally=msgspec.convert(msgspec.json.decode(public.body)["tally"], Tally),
    )


def median(values: list[float]) -> float:
    """The median, 0 for none."""
    return statistics.median(values) if values else 0.0
