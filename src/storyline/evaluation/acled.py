"""The ``acled`` suite: ACLED exports (31-column 2020 schema) with ``notes`` as the report text.

Each row's notes are analysed as a one-paragraph report published on the event
date; the row's main event mention (the first non-aggregate one) is compared with
ACLED's coding. ``fatalities_exact`` leaves out rows whose notes say ACLED coded 0
for a toll it did not trust ("Fatalities coded as 0 (VoJ reported 3 …)"), and
compares the total killed over the row's non-aggregate event mentions. ACLED's
remarks about its own coding ("Fatalities coded as …", "[size=…]") are removed
from the notes before analysis: they are not report text.

Where ACLED split one reported toll over N of its events ("Fatalities are split across
3 events", "split over 2 locations"), the row holds ACLED's share of that toll, not the
toll the notes report. ``fatalities_exact`` splits our toll the same way: the row counts
as exact when its figure is our toll divided by N, rounded down or up (ACLED gives the
remainder to some of the N rows). ``fatalities_exact_unsplit`` leaves those rows out.

``actor1_accuracy`` and ``actor2_accuracy`` compare the main mention's canonical actors with ACLED's
``actor1`` and ``actor2`` by name, without what ACLED adds to a name and Storyline does not: the period of
a government ("Military Forces of Afghanistan (2014-)"), the country of a generic actor ("Civilians
(Afghanistan)") and a named unit after the force ("... (2014-) Special Forces"). An actor the alias table
does not know is compared by its words as written; no actor where ACLED codes none counts as a match.
"""

from __future__ import annotations

import csv
import datetime as dt
import re

from storyline.records import EventMention, text_article

_UNTRUSTED = re.compile(r"fatalities (?:were )?coded as (?:0|zero)", re.I)
# ACLED's coders append remarks about their own coding; they are not report text.
_SPLIT = re.compile(r"fatalities (?:are |were )?split (?:across|over|between|among) (\d+|two|three|four|five|six)", re.I)
_SPLIT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_CODER_REMARKS = re.compile(r"(?:Fatalities (?:were )?(?:coded|split)[^.]*\.|\[size=[^\]]*\])", re.I)
_PERIOD_AND_UNIT = re.compile(r"\s*\(\d{4}-\d{0,4}\).*$")
_TRAILING_BRACKET = re.compile(r"\s*\([^)]*\)$")


def _published(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value.strip(), "%d %B %Y").date()
    except ValueError:
        return None


def actor_key(name: str | None) -> str:
    """An actor name as compared with ACLED's: no government period, named unit or bracketed country."""
    return _TRAILING_BRACKET.sub("", _PERIOD_AND_UNIT.sub("", name or "")).strip().casefold()


def _actor_name(actor) -> str:
    return actor_key(actor.canonical or actor.text) if actor is not None else ""


def _same_admin1(ours: EventMention | None, row: dict) -> bool:
    from storyline.analyse.places import resolve_place

    if ours is None or not ours.place.admin1:
        return False
    gold = resolve_place(row["admin1"], ours.place.country_iso or None)
    if gold is not None and gold.admin1_iso and ours.place.admin1_iso:
        return gold.admin1_iso == ours.place.admin1_iso
    return ours.place.admin1.casefold() == row["admin1"].casefold()


def evaluate_acled(path: str) -> dict:
    """Scores of the analyser on an ACLED export: accuracies of type, sub-type, country, admin-1, actors and fatalities."""
    from storyline.analyse.extract import analyse_article

    totals = {"n": 0, "event_type": 0, "sub_event_type": 0, "country": 0, "admin1": 0, "fatalities_n": 0, "fatalities": 0,
              "unsplit_n": 0, "unsplit": 0, "actor1": 0, "actor2": 0}
    with open(path, encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            notes = row["notes"]
            article = text_article(f"acled-{number}", _CODER_REMARKS.sub("", notes).strip(), source=path, format="csv",
                                   published=_published(row["event_date"]), external_id=row["data_id"])
            events = [m for m in analyse_article(article) if isinstance(m, EventMention)]
            main = next((e for e in events if not e.is_aggregate), events[0] if events else None)
            totals["n"] += 1
            totals["event_type"] += bool(main and main.event_type == row["event_type"])
            totals["sub_event_type"] += bool(main and main.sub_event_type == row["sub_event_type"])
            totals["country"] += bool(main and (main.place.country or "").casefold() == row["country"].casefold())
            totals["admin1"] += _same_admin1(main, row)
            totals["actor1"] += (_actor_name(main.actor1) if main else "") == actor_key(row["actor1"])
            totals["actor2"] += (_actor_name(main.actor2) if main else "") == actor_key(row["actor2"])
            if not _UNTRUSTED.search(notes):
                killed = sum(e.fatalities.best or e.fatalities.low or 0 for e in events if e.fatalities and not e.is_aggregate)
                coded = int(row["fatalities"] or 0)
                split = _SPLIT.search(notes)
                totals["fatalities_n"] += 1
                if split:  # ACLED shared one reported toll out over several of its events
                    parts = int(_SPLIT_WORDS.get(split.group(1).lower(), split.group(1)))
                    totals["fatalities"] += killed // parts <= coded <= -(-killed // parts)
                else:
                    totals["fatalities"] += killed == coded
                    totals["unsplit_n"] += 1
                    totals["unsplit"] += killed == coded
    n = max(totals["n"], 1)
    return {
        "n": totals["n"],
        "event_type_accuracy": totals["event_type"] / n,
        "sub_event_type_accuracy": totals["sub_event_type"] / n,
        "country_accuracy": totals["country"] / n,
        "admin1_accuracy": totals["admin1"] / n,
        "actor1_accuracy": totals["actor1"] / n,
        "actor2_accuracy": totals["actor2"] / n,
        "fatalities_n": totals["fatalities_n"],
        "fatalities_exact": totals["fatalities"] / max(totals["fatalities_n"], 1),
        "fatalities_exact_unsplit": totals["unsplit"] / max(totals["unsplit_n"], 1),
    }
