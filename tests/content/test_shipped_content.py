"""Walk every shipped record, as code: fields, references, drawings, seed facts."""

from __future__ import annotations

import datetime
import re

import pytest

from viewer.bundle import Bundle, load_bundle
from viewer.content.html import report_html
from viewer.content.render import build_report, report_text

SHIPPED = load_bundle()
ATLAS = SHIPPED.atlas
ISSUE_REGIONS = {
    "leg_anterior": [
        "femoral_shaft", "distal_femur", "patella", "patellar_tendon", "tibial_tuberosity",
        "proximal_tibia", "fibular_head", "tibial_shaft", "fibular_shaft", "medial_malleolus",
        "lateral_malleolus",
    ],
    "foot_dorsal": [
        "talus", "calcaneus", "navicular", "cuboid", "cuneiforms",
        *(f"metatarsal_{n}_shaft" for n in range(1, 6)),
        *(f"metatarsal_{n}_head" for n in range(1, 6)),
        "metatarsal_5_base", "hallux", "lesser_toes",
    ],
}  # fmt: skip


def test_shipped_content_and_drawings_pass_the_check() -> None:
    assert [str(p) for p in SHIPPED.problems] == []


@pytest.mark.parametrize("view", ISSUE_REGIONS)
def test_every_catalogue_region_is_drawn_and_has_content(view: str) -> None:
    for region in ISSUE_REGIONS[view]:
        assert region in ATLAS.regions, region
        assert view in ATLAS.regions[region].views
        assert region in SHIPPED.shapes[view], f"{region} has no shape in {view}"


def test_every_shape_has_content_and_every_region_a_shape(bundle: Bundle) -> None:
    for view, shapes in bundle.shapes.items():
        for shape in shapes:
            assert view in ATLAS.regions[shape].views
    for region in ATLAS.regions.values():
        for view in region.views:
            assert region.id in bundle.shapes[view]


@pytest.mark.parametrize("condition_id", sorted(ATLAS.conditions))
def test_condition_is_complete_and_sourced(condition_id: str) -> None:
    condition = ATLAS.conditions[condition_id]
    for field in ("symptoms", "signs", "risk_factors", "imaging", "red_flags", "management"):
        assert getattr(condition, field), f"{condition_id}: {field} is empty"
    assert condition.summary
    assert condition.sources
    assert all(source in ATLAS.sources for source in condition.sources)
    assert all(
        d.condition in ATLAS.conditions and d.condition != condition_id
        for d in condition.differentials
    )
    reviewed = datetime.date.fromisoformat(condition.reviewed)
    assert datetime.date(2026, 1, 1) <= reviewed <= datetime.date.today()
    for line in (*condition.symptoms, *condition.signs, *condition.management):
        assert len(line) <= 160, f"{condition_id}: line too long for a quick read: {line}"


@pytest.mark.parametrize("region_id", list(ATLAS.regions))
def test_region_links_resolve_and_site_notes_are_sourced(region_id: str) -> None:
    region = ATLAS.regions[region_id]
    assert region.summary
    assert region.conditions
    for link in region.conditions:
        assert link.condition in ATLAS.conditions
        if link.notes or link.imaging:
            assert link.sources
        assert all(source in ATLAS.sources for source in link.sources)
    for related in region.related:
        assert related.region in ATLAS.regions


def test_no_drug_doses() -> None:
    dose = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|g|ml|IU|units)\b", re.IGNORECASE)
    for region_id in ATLAS.regions:
        text = report_text(build_report(ATLAS, region_id))
        assert not dose.search(text), f"{region_id}: {dose.search(text)}"


@pytest.mark.parametrize(
    "region", ["tibial_shaft", "medial_malleolus", "patella", "navicular", "talus",
               "metatarsal_5_base"],
)  # fmt: skip
def test_high_risk_sites_are_flagged(region: str) -> None:
    assert ATLAS.regions[region].high_risk


def test_low_risk_sites_are_not_flagged() -> None:
    for region in ("fibular_shaft", "metatarsal_3_shaft", "calcaneus", "femoral_shaft"):
        assert not ATLAS.regions[region].high_risk, region


