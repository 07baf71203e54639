"""Train the relation model on the METER corpus, cross-validate it, and write it as a versioned data file.

Usage::

    python scripts/train_relation.py [../shared/data/meter] [--out src/storyline/link/data/relation_model.json]

Writes ``relation_model.json`` (read by :mod:`storyline.link.relation`): the reuse weights, their
isotonic calibration and the cut, the wholly/partially extent weights (all by
:func:`storyline.evaluation.meter.fit_relation_model`) and the direction weights from the wording,
with the training data described and the cross-validated scores beside them:

- reuse / extent: 5-fold cross-validation with folds by catchline (a court case's stories never sit
  in both training and test), repeated over 5 shuffles (:func:`storyline.evaluation.meter.cross_validate`);
- direction: a logistic regression without intercept of "A is the source" on log(A words / B words)
  and the net number of quotes B cut down from A (capped), fitted on each derived story against its
  single best-matching PA file in both orders (the joined PA copy would make the length cue look stronger
  than it is); its accuracy is cross-validated by catchline the same way. The PA byline is left out,
  so this measures the wording alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.evaluation.meter import (  # noqa: E402
    CV_FOLDS,
    CV_REPEATS,
    catchline_group,
    cross_validate,
    fit_logistic,
    fit_relation_model,
    meter_items,
    meter_pair,
    model_label,
    read_text,
    scores,
    wire_text,
)
from storyline.link.relation import MODEL, MODEL_PATH, pair_features  # noqa: E402

VERSION = 1


def direction_inputs(features) -> list[float]:
    """log(A words / B words) and the net count of quotes B cut from A, capped at the model's cap."""
    cap = MODEL.cut_quote_cap
    return [float(np.log(max(features.a_words, 1) / max(features.b_words, 1))),
            float(np.clip(features.b_cut_quotes - features.a_cut_quotes, -cap, cap))]


def fit_direction(rows: np.ndarray) -> np.ndarray:
    """Weights of "A is the source" on :func:`direction_inputs`, from (PA, story) rows in both orders."""
    x = np.vstack([rows, -rows])
    y = np.r_[np.ones(len(rows)), np.zeros(len(rows))]
    return fit_logistic(x, y, intercept=False, balanced=False)


def cv_direction(rows: np.ndarray, groups: list[str]) -> float:
    unique = sorted(set(groups))
    accuracies = []
    for repeat in range(CV_REPEATS):
        order = np.random.default_rng(repeat).permutation(len(unique))
        fold_of = {unique[i]: k % CV_FOLDS for k, i in enumerate(order)}
        fold = np.array([fold_of[g] for g in groups])
        right = sum(int(np.sum(rows[fold == k] @ fit_direction(rows[fold != k]) > 0)) for k in range(CV_FOLDS))
        accuracies.append(right / len(rows))
    return float(np.mean(accuracies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("meter", nargs="?", default=str(ROOT.parent / "shared" / "data" / "meter"))
    parser.add_argument("--out", default=str(MODEL_PATH))
    args = parser.parse_args()

    items = [item for item in meter_items(args.meter) if item.sources]
    features, labels, groups, direction_rows, direction_groups = [], [], [], [], []
    for item in items:
        pa, paper = meter_pair(item)
        features.append(pair_features(pa.text, paper.text))
        labels.append(item.label)
        groups.append(catchline_group(item))
        if item.label != "non":
            singles = [pair_features(wire_text(read_text(path)), paper.text) for path in item.sources]
            direction_rows.append(direction_inputs(max(singles, key=lambda f: f.b_in_a3)))
            direction_groups.append(groups[-1])
    print(f"{len(items)} stories with PA copy on {len(set(groups))} catchlines; {len(direction_rows)} derived")

    model = fit_relation_model(features, labels)
    direction = fit_direction(np.array(direction_rows))
    in_sample = scores(labels, [model_label(f, model) for f in features])
    cv = cross_validate(features, labels, groups)
    cv["cv_direction_accuracy_wording_only"] = cv_direction(np.array(direction_rows), direction_groups)
    fitted = asdict(model)
    result = {
        "version": VERSION,
        "trained_by": "scripts/train_relation.py",
        "trained_on": (f"METER corpus (Clough, Gaizauskas, Piao and Wilks 2002), {Path(args.meter).name}: "
                       f"{len(items)} newspaper stories with PA copy on {len(set(groups))} catchlines, labelled "
                       f"wholly / partially / non derived; each story against its catchline's PA files joined"),
        "reuse": {"features": list(model.reuse_features), "weights": _round(fitted["reuse_weights"]),
                  "intercept": round(model.reuse_intercept, 4), "calibration": [list(p) for p in model.calibration],
                  "cut": model.reuse_cut},
        "extent": {"features": list(model.extent_features), "weights": _round(fitted["extent_weights"]),
                   "intercept": round(model.extent_intercept, 4)},
        "direction": {"inputs": ["log(A words / B words)", "quotes B cut from A minus the reverse (capped)"],
                      "length_log_odds": round(float(direction[0]), 4),
                      "cut_quote_log_odds": round(float(direction[1]), 4), "cut_quote_cap": MODEL.cut_quote_cap},
        "in_sample": {key: round(value, 4) for key, value in in_sample.items()},
        "cross_validation": {"method": f"{CV_FOLDS}-fold by catchline, mean over {CV_REPEATS} shuffles",
                             **{key: round(value, 4) for key, value in cv.items()}},
    }
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("in_sample", "cross_validation", "direction")}, indent=1))


def _round(values) -> list[float]:
    return [round(float(v), 4) for v in values]


if __name__ == "__main__":
    main()
