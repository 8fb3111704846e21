"""The attack of issue 13, as a tool: read a table's files and the WAL for what links voters to content.

With database access an attacker can read a table's heap file (live and dead
row versions, and the bytes of removed ones until reused) and the write-ahead
log. A link is a transaction id that wrote both a row naming a voter
(ballot_issued / rating_issued) and a row holding plain content (ballot /
rating), found in the files or in the WAL.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import asyncpg

_XID = re.compile(r"\btx:\s+(\d+)")
_REL = re.compile(r"\brel \d+/\d+/(\d+)")


class Server:
    """Where a database keeps its files, read as the attacker would."""

    def __init__(self, data_dir: Path, waldump: str | None) -> None:
        self.data_dir = data_dir
        self.waldump = waldump

    @staticmethod
    async def of(conn: asyncpg.Connection) -> Server | None:
        """The server's data directory and pg_waldump, if this process can read them."""
        data_dir = Path(str(await conn.fetchval("SHOW data_directory")))
        if not data_dir.is_dir():
            return None
        bindir = Path(str(await conn.fetchval("SELECT setting FROM pg_config WHERE name = 'BINDIR'")))
        found = bindir / "pg_waldump"
        return Server(data_dir, str(found) if found.exists() else shutil.which("pg_waldump"))

    async def heap_bytes(self, conn: asyncpg.Connection, table: str) -> bytes:
        """Every byte of a table's main fork (all its segments), after a CHECKPOINT."""
        await conn.execute("CHECKPOINT")
        path = self.data_dir / str(await conn.fetchval("SELECT pg_relation_filepath($1::regclass)", table))
        parts = [path, *sorted(path.parent.glob(path.name + ".[0-9]*"))]
        return b"".join(p.read_bytes() for p in parts if p.exists())

    def wal_writers(self, start_lsn: str, end_lsn: str) -> dict[int, set[str]]:
        """Transaction id → the relfilenodes it wrote, from pg_waldump between two LSNs."""
        assert self.waldump, "pg_waldump is needed to read the WAL"
        dump = subprocess.run(
            [self.waldump, "-p", str(self.data_dir / "pg_wal"), "-s", start_lsn, "-e", end_lsn],
            capture_output=True,
            text=True,
            check=False,
        )
        assert dump.stdout, dump.stderr
        writers: dict[int, set[str]] = defaultdict(set)
        for line in dump.stdout.splitlines():
            xid = _XID.search(line)
            if xid and int(xid.group(1)) != 0:
                writers[int(xid.group(1))].update(_REL.findall(line))
        return writers


PAGE = 8192


def tuple_xmins(data: bytes, natts: int) -> list[int]:
    """The inserting xid of every row version whose header is still on disk: live, dead, or removed but not overwritten.

    Rather than trusting the line pointers (VACUUM clears them, not the bytes), every
    8-byte-aligned place in every page is tried as a heap tuple header; one with this
    table's column count, a sane header size and item number is a row version.
    """
    found = []
    for page in range(0, len(data) - PAGE + 1, PAGE):
        for at in range(page + 24, page + PAGE - 24, 8):
            header = data[at : at + 24]
            posid = int.from_bytes(header[16:18], "little")
            columns = int.from_bytes(header[18:20], "little") & 0x07FF
            hoff = header[22]
            if columns == natts and hoff in (24, 32) and 1 <= posid <= 291:
                found.append(int.from_bytes(header[0:4], "little"))
    return found


async def relfilenode(conn: asyncpg.Connection, table: str) -> str:
    """The file number a table's WAL records name."""
    return str(await conn.fetchval("SELECT pg_relation_filenode($1::regclass)", table))


def wal_links(writers: dict[int, set[str]], voters: str, content: str) -> set[int]:
    """Transactions that wrote both a voter row and a plain content row."""
    return {xid for xid, rels in writers.items() if voters in rels and content in rels}
