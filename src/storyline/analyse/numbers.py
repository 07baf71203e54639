"""How words become numbers: exact cardinals, and counts of people as low / best / high.

``parse_number`` reads one exact number, in digits ("1,200", "1.5 million") or words
("twenty-five", "a dozen"). ``quantity`` reads a count as a news report writes it ("at least 16",
"dozens", "between 10 and 15") through the one table of the project's conventions,
``data/quantifiers.tsv``; ``data/README.md`` explains the choices in that table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storyline.records import Figure

QUANTIFIERS = Path(__file__).resolve().parent / "data" / "quantifiers.tsv"

# English number words are the language, not project data, so they stay in code.
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def parse_number(words: str) -> int | None:
    """The integer that ``words`` spell, or ``None`` when they are not exactly one cardinal number.

    Accepts digits with thousands separators ("1,200"), digits with a scale word ("1.5 million"),
    number words with hyphens or spaces and an optional "and" ("one hundred and twenty-five"),
    "a"/"an" before a scale ("a hundred") and dozens ("a dozen", "two dozen", "half a dozen").
    Ordinals, fractions on their own and anything with other words return ``None``.
    """
    text = " ".join(words.lower().replace("\u2010", "-").replace("\u2011", "-").split())
    if not text:
        return None
    if text == "half a dozen":
        return 6
    tokens = text.replace("-", " ").split()
    if not tokens:  # only hyphens
        return None
    if _DIGITS.fullmatch(tokens[0]):
        value = float(tokens[0].replace(",", ""))
        return _apply_scales(value, tokens[1:])
    return _words_to_int(tokens)


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def parse_ordinal(word: str) -> int | None:
    """The position an ordinal names ("sixth" 6, "12th" 12; up to "twentieth" in words), else ``None``."""
    word = word.lower()
    if word in _ORDINALS:
        return _ORDINALS[word]
    match = _ORDINAL_DIGITS.fullmatch(word)
    return int(match[1]) if match else None


def _apply_scales(value: float, rest: list[str]) -> int | None:
    for word in rest:
        if word == "dozen":
            value *= 12
        elif word == "hundred":
            value *= 100
        elif word in _SCALES:
            value *= _SCALES[word]
        else:
            return None
    return int(value) if value == int(value) else None


def _words_to_int(tokens: list[str]) -> int | None:
    total = current = 0
    seen_number = False
    previous = None  # kind of the previous word, to refuse "five twenty" or "twenty thirty"
    for position, word in enumerate(tokens):
        if word in ("a", "an") and position == 0 and len(tokens) > 1:
            current, previous = 1, "unit"
            continue
        if word == "and" and seen_number and position < len(tokens) - 1:
            continue
        if word in _UNITS:
            if previous == "unit" or (previous == "tens" and _UNITS[word] >= 10):
                return None
            current += _UNITS[word]
            previous = "unit"
        elif word in _TENS:
            if previous in ("unit", "tens"):
                return None
            current += _TENS[word]
            previous = "tens"
        elif word == "hundred":
            current = (current or 1) * 100
            previous = "scale"
        elif word == "dozen":
            current = (current or 1) * 12
            previous = "scale"
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            previous = "scale"
        else:
            return None
        seen_number = True
    return total + current if seen_number else None


# -- counts of people: the quantifier table -----------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern
    low: str
    best: str
    high: str


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    rows = [line for line in QUANTIFIERS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    rules = []
    for row in rows[1:]:  # rows[0] is the header
        phrase, low, best, high = ((row.split("\t") + ["", "", ""])[:4])
        if not phrase.strip():
            raise ValueError(f"{QUANTIFIERS}: a row has no phrase: {row!r}")
        parts = re.split(r"\b([NM])\b", phrase.strip())
        regex = "".join(f"(?P<{part}>.+?)" if part in ("N", "M") else re.escape(part) for part in parts)
        rules.append(_Rule(re.compile(regex), low.strip(), best.strip(), high.strip()))
    return tuple(rules)


def _normalise(words: str) -> str:
    text = words.lower().replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
    text = re.sub(r"\s*-\s*", "-", " ".join(text.split()))
    return re.sub(r"\s+of$", "", text)  # "dozens of" reads as "dozens"


def _value(expression: str, numbers: dict[str, int]) -> int | None:
    if not expression:
        return None
    match = re.fullmatch(r"([NM])([+-]\d+)?", expression)
    if match is None:
        return int(expression)
    return numbers[match.group(1)] + int(match.group(2) or 0)


@lru_cache(maxsize=4096)  # sentence scans ask for the same short phrases again and again
def quantity(words: str) -> Figure | None:
    """The figure that count words give, through ``data/quantifiers.tsv``; ``None`` if no row matches.

    ``words`` is the count as written: "three", "1,200", "at least 16", "dozens", "between 10 and 15".
    The first matching row wins. ``Figure.text`` is ``words`` stripped. A range whose second number
    is not larger than its first ("twenty-five" is not 20 to 5) does not match.
    """
    text = _normalise(words)
    for rule in _rules():
        match = rule.pattern.fullmatch(text)
        if match is None:
            continue
        numbers = {name: parse_number(value) for name, value in match.groupdict().items()}
        if any(value is None for value in numbers.values()):
            continue
        if "M" in numbers and numbers["M"] <= numbers["N"]:
            continue
        low, best, high = (_value(cell, numbers) for cell in (rule.low, rule.best, rule.high))
        return Figure(low=low, best=best, high=high, text=words.strip())
    return None
