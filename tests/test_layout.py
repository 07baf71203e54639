"""The package layout keeps its promises: stages visible, only the store talks SQL, an explicit public API."""

import ast
import dataclasses

import storyline
from storyline import records
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "storyline"


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_a_package_per_pipeline_stage():
    for stage in ("ingest", "analyse", "link", "fuse", "store", "serve"):
        assert (PACKAGE / stage / "__init__.py").exists(), stage


def test_only_the_store_imports_sqlalchemy_or_alembic():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        inside_store = path.relative_to(PACKAGE).parts[0] == "store"
        for module in imported_modules(path):
            if module.split(".")[0] in ("sqlalchemy", "alembic", "psycopg") and not inside_store:
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_records_are_frozen_dataclasses():
    for cls in (records.Report, records.Article, records.Notice, records.Stored, records.StoreStats):
        assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen, cls


def test_public_api_is_explicit():
    assert sorted(storyline.__all__) == sorted(
        ["Article", "IngestOptions", "IngestSummary", "InputError", "Notice", "Report", "Store", "StorylineError",
         "__version__", "ingest_into", "open_store", "read_reports"])
    for name in storyline.__all__:
        assert getattr(storyline, name) is not None
