"""The ``seeds`` suite: a hand annotation in the style of ``../shared/gold/seeds.json`` against its reports.

``--data`` names the gold file; the reports are read from the ``seeds`` folder
beside its folder (``gold/../seeds/<article id>.txt``) and run through the real
pipeline (ingest, analyse, link) in a throw-away SQLite store. An undated report
is dated only if the linker infers a date for it, as ``storyline`` would.

Linking checks: the derivation (relation, direction, confidence ≥ 0.9), the share
of the derived report's sentences aligned to the source, the Taliban → Islamic
Emirate substitution, the stories with their independent-source counts, and
the inferred publication dates.

Each gold event is looked for in each report that has evidence for it: the
predicted event mention whose evidence overlaps the gold evidence, preferring one
of the same sub-event type. Fields are then compared one by one. Gold statements
are matched by type plus speaker or organisation (shared words).
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from storyline.link.align import split_passages
from storyline.records import EventMention, StatementMention

_WORD = re.compile(r"[a-z]+")
_STOP = {"the", "of", "and", "in", "to", "a", "s", "s", "islamic", "office", "ministry", "affairs", "foreign"}


def _ranges(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    found = []
    for quote in quotes:
        start = text.find(quote)
        if start >= 0:
            found.append((start, start + len(quote)))
    return found


def _figure_right(gold: dict | None, mention: EventMention, attribute: str) -> bool:
    ours = getattr(mention, attribute)
    if gold is None:
        return ours is None
    if ours is None:
        return False
    if gold.get("quantifier"):
        # A vague word ("dozens"): the gold fixes its floor and that it gives no figure, and
        # leaves the ceiling to the project's documented table (data/quantifiers.tsv).
        return (ours.low, ours.best) == (gold.get("low"), gold.get("best"))
    return (ours.low, ours.best, ours.high) == (gold.get("low"), gold.get("best"), gold.get("high"))


def _words(value: str | None) -> set[str]:
    return set(_WORD.findall((value or "").lower())) - _STOP


def _statement_right(gold: dict, found: list[StatementMention]) -> bool:
    for mention in found:
        if mention.statement_type != gold["kind"]:
            continue
        if gold.get("speaker") and _words(gold["speaker"]) & _words(mention.speaker):
            return True
        if gold.get("org") and _words(gold["org"]) & (_words(mention.speaker_org) | _words(mention.speaker)):
            return True
    return False


def _run_pipeline(folder: Path, names: list[str]) -> tuple[dict, dict, list, list, dict]:
    """Ingest, analyse and link the gold's reports in a throw-away SQLite store, as `storyline` would."""
    from storyline.pipeline import run
    from storyline.store import open_store

    with tempfile.TemporaryDirectory(prefix="storyline-seeds-") as work:
        with open_store(f"sqlite:///{work}/seeds.db") as store:
            run(store, [str(folder / f"{name}.txt") for name in names])
            by_external = {a.external_id: a for a in store.articles()}
            mentions = {name: list(store.mentions(article_id=by_external[name].id)) for name in names}
            texts = {name: by_external[name].text for name in names}
            links = list(store.links())
            stories = list(store.stories())
            inferred = {a.external_id: store.inferred_dates().get(a.id) for a in by_external.values()}
            ids = {name: by_external[name].id for name in names}
            fused = {"events": store.events(), "statements": store.fused_statements()}
    return mentions, texts, links, stories, {"inferred": inferred, "ids": ids, **fused}


def _linking_scores(gold: dict, texts: dict, links: list, stories: list, extra: dict) -> dict:
    ids = extra["ids"]
    names = {v: k for k, v in ids.items()}
    derived_pairs = [(name, info["derived_from"]) for name, info in gold["articles"].items() if info.get("derived_from")]
    right_direction = confident = aligned_share = substitutions_found = 0.0
    for derived, source in derived_pairs:
        link = next((l for l in links if {l.source_id, l.derived_id} == {ids[derived], ids[source]}), None)
        if link is None:
            continue
        right = link.relation in ("derived", "update") and names[link.source_id] == source
        right_direction += right
        confident += right and link.confidence >= 0.9
        sentences = [a for a in split_passages(link.alignments).sentences if a.b_start is not None]
        aligned_share += sum(1 for a in sentences if a.kind != "new") / max(len(sentences), 1)
        wanted = gold["articles"][derived].get("term_substitutions", [])
        found_any = any("taliban" in s.source.lower() and "islamic emirate" in s.derived.lower() for s in link.substitutions)
        substitutions_found += found_any if any("Taliban" in w["source"] for w in wanted) else 1.0
    pairs = max(len(derived_pairs), 1)
    gold_stories = gold.get("stories", [])
    story_right = 0
    for story in gold_stories:
        members = {ids[name] for name in story["articles"]}
        match = next((s for s in stories if set(s.articles) == members), None)
        story_right += match is not None and match.independent_sources == story["independent_sources"]
    dates_right = dates_total = 0
    for name, info in gold["articles"].items():
        expected = (info.get("published_inferred") or {}).get("value")
        if expected:
            dates_total += 1
            got = extra["inferred"].get(name)
            dates_right += got is not None and got[0].isoformat() == expected
    return {
        "derivation_correct": right_direction / pairs,
        "derivation_confident": confident / pairs,
        "aligned_sentences": aligned_share / pairs,
        "substitution_found": substitutions_found / pairs,
        "stories_correct": story_right / max(len(gold_stories), 1),
        "inferred_dates_correct": dates_right / max(dates_total, 1),
    }


