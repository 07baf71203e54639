"""Locality-sensitive hashing of MinHash signatures: which reports are worth comparing at all.

A signature of num_perm values is cut into `bands` bands of `rows` values; each band hashes to one
64-bit bucket key, and two reports become a candidate pair when they share a bucket key in at
least one band. Two reports of Jaccard similarity s share a band with probability s^rows, and at
least one of the bands with probability 1 - (1 - s^rows)^bands: an S-curve whose steep part sits
near the threshold that `lsh_params` aims it at.

`LSHIndex` keeps, per indexed report, only its bucket keys (8 bytes per band) and a 4-byte slot
number per band, in sorted numpy arrays, plus the report's key string: a few hundred bytes per
report instead of the kilobytes a dict of Python sets costs.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

from storyline.link.minhash import EMPTY, mix64

__all__ = ["LSHIndex", "band_keys", "candidate_probability", "lsh_params"]

_U64 = np.uint64
_KEY_SALT = 0x94D049BB133111EB
_CHUNK = 4096  # signatures per step of band_keys: bounds its temporary arrays to a few MB


def candidate_probability(similarity, bands: int, rows: int):
    """Probability that two reports of Jaccard `similarity` share at least one band's bucket."""
    return 1.0 - (1.0 - np.asarray(similarity, dtype=float) ** rows) ** bands


