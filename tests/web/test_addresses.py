import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from web.addresses import slug_url


@pytest.mark.parametrize("slug", ["last-men-in-aleppo", "فراس-فياض", "été_2016"])
def test_a_slug_url_is_the_address_reverse_gives(slug):
    assert slug_url("reviews:detail", slug) == reverse(
        "reviews:detail", kwargs={"slug": slug}
    )


def test_a_slug_url_follows_the_script_prefix():
    set_script_prefix("/critics/")
    try:
        assert slug_url("people:person", "feras-fayyad") == (
            "/critics/people/feras-fayyad/"
        )
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize("slug", ["", "a/b", "a b", "a.b"])
def test_a_slug_no_page_can_have_fails_as_reverse_does(slug):
    with pytest.raises(NoReverseMatch):
        slug_url("films:detail", slug)
