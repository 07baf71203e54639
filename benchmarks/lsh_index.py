"""Candidate generation for rewrites: Storyline's MinHash + LSH index against datasketch's, same run.

Synthetic reports (Zipf-distributed words from a 50,000-word vocabulary, 150-300 words each) with
planted rewrites: groups of a report and 1-4 copies with 5-20% of the words changed in 1-3
contiguous edits (substituted, moved, deleted or inserted spans: Jaccard of 5-shingles 0.5-0.87
for 90% of the pairs, 79% of them >= 0.6; pairs between two copies included), reports that quote
a 20-35% passage of an earlier one (Jaccard 0.08-0.18: related, not rewrites) and unrelated
reports. Storyline's `shingles` runs ONCE per report; both sides get the
very same shingle hashes: Storyline's `MinHasher` + `LSHIndex`, and datasketch's
`MinHash.bulk(..., hashfunc=identity)` (its batch path: no per-shingle `update` calls, no SHA-1,
default "affine32" scheme) + `MinHashLSH` filled through an insertion session without duplicate
checks (its fastest path; Storyline's `add` does check). Both index at threshold 0.5 with 128
permutations, and both derive 25 bands x 5 rows from that.

Measured per side: signature and index-build throughput, single-query throughput (10,000 queries
of indexed reports), recall of the planted rewrite pairs whose exact Jaccard is >= 0.6 (the pairs
we want found), candidate pairs (with exact Jaccard < 0.3: pairs that are not rewrites; a
precision proxy) and memory per indexed report (tracemalloc: what the index retains, key strings
included, and the peak while building it from signatures). Rates are per CPU second of this
process (time.process_time): the machine may be shared, and both sides run single-threaded. The
last line is one JSON object.

    .venv/bin/python benchmarks/lsh_index.py --quick        # 20,000 reports, under a minute
    .venv/bin/python benchmarks/lsh_index.py                # 100,000 and 1,000,000 (~6 min, 4.5 GB)
    .venv/bin/python benchmarks/lsh_index.py --reports 250000 --peer-limit 250000

With more reports than --peer-limit (default 200,000), datasketch and the textbook "kperm" scheme
run on the first --peer-limit reports only (a self-contained prefix: groups are generated in
order) and their rows say so: throughputs are per report and barely depend on the index size,
recall is over the planted pairs inside that prefix, candidate counts are scaled to the full size
and marked "~", memory is measured on that prefix.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
import tracemalloc
from dataclasses import dataclass, field

import numpy as np

from storyline.link.lsh import LSHIndex
from storyline.link.minhash import MinHasher, shingles

THRESHOLD, NUM_PERM, SIMILAR = 0.5, 128, 0.6
QUERIES = 10_000
INCREMENT = 1_000  # batch size of the incremental-indexing measurement (on at most 200,000 reports)


class Stopwatch:
    """CPU seconds of a block, with the garbage collector paused as `timeit` does, for both sides.

    CPU time of this process, not wall-clock time: on a shared machine the wall clock measures
    the neighbours too, and both sides run single-threaded.
    """

    def __enter__(self) -> Stopwatch:
        gc.collect()
        gc.disable()
        self.started = time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.process_time() - self.started
        gc.enable()


# --- the synthetic corpus ---------------------------------------------------------------------

@dataclass
class Corpus:
    keys: list[str]
    sets: list[np.ndarray]  # shingle hashes per report
    rewrite_pairs: dict[tuple[int, int], float] = field(default_factory=dict)  # planted, -> exact J
    quote_pairs: dict[tuple[int, int], float] = field(default_factory=dict)
    shingle_seconds: float = 0.0


def vocabulary(rng: np.random.Generator, size: int) -> list[str]:
    syllables = ("ka ri to men sa lo vi de nu ra po li ta ne mo su ki ba gor ost an el in ur "
                 "brü çe şa ño lé żu øy ão ji tr st pl").split()
    words: set[str] = set()
    while len(words) < size:
        parts = rng.integers(0, len(syllables), (size, 4))
        lengths = rng.integers(1, 5, size)
        words.update("".join(syllables[p] for p in row[:n]) for row, n in zip(parts.tolist(), lengths.tolist()))
    return sorted(words)[:size]


class WordStream:
    """Zipf(1.05)-distributed word ids, drawn in large blocks (one rng.choice per report is slow)."""

    def __init__(self, rng: np.random.Generator, vocabulary_size: int) -> None:
        self.rng = rng
        weights = 1.0 / np.arange(1, vocabulary_size + 1) ** 1.05
        self.cdf = np.cumsum(weights) / weights.sum()
        self.block, self.used = np.empty(0, dtype=np.int32), 0

    def take(self, count: int) -> np.ndarray:
        if self.used + count > self.block.size:
            self.block = np.searchsorted(self.cdf, self.rng.random(1 << 22)).astype(np.int32)
            self.used = 0
        self.used += count
        return self.block[self.used - count:self.used]


def rewritten(rng: np.random.Generator, words: WordStream, report: np.ndarray) -> np.ndarray:
    """A copy of `report` with 5-20% of its words changed in 1-3 contiguous edits."""
    budget = max(1, int(report.size * rng.uniform(0.05, 0.20)))
    edits = int(rng.integers(1, 4))
    sizes = np.maximum(1, np.diff(np.sort(np.concatenate(([0, budget], rng.integers(0, budget, edits - 1))))))
    out = report
    for size in sizes.tolist():
        start = int(rng.integers(0, out.size - size))
        kind = rng.random()
        if kind < 0.5:  # a rewritten span
            out = np.concatenate((out[:start], words.take(size), out[start + size:]))
        elif kind < 0.7:  # a paragraph moved elsewhere
            block, rest = out[start:start + size], np.concatenate((out[:start], out[start + size:]))
            at = int(rng.integers(0, rest.size))
            out = np.concatenate((rest[:at], block, rest[at:]))
        elif kind < 0.85:  # a span cut
            out = np.concatenate((out[:start], out[start + size:]))
        else:  # a span added
            out = np.concatenate((out[:start], words.take(size), out[start:]))
    return out


def exact_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def synthetic_corpus(count: int, seed: int = 2024) -> Corpus:
    """`count` reports; the Storyline `shingles` call on every text is timed (the shared input)."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng, 50_000)
    words = WordStream(rng, len(vocab))
    reports: list[np.ndarray] = []
    groups: list[list[int]] = []
    quotes: list[tuple[int, int]] = []
    while len(reports) < count:
        base = words.take(int(rng.integers(150, 301))).copy()
        draw = rng.random()
        if draw < 0.10:  # a report and its rewrites
            first = len(reports)
            reports.append(base)
            reports.extend(rewritten(rng, words, base) for _ in range(int(rng.integers(1, 5))))
            groups.append(list(range(first, min(len(reports), count))))
        elif draw < 0.15 and reports:  # quotes a passage of an earlier report
            source = int(rng.integers(0, len(reports)))
            passage = int(reports[source].size * rng.uniform(0.20, 0.35))
            start = int(rng.integers(0, reports[source].size - passage))
            at = int(rng.integers(0, base.size))
            quotes.append((source, len(reports)))
            reports.append(np.concatenate((base[:at], reports[source][start:start + passage], base[at:])))
        else:
            reports.append(base)
    del reports[count:]
    corpus = Corpus([f"report-{i:07d}" for i in range(count)], [])
    for start in range(0, count, 50_000):  # texts in chunks: a million texts at once is 1.5 GB
        texts = [" ".join(map(vocab.__getitem__, ids.tolist())) for ids in reports[start:start + 50_000]]
        with Stopwatch() as watch:
            corpus.sets.extend(shingles(text) for text in texts)
        corpus.shingle_seconds += watch.seconds
    sets = corpus.sets
    for members in groups:
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                corpus.rewrite_pairs[(i, j)] = exact_jaccard(sets[i], sets[j])
    corpus.quote_pairs = {(i, j): exact_jaccard(sets[i], sets[j]) for i, j in quotes if j < count}
    return corpus


