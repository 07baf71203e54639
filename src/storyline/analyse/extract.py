"""One article in, its event and statement mentions out: the analyse stage's orchestrator.

Per sentence: event type (``event_types``), killed/injured figures
(``casualties``), time expressions (``timex``), places (``places``) and actors
(``actors``) make an event draft; drafts of the same incident inside the report
are merged (the lead's "several workers" and a later "three workers" are one
incident, best 3, both spans kept). A later sentence that gives another source's
different toll for the same incident ("Taliban sources claimed 4 soldiers were
killed") is a competing account, not a second incident: the first account's figure
stays the best one, and the low and high span both accounts. Statements come from
``statements``.
Pure: records in, records out; the same function runs in the CLI, the API, the
tests and a distributed engine's map step.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace

from storyline.analyse import actors as actor_terms
from storyline.analyse.casualties import Casualty, find_casualties, total_figure
from storyline.analyse.event_types import classify_event
from storyline.analyse.nlp import parse
from storyline.analyse.places import best_place, find_places
from storyline.analyse.statements import StatementFinder
from storyline.analyse.timex import find_time_expressions
from storyline.records import Actor, Article, EventMention, Figure, Mention, Place, Span, StatementMention, TimeInterval

ANALYSER = "analyse-3"  # bump when extraction changes: stored articles are analysed again
_PLACE_RANK = {"place": 5, "district": 4, "admin1": 3, "border": 2, "country": 1, "unresolved": 0}
_TIME_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unresolved": 0}
_UNRESOLVED_TIME = TimeInterval(None, None, "unresolved", "")
_NO_PLACE = Place(None, None)
# Another source's account: "Taliban claimed", "VoJ said", "according to local officials".
_ATTRIBUTED = re.compile(r"\b(?:claim(?:ed|s)?|said|says|reported|reports|according to|sources?|put the (?:death )?toll)\b",
                         re.I)
# Words that make a sentence a further incident or further victims, not a new count of the same ones.
_FURTHER = re.compile(r"\b(?:another|separate(?:ly)?|second|third|fourth|also|other (?:attacks?|incidents?|clash(?:es)?)"
                      r"|more|further|additional|earlier|later|meanwhile|elsewhere)\b", re.I)
# A disputed claim, as opposed to a plain report: "the Taliban claimed 17 soldiers were killed".
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\b(?! (?:the )?(?:lives?|responsibility))", re.I)
# Which side the dead belong to, from the victims' words; a group not named here is of any side.
_SIDES = {
    "security": re.compile(r"soldier|police|commando|guard|troop|officer|personnel|security|army|arbaki|militiam|"
                           r"servicem|pro-government", re.I),
    "armed": re.compile(r"militant|insurgent|taliban|fighter|rebel|jihadist|attacker|gunm|bandit|terrorist|assailant",
                        re.I),
    "civilian": re.compile(r"civilian|resident|villager|worker|child|women|woman|student|farmer|teacher|passer", re.I),
}


@dataclass
class _Draft:
    """An event mention being assembled; becomes an :class:`EventMention` when the report is done."""

    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    confidence: float
    place: Place = _NO_PLACE
    time: TimeInterval = _UNRESOLVED_TIME
    fatalities: Figure | None = None
    injuries: Figure | None = None
    victims: str | None = None
    incident_count: int | None = None
    is_aggregate: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    evidence: list[Span] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    specific_trigger: bool = True
    attributed: bool = False  # the sentence says whose account it is
    claimed: bool = False  # the sentence gives a disputed claim ("the Taliban claimed ...")
    sides: set[str] = field(default_factory=set)  # whose dead the figures count: security, armed, civilian
    further: bool = False  # the sentence signals another incident or further victims


def analyse_article(article: Article, published=None) -> list[Mention]:
    """Event and statement mentions of one article, each with evidence spans into ``article.text``.

    ``published`` overrides the article's own date (an undated report that inherited one).
    """
    published = published or article.published
    doc = parse(article.text)
    sentences = list(doc.sents)
    drafts: list[_Draft] = []
    sentence_events: dict[int, list[_Draft]] = {}
    countries: list[tuple[Span, Place]] = []
    for index, sentence in enumerate(sentences):
        places = [(span, place) for span, place in find_places(sentence) if not _is_origin(article.text, span, place)]
        countries.extend((span, place) for span, place in places if place.country_iso)
        draft = _event_draft(sentence, published, places)
        if draft is None:
            continue
        draft.sentences.append(index)
        merged = _merge_into(drafts, draft)
        sentence_events.setdefault(index, []).append(merged)
    context = _report_country(countries)
    for draft in drafts:
        if draft.place.country_iso is None and context is not None:
            span, place = context
            draft.place = Place(place.country, place.country_iso, precision="country")
            draft.evidence.append(span)
            draft.rules.append("place-from-report-context")
    events = [_finish(article.id, number, draft) for number, draft in enumerate(drafts)]
    by_draft = {id(d): e for d, e in zip(drafts, events)}
    finder = StatementFinder(article.id, article.text, lambda s: find_time_expressions(s, published))
    main_event = events[0].id if events else None
    statements: list[StatementMention] = []
    for index, sentence in enumerate(sentences):
        event_ids = [by_draft[id(d)].id for d in sentence_events.get(index, [])]
        statements.extend(finder.sentence(sentence, event_ids, main_event))
    return [*events, *statements]


def _is_origin(text: str, span: Span, place: Place) -> bool:
    """ "smugglers from Afghanistan", "a drone launched from neighbouring Afghanistan": where they came from."""
    if place.precision != "country":
        return False
    before = text[max(0, span.start - 30):span.start].lower().split()
    return "from" in before[-2:]


def _report_country(countries: list[tuple[Span, Place]]) -> tuple[Span, Place] | None:
    """The country the report is mostly about (most mentions; the first mention breaks a tie), with its first span."""
    if not countries:
        return None
    votes: dict[str, int] = {}
    for _, place in countries:
        votes[place.country_iso] = votes.get(place.country_iso, 0) + 1
    winner = max(votes, key=lambda iso: (votes[iso], -next(i for i, (_, p) in enumerate(countries) if p.country_iso == iso)))
    return next((span, place) for span, place in countries if place.country_iso == winner)


def _event_draft(sentence, published, places: list[tuple[Span, Place]]) -> _Draft | None:
    kind = classify_event(sentence)
    if kind is None:
        return None
    casualties = find_casualties(sentence)
    times = find_time_expressions(sentence, published)
    terms = actor_terms.find_actor_terms(sentence)
    # A generic sentence ("militants who carry out attacks") names no time, place or toll: not an incident.
    if not casualties and not times and not any(p.precision in ("place", "district", "admin1", "border") for _, p in places):
        return None
    draft = _Draft(kind.event_type, kind.sub_event_type, kind.plover_type, kind.plover_mode, kind.cameo_root,
                   kind.confidence, rules=[kind.rule, actor_terms.table_version()],
                   attributed=bool(_ATTRIBUTED.search(sentence.text)), further=bool(_FURTHER.search(sentence.text)),
                   claimed=bool(_CLAIMED.search(sentence.text)))
    if kind.trigger is not None:
        draft.evidence.append(kind.trigger)
    if times:
        span, interval = max(times, key=lambda item: _TIME_RANK[item[1].precision])
        draft.time = interval
        draft.evidence.append(span)
    if places:
        chosen = best_place([p for _, p in places])
        if chosen is not None:
            draft.place = chosen
            draft.evidence.extend(span for span, p in places if p == chosen or p.country_iso == chosen.country_iso)
    _add_casualties(draft, casualties)
    _assign_actors(draft, terms, sentence)
    return draft


def _add_casualties(draft: _Draft, casualties: list[Casualty]) -> None:
    """Distinct groups in one sentence add up ("4 soldiers and 3 civilians" = 7); a total over a period stays one."""
    for kind, attribute in (("killed", "fatalities"), ("injured", "injuries")):
        figure = total_figure(casualties, kind)
        if figure is None:
            figure = next((c.figure for c in casualties if c.kind == kind), None)
        if figure is not None:
            setattr(draft, attribute, figure)
    for casualty in casualties:
        if casualty.kind == "killed":
            draft.sides.update(side for side, words in _SIDES.items() if words.search(casualty.victims or ""))
        draft.victims = draft.victims or casualty.victims
        draft.incident_count = draft.incident_count or casualty.incident_count
        draft.is_aggregate = draft.is_aggregate or casualty.is_aggregate
        draft.evidence.extend(casualty.evidence)


def _assign_actors(draft: _Draft, terms: list[tuple[Span, Actor]], sentence) -> None:
    armed = [(span, actor) for span, actor in terms if actor.category not in (None, "civilians")]
    victims = [(span, actor) for span, actor in terms if actor.category == "civilians"]
    if armed:
        span, actor = armed[0]
        draft.actor1 = actor
        draft.evidence.append(replace(span, field="actor1"))
        if len(armed) > 1 and draft.event_type == "Battles":
            span, actor = armed[1]
            draft.actor2 = actor
            draft.evidence.append(replace(span, field="actor2"))
    if draft.actor2 is None and victims:
        span, actor = victims[0]
        draft.actor2 = actor
        draft.evidence.append(replace(span, field="actor2"))


def _more_precise(new: Figure, old: Figure) -> bool:
    """A stated number beats a vague word ("three" over "several")."""
    return new.low == new.high and new.best is not None and not (old.low == old.high and old.best is not None)


# -- merging mentions of one incident inside a report ---------------------------------------------------

def _merge_into(drafts: list[_Draft], new: _Draft) -> _Draft:
    for old in drafts:
        if _same_incident(old, new):
            _absorb(old, new)
            return old
    if drafts and _competing_account(drafts[-1], new):
        _absorb_account(drafts[-1], new)
        return drafts[-1]
    drafts.append(new)
    return new


def _competing_account(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` is another source's toll for the incident just told ("Taliban claimed 4 were killed").

    Only right after the incident, from a sentence that names its source, gives a toll of
    its own, names no time or place of its own that differs, and says nothing of another
    incident or further victims ("In another attack", "were also killed"). A plain report
    of the other side's dead ("2 soldiers were killed ... officials said 3 militants were
    killed") adds to the toll; a disputed claim ("the Taliban claimed") or a count of the
    same side's dead competes with it.
    """
    if not new.attributed or new.further or new.is_aggregate or old.is_aggregate:
        return False
    if not new.claimed and old.sides and new.sides and not old.sides & new.sides:
        return False
    if new.fatalities is None or old.fatalities is None:
        return False
    if old.event_type != new.event_type:
        return False
    if new.time.text and (new.time.start, new.time.end) != (old.time.start, old.time.end):
        return False
    if new.place.precision in ("place", "district") and old.place.precision in ("place", "district"):
        return new.place == old.place
    return _places_agree(old.place, new.place)


