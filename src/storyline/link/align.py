"""Passage alignment between two reports, and the terms a rewrite swapped.

Report A is the possible source, report B the possibly derived one. Every sentence of B
is matched to the sentence(s) of A that say the same thing, in any order (a rewrite may
move paragraphs, merge two sentences or split one), and labelled:

- ``verbatim``: nearly all of B's words are copied in runs from the matched A sentence(s);
- ``rewrite``: the same content in other words (paraphrase score >= the MRPC-calibrated
  threshold, or a B sentence that is a piece of a longer A sentence);
- ``new``: nothing in A says it. A sentences that B never uses are ``new`` too (B side None).

With ``passages=True`` the words a B sentence copies are marked too: ``verbatim`` alignments nested
inside the B sentence's span (runs of 3+ words inside a ``rewrite``, of 4+ words inside a ``new``
sentence, which may still lift a phrase). :func:`split_passages` tells them from sentence alignments.

Matching is lexical and needs no parse: :func:`sentence_spans` splits sentences with a
regular expression, :mod:`storyline.link.similarity` scores every pair at once, and an
optimal one-to-one assignment (Hungarian) is extended to one-to-many for splits and merges.
Callers holding a spaCy parse may pass its sentence offsets instead. Term substitutions
(:func:`find_substitutions`) parse, sentence by sentence, only the rewritten sentences whose
changed words they pair by noun phrase.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from storyline.link.similarity import (
    PARAPHRASE_THRESHOLD,
    WORD,
    is_function_word,
    paraphrase_score,
    score_matrices,
    sentence_features,
    stem,
    word_list_stems,
)
from storyline.records import Alignment, Substitution

__all__ = [
    "PARAPHRASE_THRESHOLD", "AlignmentLevels", "align_pair", "align_reports", "find_substitutions", "framing_table",
    "paraphrase_score", "sentence_spans", "split_passages",
]

Spans = Sequence[tuple[int, int]]

# A B sentence is verbatim when this share of its words lies in runs copied from A.
VERBATIM_SHARE = 0.9
# The shortest copied run of words that counts as a verbatim passage.
MIN_VERBATIM_WORDS = 3
# ... inside a B sentence that retells nothing of A, where a 3-word run is mostly a stock phrase ("said
# on Tuesday that"). METER span_f1 with 3 / 4 / 5 words here: 0.624 / 0.627 / 0.625 (none: 0.623).
MIN_NEW_PASSAGE_WORDS = 4
# A B sentence that is a piece of a longer A sentence: this share of its content words (and at
# least FRAGMENT_MIN_SHARED of them) found in that sentence. An A sentence merged into a B sentence
# needs MERGE_COVERAGE of its own content words there.
FRAGMENT_COVERAGE = 0.4
FRAGMENT_MIN_SHARED = 3
MERGE_COVERAGE = 0.6
# A copied run this long links two sentences whatever their scores.
LINKING_RUN_WORDS = 6
# A B sentence between linked neighbours is matched to their A sentences (spanning at most
# CONTEXT_WINDOW sentences) on this lower score and number of shared content words.
CONTEXT_THRESHOLD = 0.3
CONTEXT_MIN_SHARED = 2
CONTEXT_WINDOW = 3
# The Hungarian partner is dropped for a better-scoring (split) partner by this margin.
SPLIT_MARGIN = 0.15
# Term substitutions: at most this many words on each side of a replaced run.
MAX_TERM_WORDS = 6
# ... between unchanged words, at least this many together.
MIN_ANCHOR_WORDS = 2
# A content word of a replaced run found unmatched this close to the other run moved there: no swap (see _moved).
MOVE_WINDOW = 3
# ... in a passage that otherwise keeps its source's words: at least this share of the two passages'
# words match (difflib ratio). A term is swapped inside kept wording (the seeds: 0.59 and up); a
# passage retold in new words lines up by chance ("the governor" -> "the farms" at 0.24).
MIN_KEPT_WORDS = 0.5
# A group of linked sentences keeping this share of its words is diffed again by noun phrase
# (:func:`_phrase_substitutions`): a rewrite that changed the verbs around its terms as well.
PHRASE_MIN_KEPT_WORDS = 0.4

# -- sentences ----------------------------------------------------------------------------------

# Abbreviations after which a full stop does not end a sentence (lower-case, without the dot).
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pte adm cmdr rep sen gov pres supt insp det st jr sr rev hon
messrs mt ft inc corp co ltd plc bros vs etc al approx dept jan feb apr jun jul aug sep sept oct nov dec
tues thur thurs u.s u.k u.n e.g i.e a.m p.m
""".split())
# ... and those that are abbreviations only before a number ("No. 10", but "she said no. Then").
_NUMBER_ABBREVIATIONS = frozenset("no nos fig vol art pp p".split())
# A candidate end: terminal punctuation, closing quotes or brackets, then space and what may open a sentence.
# Scanned or pasted copy sometimes drops the space: "the trial.He said" (a lower-case word, then a capital).
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_CLOSERS = "\"'”’)]"
_WORD_BEFORE_DOT = re.compile(r"([\w.]*\w)\.$")


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the punctuation ending at ``end`` ends a sentence: not the dot of "Mr." or "J."."""
    head = text[max(0, end - 30):end].rstrip(_CLOSERS)
    if not head.endswith(".") or head.endswith(".."):
        return True
    match = _WORD_BEFORE_DOT.search(head)
    if not match:
        return True
    word = match.group(1)
    if word.lower() in _ABBREVIATIONS:
        return False
    if word.lower() in _NUMBER_ABBREVIATIONS and text[end:end + 8].lstrip()[:1].isdigit():
        return False
    return not (len(word) == 1 and word.isupper())  # an initial: "J. Smith"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, without surrounding whitespace.

    Line breaks always end a sentence (news text keeps one paragraph per line); within a line a
    sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes) before a capital, digit or
    opening quote, except after common abbreviations and initials.
    """
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        cuts = [m.end() for m in _SENTENCE_END.finditer(text, line.start(), line.end()) if _ends_sentence(text, m.end())]
        for cut in (*cuts, line.end()):
            piece = text[start:cut]
            stripped = piece.strip()
            if stripped:
                left = start + len(piece) - len(piece.lstrip())
                spans.append((left, left + len(stripped)))
            start = cut
    return spans


# -- words --------------------------------------------------------------------------------------

