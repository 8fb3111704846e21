"""nginx in front of several app processes, for `voting drill --hosts N`.

The locations are those of deploy/nginx.conf's public server (event streams
unbuffered, public GETs micro-cached for a second, nothing cached for a request
with a cookie or a token); only paths and ports differ, so the drill measures the
documented set-up. nginx runs unprivileged from a temporary prefix.
"""

from __future__ import annotations

import getpass
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from voting.drill.servers import free_port, stop, wait_until_serving

CONFIG = Path(__file__).with_name("nginx-drill.conf")


@contextmanager
def nginx_in_front(ports: list[int]) -> Iterator[int]:
    """nginx balancing over the app processes on `ports`; yields the port it listens on."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = Path(tempfile.mkdtemp(prefix="piaojue-nginx-"))
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    (prefix / "nginx.conf").write_text(
        CONFIG.read_text().format(prefix=prefix, servers=servers, port=port, user=getpass.getuser())
    )
    process = subprocess.Popen(
        [
            binary,
            "-p",
            str(prefix),
            "-e",
            str(prefix / "error.log"),
            "-c",
            str(prefix / "nginx.conf"),
            "-g",
            "daemon off;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_serving(port, "/api/sessions", process, "nginx")
        yield port
    finally:
        stop(process)
        shutil.rmtree(prefix, ignore_errors=True)
