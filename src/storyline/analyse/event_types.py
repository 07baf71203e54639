"""Event type of a sentence or snippet: ACLED event_type / sub_event_type, PLOVER type / mode, CAMEO root.

How a type is decided, in order:

1. **Trigger lexicon** (``data/event_triggers.tsv``): word and phrase patterns over lemmas, each pointing at
   an ACLED sub-event type, at a CASE-2021 class that is *not* an incident (disasters, crime, diplomacy,
   claims of responsibility), or at a cue that the rules below interpret. Overlapping matches: the longest
   wins ("water cannon" over "cannon", "suicide car bomb" over "car bomb").
2. **Context rules** read the dependency parse and role words (civilian / armed / state / non-state /
   protester / weapon / place):
   - a protest is typed by what happened at it: protesters' own violence → Violent demonstration, lethal
     force against peaceful protesters → Excessive force against protesters, dispersal or arrests →
     Protest with intervention; violence by villagers or a crowd → Mob violence (not when they suffered it:
     "residents were wounded"); a road or bridge blocked by people who bear no arms is a protest;
   - generic violence ("attacked", "opened fire", "ambush") is an Attack when those hit were civilians and
     an Armed clash when they were armed (armed groups the actor table names, militias among them, and their
     members called by a word of the name: "15 volunteers" of the VDP); a beating or a raid is violence only
     where it names people (beaten by police, bandits raided) and tells what was done, not what someone does
     ("bandits raid villages"); a gang, smugglers or a mob named as who did it or who was hit do not make it
     a crime or a riot;
   - property burned or wrecked in violence that killed or hurt people, or by a weapon's strike, is part of
     that violence (ACLED's Looting/property destruction is destruction without casualties or an attack);
   - a bomb or grenade dropped or fired by an aircraft or a drone is an air strike (the deliverer decides);
   - an agreement is an event when one is made: not when negated, only discussed, suspended, refused or
     called for, nor when the parties agree only to meet or talk again;
   - capture of ground goes to the side that took it (state → Government regains territory, non-state →
     Non-state actor overtakes territory, or Non-violent transfer when nobody resisted);
   - weapons found, seized or defused with nobody hurt → Disrupted weapons use; arrests of smugglers or
     fraudsters → organised crime (not an incident); violent words that name whom an arrest held ("arrested
     two kidnap suspects") leave the arrest the event, and a gang named by the violence it does ("a
     kidnapping gang") is an armed group, not crime;
   - a bare "explosion" is a bombing where weapons or armed groups are named, an industrial accident where a
     workplace or a fuel is, a bombing where it killed or hurt people (the dead are its toll, not an attack),
     and an accident otherwise.
   Words that do not tell what happened are left out first: who reported it ("..., a member of a vigilante
   group told the Observer", "according to ...", "the union, which organised the march, said") and a conflict's
   running toll ("the war, which broke out in
   2023, has killed tens of thousands"); and words in a clause about another time ("since the army pulled out",
   "months after troops were redeployed") or about what was only vowed, planned or called for ("traders who had
   vowed to march") lose to the words of the main clause, when it has any.
3. **Precedence**: the best-scoring label wins; a CASE class outside ACLED, or a score under ``MIN_SCORE``,
   means no incident.

Every answer carries the trigger words as a :class:`~storyline.records.Span` into the article text and the
name of the rule that decided it. ``None`` means "no incident here".
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from storyline.analyse.actors import alias_matches, alias_table
from storyline.analyse.casualties import (CAUSE_VERBS, CORPSE_NOUNS, DEATH_NOUNS, DIE_VERBS, GRIEVANCE_WORDS,
                                          HARM_NOUNS, INJURE_VERBS, INJURY_NOUNS, INCIDENT_NOUNS, KILL_VERBS,
                                          RELATIVE_PRONOUNS, is_background_toll)
from storyline.analyse.nlp import doc_text
from storyline.records import Span

DATA = Path(__file__).parent / "data"
TAXONOMY_FILE = DATA / "taxonomy.tsv"
TRIGGERS_FILE = DATA / "event_triggers.tsv"
SPEECH_VERBS_FILE = DATA / "speech_verbs.tsv"  # read by speech_verb_rows for statements.py too: its `reporting` rows frame a source

GAP = 4  # tokens a ".." in a pattern may skip
# tokens a "..." may skip: room for a victim described at length ("beat two men accused of theft to death")
WIDE_GAP = 8
SENTENCE_DECAY = (1.0, 0.85, 0.7, 0.6)  # later sentences of a snippet usually add background, not the event
MIN_SCORE = 1.5  # below this the evidence is a hint, not an event


# -- records and taxonomy ------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class EventType:
    """What kind of event a sentence reports, with the words that decided it.

    ``trigger`` points into the article text (``Span.field == "event_type"``); ``confidence`` is in (0, 1];
    ``rule`` names the rule or model that decided (e.g. ``"trigger"``, ``"violence-target"``, ``"model"``).
    """

    event_type: str
    sub_event_type: str
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    trigger: Span | None
    confidence: float
    rule: str


@dataclass(frozen=True, slots=True)
class TaxonomyRow:
    """One row of ``data/taxonomy.tsv``: an ACLED sub-event type or a CASE class outside ACLED."""

    event_type: str | None
    sub_event_type: str | None
    plover_type: str | None
    plover_mode: str | None
    cameo_root: str | None
    case_label: str
    incident: bool


def _cell(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def taxonomy() -> tuple[TaxonomyRow, ...]:
    """All rows of the taxonomy: 25 ACLED sub-event types, then the 5 CASE-2021 classes that are not incidents."""
    with TAXONOMY_FILE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return tuple(
        TaxonomyRow(_cell(r["event_type"]), _cell(r["sub_event_type"]), _cell(r["plover_type"]),
                    _cell(r["plover_mode"]), _cell(r["cameo_root"]), r["case_label"], r["incident"] == "yes")
        for r in csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def _by_sub_event() -> dict[str, TaxonomyRow]:
    return {row.sub_event_type: row for row in taxonomy() if row.sub_event_type}


def mapping_for(sub_event_type: str) -> tuple[str, str | None, str | None, str | None]:
    """``(event_type, plover_type, plover_mode, cameo_root)`` of an ACLED sub-event type (exact spelling).

    Raises ``KeyError`` naming the valid types when ``sub_event_type`` is not one of ACLED's 25.
    """
    row = _by_sub_event().get(sub_event_type)
    if row is None:
        raise KeyError(f"{sub_event_type!r} is not an ACLED sub_event_type; expected one of "
                       f"{sorted(_by_sub_event())}")
    return row.event_type, row.plover_type, row.plover_mode, row.cameo_root


def case_label_to_acled(label: str) -> str | None:
    """The ACLED sub-event type of a CASE-2021 label, or ``None`` for its classes outside ACLED.

    Raises ``KeyError`` for a label that is not in CASE-2021's set of 30.
    """
    for row in taxonomy():
        if row.case_label == label:
            return row.sub_event_type
    raise KeyError(f"{label!r} is not a CASE-2021 label; expected one of {[r.case_label for r in taxonomy()]}")


NOT_INCIDENT = frozenset(row.case_label for row in taxonomy() if not row.incident)


# -- the trigger lexicon -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    prefix: bool
    pos: str | None

    def matches(self, forms: tuple[str, str], pos: str) -> bool:
        if self.pos and pos != self.pos:
            return False
        if self.prefix:
            return forms[0].startswith(self.text) or forms[1].startswith(self.text)
        return self.text in forms


@dataclass(frozen=True, slots=True)
class Pattern:
    """One phrase of the lexicon: a sequence of word alternatives or gaps (the most tokens one skips), a label and a
    weight."""

    elements: tuple[tuple[_Word, ...] | int, ...]
    label: str
    weight: float
    source: str  # the phrase as written, for provenance
    order: int = 0  # its place in the lexicon: of equal patterns at one place, the first row wins


def _parse_phrase(phrase: str) -> tuple[tuple[_Word, ...] | int, ...]:
    elements: list[tuple[_Word, ...] | int] = []
    for element in phrase.split():
        if element in ("..", "..."):
            elements.append(GAP if element == ".." else WIDE_GAP)
            continue
        words = []
        for alternative in element.split("|"):
            text, _, pos = alternative.partition("/")
            words.append(_Word(text.rstrip("*").lower(), text.endswith("*"), pos or None))
        elements.append(tuple(words))
    return tuple(elements)


@lru_cache(maxsize=1)
def lexicon() -> tuple[Pattern, ...]:
    """The patterns of ``data/event_triggers.tsv``; a bad row raises ``ValueError`` naming file and line."""
    known = set(_by_sub_event()) | NOT_INCIDENT
    patterns = []
    for number, line in enumerate(TRIGGERS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        try:
            phrases, label, weight = cells[0], cells[1], float(cells[2])
        except (IndexError, ValueError):
            raise ValueError(f"{TRIGGERS_FILE}:{number}: expected 'pattern<TAB>label<TAB>weight'") from None
        if label not in known and not label.startswith(("cue:", "role:")):
            raise ValueError(f"{TRIGGERS_FILE}:{number}: unknown label {label!r}")
        for phrase in phrases.split(";"):
            elements = _parse_phrase(phrase)
            # the index looks phrases up by their first word, or by its first 3 letters when it is a prefix
            if not elements or isinstance(elements[0], int) or isinstance(elements[-1], int) or any(
                    w.prefix and len(w.text) < 3 for w in elements[0]):
                raise ValueError(f"{TRIGGERS_FILE}:{number}: bad phrase {phrase.strip()!r} (a gap at an end, "
                                 "or a first word that is a prefix shorter than 3 letters)")
            patterns.append(Pattern(elements, label, weight, phrase.strip(), len(patterns)))
    return tuple(patterns)


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    """Patterns by the exact words and by the 3-letter stems their first element accepts."""
    exact: dict[str, list[Pattern]] = defaultdict(list)
    stems: dict[str, list[Pattern]] = defaultdict(list)
    for pattern in lexicon():
        for word in pattern.elements[0]:
            (stems[word.text[:3]] if word.prefix else exact[word.text]).append(pattern)
    return exact, stems


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern matched at token positions ``positions`` (indices into the span's token list)."""

    pattern: Pattern
    positions: tuple[int, ...]
    weight: float  # the pattern's weight, discounted by the sentence's place in a snippet

    @property
    def label(self) -> str:
        return self.pattern.label


def _forms(token) -> tuple[str, str]:
    return token.lemma_.lower(), token.lower_


def _match_at(pattern: Pattern, tokens, start: int) -> tuple[int, ...] | None:
    positions: list[int] = []

    def walk(element: int, at: int) -> bool:
        if element == len(pattern.elements):
            return True
        words = pattern.elements[element]
        if isinstance(words, int):  # a gap: try every length up to its width
            return any(walk(element + 1, at + skip) for skip in range(words + 1))
        if at >= len(tokens) or (positions and tokens[at].sent.start != tokens[positions[0]].sent.start):
            return False
        if not any(w.matches(_forms(tokens[at]), tokens[at].pos_) for w in words):
            return False
        positions.append(at)
        if walk(element + 1, at + 1):
            return True
        positions.pop()
        return False

    return tuple(positions) if walk(0, start) else None


def find_hits(tokens, weights: list[float] | None = None) -> tuple[list[Hit], list[Hit]]:
    """Trigger/cue hits (overlaps resolved, longest first) and role hits over ``tokens`` (hyphens removed)."""
    exact, stems = _index()
    found = []
    for i, token in enumerate(tokens):
        lemma, lower = _forms(token)
        # In lexicon order, not in that of a set of strings, which changes with the hash seed between runs.
        candidates = {p.order: p for key in (lemma, lower) for p in exact.get(key, ())}
        candidates.update({p.order: p for key in (lemma[:3], lower[:3]) for p in stems.get(key, ())})
        for _, pattern in sorted(candidates.items()):
            positions = _match_at(pattern, tokens, i)
            if positions:
                weight = pattern.weight * (weights[i] if weights else 1.0)
                found.append(Hit(pattern, positions, weight))
    roles = [h for h in found if h.label.startswith("role:")]
    events = sorted((h for h in found if not h.label.startswith("role:")
                     and not _in_a_title(tokens[h.positions[0]])),
                    key=lambda h: (-len(h.positions), -h.pattern.weight, h.positions[0], h.pattern.order))
    taken: set[int] = set()
    kept = []
    for hit in events:
        if taken.isdisjoint(hit.positions):
            kept.append(hit)
            taken.update(hit.positions)
    return sorted(kept, key=lambda h: h.positions[0]), roles


def _in_a_title(token) -> bool:
    """Whether ``token`` is a capitalised word inside the name of an organisation or a work, not at the start of a
    sentence: the "Post" of "told the Pearl Nation Post that youths set up barricades" names no post set up. (A
    trigger is only kept from starting there: "blocked the Pan-American Highway" names the road it blocked.)"""
    return (token.ent_type_ in ("ORG", "WORK_OF_ART") and token.text[:1].isupper() and token.ent_iob_ == "I"
            and token.i > token.sent.start)


# -- context: who did what to whom ----------------------------------------------------------------------

OBJECT_DEPS = {"dobj", "obj", "nsubjpass", "attr", "oprd"}
TARGET_PREPS = {"on", "at", "against", "upon", "into", "in", "near", "inside", "outside", "targeting"}


def _expand(token) -> list:
    """A noun phrase's head with its conjuncts, compounds, modifiers and "of"/"including" complements."""
    out, stack = [], [token]
    while stack and len(out) < 24:
        t = stack.pop()
        out.append(t)
        for child in t.children:
            if child.dep_ in ("conj", "compound", "amod", "appos", "nmod", "poss") or (
                    child.dep_ == "prep" and child.lower_ in ("of", "including", "by")):
                stack.append(child)
            elif child.dep_ == "pobj" and t.dep_ == "prep":
                stack.append(child)
    return out


# What one is killed or hurt "in": the assault, whose doers are not its targets ("killed in an attack by gunmen")
_ASSAULTS = frozenset({"attack", "ambush", "raid", "assault", "shooting", "bombing", "explosion", "blast", "strike"})


def _targets(token) -> list:
    """Who or what a violent word was aimed at, or who suffered it (objects, passive subjects, "on X")."""
    heads = [token]
    if token.dep_ in ("xcomp", "advcl", "acl", "relcl", "conj", "pcomp"):
        heads.append(token.head)
    if token.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in token.children):
        return _subject(token)[0]  # "a patrol came under fire": the subject suffered it
    out = []
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN"):
        # "the number of people killed in an attack by gunmen": the people it was done to, not the attack's doers
        out.extend(_expand(token.head))
        out.extend(t for prep in token.head.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj))
    for head in heads:
        for child in head.children:
            if child.dep_ in OBJECT_DEPS:
                out.extend(_expand(child))
                out.extend(t for prep in child.children if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS
                           for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj))  # fire on X
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not (head is token and pobj.lemma_.lower() in _ASSAULTS):
                        out.extend(_expand(pobj))
            elif child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_ in ("kill", "injure", "wound", "leave"):
                out.extend(t for c in child.children if c.dep_ in OBJECT_DEPS for t in _expand(c))
    return out


