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
    Index("ix_articles_version_key", "version_key"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_url", "url"),
)

# Every place a stored text was seen: a re-run adds nothing, the same text from
# another file, feed or outlet adds a sighting (syndicated copies stay visible).
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
