"""Sightings keep the date and title a text was published under at each place it was seen.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_sightings") as batch:
        batch.add_column(sa.Column("published", sa.Date()))
        batch.add_column(sa.Column("title", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("article_sightings") as batch:
        batch.drop_column("title")
        batch.drop_column("published")
