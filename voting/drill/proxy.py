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


NCHAN_MODULE = Path("/usr/lib/nginx/modules/ngx_nchan_module.so")  # Debian's libnginx-mod-nchan

PROXIED_STREAMS = """\
            proxy_pass http://piaojue_public;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_cache off;
            proxy_read_timeout 1h;"""

# As deploy/nginx.conf's public server: nchan holds the streams, the app posts each event once.
NCHAN_STREAMS = """\
            nchan_subscriber eventsource;
            nchan_channel_id session_$1;
            nchan_subscriber_first_message newest;
            nchan_eventsource_ping_interval 20;
            nchan_eventsource_ping_event "";
            nchan_eventsource_ping_data '{"event":"beat","data":{"live":true}}';"""

NCHAN_PUBLISHER = """\
    server {{
        listen 127.0.0.1:{publish_port};
        location ~ ^/publish/([0-9]+)$ {{
            nchan_publisher;
            nchan_channel_id session_$1;
            nchan_message_buffer_length 20;
            nchan_message_timeout 5m;
        }}
    }}"""


def nchan_publisher_port() -> int:
    """A free port for nchan's publisher, chosen before the app processes start (they post to it)."""
    return free_port()


@contextmanager
def nginx_in_front(ports: list[int], publish_port: int | None = None) -> Iterator[int]:
    """nginx balancing over the app processes on `ports`; yields the port it listens on.

    With `publish_port`, nchan holds the event streams and takes the app's events on that port.
    """
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = Path(tempfile.mkdtemp(prefix="piaojue-nginx-"))
    port = free_port()
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in ports)
    nchan = publish_port is not None
    template = CONFIG.read_text().format(
        prefix=prefix,
        servers=servers,
        port=port,
        user=getpass.getuser(),
        load_module=f"load_module {NCHAN_MODULE};" if nchan else "",
        events=NCHAN_STREAMS if nchan else PROXIED_STREAMS,
        publisher=NCHAN_PUBLISHER.format(publish_port=publish_port) if nchan else "",
    )
    (prefix / "nginx.conf").write_text(template)
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
