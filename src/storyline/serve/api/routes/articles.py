"""``/api/articles``: one report with the spans of every extracted field; ingesting new reports."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.concurrency import run_in_threadpool

from storyline.errors import StorylineError
from storyline.ingest.plaintext import read_plain_text
from storyline.records import Report
from storyline.serve.api.deps import StoreDep, require_reader, require_writer
from storyline.serve.api.params import ParameterError
from storyline.serve.api.schemas import (
    ArticleDetail,
    DerivationOut,
    FieldSpan,
    IngestRequest,
    IngestResponse,
    ReportRef,
    Sighting,
    StoredOut,
)

router = APIRouter(tags=["articles"])
_pipeline_lock = threading.Lock()  # one pipeline run at a time; a second request waits for the first


@router.get("/articles", response_model=list[ReportRef], dependencies=[Depends(require_reader)],
            summary="Stored reports in ingestion order")
def list_articles(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[ReportRef]:
    inferred = store.inferred_dates()
    return [ReportRef.of(a, inferred[a.id][0] if a.id in inferred else None)
            for a in store.articles(limit=limit, offset=offset)]


@router.get("/articles/{article_id}", response_model=ArticleDetail, dependencies=[Depends(require_reader)],
            summary="One report: text, metadata, and the spans of every extracted field")
def get_article(article_id: str, store: StoreDep) -> ArticleDetail:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    inferred = store.inferred_dates().get(article.id)
    spans = [FieldSpan(mention_id=m.id, mention_type="event" if hasattr(m, "event_type") else "statement",
                       field=s.field, start=s.start, end=s.end, text=s.text)
             for m in store.mentions(article_id=article.id) for s in m.evidence]
    ref = ReportRef.of(article, inferred[0] if inferred else None)
    return ArticleDetail(**ref.model_dump(), published_at=article.published_at, byline=article.byline,
                         source=article.source, format=article.format,
                         version=article.version,
                         previous_version_id=article.previous_version_id, text=article.text,
                         spans=sorted(spans, key=lambda s: (s.start, -s.end)),
                         events=store.events_of_article(article.id),
                         derivations=[DerivationOut.of(link) for link in store.links(article_id=article.id)
                                      if link.relation != "unrelated"],
                         sightings=[Sighting(**seen) for seen in store.sightings([article.id]).get(article.id, [])])


def _report(item, number: int) -> Report:
    """A report from the request; header lines of the plain-text format (``date …``, ``title …``) are read too."""
    source = f"api:{item.external_id or item.url or 'POST /api/articles'}"
    try:
        report = read_plain_text(item.text, source, encoding=None, external_id=item.external_id,
                                 version_key=f"url:{item.url}" if item.url else None)
    except StorylineError as exc:
        raise ParameterError(f"reports.{number}.text", exc.message.split(": ", 1)[-1], "body") from None
    given = {name: getattr(item, name) for name in ("title", "outlet", "byline", "url", "published")
             if getattr(item, name) is not None}
    if item.published_at is not None:
        given["published_at"] = item.published_at.astimezone(dt.timezone.utc)
        given.setdefault("published", item.published_at.date())  # the day as the report's own zone has it
    elif given.get("published", report.published) != report.published:
        given["published_at"] = None  # a header's time was of another day than the one given
    return dataclasses.replace(report, **given)


def update_pipeline(store) -> dict:
    """Analyse, link and fuse whatever is pending; a flat summary of the counts."""
    from storyline.pipeline import update

    return _flat(update(store))


def _flat(summary, prefix: str = "") -> dict:
    """Counts of a (nested) summary dataclass as ``stage_count`` keys; lists become their lengths."""
    flat = {}
    for key, value in (dataclasses.asdict(summary) if dataclasses.is_dataclass(summary) else summary).items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}_"))
        elif isinstance(value, (list, tuple, set)):
            flat[prefix + key] = len(value)
        elif isinstance(value, (int, float, str)) or value is None:
            flat[prefix + key] = value
    return flat


def _ingest(store, request: IngestRequest) -> IngestResponse:
    reports = [_report(item, n) for n, item in enumerate(request.reports)]
    with _pipeline_lock:
        stored = store.add_reports(reports)
        summary = update_pipeline(store)
    return IngestResponse(stored=[StoredOut(id=s.article_id, outcome=s.outcome, version=s.version,
                                            events=store.events_of_article(s.article_id)) for s in stored],
                          pipeline=summary)


@router.post("/articles", response_model=IngestResponse, status_code=201,
             dependencies=[Depends(require_writer)],
             summary="Ingest reports and run the pipeline (needs the API key as a bearer token)")
async def post_articles(request: IngestRequest, store: StoreDep) -> IngestResponse:
    return await run_in_threadpool(_ingest, store, request)
