"""Event-type accuracy on CASE-2021 task 2 (fine-grained event classification of news snippets).

The gold file is a TSV with a header and the columns ``id``, ``EventSnippet`` and ``SubType`` (a CASE label).
Gold labels are mapped to ACLED sub-event types through ``data/taxonomy.tsv``; CASE's five classes outside
ACLED (ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO, ATTRIB) all become "not an incident", which is
also what a prediction of ``None`` means. Scores are over that label set: 25 sub-event types plus one.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

from storyline.analyse.event_types import case_label_of_text, case_label_to_acled, classify_text

NOT_AN_INCIDENT = "not an incident"


def read_case2021(path: str | Path) -> list[tuple[str, str, str]]:
    """``(id, snippet, CASE label)`` rows of a CASE-2021 task-2 TSV.

    Raises ``ValueError`` naming the file and line when a row lacks a column or carries an unknown label.
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != ["id", "EventSnippet", "SubType"]:
            raise ValueError(f"{path}:1: expected the header 'id<TAB>EventSnippet<TAB>SubType', got {header!r}")
        for line, row in enumerate(reader, 2):
            if not row:
                continue
            if len(row) < 3:
                raise ValueError(f"{path}:{line}: expected 3 tab-separated columns, got {len(row)}")
            try:
                case_label_to_acled(row[2].strip())
            except KeyError as exc:
                raise ValueError(f"{path}:{line}: {exc.args[0]}") from None
            rows.append((row[0], row[1], row[2].strip()))
    return rows


def f1_scores(gold: list[str], predicted: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support per label of ``gold`` ∪ ``predicted``."""
    labels = sorted(set(gold) | set(predicted))
    true_pos = Counter(g for g, p in zip(gold, predicted) if g == p)
    gold_n, pred_n = Counter(gold), Counter(predicted)
    out = {}
    for label in labels:
        precision = true_pos[label] / pred_n[label] if pred_n[label] else 0.0
        recall = true_pos[label] / gold_n[label] if gold_n[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"precision": precision, "recall": recall, "f1": f1, "support": gold_n[label]}
    return out


def evaluate_case2021(path: str | Path, details: bool = False) -> dict:
    """Classify every snippet of a CASE-2021 task-2 TSV and score against its gold labels.

    Returns ``{"n", "accuracy", "macro_f1", "weighted_f1", "snippets_per_s"}``; with ``details`` also
    ``"per_class"`` (precision, recall, F1, support per label), ``"confusions"`` ((gold, predicted), count)
    and ``"case_30"`` (the three scores over CASE's own 30 classes, as the shared task ranked systems).
    Macro and weighted F1 average over the labels present in the gold set (as scikit-learn does with
    ``labels=`` the gold labels), so a spurious predicted class lowers precision but adds no zero row.
    """
    rows = read_case2021(path)
    gold, predicted = [], []
    started = time.perf_counter()
    for _, snippet, label in rows:
        gold.append(case_label_to_acled(label) or NOT_AN_INCIDENT)
        event = classify_text(snippet)
        predicted.append(event.sub_event_type if event else NOT_AN_INCIDENT)
    elapsed = time.perf_counter() - started
    per_class = f1_scores(gold, predicted)
    result = {"n": len(gold), **_summary(gold, predicted, per_class),
              "snippets_per_s": len(gold) / elapsed if elapsed else 0.0}
    if details:
        result["per_class"] = per_class
        result["confusions"] = Counter((g, p) for g, p in zip(gold, predicted) if g != p).most_common()
        # all 30 CASE classes, as the shared task scored them (not our event export's view)
        case_gold = [label for _, _, label in rows]
        case_predicted = [case_label_of_text(snippet) or NOT_AN_INCIDENT for _, snippet, _ in rows]
        result["case_30"] = _summary(case_gold, case_predicted, f1_scores(case_gold, case_predicted))
    return result


def _summary(gold: list[str], predicted: list[str], per_class: dict) -> dict[str, float]:
    in_gold = {label: scores for label, scores in per_class.items() if scores["support"]}
    n = len(gold)
    return {
        "accuracy": sum(g == p for g, p in zip(gold, predicted)) / n if n else 0.0,
        "macro_f1": sum(s["f1"] for s in in_gold.values()) / len(in_gold) if in_gold else 0.0,
        "weighted_f1": sum(s["f1"] * s["support"] for s in in_gold.values()) / n if n else 0.0,
    }


if __name__ == "__main__":  # python -m storyline.evaluation.case2021 PATH
    import sys

    result = evaluate_case2021(sys.argv[1], details=True)
    print(f"n={result['n']} accuracy={result['accuracy']:.3f} macro_f1={result['macro_f1']:.3f} "
          f"weighted_f1={result['weighted_f1']:.3f} ({result['snippets_per_s']:.0f} snippets/s)")
    case_30 = result["case_30"]
    print(f"all 30 CASE classes: accuracy={case_30['accuracy']:.3f} macro_f1={case_30['macro_f1']:.3f} "
          f"weighted_f1={case_30['weighted_f1']:.3f}")
    for label, s in sorted(result["per_class"].items(), key=lambda kv: kv[1]["f1"]):
        print(f"  {s['f1']:.2f}  P={s['precision']:.2f} R={s['recall']:.2f} n={s['support']:3d}  {label}")
    for (g, p), count in result["confusions"][:25]:
        print(f"  {count:3d}  {g} -> {p}")
