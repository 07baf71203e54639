"""API latency: event queries over generated events, through ``storyline serve``, on SQLite and PostgreSQL.

For each backend it stores N generated events (100,000 by default), starts the real server
(uvicorn, one process) on 127.0.0.1, and sends a fixed mix of event queries from a second
process (several threads, keep-alive connections). It prints p50/p95 latency per query and
requests/s for the whole mix. The peer is the same query run on the store directly in this
process (no HTTP, no JSON): the ratio column is API p50 over store p50, what the HTTP layer,
validation and serialisation add.

    .venv/bin/python benchmarks/api_latency.py [--quick] [--events N] [--no-postgres]
    (--quick: 20,000 events, fewer requests; under a minute)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import httpx

from storyline.records import Actor, Event, Figure, Place, TimeInterval

PLACES = [("TJ", "Tajikistan", "TJ-KT", "Khatlon", 37.8, 68.9), ("AF", "Afghanistan", "AF-KDZ", "Kunduz", 36.7, 68.9),
          ("SD", "Sudan", "SD-KN", "North Kordofan", 13.2, 30.2), ("NG", "Nigeria", "NG-BO", "Borno", 11.8, 13.2),
          ("SO", "Somalia", "SO-SH", "Lower Shabelle", 2.0, 44.8), ("ML", "Mali", "ML-6", "Mopti", 14.5, -4.2),
          ("SY", "Syria", "SY-HL", "Aleppo", 36.2, 37.2), ("UA", "Ukraine", "UA-14", "Donetsk", 48.0, 37.8)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Protests", "Peaceful protest"), ("Riots", "Mob violence")]
WORDS = ["market", "checkpoint", "convoy", "village", "camp", "school", "border", "patrol", "mine", "bridge"]

# name -> query string; DETAIL is filled with a real event id once the events exist
QUERIES = {
    "latest 50": "limit=50",
    "country=TJ": "country=TJ&limit=50",
    "country name + type": "country=Sudan&event_type=Battles&limit=50",
    "date range + min killed": "date_from=2025-03-01&date_to=2025-03-31&min_fatalities=5&limit=50",
    "bbox": "bbox=60,30,75,45&limit=50",
    "q word": "q=checkpoint&limit=50",
    "sort -fatalities": "sort=-fatalities&limit=50",
    "page 1000 rows": "limit=1000&min_sources=2",
    "one event": "DETAIL",
}


def generate(count: int, seed: int = 11) -> list[Event]:
    rng = random.Random(seed)
    found = []
    for number in range(count):
        iso, country, admin1_iso, admin1, lat, lon = rng.choice(PLACES)
        event_type, sub_type = rng.choice(TYPES)
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 12, 30])
        found.append(Event(
            id=f"{number:016x}", event_type=event_type, sub_event_type=sub_type, plover_type=None, plover_mode=None,
            cameo_root=None, actor1=Actor("gunmen", "Unidentified armed group", "rebels"), actor2=None,
            place=Place(country, iso, admin1, admin1_iso, None, lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1), "place"),
            time=TimeInterval(start, start + dt.timedelta(days=rng.choice([0, 0, 6])), "day", ""),
            fatalities=Figure(killed, killed, killed, str(killed)), injuries=None,
            victims=f"people near the {rng.choice(WORDS)}", incident_count=None, is_aggregate=False,
            acled_fatalities=killed, confidence=0.8, reports=tuple(f"r{number}-{k}" for k in range(rng.randrange(1, 5))),
            mentions=(), independent_sources=rng.randrange(1, 4), candidates=(), disagreements=(), evidence=()))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# -- the load generator (runs in its own process) ---------------------------------------------------

def client(base: str, paths: dict[str, str], rounds: int, threads: int) -> dict:
    """Each thread sends every query ``rounds`` times (in a shuffled order); latencies in ms per query."""
    latencies: dict[str, list[float]] = {name: [] for name in paths}
    lock = threading.Lock()

    def worker(seed: int) -> None:
        order = [name for name in paths for _ in range(rounds)]
        random.Random(seed).shuffle(order)
        with httpx.Client(base_url=base, timeout=60) as http:
            for name in order:
                started = time.perf_counter()
                response = http.get(paths[name])
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {response.status_code}: {response.text[:200]}")
                with lock:
                    latencies[name].append(elapsed)

    with httpx.Client(base_url=base) as http:  # warm up every query once
        for path in paths.values():
            http.get(path)
    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    wall = time.perf_counter() - started
    total = sum(len(v) for v in latencies.values())
    return {"latencies": latencies, "requests": total, "seconds": wall}


# -- the orchestration -------------------------------------------------------------------------------

def store_latency(store, rounds: int, detail_id: str) -> dict[str, float]:
    """p50 (ms) of each query run on the store directly: the peer."""
    from urllib.parse import parse_qsl

    from storyline.serve.api import params
    from storyline.store.queries import EventQuery

    found = {}
    for name, query in QUERIES.items():
        times = []
        for _ in range(max(5, rounds // 2)):
            started = time.perf_counter()
            if query == "DETAIL":
                store.event(detail_id)
            else:
                args = dict(parse_qsl(query))
                iso, country = params.country_filter(args.get("country"))
                sort, descending = params.sort(args.get("sort", "-date"), ("date", "fatalities", "sources", "reports"))
                store.query_events(EventQuery(
                    country_iso=iso, country=country, event_type=args.get("event_type"),
                    date_from=dt.date.fromisoformat(args["date_from"]) if "date_from" in args else None,
                    date_to=dt.date.fromisoformat(args["date_to"]) if "date_to" in args else None,
                    bbox=params.bbox(args.get("bbox")), min_fatalities=int(args["min_fatalities"]) if "min_fatalities" in args else None,
                    min_sources=int(args["min_sources"]) if "min_sources" in args else None, words=params.words(args.get("q"))),
                    sort=sort, descending=descending, limit=int(args["limit"]))
            times.append((time.perf_counter() - started) * 1000)
        found[name] = statistics.median(times)
    return found


def measure(backend: str, url: str, events: list[Event], rounds: int, threads: int) -> dict:
    from storyline.store import open_store

    store = open_store(url)
    started = time.perf_counter()
    store.replace_fusion(events, [])
    load_seconds = time.perf_counter() - started
    detail = events[len(events) // 2].id
    paths = {name: f"/api/events/{detail}" if q == "DETAIL" else f"/api/events?{q}" for name, q in QUERIES.items()}
    peer = store_latency(store, rounds, detail)
    store.close()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("STORYLINE_API_KEY", "STORYLINE_API_CLOSED_READS")}
    server = subprocess.Popen([sys.executable, "-m", "storyline", "serve", "--db", url, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit(f"{backend}: the server did not start")
                time.sleep(0.1)
        load = subprocess.run([sys.executable, __file__, "--client", base, "--paths", json.dumps(paths),
                               "--rounds", str(rounds), "--threads", str(threads)],
                              capture_output=True, text=True, check=True)
        result = json.loads(load.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)
    rows = {name: {"p50_ms": round(percentile(v, 0.5), 2), "p95_ms": round(percentile(v, 0.95), 2),
                   "store_p50_ms": round(peer[name], 2), "ratio": round(percentile(v, 0.5) / max(peer[name], 1e-6), 2)}
            for name, v in result["latencies"].items()}
    return {"backend": backend, "events": len(events), "load_seconds": round(load_seconds, 1), "queries": rows,
            "requests": result["requests"], "requests_per_second": round(result["requests"] / result["seconds"], 1),
            "threads": threads}


def print_table(result: dict) -> None:
    print(f"\n{result['backend']}: {result['events']:,} events (stored in {result['load_seconds']} s); "
          f"{result['requests']} requests from {result['threads']} client threads in a second process: "
          f"{result['requests_per_second']} requests/s")
    print(f"  {'query':<26}{'API p50 ms':>12}{'API p95 ms':>12}{'store p50 ms':>14}{'ratio':>8}")
    for name, row in result["queries"].items():
        print(f"  {name:<26}{row['p50_ms']:>12.2f}{row['p95_ms']:>12.2f}{row['store_p50_ms']:>14.2f}{row['ratio']:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 events and fewer requests (under a minute)")
    parser.add_argument("--events", type=int, help="how many events to generate (default 100,000)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--client", help=argparse.SUPPRESS)
    parser.add_argument("--paths", help=argparse.SUPPRESS)
    parser.add_argument("--rounds", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:  # the load-generating process
        print(json.dumps(client(args.client, json.loads(args.paths), args.rounds, args.threads)))
        return
    count = args.events or (20_000 if args.quick else 100_000)
    rounds = 5 if args.quick else 25
    events = generate(count)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        results.append(measure("sqlite", f"sqlite:///{folder}/bench.db", events, rounds, args.threads))
        print_table(results[-1])
    if not args.no_postgres:
        from storyline.store.scratch_postgres import PostgresUnavailable, ScratchPostgres

        try:
            with ScratchPostgres() as server:
                results.append(measure("postgresql", server.create_database("bench"), events, rounds, args.threads))
                print_table(results[-1])
        except PostgresUnavailable as exc:
            print(f"\npostgresql: skipped ({exc})")
    print(json.dumps({"benchmark": "api_latency", "results": results}))


if __name__ == "__main__":
    main()