_CLAUSE_LINKS = ("xcomp", "conj", "advcl", "acl", "relcl")  # a verb hung on another, which may hold its subject


def _subject(token) -> tuple[list, bool]:
    """The doer of a verb (its subject, or the agent "by X" of a passive), and whether it was a passive subject; a
    verb with none takes that of the verb it hangs on, up two steps ("youths set fire to cars and threw stones at
    gendarmes, injuring three": "youths" injured them)."""
    head = token
    for _ in range(3):
        passive = []
        for child in head.children:
            if child.dep_ == "agent":
                return [t for c in child.children for t in _expand(c)], False
            if child.dep_ in ("nsubj", "csubj"):
                return _expand(child), False
            if child.dep_ == "nsubjpass":
                passive = _expand(child)
        if passive:
            return passive, True
        if head.dep_ not in _CLAUSE_LINKS or head.head is head:
            break
        head = head.head
    return [], False


@dataclass
class _Context:
    """What the rules read: the tokens, role words by token position, and the cue hits by name."""

    tokens: list
    roles: dict[int, dict[str, float]]  # token position -> role -> weight ("people" counts less than "civilians")
    cues: dict[str, list[Hit]]
    index_of: dict[int, int]
    labelled: list[Hit] = field(default_factory=list)  # the trigger hits that counted for a label
    casualties: bool = False  # whether the words tell people killed or hurt ("killing 10", "were wounded")

    def roles_of(self, tokens) -> dict[str, float]:
        """Summed weights of the roles that ``tokens`` name."""
        counts: dict[str, float] = defaultdict(float)
        for t in tokens:
            for role, weight in self.roles.get(self.index_of.get(t.i, -1), {}).items():
                counts[role] += weight
        return counts

    def token(self, hit: Hit):
        return self.tokens[hit.positions[0]]

    def next_role(self, token, wanted: tuple[str, ...], within: int = 10) -> str | None:
        """The first of the ``wanted`` roles clearly named (weight 1) in the few tokens after ``token``."""
        start = self.index_of.get(token.i, -1) + 1
        for n in range(start, min(start + within, len(self.tokens))):
            if self.tokens[n].sent.start != token.sent.start:
                break
            for role in wanted:
                if self.roles.get(n, {}).get(role, 0.0) >= 1.0:
                    return role
        return None

    def first_side(self) -> str | None:
        """"state" or "nonstate", whichever the text names first (usually the grammatical subject)."""
        for n in sorted(self.roles):
            if {"state", "nonstate"} & self.roles[n].keys():
                return "nonstate" if "nonstate" in self.roles[n] else "state"
        return None


@dataclass
class _Evidence:
    """Scores per label, with the hit that gave each label its best evidence and the rule that used it."""

    scores: dict[str, float]
    best: dict[str, Hit]
    rules: dict[str, str]

    def add(self, label: str, weight: float, hit: Hit, rule: str) -> None:
        old = self.scores.get(label, 0.0)
        # the strongest word decides; further words add a little (two "bomb" words are not two bombs)
        self.scores[label] = max(old, weight) + 0.3 * min(old, weight)
        if label not in self.best or weight > self.best[label].weight:
            self.best[label], self.rules[label] = hit, rule


@lru_cache(maxsize=1)
def speech_verb_rows() -> tuple[dict[str, str], ...]:
    """The rows of the speech verbs file, in file order (read once; statements.py builds its cues from them)."""
    with SPEECH_VERBS_FILE.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    return tuple(csv.DictReader(rows, delimiter="\t"))


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    """Lemmas that frame someone else's words ("said", "told"): the ``reporting`` rows of the speech verbs."""
    return frozenset(row["lemma"] for row in speech_verb_rows() if row["reporting"] == "yes")


def is_reporting_verb(token) -> bool:
    """Whether ``token`` is a verb that tells someone else's words ("said", "told", "the toll announced")."""
    return token.pos_ == "VERB" and token.lemma_.lower() in _reporting_verbs()


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Lemma -> statement type of the speech verbs ("warn" -> THREATEN, "blame" -> ACCUSE): the verbs by which
    someone speaks rather than acts. Whom an ``ACCUSE`` verb names is the alleged doer ("blamed the RSF")."""
    kinds: dict[str, str] = {}
    for row in speech_verb_rows():
        kinds.setdefault(row["lemma"], row["statement_type"])
    return kinds


CLAUSES = ("relcl", "acl", "advcl", "ccomp", "parataxis")


def _phrase(head) -> list:
    """A noun phrase without the clauses hung on it ("a spokesman for the group that attacked the base")."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSES)
    return out


def _source_heads(tokens) -> list[tuple]:
    """(head noun, reporting verb or ``None`` for "according to") of each phrase that says who reported what
    the words tell: the subject of a reporting verb that frames a clause, whom it was told to, its agent, the
    source of "according to"."""
    heads = []
    for token in tokens:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            heads.extend((c, None) for c in token.doc[token.i + 1].children if c.dep_ == "pobj")
            continue
        if not is_reporting_verb(token):
            continue
        if not (token.dep_ == "parataxis" or any(c.dep_ in ("ccomp", "parataxis") for c in token.children)):
            continue  # "residents reported heavy fighting": what they reported is the event
        named = [c for c in token.children if c.dep_ == "nsubj"]
        if not named and token.dep_ == "xcomp":  # "the Police Force wishes to inform the public that ..."
            named = [c for c in token.head.children if c.dep_ == "nsubj"]
        named += [pobj for c in token.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"]
        if token.lemma_.lower() == "tell":
            named += [c for c in token.children if c.dep_ in ("dobj", "dative")]  # "told the Observer"
        heads.extend((head, token) for head in named)
    return heads


def _sources(tokens, event_nouns: frozenset[int] = frozenset()) -> list:
    """Words that say who reported the event ("a member of a local vigilante group told the Observer"), but for
    their head nouns.

    The head nouns stay evidence: a speaker named by the event's own word ("protesters said police fired tear
    gas") took part in it, and a misparse that makes a weapon the subject of "said" must not hide the weapon.
    """
    heads = [head for head, _ in _source_heads(tokens)]
    named = {t.i for head in heads for t in (head, *head.conjuncts)}
    # "the students' alliance, [which organised the march], said": who the source is, by what it did in an
    # incident told before (a definite one of ``event_nouns``); "the group that attacked the base" tells an act
    told_before = [t for head in heads for c in head.children if c.dep_ == "relcl" and _points_back(c, event_nouns)
                   for t in c.subtree]
    return [t for head in heads for t in _phrase(head) if t.i not in named] + told_before


def _points_back(verb, event_nouns: frozenset[int]) -> bool:
    """Whether a clause's verb acts on a definite event noun: "which organised [the march]", "who saw [the
    attack]" (doc indices of the event words in ``event_nouns``)."""
    nouns = [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr", "nsubjpass") and c.i in event_nouns]
    return any(c.dep_ == "poss" or c.dep_ == "det" and ("Def" in c.morph.get("Definite")
                                                        or "Dem" in c.morph.get("PronType"))
               for noun in nouns for c in noun.children)


# Verbs whose subject did nothing: being, knowing, thinking, wanting.
NO_DEEDS = frozenset({"be", "understand", "know", "believe", "think", "feel", "hope", "regret", "want", "need",
                      "wish", "fear"})


def _speaks_of_itself(verb) -> bool:
    """Whether what ``verb`` frames is the speaker's own deed: a claim ("the Taliban claimed 17 soldiers were
    killed"), or a clause whose subject points back to the speaker ("police said they shot two robbers")."""
    if verb.lemma_.lower() == "claim":
        return True
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    clauses += [verb.head] if verb.dep_ == "parataxis" else []
    # a deed, not what the speaker thinks or what something was ("'We understand the pain of the population,' said
    # the mayor", "'It was a planned assault,' said the prefect")
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for clause in clauses if clause.lemma_.lower() not in NO_DEEDS
               for c in clause.children)


def source_heads(sentence) -> list[tuple]:
    """(head noun, reporting verb or ``None`` for "according to") of each source a spaCy sentence names."""
    return _source_heads(_tokens_of(sentence))


def reporter_words(sentence) -> set[int]:
    """Doc indices of the words of a spaCy sentence ``Span`` that only name who reported what it tells ("police
    said", "a military spokesman told reporters", "according to the army"): the source of the report is not a
    party to the event. A speaker who tells of its own deed ("the army said it killed ...") stays a party."""
    words = set()
    for head, verb in _source_heads(_tokens_of(sentence)):
        if verb is None or not _speaks_of_itself(verb):
            phrase = _phrase(head)
            words.update(t.i for t in phrase + _apposition_after(sentence, max(t.i for t in phrase)))
    return words


def _apposition_after(sentence, last: int) -> list:
    """The noun phrase set off by a comma after a source's name, up to the next comma or the sentence's end
    ("according to Bikram Thapa, the Dhanusha district police chief."), which the parser often hangs elsewhere;
    none where a verb follows (", the army said")."""
    doc = sentence.doc
    if last + 1 >= sentence.end or doc[last + 1].text != ",":
        return []
    words = []
    for token in doc[last + 2:sentence.end]:
        if token.text == "," or token.is_punct and token.i == sentence.end - 1:
            break
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN" or token.pos_ in ("ADP", "SCONJ", "CCONJ") and not words:
            return []
        words.append(token)
    return words if words and words[0].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "PRON") else []


def _running_tolls(tokens) -> list:
    """The clauses of a conflict's running toll ("the war ... has killed tens of thousands and driven millions
    from their homes"): background, not an incident. A coordinated clause with a subject of its own stays."""
    out = []
    for token in tokens:
        if not is_background_toll(token):
            continue
        stack = [token]
        while stack:
            word = stack.pop()
            out.append(word)
            stack.extend(c for c in word.children if c.dep_ != "parataxis" and not (
                c.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)))
    return out


# Words of intent, order, threat or fear: what they govern has not happened ("vowed to march", "called for
# protests", "threatened attacks"). extract.py reads the same words to drop an event that is only planned.
UNREALISED = frozenset({"plan", "intend", "threaten", "vow", "promise", "pledge", "prepare", "aim", "want", "hope",
                        "expect", "fear", "order", "urge", "call", "demand", "ask", "instruct", "appeal", "warn",
                        "schedule", "threat", "warning", "risk", "prospect"})
TIME_UNITS = frozenset({"hour", "day", "week", "month", "year", "decade"})


def after_clause(token) -> bool:
    """Whether ``token`` is "after" or heads a clause that "after" marks ("a day after [police fired tear gas]")."""
    return token.lower_ == "after" or any(c.dep_ == "mark" and c.lower_ == "after" for c in token.children)


def other_time_clause(token) -> bool:
    """Whether ``token`` heads a clause or phrase about another time than the sentence's own: when a period
    began ("since the army pulled out", "since the withdrawal") or a time counted from it ("months after troops
    were redeployed", "a year before the election")."""
    if token.dep_ == "prep" and token.lower_ == "since" or token.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "since" for c in token.children):
        return True
    counted = time_unit_of(token, TIME_UNITS) is not None
    if token.dep_ == "prep" and token.lower_ in ("after", "before"):
        return counted
    # (a clause "after" marks that the parser took for a conjunct or for the sentence's root: "threw bottles on
    # Sunday, a day after a man was shot dead")
    return token.dep_ in ("advcl", "conj", "ROOT") and counted and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before") for c in token.children)


def other_time_words(clause) -> list:
    """The words of the clause about another time that ``clause`` heads (see :func:`other_time_clause`): its subtree,
    but from the counted time on where the parser made it the sentence's root ("[residents threw bottles on Sunday,]
    a day after a man was shot dead")."""
    first = other_time_start(clause)
    return [t for t in clause.subtree if t.i >= first]


def other_time_start(clause) -> int:
    """The index of the first word of the clause about another time that ``clause`` heads (see
    :func:`other_time_words`)."""
    unit = time_unit_of(clause, TIME_UNITS) if clause.dep_ == "ROOT" else None
    return clause.left_edge.i if unit is None else unit.left_edge.i


def time_unit_of(clause, units):
    """The unit of "a day after", "two weeks after" that measures the other-time ``clause``, if one of ``units``: the
    clause's own, or the one the parser hung an "after" or "before" on ("Calm returned on Sunday, [a day] after
    running battles")."""
    own = next((c for c in clause.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units), None)
    if own is None and clause.dep_ == "prep" and clause.head.dep_ == "npadvmod" and clause.head.lemma_.lower() in units:
        return clause.head
    return own


def unrealised_complement(token) -> bool:
    """Whether ``token`` heads what a word of intent, order or threat governs: "vowed [to march]", "called for
    [protests]", "threatened [attacks]", "plans for [a strike]"."""
    governor = token.head
    if token.dep_ == "pobj" and governor.lower_ in ("for", "of"):
        governor = governor.head
    elif token.dep_ not in ("xcomp", "dobj"):
        return False
    return governor.i != token.i and governor.lemma_.lower() in UNREALISED


def told_as_cause(token) -> bool:
    """Whether ``token`` heads what the sentence's incident was set off by: "in unrest sparked by [the death of a
    young man shot by an officer]", "riots triggered by [the killing of a teenager]". That is another incident.
    Not where the unrest is the subject ("The protest was triggered by the death of a driver who had been
    arrested"): the sentence then tells the cause of a demonstration told before."""
    by = token.head
    if token.dep_ != "pobj" or by.dep_ not in ("agent", "prep"):
        return False
    if by.lower_ == "of" and _mourned(by.head):  # "marched in a procession for the victims of [Sunday's strike]"
        return True
    if by.lower_ == "over":  # "in unrest over [the death of a man]", "protests over [the killing of two students]"
        return by.head.lemma_.lower() in UNREST_WORDS
    # what was set off must be unrest, not harm: "asphyxia caused by the use of poisonous gas" tells the incident
    verb = by.head
    return by.lower_ == "by" and verb.lemma_.lower() in CAUSE_VERBS and (
        verb.dep_ == "acl" and verb.head.lemma_.lower() in UNREST_WORDS  # "unrest sparked by"
        or any(w.dep_ == "pobj" and w.lemma_.lower() in UNREST_WORDS  # "in unrest sparked by", as the parser hangs it
               for c in verb.children if c.dep_ == "prep" and c.i < verb.i for w in c.children))


# Those a gathering is held for, and what it is held as, when it mourns them ("a vigil for the victims of the bombing",
# "marched to mourn the dead of the attack")
MOURNED = frozenset({"victim", "dead", "family", "survivor", "casualty"})
MOURNING = frozenset({"march", "procession", "vigil", "rally", "protest", "demonstration", "demonstrate", "sit"})
MOURNING_VERBS = frozenset({"mourn", "honour", "honor", "remember", "commemorate"})


def _mourned(word) -> bool:
    """Whether ``word`` names those a gathering mourns: "(a procession) for [the victims]", "(held a vigil) for [the
    dead]", "to mourn [the victims]". What they were victims of is then what the gathering was over, another
    incident."""
    if word.lemma_.lower() not in MOURNED:
        return False
    if word.dep_ == "dobj":  # "marched to mourn [the victims]"; not "funerals were held to mourn them"
        return word.head.lemma_.lower() in MOURNING_VERBS and _gathering(word.head.head)
    return word.dep_ == "pobj" and word.head.lower_ == "for" and _gathering(word.head.head)