def _words(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for the words of ``text[start:end]``, offsets into ``text``."""
    return [(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


class _CopyIndex:
    """Where each run of ``min_words`` words occurs in A's sentences, to find what B copies in any order."""

    def __init__(self, a_words: Sequence[Sequence[str]], min_words: int):
        self.a_words, self.min_words = a_words, min_words
        self.seeds: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for j, words in enumerate(a_words):
            for i in range(len(words) - min_words + 1):
                self.seeds[tuple(words[i:i + min_words])].append((j, i))

    def runs(self, b_words: Sequence[str], within: set[int] | None = None) -> list[tuple[int, int, int, int]]:
        """Runs B copies: ``(a_sentence, a_index, b_index, length)``, not overlapping in B.

        Left to right through B, the longest copy starting at each word is taken (in the sentences
        ``within`` only, when given); a run of function words alone is no copy.
        """
        runs, k, j = [], self.min_words, 0
        while j <= len(b_words) - k:
            best = None
            for sentence, i in self.seeds.get(tuple(b_words[j:j + k]), ()):
                if within is not None and sentence not in within:
                    continue
                words, length = self.a_words[sentence], k
                while i + length < len(words) and j + length < len(b_words) and words[i + length] == b_words[j + length]:
                    length += 1
                if best is None or length > best[3]:
                    best = (sentence, i, j, length)
            if best and not all(is_function_word(w) for w in b_words[j:j + best[3]]):
                runs.append(best)
                j += best[3]
            else:
                j += 1
        return runs


# -- alignment ----------------------------------------------------------------------------------

def _nearest_linked(links: dict[int, set[int]], i: int, step: int) -> set[int]:
    k = i + step
    while 0 <= k < len(links):
        if links[k]:
            return links[k]
        k += step
    return set()


def _link_sentences(matrices, copies: _CopyIndex, b_words) -> dict[int, set[int]]:
    """For each B sentence, the A sentences it is matched to (possibly none).

    1. an optimal one-to-one assignment on the paraphrase scores, kept where a pair reaches the threshold;
    2. splits: a B sentence that scores clearly better with an A sentence already taken, or that is a
       piece of one (most of its content words found there), or that copies a long run of words from one;
    3. merges: an A sentence left over whose content a linked B sentence covers;
    4. context: a B sentence left over between linked neighbours, matched to their A sentences (or the
       ones between them) on a lower score, since rewrites follow their source's order locally.
    """
    score, shared = matrices.score, matrices.shared
    n_b, n_a = score.shape
    links: dict[int, set[int]] = {i: set() for i in range(n_b)}
    if score.size == 0:
        return links
    for i, j in zip(*linear_sum_assignment(-score)):
        if score[i, j] >= PARAPHRASE_THRESHOLD:
            links[int(i)].add(int(j))
    for i in range(n_b):
        best = int(np.argmax(score[i]))
        partner = next(iter(links[i]), None)
        if partner is not None and score[i, best] - score[i, partner] <= SPLIT_MARGIN:
            continue
        fragment = matrices.coverage_left[i, best] >= FRAGMENT_COVERAGE and shared[i, best] >= FRAGMENT_MIN_SHARED
        if score[i, best] >= PARAPHRASE_THRESHOLD or (partner is None and fragment):
            links[i] = {best}
        elif partner is None:
            runs = copies.runs(b_words[i])
            longest = max(runs, key=lambda run: run[3], default=None)
            if longest is not None and longest[3] >= LINKING_RUN_WORDS:
                links[i] = {longest[0]}
    taken = set().union(*links.values())
    for j in sorted(set(range(n_a)) - taken):
        i = int(np.argmax(matrices.coverage_right[:, j]))
        if links[i] and matrices.coverage_right[i, j] >= MERGE_COVERAGE and shared[i, j] >= FRAGMENT_MIN_SHARED:
            links[i].add(j)
    for i in range(n_b):
        if links[i]:
            continue
        before, after = _nearest_linked(links, i, -1), _nearest_linked(links, i, 1)
        if not before or not after:
            continue
        low, high = min(min(before), min(after)), max(max(before), max(after))
        if high - low > CONTEXT_WINDOW:
            continue
        candidates = range(low, high + 1)
        best = max(candidates, key=lambda j: score[i, j])
        if score[i, best] >= CONTEXT_THRESHOLD and shared[i, best] >= CONTEXT_MIN_SHARED:
            links[i] = {best}
    return links


def align_reports(text_a: str, text_b: str, spans_a: Spans | None = None, spans_b: Spans | None = None,
                  *, passages: bool = False, passage_words: int = MIN_VERBATIM_WORDS,
                  new_passage_words: int = MIN_NEW_PASSAGE_WORDS) -> list[Alignment]:
    """Align the sentences of report B (the possibly derived one) to those of report A (the possible source).

    Returns one alignment per linked (B sentence, A sentence) pair, one ``new`` alignment per unlinked
    B sentence (A side None) and per unused A sentence (B side None), ordered by position in B then A.
    A B sentence merging two A sentences gets two alignments; two B sentences split from one A sentence
    share its A span. ``score`` is the paraphrase score of the pair (for ``new``, the best score found).
    With ``passages=True``, the runs of at least ``passage_words`` words that a ``rewrite`` sentence
    copies from A (from any of its sentences: rewrites stitch), and of at least ``new_passage_words``
    words that a ``new`` sentence copies, are added as ``verbatim`` alignments nested strictly inside
    the sentence's B span (a run as long as the whole sentence is left out); :func:`split_passages`
    separates them again.
    ``spans_a`` / ``spans_b`` are sentence offsets (e.g. from spaCy); :func:`sentence_spans` by default.
    """
    spans_a = list(spans_a) if spans_a is not None else sentence_spans(text_a)
    spans_b = list(spans_b) if spans_b is not None else sentence_spans(text_b)
    a_tokens = [_words(text_a, s, e) for s, e in spans_a]
    b_tokens = [_words(text_b, s, e) for s, e in spans_b]
    a_words = [[w.lower() for w, _, _ in words] for words in a_tokens]
    b_words = [[w.lower() for w, _, _ in words] for words in b_tokens]
    matrices = score_matrices([sentence_features(text_b[s:e]) for s, e in spans_b],
                              [sentence_features(text_a[s:e]) for s, e in spans_a])
    score = matrices.score
    copies = _CopyIndex(a_words, MIN_VERBATIM_WORDS)
    links = _link_sentences(matrices, copies, b_words)
    indexes = {MIN_VERBATIM_WORDS: copies}

    def copied_runs(i: int, min_words: int) -> list[Alignment]:
        """The runs of at least ``min_words`` words B sentence ``i`` copies from anywhere in A, as passages."""
        if min_words not in indexes:
            indexes[min_words] = _CopyIndex(a_words, min_words)
        found = []
        for j, a_i, b_i, n in indexes[min_words].runs(b_words[i]):
            a_run, b_run = a_tokens[j][a_i:a_i + n], b_tokens[i][b_i:b_i + n]
            if (b_run[0][1], b_run[-1][2]) != spans_b[i]:  # a passage lies strictly inside its sentence
                found.append(Alignment("verbatim", a_run[0][1], a_run[-1][2], b_run[0][1], b_run[-1][2], 1.0))
        return found

    alignments: list[Alignment] = []
    for i, (b_start, b_end) in enumerate(spans_b):
        partners = sorted(links[i])
        if not partners:
            alignments.append(Alignment("new", None, None, b_start, b_end, float(score[i].max(initial=0.0))))
            if passages:
                alignments.extend(copied_runs(i, new_passage_words))
            continue
        copied = sum(run[3] for run in copies.runs(b_words[i], within=links[i]))
        exact = any(b_words[i] == a_words[j] for j in partners)
        kind = "verbatim" if exact or copied >= VERBATIM_SHARE * len(b_words[i]) else "rewrite"
        for j in partners:
            alignments.append(Alignment(kind, spans_a[j][0], spans_a[j][1], b_start, b_end, float(score[i, j])))
        if passages and kind == "rewrite":
            alignments.extend(copied_runs(i, passage_words))
    used = set().union(*links.values()) if links else set()
    for j, (a_start, a_end) in enumerate(spans_a):
        if j not in used:
            alignments.append(Alignment("new", a_start, a_end, None, None, float(score[:, j].max(initial=0.0))))
    alignments.sort(key=lambda a: (a.b_start is None, a.b_start or 0, -(a.b_end or 0), a.a_start or 0))
    return alignments


class AlignmentLevels(NamedTuple):
    sentences: list[Alignment]  # one per linked or unlinked sentence (what counts sentences)
    passages: list[Alignment]  # copied runs, nested inside a sentence alignment's B span


def split_passages(alignments: Sequence[Alignment]) -> AlignmentLevels:
    """Sentence alignments apart from the copied passages nested in them (``align_reports(passages=True)``).

    A passage is an alignment whose B span lies inside another alignment's B span and is not equal
    to it (a B sentence merging two A sentences has two alignments with one B span: both are
    sentences). Alignments stored without passages are all sentences. Each list keeps the given order.
    """
    spans = sorted({(a.b_start, a.b_end) for a in alignments if a.b_start is not None}, key=lambda s: (s[0], -s[1]))
    nested, widest_end = set(), -1
    for start, end in spans:  # by start, wider first: an earlier span reaching as far contains this one
        if widest_end >= end:
            nested.add((start, end))
        widest_end = max(widest_end, end)
    levels = AlignmentLevels([], [])
    for a in alignments:
        (levels.passages if a.b_start is not None and (a.b_start, a.b_end) in nested else levels.sentences).append(a)
    return levels


# -- term substitutions -------------------------------------------------------------------------

def _linked_groups(alignments: Sequence[Alignment]) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
    """Connected groups of linked sentences: (A spans, B spans), each in text order.

    Diffing a whole group lets a term that a split moved into the next B sentence still line up.
    Passages nested inside a sentence alignment (``passages=True``) are left out.
    """
    alignments = split_passages(alignments).sentences
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {}

    def find(node):
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    for a in alignments:
        if a.kind == "new" or a.a_start is None or a.b_start is None:
            continue
        left, right = find(("a", a.a_start, a.a_end)), find(("b", a.b_start, a.b_end))
        parent[left] = right
    groups: dict[tuple, tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for node in list(parent):
        side, start, end = node
        groups[find(node)][0 if side == "a" else 1].add((start, end))
    return [(sorted(a_spans), sorted(b_spans)) for a_spans, b_spans in groups.values()]


_ARTICLES = ("the", "a", "an")
_POSSESSIVES = frozenset({"its", "their", "his", "her"})  # of a third party, singular or plural
# Past participles that do not end in -ed, which end a verb phrase as "-ed" ones do ("the strip held by").
_IRREGULAR_PARTICIPLES = frozenset("""
held known taken seen given made built caught fought shot kept left lost found sent won struck thrown driven told sold
bought brought torn worn sworn stolen hidden beaten bitten broken chosen spoken written ridden risen fallen
""".split())

# Words after which a replaced run is a verb phrase ("to protect" -> "to safeguard"), not a term.
_VERB_CONTEXT = frozenset("""
to will would shall should can could may might must has have had is are was were be been being do does did
he she it they we i who which that
""".split())
# Words after which a replaced run is a noun phrase ("the army", "of Kabul", "an allegation").
_NOUN_CONTEXT = frozenset("""
the a an this that these those its their his her our your my of in on at from by for with against over
""".split())


class _Word(NamedTuple):
    text: str
    start: int
    end: int
    sentence: int  # its sentence's number in the group
    name: bool  # capitalised as a name is: not only because it opens a sentence
    headline: bool  # in a sentence mostly in capitals


def _capitalised_inside(text: str) -> set[str]:
    """Words that ``text`` capitalises inside a sentence, so as names, not as sentence openers."""
    return {words[k][0] for start, end in sentence_spans(text) for words in [_words(text, start, end)]
            for k in range(1, len(words)) if words[k][0][:1].isupper()}


def _group_words(text: str, spans: Sequence[tuple[int, int]], names: set[str]) -> list[_Word]:
    """The words of some sentences of ``text``, each marked as name-like or not.

    A capitalised word opening a sentence is a name when ``names`` has it or it has an inner capital
    ("Al-Shabaab", "IEA"); words of a headline in capitals are no names.
    """
    out = []
    for n, (start, end) in enumerate(spans):
        words = _words(text, start, end)
        headline = sum(w.isupper() and len(w) > 1 for w, _, _ in words) > len(words) / 2
        for k, (w, s, e) in enumerate(words):
            capitalised = w[:1].isupper() or any(c.isupper() for c in w[1:])
            name = (capitalised and not headline and not is_function_word(w)
                    and (k > 0 or w in names or any(c.isupper() for c in w[1:])))
            out.append(_Word(w, s, e, n, name, headline))
    return out


def is_figure(word: str) -> bool:
    """A figure, written in digits or as a number word ("12", "1,500", "five")."""
    return stem(word)[:1].isdigit()


def reworded_only(texts_a: Sequence[str], texts_b: Sequence[str]) -> bool:
    """Whether two runs of words are one term written another way: the same content-word stems (an inflection or a
    word-order change) or one run's letters inside the other's (spelling, hyphens, words run together: "long term"
    -> "long-term")."""
    stems_a = {stem(w) for w in texts_a if not is_function_word(w)}
    stems_b = {stem(w) for w in texts_b if not is_function_word(w)}
    letters_a, letters_b = (re.sub(r"[\W_]", "", "".join(texts).lower()) for texts in (texts_a, texts_b))
    return stems_a == stems_b or letters_a in letters_b or letters_b in letters_a


def _trim(words: Sequence[_Word]) -> tuple[int, int]:
    """Where the run starts and ends without function words at its ends, but for an article just before its first
    content word."""
    start, end = 0, len(words)
    while start < end and is_function_word(words[start].text):
        start += 1
    while end > start and is_function_word(words[end - 1].text):
        end -= 1
    if 0 < start < end and words[start - 1].text.lower() in _ARTICLES:
        start -= 1
    return start, end


# Words that put a category in place of a name ("the Taliban" -> "the group", "in Kabul" -> "in the capital"): the
# rewording of a name already given, not another name for it. Words of rule ("government", "regime",
# "administration", "authorities") are left out: which of them a report uses is a framing.
_CATEGORY_WORDS = frozenset("""
group organisation organization movement militia party army military force forces police city town village capital
country area region province district state hospital clinic company firm agency ministry department office court
man woman men women people person victim victims suspect suspects official officials spokesman spokeswoman
""".split())


def _framing_words() -> frozenset[str]:
    """The stems of the words that take a side or pass a judgement (``data/framing_words.txt``)."""
    return word_list_stems("framing_words.txt")


def _described_as(named: Sequence[_Word], described: Sequence[_Word]) -> bool:
    """Whether a name and a description put in its place are terms for one side ("the occupied north" -> "the TRNC",
    "Israeli soldiers" -> "occupation soldiers", "The government" -> "The Greek Cypriot administration"): at most
    three words each, one the name's own article if any, the description more than a category word alone, and a
    word that takes a side among the lower-case words of either (``data/framing_words.txt``). Without one, a
    description put for a name rewords it ("the Mercedes" -> "the car", "MP Neil Hamilton" -> "the minister")."""
    if len(named) > 3 or len(described) > 3:
        return False
    if not any(stem(w.text) in _framing_words() for w in (*named, *described) if w.text.islower()):
        return False
    articles = [run[0].text.lower() for run in (named, described) if run[0].text.lower() in _ARTICLES]
    if articles and (len(articles) == 1 and len(named) + len(described) > 2 or len(set(articles)) > 1):
        return False  # "the Galilee Medical Center" -> "a hospital": a name made a common noun
    content = [w for w in described if not is_function_word(w.text)]
    return not (len(content) == 1 and content[0].text.lower() in _CATEGORY_WORDS)


def _looks_like_term(source: list[_Word], derived: list[_Word], context: list[_Word], headed: bool = False,
                     determined: tuple[bool, bool] = (False, False), subject: bool = False,
                     same_frame: bool = False) -> bool:
    """A name or short noun phrase put in place of another, not a reworded clause or a changed figure.

    ``context`` holds the first word of each replaced run and the word just before each. ``headed``: both runs
    end in the noun the texts share after the replaced words (:func:`_with_shared_head`), so they are noun
    phrases whatever their modifiers look like ("armed group" -> "terror group"). ``determined``: whether a
    determiner stands just before each run ("The" before "rebels" -> "armed group"). ``subject``: both runs open
    their sentence and run straight into the word the texts share after them ("Gunmen stormed" -> "Terrorists
    stormed"), the place of a sentence's subject, which needs no word before it to be a noun phrase.
    ``same_frame``: the same word stands just before both runs ("Three Bahraini police officers" -> "Three
    policemen"), the place where a description can stand for a name (:func:`_described_as`).
    """
    if not source or not derived or len(source) > MAX_TERM_WORDS or len(derived) > MAX_TERM_WORDS:
        return False
    both = [w.text for w in (*source, *derived)]
    if len({w.sentence for w in source}) > 1 or len({w.sentence for w in derived}) > 1:
        return False  # the run crosses a sentence boundary
    if any(w.headline for w in (*source, *derived)):
        return False
    if reworded_only([w.text for w in source], [w.text for w in derived]) or any(map(is_figure, both)):
        return False  # one term written another way, or a changed figure (a disagreement, not a framing)
    if any(w.islower() and (w.endswith(("ed", "ing", "ly")) or w in _IRREGULAR_PARTICIPLES)
           for w in (source[-1].text, derived[-1].text)):
        return False  # a verb or adverb phrase ("the strip held [by the Front]" -> "incursions" is no term)
    if any(w.text.lower() in _VERB_CONTEXT for w in context):
        return False

    def named_share(run):
        content = [w for w in run if not is_function_word(w.text)]
        return sum(w.name for w in content) / max(len(content), 1)

    shares = named_share(source), named_share(derived)
    if max(shares) >= 0.5 and min(shares) > 0:
        return True  # "the Taliban" -> "the Islamic Emirate"
    verbal = any(_verb_like(run, k, after_determiner)
                 for run, after_determiner in zip((source, derived), determined) for k in range(len(run)))
    if max(shares) >= 0.5 and same_frame and not verbal:
        return _described_as(*((source, derived) if shares[0] > 0 else (derived, source)))
    if max(shares) > 0 or len(source) > 3 or len(derived) > 3:
        return False
    return (headed or not verbal) and (subject or any(
        w.text.lower() in _NOUN_CONTEXT or w.text.endswith(("'s", "’s")) or w.name for w in context))


_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those"})


def _verb_like(run: Sequence[_Word], k: int, after_determiner: bool = False) -> bool:
    """Whether the ``k``-th word of a replaced run ends as a verb or an adverb does ("-ed", "-ing", "-ly"), and is not
    a modifier of the noun after it: a hyphenated compound ("drug-smuggling networks") or a word between a
    determiner and a noun ("an armed group"; ``after_determiner``: the run itself follows one, "the" + "armed
    group")."""
    word = run[k].text
    if not word.endswith(("ed", "ing", "ly")):
        return False
    if word.endswith("ly") or k == len(run) - 1:
        return True
    determiner = run[k - 1].text.lower() in _DETERMINERS if k > 0 else after_determiner
    return "-" not in word and not determiner


def _framed_apart(replaced_a: Sequence[_Word], trimmed_a: tuple[int, int], replaced_b: Sequence[_Word],
                  trimmed_b: tuple[int, int]) -> bool:
    """Whether the function words :func:`_trim` took off the two replaced runs differ: "at dawn" against "the defence
    ministry said" is a clause rewritten around a shared word, not a term put in place of another ("in Kabul" -> "in
    the capital" keeps its frame; an article next to the term does not count, nor a possessive that follows the
    owner's new number: "its news agency" -> "their propaganda outlet", where "the Front" became "the militias")."""
    def frame(replaced, trimmed):
        start, end = trimmed
        outside = (w.text.lower() for w in (*replaced[:start], *replaced[end:]))
        return ["its" if w in _POSSESSIVES else w for w in outside if w not in _ARTICLES]

    return frame(replaced_a, trimmed_a) != frame(replaced_b, trimmed_b)


def _with_shared_article(words_a, i, words_b, j, run_a, run_b):
    """Extend both runs by a determiner the two texts share just before them ("the Taliban" -> "the ...")."""
    if (i > 0 and j > 0 and words_a[i - 1].text.lower() == words_b[j - 1].text.lower()
            and words_a[i - 1].text.lower() in _ARTICLES and run_a[0] is words_a[i] and run_b[0] is words_b[j]):
        return [words_a[i - 1], *run_a], [words_b[j - 1], *run_b]
    return run_a, run_b


_NOT_A_HEAD = ("ed", "ing", "ly", "al", "ous", "ive", "ful", "less", "ic")  # endings of verbs, adverbs, adjectives


def _with_shared_head(words_a, i2, words_b, j2, replaced_a, trimmed_a, replaced_b, trimmed_b):
    """Both trimmed runs extended by the word the texts share just after them: the noun that modifiers looking
    like verbs qualify ("an armed group" -> "a terror group", where "armed" alone reads as a verb). Only where
    the runs are one or two lower-case words that run up to it, one of them ending in "-ed" or "-ing", and it is
    a lower-case content word of their sentence that looks like neither a verb, an adverb nor an adjective.
    None otherwise."""
    if i2 >= len(words_a) or j2 >= len(words_b):
        return None
    head_a, head_b = words_a[i2], words_b[j2]
    run_a, run_b = replaced_a[slice(*trimmed_a)], replaced_b[slice(*trimmed_b)]
    if (head_a.text.lower() != head_b.text.lower() or not head_a.text.islower() or is_function_word(head_a.text)
            or head_a.text.endswith(_NOT_A_HEAD) or trimmed_a[1] != len(replaced_a)
            or trimmed_b[1] != len(replaced_b)
            or not any(w.text.endswith(("ed", "ing")) for w in (*run_a, *run_b))):
        return None
    if any(x.text[:5].lower() == y.text[:5].lower() for x in run_a for y in run_b if not is_function_word(x.text)):
        return None  # one word family: "horrific" -> "horrifying"
    if not all(1 <= len(run) <= 2 and all(w.text.islower() and w.sentence == head.sentence for w in run)
               for run, head in ((run_a, head_a), (run_b, head_b))):
        return None
    return [*run_a, head_a], [*run_b, head_b]


def _people_words() -> frozenset[str]:
    """The stems of the nouns for people, groups of people and forces (``data/people_words.txt``)."""
    return word_list_stems("people_words.txt")


def _people_swapped(words_a, i2, words_b, j2, replaced_a, replaced_b) -> bool:
    """Whether a replaced run is a noun for people put for another (``data/people_words.txt``; one or two lower-case
    words a side, the noun last: "union members" -> "strikers", "drug gangs" -> "narco-gangs") with the words around
    it kept: the same word after both runs (and, checked by the caller, before them), as in "rival groups of football
    supporters fought" -> "rival mobs of football hooligans fought". A rewrite casts the same people as others there;
    in a changed clause two such nouns need not name the same people."""
    if not (1 <= len(replaced_a) <= 2 and 1 <= len(replaced_b) <= 2) or i2 >= len(words_a) or j2 >= len(words_b):
        return False
    after_a, after_b = words_a[i2], words_b[j2]
    texts_a, texts_b = [w.text for w in replaced_a], [w.text for w in replaced_b]
    return (all(w.islower() for w in (*texts_a, *texts_b)) and after_a.text.lower() == after_b.text.lower()
            and after_a.sentence == replaced_a[-1].sentence and after_b.sentence == replaced_b[-1].sentence
            and all(stem(run[-1].split("-")[-1]) in _people_words() for run in (texts_a, texts_b))
            and not reworded_only(texts_a, texts_b))


def _same_word_before(words_a: Sequence[_Word], start_a: int, words_b: Sequence[_Word], start_b: int) -> bool:
    """Whether the same word stands just before ``words_a[start_a]`` and ``words_b[start_b]``, in their sentences."""
    if start_a == 0 or start_b == 0:
        return False
    before_a, before_b = words_a[start_a - 1], words_b[start_b - 1]
    return (before_a.sentence == words_a[start_a].sentence and before_b.sentence == words_b[start_b].sentence
            and before_a.text.lower() == before_b.text.lower())


def _with_qualified_noun(words_a, words_b, run_a, run_b, start_a, start_b):
    """Swapped runs extended by the plural both qualify, the term the reader sees: a name and a description
    ("Israeli" -> "occupation" before "soldiers" is "Israeli soldiers" -> "occupation soldiers"), or one word and a
    possessive ("security" -> "the regime's" before "forces" is "security forces" -> "the regime's forces"); or by a
    singular noun for a body or a front (_QUALIFIED_NOUNS) that one word a side qualifies ("The militant" -> "The
    sedition" before "group" is "The militant group" -> "The sedition group")."""
    end_a, end_b = start_a + len(run_a), start_b + len(run_b)
    if end_a >= len(words_a) or end_b >= len(words_b):
        return run_a, run_b
    head_a, head_b = words_a[end_a], words_b[end_b]
    word = head_a.text
    if (word != head_b.text or not word.islower() or head_a.sentence != run_a[0].sentence
            or head_b.sentence != run_b[0].sentence):
        return run_a, run_b
    own_a, own_b = ([w for w in run if w.text.lower() not in _DETERMINERS] for run in (run_a, run_b))
    if word in _QUALIFIED_NOUNS and len(own_a) == len(own_b) == 1 and not any(
            w.text.endswith(("s", "'s", "’s")) for w in (*own_a, *own_b)):
        return [*run_a, head_a], [*run_b, head_b]
    if run_a[-1].name == run_b[-1].name and not (len(run_a) == 1 and run_b[-1].text.endswith(("'s", "’s"))):
        return run_a, run_b
    if not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return run_a, run_b
    return [*run_a, head_a], [*run_b, head_b]


# Singular nouns a term qualifies: a body of people or the line between two sides
_QUALIFIED_NOUNS = frozenset({"group", "organisation", "organization", "movement", "militia", "faction", "cell",
                              "network", "outfit", "regime", "government", "administration", "army", "force", "border",
                              "frontier", "bomber", "gunman", "fighter", "militant", "attacker"})


def _with_rest_of_name(words_a, words_b, run_a, run_b, start_a, start_b):
    """Swapped runs extended by the capitalised words both go on with in their sentences, the rest of the name
    each run begins ("Cape" -> "Cabo" before "Verde" is "Cape Verde" -> "Cabo Verde")."""
    if not (run_a[-1].text[:1].isupper() and run_b[-1].text[:1].isupper()):
        return run_a, run_b
    end_a, end_b = start_a + len(run_a), start_b + len(run_b)
    extra = 0
    for next_a, next_b in zip(words_a[end_a:], words_b[end_b:]):
        if (next_a.text != next_b.text or not next_a.text[:1].isupper() or next_a.headline
                or next_a.sentence != run_a[-1].sentence or next_b.sentence != run_b[-1].sentence):
            break
        extra += 1
    return [*run_a, *words_a[end_a:end_a + extra]], [*run_b, *words_b[end_b:end_b + extra]]


def _with_shared_noun(side_a, side_b, run_a, run_b, start_a, start_b):
    """Both runs extended by the noun the texts share just after them, where each run ends with a word that
    qualifies it ("a lawful gathering" -> "an illegal gathering", not "a lawful" -> "an illegal"): a swapped
    adjective is read with what it describes. A name stands alone ("Israeli" -> "Zionist" warplanes)."""
    ends = []  # (text, its sentence's span, the run's last word, the word after it) on each side
    for (text, spans, words), run, start in ((side_a, run_a, start_a), (side_b, run_b, start_b)):
        after = start + len(run)
        if after >= len(words) or words[after].sentence != run[-1].sentence or not run[-1].text.islower():
            return run_a, run_b
        ends.append((text, spans[run[-1].sentence], run[-1], words[after]))
    noun_a, noun_b = ends[0][3], ends[1][3]
    if noun_a.text.lower() != noun_b.text.lower() or not noun_a.text.islower():
        return run_a, run_b
    for text, (sentence_start, sentence_end), last, noun in ends:  # parsed only once the words agree
        tokens = {token.idx + sentence_start: token for token in _parse(text[sentence_start:sentence_end])}
        modifier, head = tokens.get(last.start), tokens.get(noun.start)
        if (modifier is None or head is None or head.pos_ != "NOUN" or modifier.head.i != head.i
                or modifier.dep_ not in ("amod", "compound")):
            return run_a, run_b
    return [*run_a, noun_a], [*run_b, noun_b]


def _after_determiner(words: Sequence[_Word], start: int) -> bool:
    """Whether the word before ``words[start]``, in its sentence, is a determiner ("the", "an", "their")."""
    return (start > 0 and words[start - 1].sentence == words[start].sentence
            and words[start - 1].text.lower() in _DETERMINERS)


def _opens_into_next(text: str, words: Sequence[_Word], start: int, end: int) -> bool:
    """Whether ``words[start:end]`` opens its sentence and runs into the word after it, in the same sentence with
    nothing but a space between: a sentence's subject ("Gunmen stormed"), not an opening adverb set off by a
    comma ("Earlier, ...")."""
    if end >= len(words) or (start > 0 and words[start - 1].sentence == words[start].sentence):
        return False
    return words[end].sentence == words[start].sentence and not text[words[end - 1].end:words[end].start].strip()


def _close_brackets(text: str, start: int, end: int) -> int:
    """``end`` moved past a closing bracket that the span opened: "(IEA" -> "(IEA)"."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")") and text[end:end + 1] == ")":
        return end + 1
    return end


_BREAK = re.compile(r"\s[-–—]+\s|[–—:;]")


def _after_break(text: str, words: Sequence[_Word], start: int, end: int) -> int:
    """Where a replaced run ``words[start:end]`` starts after the last dash, colon or semicolon inside it: a
    dateline ("ADEN, Yemen (RSNA) - Israeli" -> "Zionist") or a clause before the break is no part of the term."""
    for k in range(end - 1, start, -1):
        if _BREAK.search(text, words[k - 1].end, words[k].start):
            return k
    return start


def _unmatched(opcodes) -> tuple[set[int], set[int]]:
    """The positions of each side's words that the diff left unmatched (replaced, deleted or inserted)."""
    loose_a = {k for op, i1, i2, _, _ in opcodes if op != "equal" for k in range(i1, i2)}
    loose_b = {k for op, _, _, j1, j2 in opcodes if op != "equal" for k in range(j1, j2)}
    return loose_a, loose_b


def _moved(run: Sequence[_Word], other_words: Sequence[_Word], loose_other: set[int],
           other_span: tuple[int, int]) -> bool:
    """Whether a content word of ``run`` stands unmatched on the other side just beside the run it was put against
    (within MOVE_WINDOW words, in its sentence): the words were put in another order ("gave a higher toll" -> "put
    the toll higher"), not a term swapped for another."""
    start, end = other_span
    sentence = other_words[start].sentence
    beside = [other_words[k] for k in (*range(max(start - MOVE_WINDOW, 0), start),
                                       *range(end, min(end + MOVE_WINDOW, len(other_words))))
              if k in loose_other and other_words[k].sentence == sentence and not is_function_word(other_words[k].text)]
    stems = {stem(w.text) for w in beside}
    return any(stem(w.text) in stems for w in run if not is_function_word(w.text))


def _anchored_replacements(opcodes, words_a: Sequence[_Word]) -> list[tuple[int, int, int, int]]:
    """Replaced runs between unchanged words (or an end of the text), a content word among those.

    That is what a swapped term looks like; a rewritten stretch borders on other changes.
    """
    out = []
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "replace":
            continue
        neighbours = [opcodes[n] for n in (k - 1, k + 1) if 0 <= n < len(opcodes)]
        if any(o[0] != "equal" for o in neighbours):
            continue
        anchor = [w for o in neighbours for w in words_a[o[1]:o[2]]]
        if len(anchor) >= MIN_ANCHOR_WORDS and not all(is_function_word(w.text) for w in anchor):
            out.append((i1, i2, j1, j2))
    return out


# -- term substitutions by noun phrase -------------------------------------------------------------

# Dependency labels of a noun phrase's head, as the slots of its clause: a phrase is paired only with the phrase
# in the same slot of the rewritten clause ("rioters hurled petrol bombs" -> "protesters threw Molotov cocktails").
_SLOTS = {"nsubj": "subject", "nsubjpass": "subject", "dobj": "object", "pobj": "prepositional",
          "agent": "prepositional", "appos": "apposition", "attr": "attribute", "conj": "conjunct", "ROOT": "root",
          "npadvmod": "adverbial"}
# Entity labels of the parse, as kinds of term.
_ENTITY_KINDS = {"PERSON": "party", "ORG": "party", "NORP": "party", "GPE": "place", "LOC": "place", "FAC": "place"}
_NOT_A_TERM = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
# The roles of the event lexicon (storyline/analyse/data/event_triggers.tsv) that name people or forces.
_PARTY_ROLES = frozenset({"role:crowd", "role:armed", "role:state", "role:nonstate", "role:protester", "role:civilian"})
# Endings of nouns for people: "protesters" is a party where "protest" is an event, though both are protest words.
_PERSON_ENDINGS = ("er", "or", "ist", "ant", "man", "men")


@lru_cache(maxsize=512)
def _parse(sentence: str):
    """A sentence's spaCy parse, kept for the next pairs: the linker aligns one report with each of its relatives
    (512 sentences, some 20 reports: about ten megabytes)."""
    from storyline.analyse.nlp import parse  # spaCy loads only when a rewrite needs it

    return parse(sentence)


class _Phrase(NamedTuple):
    chunk: object  # the spaCy noun chunk, in the parse of its sentence
    words: list  # its tokens without determiners, figures and punctuation
    offset: int  # where its sentence starts in the report

    def start(self, with_article: bool = False) -> int:
        return self.offset + (self.chunk[0].idx if with_article else self.words[0].idx)

    def end(self) -> int:
        return self.offset + self.words[-1].idx + len(self.words[-1].text)


def _noun_phrases(text: str, spans: Spans) -> list[_Phrase]:
    """The noun chunks of the sentences ``spans`` of ``text``, each parsed alone (the pairs that need no parse cost
    none), without determiners, figures and punctuation ("Three Bahraini police officers" -> "Bahraini police
    officers"); pronouns, dates and amounts are no terms."""
    out = []
    for start, end in spans:
        for chunk in _parse(text[start:end]).noun_chunks:
            words = [t for t in chunk
                     if not (t.tag_ in ("DT", "CD", "PRP$", "PDT", "WDT") or t.like_num or t.is_punct)]
            if words and not all(t.pos_ == "PRON" for t in words) and chunk.root.ent_type_ not in _NOT_A_TERM:
                out.append(_Phrase(chunk, words, start))
    return out


def _term_kinds(words: list) -> tuple[frozenset[str], bool]:
    """What a noun phrase names, from its head noun and the nouns and adjectives that qualify it: a ``party``
    (people, a force, a group: the event lexicon's roles, the actor table, a name of a person or organisation), an
    ``event``, a ``weapon`` or a ``place``; and whether a word of it takes a side (``data/framing_words.txt``)."""
    from storyline.analyse.actors import alias_table
    from storyline.analyse.event_types import find_hits

    root = words[-1]
    core = {t.i for t in words if t is root or (t.head is root and t.dep_ in ("compound", "amod"))}
    events, roles = find_hits(words)

    def on_core(hit) -> bool:
        return any(words[k].i in core for k in hit.positions)

    event = any(not h.label.startswith("cue:") and h.label not in ("ATTRIB", "DIPLO") and on_core(h) for h in events)
    party = any(h.label in _PARTY_ROLES and h.pattern.weight >= 1 and on_core(h) for h in roles)
    kinds = set()
    # "protesters", "looters": the doers of an event the lexicon knows, where "protest" and "looting" are events
    doers = event and root.lemma_.lower().endswith(_PERSON_ENDINGS) and (party or root.tag_ == "NNS")
    if party and not event or doers:
        kinds.add("party")
    elif event:
        kinds.add("event")
    kinds |= {h.label[len("role:"):] for h in roles if h.label in ("role:weapon", "role:place") and on_core(h)}
    kinds |= {_ENTITY_KINDS[t.ent_type_] for t in words if t.ent_type_ in _ENTITY_KINDS}
    if alias_table()[2].search(" ".join(t.text for t in words)):
        kinds.add("party")
    return frozenset(kinds), any(stem(t.lower_) in _framing_words() for t in words)


def _same_kind(phrase_a: list, phrase_b: list) -> bool:
    """Whether two noun phrases name the same kind of thing (:func:`_term_kinds`), or one names a party with a word
    that takes a side and the other a party or a name for one ("the government" -> "the dictatorship")."""
    (kinds_a, framed_a), (kinds_b, framed_b) = _term_kinds(phrase_a), _term_kinds(phrase_b)
    if kinds_a & kinds_b or (framed_a and framed_b):
        return True
    return (framed_a or framed_b) and "party" in kinds_a and "party" in kinds_b


def _slot(phrase: _Phrase) -> str | None:
    return _SLOTS.get(phrase.chunk.root.dep_)


def _changed_regions(opcodes) -> list[tuple[int, int, int, int]]:
    """The stretches between unchanged words: runs of replaced, deleted and inserted words, merged."""
    regions: list[tuple[int, int, int, int]] = []
    current = None
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            if current:
                regions.append(current)
            current = None
        else:
            current = (current[0], i2, current[2], j2) if current else (i1, i2, j1, j2)
    if current:
        regions.append(current)
    return regions


def _phrase_substitutions(text_a: str, text_b: str, group, group_words, opcodes) -> list[Substitution]:
    """Terms swapped inside a stretch the word diff found changed, paired by noun phrase.

    In each stretch between unchanged words, the noun phrases lying wholly inside it on each side are paired in
    order when their clause slots agree one for one (subject, object, prepositional object, ...): "when rioters
    hurled petrol bombs" -> "after protesters threw Molotov cocktails" pairs "rioters" with "protesters". A pair is a
    term swap when both name the same kind of thing (:func:`_same_kind`), share no word stem and neither spells the
    other, and is at most MAX_TERM_WORDS words a side; each keeps its article. A headline's or dateline's words are
    never terms. The sentences are parsed only when a stretch with words on both sides is there to pair.
    """
    (a_spans, b_spans), (words_a, words_b) = group, group_words
    regions = [r for r in _changed_regions(opcodes) if r[0] < r[1] and r[2] < r[3]]
    if not regions:
        return []
    phrases_a, phrases_b = _noun_phrases(text_a, a_spans), _noun_phrases(text_b, b_spans)
    place_a = {w.start: k for k, w in enumerate(words_a)}
    place_b = {w.start: k for k, w in enumerate(words_b)}

    def inside(phrases, place, low, high):
        return [p for p in phrases if all(low <= place.get(p.offset + t.idx, -1) < high for t in p.words)]

    found = []
    for i1, i2, j1, j2 in regions:
        if any(w.headline for w in (*words_a[i1:i2], *words_b[j1:j2])):
            continue
        side_a, side_b = inside(phrases_a, place_a, i1, i2), inside(phrases_b, place_b, j1, j2)
        if not side_a or [_slot(p) for p in side_a] != [_slot(p) for p in side_b]:
            continue
        for phrase_a, phrase_b in zip(side_a, side_b):
            run_a, run_b = phrase_a.words, phrase_b.words
            texts_a, texts_b = [t.text for t in run_a], [t.text for t in run_b]
            if (all(map(is_function_word, texts_a)) or all(map(is_function_word, texts_b))
                    or reworded_only(texts_a, texts_b)
                    or len(run_a) > MAX_TERM_WORDS or len(run_b) > MAX_TERM_WORDS
                    or any(t.is_upper and len(t) > 3 for t in (*run_a, *run_b))):  # a dateline's town
                continue
            articles = [p.chunk[0].lower_ if p.chunk[0].lower_ in _ARTICLES else None for p in (phrase_a, phrase_b)]
            if all(articles) and articles[0] != articles[1]:
                continue  # "the Galilee Medical Center" -> "a hospital": a name made a common noun
            if not _same_kind(run_a, run_b):
                continue
            a_start, b_start = phrase_a.start(bool(articles[0])), phrase_b.start(bool(articles[1]))
            a_end, b_end = phrase_a.end(), phrase_b.end()
            found.append(Substitution(text_a[a_start:a_end], text_b[b_start:b_end], a_start, a_end, b_start, b_end))
    return found


def find_substitutions(text_a: str, text_b: str, alignments: Sequence[Alignment]) -> list[Substitution]:
    """Terms that B put in place of A's inside aligned sentences ("the Taliban" -> "the Islamic Emirate").

    Diffs the words of each group of linked sentences (so a term that a split moved into the next
    sentence still lines up), where at least :data:`MIN_KEPT_WORDS` of the words match, and keeps
    replaced runs, between unchanged words, of at most
    :data:`MAX_TERM_WORDS` words a side that look like names, or like short noun phrases after a
    determiner or preposition, or that put one noun for people for another in a kept phrase
    (:func:`_people_swapped`). Function-word, punctuation, spelling, inflection, figure and
    verb-phrase changes are skipped. Where a group keeps at least :data:`PHRASE_MIN_KEPT_WORDS` of its
    words, each stretch the diff found changed is also paired noun phrase by noun phrase
    (:func:`_phrase_substitutions`), for swaps whose verbs were reworded too; a swap the word diff
    found stands. Offsets index each text.
    """
    found: list[Substitution] = []
    phrases: list[Substitution] = []
    seen: set[tuple[int, int, int, int]] = set()
    groups = _linked_groups(alignments)
    names_a, names_b = (_capitalised_inside(text_a), _capitalised_inside(text_b)) if groups else (set(), set())
    for a_spans, b_spans in groups:
        words_a, words_b = _group_words(text_a, a_spans, names_a), _group_words(text_b, b_spans, names_b)
        matcher = SequenceMatcher(None, [w.text.lower() for w in words_a], [w.text.lower() for w in words_b],
                                  autojunk=False)
        kept = matcher.ratio()
        if kept < PHRASE_MIN_KEPT_WORDS:
            continue
        opcodes = matcher.get_opcodes()
        phrases.extend(_phrase_substitutions(text_a, text_b, (a_spans, b_spans), (words_a, words_b), opcodes))
        if kept < MIN_KEPT_WORDS:
            continue
        loose_a, loose_b = _unmatched(opcodes)
        for i1, i2, j1, j2 in _anchored_replacements(opcodes, words_a):
            i1, j1 = _after_break(text_a, words_a, i1, i2), _after_break(text_b, words_b, j1, j2)
            replaced_a, replaced_b = words_a[i1:i2], words_b[j1:j2]
            trimmed_a, trimmed_b = _trim(replaced_a), _trim(replaced_b)
            run_a, run_b = list(replaced_a[slice(*trimmed_a)]), list(replaced_b[slice(*trimmed_b)])
            if not (run_a and run_b) or _framed_apart(replaced_a, trimmed_a, replaced_b, trimmed_b):
                continue
            # the word before a run is its context unless the run opens with an article ("belonged to an armed
            # group": "to" is then a preposition, not the mark of a verb)
            context = [words_a[i1], words_b[j1]] + [words[k - 1] for words, k in ((words_a, i1), (words_b, j1))
                                                    if k > 0 and words[k].text.lower() not in _ARTICLES]
            start_a, start_b = i1 + trimmed_a[0], j1 + trimmed_b[0]
            determined = (_after_determiner(words_a, start_a), _after_determiner(words_b, start_b))
            subject = (trimmed_a[1] == len(replaced_a) and trimmed_b[1] == len(replaced_b)
                       and _opens_into_next(text_a, words_a, start_a, i2)
                       and _opens_into_next(text_b, words_b, start_b, j2))
            same_frame = _same_word_before(words_a, start_a, words_b, start_b)
            if not _looks_like_term(run_a, run_b, context, determined=determined, subject=subject,
                                    same_frame=same_frame):
                headed = _with_shared_head(words_a, i2, words_b, j2, replaced_a, trimmed_a, replaced_b, trimmed_b)
                if headed is not None and _looks_like_term(*headed, context, headed=True, subject=subject):
                    run_a, run_b = headed
                elif not (same_frame and _people_swapped(words_a, i2, words_b, j2, replaced_a, replaced_b)):
                    continue
            run_a, run_b = _with_qualified_noun(words_a, words_b, run_a, run_b, start_a, start_b)
            run_a, run_b = _with_rest_of_name(words_a, words_b, run_a, run_b, start_a, start_b)
            run_a, run_b = _with_shared_noun((text_a, a_spans, words_a), (text_b, b_spans, words_b), run_a, run_b,
                                             start_a, start_b)
            span_a, span_b = (start_a, start_a + len(run_a)), (start_b, start_b + len(run_b))
            if _moved(run_a, words_b, loose_b, span_b) or _moved(run_b, words_a, loose_a, span_a):
                continue
            run_a, run_b = _with_shared_article(words_a, i1, words_b, j1, run_a, run_b)
            a_start, b_start = run_a[0].start, run_b[0].start
            a_end = _close_brackets(text_a, a_start, run_a[-1].end)
            b_end = _close_brackets(text_b, b_start, run_b[-1].end)
            if (a_start, a_end, b_start, b_end) not in seen:
                seen.add((a_start, a_end, b_start, b_end))
                found.append(Substitution(text_a[a_start:a_end], text_b[b_start:b_end], a_start, a_end, b_start, b_end))
        for sub in _inserted_qualifiers(text_a, text_b, words_a, words_b, opcodes):
            key = (sub.source_start, sub.source_end, sub.derived_start, sub.derived_end)
            if key not in seen:
                seen.add(key)
                found.append(sub)
    # a swap the word diff found stands; a noun phrase over the same words adds nothing
    found += [p for p in phrases if not any(f.source_start < p.source_end and p.source_start < f.source_end
                                            or f.derived_start < p.derived_end and p.derived_start < f.derived_end
                                            for f in found)]
    return sorted(found, key=lambda s: s.derived_start)


# A word that makes a party one side's creature ("Kiev-appointed", "RSF-run", "Iran-backed", "army-installed").
_PATRONAGE = re.compile(r"^[\w’']+-(?:backed|appointed|installed|run|led|controlled|sponsored|funded|allied|aligned|"
                        r"imposed)$", re.I)
# At most this many words put before a kept noun phrase, and this many words of the phrase taken along.
MAX_QUALIFIER_WORDS = 2
MAX_QUALIFIED_WORDS = 3


@lru_cache(maxsize=1)
def _judging_words() -> frozenset[str]:
    """The stems of the framing and the loaded words: a qualifier with one of them takes a side."""
    return _framing_words() | word_list_stems("loaded_words.txt")


def _inserted_qualifiers(text_a: str, text_b: str, words_a: Sequence[_Word], words_b: Sequence[_Word],
                         opcodes) -> list[Substitution]:
    """Qualifiers B put before a noun phrase it kept that take a side ("civilians" -> "innocent civilians", "the
    regional governor" -> "the Kiev-appointed regional governor", "migrants" -> "illegal migrants"): one or two
    words inserted between unchanged words, one of them a framing or loaded word (``data/framing_words.txt``,
    ``loaded_words.txt``) or a word of patronage (_PATRONAGE). The substitution is the phrase, from its first kept
    word to the end of its run of content words (at most MAX_QUALIFIED_WORDS), without and with the qualifier."""
    out = []
    judging = _judging_words()
    for k, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op != "insert" or not 0 < j2 - j1 <= MAX_QUALIFIER_WORDS or k + 1 >= len(opcodes) or k == 0:
            continue
        if opcodes[k - 1][0] != "equal" or opcodes[k + 1][0] != "equal":
            continue
        inserted = words_b[j1:j2]
        if inserted[0].text.lower() in _ARTICLES and len(inserted) > 1:
            inserted = inserted[1:]  # "according to local authorities" -> "according to the Kiev-appointed ..."
        before = words_b[j1 - 1] if j1 else None
        if before is not None and before.sentence == inserted[0].sentence and not (
                is_function_word(before.text) or is_figure(before.text)):
            continue  # a noun phrase opens after a function word or a figure: "RSADO gang clashed" adds a head
        if any(is_function_word(w.text) or w.name and not _PATRONAGE.match(w.text) for w in inserted):
            continue
        if not any(stem(w.text) in judging or _PATRONAGE.match(w.text) for w in inserted):
            continue
        kept_end = min(opcodes[k + 1][2], i1 + MAX_QUALIFIED_WORDS)
        phrase = []
        for w in words_a[i1:kept_end]:
            if is_function_word(w.text) or is_figure(w.text) or (phrase and text_a[phrase[-1].end:w.start].strip()):
                break
            phrase.append(w)
        if not phrase or any(w.sentence != inserted[0].sentence for w in words_b[j1:j2 + len(phrase)]):
            continue
        if any(a.text != b.text for a, b in zip(phrase, words_b[j2:])):
            continue  # "the Government of Peace and Unity" -> "the RSF-led parallel government": a name undone
        if text_b[inserted[-1].end:words_b[j2].start].strip():
            continue  # "anti-government, protesters": no qualifier of the phrase
        a_start, a_end = phrase[0].start, phrase[-1].end
        b_start, b_end = inserted[0].start, words_b[j2 + len(phrase) - 1].end
        out.append(Substitution(text_a[a_start:a_end], text_b[b_start:b_end], a_start, a_end, b_start, b_end))
    return out


def align_pair(text_a: str, text_b: str) -> tuple[tuple[Alignment, ...], tuple[Substitution, ...]]:
    """What a link between A (the source) and B keeps: the sentence alignments with the copied passages inside
    them (a desk checking the copy sees which words were lifted), and the terms B swapped."""
    alignments = tuple(align_reports(text_a, text_b, passages=True))
    return alignments, tuple(find_substitutions(text_a, text_b, alignments))


def framing_table(substitutions_by_outlet: dict[str, list[Substitution]]) -> list[dict]:
    """Which outlet wrote which term for which source term, and how often.

    Rows ``{outlet, source_term, derived_term, count}``, by outlet then descending count. Terms are
    compared case- and spacing-insensitively; a row shows the first spelling seen.
    """
    rows = []
    for outlet, substitutions in substitutions_by_outlet.items():
        counts: Counter[tuple[str, str]] = Counter()
        spelling: dict[tuple[str, str], tuple[str, str]] = {}
        for sub in substitutions:
            source, derived = " ".join(sub.source.split()), " ".join(sub.derived.split())
            key = (source.lower(), derived.lower())
            counts[key] += 1
            spelling.setdefault(key, (source, derived))
        for key, count in counts.items():
            source, derived = spelling[key]
            rows.append({"outlet": outlet, "source_term": source, "derived_term": derived, "count": count})
    return sorted(rows, key=lambda r: (r["outlet"], -r["count"], r["source_term"].lower(), r["derived_term"].lower()))
