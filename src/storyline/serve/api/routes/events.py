"""``/api/events``: fused incidents, filtered, sorted and paged; one event with its evidence."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import pycountry
from fastapi import APIRouter, Depends, HTTPException, Query

from storyline.serve.api import params
from storyline.serve.api.deps import StoreDep, require_reader
from storyline.serve.api.evidence import evidence_out, report_refs
from storyline.serve.api.schemas import EventDetail, EventPage, EventSummary, Facets
from storyline.store.queries import EVENT_SORTS, EventQuery

router = APIRouter(tags=["events"], dependencies=[Depends(require_reader)])
SORT_HELP = "date, fatalities, sources or reports; a leading - sorts descending. Ties go by id."


@router.get("/events", response_model=EventPage, summary="Search events")
def list_events(
    store: StoreDep,
    country: Annotated[str | None, Query(description="ISO 3166-1 code (TJ, TJK) or name (Tajikistan).")] = None,
    admin1: Annotated[str | None, Query(description="ISO 3166-2 code (TJ-KT) or name (Khatlon).")] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type, e.g. Explosions/Remote violence.")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type, e.g. Air/drone strike.")] = None,
    date_from: Annotated[dt.date | None, Query(description="Events whose interval ends on or after this day.")] = None,
    date_to: Annotated[dt.date | None, Query(description="Events whose interval starts on or before this day.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, description="The chosen best figure, else its low.")] = None,
    min_sources: Annotated[int | None, Query(ge=0, description="Independent sources (rewrites count once).")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words that must all occur (names, places, evidence).")] = None,
    aggregates: Annotated[bool, Query(description="Include aggregate records (several incidents told together).")] = True,
    sort: Annotated[str, Query(description=SORT_HELP)] = "-date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=400, description="next_cursor of the previous page.")] = None,
    total: Annotated[bool, Query(description="Also count every match.")] = False,
) -> EventPage:
    country_iso, country_name = params.country_filter(country)
    admin1_iso, admin1_name = params.admin1_filter(admin1)
    params.date_range(date_from, date_to)
    query = EventQuery(country_iso=country_iso, country=country_name, admin1_iso=admin1_iso, admin1=admin1_name,
                       event_type=event_type, sub_event_type=sub_event_type, date_from=date_from, date_to=date_to,
                       bbox=params.bbox(bbox), min_fatalities=min_fatalities, min_sources=min_sources,
                       words=params.words(q), include_aggregates=aggregates)
    sort_name, descending = params.sort(sort, EVENT_SORTS)
    after = params.decode_cursor(cursor, sort_name, descending)
    page = store.query_events(query, sort=sort_name, descending=descending, limit=limit, after=after, with_total=total)
    return EventPage(items=[EventSummary.of(e) for e in page.items],
                     next_cursor=params.encode_cursor(sort_name, descending, page.after), total=page.total)


@router.get("/events/facets", response_model=Facets, summary="Values to filter events by")
def event_facets(store: StoreDep) -> Facets:
    facets = store.event_facets()
    names = {}
    for code, _ in facets["country_iso"]:
        country = pycountry.countries.get(alpha_2=code)
        names[code] = (getattr(country, "common_name", None) or country.name) if country else code
    return Facets(**facets, country_names=names)


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its evidence")
def get_event(event_id: str, store: StoreDep) -> EventDetail:
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    refs, reports = report_refs(store, event.reports)
    return EventDetail.of(event, refs, evidence_out(event.evidence, reports))
