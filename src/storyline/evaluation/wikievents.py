"""The ``wikievents`` suite: argument F1 for attacker/killer, victim/target and place on WikiEvents JSON Lines.

Gold arguments of attack, death and injury events are gathered per document as
(role group, argument head text). Predictions come from the event mentions of
the same document: actor1 -> attacker, actor2 and victims -> victim, place
evidence -> place. A prediction matches a gold argument of its group when the
gold head word is one of the predicted words (WikiEvents annotates heads, we
extract phrases). Micro-averaged precision, recall and F1 per group.
"""

from __future__ import annotations

import json
import re

from storyline.records import EventMention, text_article

_GROUPS = {"Attacker": "attacker", "Killer": "attacker", "Victim": "victim", "Target": "victim", "Place": "place"}
_EVENTS = ("Conflict.Attack", "Life.Die", "Life.Injure")
_WORD = re.compile(r"[\w-]+")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _gold(document: dict) -> set[tuple[str, str]]:
    found = set()
    for event in document["event_mentions"]:
        if not event["event_type"].startswith(_EVENTS):
            continue
        for argument in event["arguments"]:
            group = _GROUPS.get(argument["role"])
            if group:
                found.add((group, argument["text"].lower()))
    return found


def _predicted(mentions: list[EventMention]) -> set[tuple[str, str]]:
    found = set()
    for mention in mentions:
        if mention.actor1:
            found.add(("attacker", mention.actor1.text))
        if mention.actor2:
            found.add(("victim", mention.actor2.text))
        if mention.victims:
            found.add(("victim", mention.victims))
        for span in mention.evidence:
            if span.field == "place":
                found.add(("place", span.text))
    return found


def evaluate_wikievents(path: str) -> dict:
    """Per-group precision/recall/F1 of attacker, victim and place arguments."""
    from storyline.analyse.extract import analyse_article

    tallies = {group: {"tp_gold": 0, "gold": 0, "tp_pred": 0, "pred": 0} for group in ("attacker", "victim", "place")}
    documents = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            document = json.loads(line)
            documents += 1
            article = text_article(document["doc_id"], document["text"], source=path, format="jsonl",
                                   external_id=document["doc_id"])
            mentions = [m for m in analyse_article(article) if isinstance(m, EventMention)]
            gold, predicted = _gold(document), _predicted(mentions)
            for group, tally in tallies.items():
                gold_heads = [head for g, head in gold if g == group]
                predicted_words = [_words(text) for g, text in predicted if g == group]
                tally["gold"] += len(gold_heads)
                tally["pred"] += len(predicted_words)
                tally["tp_gold"] += sum(1 for head in gold_heads if any(_words(head) <= words for words in predicted_words))
                tally["tp_pred"] += sum(1 for words in predicted_words if any(_words(head) <= words for head in gold_heads))
    scores: dict[str, float | int] = {"documents": documents}
    for group, tally in tallies.items():
        precision = tally["tp_pred"] / tally["pred"] if tally["pred"] else 0.0
        recall = tally["tp_gold"] / tally["gold"] if tally["gold"] else 0.0
        scores[f"{group}_precision"] = precision
        scores[f"{group}_recall"] = recall
        scores[f"{group}_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return scores
