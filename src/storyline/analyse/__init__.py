"""Analyse: one article at a time, NLP and extraction of event mentions and statements.

``analyse_article`` (in :mod:`storyline.analyse.extract`) is pure: an article in,
mentions with evidence spans out. ``analyse_pending`` runs it over the stored
articles that the current analyser version has not seen yet.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from storyline.records import Article, Mention, Notice


class AnalysisStore(Protocol):
    def articles_to_analyse(self, analyser: str, *, limit: int | None = None): ...

    def save_analysis(self, article_id: str, analyser: str, found: list[Mention]) -> None: ...

    def inferred_dates(self) -> dict: ...


@dataclass
class AnalyseSummary:
    articles: int = 0
    events: int = 0
    statements: int = 0
    words: int = 0
    notices: list[Notice] = field(default_factory=list)


def analyse_pending(store: AnalysisStore, *, limit: int | None = None,
                    on_article: Callable[[Article], None] | None = None,
                    on_notice: Callable[[Notice], None] | None = None) -> AnalyseSummary:
    """Analyse every stored article not yet analysed by this analyser version; save each in its own transaction."""
    from storyline.analyse.extract import ANALYSER, analyse_article

    summary = AnalyseSummary()
    inferred = store.inferred_dates()
    for article in store.articles_to_analyse(ANALYSER, limit=limit):
        try:
            # an undated report that the linker dated from its linked reports resolves "last week" against that date
            found = analyse_article(article, published=inferred[article.id][0] if article.id in inferred else None)
        except Exception as exc:  # one bad article must not stop the others; the error is reported
            notice = Notice("error", f"article {article.id}", f"analysis failed: {type(exc).__name__}: {exc}", "E401")
            summary.notices.append(notice)
            if on_notice:
                on_notice(notice)
            continue
        store.save_analysis(article.id, ANALYSER, found)
        summary.articles += 1
        summary.words += len(article.text.split())
        summary.events += sum(1 for m in found if m.__class__.__name__ == "EventMention")
        summary.statements += sum(1 for m in found if m.__class__.__name__ == "StatementMention")
        if on_article:
            on_article(article)
    return summary


__all__ = ["AnalyseSummary", "analyse_pending"]