# --- the two sides ----------------------------------------------------------------------------

@dataclass
class Side:
    name: str
    reports: int  # how many reports this side indexed
    sign_seconds: float = 0.0
    index_seconds: float = 0.0
    query_seconds: float = 0.0
    batch_query_seconds: float | None = None
    incremental_rate: float | None = None  # reports/s indexed in batches of INCREMENT
    pairs: set[tuple[int, int]] = field(default_factory=set)
    bands_rows: tuple[int, int] = (0, 0)
    retained_bytes: float = 0.0  # per report
    peak_bytes: float = 0.0  # per report

    @property
    def build_rate(self) -> float:
        return self.reports / (self.sign_seconds + self.index_seconds)


def best_of(repeats: int, run):
    """Run `run()` `repeats` times and keep the fastest (the machine may be shared)."""
    best = None
    for _ in range(repeats):
        result = run()
        if best is None or result[0] < best[0]:
            best = result
    return best


def storyline_side(corpus: Corpus, count: int, scheme: str, repeats: int, query_ids: np.ndarray) -> Side:
    side = Side(f"storyline ({scheme})", count)
    hasher = MinHasher(NUM_PERM, seed=1, scheme=scheme)
    sets, keys = corpus.sets[:count], corpus.keys[:count]
    hasher.signatures(sets[:500])  # warm-up, outside the timing, as for the peer

    def sign():
        with Stopwatch() as watch:
            signatures = hasher.signatures(sets)
        return watch.seconds, signatures

    side.sign_seconds, signatures = best_of(repeats, sign)

    def build():
        index = LSHIndex(THRESHOLD, NUM_PERM)
        with Stopwatch() as watch:
            index.add(keys, signatures)
        return watch.seconds, index

    side.index_seconds, index = best_of(repeats, build)
    side.bands_rows = (index.bands, index.rows)
    growing, grown = LSHIndex(THRESHOLD, NUM_PERM), min(count, 200_000)
    with Stopwatch() as watch:
        for start in range(0, grown, INCREMENT):  # as a store adds each day's reports
            growing.add(keys[start:start + INCREMENT], signatures[start:start + INCREMENT])
    side.incremental_rate = grown / watch.seconds
    del growing
    queries = signatures[query_ids]
    for row in queries[:500]:  # warm-up, as for the peer
        index.query(row)
    index.query_many(queries)
    with Stopwatch() as watch:
        for row in queries:
            index.query(row)
    side.query_seconds = watch.seconds
    with Stopwatch() as watch:
        index.query_many(queries)
    side.batch_query_seconds = watch.seconds
    number = {key: i for i, key in enumerate(keys)}
    side.pairs = {(number[a], number[b]) for a, b in index.candidate_pairs()}  # keys sort like numbers
    del index
    side.retained_bytes, side.peak_bytes = memory_per_report(
        lambda names: _storyline_index(names, signatures), count)
    return side


