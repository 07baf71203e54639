"""Query parameters that need more than a type: country names, boxes, dates, cursors.

Each parser raises :class:`ParameterError` naming the parameter; the app answers it with 422.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import re

import pycountry


class ParameterError(ValueError):
    """A request parameter with a bad value: ``parameter`` names it, the message says what is wrong."""

    def __init__(self, parameter: str, message: str, location: str = "query") -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter
        self.message = message
        self.location = location


_ISO_SUBDIVISION = re.compile(r"^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$")


def country_filter(value: str | None) -> tuple[str | None, str | None]:
    """``(iso2, name)`` for an ISO 3166-1 alpha-2 or alpha-3 code or an English name."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    try:
        country = pycountry.countries.lookup(value)
    except LookupError:
        raise ParameterError("country", f"{value!r} is neither an ISO 3166-1 code nor a country name") from None
    return country.alpha_2, value if len(value) > 3 else country.name


def admin1_filter(value: str | None) -> tuple[str | None, str | None]:
    """``(iso 3166-2 code, None)`` for a code such as ``TJ-KT``, else ``(None, name)``."""
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    return (value.upper(), None) if _ISO_SUBDIVISION.match(value) else (None, value)


def bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise ParameterError("bbox", f"{value!r}: write four numbers west,south,east,north, e.g. 60,35,75,42")
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ParameterError("bbox", "longitudes must lie between -180 and 180")
    if not (-90 <= south <= north <= 90):
        raise ParameterError("bbox", "latitudes must lie between -90 and 90, south no greater than north")
    return west, south, east, north


def date_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise ParameterError("date_to", f"{date_to} is before date_from {date_from}")


def words(q: str | None) -> tuple[str, ...]:
    """The words of a full-text query, lower-cased (every one must match)."""
    if not q:
        return ()
    found = tuple(w.lower() for w in q.split() if w)
    if len(found) > 20:
        raise ParameterError("q", "at most 20 words")
    return found


def sort(value: str, allowed: tuple[str, ...]) -> tuple[str, bool]:
    """``date`` (ascending) or ``-date`` (descending) to ``("date", descending)``."""
    descending = value.startswith("-")
    name = value.lstrip("-+")
    if name not in allowed:
        options = ", ".join(f"{a}, -{a}" for a in allowed)
        raise ParameterError("sort", f"{value!r}; choose one of {options}")
    return name, descending


def encode_cursor(sort_name: str, descending: bool, after: tuple | None) -> str | None:
    """An opaque cursor for the next page (None when there is none)."""
    if after is None:
        return None
    raw = json.dumps([sort_name, descending, after[0], after[1]], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, sort_name: str, descending: bool) -> tuple | None:
    """The (sort value, id) a cursor resumes after; it must come from the same sort order."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        name, was_descending, value, row_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise ParameterError("cursor", "not a cursor from this API: pass next_cursor of the previous page unchanged") from None
    if (name, was_descending) != (sort_name, descending) or not isinstance(row_id, str):
        raise ParameterError("cursor", "the cursor belongs to another sort order: keep sort unchanged while paging")
    if name == "date" and value is not None:
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise ParameterError("cursor", "damaged cursor") from None
    elif name != "date" and not isinstance(value, int):
        raise ParameterError("cursor", "damaged cursor")
    return value, row_id
