"""A region's page assembled once, then written as plain text or JSON.

The GUI's HTML (html.py) and the handout are written from the same assembly,
so the CLI and the app always say the same thing. The page opens with an
at-a-glance block (the conditions here, each with what tells it apart, the red
flags, the first test, the decision rules), then each condition in full. No
line is said twice on one page: a line already said (a red flag in the glance,
a shared risk factor) is left out where it would come again, and a site's own
imaging note replaces the condition's general note for the same modality.
"""

import re
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from viewer.content.model import (
    FREQUENCIES,
    MODALITY_NAMES,
    Atlas,
    Condition,
    ConditionLink,
    ImagingNote,
    NamedTest,
    Region,
    Rule,
    Source,
)
from viewer.content.page_budget import MAX_PAGE_CHARS, text_size

WIDTH = 88


class SiteImaging(NamedTuple):
    modality: str
    note: str
    at_site: bool  # written for this region, not for the condition in general
    when: str = ""  # a step in time, if timing changes the answer


class DifferentialAtSite(NamedTuple):
    condition: str
    name: str
    tells_apart: str


class ConditionAtSite(NamedTuple):
    condition: Condition
    link: ConditionLink
    key_feature: str
    site_notes: tuple[str, ...]
    symptoms: tuple[str, ...]
    signs: tuple[str, ...]
    tests: tuple[NamedTest, ...]
    risk_factors: tuple[str, ...]
    red_flags: tuple[str, ...]
    imaging: tuple[SiteImaging, ...]
    management: tuple[str, ...]
    differentials: tuple[DifferentialAtSite, ...]
    sources: tuple[Source, ...]

    @property
    def pathway(self) -> tuple[SiteImaging, ...]:
        """The imaging steps in time, in the order written."""
        return tuple(note for note in self.imaging if note.when)


class RelatedAtSite(NamedTuple):
    region: str
    name: str
    why: str
    kind: str  # a RELATION_KINDS value


class UserNote(NamedTuple):
    condition: str  # "" for the region
    label: str  # what the note is on, by name
    text: str


class RegionReport(NamedTuple):
    region: Region
    conditions: tuple[ConditionAtSite, ...]
    related: tuple[RelatedAtSite, ...]
    red_flags: tuple[str, ...]  # the glance's red flags
    rules: tuple[Rule, ...]
    side: str = ""  # "left" or "right" when the reader said which side; "" otherwise
    notes: tuple[UserNote, ...] = ()
    truncated: bool = False  # the page was cut short at MAX_PAGE_CHARS

    @property
    def referred_from(self) -> tuple[RelatedAtSite, ...]:
        return tuple(r for r in self.related if r.kind == "referred_pain")

    @property
    def see_also(self) -> tuple[RelatedAtSite, ...]:
        return tuple(r for r in self.related if r.kind != "referred_pain")


def normalise(text: str) -> str:
    """Runs of whitespace as one space, no end stop, lower case. Split and joined, not a
    regular expression: the same whitespace (str.isspace), and no pattern compiled when
    the first page of a start is made."""
    return " ".join(text.split()).rstrip(".;:").lower()


def sentences(text: str) -> list[str]:
    """The sentences of a line, normalised, for telling repeats apart."""
    parts = re.split(r"(?<=[.!?;])\s+", text)  # compiled when first used, not on import
    return [s for s in (normalise(part) for part in parts) if len(s) > 12]


class _Page:
    """What has been said on the page so far."""

    def __init__(self) -> None:
        self.said: set[str] = set()

    def fresh(self, items: Iterable[str]) -> tuple[str, ...]:
        """The items not yet said on this page (the first time, each is said)."""
        kept = []
        for item in items:
            key = normalise(item)
            if key and key not in self.said:
                self.said.add(key)
                kept.append(item)
        return tuple(kept)

    def fresh_tests(self, tests: Iterable[NamedTest]) -> tuple[NamedTest, ...]:
        kept = []
        for test in tests:
            key = normalise(f"{test.name}: {test.finding}")
            if key not in self.said:
                self.said.add(key)
                kept.append(test)
        return tuple(kept)


