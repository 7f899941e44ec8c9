"""The workshop records (a session, a participant, the group screen's snapshot) and the reads both the trainer's
side (``storage.workshops``) and the participant's side (``storage.participants``) share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from ks_data.assessment.items import Answer
from ks_data.assessment.workshop import accepts_answers
from ks_data.storage.db import Connection, Row, StorageError
from ks_data.storage.hosting import WORKSHOP_CODE_HOURS

CODE_KIND = "workshop-code"  # throttle kind of wrong workshop codes
# Participants with their number in the workshop (1 = joined first, removed participants keep theirs).
_PARTICIPANTS = (
    "SELECT p.*, (SELECT COUNT(*) FROM participant q WHERE q.workshop_code = p.workshop_code AND q.id <= p.id)"
    " AS number FROM participant p"
)


@dataclass(frozen=True)
class Participant:
    id: int
    workshop_code: str
    token: str
    name: str
    joined_at: str
    removed_at: str | None = None
    number: int = 0

    @property
    def removed(self) -> bool:
        """Removed from the workshop by the trainer (their answers no longer count)."""
        return self.removed_at is not None


@dataclass(frozen=True)
class Workshop:
    """A workshop session and what the trainer set: open for answers, countdown, names, revealed parts."""

    code: str
    title: str
    created_at: str
    accepting: bool = True
    show_names: bool = False
    countdown_ends_at: str | None = None
    revealed: frozenset[str] = frozenset()

    def code_expired(self, at: datetime | None = None) -> bool:
        """Whether the join code is older than ``KS_WORKSHOP_CODE_HOURS`` (then nobody new can join)."""
        created = datetime.fromisoformat(self.created_at)
        return (at or datetime.now(timezone.utc)) - created > timedelta(hours=WORKSHOP_CODE_HOURS.value())

    def accepts_answers(self, at: datetime | None = None) -> bool:
        """Open for answers and the countdown (if any) not yet over."""
        return accepts_answers(accepting=self.accepting, countdown_ends_at=self.countdown_ends_at, at=at)


@dataclass(frozen=True)
class Snapshot:
    """Everything the group screen shows, read at one moment: the session, its participants, their answers."""

    workshop: Workshop
    participants: tuple[Participant, ...]
    answers: dict[int, dict[str, Answer]]

    @property
    def n_answers(self) -> int:
        return sum(len(given) for given in self.answers.values())


def _participant(row: Row) -> Participant:
    return Participant(**{k: row[k] for k in row.keys()})


def _workshop(con: Connection, code: str, workspace: int | None = None) -> Workshop:
    """The workshop ``code`` (of ``workspace`` when given: a participant's path passes none)."""
    if workspace is None:
        row = con.execute("SELECT * FROM workshop WHERE code = ?", (code,)).fetchone()
    else:
        row = con.execute("SELECT * FROM workshop WHERE code = ? AND workspace_id = ?", (code, workspace)).fetchone()
    if row is None:
        raise StorageError("not_found", f"workshop {code}")
    revealed = frozenset(r["part"] for r in con.execute(
        "SELECT part FROM workshop_reveal WHERE workshop_code = ?", (code,)))
    return Workshop(code=row["code"], title=row["title"], created_at=row["created_at"],
                    accepting=bool(row["accepting"]), show_names=bool(row["show_names"]),
                    countdown_ends_at=row["countdown_ends_at"], revealed=revealed)
