"""Relation: how two reports relate (copy, rewrite, update, shared source, same story), which came first.

FEATURES_PLACEHOLDER
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|<\s*\n")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’]*[A-Za-z](?:[-'’][A-Z][a-z]+)*\b")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
                 "dozen": "12", "dozens": "dozens", "hundred": "100", "hundreds": "hundreds", "thousand": "1000"}
# Capitalised words that start sentences or name days and months say nothing about which story it is.
_NOT_NAMES = frozenset("""
a an the he she it they we i you his her its their this that these those there here then when where while
who what which why how if but and or so as at by for from in into of on to with after before during
mr mrs ms dr sir lord lady mister miss judge justice court police yesterday today tomorrow last next
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december one two three four five six seven eight nine ten
also although despite however meanwhile earlier later separately some many most all both each
""".split())


def tokens(text: str) -> list[str]:
    """Lower-case word tokens (letters and digits; punctuation dropped)."""
    return _TOKEN.findall(text.lower())


def ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    """The set of word n-grams of ``words``."""
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def sentences(text: str) -> list[str]:
    """Sentences by punctuation and paragraph breaks (a cheap splitter: abbreviations may split)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def numbers(text: str) -> set[str]:
    """Numbers written in digits (commas dropped) and the common number words, as digits."""
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    found |= {_NUMBER_WORDS[w] for w in tokens(text) if w in _NUMBER_WORDS}
    return found


def names(text: str) -> set[str]:
    """Capitalised words that are not sentence-starter function words, days or months (lower case)."""
    return {w.lower().replace("’", "'").removesuffix("'s") for w in _CAPITALISED.findall(text)} - _NOT_NAMES


def _containment(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def longest_common_run(a: list[str], b: list[str]) -> int:
    """The length in tokens of the longest run of words that both token lists share."""
    if not a or not b:
        return 0
    low, high = 0, min(len(a), len(b))
    while low < high:  # a shared run of length k implies one of every shorter length: binary search
        mid = (low + high + 1) // 2
        if ngrams(a, mid) & ngrams(b, mid):
            low = mid
        else:
            high = mid - 1
    return low


def _verbatim_share(of: list[set[str]], against: list[set[str]], threshold: float) -> float:
    """Share of sentences in ``of`` whose words are ``threshold`` or more inside one sentence of ``against``."""
    if not of:
        return 0.0
    index: dict[str, list[int]] = {}
    for i, words in enumerate(against):
        for word in words:
            index.setdefault(word, []).append(i)
    matched = 0
    for words in of:
        counts: dict[int, int] = {}
        for word in words:
            for i in index.get(word, ()):
                counts[i] = counts.get(i, 0) + 1
        if counts and max(counts.values()) >= threshold * len(words):
            matched += 1
    return matched / len(of)


# A sentence counts as near-verbatim when 80% of its distinct words are in one sentence of the other
# report; sentences under five words (datelines, "He said:") are left out.
VERBATIM_SENTENCE_OVERLAP = 0.8
_MIN_SENTENCE_WORDS = 5


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """Cheap measures of shared wording between report A and report B.

    ``b_in_a3`` is the share of B's distinct word 3-grams found in A (``a_in_b3`` the
    reverse; ``5`` for 5-grams); ``jaccard3`` the 3-gram Jaccard similarity;
    ``longest_run`` the longest shared run of words; ``b_verbatim`` the share of B's
    sentences with a near-verbatim counterpart in A; ``shared_numbers`` and
    ``shared_names`` the numbers and capitalised names both use.
    """

    a_words: int
    b_words: int
    b_in_a3: float
    a_in_b3: float
    b_in_a5: float
    a_in_b5: float
    jaccard3: float
    longest_run: int
    b_verbatim: float
    a_verbatim: float
    shared_numbers: tuple[str, ...]
    shared_names: tuple[str, ...]
    a_names: int
    b_names: int

    def swapped(self) -> PairFeatures:
        """The same features with A and B exchanged."""
        return PairFeatures(self.b_words, self.a_words, self.a_in_b3, self.b_in_a3, self.a_in_b5, self.b_in_a5,
                            self.jaccard3, self.longest_run, self.a_verbatim, self.b_verbatim,
                            self.shared_numbers, self.shared_names, self.b_names, self.a_names)


def pair_features(a_text: str, b_text: str) -> PairFeatures:
    """Shared-wording features of two texts (two 1,000-word reports take a few milliseconds)."""
    a_words, b_words = tokens(a_text), tokens(b_text)
    a3, b3 = ngrams(a_words, 3), ngrams(b_words, 3)
    a5, b5 = ngrams(a_words, 5), ngrams(b_words, 5)
    a_sentences = [set(tokens(s)) for s in sentences(a_text)]
    b_sentences = [set(tokens(s)) for s in sentences(b_text)]
    a_sentences = [s for s in a_sentences if len(s) >= _MIN_SENTENCE_WORDS]
    b_sentences = [s for s in b_sentences if len(s) >= _MIN_SENTENCE_WORDS]
    a_names, b_names = names(a_text), names(b_text)
    union3 = len(a3 | b3)
    return PairFeatures(
        a_words=len(a_words),
        b_words=len(b_words),
        b_in_a3=_containment(b3, a3),
        a_in_b3=_containment(a3, b3),
        b_in_a5=_containment(b5, a5),
        a_in_b5=_containment(a5, b5),
        jaccard3=len(a3 & b3) / union3 if union3 else 0.0,
        longest_run=longest_common_run(a_words, b_words),
        b_verbatim=_verbatim_share(b_sentences, a_sentences, VERBATIM_SENTENCE_OVERLAP),
        a_verbatim=_verbatim_share(a_sentences, b_sentences, VERBATIM_SENTENCE_OVERLAP),
        shared_numbers=tuple(sorted(numbers(a_text) & numbers(b_text))),
        shared_names=tuple(sorted(a_names & b_names)),
        a_names=len(a_names),
        b_names=len(b_names),
    )
