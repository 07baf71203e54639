"""Writing records to JSON Lines, CSV and Parquet files.

Files are written to a temporary name beside the target and renamed when
complete, so a failed or killed export never leaves half a file under the name
asked for.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO

from storyline.records import Article

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
ARTICLE_FIELDS = (
    "id", "external_id", "source", "url", "outlet", "title", "byline", "published", "published_at",
    "published_inferred", "text",
    "format", "encoding", "version", "previous_version_id", "ingested_at", "sightings",
)


def article_record(article: Article, inferred: tuple | None = None, sightings: list[dict] | None = None) -> dict:
    """The exported form of an article: dates as ``YYYY-MM-DD``, times as ISO 8601 (``published_at``, the moment
    of publication in UTC where the input stated a time of day with its zone, else null).

    ``inferred`` is ``(date, from article id, reason)`` when the linker dated an undated article.
    ``sightings`` (:meth:`Store.sightings`) are the places its text was seen: more than one where other
    outlets or files carried it word for word.
    """
    values = {name: getattr(article, name) for name in ARTICLE_FIELDS if name not in ("published_inferred", "sightings")}
    values["published_inferred"] = (
        {"date": inferred[0].isoformat(), "from": inferred[1], "reason": inferred[2]} if inferred else None)
    values["sightings"] = [{**seen, "published": seen["published"].isoformat() if seen["published"] else None}
                           for seen in sightings or []]
    values["published"] = article.published.isoformat() if article.published else None
    values["ingested_at"] = article.ingested_at.isoformat() if article.ingested_at else None
    values["published_at"] = article.published_at.isoformat() if article.published_at else None
    return values


MENTION_FIELDS = (
    "id", "article_id", "mention_type", "event_type", "sub_event_type", "plover_type", "plover_mode", "cameo_root",
    "actor1", "actor1_canonical", "actor1_category", "actor1_country_iso",
    "actor2", "actor2_canonical", "actor2_category", "actor2_country_iso",
    "country", "country_iso", "admin1", "admin1_iso", "location", "latitude", "longitude", "geo_precision",
    "date_start", "date_end", "date_precision", "date_text",
    "fatalities_low", "fatalities_best", "fatalities_high", "fatalities_text",
    "injuries_low", "injuries_best", "injuries_high", "injuries_text", "victims", "incident_count", "is_aggregate",
    "speaker", "speaker_role", "speaker_org", "statement_type", "target", "content", "quote", "about_event",
    "confidence", "evidence", "rules",
)
_INTEGER_FIELDS = {"version", "independent_sources", "acled_fatalities", "fatalities_low", "fatalities_best", "fatalities_high", "injuries_low", "injuries_best",
                   "injuries_high", "incident_count"}
_FLOAT_FIELDS = {"latitude", "longitude", "confidence", "containment", "reverse_containment"}


def export_articles(articles: Iterable[Article], fmt: str, output: str | None, inferred: dict | None = None,
                    sightings_of=None) -> int:
    """Write ``articles`` as ``fmt`` to the file ``output`` (standard output when None); return the count.

    ``sightings_of`` (such as :meth:`Store.sightings`) gives the sightings of a list of article ids; it is
    asked once per thousand articles, so memory stays bounded however many are exported."""
    inferred = inferred or {}

    def rows():
        stream = iter(articles)
        while batch := list(itertools.islice(stream, 1000)):
            seen = sightings_of([article.id for article in batch]) if sightings_of else {}
            for article in batch:
                yield article_record(article, inferred.get(article.id), seen.get(article.id))

    return export_records(rows(), ARTICLE_FIELDS, fmt, output)


def export_mentions(mentions: Iterable, fmt: str, output: str | None) -> int:
    """Write mentions (records.mention_to_dict form; events and statements share the columns) as ``fmt``."""
    from storyline.records import mention_to_dict

    def rows():
        for mention in mentions:
            record = mention_to_dict(mention)
            yield {name: record.get(name) for name in MENTION_FIELDS}

    return export_records(rows(), MENTION_FIELDS, fmt, output)


LINK_FIELDS = ("source", "derived", "relation", "confidence", "containment", "reverse_containment", "aligned",
               "substitutions", "evidence")
STORY_FIELDS = ("id", "title", "articles", "independent_sources", "first_published", "last_published")


def export_links(found: Iterable, fmt: str, output: str | None) -> int:
    """Write links (derived, source, relation, confidence, containment, aligned spans, substitutions).

    Each ``aligned`` span says whether it is a sentence (``"passage": false``) or a run of words
    copied inside one (``"passage": true``, kind ``verbatim``).
    """
    return export_records((link_record(link) for link in found), LINK_FIELDS, fmt, output)


def link_record(link) -> dict:
    """A link as ``export derivations`` writes it: :func:`records.link_to_dict`, passages marked."""
    from storyline.link.align import split_passages
    from storyline.records import link_to_dict

    record = link_to_dict(link)
    passages = {id(a) for a in split_passages(link.alignments).passages}
    record["aligned"] = [{**span, "passage": id(a) in passages} for span, a in zip(record["aligned"], link.alignments)]
    return record


def export_stories(found: Iterable, fmt: str, output: str | None) -> int:
    """Write stories (id, title, articles, independent sources, first and last publication)."""
    from storyline.records import story_to_dict

    return export_records((story_to_dict(story) for story in found), STORY_FIELDS, fmt, output)


def export_records(records: Iterable[dict], fields: tuple[str, ...], fmt: str, output: str | None) -> int:
    """Write flat records with the columns ``fields``; nested values (lists) become JSON text in CSV and Parquet."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    binary = fmt == "parquet"
    with _destination(output, binary) as stream:
        if fmt == "jsonl":
            return _write_jsonl(records, stream)
        if fmt == "csv":
            return _write_csv(records, stream, fields)
        return _write_parquet(records, stream, fields)


