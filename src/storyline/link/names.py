"""Names two reports share, weighted by how much each says about which story the reports tell.

Independent reports of one incident share little wording, but they name the same village, town,
hospital or witness. Names shared by every story from a country say little, so each name gets a
weight from what it is:

- 0 (left out): countries and their peoples ("Somalia", "Somali"), calendar and compass words,
  acronyms, news outlets (who reported, not what happened), and ordinary words written with a
  capital (the word also appears in lower case: "Police said ..." beside "the police");
- 0.5: admin-1 regions and towns of a million people or more, which many stories name, and
  institutions named by an ordinary head word ("Security Forces" in a text that says "forces");
- 1: everything else: small towns and villages, people, local institutions.

A name is *local* where the text writes it as a place: after "in", "near", "at", "outside"...
("near the village of Lafoole"). Two reports about different incidents in one region share the
region, the capital and the armed groups; reports of one incident also share where it happened.
A name is a *town* where the gazetteer knows it as a district or town, not only as a region, or, written as a place,
as a village or small town (the tier :meth:`~storyline.analyse.gazetteer.Gazetteer.small_places` holds): a town is
where an incident happened, a region is too wide to say so.

Names match when the words of one are among the words of the other ("Warsame" and "Mohamed Abdi
Warsame", "Afgooye" and "Afgooye District Hospital"); a name matched inside a longer matched name
counts once. Words are compared as romanisations vary (:func:`spelling_key`): with and without accents
("Zveçan", "Zvecan"), and with the letters transliterations swap ("Tchinari", "Chinari"; "Mkrtchyan",
"Mkrtchian").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from storyline.link.attribution import WIRE_ALIASES, looks_like_outlet

__all__ = ["NOT_NAMES", "Name", "SharedName", "name_weight", "ordinary_words", "place_name_keys", "report_names",
           "same_town", "shared_names", "spelled_alike", "spelling_key", "spelling_keys", "town_places"]

# Capitalised words that start sentences or name days and months say nothing about which story it is.
NOT_NAMES = frozenset("""
a an the he she it they we i you his her its their this that these those there here then when where while
who what which why how if but and or so as at by for from in into of on to with after before during
mr mrs ms dr sir lord lady mister miss judge justice court police yesterday today tomorrow last next
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december one two three four five six seven eight nine ten
also although despite however meanwhile earlier later separately some many most all both each
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Who wrote and edited a report ("(Reporting by Emmanuel Gono; Editing by Musu Freeman)", a "By ..." line): one
# outlet's staff, named in its reports of any story.
_STAFF_CREDIT = re.compile(r"\b(?:(?:additional\s+)?reporting|writing|editing|edited|written|compiled|translated|"
                           r"photographs?|photos?)\s+by\s+[^;)\n]*|^[ \t]*by[ \t]+[A-Z][^\n]*$", re.I | re.M)

