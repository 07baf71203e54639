"""Killed and injured figures in one sentence: low / best / high, the victim group, and the evidence.

``find_casualties`` reads spaCy's dependency parse of a sentence and returns one :class:`Casualty`
per reported figure. The small English model misreads lists, parentheses and sentence-initial
digits, so each rule that reads the parse has a token-pattern fallback beside it. Words become
numbers through :func:`quantity` (the table ``data/quantifiers.tsv``).

Decisions, written down in ``data/README.md`` as well:

* Zero only when the text says so: "no one was killed" is killed 0; "no one was hurt" and
  "no casualties" are killed 0 and injured 0. Silence gives nothing.
* "Casualties" with a number, and "killed and wounded" sharing one count, do not say how many of
  each kind, so they give nothing.
* Parts of a counted group ("including two children", "among them") and asides in parentheses
  are not added. A plural without a count ("killed civilians") gives nothing; a singular noun
  phrase ("a policeman", "his guard", "he") counts one.
* A figure is aggregate when the sentence counts several incidents ("in two attacks") or a period
  ("so far this year", "since the coup"); this is decided per sentence. A war's running toll ("the
  war, which broke out in 2023, has killed tens of thousands"), and any toll told over a year or more
  ("security forces killed 200 rebels last year"), is background: see :func:`is_background_toll`.
* "Lost seven men" (soldiers, officers, fighters) is a military idiom for seven killed; "lost two
  vehicles" or "lost the match" count nobody.
* Counted bodies are dead ("nine bodies were brought in"); bodies without a count of their own ("the
  bodies of the two drivers") point back to dead told before. "Neutralised" may mean captured, so it
  counts the dead only where the sentence speaks of their bodies ("whose bodies were left behind").
  People buried are dead ("we buried seven people"); homes or mines buried, or people buried alive or under
  rubble, are not. "How many died" is a question, not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storyline.analyse.actors import canonical_actor
from storyline.analyse.nlp import doc_text
from storyline.analyse.numbers import parse_number, parse_ordinal, quantity
from storyline.records import Figure, Span

__all__ = ["Casualty", "find_casualties", "is_background_toll", "quantity", "total_figure"]

KILLED, INJURED = "killed", "injured"
FIELD = {KILLED: "fatalities", INJURED: "injuries"}

# The casualty vocabulary, by lemma: a closed list read by the rules below, so it stays beside them.
KILL_VERBS = frozenset({"kill", "murder", "slay", "assassinate", "execute", "behead", "massacre", "lynch",
                        "slaughter", "decapitate", "martyr"})  # "two soldiers were martyred"
AMBIGUOUS_KILL_VERBS = frozenset({"execute"})  # "the attack was executed": counts people only from count words
TO_DEATH_VERBS = frozenset({"stab", "beat", "hack", "burn", "stone", "bludgeon", "club", "crush", "trample",
                            "torture", "batter", "kick", "strangle", "choke", "shoot", "knife", "lynch"})
DIE_VERBS = frozenset({"die", "perish", "succumb"})
# "neutralised" is a euphemism for killed or for captured: it counts the dead only beside their bodies
EUPHEMISTIC_KILL_VERBS = frozenset({"neutralise", "neutralize"})
CORPSE_NOUNS = frozenset({"body", "corpse"})  # "nine bodies were brought in": a count of the dead
BURIAL_VERBS = frozenset({"bury"})  # "we buried seven people": a count of the dead, when people are buried
COUNTED_DEAD = CORPSE_NOUNS | BURIAL_VERBS  # words that count the dead without telling how they died
# Words for people that name no group of the actor table: "buried seven people", "buried the five victims"
PERSON_NOUNS = frozenset({"people", "person", "victim", "man", "woman", "individual", "dead"})
INJURE_VERBS = frozenset({"injure", "wound", "hurt", "maim", "harm"})
UNHARMED_VERBS = frozenset({"hurt", "harm"})  # "no one was hurt" rules out deaths as well as injuries
DEATH_NOUNS = frozenset({"death", "fatality", "killing", "dead"})
INJURY_NOUNS = frozenset({"injury", "injured", "wounded"})
BARE_PARTICIPLES = frozenset({"dead", "killed", "injured", "wounded", "hurt"})  # "34 wounded", "11 dead"
# Nouns an injury word describes that are not people: "an injured knee", "wounded pride" count nobody
NOT_PEOPLE = frozenset({"pride", "ego", "feeling", "dignity", "honour", "honor", "reputation", "morale", "heart",
                        "knee", "leg", "arm", "hand", "foot", "ankle", "shoulder", "wrist", "hip", "back", "neck",
                        "head", "eye", "finger", "elbow", "thigh", "limb", "hamstring", "muscle", "animal"})
# Harm a person bears, told by what they were treated for or suffered: "treated for gunshot wounds", "suffered
# burns", "taken to hospital with shrapnel wounds", "being treated for a broken arm"
HARM_NOUNS = frozenset({"wound", "injury", "burn", "fracture", "laceration", "concussion", "cut", "bruise", "gash"})
BROKEN_WORDS = frozenset({"broken", "fractured", "shattered", "crushed"})  # "a broken arm", "a fractured skull"
BODY_PARTS = NOT_PEOPLE - {"pride", "ego", "feeling", "dignity", "honour", "honor", "reputation", "morale",
                           "animal"} | {"skull", "jaw", "rib", "nose", "pelvis", "spine", "collarbone", "bone"}
SUFFER_VERBS = frozenset({"sustain", "suffer", "receive"})
_FUMES = frozenset({"gas", "teargas", "smoke", "spray"})  # what people are treated for breathing in
_HARM_ONLY_NOUNS = HARM_NOUNS - INJURY_NOUNS  # "injury" is read as a casualty noun first (_from_noun)
TREAT_VERBS = frozenset({"treat", "hospitalise", "hospitalize", "admit", "take", "rush", "evacuate", "airlift",
                         "fly", "bring", "carry"})
TREATMENT_NOUNS = frozenset({"treatment", "care"})  # "receiving treatment for burns"
# Where the hurt are cared for, and the verbs of that care: "being treated at the provincial hospital"
CARE_PLACES = frozenset({"hospital", "clinic"})
DEGREE_NOUNS = frozenset({"degree", "level", "kind", "type", "form"})  # "sustained various degrees of injury"
STAY_VERBS = frozenset({"remain", "be", "stay", "lie"})  # "remains in hospital with burns"
CARE_VERBS = frozenset({"treat", "hospitalise", "hospitalize", "admit"})
SUPERSEDED_WORDS = frozenset({"earlier", "previous", "initial", "original", "old", "former"})  # "an earlier toll"
SAY_VERBS = frozenset({"say", "tell", "report", "confirm", "add", "announce", "state"})
INTENT_VERBS = frozenset({"threaten", "try", "attempt", "plan", "vow", "aim", "seek", "want", "intend", "fail",
                          "plot", "order", "warn"})  # "threatened to kill": not a casualty
MODALS = frozenset({"could", "might", "may", "would", "will", "shall", "should", "can"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
COLLECTIVE_NOUNS = frozenset({"taliban", "police", "people", "personnel", "staff", "crew", "family", "army",
                              "militia", "forces", "force", "group", "military", "population", "public"})
CONTAINER_NOUNS = frozenset({"total", "group", "family", "team", "band", "crowd", "party"})  # "a total of 17"
NOBODY_WORDS = frozenset({"nobody", "none", "noone"})
ZERO_CONTAINERS = CONTAINER_NOUNS | {"none", "member", "members", "any"}  # "none of the", "no members of the"
SINGULAR_PRONOUNS = frozenset({"he", "him", "she", "her"})
BREAKDOWN_WORDS = frozenset({"including", "among", "excluding", "incl."})
ADDITIVE_PREPOSITIONS = ("in addition to", "along with", "together with")
# Words that make a wound the cause of a death: "sustained fatal gunshot wounds".
FATAL_WORDS = frozenset({"fatal", "mortal", "deadly", "lethal"})
FATAL_ADVERBS = frozenset({"fatally", "mortally"})  # "fatally wounded", "mortally injured": killed
NOT_COUNT_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
TIME_WORDS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                        "sept", "oct", "nov", "dec", "am", "pm", "a.m.", "p.m.", "hrs", "hours", "o'clock"})
INCIDENT_NOUNS = frozenset({"incident", "attack", "clash", "explosion", "blast", "strike", "airstrike", "raid",
                            "ambush", "bombing", "assault", "shooting", "skirmish", "battle", "operation",
                            "exchange", "episode", "shelling", "fight", "brawl", "riot", "killing", "kidnapping",
                            "abduction"})
OCCASION_NOUNS = frozenset({"time", "occasion", "instance"})  # "several times", "on three occasions": not people
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
MONTHS = frozenset(_MONTH_NAMES)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a year as written: "2019"
PERIOD_PATTERN = re.compile(  # a figure summed over a period or a series rather than one incident
    rf"\b(?:so far|to date|this year|this month|in total|since (?:the start|the beginning|{'|'.join(_MONTH_NAMES)}|"
    r"\d{4})|"
    r"(?:over|during|in|throughout|for) the (?:past|last|previous) (?:[\w-]+ ){0,3}(?:days|weeks|months|years|decades|"
    r"week|month|year|decade)\b|(?:last|past|previous) year\b|"
    r"in recent (?:days|weeks|months|years|decades)|a (?:series|spate|string|wave) of|"
    r"(?:in|during|throughout) (?:19|20)\d\d\b)", re.I)
# "lost seven men": the people a side can lose in a fight (lemmas); "lost two vehicles" is not a toll
LOST_PEOPLE = frozenset({"man", "soldier", "troop", "officer", "policeman", "fighter", "personnel", "serviceman",
                         "guard", "commando", "comrade", "militant", "rebel", "insurgent", "militiaman", "trooper",
                         "jawan"})
# "lost three men to a roadside bomb" is a toll; "lost three men to desertion", "to a rival faction" is not
LOST_TO_HARM = frozenset({"bomb", "attack", "ambush", "fire", "gunfire", "sniper", "mine", "landmine", "ied",
                          "shelling", "airstrike", "strike", "explosion", "blast", "fighting", "clash", "violence",
                          "raid"})
# A whole conflict named as the killer is a running toll, whatever the tense ("the war has killed 300,000");
# recurring violence ("attacks", "fighting") is one only over a long span ("since 2019", "in recent years").
WHOLE_CONFLICTS = frozenset({"war", "conflict", "insurgency", "rebellion", "uprising", "insurrection", "crisis",
                             "revolution", "civil war", "occupation"})
RECURRING_VIOLENCE = frozenset({"fighting", "violence", "unrest", "hostility", "clash", "attack", "bombing", "raid",
                                "campaign", "killing", "strike", "airstrike", "shelling"})
LONG_SPAN_WORDS = frozenset({"year", "decade", "month"})
# Times too near to make "since" a long span: "since Saturday", "since last week", "since the morning"
SHORT_TIMES = frozenset({"day", "night", "morning", "afternoon", "evening", "dawn", "dusk", "midnight", "noon",
                         "weekend", "week", "hour", "minute", "yesterday", "today", "tonight", "monday", "tuesday",
                         "wednesday", "thursday", "friday", "saturday", "sunday"})
SPAN_PREPOSITIONS = frozenset({"in", "during", "since", "throughout"})
PERIOD_PREPOSITIONS = frozenset({"in", "during", "throughout", "over", "for"})
# Words of protest and anger whose object, or what they are "at" or "against", is a grievance.
CAUSE_VERBS = frozenset({"trigger", "spark", "cause", "prompt", "provoke", "fuel", "ignite"})
GRIEVANCE_WORDS = frozenset({"protest", "demonstrate", "march", "rally", "anger", "outrage", "fury", "condemn",
                             "denounce", "mourn", "decry"})
SPAN_START_VERBS = frozenset({"begin", "start", "break", "erupt", "launch", "escalate"})  # "which broke out in 2023"
TOLL_VERBS = KILL_VERBS | DIE_VERBS | INJURE_VERBS | {"claim", "cost", "leave", "cause", "shoot"}
_SKIPPED_BEFORE_VERB = frozenset({"were", "was", "also", "reportedly", "been", "are", "is", "later", "have",
                                  "has", "had", "all", "both"})


@dataclass(frozen=True, slots=True)
class Casualty:
    """One reported figure of people killed or injured.

    ``kind`` is ``"killed"`` or ``"injured"``. ``victims`` is the group as written, trimmed to its
    head phrase ("Chinese workers"), or ``None`` when the text names none. ``evidence`` holds spans
    with field ``fatalities`` / ``injuries`` (the count words and the casualty word) and ``victims``.
    ``incident_count`` is how many incidents the sentence says the figure covers, when it says;
    ``is_aggregate`` is true when the figure is summed over several incidents or a period. ``nth`` is N for one
    victim told as the Nth ("a third man died"), else 0.
    """

    kind: str
    figure: Figure
    victims: str | None
    evidence: tuple[Span, ...]
    incident_count: int | None = None
    is_aggregate: bool = False
    nth: int = 0


@dataclass(frozen=True, slots=True)
class _Count:
    """A count found for one victim head: the figure, its token range, and the victim words."""

    figure: Figure
    first: int  # token range [first, last] of the count words
    last: int
    victims: tuple[int, int] | None = None  # token range [first, last] of the victim phrase
    inherits: bool = False  # an elided group ("and 3 were wounded") takes the group named before it
    singular: bool = False  # counted from a singular noun phrase, not from count words
    total: bool = False  # a toll ("the death toll rose to 5"): the figures of its clause are parts of it
    nth: int = 0  # "a third victim": the Nth of a group, among a count of N or more told before it


def find_casualties(sentence) -> list[Casualty]:
    """Killed and injured figures reported in ``sentence``, in text order.

    ``sentence`` is a spaCy ``Span`` (or ``Doc``) from :func:`storyline.analyse.nlp.parse`; evidence
    offsets index the text the whole ``Doc`` was parsed from. A figure repeated in the sentence is
    returned once. Years, ages and counts of attackers, weapons or incidents are never figures.
    """
    doc = sentence.doc  # a Doc is its own .doc
    tokens = list(sentence)
    excluded = _excluded(tokens)
    combined = _combined_triggers(tokens)
    found = [item for token in tokens if token.i not in excluded and token.i not in combined
             for item in _read_trigger(token, excluded)]
    found = _parts_of_totals([_now_total(item) for item in found])
    # A count that a word of harm and a body or a burial both give ("buried nine people killed in the shelling")
    # is read with the word of harm: the burial only counts the dead, and its time is not the killing's.
    found.sort(key=lambda item: (item[1].first, any(t.lemma_.lower() in COUNTED_DEAD for t in item[2])))
    incidents = _incident_count(tokens)
    aggregate = (incidents or 0) > 1 or _counts_a_period(sentence)
    running = {t.i for t in tokens if is_background_toll(t)}
    results: list[Casualty] = []
    used: set[tuple[str, int]] = set()
    previous_victims = None
    for kind, count, cue in found:
        if _part_of_a_group(doc, count.last) and not results:
            # the parser may have cut the whole off its verb ("ATHENS, Nov 17 - Thirteen people, ten of them police
            # officers, were injured"): the group before the part is the count
            count = _whole_before_part(doc, count.first) or count
        victims_range = count.victims or (previous_victims if count.inherits else None)
        if victims_range:  # "the killed commander": the casualty word is not part of the group's name
            inside = [t.i for t in cue if victims_range[0] <= t.i < victims_range[1]]
            victims_range = (max(inside) + 1, victims_range[1]) if inside else victims_range
        victims = _text(doc, *victims_range) if victims_range else None
        if (kind, count.first) in used or _repeats(kind, count.figure, victims, results):
            continue
        if _part_of_a_group(doc, count.last) and results:
            continue  # "Sixteen people, four of them children, …": the four are among the sixteen
        if count.nth and sum(r.figure.low or 0 for r in results if r.kind == kind) >= count.nth:
            continue  # "at least three died ..., who said a third victim had died on Sunday": one of the three
        if kind == KILLED and _wounded_among_dead(doc, count, cue, results):
            continue  # "Eight people died, according to the councillor, who said two of the wounded had died"
        used.add((kind, count.first))
        evidence = {_span(doc, FIELD[kind], count.first, count.last)}
        evidence |= {_span(doc, FIELD[kind], t.i, t.i) for t in cue if not count.first <= t.i <= count.last}
        if victims_range:
            evidence.add(_span(doc, "victims", *victims_range))
            previous_victims = victims_range
        results.append(Casualty(kind, count.figure, victims, tuple(sorted(evidence, key=lambda s: (s.start, s.field))),
                                incidents, aggregate or any(t.i in running or t.head.i in running for t in cue),
                                count.nth))
    if not results and (named := _dead_named(sentence)) is not None:
        results.append(named)
    if not results and (fact := fact_line(sentence)) is not None:
        results.append(fact)
    return results


def fact_line(sentence) -> Casualty | None:
    """A figure after the colon of a fact box's line, its label telling who were hurt or killed ("- Teachers treated at
    the hospital for rubber-bullet wounds: 3", "Dead: 12"): the count of the label's harm. A label that tells both
    harms, or neither ("Teachers detained: 23", "Schools that closed early: 11"), gives none."""
    if not any(t.text == ":" for t in sentence):
        return None  # (most sentences: no list of tokens built for them)
    tokens = [t for t in sentence if not t.is_space]
    colon = next(i for i, t in enumerate(tokens) if t.text == ":")
    if colon + 1 >= len(tokens) or tokens[colon + 1].pos_ == "PUNCT":
        return None
    figure_token = tokens[colon + 1]
    after = tokens[colon + 2:colon + 3]
    if after and after[0].text not in (",", ";", "(", ".") or figure_token.ent_type_ in NOT_COUNT_ENTITIES:
        return None
    value = parse_number(figure_token.text)
    if value is None:
        return None
    label = {t.lemma_.lower() for t in tokens[:colon]} | {t.lower_ for t in tokens[:colon]}
    killed = bool(label & (KILL_VERBS | DIE_VERBS | DEATH_NOUNS | CORPSE_NOUNS | {"killed"}))
    injured = bool(label & (INJURE_VERBS | INJURY_NOUNS | HARM_NOUNS))
    if killed == injured:
        return None
    kind = KILLED if killed else INJURED
    doc = sentence.doc
    return Casualty(kind, Figure(value, value, value, figure_token.text),
                    None, (_span(doc, FIELD[kind], figure_token.i, figure_token.i),))


# "The dead were named as Yohane Phiri, 34, Mphatso Chirwa, 27, and Blessings Kamwendo, 19": the names are the toll
_NAMED_AS = re.compile(r"\b(?:the\s+)?(?:dead|deceased|those\s+killed)\s+(?:were|have\s+been|had\s+been)\s+"
                       r"(?:named|identified)\s+(?:as|by\s+\w+(?:\s+\w+)?\s+as)\s+", re.IGNORECASE)


def _dead_named(sentence) -> Casualty | None:
    """The dead a sentence names one by one with no total: as many as the names listed after "were named as", each
    perhaps with an age after it; the list ends at the first item that is neither."""
    text = doc_text(sentence.doc)
    match = _NAMED_AS.search(text, sentence.start_char, sentence.end_char)
    if match is None:
        return None
    names = []
    for item in _LIST_ITEM.finditer(text, match.end(), sentence.end_char):
        words = _AND.sub("", item.group().strip().rstrip("."))
        if _AGE.fullmatch(words):
            continue
        if not _PERSON_NAME.fullmatch(words):
            break
        start = text.index(words, item.start())
        names.append(Span(FIELD[KILLED], start, start + len(words), words))
    if len(names) < 2:
        return None
    figure = Figure(len(names), len(names), len(names), ", ".join(span.text for span in names))
    return Casualty(KILLED, figure, None, tuple(names), None, False, 0)


_LIST_ITEM = re.compile(r"[^,]+?(?=,|\s+and\s+|$)")  # an item of a list by commas and "and" ("and" kept on it)
_AND = re.compile(r"^and\s+")
_AGE = re.compile(r"\d{1,3}")
_PERSON_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}")


_WOUNDED_WORDS = INJURY_NOUNS | {"injure", "wound"}  # "the wounded", "the injured", as nouns or participles


def _wounded_among_dead(doc, count: _Count, cue, results: list[Casualty]) -> bool:
    """Whether a count of the wounded who died ("two of the wounded had died") tells how some of a toll of the
    dead given before it in the sentence came about: said in a clause of its own, not coordinated with the toll
    ("Three were killed and five wounded, and two of the wounded later died" adds them)."""
    if count.victims is None or doc[count.victims[1]].lemma_.lower() not in _WOUNDED_WORDS:
        return False
    if any(t.dep_ == "conj" for t in cue):
        return False
    told = sum(r.figure.low or 0 for r in results if r.kind == KILLED)
    return bool(told) and told >= (count.figure.low or 0)


def _counts_a_period(sentence) -> bool:
    """Whether the sentence sums its figures over a period ("so far this year", "in 2023").

    A period inside a clause that describes a group or a person ("a militia that was set up in 2014", "a
    commander who joined in 2019") dates that noun, not the killing.
    """
    for match in PERIOD_PATTERN.finditer(sentence.text):
        start = sentence.start_char + match.start()
        token = next((t for t in sentence if t.idx >= start), None)
        if token is None or not (_describes_a_noun(token) or _ranks_an_incident(token)):
            return True
    return any(t.lower_ == "since" and _since_long_ago(t) and not (_describes_a_noun(t) or _ranks_an_incident(t))
               for t in sentence)


def _ranks_an_incident(token) -> bool:
    """Whether ``token`` lies in a period that ranks an incident among others ("the deadliest attack in the
    area this year", "the worst violence since 2019"): a superlative on the noun it hangs on compares the
    incident with the period's others; it sums no figures over the period."""
    for word in (token, *token.ancestors):
        if word.pos_ in ("VERB", "AUX"):
            return False
        if word.pos_ in ("NOUN", "PROPN") and any(c.tag_ in ("JJS", "RBS") or c.dep_ == "amod" and any(
                g.tag_ == "RBS" for g in c.children) for c in word.children):
            return True
    return False


def _since_long_ago(since) -> bool:
    """Whether a "since" counts from long ago, so that what happened since is a running total.

    It does from a year or a month ("since 2019", "since the ceasefire collapsed in March"), from a past event
    other than an incident ("since the coup", "since the offensive began", "since the army withdrew"), and,
    bare ("have since killed", "since then"), from the time named last before it when that is a year or a
    month ("the conflict began in August 2023 ... have since killed thousands"). It does not from a day, a
    week or an incident ("since Saturday", "since last week", "since the attack", "since the clashes
    erupted"), nor when a bare "since" has no such time before it ("two of the wounded have since died").
    """
    if since.dep_ == "mark" and since.head.dep_ == "advcl":
        main = since.head.head  # a "since" of reason ("since the road was closed, they turned back") has no perfect
        if not (main.tag_ == "VBN" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in main.children)):
            return False
        starts = [c for c in since.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        words = list(since.head.subtree)
    elif since.dep_ == "prep" and not any(c.lower_ == "then" for c in since.children):
        starts = [c for c in since.children if c.dep_ in ("pobj", "pcomp")]  # "since the coup", "since seizing power"
        words = [t for start in starts for t in start.subtree]
        if starts and all(start.pos_ == "ADV" for start in starts):  # "since late on Saturday": the time follows
            words = list(since.doc[since.i + 1:min(since.i + 5, since.sent.end)])
    elif since.dep_ in ("advmod", "prep"):
        words = _time_named_before(since)
        return bool(words) and _names_a_long_time(words)
    else:
        return False
    if not words or any(t.lemma_.lower() in SHORT_TIMES for t in words):
        return False
    if _names_a_long_time(words):
        return True
    return bool(starts) and not any(start.lemma_.lower() in INCIDENT_NOUNS for start in starts)


def _names_a_long_time(words) -> bool:
    """A year, a month or a span of years among ``words``: "2019", "August 2023", "the past decade"."""
    return not any(t.lemma_.lower() in SHORT_TIMES for t in words) and any(
        _YEAR.fullmatch(t.text.removesuffix("s")) or t.lower_ in MONTHS or t.lemma_.lower() in LONG_SPAN_WORDS
        for t in words)


def _time_named_before(since) -> list:
    """The words of the last date named before a bare "since", in its sentence or the one before."""
    sentence = since.sent
    first = sentence[0].nbor(-1).sent.start if sentence.start > 0 else sentence.start
    dates = [e for e in since.doc.ents if e.label_ == "DATE" and first <= e.start and e.end <= since.i]
    return list(dates[-1]) if dates else []


def _describes_a_noun(token) -> bool:
    """Whether ``token`` lies in a clause hung on a noun that is neither an incident nor a conflict, and the
    clause tells no casualties ("five people who were killed in 2021" counts a period)."""
    clause = next((t for t in (token, *token.ancestors) if t.dep_ in ("relcl", "acl")), None)
    if clause is None:
        return False
    # The parser often hangs the clause on the last noun of a prepositional phrase: in "the violence in
    # central Mali, which began in 2015" what began is the violence, not Mali.
    nouns = [clause.head]
    if clause.head.dep_ == "pobj" and clause.head.head.dep_ == "prep":
        nouns.append(clause.head.head.head)
    violent = any(noun.lemma_.lower() in INCIDENT_NOUNS | RECURRING_VIOLENCE | WHOLE_CONFLICTS for noun in nouns)
    return not violent and _verb_kind(clause) is None


def is_background_toll(verb) -> bool:
    """Whether ``verb`` tells a conflict's running toll rather than an incident's.

    "The war, which broke out in April 2023, has killed tens of thousands", "the insurgency has claimed
    30,000 lives", "tens of thousands have been killed in the conflict", "attacks by the group have killed
    2,000 people since 2015". A war or an insurgency named as the killer is always a running total; recurring
    violence ("fighting", "attacks") is one only over a long span, since "fighting has killed 40 people since
    Saturday" reports days of clashes that ACLED codes. Whoever killed, a toll told over a year or more is one
    ("security forces killed 200 rebels last year", "6,000 civilians have been killed since the coup").
    ``verb`` is a spaCy token; any other word is ``False``.
    """
    if verb.lemma_.lower() not in TOLL_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return False
    if _over_a_period(verb):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    present_perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
                          for c in verb.children)
    if present_perfect and _tallied(verb):
        return True
    long_span = any(_long_span(t) and not _describes_a_noun(t) for t in verb.subtree)
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            killers, named = [child], True
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in SPAN_PREPOSITIONS):
            killers, named = [c for c in child.children if c.dep_ == "pobj"], False  # "killed in the war"
        elif child.dep_ == "advcl" and any(c.lower_ == "since" for c in child.children):
            killers, named = [c for c in child.children if c.dep_ == "nsubj"], False  # "since the war began"
        else:
            continue
        for killer in (_antecedent(k) for k in killers):
            words = {killer.lemma_.lower(), killer.lower_}  # "fighting" is often tagged a verb, lemma "fight"
            if words & WHOLE_CONFLICTS and (named or perfect or long_span):
                return True
            if words & RECURRING_VIOLENCE and long_span:
                return True
    return False


