"""End-to-end throughput of `storyline run` (ingest, analyse, link, fuse) next to spaCy alone on the same texts.

Reports are generated from the bundled sample corpus: each copy gets other figures,
another date and a closing line of its own, so that the linker finds rewrites and
independent reports as in a real stream and fusion has events to merge. Both sides
load the same spaCy model once; the peer only parses each text (``nlp(text)``). The
store is a fresh SQLite file; the run goes through ``storyline.pipeline.run``, the
function the command calls.

    .venv/bin/python benchmarks/run_throughput.py [--quick] [--reports N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

from storyline.analyse.nlp import load_nlp
from storyline.ingest import IngestOptions, read_reports
from storyline.records import Report

ROOT = Path(__file__).resolve().parents[1]
_NUMBER = re.compile(r"\b\d{1,3}\b")


def generate(folder: Path, count: int, seed: int = 11) -> list[str]:
    """Write ``count`` dated text reports made from the sample corpus; return their texts."""
    rng = random.Random(seed)
    base = [r for _, r in read_reports([str(ROOT / "examples" / "corpus")], IngestOptions(follow_links=False))
            if isinstance(r, Report)]
    texts = []
    for number in range(count):
        source = base[number % len(base)]
        text = _NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-2, 2))), source.text)
        text += f"\n\nThis report was filed by correspondent number {number} of the benchmark desk."
        day = (source.published or dt.date(2026, 3, 1)) + dt.timedelta(days=(number // len(base)) * 9)
        (folder / f"report-{number:05d}.txt").write_text(f"date {day.isoformat()}\n{text}\n", encoding="utf-8")
        texts.append(text)
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="80 reports (under a minute)")
    parser.add_argument("--reports", type=int, help="number of reports (default 2000)")
    args = parser.parse_args()
    count = args.reports or (80 if args.quick else 2000)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    from storyline.pipeline import run
    from storyline.store import open_store

    with tempfile.TemporaryDirectory(prefix="storyline-run-bench-") as work:
        folder = Path(work) / "reports"
        folder.mkdir()
        texts = generate(folder, count)
        words = sum(len(t.split()) for t in texts)
        nlp = load_nlp()
        nlp("warm up the model")
        started = time.perf_counter()
        for text in texts:
            nlp(text)
        spacy_seconds = time.perf_counter() - started

        stages: dict[str, float] = {}
        marks = [("start", time.perf_counter())]

        def on_stage(stage: str) -> None:
            marks.append((stage, time.perf_counter()))

        with open_store(f"sqlite:///{work}/bench.db") as store:
            started = time.perf_counter()
            summary = run(store, [str(folder)], IngestOptions(follow_links=False), on_stage=on_stage)
            run_seconds = time.perf_counter() - started
            marks.append(("end", time.perf_counter()))
            for (stage, at), (_, until) in zip(marks[1:], marks[2:]):
                stages[stage] = until - at
            events = summary.update.fused.events

    print(f"storyline run: {count} generated reports, {words} words, SQLite, {os.cpu_count()} CPUs, one process\n")
    header = f"{'pipeline':<34} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'x spaCy':>8}"
    print(header)
    print("-" * len(header))
    for name, seconds in (("spaCy alone (peer)", spacy_seconds), ("storyline run (all stages)", run_seconds)):
        print(f"{name:<34} {seconds:>8.2f} {count / seconds:>11.1f} {words / seconds:>9.0f} {spacy_seconds / seconds:>8.2f}")
    print()
    for stage, seconds in stages.items():
        print(f"  {stage:<32} {seconds:>8.2f} s  ({seconds / run_seconds:.0%} of the run)")
    print(f"\n{events} events fused; {summary.update.linked.stories} stories; "
          f"{sum(summary.update.linked.links.values())} links.")
    figures = {
        "benchmark": "run_throughput", "reports": count, "words": words,
        "spacy_articles_per_s": round(count / spacy_seconds, 2),
        "run_articles_per_s": round(count / run_seconds, 2),
        "fraction_of_spacy": round(spacy_seconds / run_seconds, 3),
        "stage_seconds": {k: round(v, 2) for k, v in stages.items()}, "events": events,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
