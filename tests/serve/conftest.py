"""Stores loaded once per session with real reports through the real pipeline, for the API and browser tests."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS, shared_path
from tests.serve.live import load_reports

KHATLON_SOURCE = "001_5423fb7b094d00e6"  # the undated source report of the seeds
KHATLON_REWRITE = "000_197cd02deb10f780"  # its dated rewrite


@pytest.fixture(scope="session")
def seeded_sqlite(tmp_path_factory) -> str:
    """An SQLite store with the two seed reports and the bundled sample corpus, analysed, linked and fused."""
    seeds = shared_path("seeds")
    url = f"sqlite:///{tmp_path_factory.mktemp('seeded') / 'seeded.db'}"
    load_reports(url, seeds, CORPUS)
    return url
