"""One article in, its event and statement mentions out: the analyse stage's orchestrator.

Per sentence: event type (``event_types``), killed/injured figures
(``casualties``), time expressions (``timex``), places (``places``) and actors
(``actors``) make an event draft; drafts of the same incident inside the report
are merged (the lead's "several workers" and a later "three workers" are one
incident, best 3, both spans kept). An event's time is the one its own words carry
("killed in Sunday's attack"), not the report's ("said on Monday"); a sentence that only
points back to the incident ("No group has claimed the bombing") joins it, and one that
tells of repeated attacks or a trend ("in recent years") is an aggregate. Unnamed suspects
held "in connection with the attack" are part of its aftermath, not an arrest event. A later
sentence that gives another source's different toll for the same incident ("Taliban
sources claimed 4 soldiers were killed") is a competing account, not a second incident:
the first account's figure stays the best one, and the low and high span both accounts; so does a
toll given for an incident a definite noun points back to ("six were injured in the attack"), a source's
count of the same victims ("a doctor ... saying nine bodies had been brought in") and a revised total ("the
toll rose to nine"), the first figure staying the low. Words of harm alone ("two of them died of their wounds
in hospital"), and a toll listed after an incident told without one, are a toll of the incident just told; its
time is that of the count ("recovered by Sunday afternoon"), not the incident's. A side's vague claim of its
enemy's losses ("killed several of the attackers") is not counted. An event
dated more than a year before the report, and a conflict's running toll with the doings it sums up, are
background. A headline's reference ("toll from Odesa attack rises", as a live blog's latest entry heads it)
joins the incident told further down; one in a clause that describes people ("who fled the fighting") is
never an incident of its own. A sentence about armed men that names one place but tells no incident ("foiled an
attempt by armed infiltrators to smuggle drugs in the Ruwaished area") sets the scene of the next incident told
without a place of its own. Statements come from ``statements``.
Pure: records in, records out; the same function runs in the CLI, the API, the
tests and a distributed engine's map step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field, replace

from storyline.analyse import actors as actor_terms
from storyline.analyse.casualties import (CARE_PLACES, CARE_VERBS, CORPSE_NOUNS, DEATH_NOUNS, DIE_VERBS, INJURE_VERBS,
                                         KILL_VERBS, OCCASION_NOUNS, PERSON_NOUNS, RELATIVE_PRONOUNS, STAY_VERBS,
                                         TREAT_VERBS, TREATMENT_NOUNS, Casualty, fact_line, find_casualties, is_background_toll,
                                         total_figure, wounded_by_a_shot)
from storyline.analyse.event_types import (DEMONSTRATION_ORDER, POLITICAL_VIOLENCE, TIME_UNITS, TOLL_WORDS, UNREALISED,
                                           EventType, after_clause, classify_event, event_words, held_at_home,
                                           incident_words, is_reporting_verb, mapping_for, other_time_clause,
                                           other_time_start, other_time_words, people_words, place_words,
                                           reporter_words, source_heads, speech_verbs, time_unit_of, told_as_cause)
from storyline.analyse.nlp import LIST_MARKERS, doc_text, parse
from storyline.analyse.numbers import parse_number, parse_ordinal
from storyline.analyse.places import (best_place, enclosing_city, event_places, find_places, in_dateline,
                                      towns_named_as)
from storyline.analyse.statements import StatementFinder
from storyline.analyse.timex import EVIDENCE_FIELD as TIME_FIELD
from storyline.analyse.timex import (WEEKDAYS, date_line, day_anchor, find_time_expressions, is_anaphoric, is_vague,
                                     is_vague_period, time_attachment)
from storyline.records import (Actor, Article, EventMention, Figure, Mention, Place, Span, StatementMention, TimeInterval,
                               highest_ceiling)

ANALYSER = "analyse-84"  # bump when extraction changes: stored articles are analysed again
_PLACE_RANK = {"place": 5, "district": 4, "admin1": 3, "border": 2, "country": 1, "unresolved": 0}
_TIME_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unresolved": 0}
_UNRESOLVED_TIME = TimeInterval(None, None, "unresolved", "")
_NO_PLACE = Place(None, None)
# Another source's account: "Taliban claimed", "VoJ said", "according to local officials".
_ATTRIBUTED = re.compile(r"\b(?:claim(?:ed|s)?|said|says|reported|reports|according to|sources?|put the (?:death )?toll)\b",
                         re.I)
# Words that tell another incident: a sentence with one does not add to the last.
_ELSEWHERE_WORDS = (r"another|separate(?:ly)?|second|third|fourth|also|other (?:attacks?|incidents?|clash(?:es)?)"
                    r"|earlier|meanwhile|elsewhere")
_ELSEWHERE = re.compile(rf"\b(?:{_ELSEWHERE_WORDS})\b", re.I)
# Those, or words of further victims: a further incident or further victims, not a new count of the same ones
# ("more than an hour", "more than 20 people" only bound a figure).
_FURTHER = re.compile(rf"\b(?:{_ELSEWHERE_WORDS}|more(?! than\b)|further|additional|later)\b", re.I)
# A new total for the incident: "the death toll rose to seven", "the number of dead has climbed to 12".
# "two more bodies were found, bringing the number of dead to 17": the count after the found ones is the new total.
_REVISED = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|reached|(?:bringing|taking|pushing|raising)\b.*\bto)\b",
                      re.I)
# How badly the wounded are hurt: a count told so may be some of those counted before ("40 were injured ... three
# students were admitted with serious injuries"), not another account of them all.
_GRAVELY = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:ly)?|life-threatening)\b", re.I)
# The wounded still in care, some of those hurt whoever counts them: "three people remained in hospital"
_STILL_IN_CARE = re.compile(r"\b(?:remain(?:s|ed)?|stay(?:s|ed)?|(?:are|were|is|was) still)\s+(?:\w+\s+){0,2}?in\s+"
                            rf"(?:(?:a|the)\s+)?(?:[\w-]+\s+)?(?:{'|'.join(sorted(CARE_PLACES))})s?\b", re.I)
# A toll told as a new total ("health officials said in an updated toll", "the toll has risen to"): what is told after
# it of victims added since ("Two of the injured died in hospital") is how the total rose, not more victims.
_UPDATED_TOLL = re.compile(r"\b(?:updated|revised|new|latest|rising|higher)\s+(?:death\s+)?toll\b"
                           r"|\btoll\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|jumped)\b", re.I)
# Words that add victims to those already counted: "two more soldiers died", "two of the wounded died overnight".
# Not "more than 6,000": a floor, not victims added. Deaths among the wounded add to the dead, but wounded among
# the wounded ("one of the wounded soldiers was in a serious condition") are some of those counted.
_ADDED = re.compile(r"\b(?:more(?! than)|further|additional)\b", re.I)
_OF_THE_HURT = re.compile(r"\bof the (?:wounded|injured)\b", re.I)
_NEAR_UNITS = frozenset({"minute", "hour", "day", "night"})  # "a day after", "hours after": the same story's time
_ALSO = re.compile(r"\balso\b", re.I)
# A correction's account of what an earlier version wrongly said ("An earlier version of this report said nine
# people were killed"): withdrawn words, not an incident or a toll.
_WITHDRAWN = re.compile(r"\b(?:an|the)\s+(?:earlier|previous|original|first)\s+version\s+of\s+(?:this|the)\s+"
                        r"(?:report|article|story|item|dispatch)\b", re.I)
# The incident told, pointed back to: "in the attack", "during the raid".
_THE_INCIDENT = re.compile(r"\b(?:in|during|by|from|after) (?:the|this|that|sunday's|saturday's|monday's|tuesday's|"
                           r"wednesday's|thursday's|friday's) (?:attack|raid|ambush|assault|shooting|bombing|blast|"
                           r"explosion|fighting|clash(?:es)?|violence|strike|incident|protest|demonstration|rally|"
                           r"march|riot(?:ing|s)?|unrest|crackdown)\b", re.I)
# Who did it, as a report names them again: "the gunmen also set fire to granaries".
_DOER_NOUNS = frozenset({"gunman", "attacker", "assailant", "raider", "militant", "fighter", "insurgent", "bandit",
                         "jihadist", "rebel", "terrorist", "man", "group", "mob", "crowd", "rioter", "protester"})
# Words that send forces somewhere: "deployed", "sent troops", "dispatched", "reinforcements", "stationed".
_SENDING = ("deploy", "redeploy", "send", "sent", "dispatch", "reinforce", "mobili", "station", "move", "moving")
# A disputed claim, as opposed to a plain report: "the Taliban claimed 17 soldiers were killed".
_CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)?\b(?! (?:the )?(?:lives?|responsibility))", re.I)
# Victims' words that name no group: "lost seven men" and "twelve more soldiers" may be of one incident.
_ANYONE = re.compile(r"people|person|men|man|individual|other|life|lives|victim|body|bodies|dead", re.I)
# Words of repetition that make a statement habitual: "has come under repeated attack", "regularly stages attacks".
_REPEATED = re.compile(r"(?:repeated|frequent|regular|routine|constant|continual|habitual|periodic|persistent|recurrent"
                       r"|sporadic(?:al)?|occasional)(?:ly)?|often|usually|typically|increasingly", re.I)
# Periods an event may recur in ("every night", "week after week"), and the adverbs made from them ("nightly").
_PERIODS = TIME_UNITS | {"night", "morning", "evening", "weekend"}
_PERIODIC = {"hourly", "daily", "nightly", "weekly", "monthly"}
# How long before publication an event is history that the report tells as background, not news.
HISTORY_DAYS = 366
# An earlier incident told in the past perfect more than this many days before a report's own is background to it.
BACKGROUND_DAYS = 7
# How many days after an incident a source may say that it had happened and still be telling of it.
SAID_AFTER_DAYS = 2
# Disorder whose victims a later toll without event words may count: fighting, bombings, riots, protests fired on.
VICTIMS_OF_DISORDER = ("political violence", "Riots", "Protests")
# Words of harm suffered, which tell a toll rather than what was done: "died of their wounds", "were injured".
SUFFERED = TOLL_WORDS - {"kill", "killing"}
# Words for where an incident happened that point back to it: "detained near the scene".
_SCENE_NOUNS = {"scene", "site", "incident"}
# Auxiliaries of the future, of a condition or of a possibility: "would be held", "could strike again".
_MODALS = {"will", "would", "shall", "'ll", "wo", "may", "might", "could", "should", "must", "can", "ca"}
# Words of change in a rate: "attacks have risen sharply", "a spate of bombings", "an increase in kidnappings".
_TREND = {"rise", "increase", "grow", "surge", "soar", "climb", "double", "triple", "decline", "decrease", "fall",
          "drop", "escalate", "intensify", "spike", "spate", "wave", "series", "string", "rash", "upsurge", "uptick",
          "escalation", "number", "resurgence"}
# Prepositions of where a thing that fell or dropped came down: "bombs fell on the market", "dropped into a yard".
_LANDING = {"on", "onto", "upon", "into"}
# Links by which the event's words lead up to the clause that tells the event: its subject ("a bomb killed"),
# a result ("stormed ..., killing"), a coordinated verb ("killed 16 and wounded 34"), the rest of its noun
# phrase; and, under conditions (see _leads_up), a preposition, an object and an adverbial clause.
_CLAUSE_LINKS = {"nsubj", "nsubjpass", "conj", "xcomp", "compound", "amod", "pobj", "pcomp"}
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
    hurt_sides: set[str] = field(default_factory=set)  # whose wounded they count
    further: bool = False  # the sentence signals another incident or further victims
    elsewhere: bool = False  # the sentence signals another incident ("In a separate attack")
    added: bool = False  # its victims add to those counted before ("two more", "two of the wounded")
    nth: int = 0  # its one victim is told as the Nth ("a third man died"): the Nth of those counted before
    nth_dead: int = 0  # the same, of a death
    lead: bool = False  # the report's first event: its toll is the latest count the report gives
    updated_toll: bool = False  # its toll is told as a new total ("in an updated toll")
    result_state: bool = False  # the event words describe a state found afterwards ("burnt-out trucks")
    continues: bool = False  # a toll without event words of its own, for the incident just told
    source_place: bool = False  # its place is only its source's ("said Bunia's mayor"), standing in for the event's
    revised: bool = False  # the toll is a new total ("the death toll rose to seven")
    dated_by_event: bool = False  # the time hangs on the event's own words, not on "said on Monday"
    reference: bool = False  # the event words point back to an incident told before ("the attack"), with no toll
    recount: bool = False  # its toll counts victims told before ("one of the two killed was a student")
    stands_alone: bool = True  # the sentence has a toll, place or time of its own to make an incident of
    aftermath: bool = False  # suspects held over the incident told before, or forces sent after it
    suffered: bool = False  # only words of harm suffered tell it ("died of their wounds"), no act: a toll
    toll_of_reference: bool = False  # a toll for an incident a definite noun points back to ("injured in the attack")
    said_after: bool = False  # dated by the day it was said, of a deed told as before it ("said ... had repelled")
    told_before: bool = False  # dated by its own words, in the past perfect ("On March 3, gunmen had shot dead ...")
    went_on_to: bool = False  # dated by the day it went on into ("the shooting went on into the early hours of Sunday")
    in_passing: bool = False  # the event words are what something came after ("... after Monday's bombing")
    period_start: bool = False  # the event words tell when a state began ("tension has been high since a gang ...")
    headline: bool = False  # told in the report's headline: its first line, which does not end as a sentence does
    quoted: bool = False  # a speaker's words in quotation marks, with no time or place of their own
    held_again: bool = False  # arrests of people pointed back to ("The men were detained on Thursday in Mansoa")
    named_dead: bool = False  # its toll is one person named ("Lukas Iita, 29, died at the scene")
    from_homes: bool = False  # arrests made at people's homes or in raids, not at a gathering
    gravely: bool = False  # its wounded are told as badly hurt ("three were admitted with serious injuries")
    still_in_care: bool = False  # its wounded are those still in hospital ("three people remained in hospital")


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
    sources_countries: list[tuple[Span, Place]] = []  # "the Kharkiv governor said": only if the text names no other
    named: list[tuple[int, Span, Place]] = []  # each place the report names, by sentence: a district's city
    # "that day", "the next morning": counted from the last day the text told before them
    times_of: dict[int, list[tuple[Span, TimeInterval]]] = {}
    anchor = None
    scene = None  # where and when a sentence that tells no incident sets the scene of the next one
    quiet: list[int] = []  # the sentences that tell no incident of their own
    cut_off: list[tuple[Span, TimeInterval]] = []
    headings = _headings(article.text, published)
    harm = None  # a sentence that tells harm and its time but not what it was, before any incident is told
    for index, sentence in enumerate(sentences):
        # an opening without a verb that the parser cut off after a comma ("At 14:30 hrs on Sunday 1st November,
        # 2026," | "a patrol ... came under fire") passes its times on to the rest of the sentence
        times_of[sentence.start] = cut_off + find_time_expressions(sentence, published, anchor)
        # under a timeline's day heading ("Thursday, 19 November" | "Police detain six organisers ..."), a sentence
        # that names no time of its own is of that day
        heading = _heading_over(headings, sentence)
        if heading is not None and not times_of[sentence.start]:
            times_of[sentence.start] = [heading]
        cut_off = times_of[sentence.start] if sentence.text.rstrip().endswith(",") and not any(
            t.pos_ in ("VERB", "AUX") for t in sentence) else []
        anchor = day_anchor(sentence, times_of[sentence.start], anchor)
        places = [(span, place) for span, place in find_places(sentence)
                  if not _is_origin(article.text, span, place) and not _is_destination(sentence, span)]
        told, sources = _places_by_role(sentence, places)
        # not a dateline ("WINDHOEK - One man was killed ... in Katutura"): where the story was filed
        named.extend((index, span, place) for span, place in told
                     if not (span.start == sentence.start_char and span.text.isupper()))
        countries.extend((span, place) for span, place in told if place.country_iso)
        sources_countries.extend((span, place) for span, place in sources if place.country_iso)
        draft = None if _WITHDRAWN.search(sentence.text) else _event_draft(
            sentence, times_of[sentence.start], told, sources, _last_with_victims(drafts), published)
        if draft is None and harm is not None and not drafts and index - harm[0] <= _HOW_REACH:
            draft = _harm_told_first(harm, sentence, published)
            if draft is not None:  # the lead's harm, of the kind this sentence tells
                sentence_events.setdefault(harm[0], [])
                draft.sentences.append(harm[0])
                quiet.remove(harm[0])
        if draft is None and not drafts and harm is None and _WITHDRAWN.search(sentence.text) is None and (
                times_of[sentence.start] and find_casualties(sentence)):
            harm = (index, sentence, times_of[sentence.start], told, sources)
        if draft is None and drafts and _typed_by_detail(drafts[-1], sentence, index, times_of[sentence.start], told):
            sentence_events.setdefault(index, []).append(drafts[-1])
        if draft is None:
            quiet.append(index)
            # only a sentence about armed men sets a scene ("foiled an attempt by armed infiltrators", "gendarmes
            # caught up with the raiders near Ivohibe"); not "cargo ships returned to the port of Kaolack"
            here = _scene(index, told or sources, times_of[sentence.start])
            if here is not None and actor_terms.find_actor_terms(sentence, on=published):
                scene = here
            continue
        if scene is not None and _in_scene(draft, drafts, scene, index, sentence):
            _set_in_scene(draft, scene)
            # after an incident, another ground makes another incident ("Four rustlers were killed in the
            # exchange of fire that followed", near Ivohibe the next day, after the raid at Ihosy)
            draft.elsewhere = draft.elsewhere or bool(drafts) and not _same_ground(drafts[-1].place, draft.place)
        scene = None
        draft.sentences.append(index)
        draft.lead = not drafts
        draft.headline = index == 0 and not _ENDS_A_SENTENCE.search(sentence.text)
        # what a gathering was over, told before it as it happened before it
        cause = _dated_cause(sentence, times_of[sentence.start], told, sources, published) if (
            draft.event_type in ("Protests", "Riots")) else None
        if cause is not None:
            cause.sentences.append(index)
        for told_here in (d for d in (cause, draft) if d is not None):
            merged = _merge_into(drafts, told_here)
            if merged is not None:
                sentence_events.setdefault(index, []).append(merged)
    _join_later_incidents(drafts, sentence_events)
    _drop_earlier_background(drafts, sentence_events)
    for draft in drafts:
        _date_from_detail(draft, drafts, quiet, sentences, times_of)
    context = _report_country(countries) or _report_country(sources_countries)
    lead_ground = drafts[0].place.precision if drafts else None
    setting = drafts[0] if headings and lead_ground in ("place", "district", "admin1") else None
    for draft in drafts:
        if draft.place.country_iso is None and setting is not None:
            # a timeline's entries without a place of their own are where its lead set the story
            draft.place = setting.place
            draft.evidence.extend(span for span in setting.evidence if span.field == "place")
            draft.rules.append("place-of-timeline")
        if draft.place.country_iso is None and context is not None:
            span, place = context
            draft.place = Place(place.country, place.country_iso, precision="country")
            draft.evidence.append(span)
            draft.rules.append("place-from-report-context")
        _national_forces(draft, published)
        _city_of_district(draft, named, article.text)
    for draft in drafts:
        _deadly_intervention(draft)
        _disappeared(draft, drafts, sentences)
        _nth_dead_counted(draft)
    events = [_finish(article.id, number, draft) for number, draft in enumerate(drafts)]
    by_draft = {id(d): e for d, e in zip(drafts, events)}
    finder = StatementFinder(article.id, article.text, lambda s: times_of[s.start])
    main_event = events[0].id if events else None
    statements: list[StatementMention] = []
    for index, sentence in enumerate(sentences):
        event_ids = [by_draft[id(d)].id for d in sentence_events.get(index, [])]
        statements.extend(finder.sentence(sentence, event_ids, main_event))
    return [*events, *statements]


def _typed_by_detail(last: _Draft, sentence, index: int, times: list[tuple[Span, TimeInterval]],
                     told: list[tuple[Span, Place]]) -> bool:
    """Whether a sentence that tells no incident of its own (no day, no place, no toll: see :func:`_event_draft`),
    told right after a demonstration, tells a graver thing done at it, which types it in ACLED's order: "Protests
    against the tariffs ended in confrontations with police on Saturday" | "some protesters threw eggs and stones at
    the building" (a violent demonstration), "Riot police carried protesters off the road" (an intervention). Not
    one of another day or another ground, nor one that has not happened."""
    if last.sub_event_type not in DEMONSTRATION_ORDER or not last.sentences or index - max(last.sentences) > _SCENE_REACH:
        return False
    if any(interval.start != last.time.start or interval.end != last.time.end for _, interval in times):
        return False
    if last.time.start is not None and last.time.start != last.time.end:
        return False  # a strike or a camp over days: what was done on one of them is an incident of its own
    if any(not _same_ground(place, last.place) for _, place in told):
        return False
    kind = classify_event(sentence)
    if kind is None or DEMONSTRATION_ORDER.get(kind.sub_event_type, -1) <= DEMONSTRATION_ORDER[last.sub_event_type]:
        return False
    if kind.trigger is None or _unrealised(sentence, kind.trigger):
        return False
    word = next(t for t in sentence if t.idx >= kind.trigger.start)
    # not what did not happen ("saw no violence by the marchers", "no one was detained"), nor people named by what
    # others call them ("a group of rioters")
    if word.i in people_words(sentence) or word.lemma_.lower() in _CROWD_BY_DEED or _not_done(word):
        return False
    # told as the sentence's own news, not as what something came after or a claim's reason ("officers acted within
    # the law after some protesters began throwing stones"), nor as what had been done before ("had set up
    # barricades"), nor a barricade of burning tyres, which hurts nobody
    if not _main_deed(word) or _burns_a_barricade(word):
        return False
    _retype(last, kind.sub_event_type)
    last.evidence.append(kind.trigger)
    last.rules.append("typed-by-detail")
    return True


# People named by what they do at a demonstration: the word tells who they are, not what was done
_CROWD_BY_DEED = frozenset({"rioter", "protester", "protestor", "demonstrator", "looter", "marcher", "hooligan"})


_BURNT_IN_BARRICADES = frozenset({"tyre", "tire", "barricade", "tyres", "tires"})


def _burns_a_barricade(word) -> bool:
    """Whether ``word`` is the burning of tyres or a barricade: "blocked the road with burning tyres"."""
    return word.lemma_.lower() == "burn" and (word.head.lemma_.lower() in _BURNT_IN_BARRICADES or any(
        c.lemma_.lower() in _BURNT_IN_BARRICADES for c in word.children if c.dep_ == "dobj"))


def _main_deed(word) -> bool:
    """Whether ``word`` tells the deed of its sentence's main clause (or of what a source says happened): its verb,
    or the verb whose subject or object it is, is the root or joined to it, and not in the past perfect."""
    node = word
    while node.dep_ == "compound" and node.head is not node:
        node = node.head  # "Riot police removed the vehicles"
    if node.pos_ in ("NOUN", "PROPN"):
        if node.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return False
        node = node.head
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in node.children):
        return False
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    if node.dep_ == "ROOT":
        return True
    return node.dep_ in ("ccomp", "parataxis") and node.head.dep_ == "ROOT" and is_reporting_verb(node.head)


def _not_done(word) -> bool:
    """Whether the deed ``word`` names is denied: "saw no violence", "did not disperse", "no one was detained"."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for node in (word, verb) for c in node.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in verb.children)


