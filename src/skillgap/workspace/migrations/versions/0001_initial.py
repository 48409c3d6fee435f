"""The first workspace schema: coaches, clients, postings and sets, snapshots and gaps, notes.

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

NAME = sa.String(200)


def upgrade() -> None:
    op.create_table(
        "coaches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", NAME, nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "coach_id", sa.Integer, sa.ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("display_name", NAME, nullable=False),
        sa.Column("contact", NAME),
        sa.Column("consent_resume", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("coach_id", "display_name"),
    )
    op.create_index("ix_clients_coach_id", "clients", ["coach_id"])
    op.create_table(
        "postings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", NAME, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "posting_sets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "coach_id", sa.Integer, sa.ForeignKey("coaches.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("name", NAME, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("coach_id", "name"),
    )
    op.create_index("ix_posting_sets_coach_id", "posting_sets", ["coach_id"])
    op.create_table(
        "posting_set_items",
        sa.Column(
            "posting_set_id",
            sa.Integer,
            sa.ForeignKey("posting_sets.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("posting_id", sa.Integer, sa.ForeignKey("postings.id"), nullable=False),
    )
    op.create_index("ix_posting_set_items_posting_id", "posting_set_items", ["posting_id"])
    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id", sa.Integer, sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("posting_set_id", sa.Integer, sa.ForeignKey("posting_sets.id"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("taxonomy_version", sa.String(40), nullable=False),
        sa.Column("score", sa.Float),
        sa.Column("report", sa.JSON, nullable=False),
        sa.Column("resume_text", sa.Text),
        sa.Column("corrections", sa.JSON, nullable=False),
        sa.Column("learned", sa.JSON, nullable=False),
    )
    op.create_index("ix_snapshots_client_id", "snapshots", ["client_id"])
    op.create_index("ix_snapshots_posting_set_id", "snapshots", ["posting_set_id"])
    op.create_index("ix_snapshots_created_at", "snapshots", ["created_at"])
    op.create_table(
        "snapshot_gaps",
        sa.Column(
            "snapshot_id",
            sa.Integer,
            sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("skill_id", NAME, primary_key=True),
        sa.Column("name", NAME, nullable=False),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "client_id", sa.Integer, sa.ForeignKey("clients.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_notes_client_id", "notes", ["client_id"])


def downgrade() -> None:
    for table in (
        "notes",
        "snapshot_gaps",
        "snapshots",
        "posting_set_items",
        "posting_sets",
        "postings",
        "clients",
        "coaches",
    ):
        op.drop_table(table)
