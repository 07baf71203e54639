"""``/api/statements``: who said what, fused across reports."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from storyline.serve.api import params
from storyline.serve.api.deps import StoreDep, require_reader
from storyline.serve.api.evidence import evidence_out, report_refs
from storyline.serve.api.schemas import CandidateOut, DisagreementOut, StatementDetail, StatementPage, StatementSummary
from storyline.store.queries import STATEMENT_SORTS, StatementQuery

router = APIRouter(tags=["statements"], dependencies=[Depends(require_reader)])


@router.get("/statements", response_model=StatementPage, summary="Search statements")
def list_statements(
    store: StoreDep,
    statement_type: Annotated[str | None, Query(description="PLOVER type: REQUEST, ACCUSE, REJECT, …")] = None,
    about_event: Annotated[str | None, Query(description="Statements about this event id.")] = None,
    date_from: Annotated[dt.date | None, Query()] = None,
    date_to: Annotated[dt.date | None, Query()] = None,
    min_sources: Annotated[int | None, Query(ge=0)] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words that must all occur.")] = None,
    sort: Annotated[str, Query(description="date, sources or reports; a leading - sorts descending.")] = "-date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    total: Annotated[bool, Query()] = False,
) -> StatementPage:
    params.date_range(date_from, date_to)
    query = StatementQuery(statement_type=statement_type, about_event=about_event, date_from=date_from,
                           date_to=date_to, min_sources=min_sources, words=params.words(q))
    sort_name, descending = params.sort(sort, STATEMENT_SORTS)
    after = params.decode_cursor(cursor, sort_name, descending)
    page = store.query_statements(query, sort=sort_name, descending=descending, limit=limit, after=after,
                                  with_total=total)
    return StatementPage(items=[StatementSummary.of(s) for s in page.items],
                         next_cursor=params.encode_cursor(sort_name, descending, page.after), total=page.total)


@router.get("/statements/{statement_id}", response_model=StatementDetail, summary="One statement with its evidence")
def get_statement(statement_id: str, store: StoreDep) -> StatementDetail:
    found = store.fused_statements([statement_id])
    if not found:
        raise HTTPException(404, f"no statement with id {statement_id!r}")
    statement = found[0]
    refs, reports = report_refs(store, statement.reports)
    return StatementDetail(
        **StatementSummary.of(statement).model_dump(), reports=refs,
        disagreements=[DisagreementOut(field=d.field, values=[CandidateOut.of(c) for c in d.values])
                       for d in statement.disagreements],
        evidence=evidence_out(statement.evidence, reports))
