"""A region report as HTML for the details panel.

Every piece of content passes through escape(): the data is text, never markup.
The only links are in-page anchors (#c-<condition id>) that the panel handles.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from viewer.content.model import MODALITY_NAMES
from viewer.content.render import ConditionAtSite, RegionReport

STYLE = """
body { font-size: 10.5pt; color: #1d232a; }
h1 { font-size: 17pt; margin: 0 0 2px 0; color: #14324a; }
h2 { font-size: 13pt; margin: 14px 0 2px 0; color: #14324a; }
h3 { font-size: 10pt; margin: 8px 0 1px 0; color: #46525e; text-transform: uppercase; }
ul { margin-top: 0; margin-bottom: 0; margin-left: 14px; -qt-list-indent: 0; }
li { margin-bottom: 1px; }
.aka { color: #5a6570; margin-top: 0; }
.freq { color: #5a6570; font-size: 10pt; font-weight: normal; }
.risk { color: #ffffff; background-color: #b3261e; font-weight: bold; }
.riskbox { background-color: #fbe9e7; color: #8c1d18; }
.site { background-color: #eef5fb; }
.red { color: #8c1d18; }
.tag { color: #1f5f99; font-weight: bold; }
.muted { color: #6b7580; font-size: 9pt; }
.toc a { color: #1f5f99; text-decoration: none; }
td { padding: 2px 6px 2px 0; vertical-align: top; }
"""


def _list(items: Iterable[str], css: str = "") -> str:
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    if not rows:
        return ""
    attribute = f' class="{css}"' if css else ""
    return f"<ul{attribute}>{rows}</ul>"


def _section(title: str, items: Iterable[str], css: str = "") -> str:
    body = _list(items, css)
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


def anchor(condition_id: str) -> str:
    return f"c-{condition_id}"


def _imaging_table(entry: ConditionAtSite) -> str:
    if not entry.imaging:
        return ""
    rows = []
    for note in entry.imaging:
        site = ' <span class="tag">this site</span>' if note.at_site else ""
        rows.append(
            f"<tr><td><b>{escape(MODALITY_NAMES[note.modality])}</b>{site}</td>"
            f"<td>{escape(note.note)}</td></tr>"
        )
    return f"<h3>Imaging</h3><table>{''.join(rows)}</table>"


def _condition(entry: ConditionAtSite) -> str:
    condition, link = entry.condition, entry.link
    risk = ' <span class="risk">&nbsp;HIGH-RISK SITE&nbsp;</span>' if link.high_risk else ""
    parts = [
        f'<a name="{anchor(condition.id)}"></a>'
        f'<h2>{escape(condition.name)} <span class="freq">· {escape(link.frequency)} here'
        f"</span>{risk}</h2>"
    ]
    if condition.aliases:
        parts.append(f'<p class="aka">Also called: {escape(", ".join(condition.aliases))}</p>')
    if link.notes:
        parts.append(
            '<table class="site" width="100%" cellpadding="6"><tr><td>'
            f"<b>At this site</b>{_list(link.notes)}</td></tr></table>"
        )
    parts.append(f"<p>{escape(condition.summary)}</p>")
    parts.append(_section("Symptoms", condition.symptoms))
    parts.append(_section("Exam signs", condition.signs))
    parts.append(_section("Risk factors", condition.risk_factors))
    parts.append(_imaging_table(entry))
    parts.append(_section("Red flags — refer urgently", condition.red_flags, "red"))
    parts.append(_section("First-line management", condition.management))
    if entry.differentials:
        parts.append(f"<h3>Differentials</h3><p>{escape('; '.join(entry.differentials))}</p>")
    sources = "".join(f"<li>{escape(source.citation)}</li>" for source in entry.sources)
    parts.append(f'<h3>Sources</h3><ol class="muted">{sources}</ol>')
    parts.append(f'<p class="muted">Reviewed {escape(condition.reviewed)}</p>')
    return "".join(parts)


def report_html(report: RegionReport) -> str:
    region = report.region
    parts = [f"<h1>{escape(region.name)}</h1>"]
    if region.aliases:
        parts.append(f'<p class="aka">Also called: {escape(", ".join(region.aliases))}</p>')
    parts.append(f"<p>{escape(region.summary)}</p>")
    if region.high_risk:
        parts.append(
            '<table class="riskbox" width="100%" cellpadding="6"><tr><td>'
            "<b>High-risk site.</b> Stress fractures here are prone to non-union or "
            "displacement: do not treat as a routine overuse injury.</td></tr></table>"
        )
    links = " &nbsp;·&nbsp; ".join(
        f'<a href="#{anchor(entry.condition.id)}">{escape(entry.condition.name)}</a>'
        f'<span class="muted"> {escape(entry.link.frequency)}</span>'
        + (' <span class="red">⚠</span>' if entry.link.high_risk else "")
        for entry in report.conditions
    )
    parts.append(f'<p class="toc"><b>Conditions here:</b> {links}</p>')
    parts.extend(_condition(entry) for entry in report.conditions)
    if report.related:
        items = "".join(
            f"<li><b>{escape(name)}</b>: {escape(why)}</li>" for name, why in report.related
        )
        parts.append(f"<h2>Related regions</h2><ul>{items}</ul>")
    return "".join(parts)
