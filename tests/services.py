"""Real shared services for tests, each its own process on a free loopback port:
an S3-compatible object store (moto's server), Redis, and nginx or Varnish in
front of a served site."""

import grp
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid

import boto3

from tests.faults import ROOT, ServedSite, database_url, free_port, listening, stop

REDIS_SERVER = "/usr/bin/redis-server"


class ObjectStore:
    """moto's S3 server; the site talks to it over HTTP with boto3, as to any bucket."""

    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not listening(self.port, self.process, seconds=30):
            stop(self.process)
            raise RuntimeError("moto's S3 server did not start")

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
        )

    def new_bucket(self):
        """A fresh, empty bucket's name."""
        name = f"media-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def media_url(self, bucket, **options):
        """MEDIA_STORAGE_URL for `bucket` here, credentials in the URL."""
        query = "&".join(
            f"{k}={v}"
            for k, v in {
                "endpoint_url": self.endpoint,
                "region": "us-east-1",
                **options,
            }.items()
        )
        return f"s3://test:test@{bucket}?{query}"

    def stop(self):
        stop(self.process)


class Redis:
    """A throwaway redis-server that keeps nothing on disk."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not listening(self.port, self.process, seconds=15):
            stop(self.process)
            raise RuntimeError("redis-server did not start")

    def stop(self):
        stop(self.process)


NGINX_MAIN = """\
{user}
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    # As Debian's own nginx.conf has it: files go out with their types.
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/filmdesk.conf;
}}
"""


def site_config(upstream_port, port, redirect_port, static_root=None, media_root=None):
    """deploy/nginx.conf on loopback ports over plain HTTP: only the upstream
    addresses (all of them the one served site), the listen lines, the
    certificate lines and, given them, the static and media folders change."""
    text = (ROOT / "deploy" / "nginx.conf").read_text()
    upstreams = re.compile(r"server 10\.0\.0\.\d+:8000 ")
    assert len(upstreams.findall(text)) >= 2, "deploy/nginx.conf lost its app servers"
    text = upstreams.sub(f"server 127.0.0.1:{upstream_port} ", text)
    for old, new in [
        ("listen 80;", f"listen 127.0.0.1:{redirect_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{port};"),
    ]:
        assert text.count(old) == 1, f"deploy/nginx.conf no longer has {old!r} once"
        text = text.replace(old, new)
    if static_root:
        text = text.replace("alias /srv/filmdesk/static/;", f"alias {static_root}/;")
    if media_root:
        text = text.replace("alias /srv/filmdesk/media/;", f"alias {media_root}/;")
    dropped = re.compile(r"\s*(listen \[::\]|ssl_)")
    return "\n".join(line for line in text.splitlines() if not dropped.match(line))


def nginx_binary():
    path = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])
    found = shutil.which("nginx", path=path)
    assert found, (
        "This test needs nginx: `make test` installs it, or apt-get install nginx."
    )
    return found


class Nginx:
    """nginx as the current user, with its pid, logs and temporary files in `folder`."""

    def __init__(self, folder, site, static_root=None, media_root=None):
        self.folder = folder
        self.port = free_port()
        # Run by root, the workers would otherwise switch to nobody.
        user = ""
        if os.geteuid() == 0:
            user = f"user {pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name};"
        (folder / "filmdesk.conf").write_text(
            site_config(site.port, self.port, free_port(), static_root, media_root)
        )
        (folder / "nginx.conf").write_text(NGINX_MAIN.format(user=user, folder=folder))
        command = [nginx_binary(), "-p", f"{folder}/", "-c", str(folder / "nginx.conf")]
        command += ["-g", f"daemon off; pid {folder}/nginx.pid;"]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self._wait_until_listening()

    def _wait_until_listening(self):
        if not listening(self.port, self.process, seconds=15):
            self.stop()
            raise RuntimeError(f"nginx did not start:\n{self.log()}")

    def log(self):
        error_log = self.folder / "error.log"
        startup = self.process.stdout.read() if self.process.poll() is not None else ""
        return startup + (error_log.read_text() if error_log.exists() else "")

    def stop(self):
        stop(self.process)


VARNISHD = "/usr/sbin/varnishd"


class Varnish:
    """varnishd with deploy/varnish.vcl, in front of the gunicorn on
    `backend_port`, on a free loopback port; purged at `purge_url`."""

    def __init__(self, backend_port):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.purge_url = f"{self.url}/.purge"
        self.workdir = tempfile.mkdtemp(prefix="varnish-")
        vcl = (ROOT / "deploy" / "varnish.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
        vcl_path = os.path.join(self.workdir, "filmdesk.vcl")
        with open(vcl_path, "w") as file:
            file.write(vcl)
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",  # in the foreground, so stopping the process stops it
                "-j",
                "none",  # no jail: a test's own throwaway instance
                "-n",
                self.workdir,
                "-f",
                vcl_path,
                "-a",
                f"127.0.0.1:{self.port}",
                "-s",
                "malloc,32m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if not listening(self.port, self.process, seconds=30):
            self.stop()
            raise RuntimeError("varnishd did not start")

    def stop(self):
        stop(self.process)
        shutil.rmtree(self.workdir, ignore_errors=True)


class Edge:
    """Varnish caches with deploy/varnish.vcl in front of one gunicorn, which
    shares the test's database and a Redis of their own; the test's own changes
    purge every cache, as an editor's would. The site can be stopped and
    started again on its port, as a deploy or an outage would."""

    def __init__(self, settings, static_root, caches=2, env=None, app="config.wsgi"):
        self.app = app
        self.redis = Redis()
        self.port = free_port()
        self.caches, self.site = [], None
        try:
            self.caches = [Varnish(self.port) for _ in range(caches)]
            settings.CDN_PURGE_URLS = [cache.purge_url for cache in self.caches]
            settings.CACHES = {
                "default": {
                    "BACKEND": "django.core.cache.backends.redis.RedisCache",
                    "LOCATION": self.redis.url,
                }
            }
            self.env = {
                "DATABASE_URL": database_url(),
                "CACHE_URL": self.redis.url,
                "STATIC_ROOT": str(static_root),
                "CDN_PURGE_URL": ",".join(settings.CDN_PURGE_URLS),
                **(env or {}),
            }
            self.start_site()
            self._wait_until_the_caches_see_it()
        except BaseException:
            self.stop()
            raise

    def _wait_until_the_caches_see_it(self, seconds=15):
        """Varnish's health probe may have found the site missing while it
        started: wait until every cache passes requests to it."""
        deadline = time.monotonic() + seconds
        for cache in self.caches:
            while True:
                try:
                    with urllib.request.urlopen(cache.url + "/healthz", timeout=5):
                        break
                except urllib.error.HTTPError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(
                            "Varnish never found the site well"
                        ) from None
                    time.sleep(0.2)

    def start_site(self):
        self.site = ServedSite(self.env, app=self.app, port=self.port)

    def stop_site(self):
        self.site.stop()

    def stop(self):
        if self.site:
            self.site.stop()
        for cache in self.caches:
            cache.stop()
        self.redis.stop()
