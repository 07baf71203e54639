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
  (E117), since it reads as March or April depending on the country;
- a date line among the lines above the report's first sentence, after an outlet's name or a headline
  (``Published: 15 June 2026, 00:40 (GMT+4)``, ``Posted on June 15, 2026``): the lines of a page's head
  copied as text. It is read as the date header is, and removed; the other head lines stay text;
- a saved e-mail's header block (``From``, ``To``, ``Date``, ``Subject`` and any others, up to the
  first blank line): ``Subject`` is the title, ``From`` the outlet, and headers the format does not
  use are dropped.

Headers become fields and are removed from the text.

Text hard-wrapped at a fixed width (old wire feeds, e-mail: a line break every 70 or so characters
inside a paragraph, paragraphs apart by a blank line) is unwrapped: a line break that only ends a full
line becomes a space, so that a sentence is not cut at every line end (see :func:`unwrap_hard_breaks`).
Text written one paragraph per line is left as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from email.utils import parseaddr

from storyline.errors import InputError
from storyline.ingest.dates import parse_published, parse_published_at
from storyline.ingest.identity import clean_text
from storyline.records import Report

_DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)")
_FIELD_HEADER = re.compile(r"\A[ \t]*(title|url|outlet|byline)[ \t]+([^\n]*\S)[ \t]*\n")
# "Key: value" on a line of its own; the key in any case, from these names.
_KEYED_HEADER = re.compile(r"\A[ \t]*([A-Za-z]+)[ \t]*:[ \t]*([^\n]*\S)[ \t]*(?:\n|\Z)")
_KEYS = {"date": "date", "published": "date", "posted": "date", "title": "title", "headline": "title", "url": "url",
         "link": "url", "outlet": "outlet", "source": "outlet", "publication": "outlet", "byline": "byline",
         "author": "byline", "by": "byline"}
# A line of an e-mail's header block: "Message-ID: <...>", "X-Priority: 1".
_MAIL_LINE = re.compile(r"\A([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)\Z")
# The head of a report copied from a page: at most this many short lines, none of them a sentence, before the
# first line that is (the lead), a blank line or two between them allowed.
HEAD_LINES_MAX = 6
HEAD_LINE_CHARS = 150
_HEAD_DATE = re.compile(r"\A[ \t]*(?:date|published|posted)(?:[ \t]+on)?[ \t]*(:?)[ \t]*(\S[^\n]*?)[ \t]*\Z", re.I)
# An outlet's name and the day under a headline: "Trinidad Evening Post — 19 November 2026", "The Courier | 3 May 2026"
_OUTLET_AND_DATE = re.compile(r"\A[ \t]*(\S[^\n]*?)[ \t]+(?:—|–|-|\||·)[ \t]+(\S[^\n]*?(?:19|20)\d\d)[ \t]*\Z")
OUTLET_WORDS_MAX = 8
# The day alone on a line of the head, written out with its month's name and year: "29 November 2026", "Saturday,
# 28 November 2026", "November 29, 2026" (not "May 2026" or "1 May", which headlines begin with)
_DAY_LINE = re.compile(r"\A[ \t]*(?:[A-Z][a-z]+,?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?[ \t]+"
                       r"\d{1,2}(?:st|nd|rd|th)?,?)[ \t]+(?:19|20)\d\d[ \t]*\Z")
# All numbers, not ISO ("03/04/2025", "3.4.25"): March or April depending on the country.
_NUMERIC_DATE = re.compile(r"(?!\d{4}-)\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")

# Hard wrapping: a fixed width no wider than this, on at least this many line breaks inside paragraphs,
# of which at least this share fall in mid-sentence (a text with one paragraph per line ends nearly every
# line with a sentence).
WRAP_WIDTH_MAX = 100
WRAP_BREAKS_MIN = 3
WRAP_MID_SENTENCE_SHARE = 0.5
# Wrapped lines end within this many characters of the width (what the next word lacked to fit), and
# at least this share of the lines inside paragraphs do.
WRAP_SLACK = 16
WRAP_AT_WIDTH_SHARE = 0.5
_SENTENCE_END = re.compile(r"[.!?:;][\"'\u2019\u201d)\]]*\Z")
# A line that starts an item of a list keeps the break before it.
_LIST_ITEM = re.compile(r"\A\s*(?:[-*\u2022\u2013\u2014]\s|\d{1,2}[.)]\s)")


