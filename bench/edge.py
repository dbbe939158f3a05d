"""Readers' pages through Varnish (deploy/varnish.vcl), beside the ceiling, in one run.

    DATABASE_URL=... .venv/bin/python -m bench.edge

`make bench` runs this once, on the last benchmark database (PostgreSQL), after
bench.load. It starts gunicorn in production settings with the cache in a Redis
of its own, the real varnishd with the shipped VCL in front of it (purged by
the site, as deployed), and nginx serving the piece's bytes, exactly as Varnish
sends them, as a static file (gzip_static, as deploy/nginx.conf serves
/static/). Every request says what a browser says (Accept-Encoding: gzip,
deflate, br, zstd). At 16 and 64 connections it prints:

- warm: wrk on the piece, home, a film and the archive through Varnish, on the
  static file through nginx and on /healthz straight at gunicorn: requests a
  second, p50, p99, errors and the ratio to nginx's static file;
- cold: readers arriving together on a page just purged from Varnish (as a
  change purges it; gunicorn's own page cache still holds it): as many readers
  as connections, ten times over, each timed from its request to the last
  byte: p50, p99 and errors.

Settings, from the environment: BENCH_SECONDS (10), BENCH_EDGE_CONNECTIONS
("16 64"), WEB_CONCURRENCY (2 gunicorn workers), BENCH_VARNISH_STORAGE
("malloc,256m"), BENCH_VARNISH_OPTIONS (more varnishd options, such as
"-p thread_pools=1").
"""

import asyncio
import grp
import gzip
import os
import pwd
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from functools import partial

from bench.load import (
    ROOT,
    free_port,
    own_redis,
    pages,
    production_environment,
    run,
    start_gunicorn,
    stop,
)
from bench.load import drive as wrk

FOLDER = ROOT / "var" / "bench" / "edge"
CONNECTION_COUNTS = [
    int(count) for count in os.environ.get("BENCH_EDGE_CONNECTIONS", "16 64").split()
]
STORAGE = os.environ.get("BENCH_VARNISH_STORAGE", "malloc,256m")
VARNISH_OPTIONS = os.environ.get("BENCH_VARNISH_OPTIONS", "").split()
BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br, zstd"}
BROWSER = [f"{name}: {value}" for name, value in BROWSER_HEADERS.items()]
BURSTS = 10
EDGE_PAGES = ("piece", "home", "film", "archive")


def started(command, port, name, log):
    """`command` started, once it answers on `port` on loopback."""
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own arguments, no shell
            command, stdout=output, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).close()
            return process
        except urllib.error.HTTPError:  # it answers
            return process
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise SystemExit(f"{name} did not start; see {log}")


def start_varnish(backend_port, port):
    vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
    vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
    (FOLDER / "filmdesk.vcl").write_text(vcl)
    command = ["/usr/sbin/varnishd", "-F", "-j", "none", "-n", str(FOLDER / "varnish")]
    command += ["-f", str(FOLDER / "filmdesk.vcl"), "-a", f"127.0.0.1:{port}"]
    command += ["-s", STORAGE, *VARNISH_OPTIONS]
    return started(command, port, "varnishd", FOLDER / "varnishd.log")


NGINX_CONF = """\
{user}
worker_processes auto;
error_log {folder}/nginx-error.log;
pid {folder}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/nginx-body;
    proxy_temp_path {folder}/nginx-proxy;
    fastcgi_temp_path {folder}/nginx-fastcgi;
    uwsgi_temp_path {folder}/nginx-uwsgi;
    scgi_temp_path {folder}/nginx-scgi;
    upstream varnish {{
        server 127.0.0.1:{varnish_port};
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_tokens off;
        location /static/ {{
            alias {folder}/static/;
            gzip_static on;
        }}
        # The deployed chain: pages compressed on the way out as
        # deploy/nginx.conf does, unless they come compressed.
        location / {{
            gzip on;
            gzip_proxied any;
            gzip_vary on;
            gzip_comp_level 5;
            gzip_min_length 1024;
            proxy_pass http://varnish;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
        }}
    }}
}}
"""


def start_nginx(port, varnish_port, headers, body):
    """nginx serving `body`, as the piece came through Varnish, at /static/piece.html."""
    static = FOLDER / "static"
    static.mkdir()
    if headers.get("Content-Encoding") == "gzip":
        (static / "piece.html.gz").write_bytes(body)
        body = gzip.decompress(body)
    (static / "piece.html").write_bytes(body)
    conf = FOLDER / "nginx.conf"
    # Run by root, the workers would otherwise switch to nobody.
    user = ""
    if os.geteuid() == 0:
        user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
    conf.write_text(
        NGINX_CONF.format(
            user=user, folder=FOLDER, port=port, varnish_port=varnish_port
        )
    )
    nginx = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin")
    command = [nginx, "-p", f"{FOLDER}/", "-c", str(conf), "-g", "daemon off;"]
    return started(command, port, "nginx", FOLDER / "nginx.log")


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return dict(response.headers), response.read()


