"""The store as version 0.1.0 made it: sessions, groups and their answers.

A 0.1.0 file already has these tables and no ``alembic_version``; the store
stamps such a file with this revision rather than running it.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshop_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("workshop_sessions.id"), nullable=False),
        sa.Column("key", sa.String(400), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("session_id", "key", name="uq_group_key"),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("groups.id"), nullable=False),
        sa.Column("exercise", sa.String(100), nullable=False),
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_answers_lookup", "answers", ["group_id", "exercise", "item", "id"])


def downgrade() -> None:
    op.drop_index("ix_answers_lookup", table_name="answers")
    op.drop_table("answers")
    op.drop_table("groups")
    op.drop_table("workshop_sessions")
