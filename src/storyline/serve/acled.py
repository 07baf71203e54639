"""Events as rows of ACLED's 31-column export, and as GeoJSON features.

ACLED conventions followed: ``event_date`` as ``DD Month YYYY``; ``time_precision``
1 (a day), 2 (a week or a few days: the date is the middle of the interval) or 3
(a month or longer: the middle as well; an unresolved time: the first report's date);
``geo_precision`` 1 (the named place), 2
(a district or part of a region), 3 (a province, a country or a border: its
centroid); ``inter1``/``inter2`` from the actor categories (1 state forces, 2
rebels, 3 political militia, 4 identity militia, 5 rioters, 6 protesters, 7
civilians, 8 external/other forces, 0 none) and ``interaction`` as the two codes,
lower first; ``fatalities`` is ACLED's conservative figure (the lowest best figure
of an independent source). ``notes`` is written from the fused fields and says how
many reports and independent sources are behind them. ``source`` lists the outlets
of the reports; ``source_scale``, ``admin2``, ``admin3`` and the associated actors
are left empty, because Storyline does not code them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources

from storyline.records import Event, event_to_dict

# ACLED's column names, in ACLED's order (an interface: programs that read ACLED exports expect them).
ACLED_FIELDS = (
    # row and event identifiers
    "data_id", "iso", "event_id_cnty",
    # (the same without the country prefix)
    "event_id_no_cnty",
    # when
    "event_date", "year", "time_precision",
    # what
    "event_type", "sub_event_type",
    # who, with ACLED's actor-type codes
    "actor1", "assoc_actor_1", "inter1",
    # against whom
    "actor2", "assoc_actor_2", "inter2", "interaction",
    # where
    "region", "country", "admin1", "admin2", "admin3",
    # the place itself
    "location", "latitude", "longitude", "geo_precision",
    # from which outlets
    "source", "source_scale", "notes",
    # toll and bookkeeping
    "fatalities", "timestamp", "iso3",
)
INTER_CODES = {"state forces": 1, "rebels": 2, "political militia": 3, "identity militia": 4, "rioters": 5,
               "protesters": 6, "civilians": 7, "external/other forces": 8}
_TIME_PRECISION = {"day": 1, "week": 2}
_GEO_PRECISION = {"place": 1, "district": 2}


@lru_cache(maxsize=1)
def acled_regions() -> dict[str, str]:
    """ISO alpha-2 code to ACLED region, from ``data/acled_regions.tsv``."""
    text = resources.files("storyline.serve").joinpath("data/acled_regions.tsv").read_text(encoding="utf-8")
    regions = {}
    for line in text.splitlines()[1:]:
        if line.startswith("#") or not line.strip() or line.startswith("region\t"):
            continue
        region, codes = line.split("\t")
        regions.update(dict.fromkeys(codes.split(), region))
    return regions


def _country_codes(iso2: str | None) -> tuple[str, str]:
    """ISO 3166-1 numeric and alpha-3 codes of an alpha-2 code (empty when unknown)."""
    if not iso2:
        return "", ""
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2)
    return (str(int(country.numeric)), country.alpha_3) if country else ("", "")


def _middle(event: Event) -> dt.date | None:
    if event.time.start is None or event.time.end is None:
        return None
    return event.time.start + (event.time.end - event.time.start) / 2


def _inter(actor) -> int:
    return INTER_CODES.get(actor.category, 0) if actor and actor.category else 0


def _actor_name(actor) -> str:
    return (actor.canonical or actor.text) if actor else ""


def acled_notes(event: Event) -> str:
    """A one-paragraph summary of the fused event, in the manner of ACLED's notes."""
    when = event.time
    if when.start and when.precision == "day":
        date = f"On {_long_date(when.start)}"
    elif when.start:
        date = f"Between {_long_date(when.start)} and {_long_date(when.end)}"
    else:
        date = f"At an unstated time ({when.text})" if when.text else "At an unstated time"
    place = ", ".join(p for p in (event.place.location, event.place.admin1, event.place.country) if p) or "an unknown place"
    who = _actor_name(event.actor1) or "unidentified actors"
    whom = f" against {_actor_name(event.actor2)}" if event.actor2 else ""
    counts = []
    for noun, figure in (("killed", event.fatalities), ("injured", event.injuries)):
        if figure is not None:
            counts.append(f"{figure.text or figure.best} {noun}")
    toll = f" ({'; '.join(counts)})" if counts else ""
    victims = f", victims: {event.victims}" if event.victims else ""
    sources = (f"{len(event.reports)} report{'s' if len(event.reports) != 1 else ''}, "
               f"{event.independent_sources} independent")
    disputed = f" Sources disagree on: {', '.join(d.field for d in event.disagreements)}." if event.disagreements else ""
    return (f"{date}, {event.sub_event_type.lower()} by {who}{whom} in {place}{toll}{victims}. "
            f"Storyline: {sources}.{disputed}")


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def acled_row(number: int, event: Event, outlets: list[str], timestamp: int,
              reported: dt.date | None = None) -> dict:
    """One ACLED export row for ``event``; ``number`` is its row number in the export.

    An event whose time is unresolved ("recent clashes") is dated, as ACLED does, by its
    first report (``reported``), with time precision 3.
    """
    numeric, alpha3 = _country_codes(event.place.country_iso)
    middle = _middle(event) or reported
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2)
    latitude, longitude = event.place.latitude, event.place.longitude
    return {
        "data_id": number, "iso": numeric, "event_id_cnty": f"{alpha3 or 'XXX'}{number}", "event_id_no_cnty": number,
        "event_date": _long_date(middle) if middle else "", "year": middle.year if middle else "",
        "time_precision": _TIME_PRECISION.get(event.time.precision, 3),
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": _actor_name(event.actor1), "assoc_actor_1": "", "inter1": inter1,
        "actor2": _actor_name(event.actor2), "assoc_actor_2": "", "inter2": inter2,
        "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter2 else inter1 * 10,
        "region": acled_regions().get(event.place.country_iso or "", ""), "country": event.place.country or "",
        "admin1": event.place.admin1 or "", "admin2": "", "admin3": "",
        "location": event.place.location or event.place.admin1 or event.place.country or "",
        "latitude": "" if latitude is None else f"{latitude:.4f}",
        "longitude": "" if longitude is None else f"{longitude:.4f}",
        "geo_precision": _GEO_PRECISION.get(event.place.precision, 3),
        "source": "; ".join(outlets), "source_scale": "", "notes": acled_notes(event),
        "fatalities": event.acled_fatalities, "timestamp": timestamp, "iso3": alpha3,
    }


def geojson_feature(event: Event) -> dict:
    """A GeoJSON feature: the event at its coordinates (no geometry when it has none), its fields as properties."""
    place = event.place
    geometry = ({"type": "Point", "coordinates": [place.longitude, place.latitude]}
                if place.latitude is not None and place.longitude is not None else None)
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": event_to_dict(event)}
