"""The REST API against a real ``storyline serve`` (uvicorn) on real SQLite and PostgreSQL stores."""

from __future__ import annotations

import datetime as dt
import json
import random

import httpx
import pytest

from storyline.records import Actor, Event, Figure, Place, TimeInterval
from storyline.store import open_store
from tests.conftest import shared_path
from tests.serve.conftest import KHATLON_REWRITE, KHATLON_SOURCE
from tests.serve.live import LiveServer, copy_sqlite

KEY = "test-key-7d1f"

# -- synthetic events: known values, so every filter has an exact expected answer ------------------

COUNTRIES = [("TJ", "Tajikistan", "TJ-KT", "Khatlon", 37.8, 68.9), ("AF", "Afghanistan", "AF-KDZ", "Kunduz", 36.7, 68.9),
             ("SD", "Sudan", "SD-KN", "North Kordofan", 13.2, 30.2), ("NG", "Nigeria", "NG-BO", "Borno", 11.8, 13.2),
             ("FJ", "Fiji", "FJ-N", "Northern", -16.6, 179.6), ("FJ", "Fiji", "FJ-E", "Eastern", -17.8, -178.9)]
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")]


def synthetic_event(number: int, rng: random.Random) -> Event:
    iso, country, admin1_iso, admin1, lat, lon = COUNTRIES[number % len(COUNTRIES)]
    event_type, sub_type = TYPES[number % len(TYPES)]
    start = None if number % 11 == 0 else dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365))
    end = start + dt.timedelta(days=number % 3 * 3) if start else None
    killed = rng.choice([0, 1, 2, 3, 5, 8, 13, 40])
    located = number % 13 != 0
    words = f"report {number} {'100% destroyed' if number % 7 == 0 else 'partly_damaged' if number % 7 == 1 else 'quiet'}"
    return Event(
        id=f"ev{number:04d}", event_type=event_type, sub_event_type=sub_type, plover_type=None, plover_mode=None,
        cameo_root=None, actor1=Actor("gunmen", "Unidentified armed group", "rebels"), actor2=None,
        place=Place(country, iso, admin1, admin1_iso, None, lat if located else None, lon if located else None,
                    "admin1" if located else "unresolved"),
        time=TimeInterval(start, end, "day" if start else "unresolved", "" if start else "recently"),
        fatalities=Figure(killed, killed, killed, str(killed)), injuries=None, victims=words, incident_count=None,
        is_aggregate=number % 17 == 0, acled_fatalities=killed, confidence=0.8,
        reports=tuple(f"a{number}-{k}" for k in range(1 + number % 4)), mentions=(f"m{number}",),
        independent_sources=1 + number % 3, candidates=(), disagreements=(),
        evidence=())  # no stored articles behind these: their words are in ``victims``, which q searches