def _city_of_district(draft: _Draft, named: list[tuple[int, Span, Place]], text: str) -> None:
    """A town that the sentence naming it places in a city ("in Brno's Kralovo Pole district", "in Finglas, north
    Dublin") places the event in that city, as ACLED does (see :func:`places.enclosing_city`). A township named
    alone ("in Katutura") stays itself. A city the text writes as the town's owner (:func:`_owns`: "Kharkiv's
    Saltivskyi district") takes it whatever its size. ``named``: the report's places, each with the index of its
    sentence; ``text``: the article's."""
    told = {(span.start, span.end) for span in draft.evidence if span.field == "place"}
    own = [(index, span) for index, span, place in named if place == draft.place and (span.start, span.end) in told]
    where = {index for index, _ in own}
    beside = [(span, place) for index, span, place in named if index in where
              and not any(_borders(text, span, start, end) for start, end in told)]
    owners = [(span, place) for span, place in beside if any(_owns(text, span, start, end) for start, end in told)]
    if draft.place.precision == "district":  # "Kasserine's Ezzouhour district"; not "Rueso district, Narathiwat"
        owners = [(span, place) for span, place in owners if text.startswith(("'s", "’s"), span.end)]
    # "the Al-Joura area of Sheikh Zuweid": called a quarter, not a village
    quartered = any(_QUARTER.search(span.text) or _QUARTER.match(text, span.end) for _, span in own)
    city = enclosing_city(draft.place, [place for _, place in beside], tuple(place for _, place in owners), quartered)
    if city is None and draft.place.precision == "admin1" and draft.place.location and quartered:
        # a quarter no table has, placed only in its region, written as a town's ("in Chilomoni township, Blantyre")
        city = next((town for span, place in beside if place.admin1_iso == draft.place.admin1_iso
                     and any(_QUARTER_OF_TOWN.fullmatch(text, end, span.start) for _, end in told)
                     for town in ([place] if place.precision == "place" else towns_named_as(place)
                                  if place.precision == "admin1" and place.location is None else [])), None)
    if city is not None:
        draft.place = city
        # the city named, or the owner read as its admin-1 ("Kharkiv's")
        draft.evidence.append(next((span for span, place in beside if _same_town(place, city)), None) or next(
            span for span, place in owners + beside if place.admin1_iso == city.admin1_iso))
        draft.rules.append("part-of-city")


def _same_town(place: Place, city: Place) -> bool:
    """Whether ``city`` is the town ``place`` names, though placed in the region of its part (see
    places.enclosing_city)."""
    return (place.location, place.country_iso, place.precision) == (city.location, city.country_iso, city.precision)


# "Kharkiv's Saltivskyi district", "the Athens district of Kypseli"; "the Saltivskyi district of Kharkiv",
# "Saltivskyi district in Kharkiv", "Pangrati, a residential neighbourhood of central Athens"
_PART_OF_TOWN = r"(?:district|neighbou?rhood|quarter|borough|suburb|township|area|ward|commune)"
_AT_THE_EDGE = re.compile(r"^,?\s+(?:an?\s+(?:[a-z-]+\s+)?[a-z]+\s+)?(?:on|at)\s+the\s+(?:[a-z-]+\s+)?"
                          r"(?:outskirts|edge|fringes?)\s+of\s+$")
_QUARTER = re.compile(rf"\s*\b{_PART_OF_TOWN}$|\s+{_PART_OF_TOWN}\b", re.IGNORECASE)  # ending the name, or after it
_QUARTER_OF_TOWN = re.compile(rf"(?:\s+{_PART_OF_TOWN})?,\s+", re.IGNORECASE)  # "Chilomoni[ township, ]Blantyre"
_OWNER_BEFORE = re.compile(rf"^(?:['’]s\s+|\s+{_PART_OF_TOWN}\s+of\s+)$")
_OWNER_AFTER = re.compile(rf"^(?:\s+{_PART_OF_TOWN})?,?\s+(?:(?:an?|the)\s+(?:[a-z-]+\s+)?{_PART_OF_TOWN}\s+)?"
                          rf"(?:of|in)\s+(?:(?:north|south|east|west|central|inner|outer)[a-z-]*\s+)?$")


def _borders(text: str, city: Span, start: int, end: int) -> bool:
    """Whether the place at ``start``-``end`` is written as lying at the edge of the city named at ``city``, a town
    beside it rather than a part of it: "Es Sénia, a commune on the southern edge of Oran", "in Es Sénia, on the
    outskirts of Oran"."""
    return end <= city.start and _AT_THE_EDGE.match(text[end:city.start]) is not None


def _owns(text: str, owner: Span, start: int, end: int) -> bool:
    """Whether the place named at ``owner`` is written as the owner of the place at ``start``-``end``: right
    before it with a possessive or a word for a part of a town and "of", or right after it with "of" or "in". Not a
    region's province or another unit no town holds ("Arequipa's Caraveli province"), nor a place that the owner is
    followed by a possessive of ("Atico, in Arequipa's Caraveli province": the region's province)."""
    if owner.end <= start:
        return start - owner.end <= 20 and bool(_OWNER_BEFORE.match(text[owner.end:start])) \
            and not _UNIT_OF_REGION.search(text, start, end)
    return end <= owner.start and owner.start - end <= 50 and bool(_OWNER_AFTER.match(text[end:owner.start])) \
        and not _POSSESSIVE.match(text, owner.end)


_POSSESSIVE = re.compile(r"['’]s\b")
_UNIT_OF_REGION = re.compile(r"\b(?:province|region|state|county|department|governorate|prefecture|oblast)s?$", re.I)


_HOW_REACH = 2  # sentences after untyped harm within which one may tell what it was


def _dated_cause(sentence, found_times: list[tuple[Span, TimeInterval]], told: list[tuple[Span, Place]],
                 sources: list[tuple[Span, Place]], published) -> _Draft | None:
    """The violent incident a gathering was over, told in passing with a day of its own: "marched in a mourning
    procession for the victims of [last Sunday's drone strike on the town's market]", "riots over [Friday's killing
    of a student]". The sentence's own incident is the gathering (see event_types.told_as_cause); this is the
    other, placed where the phrase says or else where the sentence does."""
    cause = _cause_phrase(sentence, None)
    earlier = None if cause is not None else _earlier_clause(sentence)
    if cause is None and earlier is None:
        return None
    start, end = cause or _extent(earlier)
    # "threw bottles at police on Sunday, a day after a shopkeeper was shot dead": counted back from the sentence's own
    # day ("a day after" dates it, or see _days_before_the_clause)
    times = found_times if earlier is not None else [
        (span, interval) for span, interval in found_times if start <= span.start and span.end <= end]
    kind = classify_event(sentence.doc.char_span(start, end)) if times else None
    if kind is None or kind.event_type not in POLITICAL_VIOLENCE:
        return None
    places = [(span, place) for span, place in told if start <= span.start and span.end <= end]
    draft = _event_draft(sentence, times, places or told, sources, None, published, kind=kind,
                         within=(start, end) if earlier is not None else None)
    if draft is not None:
        draft.rules.append("cause-of-gathering")
    return draft


def _earlier_clause(sentence):
    """The clause that tells what happened a counted time before the sentence's own incident: "(residents threw
    bottles at police on Sunday,) [a day after a shopkeeper was shot dead]"."""
    return next((token for token in sentence if other_time_clause(token) and after_clause(token)
                 and time_unit_of(token, ("day", "night")) is not None), None)


def _extent(clause) -> tuple[int, int]:
    """The character range of the clause about another time that ``clause`` heads."""
    words = other_time_words(clause)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _on_its_side(sentence, trigger: Span | None, casualties: list[Casualty],
                 within: tuple[int, int] | None) -> list[Casualty]:
    """The casualties of the incident ``trigger`` tells, when the sentence tells another a counted time before it:
    not the shopkeeper "shot dead" in "(residents threw bottles at police on Sunday,) a day after a shopkeeper was
    shot dead", and only he for that killing (``within``: its clause). A toll outside a clause that holds the event
    words stays theirs ("a student died on Friday, a day after police fired tear gas on a march")."""
    inside = within is not None  # keep the toll inside the clause, or outside the earlier clause
    if not inside:
        clause = _earlier_clause(sentence) if trigger is not None and casualties else None
        if clause is None:
            return casualties
        within = _extent(clause)
        if within[0] <= trigger.start < within[1]:
            return casualties
    start, end = within
    return [c for c in casualties if all((start <= span.start < end) == inside for span in c.evidence
                                         if span.field in ("fatalities", "injuries"))]


def _cause_phrase(sentence, trigger: Span | None) -> tuple[int, int] | None:
    """The character range of what the incident told by ``trigger`` was over or set off by, when the trigger lies
    outside it ("marched for the victims of [Monday's strike]", see event_types.told_as_cause)."""
    for token in sentence:
        if told_as_cause(token):
            start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
            if trigger is None or not start <= trigger.start < end:
                return start, end
    return None


def _harm_told_first(harm, sentence, published) -> _Draft | None:
    """The incident of a lead that tells harm and its time in words of no incident type ("Four UN peacekeepers were
    injured on Saturday morning when a crowd ... confronted a patrol"), typed by a sentence soon after that tells
    what was done, with no time, place or toll of its own ("Witnesses said the crowd punched and kicked the
    soldiers"): one incident, with the lead's toll, time and place."""
    kind = classify_event(sentence)
    if kind is None or kind.event_type not in POLITICAL_VIOLENCE | {"Riots"}:
        return None
    index, lead, times, told, sources = harm
    draft = _event_draft(lead, times, told, sources, None, published, kind=kind)
    if draft is not None:
        draft.rules.append("harm-told-first")
    return draft


_HEADING_WORDS = 8  # a heading is a short line ...
_ENDS_A_SENTENCE = re.compile(r"[.!?,;)\"'\u201d\u2019]\s*$")  # ... that does not end as a sentence does


def _headings(text: str, published) -> list[tuple[int, int, tuple[Span, TimeInterval] | None]]:
    """The heading lines of ``text`` (start and end offsets), each with the date it names when it is nothing but a
    date (a timeline's "Monday, 16 November"), else None ("Background", "What comes next": the day's entries are
    over). None at all unless two lines or more are dates: a single date line is the report's dateline."""
    lines, start = [], 0
    for line in text.split("\n"):
        written = line.strip()
        if written and len(written.split()) <= _HEADING_WORDS and not _ENDS_A_SENTENCE.search(written):
            interval = date_line(written, published)
            first = start + line.index(written)
            date = (Span("date", first, first + len(written), written), interval) if interval else None
            lines.append((start, start + len(line), date))
        start += len(line) + 1
    return lines if sum(date is not None for _, _, date in lines) >= 2 else []


def _heading_over(headings: list[tuple[int, int, tuple[Span, TimeInterval] | None]],
                  sentence) -> tuple[Span, TimeInterval] | None:
    """The date of the heading that ``sentence`` is written under, if the last heading before it names one; None
    for a sentence that is (part of) a heading itself."""
    over = None
    for start, end, date in headings:
        if start <= sentence.start_char < end or start < sentence.end_char <= end:
            return None
        if end > sentence.start_char:
            break
        over = date
    return over


_SAME = re.compile(r"\bsame\b", re.IGNORECASE)  # "injured in the same blast": the incident told, not a new scene
_SCENE_REACH = 3  # sentences after the scene within which the first incident told may take its place and day
_SPECIFIC = ("place", "district", "admin1", "border")


def _scene(index: int, told: list[tuple[Span, Place]], times: list[tuple[Span, TimeInterval]]):
    """``(index, place spans, day)`` of a sentence that names one specific place (and perhaps one day) but tells no
    incident of its own: "foiled an attempt by armed infiltrators to smuggle drugs in the Ruwaished area at dawn
    today". None when it names no specific place, or several."""
    specific = [(span, place) for span, place in told if place.precision in _SPECIFIC and place.country_iso]
    if len({place for _, place in specific}) != 1:
        return None  # none, or several: which one is the scene is not clear
    days = {(interval.start, interval.end): interval for _, interval in times
            if interval.precision == "day" and interval.start is not None}
    return index, specific, next(iter(days.values())) if len(days) == 1 else None


def _in_scene(draft: _Draft, drafts: list[_Draft], scene, index: int, sentence) -> bool:
    """Whether ``draft`` happens in the scene set before it: the first incident told, within _SCENE_REACH sentences
    of the lead that set it; a later one, right after a sentence between it and the incident before ("caught up
    with the raiders near Ivohibe on Monday afternoon"), unless it is only a toll or points back ("injured in the
    same blast"). Never a toll that continues the incident just told."""
    if draft.continues:
        return False
    if not drafts:
        return index - scene[0] <= _SCENE_REACH
    return (index - scene[0] == 1 and scene[0] > max(drafts[-1].sentences) and not draft.suffered
            and not _SAME.search(sentence.text))


def _set_in_scene(draft: _Draft, scene) -> None:
    """Give an incident that names no specific place of its own the place (and, undated, the day) of the sentence
    that set its scene: "Rules of engagement were applied against the outlaws, killing three of them" happened
    where the lead put the outlaws."""
    _, places, day = scene
    if draft.place.precision in _SPECIFIC:
        return
    chosen = best_place([place for _, place in places])
    if chosen is None or draft.place.country_iso not in (None, chosen.country_iso):
        return
    draft.place = chosen
    draft.evidence.extend(span for span, place in places if place == chosen)
    draft.rules.append("place-from-scene")
    if draft.time.start is None and day is not None:
        draft.time = day
        draft.rules.append("date-from-scene")


def _date_from_detail(draft: _Draft, drafts: list[_Draft], quiet: list[int], sentences, times_of) -> None:
    """The day an incident dated only by when it was said happened, told in a detail after it: "six people died after
    a night of fighting, a doctor said on Sunday evening", then "residents described men armed with knives running
    through the streets near a workers' hostel late on Saturday" (a sentence about the violence that tells no
    incident of its own, within _SCENE_REACH sentences of its first and before the next incident) dates it Saturday:
    a day at most SAID_AFTER_DAYS before the one it was said, and the only day that sentence names."""
    if draft.dated_by_event or draft.time.precision != "day" or draft.time.start is None or not draft.sentences:
        return
    first = min(draft.sentences)
    following = [d for d in drafts if d is not draft and min(d.sentences, default=first) > first]
    end = min([min(d.sentences) for d in following] + [first + _SCENE_REACH + 1])
    for index in (i for i in quiet if first < i < end):
        sentence = sentences[index]
        days = {(interval.start, interval.end): (span, interval) for span, interval in times_of[sentence.start]}
        if len(days) != 1 or not event_words(sentence):
            continue
        span, interval = next(iter(days.values()))
        if interval.precision != "day" or interval.start is None or interval.start != interval.end:
            return
        if 0 < (draft.time.start - interval.start).days <= SAID_AFTER_DAYS:
            draft.time, draft.dated_by_event = interval, True
            draft.evidence.append(span)
            draft.rules.append("date-from-detail")
        return


def _drop_earlier_background(drafts: list[_Draft], sentence_events: dict[int, list[_Draft]]) -> None:
    """An earlier incident told in passing as background to the report's own: in the past perfect, dated by its own
    words more than BACKGROUND_DAYS before the first incident ("On March 3, gunmen had shot dead three vendors at the
    same market", in a report of Monday's grenade attack there) or in another town on any day before it, or as what
    something came after, on a day before it, with no toll ("the second attack on the party in a week, after Monday
    night's bombing of its office in Plovdiv", in a report of Thursday's beating in Burgas). It is told in reports of
    its own time. So is one a state told began with, on a day before the first ("Tension has been high in the
    commune since a gang had attacked commuters at a bus station on Friday evening", in a report of Saturday's mob
    killing there)."""
    if not drafts or drafts[0].time.start is None:
        return
    first = drafts[0].time.start
    for draft in drafts[1:]:
        if draft.time.end is None:
            continue
        if draft.told_before and ((first - draft.time.end).days > BACKGROUND_DAYS or _elsewhere_before(
                drafts[0], draft)) or (
                (draft.in_passing or draft.period_start) and draft.dated_by_event and draft.time.end < first):
            _take_out(drafts, sentence_events, draft)


def _elsewhere_before(first: _Draft, draft: _Draft) -> bool:
    """Whether ``draft`` tells an incident in another town than the report's first, on a day before it ("Gunmen had
    abducted four seaweed farmers from Semporna over the weekend", in a report of Monday's raid in Lahad Datu)."""
    precise = ("place", "district")
    return (draft.time.end < first.time.start and first.place.precision in precise
            and draft.place.precision in precise and first.place.location != draft.place.location)


def _join_later_incidents(drafts: list[_Draft], sentence_events: dict[int, list[_Draft]]) -> None:
    """A reference told before its incident ("toll from Odesa attack rises" heading a live blog's latest entry,
    the incident told in an earlier entry further down) joins the first later incident of the same kind of
    disorder on the same ground, when it tells no toll or time of its own."""
    for draft in list(drafts):
        if not draft.reference or draft.fatalities or draft.injuries or draft.time.text:
            continue
        later = drafts[drafts.index(draft) + 1:]
        target = next((old for old in later if not old.is_aggregate and _disorder(old.event_type) == _disorder(
            draft.event_type) and _same_ground(old.place, draft.place)), None)
        if target is None:
            continue
        _absorb_reference(target, draft)
        _take_out(drafts, sentence_events, draft, target)


def _take_out(drafts: list[_Draft], sentence_events: dict[int, list[_Draft]], draft: _Draft,
              instead: _Draft | None = None) -> None:
    """Remove ``draft`` from the report's drafts and from the events of its sentences, where ``instead`` (the
    incident it joined) takes its place, each event once and in order."""
    drafts.remove(draft)
    for events in sentence_events.values():
        kept = (instead if event is draft else event for event in events)
        events[:] = {id(e): e for e in kept if e is not None}.values()


def _places_by_role(sentence, places: list[tuple[Span, Place]]) -> tuple[list, list]:
    """The places of ``sentence`` split in two: those of what it tells, and those in the name of who reported it,
    the speaker of a reporting verb ("the Kharkiv regional governor said") or the source of "according to" ("a
    statement released by the Guerrero attorney general's office"). A source's place only stands in for the
    event's when the sentence names no other. Where someone only spoke (:func:`_where_said`) is in neither."""
    doc = sentence.doc
    reporters = reporter_words(sentence)
    # and the participle that says whose words they are: "a statement [released by the state prosecutor's office]"
    reporters |= {t.i for i in reporters for c in doc[i].children if c.dep_ == "acl" for t in c.subtree}
    told, sources = [], []
    speakers = {head.i for head, verb in source_heads(sentence) if verb is not None} if places else set()
    for span, place in places:
        if _where_said(sentence, span, speakers) or _where_cared_for(sentence, span, speakers):
            continue
        said_by = all(t.i in reporters for t in sentence if span.start <= t.idx < span.end)
        (sources if said_by else told).append((span, place))
    return told, sources