def _tallied(verb) -> bool:
    """Victims counted in dozens or hundreds (in the present perfect: see the caller) with no incident to die in:
    "Dozens of soldiers and national guards have been killed there, many of them by mines" sums up years; "dozens
    have been killed in the fighting" (an incident word: :func:`incident_words`) is the toll of the fighting told,
    and "they had killed dozens of soldiers" a claim about the incident told."""
    victims = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    counted = [word for v in victims for word in (v, *(c for c in v.children if c.dep_ in ("nummod", "quantmod")))]
    if not any(word.tag_ == "NNS" and _vague_tens(word.text) for word in counted):
        return False
    from storyline.analyse.event_types import incident_words  # event_types reads casualty words of its own

    incident = incident_words(verb.sent)
    return not any(c.dep_ == "prep" and any(o.dep_ == "pobj" and o.i in incident for o in c.children)
                   for c in verb.children)


def _vague_tens(word: str) -> bool:
    """A plural count word that gives no figure and means tens or more ("dozens", "scores", "hundreds"), by the
    quantifier table (:func:`quantity`)."""
    figure = quantity(word)
    return figure is not None and figure.best is None and (figure.low or 0) >= 10


def _antecedent(word):
    """What "it" stands for when it opens a sentence: the subject of the sentence before ("The conflict ...
    began in 2017. It has killed more than 6,000 people"); any other word is itself."""
    if word.lower_ != "it" or word.sent.start == 0:
        return word
    before = word.doc[word.sent.start - 1].sent
    return next((c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")), word)


def _over_a_period(verb) -> bool:
    """Whether ``verb`` is told over a year or longer rather than on an incident's date, whoever killed:
    "last year", "so far this year", "in 2024", "over the past three years", "since the coup", "since the war
    began". A day, a week or a month ("since Saturday", "during the past week") is an incident's time or a
    short series; "on 4 May 2021" is a date."""
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ in ("prep", "advmod"):
            if _since_long_ago(child):
                return True
        elif child.dep_ == "advcl":
            if any(c.dep_ == "mark" and c.lower_ == "since" and _since_long_ago(c) for c in child.children):
                return True
        elif child.dep_ == "prep" and child.lower_ in PERIOD_PREPOSITIONS:
            if any(c.dep_ == "pobj" and _a_year_or_more(c) for c in child.children):
                return True
        elif child.dep_ == "npadvmod" and _a_year_or_more(child):
            return True
    return False


def _a_year_or_more(noun) -> bool:
    """A period of a year or more: "years", "the past decade", "recent months", "last year", "this year", or a
    year alone ("2024"; not "May 2024")."""
    lemma = noun.lemma_.lower()
    if lemma in LONG_SPAN_WORDS and noun.tag_ == "NNS":
        return True  # "in recent years", "over the past six months"
    if lemma in ("year", "decade") and noun.tag_ == "NN":
        return any(c.lower_ in ("last", "past", "previous", "this") for c in noun.children)
    return bool(_YEAR.fullmatch(noun.text)) and not list(noun.children)


def _long_span(token) -> bool:
    """A span counted in years, decades or months, or from a year on: "since 2015", "which began in 2009".

    A year alone is the date of an incident ("on 4 May 2021, three people were killed"), not a span.
    """
    if token.lower_ == "since":
        return _since_long_ago(token)
    if token.lemma_.lower() in LONG_SPAN_WORDS and token.tag_ in ("NNS", "NN"):
        return token.lower_ != "month"  # "this month" is short, "in recent months" long
    if not _YEAR.fullmatch(token.text):
        return False
    governors = [token.head, token.head.head, token.head.head.head]
    return any(t.lower_ == "since" for t in governors) or any(t.lemma_.lower() in SPAN_START_VERBS for t in governors)


def _whole_before_part(doc, first: int) -> _Count | None:
    """The count of the group that a part "ten of them" at token ``first`` is set off from by a comma ("Thirteen
    people, ten of them police officers"), if it is larger."""
    if first < 2 or doc[first - 1].text != ",":
        return None
    noun = doc[first - 2]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    counts = [_Count(figure, start, end, victims=(noun.i, noun.i))
              for start in range(max(noun.i - 4, noun.sent.start), noun.i) if not doc[start].is_punct
              for end in range(start, noun.i) if (figure := quantity(_text(doc, start, end))) is not None]
    whole = max(counts, key=lambda count: count.last - count.first, default=None)
    part = quantity(_text(doc, first, first))
    if whole is None or whole.figure.low is None or part is None or (part.low or 0) >= whole.figure.low:
        return None
    return whole


def _part_of_a_group(doc, last: int) -> bool:
    """Whether a count is followed by "of them" / "of whom" (the count may already end with its "of")."""
    words = [t.lower_ for t in doc[last:last + 3]]
    return words[:2] in (["of", "them"], ["of", "whom"]) or words[1:3] in (["of", "them"], ["of", "whom"])


def total_figure(casualties, kind: str) -> Figure | None:
    """The sum of the non-aggregate ``kind`` figures of one sentence's casualties (distinct groups add up).

    ``low`` adds unknown lows as 0 (a floor stays a floor); ``best`` and ``high`` are unknown as soon
    as one part is. ``None`` when there is no such figure.
    """
    parts = [c.figure for c in casualties if c.kind == kind and not c.is_aggregate]
    if not parts:
        return None
    best = None if any(p.best is None for p in parts) else sum(p.best for p in parts)
    high = None if any(p.high is None for p in parts) else sum(p.high for p in parts)
    return Figure(sum(p.low or 0 for p in parts), best, high, " + ".join(p.text for p in parts))


def _repeats(kind: str, figure: Figure, victims: str | None, earlier: list[Casualty]) -> bool:
    # "three workers were killed ... killing three": one figure told twice, once without or with the same group
    for other in earlier:
        same = (other.kind, other.figure.low, other.figure.best, other.figure.high) == (
            kind, figure.low, figure.best, figure.high)
        if same and (victims is None or other.victims is None or victims.lower() == other.victims.lower()):
            return True
    return False


# -- the casualty word and its arguments --------------------------------------------------------

def _shot_dead(verb):
    """The "dead" of "shot dead": the verb's own ("shot him dead"), or the word right after it, which the
    parser may hang on the object as an adjective ("shot dead two police officers")."""
    own = next((c for c in verb.children if c.lower_ == "dead"), None)
    if own is not None:
        return own
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ == "dead" and after.dep_ == "amod" and after.head.head == verb:
        return after
    return None


def _to_death(verb) -> list:
    """The "death" of "<verb> ... to death", also where the parser hung it on the victim's description: "beat two
    men accused of theft to death" (on "accused"), "... accused of stealing a goat to death" (on "stealing")."""
    holders = [verb] + [word for obj in verb.children if obj.dep_ == "dobj" for word in obj.subtree
                        if word.pos_ == "VERB" and word.lemma_.lower() not in TO_DEATH_VERBS | {"sentence", "condemn"}]
    return [pobj for holder in holders for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "to"
            for pobj in prep.children if pobj.lower_ == "death"]


def _read_trigger(token, excluded) -> list[tuple[str, _Count, list]]:
    """The counts one casualty word reports, as (kind, count, casualty-word tokens)."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma == "shoot" and (dead := _shot_dead(token)) is not None:  # "shot dead"
        return _from_verb(token, KILLED, excluded, [token, dead])
    fatally = [c for c in token.children if c.dep_ == "advmod" and c.lower_ in FATAL_ADVERBS]
    if fatally and token.pos_ in ("VERB", "AUX", "ADJ") and (
            lemma in INJURE_VERBS | TO_DEATH_VERBS | {"shoot"} or lower in ("injured", "wounded")):
        return _from_verb(token, KILLED, excluded, [fatally[0], token])  # "fatally wounded", "was fatally shot"
    if lemma == "gun" and any(c.lower_ == "down" for c in token.children):  # "gunned down"
        return _from_verb(token, KILLED, excluded, [token])
    to_death = _to_death(token)
    if to_death and lemma in TO_DEATH_VERBS:  # "stabbed to death"; not "sentenced to death"
        return _from_verb(token, KILLED, excluded, [token, to_death[0]])
    if lower == "dead" and token.i > 0 and token.nbor(-1).lower_ == "shot" and token.nbor(-1).pos_ != "VERB":
        # "gunmen on a motorcycle shot dead three vendors", parsed as "a motorcycle shot" and a "dead" with an object,
        # or with the victims as a subject after it ("... shot dead a rubber tapper, Mahama Dolah, in Yala") or
        # as the noun it describes ("shot dead two teachers")
        cue = [token.nbor(-1), token]
        if any(c.dep_ == "dobj" for c in token.children):
            return _from_verb(token, KILLED, excluded, cue)
        after = [c for c in token.children if c.dep_ == "nsubj" and c.i > token.i and c.i not in excluded]
        if token.dep_ == "amod" and token.head.i > token.i and token.head.i not in excluded:
            after.append(token.head)
        if after:
            return _counts(after, KILLED, excluded, cue)
    if lower == "dead" and (token.head.lemma_ == "shoot" or token.i > 0 and token.nbor(-1).lemma_ == "shoot"):
        return []  # read with its verb
    if lower in BARE_PARTICIPLES and token.head.lemma_ == "leave" and token.dep_ in ("oprd", "acomp", "ccomp",
                                                                                     "xcomp"):
        kind = KILLED if lower in ("dead", "killed") else INJURED  # "left 11 dead"
        adjacent = _adjacent_count(token, excluded)
        if adjacent is not None:
            return [(kind, adjacent, [token])]
        # "leaving more than a dozen people hurt" may be parsed as a clause whose subject is the victims
        victims = _objects(token.head, excluded) or [c for c in token.children
                                                     if c.dep_ == "nsubj" and c.i not in excluded]
        return _counts(victims, kind, excluded, [token])
    if wounded_by_a_shot(token):  # "was shot in the leg", "was hit by a stray bullet"
        return _from_verb(token, INJURED, excluded, [token])
    if lemma in EUPHEMISTIC_KILL_VERBS and token.pos_ == "VERB":
        return _from_verb(token, KILLED, excluded, [token]) if _bodies_told(token) else []
    if lemma in KILL_VERBS and token.pos_ in ("VERB", "AUX", "ADJ"):
        found = _from_verb(token, KILLED, excluded, [token])
        if lemma in AMBIGUOUS_KILL_VERBS:
            found = [item for item in found if not item[1].singular or item[1].figure.text[:1].isupper()]
        return found
    if (lemma in INJURE_VERBS or lower in ("injured", "wounded", "hurt", "harmed")) and (
            token.pos_ in ("VERB", "AUX", "ADJ") or token.tag_ in ("VBN", "VBD", "VBG", "JJ")):
        if token.dep_ == "amod" and token.head.dep_ == "nsubj" and token.head.head.lemma_.lower() in DIE_VERBS:
            return []  # "an injured constable succumbed to his wounds": one of the dead, no longer among the hurt
        return _from_verb(token, INJURED, excluded, [token])
    if lemma in DIE_VERBS and token.pos_ in ("VERB", "AUX"):
        return _from_verb(token, KILLED, excluded, [token])
    if lemma == "toll":
        return _from_toll(token, excluded)
    if lemma == "number" and token.pos_ == "NOUN" and (kind := _counted_kind(token, excluded)):
        return _from_toll(token, excluded, kind)  # "the number of officers killed rose to five"
    if lemma == "lose" and token.pos_ == "VERB":
        return _from_lost(token, excluded)
    if lemma == "life" and token.pos_ == "NOUN":
        return _from_lives(token, excluded)
    if lemma == "casualty" and token.pos_ == "NOUN":
        zero = _zero(token)
        return [(kind, zero, [token]) for kind in (KILLED, INJURED)] if zero else []
    if lemma in CORPSE_NOUNS and token.pos_ == "NOUN":
        return _from_bodies(token, excluded)
    if lemma in BURIAL_VERBS and token.pos_ == "VERB":
        return _from_burial(token, excluded)
    if lemma in DEATH_NOUNS or lower in ("killings", "deaths"):
        return _from_noun(token, KILLED, excluded)
    if lemma in INJURY_NOUNS:
        return _from_noun(token, INJURED, excluded)
    if lemma == "condition" and token.pos_ == "NOUN":
        return _from_condition(token, excluded)
    if _is_harm(token):
        return _from_harm(token, excluded)
    if lemma in CARE_PLACES and token.pos_ in ("NOUN", "PROPN"):  # "at the provincial hospital", "at Mulago Hospital"
        return _from_care(token, excluded)
    return []


# What hits a person and wounds them: "hit by a stray bullet", "struck by shrapnel", "hit on the head by a stone"
PROJECTILES = frozenset({"bullet", "shrapnel", "fragment", "pellet", "round", "gunfire", "shell", "splinter", "stone",
                         "rock", "brick", "bottle", "canister", "projectile"})
HIT_VERBS = frozenset({"hit", "strike", "graze"})
BODY_WORDS = BODY_PARTS | {"chest", "stomach", "abdomen", "buttock", "face", "groin", "torso", "side", "mouth"}


def wounded_by_a_shot(verb) -> bool:
    """Whether a passive verb tells a person wounded, not killed, by a shot: "was shot in the leg", "were hit by stray
    bullets", "was struck in the arm by shrapnel". Not where the sentence tells a death ("was shot in the head and
    died"), which the death words count."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    places = [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
              for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in BODY_WORDS]
    means = [p for agent in verb.children if agent.dep_ == "agent"
             for p in agent.children if p.dep_ == "pobj" and p.lemma_.lower() in PROJECTILES]
    if not (lemma == "shoot" and places or lemma in HIT_VERBS and means and _hit_a_person(verb)):
        return False
    if any(c.lower_ in ("dead", "death") for c in verb.children):
        return False  # "shot dead", "shot to death"
    return not any(t.lemma_.lower() in DIE_VERBS | KILL_VERBS or t.lower_ in ("dead", "fatally", "killed")
                   for t in verb.sent)


_PERSON_ENDINGS = ("er", "or", "ist", "man", "men", "ian", "ant", "ent", "child", "children", "boy", "girl", "by")
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})
# things hit by fire whose names end as people's do
_THINGS_HIT = frozenset({"tower", "container", "shelter", "helicopter", "tanker", "trailer", "tractor", "center",
                         "centre", "corridor", "door", "floor", "generator", "reactor", "water", "carrier", "computer",
                         "monitor", "poster", "transformer", "headquarter", "parliament", "apartment", "department",
                         "compartment", "settlement", "establishment", "embassy"})


