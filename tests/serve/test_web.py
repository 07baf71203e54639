"""The web page in real headless Chromium (Debian's ``chromium``, driven by Playwright) against a live server.

Screenshots go to ``test-artifacts/web/`` (or ``$STORYLINE_TEST_ARTIFACTS/web``).
"""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlparse

import pytest

from tests.conftest import CORPUS, shared_path
from tests.serve.conftest import KHATLON_REWRITE, KHATLON_SOURCE
from tests.serve.live import ARTIFACTS, LiveServer, load_reports

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]
SHOTS = ARTIFACTS / "web"

FLOOD_TITLES = ("Sutlej embankment breaks near Ferozepur", "Thousands flee Sutlej flood")  # wire, then its rewrite

# A report written to attack the page: markup in its title and text must show as text and run nothing.
MALICIOUS = ('date 2026-03-01\ntitle <img src=x onerror="window.__pwned=1">Traders attacked near Mopti\n'
             "Gunmen killed two traders near Mopti, Mali, on Sunday <script>window.__pwned=2</script> and burned "
             'their truck, local officials said. <img src=x onerror="window.__pwned=3"> Residents said the gunmen '
             "left on motorbikes.")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The seeds, the sample corpus and the malicious report, through the real pipeline."""
    from tests.link.test_align import FLOOD_PAPER, FLOOD_WIRE

    folder = tmp_path_factory.mktemp("web")
    (folder / "malicious.txt").write_text(MALICIOUS, encoding="utf-8")
    (folder / "flood-wire.txt").write_text(f"date 2026-03-02\ntitle {FLOOD_TITLES[0]}\n{FLOOD_WIRE}", encoding="utf-8")
    (folder / "flood-paper.txt").write_text(f"date 2026-03-03\ntitle {FLOOD_TITLES[1]}\n{FLOOD_PAPER}", encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}"
    load_reports(url, shared_path("seeds"), CORPUS, folder / "malicious.txt", folder / "flood-wire.txt",
                 folder / "flood-paper.txt")
    with LiveServer(url) as live:
        articles = live.get("/api/articles", limit=1000).json()
        found = [a for a in articles if "Mopti" in (a["title"] or "")]
        assert len(found) == 1
        live.malicious_id = found[0]["id"]
        live.flood_ids = [next(a["id"] for a in articles if a["title"] == title) for title in FLOOD_TITLES]
        yield live


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: `make system-deps` installs it")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium, or make system-deps)")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_FLAGS, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def page(browser_context, server):
    """A tab that records every request and refuses any that leaves 127.0.0.1, and reports page errors."""
    tab = browser_context.new_page()
    tab.requests, tab.outside, tab.errors = [], [], []

    def check(route):
        url = route.request.url
        tab.requests.append(url)
        if urlparse(url).hostname != "127.0.0.1" and not url.startswith("data:"):
            tab.outside.append(url)
            return route.abort()
        return route.continue_()

    tab.route("**/*", check)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.outside == [], f"the page asked for outside resources: {tab.outside}"
    assert tab.errors == [], tab.errors
    tab.close()


def located(server, **query) -> set[str]:
    items = server.get("/api/events", limit=1000, **query).json()["items"]
    return {e["id"] for e in items if e["place"]["latitude"] is not None}


def marker_ids(page) -> set[str]:
    return set(page.eval_on_selector_all("path.event-marker", "nodes => nodes.map(n => n.dataset.eventId)"))


def wait_for_markers(page, count: int) -> None:
    page.wait_for_function("n => document.querySelectorAll('path.event-marker').length === n", arg=count, timeout=15000)


def test_map_shows_markers_and_filters_narrow_them(page, server):
    everywhere, tajikistan = located(server), located(server, country="TJ")
    assert 0 < len(tajikistan) < len(everywhere)
    page.goto(server.url + "/")
    wait_for_markers(page, len(everywhere))
    assert marker_ids(page) == everywhere
    page.wait_for_selector("svg.timeline-chart rect.timeline-bar")
    page.screenshot(path=SHOTS / "map.png", full_page=True)
    assert "/static/vendor/world-atlas/countries-50m.json" in " ".join(page.requests)
    assert page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() == len(everywhere)

    assert page.locator("select[name=country] option[value=TJ]").inner_text().startswith("Tajikistan (")
    page.select_option("select[name=country]", "TJ")
    wait_for_markers(page, len(tajikistan))
    assert marker_ids(page) == tajikistan
    dated = [e for e in server.get("/api/events", country="TJ").json()["items"] if e["time"]["start"]]
    bars = page.eval_on_selector_all("rect.timeline-bar", "r => r.map(b => [b.dataset.from, b.dataset.to, +b.dataset.count])")
    assert sum(count for _, _, count in bars) == len(dated)
    assert page.locator("#event-list tbody tr").count() == len(server.get("/api/events", country="TJ").json()["items"])
    page.screenshot(path=SHOTS / "map-tajikistan.png", full_page=True)

    first, last, count = next(bar for bar in bars if bar[2])
    page.click(f"rect.timeline-bar[data-from='{first}']")
    in_period = located(server, country="TJ", date_from=first, date_to=last)
    wait_for_markers(page, len(in_period))
    assert marker_ids(page) == in_period and page.input_value("input[name=date_from]") == first


def test_event_page_shows_fused_fields_and_highlighted_evidence(page, server):
    strike = next(e for e in server.get("/api/events", country="TJ", sub_event_type="Air/drone strike").json()["items"]
                  if e["place"]["admin1"] == "Khatlon")
    page.goto(f"{server.url}/#/event/{strike['id']}")
    page.wait_for_selector("#evidence mark.evidence")
    assert "3 / 3 / 3" in page.text_content("#fatalities")
    assert " ".join(page.text_content("#sources").split()).startswith("1 independent source among 2 reports")
    killed = page.locator("mark.evidence[data-field=fatalities]").all_text_contents()
    assert "three" in killed
    sentence = page.locator("blockquote.evidence-sentence", has=page.locator("mark[data-field=fatalities]", has_text="three"))
    assert "Chinese workers" in sentence.first.text_content()
    assert page.locator("section.evidence-report").count() == 2  # one block per report
    page.screenshot(path=SHOTS / "event.png", full_page=True)


def test_compare_page_marks_the_taliban_substitution(page, server):
    page.goto(f"{server.url}/#/compare?a={KHATLON_SOURCE}&b={KHATLON_REWRITE}")
    page.wait_for_selector("#compare tr.passage")
    left = page.locator("td.side-a mark.substitution", has_text="Taliban")
    assert left.count() >= 1
    derived_term = left.first.get_attribute("data-derived-term")
    assert "Islamic Emirate" in derived_term
    right = page.locator("td.side-b mark.substitution", has_text="Islamic Emirate")
    assert derived_term in right.all_text_contents()
    kinds = set(page.eval_on_selector_all("#compare tr.passage", "rows => rows.map(r => r.dataset.kind)"))
    assert {"verbatim", "rewrite"} <= kinds
    page.screenshot(path=SHOTS / "compare.png", full_page=True)


def test_compare_page_highlights_the_words_a_rewrite_copied(page, server):
    from tests.link.test_align import FLOOD_COPIED, FLOOD_LIFTED

    wire, paper = server.flood_ids
    page.goto(f"{server.url}/#/compare?a={paper}&b={wire}")
    page.wait_for_selector("#compare tr.passage")
    rewritten = page.locator("#compare tr.passage-rewrite td.side-b mark.copied", has_text=FLOOD_COPIED)
    assert rewritten.count() == 1  # inside the rewritten sentence's row, in the derived report's cell
    source_side = page.locator("#compare td.side-a mark.copied", has_text="Flood water broke through an embankment")
    assert source_side.count() == 1
    lifted = page.locator("#compare tr.passage-new td.side-b mark.copied")
    assert lifted.all_text_contents() == [FLOOD_LIFTED]  # a phrase lifted into a sentence of its own
    rows = page.eval_on_selector_all("#compare tbody tr", "rows => rows.map(r => r.dataset.kind)")
    assert rows.count("new") + rows.count("rewrite") + rows.count("verbatim") == len(rows) == 7  # sentences only
    assert page.locator("#compare td.side-b mark.substitution", has_text="Relief Commission").count() == 1
    assert page.locator("#compare-legend mark.copied").count() == 1
    page.screenshot(path=SHOTS / "compare-copied.png", full_page=True)


def test_story_page_draws_who_rewrote_whom(page, server):
    source = server.get("/api/compare", a=KHATLON_SOURCE, b=KHATLON_REWRITE).json()
    strike = next(e for e in server.get("/api/events", country="TJ", sub_event_type="Air/drone strike").json()["items"]
                  if e["place"]["admin1"] == "Khatlon")
    story = server.get(f"/api/events/{strike['id']}").json()["stories"][0]
    page.goto(f"{server.url}/#/story/{story}")
    page.wait_for_selector("svg.derivation-graph .derivation-edge")
    edge = page.locator(f".derivation-edge[data-source='{source['a']['id']}'][data-derived='{source['b']['id']}']")
    assert edge.count() == 1
    # one row per independent source: the rewrite sits in its source's row, and each row has one root
    detail = server.get(f"/api/stories/{story}").json()
    lineages = page.eval_on_selector_all("g.report-node", "nodes => nodes.map(n => n.dataset.lineage)")
    assert len(set(lineages)) == detail["independent_sources"] == page.locator("g.report-node.root").count()
    rows = page.eval_on_selector_all("g.report-node circle", "cs => cs.map(c => [c.parentNode.dataset.articleId, c.getAttribute('cy')])")
    row_of = dict(rows)
    assert row_of[source["a"]["id"]] == row_of[source["b"]["id"]]
    assert "Islamic Emirate" in page.text_content("table.framing")
    order = page.eval_on_selector_all("#story-reports li", "items => items.map(i => i.dataset.articleId)")
    assert set(order) >= {source["a"]["id"], source["b"]["id"]}
    page.screenshot(path=SHOTS / "story.png", full_page=True)


def test_a_malicious_report_renders_inert(page, server):
    page.goto(f"{server.url}/#/article/{server.malicious_id}")
    page.wait_for_selector("#article-text")
    text = page.text_content("#article-text")
    assert "<script>window.__pwned=2</script>" in text and '<img src=x onerror="window.__pwned=3">' in text
    assert "<img src=x" in page.text_content("#article-title")
    assert page.locator("#view img, #view script").count() == 0
    page.goto(f"{server.url}/#/compare?a={server.malicious_id}&b={KHATLON_SOURCE}")
    page.wait_for_selector("#compare tr.passage")
    assert page.locator("#view img, #view script").count() == 0
    page.goto(server.url + "/#/?q=mopti")
    page.wait_for_selector("#event-list")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    page.goto(f"{server.url}/#/article/{server.malicious_id}")
    page.wait_for_selector("#article-text")
    page.screenshot(path=SHOTS / "malicious-report.png", full_page=True)


def test_api_docs_render_offline(page, server):
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "Storyline API" in page.text_content(".swagger-ui .info .title")
    page.screenshot(path=SHOTS / "docs.png")