# Verbs of speaking whose place is where someone spoke, never what they spoke of.
SPEAKING_VERBS = frozenset({"say", "tell", "speak", "address", "add", "brief"})
# Speakers whose place is where they sit, away from what they tell ("an officer in Brazzaville told EPA", "a
# security source in Bamako said"). Not "police in Kano" (the Kano police) nor "residents of Kinkala" (witnesses).
DISTANT_SPEAKERS = frozenset({"officer", "spokesman", "spokeswoman", "spokesperson", "source", "diplomat",
                              "analyst", "correspondent", "reporter"})
# Nouns for the occasion of speaking: "told a news conference in Phnom Penh", "at a briefing in Kyiv".
SPEAKING_OCCASIONS = frozenset({"conference", "briefing", "interview", "statement", "reporter", "journalist",
                                "press", "media", "broadcast", "address", "speech", "communique", "release"})


def _where_said(sentence, span: Span, speakers: set[int]) -> bool:
    """Whether the place at ``span`` is only where someone spoke: the place of a reporting verb ("said in Bamako",
    "told reporters in Ankara", "told a news conference in Phnom Penh", "speaking in Kabul") or of a speaker who
    sits there (:data:`DISTANT_SPEAKERS`: "a gendarmerie officer in Brazzaville told the agency"). Officials often
    speak in the capital of what happened elsewhere, so such a place is neither the event's nor a stand-in for it.
    A place that names whose officials they are stays a source ("police in Kano said", "the governor of Kandahar
    said"). ``speakers``: doc indices of the head nouns of the sentence's speakers (:func:`source_heads`)."""
    doc = sentence.doc
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    holder = _put_at(tokens, ("in", "at", "from"))
    if holder is None:
        return False
    if holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() in SPEAKING_OCCASIONS:
        # up from the occasion to the verb it is the object of: "told [a news conference]", "said at [a briefing]"
        while holder.dep_ in ("dobj", "dative", "pobj", "prep", "compound") and holder.head.i != holder.i:
            holder = holder.head
    if holder.pos_ == "VERB":
        # not "confirmed two deaths in Kano" nor "fighting was reported in Gao": there the place is the event's
        return holder.lemma_.lower() in SPEAKING_VERBS
    # a speaker placed where they are: "an officer in Brazzaville told EPA" (the parser may hang "told" elsewhere)
    if holder.lemma_.lower() not in DISTANT_SPEAKERS:
        return False
    after = doc[tokens.end] if tokens.end < len(doc) else None
    # "according to a military source in Bria"
    according = holder.dep_ == "pobj" and holder.head.lower_ == "to" and holder.head.head.lower_ == "according"
    return (after is not None and after.lemma_.lower() in SPEAKING_VERBS) or holder.i in speakers or according


# Where the hurt and the dead are taken, and what is done with them there: "taken to the district hospital in
# Baïbokoum", "treated at a clinic in Bangui", "died in a hospital in Goma", "bodies were taken to the morgue in Bria"
_MORGUES = frozenset({"morgue", "mortuary"})
_CARE_HOLDERS = CARE_PLACES | _MORGUES
_CARE_DOINGS = TREAT_VERBS | CARE_VERBS | TREATMENT_NOUNS | DIE_VERBS | {"remain", "stay", "lie", "receive", "transfer",
                                                                          "refer"}


def _put_at(tokens, prepositions: tuple[str, ...]):
    """The word a place's tokens are the object of one of ``prepositions`` under ("[said] in Bamako", "[the hospital]
    in Baïbokoum"), or None."""
    if tokens is None or tokens.root.dep_ != "pobj" or tokens.root.head.lower_ not in prepositions:
        return None
    return tokens.root.head.head


def _where_cared_for(sentence, span: Span, speakers: set[int]) -> bool:
    """Whether the place at ``span`` only locates a hospital or morgue that the hurt or the dead were taken to or
    treated in, or whose staff told of them ("were taken to the district hospital in Baïbokoum", "died at a clinic
    in Kaga Bandoro", "a nurse at the hospital in Baïbokoum said"): the victims were hurt elsewhere, often far
    away. A hospital struck ("shelled the hospital in Kaga Bandoro", "an attack on a clinic in Bria") is where it
    happened. ``speakers``: doc indices of the head nouns of the sentence's speakers (:func:`source_heads`)."""
    care = _put_at(sentence.doc.char_span(span.start, span.end, alignment_mode="expand"), ("in", "at", "of"))
    if care is None or care.lemma_.lower() not in _CARE_HOLDERS or care.dep_ != "pobj":
        return False
    holder = care.head.head  # "taken [to] the hospital", "a nurse [at] the hospital"
    # the dead are only ever brought to a morgue: "collecting the bodies from the mortuary in Mafeteng"
    return holder.lemma_.lower() in _CARE_DOINGS or holder.i in speakers or care.lemma_.lower() in _MORGUES


_ROAD_END = re.compile(r"\b(?:road|highway|motorway|route|railway)\s+(?:from|to|towards|between|linking)\s+(?:the\s+)?$",
                       re.I)


# "13 drones were launched at the city from Russia's Belgorod", "rockets fired from the Daynile district"
_LAUNCHED_FROM = re.compile(r"\b(?:launched|fired|flown|lobbed)\s+(?:[\w'’-]+\s+){0,4}from\s+"
                            r"(?:[A-Z][\w-]*['’]s\s+)?(?:the\s+)?"
                            r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+|\s+or\s+))*$")


def _is_origin(text: str, span: Span, place: Place) -> bool:
    """ "smugglers from Afghanistan", "a drone launched from neighbouring Afghanistan": where they came from; "a
    Britain-based war monitor", "a war monitor based in Britain": where someone is based; "the road from Aden":
    where a road leads; "drones launched at the city from Russia's Belgorod region": where what struck was
    launched; not where it happened."""
    if text.startswith("-based", span.end) or re.search(r"\bbased in\s+$", text[max(0, span.start - 12):span.start]):
        return True
    if _ROAD_END.search(text[max(0, span.start - 30):span.start]):
        return True  # "on the coastal road from Aden": a town the road leads to or from, not where it happened
    if _LAUNCHED_FROM.search(text[max(0, span.start - 80):span.start]):
        return True
    if place.precision != "country":
        return False
    before = text[max(0, span.start - 30):span.start].lower().split()
    return "from" in before[-2:]


_MOVING = {"take", "bring", "carry", "ferry", "transport", "smuggle", "travel", "sail", "head", "go", "fly", "flee",
           "cross", "move", "return", "send", "evacuate", "deport", "drive", "walk", "escape", "migrate",
           "arrive", "come", "rush", "dispatch", "deploy",  # "a police unit arrived from Dili"
           "reinforcement", "call",  # "called in reinforcements from Mandouri"
           "way", "journey", "trip", "route"}  # "on its way from Quetta to Karachi"


# People named by where they live: "residents of border villages in Tavush province", "villagers from Kirants"
_DWELLERS = frozenset({"resident", "villager", "inhabitant", "native", "family", "townspeople", "townsfolk"})


def _home_of_people(sentence, span: Span) -> bool:
    """Whether the place at ``span`` says where the villages or towns people live in lie ("a protest by residents of
    border villages in Tavush province"), not where what they did happened. Not the place they are the people of
    ("Residents of Gołąb were woken by a loud bang"): that is often where it happened."""
    inside = [t for t in sentence if span.start <= t.idx < span.end]
    roots = [t for t in inside if not span.start <= t.head.idx < span.end]
    word = roots[0] if roots else None
    for hop in range(3):
        if word is None or word.dep_ != "pobj" or word.head.lower_ not in ("of", "from", "in"):
            return False
        preposition, word = word.head.lower_, word.head.head
        if word.pos_ not in ("NOUN", "PROPN"):
            return False
        if word.lemma_.lower() in _DWELLERS:  # not "opened fire on residents in the village of Tayba"
            return hop > 0 and preposition in ("of", "from")
    return False


def _is_destination(sentence, span: Span) -> bool:
    """ "tried to take a boat carrying migrants to Puerto Rico", "the wounded were flown to Kabul", "the bus was
    travelling from Quetta", "families arrived in Macomia", "came from the direction of Lascahobas": where someone
    was going, was taken or set out from, not where it happened."""
    inside = [t for t in sentence if span.start <= t.idx < span.end]
    roots = [t for t in inside if not span.start <= t.head.idx < span.end]
    if not roots or roots[0].dep_ != "pobj":
        return False
    preposition = roots[0].head
    if preposition.lower_ == "of" and preposition.head.lemma_.lower() == "direction":
        return True  # "came from the direction of Lascahobas", "fled in the direction of the border"
    if preposition.lower_ in ("in", "at") and preposition.head.lemma_.lower() == "arrive":
        return True  # "hundreds have arrived in Macomia town since insurgents raided Quiterajo"
    return preposition.lower_ in ("to", "towards", "toward", "from") and preposition.head.lemma_.lower() in _MOVING


def _report_country(countries: list[tuple[Span, Place]]) -> tuple[Span, Place] | None:
    """The country the report is mostly about (most mentions; the first mention breaks a tie), with its first span."""
    if not countries:
        return None
    votes: dict[str, int] = {}
    for _, place in countries:
        votes[place.country_iso] = votes.get(place.country_iso, 0) + 1
    winner = max(votes, key=lambda iso: (votes[iso], -next(i for i, (_, p) in enumerate(countries) if p.country_iso == iso)))
    return next((span, place) for span, place in countries if place.country_iso == winner)


def _last_with_victims(drafts: list[_Draft]) -> _Draft | None:
    """The incident a toll without event words may continue: the last one told, but past arrests told after it to
    the latest violent incident or disorder ("students clashed with police ... On October 5, police detained 27
    students ... No one was killed, he said, but three students were admitted with serious injuries": the toll is
    the clash's). Not past a device defused ("No one was hurt in that case"), which may have a toll of its own."""
    if not drafts:
        return None
    if drafts[-1].sub_event_type != "Arrests":
        return drafts[-1]
    return next((d for d in reversed(drafts) if _disorder(d.event_type) in VICTIMS_OF_DISORDER
                 and not d.is_aggregate), drafts[-1])


def _event_draft(sentence, found_times: list[tuple[Span, TimeInterval]], told: list[tuple[Span, Place]],
                 sources: list[tuple[Span, Place]], last: _Draft | None, published=None,
                 kind: EventType | None = None, within: tuple[int, int] | None = None) -> _Draft | None:
    """The event a sentence tells, if any. ``told`` are the places of what it tells, ``sources`` those in the name
    of who reported it (:func:`_places_by_role`). ``kind``: what a later sentence says the harm told here was
    (see :func:`_harm_told_first`), instead of this sentence's own words; ``within``: the clause that tells it,
    when the sentence tells another incident besides (see :func:`_dated_cause`)."""
    kind = kind or classify_event(sentence)
    # A conflict's running toll ("bandits have killed thousands over the past decade") is background, not the
    # toll of what the sentence tells; nor are the doings it sums up ("raiding villages") an incident.
    # A side's vague claim of fighters' or soldiers' deaths is not counted beside a toll already told; when the
    # incident was told without one, the claim is its only account (see _competing_account).
    told_toll = last is not None and last.fatalities is not None
    casualties = [c for c in find_casualties(sentence) if not (told_toll and _claimed_combat_losses(sentence, c))]
    if kind is None and told_toll and last.fatalities.best is not None:
        # "I have buried many people in this area": a vague count after an exact toll is no toll of the incident
        casualties = [c for c in casualties if c.figure.best is not None or c.kind != "killed"]
    if kind is not None and kind.sub_event_type == "Arrests" and (over := _held_over(sentence, kind.trigger)):
        # "arrested two men in connection with last Saturday's shooting that left three men dead": its toll
        casualties = [c for c in casualties if not any(over[0] <= span.start < over[1] for span in c.evidence)]
    if kind is not None:
        casualties = _on_its_side(sentence, kind.trigger, casualties, within)
    running = [c for c in casualties if _running_toll(sentence, c)]
    casualties = [c for c in casualties if c not in running]
    if running and not casualties and not any(interval.precision in ("day", "week") for _, interval in found_times):
        return None
    # A toll without event words of its own is the toll of the incident just told, whether it follows one told
    # before ("two of the wounded died", "the toll rose to seven") or is the first ("The provisional toll is as
    # follows: twelve terrorists neutralised ..."); not one that points back to its victims ("condemned the
    # killings of the three workers").
    if kind is not None and kind.sub_event_type == "Peaceful protest" and casualties and last is not None and (
            last.event_type in ("Protests", "Riots")):
        kind = None  # "14 were injured ... after protesters ignored warnings": the toll of the demonstration told
    if kind is not None and kind.event_type == "Riots" and kind.trigger is not None and last is not None and (
            last.event_type in ("Protests", "Riots")) and any(
            span.field == "victims" and span.start <= kind.trigger.start < span.end
            for c in casualties for span in c.evidence):
        kind = None  # "Four rioters and two police officers received treatment": the word only names who was hurt
    # so is "No one was hurt" after any incident (a bomb defused, an office set on fire): it had no victims
    nobody = all(c.figure.best == 0 and c.victims is None for c in casualties)
    continues = (kind is None and last is not None and (_disorder(last.event_type) in VICTIMS_OF_DISORDER or nobody)
                 and bool(casualties) and not any(_definite_count(sentence, c) or c.is_aggregate for c in casualties))
    if kind is None and not continues:
        return None
    if continues:  # "Two of the wounded died overnight": a toll for the incident just told
        kind = EventType(last.event_type, last.sub_event_type, last.plover_type, last.plover_mode, last.cameo_root,
                         None, last.confidence, "toll-update")
    if kind.sub_event_type == "Peaceful protest":
        # No one is killed or hurt in what ACLED calls a peaceful protest; a toll beside one ("marched after
        # burying two of the soldiers killed on the mountain") is of the deaths it mourns or protests; but "the
        # protest ended peacefully and no one was hurt" says so of it.
        casualties = [c for c in casualties if c.figure.best == 0 and c.victims is None]
    if not casualties and _unrealised(sentence, kind.trigger):
        return None  # "vowed to retaliate", "called for protests on Friday": nothing has happened yet
    clause = _event_clause(sentence, kind.trigger, casualties)
    # "It is the third car bombing in Budva this year": the incident told, ranked in a series; the time is the series'
    said_of = not casualties and _said_of_the_incident(sentence, kind.trigger)
    if said_of:
        found_times = []
    # Without event words to hang them on, every expression may date the event; so does the opening of a sentence
    # that the parser cut off before it (see analyse_article).
    times = [(span, interval, *(time_attachment(sentence, span, clause) if clause and span.start >= sentence.start_char
                                else ("event", 1)))
             for span, interval in found_times]
    # a dateline's date is the day the report was filed ("ADDIS ABABA, June 7 (HPA) - At least 14 people were killed
    # ... on Saturday"), as a "said on" day is
    times = [(span, interval, "report" if in_dateline(sentence.doc, span) else how, steps)
             for span, interval, how, steps in times]
    day = _day_of_since_when(sentence, kind.trigger)
    if day is not None:  # "since 9 March, when residents beat a man": the beating was on 9 March
        times = [(span, TimeInterval(interval.start, interval.start, interval.precision, interval.text), "event", 1)
                 if span.start <= day.idx < span.end and interval.start is not None else (span, interval, how, steps)
                 for span, interval, how, steps in times]
    claimed = None if casualties else _claimed_incident(sentence, kind.trigger)
    if claimed is not None:  # "claimed the ambush on Sunday": the day of the claim, though hung on the noun
        times = [(span, interval, "other" if how == "event" and _hangs_on(sentence, span, claimed) else how, steps)
                 for span, interval, how, steps in times]
    cause = _cause_phrase(sentence, kind.trigger)
    if cause is not None:  # "a silent procession for the victims of [Monday's air strike]": the strike's day
        times = [(span, interval, "other" if how == "event" and cause[0] <= span.start < cause[1] else how, steps)
                 for span, interval, how, steps in times]
    backdrop = None if casualties else _backdrop_clause(sentence, kind.trigger)
    if backdrop is not None:  # "families fled when the shooting started and came back on Tuesday"
        times = [(span, interval, how if how != "event" or _hangs_on(sentence, span, backdrop) else "other", steps)
                 for span, interval, how, steps in times]
    # A place in a clause about something before ("since the Taliban returned to power in Kabul") is not the event's,
    # nor one in the name of who reported it ("the Kharkiv regional governor said"): that only locates the source.
    specific_place = any(p.precision in ("place", "district", "admin1", "border") for span, p in told
                         if not clause or time_attachment(sentence, span, clause)[0] != "history")
    # A habitual sentence ("has in recent years concentrated on attacking bases") tells of many incidents.
    trend = _trend(sentence, kind.trigger)
    if _earlier_incident_it_came_after(sentence, kind.trigger):
        return None  # "The clash came four days after gang members had killed four people": that one's background
    if last is not None and _counted_back_from_it(sentence, kind.trigger):
        return None  # "Projectiles had struck the outskirts of Smara a week earlier": after the report's incident
    if not casualties and not trend and _about_another_time(sentence, kind.trigger):
        return None  # "shops stayed shut, a week after troops were redeployed": the redeployment is background
    if not casualties and not any(how == "event" for _, _, how, _ in times) and _says_who_they_are(sentence,
                                                                                                  kind.trigger):
        return None  # "factions, some of which have pledged allegiance to the Islamic State, continue to operate"
    habitual = not casualties and (trend or _habitual(sentence, clause, times))
    # A generic one ("militants who carry out attacks") names no time, place or toll of its own; the time of
    # another clause ("prices climbed on Monday for fear of another attack") is not the event's.
    own_time = any(how in ("event", "report") or habitual and how != "history" for _, _, how, _ in times) or (
        # "Calm returned on Sunday, a day after running battles": the sentence's day dates the event words too
        bool(times) and _days_before_the_clause(sentence, kind.trigger) != 0)
    definite = not habitual and _definite_reference(sentence, kind.trigger)
    # "accused the security forces of using excessive force against young people": a charge about what was told
    accused = not casualties and not own_time and _charged_with(sentence, kind.trigger)
    reference = not casualties and definite or said_of or accused
    # "Six people are now known to have been injured in the attack": a toll for the incident pointed back to
    toll_of_reference = bool(casualties) and definite
    # Suspects held "in connection with the bombing" point back to it, as a definite reference does.
    aftermath = kind.sub_event_type == "Arrests" and _suspects_held_over(sentence, kind.trigger) or (
        not casualties and _sends_forces(kind))
    # ("groups armed with cutlasses and sticks attacked each other near the disputed site": the clash just told)
    retold = last is not None and _retold_as_brawl(last, kind.sub_event_type)
    if not casualties and not (own_time or specific_place or reference or aftermath or retold):
        return None
    # "A policeman was also killed in the attack": "also" tied to the incident told adds its victims to it
    elsewhere = _elsewhere(sentence)
    wounded = any(c.kind == "injured" for c in casualties)
    added = bool(_ADDED.search(sentence.text)) or _dead_of_the_hurt(sentence.text, casualties) or (
        not elsewhere and bool(_ALSO.search(sentence.text))) or _next_item_of_list(sentence, casualties)
    draft = _Draft(kind.event_type, kind.sub_event_type, kind.plover_type, kind.plover_mode, kind.cameo_root,
                   kind.confidence, rules=[kind.rule, actor_terms.table_version()],
                   attributed=_attributed(sentence), further=bool(_FURTHER.search(sentence.text)),
                   claimed=bool(_CLAIMED.search(sentence.text)), reference=reference,
                   updated_toll=bool(casualties) and bool(_UPDATED_TOLL.search(sentence.text)),
                   elsewhere=elsewhere, added=added,
                   result_state=_result_state(sentence, kind.trigger), continues=continues,
                   revised=continues and bool(_REVISED.search(sentence.text)),
                   recount=bool(casualties) and all(_definite_count(sentence, c) for c in casualties),
                   stands_alone=bool(casualties) or (own_time or specific_place) and not accused and not (
                       reference and _describes_someone(sentence, kind.trigger)), is_aggregate=habitual,
                   aftermath=aftermath, suffered=_suffered_only(sentence, kind.trigger),
                   toll_of_reference=toll_of_reference,
                   quoted=sentence.text.lstrip()[:1] in _OPENING_QUOTES and not (own_time or specific_place),
                   held_again=kind.sub_event_type == "Arrests" and _held_are_definite(sentence, kind.trigger),
                   in_passing=not casualties and _what_came_before(sentence, kind.trigger),
                   period_start=_since_it(sentence, kind.trigger),
                   from_homes=kind.sub_event_type == "Arrests" and _held_at_home(sentence, kind.trigger),
                   gravely=wounded and bool(_GRAVELY.search(sentence.text)),
                   still_in_care=wounded and bool(_STILL_IN_CARE.search(sentence.text)))
    if habitual:
        draft.rules.append("trend" if trend else "habitual")
    if kind.trigger is not None:
        draft.evidence.append(kind.trigger)
    # "the worst since March 2016, when 17 inmates died": the clause hangs on the point the period runs from
    times = [(span, _point_since(interval), how, steps) if _when_of_since(sentence, span, clause)
             else (span, interval, how, steps) for span, interval, how, steps in times]
    # The event's own time ("Sunday's attack", "killed ... late on Monday") over that of the report ("said on
    # Monday"); failing one, the most precise, but never one from a relative clause about something else, nor a
    # limit ("six bodies had been recovered by Sunday afternoon"), which tells when a count was made. A toll without
    # event words of its own is dated by the incident it continues: its time is that of the count, the burial or
    # the later deaths ("two of the wounded died on Tuesday").
    # the day someone died of their wounds gives way to the day they were hurt ("a man hit by a canister during
    # Saturday's protest died in hospital on Sunday": the protest was on Saturday)
    deaths = [t for t in times if _dates_a_death(t[0], sentence)]
    if len(deaths) > 1 and len(deaths) == len(times) and len({t[1].start for t in deaths}) > 1 and all(
            t[1].start for t in deaths):
        # the parser hangs both days on the death or the state: the earlier is the day of the harm ("was in critical
        # condition on Sunday after being struck by a projectile ... on Saturday evening")
        times, deaths = [min(deaths, key=lambda t: t[1].start)], []
    if deaths:
        incident = event_words(sentence)
        days_of_harm = [(span, interval, "event" if _dates_a_noun(span, sentence, incident) else how, steps)
                        for span, interval, how, steps in times if (span, interval, how, steps) not in deaths]
        if any(how == "event" for _, _, how, _ in days_of_harm):  # not only the day it was said
            times = days_of_harm
    dating = [t for t in times if t[2] == "event"] or [t for t in times if t[2] not in ("history", "bound")]
    # the day it went on into gives way to the day it began ("opened fire around 11pm on Saturday and went on
    # shooting into Sunday morning": Saturday, and on into Sunday)
    began = [t for t in dating if _went_on_into(sentence, within=t[0]) is None]
    dating = began or dating
    # of two as near, the one hung on the event word itself: "[on Thursday] buried five people killed when militants
    # raided the village [late on Tuesday night]", the parser making the raid a verb coordinated with the burial
    head = _trigger_head(sentence, kind.trigger)
    chosen = max(dating, key=lambda item: (_TIME_RANK[item[1].precision], -item[3], head is not None and _hangs_on(
        sentence, item[0], head))) if dating else None
    told_times = [interval for _, interval, how, _ in times if how == "bound"] + ([chosen[1]] if chosen else [])
    if any(_years_before(interval, published) for interval in told_times):
        return None  # "was driven out of Mogadishu in 2011", "by the end of 1972, 496 had been killed": history
    if chosen is not None and not continues:
        span, interval, how, _ = chosen
        if published is not None and interval.start is not None and (interval.start - published).days > 1:
            return None  # dated after the report ("clashes ahead of the election on Aug. 13"): not an incident yet
        shifted = how != "event" or chosen in deaths or _outside_other_time_clause(sentence, kind.trigger, span)
        if shifted and (days := _days_before_the_clause(sentence, kind.trigger)) \
                and interval.start and interval.precision == "day":
            # "mourners followed the coffins on Monday, a day after masked men shot dead spectators": Sunday; "a
            # student died on Friday, a day after police fired tear gas on a march": the march was on Thursday
            day = interval.start - dt.timedelta(days=days)
            interval = TimeInterval(day, day, "day", interval.text)
        if (how == "report" or _said_on(sentence, span)) and interval.precision == "day" \
                and interval.start == interval.end and (night := _overnight(sentence, clause)) is not None:
            # "gunmen opened fire inside a bar overnight, the agency said on Saturday": the night before that day
            interval, how = _night_before(interval.start, night), "event"
            draft.evidence.append(night)
        one_day = interval.precision == "day" and interval.start == interval.end
        onward = _went_on_into(sentence, span)  # the day the incident went on into is its own
        if onward is not None:
            how = "event"
            if one_day and _in_small_hours(w for w in sentence if onward.start <= w.idx < onward.end):
                # dated only by the small hours it went on into ("went on shooting into Sunday morning"): it began
                # the night before
                interval = TimeInterval(interval.start - dt.timedelta(days=1), interval.end, "day", interval.text)
        elif how == "event" and one_day and (
                night := _went_on_overnight(sentence) or _went_on_into(sentence, day=interval.start)) is not None:
            # "the clash began late on Wednesday ... and went on overnight", "opened fire around 11pm on Saturday
            # and went on shooting into Sunday morning": into the day after
            interval = TimeInterval(interval.start, interval.start + dt.timedelta(days=1), "day", interval.text)
            draft.evidence.append(night)
        if one_day and (length := _days_it_lasted(sentence, kind.trigger)) > 1:
            # "ended a four-day sit-in on Thursday": the four days up to Thursday
            interval = TimeInterval(interval.start - dt.timedelta(days=length - 1), interval.end, "day", interval.text)
        draft.went_on_to = onward is not None and interval.precision == "day"
        draft.time, draft.dated_by_event = interval, how == "event"
        # "said on Wednesday that troops had repelled an attack": the day it was said; the deed was before it
        before = _told_as_before(sentence, clause)
        draft.said_after, draft.told_before = before and how == "report", before and how == "event"
        draft.evidence.append(span)
        if is_anaphoric(interval):
            draft.rules.append("date-from-earlier-day")  # the day is told in the text before: see time.text
    elif chosen is None and not continues and published is not None and (night := _overnight(sentence, clause)):
        # "eight cars were set on fire overnight", dated by nothing else: the night before the report came out
        draft.time, draft.dated_by_event = _night_before(published, night), True
        draft.evidence.append(night)
    # The source's place stands in only when the sentence tells no other ("killed in a blast, Kandahar police said"),
    # and never for a toll of the incident just told ("the health ministry in Ramallah confirmed that two had died").
    own = continues or best_place([p for _, p in told]) is not None
    places, place_rule = event_places(sentence, told if own else told + sources)
    places = _places_of_listed_incident(sentence, kind.trigger, places)
    # "a protest by residents of border villages in Tavush province ... outside the parliament in Yerevan"
    places = [(span, place) for span, place in places if not _home_of_people(sentence, span)] or places
    if places:
        chosen = best_place([p for _, p in places])
        if chosen is not None:
            draft.place = chosen
            draft.source_place = not own
            draft.evidence.extend(span for span, p in places if p == chosen or p.country_iso == chosen.country_iso)
            draft.rules.extend([place_rule] if place_rule else [])
    _add_casualties(draft, casualties)
    draft.named_dead = _one_named_dead(sentence, casualties)
    # An alias means the party of the event's day ("Afghan forces" in 2020 and in 2025), else of the report's.
    terms = actor_terms.find_actor_terms(sentence, on=draft.time.start or published)
    _assign_actors(draft, terms, sentence)
    return draft


