"""From command-line arguments to reports: open each input, pick its reader, read it.

This is the one place that knows every input kind and format; the format
modules (plaintext, html, feeds, tables, warc) each turn one document into
reports. Every problem becomes a :class:`Notice` naming the input, and the
other inputs go on.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlsplit

import httpx

from storyline.errors import InputError
from storyline.ingest.decoding import FORMATS, decode_text, detect_format, refuse_binary
from storyline.ingest.feeds import read_feed
from storyline.ingest.fetch import Fetched, Fetcher
from storyline.ingest.html import read_html
from storyline.ingest.inputs import Input, expand_inputs
from storyline.ingest.plaintext import read_plain_text
from storyline.ingest.tables import field_map, read_csv, read_jsonl
from storyline.ingest.warc import read_warc
from storyline.records import Notice, Report

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_HEAD_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class IngestOptions:
    """How to read inputs. ``format`` is ``auto`` or one of :data:`FORMATS`."""

    format: str = "auto"
    fields: Mapping[str, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None
    follow_links: bool = True
    timeout: float = 20.0
    transport: httpx.BaseTransport | None = None
    stdin: BinaryIO | None = None

    def __post_init__(self) -> None:
        if self.format != "auto" and self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; choose auto or one of: {', '.join(FORMATS)}")
        if self.max_bytes <= 0:
            raise ValueError("the size limit must be positive")
        field_map(self.fields)  # validates names


def read_reports(arguments: list[str] | list[Input | Notice], options: IngestOptions) -> Iterator[tuple[Input | None, Report | Notice]]:
    """Every report and notice from ``arguments``, each with the input it came from.

    ``arguments`` are command-line strings, or inputs already expanded by
    :func:`expand_inputs`. The input is None for notices about an argument
    that named nothing.
    """
    fetcher = Fetcher(max_bytes=options.max_bytes, timeout=options.timeout, transport=options.transport)
    items = expand_inputs(arguments) if all(isinstance(a, str) for a in arguments) else arguments
    try:
        for item in items:
            if isinstance(item, Notice):
                yield None, item
                continue
            for result in read_input(item, options, fetcher):
                yield item, result
    finally:
        fetcher.close()


def read_input(item: Input, options: IngestOptions, fetcher: Fetcher) -> Iterator[Report | Notice]:
    """Reports and notices from one input; never raises for a bad input."""
    try:
        yield from _read(item, options, fetcher)
    except InputError as exc:
        level = "skipped" if item.walked and options.format == "auto" and exc.code in ("E112", "E115") else "error"
        yield Notice(level, exc.source, exc.reason, exc.code)
    except OSError as exc:
        yield Notice("error", item.location, f"could not be read: {exc.strerror or exc}", "E116")


def _read(item: Input, options: IngestOptions, fetcher: Fetcher) -> Iterator[Report | Notice]:
    fields = field_map(options.fields)
    if item.kind == "url":
        fetched = fetcher.get(item.location)
        yield from _read_document(fetched.data, item.location, options, fetcher, fields,
                                  name=urlsplit(fetched.url).path, fetched=fetched, origin=fetched.url)
        return
    if item.kind == "stdin":
        stream = options.stdin or sys.stdin.buffer
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(item.location, f"over the {options.max_bytes}-byte limit (--max-size)", "E106")
        yield from _read_document(data, item.location, options, fetcher, fields, name=None, fetched=None, origin=None)
        return
    path = item.location
    size = os.stat(path).st_size
    if not os.path.isfile(path):
        raise InputError(path, "not a regular file", "E115")
    with open(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
        if not head.strip():
            raise InputError(path, "empty file" + (" (only whitespace)" if size else " (0 bytes)"), "E103")
        fmt = options.format if options.format != "auto" else detect_format(path, head)
        origin = os.path.abspath(path)
        if fmt == "warc":
            handle.seek(0)
            yield from read_warc(handle, path, options.max_bytes)
            return
        if fmt == "jsonl":
            refuse_binary(head, path)
            handle.seek(0)
            yield from read_jsonl(handle, path, fields, options.max_bytes, origin)
            return
        if fmt != "csv" and size > options.max_bytes:
            raise InputError(path, f"{size} bytes, over the {options.max_bytes}-byte limit (--max-size)", "E106")
        data = head + handle.read()
    yield from _read_document(data, path, options, fetcher, fields, name=path, fetched=None, origin=origin, fmt=fmt)


def _read_document(data: bytes, source: str, options: IngestOptions, fetcher: Fetcher, fields: Mapping[str, str], *,
                   name: str | None, fetched: Fetched | None, origin: str | None, fmt: str | None = None) -> Iterator[Report | Notice]:
    if not data.strip():
        raise InputError(source, "empty input", "E103")
    if fmt is None:
        fmt = options.format if options.format != "auto" else detect_format(name, data, fetched.content_type if fetched else None)
    if fmt == "warc":
        yield from read_warc(io.BytesIO(data), source, options.max_bytes)
        return
    refuse_binary(data, source)
    if fmt == "jsonl":
        yield from read_jsonl(io.BytesIO(data), source, fields, options.max_bytes, origin)
    elif fmt == "csv":
        yield from read_csv(data, source, fields, options.max_bytes, options.encoding, origin)
    elif fmt == "feed":
        read_page = (lambda link: _read_linked_page(link, fetcher)) if options.follow_links else None
        yield from read_feed(data, source, read_page)
    elif fmt == "html":
        charset = options.encoding or (fetched.charset if fetched else None) or _meta_charset(data)
        markup, used = _decode(data, source, charset)
        yield read_html(markup, source, url=fetched.url if fetched else None, encoding=used,
                        external_id=_stem(name) if fetched is None else None,
                        version_key=f"file:{origin}" if origin and fetched is None else None)
    elif fmt == "text":
        text, used = decode_text(data, source, options.encoding or (fetched.charset if fetched else None))
        yield read_plain_text(text, source, encoding=used,
                              external_id=_stem(name) if fetched is None else None,
                              version_key=(f"url:{origin}" if fetched else f"file:{origin}") if origin else None)
    else:
        raise InputError(source, "XML but not an RSS or Atom feed; pass --format to read it as something else", "E115")


def _read_linked_page(link: str, fetcher: Fetcher) -> Report:
    fetched = fetcher.get(link)
    refuse_binary(fetched.data, link)
    markup, used = _decode(fetched.data, link, fetched.charset or _meta_charset(fetched.data))
    return read_html(markup, link, url=fetched.url, encoding=used, external_id=None, version_key=None)


def _decode(data: bytes, source: str, charset: str | None) -> tuple[str, str]:
    if charset:
        try:
            return decode_text(data, source, charset)
        except InputError:
            pass  # a wrong declaration is common; detect instead
    return decode_text(data, source)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _stem(name: str | None) -> str | None:
    if not name:
        return None
    base = os.path.basename(name)
    for suffix in (".warc.gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".md"):
        if base.lower().endswith(suffix):
            return base[: -len(suffix)] or base
    return os.path.splitext(base)[0] or base
