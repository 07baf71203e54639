"""Linking stored articles incrementally: fingerprints, candidates, relations, stories, inferred dates.

New articles get MinHash signatures whose LSH bucket keys are kept in the
database, so a later run finds candidates by index lookups instead of
rebuilding anything. A rewrite can change most of the wording and still keep
the names, so articles sharing two or more names are candidates too: multi-word
proper names, and the one-word names of places a report writes as places ("near
Lafoole") or the gazetteer knows, so that independent reports of one incident
meet through where it happened (the hashed names are kept in the database the
same way). Candidates also come from the analyse stage: reports whose
event mentions share a country, a kind of event (a riot and a protest are one
kind: relation.INCIDENT_KINDS) and a month, so independent reports of one story
are compared even when they share little wording; what the analysis put in one
town on one day is then evidence of one story (relation.incident_signatures). Pairs
whose dates are further apart than the window are not compared (undated
reports are compared with all). Each candidate pair gets a relation
(``relation.classify_pair``); related pairs get their sentences aligned, the word runs
copied inside them marked, and term substitutions mined (``align``). Stories and independent-source counts are then
rebuilt from all links (a derivation that a chain of two surer ones explains is
told again as the same story), undated reports get a publication date from the reports
they are linked to, and their relative dates are resolved by analysing them again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from storyline.link.names import CAPITALS, NAME_PARTICLES
from storyline.link.stories import STRONG, build_stories, confident_links, indirect_derivations
from storyline.records import Article, Link, Notice

THRESHOLD = 0.3
NUM_PERM = 128
NGRAM = 5
WINDOW_DAYS = 14
MIN_SHARED_NAMES = 2
# Two or more capitalised words in a row, with the joiners names use ("Ministry of Foreign Affairs", "al-Shabaab",
# "Édgar Hoyos").
_NAME = re.compile(rf"\b[{CAPITALS}][\w’'-]+(?:\s+(?:{'|'.join(sorted(NAME_PARTICLES))})?\s*[{CAPITALS}][\w’'-]+)+")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)$")
_POSSESSIVE = re.compile(r"['’]s?$")
# The kind of place a name may end with or leave out: "Dora Nginza Hospital" is "Dora Nginza" in another report.
_KINDS_OF_PLACE = frozenset({"hospital", "clinic", "market", "road", "street", "avenue", "square", "stadium", "school",
                             "university", "college", "prison", "airport", "station", "camp", "mosque", "church",
                             "bridge", "hotel", "mall", "county", "district", "province", "region"})
# Bumped when the candidates, the relations or the alignments and substitutions change, so that stored articles are
# linked again.
LINKER = f"link-53:minhash{NUM_PERM}:n{NGRAM}:t{THRESHOLD}"
_ALIGNED_RELATIONS = ("duplicate", "derived", "update", "common_source", "same_story")


@dataclass
class LinkSummary:
    articles: int = 0
    candidates: int = 0
    compared: int = 0
    links: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    inferred_dates: int = 0
    notices: list[Notice] = field(default_factory=list)


def link_pending(store, *, on_article: Callable[[str], None] | None = None) -> LinkSummary:
    """Link the stored articles the linker has not seen; rebuild stories; infer missing dates."""
    from storyline.link.align import align_pair
    from storyline.link.lsh import LSHIndex
    from storyline.link.minhash import MinHasher, shingles
    from storyline.link.relation import classify_pair, incident_signatures, lead_incident

    summary = LinkSummary()
    new_ids = store.article_ids_to_link(LINKER)
    if new_ids:
        new_articles = store.articles_by_id(new_ids)
        hasher = MinHasher(num_perm=NUM_PERM)
        index = LSHIndex(threshold=THRESHOLD, num_perm=NUM_PERM)
        # a text without words has no shingles: all such texts would share every bucket, so they get none
        sets = {i: shingles(new_articles[i].text, NGRAM) for i in new_ids}
        fingerprinted = [i for i in new_ids if sets[i].size]
        signatures = hasher.signatures([sets[i] for i in fingerprinted])
        keys = index.band_keys(signatures) if fingerprinted else []
        store.save_buckets([(article_id, [int(k) for k in keys[n]]) for n, article_id in enumerate(fingerprinted)])
        store.save_name_keys([(article_id, name_keys(new_articles[article_id].text)) for article_id in new_ids])

        told = store.incidents_told()
        event_keys = {article_id: _event_keys(rows) for article_id, rows in told.items()}
        by_key: dict[tuple, set[str]] = {}
        for article_id, article_keys in event_keys.items():
            for key in article_keys:
                by_key.setdefault(key, set()).add(article_id)
        known = store.linked_pairs()
        pairs: set[tuple[str, str]] = set()
        for article_id in new_ids:
            candidates = store.bucket_neighbours(article_id) | store.name_neighbours(article_id, MIN_SHARED_NAMES)
            for key in event_keys.get(article_id, ()):
                candidates |= by_key.get(key, set())
            candidates.discard(article_id)
            pairs |= {tuple(sorted((article_id, other))) for other in candidates} - known
        summary.candidates = len(pairs)
        # the time window is applied on the stored dates before any text is read, so an old story that
        # shares wording or names with a new report costs a date lookup, not a load of its text
        dates = store.publication_dates(sorted({i for pair in pairs for i in pair}))
        pairs = {(a, b) for a, b in pairs if _dates_within_window(dates.get(a), dates.get(b))}
        articles = store.articles_by_id(sorted({i for pair in pairs for i in pair}))
        signatures = {article_id: incident_signatures(told.get(article_id, ())) for article_id in articles}
        leads = {article_id: lead_incident(told.get(article_id, ())) for article_id in articles}
        found: list[Link] = []
        for a_id, b_id in sorted(pairs):
            a, b = articles[a_id], articles[b_id]
            summary.compared += 1
            link = classify_pair(a, b, incidents=(signatures[a_id], signatures[b_id]), leads=(leads[a_id], leads[b_id]))
            if link.relation == "unrelated":
                continue
            if link.relation in _ALIGNED_RELATIONS:
                source, derived = articles[link.source_id], articles[link.derived_id]
                alignments, substitutions = align_pair(source.text, derived.text)
                link = replace(link, alignments=alignments, substitutions=substitutions)
            found.append(link)
            summary.links[link.relation] = summary.links.get(link.relation, 0) + 1
        store.save_links(found)
        store.mark_linked(new_ids, LINKER)
        summary.articles = len(new_ids)
        for article_id in new_ids:
            if on_article:
                on_article(article_id)
    rebuild_stories(store, summary)
    return summary


def rebuild_stories(store, summary: LinkSummary) -> None:
    """Stories from every link; inferred dates for undated reports, whose mentions are then re-resolved."""
    all_links = list(store.links())
    indirect = {(l.source_id, l.derived_id): l for l in indirect_derivations(all_links)}
    if indirect:
        store.save_links(list(indirect.values()))
        all_links = [indirect.get((l.source_id, l.derived_id), l) for l in all_links]
    articles = list(store.articles())
    before = store.inferred_dates()
    inferred = infer_dates(articles, all_links)
    store.save_inferred_dates([(a, d, f, why) for a, (d, f, why) in inferred.items()])
    summary.inferred_dates = len(inferred)
    dated = [replace(a, published=inferred[a.id][0]) if a.id in inferred else a for a in articles]
    stories = build_stories(dated, all_links, WINDOW_DAYS)
    store.replace_stories(stories)
    summary.stories = len(stories)
    changed = [a for a in articles if a.id in inferred and before.get(a.id, (None,))[0] != inferred[a.id][0]]
    _reanalyse_with_dates(store, changed, inferred)


def infer_dates(articles: list[Article], found: list[Link]) -> dict[str, tuple[dt.date, str, str]]:
    """A publication date for each undated article linked to a dated one.

    A source is published no later than its copy, and a copy no earlier than its source: the
    earliest dated copy of an undated report bounds its date from above, the latest dated source
    from below, and a rewrite mostly appears the day of its source or the next. The estimate is the
    bound given by the most confident of these links (a copy's date where they tie, as for a source
    with no dated source of its own). Only the links that tie a story together count (stories.STRONG,
    at stories.MIN_CONFIDENCE or more).
    """
    dates = {a.id: a.published for a in articles}
    usable = [l for l in confident_links(found) if l.relation in STRONG]
    result: dict[str, tuple[dt.date, str, str]] = {}
    for article in articles:
        if article.published is not None:
            continue
        from_copies = [(l.confidence, 1, -dates[l.derived_id].toordinal(), l.derived_id) for l in usable
                       if l.source_id == article.id and dates.get(l.derived_id)]
        from_sources = [(l.confidence, 0, dates[l.source_id].toordinal(), l.source_id) for l in usable
                        if l.derived_id == article.id and dates.get(l.source_id)]
        if from_copies or from_sources:
            _, is_copy, _, other = max(from_copies + from_sources)
            why = "its derived copy carries this date" if is_copy else "the report it derives from carries this date"
            result[article.id] = (dates[other], other, why)
    return result


def _reanalyse_with_dates(store, articles: list[Article], inferred: dict) -> None:
    if not articles:
        return
    from storyline.analyse.extract import ANALYSER, analyse_article

    analysed = store.analysed_ids(ANALYSER)
    for article in articles:
        if article.id in analysed:
            store.save_analysis(article.id, ANALYSER, analyse_article(article, published=inferred[article.id][0]))


def name_keys(text: str) -> list[int]:
    """Signed 64-bit hashes of the multi-word names and one-word place names in ``text`` (case-folded; each once)."""
    from storyline.link.names import NOT_NAMES, ordinary_words, place_name_keys

    names = set()
    lower = None
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        if _SENTENCE_START.search(text[:match.start()]) and len(words) == 2:
            # "The Government", "Police Said": a sentence's capitalised first word is no evidence of a name, unless
            # it is no ordinary word ("Sibusiso Magagula, 24, died ...")
            lower = ordinary_words(text) if lower is None else lower
            first = words[0].casefold()
            if first in NOT_NAMES or first in lower:
                continue
        # "Burkina Faso's military government" names Burkina Faso
        name = _POSSESSIVE.sub("", " ".join(words)).casefold()
        names.add(name)
        without, _, kind = name.rpartition(" ")
        if len(words) > 2 and kind in _KINDS_OF_PLACE:
            names.add(without)
    names.update(place_name_keys(text))
    return sorted({int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
                   for name in names})


def _event_keys(told) -> set[tuple[str, str, str]]:
    """(country, kind of event, month) of each event an analysis found (``store.incidents_told``): a riot and a
    protest, or a battle and an attack, may be one incident typed two ways by two reports (relation.INCIDENT_KINDS),
    and so may a riot and a battle (a street fight of two gangs told as mob violence and as a clash): a riot has
    both keys."""
    from storyline.link.relation import INCIDENT_KINDS

    keys = {(country, INCIDENT_KINDS.get(kind, kind), first[:7]) for kind, country, _, first, *_ in told}
    keys |= {(country, INCIDENT_KINDS["Battles"], first[:7]) for kind, country, _, first, *_ in told if kind == "Riots"}
    return keys


def _dates_within_window(a: dt.date | None, b: dt.date | None) -> bool:
    """Whether two reports are close enough in time to compare (an undated one is compared with all)."""
    if a is None or b is None:
        return True
    return abs((a - b).days) <= WINDOW_DAYS
