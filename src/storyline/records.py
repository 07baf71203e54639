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
    # The moment of publication (UTC), where the input gives a time of day with its zone.
    published_at: dt.datetime | None = None

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
    published_at: dt.datetime | None = None  # UTC; where the input gave a time of day with its zone


def text_article(article_id: str, text: str, *, published: dt.date | None = None, source: str = "",
                 format: str = "text", external_id: str | None = None) -> Article:
    """An :class:`Article` that was never stored: text to analyse from a gold file, a benchmark or a test."""
    return Article(id=article_id, text=text, source=source, format=format, title=None, byline=None, outlet=None,
                   url=None, published=published, external_id=external_id, encoding=None, version=1,
                   previous_version_id=None, ingested_at=dt.datetime.now(dt.timezone.utc))


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
    analysed: int = 0
    event_mentions: int = 0
    statement_mentions: int = 0
    links: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    multi_report_stories: int = 0
    events: int = 0
    statements: int = 0


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

    ``precision`` is ``place``, ``district``, ``admin1``, ``country``, ``border`` or ``unresolved``: what
    the coordinates locate. A town the text names but the gazetteer lacks keeps its name in ``location``
    at ``admin1`` (or ``country``) precision, with that unit's centre as coordinates.
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


def highest_ceiling(figures) -> int | None:
    """UCDP's high estimate of several accounts of one count: the highest ceiling any of them reports (an exact
    count is its own ceiling). An open floor ("at least 19") leaves it unknown only while the floor reaches above
    that ceiling: beside another account's 27 it says nothing higher, beside "at least 30" it does. None when no
    account reports a ceiling."""
    ceilings = [f.high for f in figures if f.high is not None]
    if not ceilings:
        return None
    highest = max(ceilings)
    return None if any(f.high is None and f.low is not None and f.low > highest for f in figures) else highest