# Seed facts (CONTENT.md) that concern these regions, as key phrases in the text a
# clinician reads for the region. Each alternative group must match at least once.
SEED_FACTS: dict[str, list[tuple[str, ...]]] = {
    "distal_femur": [
        ("endurance",), ("military",), ("vague",),
        ("l3",), ("l4",), ("femoral nerve",), ("sciatic",),
    ],
    "proximal_tibia": [
        ("inner side", "medial side", "inner knee"), ("menisc",), ("tendon",),
    ],
    "patella": [
        ("rare",), ("cartilage",), ("ligament",), ("not reproduced",),
        ("numbness", "tingling"), ("hamstring",), ("gait",),
    ],
    "tibial_shaft": [
        ("fatigue",), ("insufficiency",), ("surface",), ("concrete",), ("arch",),
        ("footwear",), ("vitamin d",), ("calcium",), ("oestrogen", "estrogen"),
        ("red-s", "triad"), ("night",), ("dull",), ("pinpoint",), ("swelling",),
        ("bruis",), ("same-day", "same day"), ("often normal",), ("mri",),
        ("oedema", "edema"), ("walking boot",), ("crutches",), ("graded",),
        ("gait retraining", "gait analysis"), ("cross-train",), ("rest days", "rest day"),
        ("smok",), ("acupuncture",), ("dry needling",), ("adjunct",),
        ("bone density",), ("muscle fatigue",), ("overpronation",), ("forefoot strik",),
        ("navicular",), ("metatarsal",), ("femur",), ("fibula",), ("pelvis",),
        ("tendinopathy",), ("plantar fasciitis",), ("acute fracture",),
    ],
    "metatarsal_2_head": [
        ("fat pad",), ("diabetes",), ("rheumatoid",), ("casting", "cast"), ("padding",),
        ("neighbouring", "adjacent"), ("orthos",), ("displace",), ("exercise",),
    ],
    "metatarsal_3_head": [("fat pad",), ("diabetes",)],
    # "Can Your Back Cause Knee Pain?": the sources of referred pain, and its clues
    "lumbar_spine": [
        ("l3",), ("l4",), ("l5",), ("s1",), ("radiculopathy",), ("stenosis",),
        ("worse standing", "worse when standing", "standing or walking"),
        ("better sitting", "better when sitting", "sitting"), ("piriformis",),
        ("spondylolisthesis",), ("not reproduced",), ("back position",),
        ("numbness",), ("tingling",), ("weakness",), ("buttock",), ("burning",),
        ("hamstring",), ("gait",), ("core",),
    ],
    "piriformis": [("piriformis syndrome",), ("sciatic",), ("buttock",), ("knee",)],
    "femoral_nerve": [("femoral nerve",), ("l3", "l4")],
    "sciatic_nerve": [("sciatic",), ("knee",)],
    "hamstrings": [("hamstring tightness", "tight hamstring", "hamstring tight")],
    # Common stress-fracture sites include the pelvis ("Stress Fracture Treatment NYC").
    "pubic_ramus": [
        ("pelvis",), ("tibia",), ("navicular",), ("metatarsal",), ("femur",), ("fibula",),
        ("insufficiency",),
    ],
    # The podiatry handout's fat-pad facts, at the fat pads themselves.
    "forefoot_fat_pad": [
        ("fat pad",), ("age",), ("pressure",), ("diabetes",), ("rheumatoid",),
        ("padding",), ("orthos",),
    ],
    "heel_fat_pad": [("fat pad",), ("age",), ("diabetes",), ("rheumatoid",)],
}  # fmt: skip
# Every knee region names the places its pain may be referred from.
KNEE_REGIONS = [
    "distal_femur", "patella", "patellar_tendon", "tibial_tuberosity", "proximal_tibia",
    "pes_anserine", "medial_joint_line", "lateral_joint_line", "iliotibial_band",
    "popliteal_fossa", "fibular_head",
]  # fmt: skip


@pytest.mark.parametrize("region_id", KNEE_REGIONS)
def test_knee_regions_show_where_pain_may_be_referred_from(region_id: str) -> None:
    report = build_report(ATLAS, region_id)
    sources = {"lumbar_spine", "piriformis", "femoral_neck"}
    assert {r.region for r in report.referred_from} >= sources
    text = report_text(report)
    assert "Pain may be referred from:" in text
    html = report_html(report)
    for source in sources:
        assert f'href="atlas:region/{source}"' in html


@pytest.mark.parametrize("region_id", list(SEED_FACTS))
def test_seed_facts_are_in_the_region_text(region_id: str) -> None:
    text = report_text(build_report(ATLAS, region_id)).lower()
    text = re.sub(r"\s+", " ", text)
    missing = [group for group in SEED_FACTS[region_id] if not any(p in text for p in group)]
    assert missing == [], f"{region_id} lacks seed facts: {missing}"
