"""Run the drill: set up, measure the baseline, cast every ballot, close, announce, verify; export on request."""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import random
import secrets
import statistics
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import msgspec

from ballots import sealing
from tally.count import count_votes
from tally.models import Ballot, Mark, VoteRules
from voting.bulletin.export import write_archive
from voting.database import create_pool, migrate
from voting.drill.crowd import Crowd
from voting.drill.fanout import Fanout, announce_to_viewers
from voting.drill.gets import measure_gets
from voting.drill.http_load import Reply, Request, fire
from voting.drill.proxy import nchan_publisher_port, nginx_in_front
from voting.drill.queries import count_stored, create_database
from voting.drill.screens import announce_round_trip, presiding_token
from voting.drill.servers import ServerProcess, granian_process, granian_server
from voting.drill.setup import SEATS, DrillCongress, set_up_congress
from voting.drill.tablet_cost import tablet_seal_cost
from voting.serving import raise_open_files_limit
from voting.settings import Settings

HOST = "127.0.0.1"


class DrillReport(msgspec.Struct):
    """What `voting drill --json` prints."""

    deputies: int
    concurrency: int
    workers: int
    ballots_acknowledged: int
    ballots_in_db: int
    lost: int
    duplicates: int
    refused: int
    cast_per_s: float
    baseline_per_s: float
    ratio: float
    p50_ms: float
    p99_ms: float
    burst_s: float
    baseline_burst_s: float
    close_to_announce_ms: float  # from the k-th key card presented to the public result on a listening screen
    close_ms: float  # the presiding officer's close (casting ends; the sealed ballots wait for the cards)
    seal_ms_per_ballot: float  # sealing one ballot in Python (the load client does what tablets do)
    tally_matches: bool
    hosts: int = 1
    nchan: bool = False  # the viewers' streams held by nginx's nchan module
    viewers: int = 0
    viewers_connected: int = 0
    viewers_with_result: int = 0
    viewer_failures: int = 0
    viewer_errors: list[str] = []  # a few distinct reasons, when viewers failed
    viewer_requests_after_announce: int = 0  # 0: every page drew the result from the event itself
    announce_ms: float = 0.0  # the announce request alone
    first_result_ms: float = 0.0  # announce request sent → the first viewer has the result
    result_p50_ms: float = 0.0
    result_p99_ms: float = 0.0
    result_max_ms: float = 0.0
    hall_casts_during_fanout: int = 0
    hall_casts_refused: int = 0
    cast_p99_ms_during_fanout: float = 0.0
    console_p99_ms_during_fanout: float = 0.0
    server_rss_mb: float = 0.0
    gets: dict[str, float] = {}
    tablet_seal_ms: dict[str, float] = {}  # Chromium: sealing one ballot in seal.js, by CPU slow-down (×1, ×4, ×6)


