"""MinHash signatures of word shingles: the first step towards telling rewrites apart.

A report becomes a set of word n-gram hashes (`shingles`), the set becomes a fixed-length
signature (`MinHasher`), and the fraction of positions where two signatures agree estimates the
Jaccard similarity of the two sets (`jaccard`). `storyline.link.lsh` turns signatures into
candidate pairs.

Everything here is a pure function of its inputs and parameters, and the same in every process
and on every machine: no Python `hash()` (salted per process), no numpy random streams (free to
change between numpy versions). Signatures, and the LSH band keys derived from them, can therefore
be stored and compared years later.

All hashing is integer arithmetic on numpy uint64 arrays, where overflow wraps around: that
wrap-around *is* the arithmetic modulo 2^64 the schemes below are defined with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

__all__ = ["EMPTY", "LSHIndex", "MinHasher", "band_keys", "jaccard", "lsh_params", "mix64", "shingles"]

# Signature value of every position when the set is empty. A real value can equal it only by a
# 2^-32 accident; LSHIndex refuses all-EMPTY signatures because empty reports prove nothing.
EMPTY = np.uint32(0xFFFFFFFF)

_WORD = re.compile(r"\w+")  # str patterns are unicode-aware: "Zürich", "Київ", "東京" are words

_U64 = np.uint64
# MurmurHash3's 64-bit finalizer constants (Appleby, public domain): a bijection on 64-bit words
# in which every input bit flips every output bit with probability close to 1/2.
_FMIX_1 = _U64(0xFF51AFD7ED558CCD)
_FMIX_2 = _U64(0xC4CEB9FE1A85EC53)
# Odd multipliers for the polynomial hashes (odd, so invertible modulo 2^64).
_BYTE_BASE = 0xBF58476D1CE4E5B9  # odd and full-width: a small base (FNV's) leaves B^j mod 2^64 structured
_WORD_BASE = _U64(0x9E3779B97F4A7C15)  # 2^64 / golden ratio
_LENGTH_SALT = _U64(0xD6E8FEB86659FD93)
_MASK32 = _U64(0xFFFFFFFF)
_SHIFT32 = _U64(32)

# Powers of _BYTE_BASE and of its inverse modulo 2^64, for texts up to this many bytes; longer
# texts compute their own (a cache sized by the longest text ever seen would never shrink).
_CACHED_BYTES = 1 << 16
_BYTE_BASE_INVERSE = pow(_BYTE_BASE, -1, 1 << 64)


def _powers(base: int, count: int) -> np.ndarray:
    powers = np.full(count, base, dtype=np.uint64)
    powers[0] = 1
    return np.cumprod(powers, dtype=np.uint64)  # wraps modulo 2^64, as intended


_POWERS = _powers(_BYTE_BASE, _CACHED_BYTES)
_INVERSE_POWERS = _powers(_BYTE_BASE_INVERSE, _CACHED_BYTES)


def mix64(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finalizer applied element-wise to a uint64 array; returns a new array.

    A fixed bijection, so it never creates collisions; it only spreads structure (consecutive
    integers, small differences) over all 64 bits.
    """
    mixed = values ^ (values >> _U64(33))
    mixed *= _FMIX_1
    mixed ^= mixed >> _U64(33)
    mixed *= _FMIX_2
    mixed ^= mixed >> _U64(33)
    return mixed


def _derived(seed: int, purpose: int, count: int) -> np.ndarray:
    """`count` pseudo-random uint64 values that depend only on (seed, purpose): stable forever."""
    counter = np.arange(count, dtype=np.uint64) + _U64((purpose & 0xFFFF) << 40)
    return mix64(mix64(counter ^ _U64(seed & 0xFFFFFFFFFFFFFFFF)) + _WORD_BASE)


def _word_hashes(words: list[str]) -> np.ndarray:
    """One 64-bit hash per word, all words of a text at once.

    The words are joined with spaces and UTF-8 encoded; each word's hash is the polynomial
    sum(byte_j * B^j) mod 2^64 over its own bytes, read off prefix sums of byte_i * B^i in one
    pass: (prefix[end] - prefix[start]) * B^-start. The word length and the finalizer go on top.
    """
    data = np.frombuffer(" ".join(words).encode("utf-8"), dtype=np.uint8)
    size = data.size
    if size <= _CACHED_BYTES:
        powers, inverse_powers = _POWERS[:size], _INVERSE_POWERS[:size]
    else:
        powers, inverse_powers = _powers(_BYTE_BASE, size), _powers(_BYTE_BASE_INVERSE, size)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    np.cumsum(data * powers, out=prefix[1:])
    spaces = np.flatnonzero(data == 32)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [size]))
    polynomial = (prefix[ends] - prefix[starts]) * inverse_powers[starts]
    return mix64(polynomial ^ ((ends - starts).astype(np.uint64) * _LENGTH_SALT))


