"""Plain-text reports, including the seed format's header lines.

A report may start with header lines ``date YYYY-MM-DD``, ``title …``,
``url …``, ``outlet …`` and ``byline …`` (lower-case keys). The date header may
have leading spaces and may share its line with the first sentence, as some
exports write it: `` date 2025-12-02 China has called…``. Headers become
fields and are removed from the text.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.errors import InputError
from storyline.ingest.identity import clean_text
from storyline.records import Report

_DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)")
_FIELD_HEADER = re.compile(r"\A[ \t]*(title|url|outlet|byline)[ \t]+([^\n]*\S)[ \t]*\n")


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
        return fields, rest


def read_plain_text(text: str, source: str, *, encoding: str | None, external_id: str | None, version_key: str | None) -> Report:
    """One report from a plain-text document; E117 for a header date that is no date, E103 for no text."""
    fields, body = split_header(text)
    published = None
    if "date" in fields:
        try:
            published = dt.date.fromisoformat(fields["date"])
        except ValueError:
            raise InputError(source, f"header 'date {fields['date']}' is not a calendar date", "E117") from None
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
