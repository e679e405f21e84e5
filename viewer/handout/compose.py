"""The patient handout's text, as HTML for a printed page (no Qt here).

For a region and, optionally, one of its conditions: the side in capitals
("LEFT knee", as radiology reports write it), the drawing, what the condition
is, what helps, what to avoid, when to get help urgently, in the content's
plain-language `patient` blocks; the clinic's name and contact; the sources
and review date in a small footer. The patient's name, if typed, is printed
and never stored. Every piece of text is escaped.
"""

from __future__ import annotations

import datetime
from html import escape
from typing import NamedTuple

from viewer.content.model import Atlas, Condition, Region

DRAWING = "handout:drawing"  # the name the drawing image is added to the document under
MAX_URGENT = 8


class HandoutRequest(NamedTuple):
    region: str
    condition: str = ""  # "" for a handout on the region
    side: str = "right"
    patient_name: str = ""
    clinic_name: str = ""
    clinic_contact: str = ""
    version: str = ""


EPONYMS = ("Lisfranc", "Achilles")  # names that keep their capital
LAY_WORDS = ("kneecap", "heel", "shin", "ankle", "knee", "hip", "thigh", "toe", "groin",
             "foot", "instep", "arch", "ball", "hamstring", "buttock", "back")  # fmt: skip


def title(region: Region, side: str) -> str:
    """ "LEFT kneecap (patella)": side in capitals, then the patient's word for the region
    (a short everyday alias) with the clinical name after it, or the name alone."""
    name = region.name
    if not name.startswith(EPONYMS):
        name = name[0].lower() + name[1:]
    lay = next(
        (
            alias
            for alias in region.aliases
            if alias.islower()
            and len(alias.split()) <= 2
            and any(word in alias for word in LAY_WORDS)
            and alias not in name.lower()
            and name.lower() not in alias
        ),
        "",
    )
    return f"{side.upper()} {lay} ({name})" if lay else f"{side.upper()} {name}"


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _condition_parts(condition: Condition) -> list[str]:
    patient = condition.patient
    return [
        f"<h2>{escape(condition.name)}</h2>",
        "<h3>What it is</h3>",
        f"<p>{escape(patient.what_it_is)}</p>",
        "<h3>What helps</h3>",
        _list(patient.what_helps),
        "<h3>What to avoid</h3>",
        _list(patient.what_to_avoid),
        '<h3 class="urgent">Get help urgently (same day) if</h3>',
        f'<div class="urgent">{_list(patient.seek_help_urgently)}</div>',
    ]


def _conditions(atlas: Atlas, region: Region) -> list[Condition]:
    return [
        atlas.conditions[link.condition]
        for link in region.conditions
        if link.condition in atlas.conditions
    ]


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def _region_parts(atlas: Atlas, region: Region) -> list[str]:
    conditions = _conditions(atlas, region)
    rows = "".join(
        f"<li><b>{escape(c.name)}</b>: {escape(_first_sentence(c.patient.what_it_is))}</li>"
        for c in conditions
        if not c.must_not_miss
    )
    urgent = list(dict.fromkeys(s for c in conditions for s in c.patient.seek_help_urgently))
    return [
        "<h3>Common problems here</h3>",
        f"<ul>{rows}</ul>",
        "<p>Your clinician will tell you which of these fits you, and what to do.</p>",
        '<h3 class="urgent">Get help urgently (same day) if</h3>',
        f'<div class="urgent">{_list(urgent[:MAX_URGENT])}</div>',
    ]


def handout_html(atlas: Atlas, request: HandoutRequest, today: datetime.date | None = None) -> str:
    region = atlas.regions[request.region]
    condition = atlas.conditions.get(request.condition) if request.condition else None
    day = (today or datetime.date.today()).strftime("%d %B %Y").lstrip("0")
    clinic = " · ".join(escape(x) for x in (request.clinic_name, request.clinic_contact) if x)
    parts = [
        f'<table width="100%" class="head"><tr><td><b>{clinic or "&nbsp;"}</b></td>'
        f'<td align="right">{escape(day)}</td></tr></table>',
        f"<h1>Your {escape(title(region, request.side))}</h1>",
    ]
    if request.patient_name.strip():
        parts.append(f'<p class="for">For: {escape(request.patient_name.strip())}</p>')
    parts.append(
        f'<table width="100%"><tr><td width="34%" valign="top"><img src="{DRAWING}" width="210">'
        '</td><td valign="top">'
    )
    parts += _condition_parts(condition) if condition else _region_parts(atlas, region)
    parts.append("</td></tr></table>")
    source_ids = list(condition.sources) if condition else []
    for link in region.conditions:
        if condition is None or link.condition == request.condition:
            source_ids += link.sources
    sources = [atlas.sources[s] for s in dict.fromkeys(source_ids) if s in atlas.sources]
    reviewed = (
        condition.reviewed
        if condition
        else max((c.reviewed for c in _conditions(atlas, region)), default="")
    )
    footer = "; ".join(escape(_short(s.authors, s.title, s.year)) for s in sources[:6])
    parts.append(
        '<p class="foot">General information to go with what your clinician told you; it does '
        "not replace their advice. "
        + (f"Sources: {footer}. " if footer else "")
        + (f"Content reviewed {escape(reviewed)}. " if reviewed else "")
        + (f"{escape(request.version)}." if request.version else "")
        + "</p>"
    )
    return "".join(parts)


def _short(authors: str, title_text: str, year: str) -> str:
    first = authors.split(",")[0].strip() if authors else ""
    lead = f"{first} et al" if first and "," in authors else first
    return " ".join(part for part in (lead, f"({year})" if year else "", title_text) if part)


STYLE = """
body { font-family: sans-serif; font-size: 12pt; color: #111111; }
h1 { font-size: 20pt; margin: 6px 0 4px 0; }
h2 { font-size: 15pt; margin: 4px 0 2px 0; }
h3 { font-size: 12.5pt; margin: 10px 0 2px 0; }
ul { margin-top: 0; margin-bottom: 0; }
li { margin-bottom: 3px; }
.head { font-size: 11pt; color: #333333; }
.for { font-size: 13pt; margin: 0 0 6px 0; }
.urgent { color: #8c1d18; }
.foot { font-size: 8.5pt; color: #444444; margin-top: 14px; }
"""
