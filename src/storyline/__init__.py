"""Storyline: news reports in, one evidence-traced record per real-world incident out.

The package is laid out as the pipeline runs (see DESIGN.md):

    ingest  -> analyse -> link -> fuse -> store -> serve

Only :mod:`storyline.store` talks to a database; every other stage takes and
returns the frozen records of :mod:`storyline.records`.
"""

from storyline.errors import InputError, StorylineError
from storyline.ingest import IngestOptions, IngestSummary, ingest_into, read_reports
from storyline.records import Article, Notice, Report
from storyline.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "IngestOptions",
    "IngestSummary",
    "InputError",
    "Notice",
    "Report",
    "Store",
    "StorylineError",
    "__version__",
    "ingest_into",
    "open_store",
    "read_reports",
]
