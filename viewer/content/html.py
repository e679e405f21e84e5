"""A region's page as HTML for the details panel.

Every piece of content passes through escape(): the data is text, never markup.
The only links are in-page anchors (#c-<condition id>) and the app's own
atlas:region/<id>, atlas:condition/<id> and atlas:rule/<id>, which the panel
handles itself. The classes used here are styled in viewer/ui/theme.py.
"""

from collections.abc import Iterable

from viewer.content.model import MODALITY_NAMES
from viewer.content.render import (
    MAX_PAGE_CHARS,
    ConditionAtSite,
    RegionReport,
    RelatedAtSite,
    SiteImaging,
)


def escape(text: str) -> str:
    """As html.escape(text): the html package would import its 2,231 named entities
    (1 ms) on the first click, to build a page that needs none of them."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def _list(items: Iterable[str], css: str = "") -> str:
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    if not rows:
        return ""
    attribute = f' class="{css}"' if css else ""
    return f"<ul{attribute}>{rows}</ul>"


def _section(title: str, items: Iterable[str], css: str = "") -> str:
    body = _list(items, css)
    return f"<h3>{escape(title)}</h3>{body}" if body else ""


GLANCE_END = "glance-end"  # an anchor where the at-a-glance block ends


def anchor(condition_id: str) -> str:
    return f"c-{condition_id}"


def region_link(region_id: str) -> str:
    return f"atlas:region/{region_id}"


def condition_link(condition_id: str) -> str:
    return f"atlas:condition/{condition_id}"


def rule_link(rule_id: str) -> str:
    return f"atlas:rule/{rule_id}"


def _link(href: str, text: str) -> str:
    # Ids are checked identifiers ([a-z0-9_]); escaping keeps that true for any input.
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _imaging_row(note: SiteImaging) -> str:
    when = f'<span class="when">{escape(note.when)}</span> ' if note.when else ""
    site = ' <span class="tag">· this site</span>' if note.at_site else ""
    name = escape(MODALITY_NAMES[note.modality])
    return f'<p class="img">{when}<b>{name}</b>{site}: {escape(note.note)}</p>'


def _imaging(entry: ConditionAtSite) -> str:
    # Paragraphs, not a table: tables cost the most to lay out, on every click.
    if not entry.imaging:
        return ""
    title = "Imaging, step by step" if entry.pathway else "Imaging"
    return f"<h3>{title}</h3>{''.join(_imaging_row(note) for note in entry.imaging)}"


def _tests(entry: ConditionAtSite) -> str:
    if not entry.tests:
        return ""
    rows = "".join(
        f'<li><b>{escape(test.name)}</b> <span class="muted">{escape(test.kind)}</span>: '
        f"{escape(test.finding)}</li>"
        for test in entry.tests
    )
    return f"<h3>Named tests, rules and classifications</h3><ul>{rows}</ul>"


def _condition(entry: ConditionAtSite) -> str:
    condition, link = entry.condition, entry.link
    risk = ' <span class="risk">&nbsp;HIGH-RISK SITE&nbsp;</span>' if link.high_risk else ""
    urgent = (
        ' <span class="urgent">&nbsp;MUST NOT MISS&nbsp;</span>' if condition.must_not_miss else ""
    )
    parts = [
        f'<h2><a name="{anchor(condition.id)}"></a>{escape(condition.name)} '
        f'<span class="freq">· {escape(link.frequency)} here</span>{risk}{urgent}</h2>'
    ]
    if condition.aliases:
        parts.append(f'<p class="aka">Also called: {escape(", ".join(condition.aliases))}</p>')
    if entry.site_notes:
        parts.append(
            '<p class="site"><b>At this site</b></p>'
            + "".join(f'<p class="site">• {escape(note)}</p>' for note in entry.site_notes)
        )
    parts.append(f"<p>{escape(condition.summary)}</p>")
    parts.append(_section("Symptoms", entry.symptoms))
    parts.append(_section("Exam signs", entry.signs))
    parts.append(_tests(entry))
    parts.append(_section("Risk factors", entry.risk_factors))
    parts.append(_section("Red flags: refer urgently", entry.red_flags, "red"))
    parts.append(_imaging(entry))
    parts.append(_section("First-line management", entry.management))
    if entry.differentials:
        rows = "".join(
            f"<li>{_link(condition_link(d.condition), d.name)}"
            + (f": {escape(d.tells_apart)}" if d.tells_apart else "")
            + "</li>"
            for d in entry.differentials
        )
        parts.append(f"<h3>Differentials here</h3><ul>{rows}</ul>")
    sources = "".join(f"<li>{escape(source.citation)}</li>" for source in entry.sources)
    parts.append(f'<h3>Sources</h3><ol class="muted">{sources}</ol>')
    parts.append(f'<p class="muted">Reviewed {escape(condition.reviewed)}</p>')
    return "".join(parts)


def _related(title: str, related: Iterable[RelatedAtSite]) -> str:
    items = "".join(
        f"<li><b>{_link(region_link(r.region), r.name)}</b>: {escape(r.why)}</li>" for r in related
    )
    return f"<h2>{escape(title)}</h2><ul>{items}</ul>" if items else ""


def glance_html(report: RegionReport) -> str:
    """The at-a-glance block: what is here and how to tell it apart, red flags, first test."""
    rows = []
    for entry in report.conditions:
        mark = '<span class="red">⚠</span> ' if entry.condition.must_not_miss else ""
        rows.append(
            f'<p class="glrow">{mark}<a href="#{anchor(entry.condition.id)}">'
            f"{escape(entry.condition.name)}</a>"
            f' <span class="muted">{escape(entry.link.frequency)}</span>'
            f" — {escape(entry.key_feature)}</p>"
        )
    parts = ['<div class="glance">', *rows]
    if report.red_flags:
        flags = "".join(f"<li>{escape(flag)}</li>" for flag in report.red_flags)
        parts.append(f'<p class="glhead red">Red flags</p><ul class="red glflags">{flags}</ul>')
    parts.append(f'<p class="gl"><b>First test:</b> {escape(report.region.first_test)}</p>')
    if report.rules:
        links = " · ".join(_link(rule_link(rule.id), rule.name) for rule in report.rules)
        parts.append(f'<p class="gl"><b>Decision rules here:</b> {links}</p>')
    if report.referred_from:
        names = " · ".join(_link(region_link(r.region), r.name) for r in report.referred_from)
        parts.append(f'<p class="gl"><b>Pain may be referred from:</b> {names}</p>')
    parts.append("</div>")
    return "".join(parts)


def report_html(report: RegionReport) -> str:
    return "".join(report_html_parts(report))


def report_html_parts(report: RegionReport) -> list[str]:
    """The page in pieces that each stand alone: the top (title, at a glance, summary,
    notes), one per condition, then the end (related regions). The window shows the
    top at once and adds the rest while idle."""
    region = report.region
    side = f' <span class="side">· {escape(report.side)} side</span>' if report.side else ""
    parts = [f"<h1>{escape(region.name)}{side}</h1>", glance_html(report)]
    # An anchor holds only inside a block with text after it: it opens the next paragraph.
    end = f'<a name="{GLANCE_END}"></a>'
    if region.high_risk:
        parts.append(
            f'<p class="riskbox">{end}<b>High-risk site.</b> Stress fractures here are prone '
            "to non-union or displacement: do not treat as a routine overuse injury.</p>"
        )
        end = ""
    parts.append(f"<p>{end}{escape(region.summary)}</p>")
    if region.aliases:
        parts.append(f'<p class="aka">Also called: {escape(", ".join(region.aliases))}</p>')
    if report.notes:
        rows = "".join(
            f"<li><b>{escape(note.label)}</b>: {escape(note.text)}</li>" for note in report.notes
        )
        parts.append(f'<h2>Your notes</h2><ul class="notes">{rows}</ul>')
    end_parts = []
    if report.truncated:
        end_parts.append(
            f'<p class="riskbox">The page is cut short: its content is over '
            f"{MAX_PAGE_CHARS:,} characters.</p>"
        )
    end_parts.append(_related("Referred pain: where it comes from", report.referred_from))
    end_parts.append(_related("Related regions", report.see_also))
    pieces = ["".join(parts), *(_condition(entry) for entry in report.conditions)]
    return [*pieces, "".join(end_parts)] if any(end_parts) else pieces
