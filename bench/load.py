"""Throughput of the public pages under gunicorn, measured with wrk in one run.

    DATABASE_URL=... .venv/bin/python -m bench.load

`make bench` runs this once per benchmark database, after bench.corpus. It
collects the static files, starts gunicorn with config/gunicorn.py in
production settings on a free loopback port (DEBUG off, a throwaway
SECRET_KEY), once with the cache in Redis as production has it and once on
the file cache (the default), drives every page with wrk for BENCH_SECONDS at
BENCH_CONNECTIONS connections, and prints requests per second, p50 and p99
latency, errors, the server CPU per request (the gunicorn workers' own CPU
time over the run, which the shared machine's noise disturbs less than the
rate), and the ratio to /healthz, to a static file served by the same process
(WhiteNoise) and to a bare WSGI callable returning the piece's bytes through
the same gunicorn (bench/bare_wsgi.py: the Python ceiling).

Settings, from the environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (16),
BENCH_REDIS_URL (a Redis to use, emptied first; by default a redis-server of
the run's own on a free port), WEB_CONCURRENCY (2 workers), GUNICORN_CMD_ARGS
(more gunicorn options).
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOG = ROOT / "var" / "bench" / "gunicorn.log"
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")
WARM_UP_REQUESTS = 5


def production_environment(port, redis_url):
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "CACHE_URL": redis_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
    }


def run(*args, env=None):
    """Output of one of our own commands (no shell)."""
    return subprocess.run(  # noqa: S603 - our own arguments, no shell
        args, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


PAGES_CODE = """
import os
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.contrib.staticfiles.storage import staticfiles_storage
from films.models import Film
from people.models import Person
from reviews.models import Review
piece = Review.objects.public().order_by("-publish_at").first()
film = Film.objects.filter(reviews__isnull=False).order_by("pk").first()
person = Person.objects.filter(bylines__isnull=False).order_by("pk").first()
print(piece.get_absolute_url(), film.get_absolute_url(), person.get_absolute_url())
print(staticfiles_storage.url("css/site.css"))
"""


def pages(env):
    """[(label, path)]: the pages the issue names, /healthz and a static file."""
    lines = run(sys.executable, "-c", PAGES_CODE, env=env).split("\n")
    piece, film, person = lines[0].split()
    return [
        ("piece", piece),
        ("film", film),
        ("person", person),
        ("home", "/"),
        ("archive", "/reviews/"),
        ("/healthz", "/healthz"),
        ("static file", lines[1]),
    ]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, app="config.wsgi"):
    LOG.parent.mkdir(parents=True, exist_ok=True)
    with LOG.open("a") as log:
        process = subprocess.Popen(  # noqa: S603 - our own arguments, no shell
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", app],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit(f"gunicorn did not start; see {LOG}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class Result:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    cpu_ms_per_request: float = 0.0


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def workers_cpu_seconds(master):
    """User and system CPU time of the gunicorn master's workers, so far."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == master.pid:  # fields[1]: the parent's pid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS_PER_SECOND


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def parse_wrk(output):
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    if not rate or len(latency) < 2:
        raise SystemExit(f"wrk gave no figures:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(non_2xx.group(1)) if non_2xx else 0
    errors += sum(map(int, sockets.groups())) if sockets else 0
    requests = re.search(r"^\s+(\d+) requests in", output, re.MULTILINE)
    return Result(
        float(rate.group(1)),
        milliseconds(latency["50"]),
        milliseconds(latency["99"]),
        errors,
        int(requests.group(1)),
    )


def drive(url, server=None, connections=CONNECTIONS, headers=()):
    """wrk's figures for `url`; with the gunicorn `server`, its CPU per request.
    `headers`: ("Name: value", ...) sent with every request."""
    for _ in range(WARM_UP_REQUESTS):  # fill the page cache, start the workers
        request = urllib.request.Request(  # noqa: S310 - loopback
            url, headers=dict(header.split(": ", 1) for header in headers)
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            response.read()
    threads = min(2, connections)
    cpu_before = workers_cpu_seconds(server) if server else 0
    output = run(
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{SECONDS}s",
        "--timeout",
        "5s",
        "--latency",
        *(option for header in headers for option in ("-H", header)),
        url,
    )
    result = parse_wrk(output)
    if server:
        cpu = workers_cpu_seconds(server) - cpu_before
        result.cpu_ms_per_request = cpu * 1000 / max(result.requests, 1)
    return result


def own_redis():
    """A redis-server for this run alone, keeping nothing on disk."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 - our own arguments, no shell
        ["redis-server", "--port", str(port), "--save", ""],  # noqa: S607
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    stop(process)
    raise SystemExit("redis-server did not start")


def measure(env, port, targets):
    """{label: Result} of every page, of /healthz and a static file, and of the
    bare WSGI callable answering with the piece's bytes."""
    process = start_gunicorn(env, port)
    try:
        results = {
            label: drive(f"http://127.0.0.1:{port}{path}", process)
            for label, path in targets
        }
        piece_url = f"http://127.0.0.1:{port}{targets[0][1]}"
        with urllib.request.urlopen(piece_url, timeout=30) as response:
            body = response.read()
    finally:
        stop(process)
    body_file = LOG.parent / "bare-body.html"
    body_file.write_bytes(body)
    bare_port = free_port()
    bare_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{bare_port}"}
    bare_env["BENCH_BARE_BODY"] = str(body_file)
    # config/gunicorn.py reads the settings once a worker starts.
    bare_env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    bare = start_gunicorn(bare_env, bare_port, app="bench.bare_wsgi")
    try:
        results["bare WSGI"] = drive(f"http://127.0.0.1:{bare_port}/healthz", bare)
    finally:
        stop(bare)
    return results


def report(results, heading):
    healthz, bare = results["/healthz"], results["bare WSGI"]
    print(f"\n{heading}")
    print(
        f"{'page':12} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7} "
        f"{'CPU/req':>9} {'× healthz':>10} {'× bare':>7}"
    )
    for label, result in results.items():
        print(
            f"{label:12} {result.requests_per_second:8.0f} "
            f"{result.p50_ms:7.1f}ms {result.p99_ms:7.1f}ms {result.errors:7} "
            f"{result.cpu_ms_per_request:7.2f}ms "
            f"{result.requests_per_second / healthz.requests_per_second:10.2f} "
            f"{result.requests_per_second / bare.requests_per_second:7.2f}"
        )


def main():
    redis_process = None
    if REDIS_URL:
        import redis  # a runtime dependency: production's cache

        redis.Redis.from_url(REDIS_URL).flushdb()
        redis_url = REDIS_URL
    else:
        redis_process, redis_url = own_redis()
    LOG.unlink(missing_ok=True)
    port = free_port()
    env = production_environment(port, redis_url)
    database = env.get("DATABASE_URL", "sqlite (default)").split("@")[-1]
    run(sys.executable, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    targets = pages(env)
    file_cache = ROOT / "var" / "bench" / "cache"
    shutil.rmtree(file_cache, ignore_errors=True)
    try:
        for cache_url in (redis_url, f"filecache://{file_cache}"):
            results = measure({**env, "CACHE_URL": cache_url}, port, targets)
            report(
                results,
                f"warm, under gunicorn ({env['WEB_CONCURRENCY']} workers), "
                f"{database}, cache {cache_url}, wrk {CONNECTIONS} connections "
                f"for {SECONDS} s each",
            )
    finally:
        if redis_process:
            stop(redis_process)


if __name__ == "__main__":
    main()
