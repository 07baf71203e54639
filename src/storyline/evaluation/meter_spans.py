"""Passage-alignment quality on the METER corpus: verbatim / rewrite / new labels of newspaper words.

METER's annotated newspaper files (``newspapers/annotated/courts/DATE/CATCHLINE/*.sgml``) mark
each stretch of a story as ``<Verbatim>``, ``<Rewrite>`` or ``<New>`` with respect to the Press
Association (PA) copy on the same date and catchline (``PA/rawtexts/courts/DATE/CATCHLINE/*.txt``).
Files marked ``<unclassified>`` carry no span labels and are skipped (and counted).

Each newspaper text (report B) is aligned to its PA texts joined in file-name order (report A)
with :func:`storyline.link.align.align_reports` and the copied passages the linker stores with a
link (``passages=True``: runs inside rewritten and new sentences); every word of B takes the kind
of the innermost alignment covering it. Scores are word-level precision, recall
and F1 per kind and their macro average ``span_f1``.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from storyline.ingest.decoding import decode_text
from storyline.link.align import MIN_VERBATIM_WORDS, align_reports
from storyline.link.similarity import WORD

KINDS = ("verbatim", "rewrite", "new")
_TAG = re.compile(r"<(/?)(verbatim|rewrite|new|unclassified)\b[^>]*>", re.IGNORECASE)
_BODY = re.compile(r"<body>(.*)</body>", re.IGNORECASE | re.DOTALL)

# PA wire copy: ruled lines, a slug line (a time, a date, a page and a catchline, such as "09:15 03/02/00: Page 1 (XYZ) COURTS Harbour"), paragraphs
# ending in "<", lines wrapped inside paragraphs, `` and '' for quotes, and operator marks such as "end".
_RULE = re.compile(r"^\s*-{5,}\s*$")
_SLUG = re.compile(r"^\s*\d{1,2}:\d{2} \d{2}/\d{2}/\d{2}: Page")
_MARK = re.compile(r"^\s*(end|ends|more|mfl|mf|\(reopens\)|\(corrects\))\s*<?\s*$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _read(path: Path) -> str:
    text, _ = decode_text(path.read_bytes(), str(path))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def pa_text(raw: str) -> str:
    """PA wire copy as a report: one paragraph per line, plain double quotes, no wire furniture."""
    paragraphs, current = [], []
    for line in _CONTROL.sub("", raw).split("\n"):
        if _RULE.match(line) or _SLUG.match(line) or _MARK.match(line):
            continue
        stripped = line.strip()
        if not stripped:
            continue
        ends = stripped.endswith("<")
        current.append(stripped.rstrip("<").strip())
        if ends:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(p for p in paragraphs if p).replace("``", '"').replace("''", '"')


def newspaper_labels(sgml: str) -> tuple[str, list[str | None]] | None:
    """The body text of an annotated newspaper file and each character's gold kind (None outside tags).

    Each labelled stretch sits on a line of its own in the file; the text is the stretches joined
    (the line breaks between tags are layout). None when the file is ``<unclassified>`` or has no body.
    """
    body = _BODY.search(sgml)
    if body is None:
        return None
    content = body.group(1)
    parts: list[str] = []
    labels: list[str | None] = []
    current, position = None, 0
    for tag in [*_TAG.finditer(content), None]:
        piece = content[position:tag.start() if tag else len(content)]
        if current is not None or piece.strip():
            if parts and parts[-1][-1:].isalnum() and piece[:1].isalnum():
                parts.append(" ")  # a space the annotation lost between two stretches: "last" + "April"
                labels.append(None)
            parts.append(piece)
            labels.extend([current] * len(piece))
        if tag is None:
            break
        if tag.group(2).lower() == "unclassified":
            return None
        current = None if tag.group(1) else tag.group(2).lower()
        position = tag.end()
    if not any(labels):
        return None
    return "".join(parts), labels


def predicted_labels(text_a: str, text_b: str, passage_words: int = MIN_VERBATIM_WORDS) -> list[str]:
    """Each character of B labelled by the innermost alignment covering it ("new" where none does).

    The alignments are the ones the linker stores with a link (``align_reports(..., passages=True)``);
    ``passage_words`` can change the shortest run marked inside a rewritten sentence.
    """
    labels = ["new"] * len(text_b)
    alignments = align_reports(text_a, text_b, passages=True, passage_words=passage_words)
    alignments = [a for a in alignments if a.b_start is not None]
    # Wider spans first, so nested verbatim passages overwrite their sentence's label.
    for alignment in sorted(alignments, key=lambda a: a.b_start - a.b_end):
        labels[alignment.b_start:alignment.b_end] = [alignment.kind] * (alignment.b_end - alignment.b_start)
    return labels


def _scores(pairs: Counter, gold: Counter, predicted: Counter) -> dict:
    out = {}
    for kind in KINDS:
        tp = pairs[(kind, kind)]
        precision = tp / predicted[kind] if predicted[kind] else 0.0
        recall = tp / gold[kind] if gold[kind] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[kind] = {"precision": precision, "recall": recall, "f1": f1, "support": gold[kind]}
    return out


def evaluate_meter_spans(meter_dir: str | Path, passage_words: int = MIN_VERBATIM_WORDS) -> dict:
    """Word-level F1 of verbatim / rewrite / new labels against METER's annotated court stories.

    ``meter_dir`` is the METER folder (with ``newspapers/annotated/courts`` and ``PA/rawtexts/courts``).
    ``passage_words`` is the shortest copied run marked verbatim inside a rewritten sentence (METER's
    annotators marked single copied words too; 1 follows them, the default is what Storyline shows).
    Returns ``span_f1`` (macro), ``{kind}_f1``, ``accuracy``, the counts of files scored, skipped as
    unclassified and skipped for lack of PA copy, and each kind's precision and recall. Raises FileNotFoundError
    when the annotated folder is missing.
    """
    root = Path(meter_dir)
    annotated = root / "newspapers" / "annotated" / "courts"
    if not annotated.is_dir():
        raise FileNotFoundError(f"{annotated}: no METER annotated newspaper folder here")
    pairs: Counter = Counter()
    gold_counts: Counter = Counter()
    predicted_counts: Counter = Counter()
    scored = unclassified = no_source = 0
    started = time.perf_counter()
    for path in sorted(annotated.rglob("*.sgml")):
        labelled = newspaper_labels(_read(path))
        if labelled is None:
            unclassified += 1
            continue
        catchline = path.parent.relative_to(annotated)
        sources = sorted((root / "PA" / "rawtexts" / "courts" / catchline).glob("*.txt"))
        if not sources:
            no_source += 1
            continue
        text_b, gold = labelled
        text_a = "\n".join(pa_text(_read(source)) for source in sources)
        predicted = predicted_labels(text_a, text_b, passage_words)
        for word in WORD.finditer(text_b):
            truth = gold[word.start()]
            if truth is None:
                continue
            guess = predicted[word.start()]
            pairs[(truth, guess)] += 1
            gold_counts[truth] += 1
            predicted_counts[guess] += 1
        scored += 1
    per_kind = _scores(pairs, gold_counts, predicted_counts)
    total = sum(gold_counts.values())
    return {
        "span_f1": sum(per_kind[k]["f1"] for k in KINDS) / len(KINDS),
        **{f"{kind}_f1": per_kind[kind]["f1"] for kind in KINDS},
        "accuracy": sum(pairs[(k, k)] for k in KINDS) / total if total else 0.0,
        "words": total,
        "files": scored,
        "skipped_unclassified": unclassified,
        "skipped_no_source": no_source,
        "seconds": time.perf_counter() - started,
        **{f"{kind}_{name}": per_kind[kind][name] for kind in KINDS for name in ("precision", "recall")},
    }