def _hit_a_person(verb) -> bool:
    """Whether what was hit is a person, not a car or a wall ("a woman was hit by a stray bullet")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(s.lower_ in _PERSONAL_PRONOUNS or s.ent_type_ == "PERSON" or s.lemma_.lower() in PERSON_NOUNS
               or s.pos_ == "NOUN" and s.lemma_.lower().endswith(_PERSON_ENDINGS)
               and s.lemma_.lower() not in _THINGS_HIT for s in subjects)


def _is_harm(token) -> bool:
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    # "treated for the effects of tear gas", "for smoke inhalation": harm from the gas or smoke breathed in
    gassed = lemma == "inhalation" or lemma == "effect" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.lemma_.lower() in _FUMES
                                                      for p in c.children) for c in token.children)
    if lemma == "cut" and any(c.dep_ == "prep" and c.lower_ in ("to", "in", "of") for c in token.children):
        return False  # "cuts to its budget", "cuts in pay": what was reduced, no wound
    return lemma in _HARM_ONLY_NOUNS or gassed or (
        lemma in BODY_PARTS and any(c.dep_ == "amod" and c.lower_ in BROKEN_WORDS for c in token.children))


def _bearer_verb(harm):
    """The verb whose subject bears ``harm``: "suffered burns", "were treated for gunshot wounds", "are receiving
    treatment for burns", "was taken to hospital with a broken leg"; None when the harm is told otherwise."""
    harm = _first_conjunct(harm)  # "treated for gunshot and other wounds"
    if harm.dep_ == "pobj" and harm.head.lower_ == "of" and harm.head.head.dep_ == "dobj" and (
            harm.head.head.lemma_.lower() in DEGREE_NOUNS):
        harm = harm.head.head  # "sustained various degrees of injury": the degrees stand for the harm
    if harm.dep_ == "dobj":
        return harm.head if harm.head.lemma_.lower() in SUFFER_VERBS else None
    prep = harm.head
    if harm.dep_ != "pobj" or prep.lower_ not in ("for", "with"):
        return None
    holder = prep.head
    in_care = False
    if holder.lemma_.lower() in TREATMENT_NOUNS and holder.dep_ == "dobj":
        holder = holder.head  # "receiving treatment for burns"
    elif holder.lemma_.lower() in CARE_PLACES and holder.dep_ == "pobj":
        holder, in_care = holder.head.head, True  # "taken to hospital with shrapnel wounds"
    elif holder.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and holder.dep_ == "dobj":
        holder = holder.head  # "treated 14 people for gunshot wounds", the parser hanging "for" on the people
    lemma = holder.lemma_.lower()
    # "remains in hospital with shrapnel wounds", "is in hospital with burns": who stays in care bears the harm
    bears = lemma in TREAT_VERBS | SUFFER_VERBS or in_care and lemma in STAY_VERBS
    return holder if holder.pos_ in ("VERB", "AUX") and bears else None


