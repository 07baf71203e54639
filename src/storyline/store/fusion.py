"""The store's side of fusion: events and statements, and the mentions each one fused.

Mixed into :class:`storyline.store.store.Store`; only SQL lives here. A fuse run
replaces what it recomputed in one transaction, so readers see the old events or
the new ones, never a mixture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select

from storyline.records import (
    Event,
    FusedStatement,
    event_from_dict,
    event_to_dict,
    statement_from_dict,
    statement_to_dict,
)
from storyline.store.schema import event_mentions, events, statement_mentions, statements

_CHUNK = 500
NO_DATE = dt.date(1, 1, 1)  # the sort date of a record without one: first ascending, last descending


def event_search_text(event: Event) -> str:
    """What the API's full-text ``q`` searches: names, places, types and the evidence words."""
    parts = [event.event_type, event.sub_event_type, event.place.country, event.place.admin1, event.place.location,
             event.victims, *(a.text for a in (event.actor1, event.actor2) if a),
             *(a.canonical for a in (event.actor1, event.actor2) if a and a.canonical),
             *(e.span.text for e in event.evidence)]
    return " ".join(p for p in parts if p).lower()


def statement_search_text(statement: FusedStatement) -> str:
    parts = [statement.speaker, statement.speaker_role, statement.speaker_org, statement.statement_type,
             statement.target, statement.content, statement.quote]
    return " ".join(p for p in parts if p).lower()


def _event_row(event: Event) -> dict:
    figure = event.fatalities
    killed = (figure.best if figure.best is not None else figure.low) if figure else None
    return {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "country_iso": event.place.country_iso, "country": event.place.country,
        "admin1_iso": event.place.admin1_iso, "admin1": event.place.admin1,
        "date_start": event.time.start, "date_end": event.time.end,
        "latitude": event.place.latitude, "longitude": event.place.longitude,
        "fatalities": killed or 0, "independent_sources": event.independent_sources, "reports": len(event.reports),
        "is_aggregate": int(event.is_aggregate), "sort_date": event.time.start or NO_DATE,
        "search_text": event_search_text(event), "data": event_to_dict(event),
    }


def _statement_row(statement: FusedStatement) -> dict:
    return {
        "id": statement.id, "statement_type": statement.statement_type, "speaker": statement.speaker,
        "speaker_org": statement.speaker_org, "date_start": statement.time.start,
        "about_event": statement.about_event, "independent_sources": statement.independent_sources,
        "reports": len(statement.reports), "sort_date": statement.time.start or NO_DATE,
        "search_text": statement_search_text(statement),
        "data": statement_to_dict(statement),
    }


class FusionStore:
    """Fusion persistence; expects ``self.engine`` (see Store)."""

    def replace_fusion(self, fused_events: Sequence[Event], fused_statements: Sequence[FusedStatement]) -> None:
        """Replace every event and fused statement with these, in one transaction."""
        with self.engine.begin() as connection:
            for table in (event_mentions, statement_mentions, events, statements):
                connection.execute(delete(table))
            _insert(connection, events, [_event_row(e) for e in fused_events])
            _insert(connection, event_mentions, [
                {"event_id": e.id, "mention_id": m, "article_id": a}
                for e in fused_events for m, a in _mention_articles(e)])
            _insert(connection, statements, [_statement_row(s) for s in fused_statements])
            _insert(connection, statement_mentions, [
                {"statement_id": s.id, "mention_id": m, "article_id": a}
                for s in fused_statements for m, a in _mention_articles(s)])

    def events(self, ids: Iterable[str] | None = None) -> list[Event]:
        """Events (all, or those with these ids), by date and id."""
        return self._fused(events, event_from_dict, ids)

    def event(self, event_id: str) -> Event | None:
        found = self.events([event_id])
        return found[0] if found else None

    def fused_statements(self, ids: Iterable[str] | None = None) -> list[FusedStatement]:
        """Fused statements (all, or those with these ids), by date and id."""
        return self._fused(statements, statement_from_dict, ids)

    def _fused(self, table, decode, ids: Iterable[str] | None) -> list:
        query = select(table.c.data).order_by(table.c.date_start, table.c.id)
        with self.engine.connect() as connection:
            if ids is None:
                return [decode(row.data) for row in connection.execute(query)]
            wanted = list(ids)
            found = []
            for start in range(0, len(wanted), _CHUNK):
                chunk = query.where(table.c.id.in_(wanted[start:start + _CHUNK]))
                found.extend(decode(row.data) for row in connection.execute(chunk))
            return found

    def events_of_article(self, article_id: str) -> list[str]:
        """Ids of the events an article's mentions were fused into."""
        query = select(event_mentions.c.event_id).distinct().where(event_mentions.c.article_id == article_id)
        with self.engine.connect() as connection:
            return sorted(row.event_id for row in connection.execute(query))

    def fused_ids_by_mention(self) -> tuple[dict[str, str], dict[str, str]]:
        """Which event and which fused statement each mention belongs to, as the last fuse left them."""
        with self.engine.connect() as connection:
            in_events = {row.mention_id: row.event_id for row in
                         connection.execute(select(event_mentions.c.mention_id, event_mentions.c.event_id))}
            in_statements = {row.mention_id: row.statement_id for row in
                             connection.execute(select(statement_mentions.c.mention_id, statement_mentions.c.statement_id))}
        return in_events, in_statements

    def fusion_counts(self) -> tuple[int, int]:
        """How many events and fused statements are stored."""
        with self.engine.connect() as connection:
            return (connection.execute(select(func.count()).select_from(events)).scalar_one(),
                    connection.execute(select(func.count()).select_from(statements)).scalar_one())


def _mention_articles(record: Event | FusedStatement) -> list[tuple[str, str]]:
    """(mention id, article id) pairs; fusion gives every mention at least one evidence span."""
    owner: dict[str, str] = {e.mention_id: e.article_id for e in record.evidence}
    return [(m, owner[m]) for m in record.mentions if m in owner]


def _insert(connection, table, rows: list[dict]) -> None:
    for start in range(0, len(rows), _CHUNK):
        connection.execute(table.insert(), rows[start:start + _CHUNK])
