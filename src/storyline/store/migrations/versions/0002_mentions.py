"""Mentions extracted from each article, and which analyser produced them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("mention_type", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_mentions"),
        sa.UniqueConstraint("id", name="uq_mentions_id"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_mentions_article_id_articles"),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_index("ix_mentions_mention_type", "mentions", ["mention_type"])
    op.create_table(
        "analyses",
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.Column("analyser", sa.String(64), nullable=False),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_analyses"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_analyses_article_id_articles"),
    )


def downgrade() -> None:
    op.drop_table("analyses")
    op.drop_table("mentions")
