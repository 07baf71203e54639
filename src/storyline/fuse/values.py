"""Fusing one field over the reports that give it: candidates, independent sources, figures.

Reports derived from one another (duplicates, rewrites, updates, rewrites of a
common source) form one *lineage*; a value said by three rewrites of one wire
report is said by one independent source. :class:`Lineages` maps each report to
its lineage; :func:`candidates` groups the values a field took with who says each.

Figures follow UCDP's low/best/high across independent sources and ACLED's
conservative rule for its own export (see :func:`fuse_figures`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyline.records import Candidate, Figure, Link, highest_ceiling

# Links that make one report a copy of another (a derivation, not a corroboration).
REUSE = ("duplicate", "derived", "update", "common_source")
MIN_LINK_CONFIDENCE = 0.3  # as stories: a derivation of uncertain direction is still a derivation


class Lineages:
    """Which reports descend from one root: union of reports joined by reuse links."""

    def __init__(self, links: Iterable[Link] = ()) -> None:
        self._parent: dict[str, str] = {}
        copies: dict[str, list[str]] = {}  # source -> its copies (rewrites, duplicates)
        updated: set[str] = set()
        for link in links:
            if link.relation in REUSE and link.confidence >= MIN_LINK_CONFIDENCE:
                self._union(link.source_id, link.derived_id)
                if link.relation == "update":
                    updated.add(link.source_id)
                elif link.relation in ("derived", "duplicate"):
                    copies.setdefault(link.source_id, []).append(link.derived_id)
        # an updated version, and every copy of it, tells what its outlet has since replaced
        self._stale: set[str] = set()
        waiting = list(updated)
        while waiting:
            article_id = waiting.pop()
            if article_id not in self._stale:
                self._stale.add(article_id)
                waiting.extend(copies.get(article_id, ()))

    def stale(self, article_id: str) -> bool:
        """Whether a later version of this report (or of the report it copies) replaces what it says."""
        return article_id in self._stale

    def root(self, article_id: str) -> str:
        parent = self._parent.get(article_id, article_id)
        if parent == article_id:
            return article_id
        top = self.root(parent)
        self._parent[article_id] = top
        return top

    def _union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def independent(self, article_ids: Iterable[str]) -> int:
        """How many independent sources these reports are."""
        return len({self.root(a) for a in article_ids})


@dataclass(frozen=True, slots=True)
class Said:
    """One report's value of a field: the mention, its article, the value key and the value itself."""

    mention_id: str
    article_id: str
    key: str
    value: object


def candidates(field: str, said: Sequence[Said], lineages: Lineages) -> list[Candidate]:
    """The distinct values of a field, most independent sources first (then most reports, then first seen)."""
    order: list[str] = []
    groups: dict[str, list[Said]] = {}
    for item in said:
        if item.key not in groups:
            order.append(item.key)
        groups.setdefault(item.key, []).append(item)
    found = [Candidate(field, key, tuple(s.mention_id for s in groups[key]),
                       tuple(dict.fromkeys(s.article_id for s in groups[key])),
                       lineages.independent(s.article_id for s in groups[key])) for key in order]
    rank = {key: n for n, key in enumerate(order)}
    return sorted(found, key=lambda c: (-c.independent_sources, -len(c.reports), rank[c.value]))


def choose(said: Sequence[Said], lineages: Lineages, better: Callable[[object], tuple] | None = None):
    """The value most independent sources give; ties go to ``better`` (larger wins), then to the first said."""
    if not said:
        return None
    groups: dict[str, list[Said]] = {}
    for item in said:
        groups.setdefault(item.key, []).append(item)
    first = {key: min(said.index(s) for s in group) for key, group in groups.items()}

    def rank(key: str) -> tuple:
        group = groups[key]
        extra = better(group[0].value) if better else ()
        return (lineages.independent(s.article_id for s in group), *extra, len(group), -first[key])

    return groups[max(groups, key=rank)][0].value


def figure_key(figure: Figure) -> str:
    """How a figure is written in candidates: ``3``, ``24..`` (at least 24), ``3..9``, ``..12``."""
    if figure.low is not None and figure.low == figure.high:
        return str(figure.low)
    low = "" if figure.low is None else str(figure.low)
    high = "" if figure.high is None else str(figure.high)
    best = f" (best {figure.best})" if figure.best is not None and figure.best not in (figure.low, figure.high) else ""
    return f"{low}..{high}{best}"


def is_exact(figure: Figure) -> bool:
    return figure.low is not None and figure.low == figure.high and figure.best == figure.low


