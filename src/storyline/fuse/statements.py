"""Statement mentions of all reports into one :class:`~storyline.records.FusedStatement` per statement.

Two mentions from different reports are one statement when they have the same
type, the same speaker or organisation (one surname or one organisation word in
common), times that do not contradict, and content that says the same thing
(word overlap, after rewrites changed some words). Groups join only when every
pair across them matches and no report appears twice.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz

from storyline.fuse.values import Lineages, Said, candidates, choose, join_best_first, stable_ids
from storyline.records import Disagreement, Evidence, FusedStatement, StatementMention

MIN_CONTENT_SIMILARITY = 55  # rapidfuzz token-set ratio of the two contents (0-100)
WINDOW_DAYS = 14  # reports further apart than this do not report one statement
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_TITLES = {"the", "of", "and", "said", "minister", "ministry", "president", "ambassador", "office", "spokesman",
           "spokesperson", "official", "officials", "foreign", "affairs", "government", "chinese", "tajik", "afghan"}


def fuse_statements(mentions: Sequence[StatementMention], lineages: Lineages, published: Mapping[str, object],
                    event_of_mention: Mapping[str, str], previous: Mapping[str, str] | None = None
                    ) -> list[FusedStatement]:
    """One fused statement per group; ``about_event`` points at the fused event of the mention it was about."""
    mentions = list(mentions)
    names = [_names(m) for m in mentions]

    def match(i: int, j: int) -> float | None:
        return _similarity(mentions[i], mentions[j], names[i], names[j])

    pairs = []
    for i, j in _candidate_pairs(mentions, published, names):
        score = match(i, j)
        if score is not None:
            pairs.append((score, i, j))
    groups = [[mentions[k] for k in group]
              for group in join_best_first(len(mentions), pairs, lambda k: mentions[k].article_id,
                                           lambda x, y: match(x, y) is not None)]
    ids = stable_ids([[m.id for m in group] for group in groups], previous or {}, "statement")
    fused = [_build(group, lineages, published, event_of_mention, statement_id)
             for group, statement_id in zip(groups, ids)]
    fused.sort(key=lambda s: (s.time.start is None, s.time.start or 0, s.id))
    return fused


def _candidate_pairs(mentions: list[StatementMention], published: Mapping[str, object], names: list[set[str]]):
    """Pairs that share a speaker or organisation word and whose reports are at most WINDOW_DAYS apart.

    A report without a date is compared with every report of its block.
    """
    blocks: dict[tuple[str, str], list[int]] = {}
    for n, mention in enumerate(mentions):
        for word in names[n]:
            blocks.setdefault((mention.statement_type, word), []).append(n)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        dated = sorted((n for n in members if published.get(mentions[n].article_id)),
                       key=lambda n: published[mentions[n].article_id])
        undated = [n for n in members if not published.get(mentions[n].article_id)]
        for x, i in enumerate(dated):
            day = published[mentions[i].article_id]
            for j in dated[x + 1:]:
                if (published[mentions[j].article_id] - day).days > WINDOW_DAYS:
                    break
                seen.add((min(i, j), max(i, j)))
        for i in undated:
            seen.update((min(i, j), max(i, j)) for j in members if j != i)
    return sorted(seen)


def _names(mention: StatementMention) -> set[str]:
    words = set()
    for value in (mention.speaker, mention.speaker_org):
        words |= {w.lower() for w in _WORD.findall(value or "")}
    return words - _TITLES


def _similarity(a: StatementMention, b: StatementMention, a_names: set[str], b_names: set[str]) -> float | None:
    """The content similarity (0-100) of two mentions that can be one statement; None when they cannot."""
    if a.article_id == b.article_id or a.statement_type != b.statement_type:
        return None
    if a_names.isdisjoint(b_names):
        return None
    if a.time.start and b.time.start and (a.time.start > b.time.end or b.time.start > a.time.end):
        return None
    score = fuzz.token_set_ratio(a.content, b.content)
    return score if score >= MIN_CONTENT_SIMILARITY else None


def _build(group: list[StatementMention], lineages: Lineages, published: Mapping[str, object],
           event_of_mention: Mapping[str, str], statement_id: str) -> FusedStatement:
    group = sorted(group, key=lambda m: (str(published.get(m.article_id) or "9999"), m.article_id, m.id))

    def said(key, value) -> list[Said]:
        return [Said(m.id, m.article_id, key(m), value(m)) for m in group if value(m)]

    speakers = said(lambda m: m.speaker, lambda m: m.speaker)
    orgs = said(lambda m: m.speaker_org, lambda m: m.speaker_org)
    targets = said(lambda m: m.target, lambda m: m.target)
    longer = lambda value: (len(value),)  # noqa: E731 - "Emomali Rahmon" over "Rahmon"
    fields = {"speaker": candidates("speaker", speakers, lineages), "speaker_org": candidates("speaker_org", orgs, lineages),
              "target": candidates("target", targets, lineages)}
    speaker_names = {frozenset(_WORD.findall((s.value or "").lower())) for s in speakers}
    disputed = {"speaker": len(speaker_names) > 1 and not frozenset.intersection(*speaker_names),
                "target": len({s.key.lower() for s in targets}) > 1}
    first = group[0]
    quote = next((m.quote for m in group if m.quote), None)
    time = max((m.time for m in group), key=lambda t: (t.start is not None, t.precision == "day"))
    about = next((event_of_mention[m.about_event] for m in group if m.about_event in event_of_mention), None)
    reports = tuple(dict.fromkeys(m.article_id for m in group))
    return FusedStatement(
        id=statement_id, speaker=choose(speakers, lineages, longer), speaker_role=next((m.speaker_role for m in group
                                                                                       if m.speaker_role), None),
        speaker_org=choose(orgs, lineages, longer), statement_type=first.statement_type,
        target=choose(targets, lineages), content=first.content, quote=quote, time=time, about_event=about,
        confidence=max(m.confidence for m in group), reports=reports, mentions=tuple(m.id for m in group),
        independent_sources=lineages.independent(reports),
        candidates=tuple(c for cs in fields.values() for c in cs),
        disagreements=tuple(Disagreement(name, tuple(fields[name])) for name, yes in disputed.items()
                            if yes and len(fields[name]) > 1),
        evidence=tuple(Evidence(m.article_id, m.id, span) for m in group for span in m.evidence),
    )


__all__ = ["fuse_statements"]
