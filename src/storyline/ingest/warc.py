"""WARC and WARC.gz web archives: each HTML response record becomes a report.

Records are streamed (warcio), so archive size is not limited; each record's
payload is, by ``--max-size``. Non-HTML responses, requests and metadata
records are passed over silently and counted; a record that cannot be read as
a page is reported with its number and target URI, and the others go on.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import InputError
from storyline.ingest.decoding import decode_text
from storyline.ingest.html import read_html
from storyline.records import Notice, Report

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[Report | Notice]:
    """Reports from the HTML responses of one archive; E114 when it is not a WARC at all."""
    _check_signature(stream, source)
    seen_any = False
    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            seen_any = True
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
            status = record.http_headers.get_statuscode()
            if content_type not in _HTML_TYPES or not status or not status.startswith("2"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{source}#{number} ({uri})"
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Notice("error", where, f"page over the {max_bytes}-byte limit (--max-size)", "E106")
                continue
            charset = _charset(record.http_headers.get_header("Content-Type"))
            try:
                markup, used = decode_text(payload, where, charset)
            except InputError:
                try:
                    markup, used = decode_text(payload, where)
                except InputError as exc:
                    yield Notice("error", exc.source, exc.reason, exc.code)
                    continue
            try:
                report = read_html(markup, where, url=uri, encoding=used,
                                   external_id=record.rec_headers.get_header("WARC-Record-ID"), version_key=None)
            except InputError as exc:
                yield Notice("error", exc.source, exc.reason, exc.code)
                continue
            yield _with_source(report, source)
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
        if not seen_any:
            raise InputError(source, f"not a WARC archive: {getattr(exc, 'msg', None) or exc}", "E114") from None
        yield Notice("error", source, f"archive damaged after record {number}: {exc}; the rest was not read", "E114")


def _check_signature(stream: BinaryIO, source: str) -> None:
    start = stream.tell()
    head = stream.read(1024)
    stream.seek(start)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head)
        except zlib.error:
            raise InputError(source, "not a WARC archive: damaged gzip data at the start", "E114") from None
    if not (head.startswith(b"WARC/") or head.startswith(b"filedesc://")):
        raise InputError(source, "not a WARC archive: it does not start with a WARC/ record header", "E114")


def _with_source(report: Report, source: str) -> Report:
    return replace(report, source=source, format="warc")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
