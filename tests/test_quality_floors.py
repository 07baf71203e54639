"""The evaluation gate: every suite in quality/floors.json scores at least its committed floors.

The gold data lives in ../shared; a suite whose data is absent is skipped with a message.
"""

import json

import pytest

from storyline.evaluation.suites import below_floors, run_suite
from tests.conftest import ROOT

FLOORS = json.loads((ROOT / "quality" / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_suite_meets_its_floors(suite):
    data = (ROOT / FLOORS[suite]["data"]).resolve()
    if not data.exists():
        pytest.skip(f"{data} is absent: the {suite} suite reads gold data from ../shared beside the checkout")
    metrics = run_suite(suite, str(data))
    assert below_floors(metrics, FLOORS[suite]["floors"]) == [], metrics


def test_floors_file_names_known_suites_and_metrics_in_range():
    from storyline.evaluation.suites import SUITES

    for suite, entry in FLOORS.items():
        assert suite in SUITES
        assert all(0.0 <= floor <= 1.0 for floor in entry["floors"].values())