def _storyline_index(names, signatures):
    index = LSHIndex(THRESHOLD, NUM_PERM)
    index.add(names, signatures)
    return index


def datasketch_side(corpus: Corpus, count: int, repeats: int, query_ids: np.ndarray) -> Side:
    from datasketch import MinHash, MinHashLSH

    side = Side("datasketch", count)
    sets, keys = corpus.sets[:count], corpus.keys[:count]

    def identity(value):  # the shingles are hashes already: datasketch must not hash them again
        return value

    MinHash.bulk(sets[:500], num_perm=NUM_PERM, seed=1, hashfunc=identity)  # warm-up

    def sign():
        with Stopwatch() as watch:
            minhashes = MinHash.bulk(sets, num_perm=NUM_PERM, seed=1, hashfunc=identity)
        return watch.seconds, minhashes

    side.sign_seconds, minhashes = best_of(repeats, sign)

    def build(names=keys, sketches=minhashes):
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        with Stopwatch() as watch, lsh.insertion_session() as session:
            for key, minhash in zip(names, sketches):
                session.insert(key, minhash, check_duplication=False)
        return watch.seconds, lsh

    side.index_seconds, lsh = best_of(repeats, build)
    side.bands_rows = (lsh.b, lsh.r)
    for i in query_ids[:500].tolist():  # warm-up
        lsh.query(minhashes[i])
    with Stopwatch() as watch:
        for i in query_ids.tolist():
            lsh.query(minhashes[i])
    side.query_seconds = watch.seconds
    number = {key: i for i, key in enumerate(keys)}
    for table in lsh.hashtables:  # every bucket with two or more keys, as candidate_pairs() does
        for bucket in table._dict.values():
            if len(bucket) > 1:
                members = sorted(number[key] for key in bucket)
                side.pairs.update((a, b) for x, a in enumerate(members) for b in members[x + 1:])
    del lsh
    side.retained_bytes, side.peak_bytes = memory_per_report(
        lambda names: build(names, minhashes)[1], count)
    return side


