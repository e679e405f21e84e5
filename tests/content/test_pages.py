"""Every region's page, as a clinician reads it: one glance, nothing said twice, sourced.

Walks every shipped record, as code: the at-a-glance block of each region,
the red flags of each condition, no sentence twice on a page, every source
an original with authors and a year, patient text a patient can read.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

import pytest

from viewer.bundle import load_bundle
from viewer.content.readability import grade
from viewer.content.render import build_report, page_texts, report_text, sentences
from viewer.content.sources import url_problem

SHIPPED = load_bundle()
ATLAS = SHIPPED.atlas
DOSE = re.compile(r"\b\d+(\.\d+)?\s?(mg|mcg|µg|g|ml|IU|units)\b", re.IGNORECASE)


@pytest.mark.parametrize("region_id", list(ATLAS.regions))
def test_no_sentence_twice_on_a_page(region_id: str) -> None:
    # References are listed under each condition that uses them: not sentences.
    report = build_report(ATLAS, region_id, "right")
    said = Counter(s for text in page_texts(report) for s in sentences(text))
    repeated = [s for s, count in said.items() if count > 1]
    assert repeated == [], f"{region_id} says these twice: {repeated[:5]}"


@pytest.mark.parametrize("region_id", list(ATLAS.regions))
def test_every_region_opens_at_a_glance(region_id: str) -> None:
    region = ATLAS.regions[region_id]
    assert region.first_test.strip()
    assert 1 <= len(region.red_flags) <= 8, "the glance's red flags: a short list"
    report = build_report(ATLAS, region_id)
    assert report.conditions
    for entry in report.conditions:
        assert entry.key_feature.strip(), f"{region_id}: {entry.condition.id} has no key feature"
    text = report_text(report)
    assert text.index("At a glance:") < text.index(region.summary[:40])


@pytest.mark.parametrize("condition_id", sorted(ATLAS.conditions))
def test_every_condition_is_complete(condition_id: str) -> None:
    condition = ATLAS.conditions[condition_id]
    assert condition.red_flags, "every condition has red flags"
    assert condition.key_feature
    assert condition.differentials, "what it is told apart from"
    for differential in condition.differentials:
        assert differential.tells_apart, f"{differential.condition}: say what tells it apart"
        assert differential.condition in ATLAS.conditions
        assert differential.condition != condition_id
    reviewed = datetime.date.fromisoformat(condition.reviewed)
    assert datetime.date(2026, 1, 1) <= reviewed <= datetime.date.today()
    for line in (*condition.symptoms, *condition.signs, *condition.management):
        assert len(line) <= 160, f"line too long for a quick read: {line}"
    assert not DOSE.search(" ".join(condition.management))


@pytest.mark.parametrize("condition_id", sorted(ATLAS.conditions))
def test_patient_text_is_plain_and_has_no_doses(condition_id: str) -> None:
    patient = ATLAS.conditions[condition_id].patient
    texts = [patient.what_it_is, *patient.what_helps, *patient.what_to_avoid,
             *patient.seek_help_urgently]  # fmt: skip
    assert grade(texts) <= 8.0, f"reads at grade {grade(texts):.1f}"
    assert patient.seek_help_urgently
    assert not DOSE.search(" ".join(texts))


def test_must_not_miss_conditions_are_present_and_flagged() -> None:
    required = {
        "acl_tear", "pcl_injury", "patellar_dislocation", "quadriceps_tendon_rupture",
        "patellar_tendon_rupture", "tibial_plateau_fracture", "septic_arthritis",
        "primary_bone_tumour", "hip_fracture", "transient_synovitis", "perthes_disease",
        "avascular_necrosis_femoral_head", "atypical_femoral_fracture",
        "peripheral_arterial_disease", "cellulitis", "syndesmosis_injury",
        "calcaneal_fracture", "talar_neck_fracture", "diabetic_foot_infection",
        "diabetic_foot_osteomyelitis",
    }  # fmt: skip
    assert required <= set(ATLAS.conditions)
    for dangerous in ("septic_arthritis", "primary_bone_tumour", "hip_fracture",
                      "acute_compartment_syndrome", "diabetic_foot_infection"):  # fmt: skip
        assert ATLAS.conditions[dangerous].must_not_miss, dangerous


def test_every_condition_is_found_at_a_region() -> None:
    linked = {link.condition for region in ATLAS.regions.values() for link in region.conditions}
    assert set(ATLAS.conditions) <= linked


def test_named_tests_are_at_the_sites_that_use_them() -> None:
    named = {test.name.lower() for c in ATLAS.conditions.values() for test in c.tests}
    for expected in ("lachman", "windlass", "weber", "thompson", "garden", "kocher", "schatzker",
                     "mcmurray", "squeeze", "hawkins", "ottawa"):  # fmt: skip
        assert any(expected in name for name in named), expected


@pytest.mark.parametrize("source_id", sorted(ATLAS.sources))
def test_every_cited_source_is_an_original_with_authors_and_year(source_id: str) -> None:
    source = ATLAS.sources[source_id]
    if source.kind == "seed":
        assert source.title
        return
    assert source.authors.strip(), "authors, or the body that wrote it"
    assert re.fullmatch(r"\d{4}", source.year)
    assert source.title.strip()
    assert source.url, "the original address: publisher, DOI, PubMed, PMC or Bookshelf"
    assert url_problem(source.url) == ""


def test_every_source_is_cited() -> None:
    cited = {s for c in ATLAS.conditions.values() for s in c.sources}
    cited |= {s for r in ATLAS.regions.values() for link in r.conditions for s in link.sources}
    cited |= {s for rule in ATLAS.rules.values() for s in rule.sources}
    assert set(ATLAS.sources) <= cited | {s for s in ATLAS.sources if s.startswith("seed_")}


def test_high_risk_is_set_per_site_not_per_compartment() -> None:
    risky = {r.id for r in ATLAS.regions.values() if r.high_risk}
    assert "anterior_compartment" not in risky
    assert {"tibial_shaft", "medial_malleolus", "navicular", "metatarsal_5_base",
            "sesamoids", "femoral_neck"} <= risky  # fmt: skip
    assert "metatarsal_2_shaft" not in risky


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple | list):
        return [text for item in value for text in _texts(item)]
    return []


def test_normalise_treats_whitespace_as_the_regular_expression_did() -> None:
    """normalise() tells repeats apart; it splits on str.isspace, as the regular expression
    it replaced matched \\s: the same key for every shipped text and for odd whitespace."""
    from viewer.content.render import normalise

    def by_pattern(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().rstrip(".;:").lower()

    records = [*ATLAS.regions.values(), *ATLAS.conditions.values(), *ATLAS.rules.values()]
    texts = [text for record in records for text in _texts(tuple(record))]
    odd = ["  a\u00a0b\u2028c\x1cd\x1f\te\r\nf.", "\u3000wide\u3000", "Stop.;:", "", " \x0b\x0c "]
    assert len(texts) > 1000
    for text in texts + odd:
        assert normalise(text) == by_pattern(text), repr(text)
