"""Real faults for tests: a TCP proxy that can cut a database off, and a served site."""

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """The test database, for the served site to share."""
    database = connection.settings_dict
    if connection.vendor != "postgresql":
        return f"sqlite:///{database['NAME']}"
    credentials = quote(database["USER"], safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database["HOST"] or "127.0.0.1"
    return (
        f"postgres://{credentials}@{host}:{database['PORT'] or 5432}/{database['NAME']}"
    )


class TcpProxy:
    """Forwards a local port to a target; `cut()` drops every connection at once."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.sockets = []
        self.listener = None

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port), reuse_port=True)
        threading.Thread(
            target=self._accept, args=(self.listener,), daemon=True
        ).start()

    def cut(self):
        for sock in [self.listener, *self.sockets]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def child_environment():
    """The environment for processes tests start, without the browser tests' flag."""
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def answer(result):
    """What a command run by a test printed after "ANSWER ": the pool's threads
    go on logging refused connections to stdout, so the last line may be theirs."""
    for line in result.stdout.splitlines():
        if line.startswith("ANSWER "):
            return line.removeprefix("ANSWER ")
    raise AssertionError(f"no answer printed:\n{result.stdout}\n{result.stderr}")


def listening(port, process, seconds):
    """Whether `process` answers on `port` within `seconds` (False once it exits)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def stop(process):
    """Ask a served process to stop; kill it if it has not within ten seconds."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServedSite:
    """The site under gunicorn with config/gunicorn.py, in production mode."""

    def __init__(self, env, app="config.wsgi", port=None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {
            **child_environment(),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "1",
            "HTTPS": "false",
            **env,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", app],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._wait_until_listening()

    def _wait_until_listening(self):
        if not listening(self.port, self.process, seconds=30):
            self.stop()
            raise RuntimeError(f"gunicorn did not start:\n{self.output()}")

    def get(self, path, timeout=20):
        """(status, body) of a GET; a hang longer than `timeout` fails the test."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self):
        stop(self.process)

    def output(self):
        self.stop()
        return self.process.stdout.read()