def _first_conjunct(word):
    """The first of the words joined to ``word`` by "and"/"or", which carries their place in the sentence."""
    while word.dep_ == "conj" and word.head.i != word.i:
        word = word.head
    return word


def _from_harm(harm, excluded) -> list:
    """The injured told by their harm: one count per person who bears it, the subject of "suffered" or of a passive
    "treated", the object of an active one ("Three people were treated for gunshot wounds", "doctors treated 14
    people for burns", "A night watchman was beaten and was being treated for a broken arm"). The harm's own
    number counts wounds, not people ("two gunshot wounds"), and a harm no one is said to bear counts nobody."""
    first = _first_conjunct(harm)
    prep = first.head
    if first.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ == "NOUN" and prep.head.i not in excluded \
            and prep.head.lemma_.lower() not in TREATMENT_NOUNS | {"hospital"}:
        return _counts([prep.head], _harm_kind(harm), excluded, [harm])  # "four more people with gunshot wounds"
    verb = _bearer_verb(harm)
    if verb is None or any(c.dep_ == "neg" for c in verb.children) or _hypothetical(verb):
        return []
    treated = verb.lemma_.lower() in TREAT_VERBS
    # "treated 14 people", "hospitals received 40 people" (not the dead: "received 14 bodies and 20 wounded people,
    # most of them with gunshot wounds")
    bearers = [c for c in verb.children if c.dep_ == "dobj" and c.i != harm.i
               and c.lemma_.lower() not in TREATMENT_NOUNS | DEGREE_NOUNS | CORPSE_NOUNS]
    if not bearers and treated:  # "treated between nine and twelve people": the count's first word taken for a prep
        bearers = _counted_by_preposition(verb, excluded)
    while not bearers:
        # the subject, unless it is who gave the care ("doctors treated them"); a passive's is who got it
        bearers = [c for c in verb.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and not treated]
        if bearers or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head  # "was beaten with rifle butts and was being treated for a broken arm"
    return _counts([c for c in bearers if c.i not in excluded], _harm_kind(harm), excluded, [harm])