def _places_of_listed_incident(sentence, trigger: Span | None, places: list[tuple[Span, Place]]):
    """Of the places of a sentence that lists incidents ("a confrontation over a land eviction in Tocoa and the
    arrest of two armed men in Sonaguera"), those in the listed incident's own words, where it has any."""
    word = _trigger_head(sentence, trigger)
    if word is None or word.pos_ != "NOUN" or len(places) < 2:
        return places
    # its own words: its subtree, without the incidents listed after it
    later = {t.i for c in word.children if c.dep_ == "conj" for t in c.subtree}
    own = [t for t in word.subtree if t.i not in later]
    # listed beside other things, not beside people ("a drone of the army and its Islamist brigades": who sent it)
    partners = ([word.head] if word.dep_ == "conj" else []) + [c for c in word.children if c.dep_ == "conj"]
    if not partners or not people_words(sentence).isdisjoint(partner.i for partner in partners):
        return places
    inside = [(span, place) for span, place in places
              if any(t.idx <= span.start < t.idx + len(t) for t in own)]
    return inside if best_place([p for _, p in inside]) is not None else places


def _when_of_since(sentence, span: Span, clause: set[int]) -> bool:
    """Whether the time expression at ``span`` is a period "since" a point that the event's clause is the "when" of:
    "the worst riot since March 2016, when 17 inmates died in a fire" tells the deaths of March 2016."""
    if not clause or not span.text.lower().startswith("since "):
        return False
    doc = sentence.doc
    for i in clause:
        token = doc[i]
        if token.dep_ in ("relcl", "advcl") and span.start <= token.head.idx < span.end and any(
                child.dep_ == "advmod" and child.lower_ == "when" for child in token.children):
            return True
    return False


def _point_since(interval: TimeInterval) -> TimeInterval:
    """The point a "since" period runs from, at its own precision ("since March 2016": March 2016)."""
    start = interval.start
    if start is None:
        return interval
    if interval.precision == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        end = following - dt.timedelta(days=1)
    elif interval.precision == "year":
        end = start.replace(month=12, day=31)
    elif interval.precision == "week":
        end = start + dt.timedelta(days=6)
    else:
        end = start
    return TimeInterval(start, end, interval.precision, interval.text)


def _one_named_dead(sentence, casualties: list[Casualty]) -> bool:
    """Whether the sentence's only dead are one person it names ("Maria Haufiku, 52, died in hospital overnight"),
    or one it names and then calls "he" or "she" ("Corporal Julio Almonte, 29, was hit in the neck; he died at the
    hospital")."""
    dead = [c for c in casualties if c.kind == "killed"]
    if len(dead) != 1 or dead[0].figure.best != 1:
        return False
    doc = sentence.doc
    for span in dead[0].evidence:
        words = doc.char_span(span.start, span.end, alignment_mode="expand") if span.field == "fatalities" else None
        if words is not None and any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in words):
            return True
        if words is not None and len(words) == 1 and words[0].lower_ in ("he", "she") and any(
                t.ent_type_ == "PERSON" and t.i < words[0].i for t in sentence):
            return True
    return False


def _dates_a_death(span: Span, sentence) -> bool:
    """Whether the time expression at ``span`` dates a death ("died in hospital on Sunday", "succumbed on Monday") or
    the state of someone hurt ("was in critical condition on Sunday after being struck ... on Saturday")."""
    root = _root_of(span, sentence)
    if root is None:
        return False
    word = root.head.head if root.head.pos_ == "ADP" else root.head
    lemma = word.lemma_.lower()
    return lemma in DIE_VERBS or lemma in STAY_VERBS and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() == "condition" for o in c.children)
        for c in word.children)


def _dates_a_noun(span: Span, sentence, nouns: set[int]) -> bool:
    """Whether the time expression at ``span`` is the day of one of ``nouns`` ("Saturday's protest")."""
    root = _root_of(span, sentence)
    return root is not None and root.dep_ in ("poss", "compound", "npadvmod") and root.head.i in nouns


def _root_of(span: Span, sentence):
    """The syntactic head of the words at ``span``, or None where they are no run of tokens."""
    tokens = sentence.doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens.root if tokens is not None else None


def _told_as_before(sentence, clause: set[int]) -> bool:
    """Whether the event's clause is in the past perfect ("troops had repelled an attack", "had been killed"): what
    the report says of a time before its own."""
    return any(sentence.doc[i].tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had"
                                                      for c in sentence.doc[i].children) for i in clause)


def _attributed(sentence) -> bool:
    """Whether the sentence says whose account it is: "according to", a source, or a reporting verb in any form
    ("police said", "saying nine bodies had been brought in", "told reporters", "confirmed 12 deaths"); or it is
    someone's own words: a sentence that opens a quotation, whose speaker may be named only in a later sentence
    ('"We buried seven people on Tuesday. [...]" Sani Garba told reporters')."""
    return (bool(_ATTRIBUTED.search(sentence.text)) or any(is_reporting_verb(token) for token in sentence)
            or sentence.text.lstrip()[:1] in ('"', "“"))


_OTHERS = re.compile(r"\s+others\b", re.IGNORECASE)


def _claimed_combat_losses(sentence, casualty: Casualty) -> bool:
    """Whether a figure is a side's vague claim of fighters' or soldiers' deaths or wounded, told on someone's word:
    IS saying its men killed "dozens" of soldiers, a chief saying "several" of the attackers were killed, an army
    "killing and wounding dozens of enemy troops". Who fought claims the other side's losses and gives no number;
    beside a toll told, such a claim is not counted (a number is)."""
    if casualty.kind not in ("killed", "injured") or casualty.figure.best is not None:
        return False
    victims = casualty.victims or ""
    if victims.lower() in ("", "them", "those"):
        # "foiled an assault by militants and killed several of them"; not "Gunmen killed 12 people and wounded
        # several others", where those before the figure are who did it
        text = doc_text(sentence.doc)
        if not _OTHERS.match(text, max(span.end for span in casualty.evidence)):
            victims = text[sentence.start_char:min(span.start for span in casualty.evidence)]
    combatants = any(_SIDES[side].search(victims) for side in ("security", "armed"))
    return combatants and _attributed(sentence)


def _overnight(sentence, clause: set[int]) -> Span | None:
    """The word "overnight" where it dates the incident's words in the event's clause: "opened fire inside a bar
    overnight", "an overnight raid on traders"; not what happened to the victims ("two bodies had been brought in
    overnight", "were kept in hospital overnight")."""
    incident = None
    for token in sentence:
        if token.lower_ != "overnight" or token.dep_ not in ("advmod", "amod", "npadvmod"):
            continue
        incident = event_words(sentence) if incident is None else incident
        word = token.head  # in the event's clause, or in one that tells how it came about ("when gunmen opened fire")
        in_clause = word.i in clause or word.dep_ == "advcl" and word.head.i in clause
        if in_clause and (word.i in incident or word.lemma_.lower() in KILL_VERBS | INJURE_VERBS):
            return Span(TIME_FIELD, token.idx, token.idx + len(token.text), token.text)
    return None


# Verbs of going on ("went on", "continued", "lasted", "raged") that "overnight" or "through the night" carries
# into the next day
_LASTING_VERBS = frozenset({"continue", "last", "rage", "persist"})
_LASTING_PHRASAL = frozenset({"go", "drag", "carry"})  # with "on"


def _went_on_overnight(sentence) -> Span | None:
    """ "went on overnight", "continued through the night", "raged into the night": the words that carry the
    incident the sentence dates past midnight, into the next day."""
    for verb in sentence:
        if verb.pos_ != "VERB" or not _lasting(verb, on_as=("prt",)):
            continue
        for child in verb.children:
            if child.lower_ == "overnight" and child.dep_ in ("advmod", "npadvmod"):
                return Span(TIME_FIELD, child.idx, child.idx + len(child.text), child.text)
            night = next((c for c in child.children if c.dep_ == "pobj" and c.lower_ == "night"), None)
            if child.dep_ == "prep" and child.lower_ in ("through", "into", "throughout") and night is not None:
                end = night.idx + len(night.text)
                return Span(TIME_FIELD, child.idx, end, doc_text(sentence.doc)[child.idx:end])
    return None


_GOING_ON_TO = frozenset({"into", "until", "till"})
# Words of the small hours that a night's violence goes on into: "into the early hours", "until dawn"
_SMALL_HOURS = frozenset({"hours", "dawn", "daybreak", "morning", "am", "a.m."})


def _went_on_into(sentence, within: Span | None = None, day: dt.date | None = None) -> Span | None:
    """The words of the next day that the incident went on into ("the shooting went on into the early hours of
    Sunday", "lasted until after 1am on Sunday", "went on shooting into Sunday morning"): with ``within``, only
    words holding that time span (the sentence is dated by where the incident went on to); with ``day``, only words
    of the day after it (a weekday named must be that day's)."""
    for word in sentence:
        if word.lower_ not in _GOING_ON_TO or word.dep_ != "prep":
            continue
        verb = word.head
        for _ in range(3):  # "went on shooting into", "lasted until after 1am"
            if verb.pos_ == "VERB" and _lasting(verb) or verb.dep_ not in ("pcomp", "xcomp", "prep", "pobj"):
                break
            verb = verb.head
        if not (verb.pos_ == "VERB" and _lasting(verb)):
            continue
        words = list(word.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if within is not None and not (start <= within.start and within.end <= end):
            continue
        weekdays = [WEEKDAYS[t.lower_] for t in words if t.lower_ in WEEKDAYS]
        if day is not None and (weekdays != [(day.weekday() + 1) % 7] if weekdays else not _in_small_hours(words)):
            continue
        return Span(TIME_FIELD, start, end, doc_text(sentence.doc)[start:end])
    return None


def _lasting(verb, on_as: tuple[str, ...] = ("prt", "prep")) -> bool:
    """Whether ``verb`` says something went on: "continued", "lasted", "raged", "went on", "carried on" (its "on"
    parsed as one of ``on_as``)."""
    lemma = verb.lemma_.lower()
    return lemma in _LASTING_VERBS or lemma in _LASTING_PHRASAL and any(
        c.dep_ in on_as and c.lower_ == "on" for c in verb.children)


def _in_small_hours(words) -> bool:
    """Whether ``words`` name the small hours a night's violence went on into ("the early hours", "Sunday morning")."""
    return any(word.lower_ in _SMALL_HOURS for word in words)


def _said_on(sentence, span: Span) -> bool:
    """Whether the time at ``span`` is when something was said ("officials said on Friday"), however the parser hung
    the reporting verb."""
    words = [t for t in sentence if span.start <= t.idx < span.end]
    heads = [t.head for t in words if not span.start <= t.head.idx < span.end]
    return any(is_reporting_verb(head) for head in heads)


def _night_before(day: dt.date, night: Span) -> TimeInterval:
    """The night that ended on ``day``: it began the evening before, so either day may be the one it happened on."""
    return TimeInterval(day - dt.timedelta(days=1), day, "day", night.text)


def _years_before(interval: TimeInterval, published) -> bool:
    """Whether ``interval`` ended more than a year before the report was published: an event of past years that
    a report tells as background (ACLED codes each event from the reports of its own time)."""
    return published is not None and interval.end is not None and (published - interval.end).days > HISTORY_DAYS


def _spans_years(interval: TimeInterval) -> bool:
    """Whether ``interval`` runs over more than a year: what is told over it is a campaign or a trend, no incident."""
    return interval.start is not None and interval.end is not None and \
        (interval.end - interval.start).days > HISTORY_DAYS


def _running_toll(sentence, casualty: Casualty) -> bool:
    """Whether a casualty figure is a conflict's running toll (see :func:`is_background_toll`)."""
    spans = [span for span in casualty.evidence if span.field in ("fatalities", "injuries")]
    words = [t for t in sentence if any(span.start <= t.idx < span.end for span in spans)]
    return any(is_background_toll(t) or is_background_toll(t.head) for t in words)


def _event_clause(sentence, trigger: Span | None, casualties: list[Casualty]) -> set[int]:
    """Token indices of the event's words (trigger, casualty words) and of the clause above them that tells it."""
    spans = [trigger] if trigger is not None else []
    spans += [span for c in casualties for span in c.evidence if span.field in ("fatalities", "injuries")]
    words = [t for t in sentence if any(span.start <= t.idx < span.end for span in spans)]
    event_words = {t.i for t in words}
    clause: set[int] = set()
    for token in words:
        while token.i not in clause:
            clause.add(token.i)
            if not _leads_up(token, event_words):
                break
            token = token.head
    return clause


def _leads_up(token, event_words: set[int]) -> bool:
    """Whether the head of ``token`` still belongs to the clause that tells the event ``token`` is part of."""
    if token.head.i == token.i:
        return False
    if token.dep_ in ("prep", "agent"):
        # "killed in Sunday's attack", not "for fear of another attack"; "[men killed] in a gunfight": the harm the
        # event word is the occasion of belongs to it, with its time ("killed in a gunfight ... late on Sunday")
        # ("blocked the road [with burning tyres] on Sunday": the deed the means was used for)
        return token.head.i in event_words or token.head.pos_ == "VERB" and (
            token.head.lemma_.lower() in KILL_VERBS | INJURE_VERBS or token.lower_ == "with")
    if token.dep_ == "dobj":
        return not _definite(token)  # "conducted airstrikes on Monday", not "claimed the attack by Thursday"
    if token.dep_ == "advcl":
        # "stormed ..., killing seven", not "families fled [when the shooting started]"
        return "Fin" not in token.morph.get("VerbForm") and not any(c.dep_ == "mark" for c in token.children)
    return token.dep_ in _CLAUSE_LINKS


def _definite(noun) -> bool:
    """ "the attack", "this attack", "Sunday's attack", "its drones"."""
    return any(child.dep_ == "poss" or child.dep_ == "det" and ("Def" in child.morph.get("Definite")
                                                                 or "Dem" in child.morph.get("PronType"))
               for child in noun.children)


def _definite_reference(sentence, trigger: Span | None) -> bool:
    """Event words that point to an incident told elsewhere in the report: a definite noun phrase ("the attack"),
    or a headline's noun named by a place without an article ("toll from Odesa attack rises")."""
    word = _trigger_head(sentence, trigger)
    return word is not None and word.pos_ in ("NOUN", "PROPN") and (_definite(word) or _headline_noun(word))


CHARGING_VERBS = frozenset({"accuse", "blame", "charge"})


def _charged_with(sentence, trigger: Span | None) -> bool:
    """Whether the event words are what someone is accused of or blamed for ("accused the security forces of using
    excessive force against young people", "blamed the police for the violence"): a charge about the incident."""
    word = _trigger_head(sentence, trigger)
    through = False
    for _ in range(6):
        if word is None or word.head.i == word.i:
            return False
        if word.dep_ == "prep" and word.lower_ in ("of", "for"):
            through = True
        elif word.dep_ not in ("dobj", "pobj", "pcomp", "compound", "amod", "conj"):
            return False
        word = word.head
        if through and word.lemma_.lower() in CHARGING_VERBS:
            return True
    return False


def _said_of_the_incident(sentence, trigger: Span | None) -> bool:
    """Whether the event words are what a pronoun for the incident told is said to be: "It is the third car
    bombing in Budva this year", "This was the deadliest attack on the police since 2019". Their time and place
    are the series', not a new incident's."""
    word = _trigger_head(sentence, trigger)
    if word is None or word.dep_ != "attr" or word.head.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in word.head.children)


