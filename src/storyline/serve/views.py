"""Terminal views of fused records: what ``storyline show`` prints.

Pure functions from records to rich renderables; the evidence sentences are the
sentences of the stored article texts (``link.align.sentence_spans``) that hold a
span, with the spans highlighted.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from storyline.link.align import sentence_spans
from storyline.records import Article, Event

def _figure(figure) -> str:
    if figure is None:
        return "unknown"
    parts = [f"low {figure.low if figure.low is not None else '?'}", f"best {figure.best if figure.best is not None else '?'}",
             f"high {figure.high if figure.high is not None else '?'}"]
    return ", ".join(parts) + (f"  ({figure.text})" if figure.text else "")


def event_view(event: Event, articles: dict[str, Article]) -> list:
    """A fields table, a table of who says what, the disagreements and the evidence sentences of ``event``."""
    fields = Table(title=f"Event {event.id}", title_justify="left", show_header=False)
    fields.add_column("field", style="bold")
    fields.add_column("value")
    place = ", ".join(p for p in (event.place.location, event.place.admin1, event.place.country) if p) or "unresolved"
    time = (f"{event.time.start} to {event.time.end} ({event.time.precision})" if event.time.start
            else f"unresolved ({event.time.text})" if event.time.text else "unresolved")
    rows = [
        ("type", f"{event.event_type} / {event.sub_event_type}"),
        ("PLOVER / CAMEO", f"{event.plover_type or '-'} / {event.plover_mode or '-'} / {event.cameo_root or '-'}"),
        ("actor 1", _actor(event.actor1)), ("actor 2", _actor(event.actor2)),
        ("place", f"{place} [{event.place.precision}]"), ("date", time),
        ("killed", _figure(event.fatalities)), ("injured", _figure(event.injuries)),
        ("ACLED fatalities", str(event.acled_fatalities)), ("victims", event.victims or "-"),
        ("reports", f"{len(event.reports)} ({event.independent_sources} independent)"),
    ]
    if event.is_aggregate:
        rows.append(("aggregate of", f"{event.incident_count or 'several'} incidents; may include {', '.join(event.includes) or '-'}"))
    for name, value in rows:
        fields.add_row(name, value)
    said = Table(title="Who says what", title_justify="left")
    for column in ("field", "value", "reports", "independent"):
        said.add_column(column)
    for candidate in event.candidates:
        said.add_row(candidate.field, candidate.value, str(len(candidate.reports)), str(candidate.independent_sources))
    parts: list = [fields, said]
    if event.disagreements:
        disputed = Table(title="Disagreements", title_justify="left")
        disputed.add_column("field")
        disputed.add_column("values (independent sources)")
        for disagreement in event.disagreements:
            disputed.add_row(disagreement.field, "; ".join(f"{c.value} ({c.independent_sources})" for c in disagreement.values))
        parts.append(disputed)
    parts.extend(evidence_texts(event, articles))
    return parts


def _actor(actor) -> str:
    if actor is None:
        return "-"
    canonical = f" = {actor.canonical}" if actor.canonical and actor.canonical != actor.text else ""
    return f"{actor.text}{canonical}" + (f" [{actor.category}]" if actor.category else "")


def evidence_texts(event: Event, articles: dict[str, Article]) -> list[Text]:
    """Each evidence sentence once per report, with every span of the event in it highlighted."""
    shown: list[Text] = []
    for article_id in event.reports:
        article = articles.get(article_id)
        if article is None:
            continue
        spans = [e.span for e in event.evidence if e.article_id == article_id]
        sentences = sorted({(left, right) for left, right in sentence_spans(article.text)
                            if any(left <= s.start < right for s in spans)})
        header = Text(f"{article.outlet or article.source} · {article_id}", style="bold underline")
        shown.append(header)
        for left, right in sentences:
            line = Text("  " + article.text[left:right].replace("\n", " "))
            for span in spans:
                if left <= span.start and span.end <= right:
                    line.stylize("bold yellow", span.start - left + 2, span.end - left + 2)
            shown.append(line)
    return shown
