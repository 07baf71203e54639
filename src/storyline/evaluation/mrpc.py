"""Paraphrase decisions on the Microsoft Research Paraphrase Corpus (MRPC).

The file is tab-separated with a header: ``Quality, #1 ID, #2 ID, #1 String, #2 String``
(Quality 1 = paraphrase). Quotes inside sentences are text, not CSV quoting, so the file is read
with ``QUOTE_NONE``; a byte-order mark before the header is allowed.

A pair is called a paraphrase when :func:`storyline.link.similarity.paraphrase_score` reaches
:data:`~storyline.link.similarity.PARAPHRASE_THRESHOLD`. That threshold (and the score's weights)
were calibrated on the MRPC training file itself, so the plain accuracy and F1 on that file are
optimistic; ``cv_accuracy`` and ``cv_f1`` are honest: 5-fold cross-validation where the threshold
is chosen on four folds and applied to the fifth (the weights stay fixed).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from storyline.link.similarity import PARAPHRASE_THRESHOLD, paraphrase_score

HEADER = ["Quality", "#1 ID", "#2 ID", "#1 String", "#2 String"]
FOLDS = 5


def read_mrpc(path: str | Path) -> list[tuple[int, str, str]]:
    """``(label, sentence 1, sentence 2)`` rows; ValueError naming the file and line for a malformed row."""
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:5]] != HEADER:
            raise ValueError(f"{path}:1: expected the MRPC header {'<TAB>'.join(HEADER)!r}, got {header!r}")
        for line, row in enumerate(reader, 2):
            if not row or not any(cell.strip() for cell in row):
                continue
            if len(row) != 5 or row[0].strip() not in ("0", "1"):
                raise ValueError(f"{path}:{line}: expected 5 tab-separated columns with Quality 0 or 1, got {row[:5]!r}")
            rows.append((int(row[0]), row[3], row[4]))
    return rows


def _accuracy_f1(labels: np.ndarray, decisions: np.ndarray) -> tuple[float, float]:
    accuracy = float((labels == decisions).mean()) if len(labels) else 0.0
    true_pos = int((decisions & labels).sum())
    denominator = int(decisions.sum() + labels.sum())
    return accuracy, (2 * true_pos / denominator if denominator else 0.0)


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold (on a 0.01 grid) with the best accuracy on these pairs; the lower one on ties."""
    grid = np.round(np.arange(0.0, 1.001, 0.01), 2)
    accuracies = [float(((scores >= t) == labels).mean()) for t in grid]
    return float(grid[int(np.argmax(accuracies))])


def evaluate_mrpc(path: str | Path) -> dict:
    """Accuracy and F1 of paraphrase decisions on an MRPC-format file, with 5-fold CV of the threshold.

    Returns ``n``, ``accuracy``, ``f1`` (at :data:`PARAPHRASE_THRESHOLD`), ``threshold``,
    ``best_threshold`` (the accuracy-optimal one on this file), ``cv_accuracy`` and ``cv_f1``
    (pooled over the held-out folds), and ``positive_share`` (the all-paraphrase baseline's accuracy).
    """
    rows = read_mrpc(path)
    labels = np.array([label for label, _, _ in rows], dtype=bool)
    scores = np.array([paraphrase_score(a, b) for _, a, b in rows])
    accuracy, f1 = _accuracy_f1(labels, scores >= PARAPHRASE_THRESHOLD)
    # Folds by position modulo 5: deterministic, and MRPC's rows are in no meaningful order.
    fold = np.arange(len(rows)) % FOLDS
    held_out = np.zeros(len(rows), dtype=bool)
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        if train.any() and test.any():
            held_out[test] = scores[test] >= best_threshold(scores[train], labels[train])
    cv_accuracy, cv_f1 = _accuracy_f1(labels, held_out)
    return {
        "n": len(rows),
        "accuracy": accuracy,
        "f1": f1,
        "threshold": PARAPHRASE_THRESHOLD,
        "best_threshold": best_threshold(scores, labels) if len(rows) else PARAPHRASE_THRESHOLD,
        "cv_accuracy": cv_accuracy,
        "cv_f1": cv_f1,
        "positive_share": float(labels.mean()) if len(rows) else 0.0,
        "calibrated_on_this_file": "threshold and weights were tuned on the MRPC training file; "
                                   "cv_* hold the threshold out (weights fixed)",
    }
