"""Evidence as the API shows it: each span with the sentence of its report that holds it."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable

from storyline.link.align import sentence_spans
from storyline.records import Article, Evidence
from storyline.serve.api.schemas import EvidenceOut, ReportRef, SentenceOut
from storyline.store import Store


def sentence_of(text: str, spans: list[tuple[int, int]], start: int, end: int) -> SentenceOut | None:
    """The sentence (or run of sentences) of ``text`` that holds ``[start, end)``."""
    starts = [s for s, _ in spans]
    first = bisect_right(starts, start) - 1
    if first < 0:
        return None
    last = first
    while last + 1 < len(spans) and spans[last][1] < end:
        last += 1
    left, right = spans[first][0], spans[last][1]
    return SentenceOut(start=left, end=right, text=text[left:right])


def evidence_out(items: Iterable[Evidence], reports: dict[str, Article]) -> list[EvidenceOut]:
    """Evidence spans in report order then text order, each with its sentence."""
    sentences = {article_id: sentence_spans(article.text) for article_id, article in reports.items()}
    order = {article_id: n for n, article_id in enumerate(reports)}
    found = []
    for item in sorted(items, key=lambda e: (order.get(e.article_id, len(order)), e.span.start, e.span.end)):
        article = reports.get(item.article_id)
        sentence = sentence_of(article.text, sentences[item.article_id], item.span.start, item.span.end) if article else None
        found.append(EvidenceOut(article_id=item.article_id, mention_id=item.mention_id, field=item.span.field,
                                 start=item.span.start, end=item.span.end, text=item.span.text, sentence=sentence))
    return found


def report_refs(store: Store, ids: Iterable[str]) -> tuple[list[ReportRef], dict[str, Article]]:
    """References to these reports in publication order (inferred dates count; undated last), and the articles."""
    wanted = list(dict.fromkeys(ids))
    found = store.articles_by_id(wanted)
    inferred = store.inferred_dates()
    refs = [ReportRef.of(found[i], inferred[i][0] if i in inferred else None) for i in wanted if i in found]
    refs.sort(key=lambda r: (_when(r) is None, _when(r) or dt.date.max, r.id))
    ordered = {r.id: found[r.id] for r in refs}
    return refs, ordered


def _when(ref: ReportRef) -> dt.date | None:
    return ref.published or ref.published_inferred
