"""The pages in a real browser: Debian's chromium driven by Playwright.

Opens the incident list, filters by country, opens an incident, clicks a claim and sees its sentence
highlighted in the article; keeps a screenshot of the incident page in test-artifacts/; and checks
that script in an article never runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, sync_playwright

from cybertrack.web.app import create_app
from tests.conftest import SEEDS, Cli, hostile_id, require_shared, served

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Debian's chromium is expected at {CHROMIUM} (scripts/ensure-chromium installs it; "
                    "make test runs it)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_shared()
    db = tmp_path_factory.mktemp("browser") / "seeds.db"
    assert Cli(db)("ingest", str(SEEDS)).exit_code == 0
    with served(create_app(str(db))) as base:
        yield base


def _page(browser, refused: list[str]) -> Page:
    """A page that fails the test on a dialog, and lists in ``refused`` what the server's content policy blocked
    (the pages must need nothing it blocks)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.on("dialog", lambda dialog: pytest.fail(f"a dialog opened: {dialog.message}"))
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    return page


def test_api_docs_render_offline_from_the_vendored_swagger_ui(browser, site):
    """Every request but to this server is cut: /docs must still show the API's operations."""
    refused: list[str] = []
    page = _page(browser, refused)
    elsewhere: list[str] = []

    def local_only(route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.goto(site + "/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {"/api/incidents", "/api/search", "/taxii2/"} <= {p.replace("\u200b", "") for p in paths}
    assert elsewhere == []
    assert refused == []
    page.close()


def test_filter_open_an_incident_and_follow_a_claim_to_its_sentence(browser, site):
    refused: list[str] = []
    page = _page(browser, refused)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "/")
    assert page.locator("#incidents a.incident").count() >= 5
    page.wait_for_selector("#actor-graph canvas")  # the actor -> victim graph, drawn by the vendored cytoscape
    assert page.evaluate("Chart.getChart(document.getElementById('timeline-chart')) !== undefined")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "incidents.png"), full_page=True)
    assert not errors
    page.select_option("select[name=country]", "RU")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**country=RU**")
    rows = page.locator("#incidents a.incident")
    assert rows.count() == 1
    rows.first.click()
    page.wait_for_selector("#claims")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "incident.png"), full_page=True)
    evidence_link = page.locator("#claims a.evidence").first
    claimed = evidence_link.inner_text()
    evidence_link.click()
    mark = page.locator("mark#evidence")
    mark.wait_for()
    assert mark.is_visible()
    highlighted = mark.inner_text()
    assert highlighted and highlighted in claimed
    assert refused == []
    page.close()


def test_script_in_an_article_never_runs(browser, hostile_db):
    db = hostile_db
    with served(create_app(str(db))) as base:
        refused: list[str] = []
        page = _page(browser, refused)
        for path in ("/", f"/documents/{hostile_id(db)}"):
            page.goto(base + path)
            page.wait_for_load_state("load")
        assert "<script>alert('text')</script>" in page.locator("article.clean").inner_text()
        assert refused == []
        page.close()


@pytest.fixture(scope="module")
def samples_site(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "samples.db"
    samples = sorted(str(p) for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"})
    assert Cli(db)("ingest", *samples).exit_code == 0
    with served(create_app(str(db))) as base:
        yield base


def test_an_incident_whose_claims_disagree_shows_the_conflict(browser, samples_site):
    """The demo's ministry incident: the government attributes it to APT29, the accused's embassy denies it."""
    refused: list[str] = []
    page = _page(browser, refused)
    page.goto(samples_site + "/")
    page.locator("#incidents a.incident", has_text="Interior").first.click()  # the title names it as written
    table = page.locator("table#conflicts")
    table.wait_for()
    rows = table.locator("tbody tr")
    assert rows.count() >= 1
    texts = rows.all_inner_texts()
    assert any("denied" in row and "APT29" in row and "denies" in row for row in texts)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "conflicts.png"), full_page=True)
    assert refused == []
    page.close()
