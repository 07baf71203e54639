"""Writing records to JSON Lines, CSV and Parquet files.

Files are written to a temporary name beside the target and renamed when
complete, so a failed or killed export never leaves half a file under the name
asked for.
"""

from __future__ import annotations

import csv
import datetime as dt
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
    "id", "external_id", "source", "url", "outlet", "title", "byline", "published", "text",
    "format", "encoding", "version", "previous_version_id", "ingested_at",
)


def article_record(article: Article) -> dict:
    """The exported form of an article: dates as ``YYYY-MM-DD``, times as ISO 8601."""
    values = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    values["published"] = article.published.isoformat() if article.published else None
    values["ingested_at"] = article.ingested_at.isoformat() if article.ingested_at else None
    return values


def export_articles(articles: Iterable[Article], fmt: str, output: str | None) -> int:
    """Write ``articles`` as ``fmt`` to the file ``output`` (standard output when None); return the count."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    records = (article_record(article) for article in articles)
    binary = fmt == "parquet"
    with _destination(output, binary) as stream:
        if fmt == "jsonl":
            return _write_jsonl(records, stream)
        if fmt == "csv":
            return _write_csv(records, stream)
        return _write_parquet(records, stream)


def _write_jsonl(records: Iterator[dict], stream: IO[str]) -> int:
    count = 0
    for count, record in enumerate(records, start=1):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _write_csv(records: Iterator[dict], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=ARTICLE_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for count, record in enumerate(records, start=1):
        writer.writerow({k: ("" if v is None else v) for k, v in record.items()})
    return count


def _write_parquet(records: Iterator[dict], stream: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        (name, pa.int32() if name == "version" else pa.date32() if name == "published" else pa.string())
        for name in ARTICLE_FIELDS
    ])
    writer = pq.ParquetWriter(stream, schema)
    count, batch = 0, []
    try:
        for record in records:
            if record["published"]:
                record = {**record, "published": dt.date.fromisoformat(record["published"])}
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
