"""Bytes to text: refusing binary data, detecting encodings, sniffing formats.

Encodings: a byte-order mark wins; then strict UTF-8; then, for text that is
mostly ASCII (Western news: Latin-1 wire copy such as METER), Windows-1252 and
Latin-1, which short texts cannot be told apart from by statistics (detectors
guess Central-European code pages for them and turn '£' into 'Ł'); then
charset-normalizer's best guess. Text that none of these read is refused.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from storyline.errors import InputError

FORMATS = ("text", "html", "feed", "jsonl", "csv", "warc")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of common binary files, to name what was given instead of text.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (also .docx/.xlsx/.epub)"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 25, 27}
_SNIFF_BYTES = 8192


def refuse_binary(data: bytes, source: str) -> None:
    """Raise E104 when ``data`` is not text (NUL bytes, many control bytes, a known binary signature)."""
    head = data[:_SNIFF_BYTES]
    if any(head.startswith(bom) for bom, enc in _BOMS if enc.startswith("utf-16") or enc == "utf-32"):
        return  # UTF-16/32 text has NUL bytes by design
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(source, f"binary file ({what}), not a report", "E104")
    if b"\x00" in head:
        offset = head.index(b"\x00")
        raise InputError(source, f"binary file (NUL byte at offset {offset}), not a report", "E104")
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if head and controls / len(head) > 0.05:
        raise InputError(source, f"binary file ({controls} control bytes in the first {len(head)}), not a report", "E104")


def decode_text(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding used)``; raise E105 when no encoding reads it.

    ``encoding`` forces one (as ``--encoding`` does); otherwise it is detected.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(source, f"unknown encoding {encoding!r}", "E105") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                source, f"not valid {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}", "E105"
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise InputError(source, f"starts with a {name} byte-order mark but byte {exc.start} is invalid", "E105") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    non_ascii = sum(1 for byte in data if byte > 0x7F)
    if non_ascii / max(len(data), 1) < 0.05:
        for name in ("cp1252", "latin-1"):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                continue
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None or guess.chaos > 0.3:
        raise InputError(
            source,
            f"undecodable text: not UTF-8 (invalid byte 0x{data[first_bad]:02x} at offset {first_bad}) "
            "and no other encoding fits; pass --encoding if you know it",
            "E105",
        )
    return str(guess), guess.encoding


_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:head|body|article|main|div|p|h1|title|meta)[\s>/]", re.I)
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]")
_EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}


def format_from_name(name: str) -> str | None:
    """The format a file name's extension implies, or None when it says nothing."""
    lower = name.lower()
    for ext in sorted(_EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return _EXTENSIONS[ext]
    return None


def format_from_content_type(content_type: str | None) -> str | None:
    """The format an HTTP Content-Type implies, or None."""
    if not content_type:
        return None
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"):
        return "feed"
    if kind in ("application/jsonl", "application/x-ndjson", "application/jsonlines"):
        return "jsonl"
    if kind == "text/csv":
        return "csv"
    if kind == "application/warc":
        return "warc"
    if kind == "text/plain":
        return "text"
    return None


def sniff_format(data: bytes) -> str:
    """Guess the format from the first bytes: WARC, feed, HTML, JSON Lines, else text."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b") or head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"<?xml") or stripped.startswith(b"<rss") or stripped.startswith(b"<feed"):
        if _FEED_ROOT.search(head):
            return "feed"
    if _HTML_START.match(stripped) or (stripped.startswith(b"<") and _HTML_TAGS.search(head)):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"


def detect_format(name: str | None, data: bytes, content_type: str | None = None) -> str:
    """Pick the reader for an input: extension, then Content-Type, then content.

    An ``.xml`` file or a generic XML content type is only a feed if its root says
    so; an ``.xml`` file that is no feed comes back as ``"xml"``, which no reader takes.
    """
    by_name = format_from_name(name) if name else None
    if by_name:
        return by_name
    if name and name.lower().endswith(".xml"):
        return "feed" if _FEED_ROOT.search(data[:_SNIFF_BYTES]) else "xml"
    by_type = format_from_content_type(content_type)
    if by_type and by_type != "feed":
        return by_type
    return sniff_format(data)
