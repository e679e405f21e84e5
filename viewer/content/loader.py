"""YAML content directory -> Atlas, with file:line:col on every problem.

A bad record is reported and left out; the rest of the content still loads.
Cross-references are collected here (with where they were written) and
resolved by validate.py once everything is read.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

import yaml

from viewer.content.model import (
    AREAS,
    FREQUENCIES,
    MODALITIES,
    RELATION_KINDS,
    SOURCE_KINDS,
    TEST_KINDS,
    Atlas,
    Condition,
    ConditionLink,
    Differential,
    ImagingNote,
    Location,
    NamedTest,
    PatientText,
    Problem,
    Region,
    RelatedRegion,
    Rule,
    RuleCriterion,
    RuleOutcome,
    Source,
)
from viewer.content.pack import layout, printable
from viewer.content.readability import grade
from viewer.content.sources import url_problem
from viewer.content.yaml_reader import MAX_RECORDS, Invalid, NodeReader, compose

# ASCII digits only: \d would also take other scripts' digits, which no editor means.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR = re.compile(r"[0-9]{4}")
PATIENT_GRADE = 8.0
T = TypeVar("T")
R = TypeVar("R", Source, Condition, Region, Rule)


@dataclass(frozen=True, slots=True)
class Reference:
    """An id written in one record that must exist in another collection."""

    kind: str  # "condition", "source" or "region"
    target: str
    where: Location


@dataclass(frozen=True, slots=True)
class Defined:
    kind: str
    id: str
    where: Location


@dataclass
class LoadResult:
    atlas: Atlas
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    definitions: list[Defined] = field(default_factory=list)


class _RecordReader(NodeReader):
    """Reads the content schema (docs/content-format.md) out of YAML nodes."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.references: list[Reference] = []
        self.definitions: list[Defined] = []

    def ref(self, node: yaml.Node, kind: str, what: str) -> str:
        target = self.identifier(node, what)
        self.references.append(Reference(kind, target, self.where(node)))
        return target

    def refs(self, node: yaml.Node, kind: str, what: str, allow_empty: bool) -> tuple[str, ...]:
        return self.items(node, what, lambda item: self.ref(item, kind, what), allow_empty)

    def record(
        self,
        node: yaml.Node,
        kind: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, yaml.Node]:
        """A record's fields; if its shape is wrong, its id is still noted as written,
        so the records that refer to it are not reported as pointing nowhere."""
        try:
            return self.mapping(node, kind, required, optional)
        except Invalid:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if key.value == "id" and isinstance(value, yaml.ScalarNode):
                        self.definitions.append(Defined(kind, value.value, self.where(value)))
            raise

    def define(self, node: yaml.Node, kind: str) -> str:
        value = self.identifier(node, f"{kind} id")
        self.definitions.append(Defined(kind, value, self.where(node)))
        return value

    def imaging_note(self, node: yaml.Node) -> ImagingNote:
        fields = self.mapping(node, "imaging note", ("modality", "note"), ("when",))
        values = _Fields(self)
        when = fields.get("when")
        note = ImagingNote(
            modality=values.get(lambda: self.choice(fields["modality"], "modality", MODALITIES)),
            note=values.get(lambda: self.string(fields["note"], "imaging note")),
            when=values.get(lambda: self.string(when, "when")) if when is not None else "",
        )
        values.check()
        return note

    def date(self, node: yaml.Node, what: str) -> str:
        """A real calendar date, written YYYY-MM-DD, not after today."""
        value = self.string(node, what)
        try:
            day = datetime.date.fromisoformat(value) if _DATE.fullmatch(value) else None
        except ValueError:
            day = None
        if day is None:
            raise self.fail(node, f"{what} must be a real date written YYYY-MM-DD, not {value!r}")
        if day > datetime.date.today():
            raise self.fail(node, f"{what} {value} is in the future")
        return value

    def year(self, node: yaml.Node) -> str:
        value = self.string(node, "year")
        if not _YEAR.fullmatch(value) or not 1800 <= int(value) <= datetime.date.today().year:
            raise self.fail(node, f"year must be four digits, not in the future; got {value!r}")
        return value

    def url(self, node: yaml.Node) -> str:
        value = self.string(node, "url")
        problem = url_problem(value)
        if problem:
            raise self.fail(node, problem)
        return value

    def named_test(self, node: yaml.Node) -> NamedTest:
        fields = self.mapping(node, "test", ("name", "kind", "finding"))
        values = _Fields(self)
        test = NamedTest(
            name=values.get(lambda: self.string(fields["name"], "test name")),
            kind=values.get(lambda: self.choice(fields["kind"], "kind", TEST_KINDS)),
            finding=values.get(lambda: self.string(fields["finding"], "finding")),
        )
        values.check()
        return test

    def differential(self, node: yaml.Node) -> Differential:
        """An id, or {condition: id, tells_apart: one line}."""
        if isinstance(node, yaml.ScalarNode):
            return Differential(self.ref(node, "condition", "differential"))
        fields = self.mapping(node, "differential", ("condition", "tells_apart"))
        values = _Fields(self)
        differential = Differential(
            condition=values.get(
                lambda: self.ref(fields["condition"], "condition", "differential")
            ),
            tells_apart=values.get(lambda: self.string(fields["tells_apart"], "tells_apart")),
        )
        values.check()
        return differential

    def patient(self, node: yaml.Node) -> PatientText:
        keys = ("what_it_is", "what_helps", "what_to_avoid", "seek_help_urgently")
        fields = self.mapping(node, "patient", keys)
        values = _Fields(self)
        text = PatientText(
            what_it_is=values.get(lambda: self.string(fields["what_it_is"], "what_it_is")),
            what_helps=values.get(lambda: self.strings(fields["what_helps"], "what_helps", False)),
            what_to_avoid=values.get(
                lambda: self.strings(fields["what_to_avoid"], "what_to_avoid", False)
            ),
            seek_help_urgently=values.get(
                lambda: self.strings(fields["seek_help_urgently"], "seek_help_urgently", False)
            ),
        )
        values.check()
        level = grade([text.what_it_is, *text.what_helps, *text.what_to_avoid,
                       *text.seek_help_urgently])  # fmt: skip
        if level > PATIENT_GRADE:
            # Reported, not refused: the record still loads and prints.
            self.problems.append(
                Problem(
                    self.where(node),
                    f"patient text reads at grade {level:.1f} (Flesch-Kincaid; the limit is "
                    f"{PATIENT_GRADE:g}): use shorter sentences and plainer words",
                )
            )
        return text

    def imaging(self, node: yaml.Node, allow_empty: bool) -> tuple[ImagingNote, ...]:
        return self.items(node, "imaging", self.imaging_note, allow_empty)

    def source(self, node: yaml.Node) -> Source:
        fields = self.record(
            node, "source", ("id", "kind", "title"), ("authors", "year", "published_in", "url")
        )
        values = _Fields(self)
        kind = values.get(lambda: self.choice(fields["kind"], "kind", SOURCE_KINDS))
        # A seed document is cited by its title; every other source by its authors and year.
        for key in ("authors", "year"):
            if kind not in (None, "seed") and key not in fields:
                self.fail(node, f"source: missing {key!r} (only seed documents may omit it)")
                values.bad = True
        authors, year = fields.get("authors"), fields.get("year")
        published_in, url = fields.get("published_in"), fields.get("url")
        source = Source(
            id=values.get(lambda: self.define(fields["id"], "source")),
            kind=kind,
            authors=values.get(lambda: self.string(authors, "authors")) if authors else "",
            title=values.get(lambda: self.string(fields["title"], "title")),
            year=values.get(lambda: self.year(year)) if year else "",
            published_in=values.get(lambda: self.string(published_in, "published_in"))
            if published_in
            else "",
            url=values.get(lambda: self.url(url)) if url is not None else None,
        )
        values.check()
        return source

    def condition(self, node: yaml.Node) -> Condition:
        lists = ("symptoms", "signs", "risk_factors", "red_flags", "management")
        fields = self.record(
            node,
            "condition",
            ("id", "name", "aliases", "summary", "key_feature", *lists, "imaging")
            + ("differentials", "patient", "sources", "reviewed"),
            ("tests", "presentations", "must_not_miss"),
        )
        values = _Fields(self)
        tests, presentations = fields.get("tests"), fields.get("presentations")
        must_not_miss = fields.get("must_not_miss")

        def strings(key: str) -> tuple[str, ...]:
            return values.get(lambda: self.strings(fields[key], key, False))

        condition = Condition(
            id=values.get(lambda: self.define(fields["id"], "condition")),
            name=values.get(lambda: self.string(fields["name"], "name")),
            aliases=values.get(lambda: self.strings(fields["aliases"], "aliases")),
            summary=values.get(lambda: self.string(fields["summary"], "summary")),
            key_feature=values.get(lambda: self.string(fields["key_feature"], "key_feature")),
            symptoms=strings("symptoms"),
            signs=strings("signs"),
            risk_factors=strings("risk_factors"),
            imaging=values.get(lambda: self.imaging(fields["imaging"], False)),
            differentials=values.get(
                lambda: self.items(fields["differentials"], "differentials", self.differential)
            ),
            red_flags=strings("red_flags"),
            management=strings("management"),
            sources=values.get(lambda: self.refs(fields["sources"], "source", "source", False)),
            reviewed=values.get(lambda: self.date(fields["reviewed"], "reviewed")),
            patient=values.get(lambda: self.patient(fields["patient"])),
            tests=values.get(lambda: self.items(tests, "tests", self.named_test))
            if tests is not None
            else (),
            presentations=values.get(lambda: self.strings(presentations, "presentations"))
            if presentations is not None
            else (),
            must_not_miss=values.get(lambda: self.boolean(must_not_miss, "must_not_miss"))
            if must_not_miss is not None
            else False,
        )
        values.check()
        return condition

    def link(self, node: yaml.Node) -> ConditionLink:
        fields = self.mapping(
            node,
            "condition link",
            ("condition", "frequency"),
            ("high_risk", "notes", "imaging", "sources", "key_feature"),
        )
        values = _Fields(self)
        key_feature = fields.get("key_feature")
        high_risk = fields.get("high_risk")
        notes = fields.get("notes")
        imaging = fields.get("imaging")
        sources = fields.get("sources")
        link = ConditionLink(
            condition=values.get(lambda: self.ref(fields["condition"], "condition", "condition")),
            frequency=values.get(
                lambda: self.choice(fields["frequency"], "frequency", FREQUENCIES)
            ),
            high_risk=values.get(lambda: self.boolean(high_risk, "high_risk"))
            if high_risk is not None
            else False,
            notes=values.get(lambda: self.strings(notes, "notes")) if notes is not None else (),
            imaging=values.get(lambda: self.imaging(imaging, True)) if imaging is not None else (),
            sources=values.get(lambda: self.refs(sources, "source", "source", False))
            if sources is not None
            else (),
            key_feature=values.get(lambda: self.string(key_feature, "key_feature"))
            if key_feature is not None
            else "",
        )
        if (link.notes or link.imaging) and sources is None:
            self.fail(node, "condition link: 'sources' is required with notes or imaging")
            values.bad = True
        values.check()
        return link

    def related(self, node: yaml.Node) -> RelatedRegion:
        fields = self.mapping(node, "related region", ("region", "why"), ("kind",))
        values = _Fields(self)
        kind = fields.get("kind")
        related = RelatedRegion(
            region=values.get(lambda: self.ref(fields["region"], "region", "related region")),
            why=values.get(lambda: self.string(fields["why"], "why")),
            kind=values.get(lambda: self.choice(kind, "kind", RELATION_KINDS))
            if kind is not None
            else "related",
        )
        values.check()
        return related

    def region(self, node: yaml.Node) -> Region:
        fields = self.record(
            node,
            "region",
            ("id", "name", "aliases", "views", "summary", "area", "first_test", "red_flags")
            + ("conditions",),
            ("related",),
        )
        values = _Fields(self)
        related = fields.get("related")
        region = Region(
            id=values.get(lambda: self.define(fields["id"], "region")),
            name=values.get(lambda: self.string(fields["name"], "name")),
            aliases=values.get(lambda: self.strings(fields["aliases"], "aliases")),
            views=values.get(
                lambda: self.items(
                    fields["views"], "views", lambda item: self.identifier(item, "view"), False
                )
            ),
            summary=values.get(lambda: self.string(fields["summary"], "summary")),
            conditions=values.get(
                lambda: self.items(fields["conditions"], "conditions", self.link, False)
            ),
            area=values.get(lambda: self.choice(fields["area"], "area", tuple(AREAS))),
            first_test=values.get(lambda: self.string(fields["first_test"], "first_test")),
            red_flags=values.get(lambda: self.strings(fields["red_flags"], "red_flags", False)),
            related=values.get(lambda: self.items(related, "related", self.related))
            if related is not None
            else (),
        )
        values.check()
        if related is not None and any(r.region == region.id for r in region.related):
            raise self.fail(related, f"region {region.id!r} is related to itself")
        return region

    def number(self, node: yaml.Node, what: str) -> float:
        value = self.string(node, what)
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not math.isfinite(number) or abs(number) > 1000:
            raise self.fail(node, f"{what} must be a number, not {value!r}")
        return number

    def criterion(self, node: yaml.Node) -> RuleCriterion:
        fields = self.mapping(node, "criterion", ("id", "text"), ("points", "gate"))
        values = _Fields(self)
        points, gate = fields.get("points"), fields.get("gate")
        criterion = RuleCriterion(
            id=values.get(lambda: self.identifier(fields["id"], "criterion id")),
            text=values.get(lambda: self.string(fields["text"], "criterion text")),
            points=values.get(lambda: self.number(points, "points")) if points else 1.0,
            gate=values.get(lambda: self.boolean(gate, "gate")) if gate is not None else False,
        )
        values.check()
        return criterion

    def outcome(self, node: yaml.Node) -> RuleOutcome:
        fields = self.mapping(node, "outcome", ("min_score", "result", "advice"))
        values = _Fields(self)
        outcome = RuleOutcome(
            min_score=values.get(lambda: self.number(fields["min_score"], "min_score")),
            result=values.get(lambda: self.string(fields["result"], "result")),
            advice=values.get(lambda: self.string(fields["advice"], "advice")),
        )
        values.check()
        return outcome

    def rule(self, node: yaml.Node) -> Rule:
        fields = self.record(
            node,
            "rule",
            ("id", "name", "question", "applies_to", "exclusions", "regions", "criteria")
            + ("outcomes", "pitfalls", "sources", "reviewed"),
            ("gate_not_met",),
        )
        values = _Fields(self)
        gate_not_met = fields.get("gate_not_met")
        rule = Rule(
            id=values.get(lambda: self.define(fields["id"], "rule")),
            name=values.get(lambda: self.string(fields["name"], "name")),
            question=values.get(lambda: self.string(fields["question"], "question")),
            applies_to=values.get(lambda: self.string(fields["applies_to"], "applies_to")),
            exclusions=values.get(lambda: self.strings(fields["exclusions"], "exclusions")),
            regions=values.get(lambda: self.refs(fields["regions"], "region", "region", False)),
            criteria=values.get(
                lambda: self.items(fields["criteria"], "criteria", self.criterion, False)
            ),
            outcomes=values.get(
                lambda: self.items(fields["outcomes"], "outcomes", self.outcome, False)
            ),
            gate_not_met=values.get(lambda: self.string(gate_not_met, "gate_not_met"))
            if gate_not_met is not None
            else "",
            pitfalls=values.get(lambda: self.strings(fields["pitfalls"], "pitfalls", False)),
            sources=values.get(lambda: self.refs(fields["sources"], "source", "source", False)),
            reviewed=values.get(lambda: self.date(fields["reviewed"], "reviewed")),
        )
        values.check()
        ids = [criterion.id for criterion in rule.criteria]
        if len(set(ids)) != len(ids):
            raise self.fail(fields["criteria"], "criteria: each id must be used once")
        if any(c.gate for c in rule.criteria) and not rule.gate_not_met:
            raise self.fail(node, "rule: a rule with a gate criterion needs 'gate_not_met'")
        return rule


