"""Actor names to canonical actors, through the versioned alias table ``data/actors.tsv``.

The surface term is kept beside the canonical name (``Actor.text``), so that the
framing each outlet chose ("the Taliban" vs "the Islamic Emirate") stays visible.
Country adjectives before generic forces ("Tajik border guards", "Nigerian
troops") make the generic entry national: "Military Forces of Tajikistan".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from storyline.records import Actor, Span

DATA = Path(__file__).with_name("data") / "actors.tsv"
_PREVIOUS_WORD = re.compile(r"\b([A-Z][\w-]*?)(?:'s|’s)?\s+$")
_GENERIC_STATE = {"Military Forces": "Military Forces of {country}", "Police Forces": "Police Forces of {country}"}


@dataclass(frozen=True, slots=True)
class AliasEntry:
    canonical: str
    category: str
    country_iso: str | None


@lru_cache(maxsize=1)
def alias_table() -> tuple[str, dict[str, AliasEntry], re.Pattern]:
    """(version line, alias -> entry, one regex matching any alias as whole words, longest first)."""
    version = ""
    entries: dict[str, AliasEntry] = {}
    with open(DATA, encoding="utf-8") as handle:
        lines = []
        for line in handle:
            if line.startswith("#"):
                version = version or line.strip("# \n")
                continue
            lines.append(line)
    for row in csv.DictReader(lines, delimiter="\t"):
        entry = AliasEntry(row["canonical"], row["category"], row["country_iso"] or None)
        for alias in row["aliases"].split("|"):
            entries.setdefault(alias.strip().lower(), entry)
    alternatives = "|".join(re.escape(a) for a in sorted(entries, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    return version, entries, pattern


def table_version() -> str:
    """The alias table's version (``actors-v1``), recorded in each mention's provenance."""
    match = re.search(r"version (\d+)", alias_table()[0])
    return f"actors-v{match.group(1) if match else '0'}"


def canonical_actor(text: str, country_iso: str | None = None, country_name: str | None = None) -> Actor:
    """The canonical actor for a name as written; unknown names keep themselves, with no category."""
    _, entries, _ = alias_table()
    key = re.sub(r"^(the|a|an)\s+", "", text.strip().lower())
    entry = entries.get(text.strip().lower()) or entries.get(key)
    if entry is None:
        return Actor(text=text, canonical=None, category=None, country_iso=country_iso)
    canonical = entry.canonical
    if canonical in _GENERIC_STATE and country_name:
        canonical = _GENERIC_STATE[canonical].format(country=country_name)
    return Actor(text=text, canonical=canonical, category=entry.category, country_iso=entry.country_iso or country_iso)


def country_of(iso: str) -> str | None:
    """The gazetteer's English name of a country by ISO 3166-1 alpha-2 code."""
    from storyline.analyse.gazetteer import load_gazetteer

    country = load_gazetteer().countries.get(iso.upper())
    return country.name if country is not None else None



def find_actor_terms(sentence) -> list[tuple[Span, Actor]]:
    """Every alias-table term in a spaCy sentence, with its evidence span (offsets into the article).

    A country word just before a term ("Tajik border guards", "Nigeria's army")
    becomes part of the surface term and gives the actor its country.
    """
    from storyline.analyse.places import country_of_adjective, resolve_place  # the gazetteer loads lazily

    _, entries, pattern = alias_table()
    text = sentence.text
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        entry = entries[match.group(0).lower()]
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
        actor = canonical_actor(match.group(0), country_iso, country_name)
        found.append((Span("actor", sentence.start_char + start, sentence.start_char + end, surface),
                      Actor(surface, actor.canonical, actor.category, actor.country_iso)))
    return found
