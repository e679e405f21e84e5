"""A few lines for the patient record, in plain ASCII that pastes cleanly anywhere.

Side and region (side in capitals, as radiology reports write it), the
conditions considered, the red flags to screen, the first test, and the
decision rule result if one was applied. No bullets, no typographic quotes or
dashes, nothing a plain-text field of an electronic record could garble.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from viewer.content.render import RegionReport

_ASCII = str.maketrans(
    {
        "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'",
        "\u201c": '"', "\u201d": '"', "\u2026": "...", "\u2022": "-", "\u00b7": "-",
        "\u2265": ">=", "\u2264": "<=", "\u00d7": "x", "\u00b0": " degrees", "\u2192": "->",
        "\u00bd": "1/2", "\u00b5": "micro", "\u26a0": "!",
    }
)  # fmt: skip
MAX_CONDITIONS = 6
MAX_RED_FLAGS = 5


def to_ascii(text: str) -> str:
    """Plain ASCII: typographic marks written out, accents dropped, anything else removed."""
    text = text.translate(_ASCII)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if ch.isascii() and (ch.isprintable() or ch == "\n"))
    return " ".join(plain.split(" ")).strip()


def record_summary(
    report: RegionReport,
    side: str,
    rule_lines: Iterable[str] = (),
    condition: str = "",
    version: str = "",
) -> str:
    """The summary as lines of text, ending with a line break.

    condition: the condition the clinician opened, listed first if it is here.
    rule_lines: one line per decision rule applied ("Ottawa ankle rule: ...").
    """
    region = report.region
    entries = sorted(report.conditions, key=lambda e: e.condition.id != condition)
    considered = [e.condition.name for e in entries[:MAX_CONDITIONS]]
    urgent = [e.condition.name for e in entries if e.condition.must_not_miss]
    flags = list(report.red_flags[:MAX_RED_FLAGS])
    lines = [
        f"{side.upper()} {region.name.lower()}" if side else region.name,
        "Considered: " + "; ".join(considered) + ".",
    ]
    if urgent:
        lines.append("Must not miss: " + "; ".join(dict.fromkeys(urgent)) + ".")
    if flags:
        lines.append("Red flags to screen: " + "; ".join(f.rstrip(".") for f in flags) + ".")
    lines.append(f"Suggested first test: {region.first_test.rstrip('.')}.")
    for line in rule_lines:
        lines.append(f"Decision rule: {line.rstrip('.')}.")
    if version:
        lines.append(f"Reference: {version}.")
    return "\n".join(to_ascii(line) for line in lines) + "\n"
