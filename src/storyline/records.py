"""The plain, frozen records that travel through the pipeline.

Stages pass these between each other; none of them knows about the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "skipped"]


@dataclass(frozen=True, slots=True)
class Report:
    """A news report as read from an input, before it is stored.

    ``text`` is cleaned (see :func:`storyline.ingest.identity.clean_text`) and is
    what every later character span points into. ``source`` is the file path or
    URL it came from, with ``#n`` for the n-th record of a container file.
    """

    text: str
    source: str
    format: str
    title: str | None = None
    byline: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    external_id: str | None = None
    encoding: str | None = None
    # Which earlier report this one may replace: the URL, or the file and record
    # it was read from. Reports with the same key and different text are versions.
    version_key: str | None = None

    @property
    def id(self) -> str:
        """The article id this report gets: a hash of its normalised text."""
        from storyline.ingest.identity import article_id  # ingest imports records

        return article_id(self.text)


@dataclass(frozen=True, slots=True)
class Article:
    """A stored report: a :class:`Report` plus its place in the version history."""

    id: str
    text: str
    source: str
    format: str
    title: str | None
    byline: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    external_id: str | None
    encoding: str | None
    version: int
    previous_version_id: str | None
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Notice:
    """Something a person must hear about an input: an error, a warning, or a skip."""

    level: Level
    source: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.level}: {self.source}: {self.message} [{self.code}]"


AddOutcome = Literal["new", "version", "present"]


@dataclass(frozen=True, slots=True)
class Stored:
    """What the store did with one report."""

    article_id: str
    outcome: AddOutcome
    version: int = 1


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts over the stored articles."""

    articles: int
    latest_versions: int
    dated: int
    undated: int
    sightings: int
    by_format: dict[str, int] = field(default_factory=dict)
    by_outlet: dict[str, int] = field(default_factory=dict)
    first_published: dt.date | None = None
    last_published: dt.date | None = None


# -- analysis: what one report says -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: characters ``[start, end)`` of an article's stored text, and which field they support."""

    field: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TimeInterval:
    """When something happened, as resolved from the text.

    ``precision`` is ``day``, ``week``, ``month``, ``year`` or ``unresolved``; an
    unresolved interval keeps ``text`` so a later stage can resolve it once the
    publication date is known.
    """

    start: dt.date | None
    end: dt.date | None
    precision: str
    text: str


@dataclass(frozen=True, slots=True)
class Place:
    """Where, as resolved through the gazetteer.

    ``precision`` is ``place``, ``district``, ``admin1``, ``country``, ``border`` or ``unresolved``.
    """

    country: str | None
    country_iso: str | None
    admin1: str | None = None
    admin1_iso: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: str = "unresolved"


@dataclass(frozen=True, slots=True)
class Figure:
    """A count of people as reported: low / best / high and the words it came from."""

    low: int | None
    best: int | None
    high: int | None
    text: str
