"""The store's side of linking: LSH buckets, links, stories and inferred dates.

Mixed into :class:`storyline.store.store.Store`; only SQL lives here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import and_, delete, func, select, tuple_

from storyline.records import Link, Story, link_from_dict, link_to_dict, story_from_dict, story_to_dict
from storyline.store.schema import inferred_dates, linked, links, lsh_buckets, mentions, name_keys, stories, story_articles


class LinkingStore:
    """Linking persistence; expects ``self.engine`` (see Store)."""

    def article_ids_to_link(self, linker: str) -> list[str]:
        """Ids of articles the linker (with these index parameters) has not seen, in ingestion order."""
        from storyline.store.schema import articles

        done = select(linked.c.article_id).where(linked.c.linker == linker)
        query = select(articles.c.id).where(articles.c.id.not_in(done)).order_by(articles.c.seq)
        with self.engine.connect() as connection:
            return [row.id for row in connection.execute(query)]

    def save_buckets(self, rows: Sequence[tuple[str, list[int]]]) -> None:
        """Replace the LSH bucket keys of each article (one key per band), in one transaction."""
        with self.engine.begin() as connection:
            ids = [article_id for article_id, _ in rows]
            for start in range(0, len(ids), 500):
                connection.execute(delete(lsh_buckets).where(lsh_buckets.c.article_id.in_(ids[start:start + 500])))
            values = [{"article_id": article_id, "band": band, "bucket": int(key)}
                      for article_id, keys in rows for band, key in enumerate(keys)]
            if values:
                connection.execute(lsh_buckets.insert(), values)

    def bucket_neighbours(self, article_id: str) -> set[str]:
        """Articles sharing at least one LSH bucket with ``article_id``."""
        mine = select(lsh_buckets.c.band, lsh_buckets.c.bucket).where(lsh_buckets.c.article_id == article_id).subquery()
        query = (select(lsh_buckets.c.article_id).distinct()
                 .join(mine, and_(lsh_buckets.c.band == mine.c.band, lsh_buckets.c.bucket == mine.c.bucket))
                 .where(lsh_buckets.c.article_id != article_id))
        with self.engine.connect() as connection:
            return {row.article_id for row in connection.execute(query)}

    def save_name_keys(self, rows: Sequence[tuple[str, list[int]]]) -> None:
        """Replace the hashed proper-name keys of each article, in one transaction."""
        with self.engine.begin() as connection:
            ids = [article_id for article_id, _ in rows]
            for start in range(0, len(ids), 500):
                connection.execute(delete(name_keys).where(name_keys.c.article_id.in_(ids[start:start + 500])))
            values = [{"article_id": article_id, "key": int(key)} for article_id, keys in rows for key in set(keys)]
            if values:
                connection.execute(name_keys.insert(), values)

    def name_neighbours(self, article_id: str, min_shared: int = 2) -> set[str]:
        """Articles sharing at least ``min_shared`` proper-name keys with ``article_id``."""
        mine = select(name_keys.c.key).where(name_keys.c.article_id == article_id).subquery()
        query = (select(name_keys.c.article_id).join(mine, name_keys.c.key == mine.c.key)
                 .where(name_keys.c.article_id != article_id)
                 .group_by(name_keys.c.article_id).having(func.count() >= min_shared))
        with self.engine.connect() as connection:
            return {row.article_id for row in connection.execute(query)}

    def incidents_told(self, article_ids: Iterable[str] | None = None) -> dict[str, set[tuple]]:
        """Per article (every article, or those of ``article_ids``), (event type, country, location, first day, last
        day, offset) of each event mention with a country and a first day: what its analysis says happened where and
        when, and where the report first tells it (the start of its earliest evidence). The linker reads candidates
        from them (``linker._event_keys``), evidence of one story (``relation.incident_signatures``) and the
        incident a report leads with (``relation.lead_incident``); ISO days, location, last day and offset may be
        None (the offset is None for an aggregate of incidents, which a report never leads with)."""
        found: dict[str, set[tuple]] = {}
        query = select(mentions.c.article_id, mentions.c.data).where(mentions.c.mention_type == "event")
        ids = None if article_ids is None else list(article_ids)
        batches = [query] if ids is None else [query.where(mentions.c.article_id.in_(ids[start:start + 500]))
                                               for start in range(0, len(ids), 500)]
        with self.engine.connect() as connection:
            for batch in batches:
                for article_id, data in connection.execution_options(yield_per=2000).execute(batch):
                    if data.get("country_iso") and data.get("date_start"):
                        # an aggregate ("kidnappings have risen since the rains") is no incident a report leads with
                        starts = [] if data.get("is_aggregate") else [span["start"] for span in data.get("evidence", ())]
                        found.setdefault(article_id, set()).add((data["event_type"], data["country_iso"],
                                                                 data.get("location"), data["date_start"],
                                                                 data.get("date_end"), min(starts, default=None)))
        return found

    def mark_linked(self, article_ids: Iterable[str], linker: str) -> None:
        now = dt.datetime.now(dt.timezone.utc)
        ids = list(article_ids)
        with self.engine.begin() as connection:
            for start in range(0, len(ids), 500):
                connection.execute(delete(linked).where(linked.c.article_id.in_(ids[start:start + 500])))
            if ids:
                connection.execute(linked.insert(), [{"article_id": i, "linker": linker, "linked_at": now} for i in ids])

    def linked_pairs(self) -> set[tuple[str, str]]:
        """Every pair that already has a link, as sorted tuples."""
        with self.engine.connect() as connection:
            return {tuple(sorted((r.source_id, r.derived_id))) for r in connection.execute(select(links.c.source_id, links.c.derived_id))}

    def save_links(self, found: Sequence[Link]) -> None:
        """Store links (replacing an earlier link of the same pair, in either direction) in one transaction."""
        if not found:
            return
        with self.engine.begin() as connection:
            for link in found:
                pair = [(link.source_id, link.derived_id), (link.derived_id, link.source_id)]
                connection.execute(delete(links).where(tuple_(links.c.source_id, links.c.derived_id).in_(pair)))
            connection.execute(links.insert(), [
                {"source_id": l.source_id, "derived_id": l.derived_id, "relation": l.relation,
                 "confidence": l.confidence, "data": link_to_dict(l)} for l in found])

    def links(self, *, article_id: str | None = None, relations: Sequence[str] | None = None) -> Iterator[Link]:
        query = select(links.c.data).order_by(links.c.source_id, links.c.derived_id)
        if article_id:
            query = query.where((links.c.source_id == article_id) | (links.c.derived_id == article_id))
        if relations:
            query = query.where(links.c.relation.in_(list(relations)))
        with self.engine.connect() as connection:
            for (data,) in connection.execute(query):
                yield link_from_dict(data)

    def replace_stories(self, found: Sequence[Story]) -> None:
        """Replace all stories in one transaction (they are recomputed from the links)."""
        with self.engine.begin() as connection:
            connection.execute(delete(story_articles))
            connection.execute(delete(stories))
            if found:
                connection.execute(stories.insert(), [{"id": s.id, "data": story_to_dict(s)} for s in found])
                connection.execute(story_articles.insert(), [
                    {"story_id": s.id, "article_id": a} for s in found for a in s.articles])

    def stories(self) -> Iterator[Story]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(stories.c.data).order_by(stories.c.id)).all()
        for (data,) in rows:
            yield story_from_dict(data)

    def save_inferred_dates(self, rows: Sequence[tuple[str, dt.date, str, str]]) -> None:
        """(article id, date, inferred from article id, reason) for undated articles."""
        with self.engine.begin() as connection:
            ids = [r[0] for r in rows]
            if ids:
                connection.execute(delete(inferred_dates).where(inferred_dates.c.article_id.in_(ids)))
                connection.execute(inferred_dates.insert(), [
                    {"article_id": a, "published": d, "inferred_from": f, "reason": why} for a, d, f, why in rows])

    def inferred_dates(self) -> dict[str, tuple[dt.date, str, str]]:
        with self.engine.connect() as connection:
            return {r.article_id: (r.published, r.inferred_from, r.reason) for r in connection.execute(select(inferred_dates))}
