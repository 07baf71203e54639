"""Publication dates as inputs write them, to ``datetime.date``.

Accepts ISO dates and timestamps, RFC 822 (feeds, e-mail), and other written
forms that dateparser reads when they name a day, month and year. A value that
cannot be read is reported, never guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


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
