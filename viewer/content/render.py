"""A region's content assembled once, then written as plain text or JSON.

The GUI's HTML (html.py) is written from the same assembly, so the CLI and
the app always say the same thing.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from viewer.content.model import (
    FREQUENCIES,
    MODALITIES,
    MODALITY_NAMES,
    Atlas,
    Condition,
    ConditionLink,
    ImagingNote,
    Region,
    Source,
)

WIDTH = 88


@dataclass(frozen=True, slots=True)
class SiteImaging:
    modality: str
    note: str
    at_site: bool  # written for this region, not for the condition in general


@dataclass(frozen=True, slots=True)
class ConditionAtSite:
    condition: Condition
    link: ConditionLink
    imaging: tuple[SiteImaging, ...]
    differentials: tuple[tuple[str, str], ...]  # (condition id, name)
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class RelatedAtSite:
    region: str
    name: str
    why: str
    kind: str  # a RELATION_KINDS value


@dataclass(frozen=True, slots=True)
class RegionReport:
    region: Region
    conditions: tuple[ConditionAtSite, ...]
    related: tuple[RelatedAtSite, ...]
    side: str = ""  # "left" or "right" when the reader said which side; "" otherwise

    @property
    def referred_from(self) -> tuple[RelatedAtSite, ...]:
        return tuple(r for r in self.related if r.kind == "referred_pain")

    @property
    def see_also(self) -> tuple[RelatedAtSite, ...]:
        return tuple(r for r in self.related if r.kind != "referred_pain")


def _imaging(link: ConditionLink, condition: Condition) -> tuple[SiteImaging, ...]:
    notes = [SiteImaging(n.modality, n.note, True) for n in link.imaging]
    notes += [SiteImaging(n.modality, n.note, False) for n in condition.imaging]
    order = {modality: index for index, modality in enumerate(MODALITIES)}
    return tuple(sorted(notes, key=lambda n: (order.get(n.modality, 99), not n.at_site)))


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def build_report(atlas: Atlas, region_id: str, side: str = "") -> RegionReport:
    """Everything shown for a region, with ids resolved to names and citations.

    Unresolved ids (only possible in content that failed the check) are skipped.
    """
    region = atlas.regions[region_id]
    rank = {frequency: index for index, frequency in enumerate(FREQUENCIES)}
    links = sorted(
        (link for link in region.conditions if link.condition in atlas.conditions),
        key=lambda link: (rank[link.frequency], not link.high_risk),
    )
    conditions = []
    for link in links:
        condition = atlas.conditions[link.condition]
        source_ids = _unique([*link.sources, *condition.sources])
        conditions.append(
            ConditionAtSite(
                condition=condition,
                link=link,
                imaging=_imaging(link, condition),
                differentials=tuple(
                    (d.condition, atlas.conditions[d.condition].name)
                    for d in condition.differentials
                    if d.condition in atlas.conditions
                ),
                sources=tuple(atlas.sources[s] for s in source_ids if s in atlas.sources),
            )
        )
    related = tuple(
        RelatedAtSite(r.region, atlas.regions[r.region].name, r.why, r.kind)
        for r in region.related
        if r.region in atlas.regions
    )
    return RegionReport(region, tuple(conditions), related, side)


def _wrap(text: str, indent: str = "", bullet: str = "") -> list[str]:
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


def condition_lines(entry: ConditionAtSite) -> Iterator[str]:
    condition, link = entry.condition, entry.link
    flag = "  [HIGH-RISK SITE]" if link.high_risk else ""
    yield f"== {condition.name} ({link.frequency} here){flag}"
    if condition.aliases:
        yield from _wrap("Also called: " + ", ".join(condition.aliases), "  ")
    yield from _section("At this site", link.notes)
    yield from _wrap(condition.summary, "  ")
    yield from _section("Symptoms", condition.symptoms)
    yield from _section("Exam signs", condition.signs)
    yield from _section("Risk factors", condition.risk_factors)
    yield from _section(
        "Imaging",
        (
            f"{MODALITY_NAMES[n.modality]}{' (this site)' if n.at_site else ''}: {n.note}"
            for n in entry.imaging
        ),
    )
    yield from _section("Red flags", condition.red_flags)
    yield from _section("First-line management", condition.management)
    if entry.differentials:
        names = (name for _, name in entry.differentials)
        yield from _wrap("Differentials: " + "; ".join(names), "  ")
    yield from _section("Sources", (source.citation for source in entry.sources))
    yield f"  Reviewed: {condition.reviewed}"


def report_text(report: RegionReport) -> str:
    region = report.region
    side = f" ({report.side.upper()} SIDE)" if report.side else ""
    lines = [region.name.upper() + side]
    if region.aliases:
        lines += _wrap("Also called: " + ", ".join(region.aliases))
    lines += _wrap(region.summary)
    if region.high_risk:
        lines.append(
            "HIGH-RISK SITE: stress fractures here are prone to non-union or displacement."
        )
    lines.append("")
    lines.append("Conditions here:")
    for entry in report.conditions:
        flag = " [high-risk site]" if entry.link.high_risk else ""
        lines.append(f"  - {entry.condition.name} ({entry.link.frequency}){flag}")
    for entry in report.conditions:
        lines.append("")
        lines.extend(condition_lines(entry))
    for title, related in (
        ("Pain may be referred from", report.referred_from),
        ("Related regions", report.see_also),
    ):
        if related:
            lines.append("")
            lines.append(f"{title}:")
            for item in related:
                lines.extend(_wrap(f"{item.name}: {item.why}", "  ", "- "))
    return "\n".join(lines) + "\n"


def _imaging_json(notes: Iterable[ImagingNote | SiteImaging]) -> list[dict[str, Any]]:
    return [{"modality": n.modality, "note": n.note} for n in notes]


def report_json(report: RegionReport) -> dict[str, Any]:
    region = report.region
    return {
        "id": region.id,
        "name": region.name,
        "aliases": list(region.aliases),
        "views": list(region.views),
        "summary": region.summary,
        "high_risk": region.high_risk,
        **({"side": report.side} if report.side else {}),
        "conditions": [
            {
                "id": entry.condition.id,
                "name": entry.condition.name,
                "aliases": list(entry.condition.aliases),
                "frequency": entry.link.frequency,
                "high_risk": entry.link.high_risk,
                "site_notes": list(entry.link.notes),
                "site_imaging": _imaging_json(entry.link.imaging),
                "summary": entry.condition.summary,
                "symptoms": list(entry.condition.symptoms),
                "signs": list(entry.condition.signs),
                "risk_factors": list(entry.condition.risk_factors),
                "imaging": _imaging_json(entry.condition.imaging),
                "differentials": list(entry.condition.differentials),
                "red_flags": list(entry.condition.red_flags),
                "management": list(entry.condition.management),
                "sources": [
                    {"id": s.id, "citation": s.citation, "url": s.url} for s in entry.sources
                ],
                "reviewed": entry.condition.reviewed,
            }
            for entry in report.conditions
        ],
        "related": [r.region for r in report.see_also],
        "referred_pain_from": [r.region for r in report.referred_from],
    }
