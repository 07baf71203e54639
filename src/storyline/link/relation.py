"""Relation: how two reports relate (copy, rewrite, update, shared source, same story) and which came first.

Two steps, both cheap enough to run on every candidate pair:

1. :func:`pair_features` measures shared wording: content-word, 3-gram and 5-gram containment
   both ways, Jaccard, the longest shared run of words, near-verbatim sentences, the material
   each report adds (sentences with no counterpart in the other), shared numbers and names.
2. :func:`classify_pair` turns them, with the articles' metadata (URL, outlet, versions,
   publication dates and, where both state one, times) and the attributions in their text
   (:mod:`storyline.link.attribution`),
   into a :class:`~storyline.records.Link`: the relation, which report is the source, a
   confidence, and the evidence as short sentences a person can check.

The learned numbers (reuse, extent and direction weights, the calibration of P(reuse) and the cut
at which reuse is claimed) live in ``data/relation_model.json``, written by
``scripts/train_relation.py`` with its cross-validated METER scores beside them; METER is British
court reporting from 1999-2000, so they are a starting point for other news, not a law. Where the
direction of a derivation rests only on the wording, the confidence says so by being low rather than
by guessing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

from storyline.link.align import is_figure, reworded_only
from storyline.link.attribution import attributions, canonical_outlet, find_attributions
from storyline.link.names import (CAPITALS, NOT_NAMES, SMALL_LETTERS, SPELLING_LETTERS, SharedName, is_town_name,
                                  is_unknown_place, report_names, same_town, shared_names, spelled_alike,
                                  spelling_key, spelling_keys)
from storyline.link.similarity import WORD, is_function_word, stem, word_list, word_list_stems
from storyline.records import Article, Link

__all__ = ["MODEL", "RELATIONS", "REUSE_RELATIONS", "PairFeatures", "RelationModel", "attributions", "classify_pair",
           "derivation_extent", "load_relation_model", "pair_features", "quote_trims", "quotes", "reuse_probability"]

_HASH_BASE = 1_000_003
_MASK64 = (1 << 64) - 1
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_LOWER_CONTENT = re.compile(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])")  # lower-case words: the vocabulary, not names
_CAPITALISED = re.compile(rf"\b[{CAPITALS}][{SMALL_LETTERS}'’]*[{CAPITALS}{SMALL_LETTERS}]"
                          rf"(?:[-'’][{CAPITALS}][{SMALL_LETTERS}]+)*\b")
_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
                 "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
                 "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "dozen": "12",
                 "dozens": "dozens", "hundred": "100", "hundreds": "hundreds", "thousand": "1000"}


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
    return {w.lower().replace("’", "'").removesuffix("'s") for w in _CAPITALISED.findall(text)} - NOT_NAMES


# A quotation: ``like this'' (PA copy), curly or straight double quotes, or single quotes that are not
# apostrophes (no letter or digit just outside them).
_QUOTE = re.compile(r"``(.+?)''|“(.+?)”|\"(.+?)\"|(?<!\w)['‘](.+?)['’](?!\w)", re.S)
_MIN_QUOTE_WORDS = 3
# A quote is cut from a longer one when its words appear in order in it and it is this many words shorter.
_QUOTE_CUT_WORDS = 2


def quotes(text: str) -> list[list[str]]:
    """The word tokens of each quotation of three or more words in ``text``."""
    found = []
    for match in _QUOTE.finditer(text):
        words = tokens(next(group for group in match.groups() if group is not None))
        if len(words) >= _MIN_QUOTE_WORDS:
            found.append(words)
    return found


def _in_order(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _cut_from(of: list[list[str]], against: list[list[str]]) -> int:
    whole = {tuple(q) for q in against}
    return sum(1 for q in of if tuple(q) not in whole
               and any(len(p) >= len(q) + _QUOTE_CUT_WORDS and _in_order(q, p) for p in against))


def quote_trims(a_text: str, b_text: str) -> tuple[int, int]:
    """``(B's quotes cut from longer A quotes, A's quotes cut from longer B quotes)``.

    A rewrite shortens the quotes it takes over ("X said it 'will immediately upgrade its security
    measures'" becomes "'immediately upgrade security measures'"); it cannot lengthen them with words
    it never saw, so the report whose quotes are the cut ones is likely the copy.
    """
    a_quotes, b_quotes = quotes(a_text), quotes(b_text)
    return _cut_from(b_quotes, a_quotes), _cut_from(a_quotes, b_quotes)


@dataclass(frozen=True, slots=True)
class AddedFacts:
    """What one report tells that another does not: its figures, names and quotes the other lacks.

    ``total`` weighs all of the report's facts (a figure or a quote 1, a name its weight from
    :func:`storyline.link.names.name_weight`), ``added`` those the other report does not hold, and
    ``listed`` names them for the evidence.
    """

    added: float
    total: float
    listed: tuple[str, ...]

    @property
    def share(self) -> float:
        return self.added / self.total if self.total else 0.0


# "one" and "a" are everywhere ("one of the drones"): figures start at two.
_NOT_FIGURES = frozenset({"0", "1"})


def added_facts(of_text: str, against_text: str) -> AddedFacts:
    """The figures, names and quotes of ``of_text`` that ``against_text`` does not hold (:class:`AddedFacts`).

    A figure is held when the other report writes the same number (digits or word); a name when
    every word of it occurs in the other report, in any case and however it is romanised ("Nigerian Air
    Force" against "the Nigerian air force", "Diyarbakır" against "Diyarbakir": :func:`spelling_key`); a
    quote when half its word 3-grams occur in the other report.
    """
    against_words = tokens(against_text)
    known_3grams = ngrams(against_words, 3)
    known_words = {spelling_key(word) for word in against_words}
    figures = numbers(of_text) - _NOT_FIGURES
    new_figures = sorted(figures - numbers(against_text))
    found_names = report_names(of_text)
    new_names = [name for name in found_names
                 if not all(spelling_key(part) in known_words for word in name.words for part in tokens(word))]
    found_quotes = quotes(of_text)
    new_quotes = [q for q in found_quotes
                  if 2 * sum(gram in known_3grams for gram in ngrams(q, 3)) < max(len(q) - 2, 1)]
    added = len(new_figures) + sum(name.weight for name in new_names) + len(new_quotes)
    total = len(figures) + sum(name.weight for name in found_names) + len(found_quotes)
    listed = (*new_figures, *(name.text for name in new_names), *(f"“{' '.join(q[:6])}…”" for q in new_quotes))
    return AddedFacts(added, total, listed)


def _containment(part: set, whole: set) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _prefix_hashes(ids: list[int]) -> np.ndarray:
    prefix, value = [0], 0
    for token_id in ids:
        value = (value * _HASH_BASE + token_id) & _MASK64
        prefix.append(value)
    return np.array(prefix, dtype=np.uint64)


def longest_common_run(a: list[str], b: list[str]) -> int:
    """The length in tokens of the longest run of words that both token lists share.

    A shared run of length k implies shared runs of every shorter length, so the
    length is binary-searched; runs are compared by rolling hashes (arithmetic mod 2**64).
    """
    if not a or not b:
        return 0
    vocabulary: dict[str, int] = {}
    a_prefix = _prefix_hashes([vocabulary.setdefault(w, len(vocabulary) + 1) for w in a])
    b_prefix = _prefix_hashes([vocabulary.setdefault(w, len(vocabulary) + 1) for w in b])

    def shared(k: int) -> bool:
        power = np.uint64(pow(_HASH_BASE, k, 1 << 64))
        with np.errstate(over="ignore"):
            a_runs = a_prefix[k:] - a_prefix[:-k] * power
            b_runs = b_prefix[k:] - b_prefix[:-k] * power
        return bool(np.intersect1d(a_runs, b_runs).size)

    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if shared(mid):
            low = mid
        else:
            high = mid - 1
    return low


def unquoted_run(a_text: str, b_text: str) -> int:
    """The longest run of words two texts share outside quotation marks (a quote ends a run)."""
    def words(text: str, side: str) -> list[str]:
        found: list[str] = []
        start = 0
        for n, quote in enumerate([*_QUOTE.finditer(text), None]):
            end = quote.start() if quote else len(text)
            found += tokens(text[start:end])
            found.append(f"\x00{side}{n}")  # a quote ends a run: a word no token can be
            start = quote.end() if quote else end
        return found

    return longest_common_run(words(a_text, "a"), words(b_text, "b"))


def _best_overlaps(of: list[set], against: list[set]) -> list[float]:
    """For each set in ``of``, the largest share of it found inside one set of ``against``."""
    index: dict[object, list[int]] = {}
    for i, items in enumerate(against):
        for item in items:
            index.setdefault(item, []).append(i)
    best = []
    for items in of:
        counts: dict[int, int] = {}
        for item in items:
            for i in index.get(item, ()):
                counts[i] = counts.get(i, 0) + 1
        best.append(max(counts.values()) / len(items) if counts else 0.0)
    return best


# A sentence is near-verbatim when 70% of its word pairs (bigrams) are in one sentence of the other
# report. It has a counterpart at all when half of its content words are within three consecutive
# sentences of the other (a rewrite often merges neighbouring sentences); under that it is new
# material. Sentences under three content words ("He said:") are left out. On METER, windows of three
# separate wholly from partially derived stories better than single sentences (macro-F1 0.83 vs 0.76).
VERBATIM_SENTENCE_OVERLAP = 0.7
COUNTERPART_OVERLAP = 0.5
COUNTERPART_WINDOW = 3
# A sentence is unseen when over 40% of its content words never occur in the other report.
UNSEEN_OVERLAP = 0.6
_MIN_CONTENT_WORDS = 3
_STOPWORDS = frozenset("""
a about after all also an and any are as at be been before being but by can could did do does for from had
has have he her hers him his i if in into is it its me more most my no not of on or our out over said says
she so some than that the their them then there these they this those to under up was we were what when where
which while who whom why will with would you your yesterday today tomorrow mr mrs ms told
""".split())


@dataclass(frozen=True, slots=True)
class _Side:
    words: list[str]
    content: set[str]
    sentence_bigrams: list[set[tuple[str, str]]]
    sentence_content: list[set[str]]
    sentence_lengths: list[int]
    windows: list[set[str]]  # content words of each run of COUNTERPART_WINDOW consecutive sentences


def _side(text: str) -> _Side:
    words = tokens(text)
    bigrams, content, lengths = [], [], []
    for sentence in sentences(text):
        sentence_words = tokens(sentence)
        sentence_content = set(sentence_words) - _STOPWORDS
        if len(sentence_content) >= _MIN_CONTENT_WORDS:
            bigrams.append(ngrams(sentence_words, 2))
            content.append(sentence_content)
            lengths.append(len(sentence_words))
    windows = [set().union(*content[i:i + COUNTERPART_WINDOW])
               for i in range(max(len(content) - COUNTERPART_WINDOW + 1, 1))] if content else []
    return _Side(words, set(words) - _STOPWORDS, bigrams, content, lengths, windows)


def _verbatim_share(of: _Side, against: _Side) -> float:
    overlaps = _best_overlaps(of.sentence_bigrams, against.sentence_bigrams)
    return sum(o >= VERBATIM_SENTENCE_OVERLAP for o in overlaps) / len(overlaps) if overlaps else 0.0


def _share_below(of: _Side, overlaps: list[float], threshold: float) -> float:
    total = sum(of.sentence_lengths)
    below = sum(n for n, o in zip(of.sentence_lengths, overlaps) if o < threshold)
    return below / total if total else 0.0


def _new_share(of: _Side, against: _Side) -> float:
    return _share_below(of, _best_overlaps(of.sentence_content, against.windows), COUNTERPART_OVERLAP)


def _unseen_share(of: _Side, against: _Side) -> float:
    return _share_below(of, _best_overlaps(of.sentence_content, [against.content]), UNSEEN_OVERLAP)


@dataclass(frozen=True, slots=True)
class PairFeatures:
    """Cheap measures of shared wording between report A and report B.

    ``b_in_a1`` is the share of B's distinct content words (not function words) found in A;
    ``b_in_a3`` / ``b_in_a5`` the share of B's distinct word 3-/5-grams found in A
    (``a_in_b*`` the reverse); ``jaccard3`` the 3-gram Jaccard similarity;
    ``longest_run`` the longest shared run of words; ``b_verbatim`` the share of B's
    sentences with a near-verbatim counterpart in A; ``b_new`` the share of B's words
    in sentences with no counterpart in A (B's added material); ``b_unseen`` the share
    of B's words in sentences whose content words A mostly never uses;
    ``shared_numbers`` and ``shared_names`` what both mention; ``b_cut_quotes`` the number of
    B's quotes that are cut-down versions of longer A quotes (``a_cut_quotes`` the reverse).
    """

    a_words: int
    b_words: int
    b_in_a1: float
    a_in_b1: float
    b_in_a3: float
    a_in_b3: float
    b_in_a5: float
    a_in_b5: float
    jaccard3: float
    longest_run: int
    b_verbatim: float
    a_verbatim: float
    b_new: float
    a_new: float
    b_unseen: float
    a_unseen: float
    shared_numbers: tuple[str, ...]
    shared_names: tuple[str, ...]
    a_names: int
    b_names: int
    b_cut_quotes: int = 0
    a_cut_quotes: int = 0

    def swapped(self) -> PairFeatures:
        """The same features with A and B exchanged."""
        return PairFeatures(
            self.b_words, self.a_words, self.a_in_b1, self.b_in_a1, self.a_in_b3, self.b_in_a3, self.a_in_b5,
            self.b_in_a5, self.jaccard3, self.longest_run, self.a_verbatim, self.b_verbatim, self.a_new, self.b_new,
            self.a_unseen, self.b_unseen, self.shared_numbers, self.shared_names, self.b_names, self.a_names,
            self.a_cut_quotes, self.b_cut_quotes)


def pair_features(a_text: str, b_text: str) -> PairFeatures:
    """Shared-wording features of two texts (two 1,000-word reports take a few milliseconds)."""
    a, b = _side(a_text), _side(b_text)
    a3, b3 = ngrams(a.words, 3), ngrams(b.words, 3)
    a5, b5 = ngrams(a.words, 5), ngrams(b.words, 5)
    a_names, b_names = names(a_text), names(b_text)
    union3 = len(a3 | b3)
    b_cut_quotes, a_cut_quotes = quote_trims(a_text, b_text)
    return PairFeatures(
        a_words=len(a.words),
        b_words=len(b.words),
        b_in_a1=_containment(b.content, a.content),
        a_in_b1=_containment(a.content, b.content),
        b_in_a3=_containment(b3, a3),
        a_in_b3=_containment(a3, b3),
        b_in_a5=_containment(b5, a5),
        a_in_b5=_containment(a5, b5),
        jaccard3=len(a3 & b3) / union3 if union3 else 0.0,
        longest_run=longest_common_run(a.words, b.words),
        b_verbatim=_verbatim_share(b, a),
        a_verbatim=_verbatim_share(a, b),
        b_new=_new_share(b, a),
        a_new=_new_share(a, b),
        b_unseen=_unseen_share(b, a),
        a_unseen=_unseen_share(a, b),
        shared_numbers=tuple(sorted(numbers(a_text) & numbers(b_text))),
        shared_names=tuple(sorted(a_names & b_names)),
        a_names=len(a_names),
        b_names=len(b_names),
        b_cut_quotes=b_cut_quotes,
        a_cut_quotes=a_cut_quotes,
    )


# -- classification -----------------------------------------------------------------------------

RELATIONS = ("duplicate", "derived", "update", "common_source", "same_story", "unrelated")
# Relations in which one report's wording comes from the other's (or both from a third).
REUSE_RELATIONS = frozenset({"duplicate", "derived", "update", "common_source"})

# Near-identical: 90% of each report's 3-grams are in the other.
DUPLICATE_CONTAINMENT = 0.9
# ... unless more than this many of its terms were swapped for others ("demonstrators" -> "opposition activists",
# "tension" -> "agitation"): an edited copy is derived, and which is the source matters. A changed figure or time
# word, a spelling, a cut or an added note (a syndication credit) leaves a duplicate.
DUPLICATE_MAX_SWAPS = 1
# A later version of one outlet's story holds at least 80% of the earlier one's 3-grams.
UPDATE_CONTAINMENT = 0.8
# Below this 3-gram containment no reuse is claimed, whatever the shared vocabulary says (conservative:
# on METER it changes two stories).
REUSE_MIN_CONTAINMENT3 = 0.05
# Which of two reports sharing wording is the source: log-odds contributions for "A is the source".
# A publication date one or more days earlier and an explicit credit are strong; a wire byline on one
# side only is a hint (wire copy is usually the source). From the wording (weights in the model file):
# the copy is usually the shorter, and its quotes are the cut-down ones. The containment asymmetry
# carries the same information as the lengths (it is the shared n-grams times 1/|B| - 1/|A|) and
# added nothing to the fit, so it is reported, not weighted.
DATE_LOG_ODDS = 3.0
# Where both reports state their time of publication, the earlier by at least this much is the source with the
# same weight as a day earlier (a copy is never out before its source); closer than that, a page's clock or a
# scheduled post could put them either way, and the times say nothing.
MIN_TIME_GAP = dt.timedelta(minutes=30)
CREDIT_LOG_ODDS = 3.0
WIRE_COPY_LOG_ODDS = 1.0
# A report that uses more loaded words in its own voice (``data/loaded_words.txt``) is more likely the rewrite: a
# partisan outlet rewrites a neutral wire more often than the reverse, and a neutral outlet that rewrites a partisan
# source mostly credits it. Per word more, up to LOADED_WORD_CAP words. Judged; on the gold derivations of the
# reports suite and two blind rounds (67), undated and uncredited, the wording alone orders 55 right and with this
# hint 58 (the loaded side is the rewrite in 19 of the 28 pairs where the counts differ).
LOADED_WORD_LOG_ODDS = 0.4
LOADED_WORD_CAP = 2
# People who "told" a report's own outlet what they saw were interviewed by its reporters; a copy of it says
# "according to his family" or keeps the credit to the first outlet. A hint of the same weight as a wire byline.
OWN_REPORTING_LOG_ODDS = 1.0
# Independent reports of one story share little wording, but they name the same places and people (weighted by how
# much each name says: :mod:`storyline.link.names`) and use the same words for what happened. The evidence is the
# weight of the shared names plus SAME_STORY_VOCABULARY_POINTS times the smaller share of each report's lower-case
# content words found in the other. A same_story link needs SAME_STORY_MIN_EVIDENCE, of it at least
# SAME_STORY_MIN_NAME_WEIGHT from names, and a shared small place written as a place ("near Lafoole"): reports of
# different incidents in one region share the region, the capital and the armed groups, not where it happened. A story
# about people rather than a place (a trial) does without the place when its shared names weigh
# SAME_STORY_NAMES_WITHOUT_PLACE. Reports more than STORY_DAYS apart need one more point per further day, unless the
# analysis of both finds the same incident (one kind, one town, one day: INCIDENT_KINDS below), as in a weekly column
# that tells the riot of May 18 again. A day both merely name is not enough: a report of a new attack names the day of
# the last one at the same market. Measured on METER (pairs of one day): 161 of 165 non-derived stories are linked to
# their own PA copy (113 as same_story), and 16 of 1,396 to the copy of another case that day; on SATP incident
# summaries sharing a name (different incidents, a day apart), 4% of pairs (the earlier rule, three shared capitalised
# words making 30% of the smaller report's: 17%). Since the days the reports name count (DIFFERENT_DAYS_POINTS,
# figures there): 155 of 165, 14 of 1,364, and on SATP pairs that share a name of weight 1 (a sample of 3,000) 8.8% ->
# 0.7%.
SAME_STORY_MIN_EVIDENCE = 4.0
SAME_STORY_MIN_NAME_WEIGHT = 1.5
SAME_STORY_NAMES_WITHOUT_PLACE = 4.0
SAME_STORY_VOCABULARY_POINTS = 20.0
STORY_DAYS = 3
# Reports of one incident put it on the same day; reports of different incidents in one town in one
# week mostly do not. A day both reports name ("on Tuesday", "yesterday", resolved against each one's
# publication date) before the later publication adds SAME_DAY_POINTS to the names' weight, and makes
# a big town both write as a place (weight 0.5: "near Bannu") where it happened. The later report's
# publication day is left out: "police said on Wednesday" in two reports of that day says nothing.
SAME_DAY_POINTS = 1.0
# What the analysis of each report says happened also tells where and when: reports whose event mentions put
# one kind of incident (INCIDENT_KINDS: a demonstration, or political violence) in one town on one day share
# that day (SAME_DAY_POINTS, the publication day included, since the analysis dated the event to it, not a
# statement) and that town as the place where it happened. Two reports of a deadly protest in a capital,
# written the day it happened, share no other place or day ("in Conakry's Ratoma commune" against "in
# Hamdallaye, Bambeto and Cosa", both "on Wednesday"). The other evidence is still needed.
INCIDENT_KINDS = {"Protests": "a demonstration", "Riots": "a demonstration", "Battles": "political violence",
                  "Violence against civilians": "political violence",
                  "Explosions/Remote violence": "political violence"}
# A report that tells nothing of its own restates another: of its figures, names and quotes
# (:func:`added_facts`, at least RESTATED_MIN_FACTS) the other lacks at most RESTATED_MAX_ADDED, making at
# most RESTATED_MAX_SHARE of them, and the other tells more. Reworded so far that little wording is
# shared, such a report is a heavy rewrite, or both repeat one statement: either way it confirms
# nothing independently. Independent reports bring their own witnesses, officials and figures (the
# team's sample reports: 55-79% of their facts are their own; rewrites 0-24%). On METER, 354 of the 374
# stories under those bounds are derived, but among those the reuse model does not already call
# derived only 19 of 30 (court reporters in one hearing share its facts), so such a derivation gets
# RESTATED_PROBABILITY, and RESTATED_SAME_DAY when nothing but the facts says which came first. METER
# binary macro-F1 (in sample, classify_pair) with the rule: 0.763, without: 0.764.
# A report of the same story whose lead credits another outlet ("the Gulf of Guinea Press agency reported",
# "according to Reuters") relays that outlet's report, however far it rewords it: derived from it when the
# other report is that outlet's (RELAYED_PROBABILITY), and of a common source with another report whose
# lead credits the same outlet (RELAYED_COMMON_PROBABILITY). The lead is the first LEAD_SENTENCES
# sentences; a credit further down ("Reuters reported that the road was closed") is for one fact, which
# independent reports also borrow. A note that an outlet contributed to the report ("Gulf Wire Service contributed to
# this report", "With files from The Canadian Press") counts wherever it stands: it is about the text, not one fact.
# Judged, not fitted: METER's papers do not credit the PA in their leads.
# A report whose lead is about something else (a news-in-brief column: a football result, then the attack) tells
# the story in one passage, the paragraph whose vocabulary the other report shares most (DIGEST_*): a credit in that
# paragraph is in the story's lead. Judged, not fitted.
RELAYED_PROBABILITY = 0.8
RELAYED_COMMON_PROBABILITY = 0.7
RELAYED_STORY_REUSE = 0.5  # below the reuse cut, the least P(reuse) at which a wire relayed by one report is shared
RELAYED_STORY_DAYS = 1  # ... by reports published this many days apart at most
RELAYED_UNSHARED_REUSE = 0.05  # a credited report further apart than that, sharing less wording, is not the one relayed
# Below this probability for the likelier direction, which of two reports sharing wording came first is uncertain:
# a derived link says so, and a credit or a shared statement on one side may tell a common source instead.
UNCERTAIN_DIRECTION = 0.7
LEAD_SENTENCES = 2
DIGEST_LEAD_OVERLAP = 0.2  # the report's first paragraph shares less than this of its vocabulary with the other
DIGEST_PASSAGE_OVERLAP = 0.5  # the passage shares at least this
RESTATED_MIN_FACTS = 5.0
RESTATED_MAX_ADDED = 3.0
RESTATED_MAX_SHARE = 0.25
RESTATED_PROBABILITY = 0.6
RESTATED_SAME_DAY = 0.5
# Reports of one story that share a passage of SHARED_PASSAGE_WORDS or more words outside quotation marks (a paragraph
# taken over with its wording: "Protesters responded by throwing stones, setting tyres on fire and barricading the
# main highway") share it because one took it from the other, however much each rewords the rest: ``derived`` at
# SHARED_PASSAGE_PROBABILITY times the certainty of the direction, found as for reused wording. Quotes are left out:
# reporters quote one speaker alike. On METER 134 of 769 stories share such a passage with the PA copy, 127 of them
# derived; of the 4 that the reuse model puts below its cut, 2 (hence a middling confidence).
SHARED_PASSAGE_WORDS = 20
SHARED_PASSAGE_PROBABILITY = 0.6
# Two reports that share wording, each credit one issuer's statement ("the National Police Service said in a
# statement") and each add STATEMENT_OWN_MATERIAL or more of their own, with nothing but the order they came out in
# to say that one used the other (no credit, no telling difference in wording), both rewrite that statement
# (``common_source``) rather than one the other. Judged, not fitted.
STATEMENT_OWN_MATERIAL = 0.3
# "X said in a statement", "X said in its communique", "X said. In its statement, issued on Monday, ...".
_STATEMENT = re.compile(r"\s+(?:said|says|announced)(?:\s+in|[.,]\s+[Ii]n)\s+(?:an?|its|their)\s+(?:\w+\s+)?"
                        r"(?:statement|press\s+release|communiqu[eé])")
_ISSUER = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|the|and)\s+)*)*[A-Z][\w'’.-]*)$")
# One outlet's two reports of one story on one day, however reworded (a wire's flash, its update, its evening
# write-through), are versions of its report, not two sources: an ``update`` (SAME_OUTLET_VERSION_PROBABILITY),
# the one that adds material the later. Judged, not fitted: no corpus here has one outlet's versions.
SAME_OUTLET_VERSION_PROBABILITY = 0.7
# ... and so are its reports of one story within a few days: a follow-up the next morning or two days on with the toll
# risen ("a third person has died", after "two dead, three wounded") is its report brought up to date, not a second
# source.
SAME_OUTLET_DAYS = 3
# A version retells the report it replaces: it keeps at least VERSION_KEPT_FACTS of that report's figures, names and
# quotes (the versions in the reports suite keep 76% or more). One outlet's two same-day reports of one story of
# which neither retells the other (a main report and its sidebar on the victims) are not versions, and not two
# sources either: both come from the outlet's own reporting, a source outside the set (``common_source``,
# SAME_OUTLET_PROBABILITY). Judged, not fitted. A sidebar comes out with its main report: one of a later day, however
# rewritten, is the report brought up to date (an ``update``; blind round 43's two follow-ups kept 52% and 55%).
VERSION_KEPT_FACTS = 0.6
SAME_OUTLET_PROBABILITY = 0.6
# A weekday after "next" or "coming" is ahead of the publication: no day anything happened on.
_DAY_WORD = re.compile(r"(?<!next )(?<!coming )\b(?:(?:last|this|past)\s+)?"
                       r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\byesterday\b", re.IGNORECASE)
# Dates written out: "March 4", "4 March 2026", "Sept. 12" (month names with a capital only: "may 4" is no date).
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr" \
         r"|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE_WORD = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?"
                        rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}}\b)?")
# A dateline's date ("BAMAKO, May 14 (Agency) —") is when the report was filed, not when anything happened.
_BEFORE_DATELINE_DATE = re.compile(r"(?:^|\n)[ \t]*[A-Z][^\n]{0,60},[ \t]*$")
_AFTER_DATELINE_DATE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|--|-)")
# Reports that both name the days things happened, none of them within a day of the other's, tell of
# different days: DIFFERENT_DAYS_POINTS more evidence is needed for one story (and neither restates the
# other). Measured on SATP incident summaries that share a name (different incidents, published a day
# apart in the test; 3,000 pairs): same_story links 263 without the rule, 67 at 2 points, 21 at 4, 15 as
# a veto. On METER (non-derived stories against their own PA copy, which may name the crime's day
# rather than the hearing's): 161 of 165 linked without the rule, 157 at 2, 155 at 4, 135 as a veto.
DIFFERENT_DAYS_POINTS = 4.0
# Different days less than a week apart tell of different incidents more surely still (NEAR_DAYS_POINTS more):
# a market bombing on a Tuesday and an attack on a checkpoint in the same town on the Friday share the town,
# its commissioner, the governor and the armed group, and much of the wording of the background. Court
# reports name a crime's day months before the hearing's, which the nearness leaves alone. Same measurements
# as above: SATP 21 same_story links either way; METER 155 -> 154 of 165, 13 of 1,364 either way.
NEAR_DAYS = 7
NEAR_DAYS_POINTS = 6.0
# Reports that each write a town or village as where it happened (a name of weight 1 after "in", "near",
# "the town of") that the other never names tell of different places: a wire's two reports of one day from
# one province, an ambush outside one town and a bomb in another, share the governor, the armed group and a
# boilerplate paragraph word for word, but not the town. They need DIFFERENT_TOWNS_POINTS more evidence to
# be one story, and their shared wording is taken for stock wording, not a copy. Measured as above: SATP
# 21 -> 17 same_story links; METER non-derived stories linked to their own PA copy 154 -> 153 of 165,
# other cases 13 -> 11 of 1,364.
DIFFERENT_TOWNS_POINTS = 10.0
# Incidents that the analyses of the two reports place in other towns on days more than a day apart
# (:func:`incidents_apart`) are other incidents, however many names the reports share (one outlet's reports of two
# attacks on one party, quoting one official and repeating a paragraph of background): the bar rises as for towns
# and days apart together, and no shared wording makes one a copy of the other's story.
TOLD_APART_POINTS = DIFFERENT_DAYS_POINTS + NEAR_DAYS_POINTS + DIFFERENT_TOWNS_POINTS
# A report of a newer incident of the same kind in the same town, more than NEWER_INCIDENT_DAYS after an earlier
# report's (:func:`newer_incident_gap`: a drone strike on a car near Nabatieh nine days after the last one), says
# much of what the earlier said: the town, the armed group, the truce it breaks, the ministry's count. Its shared
# wording is that background, not a copy of the earlier report, unless a sentence or a passage of SHARED_PASSAGE_WORDS
# is kept near word for word (a follow-up that takes over the earlier's paragraph). Judged, not fitted: the reports
# suite's two drone strikes near Nabatieh nine days apart, by two outlets, reached P(reuse) 0.75 with no sentence in
# common and were taken for a rewrite.
NEWER_INCIDENT_DAYS = 1

# "in the municipality of Argelia", "in Bara locality", "in the Macina circle", "in Beni territory": a unit below the
# region
_IN_LOCAL_UNIT = (r"in\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,2}(?:rural\s+)?(?:municipality|district|commune|circle|"
                  r"cercle|county|sub-county|locality|woreda|local\s+government\s+area|(?:sub-)?prefecture|"
                  r"territory)\b")
# a name of up to three capitalised words
_PLACE_NAME = r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"

# The same holds one level down: two reports of one city that each place what they tell in a district or
# quarter of it ("the city's Kirovsky district", "the Sovetsky district of the city") that the other never names.
_QUARTER = re.compile(rf"\b{_PLACE_NAME}\s+(?:district|neighbou?rhood|quarter|borough|"
                      rf"suburb|township)s?\b(?:\s+of\s+{_PLACE_NAME})?"
                      r"|\b(?:district|neighbou?rhood|quarter|borough|suburb|township)\s+of\s+"
                      rf"{_PLACE_NAME}"
                      # the words Latin American and Philippine towns name their quarters with: "Colonia Las Flores"
                      rf"|\b(?:[Cc]olonia|[Bb]arrio|[Bb]arangay)\s+{_PLACE_NAME}"
                      # a quarter told in apposition: "Pangrati, a residential neighbourhood of central Athens"
                      rf"|\b{_PLACE_NAME},\s+an?\s+(?:[a-z-]+\s+){{0,2}}(?:district|"
                      r"neighbou?rhood|quarter|borough|suburb)\s+of\b"
                      # a village told in apposition as lying in a municipality or district (not a province: a
                      # town in one is no part of a place another report names): "the corregimiento of Sinaí, in the
                      # municipality of Argelia", "El Plateado, in the municipality of Argelia", "Kolongo, a village
                      # in the Macina circle"
                      rf"|\b{_PLACE_NAME},\s+(?:an?\s+(?:[a-z-]+\s+){{0,2}}(?:village|hamlet|settlement)\s+)?"
                      rf"{_IN_LOCAL_UNIT}"
                      # "the village of Tayba in Bara locality"
                      rf"|\b(?:village|hamlet|settlement)\s+of\s+{_PLACE_NAME}\s+{_IN_LOCAL_UNIT}")
# A one-word name a town's name owns ("Rotterdam's Afrikaanderwijk turned violent", "in London's Soho, where") is a
# quarter of it when what follows is no noun it qualifies ("Sydney's Bondi beach", "London's Kensington police"):
# punctuation, a function word, a verb in the past tense, or a word for a small part of a town. Landmarks and offices
# ("London's Southwark Crown Court", "Cardiff's University Hospital") take two words or more, or one of _NOT_QUARTER.
_POSSESSED = re.compile(r"\b([A-Z][\w-]+)['’]s\s+([A-Z][\w'’-]+)(?=\s*(?:[^\w\s]|$)|\s+([a-z]+)\b)")
# _QUARTER reads the designators of its own; a commune or ward may hold the other report's quarters ("Conakry's Ratoma
# commune" holds Bambeto).
_PART_OF_TOWN = frozenset({"area", "slum", "estate"})
_NOT_QUARTER = frozenset({
    "airport", "arena", "assembly", "barracks", "base", "bay", "beach", "bridge", "castle", "cathedral", "cemetery",
    "centre", "center", "church", "clinic", "college", "council", "court", "embassy", "gate", "governor", "harbour",
    "harbor", "hospital", "hotel", "lake", "library", "market", "mayor", "metro", "ministry", "mosque", "museum",
    "palace", "parliament", "park", "plaza", "police", "port", "prison", "river", "road", "school", "square",
    "stadium", "station", "street", "synagogue", "temple", "tower", "university", "zoo"})


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True, slots=True)
class RelationModel:
    """The learned numbers of :func:`classify_pair` (see ``data/relation_model.json`` for their origin).

    P(reuse) is the logistic score ``reuse_intercept + reuse_weights . reuse_features`` mapped through
    ``calibration`` (score, probability points, interpolated: observed shares of reusing stories, so
    the probability is honest in the tails where a logistic curve is not); reuse is claimed at
    ``reuse_cut``. A derived report is wholly derived when ``extent_intercept + extent_weights .
    extent_features >= 0``. The wording's log-odds that A is the source are ``length_log_odds`` per unit
    of log(A words / B words) plus ``cut_quote_log_odds`` per quote cut down by B rather than A (at most
    ``cut_quote_cap`` either way).
    """

    reuse_features: tuple[str, ...]
    reuse_weights: tuple[float, ...]
    reuse_intercept: float
    calibration: tuple[tuple[float, float], ...]
    reuse_cut: float
    extent_features: tuple[str, ...]
    extent_weights: tuple[float, ...]
    extent_intercept: float
    length_log_odds: float
    cut_quote_log_odds: float
    cut_quote_cap: int


MODEL_PATH = Path(__file__).parent / "data" / "relation_model.json"


def load_relation_model(path: str | Path = MODEL_PATH) -> RelationModel:
    """The model in a ``relation_model.json`` file; ValueError naming the file and the missing key."""
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        reuse, extent, direction = data["reuse"], data["extent"], data["direction"]
        return RelationModel(
            tuple(reuse["features"]), tuple(float(w) for w in reuse["weights"]), float(reuse["intercept"]),
            tuple((float(x), float(p)) for x, p in reuse["calibration"]), float(reuse["cut"]),
            tuple(extent["features"]), tuple(float(w) for w in extent["weights"]), float(extent["intercept"]),
            float(direction["length_log_odds"]), float(direction["cut_quote_log_odds"]),
            int(direction["cut_quote_cap"]))
    except KeyError as missing:
        raise ValueError(f"{path}: no {missing} in the relation model; rewrite it with scripts/train_relation.py") \
            from None


MODEL = load_relation_model()


def model_inputs(features: PairFeatures, names: tuple[str, ...]) -> list[float]:
    """The named model inputs of B (the candidate copy): PairFeatures fields, or ``log_b_words``."""
    return [float(np.log1p(features.b_words)) if name == "log_b_words" else float(getattr(features, name))
            for name in names]


def reuse_score(features: PairFeatures, model: RelationModel = MODEL) -> float:
    """The logistic score (log-odds before calibration) that B reuses A's wording."""
    inputs = model_inputs(features, model.reuse_features)
    return model.reuse_intercept + float(np.dot(model.reuse_weights, inputs))


def calibrated(score: float, model: RelationModel = MODEL) -> float:
    """P(reuse) for a reuse score, from the model's calibration points (flat beyond the ends)."""
    points = np.array(model.calibration)
    return float(np.interp(score, points[:, 0], points[:, 1]))


def reuse_probability(features: PairFeatures, model: RelationModel = MODEL) -> float:
    """P(B reuses A's wording); 0 under REUSE_MIN_CONTAINMENT3 of B's 3-grams in A."""
    if features.b_in_a3 < REUSE_MIN_CONTAINMENT3:
        return 0.0
    return calibrated(reuse_score(features, model), model)


def derivation_extent(features: PairFeatures, model: RelationModel = MODEL) -> str:
    """``wholly`` or ``partially``: how much of the derived report B (of ``features``) comes from A."""
    inputs = model_inputs(features, model.extent_features)
    return "wholly" if model.extent_intercept + float(np.dot(model.extent_weights, inputs)) >= 0 else "partially"


@dataclass(frozen=True, slots=True)
class _Direction:
    a_is_source: float  # probability
    evidence: tuple[str, ...]
    a_is_source_undated: float = 0.5  # from credits and wording alone: which one used the other, not which came first


@dataclass(frozen=True, slots=True)
class _Credits:
    """What one article's text credits: every name, the wires it carries the copy of, and what it is."""

    names: frozenset[str]
    carried: frozenset[str]  # bylines, datelines, sign-offs
    identity: frozenset[str]  # its own outlet, else the wire whose copy it carries
    lead: frozenset[str]  # outlets its lead credits in the running text, or that contributed to it: what it relays
    credited_at: tuple[tuple[str, int], ...]  # (outlet, offset) of each credit in the running text
    own_reporting: bool = False  # someone "told" the report's own outlet something: it did the reporting


def _credits(article: Article, other: Article | None = None) -> _Credits:
    """What ``article`` credits, ``other``'s outlet included wherever the text credits it by name."""
    found = find_attributions(article.text, _outlet_names(other.outlet) if other is not None and other.outlet else ())
    carried = frozenset(x.name for x in found if x.carries_copy)
    identity = frozenset({*_outlet_names(article.outlet), *_initials(article.outlet), *_short_name(article.outlet)}) \
        if article.outlet else carried
    lead_end = _lead_end(article.text)
    credited_at = tuple((x.name, x.start) for x in found if x.kind == "credit")
    # a note that another outlet contributed to the report counts wherever it stands, like a credit in the lead
    lead = frozenset([*(name for name, start in credited_at if start < lead_end),
                      *(x.name for x in found if x.kind == "contribution")]) - identity
    return _Credits(frozenset(x.name for x in found), carried, identity, lead, credited_at,
                    _told_own_outlet(article.text, article.outlet))


# Where a site's name goes on past the body that publishes it: "Ministry of Public Security - Electronic Information
# Portal", "Ministry of Defence, Republic of Djibouti", "Kenya Police Service | Official Website".
_SITE_NAME_TAIL = re.compile(r"\s+[-–—|]\s+|,\s+")


@lru_cache(maxsize=1024)
def _outlet_names(outlet: str) -> tuple[str, ...]:
    """An outlet's name, and the body it names before a tail ("Ministry of Public Security" of "Ministry of Public
    Security - Electronic Information Portal"): a report that relays it credits the body."""
    names = [canonical_outlet(outlet)]
    head = canonical_outlet(_SITE_NAME_TAIL.split(outlet, maxsplit=1)[0])
    if head and head != names[0] and len(head.split()) >= 2:
        names.append(head)
    return tuple(names)


# The words a paper's masthead may be shortened to: "told the Sentinel" for the Ubangi Sentinel. Not words that
# name a kind of outlet ("the agency", "the radio"), which any outlet of that kind is called.
MASTHEAD_WORDS = frozenset({"Times", "Post", "Journal", "Herald", "Telegraph", "Guardian", "Tribune", "Gazette", "Mail",
                            "Express", "Mirror", "Observer", "Chronicle", "Reporter", "Independent", "Standard",
                            "Dispatch", "Courier", "Sentinel"})


@lru_cache(maxsize=1024)
def _short_name(outlet: str) -> tuple[str, ...]:
    """The last word of a paper's name of two words or more, where that is a masthead word: "Sentinel" of "Ubangi
    Sentinel", as its own stories and those quoting it call it."""
    words = canonical_outlet(outlet).split()
    return (words[-1],) if len(words) >= 2 and words[-1] in MASTHEAD_WORDS else ()


def _told_own_outlet(text: str, outlet: str | None) -> bool:
    """Whether ``text`` says someone spoke to its own ``outlet`` ("his brother told The Northern Star", "the
    village chief told the Sentinel")."""
    if not outlet:
        return False
    names = "|".join(re.escape(name) for name in [re.sub(r"^[Tt]he\s+", "", outlet.strip()), *_short_name(outlet)])
    return re.search(rf"\b(?:told|spoke\s+to|said\s+to|in\s+an\s+interview\s+with)\s+(?:[Tt]he\s+)?(?:{names})\b",
                     text) is not None


_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _initials(outlet: str) -> list[str]:
    """The acronym an outlet signs its copy with ("Melanesia News Service" -> "MNS"), for names of two words or more."""
    words = [w for w in _WORD.findall(outlet) if w[0].isupper()]
    return ["".join(w[0] for w in words)] if len(words) >= 2 else []


def _lead_end(text: str) -> int:
    """Where a report's lead ends: after its first LEAD_SENTENCES sentences."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return ends[LEAD_SENTENCES - 1] if len(ends) >= LEAD_SENTENCES else len(text)


def _date_log_odds(a: Article, b: Article) -> tuple[float, str | None]:
    if a.published_at is not None and b.published_at is not None:
        gap = b.published_at - a.published_at
        if abs(gap) < MIN_TIME_GAP:
            return 0.0, f"A and B published within {_duration(MIN_TIME_GAP)} of each other"
        if gap > dt.timedelta(0):
            return DATE_LOG_ODDS, f"A published {_duration(gap)} earlier (publication times)"
        return -DATE_LOG_ODDS, f"B published {_duration(-gap)} earlier (publication times)"
    if a.published is None and b.published is None:
        return 0.0, None
    if a.published is None or b.published is None:
        return 0.0, "A is undated" if a.published is None else "B is undated"
    gap = (b.published - a.published).days
    if gap == 0:
        return 0.0, "A and B published the same day"
    days = "a day" if abs(gap) == 1 else f"{abs(gap)} days"
    if gap > 0:
        return DATE_LOG_ODDS, f"A published {days} earlier"
    return -DATE_LOG_ODDS, f"B published {days} earlier"


def _duration(gap: dt.timedelta) -> str:
    """``3 h 5 min``, ``45 min``, ``2 days 4 h``."""
    minutes = int(gap.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}"] if days else []
    parts += [f"{hours} h"] if hours else []
    parts += [f"{minutes} min"] if minutes and not days else []
    return " ".join(parts) or "0 min"


def _credit_log_odds(a: _Credits, b: _Credits) -> tuple[float, list[str]]:
    score, evidence = 0.0, []
    for name in sorted((b.names - b.identity) & a.identity):
        score += CREDIT_LOG_ODDS
        evidence.append(f"B credits '{name}' (A's outlet or wire copy)")
    for name in sorted((a.names - a.identity) & b.identity):
        score -= CREDIT_LOG_ODDS
        evidence.append(f"A credits '{name}' (B's outlet or wire copy)")
    if a.own_reporting != b.own_reporting:
        score += OWN_REPORTING_LOG_ODDS if a.own_reporting else -OWN_REPORTING_LOG_ODDS
        evidence.append(f"{'A' if a.own_reporting else 'B'} quotes people who spoke to its own outlet: its reporting")
    a_wire, b_wire = a.carried, b.carried
    if a_wire and not b_wire and not score:
        score += WIRE_COPY_LOG_ODDS
        evidence.append(f"A is wire copy ({', '.join(sorted(a_wire))}); B carries no wire byline")
    elif b_wire and not a_wire and not score:
        score -= WIRE_COPY_LOG_ODDS
        evidence.append(f"B is wire copy ({', '.join(sorted(b_wire))}); A carries no wire byline")
    return score, evidence


def text_direction_log_odds(features: PairFeatures, model: RelationModel = MODEL) -> float:
    """Log-odds that A is B's source from the wording alone: the longer report, the one whose quotes B cut."""
    length = np.log(max(features.a_words, 1) / max(features.b_words, 1))
    cut = np.clip(features.b_cut_quotes - features.a_cut_quotes, -model.cut_quote_cap, model.cut_quote_cap)
    return float(model.length_log_odds * length + model.cut_quote_log_odds * cut)


def _direction(a: Article, b: Article, f: PairFeatures, a_credits: _Credits, b_credits: _Credits) -> _Direction:
    evidence: list[str] = []
    date_score, date_reason = _date_log_odds(a, b)
    if date_reason:
        evidence.append(date_reason)
    credit_score, credit_reasons = _credit_log_odds(a_credits, b_credits)
    evidence += credit_reasons
    text_score = text_direction_log_odds(f)
    loaded_a, loaded_b = loaded_words(a.text), loaded_words(b.text)
    net = max(-LOADED_WORD_CAP, min(LOADED_WORD_CAP, len(loaded_b) - len(loaded_a)))
    if net:
        text_score += LOADED_WORD_LOG_ODDS * net
        more, fewer, words = ("B", "A", loaded_b) if net > 0 else ("A", "B", loaded_a)
        count = abs(len(loaded_b) - len(loaded_a))
        plural = "s" * (count != 1)
        evidence.append(f"{more} uses {count} more loaded word{plural} or partisan name{plural} than {fewer} in its "
                        f"own voice ({', '.join(sorted(set(words))[:4])}): a rewrite adds them")
    evidence.append(f"containment {f.b_in_a3:.2f} of B in A, {f.a_in_b3:.2f} of A in B")
    evidence.append(f"new material {f.b_new:.0%} of B, {f.a_new:.0%} of A; B {f.b_words} words, A {f.a_words}")
    if f.b_cut_quotes or f.a_cut_quotes:
        evidence.append(f"{f.b_cut_quotes} quotes of B are cut from longer ones in A, {f.a_cut_quotes} of A from B")
    if abs(text_score) >= 1.0:
        evidence.append(f"the wording points to {'A' if text_score > 0 else 'B'} as the source")
    return _Direction(float(_logistic(date_score + credit_score + text_score)), tuple(evidence),
                      float(_logistic(credit_score + text_score)))


def swapped_terms(text_a: str, text_b: str) -> list[tuple[str, str]]:
    """Runs of words one text put in place of the other's, where each holds a content word and the two are not one
    term written another way (inflection, spelling: rapidfuzz ratio 80 or more) nor a changed figure."""
    words_a, words_b = [w.lower() for w in WORD.findall(text_a)], [w.lower() for w in WORD.findall(text_b)]
    swaps = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        run_a, run_b = words_a[i1:i2], words_b[j1:j2]
        if op != "replace" or any(map(is_figure, (*run_a, *run_b))):
            continue
        if not any(not is_function_word(w) for w in run_a) or not any(not is_function_word(w) for w in run_b):
            continue
        if reworded_only(run_a, run_b) or fuzz.ratio(" ".join(run_a), " ".join(run_b)) >= 80:
            continue
        swaps.append((" ".join(run_a), " ".join(run_b)))
    return swaps


@lru_cache(maxsize=512)
def loaded_words(text: str) -> tuple[str, ...]:
    """The loaded words (``data/loaded_words.txt``) and partisan names (``data/partisan_names.txt``) a report uses in
    its own voice: outside quotes, lower-cased; a name not where the text reports it as a name ("what they call")."""
    loaded = word_list_stems("loaded_words.txt")
    own_voice = _QUOTE.sub(" ", text)
    # a hyphenated word by its first part too: "narco-gangs", not "anti-terror"
    words = [w.lower() for w in WORD.findall(own_voice) if stem(w) in loaded or stem(w.split("-")[0]) in loaded]
    names = [" ".join(m.group().lower().split()) for m in _partisan_names().finditer(own_voice)
             if not _NAME_REPORTED.search(own_voice, max(0, m.start() - 40), m.start())]
    return (*words, *names)


# What a text writes just before a name it reports rather than uses: "a state they call Ambazonia", "what Moscow
# calls its special military operation", "the group known as Ansar Allah", "the so-called Islamic Emirate".
_NAME_REPORTED = re.compile(r"\b(?:call|calls|called|calling|dubbed|known\s+as|terms?|termed|named|so-called|"
                            r"self-proclaimed|self-styled)\W+(?:\w+\W+){0,2}$", re.I)


@lru_cache(maxsize=1)
def _partisan_names() -> re.Pattern[str]:
    """The names of ``data/partisan_names.txt`` as one pattern: whole words, any case, any spacing."""
    names = word_list("partisan_names.txt")
    return re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")(?!\w)",
                      re.I)


def _version_source(a: Article, b: Article, f: PairFeatures, reused: bool = False) -> tuple[bool, float, str] | None:
    """``(a is the earlier version, confidence, reason)`` when A and B are versions of one story, else None.

    Versions are recorded as such, or share a URL, or come from one outlet with one holding UPDATE_CONTAINMENT
    of the other, or (``reused``: the reuse model says one reuses the other's wording) from one outlet at all:
    an outlet that rewrites its own first report with a new toll and half its sentences kept updates it."""
    if b.previous_version_id == a.id or a.previous_version_id == b.id:
        return b.previous_version_id == a.id, 0.99, "recorded as versions of one report"
    same_url = a.url is not None and a.url.rstrip("/") == (b.url or "").rstrip("/")
    same_outlet = _same_outlet(a, b)
    if not (same_url or (same_outlet and (reused or max(f.b_in_a3, f.a_in_b3) >= UPDATE_CONTAINMENT))):
        return None
    a_first, why = _version_order(a, b, f)
    if same_url:
        return a_first, 0.95, f"same URL; order from {why}"
    added = f.b_new if a_first else f.a_new
    if added < 0.02 and min(f.b_in_a3, f.a_in_b3) >= DUPLICATE_CONTAINMENT:
        return None  # same outlet, same text, nothing added: a duplicate
    return a_first, 0.8, f"same outlet, one holds {max(f.b_in_a3, f.a_in_b3):.0%} of the other; order from {why}"


def _version_order(a: Article, b: Article, f: PairFeatures) -> tuple[bool, str]:
    """``(a is the earlier version, what says so)``: version numbers, else publication dates, else the later version
    is the one that adds material."""
    if a.version != b.version:
        return a.version < b.version, "version numbers"
    if a.published_at and b.published_at and abs(a.published_at - b.published_at) >= MIN_TIME_GAP:
        return a.published_at < b.published_at, "publication times"
    if a.published and b.published and a.published != b.published:
        return a.published < b.published, "publication dates"
    return f.a_in_b3 >= f.b_in_a3, "the later one adds material"


@lru_cache(maxsize=512)
def _statement_issuers(text: str) -> frozenset[str]:
    """Who issued the statements a report rewrites ("the National Police Service said in a statement": national
    police service), folded; not a person ("Kapi said in a statement" counts: who signs it issues it)."""
    found = set()
    for said in _STATEMENT.finditer(text):
        match = _ISSUER.search(text, max(0, said.start() - 80), said.start())
        if match is None:
            continue
        words = match.group(1).split()
        while words and words[0].lower() in ("the", "a", "an", "in", "and"):
            words = words[1:]
        if words:
            found.add(" ".join(words).lower())
    return frozenset(found)


def _same_outlet(a: Article, b: Article) -> bool:
    return a.outlet is not None and canonical_outlet(a.outlet) == canonical_outlet(b.outlet or "")


def _shared_third_source(a: Article, b: Article, a_credits: _Credits, b_credits: _Credits) -> set[str]:
    """Wires or outlets both reports credit or carry that neither report is.

    A report without a known outlet that carries a wire's byline or dateline is taken
    to be that wire's own copy, unless the other report carries the same wire's copy
    too (then both are republications of it).
    """
    outlets = {name for x, credits in ((a, a_credits), (b, b_credits)) if x.outlet for name in credits.identity}
    a_own = frozenset() if a.outlet else a_credits.carried
    b_own = frozenset() if b.outlet else b_credits.carried
    return set(a_credits.names & b_credits.names) - outlets - (a_own ^ b_own)


# Words of a byline that name a desk or a role, not a person ("Staff", "Our correspondent", "News desk").
_NOT_A_WRITER = frozenset({"staff", "desk", "correspondent", "correspondents", "reporter", "reporters", "newsroom",
                           "team", "editorial", "editor", "editors", "wire", "news", "agency", "service", "report",
                           "writer", "bureau", "online", "press", "our", "the", "agencies", "and"})
_BYLINE_PARTS = re.compile(r",|;|/|\bby\b|\band\b|\bin\b|\bfor\b|\bwith\b", re.IGNORECASE)


def _writers(byline: str | None) -> set[str]:
    """The people a byline names ("By Rodrigo Choque, Chimore", "Rodrigo Choque in Chimore" -> Rodrigo Choque):
    two to four capitalised words that name no desk or role (_NOT_A_WRITER)."""
    found = set()
    for part in _BYLINE_PARTS.split(byline or ""):
        words = part.split()
        if 2 <= len(words) <= 4 and all(w[0].isupper() and w.lower() not in _NOT_A_WRITER for w in words):
            found.add(" ".join(words))
    return found


def _shared_writer(a: Article, b: Article, a_credits: _Credits, b_credits: _Credits) -> str | None:
    """The person both reports are bylined by, when they come from two outlets and neither credits the other:
    a freelance or a stringer who filed one account to both. Their copies share wording, and neither is the
    other's source. Where a byline adds a place, the place is left out: "Rodrigo Choque in Chimore" and "By
    Rodrigo Choque" share the writer."""
    if not (a.outlet and b.outlet) or _same_outlet(a, b):
        return None
    if a_credits.identity & b_credits.names or b_credits.identity & a_credits.names:
        return None
    outlets = (a.outlet.casefold(), b.outlet.casefold())
    shared = {w for w in _writers(a.byline) & _writers(b.byline) if not any(w.casefold() in o for o in outlets)}
    return min(shared) if shared else None


def _earlier_first(a: Article, b: Article) -> bool:
    return not _published_before(b, a)


def _link(a: Article, b: Article, relation: str, confidence: float, a_first: bool, f: PairFeatures,
          evidence: list[str]) -> Link:
    source, derived = (a, b) if a_first else (b, a)
    containment, reverse = (f.b_in_a3, f.a_in_b3) if a_first else (f.a_in_b3, f.b_in_a3)
    # the evidence says "A" and "B"; a reader of the stored link sees only source and derived
    roles = ("the source", "derived") if a_first else ("derived", "the source")
    legend = f"A is {a.id} ({roles[0]}), B is {b.id} ({roles[1]})"
    return Link(source.id, derived.id, relation, round(float(min(max(confidence, 0.0), 1.0)), 3),
                round(containment, 3), round(reverse, 3), (), (), (*evidence, legend))


def classify_pair(a: Article, b: Article, features: PairFeatures | None = None,
                  incidents: tuple[frozenset, frozenset] = (frozenset(), frozenset()),
                  leads: tuple[tuple | None, tuple | None] = (None, None)) -> Link:
    """How ``a`` and ``b`` relate, which is the source, how sure, and why (``evidence``).

    Order of the checks: versions of one report (``update``), near-identical text
    (``duplicate``), reused wording (``common_source`` when both credit the same third
    wire, else ``derived`` with a direction), the same place and names without shared
    wording, published close together (``same_story``, or ``derived`` where one report adds
    no figure, name or quote of its own: RESTATED_*), else ``unrelated``. For relations
    without a direction (``common_source``, ``same_story``, ``unrelated``) the
    earlier-published report (else ``a``) is ``source_id``. Alignments and
    substitutions are left empty for the aligner to fill. ``incidents`` are what the analysis of
    each report says happened where and when (:func:`incident_signatures`), where it has been analysed, and
    ``leads`` the incident each leads with (:func:`lead_incident`).
    """
    f = features or pair_features(a.text, b.text)
    if a.id == b.id:
        return _link(a, b, "duplicate", 1.0, True, f, ["the same text"])
    versions = _version_source(a, b, f)
    if versions is not None:
        a_first, confidence, reason = versions
        return _link(a, b, "update", confidence, a_first, f, [reason, f"containment {f.b_in_a3:.2f} of B in A, "
                                                                      f"{f.a_in_b3:.2f} of A in B"])
    a_credits, b_credits = _credits(a, b), _credits(b, a)
    direction = _direction(a, b, f, a_credits, b_credits)
    a_first = direction.a_is_source >= 0.5
    swaps = swapped_terms(a.text, b.text) if min(f.b_in_a3, f.a_in_b3) >= DUPLICATE_CONTAINMENT else []
    if min(f.b_in_a3, f.a_in_b3) >= DUPLICATE_CONTAINMENT and len(swaps) <= DUPLICATE_MAX_SWAPS:
        overlap = min(f.b_in_a3, f.a_in_b3)
        return _link(a, b, "duplicate", overlap, a_first, f,
                     [f"near-identical: {overlap:.0%} of each report's 3-grams in the other", *direction.evidence])
    p_reuse = max(reuse_probability(f), reuse_probability(f.swapped()))
    # reports that each place what they tell in a town the other never names share only stock wording
    told_apart = incidents_apart(*incidents)  # the analyses find other incidents: no story shared
    placed = tuple(frozenset(told for told in own if told[2]) for own in incidents)  # those placed in a town
    towns_apart = different_towns(a, b)
    newer = newer_incident_gap(a, b, *placed)
    if p_reuse >= MODEL.reuse_cut and not (towns_apart or told_apart or _background_only(f, newer)):
        if (versions := _version_source(a, b, f, reused=True)) is not None:
            a_first, confidence, reason = versions
            return _link(a, b, "update", confidence, a_first, f, [reason, f"shared wording: P(reuse) {p_reuse:.2f}"])
        reuse = (f"shared wording: P(reuse) {p_reuse:.2f}; longest shared run {f.longest_run} words, "
                 f"{max(f.b_verbatim, f.a_verbatim):.0%} of sentences near-verbatim")
        third = _shared_third_source(a, b, a_credits, b_credits)
        if third:
            return _link(a, b, "common_source", 0.8 * p_reuse, _earlier_first(a, b), f,
                         [reuse, f"both credit {_quoted(third)}, which neither of them is"])
        writer = _shared_writer(a, b, a_credits, b_credits)
        if writer:
            return _link(a, b, "common_source", 0.8 * p_reuse, _earlier_first(a, b), f, [
                reuse, f"both are bylined by {writer}, in two outlets that do not credit each other: one "
                       f"correspondent's copy, edited by each", *direction.evidence])
        certainty = max(direction.a_is_source, 1 - direction.a_is_source)
        # both dated: an undated copy is an aggregator's, of the report it found, credit and all
        relayed = _relayed_by_one(a_credits, b_credits) if a.published and b.published else None
        if relayed and (certainty < UNCERTAIN_DIRECTION or _carries_relayed(a_credits, b_credits)):
            # a report that carries the wire's own copy (its dateline or byline) is that wire's copy: the other
            # rewrote the wire through it or directly, and either way both descend from the wire
            side, names = relayed
            return _link(a, b, "common_source", RELAYED_COMMON_PROBABILITY * p_reuse, _earlier_first(a, b), f, [
                reuse, f"{side} relays {names}, which neither of them is, and the other credits no one; with nothing "
                       f"to say that one rewrote the other rather than the wire, both rewrite that report",
                *direction.evidence])
        issuers = _statement_issuers(a.text) & _statement_issuers(b.text)
        used = max(direction.a_is_source_undated, 1 - direction.a_is_source_undated)  # publication order aside
        if issuers and used < UNCERTAIN_DIRECTION and min(f.a_new, f.b_new) >= STATEMENT_OWN_MATERIAL:
            return _link(a, b, "common_source", 0.8 * p_reuse, _earlier_first(a, b), f, [
                reuse, f"both rewrite a statement of {_quoted(issuers)}, and each adds {min(f.a_new, f.b_new):.0%} or "
                       f"more of its own, with nothing but the order they came out in to say one used the other: both "
                       f"rewrite the statement", *direction.evidence])
        evidence = [reuse, *direction.evidence]
        if swaps:
            shown = "; ".join(f"{x} -> {y}" if a_first else f"{y} -> {x}" for x, y in swaps[:3])
            evidence.insert(1, f"near-identical but for {len(swaps)} terms put for others ({shown}): an edited copy")
        if certainty < UNCERTAIN_DIRECTION:
            evidence.append("direction uncertain: confidence lowered")
        return _link(a, b, "derived", p_reuse * certainty, a_first, f, evidence)
    both_told = placed[0] & placed[1]
    link = _story_or_unrelated(a, b, f, p_reuse, (a_credits, b_credits), towns_apart, both_told, told_apart, newer)
    passing = _told_in_passing((a, b), placed, both_told, leads) if link.relation == "same_story" else None
    if passing is None:
        return link
    return replace(link, confidence=min(link.confidence, IN_PASSING_CONFIDENCE), evidence=(
        *link.evidence[:-1], f"{passing.id} leads with another incident, which the other does not tell, and tells "
                             f"this one in passing: a report of its own story, not of this one", link.evidence[-1]))


# A report that leads with one incident and tells the other report's incident further down (a weekly round-up of a
# province's raids, led by the worst) belongs to the story of its lead: its link to a report of an incident it tells in
# passing is kept below stories.MIN_CONFIDENCE, so it does not join the two stories.
IN_PASSING_CONFIDENCE = 0.25


def _told_in_passing(pair: tuple[Article, Article], incidents: tuple[frozenset, frozenset], shared: frozenset,
                     leads: tuple[tuple | None, tuple | None]) -> Article | None:
    """The report of the two that tells an incident both tell (``shared``) only in passing: it leads with another
    incident, in a town the other report tells nothing of."""
    if not shared:
        return None
    for report, lead, other in ((pair[0], leads[0], incidents[1]), (pair[1], leads[1], incidents[0])):
        if lead is not None and lead not in shared and lead[2] not in {town for _, _, town, _ in other}:
            return report
    return None


def _background_only(f: PairFeatures, newer: int) -> bool:
    """Whether the wording two reports share is the background of a newer incident (NEWER_INCIDENT_*): the later
    tells an incident of the same kind in the same town days after the earlier came out, and no sentence or passage
    of the earlier is kept near word for word."""
    return (newer > NEWER_INCIDENT_DAYS and max(f.b_verbatim, f.a_verbatim) == 0
            and f.longest_run < SHARED_PASSAGE_WORDS)


def incidents_apart(a_told: frozenset, b_told: frozenset) -> bool:
    """Whether the analyses of two reports (:func:`incident_signatures`) tell incidents in other towns on other days:
    no town of one report's incidents is among the other's, and their days are more than a day apart (a bombing in
    Plovdiv on Monday, a beating in Burgas on Thursday, told by one outlet with the same official's words). An
    incident placed in no town counts as one in a town of its own, unless both reports have such incidents (an
    ambush "30 km north of Khash" on Thursday is not the attack on Saravan's police station on Sunday that the
    report on it recalls)."""
    if not a_told or not b_told or {town for _, _, town, _ in a_told} & {town for _, _, town, _ in b_told}:
        return False
    days = [(dt.date.fromisoformat(x), dt.date.fromisoformat(y)) for *_, x in a_told for *_, y in b_told]
    return min(abs((x - y).days) for x, y in days) > 1


def newer_incident_gap(a: Article, b: Article, a_told: frozenset, b_told: frozenset) -> int:
    """Days from the earlier report's incidents to a later one of the same kind in the same town that only the later
    report tells, on a day after the earlier report came out (a second grenade at the same market a week on, the
    first told again in passing); 0 when there is none, or the reports are not both dated."""
    if a.published is None or b.published is None or a.published == b.published:
        return 0
    earlier, earlier_told, later_told = (a, a_told, b_told) if a.published < b.published else (b, b_told, a_told)
    gaps = [(dt.date.fromisoformat(day) - dt.date.fromisoformat(old)).days
            for kind, country, town, day in later_told - earlier_told if dt.date.fromisoformat(day) > earlier.published
            for old_kind, old_country, old_town, old in earlier_told
            if (old_kind, old_country, old_town) == (kind, country, town)]
    return max(gaps, default=0)


def incident_signatures(told) -> frozenset[tuple[str, str, str | None, str]]:
    """(kind of incident, country, town, ISO day) for each (event type, country, town, first day, last day) an
    analysis found (``store.incidents_told``) that is dated to one day and of one of INCIDENT_KINDS; the town is None
    for one placed in none (only :func:`incidents_apart` reads those)."""
    return frozenset(signature for row in told if (signature := _signature(row, placed=False)) is not None)


def _signature(row, placed: bool = True) -> tuple[str, str, str | None, str] | None:
    kind, country, town, first, last, *_ = row
    if kind not in INCIDENT_KINDS or first != last or (placed and not town):
        return None
    return INCIDENT_KINDS[kind], country, town or None, first


def lead_incident(told) -> tuple[str, str, str, str] | None:
    """The signature (:func:`incident_signatures`) of the incident a report tells first, the one it leads with;
    None where the first it tells has no signature (no town, several days, a kind of its own) or the analysis gives
    no offsets."""
    placed = [row for row in told if row[5] is not None]
    if not placed:
        return None
    first = min(row[5] for row in placed)
    # of incidents first told at one point, the latest is the one the sentence tells; the earlier is what it came after
    # ("threw bottles at police on Sunday, a day after a shopkeeper was shot dead"). ``told`` is a set: whatever its
    # order, the same row leads
    return _signature(max((row for row in placed if row[5] == first), key=lambda row: (row[3], tuple(map(str, row)))))


def _vocabulary(text: str) -> set[str]:
    """A text's lower-case content words (3 letters or more, no stop words)."""
    return set(_LOWER_CONTENT.findall(text)) - _STOPWORDS


def vocabulary_overlap(a_text: str, b_text: str) -> float:
    """The smaller share of either text's lower-case content words (3 letters or more) found in the other."""
    a, b = _vocabulary(a_text), _vocabulary(b_text)
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return min(shared / len(a), shared / len(b))


def _days_apart(a: Article, b: Article) -> int | None:
    return abs((a.published - b.published).days) if a.published and b.published else None


@lru_cache(maxsize=512)  # a report meets many candidates: its days are resolved once
def days_named(text: str, published: dt.date | None) -> frozenset[dt.date]:
    """The days ``text`` names by weekday, as "yesterday" or by date (not a dateline's), resolved against
    ``published`` (none if undated)."""
    if published is None:
        return frozenset()
    return dates_written(text, published) | _days_resolved(_DAY_WORD.finditer(text), published)


@lru_cache(maxsize=512)
def dates_written(text: str, base: dt.date) -> frozenset[dt.date]:
    """The days ``text`` writes out as dates ("May 9", "9 May 2026"; not a dateline's), resolved as past days
    against ``base``."""
    return _days_resolved((match for match in _DATE_WORD.finditer(text) if not _in_dateline(text, match)), base)


def _days_resolved(matches, base: dt.date) -> frozenset[dt.date]:
    """The single days that the matched expressions resolve to against ``base``."""
    from storyline.analyse.timex import resolve_time_expression

    resolved = (resolve_time_expression(match.group(0), base) for match in matches)
    return frozenset(day.start for day in resolved if day and day.precision == "day" and day.start == day.end)


def _in_dateline(text: str, match: re.Match) -> bool:
    return bool(_BEFORE_DATELINE_DATE.search(text, max(0, match.start() - 80), match.start())
                and _AFTER_DATELINE_DATE.match(text, match.end()))


def different_days(a: Article, b: Article) -> bool:
    """Whether both reports name days up to the later publication and none lies within a day of the other's."""
    return named_days_gap(a, b) > 1


def different_towns(a: Article, b: Article) -> bool:
    """Whether each report writes as where it happened a town or village (weight 1) that the other never names
    but as where someone came from (:func:`_named_only_as_origin`), or a district or quarter of a town (_QUARTER)
    that the other never names."""
    if different_quarters(a.text, b.text):
        return True
    a_names, b_names = report_names(a.text), report_names(b.text)
    a_towns, b_towns = ([n for n in names if n.local and n.town and n.weight >= 1.0
                         and not _named_only_as_origin(n.text, article.text)]
                        for names, article in ((a_names, a), (b_names, b)))
    if not a_towns or not b_towns:
        return False
    a_words = {key for n in a_names for key in spelling_keys(n)}
    b_words = {key for n in b_names for key in spelling_keys(n)}

    def named_in(town, words: set[str], names, text: str) -> bool:  # the same words, or the town spelled otherwise
        return ((spelling_keys(town) <= words or any(same_town(town, other) for other in names))
                and not _named_only_as_origin(town.text, text))

    return (not any(named_in(town, b_words, b_names, b.text) for town in a_towns)
            and not any(named_in(town, a_words, a_names, a.text) for town in b_towns))


# "from" just before a name: where someone or something came from, unless measured (below).
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# "from" after a distance or a direction measures from a place ("30 km from Ganta", "north from Ganta"): not an origin.
_MEASURED_FROM = re.compile(r"(?:\d|\b(?:km|kilometres?|kilometers?|miles?|metres?|meters?|north|south|east|west|"
                            r"away|far))\W*\s+from\s+(?:the\s+)?$", re.I)


# "hospital in" just before a name: where the wounded or the dead were taken, not where it happened.
_CARED_FOR_IN = re.compile(r"\b(?:hospitals?|clinics?|morgue|mortuary|health\s+cent(?:re|er)s?)\s+in\s+(?:the\s+)?$",
                           re.I)


def _named_only_as_origin(town: str, text: str) -> bool:
    """Whether ``text`` names ``town`` (as written) only as where someone or something came from ("police
    reinforcements sent from Ganta", "traders from Ganta") or where the wounded or the dead were taken ("taken to
    hospital in Vranje", "the morgue in Vranje"): another report's town named so is not where this one's incident
    happened. False when the text never writes the town so (a spelling variant: no telling)."""
    found = False
    for match in re.finditer(rf"(?<![\w-]){re.escape(town)}(?![\w-])", text):
        before = text[max(0, match.start() - 40):match.start()]
        origin = _FROM_BEFORE.search(before) and not _MEASURED_FROM.search(before)
        if not (origin or _CARED_FOR_IN.search(before)):
            return False
        found = True
    return found


def different_quarters(a_text: str, b_text: str) -> bool:
    """Whether each text names a district or quarter (:func:`_quarters`) and none of them occurs in the other."""
    # one quarter written with and without its accents ("Lomé's Be district", "the Bè neighbourhood") is one
    a_quarters, b_quarters = ({_unaccented(q) for q in _quarters(text)} for text in (a_text, b_text))
    if not a_quarters or not b_quarters:
        return False
    (a_words, a_skeletons), (b_words, b_skeletons) = (_words_and_skeletons(_unaccented(text))
                                                      for text in (a_text, b_text))

    def named_in(quarter: str, words: frozenset[str], skeletons: frozenset[str]) -> bool:
        # "Rueso" and "Rue So" are one name written whole or in two words
        return "".join(tokens(quarter)) in words or all(
            w in words or (len(_skeleton(w)) >= QUARTER_SKELETON_LETTERS and _skeleton(w) in skeletons)
            or len(w) >= SPELLING_LETTERS and any(spelled_alike(w, other) for other in words)  # "Kantbalu", "Kanbalu"
            for w in tokens(quarter))

    return (not any(named_in(q, b_words, b_skeletons) for q in a_quarters)
            and not any(named_in(q, a_words, a_skeletons) for q in b_quarters))


@lru_cache(maxsize=512)
def _unaccented(text: str) -> str:
    """``text`` without diacritics ("Bè" -> "Be")."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=512)  # the linker and the fuser compare one report's quarters with many others'
def _words_and_skeletons(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """A text's words and each two words run together ("Rue So": "rueso"), and the consonant skeletons of the
    words (:func:`_skeleton`)."""
    found = tokens(text)
    words = frozenset(found) | {first + second for first, second in zip(found, found[1:])}
    return words, frozenset(_skeleton(w) for w in found)


# A quarter's name romanised from two languages differs in its vowels ("Saltivskyi" from Ukrainian, "Saltovsky" from
# Russian; "Zolochiv", "Zolochev"): the same consonants, this many or more, name the same quarter.
QUARTER_SKELETON_LETTERS = 4
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """The consonants of a word's :func:`~storyline.link.names.spelling_key` ("saltivski" -> "sltvsk")."""
    return _VOWELS.sub("", spelling_key(word))


@lru_cache(maxsize=512)
def _quarters(text: str) -> frozenset[str]:
    """The districts and quarters a report names by their designator ("the Sovetsky district", "the district of
    Kirovsky", "the Valle del Sol and Chintuc districts": Chintuc, "Colonia Las Flores", "the Athens district of
    Kypseli" when the gazetteer knows Athens as a town and Kypseli not at all, "Pangrati, a residential neighbourhood
    of central Athens", the villages "the corregimiento of Sinaí, in the municipality of Argelia" and "El Plateado,
    in the municipality of Argelia"), without a leading function word, "city" or a possessive ("Sagaing's Kanbalu":
    Kanbalu), or as a part its town owns ("Rotterdam's Afrikaanderwijk turned": _POSSESSED). A day or another word
    that is no name ("on Tuesday, in the district of ...") is none."""
    found = set()
    for match in _QUARTER.finditer(text):
        owner, part = match.group(1), match.group(2)
        if part is not None and is_town_name(owner) and is_unknown_place(part):
            owner = part  # "the central Athens district of Kypseli"; "the Nad Ali district of Helmand" is Nad Ali
        words = (owner or next(group for group in match.groups()[2:] if group)).split()
        words = [w for w in words if not w.endswith(("'s", "’s"))] or words
        while words and (is_function_word(words[0]) or words[0].lower() in ("city", "city's", "city’s")):
            words = words[1:]
        if words and " ".join(words).lower() not in NOT_NAMES:
            found.add(" ".join(words))
    possessed = [match.groups() for match in _POSSESSED.finditer(text)]
    towns = {name.text for name in report_names(text) if name.town} if possessed else set()
    for town, quarter, following in possessed:
        if (town in towns and quarter.lower() not in _NOT_QUARTER and quarter not in towns
                and (following is None or is_function_word(following) or following.endswith("ed")
                     or following in _PART_OF_TOWN)):
            found.add(quarter)
    return frozenset(found)


def named_days_gap(a: Article, b: Article) -> int:
    """Days between the nearest two days the reports name up to the later publication; 0 unless both name one.

    An undated report's weekdays say nothing without its publication day, but the dates it writes out ("on May 9")
    are read against the other's: an undated rewrite of a May massacre and a press release on an October battle name
    days five months apart."""
    if a.published is None and b.published is None:
        return 0
    if a.published is None or b.published is None:
        dated, undated = (a, b) if a.published else (b, a)
        written = dates_written(undated.text, dated.published)
        named = [day for day in days_named(dated.text, dated.published) if day <= dated.published]
        return min((abs((x - y).days) for x in written for y in named), default=0)
    later = max(a.published, b.published)
    a_days = [day for day in days_named(a.text, a.published) if day <= later]
    b_days = [day for day in days_named(b.text, b.published) if day <= later]
    return min((abs((x - y).days) for x in a_days for y in b_days), default=0)


def shared_incident_days(a: Article, b: Article) -> list[dt.date]:
    """Days both reports name that fall before the later one's publication day (SAME_DAY_POINTS)."""
    if a.published is None or b.published is None:
        return []
    later = max(a.published, b.published)
    return sorted(day for day in days_named(a.text, a.published) & days_named(b.text, b.published) if day < later)


def _story_or_unrelated(a: Article, b: Article, f: PairFeatures, p_reuse: float, credits: tuple[_Credits, _Credits],
                        towns_apart: bool, both_told: frozenset = frozenset(), told_apart: bool = False,
                        newer: int = 0) -> Link:
    names = shared_names(a.text, b.text)
    if newer:  # the later report is of a newer incident: the one both tell is its background
        both_told = frozenset()
    same_days = shared_incident_days(a, b) or sorted({dt.date.fromisoformat(day) for *_, day in both_told})
    name_weight = sum(name.weight for name in names)
    day_weight = SAME_DAY_POINTS if same_days else 0.0
    places = [name.text for name in names if name.local and (name.weight >= 1.0 or (same_days and name.town))]
    places += sorted({town for _, _, town, _ in both_told} - set(places))
    vocabulary = vocabulary_overlap(a.text, b.text)
    evidence = name_weight + day_weight + SAME_STORY_VOCABULARY_POINTS * vocabulary
    days = _days_apart(a, b)
    gap = max(newer, 0 if same_days else named_days_gap(a, b))
    apart = gap > 1
    later_days = 0 if both_told else max((days or 0) - STORY_DAYS, 0)  # a weekly column on the riot of that day
    needed = (SAME_STORY_MIN_EVIDENCE + later_days + DIFFERENT_DAYS_POINTS * apart
              + NEAR_DAYS_POINTS * (apart and gap <= NEAR_DAYS) + DIFFERENT_TOWNS_POINTS * towns_apart
              + TOLD_APART_POINTS * told_apart)
    a_first = _earlier_first(a, b)
    facts = [f"shared names {_listed(names)} (weight {name_weight:.1f}); {vocabulary:.0%} of the vocabulary shared; "
             f"P(reuse) {p_reuse:.2f}",
             "not both dated" if days is None else f"published {days} day{'s' * (days != 1)} apart"]
    if apart:
        raised = DIFFERENT_DAYS_POINTS + NEAR_DAYS_POINTS * (gap <= NEAR_DAYS)
        facts.append(f"the analysis of the later finds a newer incident of the same kind there, {gap} days after the "
                     f"earlier's (bar raised by {raised:g})" if gap == newer else
                     f"the days each names are {gap} days apart at the nearest (bar raised by {raised:g})")
    if told_apart:
        facts.append(f"the analysis of each finds incidents in other towns, days from the other's (bar raised by "
                     f"{TOLD_APART_POINTS:g})")
    if towns_apart:
        facts.append(f"each places it in a town or district the other never names "
                     f"(bar raised by {DIFFERENT_TOWNS_POINTS:g})")
    if same_days:
        facts.append(f"both name {', '.join(day.isoformat() for day in same_days)} (day weight {SAME_DAY_POINTS:.1f})")
    for kind, country, town, day in sorted(both_told):
        facts.append(f"the analysis of both finds {kind} in {town} ({country}) on {day}")
    grounded = bool(places) or name_weight >= SAME_STORY_NAMES_WITHOUT_PLACE
    if grounded and name_weight + day_weight >= SAME_STORY_MIN_NAME_WEIGHT and evidence >= needed:
        apart = apart or told_apart
        if days is not None and days <= SAME_OUTLET_DAYS and not apart and _same_outlet(a, b):
            kept = 1 - min(added_facts(a.text, b.text).share, added_facts(b.text, a.text).share)
            when = "on one day" if days == 0 else "a day apart" if days == 1 else f"{days} days apart"
            if kept >= VERSION_KEPT_FACTS or days >= 1:
                # (a report of a later day rewritten throughout is the outlet's story brought up to date, not a sidebar)
                a_first, why = _version_order(a, b, f)
                kept_words = (f"one keeping {kept:.0%} of the other's figures, names and quotes"
                              if kept >= VERSION_KEPT_FACTS else "the later rewritten throughout")
                return _link(a, b, "update", SAME_OUTLET_VERSION_PROBABILITY, a_first, f, [
                    f"one outlet's two reports of one story {when}, {kept_words}: versions of its report; order from "
                    f"{why}", *facts])
            return _link(a, b, "common_source", SAME_OUTLET_PROBABILITY, a_first, f, [
                f"one outlet's two reports of one story {when}, neither keeping more than {kept:.0%} of the "
                f"other's figures, names and quotes: not versions of one report (a report and its sidebar), but both "
                f"from the outlet's own reporting, so one source", *facts])
        # a credit to an outlet whose report of days before shares no wording is a credit to another of its reports
        # (a paper republishing the Tribune's Friday story, beside the Tribune's report of Monday)
        unlike = p_reuse < RELAYED_UNSHARED_REUSE and (days or 0) > RELAYED_STORY_DAYS
        relayed = None if apart or unlike else _relayed(a, b, *credits)
        if relayed is not None:
            relation, a_first, confidence, why = relayed
            return _link(a, b, relation, confidence, a_first, f, [why, *facts])
        restated = None if apart else _restatement(a, b, lambda: _direction(a, b, f, *credits).a_is_source >= 0.5)
        # wording near the reuse cut, or one report restating the other, one report relaying a wire (crediting it in
        # its lead, or carrying its dateline) and the other, out within a day, crediting no one: both rewrite that
        # wire (the restating report took nothing the wire did not have from the report that relays it)
        one = None if apart or (p_reuse < RELAYED_STORY_REUSE and restated is None) or not (
            a.published and b.published) or (days or 0) > RELAYED_STORY_DAYS else _relayed_by_one(*credits)
        if one is not None:
            side, names = one
            near = f"P(reuse) {p_reuse:.2f}, near the cut" if p_reuse >= RELAYED_STORY_REUSE else restated[2]
            confidence = RELAYED_COMMON_PROBABILITY * (p_reuse if p_reuse >= RELAYED_STORY_REUSE else restated[1])
            return _link(a, b, "common_source", confidence, a_first, f, [
                f"{near}; {side} relays {names}, which neither of them is, and the other credits no one: both "
                f"rewrite that report", *facts])
        if restated is not None:
            a_first, confidence, why = restated
            relayed = _relayed_instead(*(credits if a_first else credits[::-1]))
            if relayed:  # the copy names whose report it restates, and it is not the other's
                return _link(a, b, "common_source", confidence, a_first, f, [
                    f"{why}; but the restating report relays {relayed}, which the other neither is nor names: both "
                    f"restate that report", *facts])
            return _link(a, b, "derived", confidence, a_first, f, [why, *facts])
        passage = 0 if apart or f.longest_run < SHARED_PASSAGE_WORDS else unquoted_run(a.text, b.text)
        if passage >= SHARED_PASSAGE_WORDS:
            direction = _direction(a, b, f, *credits)
            certainty = max(direction.a_is_source, 1 - direction.a_is_source)
            return _link(a, b, "derived", SHARED_PASSAGE_PROBABILITY * certainty, direction.a_is_source >= 0.5, f, [
                f"a passage of {passage} words outside quotes is in both: one took it from the other",
                *direction.evidence, *facts])
        confidence = min(0.95, 0.5 + 0.1 * (evidence - needed))
        where = f"both place it in {', '.join(places)}" if places else "many names in common"
        return _link(a, b, "same_story", confidence * (1 - p_reuse / 2), a_first, f,
                     [*facts, f"{where}; little shared wording"])
    if not grounded and names:
        facts.append("no place where it happened in common")
    doubt = max(min(evidence / (2 * needed), 0.5), p_reuse)
    return _link(a, b, "unrelated", min(0.99, 1 - doubt), a_first, f, facts)


def _relayed(a: Article, b: Article, a_credits: _Credits, b_credits: _Credits) -> tuple[str, bool, float, str] | None:
    """``(relation, a is the source, confidence, reason)`` when a report's lead credits the other's outlet, or a
    statement of the body whose statement the other is (``derived``), or both leads credit one outlet that neither
    is (``common_source``), else None (RELAYED_*)."""
    for copy, source, copy_credits, source_credits, copy_is_b in ((b, a, b_credits, a_credits, True),
                                                                  (a, b, a_credits, b_credits, False)):
        credited = source_credits.identity & (copy_credits.lead
                                              | _story_passage_credits(copy.text, copy_credits, source.text))
        credited |= _statement_credited(copy.text, source.outlet)
        if credited and not _published_before(copy, source):
            return "derived", copy_is_b, RELAYED_PROBABILITY, (
                f"{'B' if copy_is_b else 'A'}'s lead (or its item on this story) credits {_quoted(credited)}, the "
                f"other's outlet: it relays that report")
    third = (a_credits.lead & b_credits.lead) - a_credits.identity - b_credits.identity
    if third:
        return "common_source", _earlier_first(a, b), RELAYED_COMMON_PROBABILITY, (
            f"both leads credit {_quoted(third)}, which neither of them is: both relay that report")
    return None


def _relayed_by_one(a_credits: _Credits, b_credits: _Credits) -> tuple[str, str] | None:
    """``(side, names)`` when one report relays outlets (its lead credits them, or it carries their copy) that
    neither report is, and the other credits or carries no outlet at all, else None."""
    for side, one, other in (("A", a_credits, b_credits), ("B", b_credits, a_credits)):
        relayed = _relays(one, other)
        if relayed and not (other.lead | other.carried | other.names) - other.identity:
            return side, _quoted(relayed)
    return None


def _relayed_instead(source: _Credits, copy: _Credits) -> str:
    """The outlets a report that restates another relays in its lead or carries (named, comma-separated) where the
    other report neither is one of them nor names them: a copy that kept the other's credit relays nothing new;
    one that credits an agency the other never mentions took the story from that agency ("" when none)."""
    return _quoted(_relays(copy, source) - source.names - source.carried)


def _relays(one: _Credits, other: _Credits) -> frozenset[str]:
    """The outlets ``one`` relays (its lead credits them, or it carries their copy) that neither report is."""
    return (one.lead | one.carried) - one.identity - other.identity


def _quoted(names) -> str:
    """Names for the evidence: sorted, each in quotes, comma-separated."""
    return ", ".join(f"'{name}'" for name in sorted(names))


def _carries_relayed(a_credits: _Credits, b_credits: _Credits) -> bool:
    """Whether a report carries the copy (dateline, byline, sign-off) of a wire that neither report is."""
    return bool((a_credits.carried | b_credits.carried) - a_credits.identity - b_credits.identity)


def _statement_credited(text: str, issuer: str | None) -> frozenset[str]:
    """``{issuer}`` where the lead of ``text`` rewrites a statement of ``issuer`` ("the Ministry of Justice said in a
    press release"), the body that the other report is the statement of (its outlet: "Ministry of Justice, Republic
    of X"), else empty."""
    if not issuer:
        return frozenset()
    own = _outlet_names(issuer)[-1].lower()
    return frozenset({issuer}) if own in _statement_issuers(text[:_lead_end(text)]) else frozenset()


def _story_passage_credits(text: str, credits: _Credits, other: str) -> frozenset[str]:
    """The outlets credited in the paragraph of ``text`` that tells ``other``'s story, where the report's own lead
    tells something else (DIGEST_*): "Casamance: two soldiers killed. ... according to the Atlantic Coast
    News Agency" as the third item of a column. Empty for a report that opens with the story."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if len(paragraphs) < 2:
        return frozenset()
    other_words = _vocabulary(other)

    def overlap(span: tuple[int, int]) -> float:
        words = _vocabulary(text[span[0]:span[1]])
        return len(words & other_words) / len(words) if words else 0.0

    if overlap(paragraphs[0]) >= DIGEST_LEAD_OVERLAP:
        return frozenset()
    shares = [overlap(span) for span in paragraphs[1:]]
    best = shares.index(max(shares))
    if shares[best] < DIGEST_PASSAGE_OVERLAP:
        return frozenset()
    start, end = paragraphs[1 + best]
    return frozenset(name for name, at in credits.credited_at if start <= at < end)


def _restatement(a: Article, b: Article, a_leads: Callable[[], bool]) -> tuple[bool, float, str] | None:
    """``(a is the source, confidence, reason)`` when one report restates the other (RESTATED_*), else None.

    The copy is the one that adds fewer facts of its own; when each adds so few that either could restate the
    other (a heavy rewrite that cut a quote and added a reaction), ``a_leads`` (dates, credits, wording) says
    which came first."""
    b_adds, a_adds = added_facts(b.text, a.text), added_facts(a.text, b.text)

    def restates(copy: Article, source: Article, adds) -> bool:
        return not (adds.total < RESTATED_MIN_FACTS or adds.added > RESTATED_MAX_ADDED
                    or adds.share > RESTATED_MAX_SHARE or _published_before(copy, source))

    both = restates(b, a, b_adds) and restates(a, b, a_adds)
    for copy, source, adds, other, copy_is_b in ((b, a, b_adds, a_adds, True), (a, b, a_adds, b_adds, False)):
        if not restates(copy, source, adds) or (both and a_leads() != copy_is_b) or (
                not both and adds.added >= other.added):
            continue
        own = f"only {', '.join(adds.listed)}" if adds.listed else "none"
        why = (f"the derived report restates its source: of its {adds.total:g} figures, names and quotes "
               f"{adds.added:g} are its own ({own}), against {other.added:g} of the source's; reworded, so a heavy "
               f"rewrite or both repeat one statement")
        if both:
            why += "; each adds so few that dates, credits and wording say which came first"
        return copy_is_b, RESTATED_PROBABILITY if _published_before(source, copy) else RESTATED_SAME_DAY, why
    return None


def _published_before(a: Article, b: Article) -> bool:
    """Whether A was out before B: by MIN_TIME_GAP or more where both state a time, else a day or more."""
    if a.published_at is not None and b.published_at is not None:
        return b.published_at - a.published_at >= MIN_TIME_GAP
    return a.published is not None and b.published is not None and a.published < b.published


def _listed(names: tuple[SharedName, ...], most: int = 6) -> str:
    if not names:
        return "none"
    shown = ", ".join(name.text for name in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")