def memory_per_report(build, count: int) -> tuple[float, float]:
    """(retained, peak) tracemalloc bytes per report of build(names), the names made inside."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    names = [f"report-{i:07d}" for i in range(count)]
    index = build(names)
    del names
    gc.collect()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return (retained - base) / count, (peak - base) / count


# --- reporting --------------------------------------------------------------------------------

def quality(side: Side, corpus: Corpus, scale: float) -> dict:
    """Recall over the planted rewrites the side could see, and its candidate counts scaled by `scale`."""
    def seen(pair):  # both reports within the prefix this side indexed
        return pair[1] < side.reports

    similar = {p for p, j in corpus.rewrite_pairs.items() if j >= SIMILAR and seen(p)}
    clear = {p for p, j in corpus.rewrite_pairs.items() if j >= 0.8 and seen(p)}
    known = {**corpus.rewrite_pairs, **corpus.quote_pairs}

    def jaccard_of(pair):
        if pair not in known:
            known[pair] = exact_jaccard(corpus.sets[pair[0]], corpus.sets[pair[1]])
        return known[pair]

    low = sum(1 for pair in side.pairs if jaccard_of(pair) < 0.3)
    return {
        "recall": len(similar & side.pairs) / max(len(similar), 1),
        "recall_j08": len(clear & side.pairs) / max(len(clear), 1),
        "candidates": len(side.pairs) * scale,
        "candidates_below_03": low * scale,
    }


def run(count: int, peer_limit: int, repeats: int, with_kperm: bool) -> dict:
    started = time.perf_counter()
    corpus = synthetic_corpus(count)
    generated = time.perf_counter() - started
    peer_count = min(count, peer_limit)
    rng = np.random.default_rng(7)
    query_ids = rng.choice(peer_count, min(QUERIES, peer_count), replace=False)
    similar = sum(1 for j in corpus.rewrite_pairs.values() if j >= SIMILAR)
    shingle_count = sum(s.size for s in corpus.sets)
    print(f"\n{count:,} reports, {shingle_count:,} shingles; planted: {len(corpus.rewrite_pairs):,} rewrite pairs, "
          f"{similar:,} of them with Jaccard >= {SIMILAR}; {len(corpus.quote_pairs):,} quoting pairs "
          f"(corpus built in {generated:.0f} s)")
    print(f"shingles() (shared input, timed once): {corpus.shingle_seconds:.1f} CPU s, "
          f"{count / corpus.shingle_seconds:,.0f} reports/s")

    sides = [storyline_side(corpus, count, "oph", repeats, query_ids)]
    if with_kperm:
        sides.append(storyline_side(corpus, peer_count, "kperm", repeats, query_ids))
    sides.append(datasketch_side(corpus, peer_count, repeats, query_ids))
    ours, peer = sides[0], sides[-1]
    assert ours.bands_rows == peer.bands_rows, (ours.bands_rows, peer.bands_rows)

    rows = []
    for side in sides:
        scale = count / side.reports
        rows.append({"side": side, **quality(side, corpus, scale), "scaled": scale != 1})
    header = (f"{'':<22}{'reports':>10}{'sign/s':>10}{'index/s':>10}{'build/s':>10}{'query/s':>10}"
              f"{'batch q/s':>11}{'recall':>8}{'J>=.8':>7}{'candidates':>12}{'J<0.3':>9}{'B/report':>10}{'peak B':>8}")
    print(f"\nthreshold {THRESHOLD}, {NUM_PERM} permutations, bands x rows: storyline {ours.bands_rows}, "
          f"datasketch {peer.bands_rows}; rates per CPU second; recall over pairs with exact Jaccard >= {SIMILAR}")
    print(header)
    print("-" * len(header))
    for row in rows:
        side = row["side"]
        batch = f"{len(query_ids) / side.batch_query_seconds:>11,.0f}" if side.batch_query_seconds else f"{'-':>11}"
        mark = "~" if row["scaled"] else ""
        candidates = mark + format(round(row["candidates"]), ",")
        below = mark + format(round(row["candidates_below_03"]), ",")
        print(f"{side.name:<22}{side.reports:>10,}{side.reports / side.sign_seconds:>10,.0f}"
              f"{side.reports / side.index_seconds:>10,.0f}{side.build_rate:>10,.0f}"
              f"{len(query_ids) / side.query_seconds:>10,.0f}{batch}{row['recall']:>8.4f}{row['recall_j08']:>7.4f}"
              f"{candidates:>12}{below:>9}{side.retained_bytes:>10,.0f}{side.peak_bytes:>8,.0f}")
    ratio = {
        "build": ours.build_rate / peer.build_rate,
        "sign": (ours.reports / ours.sign_seconds) / (peer.reports / peer.sign_seconds),
        "index": (ours.reports / ours.index_seconds) / (peer.reports / peer.index_seconds),
        "query": peer.query_seconds / ours.query_seconds,
        "batch_query": peer.query_seconds / ours.batch_query_seconds,
        "memory": peer.retained_bytes / ours.retained_bytes,
    }
    print(f"\nstoryline (oph) / datasketch: build (signatures + index) {ratio['build']:.1f}x, signatures "
          f"{ratio['sign']:.1f}x, index {ratio['index']:.1f}x, single query {ratio['query']:.1f}x, query_many "
          f"{ratio['batch_query']:.1f}x; recall {rows[0]['recall'] - rows[-1]['recall']:+.4f}; "
          f"memory per report {ratio['memory']:.1f}x less")
    print(f"storyline (oph) LSHIndex.add in batches of {INCREMENT:,}: {ours.incremental_rate:,.0f} reports/s "
          f"(all at once: {ours.reports / ours.index_seconds:,.0f})")
    if peer.reports < count:
        print(f"(datasketch{' and kperm' if with_kperm else ''}: first {peer.reports:,} reports only; "
              f"~ marks candidate counts scaled by {count / peer.reports:g})")
    return {
        "reports": count, "peer_reports": peer.reports, "bands_rows": list(ours.bands_rows),
        "planted_similar_pairs": similar,
        "shingle_reports_per_s": round(count / corpus.shingle_seconds),
        "incremental_index_per_s_storyline_oph": round(ours.incremental_rate),
        **{f"{key}_{row['side'].name.replace(' ', '_').replace('(', '').replace(')', '')}": value
           for row in rows for key, value in (
               ("build_per_s", round(row["side"].build_rate)),
               ("sign_per_s", round(row["side"].reports / row["side"].sign_seconds)),
               ("query_per_s", round(len(query_ids) / row["side"].query_seconds)),
               ("recall", round(row["recall"], 4)),
               ("candidates", round(row["candidates"])),
               ("bytes_per_report", round(row["side"].retained_bytes)),
               ("peak_bytes_per_report", round(row["side"].peak_bytes)))},
        **{f"ratio_{key}": round(value, 2) for key, value in ratio.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 reports, best of 3 timings (under a minute)")
    parser.add_argument("--reports", type=int, nargs="+", help="corpus sizes (default 100,000 and 1,000,000)")
    parser.add_argument("--peer-limit", type=int, default=200_000,
                        help="datasketch and kperm index at most this many reports (default 200,000)")
    parser.add_argument("--no-kperm", action="store_true", help="leave out the textbook kperm scheme")
    args = parser.parse_args()
    sizes = args.reports or ([20_000] if args.quick else [100_000, 1_000_000])
    repeats = 3 if args.quick else 1
    import datasketch

    print(f"LSH candidate generation: storyline vs datasketch {datasketch.__version__}, one process, "
          f"{os.cpu_count()} CPUs, numpy {np.__version__}")
    started = time.perf_counter()
    figures = {"benchmark": "lsh_index", "runs": []}
    for count in sizes:
        figures["runs"].append(run(count, args.peer_limit, repeats, not args.no_kperm))
        gc.collect()
    figures["seconds"] = round(time.perf_counter() - started, 1)
    figures["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"\ntotal {figures['seconds']:.0f} s, peak RSS {figures['max_rss_mb']:,} MB")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
