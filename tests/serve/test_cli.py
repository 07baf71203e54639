"""The real ``storyline`` command in a subprocess: the acceptance checks of ingestion."""

import csv
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from tests.conftest import CORPUS, FIXTURES, ROOT, run_cli, shared_path


def export(db, fmt="jsonl", *extra):
    result = run_cli("export", "articles", "--format", fmt, "--db", db, *extra)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode("utf-8")


def jsonl(text):
    return [json.loads(line) for line in text.splitlines()]


def test_seeds_ingest_once_with_the_header_date(tmp_path):
    seeds = shared_path("seeds")
    db = f"sqlite:///{tmp_path}/s.db"
    first = run_cli("ingest", str(seeds), "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    articles = {a["external_id"]: a for a in jsonl(export(db))}
    assert len(articles) == 2
    seed_000, seed_001 = articles["000_197cd02deb10f780"], articles["001_5423fb7b094d00e6"]
    assert seed_000["published"] == "2025-12-02" and seed_000["text"].startswith("China has called")
    assert seed_001["published"] is None
    assert seed_000["source"].endswith("seeds/000_197cd02deb10f780.txt")
    again = run_cli("ingest", str(seeds), "--db", db)
    assert again.returncode == 0 and b"2 already stored" in again.stdout
    assert len(jsonl(export(db))) == 2


def test_directory_with_a_good_an_empty_and_a_binary_file(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2026-02-01\nThe ferry service resumed on Sunday after a week of storms.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    db = f"sqlite:///{tmp_path}/d.db"
    result = run_cli("ingest", str(folder), "--db", db)
    errors = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(errors) == 2
    assert any("empty.txt" in line and "empty" in line and "E103" in line for line in errors)
    assert any("photo.jpg" in line and "binary" in line and "E104" in line for line in errors)
    (article,) = jsonl(export(db))
    assert article["external_id"] == "good" and article["published"] == "2026-02-01"


def test_every_kind_of_bad_input_gets_one_line_and_the_others_go_on(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "undecodable.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    (bad / "huge.txt").write_text("word " * 1000)
    inputs = [
        str(FIXTURES / "texts/plain.txt"),
        str(bad / "undecodable.txt"),
        str(FIXTURES / "pages/malformed.html"),
        str(FIXTURES / "feeds/not-well-formed.xml"),
        str(FIXTURES / "feeds/entity-bomb.xml"),
        str(bad / "huge.txt"),
        str(bad / "missing.txt"),
        "http://127.0.0.1:9/unreachable.html",
        str(FIXTURES / "pages/harbour-fire.html"),
    ]
    db = f"sqlite:///{tmp_path}/b.db"
    started = time.perf_counter()
    result = run_cli("ingest", *inputs, "--max-size", "4KB", "--timeout", "5", "--db", db)
    assert time.perf_counter() - started < 60
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    expected = {
        "undecodable.txt": "E105", "malformed.html": "E107", "not-well-formed.xml": "E108",
        "entity-bomb.xml": "E109", "huge.txt": "E106", "missing.txt": "E101", "unreachable.html": "E110",
    }
    assert len(lines) == len(expected), lines
    for name, code in expected.items():
        assert any(line.startswith("error: ") and name in line and f"[{code}]" in line for line in lines), (name, lines)
    stored = jsonl(export(db))
    assert sorted(a["external_id"] for a in stored) == ["harbour-fire", "plain"]
    times = {a["external_id"]: a["published_at"] for a in stored}  # the page states its moment, the text file not
    assert times == {"harbour-fire": "2026-05-04T07:30:00+00:00", "plain": None}


def test_export_formats_have_the_promised_columns(tmp_path):
    db = f"sqlite:///{tmp_path}/e.db"
    assert run_cli("ingest", str(CORPUS), "--db", db).returncode == 0
    required = ["id", "external_id", "source", "url", "outlet", "title", "published", "text"]
    rows = jsonl(export(db))
    assert len(rows) == 16 and all(set(required) <= set(r) for r in rows)
    table = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert [r["text"] for r in table] == [r["text"] for r in rows]  # newlines and quotes survive CSV
    target = tmp_path / "a.parquet"
    result = run_cli("export", "articles", "--format", "parquet", "-o", str(target), "--db", db)
    assert result.returncode == 0 and b"Wrote 16 articles" in result.stderr
    parquet = pq.read_table(target)
    assert set(required) <= set(parquet.column_names) and parquet.num_rows == 16
    assert str(parquet.schema.field("published").type) == "date32[day]"
    assert [p.isoformat() if p else None for p in parquet.column("published").to_pylist()] == [r["published"] for r in rows]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".storyline-export-")]


def test_standard_input_and_environment_database(tmp_path):
    db = f"sqlite:///{tmp_path}/env.db"
    text = b"date 2026-06-30\nRoad crews cleared the landslide on the coast road by midday.\n"
    result = run_cli("ingest", "-", stdin=text, env={"STORYLINE_DB": db})
    assert result.returncode == 0, result.stderr
    (article,) = jsonl(run_cli("export", "articles", env={"STORYLINE_DB": db}).stdout.decode())
    assert article["source"] == "<stdin>" and article["published"] == "2026-06-30"


def test_field_mapping_and_format_option(tmp_path):
    db = f"sqlite:///{tmp_path}/f.db"
    result = run_cli("ingest", str(FIXTURES / "tables/reports.csv"), "--field", "text=body", "--field", "id=story_id",
                     "--field", "title=headline", "--field", "published=date", "--db", db)
    assert result.returncode == 1 and b"reports.csv:4" in result.stderr  # the row with an extra cell
    assert sorted(a["external_id"] for a in jsonl(export(db))) == ["c-1", "c-2"]
    plain = run_cli("ingest", str(FIXTURES / "pages/harbour-fire.html"), "--format", "text", "--db", db)
    assert plain.returncode == 0
    assert any(a["text"].startswith("<!DOCTYPE html>") for a in jsonl(export(db)))


def test_changed_text_at_the_same_path_is_a_new_version(tmp_path):
    report = tmp_path / "story.txt"
    report.write_text("date 2026-04-01\nTwo people were hurt in the fire.\n")
    db = f"sqlite:///{tmp_path}/v.db"
    assert run_cli("ingest", str(report), "--db", db).returncode == 0
    report.write_text("date 2026-04-01\nThree people were hurt in the fire, officials said later.\n")
    second = run_cli("ingest", str(report), "--db", db)
    assert b"1 new versions" in second.stdout
    old, new = jsonl(export(db))
    assert (old["version"], new["version"], new["previous_version_id"]) == (1, 2, old["id"])
    latest = jsonl(export(db, "jsonl", "--latest-only"))
    assert [a["id"] for a in latest] == [new["id"]]


def test_bad_options_and_database_are_usage_errors(tmp_path):
    result = run_cli("ingest", str(CORPUS), "--format", "pdf", "--db", f"sqlite:///{tmp_path}/x.db")
    assert result.returncode == 2 and b"--format" in result.stderr
    result = run_cli("ingest", str(CORPUS), "--max-size", "lots", "--db", f"sqlite:///{tmp_path}/x.db")
    assert result.returncode == 2 and b"lots" in result.stderr
    result = run_cli("stats", "--db", "mysql://u@h/x")
    assert result.returncode == 3 and b"E202" in result.stderr and b"Traceback" not in result.stderr


def test_list_and_stats(tmp_path):
    db = f"sqlite:///{tmp_path}/l.db"
    run_cli("ingest", str(CORPUS), "--db", db)
    listed = [json.loads(line) for line in run_cli("articles", "--json", "--limit", "5", "--db", db).stdout.splitlines()]
    assert len(listed) == 5 and all(len(a["id"]) == 16 for a in listed)
    stats = json.loads(run_cli("stats", "--json", "--db", db).stdout)
    assert stats["articles"] == 16 and stats["undated"] == 1 and stats["dated"] == 15
    assert set(stats["by_format"]) == {"text", "html", "feed", "jsonl"}
    table = run_cli("articles", "--db", db).stdout.decode()
    assert "Articles 1–16 of 16" in table


@pytest.mark.slow
def test_meter_latin1_corpus_ingests_without_error(tmp_path):
    meter = shared_path("data", "meter")
    db = f"sqlite:///{tmp_path}/m.db"
    result = run_cli("ingest", str(meter), "--db", db)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    assert b"error:" not in result.stderr
    with sqlite3.connect(tmp_path / "m.db") as conn:
        count = conn.execute("select count(*) from articles").fetchone()[0]
        pounds = conn.execute("select count(*) from articles where text like '%£%'").fetchone()[0]
        mojibake = conn.execute("select count(*) from articles where text like '%Ł%' or text like '%Ã%'").fetchone()[0]
    assert count > 1400 and pounds > 50 and mojibake == 0


@pytest.mark.slow
def test_killed_run_then_rerun_stores_every_article_exactly_once(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    total = 3000
    for number in range(total):
        (folder / f"r{number:05d}.txt").write_text(
            f"date 2026-01-{number % 28 + 1:02d}\nReport number {number}: a convoy of {number % 17 + 2} lorries "
            f"crossed the border post at dawn, officials in district {number % 31} said.\n")
    db_file = tmp_path / "k.db"
    db = f"sqlite:///{db_file}"
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_DB"}
    process = subprocess.Popen([sys.executable, "-m", "storyline", "ingest", str(folder), "--db", db],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored = 0
    deadline = time.time() + 120
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.05)
        if db_file.exists():
            try:
                with sqlite3.connect(db_file, timeout=1) as conn:
                    stored = conn.execute("select count(*) from articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 250:
                break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < total, "the run should have been killed midway"
    rerun = run_cli("ingest", str(folder), "--db", db)
    assert rerun.returncode == 0, rerun.stderr.decode()
    with sqlite3.connect(db_file) as conn:
        count, distinct = conn.execute("select count(*), count(distinct id) from articles").fetchone()
        integrity = conn.execute("pragma integrity_check").fetchone()[0]
    assert count == distinct == total and integrity == "ok"


def test_ingest_and_export_on_postgresql(postgres):
    db = postgres.create_database("cli_pg")
    first = run_cli("ingest", str(CORPUS), "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    again = run_cli("ingest", str(CORPUS), "--db", db)
    assert b"0 new, 0 new versions, 16 already stored" in again.stdout
    rows = jsonl(export(db))
    assert len(rows) == 16 and len({r["id"] for r in rows}) == 16
    assert {r["published"] for r in rows if r["external_id"] == "sudan-wire"} == {"2026-09-21"}


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_analyze_then_export_mentions_with_evidence(tmp_path, backend, request):
    db = f"sqlite:///{tmp_path}/m.db" if backend == "sqlite" else request.getfixturevalue("postgres").create_database(f"an_{os.getpid()}")
    assert run_cli("ingest", str(CORPUS), "--db", db).returncode == 0
    first = run_cli("analyze", "--db", db)
    assert first.returncode == 0, first.stderr.decode()
    assert b"Analysed 16 articles" in first.stdout
    again = run_cli("analyze", "--db", db)
    assert b"Analysed 0 articles" in again.stdout  # nothing new: nothing analysed twice
    articles = {a["id"]: a["text"] for a in jsonl(export(db))}
    mentions = jsonl(run_cli("export", "mentions", "--db", db).stdout.decode())
    events = [m for m in mentions if m["mention_type"] == "event"]
    statements = [m for m in mentions if m["mention_type"] == "statement"]
    assert len(events) >= 16 and len(statements) >= 16
    for mention in mentions:
        assert mention["evidence"]
        for span in mention["evidence"]:
            assert articles[mention["article_id"]][span["start"]:span["end"]] == span["text"]
    sudan = [e for e in events if e["sub_event_type"] == "Air/drone strike" and e["country_iso"] == "SD"]
    assert sudan and {e["admin1_iso"] for e in sudan} == {"SD-KN"}
    only_events = jsonl(run_cli("export", "mentions", "--type", "event", "--db", db).stdout.decode())
    assert len(only_events) == len(events)
    target = tmp_path / "mentions.parquet"
    assert run_cli("export", "mentions", "--format", "parquet", "-o", str(target), "--db", db).returncode == 0
    assert pq.read_table(target).num_rows == len(mentions)
    table = list(csv.DictReader(io.StringIO(run_cli("export", "mentions", "--format", "csv", "--db", db).stdout.decode())))
    assert json.loads(table[0]["evidence"])[0]["text"]


def test_evaluate_command_prints_metrics_and_checks_floors(tmp_path):
    tsv = tmp_path / "case.tsv"
    tsv.write_text("id\tEventSnippet\tSubType\n"
                   "1\tA suicide bomber blew himself up at a checkpoint, killing four policemen.\tSUIC_BOMB\n"
                   "2\tThousands marched peacefully through the capital to demand higher wages.\tPEACE_PROTEST\n")
    result = run_cli("evaluate", "case2021", "--data", str(tsv), "--json")
    assert result.returncode == 0, result.stderr.decode()
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 2 and metrics["accuracy"] == 1.0
    below = run_cli("evaluate", "case2021", "--data", str(tsv), "--check-floors")
    assert below.returncode == 0  # 1.0 clears every floor
    unknown = run_cli("evaluate", "nonsense", "--data", str(tsv))
    assert unknown.returncode == 2 and b"SUITE" in unknown.stderr


def test_link_compare_and_export_derivations_and_stories(tmp_path):
    seeds = shared_path("seeds")
    db = f"sqlite:///{tmp_path}/l.db"
    for command in (("ingest", str(seeds)), ("analyze",), ("link",)):
        result = run_cli(*command, "--db", db)
        assert result.returncode == 0, result.stderr.decode()
    assert b"1 derived" in result.stdout and b"1 inferred dates" in result.stdout
    (link,) = jsonl(run_cli("export", "derivations", "--db", db).stdout.decode())
    articles = {a["external_id"]: a for a in jsonl(export(db))}
    assert link["relation"] == "derived"
    assert link["source"] == articles["001_5423fb7b094d00e6"]["id"] and link["derived"] == articles["000_197cd02deb10f780"]["id"]
    assert any("Taliban" in s["source"] and "Islamic Emirate" in s["derived"] for s in link["substitutions"])
    assert articles["001_5423fb7b094d00e6"]["published_inferred"]["date"] == "2025-12-02"
    (story,) = jsonl(run_cli("export", "stories", "--db", db).stdout.decode())
    assert sorted(story["articles"]) == sorted(a["id"] for a in articles.values()) and story["independent_sources"] == 1
    shown = run_cli("compare", "001_5423fb7b094d00e6", "000_197cd02deb10f780", "--db", db)
    assert shown.returncode == 0, shown.stderr.decode()
    text = shown.stdout.decode()
    assert "derived" in text and "substitution:" in text and "Islamic Emirate" in text
    missing = run_cli("compare", "nope", "000_197cd02deb10f780", "--db", db)
    assert missing.returncode == 2 and b"E302" in missing.stderr


def _flood_store(tmp_path) -> str:
    """The flood wire report and the paper's retelling, ingested and linked through the command."""
    from tests.link.test_align import FLOOD_PAPER, FLOOD_WIRE

    folder = tmp_path / "flood"
    folder.mkdir()
    (folder / "wire.txt").write_text("date 2026-03-02\ntitle Sutlej embankment breaks\n" + FLOOD_WIRE, encoding="utf-8")
    (folder / "paper.txt").write_text("date 2026-03-03\ntitle Thousands flee Sutlej flood\n" + FLOOD_PAPER, encoding="utf-8")
    db = f"sqlite:///{tmp_path}/flood.db"
    for command in (("ingest", str(folder)), ("link",)):
        result = run_cli(*command, "--db", db)
        assert result.returncode == 0, result.stderr.decode()
    return db


def test_export_derivations_tells_copied_passages_from_sentences(tmp_path):
    from tests.link.test_align import FLOOD_COPIED, FLOOD_LIFTED

    db = _flood_store(tmp_path)
    (link,) = jsonl(run_cli("export", "derivations", "--db", db).stdout.decode())
    texts = {a["id"]: a["text"] for a in jsonl(export(db))}
    paper = texts[link["derived"]]
    assert all(set(span) == {"kind", "source_start", "source_end", "derived_start", "derived_end", "score", "passage"}
               for span in link["aligned"])
    passages = [span for span in link["aligned"] if span["passage"]]
    sentences = [span for span in link["aligned"] if not span["passage"]]
    assert {FLOOD_COPIED, FLOOD_LIFTED} <= {paper[p["derived_start"]:p["derived_end"]] for p in passages}
    assert all(p["kind"] == "verbatim" for p in passages)
    assert len([s for s in sentences if s["derived_start"] is not None]) == 5  # the paper's sentences
    table = list(csv.DictReader(io.StringIO(run_cli("export", "derivations", "--format", "csv", "--db", db).stdout.decode())))
    assert json.loads(table[0]["aligned"]) == link["aligned"]


def test_compare_highlights_the_copied_words_and_the_swapped_term_inside_each_row(tmp_path):
    from tests.link.test_align import FLOOD_COPIED, FLOOD_LIFTED

    db = _flood_store(tmp_path)
    ids = {a["title"]: a["id"] for a in jsonl(export(db))}
    shown = run_cli("compare", ids["Thousands flee Sutlej flood"], ids["Sutlej embankment breaks"], "--db", db,
                    env={"FORCE_COLOR": "1", "COLUMNS": "400"})
    assert shown.returncode == 0, shown.stderr.decode()
    text = shown.stdout.decode()
    rows = [line for line in text.splitlines() if line.startswith("│")]
    assert len([r for r in rows if re.search(r"(verbatim|rewrite|new) \d\.\d\d", r)]) == 7  # sentences, not passages
    # bold green inside a rewritten row (yellow) and inside a new one (dim), on both sides
    assert re.search(r"\x1b\[1;32m" + re.escape(FLOOD_COPIED) + r"\x1b\[0m.*\x1b\[33m", text)
    assert re.search(r"\x1b\[1;32mFlood water broke through an embankment on the Sutlej\x1b\[0m", text)
    assert re.search(r"\x1b\[1;2;32m" + re.escape(FLOOD_LIFTED) + r"\x1b\[0m", text)
    # the swapped term: red on the source side, underlined green on the derived side, in the row itself
    row = next(r for r in rows if "Harpreet" in r)
    assert "\x1b[1;31mDisaster Management Authority\x1b[0m" in row and "\x1b[1;4;32mRelief Commission\x1b[0m" in row


def test_a_word_for_word_copy_is_one_article_with_both_sightings(tmp_path):
    db = f"sqlite:///{tmp_path}/s.db"
    body = "Two fishermen drowned when their boat capsized off the harbour wall on Sunday, the coastguard said.\n"
    (tmp_path / "wire.txt").write_text("Date: 2026-04-05\nOutlet: Coast Wire\n\n" + body)
    (tmp_path / "copy.txt").write_text("Date: 2026-04-06\nOutlet: Bay Daily\nTitle: Boat capsizes\n\n" + body)
    assert run_cli("ingest", str(tmp_path / "wire.txt"), str(tmp_path / "copy.txt"), "--db", db).returncode == 0
    (article,) = jsonl(export(db))
    assert [(s["outlet"], s["published"], s["title"]) for s in article["sightings"]] == [
        ("Coast Wire", "2026-04-05", None), ("Bay Daily", "2026-04-06", "Boat capsizes")]
    (row,) = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    assert [s["external_id"] for s in json.loads(row["sightings"])] == ["wire", "copy"]