def _from_care(place, excluded) -> list:
    """The injured told by where they are cared for: "Nine other people are being treated at the provincial
    hospital", "12 were admitted to hospital", "four remain in hospital". Only for verbs of care or of staying (not
    "taken to hospital", which the dead are too), and only for people treated, admitted or staying, not a doctor who
    treats them nor bodies kept there."""
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ not in ("in", "at", "to"):
        return []
    verb = prep.head
    # "Four other people remain in hospital": who stays in care was hurt
    stays = prep.lower_ == "in" and verb.lemma_.lower() in STAY_VERBS - {"be"}
    if verb.pos_ not in ("VERB", "AUX") or not (verb.lemma_.lower() in CARE_VERBS or stays):
        return []
    if any(c.dep_ == "neg" for c in verb.children) or _hypothetical(verb) or any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return []  # "treated for shock" says what for; a harm word there is read by _from_harm
    bearers = [c for c in verb.children if (c.dep_ == "nsubjpass" or stays and c.dep_ == "nsubj")
               and c.i not in excluded and c.lemma_.lower() not in CORPSE_NOUNS]
    return _counts(bearers, INJURED, excluded, [place]) if bearers else []


# How a hospital tells the state of someone hurt: "in critical condition", "in a serious but stable condition"
# (not "poor" or "fair": a road or a building may be in that condition)
CONDITION_WORDS = frozenset({"critical", "serious", "stable", "grave", "guarded", "life-threatening"})


def _from_condition(condition, excluded) -> list:
    """The injured told by the state they are in: "A 27-year-old protester was in critical condition", "two
    remain in a serious but stable condition". Only for a subject that is, remains or lies in it."""
    prep = condition.head
    # "critical condition", "a serious but stable condition" ("stable" hangs on "serious")
    if condition.dep_ != "pobj" or prep.lower_ != "in" or not any(c.lower_ in CONDITION_WORDS for c in condition.lefts):
        return []
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in STAY_VERBS or any(
            c.dep_ == "neg" for c in verb.children) or _hypothetical(verb):
        return []
    bearers = [c for c in verb.children if c.dep_ == "nsubj" and c.i not in excluded
               and c.lemma_.lower() not in CORPSE_NOUNS]
    # "None of them was in a serious condition" says how badly the injured are hurt, not that nobody was
    return [count for count in _counts(bearers, INJURED, excluded, [condition]) if count[1].figure.best != 0]


def _harm_kind(harm) -> str:
    """Killed for a harm that killed ("sustained fatal gunshot wounds", "taken to hospital with mortal wounds",
    "received gunshot wounds incompatible with life"), else injured."""
    fatal = any(c.dep_ == "amod" and c.lower_ in FATAL_WORDS for c in harm.children)
    return KILLED if fatal or _incompatible_with_life(harm) else INJURED


def _incompatible_with_life(harm) -> bool:
    """Whether the harm is told "incompatible with life" (a euphemism for fatal wounds)."""
    return any(c.lower_ == "incompatible" and any(p.lower_ == "with" and any(o.lower_ == "life" for o in p.children)
                                                  for p in c.children) for c in harm.children)


def _from_verb(verb, kind: str, excluded, cue) -> list:
    if any(c.dep_ == "neg" for c in verb.children) or _hypothetical(verb):
        return []
    adjacent = _adjacent_count(verb, excluded)
    if adjacent is not None:
        return [(kind, adjacent, cue)]
    heads = _verb_arguments(verb, excluded)
    results = _counts(heads or _subject_before(verb, excluded), kind, excluded, cue)
    if verb.lemma_.lower() in UNHARMED_VERBS:
        results += [(KILLED, count, cue) for _, count, _ in results if count.figure.best == 0]
    return results


def _verb_arguments(verb, excluded) -> list:
    """The victim heads of a casualty verb: passive subject, object, or the noun a participle describes."""
    children = list(verb.children)
    if verb.lemma_.lower() in DIE_VERBS:
        subjects = [c for c in children if c.dep_ == "nsubj"]
    else:
        subjects = [c for c in children if c.dep_ == "nsubjpass"]
        if not subjects and verb.tag_ == "VBN" and not any(
                c.dep_ == "dobj" or (c.dep_ == "aux" and c.lemma_ == "have") for c in children):
            subjects = [c for c in children if c.dep_ == "nsubj"]  # "and 34 wounded": an elided "were"
    subjects = [_relative_antecedent(verb) if s.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else s
                for s in subjects]
    if subjects:
        # a dateline read as the subject ("KUTAISI - A man who ... died"): the victim is the phrase hung on it
        return [s for s in subjects if s.i not in excluded] + [
            c for s in subjects if s.i in excluded for c in s.children if c.dep_ == "appos" and c.i not in excluded]
    if raised := _raised_subjects(verb, excluded):
        return raised
    if _describes_people(verb):
        return [verb.head]  # "several wounded soldiers", "five people killed in the blast"
    objects = _objects(verb, excluded)
    if objects or verb.dep_ != "conj":
        return objects
    # "shot and killed three", "was ambushed and killed": the verb shares its partner's argument
    partner = verb.head
    if partner.lemma_.lower() in KILL_VERBS | INJURE_VERBS | DIE_VERBS:
        return []
    subjects = [c for c in partner.children if c.dep_ == "nsubjpass" and c.i not in excluded]
    if subjects or any(c.dep_ == "auxpass" for c in children):
        return subjects  # a passive verb never takes its partner's object as its victim
    return _objects(partner, excluded)


def _relative_antecedent(relative_verb):
    """The noun a relative clause tells of: the whole coordination when a plural verb follows two singular nouns
    ("a woman and a teenage boy who were hurt": the parser hangs the clause on the boy alone)."""
    head = relative_verb.head
    plural = any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "are", "have") for c in relative_verb.children)
    while plural and head.dep_ == "conj" and head.head.i < head.i and head.tag_ in ("NN", "NNP"):
        head = head.head
    return head


def _raised_subjects(word, excluded) -> list:
    """The subject a casualty word shares with the verb it completes: "three soldiers were reported killed", "nine
    people were found dead", "six people are known to have been injured", "two guards appear to have died".

    Under a passive verb a bare participle or adjective tells what its subject was found or said to be; a perfect
    infinitive ("to have been killed", "to have died") tells it of the subject raised to the verb above. An
    infinitive of what is yet to be ("are expected to die") is no toll, and the subject of an active killing
    ("rebels are thought to have killed nine farmers") is the killer.
    """
    if word.dep_ not in ("xcomp", "oprd") or word.head.i == word.i:
        return []
    verb = word.head
    auxiliaries = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    bare = not auxiliaries and word.tag_ in ("VBN", "JJ") and any(c.dep_ == "auxpass" for c in verb.children)
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in auxiliaries) and (
        word.lemma_.lower() in DIE_VERBS or any(c.dep_ == "auxpass" for c in auxiliaries))
    if not (bare or perfect):
        return []
    return [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj") and c.i not in excluded]


def _describes_people(word) -> bool:
    """Whether a casualty word describes the noun it hangs on: a participle after it ("five people killed in
    the blast") or an adjective before it ("several wounded soldiers"). The tagger reads a sentence-initial
    "wounded" as an adjective and a later one as a participle; both count the noun, unless it names a part of
    a body or a feeling ("an injured knee", "wounded pride")."""
    if word.dep_ not in ("acl", "amod") or word.head.lemma_.lower() in NOT_PEOPLE:
        return False
    if any(c.dep_ == "dobj" for c in word.children):
        return False  # "Bandits killed 20 villagers" misread as a reduced relative: a verb with an object acts
    before = word.dep_ == "amod" and word.i < word.head.i and word.tag_ in ("JJ", "VBN")
    return (before or word.tag_ == "VBN") and _next_to(word.head, word)


def _next_to(noun, verb) -> bool:
    # a reduced relative follows its noun; a parse that hangs "killed" on a far noun is wrong
    between = noun.doc[min(noun.i, verb.i) + 1:max(noun.i, verb.i)]
    return all(t.pos_ in ("ADV", "AUX", "PART") or t.lower_ in ("who", "were", "was", "being") for t in between)


def _objects(verb, excluded) -> list:
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i not in excluded]
    if objects:  # "killed a council member in addition to three of his guards"
        extra = [_additive_object(c) for c in verb.children]
        objects += [e for e in extra if e is not None and e.i not in excluded]
    return (objects or _counted_by_preposition(verb, excluded) or _subject_of_clause_after(verb, excluded)
            or _taken_for_the_speaker(verb, excluded))


