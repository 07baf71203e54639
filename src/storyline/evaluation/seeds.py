"""The ``seeds`` suite: a hand annotation in the style of ``../shared/gold/seeds.json`` against its reports.

``--data`` names the gold file; the reports are read from the ``seeds`` folder
beside its folder (``gold/../seeds/<article id>.txt``), ingested as plain text. An
undated report gets the ``published_inferred`` date the gold gives it (what the
linking stage infers from its derived copy).

Each gold event is looked for in each report that has evidence for it: the
predicted event mention whose evidence overlaps the gold evidence, preferring one
of the same sub-event type. Fields are then compared one by one. Gold statements
are matched by type plus speaker or organisation (shared words).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from storyline.ingest.plaintext import read_plain_text
from storyline.records import Article, EventMention, StatementMention

_WORD = re.compile(r"[a-z]+")
_STOP = {"the", "of", "and", "in", "to", "a", "s", "s", "islamic", "office", "ministry", "affairs", "foreign"}


def _article(path: Path, inferred: str | None) -> tuple[Article, dt.date | None]:
    report = read_plain_text(path.read_text(encoding="utf-8"), str(path), encoding="utf-8", external_id=path.stem, version_key=None)
    article = Article(id=path.stem, text=report.text, source=str(path), format="text", title=None, byline=None, outlet=None,
                      url=None, published=report.published, external_id=path.stem, encoding="utf-8", version=1,
                      previous_version_id=None, ingested_at=dt.datetime.now(dt.timezone.utc))
    published = report.published or (dt.date.fromisoformat(inferred) if inferred else None)
    return article, published


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


def evaluate_seeds(path: str) -> dict:
    """Field-by-field scores of the analyser against a seeds-style gold file."""
    from storyline.analyse.extract import analyse_article

    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    folder = Path(path).resolve().parent.parent / "seeds"
    mentions: dict[str, list] = {}
    texts: dict[str, str] = {}
    for article_id, info in gold["articles"].items():
        inferred = (info.get("published_inferred") or {}).get("value")
        article, published = _article(folder / f"{article_id}.txt", inferred)
        texts[article_id] = article.text
        mentions[article_id] = analyse_article(article, published=published)
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
