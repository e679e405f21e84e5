"""What the notes store accepts, and the error it raises: without sqlite3, so that the
window can name them before the store is opened (after its first paint)."""

from __future__ import annotations

MAX_NOTE_CHARS = 20_000
MAX_NOTES = 10_000
MAX_IMPORT_BYTES = 20 * 1024 * 1024


class NotesError(Exception):
    """A notes file that cannot be used, or a bad import; str() says why."""
