"""Linking: LSH buckets, name keys, links between articles, stories and inferred publication dates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lsh_buckets",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "band", name="pk_lsh_buckets"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_lsh_buckets_article_id_articles"),
    )
    op.create_index("ix_lsh_buckets_band", "lsh_buckets", ["band", "bucket"])
    op.create_table(
        "name_keys",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "key", name="pk_name_keys"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_name_keys_article_id_articles"),
    )
    op.create_index("ix_name_keys_key", "name_keys", ["key"])
    op.create_table(
        "linked",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("linker", sa.String(64), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_linked"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_linked_article_id_articles"),
    )
    op.create_table(
        "links",
        sa.Column("source_id", sa.String(32), nullable=False),
        sa.Column("derived_id", sa.String(32), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", "derived_id", name="pk_links"),
        sa.ForeignKeyConstraint(["source_id"], ["articles.id"], name="fk_links_source_id_articles"),
        sa.ForeignKeyConstraint(["derived_id"], ["articles.id"], name="fk_links_derived_id_articles"),
    )
    op.create_index("ix_links_derived_id", "links", ["derived_id"])
    op.create_table(
        "stories",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "story_articles",
        sa.Column("story_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("story_id", "article_id", name="pk_story_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], name="fk_story_articles_story_id_stories"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_story_articles_article_id_articles"),
    )
    op.create_index("ix_story_articles_article_id", "story_articles", ["article_id"])
    op.create_table(
        "inferred_dates",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("published", sa.Date(), nullable=False),
        sa.Column("inferred_from", sa.String(32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_inferred_dates"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_inferred_dates_article_id_articles"),
        sa.ForeignKeyConstraint(["inferred_from"], ["articles.id"], name="fk_inferred_dates_inferred_from_articles"),
    )


def downgrade() -> None:
    for table in ("inferred_dates", "story_articles", "stories", "links", "linked", "name_keys", "lsh_buckets"):
        op.drop_table(table)
