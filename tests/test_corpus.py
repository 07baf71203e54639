"""The bundled sample corpus: every report ingests, as truth.json lists it, and none of it is copied text."""

import importlib.util
import json
import os
import subprocess
import zlib
from importlib.machinery import SourceFileLoader

import pytest

from storyline.ingest import IngestOptions, read_reports
from storyline.records import Notice, Report
from tests.conftest import CORPUS, ROOT, SHARED

TRUTH = json.loads((ROOT / "examples" / "truth.json").read_text(encoding="utf-8"))


def test_every_report_in_truth_is_read_with_its_date_and_nothing_fails():
    results = [r for _, r in read_reports([str(CORPUS)], IngestOptions(follow_links=False))]
    assert not [r for r in results if isinstance(r, Notice)]
    reports = [r for r in results if isinstance(r, Report)]
    assert len(reports) == len(TRUTH["reports"]) >= 14
    by_key = {}
    for report in reports:
        name = os.path.basename(report.source)
        by_key[f"{name}#{report.external_id}" if report.format in ("feed", "jsonl") else name] = report
    for entry in TRUTH["reports"]:
        report = by_key[entry["key"]]
        published = report.published.isoformat() if report.published else None
        assert published == entry["published"], entry["key"]
    assert len({r.id for r in reports}) == len(reports)


def test_corpus_has_the_promised_shape():
    roles = {}
    for entry in TRUTH["reports"]:
        roles.setdefault(entry["story"], []).append(entry["role"])
    stories = {k: v for k, v in roles.items() if k}
    assert len(stories) >= 3
    for story, kinds in stories.items():
        assert kinds.count("wire") == 1 and kinds.count("rewrite") >= 2 and kinds.count("independent") >= 1, story
    assert len(roles.get(None, [])) >= 2
    formats = {os.path.splitext(entry["key"].split("#")[0])[1] for entry in TRUTH["reports"]}
    assert {".txt", ".html", ".xml", ".jsonl"} <= formats


def test_project_contains_no_third_party_text():
    """No run of 10 words from ../shared (seeds, data sets) appears in a tracked file.

    Uses ../shared/tools/find-copied-text's own word splitting and n-gram size, and
    confirms each of its CRC-32 hits against the words of the named third-party file,
    since 32-bit hashes of millions of n-grams collide by chance.
    """
    tool = SHARED / "tools" / "find-copied-text"
    if not tool.exists():
        pytest.skip(f"{tool} is absent (it lives in ../shared beside the checkout)")
    loader = SourceFileLoader("find_copied_text", str(tool))
    finder = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    loader.exec_module(finder)
    seen = finder.third_party()
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True).stdout.split()
    origin_grams: dict[str, set[str]] = {}
    copied = []
    for rel in tracked:
        try:
            words = finder.WORD.findall((ROOT / rel).read_text(encoding="utf-8").lower())
        except (UnicodeDecodeError, OSError):
            continue
        for start in range(len(words) - finder.N + 1):
            gram = " ".join(words[start:start + finder.N])
            origin = seen.get(zlib.crc32(gram.encode()))
            if origin is None:
                continue
            if origin not in origin_grams:
                text = (SHARED / origin).read_text(encoding="utf-8", errors="replace").lower()
                found = finder.WORD.findall(text)
                origin_grams[origin] = {" ".join(found[i:i + finder.N]) for i in range(len(found) - finder.N + 1)}
            if gram in origin_grams[origin]:
                copied.append(f"{rel}: {gram!r} (from {origin})")
    assert copied == []
