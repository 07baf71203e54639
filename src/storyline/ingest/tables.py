"""JSON Lines and CSV files: one report per record.

Default field names are ``text`` (required), ``id``, ``url``, ``title``,
``outlet``, ``byline`` and ``published``; ``--field text=body`` maps another
name (JSON Lines also takes dotted paths into nested objects, ``text=article.body``).
The record's own ``id`` is kept as the article's ``external_id``. A bad record
is reported with its line number and the others go on; a file whose first
record has no text field at all is not a table of reports (E112).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import BinaryIO

from storyline.errors import InputError
from storyline.ingest.dates import parse_published, parse_published_at
from storyline.ingest.decoding import decode_text
from storyline.ingest.identity import clean_text
from storyline.records import Notice, Report

FIELDS = ("text", "id", "url", "title", "outlet", "byline", "published")


def field_map(overrides: Mapping[str, str]) -> dict[str, str]:
    """Our field -> the input's field name, with ``overrides`` applied."""
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}; fields are: {', '.join(FIELDS)}")
    return {name: overrides.get(name, name) for name in FIELDS}


def read_jsonl(stream: BinaryIO, source: str, fields: Mapping[str, str], max_bytes: int,
               origin: str | None = None) -> Iterator[Report | Notice]:
    """Reports from a JSON Lines stream, one per non-blank line.

    ``origin`` is a stable name of the file (its absolute path) for version keys.
    """
    first = True
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Notice("error", where, f"not valid UTF-8 (byte {exc.start} of the line); JSON Lines must be UTF-8", "E105")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            if first and number == 1:
                raise InputError(source, f"not JSON Lines: line 1, column {exc.colno}: {exc.msg}", "E111") from None
            yield Notice("error", where, f"invalid JSON at column {exc.colno}: {exc.msg}", "E111")
            continue
        if not isinstance(record, dict):
            yield Notice("error", where, f"expected a JSON object, found {type(record).__name__}", "E111")
            continue
        if first and _lookup(record, fields["text"]) is None:
            raise InputError(source, f"no {fields['text']!r} field in the first record (keys: {', '.join(list(record)[:12])}); map one with --field text=NAME", "E112")
        first = False
        yield from _record_report(record, where, source, origin or source, "jsonl", fields, max_bytes, _lookup)


def read_csv(data: bytes, source: str, fields: Mapping[str, str], max_bytes: int, encoding: str | None,
             origin: str | None = None) -> Iterator[Report | Notice]:
    """Reports from a CSV (or TSV) document with a header row."""
    text, used = decode_text(data, source, encoding)
    sample = text[:8192]
    delimiter = "\t" if source.lower().endswith(".tsv") else _sniff_delimiter(sample)
    csv.field_size_limit(max(max_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise InputError(source, f"invalid CSV header: {exc}", "E113") from None
    if fields["text"] not in header:
        shown = ", ".join(repr(name) for name in header[:12])
        raise InputError(source, f"no {fields['text']!r} column (header: {shown}); map one with --field text=COLUMN", "E112")
    try:
        for record in reader:
            where = f"{source}:{reader.line_num}"
            if None in record:
                yield Notice("error", where, f"more cells than the {len(header)} header columns", "E113")
                continue
            yield from _record_report(record, where, source, origin or source, "csv", fields, max_bytes, _get, used)
    except csv.Error as exc:
        yield Notice("error", f"{source}:{reader.line_num}", f"invalid CSV: {exc}; the rest of the file was not read", "E113")


def _record_report(record, where: str, source: str, origin: str, fmt: str, fields: Mapping[str, str], max_bytes: int,
                   lookup, encoding: str = "utf-8") -> Iterable[Report | Notice]:
    raw_text = lookup(record, fields["text"])
    if not isinstance(raw_text, str) or not raw_text.strip():
        yield Notice("error", where, f"no text: field {fields['text']!r} is missing or empty", "E112")
        return
    if len(raw_text.encode("utf-8")) > max_bytes:
        yield Notice("error", where, f"text is over the {max_bytes}-byte limit (--max-size)", "E106")
        return
    published = None
    raw_date = lookup(record, fields["published"])
    try:
        published = parse_published(raw_date)
    except ValueError as exc:
        yield Notice("warning", where, f"published left empty: {exc}", "E117")
    external_id = _string(lookup(record, fields["id"]))
    url = _string(lookup(record, fields["url"]))
    yield Report(
        text=clean_text(raw_text),
        source=source,
        format=fmt,
        title=_string(lookup(record, fields["title"])),
        byline=_string(lookup(record, fields["byline"])),
        outlet=_string(lookup(record, fields["outlet"])),
        url=url,
        published=published,
        external_id=external_id,
        encoding=encoding,
        version_key=f"url:{url}" if url else (f"record:{origin}#{external_id}" if external_id else None),
        published_at=parse_published_at(raw_date) if published else None,
    )


def _lookup(record: dict, path: str):
    value = record
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return record.get(path) if "." in path else None
        value = value[part]
    return value


def _get(record: dict, name: str):
    return record.get(name)


def _string(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","
