"""Plain-text reports, including the seed format's header lines.

A report may start with header lines in either of two forms:

- the seed format: ``date YYYY-MM-DD``, ``title …``, ``url …``, ``outlet …`` and ``byline …``
  (lower-case keys, no colon). The date header may have leading spaces and may share its line
  with the first sentence, as some exports write it: `` date 2025-12-02 China has called…``;
- e-mail style, one per line: ``Date: 2 December 2025``, ``Title: …``, ``URL: …``,
  ``Outlet: …``, ``Byline: …`` (any case; ``Published``, ``Headline``, ``Link``, ``Source``,
  ``Publication``, ``Author`` and ``By`` are read as the same fields). Their date may be ISO
  (``2025-12-02``, with or without a time) or written with the month's name
  (``Tue, 02 Dec 2025 10:00:00 GMT``); an all-number date such as ``03/04/2025`` is refused
  (E117), since it reads as March or April depending on the country.

Headers become fields and are removed from the text.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.errors import InputError
from storyline.ingest.dates import parse_published
from storyline.ingest.identity import clean_text
from storyline.records import Report

_DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)")
_FIELD_HEADER = re.compile(r"\A[ \t]*(title|url|outlet|byline)[ \t]+([^\n]*\S)[ \t]*\n")
# "Key: value" on a line of its own; the key in any case, from these names.
_KEYED_HEADER = re.compile(r"\A[ \t]*([A-Za-z]+)[ \t]*:[ \t]*([^\n]*\S)[ \t]*(?:\n|\Z)")
_KEYS = {"date": "date", "published": "date", "title": "title", "headline": "title", "url": "url", "link": "url",
         "outlet": "outlet", "source": "outlet", "publication": "outlet", "byline": "byline", "author": "byline",
         "by": "byline"}
# All numbers, not ISO ("03/04/2025", "3.4.25"): March or April depending on the country.
_NUMERIC_DATE = re.compile(r"(?!\d{4}-)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split leading header lines off ``text``: ``(fields, body)``."""
    fields: dict[str, str] = {}
    rest = text.lstrip("\ufeff")
    while True:
        date_match = _DATE_HEADER.match(rest)
        if date_match and "date" not in fields:
            fields["date"] = date_match.group(1)
            rest = rest[date_match.end():]
            continue
        field_match = _FIELD_HEADER.match(rest)
        if field_match and field_match.group(1) not in fields:
            fields[field_match.group(1)] = field_match.group(2)
            rest = rest[field_match.end():]
            continue
        keyed = _KEYED_HEADER.match(rest)
        key = _KEYS.get(keyed.group(1).lower()) if keyed else None
        if key and key not in fields:
            fields[key] = keyed.group(2)
            rest = rest[keyed.end():]
            continue
        return fields, rest


def header_date(value: str) -> dt.date:
    """The day of a date header's value (as :func:`parse_published` reads dates); ValueError (with the
    reason) for an all-number date that is not ISO, or for no date at all."""
    if _NUMERIC_DATE.fullmatch(value.strip()):
        raise ValueError("is ambiguous (day or month first?); write it as YYYY-MM-DD")
    try:
        return parse_published(value)
    except ValueError:
        raise ValueError("is not a calendar date") from None


def read_plain_text(text: str, source: str, *, encoding: str | None, external_id: str | None, version_key: str | None) -> Report:
    """One report from a plain-text document; E117 for a header date that is no date, E103 for no text."""
    fields, body = split_header(text)
    published = None
    if "date" in fields:
        try:
            published = header_date(fields["date"])
        except ValueError as problem:
            raise InputError(source, f"header date '{fields['date']}' {problem}", "E117") from None
    body = clean_text(body)
    if not body:
        raise InputError(source, "no report text after the header lines", "E103")
    url = fields.get("url")
    return Report(
        text=body,
        source=source,
        format="text",
        title=fields.get("title"),
        byline=fields.get("byline"),
        outlet=fields.get("outlet"),
        url=url,
        published=published,
        external_id=external_id,
        encoding=encoding,
        version_key=f"url:{url}" if url else version_key,
    )
