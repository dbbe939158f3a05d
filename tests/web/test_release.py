"""The release digest names what the public pages are made from: a deploy that
changes a template, code or a static file changes it (web/release.py)."""

import pytest

from web.release import release


@pytest.fixture
def templates(settings, tmp_path):
    """The project's templates with one more page, in a folder of the test's own."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    release.cache_clear()
    yield tmp_path
    release.cache_clear()


def test_a_changed_template_is_a_new_release(templates):
    (templates / "page.html").write_text("<p>One</p>")
    before = release()
    release.cache_clear()
    assert release() == before

    (templates / "page.html").write_text("<p>Two</p>")
    release.cache_clear()

    assert release() != before


def test_files_that_draw_no_page_are_no_part_of_it(templates):
    before = release()
    (templates / "notes.md").write_text("A note beside the templates.")
    release.cache_clear()

    assert release() == before