@functools.lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int, false_positive_weight: float = 0.5,
               false_negative_weight: float = 0.5) -> tuple[int, int]:
    """The (bands, rows), bands * rows <= num_perm, that best separate pairs around `threshold`.

    Minimises  w_fp * FP + w_fn * FN  where FP is the area under the S-curve P(s) below the
    threshold (pairs less similar than it that still become candidates) and FN the area above
    the curve past it (pairs at least as similar that do not), for s uniform in [0, 1]:

        FP = integral_0^t  1 - (1 - s^r)^b ds        FN = integral_t^1 (1 - s^r)^b ds

    Both integrands are polynomials of degree b * r <= num_perm, so Gauss-Legendre quadrature
    with num_perm // 2 + 1 nodes is exact (up to rounding); all (b, r) are scored at once.
    Ties go to fewer bands, then fewer rows. Raises ValueError for a threshold outside (0, 1),
    num_perm < 1, or weights that are negative or both zero.
    """
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"LSH threshold must be strictly between 0 and 1, got {threshold}")
    if num_perm < 1:
        raise ValueError(f"num_perm must be at least 1, got {num_perm}")
    if false_positive_weight < 0 or false_negative_weight < 0 or false_positive_weight + false_negative_weight == 0:
        raise ValueError("false positive and false negative weights must be >= 0 and not both 0, "
                         f"got {false_positive_weight} and {false_negative_weight}")
    bands = np.concatenate([np.full(num_perm // b, b) for b in range(1, num_perm + 1)])
    rows = np.concatenate([np.arange(1, num_perm // b + 1) for b in range(1, num_perm + 1)])
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    below = threshold * (nodes + 1) / 2  # nodes mapped from [-1, 1] onto [0, t] ...
    above = threshold + (1 - threshold) * (nodes + 1) / 2  # ... and onto [t, 1]
    error = np.empty(bands.size)
    for start in range(0, bands.size, 2048):  # (pairs x nodes) grows as num_perm^2 log num_perm
        b = bands[start:start + 2048, None].astype(float)
        r = rows[start:start + 2048, None].astype(float)
        false_positive = (1 - (1 - below ** r) ** b) @ weights * threshold / 2
        false_negative = (1 - above ** r) ** b @ weights * (1 - threshold) / 2
        error[start:start + 2048] = false_positive_weight * false_positive + false_negative_weight * false_negative
    best = int(np.argmin(error))
    return int(bands[best]), int(rows[best])


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """Bucket keys, shape (n, bands), int64, of uint32 signatures (n, >= bands * rows).

    A pure function of the signature values, `bands` and `rows`: safe to store as
    (report, band, key) rows and to query by key later. int64 (the bits of the uint64 key,
    reinterpreted) because SQLite and PostgreSQL integers are signed 64-bit.
    """
    return _band_keys(_as_signatures(signatures, bands * rows), bands, rows).view(np.int64)


def _band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """uint64 keys: mix64(salt[band] + sum_k A_k * value_k mod 2^64) over the band's rows.

    Two different row tuples of one band collide only if sum_k A_k * (v_k - v'_k) = 0 mod 2^64,
    probability about 2^-64 for the fixed random odd A_k (keys of 32 bits, or chaining 32-bit
    values through a 64-bit state, would collide at ~2^-32: thousands of spurious candidates at a
    million reports). The salt depends on the band and on `rows`, so keys of different bands,
    or of indexes cut differently, do not meet either. mix64 spreads the keys uniformly, which the
    index's prefix directory relies on.
    """
    multipliers, salts = _key_constants(bands, rows)
    out = np.empty((len(signatures), bands), dtype=np.uint64)
    for start in range(0, len(signatures), _CHUNK):  # chunks bound the temporary arrays
        chunk = signatures[start:start + _CHUNK, :bands * rows].reshape(-1, bands, rows)
        keys = chunk.astype(np.uint64) @ multipliers  # integer matmul wraps modulo 2^64
        keys += salts
        out[start:start + _CHUNK] = mix64(keys)
    return out


@functools.lru_cache(maxsize=16)
def _key_constants(bands: int, rows: int) -> tuple[np.ndarray, np.ndarray]:
    multipliers = mix64(np.arange(rows, dtype=np.uint64) + _U64(_KEY_SALT)) | _U64(1)
    salts = mix64(np.arange(bands, dtype=np.uint64) ^ _U64(_KEY_SALT * rows & 0xFFFFFFFFFFFFFFFF))
    return multipliers, salts


def _as_signatures(signatures, width: int) -> np.ndarray:
    array = np.asarray(signatures)
    if array.ndim != 2 or array.shape[1] < width:
        raise ValueError(f"signatures must be a 2-D array with at least {width} columns, got shape {array.shape}")
    if array.dtype != np.uint32:
        if array.dtype.kind not in "iu" or (array.size and (array.min() < 0 or array.max() > 0xFFFFFFFF)):
            raise ValueError(f"signatures must hold uint32 MinHash values (as MinHasher gives), got {array.dtype}")
        array = array.astype(np.uint32)
    return array


def _expand_ranges(starts: np.ndarray, stops: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All i with starts[k] <= i < stops[k], and the k each came from, without a Python loop."""
    lengths = stops - starts
    owners = np.repeat(np.arange(lengths.size), lengths)
    firsts = np.cumsum(lengths) - lengths
    return np.arange(owners.size) - firsts[owners] + starts[owners], owners


class _Run:
    """(bucket key, slot) entries sorted by key, with a directory over the keys' top bits.

    Keys are uniform 64-bit values, so the top `bits` bits split a run into 2^bits ranges of
    2 to 4 entries: a lookup reads two directory cells and one cache line or two of keys,
    where a binary search over millions of keys would take some twenty cache misses.
    """

    __slots__ = ("keys", "slots", "shift", "directory")

    def __init__(self, keys: np.ndarray, slots: np.ndarray) -> None:
        self.keys, self.slots = keys, slots
        bits = max(1, min(40, int(np.ceil(np.log2(max(keys.size, 1) / 4)))))
        self.shift = _U64(64 - bits)
        bounds = np.arange(1 << bits, dtype=np.uint64) << self.shift
        position_type = np.int32 if keys.size < 1 << 31 else np.int64
        self.directory = np.append(np.searchsorted(keys, bounds), keys.size).astype(position_type)

    @property
    def size(self) -> int:
        return self.keys.size

    def lookup(self, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions, owners): the entries whose key equals wanted[owner]."""
        prefix = (wanted >> self.shift).astype(np.intp)
        positions, owners = _expand_ranges(self.directory[prefix], self.directory[prefix + 1])
        match = self.keys[positions] == wanted[owners]
        return positions[match], owners[match]

    def without(self, alive: np.ndarray) -> _Run:
        keep = alive[self.slots]
        return self if keep.all() else _Run(self.keys[keep], self.slots[keep])

    def merged(self, newer: _Run) -> _Run:
        """One run holding both: each newer entry's place is found by binary search in this one."""
        places = np.searchsorted(self.keys, newer.keys, "right") + np.arange(newer.size)
        older_places = np.ones(self.size + newer.size, dtype=bool)
        older_places[places] = False
        keys = np.empty(older_places.size, dtype=np.uint64)
        slots = np.empty(older_places.size, dtype=np.int32)
        keys[places], slots[places] = newer.keys, newer.slots
        keys[older_places], slots[older_places] = self.keys, self.slots
        return _Run(keys, slots)


class LSHIndex:
    """Bucket keys of many reports' signatures, for finding pairs that share a bucket.

    Built for a threshold on Jaccard similarity (bands and rows from `lsh_params`). Holds sorted
    runs of (bucket key, slot) in numpy arrays, merged like a log-structured tree: a new batch is
    one sorted run, and runs of similar size merge, so there are O(log n) runs and every entry is
    moved O(log n) times however the reports arrive. Buckets depend only on the signatures, so
    adding reports one batch at a time gives the same buckets as adding them all at once. Removal
    marks a slot dead; dead entries are dropped at the next merge, and slots are renumbered once
    the dead outnumber the living, so memory follows the reports indexed now.

    Memory per report: 12 bytes per band (key and slot) plus 1 to 2 for the run directory, and
    the key string with its list and dict entries.
    """

    def __init__(self, threshold: float = 0.5, num_perm: int = 128, false_positive_weight: float = 0.5,
                 false_negative_weight: float = 0.5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = lsh_params(threshold, num_perm, false_positive_weight, false_negative_weight)
        self._names: list[str | None] = []  # slot -> report key; None once removed
        self._slots: dict[str, int] = {}  # report key -> slot
        self._alive = bytearray()  # slot -> 1 while indexed
        self._runs: list[_Run] = []  # oldest (largest) first
        self._runs_hold_dead = False  # entries of removed reports may remain in the runs

    def __repr__(self) -> str:
        return (f"LSHIndex(threshold={self.threshold}, num_perm={self.num_perm}, bands={self.bands}, "
                f"rows={self.rows}, reports={len(self)})")

    def __len__(self) -> int:
        return len(self._slots)

    def __contains__(self, key: object) -> bool:
        return key in self._slots

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """This index's bucket keys of `signatures`, shape (n, bands), int64: see `band_keys`."""
        return _band_keys(self._checked(signatures), self.bands, self.rows).view(np.int64)

    def add(self, keys: Sequence[str], signatures: np.ndarray) -> None:
        """Index reports: `keys[i]` names the report whose signature is `signatures[i]`.

        Raises ValueError, and indexes nothing, when the counts differ, a key is not a string,
        is repeated or already indexed, or a signature is empty (all EMPTY: a report without
        words): filter those out before, and count them.
        """
        keys = list(keys)
        signatures = self._checked(signatures)
        if len(keys) != len(signatures):
            raise ValueError(f"{len(keys)} keys for {len(signatures)} signatures")
        if not all(type(key) is str for key in keys):
            raise ValueError("report keys must be strings")
        if len(set(keys)) != len(keys):
            raise ValueError("the same report key appears twice in one add()")
        present = [key for key in keys if key in self._slots]
        if present:
            raise ValueError(f"{len(present)} report(s) already indexed, e.g. {present[0]!r}: remove them first")
        suspects = np.flatnonzero(signatures[:, 0] == EMPTY)  # a whole-array test would cost 1 byte per value
        empty = suspects[(signatures[suspects] == EMPTY).all(axis=1)]
        if empty.size:
            raise ValueError(f"{empty.size} empty signature(s) (reports without words), e.g. {keys[empty[0]]!r}")
        if not keys:
            return
        first = len(self._names)
        bucket_keys = _band_keys(signatures, self.bands, self.rows).reshape(-1)
        order = np.argsort(bucket_keys)  # order within a bucket is free: quicksort beats timsort
        bucket_keys = bucket_keys[order]
        order //= self.bands  # in place, like the rest: the peak, not the result, bounds memory
        slots = order.astype(np.int32)
        del order
        slots += first
        self._names.extend(keys)  # before the merges below, which look slots up in _alive
        self._slots.update(zip(keys, range(first, first + len(keys))))
        self._alive.extend(b"\x01" * len(keys))
        self._runs.append(_Run(bucket_keys, slots))
        # Merge while the newer run is at least half the older: sizes then more than double from
        # each run to the next older one, so there are at most log2(n) runs.
        while len(self._runs) > 1 and 2 * self._runs[-1].size >= self._runs[-2].size:
            newer = self._runs.pop()
            self._runs[-1] = self._purged(self._runs[-1]).merged(self._purged(newer))

    def query(self, signature: np.ndarray) -> set[str]:
        """Keys of the indexed reports that share at least one bucket with `signature`."""
        return self.query_many(np.asarray(signature)[None, :])[0]

    def query_many(self, signatures: np.ndarray) -> list[set[str]]:
        """`query` for each row of `signatures`, in one vectorised pass."""
        signatures = self._checked(signatures)
        wanted = _band_keys(signatures, self.bands, self.rows).reshape(-1)
        found_slots, found_for = [], []
        for run in self._runs:
            positions, owners = run.lookup(wanted)
            found_slots.append(run.slots[positions])
            found_for.append(owners // self.bands)
        results: list[set[str]] = [set() for _ in range(len(signatures))]
        if found_slots:
            slots, queries = np.concatenate(found_slots), np.concatenate(found_for)
            if self._runs_hold_dead:
                alive = np.frombuffer(self._alive, dtype=bool)[slots]
                slots, queries = slots[alive], queries[alive]
            if len(results) == 1:  # the common single query: a set comprehension is cheapest
                names = self._names
                return [{names[slot] for slot in slots.tolist()}]
            # A near-duplicate shares many bands: drop repeats before touching Python objects.
            width = np.int64(len(self._names))
            codes = np.unique(queries.astype(np.int64) * width + slots)
            names = self._names
            for query, slot in zip((codes // width).tolist(), (codes % width).tolist()):
                results[query].add(names[slot])
        return results

    def candidate_pairs(self) -> set[tuple[str, str]]:
        """Every pair of indexed reports that share at least one bucket, once, as a sorted tuple.

        A bucket of g reports gives g * (g - 1) / 2 pairs: one text indexed a thousand times
        (a wire story reprinted verbatim) yields half a million, as it should.
        """
        run = self._compacted()
        if run is None or run.size < 2:
            return set()
        keys, slots = run.keys, run.slots
        boundaries = np.flatnonzero(keys[1:] != keys[:-1]) + 1
        starts = np.concatenate(([0], boundaries))
        stops = np.concatenate((boundaries, [keys.size]))
        shared = stops - starts >= 2
        # For each entry of a shared bucket, pair it with every later entry of the same bucket.
        firsts, bucket = _expand_ranges(starts[shared], stops[shared] - 1)
        seconds, owner = _expand_ranges(firsts + 1, stops[shared][bucket])
        left, right = slots[firsts[owner]].astype(np.int64), slots[seconds].astype(np.int64)
        width = np.int64(len(self._names))
        codes = np.unique(np.minimum(left, right) * width + np.maximum(left, right))
        names = self._names
        pairs = set()
        for a, b in zip((codes // width).tolist(), (codes % width).tolist()):
            name_a, name_b = names[a], names[b]
            pairs.add((name_a, name_b) if name_a < name_b else (name_b, name_a))
        return pairs

    def remove(self, key: str) -> None:
        """Take one report out of the index; raises KeyError when it is not indexed."""
        slot = self._slots.pop(key, None)
        if slot is None:
            raise KeyError(f"report {key!r} is not in the LSH index")
        self._alive[slot] = 0
        self._names[slot] = None
        self._runs_hold_dead = True
        if len(self._names) - len(self._slots) > max(len(self._slots), 1024):
            self._renumber()

    def _checked(self, signatures: np.ndarray) -> np.ndarray:
        array = _as_signatures(signatures, self.num_perm)
        if array.shape[1] != self.num_perm:
            raise ValueError(f"signatures have {array.shape[1]} values, this index expects num_perm={self.num_perm}")
        return array

    def _purged(self, run: _Run) -> _Run:
        return run.without(np.frombuffer(self._alive, dtype=bool)) if self._runs_hold_dead else run

    def _compacted(self) -> _Run | None:
        """All entries of living reports as one run, which then replaces the runs."""
        if not self._runs:
            return None
        if len(self._runs) > 1 or self._runs_hold_dead:
            runs = [self._purged(run) for run in self._runs]
            while len(runs) > 1:  # newest into the next older, as add() does
                newer = runs.pop()
                runs[-1] = runs[-1].merged(newer)
            self._runs, self._runs_hold_dead = runs, False
        return self._runs[0]

    def _renumber(self) -> None:
        """Drop dead entries and give the living slots 0..n-1, in their old order."""
        run = self._compacted()
        new_slot = (np.cumsum(np.frombuffer(self._alive, dtype=bool)) - 1).astype(np.int32)
        self._runs = [_Run(run.keys, new_slot[run.slots])] if run is not None and run.size else []
        self._names = [name for name in self._names if name is not None]
        self._slots = {name: slot for slot, name in enumerate(self._names)}
        self._alive = bytearray(b"\x01" * len(self._names))
