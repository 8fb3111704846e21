"""A lean HTTP/1.1 keep-alive load client, so the measurement is of the server.

A general client (httpx) spends more CPU per request than the server under test
does; on a 2-core machine it would measure itself. This one writes a prepared
request and reads one response per round trip, nothing more.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

import msgspec


class Request(msgspec.Struct):
    """One prepared request."""

    method: str
    path: str
    body: bytes
    headers: dict[str, str]


class Reply(msgspec.Struct):
    """Status, body and when it was sent and answered (perf_counter seconds)."""

    status: int
    body: bytes
    sent_at: float
    done_at: float


def encode(request: Request, host: str) -> bytes:
    """The request's bytes on the wire."""
    lines = [f"{request.method} {request.path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(request.body)}"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + request.body


async def read_reply(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One response: status code and body (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    header_lines = head.decode("latin-1").split("\r\n")
    status = int(header_lines[0].split(" ", 2)[1])
    headers = {}
    for line in header_lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        return status, await reader.readexactly(int(headers["content-length"]))
    body = b""
    if headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            body += chunk[:-2]
    return status, body


async def run_connection(
    host: str,
    port: int,
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    requests: Sequence[tuple[int, bytes]],
    replies: list[Reply | None],
) -> None:
    """Send this connection's share of requests one after another, reconnecting if the server closes."""
    reader, writer = connection
    for index, raw in requests:
        for attempt in range(3):
            sent = time.perf_counter()
            try:
                writer.write(raw)
                status, body = await read_reply(reader)
                replies[index] = Reply(status=status, body=body, sent_at=sent, done_at=time.perf_counter())
                break
            except (ConnectionError, asyncio.IncompleteReadError):
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                if attempt == 2:
                    raise
    writer.close()


async def fire(host: str, port: int, requests: Sequence[Request], concurrency: int) -> list[Reply]:
    """Send all requests over `concurrency` connections at once; replies in request order."""
    wire = [(i, encode(r, f"{host}:{port}")) for i, r in enumerate(requests)]
    replies: list[Reply | None] = [None] * len(requests)
    lanes = [lane for lane in (wire[i::concurrency] for i in range(concurrency)) if lane]
    # Every connection is open before the first request: the burst measures requests, not TCP set-up.
    connections = await asyncio.gather(*(asyncio.open_connection(host, port) for _ in lanes))
    await asyncio.gather(
        *(
            run_connection(host, port, connection, lane, replies)
            for connection, lane in zip(connections, lanes, strict=True)
        )
    )
    return [r for r in replies if r is not None]