def _imaging(link: ConditionLink, condition: Condition) -> tuple[SiteImaging, ...]:
    """The condition's imaging in its written order, with this site's notes in place of
    the general ones for the same modality (site-only modalities come last)."""
    site: dict[str, list[ImagingNote]] = {}
    for note in link.imaging:
        site.setdefault(note.modality, []).append(note)
    out: list[SiteImaging] = []
    placed: set[str] = set()
    for note in condition.imaging:
        if note.modality not in site:
            out.append(SiteImaging(note.modality, note.note, False, note.when))
        elif note.modality not in placed:
            placed.add(note.modality)
            out += [SiteImaging(n.modality, n.note, True, n.when) for n in site[note.modality]]
    for modality, notes in site.items():
        if modality not in placed:
            out += [SiteImaging(n.modality, n.note, True, n.when) for n in notes]
    return tuple(out)


def relevant_conditions(atlas: Atlas, region: Region) -> set[str]:
    """Conditions a clinician weighs at this site: found here, at a related region,
    or anywhere in the same body area."""
    near = {related.region for related in region.related}
    return {
        link.condition
        for other in atlas.regions.values()
        if other.id == region.id or other.id in near or other.area == region.area
        for link in other.conditions
    }


def _order(link: ConditionLink, atlas: Atlas) -> tuple[int, bool, bool]:
    rank = {frequency: index for index, frequency in enumerate(FREQUENCIES)}
    condition = atlas.conditions[link.condition]
    return (rank[link.frequency], not condition.must_not_miss, not link.high_risk)


def build_report(
    atlas: Atlas, region_id: str, side: str = "", notes: Iterable[tuple[str, str]] = ()
) -> RegionReport:
    """Everything shown for a region, with ids resolved to names and citations.

    notes: the user's (condition id or "", text) notes here. Unresolved ids (only
    possible in content that failed the check) are skipped.
    """
    region = atlas.regions[region_id]
    page = _Page()
    links = sorted(
        (link for link in region.conditions if link.condition in atlas.conditions),
        key=lambda link: _order(link, atlas),
    )
    red_flags = page.fresh(region.red_flags)
    relevant = relevant_conditions(atlas, region)
    conditions: list[ConditionAtSite] = []
    budget = MAX_PAGE_CHARS - text_size(region)
    truncated = False
    for link in links:
        condition = atlas.conditions[link.condition]
        budget -= text_size(condition)
        if budget < 0:
            truncated = True
            break
        source_ids = list(dict.fromkeys([*link.sources, *condition.sources]))
        conditions.append(
            ConditionAtSite(
                condition=condition,
                link=link,
                key_feature=link.key_feature or condition.key_feature,
                site_notes=page.fresh(link.notes),
                symptoms=page.fresh(condition.symptoms),
                signs=page.fresh(condition.signs),
                tests=page.fresh_tests(condition.tests),
                risk_factors=page.fresh(condition.risk_factors),
                red_flags=page.fresh(condition.red_flags),
                imaging=_imaging(link, condition),
                management=page.fresh(condition.management),
                differentials=tuple(
                    DifferentialAtSite(
                        d.condition, atlas.conditions[d.condition].name, d.tells_apart
                    )
                    for d in condition.differentials
                    if d.condition in atlas.conditions and d.condition in relevant
                ),
                sources=tuple(atlas.sources[s] for s in source_ids if s in atlas.sources),
            )
        )
    related = tuple(
        RelatedAtSite(r.region, atlas.regions[r.region].name, r.why, r.kind)
        for r in region.related
        if r.region in atlas.regions
    )
    names = {c.condition.id: c.condition.name for c in conditions}
    user_notes = tuple(
        UserNote(
            condition,
            names.get(condition, condition.replace("_", " ")) if condition else region.name,
            text,
        )
        for condition, text in notes
        if text.strip()
    )
    return RegionReport(
        region=region,
        conditions=tuple(conditions),
        related=related,
        red_flags=red_flags,
        rules=tuple(atlas.rules_at(region_id)),
        side=side,
        notes=user_notes,
        truncated=truncated,
    )


