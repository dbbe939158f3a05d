"""Real shared services for tests, each its own process on a free loopback port:
an S3-compatible object store (moto's server) and Redis."""

import subprocess
import sys
import uuid

import boto3

from tests.faults import free_port, listening, stop

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