def shingles(text: str, n: int = 5) -> np.ndarray:
    """The set of word n-gram hashes of `text`, as a sorted uint32 array without repeats.

    Words are runs of unicode word characters (letters, digits, underscore) of the lower-cased
    text. Each n-gram of consecutive words hashes to 32 bits (two different n-grams collide with
    probability about 2^-32). A text with fewer than n words (but at least one) is one shingle:
    its whole word sequence. A text without words gives an empty array. Raises ValueError when
    n < 1.
    """
    if n < 1:
        raise ValueError(f"shingle size n must be at least 1, got {n}")
    words = _WORD.findall(text.lower())
    if not words:
        return np.empty(0, dtype=np.uint32)
    hashes = _word_hashes(words)
    width = min(n, hashes.size)
    count = hashes.size - width + 1
    # An order-sensitive polynomial over the n word hashes: "police shot man" != "man shot police".
    combined = hashes[:count].copy()
    for offset in range(1, width):
        combined *= _WORD_BASE
        combined += hashes[offset:offset + count]
    return np.unique((mix64(combined) >> _SHIFT32).astype(np.uint32))


def jaccard(signature_a: np.ndarray, signature_b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the fraction of positions where two signatures agree.

    Both must come from the same MinHasher (same num_perm, seed and scheme); raises ValueError
    when their shapes differ or they are not one-dimensional.
    """
    a, b = np.asarray(signature_a), np.asarray(signature_b)
    if a.ndim != 1 or a.shape != b.shape or a.size == 0:
        raise ValueError(f"jaccard needs two non-empty signatures of one shape, got {a.shape} and {b.shape}")
    return float(np.count_nonzero(a == b)) / a.size


class MinHasher:
    """Turns shingle sets into MinHash signatures: uint32 arrays of `num_perm` values.

    `seed` picks the hash functions; signatures are comparable only between hashers with the same
    num_perm, seed and scheme. Two schemes, both estimating Jaccard by `jaccard`:

    ``"oph"`` (default): one permutation hashing with optimal densification (Li, Owen & Zhang
    2012; Shrivastava 2017). Each shingle x is hashed once, h = ((a*x + b) mod 2^64) >> 32 with
    random 64-bit a, b (Dietzfelbinger's multiply-add-shift: strongly universal for 32-bit x, the
    guarantee (a*x + b) mod p gives, with no modular reduction to overflow). The top bits of h pick
    one of num_perm bins, and each bin keeps its smallest h. An empty bin copies the value of the
    first non-empty bin along a fixed, seed-derived random order of bins for that position, so
    every position of two signatures agrees with probability equal to the Jaccard similarity of
    the two sets. Cost: O(|set|) per report instead of O(|set| * num_perm), computed for many
    reports in one sort.

    ``"kperm"``: the textbook construction, num_perm independent functions
    h_k(x) = ((a_k*x + b_k) mod 2^64) >> 32 and the minimum of each over the set (taken before the
    shift, which is monotone, so the shift runs once per position, not once per shingle). Positions
    are independent, which gives the lower variance for sets much smaller than num_perm (reports
    of a few dozen words), at num_perm times the arithmetic.

    An empty set gets the signature of all EMPTY.
    """

    SCHEMES = ("oph", "kperm")
    MAX_PERM = 2048  # the "oph" probe table grows with num_perm^2 (16 MiB at 2048)
    _BATCH = 256  # reports per sort in "oph": measured fastest; bigger batches fall out of the CPU cache

    def __init__(self, num_perm: int = 128, seed: int = 1, scheme: str = "oph") -> None:
        if not 1 <= num_perm <= self.MAX_PERM:
            raise ValueError(f"num_perm must be between 1 and {self.MAX_PERM}, got {num_perm}")
        if scheme not in self.SCHEMES:
            raise ValueError(f"unknown MinHash scheme {scheme!r}: use one of {', '.join(self.SCHEMES)}")
        self.num_perm = num_perm
        self.seed = seed
        self.scheme = scheme
        if scheme == "oph":
            self._a, self._b = _derived(seed, 1, 2)
            # probe_order[i] lists the bins in the order an empty bin i borrows from them:
            # num_perm^2 int32 (64 KiB at 128), computed once per hasher.
            self._probe_order = np.argsort(_derived(seed, 2, num_perm * num_perm).reshape(num_perm, num_perm),
                                           axis=1, kind="stable").astype(np.int32)
        else:
            self._a = _derived(seed, 3, num_perm)
            self._b = _derived(seed, 4, num_perm)

    def __repr__(self) -> str:
        return f"MinHasher(num_perm={self.num_perm}, seed={self.seed}, scheme={self.scheme!r})"

    def signature(self, shingle_set: np.ndarray) -> np.ndarray:
        """The uint32 signature (shape (num_perm,)) of one set of shingle hashes."""
        return self.signatures([shingle_set])[0]

    def signatures(self, shingle_sets: Sequence[np.ndarray]) -> np.ndarray:
        """Signatures of many sets, shape (len(shingle_sets), num_perm), uint32.

        Each set is a 1-D integer array (as `shingles` returns); repeated values count once.
        Raises ValueError for an array that is not 1-D integers.
        """
        arrays = [s if type(s) is np.ndarray else np.asarray(s, dtype=np.uint64) for s in shingle_sets]
        for number, array in enumerate(arrays):
            if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
                raise ValueError(f"shingle set {number} must be a 1-D integer array, got {array.dtype} {array.shape}")
        out = np.empty((len(arrays), self.num_perm), dtype=np.uint32)
        if self.scheme == "kperm":
            for row, array in enumerate(arrays):
                out[row] = self._kperm(array)
            return out
        for start in range(0, len(arrays), self._BATCH):
            out[start:start + self._BATCH] = self._one_permutation(arrays[start:start + self._BATCH])
        return out

    def _kperm(self, shingle_set: np.ndarray) -> np.ndarray:
        if shingle_set.size == 0:
            return np.full(self.num_perm, EMPTY, dtype=np.uint32)
        values = shingle_set.astype(np.uint64, copy=False)[:, None] * self._a
        values += self._b
        return (values.min(axis=0) >> _SHIFT32).astype(np.uint32)

    def _one_permutation(self, batch: list[np.ndarray]) -> np.ndarray:
        bins = self.num_perm
        sizes = np.fromiter((a.size for a in batch), dtype=np.int64, count=len(batch))
        out = np.full((len(batch), bins), EMPTY, dtype=np.uint32)
        present = [a for a in batch if a.size]
        if not present:
            return out
        # "unsafe" casting: signed inputs wrap to the same uint64 they would hash to in "kperm".
        hashed = np.concatenate(present, dtype=np.uint64, casting="unsafe")
        hashed *= self._a
        hashed += self._b
        hashed >>= _SHIFT32
        # The bin is the top bits of the hash, so within a bin the order of h is the order of the
        # rest of its bits, and values from different bins never agree by accident (a borrowed
        # value only matches the same borrowed value). One sort of (cell, h), where the cell is
        # report * bins + bin, then puts each cell's minimum first.
        cell = np.repeat(np.arange(len(batch), dtype=np.uint64) * _U64(bins), sizes)
        cell += (hashed * _U64(bins)) >> _SHIFT32
        ordered = np.sort((cell << _SHIFT32) | hashed)
        cells = (ordered >> _SHIFT32).astype(np.int64)
        first = np.empty(cells.size, dtype=bool)
        first[0] = True
        np.not_equal(cells[1:], cells[:-1], out=first[1:])
        flat = out.reshape(-1)
        flat[cells[first]] = (ordered[first] & _MASK32).astype(np.uint32)
        filled = np.zeros(flat.size, dtype=bool)
        filled[cells[first]] = True
        self._densify(out, filled.reshape(out.shape), sizes > 0)
        return out

    def _densify(self, out: np.ndarray, filled: np.ndarray, non_empty: np.ndarray) -> None:
        """Fill each empty bin of each non-empty report from the first filled bin on its probe order.

        The probe order depends on the bin only, never on the report, so two reports borrow from
        the same place exactly when their sets agree on which bins are filled along the way; that
        keeps the agreement probability of every position equal to the Jaccard similarity.
        """
        rows, columns = np.nonzero(~filled & non_empty[:, None])
        step = 0
        while rows.size:  # ends within num_perm steps: each probe order visits every bin
            source = self._probe_order[columns, step]
            found = filled[rows, source]
            out[rows[found], columns[found]] = out[rows[found], source[found]]
            rows, columns = rows[~found], columns[~found]
            step += 1


# The index lives in storyline.link.lsh, which imports this module; callers that take the whole
# candidate step from here get its names on first use, without an import cycle.
_FROM_LSH = ("LSHIndex", "band_keys", "lsh_params")


def __getattr__(name: str):
    """LSHIndex, band_keys and lsh_params, imported from storyline.link.lsh when first asked for."""
    if name in _FROM_LSH:
        from storyline.link import lsh

        return getattr(lsh, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
