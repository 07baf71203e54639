"""The article store: the only code that reads and writes the database.

One class serves SQLite and PostgreSQL. Writes go in batches, one transaction
per batch, so readers never see half an article and a killed run loses at most
the batch in flight, which the next run adds again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence

from sqlalchemy import Engine, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from storyline.records import Article, Mention, Report, StoreStats, Stored, mention_from_dict, mention_to_dict
from storyline.store.fusion import FusionStore
from storyline.store.linking import LinkingStore
from storyline.store.queries import QueryStore
from storyline.store.schema import (
    analyses,
    article_sightings,
    articles,
    events,
    links,
    mentions,
    statements,
    story_articles,
)

_ARTICLE_COLUMNS = (
    "id", "text", "source", "format", "title", "byline", "outlet", "url", "published",
    "external_id", "encoding", "version", "previous_version_id", "ingested_at", "published_at",
)
_IN_CHUNK = 500  # bound on parameters in one IN (...) list


class Store(LinkingStore, FusionStore, QueryStore):
    """Articles in a database; open with :func:`storyline.store.open_store`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    # -- writing -----------------------------------------------------------
    def add_reports(self, reports: Sequence[Report]) -> list[Stored]:
        """Store ``reports`` in one transaction; say for each what was done.

        A text already stored is ``present`` (a new place it was seen is still
        recorded); a new text whose URL or file was stored before with other text
        is a ``version`` linked to the latest one; anything else is ``new``.
        """
        if not reports:
            return []
        for attempt in range(3):
            try:
                return self._add_reports(reports)
            except IntegrityError:
                # Another writer stored one of these texts between our read and write.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _add_reports(self, reports: Sequence[Report]) -> list[Stored]:
        now = dt.datetime.now(dt.timezone.utc)
        ids = [report.id for report in reports]
        keys = {report.version_key for report in reports if report.version_key}
        with self.engine.begin() as connection:
            stored = list(_select_in(connection, articles.c.id, ids, articles.c.id, articles.c.version,
                                     articles.c.published, articles.c.published_at))
            existing = {row.id: row.version for row in stored}
            untimed = {row.id: row.published for row in stored if row.published_at is None}
            latest: dict[str, tuple[str, int]] = {}
            rows = _select_in(connection, articles.c.version_key, sorted(keys),
                              articles.c.version_key, articles.c.id, articles.c.version)
            for row in rows:
                if row.version_key not in latest or row.version > latest[row.version_key][1]:
                    latest[row.version_key] = (row.id, row.version)
            new_rows, sighting_rows, results, timed = [], [], [], []
            for report, article_id in zip(reports, ids):
                sighting_rows.append(_sighting_row(report, article_id, now))
                if article_id in existing:
                    results.append(Stored(article_id, "present", existing[article_id]))
                    if report.published_at and article_id in untimed and untimed[article_id] == report.published:
                        # the text stored before times were kept (or from an input without one): the time of that day
                        timed.append({"target": article_id, "published_at": report.published_at})
                        del untimed[article_id]
                    continue
                previous = latest.get(report.version_key) if report.version_key else None
                version = previous[1] + 1 if previous else 1
                new_rows.append(_article_row(report, article_id, version, previous[0] if previous else None, now))
                existing[article_id] = version
                if report.version_key:
                    latest[report.version_key] = (article_id, version)
                results.append(Stored(article_id, "version" if previous else "new", version))
            if new_rows:
                connection.execute(articles.insert(), new_rows)
            if timed:
                connection.execute(articles.update().where(articles.c.id == bindparam("target"))
                                   .values(published_at=bindparam("published_at")), timed)
            connection.execute(self._insert_ignoring_duplicates(article_sightings), _unique(sighting_rows))
        return results

    def _insert_ignoring_duplicates(self, table):
        dialect = sqlite if self.engine.dialect.name == "sqlite" else postgresql
        return dialect.insert(table).on_conflict_do_nothing()

    # -- reading -----------------------------------------------------------
    def articles(self, *, limit: int | None = None, offset: int = 0, latest_only: bool = False) -> Iterator[Article]:
        """Stored articles in ingestion order."""
        query = select(*(articles.c[name] for name in _ARTICLE_COLUMNS)).order_by(articles.c.seq)
        if latest_only:
            newer = articles.alias("newer")
            query = query.where(~select(newer.c.seq).where(newer.c.previous_version_id == articles.c.id).exists())
        if offset:
            query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            result = connection.execution_options(yield_per=1000).execute(query)
            for row in result:
                yield _article(row)

    def articles_by_id(self, ids: Sequence[str]) -> dict[str, Article]:
        """Articles by id (missing ids are left out)."""
        found: dict[str, Article] = {}
        columns = [articles.c[name] for name in _ARTICLE_COLUMNS]
        with self.engine.connect() as connection:
            for start in range(0, len(ids), _IN_CHUNK):
                for row in connection.execute(select(*columns).where(articles.c.id.in_(list(ids[start:start + _IN_CHUNK])))):
                    found[row.id] = _article(row)
        return found

    def sightings(self, ids: Sequence[str] | None = None) -> dict[str, list[dict]]:
        """Every place each article's text was seen, in the order seen, by article id (all articles when
        ``ids`` is None): ``source``, ``url``, ``outlet``, ``external_id``, ``published``, ``title``. A text
        seen at one place has one sighting; a word-for-word copy from another outlet or file adds one."""
        columns = (article_sightings.c.article_id, article_sightings.c.source, article_sightings.c.url,
                   article_sightings.c.outlet, article_sightings.c.external_id, article_sightings.c.published,
                   article_sightings.c.title, article_sightings.c.seq)
        with self.engine.connect() as connection:
            if ids is None:
                rows = list(connection.execute(select(*columns)))
            else:
                rows = list(_select_in(connection, article_sightings.c.article_id, list(ids), *columns))
        found: dict[str, list[dict]] = {}
        for row in sorted(rows, key=lambda r: r.seq):
            found.setdefault(row.article_id, []).append(
                {"source": row.source, "url": row.url, "outlet": row.outlet, "external_id": row.external_id,
                 "published": row.published, "title": row.title})
        return found

    def publication_dates(self, ids: Sequence[str]) -> dict[str, dt.date | None]:
        """The stored publication date of each article (None when undated), without reading the texts."""
        with self.engine.connect() as connection:
            return {row.id: row.published for row in
                    _select_in(connection, articles.c.id, list(ids), articles.c.id, articles.c.published)}

    def article(self, article_id: str) -> Article | None:
        """One article by id, or None."""
        query = select(*(articles.c[name] for name in _ARTICLE_COLUMNS)).where(articles.c.id == article_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return _article(row) if row else None

    # -- analysis ----------------------------------------------------------
    def articles_to_analyse(self, analyser: str, *, limit: int | None = None) -> Iterator[Article]:
        """Articles never analysed, or analysed by another analyser version, in ingestion order."""
        done = select(analyses.c.article_id).where(analyses.c.analyser == analyser)
        query = (select(*(articles.c[name] for name in _ARTICLE_COLUMNS))
                 .where(articles.c.id.not_in(done)).order_by(articles.c.seq))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        for row in rows:
            yield _article(row)

    def count_to_analyse(self, analyser: str) -> int:
        """How many articles :meth:`articles_to_analyse` would yield."""
        done = select(analyses.c.article_id).where(analyses.c.analyser == analyser)
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles).where(articles.c.id.not_in(done))).scalar_one()

    def save_analysis(self, article_id: str, analyser: str, found: Sequence[Mention]) -> None:
        """Replace an article's mentions with ``found`` and mark it analysed, in one transaction."""
        now = dt.datetime.now(dt.timezone.utc)
        with self.engine.begin() as connection:
            connection.execute(mentions.delete().where(mentions.c.article_id == article_id))
            connection.execute(analyses.delete().where(analyses.c.article_id == article_id))
            records = [mention_to_dict(m) for m in found]
            if records:
                connection.execute(mentions.insert(), [
                    {"id": r["id"], "article_id": article_id, "mention_type": r["mention_type"], "data": r} for r in records
                ])
            connection.execute(analyses.insert(), [{"article_id": article_id, "analyser": analyser,
                                                    "analysed_at": now, "mentions": len(found)}])

    def analysed_ids(self, analyser: str) -> set[str]:
        """Ids of the articles analysed by ``analyser``."""
        with self.engine.connect() as connection:
            return {row.article_id for row in connection.execute(select(analyses.c.article_id).where(analyses.c.analyser == analyser))}

    def mentions(self, *, mention_type: str | None = None, article_id: str | None = None) -> Iterator[Mention]:
        """Stored mentions in article ingestion order, then order of extraction."""
        query = (select(mentions.c.data).join(articles, articles.c.id == mentions.c.article_id)
                 .order_by(articles.c.seq, mentions.c.seq))
        if mention_type:
            query = query.where(mentions.c.mention_type == mention_type)
        if article_id:
            query = query.where(mentions.c.article_id == article_id)
        with self.engine.connect() as connection:
            for (data,) in connection.execution_options(yield_per=1000).execute(query):
                yield mention_from_dict(data)

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(articles)).scalar_one()

    def stats(self) -> StoreStats:
        """Counts of articles, versions, dates, formats, outlets and sightings."""
        with self.engine.connect() as connection:
            total, dated, first, last = connection.execute(
                select(func.count(), func.count(articles.c.published), func.min(articles.c.published), func.max(articles.c.published))
            ).one()
            superseded = connection.execute(
                select(func.count(func.distinct(articles.c.previous_version_id))).where(articles.c.previous_version_id.is_not(None))
            ).scalar_one()
            sightings = connection.execute(select(func.count()).select_from(article_sightings)).scalar_one()
            by_format = dict(connection.execute(
                select(articles.c.format, func.count()).group_by(articles.c.format).order_by(func.count().desc(), articles.c.format)
            ).all())
            analysed = connection.execute(select(func.count()).select_from(analyses)).scalar_one()
            kinds = dict(connection.execute(select(mentions.c.mention_type, func.count()).group_by(mentions.c.mention_type)).all())
            link_counts = dict(connection.execute(select(links.c.relation, func.count()).group_by(links.c.relation)).all())
            story_sizes = connection.execute(
                select(story_articles.c.story_id, func.count()).group_by(story_articles.c.story_id)).all()
            fused = connection.execute(select(func.count()).select_from(events)).scalar_one()
            fused_said = connection.execute(select(func.count()).select_from(statements)).scalar_one()
            outlets = connection.execute(
                select(articles.c.outlet, func.count()).group_by(articles.c.outlet).order_by(func.count().desc(), articles.c.outlet)
            ).all()
        by_outlet = {outlet or "(unknown)": count for outlet, count in outlets}
        return StoreStats(
            articles=total, latest_versions=total - superseded, dated=dated, undated=total - dated,
            sightings=sightings, by_format=by_format, by_outlet=by_outlet, first_published=first, last_published=last,
            analysed=analysed, event_mentions=kinds.get("event", 0), statement_mentions=kinds.get("statement", 0),
            links=link_counts, stories=len(story_sizes), multi_report_stories=sum(1 for _, n in story_sizes if n > 1),
            events=fused, statements=fused_said,
        )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _select_in(connection, column, values: list, *columns):
    for start in range(0, len(values), _IN_CHUNK):
        chunk = values[start:start + _IN_CHUNK]
        yield from connection.execute(select(*columns).where(column.in_(chunk)))


