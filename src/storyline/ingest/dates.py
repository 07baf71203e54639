"""Publication dates as inputs write them, to ``datetime.date``, and publication times where they are given.

Accepts ISO dates and timestamps, RFC 822 (feeds, e-mail), and other written
forms that dateparser reads when they name a day, month and year. A value that
cannot be read is reported, never guessed.

:func:`parse_published_at` keeps the moment of publication, in UTC, from an ISO timestamp or an RFC 822 date
that states a time of day and its zone (``2026-05-14T09:30:00+02:00``, ``Thu, 14 May 2026 07:30:00 GMT``). The
linker orders two reports of one day by it. A time without a zone is left out: two outlets' clocks could be
hours apart, and a wrong order is worse than none.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_RFC822_TIME = re.compile(r"\d{1,2}:\d{2}")


def parse_published(value: object) -> dt.date | None:
    """Read a publication date; None for empty values; ValueError when unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"{text!r} is not a calendar date") from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser  # slow to import; most inputs never get here

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if parsed is None:
        raise ValueError(f"{text!r} is not a date Storyline can read (use YYYY-MM-DD)")
    return parsed.date()


def parse_published_at(value: object) -> dt.datetime | None:
    """The moment of publication in UTC, when ``value`` states a time of day with its zone; else None (a date
    alone, a time without a zone, or anything :func:`parse_published` would not read as a timestamp)."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date) or value is None:
        return None
    else:
        text = str(value).strip()
        try:
            if _ISO_TIME.match(text):
                moment = dt.datetime.fromisoformat(text)
            elif _RFC822_TIME.search(text):
                moment = email.utils.parsedate_to_datetime(text)
                if moment.tzinfo is None and text.endswith("-0000"):  # RFC 5322: UTC, the sender's zone unknown
                    moment = moment.replace(tzinfo=dt.timezone.utc)
            else:
                return None
        except (TypeError, ValueError, IndexError):
            return None
    if moment.tzinfo is None or moment.utcoffset() is None:
        return None
    return moment.astimezone(dt.timezone.utc)
