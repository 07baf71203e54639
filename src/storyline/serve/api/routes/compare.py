"""``/api/compare`` (two reports aligned, with copied runs and substitutions) and ``/api/framing`` (terms per outlet)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query

from storyline.link.align import align_pair, split_passages
from storyline.serve.api.deps import StoreDep, require_reader
from storyline.serve.api.framing import framing_rows
from storyline.serve.api.schemas import (
    AlignmentOut,
    ComparedReport,
    Comparison,
    CopiedOut,
    FramingRow,
    ReportRef,
    SubstitutionOut,
)

router = APIRouter(tags=["compare"], dependencies=[Depends(require_reader)])


def _resolve(store, key: str, parameter: str):
    found = store.find_article_ids(key)
    if len(found) != 1:
        raise HTTPException(404, f"{parameter}: {'no' if not found else 'more than one'} article with the id, "
                                 f"id prefix or external id {key!r}")
    return store.article(found[0])


@router.get("/compare", response_model=Comparison, summary="Two reports side by side")
def compare(
    store: StoreDep,
    a: Annotated[str, Query(min_length=1, max_length=200, description="Article id, unique id prefix or external id.")],
    b: Annotated[str, Query(min_length=1, max_length=200, description="The other report, the same way.")],
) -> Comparison:
    first, second = _resolve(store, a, "a"), _resolve(store, b, "b")
    stored = next((link for link in store.links(article_id=first.id)
                   if second.id in (link.source_id, link.derived_id)), None) if first.id != second.id else None
    if stored is not None and stored.source_id == second.id:
        first, second = second, first  # the source is always on the left
    if stored is not None and stored.alignments:
        alignments, substitutions = stored.alignments, stored.substitutions
    else:
        alignments, substitutions = align_pair(first.text, second.text)
    inferred = store.inferred_dates()

    def side(article) -> ComparedReport:
        when = inferred.get(article.id)
        return ComparedReport(**ReportRef.of(article, when[0] if when else None).model_dump(), text=article.text)

    sentences, passages = split_passages(alignments)
    ordered = sorted(sentences, key=lambda x: (x.b_start if x.b_start is not None else 10**9, x.a_start or 0))
    return Comparison(
        a=side(first), b=side(second), relation=stored.relation if stored else None,
        confidence=round(stored.confidence, 3) if stored else None, evidence=list(stored.evidence) if stored else [],
        alignments=[AlignmentOut(kind=x.kind, source_start=x.a_start, source_end=x.a_end, derived_start=x.b_start,
                                 derived_end=x.b_end, score=round(x.score, 3)) for x in ordered],
        substitutions=[SubstitutionOut(source=s.source, derived=s.derived, source_start=s.source_start,
                                       source_end=s.source_end, derived_start=s.derived_start,
                                       derived_end=s.derived_end) for s in substitutions],
        copied=[CopiedOut(text=second.text[p.b_start:p.b_end], source_start=p.a_start, source_end=p.a_end,
                          derived_start=p.b_start, derived_end=p.b_end)
                for p in sorted(passages, key=lambda p: p.b_start) if p.a_start is not None])


@router.get("/framing", response_model=list[FramingRow], summary="Term substitutions per outlet")
def framing(
    store: StoreDep,
    outlet: Annotated[str | None, Query(description="Only this outlet (case-insensitive).")] = None,
) -> list[FramingRow]:
    rows = framing_rows(store, store.links(relations=("derived", "update", "duplicate", "common_source")))
    return [r for r in rows if outlet is None or r.outlet.lower() == outlet.lower()]
