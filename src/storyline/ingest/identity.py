"""Cleaning report text for storage, and the identity of a report.

Two reports are the same article when their texts are equal after
:func:`normalise_for_identity`: typography (curly vs straight quotes, dash
kinds, non-breaking spaces) and whitespace do not make a new article; any change
of words does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Characters that differ between outlets' typesetting but not in wording.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u2026": "...",
    }
)
_WHITESPACE = re.compile(r"\s+")
# C0/C1 control characters other than tab and newline: wire-service markers
# and stray bytes that carry no text (METER's PA copy has many).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")

ID_LENGTH = 16


def clean_text(text: str) -> str:
    """The text as stored: what later character spans index into.

    Keeps words, punctuation and paragraph breaks as written; removes byte-order
    marks and control characters, unifies line endings, drops trailing spaces and
    runs of more than one blank line, and strips the ends.
    """
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return unicodedata.normalize("NFC", text.strip())


def normalise_for_identity(text: str) -> str:
    """The text reduced to its wording: NFKC, plain quotes and dashes, single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
    return _WHITESPACE.sub(" ", text).strip()


def article_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of SHA-256 of its normalised form."""
    digest = hashlib.sha256(normalise_for_identity(text).encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]
