"""Analysis throughput: storyline's extraction against spaCy alone on the same texts, in the same run.

Texts are the bundled sample corpus, repeated to the chosen size (or, with --meter,
METER newspaper stories from ../shared). Both sides load the same model once; the
peer runs only spaCy's pipeline (``nlp(text)`` per report), storyline runs the whole
analyse stage (spaCy plus event typing, figures, times, places, actors,
statements and merging). The goal is >= 60% of spaCy-alone throughput.

    .venv/bin/python benchmarks/analysis_throughput.py [--quick] [--reports N] [--meter]
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import json
import os
import sys
import time
from pathlib import Path

from storyline.analyse.extract import analyse_article
from storyline.analyse.nlp import load_nlp
from storyline.ingest import IngestOptions, read_reports
from storyline.records import Report, text_article

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[tuple[str, dt.date | None]]:
    texts = []
    for _, result in read_reports([str(ROOT / "examples" / "corpus")], IngestOptions(follow_links=False)):
        if isinstance(result, Report):
            texts.append((result.text, result.published))
    return texts


def meter_texts() -> list[tuple[str, dt.date | None]]:
    folder = ROOT.parent / "shared" / "data" / "meter" / "newspapers" / "rawtexts"
    paths = sorted(glob.glob(str(folder / "**" / "*.txt"), recursive=True))
    if not paths:
        sys.exit(f"{folder} is absent: --meter reads METER from ../shared beside the checkout")
    return [(open(p, encoding="cp1252").read(), None) for p in paths]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="64 reports (under a minute)")
    parser.add_argument("--reports", type=int, help="number of reports to analyse")
    parser.add_argument("--meter", action="store_true", help="use METER newspaper stories from ../shared")
    args = parser.parse_args()
    count = args.reports or (64 if args.quick else 400)
    source = meter_texts() if args.meter else corpus_texts()
    texts = [source[i % len(source)] for i in range(count)]
    words = sum(len(text.split()) for text, _ in texts)

    nlp = load_nlp()
    analyse_article(text_article("warm", texts[0][0], published=texts[0][1]))  # load gazetteer and tables outside the timing

    started = time.perf_counter()
    for text, _ in texts:
        nlp(text)
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    mentions = 0
    for number, (text, published) in enumerate(texts):
        article = text_article(f"b{number}", text, published=published)
        mentions += len(analyse_article(article))
    storyline_seconds = time.perf_counter() - started

    print(f"Analysis throughput: {count} reports, {words} words ({'METER' if args.meter else 'sample corpus'}), "
          f"{os.cpu_count()} CPUs, one process\n")
    header = f"{'pipeline':<34} {'seconds':>8} {'words/s':>9} {'articles/s':>11} {'x spaCy':>8}"
    print(header)
    print("-" * len(header))
    for name, seconds in (("spaCy alone (peer)", spacy_seconds), ("storyline analyse", storyline_seconds)):
        print(f"{name:<34} {seconds:>8.2f} {words / seconds:>9.0f} {count / seconds:>11.1f} {spacy_seconds / seconds:>8.2f}")
    print(f"\n{mentions} mentions extracted.")
    figures = {
        "benchmark": "analysis_throughput", "reports": count, "words": words,
        "spacy_words_per_s": round(words / spacy_seconds, 1),
        "storyline_words_per_s": round(words / storyline_seconds, 1),
        "storyline_articles_per_s": round(count / storyline_seconds, 2),
        "fraction_of_spacy": round(spacy_seconds / storyline_seconds, 3),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
