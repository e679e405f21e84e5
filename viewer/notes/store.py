"""The clinician's own notes on regions and conditions, in SQLite (no Qt here).

One note per (region, condition or none). Every save is one transaction in a
WAL database with full sync, so a note whose save returned survives a crash
or a kill at any moment. Notes are never deleted because the content changed:
a note whose region or condition no longer exists is an orphan, still kept and
listed. The database is input we do not control: it is opened only if it is a
regular file, every text read is bounded, and one that cannot be used is set
aside under a new name (never deleted) and a fresh one started.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from viewer.notes.limits import MAX_IMPORT_BYTES, MAX_NOTE_CHARS, MAX_NOTES, NotesError

__all__ = ["MAX_IMPORT_BYTES", "MAX_NOTES", "MAX_NOTE_CHARS", "Note", "NotesError", "NotesStore"]
_SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    region TEXT NOT NULL,
    condition TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    updated TEXT NOT NULL,
    PRIMARY KEY (region, condition)
)
"""


class Note(NamedTuple):
    region: str
    condition: str  # "" for a note on the region itself
    text: str
    updated: str  # ISO 8601 time, UTC

    def as_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "condition": self.condition or None,
            "text": self.text,
            "updated": self.updated,
        }


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


def _valid_id(value: object) -> bool:
    return (
        isinstance(value, str)
        and 0 < len(value) <= 100
        and value.isascii()
        and (value.replace("_", "").isalnum() and value[0].isalpha() and value == value.lower())
    )


class NotesStore:
    """Notes in one SQLite file. Open it with NotesStore.open(path)."""

    def __init__(self, connection: sqlite3.Connection, path: Path, set_aside: Path | None) -> None:
        self._db = connection
        self.path = path
        self.set_aside = set_aside  # where an unusable earlier file was moved, if one was

    @classmethod
    def open(cls, path: Path) -> NotesStore:
        path.parent.mkdir(parents=True, exist_ok=True)
        set_aside = None
        try:
            return cls(_connect(path), path, None)
        except (sqlite3.DatabaseError, NotesError):
            set_aside = _set_aside(path)
        with _database_errors():
            return cls(_connect(path), path, set_aside)

    def close(self) -> None:
        self._db.close()

    def save(self, region: str, condition: str, text: str) -> Note:
        """Store the note as typed; an empty text removes it (the user cleared it).
        Raises NotesError for a bad id or a database that fails (locked, read-only ...)."""
        if not _valid_id(region) or (condition and not _valid_id(condition)):
            raise NotesError("a note belongs to a region id and, optionally, a condition id")
        text = text[:MAX_NOTE_CHARS]
        note = Note(region, condition, text, now())
        with _database_errors(), self._db:  # one transaction
            if text.strip():
                self._db.execute(
                    "INSERT INTO notes (region, condition, text, updated) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (region, condition) DO UPDATE SET text = excluded.text, "
                    "updated = excluded.updated",
                    note,
                )
            else:
                self._db.execute(
                    "DELETE FROM notes WHERE region = ? AND condition = ?", (region, condition)
                )
        return note

    def get(self, region: str, condition: str = "") -> str:
        row = self._db.execute(
            "SELECT substr(text, 1, ?) FROM notes WHERE region = ? AND condition = ?",
            (MAX_NOTE_CHARS, region, condition),
        ).fetchone()
        return str(row[0]) if row else ""

    def all(self) -> list[Note]:
        return list(
            self._rows(
                "SELECT region, condition, substr(text, 1, ?), updated FROM notes "
                "ORDER BY region, condition LIMIT ?",
                (MAX_NOTE_CHARS, MAX_NOTES),
            )
        )

    def regions(self) -> list[str]:
        """The regions that have notes (on themselves or a condition), known or not."""
        rows = self._db.execute("SELECT DISTINCT region FROM notes LIMIT ?", (MAX_NOTES,))
        return [str(row[0]) for row in rows]

    def for_region(self, region: str) -> list[Note]:
        return list(
            self._rows(
                "SELECT region, condition, substr(text, 1, ?), updated FROM notes "
                "WHERE region = ? ORDER BY condition LIMIT ?",
                (MAX_NOTE_CHARS, region, MAX_NOTES),
            )
        )

    def _rows(self, query: str, args: tuple[object, ...]) -> Iterator[Note]:
        for region, condition, text, updated in self._db.execute(query, args):
            if isinstance(region, str) and isinstance(text, str):
                yield Note(region, str(condition or ""), text, str(updated or ""))

    def orphans(self, regions: Iterable[str], conditions: Iterable[str]) -> list[Note]:
        """Notes whose region or condition is not in the content any more (kept, listed)."""
        known_regions, known_conditions = set(regions), set(conditions)
        return [
            note
            for note in self.all()
            if note.region not in known_regions
            or (note.condition and note.condition not in known_conditions)
        ]

    def export_json(self) -> str:
        return json.dumps([note.as_json() for note in self.all()], indent=2, ensure_ascii=False)

    def import_json(self, data: bytes) -> tuple[int, int]:
        """Add the notes in data; where both have a note, the newer one wins.

        Returns (imported, kept because ours was newer). Raises NotesError for data
        that is not a list of notes; nothing is written then.
        """
        if len(data) > MAX_IMPORT_BYTES:
            raise NotesError(f"the file is over {MAX_IMPORT_BYTES:,} bytes")
        try:
            items = json.loads(data)
        except (ValueError, RecursionError) as error:
            raise NotesError(f"not JSON: {error}") from None
        notes = [_note_from_json(item, index) for index, item in enumerate(_as_list(items))]
        imported = kept = 0
        with _database_errors(), self._db:
            for note in notes:
                row = self._db.execute(
                    "SELECT updated FROM notes WHERE region = ? AND condition = ?",
                    (note.region, note.condition),
                ).fetchone()
                if row is not None and str(row[0]) >= note.updated:
                    kept += 1
                    continue
                self._db.execute(
                    "INSERT OR REPLACE INTO notes (region, condition, text, updated) "
                    "VALUES (?, ?, ?, ?)",
                    note,
                )
                imported += 1
        return imported, kept

    def integrity(self) -> str:
        row = self._db.execute("PRAGMA integrity_check").fetchone()
        return str(row[0]) if row else "no answer"


