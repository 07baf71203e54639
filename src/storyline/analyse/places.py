"""Places: find where a sentence says something happened, and resolve it offline.

Public functions:

- :func:`find_places` — every place mention of a spaCy sentence, each with its
  evidence span (offsets into the article text) and the resolved :class:`Place`;
- :func:`resolve_place` — one name ("Kunduz", "Khatlon region") to a Place;
- :func:`country_of_adjective` — "Tajik" -> "TJ";
- :func:`best_place` — the most specific, mutually consistent of several Places;
- :func:`event_places` — which of a sentence's places may be where its event happened.

Names come from the gazetteer (:mod:`storyline.analyse.gazetteer`); the text
decides how much evidence a name needs. The small English model mislabels
places ("Khatlon" and "Dushanbe" as ORG), so a known name is a place when the
text marks it as one (spaCy calls it GPE/LOC/FAC, a designator follows as in
"Kunduz city", a locative precedes as in "in Dikwa" or "the town of Dikwa"),
or when it is a country, an admin-1 unit, one of our aliases or a big town.
Villages and small towns (the gazetteer's second tier) need more: the text
must write the name as a place ("in Miray", "near Sang Atesh village", "the
village of ...", a dateline), or spaCy label it one, and it must lie where the
report's other places are (the same country; for a name only labelled, the
same admin-1), since such names are often also words and people's names.
Names inside a longer person or organisation name ("the Islamic Emirate of
Afghanistan", "Guo Zhijun") are not places, and a weakly evidenced name that
lies outside the country the rest of the sentence (or report) is anchored in
is dropped.

A proper name that no table knows is still kept when the text clearly
writes it as a place ("the town of Boni", "Boni village", "outside Boni"
labelled GPE, "close to Boni in the Mopti region") and the sentence or the
report settles the admin-1 (else the country) it lies in. The Place keeps the
name as written in ``location`` but has that unit's precision ("admin1" or
"country") and centroid: nothing claims town-level coordinates it lacks (the
ACLED export gives it geo_precision 3).

Not every place a sentence names is where its event happened. A dateline
("MAIDUGURI, Nigeria —", "KABUL (Reuters) -") is where the report was filed,
and a place a distance or direction is measured from ("40 km north of
Maiduguri") only locates another; :func:`event_places` sets both aside when
the sentence names anything else.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from storyline.analyse.actors import alias_matches
from storyline.analyse.gazetteer import Entry, Gazetteer, Lookup, load_gazetteer, name_words
from storyline.analyse.nlp import doc_text
from storyline.records import Place, Span

__all__ = ["best_place", "country_of_adjective", "distance_km", "enclosing_city", "event_places", "find_places",
           "resolve_place"]

# How specific each precision is; best_place prefers the higher.
SPECIFICITY = {"place": 4, "district": 3, "admin1": 2, "border": 1, "country": 0, "unresolved": -1}

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels for numbers and times: a name overlapping one is not a place ("May 2020").
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# Grammar, not vocabulary: prepositions after which a known name is read as a place.
LOCATIVE_WORDS = frozenset({"in", "near", "at", "outside", "around", "into", "inside", "across", "towards",
                            "toward", "between", "from", "of", "overlooking", "through", "within", "beyond"})
# Sites named after the town they stand in ("the University of Dhaka", "Kabul University", "Gao airport"). Not
# hospitals: the wounded are often taken to one far from where they were hurt.
# Farms and estates carry names of their own, not the town's they lie near: "the Santa Luzia cattle ranch" (in
# Para) is not the town of Santa Luzia (in Minas Gerais).
PROPERTY_WORDS = frozenset({"ranch", "farm", "estate", "plantation", "hacienda", "fazenda", "finca", "homestead"})
SITE_WORDS = frozenset({"university", "college", "airport", "stadium", "prison", "jail", "market",
                        "bazaar", "mosque", "cathedral", "station", "club"})
# Lower-case words inside romanised names ("Sar-e Pul", "Dar es Salaam", "Bahr el Ghazal", "Khuram wa Sarbagh") and
# Latin ones ("Maguindanao del Sur", "Angra dos Reis").
ROMANISATION_PARTICLES = frozenset({"e", "i", "ye", "al", "el", "es", "ul", "wa", "de", "du", "des", "la", "le", "da",
                                    "di", "do", "bin", "ibn", "ad", "ash", "as", "an", "ar", "az", "del", "della",
                                    "dos", "das", "los", "las"})
# Words that join two names into one ("Bosnia and Herzegovina", "Republic of the Congo").
NAME_JOINERS = frozenset({"of", "the", "and"})
# Words that make the name before them a street's ("Congo Street", "Jinja Road"); not "Highway", which runs between
# the places it is named after
THOROUGHFARES = frozenset({"Street", "St", "Road", "Rd", "Avenue", "Ave", "Boulevard", "Lane", "Drive"})
# Rivers and works on them named after a place, or the place after them: "beside the Mataniko River in central
# Honiara" is in Honiara, not at the Mataniko the tables list as a place
FEATURES = frozenset({"River", "Bridge", "Creek", "Stream", "Canal", "Dam"})
HYPHENS = frozenset({"-", "–", "'", "’"})
# What a town's informal quarters are called after their name ("the Havana settlement", "the Havana informal
# settlement in Katutura"): named after a far place, they are not it
SETTLEMENT_WORDS = frozenset({"settlement", "squatter"})
MAX_NAME_TOKENS = 7
# A town this big is a place even where spaCy calls it something else ("Dushanbe" as ORG).
BIG_TOWN = 100_000
# A town of this many people that a text writes as holding a district or quarter ("the Riviere-Salee district of
# Noumea", 93,000 people) is a city; the quarter is placed at it
QUARTERED_TOWN = 50_000
# The prepositions that make a village name a place. Narrower than LOCATIVE_WORDS: "the son of Karim", "a
# statement from Karim", "between Karim and ..." name people; "of" counts only in "the village of".
SMALL_PLACE_LOCATIVES = frozenset({"in", "near", "at", "outside", "around", "into", "inside", "across", "towards",
                                   "toward", "overlooking", "through", "within", "beyond"})
# Words for a village: after the name of a town of the main tables (all of VILLAGE_SIZE people or more) they
# say the name is the unit the village lies in ("Sagaing village" in a headline is a village in Sagaing).
VILLAGE_WORDS = frozenset({"village"})
VILLAGE_SIZE = 10_000
EARTH_RADIUS_KM = 6371.0
# Grammar, not vocabulary: "40 km north of Maiduguri", "north of Kunduz city" measure from the place named.
COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# ... and the part of a place a name follows: "in north-eastern Kharkiv", "near central Mogadishu" are in the place.
PART_WORDS = COMPASS_POINTS | {"northern", "southern", "eastern", "western", "central", "northeastern",
                               "northwestern", "southeastern", "southwestern"}
# ... and its edge: "on the outskirts of Béssao", "at the entrance to Sonaguera" are at the place.
EDGE_WORDS = frozenset({"outskirts", "entrance", "edge", "edges", "fringes", "gates", "suburbs"})


# -- resolving one name ---------------------------------------------------------------------------

def resolve_place(name: str, country_iso: str | None = None) -> Place | None:
    """Resolve one place name to a :class:`Place`, or None when the gazetteer does not know it.

    ``name`` may carry a designator word ("Khatlon province", "Kunduz city",
    "Balkh district"), which decides between same-named units. ``country_iso``
    restricts the answer to that country (None when the name is not there).
    The most specific reading wins: a town named like its admin-1 ("Kunduz")
    gives the town, with precision "place" and the admin-1 filled in.
    Villages and small towns are looked up only for a name the main tables
    do not know exactly (in that country) and that is not a demonym
    ("Spanish"): the caller says the name is a place. An exact village name
    goes before a loose spelling of a bigger place ("Miray" is not Mirai).
    """
    gaz = load_gazetteer()
    countries = {country_iso} if country_iso else set()
    found = gaz.lookup(name)
    entry = None if found.loose else _choose_entry(found, countries, set(), only_country=country_iso)
    if entry is None and not gaz.is_not_place(name) and not gaz.demonym_country(name):
        entry = _choose_entry(gaz.small_places(name), countries, set(), only_country=country_iso)
    if entry is None and found.loose:
        entry = _choose_entry(found, countries, set(), only_country=country_iso)
    return _place_of(entry, gaz) if entry else None


def _choose_entry(found: Lookup, countries: set[str], admin1_keys: set[str],
                 only_country: str | None = None, report_countries: frozenset[str] = frozenset()) -> Entry | None:
    """The entry a name most likely means, given the places around it in the sentence and the report.

    In order: the level a designator asks for; an entry inside an admin-1
    the sentence names ("Georgia" beside Atlanta); an entry in a country the
    sentence, then the report, names ("Congo" in a report about North Kivu,
    "Punjab" beside Lahore); a country for a bare country name; a town or
    district of our alias table; a name spelled as written ("Jalalabad" the
    town over Jalal-Abad the region); anything but a district; the bigger
    (more people: the default among same-named countries, "Congo" the DRC);
    the trusted (country, admin-1, alias) over the derived. A bare country
    name gives way to context only for another country of that name: "Niger"
    beside Borno is still the country, not Nigeria's Niger State.
    """
    entries = [e for e in found.entries if only_country is None or e.country_iso == only_country]
    if admin1_keys and not any(e.admin1_key in admin1_keys for e in entries):
        # Spelled one way for a unit elsewhere, another way for the one the sentence is about.
        entries = [e for e in found.alternates if e.admin1_key in admin1_keys] or entries
    if not entries:
        return None
    names_a_country = found.hint is None and any(e.level == "country" for e in entries)

    def plausibility(entry: Entry):
        comparable = not names_a_country or entry.level == "country"
        return (found.hint is not None and entry.level == found.hint,
                entry.admin1_key in admin1_keys if entry.admin1_key else False,
                comparable and entry.country_iso in countries,
                comparable and entry.country_iso in report_countries,
                names_a_country and entry.level == "country",
                entry.curated,
                found.spelled_as_written(entry),
                entry.level != "district",  # a bare name is seldom a district: "Hamilton" the city
                entry.weight,
                entry.trusted)

    best = max(entries, key=plausibility)
    if best.level in ("admin1", "district") and found.hint is None:
        # "Kunduz" names a province and its capital: the town is the more specific reading.
        towns = [e for e in entries if e.level == "place" and e.admin1_key == best.admin1_key]
        if not towns and best.level == "admin1":
            # "Maputo" names a province and the capital city, which is an admin-1 unit of its own: the city
            units = {e.admin1_key for e in entries if e.level == "admin1"}
            towns = [e for e in entries if e.level == "place" and e.admin1_key in units]
        if not towns:
            # its seat spelled another way: "Zhitiqara" (the town's own district) is the town Zhitikara; our alias
            # "Basra" names the governorate, whose city the tables spell "Basrah", as they spell the unit
            towns = [e for e in found.alternates if e.level == "place" and e.admin1_key == best.admin1_key
                     and (best.level == "district" or e.name == best.name)]
        if towns:
            return max(towns, key=lambda e: e.weight)
    return best


def _place_of(entry: Entry, gaz: Gazetteer) -> Place:
    """The :class:`Place` record of a gazetteer entry."""
    country = gaz.countries.get(entry.country_iso)
    unit = gaz.admin1.get(entry.admin1_key) if entry.admin1_key else None
    return Place(country=country.name if country else None,
                 country_iso=entry.country_iso,
                 admin1=unit.name if unit else None,
                 admin1_iso=unit.iso_code if unit else None,
                 location=entry.name if entry.level in ("district", "place") else None,
                 latitude=entry.latitude, longitude=entry.longitude,
                 precision=entry.level)


def country_of_adjective(word: str) -> str | None:
    """The ISO 3166-1 alpha-2 code a demonym or adjective points to ("Tajik" -> "TJ"), else None."""
    return load_gazetteer().demonym_country(word)


# -- choosing among several ----------------------------------------------------------------------

def best_place(places: list[Place]) -> Place | None:
    """The most specific place consistent with the others, or None when none is resolved.

    The country most places agree on wins (a tie goes to the country with the
    more specific place, then to the first mentioned). Within it, the admin-1
    most places agree on (a tie goes to a unit the text names as such, then to
    the first mentioned: reports lead with where it happened). Within that,
    the most specific place (at one precision, a town named but not located
    before its bare admin-1), the first mentioned first. So "Khatlon" with
    "Tajikistan" gives Khatlon, and a stray town elsewhere does not outvote the rest.
    """
    resolved = [p for p in places if p is not None and p.precision != "unresolved"]
    if not resolved:
        return None
    order = {id(p): i for i, p in enumerate(resolved)}

    def first(group: list[Place]) -> int:
        return min(order[id(p)] for p in group)

    def most_specific(group: list[Place]) -> Place:
        # A town we could not locate says more than its admin-1 alone, at the same precision.
        return max(group, key=lambda p: (SPECIFICITY[p.precision], p.location is not None, -order[id(p)]))

    def country_rank(group: list[Place]):
        return len(group), SPECIFICITY[most_specific(group).precision], -first(group)

    def admin1_rank(group: list[Place]):
        return len(group), any(p.precision == "admin1" and p.location is None for p in group), -first(group)

    chosen = _winning_group(resolved, lambda p: p.country_iso, country_rank)
    # A region that ISO 3166-2 does not code ("the occupied West Bank", above Nablus governorate) names no unit
    # that competes with coded ones: where the places name a coded unit, it only goes along.
    coded = any(p.admin1_iso for p in chosen)
    chosen = _winning_group(chosen, lambda p: p.admin1_iso or (None if coded else p.admin1), admin1_rank)
    return most_specific(chosen)


# A small town of the tables this close to a much bigger one the report names is a part of it ("Turin's Vanchiglia
# district", "Finglas, north Dublin"): ACLED places an event there in the city. The city's reach grows with the
# square root of its people (about 7 km for 850,000), between CITY_REACH_KM's bounds; a town of its own beside a
# metropolis (Sesto San Giovanni, 80,000 people 8 km from the centre of Milan) is larger than a part and stays itself.
CITY_REACH_KM = (2.0, 10.0)
CITY_REACH_PER_ROOT = 1 / 125  # km per square root of the city's people
CITY_SIZE_RATIO = 10  # the city holds at least this many times the part's people
CITY_PART_PEOPLE = 50_000  # a part of a city has no more people than this


def enclosing_city(place: Place, named: list[Place], owners: tuple[Place, ...] = (),
                   quartered: bool = False) -> Place | None:
    """The city among ``named`` (the places a report names) that ``place``, a town of CITY_PART_PEOPLE people or
    fewer, is a part of: a town of BIG_TOWN people or more, in the same admin-1, with CITY_SIZE_RATIO times its
    people, whose centre lies within the city's reach. None when there is none, or when ``place`` is no town of the
    tables.

    ``owners`` are the places the text writes as the owner of the place ("Kharkiv's Saltivskyi district", "the
    Saltivskyi district of Kharkiv"). Such a city takes a part of any size (the tables' district towns are whole
    boroughs of hundreds of thousands of people; a quarter only the small tier knows, of none), if it is a big town
    with more people (any town, for a part no table has that the text calls a quarter, ``quartered``: "the Al-Joura
    area of Sheikh Zuweid"; not "Nyaung Pin Thar village in Kanbalu township"), within its reach
    (anywhere in the admin-1 for a name of the small tier, which may have read it as another village); and an admin-1
    owner means its town of the same name ("Kharkiv's ... district" reads like an oblast's). A district of the tables is
    a part only of an owner ("Kasserine's Ezzouhour district")."""
    if place.precision not in ("place", "district") or place.location is None or (
            place.precision == "place" and place.latitude is None):
        return None
    gaz = load_gazetteer()
    cities = [city for city in named if city.precision == "place" and city.location != place.location
              and city.latitude is not None and city.country_iso == place.country_iso
              and city.admin1_iso == place.admin1_iso]
    owned = [owner for owner in owners if owner.precision == "place"]
    owned += [town for owner in owners if owner.precision == "admin1" for town in towns_named_as(owner)]
    # (an owner the tables place in no one region, as Nouakchott spans three, holds a part in any of them)
    cities += [town for town in owned if town not in cities and town.location != place.location
               and town.country_iso == place.country_iso and town.admin1_iso in (place.admin1_iso, None)]
    if place.precision == "district":  # a district is a city's part only where the text says so ("Kasserine's")
        cities = [city for city in cities if city in owned]
    if not cities:  # most events: no other town named beside theirs
        return None
    own = _weight_of(place, gaz)
    if own is None and not owned:  # a village of the small tier, or a name no table has: a part only when owned
        return None
    best = None
    for city in cities:
        weight = _weight_of(city, gaz)
        # a name no table has, written as a town's own ("the Al-Joura area of Sheikh Zuweid"), is a part of it
        # whatever the town's size
        least = (0 if own is None and quartered else QUARTERED_TOWN) if city in owned else BIG_TOWN
        if weight is None or weight < least or (
                weight <= (own or 0) if city in owned else (
                own is None or own > CITY_PART_PEOPLE or weight < CITY_SIZE_RATIO * own)):
            continue
        reach = min(max(math.sqrt(weight) * CITY_REACH_PER_ROOT, CITY_REACH_KM[0]), CITY_REACH_KM[1])
        # the small tier's name may be another village's: the text's word goes before its reading
        near = (own is None or place.latitude is None) and city in owned or (
            place.latitude is not None and distance_km(place, city) <= reach)
        if near and (best is None or weight > best[0]):
            best = (weight, city)
    if best is not None and best[1].admin1_iso is None:  # the region its part lies in
        return replace(best[1], admin1=place.admin1, admin1_iso=place.admin1_iso)
    return best[1] if best else None


def towns_named_as(region: Place) -> list[Place]:
    """The towns of an admin-1 ``region`` that bear its name (Blantyre in Blantyre district, Kharkiv in its oblast)."""
    if not region.admin1:
        return []
    gaz = load_gazetteer()
    return [town for entry in gaz.lookup(region.admin1, allow_loose=False).entries
            if entry.level == "place" and entry.country_iso == region.country_iso
            and (town := _place_of(entry, gaz)).admin1_iso == region.admin1_iso]


def _weight_of(place: Place, gaz: Gazetteer) -> int | None:
    """The people of the town a :class:`Place` was read from (None if no town of the tables has its name there)."""
    entries = [e for e in gaz.lookup(place.location, allow_loose=False).entries
               if e.level == "place" and e.country_iso == place.country_iso and e.name == place.location
               and e.latitude == place.latitude and e.longitude == place.longitude]
    return entries[0].weight if entries else None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two located places, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _winning_group(places: list[Place], key, rank) -> list[Place]:
    """The places of the best-ranked value of ``key``; places without a value go along only if none has one."""
    groups: dict[str, list[Place]] = {}
    for place in places:
        if key(place):
            groups.setdefault(key(place), []).append(place)
    if not groups:
        return places
    return max(groups.values(), key=rank)


# -- finding mentions in a sentence --------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Mention:
    """A name in the text that the gazetteer knows, before it is resolved.

    ``strong`` when the text itself marks it as a place (a place label, a
    designator, a locative); a weak mention rests on the name being well known.
    ``small`` when the name is only known as a village or small town: then
    ``strong`` means the text writes it as a place, weak that spaCy only
    labels it one, and :func:`_settled_small` decides with the report's places.
    """

    start: int
    end: int
    found: Lookup
    strong: bool
    small: bool = False
    unlocated: str | None = None  # the name as written, for a place the gazetteer does not know
    partial: bool = False  # part of a longer proper name ("Coast" in "the East Coast of Demerara")
    written: bool = False  # a weak mention the text writes as a place ("in the Collo forest", "at the X crossing")
    designated: frozenset[str] = frozenset()  # for a place the gazetteer does not know: the only countries its
    # designator names units of ("Amuru woreda": Ethiopia)

    def country(self) -> str | None:
        """The one country all readings of the name lie in (at the level its designator asks for), if one."""
        entries = [e for e in self.found.entries if e.level == self.found.hint] or self.found.entries
        countries = {e.country_iso for e in entries}
        return countries.pop() if len(countries) == 1 else None


def find_places(sentence) -> list[tuple[Span, Place]]:
    """Every place mention of a spaCy sentence, in text order, with its evidence.

    ``sentence`` is a sentence ``Span`` of a Doc from
    :func:`storyline.analyse.nlp.parse`; evidence offsets index the Doc's text
    (the article), so ``text[span.start:span.end] == span.text``. Border
    expressions ("along the southern border with Afghanistan", "the
    Afghanistan-Pakistan border") give precision "border", with the country
    on the side the text describes when it says which. Each name is resolved
    in the light of the others ("Baharak district, Takhar" gives the Baharak in
    Takhar).
    """
    gaz = load_gazetteer()
    text = doc_text(sentence.doc)
    sentence, left_to_next = _as_read(sentence, gaz)
    report_countries = _report_countries(sentence.doc, gaz)
    mentions = _sentence_mentions(sentence, gaz)
    written = _countries_written(sentence.doc, gaz) if any(m.partial and not m.strong for m in mentions) else set()
    mentions = _consistent(mentions, _document_anchors(sentence.doc, gaz), written)
    mentions = _settled_small(mentions, sentence, report_countries, gaz)
    borders = _border_mentions(sentence, mentions, gaz)
    mentions = [m for m in mentions if not any(s.start <= m.start < s.end for s, _ in borders)]

    countries, admin1_keys = _context(mentions, sentence, gaz)
    results = list(borders)
    resolved: list[tuple[_Mention, Entry]] = []
    for index, mention in enumerate(mentions):
        if mention.unlocated:
            continue
        found = mention.found
        if designated := gaz.designator_countries(text[mention.start:mention.end]):
            # "Amuru woreda": a word of Ethiopia's administration names a unit of Ethiopia, not Uganda's Amuru
            found = replace(found, entries=tuple(e for e in found.entries if e.country_iso in designated))
            if not found.entries:
                if (unlocated := _as_unlocated(mention, sentence, gaz)) is not None:
                    mentions[index] = replace(unlocated, designated=designated)
                continue
        entry = _choose_entry(found, countries, admin1_keys[mention], report_countries=report_countries)
        # a stray reading abroad gives way to another reading of the name where the report is ("the central Athens
        # district of Kypseli": the Athens of Greece, not a district of Ohio or of Saint Lucia), else to none
        abroad: set[str] = set()
        while entry is not None and _stray_town_abroad(mention, entry, sentence, gaz):
            abroad.add(entry.country_iso)
            readings = tuple(e for e in mention.found.entries if e.country_iso not in abroad)
            entry = _choose_entry(replace(mention.found, entries=readings), countries, admin1_keys[mention],
                                  report_countries=report_countries) if readings else None
            if entry is not None and entry.country_iso in abroad:
                entry = None  # (a spelling of the name read for another unit: no reading here either)
        if entry is None and abroad:
            if (unlocated := _as_unlocated(mention, sentence, gaz)) is not None:
                mentions[index] = unlocated
            continue
        if entry is not None and (village := _village_at_home(mention, entry, admin1_keys[mention], sentence,
                                                            gaz)) is not None:
            entry = village
        if entry is not None and _outside_its_owner(mention, entry, mentions, sentence.doc):
            continue  # "Yemen's Red Sea coast" is not Sudan's Red Sea state
        if entry is not None and _part_of_a_town_elsewhere(mention, entry, mentions, sentence.doc):
            continue  # "the Kirovsky district of Makhachkala" is no district of Primorye
        if entry is not None and _common_district_elsewhere(mention, entry, sentence.doc, gaz):
            continue  # "the post in the Kirovsky district", in a report of Makhachkala: a quarter of the city
        if entry is not None and (_abroad_of_its_unit(mention, entry, mentions, sentence, gaz)
                                  or _loose_and_abroad(mention, entry, sentence.doc, gaz)
                                  or _loose_outside_unit(mention, entry, mentions)
                                  or _small_town_abroad(mention, entry, mentions, sentence, gaz)
                                  or _village_of_another_unit(mention, entry, mentions, sentence.doc)
                                  or _named_part_of_town_abroad(mention, entry, mentions, sentence.doc)):
            # The gazetteer's reading is not this place: keep the name as written (or drop a name of plain words).
            if (unlocated := _as_unlocated(mention, sentence, gaz)) is not None:
                mentions[index] = unlocated
            continue
        if entry is not None:
            entry = _scene_unit(mention, entry, mentions, sentence) or _at_its_seat(entry, mention.found)
            resolved.append((mention, entry))
            span = Span("place", mention.start, mention.end, text[mention.start:mention.end])
            results.append((span, _place_of(entry, gaz)))
    for mention in mentions:
        place = _unlocated_place(mention, resolved, sentence.doc, gaz) if mention.unlocated else None
        if place is not None:
            results.append((Span("place", mention.start, mention.end, text[mention.start:mention.end]), place))
    if left_to_next:
        results = [(span, place) for span, place in results if not left_to_next[0] <= span.start < left_to_next[1]]
    return sorted(results, key=lambda item: item[0].start)


_QUALIFYING_GAPS = frozenset({",", "in", "in the", ", in", ", in the"})
_AREA_WORDS = frozenset({"region", "district", "area", "zone", "province", "department", "municipality", "county",
                         "valley", "subregion"})
# ("El Aguaje, a community in the municipality of Aguililla": what the place is may come first)
_DESIGNATED_GAP = re.compile(r"(?:, )?(?:(?:a|an) [a-z]+(?: [a-z]+)? )?in the ([a-z]+) of")


def _abroad_of_its_unit(mention: _Mention, entry: Entry, mentions: list[_Mention], sentence, gaz: Gazetteer) -> bool:
    """Whether the admin-1 written after the mention lies in another country than the reading chosen for it.

    "Kani township, Sagaing Region": the only Kani we know is a town in Japan,
    but the text says the township is in Sagaing, and the text outweighs a
    same-named place abroad. In the same country, a same-named district of
    another unit is as likely as a slip of the writer, and the reading stays.
    """
    if entry.level == "country" or mention.small:
        return False
    after = _qualifier(mention, mentions, sentence.doc)
    if after is None:
        return False
    units = _units_named(after)
    if entry.level != "admin1" and len(units) == 1:
        return gaz.admin1[next(iter(units))].country_iso != entry.country_iso
    # "an army post at Borgou, in the prefecture of Kpendjal": a district written as one holds no admin-1 and puts
    # the name in its own country (Benin's Borgou department is not this Borgou)
    entries = after.found.entries
    if after.found.hint not in ("district", "admin1") or not entries or any(e.level != "district" for e in entries):
        return False  # not written as a unit ("prefecture" may ask for either level), or not only a district
    countries = {e.country_iso for e in entries}
    # "Tibu, in the Catatumbo region of Norte de Santander": the district read abroad lies, by the text, in the
    # name's own country; it holds no reading
    further = _qualifier(after, mentions, sentence.doc)
    if further is not None and (held := _units_named(further)) and len(held) == 1 and (
            gaz.admin1[next(iter(held))].country_iso == entry.country_iso):
        return False
    return len(countries) == 1 and entry.country_iso not in countries


def _at_its_seat(entry: Entry, found: Lookup) -> Entry:
    """A district the tables do not locate, at the point of the town its name reads as in the same admin-1 ("Macomia
    district": the tables' Circunscricao de Macomia has no point, the town of Macomia has): a district is usually
    named for its seat. Any other entry as it is."""
    if entry.level != "district" or entry.latitude is not None:
        return entry
    seat = next((e for e in found.entries if e.level == "place" and e.latitude is not None
                 and e.admin1_key == entry.admin1_key), None)
    return entry if seat is None else replace(entry, latitude=seat.latitude, longitude=seat.longitude)


# A name set before the clause as its scene: "In Sagaing,", "Also in Borno,", "Elsewhere in Kunduz," (or heading a
# round-up's paragraph: "Kandahar: On Tuesday ...")
_SCENE_OPENING = re.compile(r"(?:(?:also|elsewhere|meanwhile|further|separately),? )?in $", re.I)


def _scene_unit(mention: _Mention, entry: Entry, mentions: list[_Mention], sentence) -> Entry | None:
    """The admin-1 reading of a bare name that the tables know as a town and as the admin-1 it lies in, where the
    sentence opens with it as a scene, or a paragraph with it as a heading, and then names a place of its own: in
    "Also in Sagaing, a drone struck the market in Myinmu town" and "Kandahar: On Tuesday the two armies exchanged
    fire at the Spin Boldak border crossing", Sagaing and Kandahar are the provinces the places lie in, not their
    capitals. None otherwise (the town, the more specific reading, stands)."""
    if entry.level != "place" or mention.found.hint is not None:
        return None
    text = doc_text(sentence.doc)
    opening = text[sentence.start_char:mention.start]
    heading = not opening and text.startswith(":", mention.end) and (
        mention.start == 0 or text[mention.start - 1] == "\n")  # a round-up's "Sagaing: At least 11 people ..."
    if not heading and not (_SCENE_OPENING.fullmatch(opening) and text.startswith(",", mention.end)):
        return None
    unit = next((e for e in mention.found.entries if e.level == "admin1" and e.admin1_key == entry.admin1_key
                 and e.name == entry.name), None)
    if unit is None or not any(other.start > mention.end and (other.unlocated or any(
            e.level in ("place", "district") for e in other.found.entries)) for other in mentions):
        return None
    return unit


def _village_of_another_unit(mention: _Mention, entry: Entry, mentions: list[_Mention], doc) -> bool:
    """Whether the text puts a village only the small-place tier knows in another admin-1 than the tier's one:
    "Nyaung Pin Thar village in Kanbalu township, Sagaing region" is not the Nyaung Pin Thar of Yangon. Villages
    share names across a country; the text says which one."""
    if not mention.small or entry.level != "place":
        return False
    after = _qualifier(mention, mentions, doc)
    if after is None:
        return False
    units = {e.admin1_key for e in after.found.entries if e.level != "country"}
    return len(units) == 1 and None not in units and entry.admin1_key not in units


# Common words between a local name and the town it lies in: "the Havana informal settlement in Katutura".
_PART_OF_TOWN_GAP = re.compile(r"(?:\s+[a-z][a-z-]*){1,3}\s+(?:in|of)(?:\s+the)?\s+")


def _named_part_of_town_abroad(mention: _Mention, entry: Entry, mentions: list[_Mention], doc) -> bool:
    """Whether a name the text calls a part of a town in one country ("the Havana informal settlement in Katutura",
    "the Soweto camp in Kakuma") reads as a place of another country: the name is then the local one, after the foreign
    place it recalls, not Cuba's capital."""
    if entry.level not in ("place", "district"):
        return False
    after = next((m for m in mentions if m.start >= mention.end), None)
    if after is None or after.found.loose or not _PART_OF_TOWN_GAP.fullmatch(doc_text(doc)[mention.end:after.start]):
        return False
    towns = [e for e in after.found.entries if e.level in ("place", "district")]
    countries = {e.country_iso for e in towns}
    return len(towns) == len(after.found.entries) and len(countries) == 1 and entry.country_iso not in countries


def _village_at_home(mention: _Mention, entry: Entry, admin1_keys: set[str], sentence, gaz: Gazetteer) -> Entry | None:
    """A village of the same name where the text is, for a town of the main tables that lies abroad.

    "near the town of Chala in Peru's Arequipa region": the main tables know
    only a Chala in Tanzania, the small-place tier one in Arequipa. The
    village is taken when the town lies outside every country the report's
    other names settle on or name (and the sentence's demonyms name), and one
    village inside the admin-1 the sentence names, else inside those countries.
    """
    if entry.level != "place" or mention.small:
        return None
    others = [m for m in _firm_mentions(sentence.doc, gaz) if m.found.words != mention.found.words]
    home = {m.country() for m in others} | {e.country_iso for m in others for e in m.found.entries
                                            if e.level == "country"}
    home |= _demonym_countries(sentence, gaz)
    if entry.country_iso in home:
        return None
    villages = gaz.small_places(_name_as_written(_name_tokens(mention, sentence, gaz))).entries
    for inside in ([e for e in villages if e.admin1_key in admin1_keys], [e for e in villages if e.country_iso in home]):
        if len({e.admin1_key for e in inside}) == 1:
            return max(inside, key=lambda e: e.weight)
    return None


def _outside_its_owner(mention: _Mention, entry: Entry, mentions: list[_Mention], doc) -> bool:
    """Whether the country a name is written as belonging to ("Yemen's Red Sea coast", "Nigeria's Borno State")
    is not the country of the unit read for it: then the name is something of that country the gazetteer
    lacks (a sea, a coast, a region of its own), not the same-named unit abroad (Sudan's Red Sea state)."""
    owner = _possessive_owner(doc.char_span(mention.start, mention.end, alignment_mode="expand")[0], mentions, doc)
    if owner is None or not owner.found.entries or any(e.level != "country" for e in owner.found.entries):
        return False
    return entry.level != "country" and entry.country_iso not in {e.country_iso for e in owner.found.entries}


def _possessive_owner(first, mentions: list[_Mention], doc) -> _Mention | None:
    """The mention written as the owner of the name that begins at token ``first`` ("Yemen's Red Sea coast",
    "Makhachkala's Kirovsky district"), or None."""
    if first.i < 2 or doc[first.i - 1].tag_ != "POS":
        return None
    owner_end = doc[first.i - 2].idx + len(doc[first.i - 2])
    return next((m for m in mentions if m.end == owner_end), None)


COMMON_DISTRICT_UNITS = 3  # a district name found in this many admin-1 units of one country is a common one


def _common_district_elsewhere(mention: _Mention, entry: Entry, doc, gaz: Gazetteer) -> bool:
    """Whether a district name common to many admin-1 units of a country (Russia's Kirovsky, Leninsky, Sovetsky) is
    read in none of the units the report names, where it names some of that country: then it is a quarter of a town
    the report names, which the tables lack, not a district of a far-off region picked among many."""
    if entry.level != "district":
        return False
    units = {e.admin1_key for e in mention.found.entries if e.level == "district" and e.country_iso == entry.country_iso}
    if len(units) < COMMON_DISTRICT_UNITS:
        return False
    named = _report_admin1_units(doc, gaz)
    return not units & named and any(unit.startswith(entry.country_iso + "-") for unit in named)


_TOWN_PART = re.compile(r"(?:micro)?district|neighbou?rhood|quarter|borough|suburb|area|ward", re.IGNORECASE)


def _part_of_a_town_elsewhere(mention: _Mention, entry: Entry, mentions: list[_Mention], doc) -> bool:
    """Whether a name written as a part of a town ("the Kirovsky district of Makhachkala", "Makhachkala's Kirovsky
    district") is read as a unit outside the town's admin-1: then it is that town's quarter, which the tables lack,
    not the same-named district elsewhere."""
    words = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    last = words[-1]
    inside = bool(_TOWN_PART.fullmatch(last.text))  # "Kirovsky district" read as one name, or the word after it
    if not (inside or last.i + 1 < len(doc) and _TOWN_PART.fullmatch(doc[last.i + 1].text)) or entry.level == "country":
        return False
    after = last.i + (1 if inside else 2)
    if after + 1 < len(doc) and doc[after].lower_ == "of":
        owner = next((m for m in mentions if m.start == doc[after + 1].idx), None)
    else:
        owner = _possessive_owner(words[0], mentions, doc)
    towns = [e for e in owner.found.entries if e.level == "place"] if owner is not None else []
    # (a city the tables place in no one region, as Nouakchott spans three, holds districts of any of them)
    return bool(towns) and all(e.country_iso == entry.country_iso and e.admin1_key is not None
                               and e.admin1_key != entry.admin1_key for e in towns)


def _small_town_abroad(mention: _Mention, entry: Entry, mentions: list[_Mention], sentence, gaz: Gazetteer) -> bool:
    """Whether a small foreign town is read for a name whose sentence places everything else in one other country.

    "Bambui, a village in Tubah subdivision about 15 km north of Bamenda":
    the only Bambui we know is a small town in Brazil, but Bamenda puts the
    sentence in Cameroon, and a village we lack there is likelier than a
    Brazilian town in a Cameroonian sentence. Only for a name the text calls
    a village or town (a designator, an appositive): "militants backed by
    Ankara took Afrin" keeps Syria's Afrin. Big towns keep their reading, and so does a town of a country the
    sentence names by its people ("Pedro Juan Caballero, the Paraguayan city across a street from Brazil's Ponta
    Porã").
    """
    if entry.level != "place" or entry.weight >= BIG_TOWN or mention.small or mention.found.hint != "place":
        return False
    if entry.country_iso in _demonym_countries(sentence, gaz):
        return False
    anchors = _anchor_countries(m for m in mentions if m is not mention and m.found.words != mention.found.words)
    return len(anchors) == 1 and entry.country_iso not in anchors


def _stray_town_abroad(mention: _Mention, entry: Entry, sentence, gaz: Gazetteer) -> bool:
    """Whether a small town or district abroad is read for a name in a report whose other names all lie in one other
    country, and which never writes the town's country by name or demonym.

    "pushed through a barricade towards New Market" in a report on a Dhaka
    student clash: the only New Market we know is a district of Jamaica, but
    the report is about Dhaka and no other name in it may lie in Jamaica; the
    name is a part of Dhaka the gazetteer lacks. A report that tells of a town
    abroad names its country or another place there, or the town is big
    enough to need no introduction.
    """
    if entry.level not in ("place", "district") or entry.weight >= BIG_TOWN or mention.small:
        return False
    # the other sentences say where the report is; within the sentence, the names read each other ("the Havana
    # informal settlement in Katutura": see _named_part_of_town_abroad)
    doc = sentence.doc
    others = [m for m in _report_mentions(doc, gaz) if m.found.words != mention.found.words
              and not sentence.start_char <= m.start < sentence.end_char]
    # a country two names settle on, or a region or big town: not one small town, which may be the stray one
    # ("Rinkeby" and "the Jarva area" of Stockholm, where the tables' only Jarva is in Estonia)
    names: dict[str, set[tuple[str, ...]]] = {}
    for m in others:
        if m.strong and not m.small and (iso := m.country()) and not any(e.level == "country" for e in m.found.entries):
            names.setdefault(iso, set()).add(m.found.words)
    anchors = {iso for iso, words in names.items() if len(words) >= 2 or any(
        e.level == "admin1" or e.weight >= BIG_TOWN for m in others if m.found.words in words for e in m.found.entries
        if e.country_iso == iso)}
    if len(anchors) != 1 or entry.country_iso in anchors or entry.country_iso in _countries_written(doc, gaz):
        return False
    # any other name that may lie there ("Uruguay", "Sierra Leone", a weak "Stockholm") vouches for the country, and
    # so does a unit of the same name there ("Rivera department" for the town of Rivera)
    return not any(e.country_iso == entry.country_iso for m in others for e in m.found.entries) and not any(
        e.country_iso == entry.country_iso and e.level in ("admin1", "country") for e in mention.found.entries)


def _loose_and_abroad(mention: _Mention, entry: Entry, doc, gaz: Gazetteer) -> bool:
    """Whether a name matched only by a loose spelling lies in a country none of the report's other names may lie in.

    "Tawila" in a report on North Darfur is no misspelt At Tawilah in Yemen;
    "the Qutayfa area" in a report that names Damascus is Syria's Al Qutayfah.
    """
    if not mention.found.loose or entry.level == "country":
        return False
    others = _firm_mentions(doc, gaz)
    return bool(others) and not any(e.country_iso == entry.country_iso for m in others for e in m.found.entries)


def _loose_outside_unit(mention: _Mention, entry: Entry, mentions: list[_Mention]) -> bool:
    """Whether a name matched only by a loose spelling lies outside the one admin-1 the sentence names: in "In
    Mandalay, a drone struck a market in Singu town", Singu is no misspelt Sinngu of Yangon but a town the tables
    lack in Mandalay."""
    if not mention.found.loose or entry.level != "place":
        return False
    units = {(e.country_iso, e.admin1_key) for m in mentions if m is not mention and m.found.entries
             and all(e.level == "admin1" for e in m.found.entries) for e in m.found.entries}
    if len(units) != 1:
        return False
    country, unit = next(iter(units))
    return entry.country_iso == country and entry.admin1_key != unit


def _as_unlocated(mention: _Mention, sentence, gaz: Gazetteer) -> _Mention | None:
    """The mention as a place the gazetteer does not know: the name as written, without its designator, placed
    later in the unit its context settles on (:func:`_unlocated_place`). None for a name of English words only
    ("State Department"), which only the gazetteer's reading made a place."""
    tokens = _name_tokens(mention, sentence, gaz)
    if all(_is_english_word(t) for t in tokens if t.is_alpha):
        return None
    name = _name_as_written(tokens)
    return replace(mention, found=Lookup((), mention.found.hint, words=tuple(name_words(name))), unlocated=name)


def _name_tokens(mention: _Mention, sentence, gaz: Gazetteer) -> list:
    """The tokens of a mention's name, without the designator after or before it ("Kani" of "Kani township",
    "Taluban" of "Tambon Taluban")."""
    tokens = [t for t in sentence if mention.start <= t.idx < mention.end]
    while len(tokens) > 1 and gaz.designator_level(tokens[-1].text)[0]:
        tokens = tokens[:-1]
    if len(tokens) > 1 and gaz.designators.leading_level(tokens[0].text)[0]:
        tokens = tokens[1:]
    return tokens


def _name_as_written(tokens) -> str:
    """The text the tokens span in the report."""
    return doc_text(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1])]


def _firm_mentions(doc, gaz: Gazetteer) -> list[_Mention]:
    """The report's mentions read from the main tables by their exact spelling: not villages, not loose spellings,
    not names the gazetteer lacks. What they may lie in says where the report is. Kept in the Doc's
    ``user_data``: every mention of every sentence asks."""
    cache_key = "storyline.places.firm_mentions"
    if cache_key not in doc.user_data:
        doc.user_data[cache_key] = [m for m in _report_mentions(doc, gaz)
                                    if not m.small and not m.unlocated and not m.found.loose]
    return doc.user_data[cache_key]


def _qualifier(mention: _Mention, mentions: list[_Mention], doc) -> _Mention | None:
    """The mention written right after ``mention`` as where it lies ("Dikwa, Borno", "Kani township in Sagaing").

    Not a name that modifies a word after it: in "30 km from Mogadishu, Somali police said" Somali is whose police.
    """
    text = doc_text(doc)
    after = next((m for m in mentions if m.start >= mention.end), None)
    if after is None:
        return None
    gap = " ".join(text[mention.end:after.start].replace(",", " , ").split())
    # "Borgou, in the prefecture of Kpendjal": the unit's designator written before its name
    designated = _DESIGNATED_GAP.fullmatch(gap)
    # "the Catatumbo region of Norte de Santander": a name written as an area of the unit after it
    area_of = gap == "of" and text[mention.start:mention.end].split()[-1].lower() in _AREA_WORDS
    if gap not in _QUALIFYING_GAPS and not area_of and not (
            designated and load_gazetteer().designator_level(designated.group(1))[0]):
        return None
    last = doc.char_span(after.start, after.end, alignment_mode="expand")[-1]
    if last.dep_ in ("compound", "amod") and last.head.i > last.i:
        return None
    return after


def _consistent(mentions: list[_Mention], document_anchors: set[str], written: set[str]) -> list[_Mention]:
    """Drop weak mentions that lie in none of the countries the sentence (else the report) is anchored in.

    "in the Rabat area of ... district, Zabul": Rabat is a known name, but
    nothing marks it as a place and Zabul puts the sentence in Afghanistan.
    Country names are never dropped: reports name other countries all the time.
    A report anchored nowhere still writes the countries it is about (``written``, see
    :func:`_countries_written`): a piece of a longer name ("Coast" in "the East Coast of
    Demerara", in a report on the Guyana Prison Service) in none of them is dropped too.
    """
    kept = []
    for mention in mentions:
        anchors = _anchor_countries(m for m in mentions if m is not mention) or document_anchors or (
            written if mention.partial else set())
        if (mention.strong or not anchors or all(e.level == "country" for e in mention.found.entries)
                or any(e.country_iso in anchors for e in mention.found.entries)
                or (mention.found.hint or mention.written) and _in_a_unit_beside(mention, mentions)):
            kept.append(mention)
    return kept


def _in_a_unit_beside(mention: _Mention, mentions: list[_Mention]) -> bool:
    """Whether ``mention`` may lie in a country where a name written as a place beside it has an admin-1 reading: a
    name of two countries ("Kandahar", a province of Afghanistan and a town of India) anchors a name of either that
    the text writes as a place too ("at the Spin Boldak border crossing")."""
    units = {e.country_iso for m in mentions if m is not mention and m.strong for e in m.found.entries
             if e.level == "admin1"}
    return any(e.country_iso in units for e in mention.found.entries)


def _anchor_countries(mentions) -> set[str]:
    """Countries of the strong mentions below country level: where the text is, not what it talks about."""
    return {m.country() for m in mentions
            if m.strong and not m.small and m.country() and not any(e.level == "country" for e in m.found.entries)}


def _sentence_mentions(sentence, gaz: Gazetteer) -> list[_Mention]:
    """:func:`_name_mentions` of a sentence, each read as the report reads its name (:func:`_report_readings`)."""
    readings = _report_readings(sentence.doc, gaz)
    return [_read_as_in_report(mention, readings) for mention in _raw_mentions(sentence, gaz)]


def _raw_mentions(sentence, gaz: Gazetteer) -> list[_Mention]:
    """:func:`_name_mentions` of a sentence, found once per span of a Doc (the report's pass and the sentence's share them)."""
    found = sentence.doc.user_data.setdefault("storyline.places.sentence_mentions", {})
    key = (sentence.start_char, sentence.end_char)
    if key not in found:
        found[key] = _name_mentions(sentence, gaz)
    return found[key]


def _report_readings(doc, gaz: Gazetteer) -> dict[tuple[str, ...], Lookup]:
    """For each name the report writes as a place somewhere (a strong mention), the readings it has there.

    A name means one place throughout a report. Where the text only uses it
    in passing ("the El Callao hospital"), a weak mention keeps just the
    well-known readings (Peru's Callao region), which would put the report in
    the wrong country; the readings of the mention that says it is a place
    ("the morgue in El Callao": Peru's region or Venezuela's municipality)
    stand for every mention, and the report's other places decide between them.
    Computed once per Doc and kept in its ``user_data``.
    """
    cache_key = "storyline.places.readings"
    if cache_key not in doc.user_data:
        readings: dict[tuple[str, ...], Lookup] = {}
        for sentence in doc.sents:
            for mention in _raw_mentions(sentence, gaz):
                if mention.strong and not mention.small and not mention.unlocated and mention.found.words:
                    readings.setdefault(mention.found.words, mention.found)
        doc.user_data[cache_key] = readings
    return doc.user_data[cache_key]


def _read_as_in_report(mention: _Mention, readings: dict[tuple[str, ...], Lookup]) -> _Mention:
    """A weak mention whose readings are a narrower set of those the report gives its name elsewhere, widened to them."""
    if mention.strong or mention.small or mention.unlocated or mention.found.hint is not None:
        return mention
    wider = readings.get(mention.found.words)
    if wider is None or wider.loose != mention.found.loose or not set(mention.found.entries) < set(wider.entries):
        return mention
    return _Mention(mention.start, mention.end, wider, strong=False)


def _report_mentions(doc, gaz: Gazetteer) -> list[_Mention]:
    """:func:`_sentence_mentions` of every sentence of the report; computed once per Doc and kept in its ``user_data``."""
    cache_key = "storyline.places.mentions"
    if cache_key not in doc.user_data:
        doc.user_data[cache_key] = [m for sentence in doc.sents for m in _sentence_mentions(sentence, gaz)]
    return doc.user_data[cache_key]


def _document_anchors(doc, gaz: Gazetteer) -> set[str]:
    """:func:`_anchor_countries` of the whole report."""
    return _anchor_countries(_report_mentions(doc, gaz))


def _countries_written(doc, gaz: Gazetteer) -> set[str]:
    """Countries the report writes by name or demonym anywhere, in organisations' names too ("the Guyana Prison
    Service", "a Guyanese prison"): where a report with no town or region we know is, for weighing weak mentions
    (the "Coast" of "the East Coast of Demerara" is not Tanzania's Coast region). Kept in the Doc's ``user_data``."""
    cache_key = "storyline.places.countries_written"
    if cache_key not in doc.user_data:
        written = set()
        for token in doc:
            if not token.text[:1].isupper() or not token.is_alpha:
                continue
            if iso := gaz.demonym_country(token.text):
                written.add(iso)
            elif (entries := gaz.lookup(token.text, allow_loose=False).entries) and all(
                    e.level == "country" for e in entries) and len({e.country_iso for e in entries}) == 1:
                written.add(entries[0].country_iso)
        doc.user_data[cache_key] = written
    return doc.user_data[cache_key]


def _report_countries(doc, gaz: Gazetteer) -> frozenset[str]:
    """Countries the report's names lie in without ambiguity ("Pointe-Noire" and "Congo-Brazzaville" both say CG)."""
    return frozenset(m.country() for m in _report_mentions(doc, gaz) if not m.small) - {None}


def _report_admin1_units(doc, gaz: Gazetteer) -> frozenset[str]:
    """Admin-1 units the report's main-table names lie in without ambiguity (a unit named, or a town's unit)."""
    return frozenset(unit for mention in _report_mentions(doc, gaz) if not mention.small
                     for unit in _units_lying_in(mention))


def _settled_small(mentions: list[_Mention], sentence, report_countries: frozenset[str],
                   gaz: Gazetteer) -> list[_Mention]:
    """Small-place mentions narrowed to the readings that lie where the report is; those with none are dropped.

    A village name the text writes as a place ("in Miray") keeps its readings
    in the countries the sentence or the report names; when the report names
    no country at all, only a name that lies in a single country is taken. A
    weak mention (spaCy merely labels it a place, or calls the name after a
    locative a person's) must lie in an admin-1 unit the report's other places
    lie in. A name elsewhere is more likely a place the gazetteer lacks, a
    word or a person than a village abroad.
    """
    if not any(m.small for m in mentions):
        return mentions
    doc = sentence.doc
    countries = {m.country() for m in mentions if not m.small} | report_countries
    countries |= _demonym_countries(sentence, gaz)
    countries.discard(None)
    units = _report_admin1_units(doc, gaz)
    kept = []
    for mention in mentions:
        if not mention.small:
            kept.append(mention)
            continue
        entries = mention.found.entries
        if not mention.strong:
            entries = tuple(e for e in entries if e.admin1_key in units)
        elif countries:
            entries = tuple(e for e in entries if e.country_iso in countries)
        elif len({e.country_iso for e in entries}) > 1:
            entries = ()
        if entries:
            found = mention.found
            kept.append(_Mention(mention.start, mention.end, Lookup(entries, found.hint, words=found.words),
                                 mention.strong, small=True))
    return kept


def _context(mentions: list[_Mention], sentence, gaz: Gazetteer) -> tuple[set[str], dict[_Mention, set[str]]]:
    """Countries the sentence names without ambiguity, demonyms included, and for each mention the admin-1 units.

    A mention's admin-1 units are those the sentence names, and those its
    other unambiguous names lie in ("Atlanta" puts "Georgia" in the state).
    A name never lies in a unit on its own say-so: "Dawlat Abad" is exactly
    a district of Faryab, yet "Dawlat Abad district, Balkh" is Balkh's.
    """
    countries = {m.country() for m in mentions if not m.small} - {None}
    named: set[str] = set()
    lies_in: dict[_Mention, str] = {}
    for mention in mentions:
        if mention.small:
            continue  # a village lends no context: its reading was chosen by the others
        named |= _units_named(mention)
        if inside := _units_lying_in(mention):
            lies_in[mention] = inside.pop()
    named |= _units_named_together(mentions)
    countries |= _demonym_countries(sentence, gaz)
    admin1_keys = {mention: named | {unit for other, unit in lies_in.items() if other is not mention}
                   for mention in mentions}
    for mention in mentions:
        # "Saint Petersburg, Florida": every admin-1 the qualifier may name is a place the name may lie in.
        if (after := _qualifier(mention, mentions, sentence.doc)) is not None:
            admin1_keys[mention] = admin1_keys[mention] | {e.admin1_key for e in after.found.entries
                                                           if e.level == "admin1" and e.admin1_key}
    return countries, admin1_keys


def _demonym_countries(sentence, gaz: Gazetteer) -> set[str]:
    """The countries a sentence names by their people ("the Paraguayan city", "Tajik troops")."""
    return {iso for token in sentence if token.text[:1].isupper() and (iso := gaz.demonym_country(token.text))}


def _units_named_together(mentions: list[_Mention]) -> set[str]:
    """Admin-1 units that names of several countries' units settle between them: of the units a name may be
    ("St James", a parish of Barbados and of Jamaica), the one alone that another name of the sentence may lie in
    ("Police in St James arrested two men in Granville": Jamaica's)."""
    out: set[str] = set()
    for mention in mentions:
        units = {e.admin1_key for e in mention.found.entries if e.level == "admin1"}
        if mention.small or len(units) < 2 or mention.found.hint not in (None, "admin1"):
            continue
        shared = units & {e.admin1_key for other in mentions if other is not mention and not other.small
                          for e in other.found.entries if e.level != "admin1"}
        if len(shared) == 1:
            out |= shared
    return out


def _names_a_settlement(tokens, j: int) -> bool:
    """Whether the name ending at ``tokens[j]`` names an informal settlement ("the Havana settlement", "the Havana
    informal settlement"): the word for one follows it, after at most an "informal"."""
    following = [t.lower_ for t in tokens[j + 1:j + 3]]
    if following[:1] == ["informal"]:
        following = following[1:]
    return bool(following) and following[0] in SETTLEMENT_WORDS


def _reduplicated(first, last) -> bool:
    """Whether a one-word name is said twice over ("Saba Saba", the Kenyan day of protest), which the parser may
    even cut between two sentences; a place so named ("Bora Bora") is matched as two words before this is asked."""
    doc = first.doc
    return first.i == last.i and (last.i + 1 < len(doc) and doc[last.i + 1].text == last.text
                                  or first.i > 0 and doc[first.i - 1].text == first.text)


def _name_mentions(sentence, gaz: Gazetteer) -> list[_Mention]:
    """Known names in the sentence that the evidence allows to be places; longest match first."""
    tokens = list(sentence)
    entity_of = {token.i: ent for ent in sentence.ents for token in ent}
    run_of = _tight_runs(tokens, entity_of)
    dateline_starts = {start for start, _ in _datelines(sentence.doc, gaz)}
    text = doc_text(sentence.doc)
    mentions: list[_Mention] = []
    i = 0
    while i < len(tokens):
        if not _starts_name(tokens[i], entity_of):
            i += 1
            continue
        matched = None
        small = None  # a name only the small-place tier knows, longer than any main-table name found here
        for j in range(min(len(tokens), i + MAX_NAME_TOKENS) - 1, i - 1, -1):
            if not _ends_name(tokens[j]) or not all(_inside_name(t) for t in tokens[i + 1:j]):
                continue
            name = text[tokens[i].idx:tokens[j].idx + len(tokens[j])]
            if gaz.is_not_place(name):
                # "the Sahel region", "Nord province": the designator makes the listed word a place.
                matched = (j, _designated_unit(tokens, j, name, gaz))
                break
            found = gaz.lookup(name)
            if found.entries and not found.loose:
                matched = (j, found)
                break
            # An exact village name goes before a loose spelling of a main-table name ("Miray" is not Mirai).
            if small is None and (village := gaz.small_places(name)).entries:
                small = (j, village)
            if found.entries:
                matched = (j, found)
                break
        # "Kunduz and Lashkar Gah": a name joined to a place mention is read like it.
        coordinated = (i >= 2 and tokens[i - 1].lower_ in ("and", "or", ",") and bool(mentions)
                       and mentions[-1].end == tokens[i - 2].idx + len(tokens[i - 2]))
        marked = coordinated or tokens[i].idx in dateline_starts  # "AFGOOYE, Somalia —": where it was filed
        if small is not None:
            j, found = small
            partial = run_of[i][0] < i or run_of[j][1] > j
            mention = None if partial else _accepted_small_mention(tokens, i, j, found, entity_of, gaz, marked)
            if mention is not None:
                mentions.append(mention)
                i = j + 1
                continue
        if matched is None:
            mention = _unknown_place_mention(tokens, i, run_of, entity_of, gaz)
            if mention is not None:
                mentions.append(mention)
                i = _index_after(tokens, i, mention)
            else:
                i += 1
            continue
        j, found = matched
        if found is not None and _reduplicated(tokens[i], tokens[j]):
            i = j + 1  # "Saba Saba day": a name made by saying a word twice, not the place one of them names
            continue
        if j + 1 < len(tokens) and tokens[j + 1].text in THOROUGHFARES | FEATURES:
            i = j + 2  # "around Congo Street", "along Jinja Road": a street named after a place lies elsewhere
            continue
        if _names_a_settlement(tokens, j):
            i = j + 1  # "residents of the Havana settlement" in Windhoek: a quarter named after a far place
            continue
        if found is not None:
            partial = run_of[i][0] < i or run_of[j][1] > j
            mention = _accepted_mention(tokens, i, j, found, entity_of, gaz, partial, marked)
            if mention is None and partial and run_of[i][0] == i and (
                    mention := _unknown_place_mention(tokens, i, run_of, entity_of, gaz)) is not None:
                # a known word opening a longer name no table knows: "near Sam Ouandja" (Sam is a town of Benin)
                mentions.append(mention)
                i = _index_after(tokens, i, mention)
                continue
            if mention is not None:
                mentions.append(mention)
        i = j + 1
    return [m for m in mentions if not _in_group_name(m, sentence)]


def _in_group_name(mention: _Mention, sentence) -> bool:
    """Whether the mention lies inside the name of an armed group or force the actor table knows: "Wilayat Sinai"
    (the Islamic State's Sinai Province) and "Islamic State West Africa Province" name who fought, not where."""
    offset = sentence.start_char
    return any(offset + start <= mention.start and mention.end <= offset + end
               for start, end, _ in alias_matches(sentence))


def _designated_unit(tokens, j: int, name: str, gaz: Gazetteer) -> Lookup | None:
    """What a name of ``not_places.tsv`` means when a designator follows it ("the Est region", "Delta state").

    Only units we trust at the level the designator asks for count ("Sahel
    region" is Burkina Faso's Sahel, "East region" Cameroon's East): a
    designator that asks for no level ("area"), or one that the name answers
    only with a derived district or town ("North district" is no French
    département), leaves the word what it usually is. None then.
    """
    if j + 1 >= len(tokens):
        return None
    is_designator, level = gaz.designator_level(tokens[j + 1].text)
    if not is_designator or level is None:
        return None
    found = gaz.lookup(name, allow_loose=False)
    entries = tuple(e for e in found.entries if e.level == level and e.trusted)
    return Lookup(entries, level, words=found.words) if entries else None


# Natural features called after a nearby town: "in the Collo forest" is near Collo; and a crossing called after the
# town it is at: "the Spin Boldak border crossing".
FEATURE_WORDS = frozenset({"forest", "forests", "hills", "mountains", "valley", "border", "crossing"})


def _accepted_mention(tokens, i: int, j: int, found: Lookup, entity_of, gaz: Gazetteer,
                      partial: bool, marked: bool) -> _Mention | None:
    """The mention of ``tokens[i..j]`` if the evidence says it is a place, with any designator word after it.

    ``partial``: the name is part of a longer proper name ("Khana" in "Kotal-e
    Khair Khana", "Bato" in "Bato Kot", "Nangarhar" in "Eastern Nangarhar");
    then only countries, admin-1 units and our aliases are taken from it, as
    weak mentions. ``marked``: where the name stands makes it a place (joined
    to a place mention, the town of a dateline).
    """
    first, last = tokens[i], tokens[j]
    if _names_a_property(tokens[j]):
        return None
    hint = found.hint
    # a word of place after the name: a designator, or a feature named after the town ("the Collo forest")
    designated = j + 1 < len(tokens) and tokens[j + 1].lower_ in FEATURE_WORDS
    if not partial and j + 1 < len(tokens):
        is_designator, level = gaz.designator_level(tokens[j + 1].text)
        if is_designator:
            designated = True
            last = tokens[j + 1]
            hint = hint or level
            if tokens[j + 1].lower_ in VILLAGE_WORDS and (unit := _village_of_unit(found)) is not found:
                found, hint = unit, None
    if not partial and not hint:
        hint = (_prefix_level(tokens, i, gaz) or _qualifier_level(tokens, i, found, gaz)
                or _part_of_qualifier_level(tokens, i, found, gaz)
                or _possessor_level(tokens, j, found, gaz) or _appositive_level(tokens[j], gaz)
                or _office_level(tokens, i, j, found))
    name = doc_text(first.doc)[first.idx:tokens[j].idx + len(tokens[j])]

    entity = entity_of.get(first.i) or entity_of.get(tokens[j].i)
    site = False  # "near the University of Dhaka", "at Kandahar Airport": a site named after the town it is in
    if entity is not None:
        if entity.label_ in NUMERIC_LABELS:
            return None
        beyond = _extends_beyond(entity, first.i, last.i, gaz)
        if beyond and first.i == entity.start and last.i + 1 < entity.end and tokens[j + 1].tag_ == "POS" and (
                famous := tuple(e for e in found.entries if e.trusted or e.level == "place" and e.weight >= BIG_TOWN)):
            # a well-known place owns the rest of the name: "in Lomé's Golfe 1 commune" (an organisation, to the
            # small model) is in Lomé; not "McDonald's Workers Union" (McDonald County)
            beyond, found = False, replace(found, entries=famous)
        root = entity.root
        # The name opens the site's name ("Kabul University", "Baghdad International Airport") or follows its "of"
        # ("the University of Dhaka"); not "the University of Massachusetts Dartmouth".
        opens = root.i > tokens[j].i and all(t.tag_ == "DT" for t in entity if t.i < first.i)
        site = beyond and root.lower_ in SITE_WORDS and (opens or (
            first.i >= 2 and root.i == first.i - 2 and first.nbor(-1).lower_ == "of"))
        if entity.label_ not in PLACE_LABELS and beyond and not site:
            return None  # part of a person's or organisation's name
    if gaz.demonym_country(name) and not hint:
        return None  # "Afghan forces", "Somali troops": people, not places

    place_label = (entity is not None and entity.label_ in PLACE_LABELS
                   and not _extends_beyond(entity, first.i, last.i, gaz))
    after_locative = _after_part_words(tokens, i, LOCATIVE_WORDS) or _after_close_to(tokens, i)
    # "in the Collo forest", "near the Kidal area": written as a place, though a weak one, which the report's
    # other places must agree with ("the Rabat area of ... district, Zabul" is not Morocco's capital)
    written_as_place = designated and i > 1 and tokens[i - 1].lower_ == "the" and tokens[i - 2].lower_ in LOCATIVE_WORDS
    # A site's name says where it is only for a big town, which it names ("Kabul University" is in the town).
    strong = not partial and not site and (hint is not None or place_label or after_locative or marked)
    if found.loose and not (hint or place_label):
        return None  # a loose spelling match needs the text to say it is a place
    entries = found.entries
    if site:
        entries = tuple(e for e in entries if e.level == "place" and e.weight >= BIG_TOWN)
    elif not strong and not written_as_place:
        entries = tuple(e for e in entries if e.trusted or (e.level == "place" and e.weight >= BIG_TOWN
                                                              and not partial))
        if not entries:
            return None
    alternates = found.alternates if strong else ()
    return _Mention(first.idx, last.idx + len(last), Lookup(entries, hint, found.loose, alternates, found.words),
                    strong, partial=partial, written=written_as_place)


def _names_a_property(last) -> bool:
    """Whether a name ending at ``last`` names a farm or estate: it modifies one of PROPERTY_WORDS at most two words
    on ("the Santa Luzia cattle ranch", "the Kilima estate")."""
    return (last.dep_ == "compound" and last.head.lower_ in PROPERTY_WORDS and 0 < last.head.i - last.i <= 2)


def _village_of_unit(found: Lookup) -> Lookup:
    """The readings of a name a village word follows: "Sagaing village" is a village in Sagaing, not its town.

    A town of the main tables is no village, so when the name is also a unit
    (an admin-1 or district), it names where the village lies: the unit
    readings are kept and the designator asks for no level. A name that is
    only a town, or a village's own name, is left as it is.
    """
    towns = [e for e in found.entries if e.level == "place"]
    units = tuple(e for e in found.entries if e.level in ("admin1", "district"))
    if not towns or not units or any(e.weight < VILLAGE_SIZE for e in towns):
        return found
    return replace(found, entries=units, hint=None)


def _accepted_small_mention(tokens, i: int, j: int, found: Lookup, entity_of, gaz: Gazetteer,
                            marked: bool) -> _Mention | None:
    """The mention of ``tokens[i..j]``, a name only the small-place tier knows, if the text allows a village.

    Strong when the text writes it as a place: a designator ("Miray village",
    "the village of Miray"; not "province"), a locative of
    SMALL_PLACE_LOCATIVES before it and no possessive after it ("in Karim's
    house" is a person's), a join to another place, a dateline. Weak when only
    spaCy's place label speaks for it, or the locative does but spaCy calls
    the name a person's. Never a name inside a person's or organisation's
    name, or a demonym.
    """
    first, last = tokens[i], tokens[j]
    hint = found.hint
    designated = False  # "the Ruwaished area": a designator of no one level still writes the name as a place
    if j + 1 < len(tokens):
        designated, level = gaz.designator_level(tokens[j + 1].text)
        if designated:
            last = tokens[j + 1]
            hint = hint or level
    hint = hint or _prefix_level(tokens, i, gaz) or _appositive_level(tokens[j], gaz)
    if hint == "admin1":
        return None  # "Miray province": a unit the gazetteer lacks, not the village
    # "the municipality of Bonanza": a designator before "of", of no one level, writes the name as a place too
    designated = designated or _prefix_designator(tokens, i, gaz)[0]
    name = doc_text(first.doc)[first.idx:tokens[j].idx + len(tokens[j])]
    entity = entity_of.get(first.i) or entity_of.get(tokens[j].i)
    labelled_place = entity is not None and entity.label_ in PLACE_LABELS
    if entity is not None and (entity.label_ in NUMERIC_LABELS
                               or not labelled_place and _extends_beyond(entity, first.i, last.i, gaz)):
        return None  # a date, or part of a person's or organisation's name
    if gaz.demonym_country(name):
        return None
    person = entity is not None and entity.label_ == "PERSON" and hint is None and not designated
    possessive = j + 1 < len(tokens) and tokens[j + 1].tag_ == "POS"
    after_locative = _after_locative(tokens, i) and not possessive
    written = hint is not None or designated or ((after_locative or marked) and not person)
    # Only labelled a place, or written as one but labelled a person ("in Miray"): the report must agree.
    labelled = (labelled_place and not _extends_beyond(entity, first.i, last.i, gaz)
                or person and (after_locative or marked))
    if not (written or labelled):
        return None
    return _Mention(first.idx, last.idx + len(last), found, written, small=True)


def _index_after(tokens, i: int, mention: _Mention) -> int:
    """The index of the first of ``tokens`` from ``i`` on that lies past ``mention`` (their number if none)."""
    return next((k for k in range(i, len(tokens)) if tokens[k].idx >= mention.end), len(tokens))


def _unknown_place_mention(tokens, i: int, run_of, entity_of, gaz: Gazetteer) -> _Mention | None:
    """The mention of the proper name starting at ``tokens[i]`` that no table knows, if the text writes it as a place.

    A designator says so ("the town of Boni", "Boni village", "Boni
    district"; spaCy often calls such a name a person's, and the designator
    outweighs it), or a locative and either spaCy's GPE/LOC label ("outside
    Boni") or an admin-1 unit said to hold it ("close to Boni in the Mopti
    region"). Never a name that starts inside a longer one, holds a name we know,
    is part of a longer person's or organisation's name, is followed by a
    possessive ("near Boni's house"), is a demonym, or is made of English words
    only ("the town of Hope", "the city of Light"). Where it lies is settled
    later from the places around it (:func:`_unlocated_place`).
    """
    first_run, j = run_of[i]
    if first_run != i or not _ends_name(tokens[j]):
        return None
    # "Ban Lalo in Rueso district": a name we know inside it (Lalo, in Benin) counts only in the unit's country
    if _holds_known_name(tokens, i, j, gaz):
        unit = _qualifying_unit(tokens, j + 1 if j + 1 < len(tokens) and gaz.designator_level(tokens[j + 1].text)[0]
                                else j, gaz, ("admin1", "district"))
        if not unit or _holds_known_name(tokens, i, j, gaz, frozenset(e.country_iso for e in unit)):
            return None
    first, last = tokens[i], tokens[j]
    name = doc_text(first.doc)[first.idx:last.idx + len(last)]
    # an English word may still name a place the text puts in its admin-1 ("in Flanker, St James")
    if gaz.demonym_country(name) or all(_is_english_word(t) for t in tokens[i:j + 1] if t.is_alpha) and not (
            _comma_unit(tokens, j, gaz)):
        return None
    hint, area = None, False
    if j + 1 < len(tokens):
        is_designator, level = gaz.designator_level(tokens[j + 1].text)
        if is_designator:
            hint, last = level, tokens[j + 1]
            # "in the Domel area of Bannu district": a designator of no level, of a known unit, after "in the"
            area = level is None and i > 1 and (tokens[i - 1].lower_ == "the" and _after_locative(tokens, i - 1) and (
                _qualified_by_unit(tokens, j + 1, gaz, ("admin1", "district")) or _measured_from(tokens, j + 2))
                # "in Mombasa's Likoni area": an area a place the tables know owns
                or tokens[i - 1].tag_ == "POS" and _after_locative(tokens, i - 2)
                and bool(gaz.lookup(tokens[i - 2].text, allow_loose=False).entries))
    hint = hint or _prefix_level(tokens, i, gaz) or _appositive_level(tokens[j], gaz)
    if j + 1 < len(tokens) and tokens[j + 1].tag_ == "POS":
        return None
    entity = entity_of.get(first.i) or entity_of.get(tokens[j].i)
    if entity is not None and (entity.label_ in NUMERIC_LABELS or _extends_beyond(entity, first.i, last.i, gaz)):
        return None  # a date, or part of a longer name
    own, own_level = gaz.designators.leading_level(first.text) if j > i else (False, None)
    if own:  # "Tambon Taluban", "Desa Sukamaju": the name is the words after the designator
        hint, first = hint or own_level, tokens[i + 1]
    if hint not in ("place", "district") and not area:
        # No designator (or one for a unit we do not know, "Boni province"): a locative, and the place label or an
        # admin-1 said to hold the name, must agree. The small model takes unfamiliar names for people's, but an
        # organisation label ("at Sakimba Holdings") goes against a place.
        label = entity.label_ if entity is not None else None
        # "stormed Um Sumeima, in the Bara locality": told as lying in a unit, it is a place without a locative
        comma_in = j + 2 < len(tokens) and tokens[j + 1].text == "," and tokens[j + 2].lower_ == "in"
        # the small model takes an unfamiliar name for a person's or a people's ("Béssao" as NORP; demonyms are out),
        # and a lone unfamiliar word put at a place in a district for an organisation's ("buried at
        # Puthukudiyiruppu in the Mullaitivu district"; not "a strike at Unilever in Lagos state")
        # or one followed by the admin-1 it lies in ("shot at a domino game in Flanker, St James")
        unfamiliar = label in (None, "PERSON", "NORP") or label == "ORG" and i == j and _after_locative(
            tokens, i) and (_in_district_written(tokens, j, gaz) or _comma_unit(tokens, j, gaz))
        held = (unfamiliar or comma_in and label in ("GPE", "LOC")) and (_qualified_by_unit(
            tokens, j, gaz, ("admin1", "district")) or comma_in and _in_unit_told(tokens, j + 3, gaz))
        qualified = held and unfamiliar
        lying_in = held and comma_in and label != "PERSON"  # "a rubber tapper, Mahama Dolah, in Yala": a person
        # "repelled an attack on Kazgil, about 40 km south of El Obeid": a name its distance from a place follows
        # (not a feature: "along the Linyanti River, about 12 kilometres west of Parakarungu")
        measured = (unfamiliar or label in ("GPE", "LOC")) and not _is_english_word(tokens[j]) and _distance_follows(
            tokens, j)
        if hint is not None or not (_after_locative(tokens, i) or lying_in or measured) or not (
                label in ("GPE", "LOC") or qualified or measured):
            return None
    name = doc_text(first.doc)[first.idx:tokens[j].idx + len(tokens[j])]
    return _Mention(first.idx, last.idx + len(last), Lookup((), hint, words=tuple(name_words(name))), True,
                    unlocated=name)


def _qualified_by_unit(tokens, j: int, gaz: Gazetteer, levels: tuple[str, ...] = ("admin1",)) -> bool:
    """Whether a known unit of ``levels`` follows ``tokens[j]`` as where it lies ("Boni, Mopti", "Boni in the Mopti
    region", "the Domel area of Bannu district")."""
    return bool(_qualifying_unit(tokens, j, gaz, levels))


def _comma_unit(tokens, j: int, gaz: Gazetteer) -> bool:
    """Whether a comma and a known admin-1 follow ``tokens[j]`` ("in Flanker, St James"), as a place is written."""
    return j + 1 < len(tokens) and tokens[j + 1].text == "," and _qualified_by_unit(tokens, j, gaz)


def _in_unit_told(tokens, k: int, gaz: Gazetteer) -> bool:
    """Whether the words from ``tokens[k]`` (after ", in") place a name in the unit the report is about, by its
    designator alone: "near Sam Ouandja, in the north of the prefecture", ", in the same district"."""
    if k < len(tokens) and tokens[k].lower_ == "the":
        k += 1
    if k + 2 < len(tokens) and tokens[k].lower_ in PART_WORDS and tokens[k + 1].lower_ == "of" \
            and tokens[k + 2].lower_ == "the":
        k += 3  # "in the north of the prefecture"
    elif k < len(tokens) and tokens[k].lower_ in PART_WORDS | {"same"}:
        k += 1  # "in the northern district"
    if k >= len(tokens) or tokens[k].text[:1].isupper() or gaz.designator_level(tokens[k].text)[1] not in (
            "admin1", "district"):
        return False
    return k + 1 >= len(tokens) or not (tokens[k + 1].lower_ == "of" or tokens[k + 1].text[:1].isupper())


def _in_district_written(tokens, j: int, gaz: Gazetteer) -> bool:
    """Whether a known district written with its designator follows ``tokens[j]`` as where it lies ("at
    Puthukudiyiruppu in the Mullaitivu district"), not a province or a state ("in Lagos state")."""
    if not _qualified_by_unit(tokens, j, gaz, ("district",)):
        return False
    k = j + 1
    while k < len(tokens) and k <= j + 3 and not tokens[k].text[:1].isupper():  # "in the", ", in"
        k += 1
    while k < len(tokens) and tokens[k].text[:1].isupper() and not gaz.designator_level(tokens[k].text)[0]:
        k += 1
    return k < len(tokens) and gaz.designator_level(tokens[k].text) == (True, "district")


def _qualifying_unit(tokens, j: int, gaz: Gazetteer, levels: tuple[str, ...]) -> tuple:
    """The entries of ``levels`` that the known unit following ``tokens[j]`` as where it lies may be (see
    :func:`_qualified_by_unit`); empty where none follows."""
    k = j + 1
    while k < len(tokens) and k <= j + 2 and tokens[k].lower_ in (",", "in", "of"):  # ", in"
        k += 1
    if k < len(tokens) and tokens[k].lower_ == "the":
        k += 1
        if k + 2 < len(tokens) and tokens[k + 1].lower_ == "of" and gaz.designator_level(tokens[k].text)[1] in levels:
            k += 2  # "Masala, in the territory of Beni"
    if k == j + 1 or k >= len(tokens) or not tokens[k].text[:1].isupper():
        return ()
    doc = tokens[k].doc
    for end in range(k, min(len(tokens), k + MAX_NAME_TOKENS)):
        if not tokens[end].text[:1].isupper() and not gaz.designator_level(tokens[end].text)[0]:
            if tokens[end].lower_ in ROMANISATION_PARTICLES:
                continue  # "Mocímboa da Praia"
            break
        found = gaz.lookup(doc_text(doc)[tokens[k].idx:tokens[end].idx + len(tokens[end])], allow_loose=False)
        units = tuple(e for e in found.entries if e.level in levels)
        if units and found.hint in (None, *levels):
            return units
    return ()


_ABOUT = frozenset({"about", "some", "around", "roughly", "nearly", "approximately", "almost", "over", "just"})
_DISTANCE_UNITS = frozenset({"km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi"})


def _distance_follows(tokens, j: int) -> bool:
    """Whether a comma and a distance and direction from a place follow ``tokens[j]``: ", about 40 km south of El
    Obeid", ", 12 kilometres north-east of Gao"."""
    k = j + 1
    if k >= len(tokens) or tokens[k].text != ",":
        return False
    k += 1
    while k < len(tokens) and tokens[k].lower_ in _ABOUT:
        k += 1
    if k + 1 >= len(tokens) or not tokens[k].like_num:
        return False
    k += 1
    if tokens[k].text == "-":  # "40-km"
        k += 1
    return k < len(tokens) and tokens[k].lower_ in _DISTANCE_UNITS and _measured_from(tokens, k + 1)


def _measured_from(tokens, k: int) -> bool:
    """Whether a direction from a place starts at ``tokens[k]``: "west of Zawiya", "north-east of Gao"."""
    while k < len(tokens) and (tokens[k].lower_ in COMPASS_POINTS or tokens[k].text == "-"):
        k += 1
    return k + 1 < len(tokens) and tokens[k].lower_ == "of" and tokens[k - 1].lower_ in COMPASS_POINTS \
        and tokens[k + 1].text[:1].isupper()


def _after_locative(tokens, i: int) -> bool:
    """Whether a preposition that puts something at a place comes just before ``tokens[i]`` ("near", "close to")."""
    return _after_part_words(tokens, i, SMALL_PLACE_LOCATIVES) or _after_close_to(tokens, i)


def _after_part_words(tokens, i: int, locatives: frozenset[str]) -> bool:
    """Whether one of ``locatives`` comes just before ``tokens[i]``, or before words for a part of it (PART_WORDS:
    "in north-eastern Kharkiv", "near central Mogadishu")."""
    k = i - 1
    while k > 0 and (tokens[k].lower_ in PART_WORDS or (
            tokens[k].text == "-" and tokens[k - 1].lower_ in PART_WORDS and tokens[k + 1].lower_ in PART_WORDS)):
        k -= 1
    return k >= 0 and tokens[k].lower_ in locatives


def _after_close_to(tokens, i: int) -> bool:
    """Whether "close to" or "next to" comes just before ``tokens[i]``, or words for its edge: "on the outskirts of",
    "at the entrance to", "on the western edge of"."""
    if i < 2 or tokens[i - 1].lower_ not in ("to", "of"):
        return False
    before = tokens[i - 2].lower_
    return before in EDGE_WORDS or tokens[i - 1].lower_ == "to" and before in ("close", "next")


def _holds_known_name(tokens, i: int, j: int, gaz: Gazetteer, countries: frozenset[str] = frozenset()) -> bool:
    """Whether a name the gazetteer knows starts inside ``tokens[i..j]`` ("Upper Kunduz" holds Kunduz); where
    ``countries`` is given, a name known in one of them."""
    doc = tokens[i].doc
    for k in range(i + 1, j + 1):
        for end in range(k, j + 1):
            name = doc_text(doc)[tokens[k].idx:tokens[end].idx + len(tokens[end])]
            entries = gaz.lookup(name, allow_loose=False).entries or gaz.small_places(name).entries
            if any(not countries or e.country_iso in countries for e in entries):
                return True
    return False


def _is_english_word(token) -> bool:
    """Whether ``token``, lower-cased, is an English word: one of the lemmatizer's word lists (WordNet's index)."""
    return token.lower_ in _english_words()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from storyline.analyse.nlp import load_nlp

    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset().union(*index.values())


def _units_beside_name(mention: _Mention, report: list[_Mention], doc) -> set[str]:
    """The admin-1 units named in the other sentences that write the same unknown name: "in Nokis, the capital of
    Karakalpakstan" in the lead places a later bare "in Nokis" there too."""
    text = doc_text(doc)
    name = re.compile(rf"\b{re.escape(mention.unlocated)}\b")
    units: set[str] = set()
    for sentence in doc.sents:
        if sentence.start_char <= mention.start < sentence.end_char or not name.search(sentence.text):
            continue
        units |= {e.admin1_key for m in report if sentence.start_char <= m.start < sentence.end_char
                  for e in m.found.entries if e.level == "admin1" and text[m.start:m.end] != mention.unlocated}
    return units


def _unlocated_place(mention: _Mention, resolved: list[tuple[_Mention, Entry]], doc, gaz: Gazetteer) -> Place | None:
    """A place the gazetteer does not know, placed in the admin-1 (else the country) its context settles on.

    ``resolved`` are the sentence's other mentions with the entries chosen
    for them. In order: the one admin-1 unit the sentence names ("near the
    town of Boni in the Mopti region"); the one unit the sentence's places lie
    in; the one unit the report's places lie in (inside the countries the
    sentence names, if it names any); then the one country the sentence, else
    the report, names. A dateline lends its country, never its unit: it is
    where the report was filed. The Place keeps the name as written in
    ``location`` with the precision and coordinates (the centroid) of the
    unit it lies in: nothing claims to know where the town itself is. None
    when the context does not settle on one unit or country.
    """
    filed = _datelines(doc, gaz)

    def in_dateline(m: _Mention) -> bool:
        return any(start <= m.start < end for start, end in filed)

    holder, gap = _holder(mention, resolved, doc) or (None, [])
    # (or the word for a part of a town ends the mention itself, and the town owns it: "the Kalawe district of
    # Noumea", where "in the district of Kotido" names the district)
    own_part = doc_text(doc)[mention.start:mention.end].split()[-1].lower() in CITY_PART_WORDS and [
        t.lower_ for t in gap] == ["of"]
    city = _city_holding(holder, gaz, own_part) if own_part or any(t.lower_ in CITY_PART_WORDS for t in gap) else None
    if city is not None:
        # "Hamdallaye, in the Ratoma commune of Conakry", "the Riviere-Salee district of Noumea" (the commune of
        # Noumea, named for its city): a quarter of a city, which ACLED places at the city (not "Mirzanagar union of
        # Raipura upazila in Narsingdi", a village near the town)
        return _place_of(city, gaz)
    if holder is not None and holder.latitude is not None:
        # "Belot, a farming village in the commune of Kenscoff": at Kenscoff, the nearest point we know; "Hurti, a
        # farming village in Bokkos Local Government Area": a village, at its district's point, not the district (a
        # town of it named later is not finer).
        return replace(_place_of(holder, gaz), location=mention.unlocated, precision="place")
    if holder is not None and holder.level == "district":
        # "the outskirts of Béssao, in the Monts de Lam department": a district the tables do not locate; the village
        # is located no better than it, and no worse (its name is the village's, not the district's)
        return replace(_place_of(holder, gaz), location=mention.unlocated)
    report = _firm_mentions(doc, gaz)
    if holder is None and (city := _city_told_elsewhere(mention, report, doc)) is not None:
        # "Arrests in Lumumba", where the report writes elsewhere "the Lumumba neighbourhood of Bunia": the city
        return _place_of(city, gaz)
    told = [entry for m, entry in resolved if not in_dateline(m)]
    countries = {entry.country_iso for _, entry in resolved}
    told_countries = {m.country() for m in report} - {None}

    def units_of(m: _Mention) -> set[str]:
        units = _units_lying_in(m) | _units_named(m)
        home = tuple(e for e in m.found.entries if e.country_iso in told_countries)
        if units or not home or len(home) == len(m.found.entries):
            return units
        # a name of several countries read in the one the report's other places lie in ("southern Tripoli" beside
        # Misrata: Libya's Tripoli)
        m = replace(m, found=replace(m.found, entries=home))
        return _units_lying_in(m) | _units_named(m)

    units_by_mention = [(m, units_of(m)) for m in report if not in_dateline(m)]
    in_report = {u for _, units in units_by_mention for u in units}
    # where the report writes its places as places ("in southern Tripoli"), before names it uses in passing ("flights
    # were diverted to Misrata")
    written = {u for m, units in units_by_mention if m.strong for u in units}
    for units in ({e.admin1_key for e in told if e.level == "admin1"},
                  {e.admin1_key for e in told if e.admin1_key},
                  _units_beside_name(mention, report, doc),
                  {u for u in written if not countries or gaz.admin1[u].country_iso in countries},
                  {u for u in in_report if not countries or gaz.admin1[u].country_iso in countries}):
        if mention.designated:
            units = {u for u in units if gaz.admin1[u].country_iso in mention.designated}
        if len(units) == 1:
            unit = units.pop()
            district = _only_district(report, unit, in_dateline) if mention.found.hint in (None, "place") else None
            if district is not None:
                # "violence broke out at Siabuwa business centre" in a report on "Zimbabwe's remote Binga district":
                # a village of the one district the report writes as such, at its point (if the tables have one), as
                # a holder would place it
                return replace(_place_of(district, gaz), location=mention.unlocated, precision="place")
            return replace(_place_of(gaz.entry_of_code[unit], gaz), location=mention.unlocated)
    countries = countries or {m.country() for m in report} - {None}
    if mention.designated:
        countries = countries & mention.designated or set(mention.designated)
    if len(countries) != 1:
        return None
    return replace(_place_of(gaz.entry_of_code[countries.pop()], gaz), location=mention.unlocated)


def _city_holding(holder: Entry | None, gaz: Gazetteer, owned: bool) -> Entry | None:
    """The city a holder of a quarter names: the holder itself if it is a town of BIG_TOWN people or more, or, where
    the text writes the quarter as the town's (``owned``: "the Kalawe district of Noumea"), of QUARTERED_TOWN people
    or more, the town of that name in a district named for it (the commune of Noumea holds the city of Noumea)."""
    if holder is None or holder.latitude is None:
        return None
    if holder.level == "district" and owned:
        towns = [e for e in gaz.lookup(holder.name, allow_loose=False).entries if e.level == "place"
                 and e.country_iso == holder.country_iso and e.admin1_key == holder.admin1_key]
        holder = max(towns, key=lambda e: e.weight) if towns else holder
    least = QUARTERED_TOWN if owned else BIG_TOWN
    return holder if holder.level == "place" and holder.weight >= least and holder.latitude is not None else None


def _city_told_elsewhere(mention: _Mention, report: list[_Mention], doc) -> Entry | None:
    """The big town (BIG_TOWN people or more) that the report writes elsewhere as owning the quarter ``mention``
    names: "the Lumumba neighbourhood of Bunia", "Bunia's Lumumba neighbourhood"; None where it writes none."""
    text = doc_text(doc)
    name, parts = re.escape(mention.unlocated), "|".join(sorted(CITY_PART_WORDS))
    ends = {match.end() for match in re.finditer(rf"\b{name}\s+(?:{parts})\s+of\s+(?:the\s+)?", text)}
    owners = {match.start() for match in re.finditer(rf"['’]s\s+{name}\s+(?:{parts})\b", text)}
    towns = [e for m in report if m.start in ends or m.end in owners
             for e in m.found.entries if e.level == "place" and e.weight >= BIG_TOWN]
    return max(towns, key=lambda e: e.weight) if towns else None


def _only_district(report: list[_Mention], unit: str, in_dateline) -> Entry | None:
    """The one district of admin-1 ``unit`` that the report writes as a district ("Binga district"); None when it
    writes none there, or several."""
    districts = {(e.name, e.latitude, e.longitude): e for m in report
                 if m.found.hint == "district" and not in_dateline(m)
                 for e in m.found.entries if e.level == "district" and e.admin1_key == unit}
    if len(districts) != 1:
        return None
    (district,) = districts.values()
    return district


# Words that may stand between an unknown place and the known town or district the text says holds it: "Belot, a
# farming village in the commune of Kenscoff", "the village of Dogofry, in the Niono cercle", "Mirzanagar union of
# Raipura upazila in Narsingdi". A verb, a number or any other preposition ("near", "20 km from") says no such thing.
_HOLDER_GAP_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", ",", "HYPH"})
_HOLDER_PREPOSITIONS = frozenset({"in", "of", "on"})
# Words for the parts a city is divided into: "Hamdallaye, in the Ratoma commune of Conakry" is in the city.
CITY_PART_WORDS = frozenset({"commune", "division", "neighbourhood", "neighborhood", "quarter", "suburb", "ward",
                             "arrondissement", "borough", "district", "sector"})  # "on the coast of Macomia district"
HOLDER_GAP_TOKENS = 10


def _holder(mention: _Mention, resolved: list[tuple[_Mention, Entry]], doc) -> tuple[Entry, list] | None:
    """The town or district the sentence says an unknown place lies in, written right after it: the first resolved
    mention of a place or district that follows it across words that only say what the place is and that it lies
    "in", "of" or "on" the next (_HOLDER_GAP_TAGS), or across a comma alone before a district written as one
    ("Taluban, Sai Buri district"), with the words between and those naming the holder's part it lies in after the
    holder's possessive ("Kamenge, in Bujumbura's Ntahangwa commune"); else None."""
    after = [(m, e) for m, e in resolved if m.start >= mention.end and e.level in ("place", "district")]
    if not after:
        return None
    following, entry = min(after, key=lambda item: item[0].start)
    between = doc.char_span(mention.end, following.start, alignment_mode="expand")
    gap = [t for t in between if t.idx >= mention.end] if between is not None else []
    # "in Tambon Taluban, Sai Buri district": a comma before a unit written as a district says it holds the place
    comma = [t.text for t in gap] == [","] and following.found.hint == "district"
    if not gap or len(gap) > HOLDER_GAP_TOKENS or not (comma or any(t.lower_ in _HOLDER_PREPOSITIONS for t in gap)):
        return None
    if any(t.lower_ not in _HOLDER_PREPOSITIONS and t.tag_ not in _HOLDER_GAP_TAGS for t in gap):
        return None
    # and what the text says of the part of the holder it lies in: "Kamenge, in Bujumbura's Ntahangwa commune"
    last = doc.char_span(following.start, following.end, alignment_mode="expand")
    after = doc[last.end:last.end + 4] if last is not None and last.end < len(doc) else []
    owned = list(after)[1:] if len(after) and after[0].tag_ == "POS" else []
    return entry, gap + owned


def _units_named(mention: _Mention) -> set[str]:
    """The admin-1 unit a mention names as such ("Mopti", "the Mopti region"), if it names one without ambiguity."""
    units = {e.admin1_key for e in mention.found.entries if e.level == "admin1"}
    if mention.country() and len(units) == 1 and mention.found.hint in (None, "admin1"):
        return units
    return set()


def _units_lying_in(mention: _Mention) -> set[str]:
    """The admin-1 unit every reading of a mention lies in, if there is one."""
    entries = [e for e in mention.found.entries if e.level == mention.found.hint] or mention.found.entries
    inside = {e.admin1_key for e in entries}
    return inside if len(inside) == 1 and None not in inside else set()


def _qualifier_level(tokens, i: int, found: Lookup, gaz: Gazetteer) -> str | None:
    """"admin1" for a name that qualifies the place before it ("Dikwa, Borno", "Nawa district, Helmand").

    There the name means the province, not its same-named capital. A name
    that is also a country's qualifies a town of that country as the country:
    "Niamey, Niger" is in Niger, "Minna, Niger" in Nigeria's Niger state.
    """
    if i < 2 or tokens[i - 1].text != "," or not any(e.level == "admin1" for e in found.entries):
        return None
    before = tokens[i - 2]
    if not (before.text[:1].isupper() or gaz.designator_level(before.text)[0]):
        return None
    countries = {e.country_iso for e in found.entries if e.level == "country"}
    if countries:
        first = i - 2
        while first > 0 and tokens[first - 1].text[:1].isupper() and tokens[first - 1].whitespace_:
            first -= 1
        town = doc_text(before.doc)[tokens[first].idx:before.idx + len(before)]
        readings = gaz.lookup(town, allow_loose=False).entries
        if readings and all(e.country_iso in countries for e in readings):
            return None
    return "admin1"


def _part_of_qualifier_level(tokens, i: int, found: Lookup, gaz: Gazetteer) -> str | None:
    """"admin1" for a name whose part holds the place before it ("outside Banibangou in western Tillaberi",
    "Shinwar district in eastern Nangarhar"): the region, not its same-named capital. Not a part of a town told
    alone ("a blast in western Kabul")."""
    if i < 3 or tokens[i - 1].lower_ not in PART_WORDS or tokens[i - 2].lower_ != "in" or not any(
            e.level == "admin1" for e in found.entries) or any(e.level == "country" for e in found.entries):
        return None  # (a country's part: "in northern Niger" is the country, not Nigeria's Niger state)
    before = tokens[i - 3]
    if before.ent_type_ and before.ent_type_ not in ("GPE", "LOC"):
        # "injured on Thursday in central Santiago", "outside the Instituto Nacional in central Santiago": a day, a
        # building, not a place the region holds
        return None
    return "admin1" if before.text[:1].isupper() or gaz.designator_level(before.text)[0] else None


def _possessor_level(tokens, j: int, found: Lookup, gaz: Gazetteer) -> str | None:
    """"admin1" for a name whose possessive holds another place ("Kunduz's Chahar Dara district").

    There the name is the unit the other place lies in, not its same-named
    capital: a town would not outrank the district it contains.
    """
    if (j + 2 >= len(tokens) or tokens[j + 1].tag_ != "POS"
            or not any(e.level == "admin1" for e in found.entries)):
        return None
    end = j + 2
    while end < len(tokens) and tokens[end].text[:1].isupper():
        end += 1
    if end == j + 2:
        return None
    held = doc_text(tokens[j].doc)[tokens[j + 2].idx:tokens[end - 1].idx + len(tokens[end - 1])]
    designated = end < len(tokens) and gaz.designator_level(tokens[end].text)[0]
    return "admin1" if designated or gaz.lookup(held, allow_loose=False).entries else None


def _tight_runs(tokens, entity_of) -> list[tuple[int, int]]:
    """For each token, the first and last index of the proper name it belongs to.

    A proper name here is capitalised words held together by hyphens and
    romanisation particles ("Kotal-e Khair Khana"), not by "and" or "of", and
    not running into a date ("Kabul Monday").
    """
    def capitalised(token) -> bool:
        entity = entity_of.get(token.i)
        return token.text[:1].isupper() and (entity is None or entity.label_ not in NUMERIC_LABELS)

    runs = [(k, k) for k in range(len(tokens))]
    k = 0
    while k < len(tokens):
        if not capitalised(tokens[k]):
            k += 1
            continue
        end = k
        scan = k + 1
        while scan < len(tokens) and (capitalised(tokens[scan]) or _joins_words(tokens[scan])
                                      or tokens[scan].lower_ in ROMANISATION_PARTICLES):
            if capitalised(tokens[scan]):
                end = scan
            scan += 1
        for member in range(k, end + 1):
            runs[member] = (k, end)
        k = end + 1
    return runs


def _starts_name(token, entity_of) -> bool:
    """Whether a place name may begin at ``token``."""
    if not token.text[:1].isupper():
        return False
    entity = entity_of.get(token.i)
    if entity is not None:
        return entity.label_ not in NUMERIC_LABELS
    # Outside entities, only proper nouns: keeps sentence-initial common words out. A capitalised word inside
    # the sentence that a designator follows is a name whatever its tag ("Sagaing region": the tagger reads -ing).
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.tag_ in ("NNP", "NNPS"):
        # "Mobile internet ... remained cut": an English word opening a sentence before the common noun it modifies;
        # not "Mobile police said", "Reading residents": a town's people, officials or sites
        return not (_opens_sentence(token) and _is_english_word(token) and token.dep_ in ("compound", "amod")
                    and following is not None and token.head.i == following.i and following.text.islower()
                    and following.lemma_.lower() not in TOWN_NOUNS)
    return (token.is_alpha and not token.is_sent_start and following is not None
            and load_gazetteer().designator_level(following.text)[0])


def _opens_sentence(token) -> bool:
    """Whether ``token`` begins a sentence or a line, whatever the parser made of the sentence's bounds."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return token.is_sent_start or previous is None or previous.is_space or previous.text in (".", "!", "?")


def _inside_name(token) -> bool:
    """Whether ``token`` may sit inside a multi-word place name."""
    return (token.text[:1].isupper() or _joins_words(token)
            or token.lower_ in ROMANISATION_PARTICLES or token.lower_ in NAME_JOINERS)


def _joins_words(token) -> bool:
    """A hyphen inside a name ("Sar-e Pul"), not a dash between words ("KABUL – A bomb", "Kabul - the capital")."""
    spaced_before = token.i > 0 and bool(token.doc[token.i - 1].whitespace_)
    return token.text in HYPHENS and not token.whitespace_ and not spaced_before


def _ends_name(token) -> bool:
    """Whether a place name may end at ``token``: a capitalised word, with an apostrophe inside it or not ("Ma'an",
    "N'Djamena")."""
    return token.text[:1].isupper() and (token.is_alpha or _APOSTROPHES.sub("", token.text).isalpha() and (
        _APOSTROPHES.search(token.text[1:-1]) is not None))


_APOSTROPHES = re.compile("['\u2019]")


def _extends_beyond(entity, first_i: int, last_i: int, gaz: Gazetteer) -> bool:
    """True when ``entity`` holds words other than the name, articles and designators. What follows an "in" just
    after the name is another place, not more of the name: the small model reads "Beytüşşebap in Şırnak province"
    as one name (a work of art). Nor are the places it lists with commas: "Tame, Arauca" (an organisation, to the
    small model) is a town and its department."""
    for token in _listed_part(entity, first_i, last_i, gaz):
        if token.i == last_i + 1 and token.lower_ == "in":
            break
        if first_i <= token.i <= last_i or token.is_punct or token.tag_ in ("DT", "POS"):
            continue
        if not gaz.designator_level(token.text)[0]:
            return True
    return False


def _listed_part(entity, first_i: int, last_i: int, gaz: Gazetteer):
    """The part of ``entity`` between commas that holds the name at ``first_i..last_i``, where every other part is a
    name the gazetteer knows ("Tame, Arauca"); else the whole entity."""
    parts, part = [], []
    for token in entity:
        if token.text == ",":
            parts.append(part)
            part = []
        else:
            part.append(token)
    parts.append(part)
    if len(parts) < 2 or not all(parts):
        return entity
    text = doc_text(entity.doc)
    own = next((p for p in parts if p[0].i <= first_i and last_i <= p[-1].i), None)
    others = [p for p in parts if p is not own]
    if own is None or not all(gaz.lookup(text[p[0].idx:p[-1].idx + len(p[-1])], allow_loose=False).entries
                              for p in others):
        return entity
    return own


def _appositive_level(token, gaz: Gazetteer) -> str | None:
    """The level an appositive place word after a name asks for ("Bambui, a village in Tubah": place)."""
    for child in token.children:
        if child.dep_ == "appos" and child.i > token.i and child.tag_ in ("NN", "NNS"):
            is_designator, level = gaz.designator_level(child.text)
            if is_designator and level in ("place", "district"):
                return level
    return None


# Offices held over an admin-1 unit: "the governor of Diffa", "the Diffa governor" govern the region, not its town.
_ADMIN1_OFFICES = frozenset({"governor", "governors", "governorship"})


def _office_level(tokens, i: int, j: int, found: Lookup) -> str | None:
    """"admin1" for a name that says which unit an office governs ("the governor of Diffa", "the Kharkiv governor").

    The office names the unit, not the same-named capital, so the name does
    not put the incident in the town (a governor visiting the wounded
    elsewhere is not where they were hurt).
    """
    if not any(e.level == "admin1" for e in found.entries):
        return None
    if i >= 2 and tokens[i - 1].lower_ == "of" and tokens[i - 2].lower_ in _ADMIN1_OFFICES:
        return "admin1"
    if j + 1 < len(tokens) and tokens[j + 1].lower_ in _ADMIN1_OFFICES:
        return "admin1"
    return None


def _prefix_designator(tokens, i: int, gaz: Gazetteer) -> tuple[bool, str | None]:
    """Whether "the town of", "the municipality of" stands just before ``tokens[i]``, and the level it asks for
    (None for a designator of no one level)."""
    if i >= 2 and tokens[i - 1].lower_ == "of":
        is_designator, level = gaz.designator_level(tokens[i - 2].text)
        # "the Tillaberi region of Niger": the designator belongs to the name before it, not to Niger.
        named_before = i >= 3 and tokens[i - 3].tag_ in ("NNP", "NNPS")
        if is_designator and not named_before:
            return True, level or None
    return False, None


def _prefix_level(tokens, i: int, gaz: Gazetteer) -> str | None:
    """The level asked for by "the town of", "the province of" just before ``tokens[i]``."""
    return _prefix_designator(tokens, i, gaz)[1]


# -- datelines and reference points --------------------------------------------------------------

# A dateline heads a paragraph: the town, its state or country, a date, the agency, a dash, then the report.
# "MAIDUGURI, Nigeria —", "KABUL (Reuters) -", "Mogadishu, June 11 —", "KANDAHAR, Afghanistan, Oct. 3 (Xinhua) --".
_WORD = r"[A-Z][\w’'.-]*"
_TOWN = rf"{_WORD}(?:[ ](?:[a-z]{{1,3}}[ ])?{_WORD}){{0,3}}"  # "PORT SUDAN", "Dar es Salaam"
_BLANK = r"[^\S\n]"
_DATELINE = re.compile(
    rf"(?P<town>{_TOWN})(?:,{_BLANK}+{_TOWN}){{0,2}}"
    rf"(?:,{_BLANK}+(?:{_WORD}{_BLANK}+\d{{1,2}}|\d{{1,2}}{_BLANK}+{_WORD})(?:,{_BLANK}+\d{{4}})?)?"
    rf"(?:{_BLANK}*\([^()\n]{{1,40}}\)(?:{_BLANK}*(?:—|–|--|-))?|{_BLANK}*(?:—|–)|{_BLANK}+(?:--|-))"
    rf"(?={_BLANK}*[A-Z0-9\"“‘'])")


def event_places(sentence, places: list[tuple[Span, Place]]) -> tuple[list[tuple[Span, Place]], str | None]:
    """The places of ``sentence`` that may be where its event happened, and the rule that chose them.

    ``places`` are the sentence's :func:`find_places` (or some of them). A
    dateline is where the report was filed, and a place a distance or
    direction is measured from ("40 km north of Maiduguri", "some 30
    kilometres from Afgooye") only locates another: both give way to the
    other places the sentence names (rule None). When they are all it names,
    the reference points are taken for the admin-1 (or country) they lie in,
    "place-near-reference-point", else the dateline, "place-from-dateline"
    ("KABUL — A bomb exploded at a mosque": it happened where it was filed).
    """
    filed = [(span, place) for span, place in places if in_dateline(sentence.doc, span)]
    references = [(span, place) for span, place in places
                  if (span, place) not in filed and _is_reference_point(sentence.doc, span)]
    told = [item for item in places if item not in filed and item not in references]
    # "Two Mdantsane women were among the six shot dead at the Mthatha taxi rank": where they are from
    homes = [item for item in told if _home_of_people(sentence.doc, item[0])]
    if homes and best_place([place for span, place in told if (span, place) not in homes]) is not None:
        told = [item for item in told if item not in homes]
    if best_place([place for _, place in told]) is not None or not (filed or references):
        return told, None
    if references:
        return [(span, _surroundings(place)) for span, place in references], "place-near-reference-point"
    return filed, "place-from-dateline"


def in_dateline(doc, span: Span) -> bool:
    """Whether ``span`` lies inside one of the Doc's datelines (:func:`_datelines`)."""
    return any(start <= span.start and span.end <= end for start, end in _datelines(doc, load_gazetteer()))


def _datelines(doc, gaz: Gazetteer) -> list[tuple[int, int]]:
    """Start and end offsets of every dateline in the Doc; computed once per Doc and kept in its ``user_data``.

    A dateline starts a paragraph and its first name is one the gazetteer
    knows as a place: "Taliban fighters — who ..." is not one.
    """
    cache_key = "storyline.places.datelines"
    if cache_key not in doc.user_data:
        found, text = [], doc_text(doc)
        for paragraph in re.finditer(rf"(?:^|\n){_BLANK}*", text):
            match = _DATELINE.match(text, paragraph.end())
            town = match["town"] if match else ""
            if town and gaz.lookup(town, allow_loose=False).entries and not gaz.is_not_place(town):
                found.append(match.span())
        doc.user_data[cache_key] = found
    return doc.user_data[cache_key]


def _as_read(sentence, gaz: Gazetteer):
    """``sentence`` as :func:`find_places` reads it, and the characters whose places it leaves to the next sentence.

    The parser sometimes makes a dateline a sentence of its own ("KABUL
    (Reuters) -" | "A bomb exploded ..."). The dateline belongs to the
    sentence it heads: one that ends inside a dateline leaves its places to
    the next, and one that starts inside or right after a dateline is read
    from the dateline's start.
    """
    doc = sentence.doc
    for start, end in _datelines(doc, gaz):
        if start < sentence.end_char <= end:
            return sentence, (start, end)
        if start < sentence.start_char and not doc_text(doc)[end:sentence.start_char].strip():
            first = doc.char_span(start, end, alignment_mode="expand").start
            return doc[first:sentence.end], None
    return sentence, None


# People a place name before them says where they are from ("two Mdantsane women", "a Kasserine family").
HOME_OF = frozenset({"people", "person", "man", "woman", "resident", "native", "family", "youth", "boy", "girl",
                     "child", "student", "villager", "trader", "worker", "commuter", "pilgrim", "fisherman", "farmer",
                     "mother", "father", "son", "daughter", "brother", "sister", "couple", "teenager"})
# Nouns a town's name is often put before: its people, officials and sites ("Mobile police", "Reading residents").
TOWN_NOUNS = HOME_OF | SITE_WORDS | {"police", "official", "authority", "council", "mayor", "county", "city", "port",
                                     "hospital", "court"}


def _home_of_people(doc, span: Span) -> bool:
    """Whether the place at ``span`` only modifies a noun for people ("Two Mdantsane women"): where they live or
    come from, which gives way to any other place the sentence names."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if not tokens:
        return False
    last = tokens[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.i > last.i and last.head.lemma_.lower() in HOME_OF


def _is_reference_point(doc, span: Span) -> bool:
    """Whether the place at ``span`` is what a distance or direction is measured from.

    By the parse: the name is the object of "of" or "from" hanging on (or
    beside) a distance ("30 kilometres from Afgooye", "lies 30 km from the
    border") or on a bare compass point ("40 km north of Maiduguri", "north
    of Kunduz city"). "In the north of Borno" is inside Borno: a compass
    point with a determiner is a part, not a direction.
    """
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or tokens.root.dep_ != "pobj" or tokens.root.head.lower_ not in ("of", "from"):
        return False
    if _across_the_border_from(tokens.root):
        return True
    preposition = tokens.root.head
    measure = preposition.head
    if measure.ent_type_ == "QUANTITY":
        return True
    # The parser also hangs the distance on the preposition ("lies [30 km] from the border") or beside it on
    # the verb ("exploded [15 miles] from the border").
    distances = [*preposition.children, *(measure.children if preposition.lower_ == "from" else ())]
    if any(t.dep_ == "npadvmod" and t.ent_type_ == "QUANTITY" for t in distances):
        return True
    return measure.lower_ in COMPASS_POINTS and not any(child.dep_ in ("det", "poss") for child in measure.children)


def _across_the_border_from(name) -> bool:
    """Whether the place named by the token ``name`` is what the border is crossed from: "(near Adel Bagrou,) just
    across the border from [the Malian town of] Nara". The event lies in another country than it."""
    word = name
    if word.head.lower_ == "of" and word.head.head.dep_ == "pobj" and word.head.head.lemma_.lower() in _TOWN_WORDS:
        word = word.head.head  # "the Malian town of Nara"
    preposition = word.head
    return word.dep_ == "pobj" and preposition.lower_ == "from" and preposition.head.lemma_.lower() == "border" and (
        preposition.head.dep_ == "pobj" and preposition.head.head.lower_ in ("across", "over"))


_TOWN_WORDS = frozenset({"town", "city", "village", "district", "province", "region", "settlement", "community"})


def _surroundings(place: Place) -> Place:
    """The admin-1 a town or district lies in, else the country: where an event measured from ``place`` is.

    A border stays a border: "15 km from the border" is in the border area.
    """
    if place.precision == "border":
        return place
    gaz = load_gazetteer()
    code = place.country_iso
    if place.precision in ("place", "district") or place.location and place.precision == "admin1":
        code = place.admin1_iso or next((key for key, unit in gaz.admin1.items()
                                         if (unit.country_iso, unit.name) == (place.country_iso, place.admin1)), code)
    entry = gaz.entry_of_code.get(code) if code else None
    return _place_of(entry, gaz) if entry else Place(country=None, country_iso=None)


# -- borders --------------------------------------------------------------------------------------

_NAME = r"[A-Z][\w’']*(?:\s+[A-Z][\w’']*){0,3}"
_BORDER = r"(?:border|borders|frontier|frontiers|boundary)"
_AREA = r"(?:\s+(?:area|areas|region|regions|zone|zones|crossing|crossings))?"
# Up to three describing words before "border" ("southern", "eastern and southern"), never a preposition.
_DESCRIBING = r"(?:\b(?!(?:on|along|in|at|near|across|over|to|from|of|with|by)\s)[a-z]+\s+){0,3}"
_OWNER = rf"(?P<owner>{_NAME})(?:’s|'s)\s+"
_BORDER_PATTERNS = (
    # "the Afghanistan-Pakistan border", "the Tajik-Afghan border": both sides named, neither chosen.
    ("pair", re.compile(rf"(?P<a>{_NAME})\s*[-–—/]\s*(?P<b>{_NAME})\s+{_BORDER}{_AREA}")),
    # "Iran's border to the north and east with Turkmenistan", "the southern border with Afghanistan".
    ("with", re.compile(rf"(?:{_OWNER}|\bthe\s+)?{_DESCRIBING}{_BORDER}{_AREA}\s+(?:[a-z]+\s+){{0,5}}?with\s+"
                        rf"(?:neighbou?ring\s+|the\s+)?(?P<other>{_NAME})")),
    # "across the border into Tajikistan": the side is the one entered.
    ("into", re.compile(rf"(?:across|over)\s+the\s+{_BORDER}\s+(?:into|in)\s+(?P<side>{_NAME})")),
    ("from", re.compile(rf"(?:across|over)\s+the\s+{_BORDER}\s+from\s+(?P<other>{_NAME})")),
    # "Tajikistan's border area".
    ("owned", re.compile(rf"{_OWNER}{_DESCRIBING}{_BORDER}{_AREA}")),
    # "near the Afghan border".
    ("adjective", re.compile(rf"\bthe\s+(?P<other>{_NAME})\s+{_BORDER}{_AREA}")),
    # "in the border area": the side is inferred from the sentence, when it names just one country.
    ("bare", re.compile(rf"\b(?i:the\s+{_DESCRIBING}{_BORDER}{_AREA})\b")),
)


def _border_mentions(sentence, mentions: list[_Mention], gaz: Gazetteer) -> list[tuple[Span, Place]]:
    """Border expressions of the sentence as border Places, earliest first, never overlapping."""
    text, offset = sentence.text, sentence.start_char
    found: list[tuple[Span, Place]] = []
    for kind, pattern in _BORDER_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s.start < offset + end and offset + start < s.end for s, _ in found):
                continue
            place = _border_place(kind, match, sentence, mentions, gaz)
            if place is not None:
                found.append((Span("place", offset + start, offset + end, text[start:end]), place))
    return sorted(found, key=lambda item: item[0].start)


def _border_place(kind: str, match: re.Match, sentence, mentions: list[_Mention], gaz: Gazetteer) -> Place | None:
    """The border Place a pattern match describes; None when a name in it is not a country."""
    if kind == "bare" and any(sentence.start_char + match.start() <= m.start < sentence.start_char + match.end()
                              for m in mentions):
        return None  # "the Spin Boldak border crossing": the crossing is at the town it names
    groups = {key: value for key, value in match.groupdict().items() if value}
    named = {key: _country_named(value, gaz) for key, value in groups.items()}
    if None in named.values():
        return None  # a named side is not a country ("Khatlon's border"): the names speak for themselves
    if kind == "pair":
        if named["a"] == named["b"]:
            return None
        names = [gaz.countries[named["a"]].name, gaz.countries[named["b"]].name]
        return Place(country="/".join(names), country_iso=None, location="-".join(names) + " border",
                     precision="border")
    other = named.get("other")
    side = named.get("owner") or named.get("side") or _side_from_sentence(sentence, mentions, gaz, other)
    country = gaz.countries.get(side) if side else None
    location = f"border with {gaz.countries[other].name}" if other else "border area"
    return Place(country=country.name if country else None, country_iso=side, location=location,
                 precision="border")


def _country_named(name: str, gaz: Gazetteer) -> str | None:
    """The ISO code of a country name or demonym ("Afghanistan", "Afghan"), else None."""
    countries = {e.country_iso for e in gaz.lookup(name, allow_loose=False).entries if e.level == "country"}
    if len(countries) == 1:
        return countries.pop()
    return gaz.demonym_country(name)


def _side_from_sentence(sentence, mentions: list[_Mention], gaz: Gazetteer, other: str | None) -> str | None:
    """The one country, other than ``other``, that the sentence's places lie in or its demonyms imply.

    Countries introduced by "from" are skipped: they are where something came
    from, not where it happened ("smugglers from Afghanistan in the border
    area"). Two or more candidates mean the text does not say: None.
    """
    doc = sentence.doc
    candidates = set()
    for mention in mentions:
        if mention.country():
            candidates.add((doc.char_span(mention.start, mention.end, alignment_mode="expand")[0].i,
                            mention.country()))
    for token in sentence:
        if token.text[:1].isupper() and (iso := gaz.demonym_country(token.text)):
            candidates.add((token.i, iso))
    sides = {iso for index, iso in candidates
             if iso and iso != other and not (index > 0 and doc[index - 1].lower_ == "from")}
    return sides.pop() if len(sides) == 1 else None
