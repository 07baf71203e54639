"""`storyline run` end to end on the seeds, then with an independent report added: the fusion acceptance checks."""

import csv
import io
import json
import os

import pyarrow.parquet as pq
import pytest

from tests.conftest import FIXTURES, run_cli, shared_path

THIRD_REPORT = FIXTURES / "fusion" / "khatlon_independent.txt"


def ok(*args):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def events(db):
    return [json.loads(line) for line in ok("export", "events", "--db", db).splitlines()]


def drone_strikes_in_khatlon(found):
    return [e for e in found if e["sub_event_type"] == "Air/drone strike" and e["admin1_iso"] == "TJ-KT"]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_seeds_become_five_events_each_told_by_two_reports_of_one_source(tmp_path, backend, request):
    seeds = shared_path("seeds")
    db = (f"sqlite:///{tmp_path}/run.db" if backend == "sqlite"
          else request.getfixturevalue("postgres").create_database(f"run_{os.getpid()}"))
    assert "5 events" in ok("run", str(seeds), "--db", db)
    found = events(db)
    assert len(found) == 5
    assert all(len(e["reports"]) == 2 and e["independent_sources"] == 1 for e in found)
    (khatlon,) = drone_strikes_in_khatlon(found)
    assert (khatlon["date_start"], khatlon["date_end"], khatlon["date_precision"]) == ("2025-11-24", "2025-11-30", "week")
    assert (khatlon["fatalities_low"], khatlon["fatalities_best"], khatlon["fatalities_high"]) == (3, 3, 3)
    assert {e["article_id"] for e in khatlon["evidence"]} == set(khatlon["reports"])
    aggregate = next(e for e in found if e["is_aggregate"])
    assert (aggregate["fatalities_best"], aggregate["injuries_best"], aggregate["incident_count"]) == (5, 5, 2)
    august = next(e for e in found if e["date_start"] == "2025-08-01")
    assert august["id"] not in aggregate["includes"]  # the August firefight is not part of last week's gunfire
    statements = [json.loads(line) for line in ok("export", "statements", "--db", db).splitlines()]
    assert sum(1 for s in statements if len(s["reports"]) == 2) >= 8
    assert all(s["evidence"] and s["independent_sources"] == 1 for s in statements)


def test_exports_geojson_acled_csv_and_parquet(tmp_path):
    seeds = shared_path("seeds")
    acled_header = next(csv.reader(shared_path("data", "acled", "afghanistan_2020-03.csv").open(encoding="utf-8")))
    db = f"sqlite:///{tmp_path}/run.db"
    ok("run", str(seeds), "--db", db)
    collection = json.loads(ok("export", "events", "--format", "geojson", "--db", db))
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 5
    (khatlon,) = [f for f in collection["features"] if f["properties"]["admin1_iso"] == "TJ-KT"]
    longitude, latitude = khatlon["geometry"]["coordinates"]
    assert 36.9 <= latitude <= 38.6 and 67.3 <= longitude <= 70.7
    rows = list(csv.DictReader(io.StringIO(ok("export", "events", "--format", "acled", "--db", db))))
    assert list(rows[0].keys()) == acled_header
    assert len(rows) == 5
    (row,) = [r for r in rows if r["admin1"] == "Khatlon"]
    assert (row["event_type"], row["sub_event_type"], row["country"], row["iso"], row["iso3"]) == (
        "Explosions/Remote violence", "Air/drone strike", "Tajikistan", "762", "TJK")
    assert (row["event_date"], row["time_precision"], row["fatalities"], row["geo_precision"]) == (
        "27 November 2025", "2", "3", "3")
    assert row["region"] == "Caucasus and Central Asia" and "2 reports, 1 independent" in row["notes"]
    table_file = tmp_path / "events.parquet"
    ok("export", "events", "--format", "parquet", "-o", str(table_file), "--db", db)
    table = pq.read_table(table_file)
    assert table.num_rows == 5 and table.schema.field("acled_fatalities").type == "int32"
    flat = list(csv.DictReader(io.StringIO(ok("export", "events", "--format", "csv", "--db", db))))
    assert json.loads(flat[0]["reports"]) and "disagreements" in flat[0]
    bad = run_cli("export", "events", "--format", "kml", "--db", db)
    assert bad.returncode == 2 and b"--format" in bad.stderr


def test_an_independent_report_joins_the_event_and_adds_a_source_and_reruns_change_nothing(tmp_path):
    seeds = shared_path("seeds")
    db = f"sqlite:///{tmp_path}/run.db"
    ok("run", str(seeds), "--db", db)
    (before,) = drone_strikes_in_khatlon(events(db))
    ok("run", str(THIRD_REPORT), "--db", db)
    after = events(db)
    (khatlon,) = drone_strikes_in_khatlon(after)
    assert khatlon["id"] == before["id"]
    assert len(khatlon["reports"]) == 3 and khatlon["independent_sources"] == 2
    assert len(after) == 5
    fatalities = next(c for c in khatlon["candidates"] if c["field"] == "fatalities")
    assert fatalities["value"] == "3" and fatalities["independent_sources"] == 2
    ok("run", str(seeds), str(THIRD_REPORT), "--db", db)
    assert events(db) == after
    shown = ok("show", khatlon["id"][:8], "--db", db)
    assert "Khatlon" in shown and "3 (2 independent)" in shown and "suspended work" not in shown
    assert "drone struck their camp in Khatlon province" in shown  # the evidence sentence of the third report
    missing = run_cli("show", "ffffffff", "--db", db)
    assert missing.returncode == 1 and b"E303" in missing.stderr


def test_a_bad_input_is_named_and_the_good_ones_still_become_events(tmp_path):
    db = f"sqlite:///{tmp_path}/run.db"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "unterminated\n', encoding="utf-8")
    result = run_cli("run", str(THIRD_REPORT), str(tmp_path / "missing.txt"), str(broken), "--db", db)
    assert result.returncode == 1
    errors = result.stderr.decode()
    assert "missing.txt" in errors and "broken.jsonl" in errors
    (event,) = drone_strikes_in_khatlon(events(db))
    assert event["reports"] and event["independent_sources"] == 1


def test_the_sample_corpus_becomes_its_three_incidents_with_their_sources(tmp_path):
    # examples/truth.json: three incidents, each told by a wire, its rewrites and independent reports
    from tests.conftest import CORPUS, ROOT

    truth = json.loads((ROOT / "examples" / "truth.json").read_text(encoding="utf-8"))
    db = f"sqlite:///{tmp_path}/corpus.db"
    ok("run", str(CORPUS), "--db", db)
    found = events(db)
    assert len(found) == len(truth["stories"])  # no background, aftermath or aside makes an event of its own
    for story in truth["stories"]:
        (event,) = [e for e in found if e["admin1"] == story["admin1"]]
        assert (event["event_type"], event["sub_event_type"]) == (story["event_type"], story["sub_event_type"])
        assert event["independent_sources"] == story["independent_sources"]
        assert event["date_start"] == story["date"]
