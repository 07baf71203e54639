"""Actor names to canonical actors, through the versioned alias table ``data/actors.tsv``.

The surface term is kept beside the canonical name (``Actor.text``), so that the
framing each outlet chose ("the Taliban" vs "the Islamic Emirate") stays visible.
Country adjectives before generic forces ("Tajik border guards", "Nigerian
troops") make the generic entry national: "Military Forces of Tajikistan"; so does
the country where the event happened (:func:`national_actor`), for forces the text
names no country for. Some aliases meant another party before a given day ("Afghan
forces" were the Republic's until the Taliban took Kabul): a term is resolved for the
day of the event, and without one, for the most recent period. An alias written with
a capital letter ("IS", "ANA", "JeM") matches only as written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storyline.records import Actor, Span

DATA = Path(__file__).with_name("data") / "actors.tsv"
_PREVIOUS_WORD = re.compile(r"\b([A-Z][\w-]*?)(?:'s|’s)?\s+$")
_GENERIC_STATE = {"Military Forces": "Military Forces of {country}", "Police Forces": "Police Forces of {country}"}
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
# Hyphened participles that make the name before them their doer: "a Taliban-planted mine", "Hamas-fired rockets".
_AGENT_PARTICIPLES = r"(?:planted|laid|placed|fired|launched|detonated|triggered)"


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One row of the table; ``valid_from`` / ``valid_to`` (both days included) bound when its aliases mean it."""

    canonical: str
    category: str
    country_iso: str | None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True, slots=True)
class _Table:
    version: str
    folded: dict[str, tuple[AliasEntry, ...]]  # lower-case aliases, matched in any case
    exact: dict[str, tuple[AliasEntry, ...]]  # aliases written with a capital, matched only as written
    pattern: re.Pattern


def _day(value: str, row: int) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise ValueError(f"{DATA}: row {row}: a validity date must be YYYY-MM-DD, not {value!r}") from None


@lru_cache(maxsize=1)
def _table() -> _Table:
    version = ""
    with open(DATA, encoding="utf-8") as handle:
        lines = []
        for line in handle:
            if line.startswith("#"):
                version = version or line.strip("# \n")
                continue
            lines.append(line)
    folded: dict[str, list[AliasEntry]] = {}
    exact: dict[str, list[AliasEntry]] = {}
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        entry = AliasEntry(row["canonical"], row["category"], row["country_iso"] or None,
                           _day(row.get("valid_from") or "", number), _day(row.get("valid_to") or "", number))
        for alias in (a.strip() for a in row["aliases"].split("|")):
            index = folded if alias == alias.lower() else exact
            index.setdefault(alias if index is exact else alias.lower(), []).append(entry)
    alternatives = [(a, re.escape(a)) for a in folded] + [(a, f"(?-i:{re.escape(a)})") for a in exact]
    alternatives.sort(key=lambda item: len(item[0]), reverse=True)
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(p for _, p in alternatives)})(?!\w|-(?!{_AGENT_PARTICIPLES}\b))",
                         re.IGNORECASE)
    return _Table(version, {k: tuple(v) for k, v in folded.items()}, {k: tuple(v) for k, v in exact.items()}, pattern)


@lru_cache(maxsize=1)
def alias_table() -> tuple[str, dict[str, AliasEntry], re.Pattern]:
    """(version line, lower-cased alias -> its most recent entry, one regex matching any alias as whole words,
    longest first). A term the regex matched is found under its lower-cased text. Built once: do not change it."""
    table = _table()
    entries = {alias.lower(): _on_day(found, None) for alias, found in table.exact.items()}
    entries.update((alias, _on_day(found, None)) for alias, found in table.folded.items())
    return table.version, entries, table.pattern


def table_version() -> str:
    """The alias table's version (``actors-v4``), recorded in each mention's provenance."""
    match = re.search(r"version (\d+)", _table().version)
    return f"actors-v{match.group(1) if match else '0'}"


def _on_day(entries: tuple[AliasEntry, ...], day: dt.date | None) -> AliasEntry:
    """The entry whose period holds ``day``; failing one, the nearest period; undated, the most recent one."""
    if len(entries) == 1:
        return entries[0]
    if isinstance(day, dt.datetime):
        day = day.date()
    if day is None:
        return max(entries, key=lambda e: (e.valid_to or dt.date.max, e.valid_from or dt.date.min))
    holding = [e for e in entries if e.holds_on(day)]
    if holding:
        return holding[0]
    return min(entries, key=lambda e: ((e.valid_from - day) if e.valid_from and e.valid_from > day
                                       else (day - (e.valid_to or day))))