def fuse_figures(said: Sequence[Said], lineages: Lineages) -> tuple[Figure | None, int, bool]:
    """Low/best/high of a count across independent sources, ACLED's figure, and whether sources disagree.

    Within one lineage the figure of a report no later version replaces stands for the lineage
    (an outlet's update supersedes its own earlier figure, and copies of that earlier
    version with it), the most precise one among those (a rewrite may round or drop a
    number). Across lineages: ``low`` is the lowest low, ``high`` the
    highest figure reported (:func:`storyline.records.highest_ceiling`), ``best`` the exact figure
    most lineages give or allow (a vague "more than a dozen" allows 16 and 23 alike, and
    proposes none of its own while some lineage is exact), ties going to the lower one;
    without exact figures, the best figure most lineages give; ACLED's figure is the lowest
    best (its most conservative-figure rule), else the lowest low, else 0. Sources
    disagree when two lineages give different exact figures.
    """
    by_lineage: dict[str, tuple[tuple, Figure]] = {}
    for item in said:
        figure: Figure = item.value  # type: ignore[assignment]
        root = lineages.root(item.article_id)
        rank = (not lineages.stale(item.article_id), _precision(figure))
        held = by_lineage.get(root)
        if held is None or rank > held[0]:
            by_lineage[root] = (rank, figure)
    if not by_lineage:
        return None, 0, False
    figures = [figure for _, figure in by_lineage.values()]
    lows = [f.low for f in figures if f.low is not None]
    high = highest_ceiling(figures)
    bests = [f.best for f in figures if f.best is not None]
    exact = {f.best for f in figures if is_exact(f)}
    if exact:
        votes = {value: sum(_allows(f, value) for f in figures) for value in exact}
    else:
        votes = {value: bests.count(value) for value in bests}
    best = min(votes, key=lambda value: (-votes[value], value)) if votes else None
    low = min(lows) if lows else None
    if best is not None and low is not None and high is not None and not low <= best <= high:
        best = None
    text = " / ".join(dict.fromkeys(f.text for f in figures if f.text))
    acled = min(bests) if bests else (min(lows) if lows else 0)
    return Figure(low, best, high, text), acled, len(exact) > 1


def _allows(figure: Figure, value: int) -> bool:
    """Whether ``value`` fits what ``figure`` says (its own figure, or inside its range)."""
    return (figure.low is None or figure.low <= value) and (figure.high is None or value <= figure.high)


def _precision(figure: Figure) -> tuple:
    """Exact beats a range, a range beats a floor alone; a narrower range beats a wider one."""
    if is_exact(figure):
        return (3, 0)
    if figure.low is not None and figure.high is not None:
        return (2, -(figure.high - figure.low))
    return (1 if figure.best is not None else 0, 0)


def stable_ids(groups: Sequence[Sequence[str]], previous: Mapping[str, str], kind: str) -> list[str]:
    """An id for each group of mention ids: the id most of its mentions had last time, else a new one.

    Two groups never share an id: when an old record splits, the larger part keeps its
    id and the others get new ones, made from their first mention id (so a re-run makes
    the same ids again).
    """
    ids: list[str | None] = [None] * len(groups)
    taken: set[str] = set()
    previous_ids = set(previous.values())
    for index in sorted(range(len(groups)), key=lambda i: (-len(groups[i]), min(groups[i]))):
        votes: dict[str, int] = {}
        for mention_id in groups[index]:
            if mention_id in previous:
                votes[previous[mention_id]] = votes.get(previous[mention_id], 0) + 1
        for old in sorted(votes, key=lambda v: (-votes[v], v)):
            if old not in taken:
                ids[index] = old
                break
        if ids[index] is None:
            fresh = hashlib.sha256(f"{kind}:{min(groups[index])}".encode()).hexdigest()[:16]
            while fresh in taken or fresh in previous_ids:
                fresh = hashlib.sha256(fresh.encode()).hexdigest()[:16]
            ids[index] = fresh
        taken.add(ids[index])
    return ids  # type: ignore[return-value]


def join_best_first(count: int, pairs: Sequence[tuple[float, int, int]], report_of: Callable[[int], str],
                    compatible: Callable[[int, int], bool]) -> list[list[int]]:
    """Groups of the items ``0..count-1`` from scored pairs ``(score, i, j)``, best pair first.

    Two groups join only when no report would be in the group twice (a report tells an
    incident, or gives a statement, once) and every pair across them is ``compatible``:
    one loose pair cannot chain two groups together. Each group is in item order.

    A refusal is remembered until one of the two groups changes, so the many pairs that
    connect the same two groups are checked once (a large story has thousands).
    """
    group_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    reports: dict[int, set[str]] = {i: {report_of(i)} for i in range(count)}
    version = [0] * count
    refused: set[tuple[int, int, int, int]] = set()
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        key = (gi, version[gi], gj, version[gj]) if gi < gj else (gj, version[gj], gi, version[gi])
        if key in refused:
            continue
        left, right = members[gi], members[gj]
        if not reports[gi].isdisjoint(reports[gj]) or not all(compatible(x, y) for x in left for y in right):
            refused.add(key)
            continue
        for k in right:
            group_of[k] = gi
        left.extend(right)
        reports[gi] |= reports.pop(gj)
        del members[gj]
        version[gi] += 1
    return [sorted(group) for group in members.values()]