def _taken_for_the_speaker(verb, excluded) -> list:
    """Victims the parser made the subject of the reporting verb that ends the sentence: "..., killing [at least six
    soldiers], a spokesman for the group said" (parsed as "soldiers ... said"): a counted noun right after the verb,
    whose own apposition names the speaker."""
    after = next((t for t in verb.doc[verb.i + 1:verb.i + 6] if t.pos_ in ("NOUN", "PROPN")), None)
    if after is None or after.i in excluded or after.dep_ != "nsubj" or after.head.lemma_.lower() not in SAY_VERBS:
        return []
    counted = any(c.dep_ == "nummod" for c in after.children)
    speaker = any(c.dep_ == "appos" for c in after.children)
    return [after] if counted and speaker and after.head.i > after.i else []


def _subject_of_clause_after(verb, excluded) -> list:
    """Victims the parser made the subject of a clause hung on the verb: "killed [four farmers] working their
    fields" (parsed as "killed [four farmers working their fields]", a clause), when the verb has no object."""
    return [subject for clause in verb.children if clause.dep_ in ("ccomp", "xcomp") and clause.tag_ == "VBG"
            and clause.i > verb.i for subject in clause.children
            if subject.dep_ == "nsubj" and subject.i not in excluded and verb.i < subject.i < clause.i]


def _counted_by_preposition(verb, excluded) -> list:
    """Victims whose count begins with a word the parser took for a preposition: "killed between 12 and 15
    people", "wounded over 30 people". The preposition belongs to the count when the two read as one."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i not in excluded):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i not in excluded):
            count = _count_in_children(pobj, excluded)
            if count is not None and count.first == prep.i:
                found.append(pobj)
    return found


def _additive_object(prep):
    if prep.dep_ != "prep":
        return None
    phrase = " ".join(t.lower_ for t in prep.subtree)
    additive = next((words for words in ADDITIVE_PREPOSITIONS if phrase.startswith(words)), None)
    if additive is None:
        return None
    last_word = prep.doc[prep.i + len(additive.split()) - 1]  # "to" of "in addition to"
    return next((c for c in last_word.children if c.dep_ == "pobj"), None)


def _hypothetical(verb) -> bool:
    """Whether the casualty verb tells what may or would happen: a modal ("could die"), an intention, or the outcome
    of a condition ("if we stop, the market dies")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS


def _grievance(noun) -> bool:
    """Whether a death or killing is what people protest over, not a casualty of what the sentence tells:
    "demanding answers over the death of a detainee", "anger at the killing of a student", "protesting the
    death of a driver", "the protest was triggered by the death of a driver"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "over":
        return True
    if noun.dep_ == "pobj" and head.lower_ in ("at", "against") and (
            head.head.lemma_.lower() in GRIEVANCE_WORDS or head.i > 0 and head.nbor(-1).lemma_.lower() in GRIEVANCE_WORDS):
        return True  # "protested against the killing", "marched in anger at the killing"
    if noun.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in CAUSE_VERBS:
        return True  # "the protest was triggered by the death of a driver"
    return noun.dep_ == "dobj" and head.lemma_.lower() in GRIEVANCE_WORDS


def _from_noun(noun, kind: str, excluded) -> list:
    """Counts a casualty noun carries: "five deaths", "the killings of three workers", "sustained injuries".
    None for a death that people protest over (:func:`_grievance`)."""
    if kind == KILLED and _grievance(noun):
        return []
    zero = _zero(noun)
    if zero:
        return [(kind, zero, [noun])]
    adjacent = _adjacent_count(noun, excluded)
    if adjacent is not None:
        return [(kind, adjacent, [noun])]
    if kind == INJURED and noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUFFER_VERBS | {"have"}:
        verb = noun.head
        # "the man, who had head injuries": the one the relative pronoun stands for
        subjects = [_relative_antecedent(verb) if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else c
                    for c in verb.children if c.dep_ == "nsubj" and c.i not in excluded]
        return _counts(subjects, _harm_kind(noun), excluded, [noun.head, noun])
    if kind == INJURED and noun.lemma_.lower() == "injury" and _bearer_verb(noun) is not None:
        return _from_harm(noun, excluded)  # "five were treated for injuries"
    target = _of_object(noun, excluded)
    count = _count_in_children(noun, excluded)
    if count is not None:
        inner = _count_of_head(target, excluded) if target is not None else None
        if inner is not None and inner.figure == count.figure:
            return [(kind, inner, [noun])]
        return [(kind, _Count(count.figure, count.first, count.last,
                              _victim_range(target, None) if target is not None else None), [noun])]
    if target is not None:
        return _counts([target], kind, excluded, [noun])
    if noun.lower_ in BARE_PARTICIPLES:
        return _counts(_raised_subjects(noun, excluded) or _subject_before(noun, excluded), kind, excluded, [noun])
    return []


def _from_bodies(bodies, excluded) -> list:
    """The dead counted by their bodies: "nine bodies were brought in", "dozens of bodies", "recovered the bodies of
    12 people". Only a count of its own says how many: "the body of the driver", "the bodies of the two victims" and
    "the bodies of three of their comrades" point back to dead told before, or to some of them."""
    if bodies.tag_ != "NNS":
        return []
    count = _count_in_children(bodies, excluded) or _count_of_container(bodies)
    if count is not None:
        return [(KILLED, _Count(count.figure, count.first, count.last), [bodies])]
    target = _of_object(bodies, excluded)
    if target is None or target.like_num or any(c.dep_ in ("det", "poss") for c in target.children):
        return []
    counted = _count_in_children(target, excluded)
    if counted is None:
        return []
    return [(KILLED, _Count(counted.figure, counted.first, counted.last, _victim_range(target, counted)), [bodies])]


def _from_burial(verb, excluded) -> list:
    """The dead counted by their burial: "we buried seven people", "23 villagers were buried on Tuesday". Only
    people count: "the landslide buried 30 homes" and "buried the weapons" count nobody, nor do the living
    ("were buried alive", "buried under the rubble", where some are pulled out)."""
    if any(c.lower_ == "alive" or c.dep_ == "prep" and c.lower_ in ("under", "beneath") for c in verb.children):
        return []
    found = _from_verb(verb, KILLED, excluded, [verb])
    return [item for item in found if _names_people(verb.doc, item[1])]


def _names_people(doc, count: _Count) -> bool:
    """Whether the victims of a count are people: a word for people or a group of the actor table ("villagers",
    "soldiers"), as the victims' phrase is written."""
    if count.victims is None:
        return False
    words = doc[count.victims[0]:count.victims[1] + 1]
    return words.root.lemma_.lower() in PERSON_NOUNS or canonical_actor(words.text).category is not None


def _bodies_told(verb) -> bool:
    """Whether the clause of a euphemism for killing speaks of its victims' bodies ("twelve terrorists neutralised,
    whose bodies were left on the battlefield"), which makes it a killing and not a capture."""
    return any(t.lemma_.lower() in CORPSE_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("whose", "their")
                                                        for c in t.children) for t in verb.subtree)


def _from_lives(lives, excluded) -> list:
    # "claimed the lives of 12 people", "claimed 12 lives", "five people lost their lives"
    verb = lives.head.lemma_.lower()
    if verb == "lose" and lives.dep_ == "dobj":
        subjects = [c for c in lives.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in excluded]
        return _counts(subjects, KILLED, excluded, [lives.head, lives])
    return _from_noun(lives, KILLED, excluded) if verb in ("claim", "take", "cost") else []


def _from_lost(verb, excluded) -> list:
    """ "lost seven men", "lost two of its soldiers": a side's own dead; "lost two vehicles" counts nobody."""
    if any(c.dep_ == "neg" for c in verb.children) or _hypothetical(verb):
        return []
    lost_to = [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to"
               for pobj in prep.children if pobj.dep_ == "pobj"]
    if any(pobj.lemma_.lower() not in LOST_TO_HARM for pobj in lost_to):
        return []
    people = []
    for obj in _objects(verb, excluded):
        named = _of_object(obj, excluded) if obj.like_num or obj.pos_ == "NUM" else obj  # "two of its soldiers"
        if named is not None and named.lemma_.lower() in LOST_PEOPLE and named.tag_ in ("NNS", "NNPS", "NN"):
            people.append(obj)
    return _counts(people, KILLED, excluded, [verb])


# Verbs a toll changes or stands by: "the toll rose to 13", "the number of dead has reached 20".
TOLL_CHANGE_VERBS = frozenset({"rise", "climb", "increase", "jump", "reach", "grow", "soar", "mount"})


def _from_toll(toll, excluded, kind: str | None = None) -> list:
    # "the death toll rose to 13", "a toll of 13", "bringing the toll to 20", "raising the number of dead to 7"
    if any(c.dep_ == "amod" and c.lower_ in SUPERSEDED_WORDS for c in toll.children):
        return []  # "raising an earlier toll of three": the figure the new count replaces, told before
    if kind is None:
        kind = INJURED if any(c.lemma_.lower() == "injury" for c in toll.children) else KILLED
    candidates = [pobj for prep in toll.children if prep.dep_ == "prep" and prep.lower_ in ("of", "at")
                  for pobj in prep.children if pobj.dep_ == "pobj"] if toll.lemma_ == "toll" else []
    verb = toll.head
    if toll.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.i != toll.i:
        # the toll's own verb, or one the parser hung below the clause it took for the toll's ("The number of people
        # killed when militants raided the village late on Tuesday has risen to five": "number" the subject of
        # "raided")
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "conj") and c.i > toll.i
                          and c.lemma_.lower() in TOLL_CHANGE_VERBS and verb.lemma_.lower() not in TOLL_CHANGE_VERBS]
        for child in (child for clause in verbs for child in clause.children):
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                candidates += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ in ("attr", "dobj") and child.i != toll.i:
                candidates.append(child)
    cue = [c for c in toll.children if c.dep_ == "compound"] + [toll]
    # whom "the number of wounded soldiers" counts; "the number of dead" names no group
    counted = _of_object(toll, excluded) if toll.lemma_ == "number" else None
    victims = _victim_range(counted, None) if counted is not None and counted.lemma_.lower() not in \
        DEATH_NOUNS | INJURY_NOUNS else None
    for candidate in candidates:
        count = None if candidate.i in excluded else _count_of_head(candidate, excluded)
        if count is not None and count.victims is None:
            return [(kind, _Count(count.figure, count.first, count.last, victims, total=True), cue)]
    return []