def _mail_header(text: str) -> tuple[dict[str, str], str] | None:
    """The fields of an e-mail's header block and the body after it, or None where ``text`` does not open
    with one: at least two ``Name: value`` lines (folded lines indented under them), one of them ``From``
    or ``Subject``, and a blank line after them. ``Subject`` is the title and ``From`` (its display name)
    the outlet unless an ``Outlet`` line says otherwise; the fields this format knows are read as in
    :func:`split_header`, and the others (``To``, ``Message-ID``, ``Priority``…) are dropped."""
    block, blank, body = text.partition("\n\n")
    if not blank:
        return None
    headers: list[list[str]] = []
    for line in block.split("\n"):
        named = _MAIL_LINE.match(line)
        if named:
            headers.append([named.group(1).lower(), named.group(2).strip()])
        elif headers and line[:1] in (" ", "\t") and line.strip():
            headers[-1][1] += " " + line.strip()  # a folded line continues the header above it
        else:
            return None
    names = {name for name, _ in headers}
    if len(headers) < 2 or not names & {"from", "subject"}:
        return None
    fields: dict[str, str] = {}
    for name, value in headers:
        key = "title" if name == "subject" else _KEYS.get(name)
        if key and value and key not in fields:
            fields[key] = value
    sender = next((value for name, value in headers if name == "from"), "")
    display_name, address = parseaddr(sender)
    if "outlet" not in fields and (display_name or address):
        fields["outlet"] = display_name or address
    return fields, body


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split leading header lines off ``text``: ``(fields, body)``."""
    rest = text.lstrip("\ufeff")
    mail = _mail_header(rest.replace("\r\n", "\n"))
    if mail:
        return mail
    fields: dict[str, str] = {}
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
        if "date" not in fields:
            rest = _head_date(rest, fields)
        return fields, rest


def _head_date(text: str, fields: dict[str, str]) -> str:
    """``text`` without the date line of its head (HEAD_*: "Published: 15 June 2026" under an outlet's name, or the
    outlet's name and the day on one line, "Trinidad Evening Post — 19 November 2026", or the day alone, "29 November
    2026"),
    the line's value put in ``fields`` (to be read, or refused, as the date header is); ``text`` as it is where its
    head has no such line. Without a colon the line must read as a date: "Date palms wilt in the heat" is a
    headline."""
    lines = text.split("\n")
    seen = 0
    for at, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > HEAD_LINES_MAX or len(line) > HEAD_LINE_CHARS or _SENTENCE_END.search(line.rstrip()):
            return text
        dated = _HEAD_DATE.match(line)
        if dated and (dated.group(1) or _is_date(dated.group(2))):  # "Date palms wilt" is a headline
            fields["date"] = dated.group(2)
            return "\n".join(lines[:at] + lines[at + 1:])
        if _DAY_LINE.match(line) and _is_date(line.strip()):
            fields["date"] = line.strip()
            return "\n".join(lines[:at] + lines[at + 1:])
        outlet = _OUTLET_AND_DATE.match(line)
        if outlet and len(outlet.group(1).split()) <= OUTLET_WORDS_MAX and _is_date(outlet.group(2)):
            fields["date"] = outlet.group(2)
            fields.setdefault("outlet", outlet.group(1))
            return "\n".join(lines[:at] + lines[at + 1:])
    return text


def _is_date(value: str) -> bool:
    try:
        header_date(value)
    except ValueError:
        return False
    return True


def unwrap_hard_breaks(text: str) -> str:
    """``text`` with the line breaks of hard wrapping made spaces, where the text is hard-wrapped.

    A text is hard-wrapped when most of its lines inside paragraphs (those followed by another non-blank
    line) end just short of one width no wider than :data:`WRAP_WIDTH_MAX` (:func:`_wrap_width`), and at
    least :data:`WRAP_MID_SENTENCE_SHARE` of them end in mid-sentence. A break is joined where the line
    is full, that is where the next line's first word would not have fitted on it. A short line (a
    title, a dateline, a paragraph's last line), a blank line, and a line that opens a list item or an
    indented paragraph keep their breaks. A line that ends in a hyphen joins the next without a space
    ("anti-" + "government"). The result has the same words in the same order, so an article's id
    (which ignores whitespace) does not change.
    """
    lines = text.split("\n")
    inner = [line.rstrip() for line, after in zip(lines, lines[1:]) if line.strip() and after.strip()]
    width, at_width = _wrap_width([len(line) for line in inner])
    mid_sentence = sum(1 for line in inner if not _SENTENCE_END.search(line))
    if (at_width < max(WRAP_BREAKS_MIN, WRAP_AT_WIDTH_SHARE * len(inner))
            or mid_sentence < WRAP_MID_SENTENCE_SHARE * len(inner)):
        return text
    out = [lines[0]]
    for previous, line in zip(lines, lines[1:]):
        before = previous.rstrip()
        first_word = line.split(maxsplit=1)[0] if line.strip() else ""
        full = before and first_word and width - len(first_word) - 1 < len(before) <= width
        if full and not _opens_block(line, previous):
            joint = "" if before.endswith("-") and not before.endswith(" -") else " "
            out[-1] = out[-1].rstrip() + joint + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def _wrap_width(lengths: list[int]) -> tuple[int, int]:
    """The width text was wrapped at, and how many of the lines ``lengths`` end within a word of it: the
    length (no more than :data:`WRAP_WIDTH_MAX`) with the most lines a little short of it or at it. A
    title or a web address longer than the rest does not set the width."""
    fitting = sorted(n for n in lengths if n <= WRAP_WIDTH_MAX)
    best = (0, 0)
    for n in set(fitting):
        near = bisect_right(fitting, n) - bisect_left(fitting, n - WRAP_SLACK + 1)
        best = max(best, (near, n))
    return best[1], best[0]


def _opens_block(line: str, previous: str) -> bool:
    """Whether ``line`` starts a list item, or a paragraph indented deeper than the line before it where
    that line is no list item (whose wrapped lines hang indented under it)."""
    if _LIST_ITEM.match(line):
        return True
    deeper = len(line) - len(line.lstrip()) > len(previous) - len(previous.lstrip())
    return deeper and not _LIST_ITEM.match(previous)


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
    body = unwrap_hard_breaks(clean_text(body))
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
        published_at=parse_published_at(fields["date"]) if published else None,
    )