def _absorb_account(old: _Draft, new: _Draft) -> None:
    """Keep the first account's figures as the best ones; widen low and high over both accounts."""
    for attribute in ("fatalities", "injuries"):
        mine, theirs = getattr(old, attribute), getattr(new, attribute)
        if mine is None or theirs is None:
            setattr(old, attribute, mine or theirs)
            continue
        lows = [v for v in (mine.low, theirs.low) if v is not None]
        high = max(mine.high, theirs.high) if mine.high is not None and theirs.high is not None else None
        setattr(old, attribute, Figure(min(lows) if lows else None, mine.best, high, mine.text))
    old.evidence.extend(new.evidence)
    old.rules.extend(r for r in [*new.rules, "competing-account"] if r not in old.rules)
    old.sentences.extend(new.sentences)


def _same_incident(a: _Draft, b: _Draft) -> bool:
    if a.is_aggregate != b.is_aggregate:
        return False
    if not _figures_agree(a.fatalities, b.fatalities) or not _figures_agree(a.injuries, b.injuries):
        return False
    if not _times_overlap(a.time, b.time) or not _places_agree(a.place, b.place):
        return False
    victims_agree = _victims_agree(a.victims, b.victims)
    if not victims_agree:
        return False
    if a.sub_event_type == b.sub_event_type:
        return a.time.precision != "unresolved" or b.time.precision != "unresolved" or bool(a.victims and b.victims)
    # Different types merge only when the toll and victims say it is the same incident.
    exact = a.fatalities and b.fatalities and a.fatalities.best == b.fatalities.best and a.fatalities.low == a.fatalities.high
    return bool(exact and a.victims and b.victims)