def _entry(written: str, day: dt.date | None) -> AliasEntry | None:
    table = _table()
    name = written.strip()
    for key in (name, _ARTICLE.sub("", name)):
        found = table.exact.get(key) or table.folded.get(key.lower())
        if found:
            return _on_day(found, day)
    return None


def canonical_actor(text: str, country_iso: str | None = None, country_name: str | None = None,
                    on: dt.date | None = None) -> Actor:
    """The canonical actor for a name as written, on the day ``on`` (None: today's meaning); unknown names keep
    themselves, with no category."""
    entry = _entry(text, on)
    if entry is None:
        return Actor(text=text, canonical=None, category=None, country_iso=country_iso)
    return _actor_of(text, entry, country_iso, country_name, on)


def _actor_of(text: str, entry: AliasEntry, country_iso: str | None, country_name: str | None,
              on: dt.date | None) -> Actor:
    if entry.canonical in _GENERIC_STATE and country_name:
        return _national(text, entry, country_iso, country_name, on)
    return Actor(text=text, canonical=entry.canonical, category=entry.category,
                 country_iso=entry.country_iso or country_iso)


def _national(text: str, generic: AliasEntry, country_iso: str | None, country_name: str,
              on: dt.date | None) -> Actor:
    """A country's forces; the table may say whose they were on the day ("Military Forces of Afghanistan" after
    2021-08-15 are the Taliban's)."""
    name = _GENERIC_STATE[generic.canonical].format(country=country_name)
    entry = _entry(name, on) or AliasEntry(name, generic.category, country_iso)
    return Actor(text=text, canonical=entry.canonical, category=entry.category,
                 country_iso=entry.country_iso or country_iso)


def national_actor(actor: Actor | None, country_iso: str | None, on: dt.date | None = None) -> Actor | None:
    """Unnamed state forces ("security forces", "police") as those of the country where the event happened,
    ACLED's convention; any other actor, or one without a country, is returned as it is."""
    if actor is None or actor.canonical not in _GENERIC_STATE or not country_iso:
        return actor
    name = country_of(country_iso)
    if name is None:
        return actor
    return _national(actor.text, AliasEntry(actor.canonical, actor.category or "state forces", None), country_iso,
                     name, on)


def country_of(iso: str) -> str | None:
    """The gazetteer's English name of a country by ISO 3166-1 alpha-2 code."""
    from storyline.analyse.gazetteer import load_gazetteer

    country = load_gazetteer().countries.get(iso.upper())
    return country.name if country is not None else None


def alias_matches(sentence) -> list[tuple[int, int, str]]:
    """``(start, end, alias as written)`` of every alias-table term in a spaCy sentence, offsets into the
    sentence's text; found once per sentence of a Doc (event types and actor terms both read them)."""
    found = sentence.doc.user_data.setdefault("storyline.actors.matches", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in found:
        found[key] = [(m.start(), m.end(), m.group(0)) for m in _table().pattern.finditer(sentence.text)]
    return found[key]


def find_actor_terms(sentence, on: dt.date | None = None) -> list[tuple[Span, Actor]]:
    """Every alias-table term in a spaCy sentence, with its evidence span (offsets into the article), resolved
    for the day ``on`` (the event's, else the report's; None: the most recent meaning).

    A country word just before a term ("Tajik border guards", "Nigeria's army")
    becomes part of the surface term and gives the actor its country.
    """
    from storyline.analyse.places import country_of_adjective, resolve_place  # the gazetteer loads lazily

    text = sentence.text
    found = []
    for start, end, alias in alias_matches(sentence):
        entry = _entry(alias, on)
        country_iso, country_name = entry.country_iso, None
        previous = _PREVIOUS_WORD.search(text[:start])
        if previous:
            word = previous.group(1)
            iso = country_of_adjective(word)
            if iso is None:
                place = resolve_place(word)
                iso = place.country_iso if place is not None and place.precision == "country" else None
            if iso:
                country_iso = entry.country_iso or iso
                start = previous.start()
        if country_iso:
            country_name = country_of(country_iso)
        surface = text[start:end]
        found.append((Span("actor", sentence.start_char + start, sentence.start_char + end, surface),
                      _actor_of(surface, entry, country_iso, country_name, on)))
    return found
