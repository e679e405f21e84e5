"""Frozen, typed records for the atlas content.

NamedTuples rather than dataclasses: they are as typed and immutable, and
creating the classes costs a tenth as much, which shows in start-up time.
"""

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
# Body areas, in catalogue order (CONTENT.md): the region list is grouped by these.
AREAS: Mapping[str, str] = MappingProxyType(
    {
        "hip_pelvis": "Hip and pelvis",
        "thigh": "Thigh",
        "knee": "Knee",
        "leg_ankle": "Lower leg and ankle",
        "hindfoot_midfoot": "Hindfoot and midfoot",
        "forefoot": "Forefoot",
        "sole": "Sole of the foot",
        "back": "Back and buttock (referred pain)",
    }
)
# What a named test, sign, rule or classification is; each says what a positive means.
TEST_KINDS: tuple[str, ...] = ("test", "sign", "rule", "score", "classification")
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
    kind: str
    authors: str  # people, or the body that wrote it; "" only for seed documents
    title: str
    year: str  # "" only for seed documents
    published_in: str = ""  # journal (with volume and pages) or publisher
    url: str | None = None

    @property
    def citation(self) -> str:
        """Vancouver style: Authors. Title. Journal or publisher; year."""
        where = self.published_in.rstrip(". ")
        if self.year and self.year not in where:
            where = f"{where}; {self.year}" if where else self.year
        if self.kind == "seed" and not where:
            where = "(seed document)"
        parts = [part.strip() for part in (self.authors, self.title, where) if part.strip()]
        return " ".join(part if part[-1] in ".?!" else part + "." for part in parts)


class ImagingNote(NamedTuple):
    modality: str
    note: str
    when: str = ""  # a step in time ("at presentation", "at 2-3 weeks"); "" if timing is moot


class NamedTest(NamedTuple):
    """A named test, sign, decision rule, score or classification, and what it shows."""

    name: str
    kind: str  # a TEST_KINDS value
    finding: str  # what a positive result (or each grade) means


class Differential(NamedTuple):
    condition: str
    tells_apart: str = ""  # one line: what tells this one apart


class PatientText(NamedTuple):
    """Plain words for a handout (Flesch-Kincaid grade 8 or lower, no doses)."""

    what_it_is: str
    what_helps: tuple[str, ...]
    what_to_avoid: tuple[str, ...]
    seek_help_urgently: tuple[str, ...]


class Condition(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    summary: str
    key_feature: str  # the one line that tells it apart, for the at-a-glance block
    symptoms: tuple[str, ...]
    signs: tuple[str, ...]
    risk_factors: tuple[str, ...]
    imaging: tuple[ImagingNote, ...]
    differentials: tuple[Differential, ...]
    red_flags: tuple[str, ...]
    management: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: str
    patient: PatientText
    tests: tuple[NamedTest, ...] = ()
    # How people describe it: lay, age and time words ("night pain in a teenager").
    presentations: tuple[str, ...] = ()
    must_not_miss: bool = False


class ConditionLink(NamedTuple):
    """A condition as it occurs at one region, with what is particular to the site."""

    condition: str
    frequency: str
    high_risk: bool = False
    notes: tuple[str, ...] = ()
    imaging: tuple[ImagingNote, ...] = ()
    sources: tuple[str, ...] = ()
    key_feature: str = ""  # what tells it apart at this site, if not the condition's own


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
    area: str  # an AREAS key
    first_test: str  # the first test to order here, and when
    red_flags: tuple[str, ...]  # at a glance: the red flags of every condition here
    related: tuple[RelatedRegion, ...] = ()

    @property
    def high_risk(self) -> bool:
        return any(link.high_risk for link in self.conditions)


class RuleCriterion(NamedTuple):
    id: str
    text: str
    points: float = 1.0  # what ticking it adds to the score (Wells: -2 for "alternative likely")
    gate: bool = False  # must be ticked for the rule to apply (e.g. pain in the malleolar zone)


class RuleOutcome(NamedTuple):
    min_score: float  # this outcome when the score is at least this (the highest that fits)
    result: str  # e.g. "Ankle X-ray indicated"
    advice: str  # what to do next


class Rule(NamedTuple):
    """A clinical decision rule, as data: criteria, how they combine, who it is for."""

    id: str
    name: str
    question: str  # what it decides
    applies_to: str  # who it was validated in (ages, setting)
    exclusions: tuple[str, ...]
    regions: tuple[str, ...]  # where the details panel offers it
    criteria: tuple[RuleCriterion, ...]
    outcomes: tuple[RuleOutcome, ...]
    gate_not_met: str  # the result when a gate criterion is not ticked ("" if no gate)
    pitfalls: tuple[str, ...]
    sources: tuple[str, ...]
    reviewed: str


class Atlas(NamedTuple):
    """All content, keyed by id, in the order it was written."""

    regions: Mapping[str, Region] = MappingProxyType({})
    conditions: Mapping[str, Condition] = MappingProxyType({})
    sources: Mapping[str, Source] = MappingProxyType({})
    rules: Mapping[str, Rule] = MappingProxyType({})

    def in_catalogue_order(self) -> list[Region]:
        """Regions by body area (AREAS' order, hip to sole, then the back), as written."""
        areas = {area: index for index, area in enumerate(AREAS)}
        return sorted(self.regions.values(), key=lambda region: areas.get(region.area, len(areas)))

    def rules_at(self, region: str) -> list[Rule]:
        return [rule for rule in self.rules.values() if region in rule.regions]

    def regions_in_view(self, view: str) -> list[Region]:
        return [region for region in self.regions.values() if view in region.views]
