"""The loader names the file, line and column of every problem, and keeps what is valid."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import CONDITION, make_content, region_yaml

from viewer.bundle import load_bundle
from viewer.content.loader import load_atlas


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in load_bundle(root).problems]


def line(text: str, needle: str) -> int:
    """The 1-based line of needle in text: expected positions follow the test content."""
    return text[: text.index(needle)].count("\n") + 1


END = CONDITION.count("\n") + 1  # the line a key appended to CONDITION is on


def test_valid_content_has_no_problems(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    assert problems(root) == []
    atlas = load_bundle(root).atlas
    assert list(atlas.regions) == ["alpha", "beta"]
    assert atlas.conditions["cond"].reviewed == "2026-11-22"


def test_unknown_key_is_named_with_its_line(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(CONDITION + "colour: blue\n")
    assert any(
        p.startswith(f"data/conditions/cond.yaml:{END}:1:") and "unknown key 'colour'" in p
        for p in problems(root)
    )


def test_missing_field(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    text = CONDITION.replace("summary: A summary.\n", "")
    (root / "data/conditions/cond.yaml").write_text(text)
    found = problems(root)
    assert any("cond.yaml:1:1: condition: missing 'summary'" in p for p in found)
    # The broken condition is left out, without a cascade of "unknown" at every use.
    assert not any("unknown condition 'cond'" in p for p in found)
    assert "cond" not in load_bundle(root).atlas.conditions


def test_wrong_type(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("symptoms: [ache]", "symptoms: {a: b}")
    )
    where = f"cond.yaml:{line(CONDITION, 'symptoms:')}:11"
    assert any(f"{where}: symptoms must be a list" in p for p in problems(root))


def test_boolean_must_be_boolean(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    text = region_yaml("alpha").replace(
        "frequency: common", "frequency: common\n      high_risk: yes please"
    )
    (root / "data/regions/test.yaml").write_text(text + region_yaml("beta"))
    where = f"test.yaml:{line(text, 'high_risk')}:18"
    assert any(f"{where}: high_risk must be true or false" in p for p in problems(root))


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/regions/zz_more.yaml").write_text(region_yaml("alpha"))
    found = problems(root)
    assert any(
        p.startswith("data/regions/zz_more.yaml:1:7: duplicate region id 'alpha'")
        and "(first defined at data/regions/test.yaml:1:7)" in p
        for p in found
    )


def test_duplicate_key(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(CONDITION + "name: Again\n")
    found = problems(root)
    assert any(f"cond.yaml:{END}:1: condition: duplicate key 'name'" in p for p in found)


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("condition", "condition: nope", "unknown condition 'nope'"),
        ("source", "sources: [nowhere]", "unknown source 'nowhere'"),
    ],
)
def test_dangling_references(tmp_path: Path, field: str, text: str, message: str) -> None:
    root = make_content(tmp_path)
    if field == "condition":
        regions = region_yaml("alpha", "nope") + region_yaml("beta")
        (root / "data/regions/test.yaml").write_text(regions)
        expected = f"test.yaml:{line(regions, 'condition: nope')}:18: " + message
    else:
        (root / "data/conditions/cond.yaml").write_text(CONDITION.replace("sources: [src]", text))
        expected = f"cond.yaml:{line(CONDITION, 'sources: [src]')}:11: " + message
    assert any(expected in p for p in problems(root))


def test_dangling_related_region(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    text = region_yaml("alpha") + "  related:\n    - region: omega\n      why: nearby\n"
    (root / "data/regions/test.yaml").write_text(text + region_yaml("beta"))
    where = f"test.yaml:{line(text, 'region: omega')}:15"
    assert any(f"{where}: unknown region 'omega'" in p for p in problems(root))


def test_region_without_shape_and_shape_without_region(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    text = region_yaml("alpha") + region_yaml("gamma")
    (root / "data/regions/test.yaml").write_text(text)
    found = problems(root)
    where = f"test.yaml:{line(text, 'id: gamma')}:7"
    assert any(f"{where}: region 'gamma' has no shape in the test_view drawing" in p for p in found)
    assert any(
        p.startswith("assets/test_view.svg:4:5: shape 'beta'") and "no region" in p for p in found
    )


def test_python_tag_is_refused_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    root = make_content(tmp_path)
    (root / "data/sources.yaml").write_text(
        f"- !!python/object/apply:os.system ['touch {marker}']\n"
    )
    found = problems(root)
    assert any("sources.yaml:1:3: tag" in p and "not allowed" in p for p in found)
    assert not marker.exists()


def test_aliases_are_refused(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("symptoms: [ache]", "symptoms: &s [ache]").replace(
            "signs: [tenderness]", "signs: *s"
        )
    )
    where = f"cond.yaml:{line(CONDITION, 'symptoms:')}:11"
    assert any(f"{where}: anchors and aliases are not allowed" in p for p in problems(root))


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (root / "data/conditions/cond.yaml").write_text("\n".join(lines) + "\n")
    found = problems(root)
    assert any("cond.yaml" in p and "not allowed" in p for p in found)


def test_yaml_11_coercions_stay_text(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(
        CONDITION.replace("name: Test condition", "name: no").replace(
            "symptoms: [ache]", "symptoms: [1:20, 2026-01-01, on]"
        )
    )
    assert problems(root) == []
    condition = load_bundle(root).atlas.conditions["cond"]
    assert condition.name == "no"
    assert condition.symptoms == ("1:20", "2026-01-01", "on")


def test_syntax_error_points_at_the_line(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_text(CONDITION + "signs: [unclosed\n")
    found = problems(root)
    where = f"data/conditions/cond.yaml:{END + 1}:"
    assert any(p.startswith(where) and "YAML error" in p for p in found)


def test_empty_file(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/regions/empty.yaml").write_text("")
    assert "data/regions/empty.yaml:1:1: file is empty" in problems(root)


def test_invalid_utf8_and_bom(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").write_bytes(b"\xef\xbb\xbf" + CONDITION.encode())
    (root / "data/regions/bad.yaml").write_bytes(b"- id: ok\n  name: caf\xe9\n")
    found = problems(root)
    assert "data/regions/bad.yaml:2:12: not valid UTF-8 (byte 0xe9)" in found
    assert not any("cond.yaml" in p for p in found)


@pytest.mark.parametrize("text", ["[" * 50_000 + "]" * 50_000, "- " * 50_000 + "x"])
def test_deep_nesting_is_refused_before_composing(tmp_path: Path, text: str) -> None:
    # Our guard or libyaml's own limit (PyYAML 6.0.4 and later) may stop it first:
    # either way one problem at line 1 with a column, and the process survives.
    root = make_content(tmp_path)
    (root / "data/regions/deep.yaml").write_text(text + "\n")
    found = [p for p in problems(root) if "deep.yaml" in p]
    assert len(found) == 1, found
    assert re.match(r"data/regions/deep\.yaml:1:\d+: \S", found[0]), found


def test_huge_file_is_refused_without_reading(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    with (root / "data/regions/huge.yaml").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert any("huge.yaml: file is 52,428,800 bytes" in p for p in problems(root))


def test_condition_file_name_matches_id(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    (root / "data/conditions/cond.yaml").rename(root / "data/conditions/other.yaml")
    assert any("must be in cond.yaml" in p for p in problems(root))


def test_missing_directory(tmp_path: Path) -> None:
    result = load_atlas(tmp_path / "nowhere")
    assert [p.message for p in result.problems] == ["content directory not found"]
