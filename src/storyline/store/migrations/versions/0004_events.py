"""Fusion: events and statements, with the mentions each one fused.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("country_iso", sa.String(2)),
        sa.Column("country", sa.Text()),
        sa.Column("admin1_iso", sa.String(16)),
        sa.Column("admin1", sa.Text()),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("is_aggregate", sa.Integer(), nullable=False),
        sa.Column("sort_date", sa.Date(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
    )
    op.create_index("ix_events_country_iso", "events", ["country_iso"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])
    op.create_index("ix_events_latitude", "events", ["latitude", "longitude"])
    op.create_index("ix_events_sort_date", "events", ["sort_date", "id"])
    op.create_table(
        "event_mentions",
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("mention_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "mention_id", name="pk_event_mentions"),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name="fk_event_mentions_event_id_events"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_event_mentions_article_id_articles"),
    )
    op.create_index("ix_event_mentions_article_id", "event_mentions", ["article_id"])
    op.create_table(
        "statements",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("statement_type", sa.String(32), nullable=False),
        sa.Column("speaker", sa.Text()),
        sa.Column("speaker_org", sa.Text()),
        sa.Column("date_start", sa.Date()),
        sa.Column("about_event", sa.String(32)),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("sort_date", sa.Date(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
    )
    op.create_index("ix_statements_date_start", "statements", ["date_start"])
    op.create_index("ix_statements_sort_date", "statements", ["sort_date", "id"])
    op.create_table(
        "statement_mentions",
        sa.Column("statement_id", sa.String(32), nullable=False),
        sa.Column("mention_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("statement_id", "mention_id", name="pk_statement_mentions"),
        sa.ForeignKeyConstraint(["statement_id"], ["statements.id"], name="fk_statement_mentions_statement_id_statements"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], name="fk_statement_mentions_article_id_articles"),
    )
    op.create_index("ix_statement_mentions_article_id", "statement_mentions", ["article_id"])


def downgrade() -> None:
    op.drop_table("statement_mentions")
    op.drop_table("statements")
    op.drop_table("event_mentions")
    op.drop_table("events")
