"""The viewers, spread over a few client processes so the drill's own client is not what it measures.

Each process (`python -m voting.drill.crowd ...`) opens its share of viewers, says
`ready`, waits for `mark` on stdin (sent just before the announcement: requests
counted from there), then reports when each of its viewers had the result. Times
are `perf_counter`, the system's monotonic clock on Linux, so they compare across
processes.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys

import msgspec

from voting.drill.viewers import open_viewers

VIEWERS_PER_PROCESS = 2500
WAIT_S = 60


class CrowdReport(msgspec.Struct):
    """What one client process saw."""

    viewers: int
    connected: int
    result_at: list[float]
    failures: list[str]
    requests_after_mark: int


class Crowd:
    """The client processes of one drill."""

    def __init__(self) -> None:
        self.processes: list[asyncio.subprocess.Process] = []
        self.viewers = 0
        self.connected = 0

    async def open(self, addresses: list[tuple[str, int]], session_id: int, vote_id: int, count: int) -> None:
        """Start the processes and wait until every viewer has listed the session (or failed)."""
        shares = split(count, max(1, -(-count // VIEWERS_PER_PROCESS)))
        where = ",".join(f"{host}:{port}" for host, port in addresses)
        for share in shares:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "voting.drill.crowd",
                where,
                str(session_id),
                str(vote_id),
                str(share),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                limit=1 << 24,
            )
            self.processes.append(process)
        for process in self.processes:
            assert process.stdout is not None
            ready = msgspec.json.decode(await process.stdout.readline())
            self.viewers += ready["viewers"]
            self.connected += ready["connected"]

    async def mark(self) -> None:
        """Start counting the viewers' requests (the announcement follows)."""
        for process in self.processes:
            assert process.stdin is not None
            process.stdin.write(b"mark\n")
            await process.stdin.drain()

    async def reports(self) -> list[CrowdReport]:
        """Each process's report, once its viewers have the result or WAIT_S passed."""
        found = []
        for process in self.processes:
            assert process.stdout is not None
            found.append(msgspec.json.decode(await process.stdout.readline(), type=CrowdReport))
            await process.wait()
        return found

    def stop(self) -> None:
        """Kill any process still running (the drill failed half-way)."""
        for process in self.processes:
            if process.returncode is None:
                process.kill()


def split(count: int, parts: int) -> list[int]:
    """count as `parts` near-equal shares."""
    return [count // parts + (1 if i < count % parts else 0) for i in range(parts)]


async def serve_share(addresses: list[tuple[str, int]], session_id: int, vote_id: int, count: int) -> None:
    """One client process: open the viewers, report ready, wait for mark, report the results."""
    viewers, watching, have_result = await open_viewers(addresses, session_id, vote_id, count)
    ready = {"viewers": len(viewers), "connected": sum(1 for v in viewers if v.connected)}
    sys.stdout.buffer.write(msgspec.json.encode(ready) + b"\n")
    sys.stdout.flush()
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    before = sum(v.requests for v in viewers)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(have_result.wait(), WAIT_S)
    report = CrowdReport(
        viewers=len(viewers),
        connected=ready["connected"],
        result_at=[v.result_at for v in viewers if v.result_at is not None],
        failures=[f for v in viewers for f in v.failures],
        requests_after_mark=sum(v.requests for v in viewers) - before,
    )
    sys.stdout.buffer.write(msgspec.json.encode(report) + b"\n")
    sys.stdout.flush()
    for task in watching:  # the pages close only now, after the measurement
        task.cancel()


def main() -> None:
    """Entry of a client process: ADDRESSES SESSION VOTE COUNT."""
    from voting.serving import raise_open_files_limit

    raise_open_files_limit()
    where, session_id, vote_id, count = sys.argv[1:5]
    addresses = [(part.rsplit(":", 1)[0], int(part.rsplit(":", 1)[1])) for part in where.split(",")]
    run = serve_share(addresses, int(session_id), int(vote_id), int(count))
    try:
        import uvloop

        uvloop.run(run)
    except ImportError:
        asyncio.run(run)


if __name__ == "__main__":
    main()
