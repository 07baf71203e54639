"""The store's read queries for the API: filtered, sorted, cursor-paginated events and statements.

Mixed into :class:`storyline.store.store.Store`; only SQL lives here. Every value a
caller passes is a bound parameter. Pages are keyset pages: the cursor is the sort
value and id of the last row, so a page costs the same at row 10 and at row 90,000,
and rows added between two requests neither repeat nor vanish.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from storyline.records import Event, FusedStatement, event_from_dict, statement_from_dict
from storyline.store.fusion import NO_DATE
from storyline.store.schema import articles, events, statements

EVENT_SORTS = ("date", "fatalities", "sources", "reports")
STATEMENT_SORTS = ("date", "sources", "reports")
_NO_DATE = NO_DATE  # where undated rows sort: first ascending, last descending


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to return. Text filters are matched case-insensitively; ``None`` means no filter.

    ``country_iso`` and ``country`` are alternatives (a row matches either); so are
    ``admin1_iso`` and ``admin1``. Dates select events whose interval overlaps
    ``[date_from, date_to]``. ``bbox`` is ``(west, south, east, north)`` in degrees.
    ``words`` must all occur in the event's search text.
    """

    country_iso: str | None = None
    country: str | None = None
    admin1_iso: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_fatalities: int | None = None
    min_sources: int | None = None
    words: tuple[str, ...] = ()
    include_aggregates: bool = True


@dataclass(frozen=True, slots=True)
class StatementQuery:
    """Which fused statements to return (see :class:`EventQuery`)."""

    statement_type: str | None = None
    about_event: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    min_sources: int | None = None
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Page:
    """One page of results; ``after`` is the (sort value, id) to continue from, None on the last page."""

    items: list
    after: tuple | None
    total: int | None = None


def _like(column, word: str):
    escaped = word.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")


def _event_conditions(query: EventQuery) -> list:
    c = events.c
    found = []
    if query.country_iso or query.country:
        found.append(or_(c.country_iso == (query.country_iso or "").upper(),
                         func.lower(c.country) == (query.country or query.country_iso or "").lower()))
    if query.admin1_iso or query.admin1:
        found.append(or_(func.upper(c.admin1_iso) == (query.admin1_iso or "").upper(),
                         func.lower(c.admin1) == (query.admin1 or query.admin1_iso or "").lower()))
    if query.event_type:
        found.append(func.lower(c.event_type) == query.event_type.lower())
    if query.sub_event_type:
        found.append(func.lower(c.sub_event_type) == query.sub_event_type.lower())
    if query.date_from:
        found.append(func.coalesce(c.date_end, c.date_start) >= query.date_from)
    if query.date_to:
        found.append(c.date_start <= query.date_to)
    if query.bbox:
        west, south, east, north = query.bbox
        found.append(c.latitude.between(south, north))
        # a box may cross the antimeridian (west > east)
        found.append(c.longitude.between(west, east) if west <= east else or_(c.longitude >= west, c.longitude <= east))
    if query.min_fatalities is not None:
        found.append(c.fatalities >= query.min_fatalities)
    if query.min_sources is not None:
        found.append(c.independent_sources >= query.min_sources)
    if not query.include_aggregates:
        found.append(c.is_aggregate == 0)
    found.extend(_like(c.search_text, word) for word in query.words)
    return found


def _statement_conditions(query: StatementQuery) -> list:
    c = statements.c
    found = []
    if query.statement_type:
        found.append(func.upper(c.statement_type) == query.statement_type.upper())
    if query.about_event:
        found.append(c.about_event == query.about_event)
    if query.date_from:
        found.append(c.date_start >= query.date_from)
    if query.date_to:
        found.append(c.date_start <= query.date_to)
    if query.min_sources is not None:
        found.append(c.independent_sources >= query.min_sources)
    found.extend(_like(c.search_text, word) for word in query.words)
    return found


def _sort_key(table, sort: str):
    if sort == "date":
        return table.c.sort_date  # date_start, or NO_DATE: indexed with id
    return {"fatalities": table.c.get("fatalities"), "sources": table.c.independent_sources,
            "reports": table.c.reports}[sort]


def _decode_after(sort: str, after: tuple | None):
    if after is None:
        return None
    value, row_id = after
    if sort == "date":
        value = dt.date.fromisoformat(value) if value else _NO_DATE
    return value, row_id


def _encode_value(sort: str, value):
    if sort == "date":
        if isinstance(value, str):  # SQLite hands back the text it stores
            value = dt.date.fromisoformat(value)
        return None if value == _NO_DATE else value.isoformat()
    return value


