"""The deploy/ nginx compresses pages on the way out and serves static files
from collectstatic's Brotli and gzip copies."""

import gzip
import http.client

import brotli
import pytest

from tests.factories import make_public_review

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(port, path, encoding):
    link = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        link.request("GET", path, headers={"Accept-Encoding": encoding})
        response = link.getresponse()
        return response, response.read()
    finally:
        link.close()


def test_pages_arrive_gzipped_with_their_etag(nginx):
    piece = make_public_review(body="<p>" + "Aleppo under siege. " * 200 + "</p>")

    response, body = fetch(nginx.port, piece.get_absolute_url(), "gzip")

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary")
    assert "Aleppo under siege." in gzip.decompress(body).decode()
    assert response.getheader("ETag")


def test_static_files_arrive_as_brotli_where_the_browser_takes_it(nginx, static_root):
    stylesheet = next(static_root.glob("css/site.*.css"))
    path = f"/static/css/{stylesheet.name}"

    response, body = fetch(nginx.port, path, "br, gzip")

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "br"
    assert brotli.decompress(body) == stylesheet.read_bytes()
    assert "immutable" in response.getheader("Cache-Control")


def test_static_files_are_never_sniffed_and_nginx_names_no_version(nginx, static_root):
    stylesheet = next(static_root.glob("css/site.*.css"))

    response, _ = fetch(nginx.port, f"/static/css/{stylesheet.name}", "br")
    missing, _ = fetch(nginx.port, "/static/no-such-file.css", "gzip")

    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Server") == "nginx"
    assert missing.status == 404
    assert missing.getheader("Server") == "nginx"
