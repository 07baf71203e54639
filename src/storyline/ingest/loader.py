"""Reading reports and storing them in batches, with counts of what happened.

Each batch is written in one transaction, so a run killed at any moment leaves
whole articles only; identity by text hash makes the re-run add exactly the
ones that were missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from storyline.ingest.inputs import Input, expand_inputs
from storyline.ingest.reader import IngestOptions, read_reports
from storyline.records import Notice, Report, Stored

BATCH_SIZE = 250


class ReportSink(Protocol):
    """What ingestion needs of a store."""

    def add_reports(self, reports: list[Report]) -> list[Stored]: ...


@dataclass
class IngestSummary:
    """Counts of one ingestion run; ``notices`` keeps every error, warning and skip."""

    inputs: int = 0
    reports: int = 0
    new: int = 0
    versions: int = 0
    present: int = 0
    notices: list[Notice] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(1 for n in self.notices if n.level == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for n in self.notices if n.level == "warning")

    @property
    def skipped(self) -> int:
        return sum(1 for n in self.notices if n.level == "skipped")

    @property
    def failed(self) -> bool:
        return self.errors > 0


def ingest_into(store: ReportSink, arguments: list[str], options: IngestOptions, *,
                on_notice: Callable[[Notice], None] | None = None,
                on_start: Callable[[int], None] | None = None,
                on_input: Callable[[str], None] | None = None) -> IngestSummary:
    """Read every input named by ``arguments`` and store its reports.

    ``on_notice`` hears each notice as it happens; ``on_start`` hears how many
    inputs there are and ``on_input`` the name of each when it has been read
    (for a progress bar).
    """
    items = list(expand_inputs(arguments))
    if on_start:
        on_start(sum(1 for item in items if isinstance(item, Input)))
    summary = IngestSummary()
    batch: list[Report] = []
    current = None

    def flush() -> None:
        outcomes = Counter(stored.outcome for stored in store.add_reports(batch))
        summary.new += outcomes["new"]
        summary.versions += outcomes["version"]
        summary.present += outcomes["present"]
        batch.clear()

    for item, result in read_reports(items, options):
        if item is not current:
            if current is not None and on_input:
                on_input(current.location)
            current = item
            if item is not None:
                summary.inputs += 1
        if isinstance(result, Notice):
            summary.notices.append(result)
            if on_notice:
                on_notice(result)
            continue
        summary.reports += 1
        batch.append(result)
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    if current is not None and on_input:
        on_input(current.location)
    return summary