def _as_list(items: object) -> list[object]:
    if not isinstance(items, list):
        raise NotesError("expected a list of notes")
    if len(items) > MAX_NOTES:
        raise NotesError(f"more than {MAX_NOTES:,} notes")
    return items


def _note_from_json(item: object, index: int) -> Note:
    where = f"note {index + 1}"
    if not isinstance(item, dict):
        raise NotesError(f"{where}: expected an object")
    region, condition = item.get("region"), item.get("condition")
    text, updated = item.get("text"), item.get("updated")
    if not _valid_id(region):
        raise NotesError(f"{where}: 'region' must be a region id")
    if condition is not None and not _valid_id(condition):
        raise NotesError(f"{where}: 'condition' must be a condition id or null")
    if not isinstance(text, str) or len(text) > MAX_NOTE_CHARS:
        raise NotesError(f"{where}: 'text' must be text of at most {MAX_NOTE_CHARS:,} characters")
    try:
        stamp = datetime.datetime.fromisoformat(str(updated))
    except ValueError:
        raise NotesError(f"{where}: 'updated' must be an ISO time") from None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=datetime.timezone.utc)
    iso = stamp.astimezone(datetime.timezone.utc).isoformat(timespec="seconds")
    return Note(str(region), str(condition or ""), text, iso)


@contextlib.contextmanager
def _database_errors() -> Iterator[None]:
    """A database failure (locked, read-only, disk full ...) raised as NotesError: the
    callers name one error, and need not load sqlite3 to name it."""
    try:
        yield
    except sqlite3.Error as error:
        raise NotesError(str(error) or type(error).__name__) from error


def _connect(path: Path) -> sqlite3.Connection:
    if os.path.lexists(path):
        info = os.stat(path)  # follows a link: what matters is what would be opened
        if not stat.S_ISREG(info.st_mode):
            raise NotesError("not a regular file")
    # Opened on a thread of its own by the window (viewer/ui/app.py), then used by the
    # window's thread alone: never by two threads at once.
    connection = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
    try:
        connection.isolation_level = "DEFERRED"  # transactions via `with connection:`
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute(_SCHEMA)
        row = connection.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise NotesError(f"damaged: {row[0] if row else 'no answer'}")
    except BaseException:
        connection.close()
        raise
    return connection


def _set_aside(path: Path) -> Path:
    """Move an unusable notes file (and its WAL files) out of the way, keeping them."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}{suffix}", f"{target}{suffix}")
    return target
