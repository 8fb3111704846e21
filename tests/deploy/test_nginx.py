"""deploy/ as written: the hall CA, nginx's TLS server in front of the app, and the body size they agree on.

nginx runs from deploy/nginx.conf with only addresses and paths changed: its
upstream is the test's live server, its ports are free ones, its certificate
comes from deploy/tls/hall-ca.sh in a temporary directory.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from litestar.routes import HTTPRoute

from tests.factories import make_congress, make_liaison
from tests.servers import app_server, free_port
from voting.app import create_app
from voting.drill.proxy import NCHAN_MODULE, NCHAN_PUBLISHER, NCHAN_STREAMS
from voting.settings import Settings

DEPLOY = Path(__file__).parents[2] / "deploy"
MiB = 1024 * 1024


class Proxy:
    """nginx in front of the app: the hall's plain and TLS addresses, the CA to trust, the public's address."""

    def __init__(self, http: str, https: str, tls: ssl.SSLContext, ca_pem: str, public: str) -> None:
        self.http = http
        self.https = https
        self.tls = tls
        self.ca_pem = ca_pem
        self.public = public  # the public server: micro-cached GETs, event streams held by nchan


def nginx_size(value: str) -> int:
    """An nginx size ("21m", "512k", "1024") in bytes."""
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()  # type: ignore[union-attr]
    return int(number) * {"": 1, "k": 1024, "m": MiB, "g": 1024 * MiB}[unit.lower()]


def test_nginx_takes_the_largest_body_the_app_takes(settings: Settings) -> None:
    """A report with four full photos must not get 413 from the proxy, nor a larger one reach the app."""
    app = create_app(settings)
    largest = max(
        handler.resolve_request_max_body_size() or 0
        for route in app.routes
        if isinstance(route, HTTPRoute)
        for handler in route.route_handlers
    )
    sizes = re.findall(r"client_max_body_size\s+(\S+);", (DEPLOY / "nginx.conf").read_text())
    assert sizes and all(nginx_size(size) == -(-largest // MiB) * MiB for size in sizes), (sizes, largest)


@pytest.fixture(scope="module")
def proxy(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """deploy/nginx.conf with a certificate from deploy/tls/hall-ca.sh, in front of an app posting to its nchan."""
    publish_port = free_port()
    publish = {"PIAOJUE_PUBLIC_EVENTS_URL": f"http://127.0.0.1:{publish_port}/publish"}
    with app_server(database_url, tmp_path_factory.mktemp("app"), "app behind nginx", env=publish) as app:
        yield from deployed_nginx(app, publish_port, tmp_path_factory)


def deployed_nginx(app: str, publish_port: int, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxy]:
    """nginx running deploy/nginx.conf with only addresses and paths changed, both upstreams being `app`."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    work = tmp_path_factory.mktemp("nginx")
    tls = work / "tls"
    script = str(DEPLOY / "tls" / "hall-ca.sh")
    subprocess.run([script, "ca", str(tls)], check=True, capture_output=True)
    subprocess.run([script, "server", str(tls), "piaojue.hall.lan", "127.0.0.1"], check=True, capture_output=True)
    http_port, https_port, public_port = free_port(), free_port(), free_port()
    site = (DEPLOY / "nginx.conf").read_text()
    for name in ("piaojue", "piaojue_public"):
        upstream = f"upstream {name} {{\n    server {app.removeprefix('http://')};\n}}"
        site = re.sub(rf"upstream {name} \{{.*?\n\}}", upstream, site, flags=re.S)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};", 1)  # the hall's, then the public's
    site = site.replace("listen 80;", f"listen 127.0.0.1:{public_port};", 1)
    site = site.replace("listen 192.168.10.2:8090;", f"listen 127.0.0.1:{publish_port};")
    site = re.sub(r"listen 443 ssl( http2)?;", f"listen 127.0.0.1:{https_port} ssl http2;", site)
    site = site.replace("/etc/piaojue/tls/", f"{tls}/")
    site = site.replace("/var/cache/nginx/piaojue", f"{work}/cache")  # the public server's micro-cache
    (work / "site.conf").write_text(site)
    temp = {name: work / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    (work / "nginx.conf").write_text(
        f"""
load_module {NCHAN_MODULE};
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {work}/site.conf;
}}
"""
    )
    process = subprocess.Popen([nginx, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"])
    context = ssl.create_default_context(cafile=str(tls / "hall-ca.crt"))
    https = f"https://127.0.0.1:{https_port}"
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                if httpx.get(https + "/api/sessions", verify=context, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("nginx did not start: " + (work / "error.log").read_text())
            time.sleep(0.2)
        public = f"http://127.0.0.1:{public_port}"
        yield Proxy(f"http://127.0.0.1:{http_port}", https, context, (tls / "hall-ca.crt").read_text(), public)
    finally:
        process.terminate()
        process.wait(10)


def test_the_hall_is_served_over_https_with_the_congress_ca(proxy: Proxy) -> None:
    answer = httpx.get(proxy.https + "/tablet", verify=proxy.tls)
    assert answer.status_code == 200
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    with pytest.raises(httpx.ConnectError):  # a client without the hall CA does not trust it
        httpx.get(proxy.https + "/tablet")
    plain = httpx.get(proxy.http + "/tablet?code=ABC", follow_redirects=False)
    assert plain.status_code == 301
    assert plain.headers["location"].startswith("https://") and plain.headers["location"].endswith("/tablet?code=ABC")
    ca = httpx.get(proxy.http + "/hall-ca.crt")  # for installing on a tablet
    assert ca.status_code == 200 and ca.text == proxy.ca_pem


async def test_tablets_behind_the_tls_proxy_count_as_https(proxy: Proxy, pool, settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    async with httpx.AsyncClient(base_url=proxy.https, verify=proxy.tls) as client:
        login = await client.post("/api/tablet/login", json={"code": congress.codes[congress.deputy_ids[0]]})
        assert login.status_code == 200, login.text
        view = await client.get(f"/api/sessions/{congress.session_id}/attendance", headers=congress.clerk)
        assert view.json()["plain_http_tablets"] == 0
        assert view.json()["summary"]["present"] == 1


async def test_two_full_photos_pass_the_proxy_and_an_oversized_body_does_not(proxy: Proxy, pool, settings) -> None:
    congress = await make_congress(pool, settings, deputies=3)
    liaison = await make_liaison(pool, settings, congress.body_id, "照片测试局")
    headers = liaison.headers | {"content-type": "multipart/form-data; boundary=x"}
    async with httpx.AsyncClient(base_url=proxy.https, verify=proxy.tls, timeout=60) as client:
        # The app answers it (it is no report at all): nginx let 22 MiB through (its old limit was 8 MiB).
        passed = await client.post("/api/items/1/reports", content=b"x" * (22 * MiB), headers=headers)
        assert passed.status_code in (400, 403, 404), passed.text[:200]
        refused = await client.post("/api/items/1/reports", content=b"x" * (102 * MiB), headers=headers)
        assert refused.status_code == 413


async def test_the_public_hears_the_hall_through_nginx_nchan(proxy: Proxy, pool, settings) -> None:
    """A phone's stream is nginx's: a deputy checking in (an event the app posts once) reaches it, as do beats."""
    congress = await make_congress(pool, settings, deputies=3)
    async with httpx.AsyncClient(timeout=10) as client:
        stream_path = f"{proxy.public}/api/sessions/{congress.session_id}/events"
        async with client.stream("GET", stream_path, headers={"Accept": "text/event-stream"}) as stream:
            assert stream.status_code == 200
            assert stream.headers["content-type"].startswith("text/event-stream")
            code = congress.codes[congress.deputy_ids[0]]
            async with httpx.AsyncClient(base_url=proxy.https, verify=proxy.tls) as hall:
                assert (await hall.post("/api/tablet/login", json={"code": code})).status_code == 200
            lines, heard = stream.aiter_lines(), []
            while not heard or heard[-1]["event"] != "attendance":
                line = await asyncio.wait_for(anext(lines), 5)
                if line.startswith("data: "):
                    heard.append(json.loads(line[6:]))
    assert heard[-1]["data"]["present"] == 1
    # The app's own stream always begins with `hello`; nginx's says nothing until an event.
    assert [e["event"] for e in heard] == ["attendance"]


def test_the_drills_nchan_set_up_is_deploys() -> None:
    """The drill measures the documented public server: its nchan directives are deploy/nginx.conf's, in order."""
    deployed = [line.strip() for line in (DEPLOY / "nginx.conf").read_text().splitlines() if "nchan_" in line]
    drilled = [
        line.strip() for part in (NCHAN_PUBLISHER, NCHAN_STREAMS) for line in part.splitlines() if "nchan_" in line
    ]
    assert drilled == deployed