def _event_checks(event: dict, fused) -> dict[str, bool]:
    isos = event["iso"] if isinstance(event["iso"], list) else [event["iso"]]
    checks = {
        "type": [fused.event_type, fused.sub_event_type] == event["acled"],
        "country": fused.place.country_iso in isos,
        "date": (fused.time.start.isoformat() if fused.time.start else None,
                 fused.time.end.isoformat() if fused.time.end else None,
                 fused.time.precision) == (event["date"]["start"], event["date"]["end"], event["date"]["precision"]),
        "fatalities": _figure_right(event.get("fatalities"), fused, "fatalities"),
        "injuries": _figure_right(event.get("injuries"), fused, "injuries"),
    }
    if event.get("admin1"):
        checks["admin1"] = fused.place.admin1_iso == event.get("iso3166_2")
    return checks


def _fusion_scores(gold: dict, texts: dict, extra: dict) -> dict:
    """The fused events and statements against the gold: one event per gold incident, with all its reports."""
    ids = extra["ids"]
    stories = {s["id"]: s for s in gold.get("stories", [])}
    independent = {name: story["independent_sources"] for story in stories.values() for name in story["articles"]}
    found = right = 0
    for event in gold["events"]:
        touching: dict[str, set[str]] = {}
        for name, quotes in event["evidence"].items():
            spans = _ranges(texts[name], quotes)
            for fused in extra["events"]:
                if any(e.article_id == ids[name] and any(e.span.start < end and start < e.span.end for start, end in spans)
                       for e in fused.evidence):
                    touching.setdefault(fused.id, set()).add(name)
        whole = [f for f in extra["events"] if touching.get(f.id) == set(event["evidence"])]
        if not whole:
            continue
        found += 1
        fused = next((f for f in whole if f.sub_event_type == event["acled"][1]), whole[0])
        sources = {independent.get(name, 1) for name in event["evidence"]}
        right += (all(_event_checks(event, fused).values()) and set(fused.reports) == {ids[n] for n in event["evidence"]}
                  and fused.independent_sources == max(sources))
    statements_right = sum(_statement_right(statement, extra["statements"]) for statement in gold["statements"])
    total = max(len(gold["events"]), 1)
    return {
        "fused_events_found": found / total,
        "fused_events_correct": right / total,
        "fused_events": len(extra["events"]),
        "fused_statements_correct": statements_right / max(len(gold["statements"]), 1),
    }


def evaluate_seeds(path: str) -> dict:
    """Field-by-field scores of the pipeline (ingest, analyse, link) against a seeds-style gold file."""
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    folder = Path(path).resolve().parent.parent / "seeds"
    mentions, texts, links, stories, extra = _run_pipeline(folder, list(gold["articles"]))
    counts = dict.fromkeys(("pairs", "found", "type", "country", "admin1", "admin1_pairs", "date", "fatalities",
                            "injuries", "all_fields"), 0)
    for event in gold["events"]:
        for article_id, quotes in event["evidence"].items():
            counts["pairs"] += 1
            spans = _ranges(texts[article_id], quotes)
            candidates = [m for m in mentions[article_id] if isinstance(m, EventMention)
                          and any(s.start < end and start < s.end for s in m.evidence for start, end in spans)]
            if not candidates:
                continue
            counts["found"] += 1
            mention = next((m for m in candidates if m.sub_event_type == event["acled"][1]), candidates[0])
            isos = event["iso"] if isinstance(event["iso"], list) else [event["iso"]]
            checks = {
                "type": [mention.event_type, mention.sub_event_type] == event["acled"],
                "country": mention.place.country_iso in isos,
                "date": (mention.time.start.isoformat() if mention.time.start else None,
                         mention.time.end.isoformat() if mention.time.end else None,
                         mention.time.precision) == (event["date"]["start"], event["date"]["end"], event["date"]["precision"]),
                "fatalities": _figure_right(event.get("fatalities"), mention, "fatalities"),
                "injuries": _figure_right(event.get("injuries"), mention, "injuries"),
            }
            if event.get("admin1"):
                counts["admin1_pairs"] += 1
                checks["admin1"] = mention.place.admin1_iso == event.get("iso3166_2")
            for name, right in checks.items():
                counts[name] += right
            counts["all_fields"] += all(checks.values())
    statement_pairs = statement_right = 0
    for statement in gold["statements"]:
        for article_id in gold["articles"]:
            statement_pairs += 1
            found = [m for m in mentions[article_id] if isinstance(m, StatementMention)]
            statement_right += _statement_right(statement, found)
    pairs = max(counts["pairs"], 1)
    return {
        **_linking_scores(gold, texts, links, stories, extra),
        **_fusion_scores(gold, texts, extra),
        "event_pairs": counts["pairs"],
        "incidents_found": counts["found"] / pairs,
        "type_correct": counts["type"] / pairs,
        "country_correct": counts["country"] / pairs,
        "admin1_correct": counts["admin1"] / max(counts["admin1_pairs"], 1),
        "date_correct": counts["date"] / pairs,
        "fatalities_correct": counts["fatalities"] / pairs,
        "injuries_correct": counts["injuries"] / pairs,
        "all_fields_correct": counts["all_fields"] / pairs,
        "statement_pairs": statement_pairs,
        "statements_correct": statement_right / max(statement_pairs, 1),
    }