class _Fields:
    """Reads every field of a record so all its problems are reported, not just the first."""

    def __init__(self, reader: NodeReader) -> None:
        self.reader = reader
        self.bad = False

    def get(self, read: Callable[[], T]) -> T:
        try:
            return read()
        except Invalid:
            self.bad = True
            # The record is thrown away by check() before anyone sees this value.
            return cast(T, None)

    def check(self) -> None:
        if self.bad:
            raise Invalid("record")


def _display_name(path: Path, root: Path) -> str:
    try:
        return printable(path.relative_to(root.parent))
    except ValueError:
        return printable(path)


def load_atlas(data_dir: Path, pack_root: Path | None = None) -> LoadResult:
    """Load sources.yaml, sources/, conditions/ and regions/ from data_dir.

    Links may lead anywhere inside pack_root (the directory the user named;
    by default data_dir, or its parent when data_dir is a data/ folder).
    """
    result = LoadResult(Atlas())
    sources: dict[str, Source] = {}
    conditions: dict[str, Condition] = {}
    regions: dict[str, Region] = {}
    rules: dict[str, Rule] = {}

    def read_file(path: Path, kind: str) -> None:
        name = _display_name(path, data_dir)
        node, problem = compose(path, name)
        if node is None:
            if problem is not None:
                result.problems.append(problem)
            return
        reader = _RecordReader(name)
        try:
            if kind in ("condition", "rule"):
                record: Condition | Rule | None = (
                    _keep(conditions, reader.condition, node)
                    if kind == "condition"
                    else _keep(rules, reader.rule, node)
                )
                if record is not None and record.id != path.stem:
                    reader.fail(node, f"{kind} {record.id!r} must be in {record.id}.yaml")
            elif kind == "source":
                for item in reader.sequence(node, "source file", False, MAX_RECORDS):
                    _keep(sources, reader.source, item)
            else:
                for item in reader.sequence(node, "region file", False, MAX_RECORDS):
                    _keep(regions, reader.region, item)
        except Invalid:
            pass
        result.problems.extend(reader.problems)
        result.references.extend(reader.references)
        result.definitions.extend(reader.definitions)

    if not data_dir.is_dir():
        result.problems.append(Problem(Location(str(data_dir)), "content directory not found"))
        return result
    root = pack_root or (data_dir.parent if data_dir.name == "data" else data_dir)
    files = layout(data_dir, root)
    result.problems.extend(files.problems)
    # References: sources.yaml, plus any files in sources/ for groups kept apart.
    reported = any(p.where.file.endswith("sources.yaml") for p in files.problems)
    if files.sources_file is None and not files.folders["sources"] and not reported:
        result.problems.append(Problem(Location(str(data_dir / "sources.yaml")), "file not found"))
    for path in [files.sources_file] if files.sources_file else []:
        read_file(path, "source")
    for path in files.folders["sources"]:
        read_file(path, "source")
    for sub, kind in (("conditions", "condition"), ("regions", "region")):
        if not files.folders[sub]:
            result.problems.append(
                Problem(Location(str(data_dir / sub)), f"no {kind} files (*.yaml) found")
            )
        for path in files.folders[sub]:
            read_file(path, kind)
    for path in files.folders["rules"]:  # optional: a pack need not have any
        read_file(path, "rule")
    result.atlas = Atlas(regions=regions, conditions=conditions, sources=sources, rules=rules)
    return result


def _keep(target: dict[str, R], read: Callable[[yaml.Node], R], node: yaml.Node) -> R | None:
    """Read one record into target, unless it is invalid or its id is taken."""
    try:
        record = read(node)
    except Invalid:
        return None
    # validate.py reports duplicate ids; the first definition wins.
    target.setdefault(record.id, record)
    return record