def page_texts(report: RegionReport) -> list[str]:
    """Every text the page says, in order, references aside: what a reader reads."""
    region = report.region
    texts = [e.key_feature for e in report.conditions] + list(report.red_flags)
    texts += [region.first_test, region.summary]
    texts += [note.text for note in report.notes]
    for entry in report.conditions:
        texts += [*entry.site_notes, entry.condition.summary, *entry.symptoms, *entry.signs]
        texts += [f"{test.name}: {test.finding}" for test in entry.tests]
        texts += [*entry.risk_factors, *entry.red_flags]
        texts += [note.note for note in entry.imaging]
        texts += [*entry.management, *(d.tells_apart for d in entry.differentials)]
    texts += [related.why for related in report.related]
    return [text for text in texts if text]


# -- plain text ------------------------------------------------------------------------------


def _wrap(text: str, indent: str = "", bullet: str = "") -> list[str]:
    # Imported here: textwrap compiles its patterns on import (0.7 ms), and the window,
    # which writes HTML, never wraps; only the command line's plain text does.
    import textwrap

    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=indent + bullet,
        subsequent_indent=indent + " " * len(bullet),
    ) or [indent + bullet]


def _section(title: str, items: Iterable[str]) -> Iterator[str]:
    items = list(items)
    if items:
        yield f"  {title}:"
        for item in items:
            yield from _wrap(item, "    ", "- ")


def imaging_line(note: SiteImaging) -> str:
    when = f"{note.when}: " if note.when else ""
    site = " (this site)" if note.at_site else ""
    return f"{when}{MODALITY_NAMES[note.modality]}{site}: {note.note}"


def condition_lines(entry: ConditionAtSite) -> Iterator[str]:
    condition, link = entry.condition, entry.link
    flags = "  [HIGH-RISK SITE]" if link.high_risk else ""
    flags += "  [MUST NOT MISS]" if condition.must_not_miss else ""
    yield f"== {condition.name} ({link.frequency} here){flags}"
    if condition.aliases:
        yield from _wrap("Also called: " + ", ".join(condition.aliases), "  ")
    yield from _section("At this site", entry.site_notes)
    yield from _wrap(condition.summary, "  ")
    yield from _section("Symptoms", entry.symptoms)
    yield from _section("Exam signs", entry.signs)
    yield from _section(
        "Named tests, rules and classifications",
        (f"{test.name} ({test.kind}): {test.finding}" for test in entry.tests),
    )
    yield from _section("Risk factors", entry.risk_factors)
    yield from _section("Red flags", entry.red_flags)
    yield from _section("Imaging", (imaging_line(note) for note in entry.imaging))
    yield from _section("First-line management", entry.management)
    yield from _section(
        "Differentials",
        (f"{d.name}: {d.tells_apart}" if d.tells_apart else d.name for d in entry.differentials),
    )
    yield from _section("Sources", (source.citation for source in entry.sources))
    yield f"  Reviewed: {condition.reviewed}"


def glance_lines(report: RegionReport) -> Iterator[str]:
    yield "At a glance:"
    for entry in report.conditions:
        mark = "!" if entry.condition.must_not_miss else "-"
        yield from _wrap(
            f"{entry.condition.name} ({entry.link.frequency}): {entry.key_feature}",
            "  ",
            f"{mark} ",
        )
    yield from _section("Red flags", report.red_flags)
    yield from _wrap(f"First test: {report.region.first_test}", "  ")
    if report.rules:
        yield from _wrap("Decision rules here: " + "; ".join(r.name for r in report.rules), "  ")
    if report.referred_from:
        names = ", ".join(r.name for r in report.referred_from)
        yield from _wrap(f"Pain may be referred from: {names}", "  ")


def rule_lines(rule: Rule) -> Iterator[str]:
    yield f"== Decision rule: {rule.name}"
    yield from _wrap(f"{rule.question} For: {rule.applies_to}", "  ")
    gates = [c for c in rule.criteria if c.gate]
    if gates:
        yield from _section("Applies only with", (c.text for c in gates))
    yield from _section(
        "Criteria",
        (f"{c.text} ({c.points:+g})" for c in rule.criteria if not c.gate),
    )
    yield from _section(
        "Result",
        (f"score {o.min_score:g} or more: {o.result}. {o.advice}" for o in rule.outcomes),
    )
    yield from _section("Not for", rule.exclusions)
    yield from _section("Pitfalls", rule.pitfalls)


