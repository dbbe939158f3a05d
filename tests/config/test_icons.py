"""The favicon, the PNG and Apple icons and the web manifest, from one SVG."""

import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image, ImageChops, ImageStat

from tests.html import assert_valid_html

ICONS = Path(__file__).resolve().parents[2] / "static" / "icons"
TILE = (122, 31, 31)  # fill="#7a1f1f" in favicon.svg

pytestmark = pytest.mark.django_db


def test_favicon_ico_answers_at_the_root_with_a_long_lifetime(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=2592000" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    with Image.open(io.BytesIO(response.content)) as icon:
        assert icon.format == "ICO"
        assert icon.info["sizes"] == {(16, 16), (32, 32), (48, 48)}


def test_the_manifest_names_the_site_and_icons_that_answer(collected_client):
    response = collected_client.get("/site.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert "max-age=2592000" in response["Cache-Control"]
    manifest = response.json()
    assert manifest["name"] == "Filmdesk"
    assert manifest["theme_color"] == "#7a1f1f"
    assert manifest["background_color"] == "#fdfcf9"
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    assert [icon["sizes"] for icon in pngs] == ["192x192", "512x512"]
    for icon in pngs:
        image = collected_client.get(icon["src"])
        assert image.status_code == 200
        assert "immutable" in image["Cache-Control"]
        with Image.open(io.BytesIO(b"".join(image.streaming_content))) as png:
            assert f"{png.width}x{png.height}" == icon["sizes"]


def test_every_page_declares_its_icons_and_manifest(collected_client):
    content = collected_client.get("/").content.decode()

    assert_valid_html(content)
    for declaration in (
        r'<link rel="icon" href="/static/icons/favicon\.\w+\.ico" sizes="32x32">',
        r'<link rel="icon" href="/static/icons/favicon\.\w+\.svg" type="image/svg\+xml">',
        r'<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon\.\w+\.png">',
        r'<link rel="manifest" href="/site\.webmanifest">',
    ):
        assert re.search(declaration, content), declaration
    apple = content.split('<link rel="apple-touch-icon" href="')[1].split('"')[0]
    with Image.open(
        io.BytesIO(b"".join(collected_client.get(apple).streaming_content))
    ) as png:
        assert (png.size, png.mode) == ((180, 180), "RGB")


def mean_difference(first, second):
    """The largest mean difference of a channel of two pictures, from 0 to 255."""
    return max(ImageStat.Stat(ImageChops.difference(first, second)).mean)


def test_make_icons_draws_every_icon_from_the_svg(tmp_path):
    shutil.copy(ICONS / "favicon.svg", tmp_path)

    call_command("make_icons", folder=tmp_path, stdout=io.StringIO())

    with Image.open(tmp_path / "icon-512.png") as master:
        assert master.size == (512, 512)
        assert master.getpixel((0, 0))[3] == 0  # the rounded corner is see-through
        assert master.getpixel((100, 100)) == (*TILE, 255)
        assert master.getpixel((256, 256)) == (255, 255, 255, 255)  # the F
    with Image.open(tmp_path / "apple-touch-icon.png") as apple:
        assert (apple.size, apple.mode) == ((180, 180), "RGB")
        assert apple.getpixel((0, 0)) == TILE
    with Image.open(tmp_path / "icon-192.png") as icon:
        assert icon.size == (192, 192)
    with Image.open(tmp_path / "favicon.ico") as ico:
        assert ico.info["sizes"] == {(16, 16), (32, 32), (48, 48)}
    # The committed icons are what the SVG gives (another Chromium may smooth
    # edges a little differently).
    for name in ("icon-512.png", "icon-192.png", "apple-touch-icon.png"):
        with Image.open(ICONS / name) as committed, Image.open(tmp_path / name) as new:
            assert committed.size == new.size
            assert mean_difference(committed, new) < 1, name


def test_make_icons_says_when_there_is_no_svg(tmp_path):
    with pytest.raises(CommandError, match=r"There is no .*favicon\.svg"):
        call_command("make_icons", folder=tmp_path)
