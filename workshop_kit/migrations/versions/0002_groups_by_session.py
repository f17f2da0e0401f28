"""An index on a session's groups by mode, for the dashboard's table list and the last learner studying alone.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_groups_session_mode", "groups", ["session_id", "mode"])


def downgrade() -> None:
    op.drop_index("ix_groups_session_mode", table_name="groups")
