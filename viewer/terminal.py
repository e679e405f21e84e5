"""Text from content made safe to print: a pack must not drive the user's terminal.

Control characters (ESC sequences retitle or clear a terminal, BEL rings, NUL
truncates) and the invisible bidirectional overrides that reorder what is
read are printed as escapes (\\x1b, \\u202e); line breaks and tabs stay.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe(text: str) -> str:
    """text with every control character written as an escape."""
    return _UNSAFE.sub(_escape, text)


def safe_json(text: str) -> str:
    """JSON text with every control character as a \\uXXXX escape (still valid JSON)."""
    return _UNSAFE.sub(_json_escape, text)


def has_control(text: str) -> int:
    """The index of the first control character in text, or -1."""
    found = _UNSAFE.search(text)
    return found.start() if found else -1