def _describes_someone(sentence, trigger: Span | None) -> bool:
    """Whether the event words lie in a clause that describes people or a thing by an incident ("Tawila has taken
    in thousands [who fled the fighting]", "families [who lost sons in the attack]"): a reference of that kind is
    background, never an incident of its own."""
    word = _trigger_head(sentence, trigger)
    incident = incident_words(sentence)
    while word is not None and word.head.i != word.i:
        described = word.head
        if word.dep_ in ("relcl", "acl") and described.pos_ in ("NOUN", "PROPN", "PRON") and described.i not in incident:
            return True
        word = word.head
    return False


def _headline_noun(noun) -> bool:
    """A singular noun with no determiner that a name qualifies, as headlines drop articles ("toll from Odesa
    attack rises", "Kabul blast"); running text says "an Odesa attack" or "the Kabul blast". The tagger often
    takes a place name before a noun for an adjective: its capital letter, not at the sentence's start, tells."""
    return noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children) and any(
        c.dep_ in ("compound", "amod") and (c.pos_ == "PROPN" or c.is_title and not c.is_sent_start)
        for c in noun.children)


def _backdrop_clause(sentence, trigger: Span | None):
    """The verb of a subordinate clause whose subject is a definite reference to the incident, when that is all
    the event words are: "families fled [when the shooting started]", "shops shut [as the fighting spread]". The
    sentence tells what others did at the time of an incident told before; None otherwise."""
    word = _trigger_head(sentence, trigger)
    if word is None or word.pos_ not in ("NOUN", "PROPN") or word.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = word.head
    if verb.dep_ != "advcl" or "Fin" not in verb.morph.get("VerbForm") or not _definite(word):
        return None
    return verb


def _claimed_incident(sentence, trigger: Span | None):
    """The event noun, when the event words are only a definite object of a verb ("IS claimed the ambush on
    Sunday", "the minister condemned the attack on Monday"): the parser hangs the verb's time on the noun,
    but the sentence tells when the incident was claimed or condemned, not when it happened. None otherwise."""
    word = _trigger_head(sentence, trigger)
    if word is None or word.pos_ not in ("NOUN", "PROPN") or word.dep_ != "dobj" or not _definite(word):
        return None
    return word


def _hangs_on(sentence, span: Span, verb) -> bool:
    """Whether the expression at ``span`` depends on ``verb`` itself ("when the attack began [at dawn]"), not on
    a verb coordinated with it, which the parser often takes for one of its own ("... and came back [on Monday]")."""
    roots = [t for t in sentence if span.start <= t.idx < span.end and not span.start <= t.head.idx < span.end]
    return any(t.head.i == verb.i or t.head.dep_ == "prep" and t.head.head.i == verb.i for t in roots)


def _held_over(sentence, trigger: Span | None) -> tuple[int, int] | None:
    """The character range of the incident an arrest is made over, when the sentence names it with a definite word
    under the arrest ("arrested two men in connection with [last Saturday's shooting in Flanker that left three
    dead]")."""
    word = _trigger_head(sentence, trigger)
    if word is None:
        return None
    incident = incident_words(sentence)
    over = next((t for t in word.subtree if t.dep_ == "pobj" and t.i in incident and _definite(t)), None)
    if over is None:
        return None
    return over.left_edge.idx, over.right_edge.idx + len(over.right_edge.text)


def _suspects_held_over(sentence, trigger: Span | None) -> bool:
    """Whether an arrest is of unnamed people held over an incident the sentence points back to with a definite
    word: "two men were detained near the scene", "police arrested three suspects over the bombing". ACLED
    codes arrests of notable people and mass or political arrests as events; suspects held after an attack
    are part of its aftermath. Someone named ("arrested opposition leader Musa Bello") keeps the arrest."""
    word = _trigger_head(sentence, trigger)  # "detained", or the noun of "the arrest of two men"
    if word is None:
        return False
    held = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    held += [p for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(h.pos_ == "PROPN" or h.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.pos_ == "PROPN"
                                                                for c in h.children) for h in held):
        return False
    held_words = {t.i for h in held for t in h.subtree}
    incident = incident_words(sentence)
    # (not a place named with a scene's word: "a search operation in the Lumumba neighbourhood of Bunia")
    return any(t.dep_ == "pobj" and t.i not in held_words and _definite(t) and (
        t.i in incident or t.lemma_.lower() in _SCENE_NOUNS and not any(
            c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children)) for t in word.subtree)


def _perfect_over_places(sentence, clause: set[int]) -> bool:
    """Event words in the perfect that act on ground in the plural: "have driven the insurgents out of several
    towns", "have retaken villages in the north". Each place taken is an incident of its own, and the perfect
    with no day of its own sums up a campaign rather than telling one of them."""
    doc = sentence.doc
    ground = None
    for verb in (doc[i] for i in clause):
        if verb.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
            continue
        ground = place_words(sentence) if ground is None else ground
        acted_on = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
        while acted_on:
            word = acted_on.pop()
            if word.dep_ == "prep":  # "out of several towns", "from villages"
                acted_on.extend(c for c in word.children if c.dep_ in ("pobj", "prep"))
            elif word.i in ground and word.tag_ == "NNS" and not _definite(word):
                return True
    return False


def _habitual(sentence, clause: set[int], times) -> bool:
    """Whether the sentence tells repeated events or a trend ("has come under repeated attack", "a spate of
    attacks in recent years", "has attacked convoys several times"), not an incident: so only when no time
    expression dates the event to a day or a week ("repeatedly attacked the base on Monday" is one incident;
    "this year" is a period)."""
    if any(how == "event" and (_TIME_RANK[interval.precision] >= _TIME_RANK["week"] or interval.precision ==
                               "unresolved" and not is_vague(interval)) for _, interval, how, _ in times):
        return False
    if any(how != "history" and (is_vague_period(interval) or _spans_years(interval)) for _, interval, how, _ in times):
        return True  # "in recent years"; "Since late 2023, the Houthis have launched missiles at Israeli targets"
    doc = sentence.doc
    if any(how == "event" and interval.precision in ("month", "year") for _, interval, how, _ in times) and any(
            c.dep_ == "aux" and c.lemma_ == "have" and doc[i].tag_ == "VBN" for i in clause for c in doc[i].children):
        return True  # "has intercepted more than 4,000 people so far this year": a running total, not an incident
    near = clause | {doc[i].head.i for i in clause}
    if any(child.dep_ in ("advmod", "amod") and _REPEATED.fullmatch(child.text) or _occasions(child)
           or _frequency(child) for i in near for child in doc[i].children):
        return True
    return (_perfect_over_places(sentence, clause) or _ongoing(sentence, clause, times)
            or _many_incidents(sentence, times))


# Nouns that count incidents by the group: "a handful of grenade incidents", "a spate of attacks".
_GROUPS_OF = frozenset({"handful", "number", "spate", "series", "string", "wave", "dozens", "scores", "hundreds"})
_MANY = frozenset({"several", "many", "numerous", "multiple", "dozens", "scores", "hundreds"})


def _many_incidents(sentence, times) -> bool:
    """Event words that count incidents over a period ("has seen a handful of grenade incidents in the past year",
    "several attacks this year", "staged protests last year"): a plural event noun with a vague count, dated by a
    period, not a day, or with none, dated by a year."""
    if not any(interval.precision in ("month", "year") or is_vague_period(interval) for _, interval, _, _ in times):
        return False
    yearly = any(interval.precision == "year" and how == "event" for _, interval, how, _ in times)
    for i in event_words(sentence):
        word = sentence.doc[i]
        if word.dep_ == "compound":
            word = word.head  # "grenade incidents"
        if word.tag_ != "NNS" or word.pos_ != "NOUN":
            continue
        # "staged protests last year": a bare plural over a year is more than one incident
        bare = not any(c.dep_ in ("det", "nummod", "poss") for c in word.children) and not (
            word.lemma_.lower().endswith(("er", "or", "ist")))  # events, not the people in them ("demonstrators")
        if yearly and bare or any(c.lower_ in _MANY for c in word.children) or (
                word.head.dep_ == "prep" and word.head.lower_ == "of" and word.head.head.lower_ in _GROUPS_OF):
            return True
    return False


def _frequency(word) -> bool:
    """A frequency on the event's words: an adverb of a period ("almost daily", "nightly"), a period taken one
    after another ("every day", "each night", "most nights") or repeated ("week after week", "day by day")."""
    if word.dep_ == "advmod":
        return word.lower_ in _PERIODIC
    if word.dep_ == "prep" and word.lower_ == "on":  # "on most days"
        word = next((c for c in word.children if c.dep_ == "pobj"), word)
    elif word.dep_ != "npadvmod":
        return False
    if word.lemma_.lower() not in _PERIODS:
        return False
    if any(c.lower_ in ("every", "each", "most") for c in word.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("after", "by") and any(
        o.dep_ == "pobj" and o.lemma_.lower() == word.lemma_.lower() for o in c.children) for c in word.children)


def _ongoing(sentence, clause: set[int], times) -> bool:
    """Event words in the perfect progressive over a long span ("has been fighting the FARC since January 2025",
    "have been clashing for months"): a conflict that goes on, many incidents rather than one. A span of a day
    or a week ("since Monday") is caught before: see :func:`_habitual`."""
    doc = sentence.doc
    for verb in (doc[i] for i in clause):
        auxiliaries = {c.lemma_.lower() for c in verb.children if c.dep_ == "aux"}
        if verb.tag_ != "VBG" or not {"have", "be"} <= auxiliaries:
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if prep.lower_ == "for" and any(o.lemma_.lower() in TIME_UNITS - {"hour"} for o in objects):
                return True  # "for months", "for the past two years"
            end = max(t.idx + len(t) for t in prep.subtree)
            if prep.lower_ == "since" and any(interval.precision in ("month", "year") and prep.idx <= span.start < end
                                              for span, interval, _, _ in times):
                return True  # "since January 2025", "since 2021"
    return False


def _occasions(word) -> bool:
    """A count of occasions on the event's words: "several times", "three times", "on at least four occasions"."""
    if word.dep_ == "prep" and word.lower_ == "on":
        word = next((c for c in word.children if c.dep_ == "pobj"), word)
    elif word.dep_ != "npadvmod":
        return False
    return word.lemma_.lower() in OCCASION_NOUNS and word.tag_ == "NNS"


# Counts without a figure that may stand for some of a group told: "several of the wounded", "most of the dead".
_VAGUE_COUNTS = frozenset({"several", "some", "many", "most", "few", "dozens", "scores", "hundreds", "all", "both"})


def _definite_count(sentence, casualty: Casualty) -> bool:
    """ "the three workers", "five of the victims", "several of the wounded", "[most of the victims had been shot]
    and two had been decapitated": a count of victims already told."""
    counts = [t for t in sentence if (t.like_num or t.lower_ in _VAGUE_COUNTS) and any(
        span.start <= t.idx < span.end for span in casualty.evidence if span.field in ("fatalities", "injuries"))]
    if any(_ordinal_of_the_counted(t) for t in sentence if any(span.start <= t.idx < span.end
                                                                for span in casualty.evidence)):
        return True
    return any(t.i > sentence.start and (t.nbor(-1).lower_ in ("the", "these", "those") or _bare_part(t))
               or _part_of_counted(t) for t in counts)


def _ordinal_of_the_counted(word) -> bool:
    """ "The sixth soldier was found dead": the one that makes up a count told (definite, with an ordinal); not "a
    second herder died", one more."""
    return (word.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in word.children)
            and any(c.dep_ == "amod" and (parse_ordinal(c.text) or 0) > 1 for c in word.children))


# The words a report counts its victims by ("the victims", "the dead"), told before a part of them
_COUNTED_VICTIMS = frozenset({"victims", "dead", "bodies", "wounded", "injured", "casualties"})


def _bare_part(number) -> bool:
    """ "Most of the victims had been shot, and two had been decapitated", "most of the dead had been shot and two
    bodies had severe burns": a number, bare or counting victims, standing as the subject of a clause joined to one
    about a group already told (the victims, the dead)."""
    subject = number.head if number.dep_ == "nummod" and number.head.lower_ in _VICTIM_WORDS else number
    if subject.dep_ not in ("nsubj", "nsubjpass") or number.tag_ != "CD" or subject.head.dep_ != "conj":
        return False
    first = subject.head.head
    told = [t for c in first.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return any(t.lower_ in _COUNTED_VICTIMS
               and any(d.lower_ in ("the", "these", "those") for d in t.children) for t in told)


# Words for people already counted as victims: "of them" after them is a part of that count
_VICTIM_WORDS = _COUNTED_VICTIMS | {"people", "others", "civilians", "persons"}


def _group_of_the_sentence(number) -> bool:
    """Whether the sentence names, before ``number``, an uncounted group of people that "of them" stands for:
    "troops clashed with insurgents ..., killing four of them" counts insurgents first told here, not victims told
    before."""
    return any(t.tag_ in ("NNS", "NNPS") and t.lower_ not in _VICTIM_WORDS
               and not any(c.like_num or c.lower_ in _VAGUE_COUNTS for c in t.children)
               for t in number.sent if t.i < number.i and t.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj"))


def _part_of_counted(number) -> bool:
    """ "five of the victims", "two of the dead", "one of the wounded was in a serious condition": some of a group
    already told. Not "two of the wounded died": deaths among the wounded add to the dead (see ``_ADDED``)."""
    for prep in (c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"):
        group = next((c for c in prep.children if c.dep_ == "pobj"), None)
        # "two of the dead", and "one of those killed", whose group is a demonstrative standing for the victims
        definite = group is not None and (_definite(group) or group.lower_ in ("those", "these", "them")
                                          and not _group_of_the_sentence(number))
        # "one of our soldiers", "two of their fighters": a side's own men, not victims already counted
        sides_own = group is not None and any(c.dep_ == "poss" and c.lower_ in _SIDES_OWN for c in group.children)
        definite = definite and not sides_own
        words = " ".join(t.text for t in prep.subtree)
        if definite and not _ADDED.search(words) and not (_OF_THE_HURT.search(words) and _told_dead(number)):
            return True
    return False


_DEATH_VERBS = DIE_VERBS | KILL_VERBS


def _told_dead(number) -> bool:
    """Whether the clause a count stands in tells deaths ("two of the wounded [died] overnight")."""
    clause = number
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    return any(t.lemma_.lower() in _DEATH_VERBS or t.lower_ == "dead" for t in clause.subtree)


def _dead_of_the_hurt(text: str, casualties: list[Casualty]) -> bool:
    """Whether the sentence counts deaths among the wounded already told ("two of the wounded died overnight")."""
    return bool(_OF_THE_HURT.search(text)) and any(c.kind == "killed" for c in casualties)


_SIDES_OWN = {"our", "their", "its", "his", "her", "my", "your"}


def _held_at_home(sentence, trigger: Span | None) -> bool:
    """Whether the arrest the event words tell was made at people's homes or in raids (``held_at_home``)."""
    word = _trigger_head(sentence, trigger)
    return word is not None and held_at_home(word)


def _what_came_before(sentence, trigger: Span | None) -> bool:
    """Whether the event words are the object of "after" or "following" ("[said it was the second attack] after
    Monday night's bombing"): what the sentence's own matter came after."""
    word = _trigger_head(sentence, trigger)
    return word is not None and word.dep_ == "pobj" and word.head.lower_ in ("after", "following") and (
        word.head.dep_ == "prep")


def _trigger_head(sentence, trigger: Span | None):
    """The word of the trigger that the rest of it hangs on ("stage" in "stage demonstrations")."""
    if trigger is None:
        return None
    words = [t for t in sentence if trigger.start <= t.idx < trigger.end]
    heads = [t for t in words if t.head.i == t.i or not trigger.start <= t.head.idx < trigger.end]
    return heads[-1] if heads else None


def _days_it_lasted(sentence, trigger: Span | None) -> int:
    """How many days a gathering said to have ended lasted: "ended a four-day sit-in", "the three-day strike was
    called off"; 0 when the sentence does not say."""
    noun = _trigger_head(sentence, trigger)
    if noun is None or noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return 0
    verb = noun.head
    ends = verb.lemma_.lower() in _ENDING or verb.lemma_.lower() == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    if not ends:
        return 0
    for day in (c for c in noun.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() == "day"):
        count = next((c for c in day.children if c.dep_ == "nummod"), None)
        number = parse_number(count.text) if count is not None else None
        if number and number <= _LONGEST_GATHERING_DAYS:
            return number
    return 0


_ENDING = frozenset({"end", "conclude", "fold", "lift", "suspend", "close"})  # "ended a four-day sit-in"
_LONGEST_GATHERING_DAYS = 60  # "ended a 40-day strike": longer runs are campaigns, not one incident's days


def _governor(noun):
    """The word a noun is an argument of: "called for [protests]", "[a march] is planned", "threats of [attacks]"."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "of", "with"):
        return noun.head.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd"):  # "called [a general strike] for Thursday"
        return noun.head
    return None


def _unrealised(sentence, trigger: Span | None) -> bool:
    """Whether the event words tell something planned, threatened, ordered, feared or to come, not done:
    "further protests would be held", "ordered police to arrest", "called for protests", "vowed to strike".
    A definite noun points back to what happened ("vowed to avenge the attack"), unless an order governs it
    ("ordered the arrest of"); "who had vowed to march" leaves the verb it hangs on ("were shot") as told."""
    word = _trigger_head(sentence, trigger)
    if word is None:
        return False
    if word.pos_ in ("NOUN", "PROPN"):
        if _for_a_day_to_come(word):
            return True
        governor = _governor(word)
        if governor is None:
            return False
        if governor.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "due" for c in governor.children):
            return True  # "the march is due to leave the town hall at 9 a.m."
        if _conditional(governor):  # "vow to stay until the agreement is cancelled"
            return True
        if _definite(word):  # "the attack was aimed at civilians", but "ordered the arrest of the suspects"
            return governor.lemma_.lower() in ("order", "demand")
        if governor.lemma_.lower() in UNREALISED:
            return True
        if governor.pos_ not in ("VERB", "AUX"):
            return False
        word = governor
    while True:
        auxiliaries = {child.lower_ for child in word.children if child.dep_ in ("aux", "auxpass")}
        if auxiliaries & _MODALS:
            return not auxiliaries & {"have", "'ve"}  # "may have been killed" tells a past event
        infinitive = "to" in auxiliaries
        if infinitive and word.dep_ in ("acl", "ROOT"):
            return True  # "protests to be held on Friday", "plans to attack"
        if infinitive and word.dep_ in ("xcomp", "advcl") and word.head.lemma_.lower() in UNREALISED:
            return True  # "vowed to strike"; "have called a strike for Monday to protest against extortion"
        if infinitive and word.dep_ == "xcomp" and word.head.lower_ == "due":
            return True  # "elders are due to meet officials on Monday"
        # what is done to some end is as real as the deed: "are due to meet on Monday to agree a schedule"
        if word.dep_ not in ("xcomp", "conj") and not (infinitive and word.dep_ == "advcl") or word.head.i == word.i:
            return False
        word = word.head  # "will try to storm", "vowed to find and arrest"


def _for_a_day_to_come(noun) -> bool:
    """Whether an event noun lies in a phrase hung on a verb of what will be done: "shopkeepers said they would close
    for the morning of the march", "will stay shut during the strike"."""
    node = noun
    while node.dep_ == "pobj" and node.head.dep_ == "prep":
        node = node.head.head
        if node.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in node.children)
    return False


def _conditional(verb) -> bool:
    """Whether ``verb`` heads a clause of what is awaited or supposed: "until the agreement is cancelled", "unless the
    arrests stop", "if the strike goes ahead"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "till", "unless", "if")
                                        for c in verb.children)


def _day_of_since_when(sentence, trigger: Span | None):
    """The date word of "since <date>, when ..." whose "when" clause holds the event words ("has faced criticism since
    9 March, when residents in Triolet beat a man"): that clause tells an incident of that day. None otherwise."""
    word = _trigger_head(sentence, trigger)
    while word is not None and word.head.i != word.i:
        if word.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in word.children):
            date = word.head
            return date if date.dep_ == "pobj" and date.head.lower_ == "since" else None
        word = word.head
    return None


def _earlier_incident_it_came_after(sentence, trigger: Span | None) -> bool:
    """Whether the event words are a clause in the past perfect that the report's incident, pointed back to, is said
    to have come after: "The clash came four days after gang members had killed four people". An earlier incident
    told in passing as background, not evidence of it."""
    word = _past_perfect_verb(sentence, trigger, ("conj",))  # "had killed four people and burned houses"
    if word is None:
        return False
    if word.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in word.children):
        return False
    main = word.head
    return any(c.dep_ in ("nsubj", "nsubjpass") and _definite(c) and c.i in incident_words(sentence)
               for c in main.children)


def _counted_back_from_it(sentence, trigger: Span | None) -> bool:
    """Whether the event words are the sentence's own verb in the past perfect, dated by counting back from the
    incident the report has told ("Projectiles had struck the outskirts of Smara a week earlier, wounding three
    civilians"): an earlier incident told in passing as background. Not a clause someone is said to have told ("police
    said gunmen had attacked the village two days earlier"), which may be the report's own incident."""
    word = _past_perfect_verb(sentence, trigger, ("conj", "advcl"))  # "had struck ..., wounding three civilians"
    if word is None or word.dep_ != "ROOT":
        return False
    return any(c.dep_ == "advmod" and c.lower_ in ("earlier", "before") and any(
        unit.dep_ == "npadvmod" and unit.lemma_.lower() in TIME_UNITS for unit in c.children) for c in word.children)


def _past_perfect_verb(sentence, trigger: Span | None, through: tuple[str, ...]):
    """The verb the event words hang on, up the ``through`` links to the verb they extend, if it is in the past
    perfect ("had killed"); else None."""
    word = _trigger_head(sentence, trigger)
    while word is not None and word.pos_ not in ("VERB", "AUX") and word.head.i != word.i:
        word = word.head  # ("on the eastern edge of Mirebalais, an attack that ...": the verb the words hang on)
    while word is not None and word.dep_ in through and word.head.pos_ in ("VERB", "AUX"):
        word = word.head
    if word is None or not any(c.dep_ == "aux" and c.lower_ == "had" for c in word.children):
        return None
    return word


def _about_another_time(sentence, trigger: Span | None) -> bool:
    """Whether the event words lie in a clause about another time than the sentence's: "since the army pulled
    out", "months after troops were redeployed". The classifier takes them only when the main clause has none.
    Not the "when" clause of "since 9 March, when ...", which tells what happened that day."""
    if _day_of_since_when(sentence, trigger) is not None:
        return False
    clause = _other_time_clause_of(sentence, trigger)
    # "a day after masked men shot dead spectators": a follow-up tells of the incident of its story; weeks or months
    # before, it is background
    return clause is not None and time_unit_of(clause, _NEAR_UNITS) is None


def _says_who_they_are(sentence, trigger: Span | None) -> bool:
    """Whether the event words are a relative clause in the present perfect inside a sentence in the present, which
    says who someone is rather than what they did that day: "Remnants of the factions, some of which have pledged
    allegiance to the Islamic State group, continue to operate in the marshes"."""
    word = _trigger_head(sentence, trigger)
    if word is None or not (word.dep_ == "relcl" or _relative_subject(word)) or not any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in word.children):
        return False
    # the sentence's own verb (the parser may make the relative clause the root, and the verb a conjunct of it)
    root = sentence.root
    main = [root] if root.i != word.i else [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return bool(main) and all(verb.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children) for verb in main)


