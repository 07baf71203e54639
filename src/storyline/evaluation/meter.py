"""The ``meter`` suite: does a newspaper story reuse the Press Association copy it could have drawn on?

Reads any folder in the METER corpus layout (Clough, Gaizauskas, Piao and Wilks, 2002):

- ``file_index/<domain>/{wholly,partially,non}_derived.txt``: newspaper files and their class; each path
  starts with ``meter_corpus/``, which stands for the folder itself;
- ``newspapers/rawtexts/<domain>/<DD.MM.YY>/<catchline>/*.txt``: the newspaper stories;
- ``PA/rawtexts/<domain>/<DD.MM.YY>/<catchline>/*.txt``: the wire copy on that catchline that day
  (hard-wrapped lines, ``<`` at each paragraph's end, a header of dashes and a time/page line).

Every domain folder under ``file_index`` is read (the release has ``courts`` and ``showbiz``). A
newspaper story is compared with *all* its catchline's PA copy at once, the PA files joined in name
order: a paper may take its lead from one PA version and its quotes from another, and the class labels
say whether the story derives from the PA copy as a whole.

Both reports get the folder's date (the PA copy is dated the day of the catchline folder and the paper
prints the next morning, but nothing in the files says so: same-day is what a pipeline would see) and
no outlet, so the direction must come from the text: the PA byline ("By Jane Roe, PA News") and which
report holds the other. Reported: ``n``, binary (derived vs non-derived) and ternary (wholly / partially /
non) macro-F1 with per-class F1, and ``direction_accuracy`` over the pairs predicted derived (the PA copy
is always the source).

The relation model (``storyline/link/data/relation_model.json``) was trained on METER courts by
``scripts/train_relation.py``, so the plain scores on that folder are in-sample. ``cv_binary_macro_f1``
and ``cv_ternary_macro_f1`` are honest: the reuse weights, their calibration, the cut and the extent
weights are refitted on four fifths of the catchlines (court cases) and applied to the fifth, so no
case's stories sit in both; the mean over :data:`CV_REPEATS` shuffles of the folds. The direction
weights stay fixed there (they do not change a story's class).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from storyline.ingest.decoding import decode_text
from storyline.ingest.identity import clean_text
from storyline.link.relation import (
    DUPLICATE_CONTAINMENT,
    MODEL,
    REUSE_RELATIONS,
    PairFeatures,
    RelationModel,
    classify_pair,
    derivation_extent,
    model_inputs,
    pair_features,
    reuse_probability,
)
from storyline.records import Article, text_article

CLASSES = ("wholly", "partially", "non")
_INDEX_FILES = {"wholly": "wholly_derived.txt", "partially": "partially_derived.txt", "non": "non_derived.txt"}
_WIRE_RULE = re.compile(r"^\s*-{5,}\s*$")
_WIRE_SLUG = re.compile(r"^\s*\d{1,2}:\d{2} \d{2}/\d{2}/\d{2}: Page\b")
_PARAGRAPH_END = re.compile(r"<[ \t]*(?:\n|$)")


@dataclass(frozen=True, slots=True)
class MeterItem:
    """One labelled newspaper story and the PA copy on its catchline."""

    domain: str
    date: dt.date | None
    catchline: str
    newspaper: Path
    label: str
    sources: tuple[Path, ...]


def read_text(path: Path) -> str:
    """A METER file as the pipeline stores text (decoded from Latin-1 / Windows-1252, cleaned)."""
    return clean_text(decode_text(path.read_bytes(), str(path))[0])


def wire_text(raw: str) -> str:
    """PA copy without its header (rules of dashes, the time/page slug) and with its paragraphs unwrapped."""
    lines = [line.rstrip() for line in raw.splitlines() if not (_WIRE_RULE.match(line) or _WIRE_SLUG.match(line))]
    paragraphs = (re.sub(r"\s*\n\s*", " ", p).strip() for p in _PARAGRAPH_END.split("\n".join(lines).strip()))
    return "\n\n".join(p for p in paragraphs if p)


def folder_date(name: str) -> dt.date | None:
    """``DD.MM.YY`` (METER's day folders) as a date; None for any other name."""
    match = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{2})", name)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(1900 + year if year >= 50 else 2000 + year, month, day)
    except ValueError:
        return None


def meter_items(meter_dir: str | Path) -> list[MeterItem]:
    """Every labelled newspaper story under ``meter_dir``, in index order; FileNotFoundError without an index."""
    root = Path(meter_dir)
    domains = sorted(p for p in (root / "file_index").glob("*") if p.is_dir())
    items: list[MeterItem] = []
    for domain_dir in domains:
        for label, index_name in _INDEX_FILES.items():
            index = domain_dir / index_name
            if not index.exists():
                continue
            for line in index.read_text(encoding="latin-1").split():
                relative = Path(*Path(line).parts[1:]) if Path(line).parts[0] == "meter_corpus" else Path(line)
                newspaper = root / relative
                date_name, catchline = newspaper.parent.parent.name, newspaper.parent.name
                pa_folder = root / "PA" / "rawtexts" / domain_dir.name / date_name / catchline
                sources = tuple(sorted(pa_folder.glob("*.txt"))) if pa_folder.is_dir() else ()
                items.append(MeterItem(domain_dir.name, folder_date(date_name), catchline, newspaper, label, sources))
    if not items:
        raise FileNotFoundError(f"{root}: no file_index/<domain>/*_derived.txt lists; is this a METER folder?")
    return items