def purge(varnish_url, keys):
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{varnish_url}/.purge", method="POST", headers={"Surrogate-Key": keys}
    )
    urllib.request.urlopen(request, timeout=10).close()  # noqa: S310


async def one_reader(port, path):
    """(seconds from the request to the last byte, status) of one GET."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    # The Host wrk sends, so the site answers from the same stored page.
    head = [f"GET {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", *BROWSER]
    request = "\r\n".join([*head, "Connection: close", "", ""]).encode()
    started_at = time.perf_counter()
    writer.write(request)
    answer = await reader.read()
    took = time.perf_counter() - started_at
    writer.close()
    status = int(answer.split(b" ", 2)[1]) if answer else 0
    return took, status


async def burst(port, path, readers):
    return await asyncio.gather(*(one_reader(port, path) for _ in range(readers)))


def cold(varnish_url, port, path, keys, readers):
    """(p50 ms, p99 ms, errors) of `readers` arriving together on a just-purged
    page, BURSTS times."""
    waits, errors = [], 0
    for _ in range(BURSTS):
        purge(varnish_url, keys)
        for took, status in asyncio.run(burst(port, path, readers)):
            waits.append(took * 1000)
            errors += status != 200
    cuts = statistics.quantiles(waits, n=100, method="inclusive")
    return cuts[49], cuts[98], errors


def report(connections, warm, colds):
    static = warm["nginx static"]
    print(
        f"\nwarm, {connections} connections, {os.environ.get('BENCH_SECONDS', 10)} s each"
    )
    print(
        f"{'page':14} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7} {'× nginx':>8}"
    )
    for label, result in warm.items():
        print(
            f"{label:14} {result.requests_per_second:8.0f} "
            f"{result.p50_ms:7.2f}ms {result.p99_ms:7.2f}ms {result.errors:7} "
            f"{result.requests_per_second / static.requests_per_second:8.2f}"
        )
    print(
        f"\ncold: {connections} readers at once on a page just purged, {BURSTS} times"
    )
    print(f"{'page':14} {'p50':>9} {'p99':>9} {'errors':>7}")
    for label, (p50, p99, errors) in colds.items():
        print(f"{label:14} {p50:7.2f}ms {p99:7.2f}ms {errors:7}")


def main():
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir(parents=True)
    redis_process, redis_url = own_redis()
    site_port, varnish_port, nginx_port = free_port(), free_port(), free_port()
    varnish_url = f"http://127.0.0.1:{varnish_port}"
    env = production_environment(site_port, redis_url)
    # Varnish's health probe asks for localhost (deploy/varnish.vcl).
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    env["CDN_PURGE_URL"] = f"{varnish_url}/.purge"
    run(sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    targets = dict(pages(env))
    processes = [redis_process]
    try:
        site = start_gunicorn(env, site_port)
        processes.append(site)
        processes.append(start_varnish(site_port, varnish_port))
        sent = {
            label: fetch(varnish_url + targets[label], **BROWSER_HEADERS)
            for label in EDGE_PAGES
        }
        processes.append(start_nginx(nginx_port, varnish_port, *sent["piece"]))
        print(
            f"\nThrough Varnish ({STORAGE}) in front of gunicorn "
            f"({env['WEB_CONCURRENCY']} workers), "
            f"{env.get('DATABASE_URL', 'sqlite').split('@')[-1]}. As sent: "
            + ", ".join(
                f"{label} {len(body):,} bytes "
                f"({headers.get('Content-Encoding', 'identity')})"
                for label, (headers, body) in sent.items()
            )
        )
        keys = {
            label: fetch(f"http://127.0.0.1:{site_port}{path}")[0]["Surrogate-Key"]
            for label, path in targets.items()
            if label in EDGE_PAGES
        }
        for connections in CONNECTION_COUNTS:
            load = partial(wrk, connections=connections, headers=BROWSER)
            warm = {label: load(varnish_url + targets[label]) for label in EDGE_PAGES}
            warm["piece, nginx"] = load(
                f"http://127.0.0.1:{nginx_port}{targets['piece']}"
            )
            warm["nginx static"] = load(
                f"http://127.0.0.1:{nginx_port}/static/piece.html"
            )
            warm["/healthz"] = load(f"http://127.0.0.1:{site_port}/healthz", site)
            colds = {
                label: cold(
                    varnish_url, varnish_port, targets[label], keys[label], connections
                )
                for label in EDGE_PAGES
            }
            report(connections, warm, colds)
    finally:
        for process in reversed(processes):
            stop(process)


if __name__ == "__main__":
    main()
