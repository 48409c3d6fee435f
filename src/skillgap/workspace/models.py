"""The workspace tables (SQLAlchemy 2): coaches, their clients, posting sets, snapshots, notes.

Every client belongs to one coach; a client's snapshots and notes go with it when it is deleted.
Postings are stored once (by the hash of their text) and shared by every set that lists them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAME_LENGTH = 200


def utc_now() -> datetime:
    """Now, in UTC without a zone (what every column stores)."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """The workspace schema; Alembic migrations (``migrations/``) create and upgrade it."""


class Coach(Base):
    __tablename__ = "coaches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(NAME_LENGTH), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (UniqueConstraint("coach_id", "display_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.id", ondelete="CASCADE"), index=True)
    display_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    contact: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    consent_resume: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)

    snapshots: Mapped[list[Snapshot]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[Note]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True
    )


class Posting(Base):
    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(NAME_LENGTH))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)


class PostingSet(Base):
    __tablename__ = "posting_sets"
    __table_args__ = (UniqueConstraint("coach_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)

    items: Mapped[list[PostingSetItem]] = relationship(
        order_by="PostingSetItem.position", cascade="all, delete-orphan"
    )


class PostingSetItem(Base):
    __tablename__ = "posting_set_items"

    posting_set_id: Mapped[int] = mapped_column(
        ForeignKey("posting_sets.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    posting_id: Mapped[int] = mapped_column(ForeignKey("postings.id"), index=True)

    posting: Mapped[Posting] = relationship()


class Snapshot(Base):
    __tablename__ = "snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    posting_set_id: Mapped[int] = mapped_column(ForeignKey("posting_sets.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now, index=True)
    tool_version: Mapped[str] = mapped_column(String(40))
    taxonomy_version: Mapped[str] = mapped_column(String(40))
    score: Mapped[float | None] = mapped_column(Float)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)
    resume_text: Mapped[str | None] = mapped_column(Text)
    corrections: Mapped[list[str]] = mapped_column(JSON, default=list)
    learned: Mapped[list[str]] = mapped_column(JSON, default=list)

    client: Mapped[Client] = relationship(back_populates="snapshots")
    posting_set: Mapped[PostingSet] = relationship()
    gaps: Mapped[list[SnapshotGap]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class SnapshotGap(Base):
    """A gap of a snapshot's report, one row each, so the cohort view counts them in SQL."""

    __tablename__ = "snapshot_gaps"

    snapshot_id: Mapped[int] = mapped_column(
        ForeignKey("snapshots.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[str] = mapped_column(String(NAME_LENGTH), primary_key=True)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utc_now)
    text: Mapped[str] = mapped_column(Text)

    client: Mapped[Client] = relationship(back_populates="notes")