def _article(article_id: str, text: str, published: dt.date | None, source: str) -> Article:
    return text_article(article_id, text, published=published, source=source)


def meter_pair(item: MeterItem) -> tuple[Article, Article]:
    """``(PA copy joined, newspaper story)`` as the Articles :func:`classify_pair` sees."""
    wire = "\n\n".join(wire_text(read_text(path)) for path in item.sources)
    pa_id = f"PA/{item.domain}/{item.newspaper.parent.parent.name}/{item.catchline}"
    return (_article(pa_id, wire, item.date, pa_id),
            _article(item.newspaper.name, read_text(item.newspaper), item.date, str(item.newspaper)))


def predict(item: MeterItem, features: PairFeatures | None = None) -> tuple[str, str | None]:
    """``(ternary class, id of the report chosen as source or None)`` for one story.

    ``features`` are those of (joined PA copy, story), computed when not given."""
    if not item.sources:
        return "non", None  # nothing to derive from
    pa, paper = meter_pair(item)
    features = features or pair_features(pa.text, paper.text)
    link = classify_pair(pa, paper, features)
    if link.relation not in REUSE_RELATIONS:
        return "non", None
    derived_side = features if link.derived_id == paper.id else features.swapped()
    return derivation_extent(derived_side), link.source_id if link.relation != "common_source" else None


def _f1(gold: list[str], predicted: list[str], label: str) -> float:
    tp = sum(g == label and p == label for g, p in zip(gold, predicted))
    fp = sum(g != label and p == label for g, p in zip(gold, predicted))
    fn = sum(g == label and p != label for g, p in zip(gold, predicted))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _macro(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> float:
    # A class that is neither in the gold labels nor predicted (a small folder without partially
    # derived stories) has no F1 and does not count.
    present = [label for label in labels if label in gold or label in predicted]
    return sum(_f1(gold, predicted, label) for label in present) / len(present) if present else 0.0


def scores(gold: list[str], predicted: list[str]) -> dict:
    """Binary and ternary macro-F1 and per-class F1 of ternary labels (wholly / partially / non)."""
    gold_binary = ["derived" if label != "non" else "non" for label in gold]
    predicted_binary = ["derived" if label != "non" else "non" for label in predicted]
    result = {f"f1_{label}": _f1(gold, predicted, label) for label in CLASSES}
    result["f1_derived"] = _f1(gold_binary, predicted_binary, "derived")
    result["f1_non_derived"] = _f1(gold_binary, predicted_binary, "non")
    result["binary_macro_f1"] = _macro(gold_binary, predicted_binary, ("derived", "non"))
    result["ternary_macro_f1"] = _macro(gold, predicted, CLASSES)
    return result


# -- training and cross-validation of the relation model -----------------------------------------

CV_FOLDS = 5
CV_REPEATS = 5
L2 = 1.0
_CUT_GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)
# Calibrated probabilities stay inside these bounds: a few hundred stories cannot show certainty.
_PROBABILITY_BOUNDS = (0.01, 0.99)


def catchline_group(item: MeterItem) -> str:
    """The court case a story is about (its day and catchline): the unit kept whole in cross-validation."""
    return f"{item.domain}/{item.newspaper.parent.parent.name}/{item.catchline}"


def fit_logistic(x: np.ndarray, y: np.ndarray, *, intercept: bool = True, balanced: bool = True) -> np.ndarray:
    """Weights (intercept last when asked) of an L2-regularised logistic regression, by L-BFGS."""
    z = np.hstack([x, np.ones((len(x), 1))]) if intercept else x
    positives, negatives = max(y.sum(), 1), max((1 - y).sum(), 1)
    weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * negatives)) if balanced else np.ones(len(y))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1 / (1 + np.exp(-(z @ w)))
        penalty = w.copy()
        if intercept:
            penalty[-1] = 0.0
        value = -(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))).sum() / len(y)
        gradient = z.T @ (weight * (p - y)) / len(y)
        return value + L2 * (penalty ** 2).sum() / len(y), gradient + 2 * L2 * penalty / len(y)

    return minimize(loss, np.zeros(z.shape[1]), jac=True, method="L-BFGS-B").x


def isotonic_points(scores: np.ndarray, y: np.ndarray) -> list[tuple[float, float]]:
    """(mean score, share positive) of each block of a monotone (pool-adjacent-violators) fit of y on scores."""
    order = np.argsort(scores, kind="stable")
    blocks: list[list[float]] = []  # [sum of scores, sum of y, count]
    for score, label in zip(scores[order], y[order]):
        blocks.append([float(score), float(label), 1.0])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], blocks[-1][2] + last[2]]
    low, high = _PROBABILITY_BOUNDS
    return [(round(total / n, 4), round(min(max(hits / n, low), high), 4)) for total, hits, n in blocks]