def _figures_agree(a: Figure | None, b: Figure | None) -> bool:
    if a is None or b is None:
        return True
    a_exact = a.low is not None and a.low == a.high
    b_exact = b.low is not None and b.low == b.high
    if a_exact and b_exact:
        return a.low == b.low
    if a_exact or b_exact:
        exact, vague = (a, b) if a_exact else (b, a)
        low = vague.low if vague.low is not None else 0
        high = vague.high if vague.high is not None else 10**9
        return low <= exact.low <= high
    return True


def _times_overlap(a: TimeInterval, b: TimeInterval) -> bool:
    if not a.text or not b.text:
        return True  # a sentence without a time expression can be about any time
    if a.start is None or b.start is None or a.end is None or b.end is None:
        # "recently" vs "in August", or two expressions waiting for a publication date
        both_unresolved = a.start is None and b.start is None
        return both_unresolved and a.text.strip().lower() == b.text.strip().lower()
    if a.start > b.end or b.start > a.end:
        return False
    # "last month" contains "last week" but is not evidence of the same incident on its own
    return abs(_TIME_RANK[a.precision] - _TIME_RANK[b.precision]) <= 1


def _places_agree(a: Place, b: Place) -> bool:
    if a.country_iso and b.country_iso and a.country_iso != b.country_iso:
        return False
    if a.admin1_iso and b.admin1_iso and a.admin1_iso != b.admin1_iso:
        return False
    return True


