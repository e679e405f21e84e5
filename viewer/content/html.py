"""A region report as HTML for the details panel.

Every piece of content passes through escape(): the data is text, never markup.
The only links are in-page anchors (#c-<condition id>) and the app's own
atlas:region/<id> and atlas:condition/<id>, which the panel handles itself.
The classes used here are styled in viewer/ui/details_style.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from viewer.content.model import MODALITY_NAMES
from viewer.content.render import ConditionAtSite, RegionReport, RelatedAtSite


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


def region_link(region_id: str) -> str:
    return f"atlas:region/{region_id}"


def condition_link(condition_id: str) -> str:
    return f"atlas:condition/{condition_id}"


def _link(href: str, text: str) -> str:
    # Ids are checked identifiers ([a-z0-9_]); escaping keeps that true for any input.
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _imaging(entry: ConditionAtSite) -> str:
    # Paragraphs, not a table: tables cost the most to lay out, on every click.
    if not entry.imaging:
        return ""
    rows = []
    for note in entry.imaging:
        site = ' <span class="tag">· this site</span>' if note.at_site else ""
        rows.append(
            f'<p class="img"><b>{escape(MODALITY_NAMES[note.modality])}</b>{site}: '
            f"{escape(note.note)}</p>"
        )
    return f"<h3>Imaging</h3>{''.join(rows)}"


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
            '<p class="site"><b>At this site</b></p>'
            + "".join(f'<p class="site">• {escape(note)}</p>' for note in link.notes)
        )
    parts.append(f"<p>{escape(condition.summary)}</p>")
    parts.append(_section("Symptoms", condition.symptoms))
    parts.append(_section("Exam signs", condition.signs))
    parts.append(_section("Risk factors", condition.risk_factors))
    parts.append(_imaging(entry))
    parts.append(_section("Red flags — refer urgently", condition.red_flags, "red"))
    parts.append(_section("First-line management", condition.management))
    if entry.differentials:
        links = "; ".join(_link(condition_link(d), name) for d, name in entry.differentials)
        parts.append(f"<h3>Differentials</h3><p>{links}</p>")
    sources = "".join(f"<li>{escape(source.citation)}</li>" for source in entry.sources)
    parts.append(f'<h3>Sources</h3><ol class="muted">{sources}</ol>')
    parts.append(f'<p class="muted">Reviewed {escape(condition.reviewed)}</p>')
    return "".join(parts)


def _related(title: str, related: Iterable[RelatedAtSite]) -> str:
    items = "".join(
        f"<li><b>{_link(region_link(r.region), r.name)}</b>: {escape(r.why)}</li>" for r in related
    )
    return f"<h2>{escape(title)}</h2><ul>{items}</ul>" if items else ""


def report_html(report: RegionReport) -> str:
    region = report.region
    side = f' <span class="side">· {escape(report.side)} side</span>' if report.side else ""
    parts = [f"<h1>{escape(region.name)}{side}</h1>"]
    if region.aliases:
        parts.append(f'<p class="aka">Also called: {escape(", ".join(region.aliases))}</p>')
    parts.append(f"<p>{escape(region.summary)}</p>")
    if region.high_risk:
        parts.append(
            '<p class="riskbox"><b>High-risk site.</b> Stress fractures here are prone to '
            "non-union or displacement: do not treat as a routine overuse injury.</p>"
        )
    links = " &nbsp;·&nbsp; ".join(
        f'<a href="#{anchor(entry.condition.id)}">{escape(entry.condition.name)}</a>'
        f'<span class="muted"> {escape(entry.link.frequency)}</span>'
        + (' <span class="red">⚠</span>' if entry.link.high_risk else "")
        for entry in report.conditions
    )
    parts.append(f'<p class="toc"><b>Conditions here:</b> {links}</p>')
    if report.referred_from:
        names = " &nbsp;·&nbsp; ".join(
            _link(region_link(r.region), r.name) for r in report.referred_from
        )
        parts.append(f'<p class="toc"><b>Pain may be referred from:</b> {names}</p>')
    parts.extend(_condition(entry) for entry in report.conditions)
    parts.append(_related("Pain may be referred from", report.referred_from))
    parts.append(_related("Related regions", report.see_also))
    return "".join(parts)