@dataclass(frozen=True, slots=True)
class Actor:
    """A party as written in the report, with its canonical name and ACLED-style category."""

    text: str
    canonical: str | None
    category: str | None
    country_iso: str | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One incident as one report describes it, every field backed by ``evidence``.

    ``rules`` names the extractors (and their versions) that produced the fields.
    Counts are ``Figure``s (low/best/high and the words); ``incident_count`` is set
    when one sentence reports several incidents together.
    """

    id: str
    article_id: str
    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place
    time: TimeInterval
    fatalities: Figure | None
    injuries: Figure | None
    victims: str | None
    incident_count: int | None
    is_aggregate: bool
    confidence: float
    evidence: tuple[Span, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StatementMention:
    """One statement a report attributes to someone: who, what kind (PLOVER), to whom, what."""

    id: str
    article_id: str
    speaker: str | None
    speaker_role: str | None
    speaker_org: str | None
    statement_type: str
    target: str | None
    content: str
    quote: str | None
    time: TimeInterval
    about_event: str | None
    confidence: float
    evidence: tuple[Span, ...]
    rules: tuple[str, ...]


Mention = EventMention | StatementMention


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _figure_fields(prefix: str, figure: Figure | None) -> dict:
    if figure is None:
        return {f"{prefix}_low": None, f"{prefix}_best": None, f"{prefix}_high": None, f"{prefix}_text": None}
    return {f"{prefix}_low": figure.low, f"{prefix}_best": figure.best, f"{prefix}_high": figure.high,
            f"{prefix}_text": figure.text}


def _figure(record: dict, prefix: str) -> Figure | None:
    if record.get(f"{prefix}_text") is None and record.get(f"{prefix}_best") is None and record.get(f"{prefix}_low") is None:
        return None
    return Figure(record[f"{prefix}_low"], record[f"{prefix}_best"], record[f"{prefix}_high"], record[f"{prefix}_text"] or "")


def _actor_fields(prefix: str, actor: Actor | None) -> dict:
    return {prefix: actor.text if actor else None, f"{prefix}_canonical": actor.canonical if actor else None,
            f"{prefix}_category": actor.category if actor else None, f"{prefix}_country_iso": actor.country_iso if actor else None}


def _actor(record: dict, prefix: str) -> Actor | None:
    if record.get(prefix) is None:
        return None
    return Actor(record[prefix], record.get(f"{prefix}_canonical"), record.get(f"{prefix}_category"), record.get(f"{prefix}_country_iso"))


def mention_to_dict(mention: Mention) -> dict:
    """The flat, JSON-ready form of a mention: what ``export mentions`` writes and the store keeps."""
    time = {"date_start": _iso(mention.time.start), "date_end": _iso(mention.time.end),
            "date_precision": mention.time.precision, "date_text": mention.time.text or None}
    common = {"id": mention.id, "article_id": mention.article_id}
    evidence = [{"field": s.field, "start": s.start, "end": s.end, "text": s.text} for s in mention.evidence]
    tail = {"confidence": round(mention.confidence, 3), "evidence": evidence, "rules": list(mention.rules)}
    if isinstance(mention, EventMention):
        place = mention.place
        return {
            **common, "mention_type": "event",
            "event_type": mention.event_type, "sub_event_type": mention.sub_event_type,
            "plover_type": mention.plover_type, "plover_mode": mention.plover_mode, "cameo_root": mention.cameo_root,
            **_actor_fields("actor1", mention.actor1), **_actor_fields("actor2", mention.actor2),
            "country": place.country, "country_iso": place.country_iso, "admin1": place.admin1,
            "admin1_iso": place.admin1_iso, "location": place.location, "latitude": place.latitude,
            "longitude": place.longitude, "geo_precision": place.precision,
            **time, **_figure_fields("fatalities", mention.fatalities), **_figure_fields("injuries", mention.injuries),
            "victims": mention.victims, "incident_count": mention.incident_count, "is_aggregate": mention.is_aggregate,
            **tail,
        }
    return {
        **common, "mention_type": "statement",
        "speaker": mention.speaker, "speaker_role": mention.speaker_role, "speaker_org": mention.speaker_org,
        "statement_type": mention.statement_type, "target": mention.target, "content": mention.content,
        "quote": mention.quote, **time, "about_event": mention.about_event, **tail,
    }


def mention_from_dict(record: dict) -> Mention:
    """The inverse of :func:`mention_to_dict`."""
    time = TimeInterval(_date(record["date_start"]), _date(record["date_end"]), record["date_precision"], record["date_text"] or "")
    evidence = tuple(Span(s["field"], s["start"], s["end"], s["text"]) for s in record["evidence"])
    if record["mention_type"] == "event":
        return EventMention(
            id=record["id"], article_id=record["article_id"], event_type=record["event_type"],
            sub_event_type=record["sub_event_type"], plover_type=record["plover_type"], plover_mode=record["plover_mode"],
            cameo_root=record["cameo_root"], actor1=_actor(record, "actor1"), actor2=_actor(record, "actor2"),
            place=Place(record["country"], record["country_iso"], record["admin1"], record["admin1_iso"], record["location"],
                        record["latitude"], record["longitude"], record["geo_precision"]),
            time=time, fatalities=_figure(record, "fatalities"), injuries=_figure(record, "injuries"),
            victims=record["victims"], incident_count=record["incident_count"], is_aggregate=record["is_aggregate"],
            confidence=record["confidence"], evidence=evidence, rules=tuple(record["rules"]),
        )
    return StatementMention(
        id=record["id"], article_id=record["article_id"], speaker=record["speaker"], speaker_role=record["speaker_role"],
        speaker_org=record["speaker_org"], statement_type=record["statement_type"], target=record["target"],
        content=record["content"], quote=record["quote"], time=time, about_event=record["about_event"],
        confidence=record["confidence"], evidence=evidence, rules=tuple(record["rules"]),
    )


# -- linking: how reports relate ----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Alignment:
    """A passage of report A matched to a passage of report B (or left unmatched).

    ``kind`` is ``verbatim`` (the same words), ``rewrite`` (the same content in other
    words) or ``new`` (no counterpart; then the other side's offsets are None).
    Offsets are characters of each article's stored text, ``[start, end)``.
    """

    kind: str
    a_start: int | None
    a_end: int | None
    b_start: int | None
    b_end: int | None
    score: float


@dataclass(frozen=True, slots=True)
class Substitution:
    """A term the derived report put in place of the source's (``the Taliban`` -> ``the Islamic Emirate``)."""

    source: str
    derived: str
    source_start: int
    source_end: int
    derived_start: int
    derived_end: int


@dataclass(frozen=True, slots=True)
class Link:
    """How two reports relate.

    ``relation`` is ``duplicate``, ``derived``, ``update``, ``common_source``,
    ``same_story`` or ``unrelated``; for ``derived`` and ``update``, ``source_id`` is
    the earlier/original report and ``derived_id`` the other. ``containment`` is the
    share of the derived report's word n-grams found in the source.
    """

    source_id: str
    derived_id: str
    relation: str
    confidence: float
    containment: float
    reverse_containment: float
    alignments: tuple[Alignment, ...]
    substitutions: tuple[Substitution, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """Reports about the same story, copies and independent reports alike."""

    id: str
    title: str | None
    articles: tuple[str, ...]
    independent_sources: int
    first_published: dt.date | None
    last_published: dt.date | None


def link_to_dict(link: Link) -> dict:
    """The flat, JSON-ready form of a link (what ``export derivations`` writes)."""
    return {
        "source": link.source_id, "derived": link.derived_id, "relation": link.relation,
        "confidence": round(link.confidence, 3), "containment": round(link.containment, 3),
        "reverse_containment": round(link.reverse_containment, 3),
        "aligned": [{"kind": a.kind, "source_start": a.a_start, "source_end": a.a_end, "derived_start": a.b_start,
                     "derived_end": a.b_end, "score": round(a.score, 3)} for a in link.alignments],
        "substitutions": [{"source": s.source, "derived": s.derived, "source_start": s.source_start,
                           "source_end": s.source_end, "derived_start": s.derived_start, "derived_end": s.derived_end}
                          for s in link.substitutions],
        "evidence": list(link.evidence),
    }


def link_from_dict(data: dict) -> Link:
    return Link(
        source_id=data["source"], derived_id=data["derived"], relation=data["relation"], confidence=data["confidence"],
        containment=data["containment"], reverse_containment=data["reverse_containment"],
        alignments=tuple(Alignment(a["kind"], a["source_start"], a["source_end"], a["derived_start"], a["derived_end"], a["score"])
                         for a in data["aligned"]),
        substitutions=tuple(Substitution(s["source"], s["derived"], s["source_start"], s["source_end"], s["derived_start"],
                                         s["derived_end"]) for s in data["substitutions"]),
        evidence=tuple(data["evidence"]),
    )


def story_to_dict(story: Story) -> dict:
    return {"id": story.id, "title": story.title, "articles": list(story.articles),
            "independent_sources": story.independent_sources,
            "first_published": story.first_published.isoformat() if story.first_published else None,
            "last_published": story.last_published.isoformat() if story.last_published else None}


def story_from_dict(data: dict) -> Story:
    first, last = data["first_published"], data["last_published"]
    return Story(data["id"], data["title"], tuple(data["articles"]), data["independent_sources"],
                 dt.date.fromisoformat(first) if first else None, dt.date.fromisoformat(last) if last else None)


# -- fusion: one record per real incident and per statement ----------------------------------------

@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article that supports a fused value: which article, which mention, where."""

    article_id: str
    mention_id: str
    span: Span


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value a field took in the reports, with who says it.

    ``value`` is the value as the export writes it (a string: ``"3"``, ``"TJ-KT"``,
    ``"2025-11-24/2025-11-30"``); ``independent_sources`` counts the reports behind it
    with reports derived from one another counted once.
    """

    field: str
    value: str
    mentions: tuple[str, ...]
    reports: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A field whose reports give values that cannot all be true (3 vs 5 killed; two perpetrators)."""

    field: str
    values: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world incident, fused from the event mentions of every report that tells it.

    Field values are the chosen ones (see :mod:`storyline.fuse`); ``candidates`` keeps
    every value each field took, with its supporting mentions and independent sources.
    ``acled_fatalities`` is ACLED's conservative figure (the lowest best figure of an
    independent source). ``includes`` lists, for an aggregate ("two incidents ... five
    deaths"), the events it may include; ``stories`` the stories of its reports.
    """

    id: str
    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    actor1: Actor | None
    actor2: Actor | None
    place: Place
    time: TimeInterval
    fatalities: Figure | None
    injuries: Figure | None
    victims: str | None
    incident_count: int | None
    is_aggregate: bool
    acled_fatalities: int
    confidence: float
    reports: tuple[str, ...]
    mentions: tuple[str, ...]
    independent_sources: int
    candidates: tuple[Candidate, ...]
    disagreements: tuple[Disagreement, ...]
    evidence: tuple[Evidence, ...]
    includes: tuple[str, ...] = ()
    stories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FusedStatement:
    """One statement (who said what to whom), fused from the statement mentions of every report."""

    id: str
    speaker: str | None
    speaker_role: str | None
    speaker_org: str | None
    statement_type: str
    target: str | None
    content: str
    quote: str | None
    time: TimeInterval
    about_event: str | None
    confidence: float
    reports: tuple[str, ...]
    mentions: tuple[str, ...]
    independent_sources: int
    candidates: tuple[Candidate, ...]
    disagreements: tuple[Disagreement, ...]
    evidence: tuple[Evidence, ...]


def _candidate_dict(candidate: Candidate) -> dict:
    return {"field": candidate.field, "value": candidate.value, "mentions": list(candidate.mentions),
            "reports": list(candidate.reports), "independent_sources": candidate.independent_sources}


def _candidate(data: dict) -> Candidate:
    return Candidate(data["field"], data["value"], tuple(data["mentions"]), tuple(data["reports"]),
                     data["independent_sources"])


def _evidence_dicts(evidence: tuple[Evidence, ...]) -> list[dict]:
    return [{"article_id": e.article_id, "mention_id": e.mention_id, "field": e.span.field, "start": e.span.start,
             "end": e.span.end, "text": e.span.text} for e in evidence]


def _evidence(items: list[dict]) -> tuple[Evidence, ...]:
    return tuple(Evidence(e["article_id"], e["mention_id"], Span(e["field"], e["start"], e["end"], e["text"]))
                 for e in items)


def _fusion_tail(record: Event | FusedStatement) -> dict:
    return {
        "reports": list(record.reports), "mentions": list(record.mentions),
        "independent_sources": record.independent_sources,
        "disagreements": [{"field": d.field, "values": [_candidate_dict(c) for c in d.values]}
                          for d in record.disagreements],
        "candidates": [_candidate_dict(c) for c in record.candidates],
        "confidence": round(record.confidence, 3),
        "evidence": _evidence_dicts(record.evidence),
    }


def _fusion_parts(data: dict) -> dict:
    return {
        "reports": tuple(data["reports"]), "mentions": tuple(data["mentions"]),
        "independent_sources": data["independent_sources"],
        "candidates": tuple(_candidate(c) for c in data["candidates"]),
        "disagreements": tuple(Disagreement(d["field"], tuple(_candidate(c) for c in d["values"]))
                               for d in data["disagreements"]),
        "confidence": data["confidence"], "evidence": _evidence(data["evidence"]),
    }


def _time_fields(time: TimeInterval) -> dict:
    return {"date_start": _iso(time.start), "date_end": _iso(time.end), "date_precision": time.precision,
            "date_text": time.text or None}


def _time(data: dict) -> TimeInterval:
    return TimeInterval(_date(data["date_start"]), _date(data["date_end"]), data["date_precision"], data["date_text"] or "")


def event_to_dict(event: Event) -> dict:
    """The flat, JSON-ready form of an event: what ``export events`` writes and the store keeps."""
    place = event.place
    return {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "plover_type": event.plover_type, "plover_mode": event.plover_mode, "cameo_root": event.cameo_root,
        **_actor_fields("actor1", event.actor1), **_actor_fields("actor2", event.actor2),
        "country": place.country, "country_iso": place.country_iso, "admin1": place.admin1,
        "admin1_iso": place.admin1_iso, "location": place.location, "latitude": place.latitude,
        "longitude": place.longitude, "geo_precision": place.precision,
        **_time_fields(event.time), **_figure_fields("fatalities", event.fatalities),
        **_figure_fields("injuries", event.injuries), "acled_fatalities": event.acled_fatalities,
        "victims": event.victims, "incident_count": event.incident_count, "is_aggregate": event.is_aggregate,
        "includes": list(event.includes), "stories": list(event.stories), **_fusion_tail(event),
    }


def event_from_dict(data: dict) -> Event:
    """The inverse of :func:`event_to_dict`."""
    return Event(
        id=data["id"], event_type=data["event_type"], sub_event_type=data["sub_event_type"],
        plover_type=data["plover_type"], plover_mode=data["plover_mode"], cameo_root=data["cameo_root"],
        actor1=_actor(data, "actor1"), actor2=_actor(data, "actor2"),
        place=Place(data["country"], data["country_iso"], data["admin1"], data["admin1_iso"], data["location"],
                    data["latitude"], data["longitude"], data["geo_precision"]),
        time=_time(data), fatalities=_figure(data, "fatalities"), injuries=_figure(data, "injuries"),
        victims=data["victims"], incident_count=data["incident_count"], is_aggregate=data["is_aggregate"],
        acled_fatalities=data["acled_fatalities"], includes=tuple(data["includes"]), stories=tuple(data["stories"]),
        **_fusion_parts(data),
    )


def statement_to_dict(statement: FusedStatement) -> dict:
    """The flat, JSON-ready form of a fused statement: what ``export statements`` writes."""
    return {
        "id": statement.id, "speaker": statement.speaker, "speaker_role": statement.speaker_role,
        "speaker_org": statement.speaker_org, "statement_type": statement.statement_type,
        "target": statement.target, "content": statement.content, "quote": statement.quote,
        **_time_fields(statement.time), "about_event": statement.about_event, **_fusion_tail(statement),
    }


def statement_from_dict(data: dict) -> FusedStatement:
    """The inverse of :func:`statement_to_dict`."""
    return FusedStatement(
        id=data["id"], speaker=data["speaker"], speaker_role=data["speaker_role"], speaker_org=data["speaker_org"],
        statement_type=data["statement_type"], target=data["target"], content=data["content"], quote=data["quote"],
        time=_time(data), about_event=data["about_event"], **_fusion_parts(data),
    )