def _article_row(report: Report, article_id: str, version: int, previous: str | None, now: dt.datetime) -> dict:
    return {
        "id": article_id, "text": report.text, "title": report.title, "byline": report.byline,
        "outlet": report.outlet, "url": report.url, "published": report.published,
        "external_id": report.external_id, "source": report.source, "format": report.format,
        "encoding": report.encoding, "version": version, "previous_version_id": previous,
        "version_key": report.version_key, "ingested_at": now, "published_at": report.published_at,
    }


def _sighting_row(report: Report, article_id: str, now: dt.datetime) -> dict:
    key = "\x1f".join((report.source, report.url or "", report.external_id or ""))
    return {
        "article_id": article_id, "sighting_key": hashlib.sha256(key.encode("utf-8")).hexdigest(),
        "source": report.source, "url": report.url, "outlet": report.outlet,
        "external_id": report.external_id, "seen_at": now, "published": report.published, "title": report.title,
    }


def _unique(rows: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for row in rows:
        marker = (row["article_id"], row["sighting_key"])
        if marker not in seen:
            seen.add(marker)
            kept.append(row)
    return kept


def _article(row) -> Article:
    values = dict(row._mapping)
    for name in ("ingested_at", "published_at"):
        if values[name] is not None and values[name].tzinfo is None:  # SQLite drops the zone; we store UTC
            values[name] = values[name].replace(tzinfo=dt.timezone.utc)
    return Article(**{name: values[name] for name in _ARTICLE_COLUMNS})


