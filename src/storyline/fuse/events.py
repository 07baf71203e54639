"""Event mentions of all reports into one :class:`~storyline.records.Event` per real incident.

Two mentions are of the same incident when nothing rules it out and enough points
to it. Ruled out: the same report (its analyser already merged what it could),
an aggregate with a single incident, types of different families (violence vs.
protest vs. strategic developments), times that do not overlap, places that
differ at the same level of the place hierarchy (but for neighbouring towns in
one story), quarters of one town that reports of two stories each name and the other does not, victims of
different kinds. An
unresolved time ("recent clashes") matches only inside one story. What points to
it is scored: the same story, the same sub-type, the same interval, the same
place, the same toll, the same victims, the same perpetrator.

Clustering takes the best-scored pairs first and joins two groups only when every
pair across them is compatible and no report would appear twice, so one loose
pair cannot chain two incidents together (the August firefight stays apart from
last week's gunfire). Event ids are kept from the previous fuse when the group
still holds the mentions it had.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from storyline.analyse.event_types import DEMONSTRATION_ORDER
from storyline.analyse.places import distance_km
from storyline.fuse.values import (
    Lineages,
    Said,
    candidates,
    choose,
    figure_key,
    fuse_figures,
    join_best_first,
    stable_ids,
)
from storyline.link.align import sentence_spans
from storyline.link.names import is_unknown_place
from storyline.link.relation import different_quarters
from storyline.records import Disagreement, Event, EventMention, Evidence, Place, TimeInterval

MIN_SCORE = 4.0  # the evidence a pair needs beyond compatibility (see _score)
SAME_POINT_KM = 1.0  # two names of places this close are one place's (_places_compatible)
VILLAGE_KM = 50.0  # a village placed at the town or district holding it may lie this far from it (_village_near)
NEIGHBOUR_KM = 10.0  # towns this close, in one story, may be named for the same ground (see _neighbours)
FUSER = "fuse-13"

_FAMILY = {
    "Battles": "violence", "Explosions/Remote violence": "violence", "Violence against civilians": "violence",
    "Protests": "demonstration", "Riots": "demonstration", "Strategic developments": "strategic",
}
_PLACE_RANK = {"place": 5, "district": 4, "admin1": 3, "border": 2, "country": 1, "unresolved": 0}
_TIME_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unresolved": 0}
_GENERIC_ACTORS = {"Unidentified Armed Group", "Military Forces", "Police Forces", "Civilians"}


@dataclass(frozen=True, slots=True)
class Context:
    """What fusion knows about the reports: lineages, stories and publication dates, and a reader of a report's text
    by its id (None where the texts are not at hand: then the quarters they name are not compared)."""

    lineages: Lineages
    story_of: Mapping[str, str]
    published: Mapping[str, object]
    text_of: Callable[[str], str | None] | None = None
    # each report's mentions' evidence, by report id (fuse_events fills it): the sentences of its other incidents
    evidence_of: Mapping[str, tuple[tuple[str, tuple], ...]] = field(default_factory=dict)


def fuse_events(mentions: Sequence[EventMention], context: Context,
                previous: Mapping[str, str] | None = None) -> list[Event]:
    """One event per group of mentions of one incident, aggregates linked to what they may include.

    ``previous`` maps mention ids to the event ids of the last fuse, so ids stay stable. An aggregate
    with neither a toll nor a count of incidents ("attacks have risen in recent years") is context,
    not a record: it stays a mention and makes no event.
    """
    evidence_of: dict[str, list] = {}
    for mention in mentions:
        evidence_of.setdefault(mention.article_id, []).append((mention.id, mention.evidence))
    context = replace(context, evidence_of={k: tuple(v) for k, v in evidence_of.items()})
    groups = _cluster([m for m in mentions if not _says_nothing_countable(m)], context)
    ids = stable_ids([[m.id for m in group] for group in groups], previous or {}, "event")
    events = [_build(group, context, event_id) for group, event_id in zip(groups, ids)]
    _link_aggregates(events)
    events.sort(key=lambda e: (e.time.start is None, e.time.start or 0, e.id))
    return events


def _says_nothing_countable(mention: EventMention) -> bool:
    return (mention.is_aggregate and mention.fatalities is None and mention.injuries is None
            and mention.incident_count is None)


# -- which mentions can be one incident -------------------------------------------------------------

def compatible(a: EventMention, b: EventMention, context: Context) -> bool:
    """Nothing rules out that ``a`` and ``b`` tell the same incident."""
    if a.article_id == b.article_id or a.is_aggregate != b.is_aggregate:
        return False
    if _FAMILY.get(a.event_type) != _FAMILY.get(b.event_type) and not (
            _one_fight_typed_two_ways(a, b, context) or _state_fire_typed_two_ways(a, b, context)):
        return False
    if not (_places_compatible(a.place, b.place) or _neighbours(a.place, b.place) and _same_story(a, b, context)):
        return False
    if _other_quarters(a, b, context) or _other_villages(a, b, context):
        return False
    if not _victims_compatible(a.victims, b.victims) and not _two_sides_of_a_clash(a, b, context):
        return False
    resolved = a.time.start is not None and b.time.start is not None
    if resolved:
        return not (a.time.start > b.time.end or b.time.start > a.time.end)
    # "recent clashes": only the story ties an unresolved time to an incident
    return _same_story(a, b, context)


def _other_quarters(a: EventMention, b: EventMention, context: Context) -> bool:
    """Reports of two stories that put an incident in one town, each in a quarter of it the other never names
    (:func:`~storyline.link.relation.different_quarters`: a shooting "in the Bastion Popular neighbourhood" and one in
    "the Guayaquil South district", on one Saturday): two incidents. Within one story the reports tell one
    incident, however each words where."""
    # towns of one name: across stories, _places_compatible has already compared them
    if context.text_of is None or _same_story(a, b, context) or not a.place.precision == b.place.precision == "place":
        return False
    a_text, b_text = context.text_of(a.article_id), context.text_of(b.article_id)
    return bool(a_text and b_text) and different_quarters(_told_of(a, a_text, context), _told_of(b, b_text, context))


def _told_of(mention: EventMention, text: str, context: Context) -> str:
    """``text`` without the sentences that tell only the report's other incidents: the quarters a report names for
    them ("arrested two suspects in a raid in Domel, in Bannu district", beside the bombing in Bannu) are not where
    ``mention`` happened."""
    others = [span for mention_id, evidence in context.evidence_of.get(mention.article_id, ())
              if mention_id != mention.id for span in evidence]
    if not others:
        return text

    def holds(spans, start: int, end: int) -> bool:
        return any(start <= span.start < end for span in spans)

    return " ".join(text[start:end] for start, end in sentence_spans(text)
                    if holds(mention.evidence, start, end) or not holds(others, start, end))


def _other_villages(a: EventMention, b: EventMention, context: Context) -> bool:
    """Reports of two stories that each name the village where it happened, one that no table knows placed only in
    its admin-1 ("in Flanker, St James") and another ("in Salt Spring, St James"): two incidents, as two towns
    would be. Within one story a report may name a village where another names the town beside it."""
    if _same_story(a, b, context) or not (a.place.location and b.place.location):
        return False
    named = ("place", "district")
    unknown = [p for p in (a.place, b.place) if p.precision == "admin1" and is_unknown_place(p.location)]
    if not unknown or not all(p.precision in named or p in unknown for p in (a.place, b.place)):
        return False
    return not (_same_name(a.place.location, b.place.location) or _village_near(a.place, b.place)
                or _village_near(b.place, a.place))


def _one_fight_typed_two_ways(a: EventMention, b: EventMention, context: Context) -> bool:
    """A fight between groups that one report of a story tells as mob violence and another as a clash or an attack
    ("rival martial arts groups fought with machetes", "a street battle between rival gangs")."""
    kinds = {a.sub_event_type, b.sub_event_type}
    other = next(iter(kinds - {"Mob violence"}), None)
    return ("Mob violence" in kinds and other in ("Armed clash", "Attack") and _same_story(a, b, context))


def _state_fire_typed_two_ways(a: EventMention, b: EventMention, context: Context) -> bool:
    """State forces firing on a crowd that one report of a story calls protesters ("shot dead two protesters as they
    broke up demonstrations": excessive force) and another only a crowd ("opened fire on crowds marking the day": an
    attack on civilians)."""
    if {a.sub_event_type, b.sub_event_type} != {"Excessive force against protesters", "Attack"}:
        return False
    attack = a if a.sub_event_type == "Attack" else b
    return attack.actor1 is not None and attack.actor1.category == "state forces" and _same_story(a, b, context)


def _same_story(a: EventMention, b: EventMention, context: Context) -> bool:
    story = context.story_of.get(a.article_id)
    return story is not None and story == context.story_of.get(b.article_id)


def _places_compatible(a: Place, b: Place) -> bool:
    if a.country_iso and b.country_iso and a.country_iso != b.country_iso:
        return False
    if a.admin1_iso and b.admin1_iso and a.admin1_iso != b.admin1_iso:
        return False
    fine = ("place", "district")
    if a.precision in fine and b.precision in fine and a.location and b.location:
        # (or one place spelled two ways, at one point: "Poipet" and "Paoy Paet")
        return (_same_name(a.location, b.location) or _within_km(a, b, SAME_POINT_KM) or _village_near(a, b)
                or _village_near(b, a))
    return True


def _village_near(village: Place, other: Place) -> bool:
    """Whether ``village``, a name the gazetteer does not know, placed where the town or district the text says holds
    it lies ("Mirzanagar union of Raipura upazila in Narsingdi": Narsingdi's point), may be ground ``other`` names:
    within VILLAGE_KM of it, as a village may lie anywhere in its district."""
    return _within_km(village, other, VILLAGE_KM) and is_unknown_place(village.location)


def _neighbours(a: Place, b: Place) -> bool:
    """Two towns or districts of one admin-1 within NEIGHBOUR_KM of each other: a township and the city it lies in
    ("Katutura", "Windhoek"), which two reports of one story may each name for the same ground."""
    fine = ("place", "district")
    if a.precision not in fine or b.precision not in fine or a.admin1_iso is None or a.admin1_iso != b.admin1_iso:
        return False
    return _within_km(a, b, NEIGHBOUR_KM)


def _within_km(a: Place, b: Place, km: float) -> bool:
    """Whether both places have coordinates and lie at most ``km`` apart."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return distance_km(a, b) <= km


def _same_name(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


def _head(victims: str) -> str:
    return victims.lower().split()[-1].rstrip("s") if victims.split() else ""


# Kinds of victims: a rewrite says "nationals" for "workers", but never "soldiers" for "workers".
_VICTIM_KINDS = {
    "security": ("soldier", "police", "policemen", "policeman", "officer", "guard", "troop", "personnel", "commando",
                 "servicemen", "serviceman", "army", "militiamen"),
    "armed": ("militant", "insurgent", "fighter", "rebel", "gunmen", "gunman", "attacker", "jihadist", "smuggler",
              "trafficker", "bandit", "terrorist", "assailant"),
    "civilian": ("civilian", "worker", "employee", "national", "citizen", "resident", "villager", "student", "child",
                 "children", "women", "woman", "farmer", "fishermen", "fisherman", "trader", "pilgrim", "passenger",
                 "teacher", "journalist", "staff", "labourer", "laborer", "refugee", "migrant"),
}


def _victim_kind(victims: str) -> str | None:
    head = _head(victims)
    return next((kind for kind, words in _VICTIM_KINDS.items() if head in words or head + "s" in words), None)


def _victims_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    kind_a, kind_b = _victim_kind(a), _victim_kind(b)
    return _head(a) == _head(b) or kind_a is None or kind_b is None or kind_a == kind_b


def _two_sides_of_a_clash(a: EventMention, b: EventMention, context: Context) -> bool:
    """A clash hurts both sides: one report of a story names the soldiers hurt, another the gunmen killed (two
    stories of one day in one city may be two clashes)."""
    return (a.sub_event_type == b.sub_event_type == "Armed clash" and _same_story(a, b, context)
            and {_victim_kind(a.victims or ""), _victim_kind(b.victims or "")} == {"security", "armed"})


def _victims_alike(a: str | None, b: str | None) -> bool:
    """The same head ("workers") or a shared qualifier of the same kind ("Chinese workers", "Chinese nationals")."""
    if not a or not b:
        return False
    if _head(a) == _head(b):
        return True
    shared = set(a.lower().split()) & set(b.lower().split())
    return bool(shared) and _victim_kind(a) is not None and _victim_kind(a) == _victim_kind(b)


def _score(a: EventMention, b: EventMention, context: Context) -> float:
    """How strongly two compatible mentions point to one incident (MIN_SCORE to join)."""
    score = 0.0
    if _same_story(a, b, context):
        score += 3
    if a.sub_event_type == b.sub_event_type:
        score += 2
    elif a.event_type == b.event_type:
        score += 1
    if a.time.start is not None and b.time.start is not None:
        if (a.time.start, a.time.end) == (b.time.start, b.time.end):
            score += 2
        elif min(_TIME_RANK[a.time.precision], _TIME_RANK[b.time.precision]) >= _TIME_RANK["week"]:
            score += 1
    if a.place.location and b.place.location and _same_name(a.place.location, b.place.location):
        score += 2
    elif a.place.admin1_iso and a.place.admin1_iso == b.place.admin1_iso:
        score += 1
    elif a.place.country_iso and a.place.country_iso == b.place.country_iso:
        score += 0.5
    if a.fatalities and b.fatalities:
        if (a.fatalities.low, a.fatalities.best, a.fatalities.high) == (b.fatalities.low, b.fatalities.best,
                                                                       b.fatalities.high):
            score += 1.5
        elif a.fatalities.best is not None and b.fatalities.best is not None:
            score -= 0.5
    if _victims_alike(a.victims, b.victims):
        score += 1
    if _canonical(a.actor1) and _canonical(a.actor1) == _canonical(b.actor1):
        score += 0.5
    return score


def _canonical(actor) -> str | None:
    return (actor.canonical or actor.text) if actor else None


# -- clustering ------------------------------------------------------------------------------------

def _cluster(mentions: list[EventMention], context: Context) -> list[list[EventMention]]:
    pairs = []
    for i, j in _candidate_pairs(mentions, context):
        a, b = mentions[i], mentions[j]
        if compatible(a, b, context):
            score = _score(a, b, context)
            if score >= MIN_SCORE:
                pairs.append((score, i, j))
    groups = join_best_first(len(mentions), pairs, lambda k: mentions[k].article_id,
                             lambda x, y: compatible(mentions[x], mentions[y], context))
    return [[mentions[k] for k in group] for group in groups]


def _candidate_pairs(mentions: list[EventMention], context: Context):
    """Pairs worth comparing: same country (or either unknown) and overlapping time; or the same story."""
    seen: set[tuple[int, int]] = set()
    by_story: dict[str, list[int]] = {}
    for n, m in enumerate(mentions):
        story = context.story_of.get(m.article_id)
        if story is not None:
            by_story.setdefault(story, []).append(n)
    for members in by_story.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                seen.add((i, j))
                yield i, j
    # resolved times, swept in order of start within each country (a mention without one joins every block)
    blocks: dict[str | None, list[int]] = {}
    for n, m in enumerate(mentions):
        if m.time.start is not None:
            blocks.setdefault(m.place.country_iso, []).append(n)
    unknown = blocks.pop(None, [])
    for block in (blocks.values() if blocks else [[]]):
        order = sorted(block + unknown, key=lambda n: mentions[n].time.start)
        for x, i in enumerate(order):
            end = mentions[i].time.end
            for j in order[x + 1:]:
                if mentions[j].time.start > end:
                    break
                pair = (min(i, j), max(i, j))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


# -- one event from a group ------------------------------------------------------------------------

def _build(group: list[EventMention], context: Context, event_id: str) -> Event:
    lineages = context.lineages
    group = sorted(group, key=lambda m: (str(context.published.get(m.article_id) or "9999"), m.article_id, m.id))

    def said(key, value) -> list[Said]:
        return [Said(m.id, m.article_id, key(m), value(m)) for m in group if value(m) is not None]

    types = said(lambda m: m.sub_event_type, lambda m: m)
    # as many sources for two types of one demonstration: the gravest thing done at it, in ACLED's order
    chosen_type: EventMention = choose(types, lineages, lambda m: (DEMONSTRATION_ORDER.get(m.sub_event_type, -1),))
    actors = {m.id: _ordered_actors(m) for m in group}
    actor1 = said(lambda m: _canonical(actors[m.id][0]), lambda m: actors[m.id][0])
    actor2 = said(lambda m: _canonical(actors[m.id][1]), lambda m: actors[m.id][1])
    specific = lambda actor: (_canonical(actor) not in _GENERIC_ACTORS,)  # noqa: E731
    places = said(lambda m: _place_key(m.place), lambda m: m.place if m.place.precision != "unresolved" else None)
    times = said(lambda m: _time_key(m.time), lambda m: m.time if m.time.precision != "unresolved" else None)
    killed = said(lambda m: figure_key(m.fatalities), lambda m: m.fatalities)
    hurt = said(lambda m: figure_key(m.injuries), lambda m: m.injuries)
    victims = said(lambda m: m.victims.lower(), lambda m: m.victims)

    place = _with_centroid(_choose_place(places, lineages))
    time = _choose_time(times, group)
    fatalities, acled, killed_disputed = fuse_figures(killed, lineages)
    injuries, _, hurt_disputed = fuse_figures(hurt, lineages)
    fields = {
        "sub_event_type": candidates("sub_event_type", types, lineages),
        "actor1": candidates("actor1", actor1, lineages), "actor2": candidates("actor2", actor2, lineages),
        "place": candidates("place", places, lineages), "date": candidates("date", times, lineages),
        "fatalities": candidates("fatalities", killed, lineages), "injuries": candidates("injuries", hurt, lineages),
    }
    disputed = {
        "sub_event_type": len({m.event_type for m in group}) > 1,
        "actor1": len({k for k in (_canonical(actors[m.id][0]) for m in group) if k and k not in _GENERIC_ACTORS}) > 1,
        "place": _places_disagree([p.value for p in places]),
        "date": not _times_overlap_all([t.value for t in times]),
        "fatalities": killed_disputed, "injuries": hurt_disputed,
    }
    reports = tuple(dict.fromkeys(m.article_id for m in group))
    mention_ids = tuple(m.id for m in group)
    evidence = tuple(Evidence(m.article_id, m.id, span) for m in group for span in m.evidence)
    independent = lineages.independent(reports)
    confidence = 1.0
    for root_confidence in _lineage_confidences(group, lineages).values():
        confidence *= 1 - root_confidence
    return Event(
        id=event_id, event_type=chosen_type.event_type, sub_event_type=chosen_type.sub_event_type,
        plover_type=chosen_type.plover_type, plover_mode=chosen_type.plover_mode, cameo_root=chosen_type.cameo_root,
        actor1=choose(actor1, lineages, specific), actor2=choose(actor2, lineages, specific),
        place=place, time=time, fatalities=fatalities, injuries=injuries,
        victims=choose(victims, lineages), incident_count=max((m.incident_count or 0 for m in group), default=0) or None,
        is_aggregate=group[0].is_aggregate, acled_fatalities=acled, confidence=round(1 - confidence, 3),
        reports=reports, mentions=mention_ids, independent_sources=independent,
        candidates=tuple(c for cs in fields.values() for c in cs),
        disagreements=tuple(Disagreement(name, tuple(fields[name])) for name, yes in disputed.items()
                            if yes and len(fields[name]) > 1),
        evidence=evidence, stories=tuple(sorted({context.story_of[a] for a in reports if a in context.story_of})),
    )


def _lineage_confidences(group: list[EventMention], lineages: Lineages) -> dict[str, float]:
    best: dict[str, float] = {}
    for m in group:
        root = lineages.root(m.article_id)
        best[root] = max(best.get(root, 0.0), m.confidence)
    return best


def _ordered_actors(mention: EventMention):
    """A battle has two sides and no order: "Tajik guards and Taliban fighters" = "Afghan forces and Tajik guards"."""
    a1, a2 = mention.actor1, mention.actor2
    if mention.event_type == "Battles" and a1 and a2 and (_canonical(a2) or "") < (_canonical(a1) or ""):
        return a2, a1
    return a1, a2


def _with_centroid(place: Place) -> Place:
    """A province or country without coordinates gets its centroid (precision says it is one, as ACLED's 3)."""
    if place.latitude is not None or not place.country_iso:
        return place
    from storyline.analyse.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    unit = gazetteer.admin1.get(place.admin1_iso or "") or gazetteer.countries.get(place.country_iso)
    if unit is None or unit.latitude is None:
        return place
    return replace(place, latitude=unit.latitude, longitude=unit.longitude)


def _place_key(place: Place) -> str:
    return "/".join(part or "" for part in (place.country_iso, place.admin1_iso, place.location))


def _choose_place(places: list[Said], lineages: Lineages) -> Place:
    """The country most sources give, then the most precise place inside it that agrees with the rest.

    At one precision a town named but not located (``location`` set at admin-1 level) goes before the bare admin-1."""
    if not places:
        return Place(None, None)
    country = choose([Said(s.mention_id, s.article_id, s.value.country_iso or "", s.value) for s in places], lineages)
    inside = [s for s in places if s.value.country_iso == country.country_iso]
    admin1 = choose([Said(s.mention_id, s.article_id, s.value.admin1_iso, s.value) for s in inside
                     if s.value.admin1_iso], lineages)
    fitting = [s for s in inside if admin1 is None or s.value.admin1_iso in (None, admin1.admin1_iso)]

    def rank(p: Place) -> tuple:
        return _PLACE_RANK[p.precision], p.location is not None, p.admin1_iso == (admin1.admin1_iso if admin1 else None)

    # of the most precise places, the one most sources give ("Turin" twice, "Vanchiglia" once), then the first
    top = max(rank(s.value) for s in fitting)
    best = choose([Said(s.mention_id, s.article_id, _place_key(s.value), s.value) for s in fitting
                   if rank(s.value) == top], lineages)
    if admin1 is not None and best.admin1_iso is None:
        return admin1
    return best


def _places_disagree(places: list[Place]) -> bool:
    return any(not _places_compatible(a, b) for n, a in enumerate(places) for b in places[n + 1:])


def _time_key(time: TimeInterval) -> str:
    return f"{time.start.isoformat()}/{time.end.isoformat()}" if time.start and time.end else f"unresolved:{time.text}"


def _choose_time(times: list[Said], group: list[EventMention]) -> TimeInterval:
    """The most precise interval that lies inside every other; else the widest span that covers them all."""
    intervals: list[TimeInterval] = [s.value for s in times if s.value.start is not None]
    if not intervals:
        unresolved = [m.time for m in group if m.time.text]
        return unresolved[0] if unresolved else TimeInterval(None, None, "unresolved", "")
    inside_all = [t for t in intervals if all(o.start <= t.start and t.end <= o.end or _overlap(t, o) for o in intervals)]
    pool = inside_all or intervals
    return max(pool, key=lambda t: (_TIME_RANK[t.precision], -(t.end - t.start).days))


def _overlap(a: TimeInterval, b: TimeInterval) -> bool:
    return not (a.start > b.end or b.start > a.end)


def _times_overlap_all(times: list[TimeInterval]) -> bool:
    resolved = [t for t in times if t.start is not None]
    return all(_overlap(a, b) for n, a in enumerate(resolved) for b in resolved[n + 1:])


def _link_aggregates(events: list[Event]) -> None:
    """An aggregate ("two incidents ... five deaths") may include incidents of its type, place and period."""
    singles = [e for e in events if not e.is_aggregate]
    for n, event in enumerate(events):
        if not event.is_aggregate or event.time.start is None:
            continue
        inside = tuple(e.id for e in singles
                       if e.event_type == event.event_type and e.time.start is not None
                       and event.time.start <= e.time.start and e.time.end <= event.time.end
                       and _places_compatible(event.place, e.place))
        if inside:
            events[n] = replace(event, includes=inside)


__all__ = ["FUSER", "Context", "compatible", "fuse_events"]

