import datetime as dt

import pytest

from storyline.errors import InputError
from storyline.ingest.html import fragment_text, read_html
from tests.conftest import FIXTURES


def read(path, **kwargs):
    markup = (FIXTURES / "pages" / path).read_text(encoding=kwargs.pop("encoding", "utf-8"))
    return read_html(markup, path, url=None, encoding="utf-8", external_id="x", version_key="file:x", **kwargs)


def test_saved_page_main_text_and_metadata():
    report = read("harbour-fire.html")
    assert report.title == "Fire at fuel depot injures four dock workers"
    assert report.byline == "Hanna Lindqvist"
    assert report.outlet == "Coastline Courier"
    assert report.published == dt.date(2026, 5, 4)
    assert report.published_at == dt.datetime(2026, 5, 4, 7, 30, tzinfo=dt.timezone.utc)
    assert report.url == "https://coastline-courier.example/2026/05/04/fuel-depot-fire"
    assert report.version_key == "url:https://coastline-courier.example/2026/05/04/fuel-depot-fire"
    assert report.text.startswith("Four dock workers were taken to hospital")
    assert "ferry departures were delayed" in report.text
    for boilerplate in ("Subscribe now", "Related stories", "Cookie settings", "Front page"):
        assert boilerplate not in report.text
    assert report.text.count("\n") >= 3  # paragraphs kept apart


def test_a_page_stamped_ahead_of_the_machines_date_keeps_its_date():
    # an outlet east of UTC publishes "tomorrow" by the machine's clock; htmldate alone refused the stamp and
    # fell back to the first day of its month
    tomorrow = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).date()
    markup = (FIXTURES / "pages" / "harbour-fire.html").read_text(encoding="utf-8")
    markup = (markup.replace("2026-05-04", tomorrow.isoformat()).replace("2026/05/04", tomorrow.strftime("%Y/%m/%d"))
              .replace("4 May 2026", f"{tomorrow.day} {tomorrow:%B %Y}"))
    assert tomorrow.isoformat() in markup
    report = read_html(markup, "ahead.html", url=None, encoding="utf-8", external_id="x", version_key="file:x")
    assert report.published == tomorrow


def test_malformed_html_is_an_error():
    with pytest.raises(InputError) as caught:
        read("malformed.html")
    assert caught.value.code == "E107" and "malformed.html" in str(caught.value)


def test_text_without_markup_is_not_html():
    with pytest.raises(InputError) as caught:
        read_html("just words here and there", "p.html", url=None, encoding=None, external_id=None, version_key=None)
    assert caught.value.code == "E107"


def test_page_with_no_article_block_falls_back_to_visible_text():
    markup = ('<!DOCTYPE courtdoc SYSTEM "court.dtd" [\n]>\n<courtdoc paper="x"><nav>Menu Home</nav><body>'
              "<unclassified>The hearing was adjourned until Monday by the judge.</unclassified>"
              "<rewrite>Both sides agreed.</rewrite></body></courtdoc>")
    report = read_html(markup, "s.sgml", url=None, encoding=None, external_id=None, version_key=None)
    assert "The hearing was adjourned until Monday by the judge." in report.text
    assert "Menu" not in report.text


def test_fragment_text_one_line_per_block():
    assert fragment_text("<p>One <b>two</b>.</p><p>Three.</p><script>x()</script>") == "One two.\nThree."


_TIMED_PAGE = """<html><head><title>Depot fire</title>{head}</head><body><article><h1>Depot fire</h1>
<p>Four dock workers were taken to hospital after a fire broke out at a fuel depot in the port on Monday morning.</p>
<p>Firefighters said the blaze was under control by noon and that the cause was not yet known.</p>
</article></body></html>"""


@pytest.mark.parametrize(("head", "moment"), [
    # Open Graph, in the page's zone: kept as UTC
    ('<meta property="article:published_time" content="2026-05-04T09:30:00+02:00">', (2026, 5, 4, 7, 30)),
    # a <meta> name in capitals
    ('<meta name="PubDate" content="2026-05-04T23:10:00-04:00">', (2026, 5, 5, 3, 10)),
    # schema.org JSON-LD
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-05-04T06:05:00Z"}</script>',
     (2026, 5, 4, 6, 5)),
    # a time with no zone, or no time at all: no moment
    ('<meta property="article:published_time" content="2026-05-04T09:30:00">', None),
    ('<meta property="article:published_time" content="2026-05-04">', None),
])
def test_the_moment_of_publication_is_read_from_the_pages_metadata(head, moment):
    report = read_html(_TIMED_PAGE.format(head=head), "t.html", url=None, encoding="utf-8", external_id=None,
                       version_key=None)
    assert report.published == dt.date(2026, 5, 4)
    assert report.published_at == (dt.datetime(*moment, tzinfo=dt.timezone.utc) if moment else None)


def test_a_time_stated_for_another_day_than_the_pages_date_is_not_its_moment():
    # the page is dated the 4th; the JSON-LD time is of the 9th (a modification, another story): no moment
    head = ('<meta property="article:published_time" content="2026-05-04">'
            '<script type="application/ld+json">{"datePublished": "2026-05-09T06:05:00Z"}</script>')
    report = read_html(_TIMED_PAGE.format(head=head), "t.html", url=None, encoding="utf-8", external_id=None,
                       version_key=None)
    assert report.published == dt.date(2026, 5, 4) and report.published_at is None


def test_a_page_stamped_a_week_ahead_keeps_the_day_its_metadata_states():
    # past htmldate's limit the stamp was refused and the first day of the month came back: a day the page never gives
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=7)).date()
    markup = (FIXTURES / "pages" / "harbour-fire.html").read_text(encoding="utf-8")
    markup = (markup.replace("2026-05-04", ahead.isoformat()).replace("2026/05/04", ahead.strftime("%Y/%m/%d"))
              .replace("4 May 2026", f"{ahead.day} {ahead:%B %Y}"))
    report = read_html(markup, "ahead.html", url=None, encoding="utf-8", external_id="x", version_key="file:x")
    assert report.published == ahead