def report_text(report: RegionReport, atlas: Atlas | None = None) -> str:
    region = report.region
    side = f" ({report.side.upper()} SIDE)" if report.side else ""
    lines = [region.name.upper() + side]
    if region.aliases:
        lines += _wrap("Also called: " + ", ".join(region.aliases))
    if region.high_risk:
        lines.append(
            "HIGH-RISK SITE: stress fractures here are prone to non-union or displacement."
        )
    lines.append("")
    lines += glance_lines(report)
    lines.append("")
    lines += _wrap(region.summary)
    if report.notes:
        lines.append("")
        lines.append("Your notes:")
        for note in report.notes:
            lines += _wrap(f"{note.label}: {note.text}", "  ", "- ")
    for entry in report.conditions:
        lines.append("")
        lines.extend(condition_lines(entry))
    for rule in report.rules:
        lines.append("")
        lines.extend(rule_lines(rule))
    if report.truncated:
        lines.append("")
        lines.append(f"(The page is cut short: its content is over {MAX_PAGE_CHARS:,} characters.)")
    for title, related in (
        ("Referred pain: where it comes from", report.referred_from),
        ("Related regions", report.see_also),
    ):
        if related:
            lines.append("")
            lines.append(f"{title}:")
            for item in related:
                lines.extend(_wrap(f"{item.name}: {item.why}", "  ", "- "))
    return "\n".join(lines) + "\n"


# -- JSON ------------------------------------------------------------------------------------


def _imaging_json(notes: Iterable[SiteImaging]) -> list[dict[str, Any]]:
    return [
        {"modality": n.modality, "note": n.note, "this_site": n.at_site, "when": n.when or None}
        for n in notes
    ]


def rule_json(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "question": rule.question,
        "applies_to": rule.applies_to,
        "exclusions": list(rule.exclusions),
        "regions": list(rule.regions),
        "criteria": [
            {"id": c.id, "text": c.text, "points": c.points, "gate": c.gate} for c in rule.criteria
        ],
        "outcomes": [
            {"min_score": o.min_score, "result": o.result, "advice": o.advice}
            for o in rule.outcomes
        ],
        "pitfalls": list(rule.pitfalls),
        "sources": list(rule.sources),
        "reviewed": rule.reviewed,
    }


def _condition_json(entry: ConditionAtSite) -> dict[str, Any]:
    condition = entry.condition
    return {
        "id": condition.id,
        "name": condition.name,
        "aliases": list(condition.aliases),
        "frequency": entry.link.frequency,
        "high_risk": entry.link.high_risk,
        "must_not_miss": condition.must_not_miss,
        "key_feature": entry.key_feature,
        "site_notes": list(entry.site_notes),
        "summary": condition.summary,
        "symptoms": list(condition.symptoms),
        "signs": list(condition.signs),
        "tests": [t._asdict() for t in condition.tests],
        "risk_factors": list(condition.risk_factors),
        "red_flags": list(condition.red_flags),
        "imaging": _imaging_json(entry.imaging),
        "management": list(condition.management),
        "differentials": [
            {"id": d.condition, "name": d.name, "tells_apart": d.tells_apart}
            for d in entry.differentials
        ],
        "sources": [{"id": s.id, "citation": s.citation, "url": s.url} for s in entry.sources],
        "reviewed": condition.reviewed,
    }


def report_json(report: RegionReport) -> dict[str, Any]:
    region = report.region
    return {
        "id": region.id,
        "name": region.name,
        "area": region.area,
        "aliases": list(region.aliases),
        "views": list(region.views),
        "summary": region.summary,
        "high_risk": region.high_risk,
        **({"side": report.side} if report.side else {}),
        "glance": {
            "conditions": [
                {
                    "id": entry.condition.id,
                    "name": entry.condition.name,
                    "frequency": entry.link.frequency,
                    "must_not_miss": entry.condition.must_not_miss,
                    "key_feature": entry.key_feature,
                }
                for entry in report.conditions
            ],
            "red_flags": list(region.red_flags),
            "first_test": region.first_test,
        },
        "conditions": [_condition_json(entry) for entry in report.conditions],
        "rules": [rule_json(rule) for rule in report.rules],
        "notes": [
            {"condition": note.condition or None, "text": note.text} for note in report.notes
        ],
        "related": [r.region for r in report.see_also],
        "referred_pain_from": [r.region for r in report.referred_from],
        "truncated": report.truncated,
    }