def _gathering(word) -> bool:
    """Whether ``word`` is a demonstration or the holding of one: "marched", "a vigil", "held a vigil"; not
    "funerals were held"."""
    return word.lemma_.lower() in MOURNING or word.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in MOURNING for c in word.children)


# What a crowd's grievance or unrest is called, made once: told_as_cause runs on every word of every sentence typed
UNREST_WORDS = GRIEVANCE_WORDS | frozenset({"unrest", "riot", "rioting", "violence", "clash"})


def _elsewhere(tokens, other_times: bool = True) -> set[int]:
    """Token indices of clauses about another time (unless ``other_times`` is false), about what has not happened or
    about what set the incident off (the three functions above)."""
    out: set[int] = set()
    for token in tokens:
        if token.i not in out and (other_times and (other_time_clause(token) or _victims_past(token))
                                   and not _died_of(token)
                                   or unrealised_complement(token) or told_as_cause(token)):
            out.update(t.i for t in (other_time_words(token) if other_time_clause(token) else token.subtree))
    return out


def _a_year(token) -> bool:
    """Whether ``token`` is a year of the last two centuries written in digits ("2023", not "four" or "1500")."""
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def _victims_past(token) -> bool:
    """Whether ``token`` heads a relative clause that tells what befell someone before the incident: of his kin ("a
    farmer [whose son was abducted last year]") or at a time of its own in the past ("a trader [who was kidnapped in
    2023]", "[... two years ago]"). The clause says who the victim was; the sentence's incident is told by its main
    verb. Not every past perfect: "clear farmworkers [who had blocked the highway]" tells the protest cleared."""
    if token.dep_ != "relcl":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(k.lower_ == "whose" for k in c.children) for c in token.children):
        return True
    for child in token.children:
        if child.dep_ == "npadvmod" and child.lemma_.lower() in TIME_UNITS and any(
                c.lower_ in ("last", "ago") for c in child.children):
            return True  # "last year", "two years ago"
        if child.dep_ == "advmod" and child.lower_ == "ago":
            return True  # ("two years ago", as the parser may hang it)
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                w.dep_ == "pobj" and _a_year(w) for w in child.children):
            return True  # "in 2023"
    return False


# Verbs that place an incident told before against another in time: "The attack comes / came days after ...",
# "the bombing follows ..."
PLACING_VERBS = frozenset({"come", "follow"})


def _placed_in_time(word) -> bool:
    """Whether ``word`` is a definite noun for the incident told ("The attack", "Thursday's bombing") that the
    sentence only places in time against another: "The attack comes three days after ..."."""
    return (word.pos_ == "NOUN" and word.dep_ == "nsubj" and word.head.lemma_.lower() in PLACING_VERBS
            and any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in word.children))


def _died_of(token) -> bool:
    """Whether a clause counted from ("a day after police fired tear gas") tells what someone died of: it hangs on a
    verb of dying ("died in hospital on Friday, a day after ..."), so it tells the incident, not another time."""
    return after_clause(token) and token.head.lemma_.lower() in DIE_VERBS


AIRCRAFT = frozenset({"helicopter", "aircraft", "plane", "airplane", "chopper", "jet"})
# Words an aircraft can be the doer, the means or the object of in a strike, beside the violent cues
AIR_VIOLENCE = frozenset({"fire", "hit", "pound", "bomb", "shell", "strafe", "bombard", "drop", "strike", "attack",
                          "target", "raid", "kill", "wound", "injure", "destroy", "rocket", "missile", "sortie"})


def _aircraft_not_fighting(hit: Hit, tokens, hits) -> bool:
    """Whether an aircraft named in ``hit`` carries, watches or is sent, and strikes nothing: "flown by
    helicopter", "taken to hospital by helicopter", "deploy more surveillance aircraft", "a helicopter crash".

    An aircraft is evidence of an air strike only when the word it hangs on tells violence: "a helicopter
    fired on the camp", "killed by an aircraft", "an attack by helicopters", "helicopter gunfire".
    """
    word = tokens[hit.positions[-1]]
    if hit.label != "Air/drone strike" or len(hit.positions) > 1 or word.lemma_.lower() not in AIRCRAFT:
        return False
    while word.dep_ in ("conj", "appos") and word.head.i != word.i:
        word = word.head  # "aircraft and artillery pounded the town"
    governor = word.head.head if word.dep_ == "pobj" else word.head
    if word.dep_ == "ROOT" or any(c.dep_ in ("relcl", "acl") for c in word.children):
        return False  # a headline fragment, or "helicopters that fired on the village": read as it is
    governors = [governor]
    if word.dep_ == "pobj" and word.head.i > 0:
        governors.append(word.doc[word.head.i - 1])  # "losses in raids by the army's choppers": the parser
        # often hangs "by ..." on a farther noun than the one it follows
    violent = {p for h in hits if h.label.startswith(VIOLENT_CUES)
               or h.label in WEAPON_TYPES for p in h.positions if h is not hit}
    index_of = {t.i: n for n, t in enumerate(tokens)}
    # the word it hangs on is violent, or delivers a weapon ("the aircraft released two bombs")
    return not any(index_of.get(g.i) in violent or g.lemma_.lower() in AIR_VIOLENCE or any(
        c.dep_ == "dobj" and index_of.get(c.i) in violent for c in g.children) for g in governors)


# ACLED's actor types that bear arms: a named group of these types is an armed side wherever it is named
ARMED_ACTOR_CATEGORIES = frozenset({"state forces", "rebels", "political militia", "identity militia",
                                    "external/other forces"})


@lru_cache(maxsize=1)
def _armed_aliases() -> frozenset[str]:
    """The lower-cased aliases of the actor table's armed groups."""
    _, entries, _ = alias_table()
    return frozenset(a for a, e in entries.items() if e.category in ARMED_ACTOR_CATEGORIES)


# Plural words for people of any kind: a group named by one ("armed men") does not make everyone so called its member.
_ANYONE = frozenset({"men", "women", "people", "persons", "individuals", "youths", "boys", "girls"})


def _actor_roles(tokens, index_of: dict[int, int]) -> dict[int, str]:
    """Token positions of the armed groups the actor table names ("the Volunteers for the Defence of the
    Homeland", "the CJTF"), with their members called by a plural word of the group's name ("killing 15
    volunteers"): the role rows know armies and rebels by common nouns, the actor table knows militias by name."""
    armed = _armed_aliases()
    out: dict[int, str] = {}
    members: set[str] = set()
    for sentence in dict.fromkeys(t.sent for t in tokens):
        for start, end, alias in alias_matches(sentence):
            if alias.lower() not in armed:
                continue
            words = sentence.char_span(start, end, alignment_mode="expand") or ()
            named = [index_of[t.i] for t in words if t.i in index_of and t.idx >= sentence.start_char + start]
            if named:
                out[named[0]] = "armed"  # one word per name: a long name is not many armed men
            members.update(tokens[n].lower_ for n in named if tokens[n].tag_ in ("NNS", "NNPS"))
    members -= _ANYONE  # "Armed men killed two men": the second are no members of the first
    for n, token in enumerate(tokens):
        if token.tag_ == "NNS" and token.lower_ in members and n not in out:
            out[n] = "armed"
    return out


def _root_of(hit: Hit, tokens):
    """The word of a multi-word trigger that the others hang on ("peace [talks]", "[release] .. detainees")."""
    words = [tokens[p] for p in hit.positions]
    ids = {t.i for t in words}
    return next((t for t in words if t.head.i not in ids or t.head.i == t.i), words[0])


# Verbs whose object is an agreement only talked about, put off or turned down, not one reached
AGREEMENT_NOT_REACHED = frozenset({"discuss", "talk", "debate", "suspend", "postpone", "refuse", "reject", "cancel",
                                   "scrap", "oppose"})
# What parties may agree to that is only more talking ("agreed to meet again", "agreed to continue talks")
TALKING = frozenset({"meet", "talk", "continue", "resume", "reconvene", "hold", "discuss", "negotiate"})


def _agreement_not_reached(hit: Hit, tokens) -> bool:
    """Whether an Agreement trigger tells no agreement made: negated ("had not reached any agreement", "no
    deal"), only discussed, suspended or refused ("discussed the release of detainees", "talks have been
    suspended"), called for ("called for a ceasefire"), opposed or cancelled ("a protest against the agreement"), or
    an agreement only to talk more ("agreed to meet")."""
    word = _root_of(hit, tokens)
    if word.pos_ == "VERB" and any(c.dep_ == "xcomp" and c.lemma_.lower() in TALKING for c in word.children):
        return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in word.children) or unrealised_complement(word):
        return True
    if word.pos_ == "NOUN" and any(c.dep_ in ("nummod", "compound", "amod") and _a_year(c) for c in word.children):
        return True  # "to review the 2019 peace agreement": an agreement named by its year, made then
    while word.dep_ in ("conj", "appos") and word.head.i != word.i:
        word = word.head  # "discussed humanitarian access, the release of detainees and ..."
    governor = word.head.head if word.dep_ == "pobj" else word.head  # "talked about", "did not agree to"
    if word.dep_ == "pobj" and word.head.lower_ in ("without", "against"):
        return True  # "without a deal"; "a protest against a copper export agreement": what they oppose
    if word.dep_ in OBJECT_DEPS | {"pobj"} and governor.pos_ == "VERB" and (
            governor.lemma_.lower() in AGREEMENT_NOT_REACHED):
        return True
    if any(c.dep_ == "neg" for c in word.children):
        return True  # "did not agree", "have not signed"
    # "had not reached any agreement"; but what an agreement does not do leaves it made ("the deal does not cover")
    return word.dep_ != "nsubj" and any(c.dep_ == "neg" for c in governor.children)


