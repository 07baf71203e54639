"""RSS and Atom feeds: each entry becomes a report.

The feed is first parsed by defusedxml, which refuses entity declarations (the
"billion laughs" expansion bomb and external entities) and reports the line and
column of the first well-formedness error; only a feed that passes is handed to
feedparser. An entry's full content is used when the feed carries it; an entry
with only a summary is replaced by its linked page when that page can be
fetched, and otherwise kept as its summary with a warning.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import feedparser

from storyline.errors import InputError
from storyline.ingest.dates import parse_published_at
from storyline.ingest.html import fragment_text, has_words
from storyline.ingest.identity import clean_text
from storyline.records import Notice, Report

# Fetches and reads a linked page; raises InputError when it cannot.
PageReader = Callable[[str], Report]


def check_well_formed(data: bytes, source: str) -> None:
    """Raise E109 for entity declarations, E108 for XML that is not well formed."""
    try:
        defusedxml.ElementTree.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        raise InputError(source, f"refused: the XML declares entity {exc.name!r} (possible entity-expansion bomb); feeds never need entity declarations", "E109") from None
    except defusedxml.DefusedXmlException as exc:
        raise InputError(source, f"refused: {exc}", "E109") from None
    except ParseError as exc:
        line, column = exc.position
        raise InputError(source, f"not well-formed XML at line {line}, column {column + 1}: {_parse_reason(exc)}", "E108") from None


def read_feed(data: bytes, source: str, read_page: PageReader | None) -> Iterator[Report | Notice]:
    """Reports (and notices about entries that could not be read) from one feed document."""
    check_well_formed(data, source)
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries and not parsed.feed:
        raise InputError(source, "XML but not an RSS or Atom feed (no channel or entries found)", "E115")
    outlet = _text_field(parsed.feed.get("title"))
    if not parsed.entries:
        yield Notice("warning", source, "feed has no entries", "E103")
    for number, entry in enumerate(parsed.entries, start=1):
        entry_source = f"{source}#{number}"
        try:
            report, warning = _entry_report(entry, source, entry_source, outlet, read_page)
        except InputError as exc:
            yield Notice("error", exc.source, exc.reason, exc.code)
            continue
        if warning is not None:
            yield warning
        yield report


def _entry_report(entry: feedparser.FeedParserDict, source: str, where: str, outlet: str | None,
                  read_page: PageReader | None) -> tuple[Report, Notice | None]:
    link = entry.get("link") or None
    guid = entry.get("id") or link
    title = _text_field(entry.get("title"))
    published = _entry_date(entry)
    published_at = parse_published_at(entry.get("published") or entry.get("updated")) if published else None
    byline = _text_field(entry.get("author"))
    contents = entry.get("content") or []
    full = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    body = _as_text(full)
    warning = None
    if not has_words(body) and link and read_page is not None:
        try:
            page = read_page(link)
        except InputError as exc:
            page = None
            warning = Notice("warning", where, f"kept the entry's summary: its page {exc.reason}", exc.code)
        if page is not None and len(page.text) > len(_as_text(summary)):
            return Report(
                text=page.text, source=source, format="feed", title=title or page.title,
                byline=byline or page.byline, outlet=outlet or page.outlet, url=page.url or link,
                published=published or page.published, external_id=guid, encoding=page.encoding,
                version_key=f"url:{page.url or link}",
                published_at=published_at if published else page.published_at,
            ), None
    if not has_words(body):
        body = _as_text(summary)
    if not has_words(body):
        raise InputError(where, f"entry {title or guid or ''!r} has no text (no content, no summary, no readable linked page)", "E103")
    return Report(
        text=body, source=source, format="feed", title=title, byline=byline, outlet=outlet, url=link,
        published=published, external_id=guid, encoding="utf-8",
        version_key=f"url:{link}" if link else (f"guid:{guid}" if guid else None),
        published_at=published_at,
    ), warning


def _as_text(markup: str) -> str:
    if not markup:
        return ""
    return clean_text(fragment_text(markup) if "<" in markup else markup)


def _text_field(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(fragment_text(value).split()) if "<" in value else " ".join(value.split())
    return text or None


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    stamp: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp is None:
        return None
    return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)


def _parse_reason(exc: ParseError) -> str:
    return str(exc).split(":")[0]
