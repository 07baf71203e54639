"""Articles keep the moment of publication (UTC) where the input stated a time of day with its zone.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("published_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("published_at")
