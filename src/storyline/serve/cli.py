"""The ``storyline`` command: thin wrappers that validate, call one library function, and print.

Exit status: 0 on success, 1 when any input failed (the others are still
stored), 2 for a usage error, 3 when the database cannot be used.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline.errors import StorylineError
from storyline.ingest import IngestOptions, ingest_into
from storyline.ingest.decoding import FORMATS
from storyline.records import Notice
from storyline.serve.export import EXPORT_FORMATS, export_articles, export_mentions
from storyline.store import ENV_VAR, open_store

app = typer.Typer(
    name="storyline",
    help="Turn news reports into one evidence-traced record per real-world incident.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
export_app = typer.Typer(help="Write stored records to a file (JSON Lines, CSV, Parquet).", no_args_is_help=True)
app.add_typer(export_app, name="export")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True, highlight=False)

DbOption = Annotated[
    Optional[str],
    typer.Option("--db", envvar=ENV_VAR, show_envvar=True,
                 help="Database URL: sqlite:///FILE (default sqlite:///storyline.db) or postgresql+psycopg://USER@HOST/DB; a bare path is an SQLite file."),
]
# The options every export shares (``export events`` offers more formats and says so in its own help).
ExportFormatOption = Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")]
OutputOption = Annotated[Optional[str], typer.Option("--output", "-o", help="File to write (default: standard output).")]
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.I)


def main() -> None:
    """Entry point of the ``storyline`` script."""
    app()


def _fail(error: StorylineError, status: int) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", markup=True, highlight=False)
    return typer.Exit(status)


def _open(db: str | None):
    try:
        return open_store(db)
    except StorylineError as exc:
        raise _fail(exc, 3) from None


def parse_size(value: str) -> int:
    """``20MB``, ``512k``, ``1.5G`` or a byte count to bytes (K/M/G are powers of 1024)."""
    match = _SIZE.match(value)
    if not match:
        raise typer.BadParameter(f"{value!r} is not a size; write e.g. 20MB, 512KB or 1048576")
    number, unit = float(match.group(1)), (match.group(2) or "b").lower()[:1]
    size = int(number * {"b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit])
    if size <= 0:
        raise typer.BadParameter("the size limit must be positive")
    return size


def _fields(values: list[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        ours, sep, theirs = value.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise typer.BadParameter(f"{value!r}: write OURS=THEIRS, e.g. --field text=body", param_hint="--field")
        mapping[ours.strip()] = theirs.strip()
    return mapping


def _ingest_options(format: str, field: list[str], max_size: str, follow_links: bool, **more) -> IngestOptions:
    """Validated ingest options for ``ingest`` and ``run``; a bad value is a usage error naming the option."""
    if format != "auto" and format not in FORMATS:
        raise typer.BadParameter(f"{format!r}; choose auto or one of: {', '.join(FORMATS)}", param_hint="--format")
    try:
        return IngestOptions(format=format, fields=_fields(field), max_bytes=parse_size(max_size),
                             follow_links=follow_links, **more)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _print_notice(notice: Notice) -> None:
    """One line per notice on standard error: level, input, message and code."""
    colour = {"error": "red", "warning": "yellow", "skipped": "cyan"}[notice.level]
    err.print(f"[{colour}]{notice.level}:[/{colour}] {notice.source}: {notice.message} [{notice.code}]",
              markup=True, highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, - for standard input, or http(s) URLs of pages and feeds.", show_default=False)],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help=f"Input format: auto or one of {', '.join(FORMATS)}.")] = "auto",
    field: Annotated[list[str], typer.Option("--field", help="Map a field of JSON Lines/CSV input: --field text=body (fields: text, id, url, title, outlet, byline, published).")] = [],  # noqa: B006
    max_size: Annotated[str, typer.Option("--max-size", help="Largest document read (a text, page or feed; each record of JSON Lines, CSV and WARC).")] = "20MB",
    encoding: Annotated[Optional[str], typer.Option("--encoding", help="Read text in this encoding instead of detecting it (e.g. latin-1).")] = None,
    follow_links: Annotated[bool, typer.Option("--follow-links/--no-follow-links", help="Fetch the linked page of feed entries that carry only a summary.")] = True,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for a URL.")] = 20.0,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when standard error is a terminal).")] = None,
) -> None:
    """Read news reports and store each once.

    Identity is a hash of the normalised text: re-ingesting a report is a no-op,
    and a URL or file whose text changed is stored as a new version linked to the
    old one. Each bad input gets one error line naming it; the others go on; the
    exit status is 1 when any input failed.

    Example: storyline ingest reports/ feed.xml https://example.org/story.html --db sqlite:///news.db
    """
    options = _ingest_options(format, field, max_size, follow_links, encoding=encoding, timeout=timeout)
    store = _open(db)
    show_bar = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("{task.description}"), console=err, transient=True, disable=not show_bar)
    task = bar.add_task("", total=None)

    try:
        with bar:
            summary = ingest_into(
                store, paths, options, on_notice=_print_notice,
                on_start=lambda total: bar.update(task, total=total),
                on_input=lambda name: bar.update(task, advance=1, description=_short(name)),
            )
    except StorylineError as exc:
        raise _fail(exc, 3) from None
    finally:
        store.close()
    parts = [f"{summary.new} new", f"{summary.versions} new versions", f"{summary.present} already stored"]
    line = f"Read {summary.reports} reports from {summary.inputs} inputs: " + ", ".join(parts)
    tail = [f"{summary.errors} failed"] + ([f"{summary.skipped} skipped"] if summary.skipped else []) + (
        [f"{summary.warnings} warnings"] if summary.warnings else [])
    out.print(line + "; " + ", ".join(tail) + ".", highlight=False)
    if summary.failed:
        raise typer.Exit(1)


def _short(name: str, width: int = 60) -> str:
    return name if len(name) <= width else "…" + name[-(width - 1):]


@app.command("articles")
def list_articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line instead of a table.")] = False,
) -> None:
    """List stored articles in ingestion order.

    Example: storyline articles --limit 20 --db sqlite:///news.db
    """
    store = _open(db)
    try:
        rows = list(store.articles(limit=limit, offset=offset))
        total = store.count()
    finally:
        store.close()
    if as_json:
        for article in rows:
            out.print(json.dumps({
                "id": article.id, "published": article.published.isoformat() if article.published else None,
                "outlet": article.outlet, "title": article.title, "source": article.source,
                "version": article.version, "words": len(article.text.split()),
            }, ensure_ascii=False), soft_wrap=True, highlight=False, markup=False)
        return
    table = Table(title=f"Articles {offset + 1 if rows else 0}–{offset + len(rows)} of {total}", title_justify="left")
    for column, style in (("id", "cyan"), ("published", ""), ("outlet", ""), ("title or opening", ""), ("words", ""), ("v", "")):
        table.add_column(column, style=style or None, no_wrap=column in ("id", "published"),
                         justify="right" if column in ("words", "v") else "left",
                         max_width=48 if column == "title or opening" else None)
    for article in rows:
        heading = article.title or " ".join(article.text.split()[:12]) + "…"
        table.add_row(article.id, article.published.isoformat() if article.published else "—",
                      article.outlet or "—", heading, str(len(article.text.split())), str(article.version))
    out.print(table)


@app.command("mentions")
def list_mentions(
    db: DbOption = None,
    mention_type: Annotated[Optional[str], typer.Option("--type", help="Only event or only statement mentions.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")] = 100,
) -> None:
    """List extracted mentions: for events the type, place, date and figures; for statements who said what.

    Example: storyline mentions --type event --limit 20
    """
    if mention_type not in (None, "event", "statement"):
        raise typer.BadParameter(f"{mention_type!r}; choose event or statement", param_hint="--type")
    from itertools import islice

    from storyline.records import EventMention

    store = _open(db)
    try:
        rows = list(islice(store.mentions(mention_type=mention_type), limit))
    finally:
        store.close()
    table = Table(title=f"{len(rows)} mentions", title_justify="left")
    for column in ("article", "kind", "what", "where", "when", "killed", "injured / who"):
        table.add_column(column, overflow="fold")
    for mention in rows:
        if isinstance(mention, EventMention):
            killed = mention.fatalities.best if mention.fatalities and mention.fatalities.best is not None else (
                mention.fatalities.text if mention.fatalities else "")
            injured = mention.injuries.best if mention.injuries and mention.injuries.best is not None else ""
            where = ", ".join(p for p in (mention.place.location, mention.place.admin1, mention.place.country) if p)
            table.add_row(mention.article_id, "event", mention.sub_event_type, where or "—",
                          mention.time.start.isoformat() if mention.time.start else f"({mention.time.text or 'unknown'})",
                          str(killed), str(injured))
        else:
            table.add_row(mention.article_id, mention.statement_type.lower(), mention.content[:80],
                          mention.speaker_org or "", mention.time.start.isoformat() if mention.time.start else "",
                          "", mention.speaker or mention.speaker_org or "")
    out.print(table)


@app.command("events")
def list_events(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")] = 100,
) -> None:
    """List fused events: type, place, dates, killed and injured (low-best-high), reports and independent sources.

    Example: storyline events --db sqlite:///news.db
    """
    store = _open(db)
    try:
        found = store.events()[:limit]
    finally:
        store.close()
    table = Table(title=f"{len(found)} events", title_justify="left")
    for column in ("id", "type", "where", "when", "killed", "injured", "reports (independent)", "disagree"):
        table.add_column(column, overflow="fold")
    for event in found:
        where = ", ".join(p for p in (event.place.location, event.place.admin1, event.place.country) if p) or "—"
        when = (f"{event.time.start}" + (f" – {event.time.end}" if event.time.end != event.time.start else "")
                if event.time.start else f"({event.time.text or 'unknown'})")
        kind = event.sub_event_type + (f" ×{event.incident_count}" if event.is_aggregate and event.incident_count else "")
        table.add_row(event.id[:8], kind, where, when, _range(event.fatalities), _range(event.injuries),
                      f"{len(event.reports)} ({event.independent_sources})",
                      ", ".join(d.field for d in event.disagreements) or "")
    out.print(table)


def _range(figure) -> str:
    if figure is None:
        return ""
    if figure.low is not None and figure.low == figure.high:
        return str(figure.low)
    low, high = ("?" if v is None else str(v) for v in (figure.low, figure.high))
    return f"{low}–{high}" + (f" (best {figure.best})" if figure.best is not None else "")


@app.command("stories")
def list_stories(db: DbOption = None) -> None:
    """List stories with their reports in time order and who rewrote whom (the derivation edges).

    Example: storyline stories --db sqlite:///news.db
    """
    store = _open(db)
    try:
        found = list(store.stories())
        by_id = store.articles_by_id(sorted({a for story in found for a in story.articles}))
        links = [link for link in store.links() if link.relation != "unrelated"]
    finally:
        store.close()
    table = Table(title=f"{len(found)} stories", title_justify="left")
    for column in ("story", "reports (independent)", "reports in time order", "derivations"):
        table.add_column(column, overflow="fold")
    for story in found:
        members = sorted(story.articles, key=lambda a: (by_id[a].published is None, by_id[a].published or 0, a))
        names = {a: (by_id[a].outlet or by_id[a].title or a)[:30] for a in members}
        listed = "\n".join(f"{by_id[a].published or '(undated)'} {names[a]}" for a in members)
        inside = set(members)
        edges = "\n".join(f"{names[l.source_id]} → {names[l.derived_id]} ({l.relation} {l.confidence:.2f})"
                          for l in links if l.source_id in inside and l.derived_id in inside)
        table.add_row(story.title[:60], f"{len(members)} ({story.independent_sources})", listed, edges)
    out.print(table)


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as one JSON object.")] = False,
) -> None:
    """Print counts of what is stored.

    Example: storyline stats --db sqlite:///news.db
    """
    store = _open(db)
    try:
        figures = store.stats()
    finally:
        store.close()
    if as_json:
        data = {
            "articles": figures.articles, "latest_versions": figures.latest_versions, "dated": figures.dated,
            "undated": figures.undated, "sightings": figures.sightings, "by_format": figures.by_format,
            "by_outlet": figures.by_outlet,
            "first_published": figures.first_published.isoformat() if figures.first_published else None,
            "last_published": figures.last_published.isoformat() if figures.last_published else None,
            "analysed": figures.analysed, "event_mentions": figures.event_mentions,
            "statement_mentions": figures.statement_mentions, "links": figures.links, "stories": figures.stories,
            "multi_report_stories": figures.multi_report_stories, "events": figures.events,
            "statements": figures.statements,
        }
        out.print(json.dumps(data, ensure_ascii=False), soft_wrap=True, highlight=False, markup=False)
        return
    table = Table(title="Storyline store", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles (all versions)", str(figures.articles))
    table.add_row("latest versions", str(figures.latest_versions))
    table.add_row("with a publication date", str(figures.dated))
    table.add_row("without one", str(figures.undated))
    if figures.first_published:
        table.add_row("published between", f"{figures.first_published} and {figures.last_published}")
    table.add_row("places seen (sightings)", str(figures.sightings))
    table.add_row("analysed", str(figures.analysed))
    table.add_row("event mentions", str(figures.event_mentions))
    table.add_row("statement mentions", str(figures.statement_mentions))
    for relation, count in sorted(figures.links.items()):
        table.add_row(f"links: {relation}", str(count))
    table.add_row("stories (with more than one report)", f"{figures.stories} ({figures.multi_report_stories})")
    table.add_row("events (fused)", str(figures.events))
    table.add_row("statements (fused)", str(figures.statements))
    for fmt, count in figures.by_format.items():
        table.add_row(f"format {fmt}", str(count))
    for outlet, count in list(figures.by_outlet.items())[:10]:
        table.add_row(f"outlet {outlet}", str(count))
    out.print(table)


@export_app.command("articles")
def export_articles_command(
    db: DbOption = None,
    format: ExportFormatOption = "jsonl",
    output: OutputOption = None,
    latest_only: Annotated[bool, typer.Option("--latest-only", help="Leave out versions that a later version replaced.")] = False,
) -> None:
    """Export stored articles: id, external_id, source, url, outlet, title, byline, published, text, sightings, …

    Example: storyline export articles --format parquet -o articles.parquet
    """
    _export(db, format, output, "articles",
            lambda store: export_articles(store.articles(latest_only=latest_only), format, output, store.inferred_dates(),
                                          store.sightings))


@app.command()
def analyze(
    db: DbOption = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Analyse at most this many articles.")] = None,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when standard error is a terminal).")] = None,
) -> None:
    """Extract event and statement mentions, with evidence spans, from stored articles not yet analysed.

    Articles analysed by an older version of the extractors are analysed again;
    each article's mentions are replaced in one transaction.

    Example: storyline analyze --db sqlite:///news.db
    """
    from storyline.analyse import analyse_pending
    from storyline.analyse.extract import ANALYSER

    store = _open(db)
    show_bar = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("[bold]analyse"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True, disable=not show_bar)
    try:
        pending = store.count_to_analyse(ANALYSER) if show_bar else None
        task = bar.add_task("", total=min(pending, limit) if pending is not None and limit else pending)
        with bar:
            summary = analyse_pending(
                store, limit=limit, on_article=lambda _: bar.update(task, advance=1),
                on_notice=lambda n: err.print(f"[red]error:[/red] {n.source}: {n.message} [{n.code}]", markup=True, highlight=False),
            )
    finally:
        store.close()
    out.print(f"Analysed {summary.articles} articles ({summary.words} words): {summary.events} event mentions, "
              f"{summary.statements} statement mentions; {len(summary.notices)} failed.", highlight=False)
    if summary.notices:
        raise typer.Exit(1)


@app.command()
def link(
    db: DbOption = None,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: when standard error is a terminal).")] = None,
) -> None:
    """Find rewrites, copies and independent reports of the same story among stored articles.

    Incremental: only articles not linked before are fingerprinted and compared
    (with each other and with everything stored); stories, independent-source
    counts and inferred publication dates are then rebuilt from all links.

    Example: storyline link --db sqlite:///news.db
    """
    from storyline.link.linker import link_pending

    store = _open(db)
    show_bar = err.is_terminal if progress is None else progress
    bar = Progress(TextColumn("[bold]link"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True, disable=not show_bar)
    task = bar.add_task("", total=None)
    try:
        with bar:
            summary = link_pending(store, on_article=lambda _: bar.update(task, advance=1))
    finally:
        store.close()
    kinds = ", ".join(f"{count} {relation}" for relation, count in sorted(summary.links.items())) or "no links"
    out.print(f"Linked {summary.articles} new articles: {summary.candidates} candidate pairs, {summary.compared} compared, "
              f"{kinds}; {summary.stories} stories; {summary.inferred_dates} inferred dates.", highlight=False)


@app.command()
def fuse(db: DbOption = None) -> None:
    """Fuse the mentions of all reports into one event per incident and one record per statement.

    Mentions of one incident across reports become one event with, for every field,
    the values the reports give, the mentions behind each and how many independent
    sources (rewrites of one report count once); disagreements are listed. Runs
    after analyze and link; `storyline run` does all of it.

    Example: storyline fuse --db sqlite:///news.db
    """
    from storyline.fuse import fuse_store

    store = _open(db)
    try:
        summary = fuse_store(store)
    finally:
        store.close()
    out.print(f"Fused {summary.mentions} mentions into {summary.events} events ({summary.multi_report_events} told by "
              f"more than one report, {summary.disagreements} disagreements) and {summary.statements} statements.",
              highlight=False)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (recursive), globs, - for standard input, or http(s) URLs of pages and feeds.", show_default=False)],
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help=f"Input format: auto or one of {', '.join(FORMATS)}.")] = "auto",
    field: Annotated[list[str], typer.Option("--field", help="Map a field of JSON Lines/CSV input: --field text=body.")] = [],  # noqa: B006
    max_size: Annotated[str, typer.Option("--max-size", help="Largest document read.")] = "20MB",
    follow_links: Annotated[bool, typer.Option("--follow-links/--no-follow-links", help="Fetch the linked page of feed entries that carry only a summary.")] = True,
) -> None:
    """Ingest reports, then analyse, link and fuse whatever is new: the whole job in one command.

    Incremental: running it again with one more report analyses and links only that
    report and updates the events it touches (their reports, independent sources and
    figures), without duplicating any. Bad inputs are reported and the rest goes on.

    Example: storyline run reports/ --db sqlite:///news.db
    """
    from storyline.pipeline import run as run_pipeline

    options = _ingest_options(format, field, max_size, follow_links)
    store = _open(db)
    failed = []

    def on_notice(notice: Notice) -> None:
        failed.append(notice.level == "error")
        _print_notice(notice)

    try:
        summary = run_pipeline(store, paths, options, on_notice=on_notice,
                               on_stage=lambda stage: err.print(f"{stage}…", highlight=False) if err.is_terminal else None)
    except StorylineError as exc:
        raise _fail(exc, 3) from None
    finally:
        store.close()
    ingested, update = summary.ingested, summary.update
    out.print(f"Ingested {ingested.new} new reports ({ingested.present} already stored, {ingested.errors} failed); "
              f"analysed {update.analysed.articles}; linked {update.linked.articles} "
              f"({sum(update.linked.links.values())} links, {update.linked.stories} stories); "
              f"{update.fused.events} events, {update.fused.statements} statements.", highlight=False)
    if any(failed):
        raise typer.Exit(1)


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix), as `export events` writes it.")],
    db: DbOption = None,
) -> None:
    """Show one event: its fused fields, who says what, disagreements, and the evidence sentences.

    Example: storyline show e947cc15 --db sqlite:///news.db
    """
    from storyline.serve.views import event_view

    store = _open(db)
    try:
        matches = [e for e in store.events() if e.id.startswith(event_id)]
        if len(matches) != 1:
            problem = "no event has" if not matches else f"{len(matches)} events have"
            raise _fail(StorylineError(f"{event_id}: {problem} this id", "E303"), 1)
        event = matches[0]
        articles = store.articles_by_id(list(event.reports))
        for part in event_view(event, articles):
            out.print(part)
    finally:
        store.close()


@export_app.command("events")
def export_events_command(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, acled (ACLED's columns), geojson or parquet.")] = "jsonl",
    output: OutputOption = None,
) -> None:
    """Export fused events: fields, low/best/high figures, reports, independent sources, disagreements, evidence.

    Example: storyline export events --format geojson -o events.geojson
    """
    from storyline.serve.export import EVENT_FORMATS, export_events

    def write(store):
        events = store.events()
        articles = store.articles_by_id(sorted({r for e in events for r in e.reports}))
        inferred = store.inferred_dates()
        outlets = {a.id: a.outlet for a in articles.values() if a.outlet}
        published = {a.id: a.published or (inferred[a.id][0] if a.id in inferred else None) for a in articles.values()}
        return export_events(events, format, output, outlets, published)

    _export(db, format, output, "events", write, EVENT_FORMATS)


@export_app.command("statements")
def export_statements_command(
    db: DbOption = None,
    format: ExportFormatOption = "jsonl",
    output: OutputOption = None,
) -> None:
    """Export fused statements: speaker, role, organisation, type, target, content, quote, reports, evidence.

    Example: storyline export statements --format jsonl
    """
    from storyline.serve.export import export_statements

    _export(db, format, output, "statements", lambda store: export_statements(store.fused_statements(), format, output))


@export_app.command("derivations")
def export_derivations_command(
    db: DbOption = None,
    format: ExportFormatOption = "jsonl",
    output: OutputOption = None,
) -> None:
    """Export the links between reports: relation, direction, confidence, aligned passages, substitutions.

    Example: storyline export derivations --format jsonl -o derivations.jsonl
    """
    from storyline.serve.export import export_links

    _export(db, format, output, "links", lambda store: export_links(store.links(), format, output))


@export_app.command("stories")
def export_stories_command(
    db: DbOption = None,
    format: ExportFormatOption = "jsonl",
    output: OutputOption = None,
) -> None:
    """Export stories: id, title, articles, independent_sources, first_published, last_published.

    Example: storyline export stories --format jsonl
    """
    from storyline.serve.export import export_stories

    _export(db, format, output, "stories", lambda store: export_stories(store.stories(), format, output))


def _export(db: str | None, format: str, output: str | None, noun: str, write, formats=EXPORT_FORMATS) -> None:
    """Validate the format, open the store, run ``write(store)`` (which returns a count) and report it."""
    _check_format(format, output, formats)
    store = _open(db)
    try:
        count = write(store)
    except OSError as exc:
        raise _fail(StorylineError(f"{output}: cannot write: {exc.strerror or exc}", "E301"), 1) from None
    finally:
        store.close()
    if output:
        err.print(f"Wrote {count} {noun} to {output}.", highlight=False)


def _check_format(format: str, output: str | None, formats=EXPORT_FORMATS) -> None:
    if format not in formats:
        raise typer.BadParameter(f"{format!r}; choose one of: {', '.join(formats)}", param_hint="--format")
    if format == "parquet" and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: write it to a file with -o FILE", param_hint="--output")


@app.command()
def compare(
    a: Annotated[str, typer.Argument(help="Article id (or a unique prefix) of the first report.")],
    b: Annotated[str, typer.Argument(help="Article id (or a unique prefix) of the second report.")],
    db: DbOption = None,
) -> None:
    """Show two reports side by side: aligned sentences (verbatim, rewritten, new) and term substitutions.

    Inside each sentence the words copied from the other report are bold green; a substituted term is
    red on the source side and underlined green on the derived side.

    Example: storyline compare 09523f0a cb46322b
    """
    from storyline.link.align import align_pair, split_passages

    store = _open(db)
    try:
        first, second = _by_prefix(store, a), _by_prefix(store, b)
        stored = next((l for l in store.links(article_id=first.id) if second.id in (l.source_id, l.derived_id)), None)
    finally:
        store.close()
    if stored is not None and stored.source_id == second.id:
        first, second = second, first
    if stored and stored.alignments:
        alignments, substitutions = stored.alignments, stored.substitutions
    else:
        alignments, substitutions = align_pair(first.text, second.text)
    sentences, passages = split_passages(alignments)
    relation = f"{stored.relation} (confidence {stored.confidence:.2f}): " + "; ".join(stored.evidence) if stored else "no stored link"
    out.print(f"[bold]{first.id}[/bold] {first.outlet or ''} {first.published or 'undated'}  ⟷  "
              f"[bold]{second.id}[/bold] {second.outlet or ''} {second.published or 'undated'}\n{relation}", highlight=False)
    copied_a = [(p.a_start, p.a_end) for p in passages if p.a_start is not None]
    copied_b = [(p.b_start, p.b_end) for p in passages]
    terms_a = [(s.source_start, s.source_end) for s in substitutions]
    terms_b = [(s.derived_start, s.derived_end) for s in substitutions]
    table = Table(show_lines=True, expand=True)
    table.add_column(f"{first.id} (source side)", ratio=1)
    table.add_column(f"{second.id}", ratio=1)
    table.add_column("kind", no_wrap=True)
    for alignment in sorted(sentences, key=lambda x: (x.b_start if x.b_start is not None else 10**9, x.a_start or 0)):
        left = _compared_text(first.text, alignment.kind, alignment.a_start, alignment.a_end, copied_a, terms_a,
                              _SOURCE_TERM)
        right = _compared_text(second.text, alignment.kind, alignment.b_start, alignment.b_end, copied_b, terms_b,
                               _DERIVED_TERM)
        table.add_row(left, right, f"{alignment.kind} {alignment.score:.2f}")
    out.print(table)
    for substitution in substitutions:
        out.print(f"substitution: [red]{substitution.source}[/red] → [green]{substitution.derived}[/green]", highlight=False)


_KIND_STYLE = {"verbatim": "bold green", "rewrite": "yellow", "new": "dim"}
_COPIED = "bold green"
_SOURCE_TERM, _DERIVED_TERM = "bold red", "bold green underline"


def _compared_text(text: str, kind: str, start: int | None, end: int | None, copied, terms, term_style: str):
    """One side of a compare row: the sentence in its kind's style, copied runs and substituted terms marked."""
    from rich.text import Text

    if start is None:
        return Text("")
    shown = Text(text[start:end], style=_KIND_STYLE.get(kind, ""))
    for spans, style in ((copied, _COPIED), (terms, term_style)):
        for span_start, span_end in spans:
            if span_start < end and span_end > start:
                shown.stylize(style, max(span_start, start) - start, min(span_end, end) - start)
    return shown


