"""How granian is started, in one place for `voting serve` and the drill.

Granian's default backpressure is backlog / workers: each worker serves at most
that many requests at once, and a Server-Sent Events stream is a request that
lasts the whole session. With backlog 4096 a host took 4,095 public viewers and
then accepted nothing else, not even the presiding officer. The listen backlog
(capped by the kernel's somaxconn) only holds connections not yet accepted; the
number served at once is `backpressure`, set here far above the viewers one host
is meant to carry, so the limit is memory and file descriptors, not a counter.
The public streams have their own budget (PIAOJUE_PUBLIC_STREAMS, voting.live).
"""

from __future__ import annotations

import resource
from typing import TypedDict

BACKLOG = 4096
BACKPRESSURE = 65536


def raise_open_files_limit() -> int:
    """Raise the soft limit on open files to the hard limit (each viewer is one socket); returns it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = 1_048_576 if hard == resource.RLIM_INFINITY else hard
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft


class GranianOptions(TypedDict):
    """Granian's keyword arguments that granian_options sets."""

    workers: int
    backlog: int
    backpressure: int


def granian_options(workers: int) -> GranianOptions:
    """Connection settings every server of ours uses."""
    return {"workers": workers, "backlog": BACKLOG, "backpressure": BACKPRESSURE}