def _write_jsonl(records: Iterator[dict], stream: IO[str]) -> int:
    count = 0
    for count, record in enumerate(records, start=1):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _flat(value):
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _write_csv(records: Iterator[dict], stream: IO[str], fields: tuple[str, ...]) -> int:
    writer = csv.DictWriter(stream, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, record in enumerate(records, start=1):
        writer.writerow({k: ("" if v is None else _flat(v)) for k, v in record.items()})
    return count


def _arrow_type(name: str):
    import pyarrow as pa

    if name in _INTEGER_FIELDS:
        return pa.int32()
    if name in _FLOAT_FIELDS:
        return pa.float64()
    if name == "is_aggregate":
        return pa.bool_()
    if name in ("published", "date_start", "date_end", "first_published", "last_published"):
        return pa.date32()
    return pa.string()


def _write_parquet(records: Iterator[dict], stream: IO[bytes], fields: tuple[str, ...]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, _arrow_type(name)) for name in fields])
    dates = [name for name in fields if name in ("published", "date_start", "date_end", "first_published", "last_published")]
    writer = pq.ParquetWriter(stream, schema)
    count, batch = 0, []
    try:
        for record in records:
            record = {k: _flat(v) for k, v in record.items()}
            for name in dates:
                if record.get(name):
                    record[name] = dt.date.fromisoformat(record[name])
            batch.append(record)
            count += 1
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    finally:
        writer.close()
    return count


@contextmanager
def _destination(output: str | None, binary: bool):
    if output is None or output == "-":
        if binary:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        else:
            yield sys.stdout
            sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(output))
    handle, temporary = tempfile.mkstemp(prefix=".storyline-export-", dir=folder)
    try:
        with open(handle, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as stream:
            yield stream
        os.replace(temporary, output)
    except BaseException:
        os.unlink(temporary)
        raise


EVENT_FORMATS = ("jsonl", "csv", "acled", "geojson", "parquet")
EVENT_FIELDS = (
    "id", "event_type", "sub_event_type", "plover_type", "plover_mode", "cameo_root",
    "actor1", "actor1_canonical", "actor1_category", "actor1_country_iso",
    "actor2", "actor2_canonical", "actor2_category", "actor2_country_iso",
    "country", "country_iso", "admin1", "admin1_iso", "location", "latitude", "longitude", "geo_precision",
    "date_start", "date_end", "date_precision", "date_text",
    "fatalities_low", "fatalities_best", "fatalities_high", "fatalities_text",
    "injuries_low", "injuries_best", "injuries_high", "injuries_text", "acled_fatalities",
    "victims", "incident_count", "is_aggregate", "includes", "stories",
    "reports", "mentions", "independent_sources", "disagreements", "candidates", "confidence", "evidence",
)
STATEMENT_FIELDS = (
    "id", "speaker", "speaker_role", "speaker_org", "statement_type", "target", "content", "quote",
    "date_start", "date_end", "date_precision", "date_text", "about_event",
    "reports", "mentions", "independent_sources", "disagreements", "candidates", "confidence", "evidence",
)


def export_events(events: Iterable, fmt: str, output: str | None, outlets: dict[str, str] | None = None,
                  published: dict | None = None) -> int:
    """Write fused events as ``fmt``: jsonl, csv, parquet, acled (ACLED's columns) or geojson.

    ``outlets`` maps article ids to outlet names (ACLED's ``source``), ``published`` to
    publication dates (ACLED's date of an event whose time is unresolved).
    """
    from storyline.records import event_to_dict
    from storyline.serve.acled import ACLED_FIELDS, acled_row, geojson_feature

    if fmt not in EVENT_FORMATS:
        raise ValueError(f"unknown event export format {fmt!r}; choose one of: {', '.join(EVENT_FORMATS)}")
    if fmt == "geojson":
        with _destination(output, False) as stream:
            return _write_geojson((geojson_feature(e) for e in events), stream)
    if fmt == "acled":
        outlets, published = outlets or {}, published or {}
        stamp = int(dt.datetime.now(dt.timezone.utc).timestamp())
        rows = (acled_row(n, e, sorted({outlets[a] for a in e.reports if outlets.get(a)}), stamp,
                          min((published[a] for a in e.reports if published.get(a)), default=None))
                for n, e in enumerate(events, start=1))
        return export_records(rows, ACLED_FIELDS, "csv", output)
    return export_records((event_to_dict(e) for e in events), EVENT_FIELDS, fmt, output)


def export_statements(statements: Iterable, fmt: str, output: str | None) -> int:
    """Write fused statements as ``fmt`` (jsonl, csv or parquet)."""
    from storyline.records import statement_to_dict

    return export_records((statement_to_dict(s) for s in statements), STATEMENT_FIELDS, fmt, output)


def _write_geojson(features: Iterator[dict], stream: IO[str]) -> int:
    """A FeatureCollection written feature by feature, so a large export is never held whole in memory."""
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for count, feature in enumerate(features, start=1):
        stream.write(("" if count == 1 else ",\n") + json.dumps(feature, ensure_ascii=False))
    stream.write("\n]}\n")
    return count