def _counted_kind(number, excluded) -> str | None:
    """What "the number of ..." counts: the dead ("of dead", "of people killed", "of those who died"), the
    injured ("of wounded", "of people injured"), or something else (``None``)."""
    counted = _of_object(number, excluded)
    if counted is None:
        return None
    words = [counted] + [c for c in counted.children if c.dep_ in ("acl", "relcl", "amod")]
    # "the number of people killed", the parser hanging "killed" on the number
    words += [c for c in number.children if c.dep_ == "acl" and c.i > counted.i]
    for word in words:
        kind = _verb_kind(word) or (KILLED if word.lemma_.lower() in DEATH_NOUNS else
                                    INJURED if word.lemma_.lower() in INJURY_NOUNS else None)
        if kind is None and word.pos_ == "VERB" and word.lemma_.lower() in CARE_VERBS:
            kind = INJURED  # "the number of people treated for injuries has risen to 14"
        if kind is not None:
            return kind
    return None


def _now_total(item):
    """A count "now" reached is a running total: "six people had now died, after a boy died in surgery" counts the
    boy among the six (see :func:`_parts_of_totals`)."""
    kind, count, cue = item
    verb = cue[0]
    if not count.total and any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children):
        return kind, replace(count, total=True), cue
    return item


def _parts_of_totals(found) -> list:
    """Leaves out the figures a toll in the same clause already counts: in "the toll rose to five after a
    constable died of his wounds" and "another soldier died, bringing the toll to nine" the one who died is
    part of the total. A toll in a clause coordinated with the killing ("..., and the toll rose to 40") may
    count more than that incident, so both stay."""
    totals = {(kind, _clause_root(cue[-1])) for kind, count, cue in found if count.total}
    return [(kind, count, cue) for kind, count, cue in found
            if count.total or (kind, _clause_root(cue[0])) not in totals]


def _clause_root(token) -> int:
    """The verb heading the sentence, or the coordinated clause with a subject of its own, of ``token``."""
    while token.head.i != token.i and not (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children)):
        token = token.head
    return token.i


# -- the count a victim group carries -----------------------------------------------------------

def _counts(heads, kind: str, excluded, cue) -> list:
    """One count per victim head, following coordinated and listed groups."""
    counts = (_count_of_head(head, excluded) for head in _expand(heads, excluded))
    return [(kind, count, cue) for count in counts if count is not None]


def _expand(heads, excluded) -> list:
    out, queue = [], list(heads)
    while queue:
        head = queue.pop(0)
        if head.i in excluded or head in out:
            continue
        out.append(head)
        for child in head.children:
            if child.dep_ == "conj":
                queue.append(child)
            elif child.dep_ == "appos" and (child.like_num or any(c.dep_ in ("nummod", "quantmod")
                                                                  for c in child.children)):
                queue.append(child)  # a list the parser read as apposition: "2 militants, 3 policemen"
            elif (extra := _additive_object(child)) is not None:
                queue.append(extra)
    return out


def _count_of_head(head, excluded) -> _Count | None:
    """The count a victim head carries: its own number, a number before it, one, or zero."""
    if head.lemma_.lower() in OCCASION_NOUNS:
        return None  # "three times this year, soldiers were killed": a count of occasions
    zero = _zero(head)
    of_object = _of_object(head, excluded)
    if zero:  # "no soldiers were hurt", "none of the passengers", "no members of the security forces"
        group = of_object if of_object is not None and head.lower_ in ZERO_CONTAINERS else head
        if group.pos_ == "PRON" or group.lower_ in NOBODY_WORDS | {"one"}:
            return zero  # "no one", "nobody": no group named
        return _Count(zero.figure, zero.first, zero.last, _victim_range(group, None))
    own = _count_around(head, head.left_edge.i, head.i)  # "3 were wounded", "dozens of people", "three of them"
    if own is not None:
        if of_object is not None:
            return _Count(own.figure, own.first, own.last, _victim_range(of_object, None))
        return _Count(own.figure, own.first, own.last, inherits=True)
    if head.lower_ in CONTAINER_NOUNS and of_object is not None:
        return _count_of_head(of_object, excluded)
    count = _count_in_children(head, excluded)
    if head.lower_ in ("others", "other"):  # "six others" names no group
        return count
    if count is not None:
        return _Count(count.figure, count.first, count.last, _victim_range(head, count))
    return _singular(head) or _count_before(head) or _count_of_container(head)


def _count_of_container(head) -> _Count | None:
    """The count a group is taken from: "dozens of wounded civilians" counts the civilians; "two of the
    wounded soldiers" is a part of a group named before, so it gives nothing here."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "of" or any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    count = _count_around(prep.head, prep.head.left_edge.i, prep.head.i)
    if count is None or count.last != prep.head.i:
        return None
    return _Count(count.figure, count.first, count.last, _victim_range(head, None))


def _count_in_children(head, excluded) -> _Count | None:
    first = head.left_edge.i
    if head.dep_ == "pobj" and head.head.i == first - 1:
        first = head.head.i  # "between 12 and 15 people" read as a preposition and its object
    for child in sorted(head.children, key=lambda c: -c.i):
        if child.i > head.i or child.i in excluded:
            continue
        if child.dep_ in ("nummod", "quantmod", "det", "amod", "advmod", "nmod", "compound", "predet", "meta"):
            found = _count_around(child, first, head.i - 1)
            if found is not None and found.figure.text.lower() not in ("a", "an", "single", "another", "no"):
                return found  # singular determiners are read by _singular, with the noun's number
    return None


def _count_around(core, lower: int, upper: int) -> _Count | None:
    """The longest run of words around ``core``, within [lower, upper], that the quantifier table reads."""
    doc, sentence = core.doc, core.sent
    if _date_time_or_amount(core) or _counts_occasions(core):
        return None
    lower, upper = max(lower, core.i - 4, sentence.start), min(upper, core.i + 3, sentence.end - 1)
    best = None
    for first in range(lower, core.i + 1):
        if doc[first].is_punct or (first > sentence.start and doc[first - 1].lower_ in ("number", "no.", "#")):
            continue  # "al Qaeda's number two" is a rank, not a count
        if first > sentence.start and doc[first - 1].lower_ == "how":
            continue  # "did not say how many attackers died": a question, not a count
        for last in range(max(core.i, first), upper + 1):
            if doc[last].is_punct or (best is not None and last - first <= best.last - best.first):
                continue
            figure = quantity(_text(doc, first, last))
            if figure is not None:
                best = _Count(figure, first, last)
    return best


def _adjacent_count(word, excluded) -> _Count | None:
    """The count right before a bare participle or adjective: "34 wounded", "eight people dead".

    Only for words with no auxiliary and no object of their own, where the parse of elliptic
    lists ("left eight people dead and 40 injured") is least reliable.
    """
    if word.lower_ not in BARE_PARTICIPLES or word.tag_ not in ("JJ", "VBN", "NN"):
        return None
    if word.dep_ == "amod" and word.head.i > word.i:
        return None  # "three wounded policemen": the count is the noun's, read with it
    if any(c.dep_ in ("auxpass", "aux", "dobj", "nsubjpass") for c in word.children):
        return None
    if word.i - 1 < word.sent.start or word.i - 1 in excluded:
        return None
    previous = word.doc[word.i - 1]
    if _is_count_word(previous):
        count = _count_around(previous, previous.i - 4, previous.i)
        return None if count is None else _Count(count.figure, count.first, count.last, inherits=True)
    if previous.pos_ in ("NOUN", "PROPN") and previous.tag_ in ("NNS", "NNPS"):
        count = _count_in_children(previous, excluded) or _count_before(previous)
        if count is not None:
            return _Count(count.figure, count.first, count.last, _victim_range(previous, count))
    return None


def _count_before(head) -> _Count | None:
    """Fallback for a missed parse: "5 IS militants", "seven Lashkar e Toiba (LeT) militants"."""
    doc = head.doc
    if head.tag_ not in ("NNS", "NNPS") or any(c.dep_ == "det" for c in head.children):
        return None
    i = head.i - 1
    while i >= max(head.sent.start, head.i - 8) and not _is_count_word(doc[i]) and (
            doc[i].is_quote or doc[i].text in ("-", "(", ")") or (doc[i].is_alpha and (
                doc[i].is_upper or doc[i].is_title or doc[i].pos_ in ("ADJ", "NOUN", "PROPN")))):
        i -= 1
    if i < head.sent.start or not _is_count_word(doc[i]):
        return None
    count = _count_around(doc[i], i - 4, i)
    return None if count is None else _Count(count.figure, count.first, count.last,
                                             _trimmed(doc, count.last + 1, head.i))


def _is_count_word(token) -> bool:
    return (token.like_num or parse_number(token.text) is not None) and not (
        _date_time_or_amount(token) or _counts_occasions(token))


def _counts_occasions(token) -> bool:
    """Whether ``token`` counts occasions, not people: "several times", "three times", "on two occasions"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return token.head.lemma_.lower() in OCCASION_NOUNS or (
        following.lemma_.lower() in OCCASION_NOUNS and following.tag_ in ("NNS", "NN"))


def _date_time_or_amount(token) -> bool:
    """A year, a day of a month, a clock time or an amount of money ("the May 22, 2012 killing").

    The entity label alone is not trusted: the small model calls "between 10 and 15 insurgents" a date.
    """
    if not token.like_num or token.ent_type_ not in NOT_COUNT_ENTITIES:
        return False
    if token.ent_type_ in ("MONEY", "PERCENT"):
        return True
    doc = token.doc
    neighbours = {doc[i].lower_ for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)}
    return bool(_YEAR.fullmatch(token.text)) or bool(neighbours & TIME_WORDS)