def _deliverer_is_aircraft(hit: Hit, tokens, hits) -> bool:
    """Whether a bomb or grenade was dropped or fired by an aircraft or a drone ("the jet dropped two bombs",
    "bombs dropped from a helicopter"): the deliverer, not the charge, makes it an air strike."""
    word = tokens[hit.positions[-1]]
    while word.dep_ == "compound" and word.head.i != word.i:
        word = word.head
    verbs = [c for c in word.children if c.dep_ == "acl"]
    if word.dep_ in ("dobj", "nsubjpass", "nsubj"):
        verbs.append(word.head)  # "dropped two bombs", "bombs were dropped by", "bombs fell from a helicopter"
    index_of = {t.i: n for n, t in enumerate(tokens)}
    air = {p for h in hits if h.label == "Air/drone strike" for p in h.positions}
    for verb in verbs:
        doers = _subject(verb)[0] if word.dep_ == "dobj" and verb.i == word.head.i else []
        doers += [t for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "from"
                  for pobj in c.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
        if any(index_of.get(t.i) in air for t in doers):
            return True
    return False


def _doer_of_violence(token, violent: set[int]) -> bool:
    """Whether ``token`` names who did one of the ``violent`` words (doc indices): "gang members killed 12
    residents", "members of a gang shot dead nine", "shot by gangsters"."""
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head.head  # "members of the gang"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return token.head.head.i in violent
    return token.dep_ == "nsubj" and token.head.i in violent


def _score(tokens, weights: list[float] | None) -> _Evidence:
    hits, role_hits = find_hits(tokens, weights)
    index_of = {t.i: n for n, t in enumerate(tokens)}
    event_nouns = frozenset(tokens[p].i for hit in hits for p in hit.positions if tokens[p].pos_ == "NOUN")
    aside = {index_of[t.i] for t in _sources(tokens, event_nouns) + _running_tolls(tokens) if t.i in index_of}
    hits = [hit for hit in hits if not aside.issuperset(hit.positions)]
    hits = [hit for hit in hits if not _aircraft_not_fighting(hit, tokens, hits)]
    # Words in a clause about another time ("since the army pulled out") or about what has not happened
    # ("traders who had vowed to march") lose to words of the main clause, when it has any.
    # When the main clause's words decide nothing ("Police crowd control has been under scrutiny since 9 March, when
    # a lynch mob beat a man"), the other clause's incident is the one the sentence tells.
    elsewhere = {index_of[i] for i in _elsewhere(tokens) if i in index_of}
    main = [hit for hit in hits if not elsewhere.issuperset(hit.positions)]
    if elsewhere:  # "The attack comes three days after a bomb was made safe": the incident told is the other one
        main = [hit for hit in main if not _placed_in_time(tokens[hit.positions[-1]])]
    if not any(hit.label not in MODIFIER_CUES for hit in main):
        return _score_hits(tokens, hits, role_hits, index_of)
    evidence = _score_hits(tokens, main, role_hits, index_of)
    if evidence.scores or len(main) == len(hits):
        return evidence
    # what has not happened ("had called a march for Saturday") or set it off is never the incident told
    unreal = {index_of[i] for i in _elsewhere(tokens, other_times=False) if i in index_of}
    past = [hit for hit in hits if not unreal.issuperset(hit.positions)]
    return evidence if len(past) == len(main) else _score_hits(tokens, past, role_hits, index_of)


def _antecedent_roles(pronoun) -> dict[str, float]:
    """The roles of whom a sentence's opening "they" stands for: the subject of the sentence before, when it names
    people by a role word ("Several hundred youths gathered at the field." | "They pulled out the markers and threw
    stones at police": a crowd threw them)."""
    if pronoun.i != pronoun.sent.start or pronoun.sent.start == 0:
        return {}
    before = _tokens_of(pronoun.doc[pronoun.sent.start - 1].sent)
    # (or the sentence's head noun, where the parser read "youths gathered at the field" as a noun phrase)
    subjects = {t.i for c in before if c.dep_ == "nsubj" and c.head.dep_ == "ROOT" or (
        c.dep_ == "ROOT" and c.pos_ == "NOUN" and c.tag_ == "NNS") for t in _expand(c)}
    if not subjects:
        return {}
    _, role_hits = find_hits(before)
    found: dict[str, float] = {}
    for hit in role_hits:
        if any(before[p].i in subjects for p in hit.positions) and hit.label[5:] in PEOPLE_ROLES:
            found[hit.label[5:]] = max(found.get(hit.label[5:], 0.0), hit.pattern.weight)
    return found


# What a camp of civilians is for or who lives in it (its people are named by role words: "herders' camps")
CIVILIAN_CAMPS = frozenset({"panning", "mining", "fishing", "farming", "herding", "grazing", "cattle", "nomad",
                            "nomadic", "refugee", "idp", "displacement", "displaced", "gold", "labour", "labor",
                            "workers", "transit", "relief"})


def _score_hits(tokens, hits: list[Hit], role_hits: list[Hit], index_of: dict[int, int]) -> _Evidence:
    roles: dict[int, dict[str, float]] = defaultdict(dict)
    for hit in role_hits:
        for p in hit.positions:
            roles[p][hit.label[5:]] = max(roles[p].get(hit.label[5:], 0.0), hit.pattern.weight)
    for p, role in _actor_roles(tokens, index_of).items():
        roles[p][role] = 1.0
    for p, token in enumerate(tokens):
        if token.lower_ == "they" and token.dep_ == "nsubj" and not roles.get(p):
            roles[p].update(_antecedent_roles(token))
    for p, token in enumerate(tokens):
        if token.lower_ == "government" and token.dep_ == "compound" and token.head.lower_ in ("area", "areas"):
            roles.pop(p, None)  # "Bokkos Local Government Area": Nigeria's district, no state's forces
        elif token.lemma_.lower() == "camp" and "armed" in roles.get(p, {}) and any(
                c.dep_ in ("poss", "compound", "amod", "nmod") and (
                    c.lemma_.lower() in CIVILIAN_CAMPS or "civilian" in roles.get(index_of.get(c.i, -1), {}))
                for c in token.children):
            # "herders' camps", "a panning camp", "an IDP camp": people's camps, not an armed force's
            roles[p].pop("armed")
            roles[p]["civilian"] = 1.0
    context = _Context(tokens, roles, defaultdict(list), index_of)
    evidence = _Evidence({}, {}, {})
    # "a kidnapping gang": a group named by the violence it does is an armed group, not crime, and the word
    # names its kind, not an event
    gangs = {tokens[hit.positions[-1]].i for hit in hits if hit.label == "ORG_CRIME"}
    kinds = [hit for hit in hits if _violent_label(hit.label) and all(
        tokens[p].dep_ in ("compound", "amod") and tokens[p].head.i in gangs for p in hit.positions)]
    kinds_of_gang = {tokens[hit.positions[-1]].head.i for hit in kinds}
    held = _held_words(tokens, hits)
    hits = [hit for hit in hits if hit not in kinds and not (
        _violent_label(hit.label) and {tokens[p].i for p in hit.positions} <= held)]
    violent = [hit for hit in hits if hit.label in ("cue:violence", "cue:harm", "Attack")]
    violent_words = {tokens[p].i for hit in violent for p in hit.positions}
    struck = {t.i for hit in violent for t in _targets(tokens[hit.positions[0]])}  # those the violence was aimed at
    for hit in hits:
        if hit.label.startswith("cue:"):
            context.cues[hit.label[4:]].append(hit)
        elif hit.label in ("ORG_CRIME", "Mob violence") and (
                _is_victim(tokens[hit.positions[-1]]) or tokens[hit.positions[-1]].i in struck) and (
                tokens[hit.positions[-1]].lemma_.lower() not in INCIDENT_NOUNS):
            continue  # "killed two suspected smugglers", "shot five vigilantes": who was hit, not what happened
            # ("killed in a brawl": the incident they died in)
        elif hit.label == "Mob violence" and _doer_of_other_deed(tokens[hit.positions[-1]], violent_words):
            continue  # "found during a search by soldiers and local vigilantes": who searched, not what happened
        elif hit.label == "ORG_CRIME" and _doer_of_violence(tokens[hit.positions[-1]], violent_words):
            continue  # "gang members killed 12 residents": who did it; what they did is the event
        elif hit.label == "ORG_CRIME" and tokens[hit.positions[-1]].i in kinds_of_gang:
            continue
        elif hit.label == "ORG_CRIME" and _denied(tokens[hit.positions[-1]]):
            continue  # "miners with no link to any gang", "were not gang members": named to say it does not apply
        elif hit.label == "ORG_CRIME" and violent_words and _suspected_of(tokens[hit.positions[-1]]) and not any(
                h.label == "Arrests" for h in hits):
            continue  # "three men suspected of cattle theft died after a crowd set upon them": what the victims were
            # thought to have done, not the incident (a crowd's punishment of suspects is mob violence)
        elif hit.label == "ORG_CRIME" and tokens[hit.positions[-1]].i in held and _leads(tokens[hit.positions[-1]]):
            continue  # "arrested one of the most wanted gang leaders": a notable person held, not crime
        elif hit.label == "Agreement" and _agreement_not_reached(hit, tokens):
            continue
        elif hit.label == "Remote explosive/landmine/IED" and _a_mine_worked(tokens[hit.positions[-1]]):
            continue  # "at the Nacupay mines", "a gold mine": a place where minerals are dug, no weapon
        elif hit.label in WEAPON_LABELS and _names_a_countermeasure(tokens[hit.positions[-1]]):
            continue  # "mine-detection equipment", "bomb disposal robots": what is used against a weapon, no blast
        elif hit.label in ("Remote explosive/landmine/IED", "Grenade") and _deliverer_is_aircraft(hit, tokens, hits):
            evidence.add("Air/drone strike", hit.weight, hit, "dropped-from-air")
            context.labelled.append(hit)
        elif hit.label == "Arrests" and (tokens[hit.positions[0]].tag_, tokens[hit.positions[0]].dep_) == (
                "VBN", "amod"):
            continue  # "three detained farmers" describes people; the arrest is not this sentence's event
        else:
            evidence.add(hit.label, hit.weight, hit, "trigger")
            context.labelled.append(hit)
    context.casualties = any(context.token(h).lemma_.lower() in TOLL_WORDS | KILLING
                             for name in ("violence", "harm") for h in context.cues.get(name, []))
    for rule in (_blockade_rule, _gathering_rule, _protest_rule, _territory_rule, _withdrawal_rule, _seizure_rule,
                 _explosion_rule, _armed_only_rule, _violence_rule, _armed_attackers_rule,
                 _destruction_in_violence_rule, _battle_for_ground_rule, _captured_combatants_rule, _custody_riot_rule,
                 _mob_rule, _riot_with_police_rule, _crime_rule):
        rule(evidence, context)
    return evidence


MODIFIER_CUES = {"cue:negated", "cue:peaceful"}  # they say how something happened, not what


def _denied(word) -> bool:
    """Whether the text names ``word`` only to deny it: "no link to any gang", "had no ties to gangs", "were not
    gang members" (up through the noun it modifies or the preposition it hangs on, to a "no" or a "not")."""
    node = word
    while True:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.dep_ not in ("compound", "pobj", "prep", "attr", "dobj") or node.head is node:
            return False
        node = node.head


def _doer_of_other_deed(word, violent_words: set[int]) -> bool:
    """Whether ``word`` (or the first of the words it is joined to) names who did a deed told by a noun that is no
    violence: "a search by soldiers and local vigilantes"."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    if word.dep_ != "pobj" or word.head.lower_ != "by":
        return False
    deed = word.head.head
    return deed.pos_ == "NOUN" and deed.i not in violent_words


def _suspected_of(word) -> bool:
    """Whether ``word`` names what someone is suspected or accused of: "men suspected of cattle theft", "two youths
    accused of theft", "on suspicion of robbery"."""
    node = word
    while node.dep_ in ("compound", "amod", "conj") and node.head is not node:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ != "of":
        return False
    holder = node.head.head
    return holder.lemma_.lower() in ("suspect", "accuse", "suspicion", "charge", "convict")


def _violent_label(label: str) -> bool:
    """Whether a hit's label names political violence: a sub-event type of it, or a violent cue."""
    row = _by_sub_event().get(label)
    return label.startswith(VIOLENT_CUES) or row is not None and row.event_type in POLITICAL_VIOLENCE


def _held_words(tokens, hits) -> set[int]:
    """Doc indices of the words that name whom an arrest held: "arrested [six members of a kidnapping gang]",
    "[two bombing suspects] were detained", "the arrest of [three kidnappers]". Violent words among them tell
    who was held, not another event: the arrest is what happened."""
    out: set[int] = set()
    for hit in hits:
        if hit.label != "Arrests":
            continue
        word = _root_of(hit, tokens)
        held = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
        held += [p for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj"]
        out.update(t.i for h in held for t in _expand(h))
    # and what the held are said to have done: "the head of a gang [accused of kidnappings] was detained"
    doc = tokens[0].doc if tokens else None
    for i in list(out):
        out.update(t.i for c in doc[i].children if c.dep_ == "acl" and c.lemma_ in ACCUSING_VERBS for t in c.subtree)
    return out


# Participles that tell what the held are said to have done, not what happened.
ACCUSING_VERBS = {"accuse", "suspect", "blame", "wanted", "want", "charge", "link", "tie"}
# Nouns for the head of a group: the arrest of a gang's leader is the arrest of a notable person (ACLED's
# Arrests), not police work against crime.
LEADER_NOUNS = {"leader", "boss", "chief", "kingpin", "head", "commander", "ringleader", "founder"}


def _leads(token) -> bool:
    """Whether ``token`` (a group word) names whose leader is meant: "gang leaders", "the head of a gang"."""
    head = token.head
    if token.dep_ in ("compound", "poss", "nmod") and head.lemma_.lower() in LEADER_NOUNS:
        return True
    return (token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LEADER_NOUNS)


VIOLENT_VERBS = {"kill", "shoot", "beat", "lynch", "attack", "target", "strike", "bomb", "execute", "behead"}


def _is_victim(token) -> bool:
    """Whether ``token`` names those on the receiving end of a violent verb (its object or passive subject)."""
    return token.dep_ in OBJECT_DEPS | {"pobj"} and (
        token.head.lemma_.lower() in VIOLENT_VERBS or token.head.head.lemma_.lower() in VIOLENT_VERBS)


ARMING_VERBS = {"arm", "armed", "equip", "equipped"}
LIST_WORDS = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "CCONJ"}  # the words of a list of things


def _armed_with(token) -> bool:
    """Whether ``token`` is a weapon in the list of what someone was "armed with" ("men armed with guns, knives and
    petrol bombs"): it tells who they were, not that anyone was stabbed. Read along the words, not the parse, which
    often makes a later item of the list the subject of the verb after it."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    doc, k = token.doc, token.i - 1
    while k > token.sent.start and (doc[k].pos_ in LIST_WORDS or doc[k].text == ","):
        k -= 1
    return doc[k].lower_ == "with" and k > token.sent.start and (
        doc[k - 1].lemma_.lower() in ARMING_VERBS or doc[k - 1].lower_ in ARMING_VERBS)


SHOOTING = {"kill", "shoot", "open", "fire", "killing"}
PROTEST_FAMILY = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                  "Violent demonstration")
# The types of one demonstration, from the least to the gravest (ACLED's order of precedence).
DEMONSTRATION_ORDER = {sub_event_type: rank for rank, sub_event_type in enumerate(PROTEST_FAMILY)}


# Where arrests made away from any gathering happen: "at their homes", "in dawn raids".
HOMES = frozenset({"home", "house", "residence", "apartment", "flat", "raid", "accommodation", "dormitory", "hostel"})
STORMING = {"storm"}
DISPERSING = {"disperse", "break"}  # "dispersed a crowd", "broke up a gathering"
CROWD_DEMANDS = {"demand", "chant"}  # what a crowd does at a protest, said without the word "protest"
BLOCKING = ("block", "barricad", "obstruct")  # the verb or noun of a blockade phrase ("the highway was blocked")


BARRICADE_BUILDING = frozenset({"set", "put", "erect", "build", "mount"})


def _blockade_rule(evidence: _Evidence, context: _Context) -> None:
    """A road, bridge or railway blocked by people who bear no arms (miners, traders, residents, protesters) is
    a protest, as ACLED codes blockades. Blocked by police or troops it is a security measure or their part in a
    protest, by an armed group part of its operation; with nobody named ("a landslide blocked the road",
    "the road was blocked") it is no event."""
    for cue in context.cues.pop("blockade", []):
        words = [context.tokens[p] for p in cue.positions]
        # "youths set up barricades": the barricades' builders, the subject of the verb that put them up
        token = next((t for t in words if t.lemma_.lower() in BARRICADE_BUILDING and t.pos_ == "VERB"), None) or next(
            (t for t in words if t.lemma_.lower().startswith(BLOCKING)), words[0])
        doers, passive = _subject(token)
        if passive or token.pos_ == "NOUN":
            # the road that was blocked; and a blockade's doers are not who cleared it ("police used tear gas to
            # clear a blockade")
            doers = []
        # "a blockade by miners", "a blockade set up by agitators"
        doers += [t for head in (token, *(c for c in token.children if c.dep_ == "acl"))
                  for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                  for pobj in c.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
        if doers and token.dep_ == "relcl" and all(t.lower_ in RELATIVE_PRONOUNS for t in doers):
            doers = _expand(token.head)  # "a group of miners [who had blocked a bridge]"
        who = context.roles_of([t for t in doers if not _whom_followed(t)])
        if who.get("armed") or who.get("state") or who.get("nonstate"):
            continue
        # a blockade's people need not be named as a crowd: "supporters", "communities" hold roads too
        if _people(who) or any(who.get(role) for role in ("civilian", "crowd", "protester")):
            evidence.add("Peaceful protest", cue.weight, cue, "blockade-by-civilians")
        elif not who and context.cues.get("protest_intervention"):
            # "fired rubber bullets and tear gas to clear a road blockade", "to clear 800 land invaders who had
            # blocked the highway": a blockade met with the means of crowd control was a crowd's, whatever the words
            # for who held it
            evidence.add("Peaceful protest", cue.weight, cue, "blockade-dispersed")


# Nouns for people who follow someone: "supporters of former president Evo Morales" are not the president.
FOLLOWER_NOUNS = frozenset({"supporter", "follower", "loyalist", "partisan", "sympathiser", "sympathizer", "backer",
                            "adherent", "devotee", "fan"})


def _whom_followed(token) -> bool:
    """Whether ``token`` names whom followers follow ("[supporters of] former president Evo Morales")."""
    return any(a.dep_ == "prep" and a.lower_ == "of" and a.head.lemma_.lower() in FOLLOWER_NOUNS
               for a in token.ancestors)


# what a crowd gathers to do or does as it gathers that makes the gathering a protest (not "to call for calm")
DEMANDING = frozenset(CROWD_DEMANDS | {"oppose", "denounce", "condemn", "protest", "decry", "reject", "voice",
                                       "demonstrate"})


def _gathering_rule(evidence: _Evidence, context: _Context) -> None:
    """People gathered, assembled or converged somewhere to demand or denounce something, or demanding it, however
    long the words between ("gathered outside the regional government headquarters in Puno on Thursday, demanding
    the payment of bonuses"): a protest. Not a gathering of armed men or of the state's forces."""
    for cue in context.cues.pop("gathering", []):
        token = context.token(cue)
        if not any(child.dep_ in ("advcl", "xcomp", "conj") and child.lemma_.lower() in DEMANDING
                   for child in token.children):
            continue
        who = context.roles_of(_subject(token)[0])
        if not (who.get("armed") or who.get("state") or who.get("nonstate")):
            evidence.add("Peaceful protest", cue.weight, cue, "gathered-demanding")


def _relative_clause(token):
    """The relative clause ``token`` stands in ("a driver [who had been arrested]"), or None."""
    return next((t for t in [token, *token.ancestors] if t.dep_ == "relcl"), None)


def _antecedent(words: list, clause) -> list:
    """``words``, or, where they are only a relative pronoun of ``clause``, the phrase the clause hangs on."""
    if clause is not None and words and all(t.lower_ in RELATIVE_PRONOUNS for t in words):
        return _expand(clause.head)
    return words


# Operations in which people are held away from any gathering: "arrested 11 men during a search operation".
SWEEPS = frozenset({"raid", "operation", "sweep", "search"})


def held_at_home(token) -> bool:
    """Whether the arrest ``token`` tells was made at people's homes or in raids ("detained six activists at their
    homes before dawn", "arrested in dawn raids", "during a search operation"): not at a demonstration, whatever the
    sentence says of one."""
    at_home = any(c.dep_ == "prep" and c.lower_ in ("at", "from", "in") and any(
        p.dep_ == "pobj" and p.lemma_.lower() in HOMES for p in c.children) for c in token.children)
    # (the parser may hang "during" on the words for those held: "men suspected of belonging to CODECO during ...")
    return at_home or any(c.dep_ == "prep" and c.lower_ == "during" and any(
        p.dep_ == "pobj" and p.lemma_.lower() in SWEEPS for p in c.children) for c in token.subtree)


def _arrested_elsewhere(context: _Context, token) -> bool:
    """Whether an arrest told in a relative clause is of someone who is not a protester: "the death of a driver
    who had been arrested on Monday" tells why people protest, not that police arrested protesters."""
    clause = _relative_clause(token)
    if clause is None:
        return False
    held, passive = _subject(token)
    if not passive:
        held = [t for c in token.children if c.dep_ == "dobj" for t in _expand(c)]
    who = context.roles_of(_antecedent(held, clause))
    return bool(who) and not (who.get("protester") or who.get("crowd"))


def _unarmed_crowd(context: _Context, token) -> bool:
    """Whether the doers of ``token`` are people who bear no arms (a crowd, civilians, protesters), through a
    relative pronoun ("farmers who tried to storm the office") to the people it stands for."""
    doers, passive = _subject(token)
    if passive:
        return False
    return _unarmed(context.roles_of(_antecedent(doers, _relative_clause(token))))


# Verbs by which a gathering became something else: "descended into", "turned into", "degenerated into"
TURNING_INTO = frozenset({"descend", "turn", "degenerate", "spiral", "dissolve", "deteriorate", "escalate", "erupt"})
# Gatherings that may turn violent, whatever they were called for ("an unlawful procession by market traders")
GATHERINGS = frozenset({"march", "procession", "rally", "demonstration", "protest", "gathering", "sit", "vigil",
                        "strike", "picket"})


def _gathering_turned_into(word) -> bool:
    """Whether ``word`` is what a gathering turned into: "a peaceful march ... descended into attacks on police"."""
    if word.dep_ != "pobj" or word.head.lower_ != "into":
        return False
    verb = word.head.head
    if verb.lemma_.lower() not in TURNING_INTO:
        return False
    doers = list(_subject(verb)[0])
    noun = verb
    while noun.dep_ in ("acl", "pobj", "prep") and noun.head.i != noun.i:
        noun = noun.head  # "a procession by traders against a new levy [descended into]", parsed as the levy's
        doers.append(noun)
    return any(t.lemma_.lower() in GATHERINGS for t in doers)


def _went_home(context: _Context, token) -> bool:
    """Whether a word of dispersal tells people who went their way, not a crowd broken up: "dispersing" with no one
    dispersed and no passive ("held a peaceful protest ... before dispersing in the afternoon", "the marchers
    dispersed peacefully"), done by no force of the state."""
    if token.lemma_.lower() not in DISPERSING or token.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in token.children):
        return False
    doers, passive = _subject(token)
    return not passive and not context.roles_of(doers).get("state")


WEAK_CLASH = 1.0  # below this a fighting word ("operation") tells no fighting at a protest


def _protest_rule(evidence: _Evidence, context: _Context) -> None:
    """A protest is typed by what happened at it; clashes, arrests and shots at it belong to it.

    ACLED's order: protesters' own violence makes a Violent demonstration (whatever the police did); lethal
    force against peaceful protesters is Excessive force; dispersal or arrests are an intervention.
    """
    cues = context.cues
    base = max(evidence.scores.get("Peaceful protest", 0.0), evidence.scores.get("Violent demonstration", 0.0))
    violent = [h for h in cues.get("protest_violent", []) if h.pattern.weight >= 1.5]  # not a bare "unrest"
    if cues.get("peaceful"):
        violent = [h for h in violent if h.pattern.weight >= 2.0]  # "peaceful" outweighs a vague "violence"
    # not a bare "operation" ("the prefect defended the operation"): the forces' work, no fighting told
    violent += [evidence.best[k] for k in ("Violent demonstration", "Looting/property destruction", "Armed clash")
                if k in evidence.best and evidence.best[k].pattern.weight >= WEAK_CLASH]
    # protesters who storm a building force their way in: ACLED's violent demonstration
    storming = [h for h in cues.get("violence", []) if context.token(h).lemma_.lower() in STORMING]
    violent += storming
    # "a march by traders descended into attacks on police": the gathering itself turned violent
    turned = [h for h in cues.get("violence", []) + cues.get("protest_violent", [])
              if _gathering_turned_into(context.token(h))]
    violent += turned
    arrests = evidence.best.get("Arrests")
    if arrests is not None and held_at_home(context.token(arrests)):
        # "detained six activists at their homes ... as a protest entered its fourth day": the arrests are the news
        for demonstration in PROTEST_FAMILY:
            evidence.scores.pop(demonstration, None)
        return
    intervention = [h for h in cues.get("protest_intervention", []) if not _went_home(context, context.token(h))] + (
        [arrests] if arrests is not None and not _arrested_elsewhere(context, context.token(arrests)) else [])
    if base == 0.0:
        stones = any(h.pattern.weight >= 2.4 for h in cues.get("protest_violent", []))
        crowd_storms = any(h.pattern.weight >= 2.4 for h in intervention) and any(
            _unarmed_crowd(context, context.token(h)) for h in storming)
        # a crowd "demanding answers", "chanting slogans": a protest without the word
        demands = any(t.lemma_.lower() in CROWD_DEMANDS and t.pos_ == "VERB" and _unarmed_crowd(context, t)
                      for t in context.tokens)
        # "police dispersed a crowd blocking the eviction", "broke up a gathering of residents": a gathering broken
        # up, said without the word "protest"
        dispersed = any(context.token(h).lemma_.lower() in DISPERSING and _crowd_or_protesters(context, h)
                        for h in intervention)
        # "fired tear gas to remove villagers who had cut off the road", "to clear farmworkers who had blocked the
        # highway": the means of crowd control used on a crowd
        dispersed = dispersed or any(h.pattern.weight >= 2.4 for h in intervention) and any(
            t.lemma_.lower() in DISPERSING | {"remove", "clear"} and t.pos_ == "VERB"
            and _unarmed(context.roles_of(_targets(t)))
            for t in context.tokens)
        # "officers fired tear gas into the crowd": the means of crowd control aimed at one
        dispersed = dispersed or any(h.pattern.weight >= 2.4 and _aimed_at_crowd(context, h) for h in intervention)
        # "students clashed with police", "clashes between residents and security forces": unarmed people who
        # fight the state's forces riot (ACLED keeps battles for organised armed groups on both sides)
        clash = evidence.best.get("Armed clash")
        crowd_clash = clash is not None and evidence.rules.get("Armed clash") in (
            "trigger", "destruction-in-violence") and _crowd_against_state(context, context.token(clash))
        if not (intervention and stones or crowd_storms or demands or dispersed or crowd_clash or turned):
            return
        if crowd_clash:
            violent.insert(0, clash)
        # stones thrown at police who then disperse the crowd, tear gas at a crowd that storms an office, students
        # who clash with police: a riot without the word "protest"
        base = 2.4
    lethal = list(cues.get("protest_lethal", []))
    for hit in cues.get("violence", []) + cues.get("harm", []):
        word = context.token(hit)
        lemma = word.lemma_.lower()
        beaten = lemma in BEATING and _blow(word) and not _habit(word) and _gravely(context)
        shot = lemma in SHOOTING | {"dead", "death", "die"} and not _fires_crowd_control(word, context, intervention)
        if word.dep_ == "acl" and any(t.ent_type_ == "DATE" for c in word.children for t in c.subtree):
            continue  # "to mourn dozens of demonstrators killed last month": deaths of another day, mourned
        if (shot or beaten) and _protesters(context, _targets(word)):
            lethal.append(hit)  # shooting at or killing the protesters, beating them to death or gravely: grave force
    demonstration = evidence.best.get("Peaceful protest")
    if not lethal and demonstration is not None and _struck_gravely(context):
        lethal.append(demonstration)
    if violent:
        label, rule, cue = "Violent demonstration", "protest-violence", violent[0]
    elif lethal and _by_armed_group(context, lethal):
        # gunmen who open fire on mourners or marchers attack civilians: ACLED's excessive force is the state's
        label, rule, cue = "Attack", "attack-on-gathering", lethal[0]
    elif lethal:
        label, rule, cue = "Excessive force against protesters", "protest-lethal-force", lethal[0]
    elif intervention:
        label, rule, cue = "Protest with intervention", "protest-intervention", intervention[0]
    else:
        return
    if label == "Violent demonstration" and _angry_crowd_only(evidence, context):
        # "angry residents set fire to a police post and blocked roads with burning tyres": the crowd's protest
        evidence.scores.pop("Mob violence", None)
    for absorbed in PROTEST_FAMILY + ("Armed clash", "Arrests", "Looting/property destruction"):
        evidence.scores.pop(absorbed, None)
    cues.pop("violence", None)
    cues.pop("harm", None)
    evidence.add(label, base + 0.6, cue, rule)


def _angry_crowd_only(evidence: _Evidence, context: _Context) -> bool:
    """Whether the sentence's mob violence rests only on the crowd being called angry ("angry residents"), with no
    blow or harm done to anyone: at a protest, what they did makes it a riot of demonstrators."""
    hit = evidence.best.get("Mob violence")
    return (hit is not None and evidence.rules.get("Mob violence") == "trigger"
            and context.tokens[hit.positions[0]].lower_ == "angry"
            and not context.cues.get("violence") and not context.cues.get("harm"))


CLASHING = frozenset({"clash", "fight", "scuffle", "skirmish"})


def _crowd_against_state(context: _Context, word) -> bool:
    """Whether a fighting word has civilians, a crowd or protesters on one side and state forces on the other
    ("students of Dhaka College clashed with police", "clashes between villagers and the police"), and nobody in
    the sentence but those who report it is an armed group or rebels."""
    if word.lemma_.lower() not in CLASHING:
        return False
    named, passive = _subject(word)
    if word.dep_ == "acl" and not named:
        named = _hung_doers(word)
    elif word.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in word.children):
        # "six officers were injured when young people angry at the cuts clashed with police", parsed as if the
        # officers clashed: the subject of a clause between the two verbs is the fighting word's
        between = [t for t in word.doc[word.head.i + 1:word.i] if t.dep_ == "nsubj" and word.head.i < t.head.i < word.i]
        if between:
            named, passive = _expand(between[-1]), False
    sides = [] if passive else list(named)
    sides += [t for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("between", "with")
              for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
    roles = context.roles_of(sides)
    reporting = _reporters(context)
    # (the state's forces are armed too, "police officers" among them: only armed men who are not the state's make
    # it a battle)
    fighters = context.roles_of([t for t in context.tokens if t.i not in reporting and not context.roles_of(
        [t, *(c for c in t.children if c.dep_ in ("compound", "amod"))]).get("state")])
    if fighters.get("armed") or fighters.get("nonstate"):
        return False
    return bool(roles.get("state")) and _people(roles)


def _hung_doers(word) -> list:
    """The doers of a fighting word the parser hung on a noun as if it were done to that noun, read back up to the
    phrase the noun sits in: in "young people angry at more than a week of cuts clashed with security forces", "clashed"
    hangs on "cuts", and those who clashed are the young people the cuts made angry (one cannot be clashed)."""
    head = word.head
    while head.dep_ in ("pobj", "prep", "amod") and head.head is not head:
        head = head.head
    return _expand(head) if head is not word.head and head.pos_ in ("NOUN", "PROPN", "PRON") else []


PROTESTING = frozenset({"protest", "demonstrate", "march", "rally"})


def _protesters(context: _Context, targets) -> bool:
    """Whether ``targets`` are protesters: named so, or people said to be protesting ("residents protesting against
    a rise in fares", "villagers who were marching to the district office")."""
    return bool(context.roles_of(targets).get("protester")) or any(
        c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and (c.lemma_.lower() in PROTESTING or _in_protest(c))
        for t in targets for c in t.children)


def _in_protest(verb) -> bool:
    """Whether ``verb`` is done in protest: "(drivers) who had blocked the roads [in protest] against new fines",
    "(villagers) who had blocked the highway" (a road blocked is a protest, as ACLED codes it)."""
    return verb.lemma_.lower().startswith(BLOCKING) or any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lemma_.lower() == "protest" for p in c.children)
        for c in verb.children)


