import datetime as dt
import time

import httpx
import pytest

from storyline.errors import InputError
from storyline.ingest.feeds import check_well_formed, read_feed
from storyline.ingest.fetch import Fetcher
from storyline.ingest.html import read_html
from storyline.records import Notice, Report
from tests.conftest import FIXTURES

FEEDS = FIXTURES / "feeds"
PAGES = FIXTURES / "pages"


def saved_pages_transport(pages: dict[str, str]) -> httpx.MockTransport:
    """Serve saved pages from local files by URL; anything else is a 404."""

    def handler(request: httpx.Request) -> httpx.Response:
        name = pages.get(str(request.url))
        if name is None:
            return httpx.Response(404)
        return httpx.Response(200, content=(PAGES / name).read_bytes(), headers={"content-type": "text/html; charset=utf-8"})

    return httpx.MockTransport(handler)


def page_reader(transport):
    fetcher = Fetcher(max_bytes=1_000_000, transport=transport)

    def read_page(link):
        fetched = fetcher.get(link)
        return read_html(fetched.data.decode(), link, url=fetched.url, encoding="utf-8", external_id=None, version_key=None)

    return read_page


def test_rss_entries_with_full_content():
    results = list(read_feed((FEEDS / "rss-full.xml").read_bytes(), "rss-full.xml", None))
    reports = [r for r in results if isinstance(r, Report)]
    assert len(reports) == 2 and not [r for r in results if isinstance(r, Notice)]
    first = reports[0]
    assert first.title == "Ferry runs aground near the harbour mouth"
    assert first.outlet == "Northern Ledger" and first.byline == "Tomas Berg"
    assert first.published == dt.date(2026, 4, 12)
    assert first.published_at == dt.datetime(2026, 4, 12, 18, 5, tzinfo=dt.timezone.utc)
    assert first.external_id == "nl-2026-0412-ferry"
    assert first.url == "https://northern-ledger.example/ferry-aground"
    assert first.text.startswith("A passenger ferry with 140 people") and "\n" in first.text
    assert first.source == "rss-full.xml"


def test_atom_entry():
    (report,) = read_feed((FEEDS / "atom.xml").read_bytes(), "atom.xml", None)
    assert report.title == "Landslide blocks mountain highway"
    assert report.published == dt.date(2026, 7, 1)
    assert report.published_at == dt.datetime(2026, 7, 1, 21, 40, tzinfo=dt.timezone.utc)  # published, not updated
    assert report.outlet == "Plateau Wire"
    assert report.text.startswith("A landslide after two days of heavy rain")


def test_summary_only_entry_takes_its_linked_page_when_reachable():
    transport = saved_pages_transport({"https://valley-news.example/bridge-closed": "linked-story.html"})
    results = list(read_feed((FEEDS / "summary-only.xml").read_bytes(), "summary-only.xml", page_reader(transport)))
    reports = [r for r in results if isinstance(r, Report)]
    warnings = [r for r in results if isinstance(r, Notice)]
    assert len(reports) == 2
    bridge, library = reports
    assert "Engineers will inspect the structure on Wednesday" in bridge.text  # the page, not the summary
    assert library.text == "The central library will stay open until eight on weekdays from March, the council said."
    assert len(warnings) == 1 and warnings[0].level == "warning" and "404" in warnings[0].message
    assert warnings[0].source == "summary-only.xml#2"


def test_summary_only_without_following_links_keeps_summaries():
    reports = list(read_feed((FEEDS / "summary-only.xml").read_bytes(), "s.xml", None))
    assert [r.text for r in reports][0] == "The old river bridge is shut after a lorry hit its railing."


def test_not_well_formed_feed_names_line_and_column():
    with pytest.raises(InputError) as caught:
        list(read_feed((FEEDS / "not-well-formed.xml").read_bytes(), "not-well-formed.xml", None))
    assert caught.value.code == "E108"
    assert "not-well-formed.xml" in str(caught.value) and "line 7" in str(caught.value)


def test_entity_expansion_bomb_is_refused_without_expanding():
    data = (FEEDS / "entity-bomb.xml").read_bytes()
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        check_well_formed(data, "entity-bomb.xml")
    assert caught.value.code == "E109" and "entity" in str(caught.value)
    assert time.perf_counter() - started < 1.0  # expanding it would take gigabytes


def test_external_entity_is_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'
    with pytest.raises(InputError) as caught:
        check_well_formed(data, "xxe.xml")
    assert caught.value.code == "E109"


def test_xml_that_is_not_a_feed():
    with pytest.raises(InputError) as caught:
        list(read_feed(b"<?xml version='1.0'?><urlset><url>x</url></urlset>", "sitemap.xml", None))
    assert caught.value.code == "E115"
