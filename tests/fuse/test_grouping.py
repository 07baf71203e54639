"""Best-first grouping (fuse.values.join_best_first) against a plain reference implementation."""

import random

import pytest

from storyline.fuse.values import join_best_first


def reference(count, pairs, report_of, compatible):
    """The rule spelled out with no shortcuts: best pair first, complete-link, one mention per report."""
    groups = [[i] for i in range(count)]
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        left = next(g for g in groups if i in g)
        right = next(g for g in groups if j in g)
        if left is right:
            continue
        if {report_of(k) for k in left} & {report_of(k) for k in right}:
            continue
        if all(compatible(x, y) for x in left for y in right):
            left.extend(right)
            groups.remove(right)
    return sorted(sorted(g) for g in groups)


@pytest.mark.parametrize("seed", range(40))
def test_groups_equal_the_reference(seed):
    rng = random.Random(seed)
    count = rng.randint(2, 40)
    report = [rng.randint(0, count // 2) for _ in range(count)]
    kind = [rng.randint(0, 3) for _ in range(count)]
    pairs = [(rng.choice([1.0, 2.0, 4.5]), i, j) for i in range(count) for j in range(i + 1, count)
             if rng.random() < 0.3]

    def compatible(x, y):
        return abs(kind[x] - kind[y]) <= 1

    found = join_best_first(count, pairs, report.__getitem__, compatible)
    assert sorted(found) == reference(count, pairs, report.__getitem__, compatible)


def test_one_loose_pair_does_not_chain_two_groups():
    # 0-1 and 2-3 are tight; 1-2 is loose and 0 cannot go with 3: the groups stay apart
    pairs = [(5.0, 0, 1), (5.0, 2, 3), (1.0, 1, 2)]
    groups = join_best_first(4, pairs, lambda k: f"r{k}", lambda x, y: {x, y} != {0, 3})
    assert sorted(groups) == [[0, 1], [2, 3]]


def test_a_report_gives_one_mention_to_a_group():
    groups = join_best_first(3, [(5.0, 0, 1), (4.0, 1, 2)], ["a", "b", "a"].__getitem__, lambda x, y: True)
    assert sorted(groups) == [[0, 1], [2]]