# Towns this big are named in many stories: sharing one is weaker evidence than sharing a village.
BIG_TOWN_POPULATION = 1_000_000
NAME_PARTICLES = frozenset({"of", "al", "el", "de", "bin", "ibn", "the"})
# The capital and small letters of the Latin scripts, for a character class (news write "Édgar Hoyos", "Ózd", "Łódź"),
# and a word that begins with a capital and ends in a letter ("Sinaí", not "Sina" with the accent cut off).
CAPITALS = "A-Z" + "".join(sorted({char for char in map(chr, range(0xC0, 0x250)) if char.isupper()}))
SMALL_LETTERS = "a-z" + "".join(sorted({char for char in map(chr, range(0xC0, 0x250)) if char.islower()}))
_CAPITALISED = rf"[{CAPITALS}][\w-]*[^\W\d_]"
# A run of capitalised words, with the particles names use inside them ("Ministry of Information").
_NAME_RUN = re.compile(rf"\b{_CAPITALISED}(?:[ \t]+(?:(?:{'|'.join(sorted(NAME_PARTICLES))})[ \t]+)?{_CAPITALISED})*")
# What comes just before a sentence's first word: an end of sentence, a quote, a new line, or a dateline's dash
# ("MANAGUA, June 11 (INS) - Armed men ...").
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;—–]\s*|[\"“‘(]|\n\s*|\s-+\s*)$")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*[a-z]")
# Words for a part of a place, before "of": "the centre of Nikshahr", "the outskirts of Kismayo".
_PARTS_OF_PLACES = frozenset({"centre", "center", "outskirts", "edge", "heart", "suburbs", "suburb", "streets",
                              "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# The two words before a name, "the" skipped: "near [the] Lafoole", "the village of Lafoole".
_WORDS_BEFORE = re.compile(r"(?:([A-Za-z]+)\s+)?([A-Za-z]+)\s+(?:the\s+)?$")


# A town's name the gazetteer lacks, written by two reports a letter apart, is one name spelled two ways when it has
# this many letters or more ("Kantbalu", "Kanbalu"); shorter names a letter apart are often two towns ("Masala",
# "Masaka").
SPELLING_LETTERS = 7


@dataclass(frozen=True, slots=True)
class Name:
    """A proper name as one report writes it: folded ``words`` (particles dropped), its weight, where it is a place."""

    words: tuple[str, ...]
    text: str
    weight: float
    local: bool
    town: bool = False
    places: frozenset[tuple[str, str | None, str]] = frozenset()  # the towns it may be (see town_places)


@dataclass(frozen=True, slots=True)
class SharedName:
    """A name two reports share, as the shorter of the two forms is written, with its weight."""

    text: str
    weight: float
    local: bool
    town: bool = False


def _fold(word: str) -> str:
    return word.lower().replace("’", "'").removesuffix("'s")


# Letter groups that romanisations of one name write differently (French "tch" for English "ch", "dj" for
# "j"), longest first. Applied to words of SPELLING_MIN_LETTERS or more only: short words are too alike.
_TRANSLITERATIONS = (("tsch", "ch"), ("tch", "ch"), ("dzh", "j"), ("dj", "j"), ("kh", "h"), ("gh", "g"),
                     ("ph", "f"), ("ou", "u"), ("ck", "k"))
SPELLING_MIN_LETTERS = 5
# The Arabic article as romanisations join it to a name ("Al-Hayaniyah", "Ad-Dujail", "ash-Shura").
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ul"})
# A "c" said as "k" (before a, o, u), as Portuguese and Spanish spellings write it where others write "k": "Baucau",
# "Baukau".
_HARD_C = re.compile(r"c(?=[aou])")


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """``word`` as its romanisations agree: no accents or apostrophes, transliterated letter groups made one
    (_TRANSLITERATIONS), a hard "c" written "k" (_HARD_C), and the gazetteer's loose letters
    (:func:`storyline.analyse.gazetteer.loose_key`), without an article joined by a hyphen (_ARTICLES): "Tchinari" and
    "Chinari", "Zveçan" and "Zvecan", "Baucau" and "Baukau", "Al-Hayaniyah" and "Hayyaniya". Short words are only
    folded."""
    from storyline.analyse.gazetteer import loose_key, name_words

    words = name_words(word)
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # "Al-Hayaniyah" and "Hayyaniya": the article joined by a hyphen is often left out
    plain = "".join(words)
    if len(plain) < SPELLING_MIN_LETTERS:
        return plain
    for written, said in _TRANSLITERATIONS:
        plain = plain.replace(written, said)
    return loose_key([_HARD_C.sub("k", plain)])


def spelling_keys(name: Name) -> frozenset[str]:
    """The :func:`spelling_key` of each word of ``name``."""
    return frozenset(spelling_key(word) for word in name.words)


def _is_acronym(word: str) -> bool:
    letters = word.replace("-", "")
    return len(letters) >= 2 and letters.isupper()


@lru_cache(maxsize=65536)
def _gazetteer_levels(name: str) -> tuple[frozenset[str], float]:
    """The levels the gazetteer knows ``name`` at (exact spelling only) and its largest population weight."""
    from storyline.analyse.gazetteer import load_gazetteer

    entries = load_gazetteer().lookup(name, allow_loose=False).entries
    return frozenset(entry.level for entry in entries), max((entry.weight for entry in entries), default=0.0)


@lru_cache(maxsize=65536)
def name_weight(name: str) -> float:
    """How much two reports sharing ``name`` says (module docstring), from the gazetteer's view of it."""
    from storyline.analyse.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    if gazetteer.is_not_place(name) or (" " not in name and gazetteer.demonym_country(name)):
        return 0.0
    levels, weight = _gazetteer_levels(name)
    if not levels:
        return 1.0
    if "country" in levels:
        return 0.0
    if "admin1" in levels or weight >= BIG_TOWN_POPULATION:
        return 0.5
    return 1.0


@lru_cache(maxsize=65536)
def town_places(name: str) -> frozenset[tuple[str, str | None, str]]:
    """The districts and towns the gazetteer reads ``name`` as (exact spelling or one of our aliases), as (country,
    admin-1, gazetteer name): "Sheikh Zuweid" and "Al-Sheikh Zuwayed" are both Ash Shaykh Zuwayd."""
    from storyline.analyse.gazetteer import load_gazetteer

    return frozenset((e.country_iso, e.admin1_key, e.name) for e in load_gazetteer().lookup(name, allow_loose=False).entries
                     if e.level in ("district", "place"))


def same_town(a: Name, b: Name) -> bool:
    """Whether two names are one town spelled two ways: the gazetteer reads both as the same district or town, or,
    for a name it does not know, the two one-word names are long (SPELLING_LETTERS or more) and a letter apart
    ("Kantbalu", "Kanbalu")."""
    if not (a.town and b.town):
        return False
    if a.places & b.places:
        return True
    return not (a.places and b.places) and len(a.words) == len(b.words) == 1 and spelled_alike(a.words[0], b.words[0])


def spelled_alike(a: str, b: str) -> bool:
    """Whether two folded one-word names are one name spelled two ways: the same first letter, SPELLING_LETTERS or
    more each, a letter apart ("kantbalu", "kanbalu")."""
    return (a[:1] == b[:1] and min(len(a), len(b)) >= SPELLING_LETTERS and abs(len(a) - len(b)) <= 1
            and Levenshtein.distance(a, b) <= 1)


def _is_place_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a region, district or town."""
    return bool(_gazetteer_levels(name)[0] - {"country"})


def is_town_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a district or town (a region of the same name or not)."""
    return bool(_gazetteer_levels(name)[0] & {"district", "place"})


def is_unknown_place(name: str) -> bool:
    """Whether the gazetteer's main tables know ``name`` at no level at all (a quarter, a village, or no place)."""
    return not _gazetteer_levels(name)[0]


@lru_cache(maxsize=512)
def report_names(text: str) -> tuple[Name, ...]:
    """The proper names of ``text`` that can tell one story from another (weight above 0), each once. The names of
    the staff who wrote and edited it (:data:`_STAFF_CREDIT`) are not among them."""
    text = _STAFF_CREDIT.sub(lambda match: " " * len(match.group(0)), text)
    lower = ordinary_words(text)
    found: dict[tuple[str, ...], Name] = {}
    for match in _NAME_RUN.finditer(text):
        words = match.group(0).split()
        if match.start() == 0 or _SENTENCE_OPENING.search(text[max(0, match.start() - 4):match.start()]):
            # a sentence's first word has a capital whatever it is: a name only when it is no ordinary word
            if len(words) == 1 or _fold(words[0]) in NOT_NAMES or _fold(words[0]) in lower:
                words = words[1:]
                while words and words[0].lower() in NAME_PARTICLES:
                    words = words[1:]
        words = [word for word in words if not _is_acronym(word)]
        if not words:
            continue
        written = " ".join(words)
        if looks_like_outlet(written) or written.lower() in WIRE_ALIASES:
            continue
        key = tuple(_fold(w) for w in words if w.lower() not in NAME_PARTICLES and _fold(w) not in NOT_NAMES)
        if not key or all(word in lower for word in key):
            continue
        weight = name_weight(written)
        if len(key) > 1 and key[-1] in lower:
            weight = min(weight, 0.5)  # "Security Forces" where the text also says "forces": a kind of body
        if weight <= 0:
            continue
        local = _written_as_place(text[max(0, match.start() - 40):match.start()])
        if key in found:
            old = found[key]
            places = old.places or (_village_places(old.text) if local else frozenset())
            found[key] = Name(key, old.text, min(old.weight, weight), old.local or local, bool(places) or old.town,
                              places)
        else:
            places = town_places(written) if is_town_name(written) else frozenset()
            if not places and local:
                places = _village_places(written)
            found[key] = Name(key, written, weight, local, bool(places), places)
    return tuple(found.values())


@lru_cache(maxsize=65536)
def _village_places(name: str) -> frozenset[tuple[str, str | None, str]]:
    """The villages and small towns ``name`` may be, where the main tables know no place of that name (a name a
    report writes as a place: "near the town of Waspan"): as :func:`town_places`."""
    from storyline.analyse.gazetteer import load_gazetteer

    if _gazetteer_levels(name)[0]:
        return frozenset()
    return frozenset((e.country_iso, e.admin1_key, e.name) for e in load_gazetteer().small_places(name).entries)


def ordinary_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case (folded as names are): a capitalised one among them opens a sentence,
    it names nothing ("Police said ..." beside "the police")."""
    return {_fold(word) for word in _LOWER_WORD.findall(text)}


def _written_as_place(before: str) -> bool:
    """Whether the text just ``before`` a name makes it a place: "near [the] X", "the village of X"."""
    from storyline.analyse.gazetteer import load_gazetteer
    from storyline.analyse.places import LOCATIVE_WORDS

    words = _WORDS_BEFORE.search(before)
    if not words:
        return False
    previous, last = (words.group(1) or "").lower(), words.group(2).lower()
    if last == "of":  # "of" alone is no place ("a member of the Joint Task Force"); "the town of" is, and so
        # is a part of a place ("the centre of Nikshahr", "the outskirts of Kismayo")
        return bool(previous) and (previous in _PARTS_OF_PLACES or load_gazetteer().designator_level(previous)[0])
    return last in LOCATIVE_WORDS


def shared_names(a_text: str, b_text: str) -> tuple[SharedName, ...]:
    """The names ``a_text`` and ``b_text`` share (module docstring), heaviest first."""
    b_by_key: dict[str, list[Name]] = {}
    for name in report_names(b_text):
        for key in spelling_keys(name):
            b_by_key.setdefault(key, []).append(name)
    b_towns = [name for name in report_names(b_text) if name.town]
    matched: dict[frozenset[str], SharedName] = {}
    for a in report_names(a_text):
        a_keys = spelling_keys(a)
        candidates = {id(b): b for key in a_keys for b in b_by_key.get(key, ())}
        if a.town:  # one town spelled two ways ("Sheikh Zuweid", "Al-Sheikh Zuwayed")
            candidates.update((id(b), b) for b in b_towns if same_town(a, b))
        for b in candidates.values():
            b_keys = spelling_keys(b)
            if not (a_keys <= b_keys or b_keys <= a_keys or same_town(a, b)):
                continue
            shorter = a if len(a.words) <= len(b.words) else b
            weight = min(n.weight for n in (a, b) if len(n.words) == len(shorter.words))
            shared = SharedName(shorter.text, weight, a.local or b.local, shorter.town)
            key = a_keys if shorter is a else b_keys
            old = matched.get(key)
            if old is None or (shared.weight, shared.local) > (old.weight, old.local):
                matched[key] = shared
    # a name matched inside a longer matched name is the same name told twice ("Warsame", "Mohamed Abdi Warsame")
    kept: dict[frozenset[str], SharedName] = {}
    for words in sorted(matched, key=len, reverse=True):
        inside = next((longer for longer in kept if words <= longer), None)
        if inside is None:
            kept[words] = matched[words]
        else:
            old, new = kept[inside], matched[words]
            kept[inside] = SharedName(old.text, max(old.weight, new.weight), old.local or new.local,
                                      old.town or new.town)
    return tuple(sorted(kept.values(), key=lambda n: (-n.weight, n.text)))


def place_name_keys(text: str) -> list[str]:
    """The spelling keys (:func:`spelling_key`) of the one-word names ``text`` writes as places or the gazetteer
    knows as places: candidate keys."""
    return sorted({spelling_key(name.words[0]) for name in report_names(text)
                   if len(name.words) == 1 and (name.local or _is_place_name(name.text))})
