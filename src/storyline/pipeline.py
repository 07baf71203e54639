"""The whole job: ingest, then analyse, link and fuse whatever is new.

``update`` brings a store up to date (each stage works only on what it has not
seen); ``run`` ingests inputs first. Both are what ``storyline run`` and the API's
``POST /api/articles`` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from storyline.analyse import AnalyseSummary, analyse_pending
from storyline.fuse import FuseSummary, fuse_store
from storyline.ingest import IngestOptions, ingest_into
from storyline.ingest.loader import IngestSummary
from storyline.link.linker import LinkSummary, link_pending
from storyline.records import Notice


@dataclass
class UpdateSummary:
    analysed: AnalyseSummary
    linked: LinkSummary
    fused: FuseSummary


@dataclass
class RunSummary:
    ingested: IngestSummary
    update: UpdateSummary
    notices: list[Notice] = field(default_factory=list)


def update(store, *, on_notice: Callable[[Notice], None] | None = None,
           on_stage: Callable[[str], None] | None = None) -> UpdateSummary:
    """Analyse the articles not yet analysed, link the ones not yet linked, and fuse again."""
    if on_stage:
        on_stage("analyse")
    analysed = analyse_pending(store, on_notice=on_notice)
    if on_stage:
        on_stage("link")
    linked = link_pending(store)  # also re-analyses a report it dated, so "last week" resolves
    if on_stage:
        on_stage("fuse")
    fused = fuse_store(store)
    return UpdateSummary(analysed, linked, fused)


def run(store, inputs: list[str], options: IngestOptions | None = None, *,
        on_notice: Callable[[Notice], None] | None = None,
        on_stage: Callable[[str], None] | None = None) -> RunSummary:
    """Ingest ``inputs`` (files, directories, globs, URLs) and bring the store up to date."""
    if on_stage:
        on_stage("ingest")
    ingested = ingest_into(store, inputs, options or IngestOptions(), on_notice=on_notice)
    return RunSummary(ingested, update(store, on_notice=on_notice, on_stage=on_stage))


__all__ = ["RunSummary", "UpdateSummary", "run", "update"]
