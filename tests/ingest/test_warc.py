import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.ingest.warc import read_warc
from storyline.records import Notice, Report
from tests.conftest import FIXTURES


def make_warc(path, gzip: bool):
    """A real WARC file: two saved pages, an image, a request and a 404, written with warcio."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)

        def response(uri, body, content_type, status="200 OK"):
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

        response("https://coastline-courier.example/fire", (FIXTURES / "pages/harbour-fire.html").read_bytes(), "text/html; charset=utf-8")
        response("https://img.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png")
        request_headers = StatusAndHeaders("GET /x HTTP/1.1", [("Host", "valley-news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://valley-news.example/x", "request", payload=io.BytesIO(b""), http_headers=request_headers))
        response("https://valley-news.example/bridge-closed", (FIXTURES / "pages/linked-story.html").read_bytes(), "text/html")
        response("https://valley-news.example/gone", b"<html><body><p>Not found here at all</p></body></html>", "text/html", "404 Not Found")
        response("https://valley-news.example/broken", b"<<html <<body <div <p =\">< </ </", "text/html")
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_become_reports(tmp_path, gzip):
    path = make_warc(tmp_path / ("a.warc.gz" if gzip else "a.warc"), gzip)
    with open(path, "rb") as handle:
        results = list(read_warc(handle, str(path), 1_000_000))
    reports = [r for r in results if isinstance(r, Report)]
    notices = [r for r in results if isinstance(r, Notice)]
    assert [r.url for r in reports] == ["https://coastline-courier.example/2026/05/04/fuel-depot-fire",
                                        "https://valley-news.example/bridge-closed"]
    assert reports[0].format == "warc" and reports[0].source == str(path)
    assert reports[0].external_id.startswith("<urn:uuid:")
    assert reports[0].title == "Fire at fuel depot injures four dock workers"
    assert len(notices) == 1 and notices[0].code == "E107" and "broken" in notices[0].source


def test_not_a_warc(tmp_path):
    with pytest.raises(InputError) as caught:
        list(read_warc(io.BytesIO(b"this is not an archive\n" * 10), "fake.warc", 1000))
    assert caught.value.code == "E114" and "fake.warc" in str(caught.value)


def test_archives_through_the_reader_from_a_file_and_from_standard_input(tmp_path):
    from storyline.ingest import IngestOptions, read_reports

    path = make_warc(tmp_path / "crawl.warc.gz", gzip=True)
    from_file = [r for _, r in read_reports([str(path)], IngestOptions())]
    from_stdin = [r for _, r in read_reports(["-"], IngestOptions(stdin=io.BytesIO(path.read_bytes())))]
    for results, source in ((from_file, str(path)), (from_stdin, "<stdin>")):
        reports = [r for r in results if isinstance(r, Report)]
        assert [r.title for r in reports] == ["Fire at fuel depot injures four dock workers", "Bridge closed after lorry strikes railing"]
        assert all(r.source == source for r in reports)