def _by_prefix(store, prefix: str):
    article = store.article(prefix)
    if article is not None:
        return article
    matches = [x for x in store.articles() if x.id.startswith(prefix) or x.external_id == prefix]
    if len(matches) != 1:
        raise _fail(StorylineError(f"{prefix}: {'no' if not matches else 'more than one'} article with this id, prefix or external id", "E302"), 2)
    return matches[0]


@export_app.command("mentions")
def export_mentions_command(
    db: DbOption = None,
    format: ExportFormatOption = "jsonl",
    output: OutputOption = None,
    mention_type: Annotated[Optional[str], typer.Option("--type", help="Only event or only statement mentions.")] = None,
) -> None:
    """Export extracted mentions: type, actors, place, dates, figures or speaker, and evidence spans.

    Example: storyline export mentions --format jsonl --type event -o events.jsonl
    """
    if mention_type not in (None, "event", "statement"):
        raise typer.BadParameter(f"{mention_type!r}; choose event or statement", param_hint="--type")
    _export(db, format, output, "mentions",
            lambda store: export_mentions(store.mentions(mention_type=mention_type), format, output))


@app.command()
def evaluate(
    suite: Annotated[str, typer.Argument(help="seeds, reports, case2021, acled, wikievents, meter or mrpc.")],
    data: Annotated[Optional[str], typer.Option("--data", help="Gold data to score against (default: the suite's path in quality/floors.json).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as one JSON object.")] = False,
    check_floors: Annotated[bool, typer.Option("--check-floors", help="Exit 1 when a metric is below its committed floor.")] = False,
) -> None:
    """Score extraction against gold data and print a metrics table.

    Example: storyline evaluate case2021 --data ../shared/data/case2021/task2_dev_half.tsv
    """
    from pathlib import Path

    from storyline.evaluation.suites import SUITES, below_floors, load_floors, run_suite

    if suite not in SUITES:
        raise typer.BadParameter(f"{suite!r}; choose one of: {', '.join(SUITES)}", param_hint="SUITE")
    floors_file = Path(__file__).resolve().parents[3] / "quality" / "floors.json"
    floors = load_floors(floors_file).get(suite, {}) if floors_file.exists() else {}
    if data is None:
        if "data" not in floors:
            raise typer.BadParameter("give the gold data with --data PATH", param_hint="--data")
        data = str((floors_file.parent.parent / floors["data"]).resolve())
    if not Path(data).exists():
        raise typer.BadParameter(f"{data}: no such file", param_hint="--data")
    metrics = run_suite(suite, data)
    failures = below_floors(metrics, floors.get("floors", {})) if check_floors else []
    if as_json:
        out.print(json.dumps({"suite": suite, "data": data, **metrics}), soft_wrap=True, highlight=False, markup=False)
    else:
        table = Table(title=f"{suite} on {data}", title_justify="left")
        table.add_column("metric")
        table.add_column("value", justify="right")
        table.add_column("floor", justify="right")
        for name, value in metrics.items():
            floor = floors.get("floors", {}).get(name)
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            table.add_row(name, shown, "" if floor is None else f"{floor:.3f}")
        out.print(table)
    for failure in failures:
        err.print(f"[red]below floor:[/red] {failure}", markup=True, highlight=False)
    if failures:
        raise typer.Exit(1)


