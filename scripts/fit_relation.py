"""Fit the few numbers of storyline.link.relation on the METER corpus and cross-validate them.

Usage::

    python scripts/fit_relation.py [../shared/data/meter]

What is fitted (printed as Python constants to paste into relation.py):

- ``REUSE_INTERCEPT`` / ``REUSE_WEIGHTS``: a class-balanced logistic regression of
  "derived (wholly or partially) vs non-derived" on three features of the newspaper story
  in its catchline's PA copy: content-word containment, 3-gram containment, share of unseen
  sentences; the intercept is then shifted so that probability 0.5 is the cut with the best
  binary macro-F1 on the training stories;
- ``EXTENT_INTERCEPT`` / ``EXTENT_WEIGHTS``: a logistic regression of "wholly vs partially"
  among derived stories on (share of new material, content-word containment, log word count);
- ``LENGTH_LOG_ODDS``: a logistic regression without intercept of "A is the source" on the log
  length ratio log(A words / B words), fitted on each derived
  story against its single best-matching PA file, in both orders (pairwise, as the pipeline
  compares reports; the joined PA copy would make the length cue look stronger than it is).

Scores are 5-fold cross-validated with folds by catchline (stories on one court case never
straddle training and test), repeated over 5 shuffles; the PA byline cue is left out of the
cross-validated direction score so that it measures the wording alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.evaluation.meter import meter_items, meter_pair, read_text, scores, wire_text  # noqa: E402
from storyline.link.relation import REUSE_MIN_CONTAINMENT3, pair_features  # noqa: E402

FOLDS = 5
REPEATS = 5
L2 = 1.0


def fit_logistic(x: np.ndarray, y: np.ndarray, intercept: bool = True, balanced: bool = True) -> np.ndarray:
    """Weights (intercept last when asked) of an L2-regularised logistic regression, by L-BFGS."""
    z = np.hstack([x, np.ones((len(x), 1))]) if intercept else x
    weight = np.where(y == 1, len(y) / (2 * max(y.sum(), 1)), len(y) / (2 * max((1 - y).sum(), 1))) if balanced \
        else np.ones(len(y))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-(z @ w)))
        penalty = w.copy()
        if intercept:
            penalty[-1] = 0.0
        value = -(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() / len(y)
        gradient = z.T @ (weight * (p - y)) / len(y)
        return value + L2 * (penalty ** 2).sum() / len(y), gradient + 2 * L2 * penalty / len(y)

    return minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x


def predict_logistic(w: np.ndarray, x: np.ndarray, intercept: bool = True) -> np.ndarray:
    z = np.hstack([x, np.ones((len(x), 1))]) if intercept else x
    return 1 / (1 + np.exp(-(z @ w)))


def binary_macro_f1(derived: np.ndarray, predicted: np.ndarray) -> float:
    f1 = []
    for positive in (True, False):
        tp = np.sum((predicted == positive) & (derived == positive))
        f1.append(2 * tp / max(np.sum(predicted == positive) + np.sum(derived == positive), 1))
    return float(np.mean(f1))


def collect(meter_dir: str) -> dict:
    items = [item for item in meter_items(meter_dir) if item.sources]
    reuse, extent, labels, groups, direction, direction_groups = [], [], [], [], [], []
    for item in items:
        pa, paper = meter_pair(item)
        f = pair_features(pa.text, paper.text)
        reuse.append((f.b_in_a1, f.b_in_a3, f.b_unseen))
        extent.append((f.b_new, f.b_in_a1, np.log1p(f.b_words)))
        labels.append(item.label)
        groups.append(f"{item.domain}/{item.date}/{item.catchline}")
        if item.label != "non":  # direction: the story against its best-matching single PA file
            candidates = [pair_features(wire_text(read_text(path)), paper.text) for path in item.sources]
            best = max(candidates, key=lambda c: c.b_in_a3)
            direction.append((np.log(max(best.a_words, 1) / max(best.b_words, 1)),))
            direction_groups.append(groups[-1])
    return {"x": np.array(reuse), "extent": np.array(extent), "labels": np.array(labels),
            "groups": np.array(groups), "direction": np.array(direction),
            "direction_groups": np.array(direction_groups)}


def fit(data: dict) -> dict:
    x, labels = data["x"], data["labels"]
    derived = labels != "non"
    reuse = fit_logistic(x, derived.astype(float))
    probability = predict_logistic(reuse, x)
    cut = max(np.linspace(0.2, 0.8, 61), key=lambda c: binary_macro_f1(derived, probability >= c))
    reuse[-1] -= np.log(cut / (1 - cut))  # probability 0.5 now falls at the cut
    extent = fit_logistic(data["extent"][derived], (labels[derived] == "wholly").astype(float))
    d = data["direction"]
    direction = fit_logistic(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))], intercept=False,
                             balanced=False)
    return {"reuse": reuse, "extent": extent, "direction": direction}


def predict(model: dict, x: np.ndarray, extent: np.ndarray) -> np.ndarray:
    derived = (predict_logistic(model["reuse"], x) >= 0.5) & (x[:, 1] >= REUSE_MIN_CONTAINMENT3)
    wholly = predict_logistic(model["extent"], extent) >= 0.5
    return np.where(derived, np.where(wholly, "wholly", "partially"), "non")


def cross_validate(data: dict) -> dict:
    runs = []
    unique_groups = sorted(set(data["groups"]))
    for repeat in range(REPEATS):
        order = np.random.default_rng(repeat).permutation(len(unique_groups))
        fold_of = {unique_groups[i]: k % FOLDS for k, i in enumerate(order)}
        folds = np.array([fold_of[g] for g in data["groups"]])
        direction_folds = np.array([fold_of[g] for g in data["direction_groups"]])
        predicted = np.empty(len(folds), dtype=object)
        direction_right = 0
        for k in range(FOLDS):
            train = {key: data[key][folds != k] for key in ("x", "extent", "labels", "groups")}
            train["direction"] = data["direction"][direction_folds != k]
            model = fit(train)
            predicted[folds == k] = predict(model, data["x"][folds == k], data["extent"][folds == k])
            test_direction = data["direction"][direction_folds == k]
            direction_right += int(np.sum(test_direction @ model["direction"] > 0))
        result = scores(list(data["labels"]), list(predicted))
        result["direction_accuracy_text_only_pairwise"] = direction_right / len(data["direction"])
        runs.append(result)
    return {key: (float(np.mean([r[key] for r in runs])), float(np.std([r[key] for r in runs]))) for key in runs[0]}


def main() -> None:
    meter_dir = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "data" / "meter")
    data = collect(meter_dir)
    print(f"{len(data['labels'])} stories with PA copy, {len(data['direction'])} derived for direction")
    model = fit(data)
    print("# paste into src/storyline/link/relation.py")
    print(f"REUSE_WEIGHTS = ({', '.join(f'{w:.3f}' for w in model['reuse'][:3])})")
    print(f"REUSE_INTERCEPT = {model['reuse'][3]:.3f}")
    print(f"EXTENT_WEIGHTS = ({', '.join(f'{w:.3f}' for w in model['extent'][:3])})")
    print(f"EXTENT_INTERCEPT = {model['extent'][3]:.3f}")
    print(f"LENGTH_LOG_ODDS = {model['direction'][0]:.3f}")
    print(f"# in-sample: {scores(list(data['labels']), list(predict(model, data['x'], data['extent'])))}")
    print(f"# {FOLDS}-fold cross-validation by catchline, mean (sd) over {REPEATS} shuffles:")
    for key, (mean, sd) in cross_validate(data).items():
        print(f"#   {key}: {mean:.3f} ({sd:.3f})")


if __name__ == "__main__":
    main()
