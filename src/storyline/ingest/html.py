"""HTML pages: main text and metadata (trafilatura), with a visible-text fallback.

trafilatura finds the article block and reads title, byline, publication date,
site name and canonical URL from the page's metadata. Pages it finds no article
block in (very short pages, SGML-like markup) fall back to the page's visible
text without navigation, headers, footers and scripts. A document that yields
no words either way is malformed (E107).
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from storyline.errors import InputError
from storyline.ingest.dates import parse_published, parse_published_at
from storyline.ingest.identity import clean_text
from storyline.records import Report

_WORD = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3
_NOT_CONTENT = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "head")
# Where pages state their moment of publication: Open Graph, Dublin Core and other <meta> names (any case), then
# schema.org's datePublished (microdata, JSON-LD) and an HTML <time pubdate>.
_TIME_META = frozenset({"article:published_time", "og:published_time", "pubdate", "publishdate", "dc.date.issued",
                        "dcterms.issued", "parsely-pub-date", "sailthru.date"})
_TIME_PATHS = ("//*[@itemprop='datePublished']/@content", "//*[@itemprop='datePublished']/@datetime",
               "//time[@pubdate]/@datetime")
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section", "article", "pre")


def has_words(text: str | None) -> bool:
    """Whether ``text`` holds enough words to be (part of) a report."""
    return bool(text) and len(_WORD.findall(text)) >= _MIN_WORDS


def fragment_text(markup: str) -> str:
    """Visible text of an HTML fragment or page, one line per block element."""
    try:
        root = lxml.html.fromstring(markup) if markup.strip() else None
    except (lxml.etree.ParserError, ValueError):
        return ""
    if root is None:
        return ""
    for element in root.xpath("|".join(f"//{tag}" for tag in _NOT_CONTENT)):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag in ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"):
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def read_html(markup: str, source: str, *, url: str | None, encoding: str | None, external_id: str | None,
              version_key: str | None) -> Report:
    """One report from an HTML page; E107 when it yields no text."""
    if "<" not in markup:
        raise InputError(source, "malformed HTML: no markup at all (use --format text for plain text)", "E107")
    try:
        document = trafilatura.bare_extraction(
            markup, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True, "max_date": _latest_date()},
        )
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise InputError(source, f"malformed HTML: {exc}", "E107") from None
    text = document.text if document is not None else None
    title = _clean_field(document.title) if document is not None else None
    if has_words(text):
        text = _drop_repeated_title(clean_text(text), title)
    else:
        text = clean_text(fragment_text(markup))
        if not has_words(text):
            raise InputError(source, "malformed HTML: no readable text could be extracted from the page", "E107")
    published = _date(document.date) if document is not None else None
    stated_times = _stated_times(markup)
    stated = _stated_day(stated_times)
    if stated is not None and (published is None or published != stated and published == stated.replace(day=1)):
        # htmldate refuses a stamp past its limit (a page dated days ahead of the machine's clock) and falls back to
        # the first day of the month, a day the page never gives, or to none: the day its metadata states stands
        published = stated
    published_at = _published_at(stated_times, published) if published else None
    canonical = (document.url if document is not None else None) or url
    outlet = None
    if document is not None:
        outlet = _clean_field(document.sitename) or _clean_field(document.hostname)
    if not outlet and canonical:
        outlet = urlsplit(canonical).hostname
    return Report(
        text=text,
        source=source,
        format="html",
        title=title,
        byline=_clean_field(document.author) if document is not None else None,
        outlet=outlet,
        url=canonical,
        published=published,
        external_id=external_id,
        encoding=encoding,
        version_key=f"url:{canonical}" if canonical else version_key,
        published_at=published_at,
    )


def _stated_times(markup: str) -> list[str]:
    """The publication times the page's metadata states (:data:`_TIME_META`, :data:`_TIME_PATHS`, JSON-LD), in the
    page's order."""
    try:
        root = lxml.html.fromstring(markup)
    except (lxml.etree.LxmlError, ValueError):
        return []
    values = [meta.get("content") or "" for meta in root.iter("meta")
              if (meta.get("property") or meta.get("name") or "").lower() in _TIME_META]
    values += [str(value) for path in _TIME_PATHS for value in root.xpath(path)]
    values += [match.group(1) for script in root.xpath("//script[@type='application/ld+json']/text()")
               for match in _JSON_LD_PUBLISHED.finditer(script)]
    return [value.strip() for value in values]


def _stated_day(stated_times: list[str]) -> dt.date | None:
    """The first day of publication among the page's stated times (:func:`_stated_times`), if any."""
    for value in stated_times:
        try:
            return parse_published(value)
        except ValueError:
            continue
    return None


def _published_at(stated_times: list[str], published: dt.date) -> dt.datetime | None:
    """The moment of publication among the page's stated times (:func:`_stated_times`), in UTC: the first stated with
    a time of day and a zone on the day the page is dated (a time on another day belongs to something else: a
    modification, a related story)."""
    for value in stated_times:
        moment = parse_published_at(value)
        try:
            if moment is not None and parse_published(value) == published:
                return moment
        except ValueError:
            continue
    return None


def _drop_repeated_title(text: str, title: str | None) -> str:
    # trafilatura keeps the page's <h1> as the first line; the title is a field already.
    if title:
        first, _, rest = text.partition("\n")
        if first.strip().casefold() == title.strip().casefold() and has_words(rest):
            return rest.lstrip()
    return text


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _latest_date() -> str:
    """The latest publication date a page may carry: today where the day is furthest ahead (UTC+14) and a day of
    clock slack. htmldate's own limit is the machine's date, and a page stamped past it (a Sydney outlet's morning
    report, read in UTC the evening before) lost its date to the first day of its month."""
    return (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=2)).date().isoformat()


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
