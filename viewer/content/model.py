"""Frozen, typed records for the atlas content."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: 1-based line and column."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Problem:
    where: Location
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    citation: str
    kind: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ImagingNote:
    modality: str
    note: str


@dataclass(frozen=True, slots=True)
class Condition:
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


@dataclass(frozen=True, slots=True)
class ConditionLink:
    """A condition as it occurs at one region, with what is particular to the site."""

    condition: str
    frequency: str
    high_risk: bool = False
    notes: tuple[str, ...] = ()
    imaging: tuple[ImagingNote, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelatedRegion:
    region: str
    why: str


@dataclass(frozen=True, slots=True)
class Region:
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


@dataclass(frozen=True, slots=True)
class Atlas:
    """All content, keyed by id, in the order it was written."""

    regions: Mapping[str, Region] = field(default_factory=dict)
    conditions: Mapping[str, Condition] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)

    def regions_in_view(self, view: str) -> list[Region]:
        return [region for region in self.regions.values() if view in region.views]
