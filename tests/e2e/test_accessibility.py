"""WCAG 2.2 AA checks with npm's axe-core (`make test` installs it in var/axe),
injected into each page by axe-playwright-python."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.conftest import ROOT
from tests.pages import READER_PAGES, READER_WIDTHS, TABLE_AND_NOTES_PAGE

pytestmark = pytest.mark.django_db(transaction=True)

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}
AXE_JS = ROOT / "var" / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def npm_axe():
    assert AXE_JS.exists(), (
        "The accessibility tests need var/axe: `make test` installs it."
    )
    return Axe.from_file(AXE_JS)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_public_pages_have_no_wcag_aa_violations(browser, live_server, color_scheme):
    call_command("seed_demo")
    axe = npm_axe()
    problems = {}
    for width in READER_WIDTHS:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, color_scheme=color_scheme
        )
        page = context.new_page()
        for path in [*READER_PAGES.values(), TABLE_AND_NOTES_PAGE]:
            page.goto(live_server.url + path)
            results = axe.run(page, options=WCAG_AA)
            if results.violations_count:
                problems[f"{path} at {width}px"] = results.generate_report()
        context.close()

    assert not problems, "\n".join(f"{p}:\n{r}" for p, r in problems.items())