def _people(roles: dict[str, float]) -> bool:
    """Whether ``roles`` name a crowd, civilians or protesters."""
    return roles.get("civilian", 0) + roles.get("crowd", 0) + roles.get("protester", 0) >= 1


def _unarmed(roles: dict[str, float]) -> bool:
    """Whether ``roles`` name a crowd, civilians or protesters and no armed men, state forces or rebels."""
    return not (roles.get("armed") or roles.get("state") or roles.get("nonstate")) and _people(roles)


def _reporters(context: _Context) -> set[int]:
    """Doc indices of the words that name who reports ("police said", "Reports reaching the Police indicate"): the
    subjects of reporting verbs, which take no part in what they report."""
    return {t.i for s in context.tokens if s.dep_ == "nsubj" and is_reporting_verb(s.head) for t in s.subtree}


def _crowd_or_protesters(context: _Context, hit: Hit) -> bool:
    """Whether what the cue's word was done to is a crowd or protesters ("dispersed a crowd")."""
    roles = context.roles_of(_targets(context.token(hit)))
    return bool(roles.get("crowd") or roles.get("protester"))


def _aimed_at_crowd(context: _Context, hit: Hit) -> bool:
    """Whether the means of crowd control a cue names was fired or thrown at a crowd or protesters ("fired tear gas
    into the crowd", "lobbed tear gas canisters at marchers")."""
    word = context.token(hit)
    while word.dep_ in ("compound", "amod", "nmod") and word.head.i != word.i:
        word = word.head  # "tear gas canisters"
    if word.dep_ != "dobj":
        return False
    roles = context.roles_of([t for o in _objects(word.head, "at", "into", "on") for t in _expand(o)])
    return bool(roles.get("crowd") or roles.get("protester"))


def _fires_crowd_control(word, context: _Context, intervention: list[Hit]) -> bool:
    """Whether what a shooting verb fires is a means of crowd control ("fired tear gas at protesters", "fired rubber
    bullets into the crowd"): an intervention, not lethal force."""
    means = {context.tokens[p].i for hit in intervention if hit.pattern.weight >= 2.4 for p in hit.positions}
    return any(t.i in means for fired in _objects(word, "with") for t in fired.subtree)


# Words that make blows grave force (ACLED's excessive force): a death, or injuries told as serious.
GRAVE_HARM = frozenset({"dead", "death", "die", "kill", "fatally", "critically", "critical", "seriously", "severely",
                        "gravely", "coma"})


