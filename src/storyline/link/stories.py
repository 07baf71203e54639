"""Stories from links: clusters of reports about one story, and how many of them are independent.

Strong links (duplicate, derived, update, common source) join reports into one
story. ``same_story`` links join two groups only when the evidence is more than
one loose link: a single report joins on one link, but two groups of several
reports need two links between them — so one stray link cannot chain two
stories together.

Independent sources are the roots of the derivation graph inside a story:
duplicates are one node, a derived report has its source as parent, and two
reports that rewrite the same missing source share one (hidden) root.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from storyline.records import Article, Link, Story

STRONG = ("duplicate", "derived", "update", "common_source")
MIN_CONFIDENCE = 0.3  # a derivation whose direction is uncertain still ties two reports into one story


class _Groups:
    def __init__(self, items) -> None:
        self.parent = {item: item for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def members(self) -> dict:
        groups: dict = {}
        for item in self.parent:
            groups.setdefault(self.find(item), []).append(item)
        return groups


def confident_links(found: Iterable[Link]) -> list[Link]:
    """The links sure enough (``MIN_CONFIDENCE``) to tie reports into a story and its lineages."""
    return [link for link in found if link.confidence >= MIN_CONFIDENCE]


def build_stories(articles: Sequence[Article], found: Sequence[Link], window_days: int | None = None) -> list[Story]:
    """One story per cluster of ``articles`` (singletons included), ordered by first publication.

    ``window_days``: the linker's time window. A report without a date is compared with every other; once its
    date is inferred from a report it derives from (``articles`` carry the inferred dates), a ``same_story`` link
    to a report further off in time than the window is one the window would have kept from being made: the
    undated rewrite of a June bombing in Macomia is not the same story as a July attack there.
    """
    order = {a.id: n for n, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}
    usable = [l for l in confident_links(found) if l.source_id in by_id and l.derived_id in by_id
              and not (window_days is not None and l.relation == "same_story"
                       and _apart(by_id[l.source_id], by_id[l.derived_id], window_days))]
    groups = _Groups(order)
    for link in usable:
        if link.relation in STRONG:
            groups.union(link.source_id, link.derived_id)
    # the reports on each side of the same-story links between two groups, and the surest of those links
    sides: dict[tuple, tuple[set, set]] = {}
    surest: dict[tuple, float] = {}
    for link in usable:
        if link.relation == "same_story":
            (a, in_a), (b, in_b) = sorted(((groups.find(link.source_id), link.source_id),
                                           (groups.find(link.derived_id), link.derived_id)))
            if a != b:
                side_a, side_b = sides.setdefault((a, b), (set(), set()))
                side_a.add(in_a)
                side_b.add(in_b)
                surest[(a, b)] = max(surest.get((a, b), 0.0), link.confidence)
    # links from one report to two copies of another (a round-up to a report and its republication) are one piece of
    # evidence: count the reports on the thinner side
    evidence = {pair: min(len(side_a), len(side_b)) for pair, (side_a, side_b) in sides.items()}
    sizes = Counter(groups.find(i) for i in order)
    joined: set = set()  # single reports already joined to a group by a same-story link
    for a, b in sorted(sides, key=lambda pair: (-evidence[pair], -surest[pair], pair)):
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        if evidence[(a, b)] >= 2:
            groups.union(ra, rb)
        # a single report joins a group on one link, but once joined it bridges to no other group: a round-up of
        # three incidents links to each one's story, and is told with the one it links to most surely
        elif any(sizes[end] == 1 and end not in joined for end in (a, b)):
            joined.update(end for end in (a, b) if sizes[end] == 1)
            groups.union(ra, rb)
    stories = []
    for members in groups.members().values():
        members.sort(key=lambda i: order[i])
        dates = [by_id[i].published for i in members if by_id[i].published]
        first = min(members, key=lambda i: (by_id[i].published is None, by_id[i].published or 0, order[i]))
        story_id = hashlib.sha256(("story:" + members[0]).encode()).hexdigest()[:16]
        stories.append(Story(
            id=story_id, title=by_id[first].title or _opening(by_id[first].text), articles=tuple(members),
            independent_sources=independent_sources(members, usable),
            first_published=min(dates) if dates else None, last_published=max(dates) if dates else None,
        ))
    stories.sort(key=lambda s: (s.first_published is None, s.first_published or 0, s.id))
    return stories


def _apart(a: Article, b: Article, window_days: int) -> bool:
    """Whether two dated reports were published more than ``window_days`` apart."""
    return a.published is not None and b.published is not None and abs((a.published - b.published).days) > window_days


def indirect_derivations(found: Sequence[Link]) -> list[Link]:
    """Derivations that a chain of two surer ones explains, updates that two updates in turn explain, and
    derivations from a report whose version, copy or source the copy follows more surely: told again as
    ``same_story``.

    A regional site rewrites a national paper that relays a wire: the site restates the wire's facts too, and
    its pair with the wire reads as a derivation of its own. Where the site's link to the wire is less sure
    than both links of the chain through the paper, the site takes the wire's story from the paper, and the
    direct link is only the same story: the derivation graph keeps each report's own source.
    """
    copies: dict[tuple[str, str], Link] = {}
    for link in found:
        if link.relation in ("derived", "update"):
            copies[(link.source_id, link.derived_id)] = link
        elif link.relation == "duplicate":
            copies[(link.source_id, link.derived_id)] = copies[(link.derived_id, link.source_id)] = link
    copied_by: dict[str, list[tuple[str, Link]]] = {}  # source -> (copy, link), so each derivation looks up its own
    for (source, copy), link in copies.items():
        copied_by.setdefault(source, []).append((copy, link))
    kin = {frozenset(pair) for pair in copies}  # pairs of one lineage: versions of one report, a report and its copy
    sources_of: dict[str, list[Link]] = {}  # copy -> its derivations
    for link in found:
        if link.relation == "derived":
            sources_of.setdefault(link.derived_id, []).append(link)
    told: list[Link] = []
    for link in found:
        if link.relation not in ("derived", "update"):
            continue
        chain = next(((middle, first, second) for middle, first in copied_by.get(link.source_id, ())
                      if middle != link.derived_id
                      and (second := copies.get((middle, link.derived_id))) is not None
                      # an update is the sum of two updates in turn: each version updates the one before it
                      and (first.relation == second.relation == "update" if link.relation == "update"
                           else min(first.confidence, second.confidence) > link.confidence
                           or _follows_more_closely(second, link))), None)
        if chain is not None:
            through, first, second = chain
            how = (": versions in turn" if link.relation == "update"
                   else ", both more surely" if min(first.confidence, second.confidence) > link.confidence
                   else f", and carries {through}'s wording more closely")
            note = (f"{link.derived_id} has it from {through}, which has it from {link.source_id}{how}"
                    ": the same story, not a copy of its own")
        elif link.relation == "derived" and (closer := _closer_kin(link, sources_of[link.derived_id], kin)) is not None:
            note = (f"{link.derived_id} follows {closer.source_id}, another version or copy of {link.source_id}'s "
                    f"report, more surely: the same story, not a copy of this one")
        else:
            continue
        told.append(replace(link, relation="same_story", evidence=(*link.evidence[:-1], note, *link.evidence[-1:])))
    return told


def _closer_kin(link: Link, derivations: Sequence[Link], kin: set[frozenset]) -> Link | None:
    """A surer derivation of the same copy from a report of ``link``'s source's lineage: another version of it
    (a paper that rewrites a wire's update is derived from that update, not also from the wire's earlier and
    later versions), or its copy or its source (a rewrite of a wire is not also a rewrite of the wire's
    shortened reprint)."""
    return next((other for other in derivations if other is not link
                 and frozenset((other.source_id, link.source_id)) in kin
                 and (_follows_more_closely(other, link) or not _follows_more_closely(link, other)
                      and (other.confidence, other.containment) > (link.confidence, link.containment))), None)


# A copy follows the one of two reports of one lineage whose wording it carries: this much more of its n-grams in one
# than in the other decides, whichever link is surer of its direction. A rewrite of a rewrite (a wire's story reworded
# by a paper, then by a site that keeps the paper's new words) holds 0.73 of its 3-grams in the paper and 0.42 in the
# wire; versions of one report a copy follows equally differ by a few hundredths.
KIN_CONTAINMENT_MARGIN = 0.15


def _follows_more_closely(one: Link, other: Link) -> bool:
    """Whether the copy of ``one`` carries its source's wording clearly more than that of ``other``'s source."""
    return one.containment >= other.containment + KIN_CONTAINMENT_MARGIN


def independent_sources(members: Sequence[str], found: Sequence[Link]) -> int:
    """Roots of the derivation graph among ``members``: copies of one report count once."""
    return len(set(lineage_roots(members, found).values()))


def lineage_roots(members: Sequence[str], found: Sequence[Link]) -> dict[str, str]:
    """Each member's independent source: the root its derivations lead back to.

    Duplicates and two rewrites of one missing report are one node; a derived report
    follows its most confident source up to a node with no source inside ``members``.
    Where sources run in a circle, the circle is one root (its smallest id).
    """
    inside = set(members)
    nodes = _Groups(members)
    for link in found:
        if link.source_id in inside and link.derived_id in inside and link.relation in ("duplicate", "common_source"):
            nodes.union(link.source_id, link.derived_id)
    parent: dict[str, tuple[float, str]] = {}
    for link in found:
        if link.source_id in inside and link.derived_id in inside and link.relation in ("derived", "update"):
            source, derived = nodes.find(link.source_id), nodes.find(link.derived_id)
            if source != derived and (link.confidence, source) > parent.get(derived, (-1.0, "")):
                parent[derived] = (link.confidence, source)
    root_of: dict[str, str] = {}
    for member in members:
        path, node = [], nodes.find(member)
        while node in parent and node not in path and node not in root_of:
            path.append(node)
            node = parent[node][1]
        if node in root_of:
            root = root_of[node]
        elif node in path:  # a circle: from where it closes on
            root = min(path[path.index(node):])
        else:
            root = node
        for step in path:
            root_of[step] = root
        root_of.setdefault(node, root)
        root_of[member] = root
    return root_of


def _opening(text: str, words: int = 12) -> str:
    head = text.split()
    return " ".join(head[:words]) + ("…" if len(head) > words else "")
