"""Public GETs of an announced vote against the barest Litestar GET, side by side in one run.

Each endpoint and the baseline get the same number of requests over the same
connections; the baseline is measured before and after the endpoints and the
better figure kept, so a noisy neighbour cannot flatter the ratio. A document of
many kilobytes (an archive of 3,000 ballots) is bound by bytes, not by the app,
so it is also compared with a bare GET answering as many bytes.
"""

from __future__ import annotations

from voting.drill.http_load import Request, fire

HOST = "127.0.0.1"
BROWSER = {"Accept-Encoding": "gzip, deflate"}  # what every browser sends; prepared bodies are gzipped once
PATHS = {
    "result": "/api/votes/{vote}/result",
    "bulletin": "/api/votes/{vote}/bulletin",
    "receipts": "/api/votes/{vote}/receipts",
    "archive": "/api/votes/{vote}/archive",
    "announcement": "/public/votes/{vote}/announcement",
}


async def requests_per_s(port: int, path: str, count: int, concurrency: int) -> tuple[float, int]:
    """Requests per second for `count` GETs of one path (every answer must be 200), and the body's size on the wire."""
    request = Request("GET", path, b"", BROWSER)
    await fire(HOST, port, [request] * concurrency, concurrency)  # warm: built, cached
    replies = await fire(HOST, port, [request] * count, concurrency)
    assert all(r.status == 200 for r in replies), f"GET {path} failed"
    return count / (max(r.done_at for r in replies) - min(r.sent_at for r in replies)), len(replies[0].body)


async def measure_gets(port: int, baseline_port: int, vote_id: int, count: int = 3000) -> dict[str, float]:
    """`baseline_get_per_s`, and for each public document its requests per second and its share of the baseline."""
    concurrency = 50
    before, _ = await requests_per_s(baseline_port, "/baseline/get", count, concurrency)
    figures = {
        name: await requests_per_s(port, path.format(vote=vote_id), count, concurrency) for name, path in PATHS.items()
    }
    baseline = max(before, (await requests_per_s(baseline_port, "/baseline/get", count, concurrency))[0])
    report: dict[str, float] = {"baseline_get_per_s": round(baseline, 1)}
    for name, (per_s, size) in figures.items():
        report[f"{name}_get_per_s"] = round(per_s, 1)
        report[f"{name}_get_ratio"] = round(per_s / baseline, 2)
        report[f"{name}_bytes"] = size
        if size > 16_384:  # a large body is bound by bytes: compare with a bare GET of as many bytes too
            same, _ = await requests_per_s(baseline_port, f"/baseline/bytes/{size}", count, concurrency)
            report[f"{name}_vs_same_size_bare"] = round(per_s / same, 2)
    return report
