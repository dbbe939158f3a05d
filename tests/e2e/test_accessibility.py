"""WCAG 2.2 AA checks with axe-core (shipped inside axe-playwright-python)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.pages import DEMO_PAGES

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
PAGES = [*DEMO_PAGES, "/search/?q=aleppo", "/no-such-page/"]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_public_pages_have_no_wcag_aa_violations(browser, live_server, color_scheme):
    call_command("seed_demo")
    context = browser.new_context(color_scheme=color_scheme)
    page = context.new_page()
    axe = Axe()
    problems = {}
    for path in PAGES:
        page.goto(live_server.url + path)
        results = axe.run(page, options=WCAG_AA)
        if results.violations_count:
            problems[path] = results.generate_report()
    context.close()

    assert not problems, "\n".join(f"{p}:\n{r}" for p, r in problems.items())
