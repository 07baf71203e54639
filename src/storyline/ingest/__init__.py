"""Ingest: sources to :class:`~storyline.records.Report` records, and into the store.

    arguments --expand_inputs--> inputs --read_input--> reports + notices --Store.add_reports--> articles
"""

from storyline.ingest.loader import IngestSummary, ingest_into
from storyline.ingest.reader import DEFAULT_MAX_BYTES, IngestOptions, read_input, read_reports

__all__ = ["DEFAULT_MAX_BYTES", "IngestOptions", "IngestSummary", "ingest_into", "read_input", "read_reports"]