EVENTS = [synthetic_event(n, random.Random(n)) for n in range(1, 61)]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def synthetic(request, tmp_path_factory):
    """A server over a store holding the 60 synthetic events, once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('synthetic') / 'events.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database("api_synthetic")
    with open_store(url) as store:
        store.replace_fusion(EVENTS, [])
    with LiveServer(url) as server:
        yield server


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def expected(keep) -> set[str]:
    return {e.id for e in EVENTS if keep(e)}


def killed(event: Event) -> int:
    return event.fatalities.best


FILTERS = [
    ({"country": "TJ"}, lambda e: e.place.country_iso == "TJ"),
    ({"country": "tajikistan"}, lambda e: e.place.country_iso == "TJ"),
    ({"country": "AFG"}, lambda e: e.place.country_iso == "AF"),
    ({"admin1": "TJ-KT"}, lambda e: e.place.admin1_iso == "TJ-KT"),
    ({"admin1": "north kordofan"}, lambda e: e.place.admin1 == "North Kordofan"),
    ({"event_type": "Explosions/Remote violence"}, lambda e: e.event_type == "Explosions/Remote violence"),
    ({"sub_event_type": "Air/drone strike"}, lambda e: e.sub_event_type == "Air/drone strike"),
    ({"date_from": "2025-06-01", "date_to": "2025-06-30"},
     lambda e: e.time.start is not None and e.time.end >= dt.date(2025, 6, 1) and e.time.start <= dt.date(2025, 6, 30)),
    ({"bbox": "60,30,75,45"}, lambda e: e.place.latitude is not None and 60 <= e.place.longitude <= 75
     and 30 <= e.place.latitude <= 45),
    ({"bbox": "170,-30,-170,0"}, lambda e: e.place.latitude is not None and abs(e.place.longitude) >= 170
     and -30 <= e.place.latitude <= 0),  # a box across the antimeridian
    ({"min_fatalities": "8"}, lambda e: killed(e) >= 8),
    ({"min_sources": "3"}, lambda e: e.independent_sources >= 3),
    ({"q": "100%"}, lambda e: "100%" in e.victims),
    ({"q": "partly_damaged"}, lambda e: "partly_damaged" in e.victims),
    ({"q": "_"}, lambda e: "_" in e.victims),
    ({"q": "QUIET Kordofan"}, lambda e: "quiet" in e.victims and e.place.admin1 == "North Kordofan"),
    ({"q": "' OR 1=1 --"}, lambda e: False),
    ({"aggregates": "false"}, lambda e: not e.is_aggregate),
    ({"country": "FJ", "min_fatalities": "3", "event_type": "Battles"},
     lambda e: e.place.country_iso == "FJ" and killed(e) >= 3 and e.event_type == "Battles"),
]


@pytest.mark.parametrize("query,keep", FILTERS, ids=[json.dumps(q) for q, _ in FILTERS])
def test_filters_return_exactly_the_matching_events(synthetic, query, keep):
    response = synthetic.get("/api/events", limit=1000, total="true", **query)
    assert set(ids(response)) == expected(keep)
    assert response.json()["total"] == len(expected(keep))


@pytest.mark.parametrize("sort", ["-date", "date", "fatalities", "-fatalities", "sources", "-reports"])
def test_cursor_pages_walk_every_match_once_in_order(synthetic, sort):
    seen, cursor, pages = [], None, 0
    while True:
        response = synthetic.get("/api/events", sort=sort, limit=7, country="FJ", **({"cursor": cursor} if cursor else {}))
        seen += ids(response)
        cursor = response.json()["next_cursor"]
        pages += 1
        if not cursor:
            break
    wanted = [e for e in EVENTS if e.place.country_iso == "FJ"]
    assert sorted(seen) == sorted(e.id for e in wanted) and len(seen) == len(set(seen))
    assert pages == -(-len(wanted) // 7)
    name, descending = sort.lstrip("-"), sort.startswith("-")
    key = {"date": lambda e: (e.time.start or dt.date.min, e.id), "fatalities": lambda e: (killed(e), e.id),
           "sources": lambda e: (e.independent_sources, e.id), "reports": lambda e: (len(e.reports), e.id)}[name]
    assert seen == [e.id for e in sorted(wanted, key=key, reverse=descending)]


def test_list_items_carry_the_fields_the_map_needs(synthetic):
    item = synthetic.get("/api/events", q="report 12").json()["items"][0]
    source = next(e for e in EVENTS if e.id == item["id"])
    assert item["place"]["latitude"] == source.place.latitude and item["fatalities"]["best"] == killed(source)
    assert item["report_count"] == len(source.reports) and item["independent_sources"] == source.independent_sources


@pytest.mark.parametrize("query,parameter", [
    ({"min_fatalities": "many"}, "min_fatalities"),
    ({"min_sources": "-1"}, "min_sources"),
    ({"limit": "0"}, "limit"),
    ({"limit": "5000"}, "limit"),
    ({"date_from": "2025-13-01"}, "date_from"),
    ({"date_from": "2025-06-02", "date_to": "2025-06-01"}, "date_to"),
    ({"bbox": "60,30,75"}, "bbox"),
    ({"bbox": "60,50,75,40"}, "bbox"),
    ({"country": "Atlantis"}, "country"),
    ({"sort": "colour"}, "sort"),
    ({"cursor": "not-a-cursor!"}, "cursor"),
])
def test_invalid_parameters_get_422_naming_the_parameter(synthetic, query, parameter):
    response = synthetic.get("/api/events", **query)
    assert response.status_code == 422
    body = response.json()
    assert [e["parameter"] for e in body["errors"]] == [parameter]
    assert body["detail"].startswith(parameter + ":")


def test_a_cursor_only_continues_its_own_sort(synthetic):
    cursor = synthetic.get("/api/events", sort="fatalities", limit=5).json()["next_cursor"]
    assert cursor
    response = synthetic.get("/api/events", sort="-date", cursor=cursor)
    assert response.status_code == 422 and response.json()["errors"][0]["parameter"] == "cursor"


def test_unknown_ids_get_404(synthetic):
    for path in ("/api/events/nope", "/api/stories/nope", "/api/articles/nope", "/api/statements/nope"):
        response = synthetic.get(path)
        assert response.status_code == 404, path
        assert "nope" in response.json()["detail"]
    assert synthetic.get("/api/compare", a="nope", b="nada").status_code == 404


def test_openapi_and_docs_are_served_from_this_server(synthetic):
    spec = synthetic.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/compare", "/api/framing",
            "/api/export/{kind}", "/api/stories/{story_id}", "/api/statements"} <= set(spec["paths"])
    assert "bearer" in json.dumps(spec["components"]["securitySchemes"]).lower()
    docs = synthetic.get("/docs")
    assert docs.status_code == 200 and "//" not in docs.text.replace("<!doctype", "")
    assert synthetic.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert "default-src 'self'" in docs.headers["content-security-policy"]


# -- the seeds and the sample corpus through the real pipeline -------------------------------------

@pytest.fixture(scope="module")
def seeded(seeded_sqlite):
    with LiveServer(seeded_sqlite) as server:
        yield server


def khatlon_strike(server) -> dict:
    items = server.get("/api/events", country="TJ", sub_event_type="Air/drone strike").json()["items"]
    strikes = [e for e in items if e["place"]["admin1"] == "Khatlon"]
    assert len(strikes) == 1, items
    return strikes[0]


def test_country_tj_returns_the_khatlon_drone_strike_with_evidence(seeded):
    items = seeded.get("/api/events", country="TJ").json()["items"]
    assert items and all(e["place"]["country_iso"] == "TJ" for e in items)
    strike = khatlon_strike(seeded)
    assert strike["fatalities"]["best"] == 3 and strike["time"]["start"] == "2025-11-24"
    assert strike["id"] in ids(seeded.get("/api/events", country="Tajikistan"))
    assert strike["id"] not in ids(seeded.get("/api/events", country="AF"))
    event = seeded.get(f"/api/events/{strike['id']}").json()
    reports = {r["external_id"]: r["id"] for r in event["reports"]}
    assert set(reports) == {KHATLON_SOURCE, KHATLON_REWRITE}
    assert event["report_count"] == 2 and event["independent_sources"] == 1  # a rewrite is not a second source
    texts = {i: seeded.get(f"/api/articles/{i}").json()["text"] for i in reports.values()}
    assert {e["article_id"] for e in event["evidence"]} == set(reports.values())
    for item in event["evidence"]:
        text = texts[item["article_id"]]
        assert text[item["start"]:item["end"]] == item["text"]
        sentence = item["sentence"]
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]
        assert sentence["start"] <= item["start"] and item["end"] <= sentence["end"]
    killed_spans = [e for e in event["evidence"] if e["field"] == "fatalities"]
    assert any(e["text"] == "three" and "Chinese workers" in e["sentence"]["text"] for e in killed_spans)


def test_facets_count_the_stored_values_and_name_each_country(seeded):
    facets = seeded.get("/api/events/facets").json()
    every = []
    cursor = None
    while True:
        page = seeded.get("/api/events", limit=200, **({"cursor": cursor} if cursor else {})).json()
        every += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    countries = {}
    for event in every:
        if event["place"]["country_iso"]:
            countries[event["place"]["country_iso"]] = countries.get(event["place"]["country_iso"], 0) + 1
    assert dict(facets["country_iso"]) == countries
    assert facets["country_names"]["TJ"] == "Tajikistan" and set(facets["country_names"]) == set(countries)


def test_compare_puts_the_source_left_and_finds_the_taliban_substitution(seeded):
    result = seeded.get("/api/compare", a=KHATLON_REWRITE, b=KHATLON_SOURCE).json()
    assert result["a"]["external_id"] == KHATLON_SOURCE and result["relation"] == "derived"
    taliban = [s for s in result["substitutions"] if "Taliban" in s["source"] and "Islamic Emirate" in s["derived"]]
    assert taliban
    for s in result["substitutions"]:
        assert result["a"]["text"][s["source_start"]:s["source_end"]] == s["source"]
        assert result["b"]["text"][s["derived_start"]:s["derived_end"]] == s["derived"]
    kinds = {a["kind"] for a in result["alignments"]}
    assert {"verbatim", "rewrite"} <= kinds


def test_story_has_reports_in_time_order_edges_and_framing(seeded):
    strike = seeded.get(f"/api/events/{khatlon_strike(seeded)['id']}").json()
    story = seeded.get(f"/api/stories/{strike['stories'][0]}").json()
    by_external = {r["external_id"]: r for r in story["reports"]}
    assert {KHATLON_SOURCE, KHATLON_REWRITE} <= set(by_external)
    edge = next(d for d in story["derivations"] if d["relation"] == "derived")
    assert (edge["source"], edge["derived"]) == (by_external[KHATLON_SOURCE]["id"], by_external[KHATLON_REWRITE]["id"])
    # the rewrite leads back to the report it rewrote: one lineage per independent source
    assert story["lineages"][by_external[KHATLON_REWRITE]["id"]] == story["lineages"][by_external[KHATLON_SOURCE]["id"]]
    assert set(story["lineages"]) == {r["id"] for r in story["reports"]}
    assert len(set(story["lineages"].values())) == story["independent_sources"]
    assert any("Taliban" in row["source_term"] and "Islamic Emirate" in row["derived_term"] for row in story["framing"])
    framing = seeded.get("/api/framing").json()
    assert any("Taliban" in row["source_term"] and "Islamic Emirate" in row["derived_term"] for row in framing)
    dates = [r["published"] or r["published_inferred"] for r in seeded.get("/api/stories/" + seeded.get(
        "/api/stories").json()[0]["id"]).json()["reports"]]
    assert dates == sorted(dates)


def test_article_lists_the_spans_of_every_extracted_field(seeded):
    article = seeded.get("/api/articles", limit=1).json()[0]
    detail = seeded.get(f"/api/articles/{article['id']}").json()
    mentions = seeded.get("/api/export/mentions", format="jsonl").text.splitlines()
    own = [json.loads(line) for line in mentions if json.loads(line)["article_id"] == article["id"]]
    assert len(detail["spans"]) == sum(len(m["evidence"]) for m in own) > 0
    assert all(detail["text"][s["start"]:s["end"]] == s["text"] for s in detail["spans"])
    assert [s["source"] for s in detail["sightings"]] == [detail["source"]]  # seen at one place only


def test_statements_filter_by_type_and_words(seeded):
    everything = seeded.get("/api/statements", limit=1000, total="true").json()
    assert everything["total"] == len(everything["items"]) > 0
    kind = everything["items"][0]["statement_type"]
    typed = seeded.get("/api/statements", statement_type=kind, limit=1000).json()["items"]
    assert typed and all(s["statement_type"] == kind for s in typed)
    assert len(typed) == sum(1 for s in everything["items"] if s["statement_type"] == kind)
    detail = seeded.get(f"/api/statements/{typed[0]['id']}").json()
    assert detail["evidence"] and detail["reports"]


def test_exports_match_the_store(seeded):
    total = seeded.get("/api/events", total="true", limit=1).json()["total"]
    lines = seeded.get("/api/export/events", format="jsonl").text.splitlines()
    assert len(lines) == total and all(json.loads(line)["id"] for line in lines)
    geojson = seeded.get("/api/export/events", format="geojson").json()
    assert geojson["type"] == "FeatureCollection"
    csv = seeded.get("/api/export/stories", format="csv")
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.startswith("id,title")
    assert seeded.get("/api/export/events", format="docx").json()["errors"][0]["parameter"] == "format"
    assert seeded.get("/api/export/secrets").status_code == 422


# -- writes ---------------------------------------------------------------------------------------

OWN_REPORT = ("date 2026-02-14\ntitle Gunmen attack a police post in Kidal\n"
              "Gunmen attacked a police post in Kidal, Mali, on Friday, killing four police officers, the regional "
              "governor said. He said the attackers fled towards the north after a gunfight that lasted an hour.")


def test_posting_without_the_key_is_401_and_stores_nothing(seeded_sqlite, tmp_path):
    url = copy_sqlite(seeded_sqlite, tmp_path, "write.db")
    body = {"reports": [{"text": OWN_REPORT}]}
    with LiveServer(url) as keyless:  # a server without a key takes no writes at all
        before = len(keyless.get("/api/articles", limit=1000).json())
        assert keyless.post("/api/articles", body).status_code == 401
        assert keyless.post("/api/articles", body, key="anything").status_code == 401
    with LiveServer(url, api_key=KEY) as server:
        response = server.post("/api/articles", body)
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert server.post("/api/articles", body, key=KEY + "x").status_code == 401
        assert len(server.get("/api/articles", limit=1000).json()) == before
        assert server.get("/api/events", q="kidal").json()["items"] == []


def test_posting_with_the_key_ingests_and_runs_the_pipeline(seeded_sqlite, tmp_path):
    url = copy_sqlite(seeded_sqlite, tmp_path, "write.db")
    with LiveServer(url, api_key=KEY) as server:
        response = server.post("/api/articles", {"reports": [{"text": OWN_REPORT, "outlet": "Sahel Test Wire"}]}, key=KEY)
        assert response.status_code == 201, response.text
        stored = response.json()["stored"]
        assert [s["outcome"] for s in stored] == ["new"] and stored[0]["events"]
        article = server.get(f"/api/articles/{stored[0]['id']}").json()
        assert article["published"] == "2026-02-14" and article["title"].startswith("Gunmen attack")
        assert article["outlet"] == "Sahel Test Wire" and not article["text"].startswith("date")
        event = server.get(f"/api/events/{stored[0]['events'][0]}").json()
        assert event["place"]["country_iso"] == "ML" and event["fatalities"]["best"] == 4
        assert stored[0]["events"][0] in ids(server.get("/api/events", country="Mali", q="police"))
        again = server.post("/api/articles", {"reports": [{"text": OWN_REPORT}]}, key=KEY).json()
        assert again["stored"][0]["outcome"] == "present"
        assert article["published_at"] is None  # the header gives a day, no time
        timed = {"text": "A bus overturned on the Segou road on Friday, injuring eleven passengers, police said.",
                 "published_at": "2026-02-14T23:30:00-01:00"}
        (stored_timed,) = server.post("/api/articles", {"reports": [timed]}, key=KEY).json()["stored"]
        shown = server.get(f"/api/articles/{stored_timed['id']}").json()
        assert shown["published_at"] == "2026-02-15T00:30:00Z" and shown["published"] == "2026-02-14"
        zoneless = {**timed, "published_at": "2026-02-14T23:30:00"}
        assert server.post("/api/articles", {"reports": [zoneless]}, key=KEY).status_code == 422
        bad = server.post("/api/articles", {"reports": [{"text": "date 2026-02-14\n   "}]}, key=KEY)
        assert bad.status_code == 422 and bad.json()["errors"][0]["parameter"] == "reports.0.text"
        assert server.post("/api/articles", {"reports": []}, key=KEY).status_code == 422


def test_request_bodies_over_the_limit_are_refused(tmp_path):
    url = f"sqlite:///{tmp_path}/limit.db"
    with LiveServer(url, api_key=KEY, max_body="64KB") as server:
        big = {"reports": [{"text": "Gunmen attacked a market. " * 4000}]}
        response = server.post("/api/articles", big, key=KEY)
        assert response.status_code == 413
        assert server.get("/api/articles").json() == []


def test_reads_can_be_closed_by_configuration(tmp_path):
    url = f"sqlite:///{tmp_path}/closed.db"
    with LiveServer(url, api_key=KEY, closed_reads=True) as server:
        assert httpx.get(server.url + "/api/events").status_code == 401
        assert httpx.get(server.url + "/api/stories").status_code == 401
        assert server.get("/api/events").status_code == 200  # sends the key


@pytest.mark.postgres
def test_seeds_posted_to_a_postgresql_store_give_the_khatlon_strike(postgres):
    seeds = shared_path("seeds")
    url = postgres.create_database("api_seeds")
    body = {"reports": [{"text": p.read_text(encoding="utf-8"), "external_id": p.stem}
                        for p in sorted(seeds.glob("*.txt"))]}
    with LiveServer(url, api_key=KEY) as server:
        assert server.post("/api/articles", body, key=None).status_code == 401
        response = server.post("/api/articles", body, key=KEY)
        assert response.status_code == 201, response.text
        strike = khatlon_strike(server)
        assert strike["fatalities"]["best"] == 3 and strike["independent_sources"] == 1
        event = server.get(f"/api/events/{strike['id']}").json()
        assert any(e["field"] == "fatalities" and e["text"] == "three" for e in event["evidence"])
        result = server.get("/api/compare", a=KHATLON_SOURCE, b=KHATLON_REWRITE).json()
        assert any("Taliban" in s["source"] and "Islamic Emirate" in s["derived"] for s in result["substitutions"])


# -- the words a rewrite copied -------------------------------------------------------------------

def test_compare_returns_the_copied_runs_and_renders_links_stored_without_them(tmp_path):
    from dataclasses import replace

    from storyline.link.align import split_passages
    from storyline.link.linker import link_pending
    from storyline.records import Report
    from tests.link.test_align import FLOOD_COPIED, FLOOD_LIFTED, FLOOD_PAPER, FLOOD_WIRE

    url = f"sqlite:///{tmp_path / 'flood.db'}"
    with open_store(url) as store:
        store.add_reports([Report(text=text, source=f"{name}.txt", format="text", published=day, external_id=name)
                           for name, text, day in (("wire", FLOOD_WIRE, dt.date(2026, 3, 2)),
                                                   ("paper", FLOOD_PAPER, dt.date(2026, 3, 3)))])
        link_pending(store)
        (link,) = store.links()
    with LiveServer(url) as server:
        result = server.get("/api/compare", a="paper", b="wire").json()
        assert result["a"]["external_id"] == "wire" and result["relation"] == "derived"
        wire, paper = result["a"]["text"], result["b"]["text"]
        assert {FLOOD_COPIED, FLOOD_LIFTED} <= {c["text"] for c in result["copied"]}
        for copied in result["copied"]:
            assert paper[copied["derived_start"]:copied["derived_end"]] == copied["text"]
            assert wire[copied["source_start"]:copied["source_end"]].lower().replace(",", "") == \
                copied["text"].lower().replace(",", "")
        sentences = [a for a in result["alignments"] if a["derived_start"] is not None]
        assert len(sentences) == 5  # one row per sentence of the paper: the copied runs are not rows
        with open_store(url) as store:  # a link stored before copied runs were kept
            store.save_links([replace(link, alignments=tuple(split_passages(link.alignments).sentences))])
        before = server.get("/api/compare", a="paper", b="wire").json()
        assert before["copied"] == [] and before["alignments"] == result["alignments"]
