"""``/api/stories``: reports of the same story, and who rewrote whom."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException

from storyline.link.stories import confident_links, lineage_roots
from storyline.serve.api.deps import StoreDep, require_reader
from storyline.serve.api.evidence import report_refs
from storyline.serve.api.framing import framing_rows
from storyline.serve.api.schemas import DerivationOut, StoryDetail, StorySummary

router = APIRouter(tags=["stories"], dependencies=[Depends(require_reader)])
_DERIVATIONS = ("duplicate", "derived", "update", "common_source", "same_story")


@router.get("/stories", response_model=list[StorySummary], summary="Every story, largest first")
def list_stories(store: StoreDep) -> list[StorySummary]:
    found = [StorySummary.of(s) for s in store.stories()]
    return sorted(found, key=lambda s: (-s.report_count, -s.independent_sources, s.id))


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story: reports in time order and derivations")
def get_story(story_id: str, store: StoreDep) -> StoryDetail:
    story = next((s for s in store.stories() if s.id == story_id), None)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    members = set(story.articles)
    edges = {}
    for article_id in story.articles:
        for link in store.links(article_id=article_id, relations=_DERIVATIONS):
            if link.source_id in members and link.derived_id in members:
                edges[(link.source_id, link.derived_id)] = link
    refs, _ = report_refs(store, story.articles)
    events = sorted({e for article_id in story.articles for e in store.events_of_article(article_id)})
    lineages = lineage_roots(story.articles, confident_links(edges.values()))
    return StoryDetail(**StorySummary.of(story).model_dump(), reports=refs, lineages=lineages,
                       derivations=[DerivationOut.of(link) for link in edges.values()],
                       framing=framing_rows(store, edges.values()), events=events)