def _gravely(context: _Context) -> bool:
    """Whether blows at a protest killed or gravely hurt: "beaten to death", "left a protester in a coma". Baton
    charges that hurt people less ("beating people with batons") disperse a protest: an intervention."""
    return any(t.lemma_.lower() in GRAVE_HARM or t.lower_ in GRAVE_HARM for t in context.tokens)


STRUCK = frozenset({"strike", "hit"})


def _struck_gravely(context: _Context) -> bool:
    """Whether a protester was struck by something and gravely hurt ("A protester was in critical condition after
    being struck in the head by a projectile fired by federal agents"): grave force, whatever was fired."""
    if not _gravely(context):
        return False
    for word in context.tokens:
        if word.lemma_.lower() not in STRUCK or word.tag_ != "VBN":
            continue
        struck = [t for c in word.children if c.dep_ == "nsubjpass" for t in _expand(c)]
        if not struck and word.dep_ == "pcomp":  # "was in critical condition after being struck"
            struck = [t for c in word.head.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in _expand(c)]
        if context.roles_of(struck).get("protester"):
            return True
    return False


def _by_armed_group(context: _Context, hits: list[Hit]) -> bool:
    """Whether the deadly force was done by a non-state armed group ("gunmen opened fire on mourners"), not by
    the state's forces."""
    doers = [t for hit in hits for t in _subject(context.token(hit))[0]]
    roles = context.roles_of(doers)
    return bool(roles.get("nonstate")) and not roles.get("state")


TERRITORY_GOES_TO_OBJECT = {"fall", "fell", "fallen"}  # "the town fell to X": X is the new holder
STRONG_TRANSFER = 3.0  # "without resistance", "handed control": no fight, whoever moved in


def _territory_rule(evidence: _Evidence, context: _Context) -> None:
    """Ground taken: by the state → Government regains; by a non-state group → Non-state actor overtakes.

    Nobody resisting, or the other side having withdrawn, makes it a Non-violent transfer of territory.
    Weapons "seized" are handed to the seizure rule; civilians "seized" were abducted.
    """
    for cue in context.cues.pop("territory", []):
        token = context.token(cue)
        if token.pos_ == "VERB" and _habit(token):
            continue  # "the group still controls rural areas": who holds the ground, not ground changing hands
        actor, passive = _subject(token)
        actor_ids = {t.i for t in actor}
        objects = [t for t in token.subtree if t.i not in actor_ids and t.i != token.i]
        if passive:
            objects += actor
        object_roles = context.roles_of(objects)
        taken = context.roles_of(actor) if passive else {}
        first_named = context.next_role(token, ("weapon", "place", "civilian"))
        if taken.get("weapon") or (not taken.get("place") and first_named == "weapon"):
            context.cues["seizure"].append(cue)  # "seized 20 rifles", "pistols were captured"
            continue
        taken_people = context.roles_of(t for c in token.children if c.dep_ == "dobj" for t in _expand(c))
        if not passive and token.pos_ == "VERB" and (first_named == "civilian" or (
                taken_people.get("civilian") and not taken_people.get("place"))):
            evidence.add("Abduction/forced disappearance", cue.weight + 0.4, cue, "people-seized")
            continue  # "gunmen seized 30 students", "seizing people for ransom"
        if not (object_roles.get("place") or any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in objects)):
            continue
        if token.lemma_.lower() in TERRITORY_GOES_TO_OBJECT:
            actor = [t for c in token.children if c.dep_ == "prep" for t in c.children]
        side = context.roles_of(actor)
        if passive and not side.get("place"):
            # "the terrorists were pushed back": the passive subject lost the ground
            side = {"state": side.get("nonstate", 0), "nonstate": side.get("state", 0)}
        if side.get("state", 0) == side.get("nonstate", 0):
            first = context.first_side()
            side = {first: 1} if first else {}
        if evidence.scores.get("Non-violent transfer of territory", 0.0) >= STRONG_TRANSFER or (
                context.cues.get("withdrawal")):
            label = "Non-violent transfer of territory"
        elif side.get("nonstate", 0) > side.get("state", 0):
            label = "Non-state actor overtakes territory"
        elif side.get("state"):
            label = "Government regains territory"
        else:
            continue
        evidence.add(label, cue.weight + 0.6, cue, "territory-actor")
        if label == "Non-violent transfer of territory":
            context.cues.pop("withdrawal", None)


def _withdrawal_rule(evidence: _Evidence, context: _Context) -> None:
    """Forces withdrawing with nobody taking over: a Change to group/activity (a new posture). Not things pulled out
    ("they pulled out the surveyors' markers"): what is withdrawn, when named, is a force."""
    for cue in context.cues.pop("withdrawal", []):
        token = context.token(cue)
        withdrawn = [t for c in token.children if c.dep_ == "dobj" for t in _expand(c)]
        if withdrawn and not (roles := context.roles_of(withdrawn)).get("armed") and not roles.get("state"):
            continue
        evidence.add("Change to group/activity", cue.weight + 0.4, cue, "withdrawal")


EXPLOSIVE_TYPES = ("Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack")


def _seizure_rule(evidence: _Evidence, context: _Context) -> None:
    """Weapons found, seized or defused with nobody hurt are Disrupted weapons use, not an attack; but people
    arrested as the weapons were seized ("arrested six men and seized two guns") are the Arrests they were, and
    the arms make them arrests of armed men, not of petty criminals.

    People "intercepted" or "seized" are arrests.
    """
    seizures = context.cues.pop("seizure", [])
    halved = False
    harmed = bool(context.cues.get("harm") or context.cues.get("explosion")) or any(
        context.token(h).lemma_.lower() in KILLING for h in context.cues.get("violence", []))
    for cue in seizures:
        token = context.token(cue)
        actor, passive = _subject(token)
        # its own object first: in "fired rubber bullets to clear a blockade" what was cleared is the blockade
        own = [t for c in token.children if c.dep_ == "dobj" for t in _expand(c)]
        objects = (own or _targets(token)) + (actor if passive else [])
        found = context.roles_of(objects)
        if (found.get("weapon") or context.next_role(token, ("weapon",), within=8)) and not harmed:
            discount = cue.weight / cue.pattern.weight  # the sentence's place in the snippet
            if "Arrests" in evidence.scores:  # the arms make the arrests an armed group's, not petty crime's
                evidence.add("Arrests", 3.0 * discount, evidence.best["Arrests"], "arrested-with-weapons")
            else:
                evidence.add("Disrupted weapons use", 3.0 * discount, cue, "weapons-seized")
            _halve_explosions(evidence)  # the bombs were found, not used
            halved = True
        elif (found.get("armed") or found.get("civilian")) and token.lemma_.lower().startswith("intercept"):
            evidence.add("Arrests", 2.4, cue, "people-intercepted")
    # "bomb experts defused an improvised explosive device": the device named was made safe, not set off
    disrupted = evidence.best.get("Disrupted weapons use")
    if disrupted is not None and not harmed and not halved and context.roles_of(
            [t for c in context.token(disrupted).children if c.dep_ == "dobj" for t in _expand(c)]).get("weapon"):
        _halve_explosions(evidence)


def _halve_explosions(evidence: _Evidence) -> None:
    """Halve the scores of the explosion types: the weapons were found or made safe, not used."""
    for label in EXPLOSIVE_TYPES:
        if label in evidence.scores:
            evidence.scores[label] *= 0.5


ACCIDENTS = ("MAN_MADE_DISASTER", "NATURAL_DISASTER")
WEAPON_TYPES = EXPLOSIVE_TYPES + ("Suicide bomb", "Air/drone strike", "Chemical weapon")


def _clause_head(token):
    """The word ``token``'s clause hangs on: a verb itself, a subject's or object's verb, the head of "in X"."""
    if token.pos_ in ("VERB", "AUX"):
        return token
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        return token.head.head
    return token.head


CAUSE_PREPS = {"in", "by", "after", "from", "with", "following"}
WORKED_MINERALS = frozenset({"gold", "coal", "copper", "diamond", "tin", "cobalt", "coltan", "iron", "silver",
                             "salt", "lithium", "uranium", "emerald", "jade", "mining", "artisanal", "illegal"})


def _a_mine_worked(word) -> bool:
    """Whether the noun "mine" names a mine that is worked, not a weapon: a mineral or a proper name before it
    ("a gold mine", "the Nacupay mines"), or plural after "at", "in", "near" or "around"."""
    if word.lemma_.lower() != "mine":
        return False
    before = [c for c in word.children if c.dep_ in ("compound", "amod") and c.i < word.i]
    if any(c.lower_ in WORKED_MINERALS or c.pos_ == "PROPN" for c in before):
        return True
    return word.tag_ == "NNS" and word.dep_ == "pobj" and word.head.lower_ in ("at", "in", "near", "around", "into")


# Nouns for what is used or done against a weapon; a weapon word that modifies one names a kind of thing
WEAPON_LABELS = {"Remote explosive/landmine/IED", "Grenade"}
COUNTERMEASURES = {"detection", "detector", "clearance", "clearing", "removal", "sweeper", "sweeping", "resistant",
                   "proof", "awareness", "education", "risk", "action", "equipment", "robot", "kit"}


def _names_a_countermeasure(word) -> bool:
    """Whether a weapon word only modifies a noun for what is used against such weapons ("proper mine-detection
    equipment", "mine clearance teams", "mine-resistant vehicles"), up through the nouns it is a compound of."""
    node = word
    while node.dep_ in ("compound", "amod", "nmod", "npadvmod") and node.head.i != node.i:
        head = node.head
        between = [c for c in head.children if node.i < c.i < head.i]  # "mine clearance team": parsed as siblings
        if any(t.lemma_.lower() in COUNTERMEASURES for t in [head, *between]):
            return True
        node = head
    return False


MEETING_VERBS = {"hit", "strike", "step", "trigger", "run"}  # "their truck hit a mine": the mine did the killing
TOLL_WORDS = {"kill", "killing", "die", "dead", "death", "wound", "injure", "injury", "casualty"}


def _caused_by(harm, cause, device: bool = False) -> bool:
    """Whether ``cause`` is what killed or hurt in ``harm``: "killed in the blast", "died after an explosion
    wrecked a bus", "a blast ripped through the station, killing four", "the explosion left five dead".

    The cause is a verb ("exploded"), a subject or a means ("in", "by", "after" the blast); a weapon that is
    an object was used or hit ("fired a rocket", "attacked a tank") and causes nothing by itself, except a
    hidden ``device`` that its victims ran into ("their vehicle hit an explosive planted on the road").
    """
    if not (cause.pos_ in ("VERB", "AUX") or cause.dep_ in ("nsubj", "nsubjpass", "csubj") or (
            cause.dep_ == "pobj" and cause.head.dep_ in ("prep", "agent") and cause.head.lower_ in CAUSE_PREPS) or (
            device and cause.dep_ == "dobj" and cause.head.lemma_.lower() in MEETING_VERBS)):
        return False
    a, b = _clause_head(harm), _clause_head(cause)
    return a == b or a.head == b or b.head == a


STRIKE_MEANS = ("Air/drone strike", "Shelling/artillery/missile attack")


def _bare_strike(context: _Context, hit: Hit) -> bool:
    return len(hit.positions) == 1 and context.token(hit).lemma_.lower() == "strike"


def _means_of_strike(context: _Context, strike: Hit) -> str | None:
    """What a bare "strike" that killed was: the air, drone or missile means named in its sentence or in the
    sentence before ("drones came down on the market. ... killed in the strike"), an air strike when none is
    named, and no attack at all where strikers, unions or a protest are named (a labour strike)."""
    def labour(hits, roles) -> bool:
        return any(h.label in PROTEST_FAMILY for h in hits) or any(h.label == "role:protester" for h in roles)

    if labour(context.labelled, []) or context.roles_of(context.tokens).get("protester"):
        return None
    named = [h for h in context.labelled if h.label in STRIKE_MEANS and h is not strike]
    first = context.token(strike)
    if not named and first.sent.start > 0:
        hits, roles = find_hits(_tokens_of(first.doc[first.sent.start - 1].sent))
        if labour(hits, roles):
            return None
        named = [h for h in hits if h.label in STRIKE_MEANS]
    return max(named, key=lambda h: h.pattern.weight).label if named else "Air/drone strike"


def _weapon_toll_weight(cue: Hit) -> float:
    """A weapon that killed or hurt is the means of a violent event whoever died ("people were killed in the
    strike"), as a named perpetrator or victim makes a killing one (see ``_violence_rule``)."""
    return PERPETRATOR_WEIGHT * cue.weight / cue.pattern.weight


def _explosion_rule(evidence: _Evidence, context: _Context) -> None:
    """An explosion is typed by what surrounds it; the dead and wounded it caused are its toll, not an attack.

    Weapons, an armed group or other violence named → a bombing. A workplace or a fuel named (factory, gas
    cylinder, boiler, tanker) → an industrial accident. Otherwise an explosion that killed or hurt people is a
    bombing (ACLED's reading of an unexplained blast that wrecks a bus), and one that hurt nobody an accident.
    The dead that a named weapon caused ("their pickup hit an explosive, killing two") are evidence for it.
    """
    explosions = context.cues.pop("explosion", [])
    weapons = [h for h in context.labelled if h.label in WEAPON_TYPES]
    blast_toll = False
    for name in ("violence", "harm"):
        kept = []
        for cue in context.cues.get(name, []):
            token = context.token(cue)
            if token.lemma_.lower() not in TOLL_WORDS:
                kept.append(cue)
                continue
            by_weapon = [w for w in weapons if _caused_by(
                token, context.tokens[w.positions[-1]], device=w.label == "Remote explosive/landmine/IED")]
            by_blast = any(_caused_by(token, context.token(e)) for e in explosions)
            for weapon in by_weapon[:1]:
                label = _means_of_strike(context, weapon) if _bare_strike(context, weapon) else weapon.label
                if label is not None:
                    evidence.add(label, _weapon_toll_weight(cue), weapon, "weapon-casualties")
            if not (by_weapon or by_blast):
                kept.append(cue)
            blast_toll = blast_toll or by_blast
        context.cues[name] = kept
    if not explosions:
        return
    # "coal mine", "fuel tanker": a role word inside the name of a workplace or a fuel arms nobody
    at_work = {p for h in context.labelled if h.label in ACCIDENTS for p in h.positions}
    named = context.roles_of(t for n, t in enumerate(context.tokens) if n not in at_work)
    hostile = (named.get("weapon") or named.get("nonstate") or context.cues.get("violence")
               or any(label in evidence.scores for label in EXPLOSIVE_TYPES + ("Suicide bomb",)))
    accident = any(label in evidence.scores for label in ACCIDENTS)
    for cue in explosions:
        if hostile:
            evidence.add("Remote explosive/landmine/IED", cue.weight, cue, "explosion-hostile")
        elif blast_toll and not accident:
            evidence.add("Remote explosive/landmine/IED", cue.weight + 1.0, cue, "explosion-casualties")
        else:
            evidence.add("MAN_MADE_DISASTER", cue.weight + 1.0, cue, "explosion-accident")


