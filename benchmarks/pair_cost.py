"""Cost of one candidate pair in the link stage, next to a plain word diff of the same two texts.

Every candidate pair the index proposes is measured (``relation.pair_features``: containment, shared runs, quotes,
new material) and every related pair is aligned sentence by sentence with its copied passages and swapped terms
(``align.align_pair``, which parses the sentences where a rewrite changed words to pair their noun phrases; no
parse is reused between runs). This prints the CPU time of each per pair for generated reports of 300, 1,000 and
3,000 words, with a rewrite of each (sentences reordered, merged and dropped, terms swapped, a paragraph added) and
an unrelated report of the same length (a flood, not an attack). The swaps column counts the substitutions found,
the planted column those that are the planted term swaps, of the swaps planted. The peer is the Python standard
library's ``difflib.SequenceMatcher`` over the two texts' lower-cased words (``get_opcodes``): the word diff a
churnalism checker starts from, which says nothing of sentences, direction or terms. The ratio column is
Storyline's time over the peer's.

    .venv/bin/python benchmarks/pair_cost.py [--quick]   (--quick: 300 and 1,000 words, fewer repeats; seconds)

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import sys
import time
from difflib import SequenceMatcher

from storyline.link.align import _parse, align_pair
from storyline.link.relation import pair_features

PLACES = ["Kidal", "Gao", "Menaka", "Ansongo", "Tessalit", "Bourem", "Douentza", "Hombori", "Boni", "Léré"]
ACTORS = ["the army", "gunmen", "the rebels", "a militia", "the police", "the gendarmerie", "armed men"]
SWAPS = {"the army": "government troops", "gunmen": "terrorists", "the rebels": "the armed group"}
VERBS = ["attacked", "ambushed", "raided", "shelled", "surrounded", "searched", "burned", "stormed"]
TARGETS = ["a convoy", "a market", "a checkpoint", "a village", "a camp", "a school", "a bridge", "a patrol"]
SAID = ["officials said", "a local official told reporters", "residents said", "the ministry said in a statement",
        "a security source said", "according to hospital staff"]
TAILS = ["on Monday", "late on Tuesday", "at dawn", "before noon", "overnight", "on the road to the border"]


def sentence(rng: random.Random) -> str:
    killed, wounded = rng.randint(1, 40), rng.randint(0, 60)
    return (f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(TARGETS)} near {rng.choice(PLACES)} "
            f"{rng.choice(TAILS)}, killing {killed} people and wounding {wounded} others, {rng.choice(SAID)}.")


def other_story(rng: random.Random) -> str:
    """A sentence of an unrelated report: a flood, not an attack."""
    return (f"Heavy rain flooded {rng.randint(2, 90)} homes in the {rng.choice(['northern', 'eastern', 'river'])} "
            f"districts of {rng.choice(PLACES)} this week, and the regional council opened {rng.randint(1, 9)} "
            f"shelters in schools while engineers inspected the dykes, {rng.choice(SAID)}.")


def report(rng: random.Random, words: int, told=sentence) -> list[str]:
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(told(rng))
    return sentences


def rewrite(rng: random.Random, source: list[str]) -> list[str]:
    """Another outlet's copy: a tenth of the sentences dropped, a few pairs merged, neighbours swapped, framing
    terms replaced, and a paragraph of its own."""
    kept = [s for s in source if rng.random() > 0.1]
    out: list[str] = []
    k = 0
    while k < len(kept):
        if k + 1 < len(kept) and rng.random() < 0.15:
            out.append(kept[k].rstrip(".") + ", and " + kept[k + 1][0].lower() + kept[k + 1][1:])
            k += 2
        else:
            out.append(kept[k])
            k += 1
    for k in range(0, len(out) - 1, 7):
        out[k], out[k + 1] = out[k + 1], out[k]
    for term, other in SWAPS.items():
        out = [s.replace(term, other).replace(term.capitalize(), other.capitalize()) for s in out]
    out.insert(len(out) // 2, other_story(rng))
    return out


def cpu_ms(work, repeats: int) -> float:
    """Median CPU milliseconds of ``work()`` over ``repeats`` runs, the garbage collector paused as timeit does."""
    work()  # warm-up
    times = []
    for _ in range(repeats):
        gc.disable()
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
        gc.enable()
    return statistics.median(times)


def measure(words: int, repeats: int, rng: random.Random) -> list[dict]:
    source = report(rng, words)
    text_a = "\n".join(source)
    pairs = {"rewrite": "\n".join(rewrite(rng, source)), "unrelated": "\n".join(report(rng, words, other_story))}
    rows = []
    for kind, text_b in pairs.items():
        words_a, words_b = text_a.lower().split(), text_b.lower().split()
        peer = cpu_ms(lambda: SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes(), repeats)
        features = cpu_ms(lambda: pair_features(text_a, text_b), repeats)
        # each run parses afresh the sentences whose noun phrases it pairs, as the first pair of a report does
        aligned = cpu_ms(lambda: (_parse.cache_clear(), align_pair(text_a, text_b)), repeats)
        _, substitutions = align_pair(text_a, text_b)
        planted = sum(text_b.lower().count(other) for other in SWAPS.values()) if kind == "rewrite" else 0
        swapped = sum((s.source.lower(), s.derived.lower()) in SWAPS.items() for s in substitutions)
        rows.append({"words": words, "pair": kind, "b_words": len(words_b), "peer_diff_ms": round(peer, 2),
                     "pair_features_ms": round(features, 2), "align_pair_ms": round(aligned, 2),
                     "features_ratio": round(features / peer, 2), "align_ratio": round(aligned / peer, 2),
                     "substitutions": len(substitutions), "planted_swaps_found": swapped,
                     "planted_swaps": planted})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="300 and 1,000 words, 5 repeats (seconds)")
    args = parser.parse_args()
    sizes, repeats = ([300, 1000], 5) if args.quick else ([300, 1000, 3000], 15)
    rng = random.Random(20261123)
    started = time.perf_counter()
    rows = [row for words in sizes for row in measure(words, repeats, rng)]
    print(f"Per-pair cost of the link stage (median CPU ms of {repeats} runs); peer: difflib.SequenceMatcher "
          f"over the words")
    header = f"{'words':>6} {'pair':<10} {'difflib':>9} {'pair_features':>14} {'ratio':>6} {'align_pair':>11} " \
             f"{'ratio':>6} {'swaps':>6} {'planted found':>14}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['words']:>6} {r['pair']:<10} {r['peer_diff_ms']:>9.2f} {r['pair_features_ms']:>14.2f} "
              f"{r['features_ratio']:>5.1f}x {r['align_pair_ms']:>11.2f} {r['align_ratio']:>5.1f}x "
              f"{r['substitutions']:>6} {r['planted_swaps_found']:>7} of {r['planted_swaps']:<4}")
    figures = {"benchmark": "pair_cost", "repeats": repeats, "rows": rows,
               "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