def _singular(head) -> _Count | None:
    """One person: "a policeman", "his guard", "the director", "Ahmad Shah", "he", "a third" (of a group)."""
    if head.pos_ == "PRON":
        if head.lower_ in SINGULAR_PRONOUNS:
            return _Count(Figure(1, 1, 1, head.text), head.i, head.i, singular=True)
        return None
    marker = next((c for c in head.children if c.dep_ == "det" and c.i < head.i), None)
    if marker is not None and marker.lower_ in ("a", "an", "another") and (parse_ordinal(head.lower_) or 0) > 1:
        # "killing two gendarmes and wounding a third": one more of the group just counted
        return _Count(Figure(1, 1, 1, _text(head.doc, marker.i, head.i)), marker.i, head.i, inherits=True,
                      singular=True)
    if head.tag_ not in ("NN", "NNP") or head.lower_ in COLLECTIVE_NOUNS or head.like_num:
        return None
    nth = max((parse_ordinal(c.lower_) or 0 for c in head.children if c.dep_ == "amod"), default=0)
    if marker is not None and marker.lower_ in ("a", "an", "another") and nth > 1:
        # "a third victim": one person, the third of those counted
        return _Count(Figure(1, 1, 1, _text(head.doc, marker.i, head.i)), marker.i, head.i,
                      _victim_range(head, _Count(Figure(1, 1, 1, head.text), marker.i, marker.i)), singular=True,
                      nth=nth)
    if head.lower_ in BARE_PARTICIPLES:
        return None  # "buried their dead", "the wounded": a group, however many
    if head.pos_ == "PROPN" and head.ent_type_ != "PERSON":
        return None
    marker = next((c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i), None)
    if marker is None and head.pos_ != "PROPN":
        return None
    if marker is not None and marker.lower_ in ("any", "every", "each", "all", "some"):
        return None
    words = marker if marker is not None and quantity(marker.text) is not None else head
    count = _Count(Figure(1, 1, 1, words.text), words.i, words.i)
    return _Count(count.figure, words.i, words.i, _victim_range(head, count), singular=True)


def _zero(head) -> _Count | None:
    """An explicit nobody: "no one", "nobody", "none", "neither soldier", "no casualties"."""
    if head.lower_ in NOBODY_WORDS:
        return _Count(Figure(0, 0, 0, head.text), head.i, head.i)
    for child in head.children:
        if child.dep_ == "det" and child.lower_ in ("no", "neither") and child.i < head.i and not (
                _comparative_after(child)):
            last = head.i if head.lower_ == "one" else child.i
            return _Count(Figure(0, 0, 0, _text(head.doc, child.i, last)), child.i, last)
    if head.dep_ == "conj" and head.head.i < head.i and head.pos_ == "NOUN" and head.head.pos_ == "NOUN":
        # "with no arrests or injuries": the "no" of the first noun denies the nouns joined to it
        first = _zero(head.head)
        if first is not None and head.head.lower_ not in NOBODY_WORDS:
            return first
    return None


def _comparative_after(word) -> bool:
    # "no fewer than 15", "no more than 3": the "no" negates a comparison, the count is the number after it
    following = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return following is not None and following.tag_ in ("JJR", "RBR")


# -- victims, asides and sentence-level facts ---------------------------------------------------

def _of_object(head, excluded):
    return next((pobj for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj" and pobj.i not in excluded), None)


def _victim_range(head, count: _Count | None) -> tuple[int, int] | None:
    """The victim head phrase: the noun and its modifiers before it, without count, determiner or age."""
    if head.pos_ == "PRON" or head.like_num or head.lower_ in ("others", "other"):
        return None
    first = head.i
    for child in head.children:
        if child.i > head.i or child.dep_ not in ("amod", "compound", "nmod", "npadvmod", "nn", "punct"):
            continue
        if count is not None and count.first <= child.left_edge.i <= count.last:
            continue
        if any(t.like_num for t in child.subtree):
            continue  # an age or a size ("a 25-year-old man") is not part of the group's name
        first = min(first, child.left_edge.i)
    if count is not None and first <= count.last < head.i:
        first = count.last + 1
    return _trimmed(head.doc, first, head.i)


def _trimmed(doc, first: int, last: int) -> tuple[int, int]:
    """A victim phrase without the punctuation, determiner or bracketed figure ("one (1) soldier") it starts with."""
    while first < last and (doc[first].is_punct or doc[first].is_quote or doc[first].dep_ in ("det", "poss")):
        if doc[first].text == "(":  # the count again in figures
            first = next((t.i for t in doc[first:last] if t.text == ")"), first)
        first += 1
    return (first, last)


def _subject_before(token, excluded) -> list:
    """Fallback for a missed parse: the group or count just before "were killed", "wounded", "dead".

    Walks left over auxiliaries, adverbs and excluded asides ("25 soldiers (22 by another
    account) were killed"); a number found there is the count, a plural noun heads the group.
    """
    doc = token.doc
    i = token.i - 1
    while i >= token.sent.start and (i in excluded or doc[i].lower_ in _SKIPPED_BEFORE_VERB
                                     or doc[i].pos_ in ("AUX", "ADV", "PART")):
        i -= 1
    if i < token.sent.start:
        return []
    candidate = doc[i]
    if _is_count_word(candidate):
        return [candidate]
    if candidate.pos_ in ("NOUN", "PROPN") and candidate.tag_ in ("NNS", "NNPS"):
        while candidate.dep_ == "conj" and candidate.head.i < candidate.i:
            candidate = candidate.head
        return [candidate]
    return []


def _excluded(tokens) -> set[int]:
    """Tokens whose numbers are not added: asides in parentheses and parts of a group already counted."""
    excluded: set[int] = set()
    depth, opened = 0, None
    for token in tokens:
        if token.text == "(":
            depth, opened = depth + 1, token.i
        elif token.text == ")" and depth:
            depth -= 1
            excluded.update(range(opened, token.i + 1))
        elif token.lower_ in BREAKDOWN_WORDS and token.dep_ in ("prep", "advmod", "case", "mark") and not any(
                c.dep_ == "pcomp" for c in token.children):
            # "including two children" is a part; "including using a drone to kill two" is a clause
            excluded.update(t.i for t in token.subtree)
        if token.lower_ == "among" and token.head.i > token.i and token.head.pos_ == "NOUN" and any(
                c.lower_ in ("them", "whom") for c in token.children):
            # "31 bodies, among them six women and four children, ...": the parser hangs "among" on the list
            excluded.update(t.i for t in token.head.subtree)
        elif token.lower_ == "among" and any(c.lower_ in ("them", "whom") for c in token.children):
            # "nine civilians, three children and two women among them": the list after the first group
            last = token.doc[token.i - 1]
            while last.dep_ == "conj" and last.head.i < last.i:
                excluded.update(t.i for t in last.subtree)
                last = last.head
    if tokens and tokens[0].text == "(":
        excluded.clear()  # the whole sentence is an aside: read it as it is
    return (excluded | _dateline(tokens) | _misread_speakers(tokens) | _ages_after_names(tokens) | _kin_of(tokens)
            | _died_before(tokens))


def _died_before(tokens) -> set[int]:
    """Someone a phrase describes as having died before ("went to sing for a neighbour who had died"): whom something
    was done for, not a toll."""
    return {t.i for token in tokens if token.dep_ == "relcl" and token.lemma_.lower() == "die"
            and token.head.dep_ == "pobj" and any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)
            for t in token.head.subtree}


def _kin_of(tokens) -> set[int]:
    """A relative clause that tells of someone's kin ("a farmer whose brother was killed said"): it says who the
    speaker is, one of the victims already counted, not a toll."""
    return {t.i for token in tokens if token.lower_ == "whose" and token.dep_ == "poss"
            and token.head.head.dep_ == "relcl" for t in token.head.head.subtree}


def _ages_after_names(tokens) -> set[int]:
    """A person's age set off by commas after the name or after one person ("Sanjay Mahato, 31, a tempo driver",
    "The shopkeeper, 58, was shot"): a count there would follow a plural ("2 militants, 3 policemen")."""
    return {t.i for t in tokens
            if t.like_num and t.text.isdigit() and int(t.text) < 120 and 0 < t.i < len(t.doc) - 1
            and t.nbor(-1).text == "," and t.nbor(1).text in (",", ".") and t.i > 1
            and (t.nbor(-2).pos_ == "PROPN" or t.nbor(-2).tag_ == "NN")}


def _misread_speakers(tokens) -> set[int]:
    """The words of who said it, when the parser hangs them on the killing as one more victim: in "killing 11
    people and wounding 17, local sources and the prefect told Ubangi Daily" the verb of saying is left without
    a subject and "local sources and the prefect" become objects of "killing". A noun phrase right before a
    verb of saying that has no subject of its own is that verb's subject, never a victim."""
    excluded: set[int] = set()
    for verb in tokens:
        if verb.lemma_.lower() not in SAY_VERBS or verb.pos_ != "VERB" or verb.i == 0 or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        speaker = next((t for t in tokens if t.i < verb.i and t.right_edge.i == verb.i - 1 and t.dep_ == "dobj"
                        and t.pos_ in ("NOUN", "PROPN") and t.head.i < t.i and t.doc[t.left_edge.i - 1].text == ","
                        ), None)
        if speaker is not None:
            excluded.update(t.i for t in speaker.subtree)
    return excluded


def _dateline(tokens) -> set[int]:
    """The words of a dateline the sentence opens with ("JUBA, South Sudan —", "NIAMEY, Niger —"): where the
    report was filed, a town in capitals and its country up to a dash, never a victim. The parser often takes
    the town or the country for the subject of the verb that follows."""
    first = tokens[0] if tokens else None
    if first is None or not first.is_upper or len(first.text) < 3 or first.like_num:
        return set()
    dash = next((t for t in tokens[1:8] if t.text in ("—", "–", "--", "-") and t.whitespace_), None)
    if dash is None or not all(t.is_punct or t.pos_ == "PROPN" for t in tokens[1:dash.i - first.i]):
        return set()
    return set(range(first.i, dash.i + 1))


def _combined_triggers(tokens) -> set[int]:
    """Killed-and-wounded pairs sharing one count ("7 were killed and wounded"): the split is unknown."""
    combined = set()
    for token in tokens:
        head = token.head
        if token.dep_ != "conj" or head.i == token.i:
            continue
        between = {t.lower_ for t in token.doc[head.i + 1:token.i]}
        if {_verb_kind(token), _verb_kind(head)} == {KILLED, INJURED} and between <= {"and", "or", ","} \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children):
            combined.update({token.i, head.i})
    return combined


def _verb_kind(token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in KILL_VERBS or lemma in DIE_VERBS:
        return KILLED
    if lemma in INJURE_VERBS or token.lower_ in ("injured", "wounded"):
        return INJURED
    return None


def _incident_count(tokens) -> int | None:
    """The number of incidents a sentence names: "two incidents of gunfire", "in 2 attacks", "twin blasts"."""
    counts = []
    for token in tokens:
        if token.lemma_.lower() not in INCIDENT_NOUNS:
            continue
        for child in token.children:
            if child.lower_ == "twin" and child.i < token.i:
                counts.append(2)
            elif child.dep_ == "nummod" and (value := parse_number(child.text)) is not None and 0 < value < 100:
                counts.append(value)
    return max(counts) if counts else None


def _text(doc, first: int, last: int) -> str:
    return doc_text(doc)[doc[first].idx:doc[last].idx + len(doc[last])]


def _span(doc, field: str, first: int, last: int) -> Span:
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    return Span(field=field, start=start, end=end, text=doc_text(doc)[start:end])
