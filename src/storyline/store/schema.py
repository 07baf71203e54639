"""The database tables, as SQLAlchemy Core metadata.

Alembic migrations in ``migrations/versions`` create and change these tables;
a test checks that the migrated schema and this metadata agree.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    JSON,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    # Ingestion order; ids are hashes and carry no order.
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("byline", Text),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", Date),
    Column("external_id", Text),
    Column("source", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("encoding", String(32)),
    Column("version", Integer, nullable=False, default=1),
    Column("previous_version_id", String(32), ForeignKey("articles.id")),
    Column("version_key", Text),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # The moment of publication (UTC), where the input stated a time of day with its zone.
    Column("published_at", DateTime(timezone=True)),
    Index("ix_articles_version_key", "version_key"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_url", "url"),
)

# Every place a stored text was seen: a re-run adds nothing, the same text from
# another file, feed or outlet adds a sighting (syndicated copies stay visible, each
# with the date and title it was published under there).
article_sightings = Table(
    "article_sightings",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("sighting_key", String(64), nullable=False),
    Column("source", Text, nullable=False),
    Column("url", Text),
    Column("outlet", Text),
    Column("external_id", Text),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("published", Date),
    Column("title", Text),
    UniqueConstraint("article_id", "sighting_key", name="uq_article_sightings_article_id"),
    Index("ix_article_sightings_article_id", "article_id"),
)

# What each article yielded; one row per mention, in the flat form of records.mention_to_dict.
mentions = Table(
    "mentions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Column("mention_type", String(16), nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_mentions_article_id", "article_id"),
    Index("ix_mentions_mention_type", "mention_type"),
)

# Which articles were analysed, by which version of the analyser: a new version re-analyses.
analyses = Table(
    "analyses",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("analyser", String(64), nullable=False),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    Column("mentions", Integer, nullable=False),
)

# Linking: each article's LSH bucket keys (one row per band), so candidates are found by index, not by scan.
lsh_buckets = Table(
    "lsh_buckets",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("bucket", BigInteger, nullable=False),
    Index("ix_lsh_buckets_band", "band", "bucket"),
)

# Multi-word proper names of each article ("Guo Zhijun", "Khatlon Region"), hashed: rewrites that share
# little wording still share names, so two or more shared names make a candidate pair.
name_keys = Table(
    "name_keys",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("key", BigInteger, primary_key=True),
    Index("ix_name_keys_key", "key"),
)

# Which articles the linker has seen, with which index parameters (a change rebuilds the index).
linked = Table(
    "linked",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("linker", String(64), nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

# The relation of a pair of articles, with alignments and substitutions (records.Link as JSON).
links = Table(
    "links",
    metadata,
    Column("source_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("derived_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("relation", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_links_derived_id", "derived_id"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", String(32), ForeignKey("stories.id"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Index("ix_story_articles_article_id", "article_id"),
)

# A publication date inferred for an undated article from the reports linked to it.
inferred_dates = Table(
    "inferred_dates",
    metadata,
    Column("article_id", String(32), ForeignKey("articles.id"), primary_key=True),
    Column("published", Date, nullable=False),
    Column("inferred_from", String(32), ForeignKey("articles.id"), nullable=False),
    Column("reason", Text, nullable=False),
)

# Fusion: one row per real incident (records.Event as JSON in ``data``), with the fields the API filters on.
events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("country_iso", String(2)),
    Column("country", Text),
    Column("admin1_iso", String(16)),
    Column("admin1", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer, nullable=False),  # the chosen best figure, else its low, else 0
    Column("independent_sources", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("is_aggregate", Integer, nullable=False),
    Column("sort_date", Date, nullable=False),  # date_start, or 0001-01-01 when unknown: the API sorts on an index
    Column("search_text", Text, nullable=False),  # lower-cased fields and evidence, for the API's ``q``
    Column("data", JSON, nullable=False),
    Index("ix_events_country_iso", "country_iso"),
    Index("ix_events_sort_date", "sort_date", "id"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_sub_event_type", "sub_event_type"),
    Index("ix_events_latitude", "latitude", "longitude"),
)

# Which mention of which article each event fused.
event_mentions = Table(
    "event_mentions",
    metadata,
    Column("event_id", String(32), ForeignKey("events.id"), primary_key=True),
    Column("mention_id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Index("ix_event_mentions_article_id", "article_id"),
)

# One row per fused statement (records.FusedStatement as JSON in ``data``).
statements = Table(
    "statements",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("statement_type", String(32), nullable=False),
    Column("speaker", Text),
    Column("speaker_org", Text),
    Column("date_start", Date),
    Column("about_event", String(32)),
    Column("independent_sources", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("sort_date", Date, nullable=False),
    Column("search_text", Text, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_statements_date_start", "date_start"),
    Index("ix_statements_sort_date", "sort_date", "id"),
)

statement_mentions = Table(
    "statement_mentions",
    metadata,
    Column("statement_id", String(32), ForeignKey("statements.id"), primary_key=True),
    Column("mention_id", String(32), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id"), nullable=False),
    Index("ix_statement_mentions_article_id", "article_id"),
)
