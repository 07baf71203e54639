"""The evaluation suites by name, and the committed floors that stop regressions.

Floors live in ``quality/floors.json`` at the project root: for each suite, the
default data path (relative to the project root; ``../shared/...``) and the
minimum of each metric. Raising a floor is routine; lowering one needs a reason
in the commit message.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path


def _case2021(path: str) -> dict:
    from storyline.evaluation.case2021 import evaluate_case2021

    return evaluate_case2021(path)


def _acled(path: str) -> dict:
    from storyline.evaluation.acled import evaluate_acled

    return evaluate_acled(path)


def _seeds(path: str) -> dict:
    from storyline.evaluation.seeds import evaluate_seeds

    return evaluate_seeds(path)


def _wikievents(path: str) -> dict:
    from storyline.evaluation.wikievents import evaluate_wikievents

    return evaluate_wikievents(path)


def _meter(path: str) -> dict:
    from storyline.evaluation.meter import evaluate_meter
    from storyline.evaluation.meter_spans import evaluate_meter_spans

    return {**evaluate_meter(path), **evaluate_meter_spans(path)}


def _reports(path: str) -> dict:
    from storyline.evaluation.reports import evaluate_reports

    return evaluate_reports(path)


def _mrpc(path: str) -> dict:
    from storyline.evaluation.mrpc import evaluate_mrpc

    return evaluate_mrpc(path)


SUITES: dict[str, Callable[[str], dict]] = {
    "seeds": _seeds,
    "case2021": _case2021,
    "acled": _acled,
    "wikievents": _wikievents,
    "meter": _meter,
    "mrpc": _mrpc,
    "reports": _reports,
}


def run_suite(name: str, path: str) -> dict:
    """Metrics of one suite on the data at ``path``; KeyError for an unknown suite."""
    return SUITES[name](path)


def load_floors(path: Path) -> dict:
    """``{suite: {"data": path, "floors": {metric: minimum}}}`` from the floors file."""
    return json.loads(path.read_text(encoding="utf-8"))


def below_floors(metrics: dict, floors: dict[str, float]) -> list[str]:
    """Each metric under its floor, as ``name: value < floor``."""
    return [f"{name}: {metrics.get(name, 0.0):.3f} < {floor:.3f}" for name, floor in floors.items()
            if metrics.get(name, 0.0) + 1e-9 < floor]
