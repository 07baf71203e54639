"""Articles and where each was seen.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("byline", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("external_id", sa.Text()),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("encoding", sa.String(32)),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_version_id", sa.String(32)),
        sa.Column("version_key", sa.Text()),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_articles"),
        sa.UniqueConstraint("id", name="uq_articles_id"),
        sa.ForeignKeyConstraint(["previous_version_id"], ["articles.id"], name="fk_articles_previous_version_id_articles"),
    )
    op.create_index("ix_articles_version_key", "articles", ["version_key"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_table(
        "article_sightings",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("sighting_key", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.Text()),
        sa.Column("external_id", sa.Text()),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_article_sightings"),
        sa.UniqueConstraint("article_id", "sighting_key", name="uq_article_sightings_article_id"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_article_sightings_article_id_articles"),
    )
    op.create_index("ix_article_sightings_article_id", "article_sightings", ["article_id"])


def downgrade() -> None:
    op.drop_table("article_sightings")
    op.drop_table("articles")
