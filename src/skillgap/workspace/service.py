"""A coach's workspace: their clients, posting sets, saved analyses, notes; nobody else's.

Every call is one transaction (retried when a concurrent writer got there first), and every query
is filtered by the signed-in coach, so one coach never reads or changes another's clients.

>>> ws = Workspace.open("sqlite://", coach="ada")
>>> ws.add_client("Sam Lee").display_name
'Sam Lee'
>>> [(row.client.display_name, row.status) for row in ws.clients()]
[('Sam Lee', 'not analyzed')]
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, delete, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from skillgap import __version__
from skillgap.analysis.report import GapReport, analyze
from skillgap.taxonomy import Taxonomy, default_taxonomy
from skillgap.workspace import progress
from skillgap.workspace.database import open_engine, vacuum
from skillgap.workspace.errors import WorkspaceError
from skillgap.workspace.models import (
    NAME_LENGTH,
    Client,
    Coach,
    Note,
    Posting,
    PostingSet,
    PostingSetItem,
    Snapshot,
    SnapshotGap,
    utc_now,
)
from skillgap.workspace.stamp import report_meta

T = TypeVar("T")
RETRIES = 5
EXPORT_VERSION = "1"


@dataclass(frozen=True)
class ClientInfo:
    """A client as stored."""

    id: int
    display_name: str
    contact: str | None
    consent_resume: bool
    created_at: datetime


@dataclass(frozen=True)
class ClientSummary:
    """A row of the client list."""

    client: ClientInfo
    latest_score: float | None
    trend: str
    last_analysis: datetime | None
    analyses: int
    status: str
    posting_set: str | None  # of the latest analysis


@dataclass(frozen=True)
class PostingSetInfo:
    """A named set of postings."""

    id: int
    name: str
    sources: tuple[str, ...]
    created_at: datetime


@dataclass(frozen=True)
class SnapshotInfo:
    """A saved analysis: ``report`` is the stamped JSON report."""

    id: int
    client: str
    posting_set: str
    created_at: datetime
    tool_version: str
    taxonomy_version: str
    score: float | None
    report: dict[str, Any]
    resume_kept: bool
    corrections: tuple[str, ...]
    learned: tuple[str, ...]


@dataclass(frozen=True)
class NoteInfo:
    id: int
    created_at: datetime
    text: str


@dataclass(frozen=True)
class Cohort:
    """Clients by posting set (each client's latest score per set) and the most common gaps."""

    sets: tuple[str, ...]
    scores: dict[str, dict[str, float | None]]  # client name -> set name -> latest score
    common_gaps: tuple[tuple[str, int], ...]  # (skill name, clients lacking it), most first


def _tidy(name: str) -> str:
    """A name as it is stored: runs of white space folded to one space, ends trimmed."""
    return " ".join(name.split())


def _clean_name(name: str, what: str) -> str:
    name = _tidy(name)
    if not name:
        raise WorkspaceError(f"the {what} name is empty")
    if len(name) > NAME_LENGTH:
        raise WorkspaceError(f"the {what} name is longer than {NAME_LENGTH} characters")
    return name


def _client_info(client: Client) -> ClientInfo:
    return ClientInfo(
        client.id, client.display_name, client.contact, client.consent_resume, client.created_at
    )


def _snapshot_info(snapshot: Snapshot, client: str, posting_set: str) -> SnapshotInfo:
    return SnapshotInfo(
        id=snapshot.id,
        client=client,
        posting_set=posting_set,
        created_at=snapshot.created_at,
        tool_version=snapshot.tool_version,
        taxonomy_version=snapshot.taxonomy_version,
        score=snapshot.score,
        report=snapshot.report,
        resume_kept=snapshot.resume_text is not None,
        corrections=tuple(snapshot.corrections),
        learned=tuple(snapshot.learned),
    )


class Workspace:
    """The workspace of one coach over a migrated database engine."""

    def __init__(self, engine: Engine, coach: str) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.coach = _clean_name(coach, "coach")
        self.coach_id = self._write(self._ensure_coach)

    @classmethod
    def open(cls, url: str, coach: str) -> Workspace:
        """The coach's workspace in the database at ``url`` (migrated first)."""
        return cls(open_engine(url), coach)

    # -- transactions ---------------------------------------------------------------------

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one transaction, again when a concurrent writer made it fail."""
        for attempt in range(RETRIES):
            try:
                with self._sessions.begin() as session:
                    return work(session)
            except (IntegrityError, OperationalError):
                if attempt == RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _read(self, work: Callable[[Session], T]) -> T:
        with self._sessions() as session:
            return work(session)

    def _ensure_coach(self, session: Session) -> int:
        found = session.scalar(select(Coach.id).where(Coach.username == self.coach))
        if found is not None:
            return found
        coach = Coach(username=self.coach)
        session.add(coach)
        session.flush()
        return coach.id

    def _client(self, session: Session, name: str) -> Client:
        client = session.scalar(
            select(Client).where(
                Client.coach_id == self.coach_id, Client.display_name == _tidy(name)
            )
        )
        if client is None:
            raise WorkspaceError(f"no client named {name!r}")
        return client

    def _posting_set(self, session: Session, name: str) -> PostingSet:
        found = session.scalar(
            select(PostingSet).where(
                PostingSet.coach_id == self.coach_id, PostingSet.name == _tidy(name)
            )
        )
        if found is None:
            raise WorkspaceError(f"no posting set named {name!r}")
        return found

    # -- clients --------------------------------------------------------------------------

    def add_client(
        self, name: str, contact: str | None = None, consent_resume: bool = False
    ) -> ClientInfo:
        """Add a client; ``consent_resume``: they agreed that their resume text is kept."""
        name = _clean_name(name, "client")

        def work(session: Session) -> ClientInfo:
            taken = session.scalar(
                select(Client.id).where(
                    Client.coach_id == self.coach_id, Client.display_name == name
                )
            )
            if taken is not None:
                raise WorkspaceError(f"there is already a client named {name!r}")
            client = Client(
                coach_id=self.coach_id,
                display_name=name,
                contact=(contact or "").strip() or None,
                consent_resume=consent_resume,
            )
            session.add(client)
            session.flush()
            return _client_info(client)

        return self._write(work)

    def client(self, name: str) -> ClientInfo:
        """One of the coach's clients by name (``WorkspaceError`` if there is none)."""
        return self._read(lambda session: _client_info(self._client(session, name)))

    def clients(self) -> list[ClientSummary]:
        """The client list: latest score, trend, last analysis and status, by name."""

        def work(session: Session) -> list[ClientSummary]:
            clients = session.scalars(select(Client).where(Client.coach_id == self.coach_id)).all()
            rows = session.execute(
                select(Snapshot.client_id, Snapshot.score, Snapshot.created_at, PostingSet.name)
                .join(Client, Client.id == Snapshot.client_id)
                .join(PostingSet, PostingSet.id == Snapshot.posting_set_id)
                .where(Client.coach_id == self.coach_id)
                .order_by(Snapshot.created_at, Snapshot.id)
            ).all()
            history: dict[int, list[tuple[float | None, datetime, str]]] = {}
            for client_id, score, created, set_name in rows:
                history.setdefault(client_id, []).append((score, created, set_name))
            return [
                self._summary(_client_info(c), history.get(c.id, []))
                for c in sorted(clients, key=lambda c: c.display_name.casefold())
            ]

        return self._read(work)

    @staticmethod
    def _summary(
        client: ClientInfo, history: list[tuple[float | None, datetime, str]]
    ) -> ClientSummary:
        if not history:
            return ClientSummary(client, None, "new", None, 0, "not analyzed", None)
        latest_score, last, set_name = history[-1]
        # The trend compares analyses against the same postings only.
        same_set = [score for score, _, name in history if name == set_name]
        direction = progress.trend(same_set)
        return ClientSummary(
            client,
            latest_score,
            direction,
            last,
            len(history),
            progress.status(latest_score, direction, len(history)),
            set_name,
        )

    def delete_client(self, name: str) -> None:
        """Erase the client and everything about them (snapshots, resume texts, notes).

        A SQLite file is vacuumed afterwards, so the erased text is not left in free pages.
        """

        def work(session: Session) -> None:
            client = self._client(session, name)
            snapshot_ids = select(Snapshot.id).where(Snapshot.client_id == client.id)
            session.execute(delete(SnapshotGap).where(SnapshotGap.snapshot_id.in_(snapshot_ids)))
            session.execute(delete(Snapshot).where(Snapshot.client_id == client.id))
            session.execute(delete(Note).where(Note.client_id == client.id))
            session.execute(delete(Client).where(Client.id == client.id))

        self._write(work)
        vacuum(self.engine)

    # -- posting sets ---------------------------------------------------------------------

    def add_posting_set(self, name: str, postings: Sequence[tuple[str, str]]) -> PostingSetInfo:
        """A named set of ``(source, text)`` postings; a posting already stored is reused."""
        name = _clean_name(name, "posting set")
        postings = [(source, text) for source, text in postings if text.strip()]
        if not postings:
            raise WorkspaceError(f"the posting set {name!r} has no posting with text")

        def work(session: Session) -> PostingSetInfo:
            taken = session.scalar(
                select(PostingSet.id).where(
                    PostingSet.coach_id == self.coach_id, PostingSet.name == name
                )
            )
            if taken is not None:
                raise WorkspaceError(f"there is already a posting set named {name!r}")
            posting_set = PostingSet(coach_id=self.coach_id, name=name)
            for position, (source, text) in enumerate(postings):
                posting_set.items.append(
                    PostingSetItem(
                        position=position, posting=_stored_posting(session, source, text)
                    )
                )
            session.add(posting_set)
            session.flush()
            return _set_info(posting_set)

        return self._write(work)

    def posting_sets(self) -> list[PostingSetInfo]:
        """The coach's posting sets, by name."""
        return self._read(
            lambda session: [
                _set_info(s)
                for s in session.scalars(
                    select(PostingSet)
                    .where(PostingSet.coach_id == self.coach_id)
                    .order_by(PostingSet.name)
                )
            ]
        )

    def posting_texts(self, name: str) -> list[tuple[str, str]]:
        """The ``(source, text)`` postings of a set, in their order."""
        return self._read(
            lambda session: [
                (item.posting.source, item.posting.text)
                for item in self._posting_set(session, name).items
            ]
        )

    # -- analyses -------------------------------------------------------------------------

    def analyze(
        self,
        client: str,
        resume_text: str,
        posting_set: str,
        *,
        taxonomy: Taxonomy | None = None,
        hours_per_week: float | None = None,
        corrections: Iterable[str] = (),
        learned: Iterable[str] = (),
    ) -> SnapshotInfo:
        """Analyze the client's resume against a posting set and save the stamped snapshot."""
        taxonomy = taxonomy or default_taxonomy()
        info = self.client(client)
        texts = [text for _, text in self.posting_texts(posting_set)]
        if not resume_text.strip():
            raise WorkspaceError("the resume is empty")
        learned = _skill_ids(learned, taxonomy)  # the plan leaves these out
        report = analyze(
            resume_text, texts, hours_per_week=hours_per_week, taxonomy=taxonomy, learned=learned
        )
        return self.save_snapshot(
            info.display_name,
            posting_set,
            report,
            resume_text=resume_text,
            taxonomy=taxonomy,
            corrections=corrections,
            learned=learned,
        )

    def save_snapshot(
        self,
        client: str,
        posting_set: str,
        report: GapReport,
        *,
        resume_text: str | None,
        taxonomy: Taxonomy | None = None,
        when: datetime | None = None,
        corrections: Iterable[str] = (),
        learned: Iterable[str] = (),
    ) -> SnapshotInfo:
        """Save an analysis of the client; the resume text is kept only with their consent."""
        taxonomy = taxonomy or default_taxonomy()
        when = when or utc_now()
        corrections, learned = _skill_ids(corrections, taxonomy), _skill_ids(learned, taxonomy)

        def work(session: Session) -> SnapshotInfo:
            row = self._client(session, client)
            chosen = self._posting_set(session, posting_set)
            stamped = replace(
                report,
                meta=report_meta(
                    taxonomy, when, candidate=row.display_name, posting_set=chosen.name
                ),
            ).to_dict()
            snapshot = Snapshot(
                client_id=row.id,
                posting_set_id=chosen.id,
                created_at=when,
                tool_version=__version__,
                taxonomy_version=stamped["meta"]["taxonomy_version"],
                score=stamped["summary"]["score"],
                report=stamped,
                resume_text=resume_text if row.consent_resume else None,
                corrections=list(corrections),
                learned=list(learned),
                gaps=[SnapshotGap(skill_id=g["id"], name=g["name"]) for g in stamped["gaps"]],
            )
            session.add(snapshot)
            session.flush()
            return _snapshot_info(snapshot, row.display_name, chosen.name)

        return self._write(work)

    def history(self, client: str) -> list[SnapshotInfo]:
        """The client's snapshots, oldest first."""

        def work(session: Session) -> list[SnapshotInfo]:
            row = self._client(session, client)
            found = session.execute(
                select(Snapshot, PostingSet.name)
                .join(PostingSet, PostingSet.id == Snapshot.posting_set_id)
                .where(Snapshot.client_id == row.id)
                .order_by(Snapshot.created_at, Snapshot.id)
            ).all()
            return [_snapshot_info(s, row.display_name, name) for s, name in found]

        return self._read(work)

    def resume_text(self, snapshot_id: int) -> str | None:
        """The resume text kept with one of the coach's snapshots (None without consent)."""
        return self._read(
            lambda session: session.scalar(
                select(Snapshot.resume_text)
                .join(Client, Client.id == Snapshot.client_id)
                .where(Snapshot.id == snapshot_id, Client.coach_id == self.coach_id)
            )
        )

    # -- notes ----------------------------------------------------------------------------

    def add_note(self, client: str, text: str) -> NoteInfo:
        """A dated note on the client."""
        if not text.strip():
            raise WorkspaceError("the note is empty")

        def work(session: Session) -> NoteInfo:
            note = Note(client_id=self._client(session, client).id, text=text.strip())
            session.add(note)
            session.flush()
            return NoteInfo(note.id, note.created_at, note.text)

        return self._write(work)

    def notes(self, client: str) -> list[NoteInfo]:
        """The client's notes, oldest first."""

        def work(session: Session) -> list[NoteInfo]:
            row = self._client(session, client)
            return [
                NoteInfo(n.id, n.created_at, n.text)
                for n in session.scalars(
                    select(Note).where(Note.client_id == row.id).order_by(Note.created_at, Note.id)
                )
            ]

        return self._read(work)

    # -- views ----------------------------------------------------------------------------

    def cohort(self, top: int = 10) -> Cohort:
        """Each client's latest score per posting set, and the gaps most clients share
        (counted over each client's latest snapshot per set, once per client)."""

        def work(session: Session) -> Cohort:
            rows = session.execute(
                select(Snapshot.id, Client.display_name, PostingSet.name, Snapshot.score)
                .join(Client, Client.id == Snapshot.client_id)
                .join(PostingSet, PostingSet.id == Snapshot.posting_set_id)
                .where(Client.coach_id == self.coach_id)
                .order_by(Snapshot.created_at, Snapshot.id)
            ).all()
            latest: dict[tuple[str, str], tuple[int, float | None]] = {}
            for snapshot_id, client, set_name, score in rows:
                latest[(client, set_name)] = (snapshot_id, score)
            scores: dict[str, dict[str, float | None]] = {}
            for (client, set_name), (_, score) in sorted(latest.items()):
                scores.setdefault(client, {})[set_name] = score
            ids = [snapshot_id for snapshot_id, _ in latest.values()]
            lacking: Counter[str] = Counter()
            if ids:
                gap_rows = session.execute(
                    select(SnapshotGap.name, Snapshot.client_id)
                    .join(Snapshot, Snapshot.id == SnapshotGap.snapshot_id)
                    .where(SnapshotGap.snapshot_id.in_(ids))
                    .distinct()
                ).all()
                lacking.update(name for name, _ in gap_rows)
            sets = tuple(sorted({set_name for _, set_name in latest}))
            common = tuple(sorted(lacking.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
            return Cohort(sets, scores, common)

        return self._read(work)

    def export_client(self, name: str) -> dict[str, Any]:
        """Everything stored about the client, as one JSON-ready dict."""
        client = self.client(name)
        snapshots = self.history(name)
        return {
            "skillgap_export": EXPORT_VERSION,
            "exported_at": utc_now().isoformat(timespec="seconds") + "Z",
            "coach": self.coach,
            "client": {
                "display_name": client.display_name,
                "contact": client.contact,
                "consent_resume": client.consent_resume,
                "created_at": client.created_at.isoformat(timespec="seconds") + "Z",
            },
            "snapshots": [
                {
                    "created_at": s.created_at.isoformat(timespec="seconds") + "Z",
                    "posting_set": s.posting_set,
                    "tool_version": s.tool_version,
                    "taxonomy_version": s.taxonomy_version,
                    "score": s.score,
                    "corrections": list(s.corrections),
                    "learned": list(s.learned),
                    "resume_text": self.resume_text(s.id),
                    "report": s.report,
                }
                for s in snapshots
            ],
            "notes": [
                {"created_at": n.created_at.isoformat(timespec="seconds") + "Z", "text": n.text}
                for n in self.notes(name)
            ],
        }

    def counts(self) -> dict[str, int]:
        """How many clients, snapshots and notes the coach has (for status lines and tests)."""

        def work(session: Session) -> dict[str, int]:
            mine = select(Client.id).where(Client.coach_id == self.coach_id)
            return {
                "clients": session.scalar(select(func.count()).select_from(mine.subquery())) or 0,
                "snapshots": session.scalar(
                    select(func.count(Snapshot.id)).where(Snapshot.client_id.in_(mine))
                )
                or 0,
                "notes": session.scalar(select(func.count(Note.id)).where(Note.client_id.in_(mine)))
                or 0,
            }

        return self._read(work)


def _stored_posting(session: Session, source: str, text: str) -> Posting:
    """The stored posting with this text, added when new (postings are kept once)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = session.scalar(select(Posting).where(Posting.sha256 == digest))
    if found is not None:
        return found
    posting = Posting(sha256=digest, source=source[:NAME_LENGTH] or "posting", text=text)
    session.add(posting)
    return posting


def _set_info(posting_set: PostingSet) -> PostingSetInfo:
    return PostingSetInfo(
        posting_set.id,
        posting_set.name,
        tuple(item.posting.source for item in posting_set.items),
        posting_set.created_at,
    )


def _skill_ids(ids: Iterable[str], taxonomy: Taxonomy) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(i.strip() for i in ids if i.strip()))
    unknown = [i for i in chosen if i not in taxonomy]
    if unknown:
        raise WorkspaceError(f"unknown skill id(s): {', '.join(unknown)}")
    return chosen