DISASTER_CAUSES = {"fire", "blaze", "flood", "flooding", "explosion", "blast", "crash", "collision", "earthquake",
                   "quake", "storm", "landslide", "collapse", "accident", "avalanche", "cyclone", "lightning",
                   "plunge", "collide", "capsize", "derail", "overturn", "sink", "erupt"}
# As verbs these are things people do to people ("gunmen stormed a village, killing 12", "troops fired on
# the crowd, killing three"), not accidents: they count as a cause only as nouns.
VIOLENT_AS_VERBS = {"storm", "fire", "blast"}
KILLING = {"kill", "killing", "shoot", "behead", "execute"}
# "beat" alone is also a win ("Kano beat Enugu 2-1"), and "kicked off" a start: they need people named
BEATING = {"beat", "beating", "punch", "kick"}
PERPETRATOR_WEIGHT = 1.8
ARMED_PRESENCE = {"armed man|men"}  # cue patterns that tell violence only beside harm done
# words of harm done, from the casualty vocabulary, and "lost their lives", "shot"
HARM_LEMMAS = (KILL_VERBS | DIE_VERBS | DEATH_NOUNS | INJURE_VERBS | INJURY_NOUNS | HARM_NOUNS | CORPSE_NOUNS
               | {"life", "shoot"})
CIVILIAN_ACTORS = {"gunman", "gunmen", "assailant", "attacker", "unknown", "unidentified"}


def _habit(token) -> bool:
    """Whether a verb lies in a clause in the simple present ("bandits raid villages", "toughs roam the streets,
    beating critics"): what someone does as a rule, not what was done."""
    word = token
    while True:
        if any(c.dep_ in ("aux", "auxpass") for c in word.children) or word.tag_ in ("VBD", "VBN"):
            return False
        if word.tag_ in ("VBZ", "VBP"):
            return True
        if word.dep_ not in ("conj", "advcl", "xcomp") or word.head.i == word.i:
            return word.tag_ == "VB"  # a bare form that nothing governs: a present the tagger misread
        word = word.head


def _blow(token) -> bool:
    """Whether a word of beating strikes a blow: not "kicked off the protests", "punched out a statement"."""
    return not (token.lemma_.lower() in ("kick", "punch") and any(c.dep_ == "prt" for c in token.children))


