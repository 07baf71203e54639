"""The store on real SQLite files and a real PostgreSQL server."""

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from storyline.errors import DatabaseError
from storyline.records import Report
from storyline.store import open_store, resolve_db_url
from storyline.store.schema import metadata


def report(text, **fields):
    return Report(text=text, source=fields.pop("source", "in.txt"), format="text", **fields)


def test_new_present_and_versions(db_url):
    with open_store(db_url) as store:
        first = store.add_reports([
            report("The dam was opened on Monday.", url="https://x.example/dam", version_key="url:https://x.example/dam",
                   published=dt.date(2026, 1, 5), outlet="X"),
            report("An unrelated report about the harvest."),
        ])
        assert [s.outcome for s in first] == ["new", "new"]
        again = store.add_reports([report("The dam was opened on Monday.", url="https://x.example/dam",
                                          version_key="url:https://x.example/dam")])
        assert again[0].outcome == "present" and again[0].article_id == first[0].article_id
        update = store.add_reports([
            report("The dam was opened on Monday; two villages were evacuated.", url="https://x.example/dam",
                   version_key="url:https://x.example/dam"),
        ])
        third = store.add_reports([report("The dam was opened on Monday; three villages were evacuated.",
                                          url="https://x.example/dam", version_key="url:https://x.example/dam")])
        assert (update[0].outcome, update[0].version, third[0].version) == ("version", 2, 3)
        chain = {a.id: a for a in store.articles()}
        assert chain[third[0].article_id].previous_version_id == update[0].article_id
        assert chain[update[0].article_id].previous_version_id == first[0].article_id
        assert chain[first[0].article_id].published == dt.date(2026, 1, 5)
        latest = [a.id for a in store.articles(latest_only=True)]
        assert latest == [first[1].article_id, third[0].article_id]
        stats = store.stats()
        assert (stats.articles, stats.latest_versions, stats.dated, stats.undated) == (4, 2, 1, 3)
        assert stats.sightings == 4  # the repeat of the same source added nothing


def test_same_text_elsewhere_is_one_article_seen_twice(db_url):
    with open_store(db_url) as store:
        results = store.add_reports([
            report("Syndicated wire copy about the storm.", source="a.txt", outlet="A"),
            report("Syndicated  wire copy about the storm.", source="b.txt", outlet="B"),  # same within a batch
        ])
        assert [r.outcome for r in results] == ["new", "present"]
        assert store.count() == 1 and store.stats().sightings == 2
        store.add_reports([report("Syndicated wire copy about the storm.", source="c.html", outlet="C",
                                  published=dt.date(2026, 3, 2), title="Storm hits coast", external_id="c")])
        (seen,) = store.sightings([results[0].article_id]).values()
        assert [(s["source"], s["outlet"]) for s in seen] == [("a.txt", "A"), ("b.txt", "B"), ("c.html", "C")]
        assert (seen[2]["published"], seen[2]["title"], seen[2]["external_id"]) == (dt.date(2026, 3, 2), "Storm hits coast", "c")
        assert store.sightings(["no-such-id"]) == {} and list(store.sightings()) == [results[0].article_id]
        article = store.article(results[0].article_id)
        assert article.source == "a.txt" and article.outlet == "A"
        assert article.ingested_at.tzinfo is not None


def test_reopening_keeps_data_and_migrated_schema_matches_the_tables(db_url):
    with open_store(db_url) as store:
        store.add_reports([report("Kept across openings.")])
    with open_store(db_url) as store:
        assert store.count() == 1
        with store.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []


def test_the_moment_of_publication_is_kept_in_utc_and_filled_in_when_the_text_is_seen_again_with_it(db_url):
    moment = dt.datetime(2026, 5, 14, 7, 30, tzinfo=dt.timezone.utc)
    with open_store(db_url) as store:
        (timed, untimed, other_day) = store.add_reports([
            report("A timed report about the flood.", published=dt.date(2026, 5, 14), published_at=moment),
            report("An untimed report about the fire.", published=dt.date(2026, 5, 14)),
            report("A report about the strike, dated once.", published=dt.date(2026, 5, 13)),
        ])
        assert store.article(timed.article_id).published_at == moment
        assert store.article(untimed.article_id).published_at is None
        later = moment + dt.timedelta(hours=3)
        store.add_reports([
            # seen again with its time (an HTML page of the text stored from a plain file): the time is filled in
            report("An untimed report about the fire.", source="page.html", published=dt.date(2026, 5, 14),
                   published_at=later),
            # a time of another day than the stored one belongs to another publication of the text: left out
            report("A report about the strike, dated once.", source="page.html", published=dt.date(2026, 5, 14),
                   published_at=later),
            # a stored time is not replaced by a later sighting's
            report("A timed report about the flood.", source="copy.html", published=dt.date(2026, 5, 14),
                   published_at=later),
        ])
    with open_store(db_url) as store:  # read back from the database, zone and all
        assert store.article(untimed.article_id).published_at == later
        assert store.article(other_day.article_id).published_at is None
        assert store.article(timed.article_id).published_at == moment
        assert store.article(timed.article_id).published_at.utcoffset() == dt.timedelta(0)


def test_a_database_of_the_previous_schema_is_migrated_with_its_articles_untimed(sqlite_url):
    from alembic import command

    from storyline.store.migrate import _config

    engine = create_engine(sqlite_url)
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
        connection.execute(text(
            "INSERT INTO articles (id, text, source, format, version, ingested_at, published) VALUES "
            "('00000000000000aa', 'Stored before times were kept.', 'old.txt', 'text', 1, '2026-05-14 08:00:00', "
            "'2026-05-14')"))
    engine.dispose()
    with open_store(sqlite_url) as store:
        article = store.article("00000000000000aa")
        assert article.text == "Stored before times were kept." and article.published == dt.date(2026, 5, 14)
        assert article.published_at is None


def test_unknown_article_is_none(db_url):
    with open_store(db_url) as store:
        assert store.article("0" * 16) is None


def test_database_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    assert resolve_db_url(None) == "sqlite:///storyline.db"
    assert resolve_db_url("data/news.db") == "sqlite:///data/news.db"
    assert resolve_db_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("STORYLINE_DB", f"sqlite:///{tmp_path}/env.db")
    assert resolve_db_url(None) == f"sqlite:///{tmp_path}/env.db"


@pytest.mark.parametrize("url, code, words", [
    ("mysql://u@h/db", "E202", "unsupported database"),
    ("sqlite:////no/such/folder/x.db", "E201", "does not exist"),
    ("postgresql+psycopg://nobody@127.0.0.1:1/none", "E201", "cannot open"),
])
def test_unusable_databases_get_clear_errors(url, code, words):
    with pytest.raises(DatabaseError) as caught:
        open_store(url)
    assert caught.value.code == code and words in str(caught.value)
