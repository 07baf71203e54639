"""The API's response and request bodies (pydantic, at the edge only), built from records.

A family per resource: a summary for lists, a detail for one item, a page wrapper.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from storyline.records import Actor, Article, Candidate, Event, Figure, FusedStatement, Link, Place, Story, TimeInterval


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class FigureOut(Out):
    low: int | None
    best: int | None
    high: int | None
    text: str

    @classmethod
    def of(cls, figure: Figure | None) -> FigureOut | None:
        return cls(low=figure.low, best=figure.best, high=figure.high, text=figure.text) if figure else None


class PlaceOut(Out):
    country: str | None
    country_iso: str | None
    admin1: str | None
    admin1_iso: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    precision: str

    @classmethod
    def of(cls, place: Place) -> PlaceOut:
        return cls(country=place.country, country_iso=place.country_iso, admin1=place.admin1,
                   admin1_iso=place.admin1_iso, location=place.location, latitude=place.latitude,
                   longitude=place.longitude, precision=place.precision)


class TimeOut(Out):
    start: dt.date | None
    end: dt.date | None
    precision: str
    text: str

    @classmethod
    def of(cls, time: TimeInterval) -> TimeOut:
        return cls(start=time.start, end=time.end, precision=time.precision, text=time.text)


class ActorOut(Out):
    text: str
    canonical: str | None
    category: str | None
    country_iso: str | None

    @classmethod
    def of(cls, actor: Actor | None) -> ActorOut | None:
        return cls(text=actor.text, canonical=actor.canonical, category=actor.category,
                   country_iso=actor.country_iso) if actor else None


class SentenceOut(Out):
    start: int
    end: int
    text: str


class EvidenceOut(Out):
    """A span of a report that supports a value, and the sentence it lies in."""

    article_id: str
    mention_id: str
    field: str
    start: int
    end: int
    text: str
    sentence: SentenceOut | None


class CandidateOut(Out):
    field: str
    value: str
    mentions: list[str]
    reports: list[str]
    independent_sources: int

    @classmethod
    def of(cls, candidate: Candidate) -> CandidateOut:
        return cls(field=candidate.field, value=candidate.value, mentions=list(candidate.mentions),
                   reports=list(candidate.reports), independent_sources=candidate.independent_sources)


class DisagreementOut(Out):
    field: str
    values: list[CandidateOut]


class ReportRef(Out):
    """A report as lists show it; ``published_inferred`` is set when the linker dated an undated report."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    published_inferred: dt.date | None = None
    external_id: str | None = None
    opening: str

    @classmethod
    def of(cls, article: Article, inferred: dt.date | None = None) -> ReportRef:
        return cls(id=article.id, title=article.title, outlet=article.outlet, url=article.url,
                   published=article.published, published_inferred=inferred, external_id=article.external_id,
                   opening=" ".join(article.text.split()[:24]))


class EventSummary(Out):
    id: str
    event_type: str
    sub_event_type: str
    actor1: ActorOut | None
    actor2: ActorOut | None
    place: PlaceOut
    time: TimeOut
    fatalities: FigureOut | None
    injuries: FigureOut | None
    acled_fatalities: int
    is_aggregate: bool
    confidence: float
    independent_sources: int
    report_count: int
    disagreement_count: int

    @classmethod
    def of(cls, event: Event) -> EventSummary:
        return cls(**_event_fields(event))


def _event_fields(event: Event) -> dict:
    return dict(id=event.id, event_type=event.event_type, sub_event_type=event.sub_event_type,
                actor1=ActorOut.of(event.actor1), actor2=ActorOut.of(event.actor2), place=PlaceOut.of(event.place),
                time=TimeOut.of(event.time), fatalities=FigureOut.of(event.fatalities),
                injuries=FigureOut.of(event.injuries), acled_fatalities=event.acled_fatalities,
                is_aggregate=event.is_aggregate, confidence=event.confidence,
                independent_sources=event.independent_sources, report_count=len(event.reports),
                disagreement_count=len(event.disagreements))


class EventDetail(EventSummary):
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    victims: str | None
    incident_count: int | None
    includes: list[str]
    stories: list[str]
    reports: list[ReportRef]
    candidates: list[CandidateOut]
    disagreements: list[DisagreementOut]
    evidence: list[EvidenceOut]

    @classmethod
    def of(cls, event: Event, reports: list[ReportRef], evidence: list[EvidenceOut]) -> EventDetail:
        return cls(**_event_fields(event), plover_type=event.plover_type, plover_mode=event.plover_mode,
                   cameo_root=event.cameo_root, victims=event.victims, incident_count=event.incident_count,
                   includes=list(event.includes), stories=list(event.stories), reports=reports,
                   candidates=[CandidateOut.of(c) for c in event.candidates],
                   disagreements=[DisagreementOut(field=d.field, values=[CandidateOut.of(c) for c in d.values])
                                  for d in event.disagreements],
                   evidence=evidence)


class EventPage(Out):
    items: list[EventSummary]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page; null on the last page.")
    total: int | None = Field(None, description="Every match, when asked for with total=true.")


class Facets(Out):
    event_type: list[tuple[str, int]]
    sub_event_type: list[tuple[str, int]]
    country_iso: list[tuple[str, int]]
    country_names: dict[str, str] = Field(default_factory=dict,
                                          description="The English name of each code in country_iso (ISO 3166-1).")
    admin1: list[tuple[str, int]]
    first_date: dt.date | None
    last_date: dt.date | None