def _relative_subject(verb) -> bool:
    """Whether a verb's subject is a relative pronoun: "which", "who", "some of which", "many of whom"."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in RELATIVE_PRONOUNS:
            return True
        if any(p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in ("which", "whom") for o in p.children)
               for p in subject.children):
            return True
    return False


def _other_time_clause_of(sentence, trigger: Span | None):
    """The clause or phrase about another time that holds the event words ("since ...", "months after ..."), if any."""
    word = _trigger_head(sentence, trigger)
    start = word.i if word is not None else None
    while word is not None:
        if other_time_clause(word) and start >= other_time_start(word):
            return word
        word = None if word.head.i == word.i else word.head
    return None


def _since_it(sentence, trigger: Span | None) -> bool:
    """Whether the event words tell when a period began: "has been high [since a gang had attacked commuters]"."""
    clause = _other_time_clause_of(sentence, trigger)
    return clause is not None and (clause.lower_ == "since" or any(
        c.dep_ == "mark" and c.lower_ == "since" for c in clause.children))


def _outside_other_time_clause(sentence, trigger: Span | None, span: Span) -> bool:
    """Whether the time ``span`` lies outside the clause about another time that holds the event words: "[on
    Sunday], a day after running battles" dates the sentence, not the battles."""
    clause = _other_time_clause_of(sentence, trigger)
    if clause is None:
        return False
    start, end = _extent(clause)
    return not start <= span.start < end


def _days_before_the_clause(sentence, trigger: Span | None) -> int:
    """How many days before the sentence's own time a clause "N days after" or "a day after" puts the event words
    ("a day after masked men shot dead spectators"); "N days before" counts forward (negative); 0 otherwise."""
    clause = _other_time_clause_of(sentence, trigger)
    unit = None if clause is None else time_unit_of(clause, ("day", "night"))
    if unit is None:
        return 0
    count = next((c for c in unit.children if c.dep_ == "nummod"), None)
    number = 1 if count is None else parse_number(count.text)
    return (number or 0) * (1 if after_clause(clause) else -1)


def _trend(sentence, trigger: Span | None) -> bool:
    """Whether the event words are the subject of a change in rate ("attacks have risen", "kidnappings
    increased") or counted by one ("a spate of bombings", "a rise in attacks", "a rise in mob violence"): a trend,
    not an incident."""
    word = _trigger_head(sentence, trigger)
    if word is None:
        return False
    while word.dep_ == "compound" and word.head.i != word.i and word.head.pos_ in ("NOUN", "PROPN"):
        word = word.head  # "mob" of "mob violence"
    if word.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in word.children):
        return word.head.lemma_.lower() in _TREND  # "attacks have risen [since the army withdrew]"
    if word.pos_ not in ("NOUN", "PROPN"):
        return False
    if word.dep_ == "nsubj" and word.head.lemma_.lower() in _TREND:
        return _changes_in_number(word.head, word)
    if word.dep_ == "nsubj" and word.head.lemma_ == "become":
        return any(child.dep_ == "acomp" and _REPEATED.fullmatch(child.text) for child in word.head.children)
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lower_ in _AGES:
        return True  # "a frontline during years of fighting": an era, not an incident
    return word.dep_ == "pobj" and word.head.lower_ in ("of", "in") and word.head.head.lemma_.lower() in _TREND


_AGES = frozenset({"years", "decades", "generations"})


def _changes_in_number(verb, subject) -> bool:
    """Whether a verb of change ("rose", "dropped", "fell", "doubled") tells how many of its subject there are
    ("attacks dropped by half", "kidnappings have risen"), not what a thing did or where it went: a verb with an
    object acts on it ("a jet dropped two bombs"), a counted subject is so many things ("a shell fell", "two
    bombs dropped"), and one that lands on something moved there ("bombs fell on the market")."""
    if any(c.dep_ in ("dobj", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in _LANDING for c in verb.children)


def _add_casualties(draft: _Draft, casualties: list[Casualty]) -> None:
    """Distinct groups in one sentence add up ("4 soldiers and 3 civilians" = 7); a total over a period stays one."""
    for kind, attribute in (("killed", "fatalities"), ("injured", "injuries")):
        figure = total_figure(casualties, kind)
        if figure is None:
            figure = next((c.figure for c in casualties if c.kind == kind), None)
        if figure is not None:
            setattr(draft, attribute, figure)
    for casualty in casualties:
        sides = draft.sides if casualty.kind == "killed" else draft.hurt_sides
        sides.update(side for side, words in _SIDES.items() if words.search(casualty.victims or ""))
        draft.victims = draft.victims or casualty.victims
        draft.incident_count = draft.incident_count or casualty.incident_count
        draft.is_aggregate = draft.is_aggregate or casualty.is_aggregate
        draft.nth = max(draft.nth, casualty.nth)
        draft.nth_dead = max(draft.nth_dead, casualty.nth if casualty.kind == "killed" else 0)
        draft.evidence.extend(casualty.evidence)


def _assign_actors(draft: _Draft, terms: list[tuple[Span, Actor]], sentence) -> None:
    """actor1 is who did it, actor2 who it was done to, read from each term's part in the parse (see
    :func:`_part_in_event`): the subject of an active verb or the agent "by X" is a doer; the subject of a
    passive verb, an object, the target of "fire on X" and the victims a toll counts are targets. A target is
    never actor1, so "three soldiers were killed when militants attacked" has the militants as actor1 and the
    soldiers as actor2, and "two policemen were killed in a blast" has no actor1. Failing a doer, the first armed
    term that plays no part stands in ("Al-Shabaab said it killed ...", "was killed in a gunfight with police");
    in a battle, failing a target, another armed term is the other side ("clashed with troops"). Who only
    reported the event ("police said", "according to the army") is no party to it, nor is an actor word that
    only describes someone with no part in the event ("an army spokesman warned"). Who met an attack that the
    sentence says whose it was ("troops fought off an assault by Ansaru") is its target, not its doer."""
    reporters = reporter_words(sentence)
    doc = sentence.doc
    victim_spans = [span for span in draft.evidence if span.field == "victims"]
    incident = incident_words(sentence)
    named = [(span, actor, doc.char_span(span.start, span.end, alignment_mode="expand")) for span, actor in terms]
    named = [(span, actor, words.root) for span, actor, words in named
             if words and actor.category is not None and not {t.i for t in words} & reporters]
    roots = {root.i for _, _, root in named}
    parts, heads = [], {}
    for span, actor, root in named:
        if any(c.i in roots and c.dep_ in _MODIFIER_DEPS for c in root.children):
            continue  # "Taliban militants": the group that names them is the actor
        if any(v.start <= span.start < v.end for v in victim_spans):
            part = "target"
        else:
            part = _part_in_event(root, incident, roots)
        if part not in ("modifier", "source"):
            parts.append((part, span, actor))
            heads[span] = root
    parts = _attacker_before_defender(parts, heads, incident)
    armed = [(p, s, a) for p, s, a in parts if a.category != "civilians"]
    doer = next(((s, a) for p, s, a in armed if p == "doer"), None) or next(
        ((s, a) for p, s, a in armed if p is None), None)
    if doer is not None:
        draft.actor1 = doer[1]
        draft.evidence.append(replace(doer[0], field="actor1"))
    others = [(p, s, a) for p, s, a in parts if doer is None or a.canonical != doer[1].canonical]
    if draft.event_type == "Battles":  # the other side: whom the doer fought, or another armed party
        others = [(p, s, a) for p, s, a in others if a.category != "civilians"] or others
        target = next(((s, a) for p, s, a in others if p == "target"), None) or next(
            ((s, a) for _, s, a in others), None)
    elif draft.event_type in POLITICAL_VIOLENCE | {"Riots"} or draft.sub_event_type in _FORCE_ON_PROTESTS:
        target = next(((s, a) for p, s, a in others if p == "target"), None) or next(
            ((s, a) for p, s, a in others if a.category == "civilians" and p is None), None)
    else:  # an arrest, a peaceful march: who was named as acted on is no victim
        target = next(((s, a) for p, s, a in others if a.category == "civilians" and p != "doer"), None)
    if target is not None:
        draft.actor2 = target[1]
        draft.evidence.append(replace(target[0], field="actor2"))


def _attacker_before_defender(parts: list[tuple], heads: dict, incident: set[int]) -> list[tuple]:
    """ "Troops fought off an assault by Ansaru fighters", "police foiled a JNIM attack": the doer named in the
    attack noun made the attack; the subject of the verb that takes that attack as its object only met it, and is
    its target (ACLED's actor2)."""
    attacks = [_attack_named_by(heads[span], incident) for part, span, _ in parts if part == "doer"]
    met = {noun.head.i for noun in attacks if noun is not None and noun.dep_ == "dobj"}  # the verbs that met them
    if not met:
        return parts
    return [("target" if part == "doer" and _clause_subject_of(heads[span], met) else part, span, actor)
            for part, span, actor in parts]


def _attack_named_by(word, incident: set[int]):
    """The event noun whose doer the actor word names, or None: "an assault by X", and "X's attack on ...", "a JNIM
    raid on ..." (with a target, which tells an act from a thing the group owns: "an army tank")."""
    while word.dep_ in _MODIFIER_DEPS and word.head.i != word.i:
        noun = word.head
        if noun.i in incident and noun.pos_ == "NOUN":
            aimed = any(c.dep_ == "prep" and c.lower_ in _TARGET_PREPOSITIONS for c in noun.children)
            return noun if aimed else None
        word = noun
    by = word.head
    if word.dep_ == "pobj" and by.lower_ == "by" and by.head.pos_ == "NOUN" and by.head.i in incident:
        return by.head
    return None


def _clause_subject_of(word, verbs: set[int]) -> bool:
    """Whether the actor word is (part of) the subject of one of ``verbs``: "Malian troops repelled ..."."""
    while word.dep_ in _MODIFIER_DEPS and word.head.i != word.i:
        word = word.head
    return word.dep_ == "nsubj" and word.head.i in verbs


def _national_forces(draft: _Draft, published) -> None:
    """Unnamed state forces ("security forces", "two policemen") are those of the country where the event
    happened, once its place is known (ACLED's convention); forces the text gave a country keep it."""
    day = draft.time.start or published
    draft.actor1 = actor_terms.national_actor(draft.actor1, draft.place.country_iso, day)
    draft.actor2 = actor_terms.national_actor(draft.actor2, draft.place.country_iso, day)


# Links by which a word describes the noun it hangs on: "police chief", "Taliban sniper", "the army's raid".
_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
# Protests in which the authorities acted on the protesters: those are actor2.
_FORCE_ON_PROTESTS = {"Protest with intervention", "Excessive force against protesters"}
# "X was the target": a subject said to be what the event was aimed at.
_TARGET_NOUNS = {"target", "victim", "casualty"}
# Prepositions whose object the event was aimed at: "fire on protesters", "an attack against police".
_TARGET_PREPOSITIONS = {"on", "at", "against", "upon", "targeting"}
# Prepositions whose object belongs to the noun above: "members of the police", "fighters from ISWAP".
_MEMBER_PREPOSITIONS = {"of", "from", "among", "including"}


def _part_in_event(word, incident: set[int], actor_words: set[int]) -> str | None:
    """The part the actor term headed by ``word`` plays: ``"doer"``, ``"target"``, ``None`` (no part the parse
    shows), ``"source"`` for who only told of it ("the toll announced by the army"), or ``"modifier"`` for an
    actor word that only describes a noun the event words do not govern ("a police chief warned"). A term inside
    another noun phrase plays that phrase's part ("killed by a Taliban sniper", "stormed a police post")."""
    modifies = False
    while True:
        if word.dep_ in _MODIFIER_DEPS and word.head.i != word.i:
            if word.head.i in incident:
                return "doer"  # "a Taliban ambush", "the army's raid"
            modifies, word = modifies or word.head.i not in actor_words, word.head
        elif word.dep_ == "npadvmod" and word.head.tag_ == "VBN" and word.head.dep_ == "amod":
            word = word.head  # "a Taliban-planted mine": the name is the doer of what the noun did
        elif word.dep_ in ("conj", "appos") and word.head.pos_ in ("NOUN", "PROPN", "PRON"):
            word = word.head
        elif word.dep_ == "pobj" and word.head.lower_ in _MEMBER_PREPOSITIONS and word.head.head.i != word.head.i:
            owner = word.head.head
            if owner.i in incident and word.head.lower_ == "of":
                return "target"  # "the killing of three soldiers"
            word = owner
        else:
            break
    part, governor = None, word.head
    if word.dep_ == "pobj" and (word.head.dep_ == "agent" or word.head.lower_ == "by"):
        part, governor = "doer", word.head.head
    elif word.dep_ == "pobj" and word.head.lower_ in _TARGET_PREPOSITIONS:
        part, governor = "target", word.head.head
    elif word.dep_ in ("nsubjpass", "dobj", "iobj"):
        part = "target"
    elif word.dep_ == "nsubj" and governor.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in _TARGET_NOUNS for c in governor.children):
        part = "target"  # "an army convoy was the target"
    elif word.dep_ == "nsubj":
        part = "doer"
    frames = any(c.dep_ in ("ccomp", "parataxis") for c in governor.children)
    if part == "doer" and is_reporting_verb(governor) and not frames:
        return "source"  # "the toll announced by the army": who told it, not who did it
    if part == "doer" and frames:
        part = None  # the subject of a verb that frames a clause: "a spokesman said [militants attacked]"
    speech = speech_verbs().get(governor.lemma_.lower())
    if part == "target" and speech == "ACCUSE":
        part = "doer"  # "officials blamed the RSF", "the attack was blamed on militants"
    told = governor.i in incident or any(c.dep_ == "nsubj" and c.i in incident for c in governor.children)
    if modifies and not (part == "doer" and speech is None or part == "target" and told):
        return "modifier"  # "an army spokesman warned", "unfurled an Islamic State banner", not "hit an army convoy"
    return part


def _more_precise(new: Figure, old: Figure) -> bool:
    """A stated number beats a vague word ("three" over "several", "at least 23" over "dozens")."""
    if new.best is None or old.low == old.high and old.best is not None:
        return False
    return new.low == new.high or old.best is None


# -- merging mentions of one incident inside a report ---------------------------------------------------

def _merge_into(drafts: list[_Draft], new: _Draft) -> _Draft | None:
    """The draft ``new`` ends up in: an earlier one of the same incident, or ``new`` itself; None for a
    reference back to an incident ("the attack") that none of the earlier drafts is and that tells nothing new."""
    if new.reference and (referent := _referent(drafts, new)) is not None:
        _absorb_reference(referent, new)
        return referent
    if new.recount and (referent := _counted_referent(drafts, new)) is not None:
        _absorb_reference(referent, new, rule="definite-count")
        return referent
    if new.recount and (whole := _whole_of_part(drafts, new)) is not None:
        new.fatalities = new.injuries = None  # "two had been decapitated": some of the dead told, no new toll
        _absorb_reference(whole, new, rule="part-of-count")
        return whole
    if new.reference and not new.stands_alone:
        return None
    if new.aftermath and (referent := _aftermath_of(drafts, new)) is not None and not _held_another_day(referent, new):
        _absorb_aftermath(referent, new)
        return referent
    if new.aftermath and not new.stands_alone:
        return None
    if new.held_again and drafts and _arrests_told_again(drafts[-1], new):
        _absorb(drafts[-1], new)  # its own day and place are the arrests', where the first told them by no day
        drafts[-1].place, drafts[-1].time, drafts[-1].dated_by_event = new.place, new.time, True
        drafts[-1].rules.append("arrests-told-again")
        return drafts[-1]
    for old in drafts:
        if _same_incident(old, new):
            _absorb(old, new)
            return old
    # The incident just told: a habit or a trend told in between without a toll ("the group has attacked convoys
    # several times this year") is background; a toll over a period ("five killed in the past week") is not.
    foreground = [draft for draft in drafts if not _background(draft)]
    # a toll continues the incident it was read against, past arrests told after it
    last = _last_with_victims(foreground) if new.continues else (foreground[-1] if foreground else None)
    if last is not None and new.continues and new.added and not new.elsewhere and (
            last.fatalities is not None or last.injuries is not None):
        _absorb_detail(last, new)  # "- Nurses hurt in the crush: 3" after "- Nurses treated for wounds: 4": more hurt
        return last
    if last is not None and _one_of_the_dead(last, new):
        new.fatalities = None  # "Lukas Iita, 29, died at the scene": one of the dead counted, no new toll
        _absorb_reference(last, new, rule="named-dead")
        return last
    if last is not None and _competing_account(last, new):
        _absorb_account(last, new)
        return last
    if last is not None and _detail_of(last, new):
        _absorb_detail(last, new)
        return last
    if last is not None and _part_of_demonstration(last, new):
        if new.sub_event_type == "Arrests":
            _absorb_aftermath(last, new)
        else:
            _absorb_detail(last, new)
            if new.sub_event_type != "Armed clash":
                last.rules.append("force-at-demonstration")
        return last
    if last is not None and _headline_of_lead(drafts, new):
        # "Police detain 31 as villagers block avenue outside parliament", then "Police detained 31 people on
        # Tuesday as they broke up a protest": the headline's arrests were made at the demonstration its lead tells;
        # "Two killed as police open fire on drivers' blockade", then "Two men were killed ... when police opened fire
        # on drivers who had blocked the roads in protest": the lead's words type it
        _retype(last, new.sub_event_type)
        if last.place.country_iso != new.place.country_iso and new.place.country_iso is not None:
            last.place = new.place  # the lead's place, not a far one the headline's name was read as
        _absorb(last, new)
        last.rules.append("headline-of-lead")
        return last
    if new.continues:
        return None
    if new.quoted and last is not None and _no_more_hurt(last, new):
        return None  # a speaker retelling the incident just told: "we must tell his mother why the police killed him"
    # "Six people are now known to have been injured in the attack": when no rule above took it, another count of
    # the victims of the incident it names, which widens the figures as another account does
    told = [draft for draft in drafts if not draft.reference]  # not one that itself waits for its incident
    if new.toll_of_reference and not new.elsewhere and (referent := _referent(told, new)) is not None:
        # (victims it adds to those counted, as a fact box's next item does, add to the toll)
        (_absorb_detail if new.added else _absorb_account)(referent, new)
        referent.rules.extend(r for r in ["definite-reference"] if r not in referent.rules)
        return referent
    drafts.append(new)
    return new


