"""Fuse: event and statement mentions from all reports into one record per incident and per statement.

:func:`fuse_store` reads every mention, link and story from the store, groups the
mentions of one incident across reports (:mod:`storyline.fuse.events`) and of one
statement (:mod:`storyline.fuse.statements`), and replaces the stored events and
statements in one transaction. Each field keeps its candidate values with the
mentions and independent sources behind them (:mod:`storyline.fuse.values`).
Fusion is deterministic and ids are carried over from the previous run, so running
it again after one more report updates the events that report touches and leaves
the others as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from storyline.fuse.events import FUSER, Context, fuse_events
from storyline.fuse.statements import fuse_statements
from storyline.fuse.values import Lineages
from storyline.records import EventMention, StatementMention


@dataclass
class FuseSummary:
    mentions: int = 0
    events: int = 0
    multi_report_events: int = 0
    statements: int = 0
    disagreements: int = 0


def fuse_store(store) -> FuseSummary:
    """Fuse every stored mention into events and statements and store them (replacing the previous fuse)."""
    mentions = list(store.mentions())
    links = list(store.links())
    stories = list(store.stories())
    inferred = store.inferred_dates()
    dates = store.publication_dates(sorted({m.article_id for m in mentions}))
    published = {i: day or (inferred[i][0] if i in inferred else None) for i, day in dates.items()}
    story_of = {article_id: story.id for story in stories for article_id in story.articles}
    context = Context(Lineages(links), story_of, published, _text_reader(store))
    previous_events, previous_statements = store.fused_ids_by_mention()
    events = fuse_events([m for m in mentions if isinstance(m, EventMention)], context, previous_events)
    event_of_mention = {mention_id: event.id for event in events for mention_id in event.mentions}
    statements = fuse_statements([m for m in mentions if isinstance(m, StatementMention)], context.lineages,
                                 published, event_of_mention, previous_statements)
    store.replace_fusion(events, statements)
    return FuseSummary(mentions=len(mentions), events=len(events),
                       multi_report_events=sum(1 for e in events if len(e.reports) > 1),
                       statements=len(statements), disagreements=sum(len(e.disagreements) for e in events))


def _text_reader(store) -> Callable[[str], str | None]:
    """A report's text by its id, read from the store when fusion first asks for it (only pairs of mentions across
    stories in one town do) and kept for the run."""

    @lru_cache(maxsize=4096)
    def text_of(article_id: str) -> str | None:
        article = store.articles_by_id([article_id]).get(article_id)
        return article.text if article else None

    return text_of


__all__ = ["FUSER", "FuseSummary", "fuse_store"]