class QueryStore:
    """Read queries for the API; expects ``self.engine`` (see Store)."""

    def _page(self, table, conditions: list, sort: str, descending: bool, limit: int, after: tuple | None,
              with_total: bool, decode) -> Page:
        key = _sort_key(table, sort)
        base = and_(*conditions) if conditions else None
        query = select(table.c.id, key.label("sort_value"))
        if base is not None:
            query = query.where(base)
        resume = _decode_after(sort, after)
        if resume is not None:
            value, row_id = resume
            if descending:
                query = query.where(or_(key < value, and_(key == value, table.c.id < row_id)))
            else:
                query = query.where(or_(key > value, and_(key == value, table.c.id > row_id)))
        order = (key.desc(), table.c.id.desc()) if descending else (key.asc(), table.c.id.asc())
        query = query.order_by(*order).limit(limit + 1)
        with self.engine.connect() as connection:
            keys = connection.execute(query).all()
            shown = keys[:limit]
            # the JSON is fetched for the page's rows only: sorting never carries it
            data = {row.id: row.data for row in connection.execute(
                select(table.c.id, table.c.data).where(table.c.id.in_([k.id for k in shown])))} if shown else {}
            total = None
            if with_total:
                counted = select(func.count()).select_from(table)
                total = connection.execute(counted.where(base) if base is not None else counted).scalar_one()
        items = [decode(data[k.id]) for k in shown]
        last = (_encode_value(sort, shown[-1].sort_value), shown[-1].id) if len(keys) > limit else None
        return Page(items, last, total)

    def query_events(self, query: EventQuery, *, sort: str = "date", descending: bool = True, limit: int = 50,
                     after: tuple | None = None, with_total: bool = False) -> Page:
        """A page of events matching ``query``, sorted by ``sort`` (one of :data:`EVENT_SORTS`) then id.

        ``after`` is a previous page's :attr:`Page.after`; ``with_total`` also counts every match.
        """
        if sort not in EVENT_SORTS:
            raise ValueError(f"unknown sort {sort!r}; choose one of {', '.join(EVENT_SORTS)}")
        return self._page(events, _event_conditions(query), sort, descending, limit, after, with_total,
                          event_from_dict)

    def query_statements(self, query: StatementQuery, *, sort: str = "date", descending: bool = True,
                         limit: int = 50, after: tuple | None = None, with_total: bool = False) -> Page:
        """A page of fused statements matching ``query`` (see :meth:`query_events`)."""
        if sort not in STATEMENT_SORTS:
            raise ValueError(f"unknown sort {sort!r}; choose one of {', '.join(STATEMENT_SORTS)}")
        return self._page(statements, _statement_conditions(query), sort, descending, limit, after, with_total,
                          statement_from_dict)

    def event_facets(self) -> dict:
        """Distinct values (with counts) of the fields the web page offers as filters, and the date range."""
        c = events.c
        facets = {}
        with self.engine.connect() as connection:
            for name, column in (("event_type", c.event_type), ("sub_event_type", c.sub_event_type),
                                 ("country_iso", c.country_iso), ("admin1", c.admin1)):
                rows = connection.execute(select(column, func.count()).where(column.is_not(None))
                                          .group_by(column).order_by(column)).all()
                facets[name] = [(value, count) for value, count in rows]
            first, last = connection.execute(select(func.min(c.date_start), func.max(c.date_end))).one()
        facets["first_date"] = _encode_value("date", first) if first else None
        facets["last_date"] = _encode_value("date", last) if last else None
        return facets

    def find_article_ids(self, key: str, limit: int = 2) -> list[str]:
        """Ids of articles whose id is ``key``, starts with ``key``, or whose external id is ``key``."""
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (select(articles.c.id).where(or_(articles.c.id.like(f"{escaped}%", escape="\\"),
                                                 articles.c.external_id == key))
                 .order_by(articles.c.seq).limit(limit))
        with self.engine.connect() as connection:
            found = [row.id for row in connection.execute(query)]
        return [key] if key in found else found

    def events_by_ids(self, ids: Sequence[str]) -> dict[str, Event]:
        """Events by id (missing ids are left out)."""
        return {event.id: event for event in self.events(ids)}

    def statements_by_ids(self, ids: Sequence[str]) -> dict[str, FusedStatement]:
        return {statement.id: statement for statement in self.fused_statements(ids)}