@app.command()
def migrate(db: DbOption = None) -> None:
    """Create the database or bring its schema up to date, and print the revision.

    Every command does this on opening the database; this command only reports it.

    Example: storyline migrate --db postgresql+psycopg://storyline@localhost/news
    """
    store = _open(db)
    from storyline.store.migrate import current_revision

    try:
        out.print(f"{store.engine.url.render_as_string(hide_password=True)}: schema at revision {current_revision(store.engine)}", highlight=False)
    finally:
        store.close()


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    closed_reads: Annotated[bool, typer.Option("--closed-reads", envvar="STORYLINE_API_CLOSED_READS", help="Read endpoints need the API key too.")] = False,
    max_body: Annotated[str, typer.Option("--max-body", help="Largest request body accepted (e.g. 5MB).")] = "5MB",
) -> None:
    """Serve the REST API (/api, OpenAPI at /openapi.json, docs at /docs) and the web page (/).

    Writes (POST /api/articles) need STORYLINE_API_KEY, sent as a bearer token.

    Example: STORYLINE_API_KEY=secret storyline serve --db sqlite:///news.db --port 8000
    """
    import uvicorn

    from storyline.serve.api import ApiSettings, create_app

    settings = ApiSettings.from_environment(db, closed_reads=closed_reads or None, max_body_bytes=parse_size(max_body))
    if settings.closed_reads and not settings.api_key:
        raise typer.BadParameter("closed reads need an API key: set STORYLINE_API_KEY", param_hint="--closed-reads")
    try:
        application = create_app(settings)
    except StorylineError as exc:
        raise _fail(exc, 3) from None
    err.print(f"Serving {application.state.store.engine.url.render_as_string(hide_password=True)} on "
              f"http://{host}:{port}/ (API docs at /docs; writes {'need' if settings.api_key else 'are off without'} "
              f"STORYLINE_API_KEY)", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")