def percentile(values: list[float], share: float) -> float:
    """The share-th percentile (0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def drill_ballots(congress: DrillCongress, seed: int) -> list[dict[int, Mark]]:
    """One ballot per deputy: 10 of 12 marked, seeded so the expected count is known."""
    rng = random.Random(seed)
    return [{c: Mark.FOR for c in rng.sample(congress.candidate_ids, SEATS)} for _ in congress.tokens]


async def measure_baseline(database_url: str, count: int, concurrency: int, workers: int) -> float:
    """Seconds from first request to last reply for `count` one-INSERT requests."""
    env = {"DATABASE_URL": database_url}
    with granian_process("voting.drill.baseline:create_baseline_app", env, workers, "/schema") as port:
        warm = [Request("POST", "/baseline", b'{"warm":1}', {"Content-Type": "application/json"})] * 50
        await fire(HOST, port, warm, 10)
        requests = [
            Request("POST", "/baseline", json.dumps({"n": i}).encode(), {"Content-Type": "application/json"})
            for i in range(count)
        ]
        replies = await fire(HOST, port, requests, concurrency)
    assert all(r.status == 201 for r in replies), "baseline requests failed"
    return max(r.done_at for r in replies) - min(r.sent_at for r in replies)


async def run(args: argparse.Namespace) -> DrillReport:
    """The whole drill, returning its figures."""
    # Callers from before --viewers (tests, scripts) build their own Namespace without the new options.
    viewers = getattr(args, "viewers", 0)
    hosts = getattr(args, "hosts", 1)
    nchan = getattr(args, "nchan", False)
    settings = Settings.from_env()
    server_url = settings.database_url
    if not server_url:
        from voting.embedded import start_embedded_postgres

        server_url = start_embedded_postgres(settings.data_dir)
    database_url = await fresh_database(server_url)
    await migrate(database_url)
    concurrency = args.concurrency or min(args.deputies, 1000)
    pool = await create_pool(database_url, 10)
    crowd = Crowd()
    fanout: Fanout | None = None
    gets: dict[str, float] = {}
    rss_mb = 0.0
    try:
        congress = await set_up_congress(pool, settings, args.deputies)
        baseline_s = await measure_baseline(database_url, args.deputies, concurrency, args.workers)
        ballots = drill_ballots(congress, seed=args.deputies)
        env = {"DATABASE_URL": database_url, "PIAOJUE_JWT_SECRET": settings.jwt_secret}
        hall = await set_up_congress(pool, settings, getattr(args, "hall_deputies", 300)) if viewers else None
        with app_servers(env, args.workers, hosts, nchan) as (servers, public_addresses):
            port = servers[0].port  # the hall's host: tablets, console, announcement
            await open_vote_screens(port, congress, concurrency)
            bodies, seal_s = seal_all(congress, ballots)
            if viewers:
                await crowd.open(public_addresses, congress.session_id, congress.vote_id, viewers)
            cast_replies = await cast_all(port, congress, bodies, concurrency)
            if hall is None:
                close_ms, count_ms, tally = await announce_round_trip(HOST, port, congress, pool, settings)
            else:
                presiding = {
                    "Content-Type": "application/json",
                    "Authorization": f"Bearer {await presiding_token(pool, settings, congress.body_id)}",
                }
                rss_mb = sum(server.rss_mb() for server in servers)
                fanout = await announce_to_viewers(port, congress, hall, presiding, crowd)
                rss_mb = max(rss_mb, sum(server.rss_mb() for server in servers))
                close_ms, count_ms, tally = fanout.close_ms, fanout.close_ms + fanout.first_result_ms, fanout.tally
            if getattr(args, "gets", False):
                with granian_process("voting.drill.baseline:create_baseline_app", env, args.workers, "/schema") as bare:
                    gets = await measure_gets(port, bare, congress.vote_id)
            tablet_ms = (
                tablet_seal_cost(f"http://{HOST}:{port}", congress) if getattr(args, "tablet_cost", False) else {}
            )
        acknowledged = [r for r in cast_replies if r.status == 201]
        in_db, issued = await count_stored(pool, congress.vote_id)
        if getattr(args, "export", None):
            await write_archive(pool, congress.vote_id, Path(args.export))
    finally:
        crowd.stop()
        await pool.close()
    burst_s = max(r.done_at for r in cast_replies) - min(r.sent_at for r in cast_replies)
    latencies = [(r.done_at - r.sent_at) * 1000 for r in acknowledged] or [0.0]
    expected = count_votes(
        VoteRules(seats=SEATS),
        congress.candidate_ids,
        [Ballot(marks=m) for m in ballots],
        deputies_total=args.deputies,
        deputies_present=args.deputies,
    )
    cast_per_s = len(cast_replies) / burst_s
    baseline_per_s = args.deputies / baseline_s
    return DrillReport(
        deputies=args.deputies,
        concurrency=concurrency,
        workers=args.workers,
        ballots_acknowledged=len(acknowledged),
        ballots_in_db=in_db,
        lost=max(0, len(acknowledged) - in_db),
        duplicates=max(0, in_db - issued) + max(0, in_db - args.deputies),
        refused=len(cast_replies) - len(acknowledged),
        cast_per_s=round(cast_per_s, 1),
        baseline_per_s=round(baseline_per_s, 1),
        ratio=round(cast_per_s / baseline_per_s, 2),
        p50_ms=round(statistics.median(latencies), 1),
        p99_ms=round(percentile(latencies, 0.99), 1),
        burst_s=round(burst_s, 3),
        baseline_burst_s=round(baseline_s, 3),
        close_to_announce_ms=round(count_ms, 1),
        close_ms=round(close_ms, 1),
        seal_ms_per_ballot=round(seal_s * 1000 / len(ballots), 3),
        tally_matches=tally == expected,
        hosts=hosts,
        nchan=nchan,
        gets=gets,
        tablet_seal_ms=tablet_ms,
        **(viewer_figures(crowd, fanout, rss_mb) if fanout else {}),
    )


def viewer_figures(crowd: Crowd, fanout: Fanout, rss_mb: float) -> dict[str, Any]:
    """The fan-out's fields of the report."""
    result_ms = fanout.result_ms or [0.0]
    return {
        "viewers": crowd.viewers,
        "viewers_connected": crowd.connected,
        "viewers_with_result": len(fanout.result_ms),
        "viewer_failures": len(fanout.viewer_failures),
        "viewer_errors": sorted(set(fanout.viewer_failures))[:5],
        "viewer_requests_after_announce": fanout.viewer_requests_after_announce,
        "announce_ms": round(fanout.announce_ms, 1),
        "first_result_ms": round(fanout.first_result_ms, 1),
        "result_p50_ms": round(statistics.median(result_ms), 1),
        "result_p99_ms": round(percentile(result_ms, 0.99), 1),
        "result_max_ms": round(max(result_ms), 1),
        "hall_casts_during_fanout": len(fanout.cast_ms),
        "hall_casts_refused": fanout.casts_refused,
        "cast_p99_ms_during_fanout": round(percentile(fanout.cast_ms or [0.0], 0.99), 1),
        "console_p99_ms_during_fanout": round(percentile(fanout.console_ms or [0.0], 0.99), 1),
        "server_rss_mb": round(rss_mb, 1),
    }