def _raid_by_state(token, context: _Context) -> bool:
    """Whether a raid is the state's: "a police raid", "the army's raid", "a raid by security forces"."""
    doers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss")]
    doers += [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "by"
              for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
    return bool(context.roles_of(doers).get("state"))


FIGHTING_WORDS = CLASHING | {"fighting", "battle", "gunfight", "firefight"}


def _side_fought(token, context: _Context) -> bool:
    """Whether ``token`` names one side of a fight the sentence tells ("fighting between government security units
    and local gunmen", "clashed with gunmen")."""
    return any(token in side for word in context.tokens if word.lemma_.lower() in FIGHTING_WORDS
               for side in _fighting_sides(word))


def _violence_rule(evidence: _Evidence, context: _Context) -> None:
    """Generic violence is an Attack on civilians or an Armed clash between armed sides: decided by targets."""
    violence = context.cues.pop("violence", [])
    harm = context.cues.pop("harm", [])
    if not violence and not harm:
        return
    civilian = armed = 0.0
    weighted = []
    for cue in violence + harm:
        token = context.token(cue)
        if cue.pattern.source in ARMED_PRESENCE and not any(t.lemma_.lower() in HARM_LEMMAS for t in context.tokens):
            continue  # "armed men set up a roadblock": men with guns, no violence yet
        if token.pos_ in ("NOUN", "PROPN") and _side_fought(token, context):
            continue  # "fighting between security units and local gunmen": one side of the battle told
        doers = _subject(token)[0]
        head = token.head
        causes = {t.lemma_.lower() for t in doers}
        if not (head.pos_ == "VERB" and head.lemma_.lower() in VIOLENT_AS_VERBS):
            causes.add(head.lemma_.lower())
        if causes & DISASTER_CAUSES and not context.roles_of(doers).get("armed"):
            continue  # "a fire killed 14 workers": an accident, whatever the toll
        side = context.roles_of(_targets(token))
        civilian += side.get("civilian", 0)
        armed += side.get("armed", 0)
        weight = cue.weight
        lemma = token.lemma_.lower()
        if not _blow(token):
            continue  # "5,000 people kicked off the protests": a phrasal verb, no blow struck
        # "bandits", "a policeman"; "two farmers", "a journalist"; "villagers beat a suspected thief": who did it or
        # who suffered it named as such
        named = (context.roles_of(doers).get("armed") or side.get("civilian", 0) >= 1
                 or lemma in BEATING and context.roles_of(doers).get("crowd"))
        if lemma in BEATING | {"raid"} and _habit(token):
            pass  # "toughs roam the streets, beating critics", "bandits raid villages": what they do, not did
        elif lemma in KILLING | {"wound", "injure"} and (named or side.get("armed")) or lemma in BEATING and (
                named or side.get("armed") and _unarmed_crowd(context, token)):
            # "killed by a Taliban sniper", "bandits killed 17 villagers", "beaten by police", "the crowd punched
            # and kicked the soldiers": a named perpetrator or victim makes the killing or the beating an event in
            # itself (a team that "beat the Rangers" beat no armed men)
            weight = max(weight, PERPETRATOR_WEIGHT * cue.weight / cue.pattern.weight)
        elif lemma == "raid" and token.pos_ == "VERB" and context.roles_of(doers).get("nonstate"):
            # "bandits raided three villages": an armed group's raid is an assault (a police raid is a search)
            weight = max(weight, PERPETRATOR_WEIGHT * cue.weight / cue.pattern.weight)
        elif lemma == "raid" and token.pos_ == "NOUN" and context.casualties and not _raid_by_state(
                token, context) and (side.get("civilian", 0) >= 1 or not side.get("armed") and context.roles_of(
                    context.tokens).get("nonstate")):
            # "three people died in an overnight raid on traders": a raid on civilians that killed or wounded is an
            # attack on them (not "a police raid on traders"); so is a deadly raid on no one armed that the sentence
            # lays at an armed group's door ("four people were killed in a raid on a settlement, and police blamed
            # al-Shabaab militants")
            weight = max(weight, PERPETRATOR_WEIGHT * cue.weight / cue.pattern.weight)
        weighted.append((cue, weight))
    if not weighted:
        return
    if any(_at_each_other(context.token(cue), "at", "on") for cue, _ in weighted):
        label, rule = "Armed clash", "violence-each-other"  # "groups attacked each other": two sides fighting
    elif any(_killed_in_fighting(context.token(cue), context) for cue, _ in weighted):
        label, rule = "Armed clash", "violence-in-fighting"
    elif civilian > armed:
        label, rule = "Attack", "violence-target"
    elif armed > civilian:
        label, rule = "Armed clash", "violence-target"
    elif {t.lower_ for t in context.tokens} & CIVILIAN_ACTORS:
        label, rule = "Attack", "violence-actor"  # unknown gunmen, no armed target named
    else:
        whole = context.roles_of(context.tokens)
        # ACLED's usual reading of unattributed fire is a clash; civilians must be named clearly
        label = "Attack" if whole.get("civilian", 0) > whole.get("armed", 0) + 0.5 else "Armed clash"
        rule = "violence-default"
    for cue, weight in weighted:
        evidence.add(label, weight, cue, rule)


DESTRUCTION = "Looting/property destruction"


def _done_by_weapon(hit: Hit, context: _Context) -> bool:
    """Whether the clause of a destruction word, or one it hangs on, has a weapon for its doer ("two missiles
    hit the district, damaging a school and setting fire to cars", "homes set ablaze by shelling")."""
    weapons = {context.tokens[p].i for h in context.labelled if h.label in WEAPON_TYPES for p in h.positions}
    word = context.token(hit)
    for _ in range(4):
        if any(t.i in weapons for t in _subject(word)[0]):
            return True
        if word.dep_ not in ("conj", "advcl", "xcomp") or word.head.i == word.i:
            return False
        word = word.head
    return False


def _destruction_in_violence_rule(evidence: _Evidence, context: _Context) -> None:
    """Property burned or wrecked in an attack that killed or hurt people, or by a weapon's strike, is part of
    that violence, as is property burned while two sides fought ("youths clashed with machetes, and a vehicle was set
    ablaze"): ACLED keeps Looting/property destruction for destruction without casualties or other violence."""
    hit = evidence.best.get(DESTRUCTION)
    violent = [label for label in evidence.scores if label == "Mob violence" or (
        label in _by_sub_event() and _by_sub_event()[label].event_type in POLITICAL_VIOLENCE)]
    fight = evidence.best.get("Armed clash")
    word = context.token(fight) if fight is not None else None
    # (not fighting the damage came after: "properties were looted ... after fighting on October 16")
    fought = word is not None and evidence.rules.get("Armed clash") in ("trigger", "violence-each-other") and \
        word.pos_ == "VERB" and word.head.lower_ not in ("after", "following", "since")
    # "a crowd beat a man ... and set fire to his house": blows at a person hurt him, whatever the toll says
    beaten = any(_beats_someone(context, context.token(evidence.best[label]))
                 for label in violent if label in evidence.best)
    if hit is None or not violent or not (context.casualties or fought or beaten or _done_by_weapon(hit, context)):
        return
    label = max(violent, key=evidence.scores.get)
    destruction = evidence.scores.pop(DESTRUCTION)
    if destruction >= evidence.scores[label]:
        evidence.scores[label] = destruction + 0.1
        evidence.rules[label] = "destruction-in-violence"


def _beats_someone(context: _Context, word) -> bool:
    """Whether ``word`` is a blow ("beat", "punch") aimed at a person."""
    return word.lemma_.lower() in BEATING and bool(context.roles_of(_targets(word)).get("civilian"))


TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")


def _battle_for_ground_rule(evidence: _Evidence, context: _Context) -> None:
    """A battle in which ground changed hands is coded by the change of hands (ACLED's precedence)."""
    clash = evidence.scores.get("Armed clash", 0.0)
    won = [label for label in TERRITORY_TYPES if label in evidence.scores]
    if clash and won:
        label = max(won, key=evidence.scores.get)
        evidence.scores[label] = max(evidence.scores[label], clash) + 0.1


def _captured_combatants_rule(evidence: _Evidence, context: _Context) -> None:
    """Soldiers or police taken in an attack are part of the battle: ACLED's abductions are of civilians."""
    hit = evidence.best.get("Abduction/forced disappearance")
    if hit is None or "Armed clash" not in evidence.scores:
        return
    token = context.token(hit)
    taken = context.roles_of(_targets(token) if token.pos_ == "VERB" else _expand(token))
    if taken.get("armed", 0) > taken.get("civilian", 0):
        evidence.scores["Abduction/forced disappearance"] *= 0.5


def _armed_attackers_rule(evidence: _Evidence, context: _Context) -> None:
    """Men "armed with guns and knives" who attacked soldiers or police fought a battle: the knife in the list of
    their arms (:func:`_armed_with`) tells who they were, not that they stabbed civilians."""
    hit = evidence.best.get("Attack")
    if (hit is None or evidence.rules.get("Armed clash") != "violence-target"
            or not all(_armed_with(context.tokens[p]) for p in hit.positions)):
        return
    others = [h for h in context.labelled if h.label == "Attack" and h is not hit
              and not all(_armed_with(context.tokens[p]) for p in h.positions)]
    if not others:
        evidence.scores.pop("Attack")


def _armed_only_rule(evidence: _Evidence, context: _Context) -> None:
    """Weapons named only as what people were "armed with" (:func:`_armed_with`), with no act of violence and no one
    hurt ("residents described men armed with sticks and knives running through the streets"), describe people,
    not an attack."""
    if context.casualties or context.cues.get("violence") or context.cues.get("harm"):
        return
    for label in ("Attack", "Armed clash"):
        hits = [h for h in context.labelled if h.label == label]
        if label in evidence.scores and hits and evidence.rules.get(label) == "trigger" and all(
                _armed_with(context.tokens[p]) for h in hits for p in h.positions):
            for table in (evidence.scores, evidence.best, evidence.rules):
                table.pop(label)


# Where people are held, and who is held there: a riot inside is no demonstration.
CUSTODY_PLACES = frozenset({"prison", "jail", "gaol", "penitentiary"})
INMATES = frozenset({"inmate", "inmates"})
INSIDE_WORDS = frozenset({"in", "at", "inside", "within", "through"})
DEMONSTRATING = frozenset({"protest", "protester", "demonstrator", "demonstration", "march", "marcher", "rally"})


def _custody_riot_rule(evidence: _Evidence, context: _Context) -> None:
    """A riot of inmates, or one inside a prison ("a riot and fire tore through the Lusignan Prison"), is Mob violence
    as ACLED codes it: rioters who make no demonstration. Not a riot outside a prison, nor one of protesters."""
    hit = evidence.best.get("Violent demonstration")
    if hit is None or not context.token(hit).lemma_.lower().startswith("riot"):
        return
    tokens = context.tokens
    inmates = any(t.lower_ in INMATES for t in tokens)
    inside = any(t.lemma_.lower() in CUSTODY_PLACES and any(
        tokens[k].lower_ in INSIDE_WORDS for k in range(max(0, n - 4), n)) for n, t in enumerate(tokens))
    protesters = any(t.lemma_.lower() in DEMONSTRATING for t in tokens)
    if (inmates or inside) and not protesters:
        evidence.add("Mob violence", evidence.scores.pop("Violent demonstration") + 0.1, hit, "riot-in-custody")


def _armed_opponents(context: _Context, word) -> bool:
    """Whether those a crowd fought are armed men other than the state's ("villagers fought with gunmen who raided
    their village": a raid resisted, not a brawl)."""
    opponents = list(_targets(word))  # a list of its own: more are added to it
    opponents += [t for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("with", "against")
                  for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
    roles = context.roles_of(opponents)
    return bool(roles.get("nonstate") or roles.get("armed") and not roles.get("state"))


def _mob_rule(evidence: _Evidence, context: _Context) -> None:
    """Violence done by villagers, residents or a crowd (not an organised group) is Mob violence; villagers who
    suffered it ("several residents were wounded") did not do it."""
    for label in ("Attack", "Armed clash"):
        hit = evidence.best.get(label)
        if hit and label == max(evidence.scores, key=evidence.scores.get):
            named, passive = _subject(context.token(hit))
            doers = {} if passive else context.roles_of(named)
            if doers.get("crowd") and not doers.get("armed") and not (
                    label == "Armed clash" and _armed_opponents(context, context.token(hit))):
                evidence.add("Mob violence", evidence.scores.pop(label) + 0.1, hit, "violence-by-crowd")
                return
    if not any(label in evidence.scores for label in PROTEST_FAMILY):
        for hit in context.cues.get("protest_violent", []):
            word = context.token(hit)
            if hit.pattern.weight < 2.4 or word.pos_ != "VERB" or not _crowds_before(context, word):
                continue  # things thrown, not a vague "confronted"
            # "residents of Sokh and of a Kyrgyz village pelted each other with stones": crowds fighting each other;
            # "residents hurled stones at the officers and set a police car on fire": a crowd's blows at people,
            # which the damage done beside them does not outweigh
            if _at_each_other(word, "at"):
                rule = "crowds-stoning-each-other"
            elif any(role in PEOPLE_ROLES for role in context.roles_of(_targets(word))):
                rule = "crowd-stoning-people"
            else:
                continue
            damage = evidence.scores.pop("Looting/property destruction", 0.0)
            evidence.add("Mob violence", max(hit.pattern.weight, damage) + 0.1, hit, rule)
            return
    # "fishermen from two communities fought with machetes", "clashes between rival groups of villagers": a fight
    # between unarmed groups of people is a brawl (ACLED: rioters on both sides), whoever was killed in it
    fight = evidence.best.get("Armed clash")
    if fight is None:
        return
    word = context.token(fight)
    # a fighting word, whatever damage was done beside it, or sides that attacked each other
    if not (fight.label == "Armed clash" and evidence.rules.get("Armed clash") in ("trigger", "destruction-in-violence")
            or _at_each_other(word, "at", "on")):
        return
    named, passive = _subject(word)
    sides = [] if passive else named
    sides += [t for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "between"
              for pobj in prep.children if pobj.dep_ == "pobj" for t in _expand(pobj)]
    roles = context.roles_of(sides)
    lemmas = {t.lemma_.lower() for t in context.tokens}
    # sides no word makes civilians or a crowd ("members of two rival martial arts groups") brawl only with a
    # brawl's weapons
    if not (roles.get("civilian") or roles.get("crowd") or sides and lemmas & BRAWL_WEAPONS) or roles.get(
            "armed") or roles.get("state"):
        return
    # a brawl is fought ("fishermen fought", "herders and farmers clashed") or with a brawl's weapons; "a clash
    # between youths" that killed 14 may be armed men of two communities, and guns make it a battle
    if lemmas & FIREARMS or not (word.pos_ == "VERB" or lemmas & BRAWL_WEAPONS):
        return
    # not where armed men take part ("villagers fought back when gunmen stormed the village"); the police who
    # speak of it ("police said") do not
    # ("Reports reaching the Police indicate that ...": whoever the reporting subject names), nor the police a crowd
    # fights ("rival supporters fought each other and the police": rioters, whom the police are armed against)
    reporting = _reporters(context)
    fighters = context.roles_of([t for t in context.tokens
                                 if t.i not in reporting and not context.roles_of([t]).get("state")])
    if fighters.get("armed") or fighters.get("nonstate"):
        return
    violent = [label for label in ("Attack", "Armed clash") if label in evidence.scores]
    top = max(evidence.scores.values())
    if violent and max(evidence.scores[label] for label in violent) == top:
        score = max(evidence.scores.pop(label) for label in violent)
        evidence.add("Mob violence", score + 0.1, fight, "fight-between-crowds")


PEOPLE_ROLES = frozenset({"armed", "civilian", "crowd", "nonstate", "protester", "state"})  # roles that name people
# Words of a sports crowd: its fights with the police are mob violence, not a demonstration.
SPORT_CROWD_WORDS = frozenset({"football", "soccer", "derby", "stadium", "fan", "hooligan", "ultras"})
POLICE_WORDS = frozenset({"police", "policeman", "policemen", "officer", "gendarme", "gendarmerie"})
# Who keeps order at a site, for the state or for its owner: a crowd fighting them riots ("casino workers clashed
# with guards")
GUARD_WORDS = frozenset({"guard", "guardsman", "guardsmen", "watchman", "watchmen", "bouncer"})


def _riot_with_police_rule(evidence: _Evidence, context: _Context) -> None:
    """Fighting between the police and people who bear no arms ("running battles between police and young
    opposition supporters", "police and residents clashed") is rioting, as ACLED codes it: a violent demonstration,
    not a battle between armed groups. Only where every side is one or the other. Football crowds fighting the
    police ("fighting between football supporters and police") demonstrate nothing: mob violence."""
    fight = evidence.best.get("Armed clash")
    if fight is not None and evidence.rules.get("Armed clash") == "trigger" and (
            max(evidence.scores, key=evidence.scores.get) == "Armed clash") and _police_and_people(
            context, context.token(fight)):
        evidence.add(_riot_with_police(context), evidence.scores.pop("Armed clash") + 0.1, fight, "fight-with-police")
        return
    if any(label in evidence.scores for label in PROTEST_FAMILY):
        return
    # "a day after running battles between police and young opposition supporters": no protest named, the sides say
    for hit in context.cues.get("protest_violent", []):
        if _police_and_people(context, context.tokens[hit.positions[-1]]):
            evidence.add(_riot_with_police(context), hit.weight, hit, "fight-with-police")
            return


def _riot_with_police(context: _Context) -> str:
    """Mob violence where the words are a sports crowd's, else a violent demonstration."""
    return ("Mob violence" if any(t.lemma_.lower() in SPORT_CROWD_WORDS for t in context.tokens)
            else "Violent demonstration")


def _police_and_people(context: _Context, word) -> bool:
    """Whether the sides of the fight ``word`` names are the police and people who bear no arms, and nobody else."""
    police = people = 0
    for side in _fighting_sides(word):
        roles = context.roles_of(side)
        lemmas = {t.lemma_.lower() for t in side}
        if (roles.get("state") and lemmas & POLICE_WORDS) or lemmas & GUARD_WORDS:
            police += 1
        elif not (roles.get("armed") or roles.get("state")) and (
                roles.get("civilian", 0) + roles.get("crowd", 0) + roles.get("protester", 0) >= 0.6):
            people += 1
        else:
            return False
    return bool(police and people)


def _fighting_sides(word) -> list[list]:
    """The sides of a fight, each the words naming one: the doers and those fought "with" or "against", or the two
    "between" whom it was ("police and youths clashed", "battles between police and supporters")."""
    heads = [c for c in word.children if c.dep_ == "nsubj"]
    heads += [pobj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("with", "against", "between")
              for pobj in prep.children if pobj.dep_ == "pobj"]
    sides = []
    for head in heads:
        # "between police and opposition supporters", parsed as "police and opposition" describing the supporters
        joined = next((c for c in head.children if c.dep_ in ("nmod", "compound") and c.i < head.i
                       and any(g.dep_ == "conj" for g in c.children)), None)
        if joined is not None:
            first = [joined] + [c for c in joined.children if c.dep_ in ("compound", "amod")]
            sides += [first, [t for t in _expand(head) if t not in first]]
            continue
        for part in (head, *(c for c in head.subtree if c.dep_ == "conj")):
            inner = {t.i for c in part.children if c.dep_ == "conj" for t in c.subtree}
            sides.append([t for t in _expand(part) if t.i not in inner])
    return sides


def _crowds_before(context: _Context, word) -> bool:
    """Whether the people named before ``word`` (its doers, however the parser hung them) are civilians or a crowd,
    with no armed group, state force or rebels among them; those who report it ("officials said") do not count."""
    named = context.roles_of([t for t in context.tokens if t.i < word.i
                              and not (t.dep_ == "nsubj" and is_reporting_verb(t.head))])
    if named.get("armed") or named.get("state") or named.get("nonstate"):
        return False
    return named.get("civilian", 0) + named.get("crowd", 0) >= 1


# What a killing was "in" when two sides fought it out ("killed eight people in fighting", "in clashes between")
FIGHTING_NOUNS = CLASHING | {"fighting", "battle", "gunfight", "firefight", "gunbattle"}


def _killed_in_fighting(word, context: _Context) -> bool:
    """Whether the killing or wounding happened as armed men fought: "14 people, including three civilians, were
    killed when Fano fighters and federal troops fought", "tribal gunmen killed eight people in fighting on the
    outskirts of the town". ACLED codes the civilians caught in it with the battle."""
    if word.lemma_.lower() not in KILLING | {"wound", "injure"}:
        return False
    when_fought = any(child.dep_ == "advcl" and child.lemma_.lower() in CLASHING | {"battle"}
                      and context.roles_of(_subject(child)[0]).get("armed") for child in word.children)
    in_fighting = any(pobj.dep_ in ("pobj", "pcomp") and pobj.lemma_.lower() in FIGHTING_NOUNS
                      for prep in word.children if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                      for pobj in prep.children)
    return when_fought or in_fighting


def _at_each_other(word, *prepositions: str) -> bool:
    """Whether the verb's object, direct or of one of ``prepositions``, is reciprocal: "pelted each other", "threw
    stones at one another", "attacked each other"."""
    return any({t.lower_} | {c.lower_ for c in t.children} in ({"each", "other"}, {"one", "another"})
               for t in _objects(word, *prepositions))


def _objects(word, *prepositions: str) -> list:
    """The verb's direct objects and the objects of its ``prepositions``: "fired tear gas", "fired with rubber
    bullets", "threw stones at one another"."""
    return [c for c in word.children if c.dep_ == "dobj"] + [
        pobj for prep in word.children if prep.dep_ == "prep" and prep.lower_ in prepositions
        for pobj in prep.children if pobj.dep_ == "pobj"]


BRAWL_WEAPONS = {"machete", "stick", "stone", "club", "knife", "spear", "bow", "arrow", "axe", "panga", "rock",
                 "bottle", "cudgel", "hoe", "fist"}
FIREARMS = {"gun", "rifle", "firearm", "shoot", "gunfire", "gunshot", "bullet", "pistol", "ak-47", "kalashnikov"}
CRIME_CONTEXT = 1.5


def _crime_rule(evidence: _Evidence, context: _Context) -> None:
    """Arrests of smugglers, traffickers or fraudsters are police work against crime, not a conflict event."""
    arrests = evidence.scores.get("Arrests", 0.0)
    if arrests and evidence.scores.get("ORG_CRIME", 0.0) >= CRIME_CONTEXT and arrests == max(evidence.scores.values()):
        evidence.add("ORG_CRIME", arrests + 0.1, evidence.best["Arrests"], "arrest-for-crime")


# -- the public entry points ---------------------------------------------------------------------------

def _tokens_of(span) -> list:
    return [t for t in span if t.text not in ("-", "–", "—") and not t.is_space]


def _ranked(tokens, weights=None) -> tuple[list[tuple[str, float]], _Evidence | None]:
    """Labels by score, best first (empty when nothing reaches ``MIN_SCORE``), and the evidence behind them."""
    if not tokens:
        return [], None
    evidence = _score(tokens, weights)
    ranked = sorted(evidence.scores.items(), key=lambda kv: -kv[1])
    return (ranked if ranked and ranked[0][1] >= MIN_SCORE else []), evidence


def _decide(tokens, weights=None) -> EventType | None:
    ranked, evidence = _ranked(tokens, weights)
    if not ranked or ranked[0][0] in NOT_INCIDENT:
        return None
    label, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    hit = evidence.best[label]
    first, last = tokens[hit.positions[0]], tokens[hit.positions[-1]]
    start, end = first.idx, last.idx + len(last.text)
    event_type, plover_type, plover_mode, cameo_root = mapping_for(label)
    return EventType(event_type, label, plover_type, plover_mode, cameo_root,
                     Span("event_type", start, end, doc_text(first.doc)[start:end]),
                     round(score / (score + runner_up + 0.5), 3), f"{evidence.rules[label]}:{hit.pattern.source}")


def classify_event(sentence) -> EventType | None:
    """The event type a spaCy sentence ``Span`` reports, or ``None`` when it reports no incident.

    Offsets of the returned trigger index the whole article text (the Doc the sentence belongs to). Decided once
    per span of a Doc (kept in its ``user_data``): the extractor asks of a sentence more than once.
    """
    found = sentence.doc.user_data.setdefault("storyline.event_types.classified", {})
    key = (sentence.start, sentence.end)
    if key not in found:
        found[key] = _decide(_tokens_of(sentence))
    return found[key]


POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
VIOLENT_CUES = ("cue:violence", "cue:harm", "cue:explosion")


def incident_words(sentence) -> set[int]:
    """Doc indices of the words of a spaCy sentence ``Span`` that name a violent incident: "the attack", "the
    blast", "the killings", "the ambush" (trigger or cue rows of the lexicon for political violence)."""
    return _lexicon_words(sentence, {row.sub_event_type for row in taxonomy() if row.event_type in POLITICAL_VIOLENCE})


def event_words(sentence) -> set[int]:
    """Doc indices of the words of a spaCy sentence ``Span`` that name an incident of any ACLED type: "the attack",
    "the protest", "the riot", "the clashes" (trigger or cue rows of the lexicon)."""
    return _lexicon_words(sentence, {row.sub_event_type for row in taxonomy()})


def people_words(sentence) -> set[int]:
    """Doc indices of the words of a spaCy sentence ``Span`` that name people or forces (the lexicon's role rows
    for armed men, state forces, rebels, civilians, crowds and protesters): "brigades", "villagers"."""
    tokens = _tokens_of(sentence)
    _, roles = find_hits(tokens)
    return {tokens[p].i for hit in roles if hit.label[5:] in PEOPLE_ROLES for p in hit.positions}


def _lexicon_words(sentence, labels: set[str]) -> set[int]:
    """Doc indices of the words of the lexicon's triggers of ``labels`` and of its violence cues in ``sentence``."""
    tokens = _tokens_of(sentence)
    hits, _ = find_hits(tokens)
    return {tokens[p].i for hit in hits if hit.label in labels or hit.label in VIOLENT_CUES for p in hit.positions}


def place_words(sentence) -> set[int]:
    """Doc indices of the words of a spaCy sentence ``Span`` that name ground: "towns", "villages", "district"
    (the ``role:place`` rows of the lexicon)."""
    tokens = _tokens_of(sentence)
    _, roles = find_hits(tokens)
    return {tokens[p].i for hit in roles if hit.label == "role:place" for p in hit.positions}


def _snippet_tokens(text: str) -> tuple[list, list[float]]:
    from storyline.analyse.nlp import parse

    doc = parse(text)
    tokens = _tokens_of(doc[:])
    starts = [s.start for s in doc.sents]
    weights = []
    for t in tokens:
        order = sum(1 for s in starts if s <= t.i) - 1
        weights.append(SENTENCE_DECAY[min(order, len(SENTENCE_DECAY) - 1)])
    return tokens, weights


def classify_text(text: str) -> EventType | None:
    """The event type of a snippet (one or a few sentences), or ``None`` when it reports no incident.

    The snippet is parsed with :func:`storyline.analyse.nlp.parse` and read as a whole: the first sentence
    counts most (it usually states the event) and later ones add context (the protest that police then
    dispersed); the trigger returned lies in the sentence that decided.
    """
    return _decide(*_snippet_tokens(text))


def case_label_of_text(text: str) -> str | None:
    """The CASE-2021 label of a snippet, including the five classes outside ACLED; ``None`` when nothing fits.

    For comparing with CASE-2021 systems on all 30 classes; the pipeline itself uses :func:`classify_text`.
    """
    ranked, _ = _ranked(*_snippet_tokens(text))
    if not ranked:
        return None
    label = ranked[0][0]
    return label if label in NOT_INCIDENT else _by_sub_event()[label].case_label
