"""How much text one region's page may hold: checked by `check`, enforced when shown."""

from __future__ import annotations

# A region's page (its text and its conditions') is laid out when it opens: bounded.
MAX_PAGE_CHARS = 200_000


def text_size(value: object) -> int:
    """Characters of text in a record, counted through its nested fields."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, tuple):
        return sum(text_size(item) for item in value)
    return 0