@contextmanager
def app_servers(
    env: dict[str, str], workers: int, hosts: int, nchan: bool = False
) -> Iterator[tuple[list[ServerProcess], list[tuple[str, int]]]]:
    """The app on `hosts` processes; with more than one, or with nchan, nginx in front of all for the public.

    The hall (tablets, console, the announcement) talks to the first directly, as on the hall LAN;
    the viewers come through nginx, so most of them sit on another process than the announcement.
    With nchan, nginx holds the viewers' streams and every app process posts its events to it.
    """
    publish_port = nchan_publisher_port() if nchan else None
    if publish_port is not None:
        env = {**env, "PIAOJUE_PUBLIC_EVENTS_URL": f"http://{HOST}:{publish_port}/publish"}
    with ExitStack() as stack:
        servers = [
            stack.enter_context(granian_server("voting.app:create_app_from_env", env, workers, "/api/sessions"))
            for _ in range(hosts)
        ]
        if hosts == 1 and not nchan:
            yield servers, [(HOST, servers[0].port)]
        else:
            yield servers, [(HOST, stack.enter_context(nginx_in_front([s.port for s in servers], publish_port)))]


async def fresh_database(server_url: str) -> str:
    """A new database on the server, so the drill never touches real data."""
    return await create_database(server_url, "piaojue_drill_" + secrets.token_hex(4))


async def open_vote_screens(port: int, congress: DrillCongress, concurrency: int) -> None:
    """Each tablet loads its vote screen first (GET /api/tablet/me), as the tablet page does; not timed."""
    requests = [Request("GET", "/api/tablet/me", b"", {"Authorization": f"Bearer {t}"}) for t in congress.tokens]
    replies = await fire(HOST, port, requests, concurrency)
    assert all(r.status == 200 for r in replies), "tablets could not load the vote"


def seal_all(congress: DrillCongress, ballots: list[dict[int, Mark]]) -> tuple[list[bytes], float]:
    """Each tablet's request body, its ballot sealed as the tablet seals it; and the seconds sealing took."""
    public = base64.b64decode(congress.key.public_key)
    started = time.perf_counter()
    sealed = [
        sealing.seal(public, congress.key.label, sealing.ballot_plaintext(dict(marks), congress.candidate_ids))
        for marks in ballots
    ]
    took = time.perf_counter() - started
    bodies = [
        msgspec.json.encode({"cast_id": secrets.token_hex(16), "sealed": base64.b64encode(s).decode()}) for s in sealed
    ]
    return bodies, took


async def cast_all(port: int, congress: DrillCongress, bodies: list[bytes], concurrency: int) -> list[Reply]:
    """Every deputy's tablet casts its sealed ballot once, all at the same time."""
    requests = [
        Request(
            "POST",
            f"/api/votes/{congress.vote_id}/ballots",
            body,
            {"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        )
        for token, body in zip(congress.tokens, bodies, strict=True)
    ]
    return await fire(HOST, port, requests, concurrency)


def run_drill(args: argparse.Namespace) -> int:
    """CLI entry: print the report; exit 1 if anything was lost or doubled, or a viewer missed the result."""
    raise_open_files_limit()
    try:
        import uvloop  # the client of 10,000 viewers should not be the bottleneck it measures

        report = uvloop.run(run(args))
    except ImportError:
        report = asyncio.run(run(args))
    if args.json:
        print(msgspec.json.encode(report).decode())
    else:
        for field in report.__struct_fields__:
            print(f"{field:>22}: {getattr(report, field)}")
    ok = report.lost == 0 and report.duplicates == 0 and report.tally_matches
    ok = ok and report.viewers_with_result == report.viewers
    return 0 if ok else 1
