"""How alike two sentences are in content: the paraphrase score behind ``rewrite`` alignments.

A purely lexical score, fast enough to fill the sentence-by-sentence matrix of two
reports in a few milliseconds. It combines four signals, each in [0, 1]:

- content words: Dice overlap of lightly stemmed content words (function words left out);
- characters: rapidfuzz ``token_sort_ratio`` of the lower-cased sentences, which forgives
  word order and small spelling or inflection changes;
- numbers: Jaccard overlap of the figures (digits and number words), 1 when neither has any;
  a rewrite keeps its figures, two different stories rarely share them;
- names: Jaccard overlap of capitalised words (a stand-in for named entities), 1 when neither has any.

The weights were picked on a coarse grid and :data:`PARAPHRASE_THRESHOLD` set to the
accuracy-optimal value, both on the MRPC training pairs (see :mod:`storyline.evaluation.mrpc`,
which also reports a score with the threshold cross-validated).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

# Weights of content words, characters, numbers and names; they sum to 1.
WEIGHTS = (0.5, 0.3, 0.1, 0.1)
# The score at or above which two sentences say the same thing (MRPC-calibrated, accuracy-optimal).
PARAPHRASE_THRESHOLD = 0.55

# Words: letters/digits joined by inner apostrophes, hyphens, dots or commas ("al-Shabaab", "U.S", "1,500").
WORD = re.compile(r"\w+(?:[’'.,\-]\w+)*")

# English function words, reporting verbs and other words that carry no content of their own.
FUNCTION_WORDS = frozenset("""
a an the and or but nor if then than so yet of to in on at by for with from as into onto upon about above
below over under after before between among through during without within across against along around
behind beyond despite toward towards via per off out up down is are was were be been being am has have had
having do does did doing done will would shall should can could may might must ought it its itself this that
these those there here he she they we i you him her them us me his hers their theirs our ours your yours my
mine who whom whose which what when where why how whether not no just only very too more most much many
such some any all both each either neither other another own same s said says say saying told tell according
while although though because since until unless however meanwhile today yesterday tomorrow tonight now
ago later earlier
""".split())

_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_POSSESSIVE = ("'s", "’s")
_PLURAL = (("ies", "y"), ("sses", "ss"), ("s", ""))
_VERBAL = ("ing", "ed")


def _strip(word: str, suffix: str, replacement: str = "") -> str | None:
    if word.endswith(suffix) and len(word) - len(suffix) >= 3:
        return word[: -len(suffix)] + replacement
    return None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, lower-cased stem ("killings", "killed" -> "kill"; "five" -> "5"; "1,500" -> "1500")."""
    word = word.lower()
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word[:1].isdigit():
        return word.replace(",", "")
    for suffix in _POSSESSIVE:
        word = _strip(word, suffix) or word
    if not word.endswith(("ss", "us", "is")):
        for suffix, replacement in _PLURAL:
            stripped = _strip(word, suffix, replacement)
            if stripped:
                word = stripped
                break
    for suffix in _VERBAL:
        stripped = _strip(word, suffix)
        if stripped:
            word = stripped
            break
    # "involve"/"involved" and "house"/"houses" meet without their final e.
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=8)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of a list in ``storyline/link/data`` (one a line, ``#`` comments), read once."""
    text = (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=8)
def word_list_stems(name: str) -> frozenset[str]:
    """The stems of a word list in ``storyline/link/data`` (:func:`word_list`)."""
    return frozenset(stem(word) for word in word_list(name))


def is_function_word(word: str) -> bool:
    return word.lower() in FUNCTION_WORDS


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the score looks at in one sentence."""

    content: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    flat: str  # lower-cased words joined by spaces, for the character similarity


def sentence_features(sentence: str) -> SentenceFeatures:
    words = WORD.findall(sentence)
    content, numbers, names = set(), set(), set()
    for word in words:
        if is_function_word(word):
            continue
        key = stem(word)
        content.add(key)
        if word[0].isdigit() or word.lower() in _NUMBER_WORDS:
            numbers.add(key)
        elif word[0].isupper():
            names.add(key)
    return SentenceFeatures(frozenset(content), frozenset(numbers), frozenset(names), " ".join(words).lower())


def _incidence(rows: Sequence[frozenset[str]], vocabulary: dict[str, int]) -> np.ndarray:
    matrix = np.zeros((len(rows), max(len(vocabulary), 1)), dtype=np.float32)
    for i, row in enumerate(rows):
        for key in row:
            matrix[i, vocabulary[key]] = 1.0
    return matrix


def _overlaps(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Intersection sizes (len(left) x len(right)) and the set sizes on each side."""
    vocabulary: dict[str, int] = {}
    for row in (*left, *right):
        for key in row:
            vocabulary.setdefault(key, len(vocabulary))
    a, b = _incidence(left, vocabulary), _incidence(right, vocabulary)
    return a @ b.T, a.sum(axis=1), b.sum(axis=1)


def _jaccard_or_one(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]) -> np.ndarray:
    inter, size_a, size_b = _overlaps(left, right)
    union = size_a[:, None] + size_b[None, :] - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, inter / np.maximum(union, 1), 1.0)


@dataclass(frozen=True, slots=True)
class ScoreMatrices:
    """Pairwise scores of two lists of sentences (rows: the first list, columns: the second).

    ``score`` is the paraphrase score; ``shared`` the number of shared content words and
    ``coverage_left`` / ``coverage_right`` the share of each side's content words found in the other.
    """

    score: np.ndarray
    shared: np.ndarray
    coverage_left: np.ndarray
    coverage_right: np.ndarray


def score_matrices(left: Sequence[SentenceFeatures], right: Sequence[SentenceFeatures]) -> ScoreMatrices:
    """The paraphrase score of every pair, computed at once (matrix products and rapidfuzz's ``cdist``)."""
    if not left or not right:
        empty = np.zeros((len(left), len(right)), dtype=np.float32)
        return ScoreMatrices(empty, empty, empty, empty)
    shared, size_l, size_r = _overlaps([f.content for f in left], [f.content for f in right])
    total = size_l[:, None] + size_r[None, :]
    dice = np.where(total > 0, 2 * shared / np.maximum(total, 1), 0.0)
    chars = cdist([f.flat for f in left], [f.flat for f in right], scorer=fuzz.token_sort_ratio,
                  dtype=np.float32) / 100.0
    numbers = _jaccard_or_one([f.numbers for f in left], [f.numbers for f in right])
    names = _jaccard_or_one([f.names for f in left], [f.names for f in right])
    w_content, w_chars, w_numbers, w_names = WEIGHTS
    score = w_content * dice + w_chars * chars + w_numbers * numbers + w_names * names
    # Sentences with no content word in common are not paraphrases, whatever their characters say.
    score = np.where(shared > 0, score, np.minimum(score, 0.2))
    coverage_left = shared / np.maximum(size_l[:, None], 1)
    coverage_right = shared / np.maximum(size_r[None, :], 1)
    return ScoreMatrices(score.astype(np.float32), shared, coverage_left, coverage_right)


def paraphrase_score(sentence_a: str, sentence_b: str) -> float:
    """How alike two sentences are in content, in [0, 1]; paraphrases score >= :data:`PARAPHRASE_THRESHOLD`."""
    matrices = score_matrices([sentence_features(sentence_a)], [sentence_features(sentence_b)])
    return float(np.clip(matrices.score[0, 0], 0.0, 1.0))
