"""Frozen, typed records for the atlas content.

NamedTuples rather than dataclasses: they are as typed and immutable, and
creating the classes costs a tenth as much, which shows in start-up time.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

MODALITIES: tuple[str, ...] = ("radiograph", "mri", "ct", "bone_scan", "ultrasound")
MODALITY_NAMES: Mapping[str, str] = {
    "radiograph": "Radiograph",
    "mri": "MRI",
    "ct": "CT",
    "bone_scan": "Bone scan",
    "ultrasound": "Ultrasound",
}
FREQUENCIES: tuple[str, ...] = ("common", "occasional", "rare")
SOURCE_KINDS: tuple[str, ...] = ("seed", "review", "study", "guideline", "web")
# How a related region matters: just nearby or easily confused, or a source of
# pain felt here (the lumbar spine, piriformis and hip for the knee).
RELATION_KINDS: tuple[str, ...] = ("related", "referred_pain")


class Location(NamedTuple):
    """Where something was written: 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


class Problem(NamedTuple):
    where: Location
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class Source(NamedTuple):
    id: str
    citation: str
    kind: str
    url: str | None = None


class ImagingNote(NamedTuple):
    modality: str
    note: str


class Condition(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    symptoms: tuple[str, ...]
    signs: tuple[str, ...]
    risk_factors: tuple[str, ...]
    imaging: tuple[ImagingNote, ...]
    differentials: tuple[str, ...]
    red_flags: tuple[str, ...]
    management: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: str


class ConditionLink(NamedTuple):
    """A condition as it occurs at one region, with what is particular to the site."""

    condition: str
    frequency: str
    high_risk: bool = False
    notes: tuple[str, ...] = ()
    imaging: tuple[ImagingNote, ...] = ()
    sources: tuple[str, ...] = ()


class RelatedRegion(NamedTuple):
    region: str
    why: str
    kind: str = "related"


class Region(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    views: tuple[str, ...]
    summary: str
    conditions: tuple[ConditionLink, ...]
    related: tuple[RelatedRegion, ...] = ()

    @property
    def high_risk(self) -> bool:
        return any(link.high_risk for link in self.conditions)


class Atlas(NamedTuple):
    """All content, keyed by id, in the order it was written."""

    regions: Mapping[str, Region] = MappingProxyType({})
    conditions: Mapping[str, Condition] = MappingProxyType({})
    sources: Mapping[str, Source] = MappingProxyType({})

    def regions_in_view(self, view: str) -> list[Region]:
        return [region for region in self.regions.values() if view in region.views]