def _victims_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    head_a, head_b = a.lower().split()[-1].rstrip("s"), b.lower().split()[-1].rstrip("s")
    return head_a == head_b


def _absorb(old: _Draft, new: _Draft) -> None:
    if _PLACE_RANK[new.place.precision] > _PLACE_RANK[old.place.precision]:
        old.place = new.place
    if _TIME_RANK[new.time.precision] > _TIME_RANK[old.time.precision]:
        old.time = new.time
    for attribute in ("fatalities", "injuries"):
        mine, theirs = getattr(old, attribute), getattr(new, attribute)
        if theirs is not None and (mine is None or _more_precise(theirs, mine)):
            setattr(old, attribute, theirs)
    old.victims = old.victims or new.victims
    old.actor1 = old.actor1 or new.actor1
    old.actor2 = old.actor2 or new.actor2
    old.incident_count = old.incident_count or new.incident_count
    old.confidence = max(old.confidence, new.confidence)
    old.evidence.extend(new.evidence)
    old.rules.extend(r for r in new.rules if r not in old.rules)
    old.sentences.extend(new.sentences)


def _finish(article_id: str, number: int, draft: _Draft) -> EventMention:
    evidence = tuple(sorted(set(draft.evidence), key=lambda s: (s.start, s.end, s.field)))
    # Stable across runs of the same analyser: the n-th incident of the article, first seen in sentence k.
    digest = hashlib.sha256(f"{article_id}:event:{number}:{draft.sentences[0]}".encode()).hexdigest()[:16]
    return EventMention(
        id=digest, article_id=article_id, event_type=draft.event_type, sub_event_type=draft.sub_event_type,
        plover_type=draft.plover_type, plover_mode=draft.plover_mode, cameo_root=draft.cameo_root,
        actor1=draft.actor1, actor2=draft.actor2, place=draft.place, time=draft.time,
        fatalities=draft.fatalities, injuries=draft.injuries, victims=draft.victims,
        incident_count=draft.incident_count, is_aggregate=draft.is_aggregate, confidence=draft.confidence,
        evidence=evidence, rules=tuple(dict.fromkeys(draft.rules)),
    )
