"""URL inputs against a real HTTP server on 127.0.0.1 serving saved pages and feeds."""

import functools
import http.server
import socket
import threading

import pytest

from storyline.ingest import IngestOptions, read_reports
from storyline.ingest.fetch import Fetcher
from storyline.errors import InputError
from storyline.records import Notice, Report
from tests.conftest import FIXTURES


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".xml": "application/rss+xml"}

    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(_Handler, directory=str(FIXTURES))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read(arguments, **options):
    return [result for _, result in read_reports(arguments, IngestOptions(**options))]


def test_page_url(server):
    (report,) = read([f"{server}/pages/harbour-fire.html"])
    assert isinstance(report, Report) and report.format == "html"
    assert report.title == "Fire at fuel depot injures four dock workers"
    assert report.source == f"{server}/pages/harbour-fire.html"
    assert report.url == "https://coastline-courier.example/2026/05/04/fuel-depot-fire"  # canonical


def test_feed_url(server):
    results = read([f"{server}/feeds/rss-full.xml"])
    assert [r.title for r in results] == ["Ferry runs aground near the harbour mouth", "Council votes to reopen the swimming baths"]


def test_latin1_page_declared_in_meta(server):
    (report,) = read([f"{server}/pages/latin1-market.html"])
    assert "\u00a33, up from \u00a32" in report.text and "caf\u00e9" in report.text


def test_missing_page_and_closed_port_are_unreachable(server):
    results = read([f"{server}/pages/nope.html", f"http://127.0.0.1:{closed_port()}/x", f"{server}/texts/plain.txt"])
    assert [type(r) for r in results] == [Notice, Notice, Report]
    assert results[0].code == "E110" and "404" in results[0].message and results[0].source.endswith("/pages/nope.html")
    assert results[1].code == "E110" and "refused" in results[1].message.lower()


def test_response_over_the_size_limit(server):
    fetcher = Fetcher(max_bytes=200)
    with pytest.raises(InputError) as caught:
        fetcher.get(f"{server}/pages/harbour-fire.html")
    assert caught.value.code == "E106"
