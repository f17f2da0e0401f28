"""An area's own material: imported outcomes frameworks and indicator data (workshop_kit/importing/).

Three new tables; nothing existing changes. A table already there (a store made
while imports were being built, before this revision existed) is left as it is.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("area_imports"):
        op.create_table(
            "area_imports",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("session_id", sa.Integer, sa.ForeignKey("workshop_sessions.id"), nullable=False),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("file_name", sa.Text, nullable=False),
            sa.Column("fingerprint", sa.String(64), nullable=False),
            sa.Column("row_count", sa.Integer, nullable=False),
            sa.Column("columns", sa.JSON, nullable=False),
            sa.Column("report", sa.JSON, nullable=False),
            sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
            sa.UniqueConstraint("session_id", "kind", "fingerprint", name="uq_area_import"),
        )
    if _missing("area_framework_rows"):
        op.create_table(
            "area_framework_rows",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("import_id", sa.Integer, sa.ForeignKey("area_imports.id"), nullable=False),
            sa.Column("row_number", sa.Integer, nullable=False),
            *(sa.Column(name, sa.Text, nullable=False) for name in ("aspiration", "outcome", "indicator", "service", "lead", "source")),
        )
        op.create_index("ix_area_framework_rows_import", "area_framework_rows", ["import_id", "id"])
    if _missing("area_indicator_values"):
        op.create_table(
            "area_indicator_values",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("import_id", sa.Integer, sa.ForeignKey("area_imports.id"), nullable=False),
            sa.Column("row_number", sa.Integer, nullable=False),
            *(sa.Column(name, sa.Text, nullable=False) for name in ("indicator", "area", "unit")),
            sa.Column("period", sa.String(20), nullable=False),
            sa.Column("period_kind", sa.String(20), nullable=False),
            sa.Column("period_start", sa.Date, nullable=False),
            sa.Column("value", sa.Float, nullable=False),
        )
        op.create_index("ix_area_indicator_values_series", "area_indicator_values", ["import_id", "indicator", "area", "period_start"])


def downgrade() -> None:
    op.drop_index("ix_area_indicator_values_series", table_name="area_indicator_values")
    op.drop_table("area_indicator_values")
    op.drop_index("ix_area_framework_rows_import", table_name="area_framework_rows")
    op.drop_table("area_framework_rows")
    op.drop_table("area_imports")