def _binary_macro_f1(derived: np.ndarray, claimed: np.ndarray) -> float:
    return scores(list(np.where(derived, "wholly", "non")), list(np.where(claimed, "wholly", "non")))["binary_macro_f1"]


def fit_relation_model(features: list[PairFeatures], labels: list[str], base: RelationModel = MODEL) -> RelationModel:
    """``base`` with its reuse weights, calibration and cut and its extent weights fitted on these stories.

    ``features`` are (PA copy, story) features and ``labels`` the ternary classes. Reuse: a class-balanced
    logistic regression of derived vs not; its scores are calibrated to the share of derived stories
    (isotonic); the cut is the calibrated probability with the best binary macro-F1 here (the middle one
    of ties). Extent: a class-balanced logistic regression of wholly vs partially among derived stories.
    """
    y = np.array([label != "non" for label in labels], dtype=float)
    x = np.array([model_inputs(f, base.reuse_features) for f in features])
    reuse = fit_logistic(x, y)
    model = replace(base, reuse_weights=tuple(float(w) for w in reuse[:-1]), reuse_intercept=float(reuse[-1]))
    raw = x @ reuse[:-1] + reuse[-1]
    model = replace(model, calibration=tuple(isotonic_points(raw, y)))
    probability = np.array([max(reuse_probability(f, model), reuse_probability(f.swapped(), model)) for f in features])
    duplicate = np.array([min(f.b_in_a3, f.a_in_b3) >= DUPLICATE_CONTAINMENT for f in features])
    f1 = np.array([_binary_macro_f1(y == 1, duplicate | (probability >= cut)) for cut in _CUT_GRID])
    best = np.flatnonzero(f1 == f1.max())
    model = replace(model, reuse_cut=float(_CUT_GRID[best[len(best) // 2]]))
    derived = y == 1
    ex = np.array([model_inputs(f, base.extent_features) for f, d in zip(features, derived) if d])
    wholly = np.array([label == "wholly" for label, d in zip(labels, derived) if d], dtype=float)
    extent = fit_logistic(ex, wholly)
    return replace(model, extent_weights=tuple(float(w) for w in extent[:-1]), extent_intercept=float(extent[-1]))


def model_label(features: PairFeatures, model: RelationModel) -> str:
    """The ternary class :func:`classify_pair` with ``model`` gives a story (B) against its PA copy (A)."""
    duplicate = min(features.b_in_a3, features.a_in_b3) >= DUPLICATE_CONTAINMENT
    p_reuse = max(reuse_probability(features, model), reuse_probability(features.swapped(), model))
    if not duplicate and p_reuse < model.reuse_cut:
        return "non"
    return derivation_extent(features, model)


def cross_validate(features: list[PairFeatures], labels: list[str], groups: list[str],
                   folds: int = CV_FOLDS, repeats: int = CV_REPEATS) -> dict:
    """Mean binary and ternary macro-F1 (and per-class F1) of :func:`fit_relation_model` over folds by group."""
    unique = sorted(set(groups))
    runs = []
    for repeat in range(repeats):
        order = np.random.default_rng(repeat).permutation(len(unique))
        fold_of = {unique[i]: k % folds for k, i in enumerate(order)}
        fold = np.array([fold_of[g] for g in groups])
        predicted = [""] * len(labels)
        for k in range(folds):
            train = np.flatnonzero(fold != k)
            model = fit_relation_model([features[i] for i in train], [labels[i] for i in train])
            for i in np.flatnonzero(fold == k):
                predicted[i] = model_label(features[i], model)
        runs.append(scores(labels, predicted))
    return {f"cv_{key}": float(np.mean([run[key] for run in runs])) for key in runs[0]}


def evaluate_meter(meter_dir: str) -> dict:
    """Scores of :func:`classify_pair` on a METER-layout folder, with cross-validated ones (module docstring)."""
    items = meter_items(meter_dir)
    gold, predicted, directed, correct = [], [], 0, 0
    cv_features, cv_labels, cv_groups = [], [], []
    for item in items:
        features = None
        if item.sources:
            pa, paper = meter_pair(item)
            features = pair_features(pa.text, paper.text)
            cv_features.append(features)
            cv_labels.append(item.label)
            cv_groups.append(catchline_group(item))
        label, source_id = predict(item, features)
        gold.append(item.label)
        predicted.append(label)
        if label != "non" and source_id is not None:
            directed += 1
            correct += source_id.startswith("PA/")
    cv = cross_validate(cv_features, cv_labels, cv_groups) if len(set(cv_groups)) >= CV_FOLDS else {}
    return {"n": len(items), "no_source": sum(not item.sources for item in items),
            **scores(gold, predicted),
            "direction_accuracy": correct / directed if directed else 0.0, "directed": directed,
            **{key: cv[key] for key in ("cv_binary_macro_f1", "cv_ternary_macro_f1") if key in cv}}
