"""``/api/export/{kind}``: the same files as ``storyline export``, as a download."""

from __future__ import annotations

import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from storyline.serve import export
from storyline.serve.api.deps import StoreDep, require_reader
from storyline.serve.api.params import ParameterError

router = APIRouter(tags=["export"], dependencies=[Depends(require_reader)])
Kind = Literal["articles", "mentions", "derivations", "stories", "events", "statements"]
_MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "acled": "text/csv; charset=utf-8",
          "geojson": "application/geo+json", "parquet": "application/vnd.apache.parquet"}
_SUFFIX = {"acled": "csv"}


def _write(store, kind: str, fmt: str, path: str) -> None:
    if kind == "articles":
        export.export_articles(store.articles(), fmt, path, store.inferred_dates(), store.sightings)
    elif kind == "mentions":
        export.export_mentions(store.mentions(), fmt, path)
    elif kind == "derivations":
        export.export_links(store.links(), fmt, path)
    elif kind == "stories":
        export.export_stories(store.stories(), fmt, path)
    elif kind == "events":
        outlets = {a.id: a.outlet for a in store.articles() if a.outlet} if fmt == "acled" else None
        export.export_events(store.events(), fmt, path, outlets)
    else:
        export.export_statements(store.fused_statements(), fmt, path)


@router.get("/export/{kind}", summary="Download stored records as a file",
            response_class=FileResponse, responses={200: {"content": {m: {} for m in set(_MEDIA.values())}}})
def export_kind(
    kind: Kind,
    store: StoreDep,
    format: Annotated[str, Query(description="jsonl, csv or parquet; events also acled and geojson.")] = "jsonl",
) -> FileResponse:
    allowed = export.EVENT_FORMATS if kind == "events" else export.EXPORT_FORMATS
    if format not in allowed:
        raise ParameterError("format", f"{format!r}; for {kind} choose one of {', '.join(allowed)}")
    handle, path = tempfile.mkstemp(prefix="storyline-api-export-")
    os.close(handle)
    try:
        _write(store, kind, format, path)
    except BaseException:
        os.unlink(path)
        raise
    name = f"{kind}.{_SUFFIX.get(format, format)}"
    return FileResponse(path, media_type=_MEDIA[format], filename=name, background=BackgroundTask(os.unlink, path))