_OPENING_QUOTES = ('"', "“", "‘", "'")


def _no_more_hurt(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells no more dead or hurt than ``old`` has (none where ``old`` has no figure)."""
    return all(theirs is None or mine is not None and (theirs.low or 0) <= (mine.high or mine.low or 0)
               for mine, theirs in ((old.fatalities, new.fatalities), (old.injuries, new.injuries)))


def _sends_forces(kind) -> bool:
    """Whether the event words send or deploy forces ("we have deployed additional personnel", "reinforcements
    were sent"): after an incident, the response to it, part of its aftermath as the arrest of suspects is
    (ACLED codes the incident, not the patrols sent after it); told alone, with a time or place of its own, an
    event of its own."""
    if kind.sub_event_type != "Change to group/activity" or kind.trigger is None:
        return False
    return kind.trigger.text.lower().startswith(_SENDING)


def _elsewhere(sentence) -> bool:
    """Whether the sentence signals another incident ("In a separate attack", "elsewhere", "another"). "Also" does
    only when nothing ties the sentence to the incident told: "The gunmen also set fire to granaries" and "A
    policeman was also killed in the attack" tell more of it, and add their victims to it."""
    # a capital inside the sentence makes the word part of a name: "the army's Second Army Region"
    words = {match.group(0).lower() for match in _ELSEWHERE.finditer(sentence.text)
             if (match.start() == 0 or not match.group(0)[0].isupper())
             and not _another_victim(sentence, sentence.start_char + match.start())}
    return bool(words) and (words != {"also"} or not _tied_to_the_incident(sentence))


def _another_victim(sentence, offset: int) -> bool:
    """ "A third man had died of his injuries", "a second body was found": an ordinal counting one more of the
    victims, not another incident ("a second attack")."""
    word = next((t for t in sentence if t.idx == offset), None)
    if word is None or word.dep_ != "amod" or parse_ordinal(word.text) is None:
        return False
    victim = word.head
    harm = DIE_VERBS | KILL_VERBS | INJURE_VERBS
    return (victim.lemma_.lower() in PERSON_NOUNS | DEATH_NOUNS | CORPSE_NOUNS
            or victim.dep_ in ("nsubj", "nsubjpass") and victim.head.lemma_.lower() in harm)


def _tied_to_the_incident(sentence) -> bool:
    """Whether the sentence points back to the incident told: its doers by a definite noun or a pronoun as the
    subject ("The gunmen", "the attackers", "they"), or the incident by a definite noun ("in the attack")."""
    if _THE_INCIDENT.search(sentence.text):
        return True
    for token in sentence:
        if token.dep_ != "nsubj":
            continue
        if token.lower_ == "they" or token.lemma_.lower() in _DOER_NOUNS and _pointed_back(token):
            return True
    return False


def _held_are_definite(sentence, trigger: Span | None) -> bool:
    """Whether those an arrest word holds are pointed back to: a definite noun or a pronoun as its object or passive
    subject ("The men were detained", "police held them")."""
    word = _trigger_head(sentence, trigger)
    if word is None:
        return False
    held = [c for c in word.children if c.dep_ in ("nsubjpass", "dobj")]
    return any(c.lower_ in ("they", "them") or c.pos_ == "NOUN" and _pointed_back(c) for c in held)


def _pointed_back(noun) -> bool:
    """Whether ``noun`` points back to people told before: "the gunmen", "these men", "those arrested"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children)


def _arrests_told_again(old: _Draft, new: _Draft) -> bool:
    """Whether ``new``, arrests of people pointed back to, tells again the arrests just told in ``old`` with their
    day and place, where ``old`` gave no day of its own (only the day it was said)."""
    return (old.sub_event_type == "Arrests" and not old.dated_by_event and not new.elsewhere
            and not old.is_aggregate and not new.is_aggregate
            and len({old.place.country_iso, new.place.country_iso} - {None}) < 2)


def _aftermath_of(drafts: list[_Draft], new: _Draft) -> _Draft | None:
    """The incident that suspects were held over or forces sent after: the latest violent one or riot told before in
    the same country (the police who hold them may speak from another town)."""
    for old in reversed(drafts):
        if not old.is_aggregate and _disorder(old.event_type) in ("political violence", "Riots") and len(
                {old.place.country_iso, new.place.country_iso} - {None}) < 2:
            return old
    return None


def _held_another_day(old: _Draft, new: _Draft) -> bool:
    """Whether suspects were held on a day and in a town of their own, told by the arrest's own words, that are not
    those of the incident they are held over ("arrested two suspects in Domel on Thursday in connection with the
    bombing ... a day earlier"): an arrest event of its own, as ACLED codes a raid made after an attack. Men held
    near the scene the next day are the incident's aftermath."""
    return (new.sub_event_type == "Arrests" and new.dated_by_event and new.time.start is not None
            and (old.time.start is None or (old.time.start, old.time.end) != (new.time.start, new.time.end))
            and new.place.precision in ("place", "district") and new.place.location is not None
            and new.place.location != old.place.location)


def _absorb_aftermath(old: _Draft, new: _Draft) -> None:
    """Join an arrest of suspects or forces sent after it to its incident as a detail: its words stay evidence; its
    time, place and actors (the police) are those of the response, not of the incident."""
    new.time, new.place, new.actor1, new.actor2 = _UNRESOLVED_TIME, _NO_PLACE, None, None
    new.evidence = [span for span in new.evidence if span.field == "event_type"]
    rule = "aftermath-arrest" if new.sub_event_type == "Arrests" else "aftermath-response"
    _absorb(old, new)
    old.rules.extend(r for r in [rule] if r not in old.rules)


def _background(draft: _Draft) -> bool:
    return draft.is_aggregate and draft.fatalities is None and draft.injuries is None


def _one_of_the_dead(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells how one named person of the incident's dead died ("Two people have died ...", then
    "Maria Haufiku died in hospital overnight"): one of those counted, on the same ground, not another toll nor
    another account of it."""
    return (new.named_dead and not (new.added or new.elsewhere or new.further or new.is_aggregate or old.is_aggregate)
            and old.fatalities is not None and (old.fatalities.low or 0) >= 2
            and _disorder(old.event_type) == _disorder(new.event_type) and _places_agree(old.place, new.place))


def _competing_account(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` is another source's toll for the incident just told ("Taliban claimed 4 were killed").

    Only right after the incident, from a sentence that names its source, gives a toll of
    its own, names no time or place of its own that differs, and says nothing of another
    incident or further victims ("In another attack", "were also killed"). When the incident
    was told without a toll ("fought off an assault"), the account is its only one. A plain
    report of the other side's dead ("2 soldiers were killed ... officials said 3 militants
    were killed") adds to the toll; a disputed claim ("the Taliban claimed") or a count of
    the same side's dead competes with it.
    """
    if not new.attributed or new.further or new.added or new.revised or new.is_aggregate or old.is_aggregate:
        return False
    if new.nth_dead > 1:
        return False  # "villagers said an eighth person was found dead": one more of the dead, not another toll
    if not new.claimed and old.sides and new.sides and not old.sides & new.sides:
        return False
    if new.fatalities is None:
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
        if attribute == "injuries" and _some_of_the_wounded(new, theirs, mine):
            continue
        setattr(old, attribute, _widened(mine, theirs, mine.best))
    _take_fuller_victims(old, new)
    old.evidence.extend(new.evidence)
    old.rules.extend(r for r in [*new.rules, "competing-account"] if r not in old.rules)
    old.sentences.extend(new.sentences)


def _some_of_the_wounded(new: _Draft, theirs: Figure, mine: Figure) -> bool:
    """Whether ``new``'s wounded, fewer than those counted before, are the badly hurt among them ("two were in a
    critical condition") or those still in care ("three people remained in hospital"), not another count of them."""
    return (new.gravely or new.still_in_care) and _fewer(theirs, mine)


def _fewer(part: Figure, whole: Figure) -> bool:
    """Whether ``part`` is an exact count below the lowest figure of ``whole``."""
    return part.best is not None and part.low == part.best and whole.low is not None and part.best < whole.low


def _widened(first: Figure, other: Figure, best: int | None) -> Figure:
    """Two accounts of one toll as one figure: the lowest figure either gives, and as the high the highest ceiling
    either reports (:func:`storyline.records.highest_ceiling`, as the fuse stage does across reports)."""
    lows = [v for v in (first.low, other.low) if v is not None]
    high = highest_ceiling((first, other))
    low = min(lows) if lows else None
    if best is not None and not ((low is None or low <= best) and (high is None or best <= high)):
        best = None
    return Figure(low, best, high, first.text)


def _one_more_dead(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells one death as the Nth where ``old`` counts N - 1 or more ("an eighth person ... was found
    dead on Monday", after a toll of seven), on ground that agrees: one more of its dead, whenever found."""
    if old.fatalities is None or new.fatalities is None or new.nth_dead <= 1 or new.fatalities.best != 1:
        return False
    return (old.fatalities.high or old.fatalities.low or 0) >= new.nth_dead - 1 and _places_agree(old.place, new.place)


def _detail_of(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells a part or a consequence of the incident just told, ``old``: the other side's dead
    in the same fight ("troops fought back and several attackers were killed"), wounded who died later
    ("two of the wounded died overnight"), or damage and looting during it ("gangs who had looted shops";
    ACLED codes those as part of the riot or attack). Not when the sentence tells of another incident ("In a
    separate attack", "elsewhere"), names a different place, or dates itself to another time, unless it only
    describes what was found afterwards ("burnt-out trucks were lying by the road on Monday")."""
    if new.elsewhere or new.claimed or new.is_aggregate or old.is_aggregate:
        return False
    if _one_more_dead(old, new):
        return True
    toll = new.suffered and not new.dated_by_event and bool(new.fatalities or new.injuries)
    done_before = _day_it_was_done(old, new)  # its day, where ``old`` has only the day its toll was told
    if new.sub_event_type == "Looting/property destruction":
        if old.event_type not in POLITICAL_VIOLENCE | {"Riots", "Protests"}:
            return False
    elif toll:  # "a student and a trader died of their wounds in hospital": victims of whatever was told
        if not (old.fatalities or old.injuries or old.event_type in POLITICAL_VIOLENCE):
            return False
    elif not (old.event_type == new.event_type and old.event_type in POLITICAL_VIOLENCE and
              (new.fatalities or new.injuries)) and not _heard_of_it(old, new) and not _brawl_told_of(old, new) \
            and not _how_it_was_done(old, new) and not done_before:
        return False  # a gun battle told after a bombing is another incident more often than not
    # where the wounded were taken ("to hospital in Gusau") need not be where they were hurt
    if not (_same_ground(old.place, new.place) or toll and _places_agree(old.place, new.place)):
        return False
    if new.result_state:
        return True
    # Its own time words vaguer than the incident's ("Last week, gunmen shot dead ..." after "late on Saturday")
    # date another incident in the same span: a part of the incident would be told at its time or at none.
    vaguer = new.dated_by_event and 0 < _TIME_RANK[new.time.precision] < _TIME_RANK[old.time.precision]
    return (_times_overlap(old.time, new.time) or done_before) and not vaguer


# Who may clash with a crowd without making the clash a battle: the police, the crowd itself.
_CROWD_SIDES = frozenset({"state forces", "rioters", "protesters", "civilians"})


_ARREST_WORDS = re.compile(r"\b(?:arrest|detain|detention|held|round(?:ed)? up)", re.I)


def _arrests_told(draft: _Draft) -> bool:
    """Whether the event words of ``draft`` tell arrests ("counted more than 40 arrests")."""
    return any(span.field == "event_type" and _ARREST_WORDS.search(span.text) for span in draft.evidence)


def _part_of_demonstration(old: _Draft, new: _Draft) -> bool:
    """Whether ``new``, told right after a demonstration ``old``, is part of it: clashes with no armed group named
    ("Clashes continued into the early hours of Wednesday": the crowd and the police, until the next day), or
    arrests made at it ("Security forces used tear gas and made several arrests", "nine people had been
    arrested"), or a riot's crowd dispersed, on the same ground and the same day or the next (ACLED codes the
    demonstration, with its intervention, not a battle or an arrest beside it). Not what the sentence says happened
    elsewhere."""
    if old.event_type not in ("Riots", "Protests") or old.is_aggregate or new.is_aggregate or new.elsewhere:
        return False
    if new.sub_event_type == "Armed clash":
        parties = [actor for actor in (new.actor1, new.actor2) if actor is not None]
        # a death with no side named ("died of a head wound from a canister fired at close range") is the
        # demonstration's toll; a clash of named sides that kills is an incident of its own
        if any(actor.category not in _CROWD_SIDES for actor in parties) or new.fatalities and parties:
            return False
    elif new.event_type in POLITICAL_VIOLENCE and old.event_type == "Protests":
        # "at least 16 people were injured by police fire", "hit by a grenade fired from a few metres away": the
        # force used on the protest told, by its police or by no one named, not another incident
        if old.sub_event_type == "Violent demonstration" or any(
                actor is not None and actor.category != "state forces" for actor in (new.actor1, new.actor2)):
            return False
    elif new.sub_event_type == "Protest with intervention":
        # "a crowd beat a man ...", then "police fired into the air to disperse the crowd": the crowd told, broken up;
        # "security forces fired on a demonstration", then "it had also counted more than 40 arrests in the hours
        # after the protest": the protest told, and the arrests made at it
        if old.event_type != "Riots" and not (old.sub_event_type == "Excessive force against protesters"
                                              and _arrests_told(new)):
            return False
    elif new.sub_event_type != "Arrests" or new.from_homes:
        return False
    if not _same_ground(old.place, new.place):
        return False
    if not new.time.text or new.time.start is None or old.time.end is None:
        return True
    return 0 <= (new.time.start - old.time.end).days <= 1


def _headline_of_lead(drafts: list[_Draft], new: _Draft) -> bool:
    """Whether the report's only draft so far is its headline's, with no day, and ``new``, told in the lead right
    after it, is the same incident told more fully: a demonstration at which the headline's arrests were made, or
    an incident of another type with the same toll of dead in the same place, or one that gives no toll at all in
    that place ('"They shot at us": Port-Gentil residents count their dead')."""
    if len(drafts) != 1 or new.elsewhere or not new.sentences or new.sentences[0] > _LEAD_AFTER_HEADLINE:
        return False
    old = drafts[0]
    if old.time.precision != "unresolved" or not old.headline or old.sentences != [0]:
        return False
    if old.sub_event_type == "Arrests":
        return not old.from_homes and new.sub_event_type in DEMONSTRATION_ORDER
    if old.fatalities is None and old.injuries is None:
        # (not one that points back to an incident, "toll from Odesa attack rises": see _join_later_incidents)
        return not old.reference and _same_ground(old.place, new.place)
    # (the headline's place read as one abroad, "Havana residents say three killed" over a lead in Windhoek's Havana
    # settlement, is the lead's: a headline tells the lead's toll of its own incident)
    return (old.event_type != new.event_type and _same_count(old.fatalities, new.fatalities)
            and old.fatalities.best >= 1 and (_same_ground(old.place, new.place) or None not in (
                old.place.country_iso, new.place.country_iso) and old.place.country_iso != new.place.country_iso))


# How far after the headline (sentence 0) the lead's first sentence may be: a standfirst or a dateline between them
_LEAD_AFTER_HEADLINE = 2


def _next_item_of_list(sentence, casualties: list[Casualty]) -> bool:
    """Whether the sentence is an item of a fact box that counts the same harm as the item before it ("- Teachers
    treated for rubber-bullet wounds: 3", then "- Teachers hurt in the crush: 2"): the items count different
    people, and add up."""
    if len(casualties) != 1 or sentence.start == 0 or sentence[0].text not in LIST_MARKERS:
        return False
    before = sentence.doc[sentence.start - 1].sent
    if before[0].text not in LIST_MARKERS:
        return False
    item = fact_line(before)
    return item is not None and item.kind == casualties[0].kind and fact_line(sentence) is not None


def _how_it_was_done(old: _Draft, new: _Draft) -> bool:
    """Whether ``new``, told right after an incident of political violence, tells how that incident was done:
    violence with no toll and no day of its own, by no other doer ("Two soldiers were killed early on Thursday when
    militants opened fire on a patrol", then "a squad of militants approached the fence shortly before 4 a.m. and
    fired anti-tank rockets at a jeep"), not another incident of another type. Its wounded still in hospital, where
    the incident has none counted, are the incident's ("Gunmen sprayed the post with automatic fire and escaped;
    four wounded officers remain in hospital")."""
    if old.event_type not in POLITICAL_VIOLENCE or new.event_type not in POLITICAL_VIOLENCE:
        return False
    if new.fatalities or new.injuries and (old.injuries is not None or not new.still_in_care) \
            or new.dated_by_event or new.further:
        return False
    return _same_side(old, new)


def _same_side(old: _Draft, new: _Draft) -> bool:
    """Whether both drafts' doers are one side, however named ("Hezbollah militants", then "a squad of militants"):
    not the state's forces in one and others in the other."""
    return len({actor.category == "state forces" for actor in (old.actor1, new.actor1) if actor is not None}) <= 1


def _day_it_was_done(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells, with its day, how the incident ``old`` was done, where ``old`` was dated only by the day
    its toll was told ("The number of people killed ... has risen to 15, officials said on Sunday evening", then
    "The attackers arrived shortly after 10 p.m. on Saturday, shooting at residents"): violence with no toll of its
    own, by the same side, a day or so before."""
    if old.dated_by_event or not new.dated_by_event or new.fatalities or new.injuries or new.further:
        return False
    if old.event_type not in POLITICAL_VIOLENCE or new.event_type not in POLITICAL_VIOLENCE:
        return False
    if old.time.start is None or new.time.end is None or new.time.precision != "day":
        return False
    return _same_side(old, new) and 0 < (old.time.start - new.time.end).days <= _DAYS_TOLD_AFTER


def _brawl_told_of(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` tells as a brawl (Mob violence) the fight ``old`` told as a clash of sides no word made armed
    ("a violent confrontation broke out between youths of Gunjur and Sifoe", then "groups armed with cutlasses,
    sticks and stones attacked each other"): the same fight, told with who fought and with what."""
    return not new.fatalities and _retold_as_brawl(old, new.sub_event_type)


def _retold_as_brawl(old: _Draft, sub_event_type: str) -> bool:
    """Whether an incident of ``sub_event_type`` told right after ``old`` may be it told as a brawl: ``old`` is a
    clash of sides no word made armed, or a violent demonstration (its crowd's blows: "residents of the settlement
    threw stones at officers"), the new one Mob violence."""
    if sub_event_type != "Mob violence":
        return False
    return old.sub_event_type == "Violent demonstration" or old.sub_event_type == "Armed clash" and not any(
        actor is not None and actor.category not in _CROWD_SIDES for actor in (old.actor1, old.actor2))


def _heard_of_it(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` is a bare noun of violence with no toll, day, victims or actors of its own, told after an
    incident of political violence: what a witness heard of it ("she was woken by gunfire that lasted about twenty
    minutes"), not another incident."""
    return (old.event_type in POLITICAL_VIOLENCE and new.event_type in POLITICAL_VIOLENCE
            and not (new.fatalities or new.injuries or new.victims or new.actor1 or new.actor2)
            and not new.dated_by_event and bool(new.rules) and new.rules[0].startswith("violence-default:")
            and "/VERB" not in new.rules[0])


def _suffered_only(sentence, trigger: Span | None) -> bool:
    """Whether the event words only tell harm suffered ("died of their wounds in hospital", "were wounded"), so
    that the sentence gives a toll, not an act: the classifier types such words by their victims alone. A weapon
    that only says what the harm came from is such a toll too ("were wounded by mortar shrapnel")."""
    word = _trigger_head(sentence, trigger)
    # "knife wounds", "with gunshot and knife wounds": the weapon names the kind of wound
    while word is not None and word.head.i != word.i and (
            word.dep_ in ("compound", "nmod") or word.dep_ == "conj" and word.head.dep_ in ("compound", "nmod")):
        word = word.head
    if word is not None and word.dep_ == "pobj" and word.head.lower_ in ("by", "from") and word.head.head.tag_ == "VBN":
        word = word.head.head  # "wounded [by shrapnel]"; not "killed [by a roadside bomb]" (an act: not in SUFFERED)
    # "was hit in the leg by a stray bullet": a wound told, whoever fired
    return word is not None and (word.lemma_.lower() in SUFFERED or wounded_by_a_shot(word))


def _result_state(sentence, trigger: Span | None) -> bool:
    """Event words that describe a thing as it was found ("burnt-out trucks", "looted shops"), not an act."""
    word = _trigger_head(sentence, trigger)
    return word is not None and word.dep_ == "amod"


_DAYS_TOLD_AFTER = 2  # a toll told on the day after the incident, or the one after that


def _absorb_detail(old: _Draft, new: _Draft) -> None:
    """Merge a part or consequence of the incident into it. Victims of the other side, or told as more than
    those counted ("two more", "two of the wounded"), add to the toll; others may be among the dead already
    counted ("two of the dead were policemen") and count as a new figure of the same victims; the Nth victim ("a
    third man died") is one more where N - 1 were counted, else one of them; another account of the toll widens
    it (see :func:`_another_count`). A vague count of the other side's dead ("returned fire and killed several of
    the attackers") is one side's claim of its enemy's losses and is not counted. A time it gives of what was
    found afterwards stays out."""
    enemy = bool(old.sides and new.sides and not old.sides & new.sides)
    if enemy and new.fatalities is not None and new.fatalities.best is None:
        new.fatalities, new.sides = None, set()
        enemy = False
    if _finds_within_lead_toll(old, new):
        new.fatalities = None  # counted in the lead's toll already
    additional = new.added or enemy
    # wounded of another group than those counted ("more than 15 wounded soldiers", then "two civilians were
    # treated for gunshot wounds") are more wounded, not another count of them
    others_hurt = bool(old.hurt_sides and new.hurt_sides and not old.hurt_sides & new.hurt_sides)
    for attribute in ("fatalities", "injuries"):
        mine, theirs = getattr(old, attribute), getattr(new, attribute)
        if new.revised and theirs is not None and mine is not None:
            # "the toll rose to seven": the new total is the best figure; the first one stays the low
            setattr(old, attribute, _widened(mine, theirs, theirs.best))
            setattr(new, attribute, None)
        elif (additional or attribute == "injuries" and others_hurt) and mine is not None and theirs is not None:
            setattr(old, attribute, _sum_figures(mine, theirs))
            setattr(new, attribute, None)
        elif mine is not None and theirs is not None and _some_of_those_counted(old, new, mine, theirs):
            setattr(new, attribute, None)  # "26 people were injured, 17 of them police", then "nine demonstrators"
        elif new.nth and mine is not None and theirs is not None and theirs.best == 1:
            # "two traders were shot dead", then "a third man died": one more when two were counted, else one of them
            if mine.low == mine.best == new.nth - 1:
                setattr(old, attribute, _sum_figures(mine, theirs))
            setattr(new, attribute, None)
    if new.result_state or not new.dated_by_event:
        new.time = _UNRESOLVED_TIME
    elif _day_it_was_done(old, new):  # the day it was done, not the day its toll was told
        old.time, old.dated_by_event = new.time, True
    if not additional:
        _take_fuller_victims(old, new)
    old.sides |= new.sides
    old.hurt_sides |= new.hurt_sides
    _absorb(old, new)
    old.rules.extend(r for r in ["detail-of-incident"] if r not in old.rules)


def _some_of_those_counted(old: _Draft, new: _Draft, mine: Figure, theirs: Figure) -> bool:
    """Whether a count of one side's people, fewer than the incident's count of people, tells some of those counted
    rather than another count of them all ("At least 26 people were injured, 17 of them police officers", then "at
    least nine demonstrators were hurt"). A count of victims who are no side ("two workers") is another account."""
    whole, part = _victim_head(old.victims), _victim_head(new.victims)
    return (whole in _ANYONE_HEADS and part in _SIDE_HEADS
            and theirs.best is not None and mine.low is not None and theirs.best < mine.low)


def _victim_head(victims: str | None) -> str | None:
    return victims.lower().split()[-1] if victims and victims.split() else None


_ANYONE_HEADS = frozenset({"people", "persons", "person"})
_SIDE_HEADS = frozenset({"demonstrators", "protesters", "rioters", "officers", "policemen", "soldiers", "troops",
                         "militants", "fighters", "attackers"})


def _finds_within_lead_toll(old: _Draft, new: _Draft) -> bool:
    """Whether bodies found "more" are among the dead the report's lead already counts: "Eight men were killed
    ..., raising an earlier toll of three" and later "officers had found five more bodies" tell how the toll rose
    to the lead's eight, not five more. A lead gives the latest count; finds told after it, fewer than it, are
    the story of that count ("two more soldiers died" is not a find, and adds), as are victims added since a lead
    that calls its toll a new total ("At least four people were killed ..., health officials said in an updated
    toll", then "Two of the injured died in hospital")."""
    if not (new.added and old.lead and old.fatalities is not None and new.fatalities is not None):
        return False
    # or victims added since a lead that gives its toll as a new total (_UPDATED_TOLL)
    found = old.updated_toll or any(span.field == "fatalities" and span.text.lower() in ("bodies", "corpses")
                                    for span in new.evidence)
    counted, lead = new.fatalities.best, old.fatalities.best
    return found and counted is not None and lead is not None and counted < lead


def _take_fuller_victims(old: _Draft, new: _Draft) -> None:
    """The same victims told more fully: "a general", then "General Ivan Petrov"."""
    if old.victims and new.victims and len(new.victims) > len(old.victims) and \
            old.victims.lower().split()[-1] in new.victims.lower().split():
        old.victims = new.victims


def _sum_figures(a: Figure, b: Figure) -> Figure:
    """Two counts of different victims together; a vague one ("several") adds its low end to the best."""
    def plus(x, y):
        return None if x is None or y is None else x + y
    return Figure(plus(a.low, b.low), plus(a.best, b.low if b.best is None else b.best), plus(a.high, b.high), a.text)


def _referent(drafts: list[_Draft], new: _Draft) -> _Draft | None:
    """The incident a definite reference points back to: the latest one of the same kind of disorder whose
    place agrees, and whose time agrees when the reference dates the event itself ("Sunday's attack")."""
    for old in reversed(drafts):
        riot = _clashes_of_riot(old, new)
        if old.is_aggregate or _disorder(old.event_type) != _disorder(new.event_type) and not riot:
            continue
        # where the wounded of "hurt in the attack" are treated need not be where they were hurt, and a riot's
        # clashes spread over a town's quarters
        if not (_same_ground(old.place, new.place) or (new.toll_of_reference or riot) and _places_agree(
                old.place, new.place)):
            continue
        if new.dated_by_event and not _times_overlap(old.time, new.time):
            continue
        return old
    return None


_RIOT_FORCE = frozenset({"Excessive force against protesters", "Protest with intervention"})


def _clashes_of_riot(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` is "the clashes" said of a riot, or of a protest police broke up, told before ("students
    clashed with police ... The clashes brought traffic to a standstill"): the bare word reads as a battle, but
    points back to the disorder told."""
    words = [span.text.lower() for span in new.evidence if span.field == "event_type"]
    return (new.sub_event_type == "Armed clash" and bool(words) and all(w.startswith("clash") for w in words)
            and (old.event_type == "Riots" or old.sub_event_type in _RIOT_FORCE))


def _counted_referent(drafts: list[_Draft], new: _Draft) -> _Draft | None:
    """The incident whose victims a definite count points back to ("one of the two killed was a student"): the
    latest one with that very toll, of whatever type, since the sentence may tell how they died ("shot") rather
    than what happened (police firing on a riot)."""
    return _latest_with_toll(drafts, new, _same_count)


def _whole_of_part(drafts: list[_Draft], new: _Draft) -> _Draft | None:
    """The latest incident whose toll holds a definite count that is smaller ("[17 dead] ... two had been
    decapitated", "three of the victims were children"): the count tells some of its victims."""
    def holds(whole: Figure | None, part: Figure | None) -> bool:
        return whole is not None and part is not None and part.high == part.best and _fewer(part, whole)

    return _latest_with_toll(drafts, new, holds)


def _latest_with_toll(drafts: list[_Draft], new: _Draft, matches) -> _Draft | None:
    """The latest single incident on ``new``'s ground whose killed or injured figure ``matches`` (old, new) new's."""
    for old in reversed(drafts):
        if old.is_aggregate or not _places_agree(old.place, new.place):
            continue
        if matches(old.fatalities, new.fatalities) or matches(old.injuries, new.injuries):
            return old
    return None


def _same_count(a: Figure | None, b: Figure | None) -> bool:
    """Two exact counts of the same number ("two", "2")."""
    def exact(figure):
        return figure is not None and figure.best is not None and figure.low == figure.high == figure.best
    return exact(a) and exact(b) and a.best == b.best


def _same_ground(a: Place, b: Place) -> bool:
    """Places that agree (see :func:`_places_agree`) and, when both name a town or a district, are the same one."""
    precise = ("place", "district")
    if a.precision in precise and b.precision in precise and a != b:
        return False
    return _places_agree(a, b)


def _disorder(event_type: str) -> str:
    return "political violence" if event_type in POLITICAL_VIOLENCE else event_type


def _absorb_reference(old: _Draft, new: _Draft, rule: str = "definite-reference") -> None:
    """Merge a reference into its incident. A time it gives of something else ("denied on Monday") stays out,
    and so do its actors: such a sentence tells what came after ("stretched the security forces")."""
    if not new.dated_by_event:
        new.time = _UNRESOLVED_TIME
    new.actor1 = new.actor2 = None
    new.evidence = [span for span in new.evidence if span.field not in ("actor1", "actor2")]
    _absorb(old, new)
    old.rules.extend(r for r in [rule] if r not in old.rules)


def _same_incident(a: _Draft, b: _Draft) -> bool:
    if a.is_aggregate != b.is_aggregate:
        return False
    if not _figures_agree(a.fatalities, b.fatalities) or not _figures_agree(a.injuries, b.injuries):
        return False
    if not (_times_overlap(a.time, b.time) or _said_after_it(a, b)) or not _places_agree(a.place, b.place):
        return False
    # a battle's dead are of both sides: "two officers and three attackers", "three assailants ... two of our
    # officers" name different victims first of one exact toll (of two or more: one dead is of one side)
    same_battle = (a.event_type == b.event_type == "Battles" and a.fatalities and b.fatalities
                   and a.fatalities.low == a.fatalities.high == b.fatalities.low == b.fatalities.high
                   and (a.fatalities.low or 0) >= 2)
    if not (_victims_agree(a.victims, b.victims) or same_battle):
        return False
    if a.sub_event_type == b.sub_event_type:
        return a.time.precision != "unresolved" or b.time.precision != "unresolved" or bool(a.victims and b.victims)
    if a.sub_event_type in DEMONSTRATION_ORDER and b.sub_event_type in DEMONSTRATION_ORDER and (
            _same_count(a.fatalities, b.fatalities) and a.fatalities.best >= 1
            or _same_count(a.injuries, b.injuries) and a.injuries.best >= 1):
        return True  # "17 injured in clash at police office", then "police fired on the crowd ... 17 injured"
    if a.sub_event_type in DEMONSTRATION_ORDER and b.sub_event_type in DEMONSTRATION_ORDER and (
            _one_day(a, b) or b.time.start is None and b.sub_event_type == "Peaceful protest") and _same_ground(
            a.place, b.place):
        # "the protest turned violent late on Tuesday", then "on Tuesday evening, hundreds marched"; or "police
        # opened fire at a protest on Tuesday", then, with no time of its own, "hundreds had gathered to demand ..."
        # (not "the march was preceded by vandalism": no gathering of the crowd that marched)
        return True
    if {a.sub_event_type, b.sub_event_type} == _RIOT_OF_A_CROWD and _one_day(a, b) and _same_ground(a.place, b.place):
        # "residents threw bottles at police on Sunday", then "on Sunday afternoon residents blocked the street with
        # burning tyres": one crowd's riot, told by its blows and by its barricades
        return True
    # Different types merge only when the toll and victims say it is the same incident.
    exact = a.fatalities and b.fatalities and a.fatalities.best == b.fatalities.best and a.fatalities.low == a.fatalities.high
    return bool(exact and a.victims and b.victims)


# A crowd's violence (ACLED's Mob violence) and a violent demonstration: one riot when told of one crowd on one day
# on one ground, a demonstration (see _absorb)
_RIOT_OF_A_CROWD = frozenset({"Mob violence", "Violent demonstration"})


def _one_day(a: _Draft, b: _Draft) -> bool:
    """Whether both drafts are dated to the same single day, or one of them begins on the day the other is dated to
    (a riot late on Tuesday whose clashes went on into Wednesday, and a march on Tuesday evening)."""
    return (a.time.precision == b.time.precision == "day" and a.time.start is not None
            and a.time.start == b.time.start and (a.time.start == a.time.end or b.time.start == b.time.end))


def _said_after_it(old: _Draft, new: _Draft) -> bool:
    """Whether ``new`` is dated only by when it was said, a few days at most after ``old``'s time, of a deed told as
    done before ("the spokesman said on Wednesday that troops had repelled an attack", after Tuesday's attack)."""
    if not new.said_after or old.time.end is None or new.time.start is None:
        return False
    return 0 <= (new.time.start - old.time.end).days <= SAID_AFTER_DAYS


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
    """The same head word, or a word that could be anyone ("lost seven men" and "twelve more soldiers")."""
    if not a or not b:
        return True
    head_a, head_b = a.lower().split()[-1].rstrip("s"), b.lower().split()[-1].rstrip("s")
    return head_a == head_b or bool(_ANYONE.fullmatch(head_a) or _ANYONE.fullmatch(head_b))


def _another_count(new: _Draft) -> bool:
    """Whether ``new`` counts the victims already counted once more, as another account of the same toll: one
    a source is named for ("police said", "a doctor ... saying nine bodies had been brought in"), a new total ("the
    toll rose to nine") or a toll of the incident a definite noun points back to ("six people are now known to
    have been injured in the attack"); not further victims ("two more", "two of the wounded") nor some of those
    counted ("two of the dead were policemen"). Such a count widens the toll rather than replacing it."""
    return (new.attributed or new.revised or new.toll_of_reference) and not (new.added or new.recount)


def _place_rank(place: Place) -> tuple[int, bool]:
    """How precisely ``place`` locates: its level, then (at one level) a town named though not located."""
    return _PLACE_RANK[place.precision], place.location is not None


def _absorb(old: _Draft, new: _Draft) -> None:
    # A toll without event words of its own names where the count was made or the wounded were taken ("17 wounded
    # were flown to Bor"), and a source's place where its speaker sits ("will not bring back the dead, said Bunia's
    # mayor"), not where the incident happened, once that is known to its province.
    lends_place = not ((new.continues or new.source_place) and old.place.admin1_iso is not None)
    if lends_place and _place_rank(new.place) > _place_rank(old.place):
        old.place = new.place
    if _TIME_RANK[new.time.precision] > _TIME_RANK[old.time.precision]:
        old.time = new.time
    elif new.went_on_to and old.time.precision == "day" and old.time.end is not None \
            and new.time.start <= old.time.end < new.time.end <= old.time.end + dt.timedelta(days=1):
        # "opened fire around 11pm on Saturday", then "the shooting went on into the early hours of Sunday"
        old.time = TimeInterval(old.time.start, new.time.end, "day", old.time.text)
    elif new.dated_by_event and not old.dated_by_event and new.time.precision == old.time.precision \
            and _times_overlap(old.time, new.time):
        # the days of the deed itself, where ``old`` has the day it was said: "said on Thursday", then "began late
        # on Wednesday ... and went on overnight"
        old.time, old.dated_by_event = new.time, True
    for attribute in ("fatalities", "injuries"):
        mine, theirs = getattr(old, attribute), getattr(new, attribute)
        if theirs is None:
            continue
        if mine is None:
            setattr(old, attribute, theirs)
        elif attribute == "injuries" and _some_of_the_wounded(new, theirs, mine):
            continue
        elif _another_count(new) and mine.best is not None:  # "at least six" and a doctor's nine: six to nine
            setattr(old, attribute, _widened(mine, theirs, mine.best))
        elif _more_precise(theirs, mine):  # a vague word gives no figure: the lead's "several workers", then "three"
            setattr(old, attribute, theirs)
    if new.fatalities is not None:
        old.sides |= new.sides  # whose dead the toll now counts
    if new.injuries is not None:
        old.hurt_sides |= new.hurt_sides
    # a clash told more fully as a brawl is one; one demonstration told in several sentences is typed by the gravest
    # thing done at it, in ACLED's order: the protesters' own violence, then lethal force against them, then an
    # intervention
    if _brawl_told_of(old, new) and old.sub_event_type == "Armed clash" or (
            DEMONSTRATION_ORDER.get(new.sub_event_type, -1) > DEMONSTRATION_ORDER.get(old.sub_event_type, 99)) or (
            (old.sub_event_type, new.sub_event_type) == ("Mob violence", "Violent demonstration")):
        _retype(old, new.sub_event_type)
    old.victims = old.victims or new.victims
    old.actor1 = old.actor1 or new.actor1
    old.actor2 = old.actor2 or new.actor2
    old.incident_count = old.incident_count or new.incident_count
    old.confidence = max(old.confidence, new.confidence)
    old.evidence.extend(new.evidence)
    old.rules.extend(r for r in new.rules if r not in old.rules)
    old.sentences.extend(new.sentences)


def _deadly_intervention(draft: _Draft) -> None:
    """A protest broken up with deaths among those at it ("a nurse struck by a tear-gas canister when police broke
    up the protest died in hospital") is ACLED's Excessive force against protesters, not a mere intervention."""
    forced = draft.sub_event_type == "Protest with intervention" or (
        draft.sub_event_type == "Peaceful protest" and "force-at-demonstration" in draft.rules)
    if not forced or not draft.fatalities or not draft.fatalities.low:
        return
    _retype(draft, "Excessive force against protesters")
    draft.rules.append("deaths-at-intervention")


def _retype(draft: _Draft, sub_event_type: str) -> None:
    """Give ``draft`` another ACLED sub-event type, with the event type and the PLOVER and CAMEO codes it maps to."""
    draft.sub_event_type = sub_event_type
    draft.event_type, draft.plover_type, draft.plover_mode, draft.cameo_root = mapping_for(sub_event_type)


# Where a detainee is held kept from his people: "his family has not been told where he is being held", "their
# whereabouts remain unknown", "held incommunicado", "taken to an undisclosed location"
_CONCEALED = re.compile(
    r"\bwhereabouts\b(?:\s+\w+){0,3}?\s+(?:unknown|not known)|\bnot (?:been )?(?:told|informed)(?: of)? "
    r"(?:where|(?:his|her|their) whereabouts)|\bincommunicado\b|\b(?:unknown|undisclosed|secret) "
    r"(?:location|place|destination)|\bnot (?:acknowledged|admitted) (?:his|her|their|the) (?:detention|arrest)", re.I)


def _disappeared(draft: _Draft, drafts: list[_Draft], sentences) -> None:
    """An arrest whose detainee is held where his people are not told ("security agents detained the priest ...
    His family has not been told where he is being held") is what ACLED calls a forced disappearance. The words may
    come in the arrest's sentences or in the one after them, if that tells no other incident."""
    if draft.sub_event_type != "Arrests":
        return
    after = max(draft.sentences) + 1
    others = {index for other in drafts if other is not draft for index in other.sentences}
    told = [*draft.sentences, *([after] if after < len(sentences) and after not in others else [])]
    if not any(_CONCEALED.search(sentences[index].text) for index in told):
        return
    _retype(draft, "Abduction/forced disappearance")
    draft.rules.append("whereabouts-concealed")


def _nth_dead_counted(draft: _Draft) -> None:
    """A death told as the Nth ("A sixth police officer has died of wounds") where the report counts no one before it
    as one death: the toll is N, and a smaller toll the report gives besides ("officials had put the toll at five")
    its low end."""
    figure = draft.fatalities
    if figure is None or draft.nth_dead <= 1 or figure.low != 1 or (figure.best or 0) >= draft.nth_dead:
        return
    others = figure.high if figure.high is not None and 1 < figure.high < draft.nth_dead else draft.nth_dead
    draft.fatalities = replace(figure, low=others, best=draft.nth_dead, high=draft.nth_dead)
    draft.rules.append("nth-death-is-the-toll")


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
