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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from storyline.ingest.decoding import decode_text
from storyline.ingest.identity import clean_text
from storyline.link.relation import REUSE_RELATIONS, classify_pair, derivation_extent, pair_features
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


def predict(item: MeterItem) -> tuple[str, str | None]:
    """``(ternary class, id of the report chosen as source or None)`` for one story."""
    if not item.sources:
        return "non", None  # nothing to derive from
    pa, paper = meter_pair(item)
    features = pair_features(pa.text, paper.text)
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


def evaluate_meter(meter_dir: str) -> dict:
    """Scores of :func:`classify_pair` on a METER-layout folder (see the module docstring)."""
    items = meter_items(meter_dir)
    gold, predicted, directed, correct = [], [], 0, 0
    for item in items:
        label, source_id = predict(item)
        gold.append(item.label)
        predicted.append(label)
        if label != "non" and source_id is not None:
            directed += 1
            correct += source_id.startswith("PA/")
    return {"n": len(items), "no_source": sum(not item.sources for item in items),
            **scores(gold, predicted),
            "direction_accuracy": correct / directed if directed else 0.0, "directed": directed}
