"""The ``reports`` suite: whole-pipeline scores on a folder of reports with a gold file beside them.

``--data`` names the gold JSON (default ``quality/reports/gold.json``: seven hundred and eighty-nine reports
the team wrote for this suite, from one hundred and fifty-nine countries, with invented details and real places).
Every report in its ``reports`` table is read from the gold file's folder and run through the real pipeline
(ingest, analyse, link, fuse) in a throw-away SQLite store, as ``storyline run`` would.

What is scored, and how:

- **Incidents.** A gold incident lists evidence quotes per report. A fused event
  *touches* the incident in a report when one of its evidence spans overlaps a quote.
  ``incidents_found``: one fused event touches the incident in every report that tells
  it (the reports were fused, not split). Its fields are then checked: type (one of the
  allowed ACLED pairs), place (country, ISO 3166-2 admin-1, and location where the gold
  names one, as the gazetteer reads it: "Suárez" is Suarez, "Hodeidah" Al Hudaydah), date
  (the same interval), killed and injured (``low`` equal; the fused high end at least
  ``high_at_least``, which an open high end, "at least 12", always is; ``null`` gold means no figure), and independent
  sources. ``incidents_all_fields`` needs all of these.
- **Spurious events.** ``event_precision`` is the share of fused events that touch a gold
  incident: background tolls, plans, orders and stray fragments of an incident lower it.
- **Linking.** ``story_pair_f1`` over pairs of reports put in one story;
  ``stories_correct`` needs the exact report set and independent-source count;
  ``derivations_found`` the right source for each gold rewrite (``derived_from``); ``derivation_precision``
  the share of derived/update/duplicate links that the gold has (same pair, same direction but
  for duplicates); ``relations_correct`` the gold's relation (``relation``: ``derived`` unless
  it says ``update`` or ``duplicate``) on the found link; ``substitutions_found`` the gold's
  term substitutions (``substitutions``: ``{"source", "derived"}``) among the link's;
  ``common_sources_found`` a ``common_source`` link for each pair the gold says rewrites one report
  that is not in the set (``"relation": "common_source"`` with ``common_with``, the other report);
  ``inferred_dates_correct`` the date given to each undated report.

A report whose text is word for word another's is stored once, with a sighting at each file (see the
README's *Identity*); it is scored as that article, and as a ``duplicate`` link between the two files.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

from storyline.analyse.gazetteer import load_gazetteer, plain_name
from storyline.records import Event, Figure


def _run_pipeline(folder: Path, names: list[str]) -> dict:
    from storyline.pipeline import run
    from storyline.store import open_store

    with tempfile.TemporaryDirectory(prefix="storyline-reports-") as work:
        with open_store(f"sqlite:///{work}/reports.db") as store:
            run(store, [str(folder / name) for name in names])
            by_stem: dict = {}  # every version: a gold file may hold a report and its correction under one URL
            for article in store.articles():
                if article.external_id not in by_stem or article.version > by_stem[article.external_id].version:
                    by_stem[article.external_id] = article
            stored = {article.id: article for article in by_stem.values()}
            for article_id, seen in store.sightings(list(stored)).items():
                for sighting in seen:  # a word-for-word copy is stored once, seen at each file
                    by_stem.setdefault(sighting["external_id"], stored[article_id])
            missing = [name for name in names if Path(name).stem not in by_stem]
            if missing:
                raise ValueError(f"{folder}: reports not ingested: {', '.join(missing)}")
            articles = {name: by_stem[Path(name).stem] for name in names}
            inferred = store.inferred_dates()
            return {
                "ids": {name: article.id for name, article in articles.items()},
                "texts": {name: article.text for name, article in articles.items()},
                "links": list(store.links()),
                "stories": list(store.stories()),
                "inferred": {name: inferred.get(article.id) for name, article in articles.items()},
                "events": store.events(),
            }


def _quote_ranges(text: str, quotes: list[str], where: str) -> list[tuple[int, int]]:
    ranges = []
    for quote in quotes:
        start = text.find(quote)
        if start < 0:
            raise ValueError(f"{where}: quote not found in the report's stored text: {quote!r}")
        ranges.append((start, start + len(quote)))
    return ranges


def _touches(event: Event, article_id: str, ranges: list[tuple[int, int]]) -> bool:
    return any(e.article_id == article_id and any(e.span.start < end and start < e.span.end for start, end in ranges)
               for e in event.evidence)


def _figure_right(gold: dict | None, ours: Figure | None) -> bool:
    if gold is None:
        return ours is None
    if ours is None or ours.low != gold["low"]:
        return False
    wanted = gold.get("high_at_least")
    # no high end ("at least 12", with no ceiling in the text) is at least any number
    return wanted is None or ours.high is None or ours.high >= wanted


def _same_location(place, written: str) -> bool:
    """Whether the gold's location as written names the town or district found: the same name without diacritics,
    or a spelling the gazetteer reads as that place ("Hodeidah" for Al Hudaydah). An event placed no finer than its
    admin-1 ("20 nautical miles off Sabah") has no town: the gold's location is then that region's name."""
    if place.location is None:
        return place.admin1 is not None and plain_name(place.admin1) == plain_name(written)
    if plain_name(place.location) == plain_name(written):
        return True
    return any(entry.name == place.location and entry.country_iso == place.country_iso
               for entry in load_gazetteer().lookup(written, allow_loose=False).entries)


def _field_checks(gold: dict, event: Event) -> dict[str, bool]:
    place = event.place
    return {
        "type": [event.event_type, event.sub_event_type] in gold["acled"],
        "place": (place.country_iso == gold["iso"] and place.admin1_iso == gold.get("iso3166_2")
                  and (gold.get("location") is None or _same_location(place, gold["location"]))),
        "date": (event.time.start is not None and event.time.start.isoformat() == gold["date"]["start"]
                 and event.time.end.isoformat() == gold["date"]["end"]),
        "killed": _figure_right(gold.get("killed"), event.fatalities),
        "injured": _figure_right(gold.get("injured"), event.injuries),
        "sources": event.independent_sources == gold["independent_sources"],
    }


def _incident_scores(gold: dict, run: dict) -> dict:
    ids, texts, events = run["ids"], run["texts"], run["events"]
    touching_any: set[str] = set()
    found = 0
    fields = dict.fromkeys(("type", "place", "date", "killed", "injured", "sources", "all_fields"), 0)
    for incident in gold["incidents"]:
        touched: dict[str, set[str]] = {}
        for name, quotes in incident["evidence"].items():
            ranges = _quote_ranges(texts[name], quotes, f"{incident['id']} in {name}")
            for event in events:
                if _touches(event, ids[name], ranges):
                    touched.setdefault(event.id, set()).add(name)
        touching_any.update(touched)
        whole = [e for e in events if touched.get(e.id) == set(incident["evidence"])]
        if not whole:
            continue
        found += 1
        checks = max((_field_checks(incident, e) for e in whole), key=lambda c: sum(c.values()))
        for name, right in checks.items():
            fields[name] += right
        fields["all_fields"] += all(checks.values())
    total = max(len(gold["incidents"]), 1)
    return {
        "incidents": len(gold["incidents"]),
        "fused_events": len(events),
        "incidents_found": found / total,
        **{f"incidents_{name}": count / total for name, count in fields.items()},
        "event_precision": len(touching_any) / max(len(events), 1),
    }


def _pairs(groups) -> set[frozenset]:
    return {frozenset(pair) for group in groups for pair in itertools.combinations(sorted(group), 2)}


_COPY_RELATIONS = ("derived", "update", "duplicate")


def _same_edge(link, derived: str, source: str, relation: str, names: dict) -> bool:
    """Whether ``link`` joins the gold pair, in the gold direction unless either side calls it a duplicate."""
    ours_derived, ours_source = names.get(link.derived_id, set()), names.get(link.source_id, set())
    if "duplicate" in (relation, link.relation) and derived in ours_source and source in ours_derived:
        return True
    return derived in ours_derived and source in ours_source


class _SameText:
    """The link of a word-for-word copy, which is stored once with a sighting at each file: a duplicate."""

    relation = "duplicate"
    substitutions = ()

    def __init__(self, article_id: str) -> None:
        self.derived_id = self.source_id = article_id


def _edge_scores(gold: dict, links: list, names: dict) -> dict:
    """Copy links against the gold's ``derived_from`` (with its ``relation`` and ``substitutions``), and
    ``common_source`` links against its ``common_with`` pairs."""
    wanted = [(name, info["derived_from"], info.get("relation", "derived"), info.get("substitutions", []))
              for name, info in gold["reports"].items() if info.get("derived_from")]
    found = [l for l in links if l.relation in _COPY_RELATIONS]
    found += [_SameText(article_id) for article_id, files in names.items() if len(files) > 1]
    matched = {(derived, source): next((l for l in found if _same_edge(l, derived, source, relation, names)), None)
               for derived, source, relation, _ in wanted}
    true_links = [l for l in found if any(_same_edge(l, d, s, r, names) for d, s, r, _ in wanted)]
    right_relation = sum(matched[(d, s)] is not None and matched[(d, s)].relation == r for d, s, r, _ in wanted)
    terms = [(matched[(d, s)], term) for d, s, _, subs in wanted for term in subs]
    terms_found = sum(link is not None and any(term["source"].lower() in x.source.lower()
                                               and term["derived"].lower() in x.derived.lower()
                                               for x in link.substitutions) for link, term in terms)
    common = [(name, info["common_with"]) for name, info in gold["reports"].items()
              if info.get("relation") == "common_source"]
    common_found = sum(any(l.relation == "common_source" and (
        name in names.get(l.source_id, ()) and other in names.get(l.derived_id, ())
        or other in names.get(l.source_id, ()) and name in names.get(l.derived_id, ())) for l in links)
        for name, other in common)
    return {
        "derivations_found": sum(link is not None for link in matched.values()) / max(len(wanted), 1),
        "derivation_precision": len(true_links) / len(found) if found else 1.0,
        "relations_correct": right_relation / max(len(wanted), 1),
        "substitutions_found": terms_found / len(terms) if terms else 1.0,
        "common_sources_found": common_found / len(common) if common else 1.0,
    }


def _linking_scores(gold: dict, run: dict) -> dict:
    ids = run["ids"]
    names: dict[str, set[str]] = {}  # article id -> the gold's files of its text (several for a word-for-word copy)
    for name, article_id in ids.items():
        names.setdefault(article_id, set()).add(name)
    predicted = [{name for a in story.articles for name in names.get(a, ())} for story in run["stories"]]
    wanted = [set(story["reports"]) for story in gold["stories"]]
    predicted_pairs, gold_pairs = _pairs(predicted), _pairs(wanted)
    true = len(predicted_pairs & gold_pairs)
    precision = true / len(predicted_pairs) if predicted_pairs else 1.0
    recall = true / len(gold_pairs) if gold_pairs else 1.0
    story_right = sum(any({name for a in s.articles for name in names.get(a, {a})} == set(story["reports"])
                          and s.independent_sources == story["independent_sources"] for s in run["stories"])
                      for story in gold["stories"])
    edges = _edge_scores(gold, run["links"], names)
    dated = {name: info["published_inferred"] for name, info in gold["reports"].items() if info.get("published_inferred")}
    dates_right = sum(run["inferred"].get(name) is not None and run["inferred"][name][0].isoformat() == value
                      for name, value in dated.items())
    return {
        "story_pair_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "stories_correct": story_right / max(len(gold["stories"]), 1),
        **edges,
        "inferred_dates_correct": dates_right / len(dated) if dated else 1.0,
    }


def evaluate_reports(path: str) -> dict:
    """Scores of the whole pipeline on the reports beside the gold file at ``path``."""
    gold_path = Path(path)
    if not gold_path.is_file():
        raise FileNotFoundError(f"{path}: no gold file here")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    run = _run_pipeline(gold_path.resolve().parent, list(gold["reports"]))
    return {**_incident_scores(gold, run), **_linking_scores(gold, run)}
