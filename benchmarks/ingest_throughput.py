"""Ingestion throughput: generated reports from files into SQLite and PostgreSQL.

For each backend it times three things on the same reports:
  ingest       storyline's full path: read files, detect format, decode, parse headers,
               hash, check identity and versions, write articles and sightings in batches;
  re-ingest    the same files again (every report already stored: a no-op);
  naive load   the peer: read each file as UTF-8 and write it with one bare executemany,
               no format detection, header parsing, identity or version checks: the floor
               any ingester pays for file reading and the database alone.
The ratio column is each phase's time over the naive load's.

    .venv/bin/python benchmarks/ingest_throughput.py [--quick] [--reports N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time

from storyline.ingest import IngestOptions, ingest_into
from storyline.store import open_store

PLACES = ["Dikwa", "Afgooye", "El Obeid", "Khatlon", "Mopti", "Kidal", "Beni", "Marawi", "Quetta", "Tal Afar"]
ACTORS = ["gunmen", "militants", "unidentified attackers", "security forces", "a local militia", "armed bandits"]
EVENTS = ["attacked a checkpoint", "ambushed a convoy", "shelled a market", "raided a village", "fired on a patrol"]


def generate(folder: str, count: int, seed: int = 7) -> None:
    """Write ``count`` seed-style reports (date header, 3-6 paragraphs) to ``folder``."""
    rng = random.Random(seed)
    for number in range(count):
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(300))
        place, actor, event = rng.choice(PLACES), rng.choice(ACTORS), rng.choice(EVENTS)
        paragraphs = [
            f"Report {number}: {actor.capitalize()} {event} near {place} on {day:%A}, killing {rng.randrange(1, 30)} "
            f"people and wounding {rng.randrange(0, 50)}, officials said."
        ]
        for _ in range(rng.randrange(2, 6)):
            paragraphs.append(
                f"A spokesman for the provincial government said {rng.randrange(2, 400)} families had left the area "
                f"and that {rng.choice(ACTORS)} were seen moving towards {rng.choice(PLACES)} at dawn."
            )
        text = "\n\n".join(paragraphs)
        with open(os.path.join(folder, f"r{number:06d}.txt"), "w", encoding="utf-8") as handle:
            handle.write(f"date {day.isoformat()}\n{text}\n")


def time_ingest(folder: str, url: str) -> tuple[float, object]:
    with open_store(url) as store:
        started = time.perf_counter()
        summary = ingest_into(store, [folder], IngestOptions())
        return time.perf_counter() - started, summary


def read_rows(folder: str) -> list[dict]:
    rows = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            rows.append({"id": name, "text": handle.read(), "published": None, "source": name})
    return rows


def raw_insert_sqlite(path: str, folder: str) -> float:
    import sqlite3

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("CREATE TABLE raw (id TEXT PRIMARY KEY, text TEXT, published DATE, source TEXT)")
    started = time.perf_counter()
    rows = read_rows(folder)
    with connection:
        connection.executemany("INSERT INTO raw VALUES (:id, :text, :published, :source)", rows)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def raw_insert_postgres(server, folder: str) -> float:
    import psycopg

    server.create_database("raw_peer")
    with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=raw_peer") as connection:
        connection.execute("CREATE TABLE raw (id TEXT PRIMARY KEY, text TEXT, published DATE, source TEXT)")
        connection.commit()
        started = time.perf_counter()
        rows = read_rows(folder)
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO raw VALUES (%(id)s, %(text)s, %(published)s, %(source)s)", rows)
        connection.commit()
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 reports instead of 10,000 (under a minute)")
    parser.add_argument("--reports", type=int, help="number of generated reports")
    parser.add_argument("--no-postgres", action="store_true", help="leave PostgreSQL out")
    args = parser.parse_args()
    count = args.reports or (2000 if args.quick else 10000)

    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as work:
        corpus = os.path.join(work, "reports")
        os.mkdir(corpus)
        generate(corpus, count)
        backends = [("sqlite", f"sqlite:///{work}/bench.db", None)]
        server = None
        if not args.no_postgres:
            from storyline.store.scratch_postgres import PostgresUnavailable, ScratchPostgres

            try:
                server = ScratchPostgres().start()
                backends.append(("postgresql", server.create_database("bench"), server))
            except PostgresUnavailable as exc:
                print(f"PostgreSQL left out: {exc}", file=sys.stderr)
        try:
            for name, url, pg in backends:
                first, summary = time_ingest(corpus, url)
                assert summary.new == count and summary.errors == 0, (summary.new, summary.notices[:3])
                again, summary = time_ingest(corpus, url)
                assert summary.present == count and summary.new == 0
                raw = raw_insert_sqlite(f"{work}/raw.db", corpus) if pg is None else raw_insert_postgres(pg, corpus)
                results.append({"backend": name, "ingest_s": first, "reingest_s": again, "raw_insert_s": raw})
        finally:
            if server is not None:
                server.stop()

    print(f"Ingestion throughput, {count} generated reports (files -> database), {os.cpu_count()} CPUs\n")
    header = f"{'backend':<11} {'phase':<24} {'seconds':>8} {'articles/s':>11} {'x naive load':>13}"
    print(header)
    print("-" * len(header))
    figures: dict[str, object] = {"benchmark": "ingest_throughput", "reports": count}
    for result in results:
        raw = result["raw_insert_s"]
        for phase, key in (("ingest (storyline)", "ingest_s"), ("re-ingest, all present", "reingest_s"), ("naive load (peer)", "raw_insert_s")):
            seconds = result[key]
            print(f"{result['backend']:<11} {phase:<24} {seconds:>8.2f} {count / seconds:>11.0f} {seconds / raw:>13.1f}")
            figures[f"{result['backend']}_{key.removesuffix('_s').replace('raw_insert', 'naive_load')}_articles_per_s"] = round(count / seconds, 1)
        figures[f"{result['backend']}_ingest_vs_naive"] = round(result["ingest_s"] / raw, 2)
    print()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