class StatementSummary(Out):
    id: str
    speaker: str | None
    speaker_role: str | None
    speaker_org: str | None
    statement_type: str
    target: str | None
    content: str
    quote: str | None
    time: TimeOut
    about_event: str | None
    confidence: float
    independent_sources: int
    report_count: int

    @classmethod
    def of(cls, statement: FusedStatement) -> StatementSummary:
        return cls(**_statement_fields(statement))


def _statement_fields(statement: FusedStatement) -> dict:
    return dict(id=statement.id, speaker=statement.speaker, speaker_role=statement.speaker_role,
                speaker_org=statement.speaker_org, statement_type=statement.statement_type, target=statement.target,
                content=statement.content, quote=statement.quote, time=TimeOut.of(statement.time),
                about_event=statement.about_event, confidence=statement.confidence,
                independent_sources=statement.independent_sources, report_count=len(statement.reports))


class StatementDetail(StatementSummary):
    reports: list[ReportRef]
    disagreements: list[DisagreementOut]
    evidence: list[EvidenceOut]


class StatementPage(Out):
    items: list[StatementSummary]
    next_cursor: str | None
    total: int | None = None


class StorySummary(Out):
    id: str
    title: str | None
    report_count: int
    independent_sources: int
    first_published: dt.date | None
    last_published: dt.date | None

    @classmethod
    def of(cls, story: Story) -> StorySummary:
        return cls(id=story.id, title=story.title, report_count=len(story.articles),
                   independent_sources=story.independent_sources, first_published=story.first_published,
                   last_published=story.last_published)


class SubstitutionOut(Out):
    source: str
    derived: str
    source_start: int
    source_end: int
    derived_start: int
    derived_end: int


class AlignmentOut(Out):
    kind: Literal["verbatim", "rewrite", "new"] | str
    source_start: int | None
    source_end: int | None
    derived_start: int | None
    derived_end: int | None
    score: float


class CopiedOut(Out):
    """A run of words the derived report copied from the source, inside one of its aligned sentences."""

    text: str = Field(description="The copied words as the derived report writes them.")
    source_start: int
    source_end: int
    derived_start: int
    derived_end: int


class DerivationOut(Out):
    """An edge of the derivation graph: ``derived`` rewrote (or copied, or updated) ``source``."""

    source: str
    derived: str
    relation: str
    confidence: float
    containment: float
    evidence: list[str]
    substitutions: list[SubstitutionOut]

    @classmethod
    def of(cls, link: Link) -> DerivationOut:
        return cls(source=link.source_id, derived=link.derived_id, relation=link.relation,
                   confidence=round(link.confidence, 3), containment=round(link.containment, 3),
                   evidence=list(link.evidence), substitutions=[_substitution(s) for s in link.substitutions])


def _substitution(s) -> SubstitutionOut:
    return SubstitutionOut(source=s.source, derived=s.derived, source_start=s.source_start, source_end=s.source_end,
                           derived_start=s.derived_start, derived_end=s.derived_end)


class FramingRow(Out):
    outlet: str
    source_term: str
    derived_term: str
    count: int


class StoryDetail(StorySummary):
    reports: list[ReportRef] = Field(description="In publication order (inferred dates count); undated last.")
    lineages: dict[str, str] = Field(description="Each report's independent source: the id of the report its "
                                                 "derivations lead back to (as many distinct values as "
                                                 "independent_sources).")
    derivations: list[DerivationOut]
    framing: list[FramingRow]
    events: list[str]


class FieldSpan(Out):
    """A span of the article's text that an extracted field came from."""

    mention_id: str
    mention_type: str
    field: str
    start: int
    end: int
    text: str


class Sighting(Out):
    """A place where the article's text was seen: a word-for-word copy at another outlet or file adds one."""

    source: str
    url: str | None
    outlet: str | None
    external_id: str | None
    published: dt.date | None
    title: str | None


class ArticleDetail(ReportRef):
    published_at: dt.datetime | None = Field(None, description="The moment of publication (UTC), where the input "
                                                                "stated a time of day with its zone.")
    byline: str | None
    source: str
    format: str
    version: int
    previous_version_id: str | None
    text: str
    spans: list[FieldSpan]
    events: list[str]
    derivations: list[DerivationOut]
    sightings: list[Sighting] = Field(description="Every place this text was seen, first first.")


class ComparedReport(ReportRef):
    text: str


class Comparison(Out):
    """Report ``a`` (the source side when a derivation is known) beside report ``b``."""

    a: ComparedReport
    b: ComparedReport
    relation: str | None
    confidence: float | None
    evidence: list[str]
    alignments: list[AlignmentOut] = Field(description="One per sentence: verbatim, rewrite or new.")
    substitutions: list[SubstitutionOut]
    copied: list[CopiedOut] = Field(description="Runs of words copied inside the aligned sentences, in derived-text "
                                                "order (empty for a link stored before copied runs were kept).")


class ReportIn(BaseModel):
    """A report to ingest: its text, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The report's text (plain text; markup is kept as text).")
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    url: str | None = Field(None, description="A report with the URL of a stored one and other text is a new version.")
    published: dt.date | None = None
    published_at: AwareDatetime | None = Field(None, description="The moment of publication, with its zone "
                                                                 "(2026-05-14T09:30:00+02:00); sets published too "
                                                                 "where that is not given.")
    external_id: str | None = None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reports: list[ReportIn] = Field(min_length=1, max_length=1000)


class StoredOut(Out):
    id: str
    outcome: Literal["new", "version", "present"]
    version: int
    events: list[str]


class IngestResponse(Out):
    stored: list[StoredOut]
    pipeline: dict[str, int | float | str | None]


class ErrorItem(Out):
    parameter: str
    location: str
    message: str


class ErrorBody(Out):
    detail: str
    errors: list[ErrorItem] = []
