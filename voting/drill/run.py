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
from pathlib import Path

import msgspec

from ballots import sealing
from tally.count import count_votes
from tally.models import Ballot, Mark, VoteRules
from voting.bulletin.export import write_archive
from voting.database import create_pool, migrate
from voting.drill.http_load import Reply, Request, fire
from voting.drill.queries import count_stored, create_database
from voting.drill.screens import announce_round_trip
from voting.drill.servers import granian_process
from voting.drill.setup import SEATS, DrillCongress, set_up_congress
from voting.drill.tablet_cost import tablet_seal_cost
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
    settings = Settings.from_env()
    server_url = settings.database_url
    if not server_url:
        from voting.embedded import start_embedded_postgres

        server_url = start_embedded_postgres(settings.data_dir)
    database_url = await fresh_database(server_url)
    await migrate(database_url)
    concurrency = args.concurrency or min(args.deputies, 1000)
    pool = await create_pool(database_url, 10)
    try:
        congress = await set_up_congress(pool, settings, args.deputies)
        baseline_s = await measure_baseline(database_url, args.deputies, concurrency, args.workers)
        ballots = drill_ballots(congress, seed=args.deputies)
        env = {"DATABASE_URL": database_url, "PIAOJUE_JWT_SECRET": settings.jwt_secret}
        with granian_process("voting.app:create_app_from_env", env, args.workers, "/api/sessions") as port:
            await open_vote_screens(port, congress, concurrency)
            bodies, seal_s = seal_all(congress, ballots)
            cast_replies = await cast_all(port, congress, bodies, concurrency)
            close_ms, count_ms, tally = await announce_round_trip(HOST, port, congress, pool, settings)
            tablet_ms = (
                tablet_seal_cost(f"http://{HOST}:{port}", congress) if getattr(args, "tablet_cost", False) else {}
            )
        acknowledged = [r for r in cast_replies if r.status == 201]
        in_db, issued = await count_stored(pool, congress.vote_id)
        if getattr(args, "export", None):
            await write_archive(pool, congress.vote_id, Path(args.export))
    finally:
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
        tablet_seal_ms=tablet_ms,
    )


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
    """CLI entry: print the report; exit 1 if anything was lost or doubled."""
    report = asyncio.run(run(args))
    if args.json:
        print(msgspec.json.encode(report).decode())
    else:
        for field in report.__struct_fields__:
            print(f"{field:>22}: {getattr(report, field)}")
    ok = report.lost == 0 and report.duplicates == 0 and report.tally_matches
    return 0 if ok else 1
